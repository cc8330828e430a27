//! Sign-in hardening (issue 13): the code-guessing limit per account (D1), the activation
//! flood (D2), activation tokens out of addresses (D12), session fixation (D21), no state change
//! on GET (D22), the user's own password and authenticator app (R11) and step-up (R19).

use crate::harness::{
    cookie_value, get_with_cookie as get, select_attr, Res, TestApp, ORIGIN, PASSWORD,
};
use crate::second_factor::{code, enrolled_as, password_step, post, secret_from, strict};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use polku_domain::{Email, Role};
use polku_store_tests::fixtures::system;
use time::OffsetDateTime;

/// Completes a password step with `code`; returns the session cookie.
async fn full_session(app: &TestApp, email: &str, code: &str) -> String {
    let pending = password_step(app, email).await;
    let res = post(app, "/sign-in/code", &pending, &format!("code={code}")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    format!(
        "__Host-polku_session={}",
        cookie_value(&res, "__Host-polku_session").expect("session")
    )
}

/// A code that is none of the three valid now.
fn wrong_code(secret: &[u8], i: u32) -> String {
    let now = OffsetDateTime::now_utc();
    let real: Vec<String> = (-1..=1).map(|k| code(secret, now, k)).collect();
    (100_000 + i * 7..)
        .map(|g: u32| g.to_string())
        .find(|g| !real.contains(g))
        .expect("a wrong code")
}

async fn api_sign_in(app: &TestApp, email: &str, code: &str) -> Res {
    app.api(
        Method::POST,
        "/api/v1/sessions",
        None,
        Some(serde_json::json!({"email": email, "password": PASSWORD, "code": code})),
        &[],
    )
    .await
}

/// D1: wrong codes through the API and a correct password on the page used to count on
/// different keys, and the password cleared the API's; now all code guesses of an account count
/// on one key that only a correct code clears.
#[test]
fn code_guesses_count_per_account_across_page_and_api() {
    crate::harness::sqlite(|app| async move {
        let app = strict(app);
        let (email, secret, _) = enrolled_as(&app, Role::Coach).await;
        let limit = polku_web::throttle::ACCOUNT_LIMIT as u32;
        for i in 0..limit - 1 {
            let res = api_sign_in(&app, &email, &wrong_code(&secret, i)).await;
            assert_eq!(res.status, StatusCode::UNAUTHORIZED, "guess {i}");
        }
        // The right password on the page does not reset the count.
        let _pending = password_step(&app, &email).await;
        let res = api_sign_in(&app, &email, &wrong_code(&secret, limit)).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        let now = OffsetDateTime::now_utc();
        let res = api_sign_in(&app, &email, &code(&secret, now, 1)).await;
        assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS, "{}", res.body);
        // The page's code step counts on the same key.
        let pending = password_step(&app, &email).await;
        let res = post(&app, "/sign-in/code", &pending, "code=123456").await;
        assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    });
}

/// D2: `/activate` is throttled per address whatever the token, and an unknown token costs no
/// password hash.
#[test]
fn activation_attempts_are_throttled_and_bad_tokens_cost_no_hash() {
    crate::harness::sqlite(|app| async move {
        let hashed = polku_service::auth::hashes_done();
        let fields = |t: &str| {
            vec![
                ("token", t.to_owned()),
                ("password", "pitkä hyvä salasana".to_owned()),
                ("password_confirm", "pitkä hyvä salasana".to_owned()),
            ]
        };
        let mut statuses = Vec::new();
        for i in 0..=polku_web::throttle::ACTIVATION_ADDRESS_LIMIT {
            let token = format!("{i:064x}");
            let f = fields(&token);
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            statuses.push(app.post_form("/activate", None, &f).await.status);
        }
        assert_eq!(
            polku_service::auth::hashes_done(),
            hashed,
            "no hash for a bad token"
        );
        assert!(statuses[..statuses.len() - 1]
            .iter()
            .all(|s| *s == StatusCode::UNAUTHORIZED));
        assert_eq!(statuses.last(), Some(&StatusCode::TOO_MANY_REQUESTS));
    });
}

