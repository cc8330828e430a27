//! Tests of the participants area: the caseload, enrolling with validation, the participant's
//! tabs (own coach only; everyone else gets 404), saving with a stale version (R50), the
//! functioning questionnaire, skill search with Finnish stemming, meetings, suggested work
//! explained from the catalogue, and job crafting saved as an opening.

use crate::harness::{
    coach_with_participant, has, has_cells, has_text, has_value, on, select_attrs, select_texts,
    sqlite, version_in, Res, TestApp, User,
};
use axum::body::Body;
use axum::http::StatusCode;
use axum::http::{header, Request};
use polku_domain::*;
use polku_service::participants::ParticipantChanges;
use polku_service::store::EscoConcept;
use polku_store_tests::fixtures::system;
use polku_store_tests::Backend;
use polku_web::i18n::{I18n, Locale};
use time::macros::date;

/// A coach with one participant (Aino Virtanen) on the caseload.
/// An employer with one cleaning task (lifting demand 2) and a paid opening for it, in Lahti.
async fn employer_with_opening(app: &TestApp) -> (EmployerId, TaskId, OpeningId) {
    let svc = app.service();
    let e = app.world.employer();
    svc.create_employer(&system(), e.clone())
        .await
        .expect("employer");
    let t = app.world.task(e.id, "Toimistosiivous");
    svc.add_task(&system(), t.clone()).await.expect("task");
    let o = Opening {
        id: OpeningId::new(),
        employer_id: e.id,
        kind: OpeningKind::Job,
        title: "Siivooja, osa-aika".into(),
        tasks: vec![t.id],
        municipality: MunicipalityCode::parse("398").expect("Lahti"),
        capacity: 1,
        monthly_wage_eur: Some(1200),
        starts_on: None,
        ends_on: None,
        version: 1,
    };
    svc.add_opening(&system(), o.clone())
        .await
        .expect("opening");
    (e.id, t.id, o.id)
}

#[test]
fn caseload_shows_own_participants_longest_waiting_first() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let other = app.user(Role::Coach).await;
        let svc = app.service();
        for (given, since) in [
            ("Uusi", date!(2026 - 11 - 01)),
            ("Vanha", date!(2025 - 01 - 15)),
        ] {
            let mut p = app.world.new_participant();
            p.personal.given_name = given.into();
            p.waiting_since = since;
            svc.create_participant(&coach.actor, p, "service_delivery")
                .await
                .expect("participant");
        }
        let mut theirs = app.world.new_participant();
        theirs.personal.given_name = "Vieras".into();
        svc.create_participant(&other.actor, theirs, "service_delivery")
            .await
            .expect("participant");

        let res = app.get("/participants", Some(&coach)).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let (old, new) = (
            res.body.find("Vanha Virtanen").expect("old"),
            res.body.find("Uusi Virtanen").expect("new"),
        );
        assert!(old < new, "longest waiting first");
        assert!(!res.body.contains("Vieras"), "another coach's participant");
        assert!(
            res.body.contains("Huomioi"),
            "long wait without a meeting is flagged"
        );
        assert!(has(&res.body, "a[href=\"/participants/new\"]"));
        assert!(has_text(&res.body, "caption", "2 osallistujaa"));
        let coordinator = app.user(Role::Coordinator).await;
        assert_eq!(
            app.get("/participants", Some(&coordinator)).await.status,
            StatusCode::FORBIDDEN
        );
    });
}

#[test]
fn participant_page_is_the_own_coachs_only() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let res = app.get(&format!("/participants/{id}"), Some(&coach)).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert!(has_text(
            &res.body,
            "h1",
            &format!("Aino {}", polku_store_tests::fixtures::FAMILY_NAME)
        ));
        assert!(has_text(
            &res.body,
            &format!("a[href=\"/participants/{id}\"][aria-current=page]"),
            "Perustiedot"
        ));
        for tab in [
            "",
            "/functioning",
            "/skills",
            "/languages",
            "/availability",
            "/path",
            "/meetings",
            "/suggestions",
            "/craft",
        ] {
            let res = app
                .get(&format!("/participants/{id}{tab}"), Some(&coach))
                .await;
            assert_eq!(res.status, StatusCode::OK, "{tab}: {}", res.body);
            assert_eq!(res.body.matches("<h1").count(), 1, "{tab}: one h1");
            assert!(has(&res.body, "[aria-current=page]"), "{tab}");
        }
        let other = app.user(Role::Coach).await;
        let coordinator = app.user(Role::Coordinator).await;
        for user in [&other, &coordinator] {
            for tab in ["", "/functioning", "/meetings", "/suggestions", "/craft"] {
                let res = app
                    .get(&format!("/participants/{id}{tab}"), Some(user))
                    .await;
                assert_eq!(res.status, StatusCode::NOT_FOUND, "{tab}");
                assert!(!res.body.contains("Virtanen"));
            }
            let res = app
                .post_form(
                    &format!("/participants/{id}"),
                    Some(user),
                    &[("version", "1"), ("given_name", "X"), ("family_name", "Y")],
                )
                .await;
            assert_eq!(res.status, StatusCode::NOT_FOUND);
        }
        // Unknown and malformed ids look the same.
        let res = app
            .get(
                &format!("/participants/{}", ParticipantId::new()),
                Some(&coach),
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        let res = app.get("/participants/not-an-id", Some(&coach)).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
    });
}

