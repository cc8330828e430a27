//! What the employer sees of a proposal and how they answer it: the tasks with hours and what
//! the person can do in plain words, only from what is shared now; the answer form with its
//! field errors, the stale version and the employer boundary.

use crate::harness::{
    enc, placement_world, select_texts, sqlite, version_in, PlacementWorld, TestApp, User, ORIGIN,
};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use polku_domain::{
    ConsentMethod, ConsentPurpose, DataCategory, OpeningKind, PlacementId, RecipientClass, Role,
};
use polku_service::consents::NewConsent;
use polku_service::placements::NewPlacement;
use time::macros::date;

/// Words that must never reach an employer who was not shown functioning: the accommodation,
/// its cost, the dimension and the section about adjustments.
const FUNCTIONING_WORDS: [&str; 5] = [
    "Nostoapu",
    "350",
    "Nostaminen",
    "Työjärjestelyt ja kustannukset",
    "Sopii, kun",
];

async fn consent(
    app: &TestApp,
    w: &PlacementWorld,
    c: DataCategory,
) -> Vec<polku_domain::ConsentId> {
    app.service()
        .give_consent(
            &w.coach.actor,
            w.participant,
            NewConsent {
                recipient: RecipientClass::Employer,
                purpose: ConsentPurpose::Placement,
                categories: vec![c],
                method: ConsentMethod::Written,
                shown: Default::default(),
            },
            "service_delivery",
        )
        .await
        .expect("consent")
}

async fn propose(app: &TestApp, w: &PlacementWorld) -> PlacementId {
    app.service()
        .propose_placement(
            &w.coach.actor,
            NewPlacement {
                participant: w.participant,
                employer: w.employer,
                opening: None,
                kind: OpeningKind::WorkTrial,
                pay_subsidy: false,
                tasks: w.tasks.clone(),
                starts_on: date!(2027 - 02 - 01),
                ends_on: Some(date!(2027 - 03 - 31)),
                hours_per_day: 4,
                days_per_week: 5,
                mentor: None,
                categories: None,
                gig: None,
            },
        )
        .await
        .expect("proposal")
        .id
}

/// A form POST in a chosen language.
async fn post_in(
    app: &TestApp,
    lang: &str,
    path: &str,
    user: &User,
    fields: &[(&str, &str)],
) -> crate::harness::Res {
    let body = fields
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&");
    let req = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::ORIGIN, ORIGIN)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(
            header::COOKIE,
            format!("{}; polku_lang={lang}", user.cookie()),
        )
        .body(Body::from(body))
        .expect("request");
    app.send(req).await
}

#[test]
fn the_employer_sees_tasks_hours_and_plain_fit_but_nothing_of_functioning_without_consent() {
    sqlite(|app| async move {
        // Consent: contact details and skills only.
        let w = placement_world(&app).await;
        let id = propose(&app, &w).await;
        let page = app
            .get(&format!("/proposals/{id}"), Some(&w.employer_user))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let body = &page.body;
        for task in ["Toimistosiivous", "Ikkunanpesu"] {
            assert!(body.contains(task), "task {task} missing");
        }
        let cells = select_texts(body, "#tasks tbody td");
        assert_eq!(cells.iter().filter(|c| *c == "10").count(), 2, "{cells:?}");
        assert!(body.contains("yhteensä 20 tuntia viikossa"));
        assert_eq!(
            select_texts(body, "#tasks tbody li"),
            vec!["Osaa tehdä tehtävän itsenäisesti."; 2]
        );
        // Languages and functioning were not shared: said so, and not used.
        let not_shared = select_texts(body, "#not-shared").join(" ");
        assert!(not_shared.contains("kielitaito") && not_shared.contains("työjärjestelyt"));
        assert!(!body.contains("Kielitaito riittää"));
        for word in FUNCTIONING_WORDS {
            assert!(!body.contains(word), "{word} shown without consent");
        }
        // Levels ("3/4") and language levels appear nowhere in the text (ids in links may
        // contain "/4", so only the visible text is checked).
        let text = select_texts(body, "main").join(" ");
        assert!(!text.contains("/4") && !text.contains("B1") && !text.contains("A2"));
        assert!(body.contains("Arvio, varmista työllisyysviranomaiselta."));
        // The same in the API.
        let api = app
            .api(
                Method::GET,
                &format!("/api/v1/placements/{id}/proposal"),
                Some(&w.employer_user),
                None,
                &[],
            )
            .await;
        assert_eq!(api.status, StatusCode::OK, "{}", api.body);
        let j = api.json();
        assert_eq!(j["tasks"][0]["hours_per_week"], 10);
        assert_eq!(j["tasks"][0]["fit"][0]["code"], "independent");
        assert_eq!(j["shared"], serde_json::json!(["skills"]));
        assert!(j["adjustments"].is_null());
        for word in ["lifting", "capacity", "demand", "accommodation", "suits"] {
            assert!(!api.body.contains(word), "{word} in the API answer");
        }
        // The home page and the list show it as waiting.
        let home = app.get("/", Some(&w.employer_user)).await;
        assert!(home.body.contains(&format!("/proposals/{id}")));
        let list = app.get("/proposals", Some(&w.employer_user)).await;
        assert_eq!(select_texts(&list.body, "#waiting a").len(), 1);
        assert!(select_texts(&list.body, "#waiting li")[0].contains("odottanut"));
    });
}

