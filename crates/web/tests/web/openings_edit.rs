//! Editing an opening: values shown, errors next to fields, the version check with both values
//! shown on a conflict (R50), and only the project's coordinators may edit.

use crate::employers::user_in;
use crate::harness::{field_value, has, has_value, on, Res, TestApp, User};
use axum::http::StatusCode;
use polku_domain::{MunicipalityCode, Opening, OpeningId, OpeningKind, Role};
use polku_store_tests::fixtures::{system, World};
use polku_store_tests::Backend;

async fn send(app: &TestApp, url: &str, user: &User, f: Vec<(&'static str, String)>) -> Res {
    let refs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post_form(url, Some(user), &refs).await
}

async fn story(app: TestApp) {
    let svc = app.service();
    let e = app.world.employer();
    svc.create_employer(&system(), e.clone())
        .await
        .expect("employer");
    let t1 = app.world.task(e.id, "Hyllytys");
    let t2 = app.world.task(e.id, "Pakkaus");
    svc.add_task(&system(), t1.clone()).await.expect("task");
    svc.add_task(&system(), t2.clone()).await.expect("task");
    let o = Opening {
        id: OpeningId::new(),
        employer_id: e.id,
        kind: OpeningKind::Job,
        title: "Varastotyöntekijä".into(),
        tasks: vec![t1.id],
        municipality: MunicipalityCode::parse("398").expect("Lahti"),
        capacity: 1,
        monthly_wage_eur: Some(1500),
        starts_on: None,
        ends_on: None,
        version: 1,
    };
    svc.add_opening(&system(), o.clone())
        .await
        .expect("opening");
    let url = format!("/employers/{}/openings/{}/edit", e.id, o.id);
    let coordinator = app.user(Role::Coordinator).await;

    let form = app.get(&url, Some(&coordinator)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(has_value(&form.body, "Varastotyöntekijä"));
    assert!((field_value(&form.body, "version").as_deref() == Some("1")));
    assert!(app
        .get(&format!("/employers/{}/openings", e.id), Some(&coordinator))
        .await
        .body
        .contains(&url));

    let t1s = t1.id.to_string();
    let t2s = t2.id.to_string();
    let fields = |title: &'static str, capacity: &'static str, version: &'static str| {
        vec![
            ("version", version.to_owned()),
            ("title", title.to_owned()),
            ("kind", "job".to_owned()),
            ("tasks", t1s.clone()),
            ("tasks", t2s.clone()),
            ("municipality", "Lahti".to_owned()),
            ("capacity", capacity.to_owned()),
            ("monthly_wage_eur", "1600".to_owned()),
        ]
    };
    let bad = send(
        &app,
        &url,
        &coordinator,
        fields("Varastotyöntekijä", "0", "1"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&bad.body, "#capacity-error"));
    let ok = send(
        &app,
        &url,
        &coordinator,
        fields("Varasto- ja pakkaustyöntekijä", "2", "1"),
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let stored = svc
        .opening(&coordinator.actor, e.id, o.id)
        .await
        .expect("opening");
    assert_eq!(stored.title, "Varasto- ja pakkaustyöntekijä");
    assert_eq!(stored.tasks, vec![t1.id, t2.id]);
    assert_eq!(stored.capacity, 2);
    assert_eq!(stored.version, 2);

    // Someone saved first: the stale version is refused and both values are shown.
    let stale = send(
        &app,
        &url,
        &coordinator,
        fields("Vanhan lomakkeen otsikko", "3", "1"),
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(
        stale.body.contains("Varasto- ja pakkaustyöntekijä"),
        "the stored value"
    );
    assert!(
        stale.body.contains("Vanhan lomakkeen otsikko"),
        "the user's value"
    );
    assert!(
        (field_value(&stale.body, "version").as_deref() == Some("2")),
        "saving again applies the user's values"
    );
    assert_eq!(
        svc.opening(&coordinator.actor, e.id, o.id)
            .await
            .expect("opening")
            .capacity,
        2
    );

    // Coaches read but do not edit; another project's coordinator does not see it at all.
    let coach = app.user(Role::Coach).await;
    assert_eq!(
        app.get(&url, Some(&coach)).await.status,
        StatusCode::FORBIDDEN
    );
    let other = user_in(&app, &World::new(svc).await, Role::Coordinator).await;
    assert_eq!(
        app.get(&url, Some(&other)).await.status,
        StatusCode::NOT_FOUND
    );
    let res = app
        .post_form(&url, Some(&other), &[("version", "2"), ("title", "X")])
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

#[test]
fn opening_edit_on_sqlite() {
    on(Backend::Sqlite, story);
}

#[test]
fn opening_edit_on_postgres() {
    on(Backend::Postgres, story);
}