#[test]
fn new_participant_form_validates_and_keeps_values() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let res = app.get("/participants/new", Some(&coach)).await;
        assert_eq!(res.status, StatusCode::OK);
        let bad = [
            ("given_name", "Matti"),
            ("family_name", ""),
            ("hetu", "131052-308X"),
            ("email", "matti@example.fi"),
            ("home", "Lahti"),
            ("hours_min", "10"),
            ("hours_max", "20"),
            ("days_max", "4"),
        ];
        let res = app.post_form("/participants/new", Some(&coach), &bad).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res
            .body
            .contains("Henkilötunnuksen viimeinen merkki ei täsmää"));
        assert!(has(&res.body, "#hetu-error"));
        assert!(has_value(&res.body, "131052-308X"), "hetu kept");
        assert!(has_value(&res.body, "Matti"), "name kept");
        assert!(has(&res.body, "#family_name-error"));
        assert!(has(&res.body, "[aria-invalid=true]"));
        assert!(has(&res.body, "a[href=\"#hetu\"]"), "error summary links");

        let short = [
            ("hetu", "1310"),
            ("given_name", "Matti"),
            ("family_name", "M"),
            ("home", "Lahti"),
            ("hours_min", "1"),
            ("hours_max", "2"),
            ("days_max", "1"),
        ];
        let res = app
            .post_form("/participants/new", Some(&coach), &short)
            .await;
        assert!(res.body.contains("Henkilötunnuksessa on 11 merkkiä"));

        let mut good = bad.to_vec();
        good[1] = ("family_name", "Meikäläinen");
        good[2] = ("hetu", "131052-308T");
        let res = app
            .post_form("/participants/new", Some(&coach), &good)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let to = res.header("location").to_owned();
        assert!(to.starts_with("/participants/"));
        let page = app.get(&to, Some(&coach)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Matti Meikäläinen"));
        app.confirms(&res, &coach, "Osallistuja lisätty.").await;
        let path = to.split('?').next().unwrap_or_default();
        let id = ParticipantId::parse(path.trim_start_matches("/participants/")).expect("id");
        let view = app
            .service()
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("stored");
        assert_eq!(view.personal.hetu.expect("hetu").as_str(), "131052-308T");
        assert_eq!(view.personal.esf.birth_year, Some(1952));
    });
}

