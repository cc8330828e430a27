//! The plan tab: steps added with errors next to the field, ticked off with the version check,
//! sealed at rest, and invisible to anyone but the participant's own coach.

use crate::harness::{form_field, has, has_value, on, select_attr, TestApp};
use axum::http::StatusCode;
use polku_domain::Role;
use polku_store_tests::fixtures::CANARY;
use polku_store_tests::Backend;

/// The action and version of the first tick-off form on the page.
fn tick_form(body: &str) -> (String, String) {
    let form = "form[action*=\"/plan/\"]";
    let action = select_attr(body, form, "action").expect("a tick-off form");
    let version = form_field(body, form, "version").expect("version");
    (action, version)
}

async fn plan_story(app: TestApp) {
    let coach = app.user(Role::Coach).await;
    let id = app
        .service()
        .create_participant(
            &coach.actor,
            app.world.new_participant(),
            "service_delivery",
        )
        .await
        .expect("participant");
    let url = format!("/participants/{id}/plan");
    let page = app.get(&url, Some(&coach)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(has(&page.body, "[aria-current=page]"));

    let bad = app
        .post_form(&url, Some(&coach), &[("text", "  "), ("due", "31.12.2026")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&bad.body, "#text-error"));
    assert!(has(&bad.body, "#due-error"));
    assert!(has_value(&bad.body, "31.12.2026"), "the value is kept");

    let step = format!("Tutustutaan varastoon {CANARY}");
    let ok = app
        .post_form(
            &url,
            Some(&coach),
            &[("text", &step), ("due", "2020-01-15")],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let page = app.get(&url, Some(&coach)).await;
    assert!(page.body.contains(&step));
    assert!(page.body.contains("15.1.2020"));
    assert!(
        page.body.contains("Myöhässä"),
        "an open step past its date is flagged"
    );

    // Sealed at rest: the text is nowhere in the database in clear.
    let leaked = app
        .db
        .raw(&format!(
            "SELECT 1 FROM plan_items WHERE CAST(text_sealed AS TEXT) LIKE '%{CANARY}%'"
        ))
        .await
        .expect("query");
    assert_eq!(leaked, 0);

    let (action, version) = tick_form(&page.body);
    let action = action.as_str();
    let done = app
        .post_form(
            action,
            Some(&coach),
            &[("done", "1"), ("version", &version)],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let page = app.get(&url, Some(&coach)).await;
    assert!(page.body.contains("Tehty "));
    // The same (now stale) version again: refused, explained, nothing overwritten.
    let stale = app
        .post_form(
            action,
            Some(&coach),
            &[("done", "0"), ("version", &version)],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.body.contains("Joku muu ehti muuttaa"));
    assert!(app.get(&url, Some(&coach)).await.body.contains("Tehty "));

    // Nobody else sees or changes the plan.
    let other = app.user(Role::Coach).await;
    let coordinator = app.user(Role::Coordinator).await;
    for user in [&other, &coordinator] {
        let res = app.get(&url, Some(user)).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        assert!(!res.body.contains("Tutustutaan"));
        let res = app
            .post_form(&url, Some(user), &[("text", "Hyökkäys")])
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        let res = app
            .post_form(action, Some(user), &[("done", "0"), ("version", "2")])
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
    }
    assert!(!app.get(&url, Some(&coach)).await.body.contains("Hyökkäys"));
}

#[test]
fn plan_on_sqlite() {
    on(Backend::Sqlite, plan_story);
}

#[test]
fn plan_on_postgres() {
    on(Backend::Postgres, plan_story);
}
