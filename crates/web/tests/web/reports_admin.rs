//! Tests of the manager overview (small cells suppressed, no revealing totals, managers only)
//! and of administration (accounts with one-time sign-in links, admins only).

use crate::harness::{has, has_text, has_value, rows, select_attr, TestApp, PASSWORD};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use polku_domain::{PathStage, Role};
use polku_store_tests::fixtures::World;

async fn the_report_shows_six_but_never_three(app: TestApp) {
    let coach = app.world.user(app.service(), Role::Coach).await;
    for (stage, n) in [(PathStage::Enrolled, 3), (PathStage::Coaching, 6)] {
        for _ in 0..n {
            let mut p = app.world.new_participant();
            p.stage = stage;
            app.service()
                .create_participant(&coach, p, "service_delivery")
                .await
                .expect("participant");
        }
    }
    let manager = app.user(Role::Manager).await;
    let res = app.get("/reports", Some(&manager)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let row = |label: &str| {
        rows(&res.body)
            .into_iter()
            .find(|cells| cells.first().is_some_and(|c| c == label))
            .expect(label)
    };
    assert!(
        row("Valmennus").iter().any(|c| c == "6"),
        "{:?}",
        row("Valmennus")
    );
    assert!(
        row("Aloittanut").iter().any(|c| c == "salattu"),
        "{:?}",
        row("Aloittanut")
    );
    assert!(
        !has_text(&res.body, "td", "3"),
        "the small count never shows"
    );
    // The 3 hides among the zeros of the other stages: the total (9) gives only their sum.
    assert!(has_text(&res.body, "td", "9"));
    assert!(!res.body.contains("Virtanen") && !res.body.contains("Aino"));
    assert!(has(&res.body, "table > caption"));

    // Other roles are refused; another project's manager sees only their own project.
    for role in [Role::Coach, Role::Coordinator, Role::Admin] {
        let u = app.user(role).await;
        assert_eq!(
            app.get("/reports", Some(&u)).await.status,
            StatusCode::FORBIDDEN,
            "{role:?}"
        );
    }
    let other = World::new(app.service()).await;
    let elsewhere = crate::employers::user_in(&app, &other, Role::Manager).await;
    let res = app.get("/reports", Some(&elsewhere)).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(!has_text(&res.body, "td", "6"));
    assert!(res.body.contains(&other.project.code));
    assert!(!res.body.contains(&app.world.project.code));
    // Direct service call for a project not theirs: not found.
    assert!(matches!(
        app.service()
            .project_report(&elsewhere.actor, app.world.project.id)
            .await,
        Err(polku_service::ServiceError::NotFound)
    ));
}

/// The token of the first `/activate?token=` link on a page.
fn token_in(body: &str) -> String {
    let link = select_attr(body, "input#activation-link", "value").expect("link shown");
    let (_, token) = link
        .split_once("/activate?token=")
        .expect("an activation link");
    token
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect()
}

async fn activate(app: &crate::harness::TestApp, token: &str) -> crate::harness::Res {
    app.post_form(
        "/activate",
        None,
        &[
            ("token", token),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
        ],
    )
    .await
}

async fn an_admin_creates_an_account_whose_one_time_link_signs_in(app: TestApp) {
    let admin = app.user(Role::Admin).await;
    let page = app.get("/admin", Some(&admin)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&app.world.project.code));
    assert!(page.body.contains("Testiosuuskunta"));

    // An administrator with a project is refused next to the field, values kept.
    let res = app
        .post_form(
            "/admin/users",
            Some(&admin),
            &[
                ("email", "uusi.valmentaja@example.fi"),
                ("display_name", "Uusi Valmentaja"),
                ("role", "admin"),
                ("project", &app.world.project.code),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&res.body, "#project-error"));
    assert!(has_value(&res.body, "Uusi Valmentaja"));

    let res = app
        .post_form(
            "/admin/users",
            Some(&admin),
            &[
                ("email", "uusi.valmentaja@example.fi"),
                ("display_name", "Uusi Valmentaja"),
                ("role", "coach"),
                ("project", &app.world.project.code),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let token = token_in(&res.body);
    assert_eq!(token.len(), 64);
    assert!(res.body.contains("http://polku.test/activate?token="));

    let signed_in = activate(&app, &token).await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    let cookie = signed_in
        .header("set-cookie")
        .split(';')
        .next()
        .expect("cookie")
        .to_owned();
    assert!(cookie.starts_with("__Host-polku_session="));
    assert_eq!(signed_in.header("location"), "/?saved=password");
    let req = Request::builder()
        .uri(signed_in.header("location"))
        .header(header::COOKIE, &cookie)
        .body(Body::empty())
        .expect("request");
    let home = app.send(req).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("Uusi Valmentaja"));
    assert_eq!(
        crate::harness::select_text(&home.body, "[role=status].notice-success").as_deref(),
        Some("Salasana asetettu. Olet nyt kirjautunut sisään.")
    );
    // The link works once.
    assert_eq!(
        activate(&app, &token).await.status,
        StatusCode::UNAUTHORIZED
    );

    // The same e-mail again is refused next to the field.
    let res = app
        .post_form(
            "/admin/users",
            Some(&admin),
            &[
                ("email", "uusi.valmentaja@example.fi"),
                ("display_name", "Toinen"),
                ("role", "coach"),
                ("project", &app.world.project.code),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&res.body, "#email-error"));

    // A new link for the existing account works too.
    let user = app
        .service()
        .admin_overview(&admin.actor)
        .await
        .expect("overview")
        .users
        .into_iter()
        .find(|u| u.email.as_str() == "uusi.valmentaja@example.fi")
        .expect("user listed");
    assert!(user.active);
    let res = app
        .post_form(
            &format!("/admin/users/{}/activation", user.id),
            Some(&admin),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    let again = token_in(&res.body);
    assert_ne!(again, token);
    assert_eq!(activate(&app, &again).await.status, StatusCode::SEE_OTHER);
}

async fn non_admins_are_refused_administration(app: TestApp) {
    for role in [Role::Coach, Role::Coordinator, Role::Manager] {
        let u = app.user(role).await;
        assert_eq!(
            app.get("/admin", Some(&u)).await.status,
            StatusCode::FORBIDDEN,
            "{role:?}"
        );
        let res = app
            .post_form(
                "/admin/users",
                Some(&u),
                &[
                    ("email", "hyokkaaja@example.fi"),
                    ("display_name", "Hyökkääjä"),
                    ("role", "admin"),
                    ("project", ""),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{role:?}");
        let res = app
            .post_form(
                &format!(
                    "/admin/users/{}/activation",
                    u.actor.user_id().expect("user")
                ),
                Some(&u),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{role:?}");
    }
    let admin = app.user(Role::Admin).await;
    let overview = app
        .service()
        .admin_overview(&admin.actor)
        .await
        .expect("overview");
    assert!(overview
        .users
        .iter()
        .all(|u| u.email.as_str() != "hyokkaaja@example.fi"));
}

/// Each test runs on SQLite, and on PostgreSQL when `POLKU_TEST_POSTGRES_URL` is set.
macro_rules! on_both {
    ($($name:ident),+ $(,)?) => {
        mod sqlite { $( #[test] fn $name() { crate::harness::sqlite(super::$name) } )+ }
        mod postgres { $( #[test] fn $name() { crate::harness::on(polku_store_tests::Backend::Postgres, super::$name) } )+ }
    };
}

on_both!(
    the_report_shows_six_but_never_three,
    an_admin_creates_an_account_whose_one_time_link_signs_in,
    non_admins_are_refused_administration
);