#[test]
fn a_stale_version_shows_the_conflict_and_both_values() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let page = app.get(&format!("/participants/{id}"), Some(&coach)).await;
        let version = version_in(&page.body);
        // Someone else saves in between.
        let svc = app.service();
        let view = svc
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("view");
        let mut personal = view.personal.clone();
        personal.family_name = "Toisenlainen".into();
        svc.update_participant(
            &coach.actor,
            id,
            view.version,
            ParticipantChanges {
                personal,
                sensitive: view.sensitive.clone(),
                stage: view.stage,
            },
            "service_delivery",
        )
        .await
        .expect("update");
        let res = app
            .post_form(
                &format!("/participants/{id}"),
                Some(&coach),
                &[
                    ("version", &version),
                    ("action", "save"),
                    ("given_name", "Aino"),
                    ("family_name", "Minunlainen"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
        assert!(res.body.contains("Joku muu muutti tietoja samaan aikaan"));
        assert!(has_text(&res.body, "dd", "Toisenlainen"), "their value");
        assert!(has_value(&res.body, "Minunlainen"), "my value kept");
        let stored = svc
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("view");
        assert_eq!(
            stored.personal.family_name, "Toisenlainen",
            "nothing overwritten"
        );
        // Saving again with the version now shown succeeds.
        let res = app
            .post_form(
                &format!("/participants/{id}"),
                Some(&coach),
                &[
                    ("version", &version_in(&res.body)),
                    ("given_name", "Aino"),
                    ("family_name", "Minunlainen"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        app.confirms(&res, &coach, "Perustiedot tallennettu.").await;
        let stored = svc
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("view");
        assert_eq!(stored.personal.family_name, "Minunlainen");
    });
}

#[test]
fn questionnaire_round_trip_stores_levels() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let url = format!("/participants/{id}/functioning");
        let page = app.get(&url, Some(&coach)).await;
        assert_eq!(page.status, StatusCode::OK);
        let lifting = polku_domain::catalogue::dimension(Dimension::Lifting).expect("lifting");
        assert!(has_text(&page.body, "legend", &lifting.question.fi_selko));
        assert!(page.body.contains("Ei arvioitu"));
        // One step at a time: physical questions, then senses, then the arrangements.
        let steps: [&[(&str, &str)]; 3] = [
            &[("step", "1"), ("dim-lifting", "3"), ("dim-standing", "na")],
            &[("step", "2"), ("dim-vision", "0")],
            &[
                ("step", "5"),
                ("acc", "lifting_trolley"),
                ("notes", "Tarvitsee taukoja"),
            ],
        ];
        let mut page = page;
        for fields in steps {
            let version = version_in(&page.body);
            let mut all = vec![("version", version.as_str())];
            all.extend_from_slice(fields);
            let res = app.post_form(&url, Some(&coach), &all).await;
            assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
            page = app
                .confirms(&res, &coach, "Toimintakyky tallennettu.")
                .await;
        }
        let view = app
            .service()
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("view");
        let f = &view.sensitive.functioning;
        assert_eq!(
            f.get(Dimension::Lifting),
            Assessment::Assessed(Level::new(3).expect("3"))
        );
        assert_eq!(
            f.get(Dimension::Vision),
            Assessment::Assessed(Level::new(0).expect("0"))
        );
        assert_eq!(f.get(Dimension::Standing), Assessment::NotAssessed);
        assert_eq!(
            view.sensitive.accommodations,
            vec!["lifting_trolley".to_owned()]
        );
        assert_eq!(view.sensitive.functional_notes, "Tarvitsee taukoja");
        let page = app.get(&url, Some(&coach)).await;
        assert!(has(
            &page.body,
            "input[name=dim-lifting][value=\"3\"][checked]"
        ));
        let bad = app
            .post_form(
                &url,
                Some(&coach),
                &[("version", &version_in(&page.body)), ("dim-lifting", "7")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&bad.body, "#dim-lifting-error"));
    });
}

#[test]
fn skills_are_found_by_finnish_word_forms_and_added() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let concept = |uri: &str, fi: &str, en: &str| EscoConcept {
            uri: uri.into(),
            kind: "skill".into(),
            label_fi: Some(fi.into()),
            label_sv: None,
            label_en: Some(en.into()),
            alt_labels: String::new(),
            ..EscoConcept::default()
        };
        let clean = "http://data.europa.eu/esco/skill/aaa-clean";
        let plan = "http://data.europa.eu/esco/skill/bbb-plan";
        app.service()
            .import_esco(
                &system(),
                &[
                    concept(clean, "siivota tiloja", "clean rooms"),
                    concept(plan, "siivouksen suunnittelu", "plan cleaning"),
                    concept(
                        "http://data.europa.eu/esco/skill/ccc-cook",
                        "valmistaa ruokaa",
                        "cook",
                    ),
                ],
                |_| {},
            )
            .await
            .expect("import");
        let url = format!("/participants/{id}/skills");
        let res = app.get(&format!("{url}?q=siivous"), Some(&coach)).await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(res.body.contains("siivota tiloja"), "{}", res.body);
        assert!(res.body.contains("siivouksen suunnittelu"));
        assert!(!res.body.contains("valmistaa ruokaa"));
        let version = version_in(&res.body);
        let res = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("version", &version),
                    ("action", "add"),
                    ("uri", clean),
                    ("evidence", "work_trial"),
                    ("q", "siivous"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let view = app
            .service()
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("view");
        assert!(view
            .personal
            .skills
            .iter()
            .any(|s| s.skill.as_str() == clean && s.evidence == Evidence::WorkTrial));
        let page = app.get(&url, Some(&coach)).await;
        assert!(page.body.contains("Työkokeilussa osoitettu"));
        // An occupation is not a skill: refused next to the search field.
        let res = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("version", &version_in(&page.body)),
                    ("action", "add"),
                    ("uri", "http://data.europa.eu/esco/occupation/x"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&res.body, "#q-error"));
    });
}

