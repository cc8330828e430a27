//! The start page by role (the coach's day: today's meetings, overdue steps, long waits; a
//! participant's plain page) and the footer's public pages in each language.

use crate::harness::{has, select_attrs, select_texts, sqlite, Res, TestApp, User};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use polku_domain::{PlaceType, Role};
use polku_service::meetings::NewMeeting;
use time::{Duration, OffsetDateTime};

async fn get_lang(app: &TestApp, path: &str, lang: &str, user: Option<&User>) -> Res {
    let cookie = match user {
        Some(u) => format!("{}; polku_lang={lang}", u.cookie()),
        None => format!("polku_lang={lang}"),
    };
    let req = Request::builder()
        .uri(path)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .expect("request");
    app.send(req).await
}

#[test]
fn footer_pages_are_public_in_each_language_and_linked_from_every_page() {
    sqlite(|app| async move {
        let cases = [
            (
                "fi",
                "Saavutettavuusseloste",
                "Tietosuojaseloste",
                "Apua ja yhteystiedot",
                "Työvalmennus ja palvelupolun työ osallistujan kanssa",
            ),
            (
                "sv",
                "Tillgänglighetsutlåtande",
                "Dataskyddsbeskrivning",
                "Hjälp och kontaktuppgifter",
                "Jobbcoachning och arbete med deltagarens servicestig",
            ),
            (
                "en",
                "Accessibility statement",
                "Privacy notice",
                "Help and contact",
                "Coaching and service-path work with the participant",
            ),
        ];
        for (lang, a11y, privacy, help, purpose) in cases {
            let page = get_lang(&app, "/accessibility", lang, None).await;
            assert_eq!(page.status, StatusCode::OK, "{lang}: {}", page.body);
            assert_eq!(select_texts(&page.body, "h1"), vec![a11y.to_owned()]);
            assert!(page
                .body
                .contains("https://www.saavutettavuusvaatimukset.fi/"));
            assert!(page.body.contains("306/2019"), "{lang}");
            assert!(page.body.contains("Traficom"), "{lang}");
            assert!(page.body.contains("2026"), "the statement is dated");

            let page = get_lang(&app, "/privacy", lang, None).await;
            assert_eq!(page.status, StatusCode::OK, "{lang}: {}", page.body);
            assert_eq!(select_texts(&page.body, "h1"), vec![privacy.to_owned()]);
            let purposes = select_texts(&page.body, "section.purpose h3");
            assert!(
                purposes.iter().any(|p| p == purpose),
                "{lang}: {purposes:?}"
            );
            // One section per purpose of the register that uses data.
            assert_eq!(purposes.len(), polku_service::register::by_purpose().len());
            assert!(page.body.contains("tietosuoja.fi"));

            let page = get_lang(&app, "/help", lang, None).await;
            assert_eq!(page.status, StatusCode::OK, "{lang}: {}", page.body);
            assert_eq!(select_texts(&page.body, "h1"), vec![help.to_owned()]);

            for path in ["/sign-in", "/help"] {
                let page = get_lang(&app, path, lang, None).await;
                let links = select_attrs(&page.body, "footer a", "href");
                for want in ["/accessibility", "/privacy", "/help"] {
                    assert!(links.iter().any(|l| l == want), "{path} {lang}: {links:?}");
                }
                let names = select_texts(&page.body, "footer a");
                assert!(names.iter().any(|n| n == a11y), "{names:?}");
            }
        }
    });
}

