//! Logs people can use: a request id on every response and on the error page, security events
//! as structured records under that id (R34), and no personal data or stored values in any log
//! line (R32), proven with canary values driven through sign-in, forms, searches and the API.
//!
//! The log is captured by a process-wide subscriber (the test runtime has several threads) that
//! writes both formats `polku serve` offers, text and JSON, into one buffer. Other tests of the
//! same process may add lines to it; the assertions look only at this test's request ids and
//! canaries.

use crate::harness::{
    base32_decode, cookie_value, enc, get_with_cookie as get_with, post_form as post_with, sqlite,
    Res, TestApp, ORIGIN,
};
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Method, Request, StatusCode};
use polku_domain::{Email, Role};
use polku_store_tests::fixtures::system;
use serde_json::{json, Value};
use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};
use tracing_subscriber::layer::SubscriberExt;

/// Every canary value contains this, so one search finds any of them, in any case: the suite's
/// canary mark (`fixtures::CANARY_MARK`, which `scripts/canary-scan.py` looks for in every
/// captured output and server log, R32), in lower case.
const CANARY: &str = "xqzcanary";
const STAFF_EMAIL: &str = "xqzcanary.coach@example.fi";
const STAFF_NAME: &str = "Xqzcanary Valmentaja";
const PASSWORD: &str = "xqzcanary kissa ikkunalla 42";
const WRONG_PASSWORD: &str = "xqzcanary vaara salasana 7";
const UNKNOWN_EMAIL: &str = "xqzcanary.nobody@example.fi";
const GIVEN: &str = "Xqzcanaryetu";
const FAMILY: &str = "Xqzcanarysuku";
const PARTICIPANT_EMAIL: &str = "xqzcanary.osallistuja@example.fi";
/// A valid identity code that no other test uses (no canary word fits its format).
const HETU: &str = "240387-917X";
const NOTE: &str = "Xqzcanarynote: toimintakyvyn muistiinpano";

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Buffer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|p| p.into_inner())).into_owned()
    }
}

/// The process-wide capture: text and JSON lines of every event at every level.
fn captured() -> &'static Buffer {
    static CAPTURE: OnceLock<Buffer> = OnceLock::new();
    CAPTURE.get_or_init(|| {
        let buf = Buffer::default();
        let (a, b) = (buf.clone(), buf.clone());
        let subscriber = tracing_subscriber::registry()
            .with(
                tracing_subscriber::fmt::layer()
                    .with_ansi(false)
                    .with_writer(move || a.clone()),
            )
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .with_writer(move || b.clone()),
            );
        tracing::subscriber::set_global_default(subscriber).expect("the only global subscriber");
        buf
    })
}

/// The JSON records logged inside the request with this id.
fn records(log: &str, request_id: &str) -> Vec<Value> {
    log.lines()
        .filter(|l| l.starts_with('{'))
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|v| {
            v["spans"]
                .as_array()
                .is_some_and(|s| s.iter().any(|s| s["request_id"] == request_id))
        })
        .collect()
}