#[test]
fn meetings_are_recorded_and_show_on_the_caseload() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let url = format!("/participants/{id}/meetings");
        let bad = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("date", "2099-13-01"),
                    ("time", "10:00"),
                    ("duration_min", "2"),
                    ("place", "remote"),
                    ("notes", "Muistiinpano"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&bad.body, "#date-error"));
        assert!(has(&bad.body, "#duration_min-error"));
        assert!(has_text(&bad.body, "textarea", "Muistiinpano"));
        let ok = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("date", "2099-01-15"),
                    ("time", "10:30"),
                    ("duration_min", "45"),
                    ("place", "pop_up"),
                    ("notes", "Sovittiin kokeilusta"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let page = app.get(&url, Some(&coach)).await;
        assert!(
            page.body.contains("15.1.2099 klo\u{a0}10.30"),
            "{}",
            page.body
        );
        assert!(page.body.contains("Pop up -pisteessä"));
        assert!(page.body.contains("Sovittiin kokeilusta"));
        let caseload = app.get("/participants", Some(&coach)).await;
        assert!(caseload.body.contains("15.1.2099 klo\u{a0}10.30"));
    });
}

#[test]
fn suggestions_explain_a_feasible_opening_in_the_users_language() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        employer_with_opening(&app).await;
        let res = app
            .get(&format!("/participants/{id}/suggestions"), Some(&coach))
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let b = &res.body;
        assert!(
            b.contains("Siivooja, osa-aika – Lahden Siivouspalvelu Oy"),
            "{b}"
        );
        assert!(b.contains("Miksi sopii"));
        assert!(
            b.contains("10 tuntia viikossa sopii toiveeseen 10–25 tuntia."),
            "{b}"
        );
        assert!(
            b.contains("Nostoapu tai kuljetusvaunu, noin 350\u{a0}€"),
            "{b}"
        );
        assert!(b.contains("Palkkatukiarvio noin"), "{b}");
        assert!(b.contains("Välttämätön osaaminen"));
        assert!(b.contains("Osallistujalla on 1 / 1 välttämättömästä taidosta."));
        for zero in ["0 tasolla", "noin 0\u{a0}€", "0 / 0", "Arvioimatta 0"] {
            assert!(!b.contains(zero), "{zero:?} said: {b}");
        }
        assert!(!b.contains("hours a week"), "no English engine sentences");
    });
}

#[test]
fn too_few_suggestions_say_why_and_what_would_change_that() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        employer_with_opening(&app).await;
        let url = format!("/participants/{id}/suggestions");
        // With hours that fit, the one opening is suggested and nothing is left out.
        let fits = app.get(&url, Some(&coach)).await;
        assert!(
            !fits.body.contains("Miksi ehdotuksia on vähän"),
            "{}",
            fits.body
        );
        // Wanting 20–25 hours leaves the 10-hour opening out because of hours.
        let svc = app.service();
        let view = svc
            .get_participant(&system(), id, "service_delivery")
            .await
            .expect("participant");
        let mut personal = view.personal.clone();
        personal.availability.hours_per_week = HoursRange::new(20, 25).expect("hours");
        svc.update_participant(
            &coach.actor,
            id,
            view.version,
            ParticipantChanges {
                personal,
                sensitive: view.sensitive.clone(),
                stage: view.stage,
            },
            "service_delivery",
        )
        .await
        .expect("update");
        let res = app.get(&url, Some(&coach)).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let b = &res.body;
        assert!(b.contains("Sopivia työpaikkoja ei löytynyt."), "{b}");
        assert!(has(b, "section.why-few"), "{b}");
        assert!(b.contains("Hankkeen työpaikoista yksi jäi pois."), "{b}");
        assert!(b.contains("Työtunnit: yksi työpaikka"), "{b}");
        assert!(
            b.contains("Jos tuntitoive laajennetaan 10–25 tuntiin viikossa, esiin tulee yksi työpaikka lisää."),
            "{b}"
        );
        let en = get_in(&app, "en", &url, &coach).await;
        assert!(en.body.contains("Hours: one opening"), "{}", en.body);
        assert!(
            en.body
                .contains("Widen the hours to 10–25 a week to see one more opening."),
            "{}",
            en.body
        );
        let sv = get_in(&app, "sv", &url, &coach).await;
        assert!(sv.body.contains("Arbetstimmar: en plats"), "{}", sv.body);
    });
}

