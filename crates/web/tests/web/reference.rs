//! Skills and occupations for every signed-in role, on the shipped reference data: Finnish,
//! Swedish and English words find named concepts (never a raw ESCO address), and a concept's page
//! lists what ESCO links to it. Anonymous callers are sent to sign-in.

use crate::harness::{has, select_attrs, select_texts, TestApp};
use axum::http::StatusCode;
use polku_domain::Role;

async fn reference_pages(app: TestApp) {
    app.service()
        .load_reference_data()
        .await
        .expect("reference data");
    let anonymous = app.get("/esco?q=siivous", None).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);

    for role in [
        Role::Coach,
        Role::Coordinator,
        Role::Manager,
        Role::Employer,
    ] {
        let user = app.user(role).await;
        // Words in any of the three languages find concepts (named in the user's language).
        for (q, kind) in [
            ("siivous", "skill"),
            ("varasto", "occupation"),
            ("asiakaspalvelu", "skill"),
            ("st%C3%A4d", "occupation"),
            ("lager", "skill"),
            ("warehouse", "occupation"),
        ] {
            let page = app
                .get(&format!("/esco?kind={kind}&q={q}"), Some(&user))
                .await;
            assert_eq!(page.status, StatusCode::OK, "{role:?} {q}");
            let names = select_texts(&page.body, "ol.esco-hits > li > a");
            assert!(!names.is_empty(), "{role:?}: {q:?} found no {kind}");
            assert!(
                names
                    .iter()
                    .all(|n| !n.is_empty() && !n.contains("data.europa.eu")),
                "{q:?}: {names:?}"
            );
            let hrefs = select_attrs(&page.body, "ol.esco-hits > li > a", "href");
            assert!(
                hrefs
                    .iter()
                    .all(|h| h.starts_with(&format!("/esco/{kind}/"))),
                "{hrefs:?}"
            );
        }
    }

    // A Finnish search shows Polku's working labels, marked as such.
    let coach = app.user(Role::Coach).await;
    let page = app
        .get("/esco?kind=occupation&q=siivooja", Some(&coach))
        .await;
    let names = select_texts(&page.body, "ol.esco-hits > li > a");
    assert!(names.iter().any(|n| n == "siivooja"), "{names:?}");
    assert!(has(&page.body, "ol.esco-hits .working-mark"));
    // A name shown in another language than the page's says so (WCAG 3.1.2).
    let page = app
        .get("/esco?kind=occupation&q=exterior", Some(&coach))
        .await;
    assert!(
        has(&page.body, "ol.esco-hits a[lang=\"en\"]"),
        "{:?}",
        select_texts(&page.body, "ol.esco-hits a")
    );
    assert!(!has(&page.body, "ol.esco-hits a[lang=\"fi\"]"));

    // The building cleaner's page: its names in three languages and its essential skills, each
    // a link to its own page with a name.
    let cleaner = "/esco/occupation/303a1e34-cb16-4054-b323-81e5eec17397";
    let page = app.get(cleaner, Some(&coach)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(
        select_texts(&page.body, "h1")
            .first()
            .map(|h| h.starts_with("siivooja")),
        Some(true)
    );
    let names = select_texts(&page.body, "dl.facts dd");
    assert!(names.contains(&"building cleaner".to_owned()), "{names:?}");
    assert!(names.contains(&"städare".to_owned()), "{names:?}");
    let skills = select_attrs(&page.body, "ul.esco-links a", "href");
    assert!(skills.len() >= 5, "{skills:?}");
    let skill = app.get(&skills[0], Some(&coach)).await;
    assert_eq!(skill.status, StatusCode::OK);
    assert!(
        select_attrs(&skill.body, "ul.esco-links a", "href")
            .iter()
            .any(|h| h == cleaner),
        "the skill's page links back to the occupation"
    );
    assert!(!skill.body.contains(">http://data.europa.eu"));

    // Not a concept Polku has, and not a kind of page: 404.
    for path in [
        "/esco/skill/00000000-0000-0000-0000-000000000000",
        "/esco/isco/C9112",
        "/esco/skill/..%2F..%2Fadmin",
    ] {
        assert_eq!(
            app.get(path, Some(&coach)).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}

#[test]
fn reference_pages_on_sqlite() {
    crate::harness::sqlite(reference_pages);
}

#[test]
fn reference_pages_on_postgres() {
    crate::harness::on(polku_store_tests::Backend::Postgres, reference_pages);
}