/// The one record of security event `event` under `res`'s request id.
fn event(log: &str, res: &Res, event: &str) -> Value {
    let id = res.header("x-request-id");
    assert!(!id.is_empty(), "no request id on a {} response", res.status);
    let found: Vec<Value> = records(log, id)
        .into_iter()
        .filter(|r| r["fields"]["event"] == event)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one {event} under request {id}:\n{}",
        records(log, id)
            .iter()
            .map(Value::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    let rec = found.into_iter().next().unwrap_or_default();
    let span = &rec["spans"][0];
    assert_eq!(span["request_id"], id);
    assert!(span["client_ip"].is_string(), "client address: {rec}");
    assert!(span["route"].is_string(), "route: {rec}");
    assert!(
        rec["timestamp"].as_str().is_some_and(|t| t.ends_with('Z')),
        "UTC time: {rec}"
    );
    rec
}

fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[test]
fn security_events_are_logged_under_the_request_id_and_no_canary_reaches_the_log() {
    let log = captured();
    sqlite(move |app| async move {
        // A staff account with a canary address, name and password, activated through the page.
        let created = app
            .service()
            .add_user(
                &system(),
                Email::parse(STAFF_EMAIL).expect("email"),
                STAFF_NAME,
                Role::Coach,
                Some(&app.world.project.code),
            )
            .await
            .expect("user");
        let user_id = created.user.id.to_string();
        let activated = app
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
        assert_eq!(
            activated.status,
            StatusCode::SEE_OTHER,
            "{}",
            activated.body
        );

        let sign_in = |email: &'static str, password: &'static str| {
            let app = &app;
            async move {
                app.post_form(
                    "/sign-in",
                    None,
                    &[("email", email), ("password", password)],
                )
                .await
            }
        };
        let wrong = sign_in(STAFF_EMAIL, WRONG_PASSWORD).await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        let unknown = sign_in(UNKNOWN_EMAIL, WRONG_PASSWORD).await;
        assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
        let ok = sign_in(STAFF_EMAIL, PASSWORD).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let cookie = format!(
            "__Host-polku_session={}",
            cookie_value(&ok, "__Host-polku_session").expect("session")
        );

        // Personal and special-category data through forms, with a validation error that
        // shows the typed values again.
        let mut person = vec![
            ("given_name", GIVEN),
            ("family_name", FAMILY),
            ("hetu", "240387-917Y"),
            ("email", PARTICIPANT_EMAIL),
            ("home", "Lahti"),
            ("hours_min", "10"),
            ("hours_max", "20"),
            ("days_max", "4"),
        ];
        let invalid = post_with(&app, "/participants/new", &cookie, ORIGIN, &form(&person)).await;
        assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(invalid.body.contains(GIVEN), "the form keeps the values");
        person[2] = ("hetu", HETU);
        let created = post_with(&app, "/participants/new", &cookie, ORIGIN, &form(&person)).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        let page = created
            .header("location")
            .split('?')
            .next()
            .unwrap_or_default()
            .to_owned();
        let meeting = post_with(
            &app,
            &format!("{page}/meetings"),
            &cookie,
            ORIGIN,
            &form(&[
                ("date", "2099-01-15"),
                ("time", "10:30"),
                ("duration_min", "45"),
                ("place", "remote"),
                ("notes", NOTE),
            ]),
        )
        .await;
        assert_eq!(meeting.status, StatusCode::SEE_OTHER, "{}", meeting.body);
        assert!(get_with(&app, &page, &cookie).await.body.contains(GIVEN));
        // Canaries in a search query and in a path that matches no participant.
        get_with(&app, &format!("/participants?q={GIVEN}"), &cookie).await;
        let missing = get_with(&app, &format!("/participants/{GIVEN}"), &cookie).await;
        assert!(missing.status.is_client_error());

        // The API: a wrong password, and a field the client may not send.
        let api_wrong = app
            .api(
                Method::POST,
                "/api/v1/sessions",
                None,
                Some(json!({"email": STAFF_EMAIL, "password": WRONG_PASSWORD})),
                &[("origin", ORIGIN)],
            )
            .await;
        assert_eq!(api_wrong.status, StatusCode::UNAUTHORIZED);
        let token = cookie.trim_start_matches("__Host-polku_session=");
        let req = Request::builder()
            .method(Method::POST)
            .uri("/api/v1/participants")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                json!({"personal": {"given_name": GIVEN, "xqzcanary_field": NOTE}}).to_string(),
            ))
            .expect("request");
        let api_bad = app.send(req).await;
        assert!(api_bad.status.is_client_error(), "{}", api_bad.body);

        // Refusals: a role the coach lacks, and a cross-site post.
        let denied = get_with(&app, "/admin", &cookie).await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN);
        let cross = post_with(&app, "/sign-out", &cookie, "https://evil.example", "").await;
        assert_eq!(cross.status, StatusCode::FORBIDDEN);
        let out = post_with(&app, "/sign-out", &cookie, ORIGIN, "").await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);

        // Throttling: the account's failures run out (at least one is already counted).
        let mut throttled = None;
        for _ in 0..polku_web::throttle::ACCOUNT_LIMIT {
            let res = sign_in(STAFF_EMAIL, WRONG_PASSWORD).await;
            if res.status == StatusCode::TOO_MANY_REQUESTS {
                throttled = Some(res);
                break;
            }
        }
        let throttled = throttled.expect("throttled within the limit");

        let text = log.text();
        // The expected security events are there, under the right request ids (so the
        // absence checks below look at a log that has the lines).
        let rec = event(&text, &wrong, "signin.failure");
        assert_eq!(rec["fields"]["user"], user_id.as_str());
        assert_eq!(rec["fields"]["reason"], "wrong_password");
        let account = rec["fields"]["account"]
            .as_str()
            .expect("account")
            .to_owned();
        assert_eq!(account.len(), 16);
        let rec = event(&text, &unknown, "signin.failure");
        assert_eq!(rec["fields"]["reason"], "unknown_account");
        assert!(rec["fields"]["user"].is_null());
        assert_ne!(rec["fields"]["account"], account.as_str());
        let rec = event(&text, &api_wrong, "signin.failure");
        assert_eq!(
            rec["fields"]["account"],
            account.as_str(),
            "one address, one ref"
        );
        // A refused sign-in is one event, not also a generic "not signed in".
        assert!(
            !records(&text, api_wrong.header("x-request-id"))
                .iter()
                .any(|r| r["fields"]["event"] == "access.unauthenticated"),
            "the API sign-in failure is logged twice"
        );
        let rec = event(&text, &ok, "signin.success");
        assert_eq!(rec["fields"]["user"], user_id.as_str());
        assert_eq!(rec["fields"]["factor"], "password");
        let rec = event(&text, &denied, "access.denied");
        assert_eq!(rec["spans"][0]["user"], user_id.as_str());
        assert_eq!(rec["spans"][0]["route"], "/admin");
        assert!(denied.body.contains(denied.header("x-request-id")));
        event(&text, &cross, "request.cross_site");
        let rec = event(&text, &out, "signout");
        assert_eq!(rec["fields"]["user"], user_id.as_str());
        event(&text, &throttled, "signin.throttled");

        // … and not one canary, in either format, at any level.
        let lower = text.to_lowercase();
        let hetu_digits = HETU.replace('-', "");
        for needle in [CANARY, HETU, &hetu_digits, "240387"] {
            if let Some(at) = lower.find(&needle.to_lowercase()) {
                let line_start = lower[..at].rfind('\n').map_or(0, |i| i + 1);
                let line_end = lower[at..].find('\n').map_or(lower.len(), |i| at + i);
                panic!(
                    "{needle:?} is in the log:\n{}",
                    &lower[line_start..line_end]
                );
            }
        }
    });
}