#[test]
fn craft_shows_the_job_and_saves_it_as_an_opening() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let (employer, task, _) = employer_with_opening(&app).await;
        let svc = app.service();
        let mut heavy = app.world.task(employer, "Mattojen kantaminen");
        heavy
            .demands
            .demands
            .insert(Dimension::Lifting, Level::new(4).expect("4"));
        svc.add_task(&system(), heavy).await.expect("task");
        let url = format!("/participants/{id}/craft");
        let res = app
            .get(&format!("{url}?employer={employer}"), Some(&coach))
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert!(
            res.body.contains("Toimistosiivous (10 h/vko)"),
            "{}",
            res.body
        );
        assert!(res.body.contains("Pois jätetyt tehtävät"));
        assert!(res.body.contains("Mattojen kantaminen: "), "{}", res.body);
        let res = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("employer", &employer.to_string()),
                    ("title", "Räätälöity siivoustyö"),
                    ("kind", "work_trial"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let openings = svc.openings(&system(), employer).await.expect("openings");
        let saved = openings
            .iter()
            .find(|o| o.title == "Räätälöity siivoustyö")
            .expect("saved opening");
        assert_eq!(saved.tasks, vec![task]);
        assert_eq!(saved.kind, OpeningKind::WorkTrial);
        let done = app.get(res.header("location"), Some(&coach)).await;
        assert_eq!(done.status, StatusCode::OK);
        assert!(done.body.contains("Räätälöity siivoustyö"));
        // An empty title is refused next to the field.
        let bad = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("employer", &employer.to_string()),
                    ("title", " "),
                    ("kind", "job"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&bad.body, "#title-error"));
    });
}

#[test]
fn keys_chosen_at_run_time_exist_in_every_language() {
    let i18n = I18n::load().expect("catalogues");
    let mut keys: Vec<String> = PathStage::ALL
        .iter()
        .map(|s| format!("p-stage-{}", s.as_str().replace('_', "-")))
        .collect();
    for k in [
        "p-tab-background",
        "p-tab-functioning",
        "p-tab-skills",
        "p-tab-languages",
        "p-tab-availability",
        "p-tab-path",
        "p-tab-meetings",
        "p-tab-suggestions",
        "p-tab-craft",
        "p-place-office",
        "p-place-outside-office",
        "p-place-remote",
        "p-place-pop-up",
        "p-kind-job",
        "p-kind-work-trial",
        "p-kind-education-trial",
        "p-kind-apprenticeship",
        "p-kind-gig",
        "p-status-unemployed",
        "p-status-inactive",
        "p-status-employed",
        "p-status-in-education",
        "p-fit-hours",
        "p-fit-days",
        "p-fit-municipality",
        "p-fit-language",
        "p-fit-accommodated",
        "p-check-dimension",
        "p-limit-functioning",
        "p-limit-language",
        "p-limit-hours",
        "p-limit-days",
        "p-part-essential-skills-text",
        "p-part-learnable-gaps-text",
        "p-part-language-margin-text",
        "p-part-functioning-margin-text",
        "p-part-accommodation-cost-text",
        "p-part-goal-fit-text",
        "p-subsidy-estimate",
        "p-acc-item",
        "p-task-hours",
        "p-craft-hours",
        "p-left-out-accommodation-cost",
        "p-craft-saved-title",
    ] {
        keys.push(k.to_owned());
    }
    for k in &keys {
        for l in Locale::ALL {
            assert!(i18n.has(l, k), "{l}: {k}");
        }
    }
}

#[test]
fn the_path_moves_one_step_and_keeps_its_history() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let url = format!("/participants/{id}/path");
        let page = app.get(&url, Some(&coach)).await;
        assert!(has(&page.body, "[aria-current=step]"));
        assert!(page.body.contains("Vaihetta ei ole vielä vaihdettu."));
        // Enrolled may move to assessment or exit, not straight to a trial.
        assert!(has_value(&page.body, "assessment"));
        assert!(!has_value(&page.body, "trial"));
        let version = version_in(&page.body);
        let bad = app
            .post_form(
                &url,
                Some(&coach),
                &[("version", &version), ("stage", "trial")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&bad.body, "#stage-error"));
        let ok = app
            .post_form(
                &url,
                Some(&coach),
                &[("version", &version), ("stage", "assessment")],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let page = app.get(&url, Some(&coach)).await;
        assert!(
            has_cells(&page.body, &["Aloittanut", "Kartoitus"]),
            "{}",
            page.body
        );
        let changes = app
            .service()
            .stage_changes(&coach.actor, id, "service_delivery")
            .await
            .expect("history");
        assert_eq!(changes.len(), 1);
        assert_eq!(
            (changes[0].from.as_str(), changes[0].to.as_str()),
            ("enrolled", "assessment")
        );
        let other = app.user(Role::Coach).await;
        assert!(app
            .service()
            .stage_changes(&other.actor, id, "service_delivery")
            .await
            .is_err());
    });
}

