//! R42 minimisation by default: an organisation's optional participant fields are off until an
//! administrator switches them on (page and API, step-up, audited); a field that is off is not
//! on the participant forms, the API refuses a value for it (`field_not_enabled`), and a value
//! stored while it was on stays, read-only, until removed. The snapshot
//! `tests/web/minimisation.txt` holds the fields of the default participant form and what an
//! employer and a mentor receive, so that any new field shows up in review
//! (`UPDATE_SNAPSHOTS=1` writes it).

use crate::harness::{count, select_attrs, select_text, sqlite, TestApp};
use axum::http::{Method, StatusCode};
use polku_domain::{
    ConsentMethod, ConsentPurpose, DataCategory, FieldSettings, OptionalField, RecipientClass,
    Role, Share, ShareId,
};
use polku_service::consents::NewConsent;
use polku_store_tests::fixtures::system;
use serde_json::{json, Value};

/// The world's organisation with every optional field off: the state of a fresh organisation
/// (story `optional_fields` checks that a new one reads as this).
async fn all_off(app: &TestApp) {
    app.service()
        .set_optional_fields(
            &system(),
            app.world.project.organisation_id,
            FieldSettings::default(),
        )
        .await
        .expect("settings");
}

/// The names of the fields of the new-participant form, in page order, each once.
fn form_fields(body: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in select_attrs(
        body,
        "form[action='/participants/new'] input[name], form[action='/participants/new'] select[name], form[action='/participants/new'] textarea[name]",
        "name",
    ) {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

fn new_body(hetu: Option<&str>) -> Value {
    let mut b = json!({
        "personal": {
            "given_name": "Eero",
            "family_name": "Esimerkki",
            "mobility": {"home": "398"},
            "availability": {"hours_per_week": {"min": 10, "max": 25}, "days_per_week_max": 4}
        }
    });
    if let Some(h) = hetu {
        b["personal"]["hetu"] = json!(h);
    }
    b
}

async fn off_by_default(app: TestApp) {
    let admin = app.user(Role::Admin).await;
    let coach = app.user(Role::Coach).await;
    let org = app.world.project.organisation_id;
    // Stored while everything was on (the world's default): a phone and a HETU.
    let mut stored = app.world.new_participant();
    stored.personal.phone = Some("040 123 4567".into());
    let id = app
        .service()
        .create_participant(&coach.actor, stored, "service_delivery")
        .await
        .expect("participant");
    all_off(&app).await;

    // The form shows none of the optional fields.
    let page = app.get("/participants/new", Some(&coach)).await;
    assert_eq!(page.status, StatusCode::OK);
    let fields = form_fields(&page.body);
    for f in ["hetu", "phone", "foreign_background", "disability"] {
        assert!(!fields.contains(&f.to_owned()), "{f} shown: {fields:?}");
    }
    assert!(fields.contains(&"given_name".to_owned()));

    // The API refuses a HETU with the stable code, names the field and stores nothing.
    let res = app
        .api(
            Method::POST,
            "/api/v1/participants",
            Some(&coach),
            Some(new_body(Some("131052-308T"))),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    let err = &res.json()["error"];
    assert_eq!(err["code"], "field_not_enabled", "{}", res.body);
    assert!(err["fields"]["personal.hetu"].is_string(), "{}", res.body);
    let res = app
        .api(
            Method::POST,
            "/api/v1/participants",
            Some(&coach),
            Some(new_body(None)),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    // A form post with a HETU anyway (a crafted request) is a field error, nothing stored.
    let before = app
        .service()
        .caseload(&coach.actor, app.world.project.id, "service_delivery")
        .await
        .expect("caseload")
        .len();
    let res = app
        .post_form(
            "/participants/new",
            Some(&coach),
            &[
                ("given_name", "Aino"),
                ("family_name", "Testi"),
                ("hetu", "131052-308T"),
                ("home", "Lahti"),
                ("hours_min", "10"),
                ("hours_max", "20"),
                ("days_max", "5"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert_eq!(
        app.service()
            .caseload(&coach.actor, app.world.project.id, "service_delivery")
            .await
            .expect("caseload")
            .len(),
        before
    );

    // The stored phone stays, read-only with a note, through a save of the background tab.
    let url = format!("/participants/{id}");
    let tab = app.get(&url, Some(&coach)).await;
    assert_eq!(tab.status, StatusCode::OK);
    assert_eq!(count(&tab.body, "input#phone"), 0, "no phone input");
    assert!(tab.body.contains("040 123 4567"), "the kept value is shown");
    assert_eq!(count(&tab.body, "input#clear_phone"), 1);
    let version = crate::harness::version_in(&tab.body);
    let save = |clear: bool| {
        let mut f = vec![
            ("version", version.clone()),
            ("action", "save".to_owned()),
            ("given_name", "Aino".to_owned()),
            ("family_name", "Uusi".to_owned()),
        ];
        if clear {
            f.push(("clear_phone", "on".to_owned()));
        }
        f
    };
    let fields: Vec<(&str, String)> = save(false);
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form(&url, Some(&coach), &pairs).await;
    app.confirms(&res, &coach, "Perustiedot tallennettu.").await;
    let view = app
        .service()
        .get_participant(&coach.actor, id, "service_delivery")
        .await
        .expect("view");
    assert_eq!(view.personal.family_name, "Uusi");
    assert_eq!(view.personal.phone.as_deref(), Some("040 123 4567"));
    assert!(view.personal.hetu.is_some(), "the HETU is kept too");
    // Removing it.
    let tab = app.get(&url, Some(&coach)).await;
    let version = crate::harness::version_in(&tab.body);
    let res = app
        .post_form(
            &url,
            Some(&coach),
            &[
                ("version", version.as_str()),
                ("action", "save"),
                ("given_name", "Aino"),
                ("family_name", "Uusi"),
                ("clear_phone", "on"),
            ],
        )
        .await;
    app.confirms(&res, &coach, "Perustiedot tallennettu.").await;
    let view = app
        .service()
        .get_participant(&coach.actor, id, "service_delivery")
        .await
        .expect("view");
    assert_eq!(view.personal.phone, None);

    // The administrator's page switches fields on: confirmed, audited, shown on the form.
    let page = format!("/admin/organisations/{org}");
    let shown = app.get(&page, Some(&admin)).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert_eq!(count(&shown.body, "input#opt-hetu:not([checked])"), 1);
    let head = app
        .db
        .store
        .audit_head()
        .await
        .expect("audit")
        .map_or(0, |(seq, _)| seq);
    let action = format!("{page}/optional-fields");
    let res = app
        .post_form(&action, Some(&admin), &[("hetu", "on"), ("phone", "on")])
        .await;
    let confirmed = app
        .confirms(&res, &admin, "Valinnaiset tiedot tallennettu.")
        .await;
    assert_eq!(count(&confirmed.body, "input#opt-hetu[checked]"), 1);
    assert_eq!(count(&confirmed.body, "input#opt-disability[checked]"), 0);
    let rows = app.db.store.audit_page(head, 1000).await.expect("audit");
    assert_eq!(
        rows.iter()
            .filter(|r| r.action == "set_optional_fields"
                && r.subject.as_deref() == Some(org.to_string().as_str())
                && r.purpose == "administration")
            .count(),
        1
    );
    let form = app.get("/participants/new", Some(&coach)).await;
    let fields = form_fields(&form.body);
    assert!(fields.contains(&"hetu".to_owned()) && fields.contains(&"phone".to_owned()));
    assert!(!fields.contains(&"disability".to_owned()));
    // Not an administrator: refused, nothing changed.
    let res = app.post_form(&action, Some(&coach), &[]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    // Swedish and English confirmations.
    for (lang, text) in [
        ("sv", "De valfria uppgifterna har sparats."),
        ("en", "Optional fields saved."),
    ] {
        let res = app
            .send(
                axum::http::Request::builder()
                    .uri(format!("{page}?saved=optional-fields"))
                    .header("cookie", format!("{}; polku_lang={lang}", admin.cookie()))
                    .body(axum::body::Body::empty())
                    .expect("request"),
            )
            .await;
        assert_eq!(
            select_text(&res.body, "[role=status].notice-success").as_deref(),
            Some(text)
        );
    }

    // The API: read, replace, refuse an unknown field; coaches are refused.
    let api = format!("/api/v1/organisations/{org}/optional-fields");
    let res = app.api(Method::GET, &api, Some(&admin), None, &[]).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["enabled"], json!(["hetu", "phone"]));
    let res = app
        .api(
            Method::PUT,
            &api,
            Some(&admin),
            Some(json!({"enabled": ["disability"]})),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["enabled"], json!(["disability"]));
    let res = app
        .api(
            Method::PUT,
            &api,
            Some(&admin),
            Some(json!({"enabled": ["email"]})),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    let res = app.api(Method::GET, &api, Some(&coach), None, &[]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = app
        .api(
            Method::GET,
            &format!(
                "/api/v1/organisations/{}/optional-fields",
                uuid::Uuid::new_v4()
            ),
            Some(&admin),
            None,
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let now = app
        .service()
        .optional_fields(&system(), org)
        .await
        .expect("read");
    assert_eq!(
        now.enabled.into_iter().collect::<Vec<_>>(),
        vec![OptionalField::Disability]
    );
}

#[test]
fn optional_fields_are_off_by_default() {
    sqlite(off_by_default);
}

#[test]
fn optional_fields_are_off_by_default_on_postgres() {
    crate::harness::on(polku_store_tests::Backend::Postgres, off_by_default);
}

/// Every key path of a JSON value (`a.b`, arrays as `[]`), sorted.
fn paths(v: &Value, prefix: &str, out: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(p.clone());
                paths(v, &p, out);
            }
        }
        Value::Array(a) => {
            for v in a {
                paths(v, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

/// What a recipient of `class` receives of a participant with everything shared with them.
async fn received(app: &TestApp, class: RecipientClass, role: Role) -> Vec<String> {
    let coach = app.user(Role::Coach).await;
    let recipient = app.user(role).await;
    let mut new = app.world.new_participant();
    new.personal.phone = Some("040 123 4567".into());
    let id = app
        .service()
        .create_participant(&coach.actor, new, "service_delivery")
        .await
        .expect("participant");
    let categories: Vec<DataCategory> = DataCategory::ALL.to_vec();
    app.service()
        .give_consent(
            &coach.actor,
            id,
            NewConsent {
                recipient: class,
                purpose: ConsentPurpose::Placement,
                categories: categories.clone(),
                method: ConsentMethod::Written,
                shown: Default::default(),
            },
            "service_delivery",
        )
        .await
        .expect("consent");
    app.service()
        .share_participant(
            &coach.actor,
            Share {
                id: ShareId::new(),
                participant_id: id,
                recipient: recipient.actor.user_id().expect("user"),
                categories,
                until: polku_service::clock::today() + time::Duration::days(30),
                revoked_at: None,
                purpose: ConsentPurpose::Placement,
            },
            "service_delivery",
        )
        .await
        .expect("share");
    let res = app
        .api(Method::GET, "/api/v1/shared", Some(&recipient), None, &[])
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let mut out = std::collections::BTreeSet::new();
    paths(&res.json(), "", &mut out);
    out.into_iter().collect()
}

/// The snapshot: the default form's fields (a fresh organisation, no ESF+ funding) and the
/// fields an employer and a mentor receive with everything shared.
#[test]
fn minimisation_snapshot() {
    sqlite(|app| async move {
        let employer = received(&app, RecipientClass::Employer, Role::Employer).await;
        let mentor = received(&app, RecipientClass::Mentor, Role::Mentor).await;
        all_off(&app).await;
        let coach = app.user(Role::Coach).await;
        let page = app.get("/participants/new", Some(&coach)).await;
        assert_eq!(page.status, StatusCode::OK);
        let form = form_fields(&page.body);
        let mut text = String::from(
            "# R42 minimisation: what the default participant form asks and what employers and\n\
             # mentors receive. Generated by crates/web/tests/web/minimisation.rs\n\
             # (UPDATE_SNAPSHOTS=1); a change here is a change of what is collected or disclosed.\n\n\
             [participant form, fresh organisation]\n",
        );
        for f in &form {
            text.push_str(f);
            text.push('\n');
        }
        text.push_str("\n[employer: GET /api/v1/shared, everything shared]\n");
        for f in &employer {
            text.push_str(f);
            text.push('\n');
        }
        text.push_str("\n[mentor: GET /api/v1/shared, everything shared]\n");
        for f in &mentor {
            text.push_str(f);
            text.push('\n');
        }
        let snapshot =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/web/minimisation.txt");
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&snapshot, &text).expect("write snapshot");
        }
        let expected =
            std::fs::read_to_string(&snapshot).expect("snapshot (UPDATE_SNAPSHOTS=1 writes it)");
        assert_eq!(
            text, expected,
            "what the default form asks or what employers and mentors receive changed; review \
             tests/web/minimisation.txt and regenerate with UPDATE_SNAPSHOTS=1"
        );
    });
}