#[test]
fn every_response_carries_a_request_id_and_error_pages_show_it() {
    sqlite(|app| async move {
        let mut seen = std::collections::BTreeSet::new();
        for route in polku_web::inventory() {
            if route.method != Method::GET || route.path.contains('{') {
                continue;
            }
            let res = app.get(route.path, None).await;
            let id = res.header("x-request-id").to_owned();
            assert_eq!(id.len(), 32, "{}: {id:?}", route.path);
            assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
            assert!(seen.insert(id), "ids differ");
        }
        for (lang, text) in [
            ("fi", "Pyynnön tunniste"),
            ("sv", "Förfrågans id"),
            ("en", "Request id"),
        ] {
            let req = Request::builder()
                .uri("/no-such-page")
                .header(header::ACCEPT_LANGUAGE, lang)
                .body(Body::empty())
                .expect("request");
            let res = app.send(req).await;
            assert_eq!(res.status, StatusCode::NOT_FOUND);
            let id = res.header("x-request-id");
            assert!(
                res.body.contains(text) && res.body.contains(&format!("<code>{id}</code>")),
                "{lang}: {}",
                res.body
            );
        }
        let api = app
            .api(Method::GET, "/api/v1/no-such-thing", None, None, &[])
            .await;
        assert_eq!(api.status, StatusCode::NOT_FOUND);
        assert_eq!(api.header("x-request-id").len(), 32);
    });
}