/// D12: the link's token is moved out of the address at once and into a short-lived cookie;
/// the page does not carry it; the form works without it.
#[test]
fn the_activation_token_leaves_the_address() {
    crate::harness::sqlite(|app| async move {
        let created = app
            .service()
            .add_user(
                &system(),
                Email::parse("linkki@example.fi").expect("email"),
                "Linkki",
                Role::Coach,
                Some(&app.world.project.code),
            )
            .await
            .expect("user");
        let token = &created.activation_token;
        let res = app.get(&format!("/activate?token={token}"), None).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(res.header("location"), "/activate");
        assert_eq!(
            cookie_value(&res, "__Host-polku_activation").as_deref(),
            Some(token.as_str())
        );
        let set = res.header("set-cookie");
        assert!(
            set.contains("HttpOnly") && set.contains("Max-Age=900"),
            "{set}"
        );
        let cookie = format!("__Host-polku_activation={token}");
        let page = get(&app, "/activate", &cookie).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            !page.body.contains(token.as_str()),
            "the page holds no token"
        );
        let done = post(
            &app,
            "/activate",
            &cookie,
            &format!(
                "password={0}&password_confirm={0}",
                crate::harness::enc(PASSWORD)
            ),
        )
        .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        assert!(cookie_value(&done, "__Host-polku_session").is_some());
        // Without the cookie there is nothing to activate.
        assert_eq!(
            app.get("/activate", None).await.status,
            StatusCode::UNAUTHORIZED
        );
    });
}

