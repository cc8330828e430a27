//! Consents and shares through the API (R16, R17): the wording and its hash, a consent that
//! carries the hash (a stale one is refused and records nothing), a share the recipient then
//! sees through `/api/v1/shared` with only the consented group, and withdrawal and revocation
//! taking effect on the next request.

use crate::harness::{on, TestApp};
use axum::http::{Method, StatusCode};
use polku_domain::Role;
use polku_store_tests::Backend;
use serde_json::json;

async fn privacy_story(app: TestApp) {
    let coach = app.user(Role::Coach).await;
    let other = app.user(Role::Coach).await;
    let employer = app.user(Role::Employer).await;
    let svc = app.service().clone();
    let id = svc
        .create_participant(
            &coach.actor,
            app.world.new_participant(),
            "service_delivery",
        )
        .await
        .expect("participant");
    let base = format!("/api/v1/participants/{id}");
    let call = |method: Method, path: String, who, body| {
        let app = &app;
        async move { app.api(method, &path, Some(who), body, &[]).await }
    };

    let wording = call(
        Method::GET,
        "/api/v1/consent-wording?purpose=placement&recipient=employer&category=skills".into(),
        &coach,
        None,
    )
    .await;
    assert_eq!(wording.status, StatusCode::OK);
    let w = wording.json();
    let hash = w["hash"].as_str().expect("hash").to_owned();
    assert!(w["texts"]["fi-x-selko"].is_string() && w["texts"]["sv"].is_string());
    let bad = call(
        Method::GET,
        "/api/v1/consent-wording?purpose=spying&recipient=employer&category=skills".into(),
        &coach,
        None,
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.json()["error"]["fields"]["purpose"].is_string());

    // A stale hash: refused on `shown`, nothing recorded.
    let stale = call(
        Method::POST,
        format!("{base}/consents"),
        &coach,
        Some(
            json!({"purpose": "placement", "recipient": "employer", "method": "written",
            "shown": {"skills": "0".repeat(64)}}),
        ),
    )
    .await;
    assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        stale.json()["error"]["fields"]["shown"].is_string(),
        "{}",
        stale.body
    );
    let unknown = call(
        Method::POST,
        format!("{base}/consents"),
        &coach,
        Some(
            json!({"purpose": "placement", "recipient": "employer", "method": "written",
            "shown": {"skills": hash}, "given_by": "someone"}),
        ),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let list = call(Method::GET, format!("{base}/consents"), &coach, None).await;
    assert_eq!(list.json()["items"], json!([]));
    // Another coach cannot record one.
    let theirs = call(
        Method::POST,
        format!("{base}/consents"),
        &other,
        Some(
            json!({"purpose": "placement", "recipient": "employer", "method": "written",
            "shown": {"skills": hash}}),
        ),
    )
    .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);

    let given = call(
        Method::POST,
        format!("{base}/consents"),
        &coach,
        Some(
            json!({"purpose": "placement", "recipient": "employer", "method": "in_meeting",
            "shown": {"skills": hash}}),
        ),
    )
    .await;
    assert_eq!(given.status, StatusCode::CREATED);
    let consent = given.json()["ids"][0].as_str().expect("id").to_owned();
    let list = call(Method::GET, format!("{base}/consents"), &coach, None)
        .await
        .json();
    assert_eq!(list["items"][0]["text_version_hash"], hash.as_str());
    assert_eq!(list["items"][0]["active"], true);

    // Sharing functioning without consent is refused; skills are shared.
    let recipient = employer.actor.user_id().expect("user").to_string();
    let until = (polku_service::clock::today() + time::Duration::days(10)).to_string();
    let refused = call(
        Method::POST,
        format!("{base}/shares"),
        &coach,
        Some(json!({"recipient": recipient, "categories": ["functioning"], "until": until})),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.json()["error"]["fields"]["categories"].is_string());
    let shared = call(
        Method::POST,
        format!("{base}/shares"),
        &coach,
        Some(json!({"recipient": recipient, "categories": ["skills"], "until": until})),
    )
    .await;
    assert_eq!(shared.status, StatusCode::CREATED, "{}", shared.body);
    let share = shared.json()["id"].as_str().expect("id").to_owned();
    let shares = call(Method::GET, format!("{base}/shares"), &coach, None)
        .await
        .json();
    assert_eq!(shares["items"][0]["active"], true);

    // The employer sees the skills, nothing else; a coach may not use the recipients' list.
    let seen = call(Method::GET, "/api/v1/shared".into(), &employer, None)
        .await
        .json();
    assert_eq!(seen["items"][0]["id"], id.to_string());
    assert!(seen["items"][0]["skills"].is_array());
    assert!(seen["items"][0]["family_name"].is_null());
    assert!(seen["items"][0]["functioning"].is_null());
    assert_eq!(
        call(Method::GET, "/api/v1/shared".into(), &coach, None)
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // Withdrawing the consent hides the group at once; revoking ends the share; twice is 404.
    let withdraw = format!("{base}/consents/{consent}/withdraw");
    assert_eq!(
        call(Method::POST, withdraw.clone(), &coach, None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        call(Method::POST, withdraw, &coach, None).await.status,
        StatusCode::NOT_FOUND
    );
    let seen = call(Method::GET, "/api/v1/shared".into(), &employer, None)
        .await
        .json();
    assert_eq!(seen["items"], json!([]));
    let revoke = format!("{base}/shares/{share}/revoke");
    assert_eq!(
        call(Method::POST, revoke.clone(), &coach, None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        call(Method::POST, revoke, &coach, None).await.status,
        StatusCode::NOT_FOUND
    );
    let shares = call(Method::GET, format!("{base}/shares"), &coach, None)
        .await
        .json();
    assert_eq!(shares["items"][0]["active"], false);
}

#[test]
fn privacy_api_on_sqlite() {
    on(Backend::Sqlite, privacy_story);
}

#[test]
fn privacy_api_on_postgres() {
    on(Backend::Postgres, privacy_story);
}