#[test]
fn an_incoming_request_id_is_kept_only_from_the_trusted_proxy() {
    sqlite(|app| async move {
        let proxy: SocketAddr = "10.0.0.1:40000".parse().expect("addr");
        let mut config = polku_web::WebConfig::for_origin(ORIGIN);
        config.trusted_proxy = Some(proxy.ip());
        let state = polku_web::state(app.service().clone(), config).expect("state");
        let app = TestApp {
            app: polku_web::app(state),
            ..app
        };
        let send = |peer: SocketAddr, id: &'static str| {
            let app = &app;
            async move {
                let mut req = Request::builder()
                    .uri("/sign-in")
                    .header("x-request-id", id)
                    .body(Body::empty())
                    .expect("request");
                req.extensions_mut().insert(ConnectInfo(peer));
                app.send(req).await.header("x-request-id").to_owned()
            }
        };
        assert_eq!(send(proxy, "proxy-id-1234").await, "proxy-id-1234");
        let client: SocketAddr = "192.0.2.7:5000".parse().expect("addr");
        assert_ne!(send(client, "chosen-by-client").await, "chosen-by-client");
        let mangled = send(proxy, "bad id <x>").await;
        assert_eq!(mangled.len(), 32, "a malformed id is replaced: {mangled}");
    });
}

fn between<'a>(page: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    page.split(start)
        .skip(1)
        .filter_map(|s| s.split(end).next())
        .collect()
}

