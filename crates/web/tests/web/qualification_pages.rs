//! Opinnollistaminen on the pages (issue 14): the qualification units as reference data
//! (filtered and searched), the coordinator's task → requirement mapping of one employer (a
//! confirmation after each save; an unknown item or another employer's task is a field error in
//! the user's language and changes nothing; a coach reads but may not change it), and the
//! referring institution's view of the competence shown (404 without a consented "transition"
//! share, and again on the next request after the consent is withdrawn; the `/shared` card
//! links to it only for a "transition" share). Both databases.

use crate::harness::{count, has, on, TestApp};
use crate::mentoring::mentored;
use crate::qualifications::{import_synthetic as import, share_skills};
use axum::http::StatusCode;
use polku_domain::{ConsentPurpose, EmployerId, Role};
use polku_store_tests::Backend;

const UNIT: &str = "tutkinnonosat_999901|ESIMERKKI-0000-2000";
const ITEM_TEXT: &str = "ESIMERKKI: tarkistaa esimerkkilähetyksen asiakirjat";

/// The requirement ids mapped to `task` of `employer`, read through the service.
async fn mapped(app: &TestApp, employer: EmployerId, task: &str) -> Vec<String> {
    let coordinator = app.user(Role::Coordinator).await;
    app.service()
        .task_requirement_map(&coordinator.actor, employer)
        .await
        .expect("map")
        .into_iter()
        .filter(|t| t.task.id.to_string() == task)
        .flat_map(|t| t.requirements.into_iter().map(|r| r.id.to_string()))
        .collect()
}

#[test]
fn qualification_pages_on_both_databases() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        on(backend, pages);
    }
}

