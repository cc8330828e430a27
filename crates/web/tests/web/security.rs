//! Browser hardening and sign-in: headers on every route (R22), deny by default (R13), the
//! cross-site check (R23), uniform sign-in failures (R6), throttling (R4), cookies (R9) and
//! sign-out (R11, R12).

use crate::harness::{has, select_attr, sqlite, ORIGIN, PASSWORD};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use polku_domain::Role;
use polku_web::policy::{Kind, Policy};

fn assert_hardened(res: &crate::harness::Res, what: &str) {
    let csp = res.header("content-security-policy");
    for part in [
        "default-src 'self'",
        "script-src 'self' 'nonce-",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ] {
        assert!(csp.contains(part), "{what}: CSP lacks {part}: {csp}");
    }
    assert_eq!(res.header("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(res.header("referrer-policy"), "no-referrer", "{what}");
    assert!(
        res.header("strict-transport-security")
            .contains("max-age=31536000"),
        "{what}"
    );
    assert!(
        res.header("content-type").contains("charset=utf-8"),
        "{what}: {}",
        res.header("content-type")
    );
    assert!(
        res.header("access-control-allow-origin").is_empty(),
        "{what}: CORS"
    );
}

fn concrete(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            if seg.starts_with('{') {
                uuid::Uuid::new_v4().to_string()
            } else {
                seg.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn every_route_declares_a_policy_and_refuses_anonymous_callers() {
    sqlite(|app| async move {
        let routes = polku_web::inventory();
        assert!(routes.len() >= 5);
        for r in routes {
            let path = concrete(r.path);
            let mut req = Request::builder().method(r.method.clone()).uri(&path);
            if r.method != Method::GET {
                req = req
                    .header(header::ORIGIN, ORIGIN)
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            }
            let res = app.send(req.body(Body::empty()).expect("request")).await;
            let what = format!("{} {}", r.method, r.path);
            assert_hardened(&res, &what);
            if r.policy == Policy::Public {
                continue;
            }
            match r.kind {
                Kind::Api => assert_eq!(res.status, StatusCode::UNAUTHORIZED, "{what}"),
                Kind::Page => {
                    assert_eq!(res.status, StatusCode::SEE_OTHER, "{what}");
                    assert!(res.header("location").starts_with("/sign-in"), "{what}");
                }
            }
        }
    });
}

#[test]
fn errors_and_static_files_carry_the_headers_and_say_nothing_internal() {
    sqlite(|app| async move {
        let res = app.get("/no/such/page", None).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        assert_hardened(&res, "404");
        assert!(has(&res.body, "main#main"), "error page is a full page");
        assert!((select_attr(&res.body, "html", "lang").as_deref() == Some("fi")));
        let res = app.get("/static/app.css", None).await;
        assert_eq!(res.status, StatusCode::OK);
        assert_hardened(&res, "css");
        let res = app.get("/sign-out", None).await;
        assert_eq!(
            res.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "GET on a state-changing route"
        );
        assert_hardened(&res, "405");
        let res = app.get("/api/v1/nothing-here", None).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        assert_eq!(res.json()["error"]["code"], "not_found");
        assert_hardened(&res, "api 404");
        let a = app.get("/sign-in", None).await;
        let b = app.get("/sign-in", None).await;
        assert_ne!(
            a.header("content-security-policy"),
            b.header("content-security-policy"),
            "nonce is per request"
        );
    });
}

#[test]
fn unsafe_requests_from_another_origin_are_refused() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        for origin in [
            "http://127.0.0.2:8080",
            "null",
            "http://polku.test.evil.example",
        ] {
            let req = Request::builder()
                .method(Method::POST)
                .uri("/sign-out")
                .header(header::ORIGIN, origin)
                .header(header::COOKIE, coach.cookie())
                .body(Body::empty())
                .expect("request");
            let res = app.send(req).await;
            assert_eq!(res.status, StatusCode::FORBIDDEN, "{origin}");
        }
        // Neither Origin nor Sec-Fetch-Site: refused too.
        let req = Request::builder()
            .method(Method::POST)
            .uri("/sign-out")
            .header(header::COOKIE, coach.cookie())
            .body(Body::empty())
            .expect("request");
        assert_eq!(app.send(req).await.status, StatusCode::FORBIDDEN);
        // Fetch Metadata decides when present: cross-site is refused even without an Origin.
        for (site, origin, want) in [
            ("cross-site", None, StatusCode::FORBIDDEN),
            ("same-site", None, StatusCode::FORBIDDEN),
            ("cross-site", Some("null"), StatusCode::FORBIDDEN),
        ] {
            let mut req = Request::builder()
                .method(Method::POST)
                .uri("/language")
                .header("sec-fetch-site", site);
            if let Some(o) = origin {
                req = req.header(header::ORIGIN, o);
            }
            let res = app.send(req.body(Body::empty()).expect("request")).await;
            assert_eq!(res.status, want, "{site} {origin:?}");
        }
        // A same-origin form post under `Referrer-Policy: no-referrer` carries `Origin: null`.
        let req = Request::builder()
            .method(Method::POST)
            .uri("/language")
            .header("sec-fetch-site", "same-origin")
            .header(header::ORIGIN, "null")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("lang=sv&back=%2F"))
            .expect("request");
        assert_eq!(app.send(req).await.status, StatusCode::SEE_OTHER);
        // The session survived all of that.
        assert_eq!(app.get("/", Some(&coach)).await.status, StatusCode::OK);
    });
}