#[test]
fn second_factor_events_are_logged_without_secrets_or_codes() {
    let log = captured();
    sqlite(move |app| async move {
        use polku_service::second_factor::{code_at, step_of};
        let service = app.db.service.clone().with_second_factor_required(true);
        let state = polku_web::state(service, polku_web::WebConfig::for_origin(ORIGIN));
        let app = TestApp {
            app: polku_web::app(state.expect("state")),
            ..app
        };
        let email = "xqzcanary.totp@example.fi";
        let created = app
            .service()
            .add_user(
                &system(),
                Email::parse(email).expect("email"),
                STAFF_NAME,
                Role::Coach,
                Some(&app.world.project.code),
            )
            .await
            .expect("user");
        let user_id = created.user.id.to_string();
        let fields = [
            ("token", created.activation_token.as_str()),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
        ];
        let activated = app.post_form("/activate", None, &fields).await;
        let pending = format!(
            "__Host-polku_pending={}",
            cookie_value(&activated, "__Host-polku_pending").expect("pending")
        );
        let setup = get_with(&app, "/sign-in/setup", &pending).await;
        let shown = between(
            &setup.body,
            "<p class=\"secret\" lang=\"en\"><code>",
            "</code>",
        );
        let secret = base32_decode(shown.first().expect("secret shown"));
        let now = time::OffsetDateTime::now_utc();
        let right = code_at(&secret, step_of(now));
        let wrong_setup = format!("code={:06}", (right + 500_000) % 1_000_000);
        let wrong_setup = post_with(&app, "/sign-in/setup", &pending, ORIGIN, &wrong_setup).await;
        assert_eq!(wrong_setup.status, StatusCode::UNPROCESSABLE_ENTITY);
        let right = format!("code={right:06}");
        let enrolled = post_with(&app, "/sign-in/setup", &pending, ORIGIN, &right).await;
        assert_eq!(enrolled.status, StatusCode::OK, "{}", enrolled.body);
        let recovery: Vec<String> = between(&enrolled.body, "<li><code>", "</code>")
            .into_iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(recovery.len(), 10);

        let password = app
            .post_form(
                "/sign-in",
                None,
                &[("email", email), ("password", PASSWORD)],
            )
            .await;
        let pending = format!(
            "__Host-polku_pending={}",
            cookie_value(&password, "__Host-polku_pending").expect("pending")
        );
        let replay = post_with(&app, "/sign-in/code", &pending, ORIGIN, &right).await;
        assert_eq!(replay.status, StatusCode::UNAUTHORIZED);
        let body = format!("code={}", recovery[0]);
        let by_recovery = post_with(&app, "/sign-in/code", &pending, ORIGIN, &body).await;
        assert_eq!(by_recovery.status, StatusCode::SEE_OTHER);

        let text = log.text();
        for (res, name, factor) in [
            (&wrong_setup, "secondfactor.enrolment_failure", None),
            (&enrolled, "secondfactor.enrolled", None),
            (&enrolled, "signin.success", Some("totp")),
            (&password, "signin.password_ok", None),
            (&replay, "secondfactor.replay", None),
            (&replay, "secondfactor.failure", Some("totp")),
            (&by_recovery, "secondfactor.recovery_code_used", None),
            (&by_recovery, "signin.success", Some("recovery_code")),
        ] {
            let rec = event(&text, res, name);
            assert_eq!(rec["fields"]["user"], user_id.as_str(), "{name}");
            if let Some(factor) = factor {
                assert_eq!(rec["fields"]["factor"], factor, "{name}");
            }
        }
        let lower = text.to_lowercase();
        let secret_b32 = shown[0].replace(' ', "").to_lowercase();
        assert!(!lower.contains(CANARY), "a canary is in the log");
        assert!(
            !lower.contains(&secret_b32),
            "the TOTP secret is in the log"
        );
        for code in &recovery {
            assert!(
                !lower.contains(code.as_str()),
                "a recovery code is in the log"
            );
        }
    });
}

/// D29: a stored value that no longer decodes (here a participant's personal data replaced by a
/// bare JSON string carrying a canary) makes the page fail with a 5xx, and the error log names
/// the request and the place, never the stored value.
#[test]
fn a_stored_value_that_does_not_decode_never_reaches_the_log() {
    let log = captured();
    sqlite(move |app| async move {
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
        let changed = app
            .db
            .raw("UPDATE participants SET personal_json = '\"Xqzcanarystored value\"'")
            .await
            .expect("update");
        assert_eq!(changed, 1);
        // From here on: the test's own statement above is in the log (sqlx, debug), the
        // request's lines are what counts.
        let from = log.text().len();
        let res = app.get(&format!("/participants/{id}"), Some(&coach)).await;
        assert!(res.status.is_server_error(), "{}", res.status);
        let text = log.text()[from..].to_owned();
        assert!(
            text.contains(res.header("x-request-id")),
            "the failure is logged under its request id"
        );
        let lower = text.to_lowercase();
        if let Some(at) = lower.find(CANARY) {
            let line_start = lower[..at].rfind('\n').map_or(0, |i| i + 1);
            let line_end = lower[at..].find('\n').map_or(lower.len(), |i| at + i);
            panic!(
                "the stored value is in the log:\n{}",
                &lower[line_start..line_end]
            );
        }
    });
}

/// R32: the log tests' canaries carry the mark the fixtures, the browser suite and the drills
/// use, so the suite-wide scan finds them too.
#[test]
fn the_log_canaries_carry_the_suite_mark() {
    assert_eq!(
        CANARY,
        polku_store_tests::fixtures::CANARY_MARK.to_lowercase()
    );
}
