//! The pickers that replaced typed codes: languages by name with CEFR levels in words (the
//! participant's languages tab, the task form and the API refuse unknown codes), ESCO skills
//! found by name inside the task form, and the employer's industry found by name in TOL 2008.

use crate::harness::{
    coach_with_participant, has, has_text, has_value, post_form, select_attr, select_texts,
    version_in, TestApp, ORIGIN,
};
use axum::http::{Method, StatusCode};
use polku_domain::{CefrLevel, EmployerId, Role};
use polku_service::store::EscoConcept;
use polku_store_tests::fixtures::system;
use serde_json::json;

const CLEAN: &str = "http://data.europa.eu/esco/skill/aaa-clean";
const CLEANER: &str = "http://data.europa.eu/esco/occupation/siivooja-1";

async fn employer(app: &TestApp) -> EmployerId {
    app.service()
        .create_employer(&system(), app.world.employer())
        .await
        .expect("employer")
}

async fn languages_are_picked_by_name_and_unknown_codes_refused(app: TestApp) {
    let (coach, id) = coach_with_participant(&app).await;
    let url = format!("/participants/{id}/languages");
    let page = app.get(&url, Some(&coach)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        has_text(&page.body, "select#new_code option[value=\"fi\"]", "Suomi"),
        "languages by name: {}",
        page.body
    );
    assert!(has_text(
        &page.body,
        "select#new_code option[value=\"so\"]",
        "Somali"
    ));
    let b1 = select_texts(&page.body, "select#new_level option[value=\"B1\"]");
    assert!(
        b1.len() == 1 && b1[0].starts_with("B1 – ") && b1[0].len() > 30,
        "the level in words: {b1:?}"
    );
    // "Suomi" cut to two letters, an unknown code and a name: all refused, nothing saved.
    for bad in ["su", "xx", "Suomi"] {
        let res = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("version", &version_in(&page.body)),
                    ("new_code", bad),
                    ("new_level", "B1"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(has(&res.body, "#new_code-error"), "{bad}");
        assert!(res.body.contains("Valitse kieli luettelosta"), "{bad}");
    }
    let ok = app
        .post_form(
            &url,
            Some(&coach),
            &[
                ("version", &version_in(&page.body)),
                ("level-fi", "A2"),
                ("new_code", "fi"),
                ("new_level", "B1"),
            ],
        )
        .await;
    let saved = app.confirms(&ok, &coach, "Kielitaito tallennettu.").await;
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
    assert_eq!(langs, vec![("fi", CefrLevel::B1)]);
    assert!(saved.body.contains("Taso: Suomi"), "{}", saved.body);
    // A second language is added the same way, after the first save.
    let ok = app
        .post_form(
            &url,
            Some(&coach),
            &[
                ("version", &version_in(&saved.body)),
                ("level-fi", "B1"),
                ("new_code", "ar"),
                ("new_level", "C2"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let view = app
        .service()
        .get_participant(&coach.actor, id, "service_delivery")
        .await
        .expect("view");
    assert_eq!(view.personal.languages.len(), 2);

    // The API refuses an unknown code with the field named.
    let mut body = json!({
        "personal": {
            "given_name": "Eero",
            "family_name": "Esimerkki",
            "languages": {"xx": "B2"},
            "mobility": {"home": "398", "acceptable": []},
            "availability": {"hours_per_week": {"min": 10, "max": 25}, "days_per_week_max": 4}
        },
        "waiting_since": "2026-01-15"
    });
    let res = app
        .api(
            Method::POST,
            "/api/v1/participants",
            Some(&coach),
            Some(body.clone()),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert_eq!(res.json()["error"]["code"], "invalid_input");
    assert!(
        res.json()["error"]["fields"]["personal.languages"].is_string(),
        "{}",
        res.body
    );
    body["personal"]["languages"] = json!({"fi": "B2"});
    let res = app
        .api(
            Method::POST,
            "/api/v1/participants",
            Some(&coach),
            Some(body),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
}

fn task_fields<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v = vec![
        ("title", "Toimistosiivous"),
        ("hours_per_week", "20"),
        ("days_per_week", "5"),
        ("schedule", "daytime"),
        ("municipality", "Lahti"),
        ("value", "3"),
        ("version", "1"),
    ];
    v.extend_from_slice(extra);
    v
}

async fn the_task_form_finds_skills_by_name_and_the_list_shows_names(app: TestApp) {
    let concept = |uri: &str, kind: &str, fi: &str, en: &str| EscoConcept {
        uri: uri.into(),
        kind: kind.into(),
        label_fi: Some(fi.into()),
        label_sv: None,
        label_en: Some(en.into()),
        alt_labels: String::new(),
        ..EscoConcept::default()
    };
    app.service()
        .import_esco(
            &system(),
            &[
                concept(CLEAN, "skill", "siivota tiloja", "clean rooms"),
                concept(
                    "http://data.europa.eu/esco/skill/ccc-cook",
                    "skill",
                    "valmistaa ruokaa",
                    "cook",
                ),
                concept(CLEANER, "occupation", "siivoustyöntekijä", "cleaner"),
            ],
            |_| {},
        )
        .await
        .expect("import");
    let id = employer(&app).await;
    let coordinator = app.user(Role::Coordinator).await;
    let url = format!("/employers/{id}/tasks/new");
    let form = app.get(&url, Some(&coordinator)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        !has(&form.body, "textarea[name=skills_essential]"),
        "no URI box"
    );
    assert!(has(&form.body, "input#q[type=search]"));
    assert!(has_text(
        &form.body,
        "select#lang_code-0 option[value=\"fi\"]",
        "Suomi"
    ));

    // Search inside the form: the typed values stay, the hits come with add buttons.
    let res = app
        .post_form(
            &url,
            Some(&coordinator),
            &task_fields(&[("q", "siivous"), ("action", "search")]),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(has_value(&res.body, "Toimistosiivous"), "typed title kept");
    assert!(res.body.contains("siivota tiloja"), "{}", res.body);
    assert!(!res.body.contains("valmistaa ruokaa"));
    let add = format!("add-essential:{CLEAN}");
    assert!(has(
        &res.body,
        &format!("button[name=action][value=\"{add}\"]")
    ));
    assert!(has(
        &res.body,
        &format!("button[name=action][value=\"set-occupation:{CLEANER}\"]")
    ));
    // Enter in the search field (the form's first button) searches too, without saving.
    let res = app
        .post_form(
            &url,
            Some(&coordinator),
            &task_fields(&[("q", "siivous"), ("action", "enter")]),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(app
        .service()
        .tasks(&system(), id)
        .await
        .expect("tasks")
        .is_empty());

    // Adding the hit ticks it among the essential skills, named.
    let res = app
        .post_form(
            &url,
            Some(&coordinator),
            &task_fields(&[("q", "siivous"), ("action", &add)]),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    let ticked = format!("input[name=essential][value=\"{CLEAN}\"][checked]");
    assert!(has(&res.body, &ticked), "{}", res.body);
    let label_for = select_attr(&res.body, &ticked, "id").expect("id");
    assert!(has_text(
        &res.body,
        &format!("label[for=\"{label_for}\"]"),
        "siivota tiloja"
    ));

    // "More languages" adds a row and keeps the chosen ones.
    let res = app
        .post_form(
            &url,
            Some(&coordinator),
            &task_fields(&[
                ("lang_code", "fi"),
                ("lang_level", "B1"),
                ("lang_code", ""),
                ("lang_level", ""),
                ("action", "more-languages"),
            ]),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(has(
        &res.body,
        "select#lang_code-0 option[value=\"fi\"][selected]"
    ));
    assert!(
        has(&res.body, "select#lang_code-2"),
        "a third row: {}",
        res.body
    );
    assert!(!has(&res.body, "select#lang_code-3"));

    // A skill that is not an ESCO skill is refused next to the skills.
    let res = app
        .post_form(
            &url,
            Some(&coordinator),
            &task_fields(&[("essential", "siivous"), ("action", "save")]),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&res.body, "fieldset#skills_essential.field-error"));

    // A language row refuses an unknown code.
    let res = app
        .post_form(
            &url,
            Some(&coordinator),
            &task_fields(&[
                ("essential", CLEAN),
                ("lang_code", "su"),
                ("lang_level", "B1"),
                ("action", "save"),
            ]),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&res.body, "#lang_code-0-error"), "{}", res.body);

    // Save: the skill, the occupation and Finnish at B1.
    let res = app
        .post_form(
            &url,
            Some(&coordinator),
            &task_fields(&[
                ("essential", CLEAN),
                ("occupation", CLEANER),
                ("lang_code", "fi"),
                ("lang_level", "B1"),
                ("lang_code", ""),
                ("lang_level", ""),
                ("q", ""),
                ("action", "save"),
            ]),
        )
        .await;
    let list = app.confirms(&res, &coordinator, "Tehtävä lisätty.").await;
    let tasks = app.service().tasks(&system(), id).await.expect("tasks");
    assert_eq!(tasks.len(), 1);
    let t = &tasks[0];
    assert_eq!(t.skills_essential.len(), 1);
    assert_eq!(t.skills_essential[0].as_str(), CLEAN);
    assert_eq!(t.occupation.as_ref().map(|o| o.as_str()), Some(CLEANER));
    let langs: Vec<(&str, CefrLevel)> = t.languages.iter().map(|(c, l)| (c.as_str(), *l)).collect();
    assert_eq!(langs, vec![("fi", CefrLevel::B1)]);
    assert!(
        has_text(&list.body, "td li", "siivota tiloja"),
        "{}",
        list.body
    );
    assert!(has_text(&list.body, "td", "Suomi B1"));
    assert!(!list.body.contains(CLEAN), "no raw URI in the list");

    // The task page names its skill and occupation.
    let edit = app
        .get(
            &format!("/employers/{id}/tasks/{}/edit", t.id),
            Some(&coordinator),
        )
        .await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(has_text(&edit.body, "label", "siivota tiloja"));
    assert!(has_text(&edit.body, "label", "siivoustyöntekijä"));
    assert!(has(
        &edit.body,
        "select#lang_code-0 option[value=\"fi\"][selected]"
    ));
    assert!(has(
        &edit.body,
        "select#lang_level-0 option[value=\"B1\"][selected]"
    ));
}

fn employer_fields<'a>(project: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v = vec![
        ("project", project),
        ("name", "Siivous Oy"),
        ("business_id", "1572860-0"),
        ("size", "small"),
        ("municipalities", "Lahti"),
        ("cooperation", "contacted"),
        ("version", "1"),
    ];
    v.extend_from_slice(extra);
    v
}

fn form_body(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", crate::harness::enc(k), crate::harness::enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

async fn the_industry_is_found_by_name_and_shown_by_name(app: TestApp) {
    let coordinator = app.user(Role::Coordinator).await;
    let project = app.world.project.id.to_string();
    let form = app.get("/employers/new", Some(&coordinator)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(has(&form.body, "input#industry_q[type=search]"));
    for (lang, q) in [("fi", "siivous"), ("sv", "städ"), ("en", "cleaning")] {
        let body = form_body(&employer_fields(
            &project,
            &[("industry_q", q), ("action", "industry-search")],
        ));
        let cookie = format!("{}; polku_lang={lang}", coordinator.cookie());
        let res = post_form(&app, "/employers/new", &cookie, ORIGIN, &body).await;
        assert_eq!(res.status, StatusCode::OK, "{lang}: {}", res.body);
        assert!(
            has(
                &res.body,
                "input[name=industry_tol][type=radio][value=\"81210\"]"
            ),
            "{lang} {q}: {}",
            res.body
        );
        assert!(has_value(&res.body, "Siivous Oy"), "typed values kept");
    }
    // Enter with a search typed searches instead of saving.
    let res = app
        .post_form(
            "/employers/new",
            Some(&coordinator),
            &employer_fields(&project, &[("industry_q", "siivous"), ("action", "enter")]),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    // A code that is not in TOL 2008 is refused.
    let res = app
        .post_form(
            "/employers/new",
            Some(&coordinator),
            &employer_fields(&project, &[("industry_tol", "12345"), ("action", "save")]),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&res.body, "#industry_tol-error"), "{}", res.body);
    let res = app
        .post_form(
            "/employers/new",
            Some(&coordinator),
            &employer_fields(&project, &[("industry_tol", "81210"), ("action", "save")]),
        )
        .await;
    let page = app
        .confirms(&res, &coordinator, "Työnantaja lisätty.")
        .await;
    assert!(
        has_text(&page.body, "dd", "81210 Kiinteistöjen siivous"),
        "{}",
        page.body
    );
    let list = app.get("/employers", Some(&coordinator)).await;
    assert!(has_text(&list.body, "td", "81210 Kiinteistöjen siivous"));
    let edit = app
        .get(
            &format!(
                "{}/edit",
                res.header("location").split('?').next().unwrap_or_default()
            ),
            Some(&coordinator),
        )
        .await;
    assert!(has(
        &edit.body,
        "input[name=industry_tol][value=\"81210\"][checked]"
    ));
}

/// Each test runs on SQLite, and on PostgreSQL when `POLKU_TEST_POSTGRES_URL` is set.
macro_rules! on_both {
    ($($name:ident),+ $(,)?) => {
        mod sqlite { $( #[test] fn $name() { crate::harness::sqlite(super::$name) } )+ }
        mod postgres { $( #[test] fn $name() { crate::harness::on(polku_store_tests::Backend::Postgres, super::$name) } )+ }
    };
}

on_both!(
    languages_are_picked_by_name_and_unknown_codes_refused,
    the_task_form_finds_skills_by_name_and_the_list_shows_names,
    the_industry_is_found_by_name_and_shown_by_name
);
