//! The TOTP second factor end to end through the pages (R3): set-up after activation, one use
//! per code, recovery codes once each, throttled guessing, and a pending sign-in that cannot act.

use crate::harness::{
    base32_decode, cookie_value, enc, get_with_cookie as get, post_form, select_text, Res, TestApp,
    ORIGIN, PASSWORD,
};

pub(crate) async fn post(app: &TestApp, path: &str, cookie: &str, body: &str) -> Res {
    post_form(app, path, cookie, ORIGIN, body).await
}
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use polku_domain::{Email, Role};
use polku_service::second_factor::{code_at, step_of};
use polku_store_tests::fixtures::system;
use time::OffsetDateTime;

pub(crate) fn strict(app: TestApp) -> TestApp {
    let service = app.db.service.clone().with_second_factor_required(true);
    let state = polku_web::state(service, polku_web::WebConfig::for_origin(ORIGIN)).expect("state");
    TestApp {
        app: polku_web::app(state),
        ..app
    }
}

pub(crate) fn secret_from(page: &str) -> Vec<u8> {
    let secret = select_text(page, "p.secret[lang=en] > code").expect("secret shown");
    base32_decode(&secret)
}

pub(crate) fn code(secret: &[u8], at: OffsetDateTime, steps_ahead: i64) -> String {
    format!("{:06}", code_at(secret, step_of(at) + steps_ahead))
}

/// Creates an account, activates it through the page and sets up TOTP; returns the email, the
/// secret and the recovery codes.
async fn enrolled(app: &TestApp) -> (String, Vec<u8>, Vec<String>) {
    enrolled_as(app, Role::Coach).await
}