#[test]
fn functioning_shows_adjustments_with_euros_until_the_consent_is_withdrawn() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let functioning = consent(&app, &w, DataCategory::Functioning).await;
        consent(&app, &w, DataCategory::Languages).await;
        let id = propose(&app, &w).await;
        let path = format!("/proposals/{id}");
        let page = app.get(&path, Some(&w.employer_user)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let fit = select_texts(&page.body, "#tasks tbody li");
        assert!(
            fit.iter()
                .any(|s| s.starts_with("Sopii, kun työpaikalla on")),
            "{fit:?}"
        );
        assert!(
            fit.iter().any(|s| s.starts_with("Kielitaito riittää")),
            "{fit:?}"
        );
        let adjustments = select_texts(&page.body, "#adjustments li").join(" ");
        assert!(adjustments.contains("350"), "{adjustments}");
        // Never a level, never a dimension (in the visible text: ids in links may hold "/4").
        let text = select_texts(&page.body, "main").join(" ");
        assert!(!text.contains("/4") && !text.contains("B1"));
        let api = app
            .api(
                Method::GET,
                &format!("/api/v1/placements/{id}/proposal"),
                Some(&w.employer_user),
                None,
                &[],
            )
            .await;
        assert_eq!(api.json()["adjustments"]["cost_eur"], 350, "{}", api.body);
        // The coach's preview shows the same, without the answer form.
        let preview = app.get(&path, Some(&w.coach)).await;
        assert_eq!(preview.status, StatusCode::OK);
        assert!(preview.body.contains("Näin työnantaja näkee ehdotuksen."));
        assert_eq!(
            select_texts(&preview.body, "#adjustments li"),
            select_texts(&page.body, "#adjustments li")
        );
        assert!(!preview.body.contains("name=\"answer\""));

        // The coach withdraws the consent to functioning: the next request shows none of it.
        for c in functioning {
            app.service()
                .withdraw_consent(&w.coach.actor, w.participant, c, "service_delivery")
                .await
                .expect("withdraw");
        }
        let page = app.get(&path, Some(&w.employer_user)).await;
        assert_eq!(page.status, StatusCode::OK);
        for word in FUNCTIONING_WORDS {
            assert!(!page.body.contains(word), "{word} shown after withdrawal");
        }
        assert!(select_texts(&page.body, "#not-shared")
            .join(" ")
            .contains("työjärjestelyt"));
        let api = app
            .api(
                Method::GET,
                &format!("/api/v1/placements/{id}/proposal"),
                Some(&w.employer_user),
                None,
                &[],
            )
            .await;
        assert!(api.json()["adjustments"].is_null(), "{}", api.body);
        let preview = app.get(&path, Some(&w.coach)).await;
        assert!(!preview.body.contains("Nostoapu"));
    });
}

#[test]
fn answering_no_needs_a_reason_in_each_language_and_a_stale_version_changes_nothing() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let id = propose(&app, &w).await;
        let path = format!("/proposals/{id}");
        let answer = format!("{path}/answer");
        let page = app.get(&path, Some(&w.employer_user)).await;
        let version = version_in(&page.body);
        for (lang, text) in [
            ("fi", "Kerro, miksi vastaus on ei."),
            ("sv", "Berätta varför svaret är nej."),
        ] {
            let res = post_in(
                &app,
                lang,
                &answer,
                &w.employer_user,
                &[("version", &version), ("answer", "no"), ("reason", "")],
            )
            .await;
            assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
            assert_eq!(
                select_texts(&res.body, "#reason-error"),
                vec![text.to_owned()],
                "{lang}"
            );
        }
        // A stale version: 409, the page says so, nothing changes.
        let res = app
            .post_form(
                &answer,
                Some(&w.employer_user),
                &[("version", "7"), ("answer", "yes")],
            )
            .await;
        assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
        let p = app
            .service()
            .placement(&w.coach.actor, id)
            .await
            .expect("placement");
        assert_eq!(p.placement.version, 1);
        assert_eq!(p.placement.answer, None);
        // The answer with the current version is saved and confirmed.
        let res = app
            .post_form(
                &answer,
                Some(&w.employer_user),
                &[("version", &version), ("answer", "meet")],
            )
            .await;
        app.confirms(
            &res,
            &w.employer_user,
            "Vastauksesi on tallennettu. Työhönvalmentaja näkee sen.",
        )
        .await;
        let p = app
            .service()
            .placement(&w.coach.actor, id)
            .await
            .expect("placement");
        assert_eq!(p.placement.answer, Some(polku_domain::EmployerAnswer::Meet));
    });
}

#[test]
fn another_employers_user_gets_not_found() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let id = propose(&app, &w).await;
        let other = app.user(Role::Employer).await;
        let page = app.get(&format!("/proposals/{id}"), Some(&other)).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        let res = app
            .post_form(
                &format!("/proposals/{id}/answer"),
                Some(&other),
                &[("version", "1"), ("answer", "yes")],
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        let api = app
            .api(
                Method::GET,
                &format!("/api/v1/placements/{id}/proposal"),
                Some(&other),
                None,
                &[],
            )
            .await;
        assert_eq!(api.status, StatusCode::NOT_FOUND);
        let list = app.get("/proposals", Some(&other)).await;
        assert!(!list.body.contains(&id.to_string()));
        let p = app
            .service()
            .placement(&w.coach.actor, id)
            .await
            .expect("placement");
        assert_eq!(p.placement.answer, None);
    });
}