#[test]
fn sign_in_failures_look_the_same_and_success_sets_a_host_cookie() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let wrong = app
            .post_form(
                "/sign-in",
                None,
                &[("email", &coach.email), ("password", "wrong password 1")],
            )
            .await;
        let unknown = app
            .post_form(
                "/sign-in",
                None,
                &[
                    ("email", "nobody@example.fi"),
                    ("password", "wrong password 1"),
                ],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert_eq!(wrong.status, unknown.status);
        let strip = |b: &str| b.replace(&coach.email, "").replace("nobody@example.fi", "");
        assert_eq!(
            strip(&wrong.body),
            strip(&unknown.body),
            "same page for both"
        );
        assert!(wrong.header("set-cookie").is_empty());

        let ok = app
            .post_form(
                "/sign-in",
                None,
                &[
                    ("email", &coach.email.to_uppercase()),
                    ("password", PASSWORD),
                    ("next", "//evil.example/"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        assert_eq!(ok.header("location"), "/", "no open redirect");
        let cookie = ok.header("set-cookie");
        assert!(cookie.starts_with("__Host-polku_session="), "{cookie}");
        for attr in ["Path=/", "Secure", "HttpOnly", "SameSite=Lax"] {
            assert!(cookie.contains(attr), "{cookie} lacks {attr}");
        }
        assert!(!cookie.contains("Domain"), "{cookie}");
    });
}

#[test]
fn repeated_failures_are_throttled_per_account_and_the_forwarded_header_is_ignored() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let mut statuses = Vec::new();
        for i in 0..20 {
            let req = Request::builder()
                .method(Method::POST)
                .uri("/sign-in")
                .header(header::ORIGIN, ORIGIN)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header("x-forwarded-for", format!("203.0.113.{i}"))
                .body(Body::from(format!(
                    "email={}&password=wrong+{i}",
                    crate::harness::enc(&coach.email)
                )))
                .expect("request");
            let res = app.send(req).await;
            statuses.push(res.status);
            if res.status == StatusCode::TOO_MANY_REQUESTS {
                let wait: u64 = res
                    .header("retry-after")
                    .parse()
                    .expect("Retry-After seconds");
                assert!(wait > 0);
            }
        }
        assert_eq!(
            statuses
                .iter()
                .filter(|s| **s == StatusCode::UNAUTHORIZED)
                .count(),
            polku_web::throttle::ACCOUNT_LIMIT
        );
        assert_eq!(
            *statuses.last().expect("some"),
            StatusCode::TOO_MANY_REQUESTS
        );
        // Even the right password waits until the window has passed (no oracle for guessing).
        let res = app
            .post_form(
                "/sign-in",
                None,
                &[("email", &coach.email), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
        // Another account from the same (untrusted) peer is not locked out.
        let other = app.user(Role::Coordinator).await;
        let res = app
            .post_form(
                "/sign-in",
                None,
                &[("email", &other.email), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
    });
}

#[test]
fn sign_out_ends_the_session_everywhere() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let home = app.get("/", Some(&coach)).await;
        assert_eq!(home.status, StatusCode::OK);
        assert_eq!(home.header("cache-control"), "no-store");
        let out = app.post_form("/sign-out", Some(&coach), &[]).await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);
        assert!(out.header("clear-site-data").contains("cookies"));
        assert!(out.header("set-cookie").contains("Max-Age=0"));
        let again = app.get("/", Some(&coach)).await;
        assert_eq!(again.status, StatusCode::SEE_OTHER, "the old token is dead");
        let api = app
            .api(Method::GET, "/api/v1/me", Some(&coach), None, &[])
            .await;
        assert_eq!(api.status, StatusCode::UNAUTHORIZED);
    });
}

#[test]
fn the_language_switch_is_remembered() {
    sqlite(|app| async move {
        let res = app
            .post_form("/language", None, &[("lang", "sv"), ("back", "/sign-in")])
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(res.header("location"), "/sign-in");
        let cookie = res
            .header("set-cookie")
            .split(';')
            .next()
            .expect("cookie")
            .to_owned();
        assert_eq!(cookie, "polku_lang=sv");
        let req = Request::builder()
            .uri("/sign-in")
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .expect("request");
        let page = app.send(req).await;
        assert!((select_attr(&page.body, "html", "lang").as_deref() == Some("sv")));
        assert!(page.body.contains("Logga in"));
        let req = Request::builder()
            .uri("/sign-in")
            .header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
            .body(Body::empty())
            .expect("request");
        assert!(app.send(req).await.body.contains("Sign in"));
    });
}