/// [`enrolled`] with a role of one's choice (in the test's project unless an administrator).
pub(crate) async fn enrolled_as(app: &TestApp, role: Role) -> (String, Vec<u8>, Vec<String>) {
    let email = format!(
        "{}-{}@example.fi",
        role.as_str(),
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    );
    let project = (role != Role::Admin).then_some(app.world.project.code.as_str());
    let created = app
        .service()
        .add_user(
            &system(),
            Email::parse(&email).expect("email"),
            "Testi",
            role,
            project,
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
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.header("location"), "/sign-in/setup");
    assert!(
        cookie_value(&res, "__Host-polku_session").is_none(),
        "no session before the factor"
    );
    let pending = format!(
        "__Host-polku_pending={}",
        cookie_value(&res, "__Host-polku_pending").expect("pending cookie")
    );

    // The pending token cannot act for the user, neither as cookie nor as bearer token.
    let as_session = pending.replace("__Host-polku_pending", "__Host-polku_session");
    assert_eq!(
        get(app, "/", &as_session).await.status,
        StatusCode::SEE_OTHER
    );

    let page = get(app, "/sign-in/setup", &pending).await;
    assert_eq!(page.status, StatusCode::OK);
    let secret = secret_from(&page.body);
    assert_eq!(secret.len(), 20, "160-bit secret");
    assert!(page.body.contains("otpauth://totp/Polku:"));

    let wrong = post(app, "/sign-in/setup", &pending, "code=000000").await;
    let now = OffsetDateTime::now_utc();
    let wrong_is_right = code(&secret, now, 0) == "000000";
    if !wrong_is_right {
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let done = post(
        app,
        "/sign-in/setup",
        &pending,
        &format!("code={}", code(&secret, now, 0)),
    )
    .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert_eq!(
        crate::harness::select_text(&done.body, "[role=status].notice-success").as_deref(),
        Some("Kaksivaiheinen tunnistautuminen on otettu käyttöön.")
    );
    let session = cookie_value(&done, "__Host-polku_session").expect("full session");
    let codes: Vec<String> = done
        .body
        .split("<li><code>")
        .skip(1)
        .filter_map(|s| s.split("</code>").next())
        .map(str::to_owned)
        .collect();
    assert_eq!(codes.len(), 10);
    assert_eq!(
        get(app, "/", &format!("__Host-polku_session={session}"))
            .await
            .status,
        StatusCode::OK
    );
    (email, secret, codes)
}

/// Signs in with the password; returns the pending cookie.
pub(crate) async fn password_step(app: &TestApp, email: &str) -> String {
    let res = app
        .post_form(
            "/sign-in",
            None,
            &[("email", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(
        res.header("location").starts_with("/sign-in/code"),
        "{}",
        res.header("location")
    );
    format!(
        "__Host-polku_pending={}",
        cookie_value(&res, "__Host-polku_pending").expect("pending")
    )
}

#[test]
fn each_code_works_once_and_recovery_codes_once_each() {
    crate::harness::sqlite(|app| async move {
        let app = strict(app);
        let (email, secret, codes) = enrolled(&app).await;
        let now = OffsetDateTime::now_utc();

        // The code used to confirm the set-up cannot be used again.
        let pending = password_step(&app, &email).await;
        let replay = post(
            &app,
            "/sign-in/code",
            &pending,
            &format!("code={}", code(&secret, now, 0)),
        )
        .await;
        assert_eq!(replay.status, StatusCode::UNAUTHORIZED);
        // The next step's code (inside the ±1 window) works, once.
        let next = code(&secret, now, 1);
        let ok = post(
            &app,
            "/sign-in/code",
            &pending,
            &format!("code={next}&next=%2Femployers"),
        )
        .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        assert_eq!(ok.header("location"), "/employers");
        assert!(cookie_value(&ok, "__Host-polku_session").is_some());
        assert_ne!(
            cookie_value(&ok, "__Host-polku_session").as_deref(),
            pending.split('=').nth(1),
            "a new token (R8)"
        );
        let pending = password_step(&app, &email).await;
        let again = post(&app, "/sign-in/code", &pending, &format!("code={next}")).await;
        assert_eq!(again.status, StatusCode::UNAUTHORIZED, "same code twice");

        // A recovery code works once.
        let rc = post(
            &app,
            "/sign-in/code",
            &pending,
            &format!("code={}", enc(&codes[3].to_uppercase())),
        )
        .await;
        assert_eq!(
            rc.status,
            StatusCode::SEE_OTHER,
            "recovery codes ignore case"
        );
        let pending = password_step(&app, &email).await;
        let rc2 = post(
            &app,
            "/sign-in/code",
            &pending,
            &format!("code={}", enc(&codes[3])),
        )
        .await;
        assert_eq!(rc2.status, StatusCode::UNAUTHORIZED);
        let rc3 = post(
            &app,
            "/sign-in/code",
            &pending,
            &format!("code={}", enc(&codes[4])),
        )
        .await;
        assert_eq!(rc3.status, StatusCode::SEE_OTHER);
    });
}

#[test]
fn a_code_is_rejected_61_seconds_later() {
    crate::harness::sqlite(|app| async move {
        let app = strict(app);
        let (email, secret, _) = enrolled(&app).await;
        let svc = app.service().clone();
        // An injected clock ten minutes ahead, so no step here was used at enrolment.
        let t = OffsetDateTime::now_utc() + time::Duration::minutes(10);
        let later = t + time::Duration::seconds(61);
        let token = svc.sign_in(&email, PASSWORD, t).await.expect("password");
        let shown_at_t = code(&secret, t, 0);
        let fresh = code(&secret, later, 0);
        assert_ne!(
            shown_at_t, fresh,
            "distinct codes (1 in a million this fails by chance)"
        );
        assert!(svc
            .complete_second_factor(&token.token, &shown_at_t, later)
            .await
            .is_err());
        let full = svc
            .complete_second_factor(&token.token, &fresh, later)
            .await
            .expect("fresh code");
        assert_eq!(full.stage, polku_service::store::SessionStage::Full);
        assert!(svc.session_actor(&full.token, later).await.is_ok());
    });
}

#[test]
fn guessing_codes_is_throttled() {
    crate::harness::sqlite(|app| async move {
        let app = strict(app);
        let (email, secret, _) = enrolled(&app).await;
        let pending = password_step(&app, &email).await;
        let now = OffsetDateTime::now_utc();
        let real: Vec<String> = (-1..=1).map(|k| code(&secret, now, k)).collect();
        let mut last = StatusCode::OK;
        let mut n = 0;
        for guess in (100_000..)
            .map(|g: u32| g.to_string())
            .filter(|g| !real.contains(g))
            .take(12)
        {
            last = post(&app, "/sign-in/code", &pending, &format!("code={guess}"))
                .await
                .status;
            n += 1;
            if last == StatusCode::TOO_MANY_REQUESTS {
                break;
            }
        }
        assert_eq!(last, StatusCode::TOO_MANY_REQUESTS, "after {n} guesses");
        assert_eq!(n, polku_web::throttle::ACCOUNT_LIMIT + 1);
    });
}

#[test]
fn programs_sign_in_with_the_code_too() {
    crate::harness::sqlite(|app| async move {
        let app = strict(app);
        let (email, secret, _) = enrolled(&app).await;
        let body = |code: Option<&str>| {
            let mut v = serde_json::json!({"email": email, "password": PASSWORD});
            if let Some(c) = code {
                v["code"] = serde_json::Value::String(c.to_owned());
            }
            v
        };
        // A program sends JSON without Origin or Fetch Metadata: allowed for the API.
        let res = app
            .api(
                Method::POST,
                "/api/v1/sessions",
                None,
                Some(body(None)),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert_eq!(res.json()["error"]["code"], "second_factor_required");
        let res = app
            .api(
                Method::POST,
                "/api/v1/sessions",
                None,
                Some(body(Some("000000"))),
                &[],
            )
            .await;
        let now = OffsetDateTime::now_utc();
        if !(-1..=1).any(|k| code(&secret, now, k) == "000000") {
            assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        }
        let res = app
            .api(
                Method::POST,
                "/api/v1/sessions",
                None,
                Some(body(Some(&code(&secret, now, 1)))),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        let token = res.json()["token"].as_str().expect("token").to_owned();
        let me = app
            .api(
                Method::GET,
                "/api/v1/me",
                None,
                None,
                &[("authorization", &format!("Bearer {token}"))],
            )
            .await;
        assert_eq!(me.status, StatusCode::OK);
        assert_eq!(me.json()["email"], email.as_str());
        // A form post to the API from another site is still refused.
        let req = Request::builder()
            .method(Method::POST)
            .uri("/api/v1/sessions")
            .header(header::ORIGIN, "http://127.0.0.2:9")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("email=x"))
            .expect("request");
        assert_eq!(app.send(req).await.status, StatusCode::FORBIDDEN);
    });
}