#[test]
fn crafting_at_an_employer_without_tasks_says_so() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let e = app.world.employer();
        app.service()
            .create_employer(&system(), e.clone())
            .await
            .expect("employer");
        let res = app
            .get(
                &format!("/participants/{id}/craft?employer={}", e.id),
                Some(&coach),
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert!(
            res.body.contains("Työtä ei voitu koota")
                || res.body.contains("Tehtävistä ei saa koottua"),
            "{}",
            res.body
        );
    });
}

/// A GET in another interface language (the language switch's cookie).
async fn get_in(app: &TestApp, lang: &str, path: &str, user: &User) -> Res {
    let req = Request::builder()
        .uri(path)
        .header(
            header::COOKIE,
            format!("{}; polku_lang={lang}", user.cookie()),
        )
        .body(Body::empty())
        .expect("request");
    app.send(req).await
}

#[test]
fn pages_speak_swedish_english_and_plain_finnish() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        employer_with_opening(&app).await;
        let en = get_in(
            &app,
            "en",
            &format!("/participants/{id}/suggestions"),
            &coach,
        )
        .await;
        assert_eq!(en.status, StatusCode::OK);
        assert!(
            en.body
                .contains("10 hours a week is within the 10–25 hours wished for."),
            "{}",
            en.body
        );
        assert!(en.body.contains("Lifting aid or trolley, about €350."));
        let sv = get_in(
            &app,
            "sv",
            &format!("/participants/{id}/functioning"),
            &coach,
        )
        .await;
        let lifting = polku_domain::catalogue::dimension(Dimension::Lifting).expect("lifting");
        assert!(has_text(&sv.body, "legend", &lifting.question.sv));
        assert!(sv.body.contains("Inte bedömt"));
        let selko = get_in(
            &app,
            "fi-x-selko",
            &format!("/participants/{id}/suggestions"),
            &coach,
        )
        .await;
        assert!(selko
            .body
            .contains("Työtä on 10 tuntia viikossa. Toive on 10–25 tuntia. Se sopii."));
    });
}

#[test]
fn availability_and_languages_round_trip_with_errors_next_to_fields() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let url = format!("/participants/{id}/availability");
        let page = app.get(&url, Some(&coach)).await;
        assert!(has_value(&page.body, "Lahti"));
        let version = version_in(&page.body);
        let mut fields = vec![
            ("version", version.as_str()),
            ("hours_min", "20"),
            ("hours_max", "10"),
            ("days_max", "5"),
            ("home", "Lahti"),
            ("acceptable", "Hollola, Atlantis"),
            ("weekends", "on"),
        ];
        let bad = app.post_form(&url, Some(&coach), &fields).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&bad.body, "#acceptable-error"));
        assert!(has(&bad.body, "#hours_max-error"));
        assert!(has_value(&bad.body, "Hollola, Atlantis"), "kept");
        fields[1] = ("hours_min", "5");
        fields[5] = ("acceptable", "Hollola, Orimattila");
        let ok = app.post_form(&url, Some(&coach), &fields).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let view = app
            .service()
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("view");
        let a = &view.personal.availability;
        assert_eq!(
            (
                a.hours_per_week.min,
                a.hours_per_week.max,
                a.days_per_week_max
            ),
            (5, 10, 5)
        );
        assert!(a.weekends && !a.evenings);
        assert_eq!(view.personal.mobility.acceptable.len(), 2);

        let url = format!("/participants/{id}/languages");
        let page = app.get(&url, Some(&coach)).await;
        let version = version_in(&page.body);
        let bad = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("version", &version),
                    ("level-fi", "B2"),
                    ("new_code", "arabic"),
                    ("new_level", "A2"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&bad.body, "#new_code-error"));
        assert!(has(&bad.body, "select#new_code"), "picked from a list");
        let ok = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("version", &version),
                    ("level-fi", ""),
                    ("new_code", "ar"),
                    ("new_level", "B1"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let view = app
            .service()
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("view");
        let langs: Vec<(&str, CefrLevel)> = view
            .personal
            .languages
            .iter()
            .map(|(c, l)| (c.as_str(), *l))
            .collect();
        assert_eq!(langs, vec![("ar", CefrLevel::B1)]);
        let page = app.get(&url, Some(&coach)).await;
        assert!(page.body.contains("Taso: Arabia"));
    });
}