async fn pages(app: TestApp) {
    let m = mentored(&app).await;
    // Before any import the units page says how units get there.
    let res = app.get("/qualifications", Some(&m.w.coordinator)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("polku import eperusteet"), "{}", res.body);
    import(&app).await;

    // Units: every imported unit with code, version, qualification, items and source.
    let res = app.get("/qualifications", Some(&m.mentor)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(count(&res.body, "section.card"), 3, "{}", res.body);
    assert!(res.body.contains("tutkinnonosat_999901"));
    assert!(res.body.contains("ESIMERKKI-0000-2000"));
    assert!(res.body.contains(ITEM_TEXT));
    assert!(res.body.contains("ePerusteet"), "the source is named");
    assert!(has(&res.body, "nav a[href='/qualifications']"));
    // Searched by words (any language, all words must match) and filtered by qualification.
    let res = app
        .get("/qualifications?q=vastaanotto+ESIMERKKI", Some(&m.w.coach))
        .await;
    assert_eq!(count(&res.body, "section.card"), 1, "{}", res.body);
    assert!(res.body.contains("Tavaran vastaanotto"));
    let res = app
        .get(
            "/qualifications?q=mottagning&qualification=ESIMERKKI-0000-2000",
            Some(&m.w.coach),
        )
        .await;
    assert_eq!(count(&res.body, "section.card"), 1, "{}", res.body);
    let res = app
        .get("/qualifications?q=ei-mitaan-tallaista", Some(&m.w.coach))
        .await;
    assert_eq!(count(&res.body, "section.card"), 0);
    let res = app
        .get("/qualifications?qualification=OPH-0-0000", Some(&m.w.coach))
        .await;
    assert_eq!(count(&res.body, "section.card"), 0);
    // An employer user has no use for it.
    let res = app.get("/qualifications", Some(&m.w.employer_user)).await;
    assert!(
        matches!(res.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
        "{}",
        res.status
    );

    // The mapping page: choose the task and the unit, tick an item, save.
    let base = format!("/employers/{}/qualifications", m.w.employer);
    let res = app.get(&base, Some(&m.w.coordinator)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("Hyllytys"));
    assert!(has(
        &res.body,
        "a[aria-current=page][href$='/qualifications']"
    ));
    let chosen = format!("{base}?task={}&unit={}", m.task, crate::harness::enc(UNIT));
    let res = app.get(&chosen, Some(&m.w.coordinator)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(
        count(&res.body, "input[type=checkbox][name=requirement]"),
        4
    );
    let item = crate::harness::select_attrs(&res.body, "input[name=requirement]", "value")
        .into_iter()
        .next()
        .expect("an item");
    // An item that does not exist: a field error, nothing mapped.
    let unknown = uuid::Uuid::new_v4().to_string();
    let res = app
        .post_form(
            &base,
            Some(&m.w.coordinator),
            &[
                ("task", &m.task),
                ("unit", UNIT),
                ("requirement", &item),
                ("requirement", &unknown),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body
            .contains("Ammattitaitovaatimusta ei löydy. Mitään ei muutettu."),
        "{}",
        res.body
    );
    assert!(mapped(&app, m.w.employer, &m.task).await.is_empty());
    // A task of another employer: a field error, nothing mapped anywhere.
    let other = polku_domain::Employer {
        id: EmployerId::new(),
        business_id: polku_domain::BusinessId::parse("0737546-2").expect("business id"),
        name: "Toinen Varasto Oy".into(),
        ..app.world.employer()
    };
    app.service()
        .create_employer(&m.w.coordinator.actor, other.clone())
        .await
        .expect("other employer");
    let other_task = app.world.task(other.id, "Lajittelu");
    app.service()
        .add_task(&m.w.coordinator.actor, other_task.clone())
        .await
        .expect("other task");
    let other_task_id = other_task.id.to_string();
    let res = app
        .post_form(
            &base,
            Some(&m.w.coordinator),
            &[
                ("task", &other_task_id),
                ("unit", UNIT),
                ("requirement", &item),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body
            .contains("Valitse jokin tämän työnantajan tehtävistä."),
        "{}",
        res.body
    );
    assert!(mapped(&app, other.id, &other_task_id).await.is_empty());
    assert!(mapped(&app, m.w.employer, &m.task).await.is_empty());
    // A coach may read the mapping but not change it.
    let res = app
        .post_form(
            &base,
            Some(&m.w.coach),
            &[("task", &m.task), ("unit", UNIT), ("requirement", &item)],
        )
        .await;
    assert!(
        matches!(res.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
        "{}",
        res.status
    );
    assert!(mapped(&app, m.w.employer, &m.task).await.is_empty());
    // The save: confirmed, mapped, audited like the API.
    let res = app
        .post_form(
            &base,
            Some(&m.w.coordinator),
            &[("task", &m.task), ("unit", UNIT), ("requirement", &item)],
        )
        .await;
    let page = app.confirms(&res, &m.w.coordinator, "Tallennettu.").await;
    assert!(page.body.contains(ITEM_TEXT), "{}", page.body);
    assert_eq!(
        mapped(&app, m.w.employer, &m.task).await,
        vec![item.clone()]
    );
    let audit = app
        .db
        .store
        .audit_query(&polku_service::store::AuditQuery {
            subject: Some(m.task.clone()),
            limit: 50,
            ..Default::default()
        })
        .await
        .expect("audit");
    assert!(
        audit.iter().any(|r| r.action == "map_requirements"),
        "{audit:?}"
    );
    // The coach sees the mapping, without the forms.
    let res = app.get(&base, Some(&m.w.coach)).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains(ITEM_TEXT));
    assert!(!has(&res.body, "main form[method=post]"));
    // Removing an item that is not mapped: a field error; removing the mapped one: confirmed.
    let res = app
        .post_form(
            &format!("{base}/remove"),
            Some(&m.w.coordinator),
            &[("task", &m.task), ("requirement", &unknown)],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert_eq!(
        mapped(&app, m.w.employer, &m.task).await,
        vec![item.clone()]
    );

    // The mentor records evidence of the mapped item (the existing page).
    let today = polku_service::today().to_string();
    let res = app
        .post_form(
            &format!("/mentoring/{}/qualifications", m.placement),
            Some(&m.mentor),
            &[
                ("requirement", &item),
                ("task", &m.task),
                ("shown_on", &today),
                ("assessment", "shown"),
                ("note", "Vastaanotti lähetyksen itsenäisesti"),
            ],
        )
        .await;
    app.confirms(&res, &m.mentor, "Tallennettu.").await;
    // The coach makes the osaamistodistus on the documents tab: kept as a document version.
    let docs = format!("/participants/{}/documents", m.w.participant);
    let res = app
        .post_form(
            &format!("{docs}/generate"),
            Some(&m.w.coach),
            &[
                ("kind", "competence_certificate"),
                ("language", "fi"),
                ("note", ""),
            ],
        )
        .await;
    let tab = app.confirms(&res, &m.w.coach, "Tallennettu.").await;
    assert!(tab.body.contains("Osaamistodistus"), "{}", tab.body);
    let stored = app
        .service()
        .documents(&m.w.coach.actor, m.w.participant, "service_delivery")
        .await
        .expect("documents");
    assert!(stored
        .iter()
        .any(|d| d.kind == polku_domain::DocumentKind::CompetenceCertificate && d.version == 1));

    let res = app
        .post_form(
            &format!("{base}/remove"),
            Some(&m.w.coordinator),
            &[("task", &m.task), ("requirement", &item)],
        )
        .await;
    app.confirms(&res, &m.w.coordinator, "Tallennettu.").await;
    assert!(mapped(&app, m.w.employer, &m.task).await.is_empty());

    // The institution's view: 404 without a consented share for "transition".
    let svc = app.service();
    let school = app.user(Role::Institution).await;
    let shared = format!("/shared/{}/qualifications", m.w.participant);
    assert_eq!(
        app.get(&shared, Some(&school)).await.status,
        StatusCode::NOT_FOUND
    );
    // A share of "skills" for the purpose "placement": the card is there, but no link to a page
    // that would answer 404.
    share_skills(&app, &m, &school, ConsentPurpose::Placement).await;
    let list = app.get("/shared", Some(&school)).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert_eq!(count(&list.body, "section.card"), 1, "{}", list.body);
    assert!(
        !has(&list.body, &format!("a[href='{shared}']")),
        "{}",
        list.body
    );
    assert_eq!(
        app.get(&shared, Some(&school)).await.status,
        StatusCode::NOT_FOUND
    );
    let consents = share_skills(&app, &m, &school, ConsentPurpose::Transition).await;
    // The card on /shared links to it.
    let list = app.get("/shared", Some(&school)).await;
    assert!(
        has(&list.body, &format!("a[href='{shared}']")),
        "{}",
        list.body
    );
    let res = app.get(&shared, Some(&school)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains(ITEM_TEXT), "{}", res.body);
    assert!(res.body.contains("Vastaanotti lähetyksen itsenäisesti"));
    assert!(res.body.contains("HOKS"));
    // Other roles and other schools: 403/404.
    let other_school = app.user(Role::Institution).await;
    assert_eq!(
        app.get(&shared, Some(&other_school)).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(matches!(
        app.get(&shared, Some(&m.mentor)).await.status,
        StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
    ));
    // The consent is withdrawn: 404 on the very next request.
    for c in consents {
        svc.withdraw_consent(&m.w.coach.actor, m.w.participant, c, "service_delivery")
            .await
            .expect("withdraw");
    }
    assert_eq!(
        app.get(&shared, Some(&school)).await.status,
        StatusCode::NOT_FOUND
    );
}
