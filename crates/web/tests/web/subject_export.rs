//! The access request (R39) on the web: a download linked from the consents tab, in the coach's
//! language, and the same document through the API; only the own coach gets it, and every
//! export is in the participant's access log.

use crate::harness::{on, TestApp};
use axum::http::{Method, StatusCode};
use polku_domain::Role;
use polku_store_tests::Backend;

async fn export_story(app: TestApp) {
    let coach = app.user(Role::Coach).await;
    let other = app.user(Role::Coach).await;
    let svc = app.service().clone();
    let new = app.world.new_participant();
    let id = svc
        .create_participant(&coach.actor, new.clone(), "service_delivery")
        .await
        .expect("participant");

    // The consents tab links to the download.
    let tab = app
        .get(&format!("/participants/{id}/consents"), Some(&coach))
        .await;
    assert_eq!(tab.status, StatusCode::OK);
    assert!(tab
        .body
        .contains(&format!("href=\"/participants/{id}/export\" download")));

    let page = app
        .get(&format!("/participants/{id}/export"), Some(&coach))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header("content-type").starts_with("application/json"));
    assert!(page
        .header("content-disposition")
        .starts_with("attachment; filename=\"polku-"));
    assert_eq!(page.header("cache-control"), "no-store");
    let doc = page.json();
    assert_eq!(doc["format"], "polku.subject-export.v1");
    assert_eq!(doc["personal"]["family_name"], new.personal.family_name);
    assert_eq!(
        doc["sensitive"]["functional_notes"],
        new.sensitive.functional_notes
    );
    assert!(doc["access_events"]
        .as_array()
        .expect("events")
        .iter()
        .all(|e| e["actor"].is_null()));

    // Another coach: not found, like a participant that does not exist.
    assert_eq!(
        app.get(&format!("/participants/{id}/export"), Some(&other))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The API: the same document; a language it does not know is a field error.
    let api = app
        .api(
            Method::GET,
            &format!("/api/v1/participants/{id}/export?lang=sv"),
            Some(&coach),
            None,
            &[],
        )
        .await;
    assert_eq!(api.status, StatusCode::OK);
    let doc = api.json();
    assert_eq!(doc["subject"], id.to_string());
    // The page's export is in the access log that the API's export shows.
    let exports = doc["access_events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["action"] == "export" && e["purpose"] == "data_subject_request")
        .count();
    assert_eq!(exports, 1, "the page's export is logged before the API's");
    let bad = app
        .api(
            Method::GET,
            &format!("/api/v1/participants/{id}/export?lang=de"),
            Some(&coach),
            None,
            &[],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.json()["error"]["fields"]["lang"].is_string());
}

#[test]
fn export_on_sqlite() {
    on(Backend::Sqlite, export_story);
}

#[test]
fn export_on_postgres() {
    on(Backend::Postgres, export_story);
}