/// The store queries added for these pages (next meetings, skill search, path history) on
/// PostgreSQL too (runs when `POLKU_TEST_POSTGRES_URL` is set).
#[test]
fn the_coach_pages_work_on_postgres() {
    on(Backend::Postgres, |app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let meetings = format!("/participants/{id}/meetings");
        let ok = app
            .post_form(
                &meetings,
                Some(&coach),
                &[
                    ("date", "2099-01-15"),
                    ("time", "10:30"),
                    ("duration_min", "45"),
                    ("place", "office"),
                    ("notes", "Muistiinpano"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let caseload = app.get("/participants", Some(&coach)).await;
        assert!(caseload.body.contains("15.1.2099 klo\u{a0}10.30"));
        app.service()
            .import_esco(
                &system(),
                &[EscoConcept {
                    uri: "http://data.europa.eu/esco/skill/aaa-clean".into(),
                    kind: "skill".into(),
                    label_fi: Some("Siivota tiloja".into()),
                    label_sv: Some("städa lokaler".into()),
                    label_en: Some("clean rooms".into()),
                    alt_labels: String::new(),
                    ..EscoConcept::default()
                }],
                |_| {},
            )
            .await
            .expect("import");
        let res = app
            .get(
                &format!("/participants/{id}/skills?q=siivouksen"),
                Some(&coach),
            )
            .await;
        assert!(res.body.contains("Siivota tiloja"), "{}", res.body);
        let res = get_in(
            &app,
            "sv",
            &format!("/participants/{id}/skills?q=städning"),
            &coach,
        )
        .await;
        assert!(res.body.contains("städa lokaler"), "{}", res.body);
        let path = format!("/participants/{id}/path");
        let page = app.get(&path, Some(&coach)).await;
        let ok = app
            .post_form(
                &path,
                Some(&coach),
                &[("version", &version_in(&page.body)), ("stage", "exited")],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let page = app.get(&path, Some(&coach)).await;
        assert!(has_cells(&page.body, &["Aloittanut", "Päättynyt"]));
        employer_with_opening(&app).await;
        let res = app
            .get(&format!("/participants/{id}/suggestions"), Some(&coach))
            .await;
        assert!(res.body.contains("Siivooja, osa-aika"));
    });
}

#[test]
fn ended_paths_go_last_and_goals_are_added_by_typing() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let svc = app.service();
        let mut p = app.world.new_participant();
        p.personal.given_name = "Päättynyt".into();
        p.stage = PathStage::Exited;
        p.waiting_since = date!(2020 - 01 - 01);
        svc.create_participant(&coach.actor, p, "service_delivery")
            .await
            .expect("participant");
        let res = app.get("/participants", Some(&coach)).await;
        let (active, ended) = (
            res.body.find("Aino Virtanen").expect("active"),
            res.body.find("Päättynyt Virtanen").expect("ended"),
        );
        assert!(active < ended, "ended paths last");
        assert_eq!(
            res.body.matches("badge flag").count(),
            1,
            "only the active one is flagged"
        );

        let occupation = "http://data.europa.eu/esco/occupation/siivooja-1";
        svc.import_esco(
            &system(),
            &[EscoConcept {
                uri: occupation.into(),
                kind: "occupation".into(),
                label_fi: Some("toimitilahuoltaja".into()),
                label_sv: Some("lokalvårdare".into()),
                label_en: Some("cleaner".into()),
                alt_labels: "siivooja".into(),
                ..EscoConcept::default()
            }],
            |_| {},
        )
        .await
        .expect("import");
        let url = format!("/participants/{id}");
        let page = app
            .get(&format!("{url}?goal_q=siivoojat"), Some(&coach))
            .await;
        assert!(
            page.body.contains("Lisää: toimitilahuoltaja"),
            "{}",
            page.body
        );
        let res = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("version", &version_in(&page.body)),
                    ("action", "add_goal"),
                    ("uri", occupation),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let view = svc
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("view");
        assert_eq!(view.personal.goals.len(), 1);
        let page = app.get(&url, Some(&coach)).await;
        assert!(page.body.contains("Poista: toimitilahuoltaja"));
    });
}