/// D21: signing in again with a session cookie replaces that session.
#[test]
fn signing_in_again_replaces_the_session() {
    crate::harness::sqlite(|app| async move {
        let user = app.user(Role::Coach).await;
        assert_eq!(app.get("/", Some(&user)).await.status, StatusCode::OK);
        let res = crate::harness::post_form(
            &app,
            "/sign-in",
            &user.cookie(),
            ORIGIN,
            &format!(
                "email={}&password={}",
                crate::harness::enc(&user.email),
                crate::harness::enc(PASSWORD)
            ),
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let new = cookie_value(&res, "__Host-polku_session").expect("new session");
        assert_ne!(new, user.token);
        assert_eq!(
            app.get("/", Some(&user)).await.status,
            StatusCode::SEE_OTHER,
            "the old session is gone"
        );
        assert_eq!(
            get(&app, "/", &format!("__Host-polku_session={new}"))
                .await
                .status,
            StatusCode::OK
        );
    });
}

/// D22: showing the set-up page twice shows the same key; only the POST makes a new one.
#[test]
fn showing_the_set_up_changes_nothing() {
    crate::harness::sqlite(|app| async move {
        let app = strict(app);
        let created = app
            .service()
            .add_user(
                &system(),
                Email::parse("asetus@example.fi").expect("email"),
                "Asetus",
                Role::Coach,
                Some(&app.world.project.code),
            )
            .await
            .expect("user");
        let res = app
            .post_form(
                "/activate",
                None,
                &[
                    ("token", &created.activation_token),
                    ("password", PASSWORD),
                    ("password_confirm", PASSWORD),
                ],
            )
            .await;
        let pending = format!(
            "__Host-polku_pending={}",
            cookie_value(&res, "__Host-polku_pending").expect("pending")
        );
        let first = secret_from(&get(&app, "/sign-in/setup", &pending).await.body);
        let again = secret_from(&get(&app, "/sign-in/setup", &pending).await.body);
        assert_eq!(first, again, "a GET made a new secret");
        let res = post(&app, "/sign-in/setup/new", &pending, "").await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let new = secret_from(&get(&app, "/sign-in/setup", &pending).await.body);
        assert_ne!(first, new);
        let now = OffsetDateTime::now_utc();
        let done = post(
            &app,
            "/sign-in/setup",
            &pending,
            &format!("code={}", code(&new, now, 0)),
        )
        .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    });
}

/// R11: changing one's own password needs the current password and a current code, ends the
/// other sessions and keeps this one.
#[test]
fn own_password_change_needs_reauthentication_and_ends_other_sessions() {
    crate::harness::sqlite(|app| async move {
        let app = strict(app);
        let (email, secret, recovery) = enrolled_as(&app, Role::Coach).await;
        let now = OffsetDateTime::now_utc();
        let here = full_session(&app, &email, &code(&secret, now, 1)).await;
        let other = full_session(&app, &email, &recovery[0]).await;
        let page = get(&app, "/account", &here).await;
        assert_eq!(page.status, StatusCode::OK);
        let new = "uusi pitkä salasana 7";
        let body = |pw: &str, code: &str| {
            format!(
                "current_password={}&current_code={}&password={2}&password_confirm={2}",
                crate::harness::enc(pw),
                crate::harness::enc(code),
                crate::harness::enc(new)
            )
        };
        let res = post(
            &app,
            "/account/password",
            &here,
            &body("väärä salasana", &recovery[1]),
        )
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(crate::harness::has(&res.body, "#pw_current_password-error"));
        let res = post(&app, "/account/password", &here, &body(PASSWORD, "000000")).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(crate::harness::has(&res.body, "#pw_current_code-error"));
        assert_eq!(
            get(&app, "/", &other).await.status,
            StatusCode::OK,
            "a refused change changes nothing"
        );
        let res = post(
            &app,
            "/account/password",
            &here,
            &body(PASSWORD, &recovery[2]),
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(res.header("location"), "/account?saved=password-changed");
        assert_eq!(get(&app, "/", &here).await.status, StatusCode::OK);
        assert_eq!(get(&app, "/", &other).await.status, StatusCode::SEE_OTHER);
        let old = app
            .post_form(
                "/sign-in",
                None,
                &[("email", &email), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(old.status, StatusCode::UNAUTHORIZED);
        let renewed = app
            .post_form("/sign-in", None, &[("email", &email), ("password", new)])
            .await;
        assert_eq!(renewed.status, StatusCode::SEE_OTHER);
    });
}

/// R11: replacing the authenticator app: re-authentication, then a code from the new app;
/// the old app's codes and the old recovery codes stop working.
#[test]
fn own_authenticator_app_can_be_replaced_after_reauthentication() {
    crate::harness::sqlite(|app| async move {
        let app = strict(app);
        let (email, secret, recovery) = enrolled_as(&app, Role::Coach).await;
        let now = OffsetDateTime::now_utc();
        let here = full_session(&app, &email, &code(&secret, now, 1)).await;
        let other = full_session(&app, &email, &recovery[0]).await;
        let res = post(
            &app,
            "/account/second-factor",
            &here,
            &format!(
                "current_password={}&current_code={}",
                crate::harness::enc(PASSWORD),
                &recovery[1]
            ),
        )
        .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let new_secret = secret_from(&res.body);
        assert_ne!(new_secret, secret);
        let ticket = select_attr(&res.body, "input[name=ticket]", "value").expect("ticket");
        let wrong = post(
            &app,
            "/account/second-factor/confirm",
            &here,
            &format!("ticket={ticket}&code={}", wrong_code(&new_secret, 1)),
        )
        .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        let done = post(
            &app,
            "/account/second-factor/confirm",
            &here,
            &format!("ticket={ticket}&code={}", code(&new_secret, now, 0)),
        )
        .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        assert_eq!(done.body.matches("<li><code>").count(), 10);
        assert_eq!(get(&app, "/", &other).await.status, StatusCode::SEE_OTHER);
        assert_eq!(get(&app, "/", &here).await.status, StatusCode::OK);
        // The old recovery codes are void; the new app's code signs in.
        let pending = password_step(&app, &email).await;
        let res = post(
            &app,
            "/sign-in/code",
            &pending,
            &format!("code={}", recovery[3]),
        )
        .await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        let res = post(
            &app,
            "/sign-in/code",
            &pending,
            &format!("code={}", code(&new_secret, now, 1)),
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        // A ticket is bound to its user and cannot be forged.
        let res = post(
            &app,
            "/account/second-factor/confirm",
            &here,
            "ticket=00ff&code=123456",
        )
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    });
}

async fn age_second_factor(app: &TestApp) {
    app.db
        .raw("UPDATE sessions SET second_factor_at = NULL")
        .await
        .expect("raw");
}

/// R19: administration needs a second factor proved within 10 minutes; the step-up page asks
/// for a code and returns to the page.
#[test]
fn administration_needs_a_fresh_second_factor() {
    crate::harness::sqlite(|app| async move {
        let app = strict(app);
        let (email, secret, recovery) = enrolled_as(&app, Role::Admin).await;
        let now = OffsetDateTime::now_utc();
        let admin = full_session(&app, &email, &code(&secret, now, 1)).await;
        assert_eq!(get(&app, "/admin", &admin).await.status, StatusCode::OK);
        age_second_factor(&app).await;
        let res = get(&app, "/admin", &admin).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(res.header("location"), "/step-up?next=/admin");
        // A form post without a fresh factor changes nothing and returns to its section.
        let res = post(
            &app,
            "/admin/users",
            &admin,
            "email=uusi%40example.fi&display_name=Uusi&role=admin&project=",
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(res.header("location"), "/step-up?next=/admin");
        assert!(app
            .service()
            .user_id_by_email(&system(), "uusi@example.fi")
            .await
            .expect("lookup")
            .is_none());
        let page = get(&app, "/step-up?next=%2Fadmin", &admin).await;
        assert_eq!(page.status, StatusCode::OK);
        let res = post(&app, "/step-up", &admin, "code=000000&next=%2Fadmin").await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        let res = post(
            &app,
            "/step-up",
            &admin,
            &format!("code={}&next=%2Fadmin", recovery[0]),
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(res.header("location"), "/admin?saved=stepped-up");
        assert_eq!(get(&app, "/admin", &admin).await.status, StatusCode::OK);
    });
}

/// R19: the participant export needs a fresh second factor, on the page and in the API; a
/// program renews it with `POST /api/v1/sessions/current/step-up`.
#[test]
fn exports_need_a_fresh_second_factor() {
    crate::harness::sqlite(|app| async move {
        let app = strict(app);
        let (email, secret, recovery) = enrolled_as(&app, Role::Coach).await;
        let now = OffsetDateTime::now_utc();
        let res = api_sign_in(&app, &email, &code(&secret, now, 1)).await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        let token = res.json()["token"].as_str().expect("token").to_owned();
        let actor = app
            .service()
            .session_actor(&token, now)
            .await
            .expect("actor");
        let id = app
            .service()
            .create_participant(&actor, app.world.new_participant(), "service_delivery")
            .await
            .expect("participant");
        let bearer = format!("Bearer {token}");
        let export = format!("/api/v1/participants/{id}/export");
        let res = app
            .api(
                Method::GET,
                &export,
                None,
                None,
                &[("authorization", &bearer)],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "fresh after sign-in");
        age_second_factor(&app).await;
        let res = app
            .api(
                Method::GET,
                &export,
                None,
                None,
                &[("authorization", &bearer)],
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert_eq!(res.json()["error"]["code"], "step_up_required");
        let page = get(
            &app,
            &format!("/participants/{id}/export"),
            &format!("__Host-polku_session={token}"),
        )
        .await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
        assert!(page.header("location").starts_with("/step-up?next="));
        let step = |code: String| {
            Request::builder()
                .method(Method::POST)
                .uri("/api/v1/sessions/current/step-up")
                .header(header::AUTHORIZATION, &bearer)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(serde_json::json!({ "code": code }).to_string()))
                .expect("request")
        };
        assert_eq!(
            app.send(step("000000".into())).await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            app.send(step(recovery[0].clone())).await.status,
            StatusCode::NO_CONTENT
        );
        let res = app
            .api(
                Method::GET,
                &export,
                None,
                None,
                &[("authorization", &bearer)],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK);
    });
}