#[test]
fn the_coach_starts_from_the_day_of_their_own_caseload() {
    sqlite(|app| async move {
        let svc = app.service();
        let coach = app.user(Role::Coach).await;
        let other = app.user(Role::Coach).await;
        let mut met = app.world.new_participant();
        met.personal.given_name = "Tänään".into();
        met.personal.family_name = "Tavattava".into();
        let met = svc
            .create_participant(&coach.actor, met, "service_delivery")
            .await
            .expect("participant");
        let mut waits = app.world.new_participant();
        waits.personal.given_name = "Pitkään".into();
        waits.personal.family_name = "Odottanut".into();
        let waits = svc
            .create_participant(&coach.actor, waits, "service_delivery")
            .await
            .expect("participant");
        let mut foreign = app.world.new_participant();
        foreign.personal.given_name = "Toisen".into();
        foreign.personal.family_name = "Valmentajan".into();
        svc.create_participant(&other.actor, foreign, "service_delivery")
            .await
            .expect("participant");
        let now = OffsetDateTime::now_utc();
        svc.record_meeting(
            &coach.actor,
            NewMeeting {
                participant_id: met,
                starts_at: now,
                duration_min: 30,
                place: PlaceType::Office,
                notes: String::new(),
            },
            "service_delivery",
        )
        .await
        .expect("meeting");
        let yesterday = now.date() - Duration::days(2);
        svc.add_plan_item(
            &coach.actor,
            met,
            "Päivitä ansioluettelo",
            Some(yesterday),
            "service_delivery",
        )
        .await
        .expect("step");
        svc.add_plan_item(
            &coach.actor,
            waits,
            "Tulevaisuuden askel",
            Some(now.date() + Duration::days(9)),
            "service_delivery",
        )
        .await
        .expect("step");

        let home = app.get("/", Some(&coach)).await;
        assert_eq!(home.status, StatusCode::OK, "{}", home.body);
        let b = &home.body;
        let today = select_texts(b, "#today li");
        assert_eq!(today.len(), 1, "{today:?}");
        assert!(today[0].contains("Tänään Tavattava"), "{today:?}");
        assert!(has(
            b,
            &format!("#today a[href=\"/participants/{met}/meetings\"]")
        ));
        let overdue = select_texts(b, "#overdue li");
        assert_eq!(overdue.len(), 1, "{overdue:?}");
        assert!(overdue[0].contains("Päivitä ansioluettelo"), "{overdue:?}");
        assert!(has(
            b,
            &format!("#overdue a[href=\"/participants/{met}/plan\"]")
        ));
        let long = select_texts(b, "#waits li");
        assert_eq!(long.len(), 1, "{long:?}");
        assert!(long[0].contains("Pitkään Odottanut"), "{long:?}");
        assert!(long[0].contains("päivää ilman tapaamista"), "{long:?}");
        assert!(
            !b.contains("Valmentajan"),
            "another coach's participant is not shown"
        );

        // The other coach sees only their own participant, waiting.
        let theirs = app.get("/", Some(&other)).await;
        assert!(select_texts(&theirs.body, "#today li").is_empty());
        assert!(theirs.body.contains("Ei tapaamisia tänään."));
        let long = select_texts(&theirs.body, "#waits li");
        assert_eq!(long.len(), 1);
        assert!(long[0].contains("Toisen Valmentajan"));

        let en = get_lang(&app, "/", "en", Some(&coach)).await;
        assert!(en.body.contains("Overdue plan steps"));
        assert!(en.body.contains("days without a meeting"));
    });
}

#[test]
fn other_roles_keep_their_links_and_a_participant_gets_a_plain_page() {
    sqlite(|app| async move {
        let coordinator = app.user(Role::Coordinator).await;
        let home = app.get("/", Some(&coordinator)).await;
        assert_eq!(home.status, StatusCode::OK);
        assert!(has(&home.body, "ul.cards a[href=\"/employers\"]"));
        assert!(!has(&home.body, "#today"));

        let participant = app.user(Role::Participant).await;
        let home = app.get("/", Some(&participant)).await;
        assert_eq!(home.status, StatusCode::OK, "{}", home.body);
        assert!(home.body.contains("Mitä voit tehdä"), "{}", home.body);
        assert!(has(&home.body, "main a[href=\"/help\"]"));
        // Plain-language Finnish is offered to participants and used when chosen.
        assert!(has(&home.body, "button[value=\"fi-x-selko\"]"));
        let selko = get_lang(&app, "/", "fi-x-selko", Some(&participant)).await;
        assert!(
            selko.body.contains("Polku auttaa sinua löytämään työtä."),
            "{}",
            selko.body
        );
        let sv = get_lang(&app, "/", "sv", Some(&participant)).await;
        assert!(sv.body.contains("Det här kan du göra"));
        // Staff are not offered it.
        assert!(!has(
            &app.get("/", Some(&coordinator)).await.body,
            "button[value=\"fi-x-selko\"]"
        ));
    });
}