/// Choosing a goal occupation offers its essential skills on the skills tab, as checkboxes in
/// one form; the checked ones are saved with a confirmation and are then no longer offered.
/// Working translations carry their marker, and no raw ESCO address is shown.
#[test]
fn goal_occupations_offer_their_essential_skills() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let esco = |kind: &str, n: &str| format!("http://data.europa.eu/esco/{kind}/{n}");
        let (cleaner, wipe, tools, plan) = (
            esco("occupation", "cleaner-1"),
            esco("skill", "wipe-1"),
            esco("skill", "tools-1"),
            esco("skill", "plan-1"),
        );
        let concept = |uri: &str, kind: &str, fi: &str, en: &str| EscoConcept {
            uri: uri.into(),
            kind: kind.into(),
            label_fi: Some(fi.into()),
            label_en: Some(en.into()),
            working_fi: Some(String::new()),
            ..EscoConcept::default()
        };
        let data = polku_service::store::EscoReference {
            concepts: vec![
                concept(&cleaner, "occupation", "siivooja", "cleaner"),
                concept(&wipe, "skill", "pyyhkiä pintoja", "wipe surfaces"),
                concept(
                    &tools,
                    "skill",
                    "käyttää siivousvälineitä",
                    "use cleaning tools",
                ),
                concept(&plan, "skill", "suunnitella siivousta", "plan cleaning"),
                // The fixture participant's own skill.
                concept(
                    &esco("skill", "00090cc1-1f27-439e-a4e0-19a87a501bfc"),
                    "skill",
                    "tunnistaa saatavilla olevat palvelut",
                    "identify available services",
                ),
            ],
            occupation_skills: vec![
                (cleaner.clone(), "essential".into(), wipe.clone()),
                (cleaner.clone(), "essential".into(), tools.clone()),
                (cleaner.clone(), "optional".into(), plan.clone()),
            ],
            ..Default::default()
        };
        app.service()
            .load_reference_version(1, &data)
            .await
            .expect("reference data");

        // The goal is chosen on the background tab by typing.
        let url = format!("/participants/{id}");
        let page = app
            .get(&format!("{url}?goal_q=siivous"), Some(&coach))
            .await;
        assert!(page.body.contains("Lisää: siivooja"), "{}", page.body);
        assert!(
            has(&page.body, "small.working-mark[title]"),
            "{}",
            page.body
        );
        let added = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("version", &version_in(&page.body)),
                    ("action", "add_goal"),
                    ("uri", &cleaner),
                ],
            )
            .await;
        assert_eq!(added.status, StatusCode::SEE_OTHER);
        let page = app.get(&url, Some(&coach)).await;
        assert!(
            !select_texts(&page.body, "body")[0].contains("http://data.europa.eu/esco/"),
            "{}",
            page.body
        );

        // The skills tab offers the essential skills, not the optional one.
        let skills_url = format!("/participants/{id}/skills");
        let page = app.get(&skills_url, Some(&coach)).await;
        let offered = select_attrs(&page.body, "form.goal-skills input[name=skill]", "value");
        assert_eq!(offered.len(), 2, "{}", page.body);
        assert!(
            offered.contains(&wipe) && offered.contains(&tools),
            "{offered:?}"
        );
        assert!(has_text(
            &page.body,
            "form.goal-skills legend",
            "siivooja (työkäännös)"
        ));
        assert!(has(
            &page.body,
            "form.goal-skills label[for=goal-1-skill-1]"
        ));
        // Only the checked skill is added, with a confirmation.
        let res = app
            .post_form(
                &skills_url,
                Some(&coach),
                &[
                    ("version", &version_in(&page.body)),
                    ("action", "add_goal_skills"),
                    ("skill", &tools),
                    ("evidence", "self_assessed"),
                ],
            )
            .await;
        let page = app.confirms(&res, &coach, "Osaaminen tallennettu.").await;
        assert!(
            has_text(
                &page.body,
                "tbody th",
                "käyttää siivousvälineitä (työkäännös)"
            ),
            "{}",
            page.body
        );
        assert!(has_text(&page.body, "tbody td", "Oma arvio"));
        let offered = select_attrs(&page.body, "form.goal-skills input[name=skill]", "value");
        assert_eq!(offered, vec![wipe.clone()]);
        // Nothing checked changes nothing.
        let res = app
            .post_form(
                &skills_url,
                Some(&coach),
                &[
                    ("version", &version_in(&page.body)),
                    ("action", "add_goal_skills"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert!(!res.header("location").contains("saved="));
        assert!(
            !select_texts(&page.body, "body")[0].contains("http://data.europa.eu/esco/"),
            "{}",
            page.body
        );
    });
}
