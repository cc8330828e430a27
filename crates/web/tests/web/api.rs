//! Tests of the api area: token sign-in, participants with ETag / If-Match (R50), unknown and
//! forbidden fields (R15), "not yours" is 404 (R14), pagination, localised error envelopes,
//! employers, the engine endpoints and the OpenAPI document.

use crate::harness::{sqlite, TestApp, User, ORIGIN, PASSWORD};
use axum::http::{Method, StatusCode};
use polku_domain::{ParticipantId, Role};
use polku_store_tests::Backend;
use polku_web::i18n::{I18n, Locale};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// A participant on `coach`'s caseload, created through the service.
async fn enrol(app: &TestApp, coach: &User) -> ParticipantId {
    app.service()
        .create_participant(
            &coach.actor,
            app.world.new_participant(),
            "service_delivery",
        )
        .await
        .expect("participant")
}

/// A second session of the same user (a second client).
async fn second_session(app: &TestApp, user: &User) -> User {
    let token = app
        .service()
        .sign_in(&user.email, PASSWORD, time::OffsetDateTime::now_utc())
        .await
        .expect("sign in");
    User {
        token: token.token,
        ..user.clone()
    }
}

fn text(locale: Locale, key: &str) -> String {
    I18n::load().expect("catalogues").text(locale, key)
}

fn new_participant_body() -> Value {
    json!({
        "personal": {
            "given_name": "Eero",
            "family_name": "Esimerkki",
            "email": "eero@example.fi",
            "languages": {"fi": "B2"},
            "mobility": {"home": "398", "acceptable": ["091"]},
            "availability": {"hours_per_week": {"min": 10, "max": 25}, "days_per_week_max": 4}
        },
        "sensitive": {"functioning": {"capacity": {"lifting": 2}}},
        "waiting_since": "2026-01-15"
    })
}

#[test]
fn token_sign_in_works_and_failures_are_one_uniform_401() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let origin = [("origin", ORIGIN)];
        let res = app
            .api(
                Method::POST,
                "/api/v1/sessions",
                None,
                Some(json!({"email": coach.email.to_uppercase(), "password": PASSWORD})),
                &origin,
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        let body = res.json();
        let token = body["token"].as_str().expect("token").to_owned();
        assert_eq!(token.len(), 64);
        assert!(body["expires_at"].as_str().is_some_and(|s| s.contains('T')));
        assert_eq!(res.header("cache-control"), "no-store");
        let me_as = User {
            token: token.clone(),
            ..coach.clone()
        };
        let me = app
            .api(Method::GET, "/api/v1/me", Some(&me_as), None, &[])
            .await;
        assert_eq!(me.status, StatusCode::OK);
        assert_eq!(me.json()["email"], coach.email.as_str());

        let wrong = app
            .api(
                Method::POST,
                "/api/v1/sessions",
                None,
                Some(json!({"email": coach.email, "password": "not the password"})),
                &origin,
            )
            .await;
        let unknown = app
            .api(
                Method::POST,
                "/api/v1/sessions",
                None,
                Some(json!({"email": "nobody@example.fi", "password": "not the password"})),
                &origin,
            )
            .await;
        for res in [&wrong, &unknown] {
            assert_eq!(res.status, StatusCode::UNAUTHORIZED);
            assert_eq!(res.json()["error"]["code"], "unauthenticated");
            assert_eq!(
                res.json()["error"]["message"],
                text(Locale::Fi, "error-unauthenticated")
            );
        }
        assert_eq!(wrong.body, unknown.body, "R6: the same answer");

        // Signing out ends the token.
        let out = app
            .api(
                Method::DELETE,
                "/api/v1/sessions/current",
                Some(&me_as),
                None,
                &[],
            )
            .await;
        assert_eq!(out.status, StatusCode::NO_CONTENT);
        let me = app
            .api(Method::GET, "/api/v1/me", Some(&me_as), None, &[])
            .await;
        assert_eq!(me.status, StatusCode::UNAUTHORIZED);
        // The other session of the same user lives on.
        let me = app
            .api(Method::GET, "/api/v1/me", Some(&coach), None, &[])
            .await;
        assert_eq!(me.status, StatusCode::OK);
    });
}

#[test]
fn token_sign_in_is_throttled_like_the_page() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let attempt = |password: &'static str| {
            let app = &app;
            let email = coach.email.clone();
            async move {
                app.api(
                    Method::POST,
                    "/api/v1/sessions",
                    None,
                    Some(json!({"email": email, "password": password})),
                    &[("origin", ORIGIN)],
                )
                .await
            }
        };
        for _ in 0..polku_web::throttle::ACCOUNT_LIMIT {
            assert_eq!(attempt("wrong").await.status, StatusCode::UNAUTHORIZED);
        }
        let res = attempt(PASSWORD).await;
        assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(res.json()["error"]["code"], "too_many_attempts");
        assert!(res
            .header("retry-after")
            .parse::<u64>()
            .is_ok_and(|s| s > 0));
    });
}

#[test]
fn sign_in_body_must_be_json_without_extra_fields() {
    sqlite(|app| async move {
        let res = app
            .api(
                Method::POST,
                "/api/v1/sessions",
                None,
                Some(json!({"email": "a@example.fi", "password": "x", "remember": true})),
                &[("origin", ORIGIN)],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.json()["error"]["fields"]["remember"].is_string(),
            "{}",
            res.body
        );
    });
}

#[test]
fn create_and_read_a_participant_with_its_etag() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let res = app
            .api(
                Method::POST,
                "/api/v1/participants",
                Some(&coach),
                Some(new_participant_body()),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        assert_eq!(res.header("etag"), "\"1\"");
        let body = res.json();
        let id = body["id"].as_str().expect("id").to_owned();
        assert_eq!(res.header("location"), format!("/api/v1/participants/{id}"));
        assert_eq!(
            body["coach_id"],
            coach.actor.user_id().expect("user").to_string()
        );
        assert_eq!(body["stage"], "enrolled");
        assert_eq!(body["personal"]["given_name"], "Eero");
        let got = app
            .api(
                Method::GET,
                &format!("/api/v1/participants/{id}"),
                Some(&coach),
                None,
                &[],
            )
            .await;
        assert_eq!(got.status, StatusCode::OK);
        assert_eq!(got.header("etag"), "\"1\"");
        assert_eq!(got.json(), body);
    });
}

#[test]
fn unknown_or_forbidden_fields_on_create_are_422_and_store_nothing() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let other = app.user(Role::Coach).await;
        for (field, value, path) in [
            ("version", json!(7), "version"),
            (
                "coach_id",
                json!(other.actor.user_id().expect("id").to_string()),
                "coach_id",
            ),
            ("id", json!(uuid::Uuid::new_v4().to_string()), "id"),
        ] {
            let mut body = new_participant_body();
            body[field] = value;
            let res = app
                .api(
                    Method::POST,
                    "/api/v1/participants",
                    Some(&coach),
                    Some(body),
                    &[],
                )
                .await;
            assert_eq!(
                res.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{field}: {}",
                res.body
            );
            let err = &res.json()["error"];
            assert_eq!(err["code"], "invalid_input");
            assert_eq!(
                err["fields"][path],
                text(Locale::Fi, "api-field-unknown"),
                "{}",
                res.body
            );
        }
        // Nested, too.
        let mut body = new_participant_body();
        body["personal"]["mobility"]["owner"] = json!("x");
        let res = app
            .api(
                Method::POST,
                "/api/v1/participants",
                Some(&coach),
                Some(body),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.json()["error"]["fields"]["personal.mobility.owner"].is_string(),
            "{}",
            res.body
        );
        // A domain rule names its field.
        let mut body = new_participant_body();
        body["personal"]["availability"]["hours_per_week"] = json!({"min": 30, "max": 20});
        let res = app
            .api(
                Method::POST,
                "/api/v1/participants",
                Some(&coach),
                Some(body),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.json()["error"]["fields"]["personal.availability.hours_per_week"].is_string(),
            "{}",
            res.body
        );
        let list = app
            .api(Method::GET, "/api/v1/participants", Some(&coach), None, &[])
            .await;
        assert_eq!(list.json()["items"], json!([]), "nothing was stored");
    });
}

#[test]
fn two_clients_patch_the_same_etag_exactly_one_wins() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        crate::harness::on(backend, two_clients_race);
    }
}

async fn two_clients_race(app: TestApp) {
    let coach = app.user(Role::Coach).await;
    let other_client = second_session(&app, &coach).await;
    let id = enrol(&app, &coach).await;
    let path = format!("/api/v1/participants/{id}");
    let a = app.api(Method::GET, &path, Some(&coach), None, &[]).await;
    let b = app
        .api(Method::GET, &path, Some(&other_client), None, &[])
        .await;
    let tag = a.header("etag").to_owned();
    assert_eq!(tag, b.header("etag"));
    let patch_a = json!({"personal": {"phone": "+358 40 111 1111"}});
    let patch_b = json!({"stage": "assessment"});
    let if_match = [("if-match", tag.as_str())];
    let (ra, rb) = tokio::join!(
        app.api(Method::PATCH, &path, Some(&coach), Some(patch_a), &if_match),
        app.api(
            Method::PATCH,
            &path,
            Some(&other_client),
            Some(patch_b),
            &if_match
        ),
    );
    let mut statuses = [ra.status, rb.status];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::OK, StatusCode::PRECONDITION_FAILED],
        "{} / {}",
        ra.body,
        rb.body
    );
    let (won, lost) = if ra.status == StatusCode::OK {
        (&ra, &rb)
    } else {
        (&rb, &ra)
    };
    assert_eq!(won.header("etag"), "\"2\"");
    assert_eq!(lost.json()["error"]["code"], "conflict");
    let now = app.api(Method::GET, &path, Some(&coach), None, &[]).await;
    assert_eq!(now.header("etag"), "\"2\"");
    assert_eq!(now.json(), won.json());
    // Sequentially the same: the stale tag is refused before anything is written.
    let stale = app
        .api(
            Method::PATCH,
            &path,
            Some(&coach),
            Some(json!({"personal": {"given_name": "Stale"}})),
            &[("if-match", "\"1\"")],
        )
        .await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    let now = app.api(Method::GET, &path, Some(&coach), None, &[]).await;
    assert_eq!(now.json()["personal"]["given_name"], "Aino");
}

#[test]
fn patch_changes_only_what_it_names_and_needs_if_match() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let id = enrol(&app, &coach).await;
        let path = format!("/api/v1/participants/{id}");
        let before = app
            .api(Method::GET, &path, Some(&coach), None, &[])
            .await
            .json();

        let res = app
            .api(
                Method::PATCH,
                &path,
                Some(&coach),
                Some(json!({"stage": "assessment"})),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_REQUIRED);
        assert_eq!(res.json()["error"]["code"], "precondition_required");
        let res = app
            .api(
                Method::PATCH,
                &path,
                Some(&coach),
                Some(json!({"stage": "assessment"})),
                &[("if-match", "*")],
            )
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_REQUIRED);

        let res = app
            .api(
                Method::PATCH,
                &path,
                Some(&coach),
                Some(json!({"stage": "assessment", "personal": {"phone": null}})),
                &[
                    ("if-match", "\"1\""),
                    ("content-type", "application/merge-patch+json"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.header("etag"), "\"2\"");
        let after = res.json();
        assert_eq!(after["stage"], "assessment");
        assert_eq!(after["personal"]["phone"], Value::Null);
        assert_eq!(after["personal"]["hetu"], before["personal"]["hetu"]);
        assert_eq!(after["sensitive"], before["sensitive"]);
        assert_eq!(after["version"], 2);
    });
}

#[test]
fn patch_with_unknown_or_forbidden_fields_is_422_and_changes_nothing() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let other = app.user(Role::Coach).await;
        let id = enrol(&app, &coach).await;
        let path = format!("/api/v1/participants/{id}");
        let before = app
            .api(Method::GET, &path, Some(&coach), None, &[])
            .await
            .json();
        let audit_before = app.db.store.audit_head().await.expect("audit");
        for (patch, field) in [
            (json!({"stage": "assessment", "version": 9}), "version"),
            (
                json!({"coach_id": other.actor.user_id().expect("id").to_string()}),
                "coach_id",
            ),
            (
                json!({"personal": {"given_name": "X", "nickname": "Y"}}),
                "personal.nickname",
            ),
        ] {
            let res = app
                .api(
                    Method::PATCH,
                    &path,
                    Some(&coach),
                    Some(patch),
                    &[("if-match", "\"1\"")],
                )
                .await;
            assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
            assert!(
                res.json()["error"]["fields"][field].is_string(),
                "{field}: {}",
                res.body
            );
        }
        let after = app.api(Method::GET, &path, Some(&coach), None, &[]).await;
        assert_eq!(after.header("etag"), "\"1\"");
        assert_eq!(after.json(), before, "the stored record is unchanged");
        // Each refusal was audited (R15), besides the reads.
        let page = app
            .db
            .store
            .audit_page(audit_before.map_or(0, |(seq, _)| seq), 100)
            .await
            .expect("audit page");
        assert_eq!(
            page.iter().filter(|r| r.action == "refuse_fields").count(),
            3
        );
    });
}

#[test]
fn another_coachs_participant_is_not_found() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let stranger = app.user(Role::Coach).await;
        let id = enrol(&app, &coach).await;
        let path = format!("/api/v1/participants/{id}");
        let missing = format!("/api/v1/participants/{}", ParticipantId::new());
        let theirs = app
            .api(Method::GET, &path, Some(&stranger), None, &[])
            .await;
        let nothing = app
            .api(Method::GET, &missing, Some(&stranger), None, &[])
            .await;
        assert_eq!(theirs.status, StatusCode::NOT_FOUND);
        assert_eq!(theirs.body, nothing.body, "not yours looks like not found");
        for p in [&path, &missing] {
            let res = app
                .api(
                    Method::PATCH,
                    p,
                    Some(&stranger),
                    Some(json!({"stage": "assessment"})),
                    &[("if-match", "\"1\"")],
                )
                .await;
            assert_eq!(res.status, StatusCode::NOT_FOUND);
            let res = app
                .api(
                    Method::GET,
                    &format!("{p}/suggestions"),
                    Some(&stranger),
                    None,
                    &[],
                )
                .await;
            assert_eq!(res.status, StatusCode::NOT_FOUND);
        }
        let bad = app
            .api(
                Method::GET,
                "/api/v1/participants/not-a-uuid",
                Some(&stranger),
                None,
                &[],
            )
            .await;
        assert_eq!(bad.status, StatusCode::NOT_FOUND);
        let list = app
            .api(
                Method::GET,
                "/api/v1/participants",
                Some(&stranger),
                None,
                &[],
            )
            .await;
        assert_eq!(list.json()["items"], json!([]));
        // The owner still sees it unchanged.
        let mine = app.api(Method::GET, &path, Some(&coach), None, &[]).await;
        assert_eq!(mine.header("etag"), "\"1\"");
        // Roles without participant access are refused by the route policy.
        let coordinator = app.user(Role::Coordinator).await;
        let res = app
            .api(Method::GET, &path, Some(&coordinator), None, &[])
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
    });
}

#[test]
fn pagination_returns_every_item_exactly_once() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let other = app.user(Role::Coach).await;
        let mut expected = BTreeSet::new();
        for _ in 0..7 {
            expected.insert(enrol(&app, &coach).await.to_string());
        }
        enrol(&app, &other).await;
        let mut seen = Vec::new();
        let mut url = "/api/v1/participants?limit=3".to_owned();
        let mut pages = 0;
        loop {
            let res = app.api(Method::GET, &url, Some(&coach), None, &[]).await;
            assert_eq!(res.status, StatusCode::OK, "{}", res.body);
            let body = res.json();
            let items = body["items"].as_array().expect("items");
            assert!(items.len() <= 3);
            seen.extend(
                items
                    .iter()
                    .map(|i| i["id"].as_str().expect("id").to_owned()),
            );
            pages += 1;
            match body["next_cursor"].as_str() {
                Some(c) => url = format!("/api/v1/participants?limit=3&cursor={c}"),
                None => break,
            }
        }
        assert_eq!(pages, 3);
        assert_eq!(seen.len(), 7, "no repeats");
        assert_eq!(seen.iter().cloned().collect::<BTreeSet<_>>(), expected);
        let all = app
            .api(Method::GET, "/api/v1/participants", Some(&coach), None, &[])
            .await
            .json();
        assert_eq!(all["items"].as_array().map(Vec::len), Some(7));
        assert_eq!(all["next_cursor"], Value::Null);
        let by_code = app
            .api(
                Method::GET,
                &format!("/api/v1/participants?project={}", app.world.project.code),
                Some(&coach),
                None,
                &[],
            )
            .await
            .json();
        assert_eq!(by_code, all);
        let res = app
            .api(
                Method::GET,
                "/api/v1/participants?project=NOPE",
                Some(&coach),
                None,
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.json()["error"]["fields"]["project"].is_string());
        for bad in ["limit=0", "limit=101", "limit=x"] {
            let res = app
                .api(
                    Method::GET,
                    &format!("/api/v1/participants?{bad}"),
                    Some(&coach),
                    None,
                    &[],
                )
                .await;
            assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
            assert!(res.json()["error"]["fields"]["limit"].is_string());
        }
        let res = app
            .api(
                Method::GET,
                "/api/v1/participants?cursor=%%%",
                Some(&coach),
                None,
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.json()["error"]["fields"]["cursor"].is_string());
    });
}

#[test]
fn error_messages_follow_the_requesters_language() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let missing = format!("/api/v1/participants/{}", ParticipantId::new());
        for (headers, locale) in [
            (vec![], Locale::Fi),
            (vec![("accept-language", "sv-FI,sv;q=0.9")], Locale::Sv),
            (vec![("accept-language", "en-GB")], Locale::En),
            (
                vec![("accept-language", "sv"), ("cookie", "polku_lang=en")],
                Locale::En,
            ),
        ] {
            let res = app
                .api(Method::GET, &missing, Some(&coach), None, &headers)
                .await;
            assert_eq!(res.status, StatusCode::NOT_FOUND);
            assert_eq!(
                res.json()["error"]["message"],
                text(locale, "error-not-found"),
                "{headers:?}"
            );
            let mut body = new_participant_body();
            body["version"] = json!(1);
            let res = app
                .api(
                    Method::POST,
                    "/api/v1/participants",
                    Some(&coach),
                    Some(body),
                    &headers,
                )
                .await;
            assert_eq!(
                res.json()["error"]["fields"]["version"],
                text(locale, "api-field-unknown"),
                "{headers:?}"
            );
        }
        assert_ne!(
            text(Locale::Fi, "api-field-unknown"),
            text(Locale::En, "api-field-unknown")
        );
    });
}

#[test]
fn match_endpoint_names_the_bad_field() {
    sqlite(|app| async move {
        let coordinator = app.user(Role::Coordinator).await;
        let bad = json!({"participants": [{"id": "a", "municipality": "398",
            "hours_per_week": {"min": 1, "max": 2}, "days_per_week_max": 3,
            "capacity": {"standing": 2, "lifting": 7}}], "employers": []});
        let res = app
            .api(
                Method::POST,
                "/api/v1/match?participant=a",
                Some(&coordinator),
                Some(bad),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        let err = &res.json()["error"];
        assert_eq!(err["code"], "invalid_input");
        assert!(
            err["fields"]["participants[0].capacity.lifting"].is_string(),
            "{}",
            res.body
        );
        let res = app
            .send(
                axum::http::Request::builder()
                    .method(Method::POST)
                    .uri("/api/v1/allocate")
                    .header("authorization", format!("Bearer {}", coordinator.token))
                    .header("content-type", "application/json")
                    .body(axum::body::Body::from("{\"participants\": [{\"id\": x}]}"))
                    .expect("request"),
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        let fields = res.json()["error"]["fields"].clone();
        assert_eq!(
            fields,
            json!({"participants[0].id": text(Locale::Fi, "api-field-syntax")}),
            "{}",
            res.body
        );
        // Not JSON at all: 415.
        let res = app
            .send(
                axum::http::Request::builder()
                    .method(Method::POST)
                    .uri("/api/v1/match")
                    .header("authorization", format!("Bearer {}", coordinator.token))
                    .header("content-type", "text/plain")
                    .body(axum::body::Body::from("{}"))
                    .expect("request"),
            )
            .await;
        assert_eq!(res.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(res.json()["error"]["code"], "unsupported_media_type");
    });
}

const ENGINE_INPUT: &str = include_str!("../../../cli/tests/fixtures/match.json");

async fn engine_post(app: &TestApp, user: &User, path: &str, body: &str) -> crate::harness::Res {
    app.send(
        axum::http::Request::builder()
            .method(Method::POST)
            .uri(path)
            .header("authorization", format!("Bearer {}", user.token))
            .header("content-type", "application/json")
            .body(axum::body::Body::from(body.to_owned()))
            .expect("request"),
    )
    .await
}

#[test]
fn engine_endpoints_answer_like_the_command_line() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let today = polku_service::clock::today();
        let res = engine_post(
            &app,
            &coach,
            "/api/v1/match?participant=p1&top=5",
            ENGINE_INPUT,
        )
        .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let args = polku_matching::api::MatchArgs {
            participant: Some("p1".into()),
            top: 5,
            ..Default::default()
        };
        let expected = polku_matching::api::match_json(ENGINE_INPUT, &args, today).expect("match");
        assert_eq!(res.json(), expected);

        let res = engine_post(
            &app,
            &coach,
            "/api/v1/craft?participant=p1&employer=e1&hours=10-20",
            ENGINE_INPUT,
        )
        .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let args = polku_matching::api::CraftArgs {
            participant: "p1".into(),
            employer: "e1".into(),
            hours: Some((10, 20)),
        };
        let expected = polku_matching::api::craft_json(ENGINE_INPUT, &args, today).expect("craft");
        assert_eq!(res.json(), expected);

        let res = engine_post(&app, &coach, "/api/v1/allocate", ENGINE_INPUT).await;
        match polku_matching::api::allocate_json(ENGINE_INPUT) {
            Ok(expected) => {
                assert_eq!(res.status, StatusCode::OK, "{}", res.body);
                assert_eq!(res.json(), expected);
            }
            Err(e) => {
                assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
                assert!(
                    res.json()["error"]["fields"].get(&e.path).is_some(),
                    "{}",
                    res.body
                );
            }
        }

        // Arguments are checked and named too.
        let res = engine_post(
            &app,
            &coach,
            "/api/v1/match?participant=nobody",
            ENGINE_INPUT,
        )
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            res.json()["error"]["fields"]["participant"],
            text(Locale::Fi, "api-field-unknown-id")
        );
        let res = engine_post(
            &app,
            &coach,
            "/api/v1/craft?participant=p1&employer=e1&hours=20-10",
            ENGINE_INPUT,
        )
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.json()["error"]["fields"]["hours"].is_string());
        let res = engine_post(&app, &coach, "/api/v1/match?top=0", ENGINE_INPUT).await;
        assert!(res.json()["error"]["fields"]["top"].is_string());

        // Engine documents may be larger than other bodies (256 KiB) …
        let padded = format!("{ENGINE_INPUT}{}", " ".repeat(512 * 1024));
        let res = engine_post(&app, &coach, "/api/v1/allocate", &padded).await;
        assert_ne!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
        let res = app
            .send(
                axum::http::Request::builder()
                    .method(Method::POST)
                    .uri("/api/v1/participants")
                    .header("authorization", format!("Bearer {}", coach.token))
                    .header("content-type", "application/json")
                    .body(axum::body::Body::from(padded))
                    .expect("request"),
            )
            .await;
        assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
        // … but bounded too: 413 in the envelope.
        let huge = format!(
            "{{\"participants\": [], \"pad\": \"{}\"}}",
            "x".repeat(5 * 1024 * 1024)
        );
        let res = engine_post(&app, &coach, "/api/v1/allocate", &huge).await;
        assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(res.json()["error"]["code"], "too_large");

        // Staff only.
        let employer_user = app.user(Role::Employer).await;
        let res = engine_post(&app, &employer_user, "/api/v1/match", ENGINE_INPUT).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
    });
}

/// A valid business ID with these seven digits (or the next number whose check works).
fn business_id(mut n: u32) -> polku_domain::BusinessId {
    loop {
        let digits = format!("{n:07}");
        let sum: u32 = digits
            .bytes()
            .zip([7, 9, 10, 5, 8, 4, 2])
            .map(|(d, w)| u32::from(d - b'0') * w)
            .sum();
        let check = match sum % 11 {
            0 => Some(0),
            1 => None,
            r => Some(11 - r),
        };
        if let Some(c) = check {
            return polku_domain::BusinessId::parse(&format!("{digits}-{c}")).expect("valid");
        }
        n += 1;
    }
}

/// An employer with one task and one opening, created by `coordinator` in `world`.
async fn employer_with_opening(
    app: &TestApp,
    world: &polku_store_tests::fixtures::World,
    coordinator: &polku_service::Actor,
) -> (
    polku_domain::Employer,
    polku_domain::Task,
    polku_domain::Opening,
) {
    let svc = app.service();
    let e = world.employer();
    svc.create_employer(coordinator, e.clone())
        .await
        .expect("employer");
    let t = world.task(e.id, "Toimistosiivous");
    svc.add_task(coordinator, t.clone()).await.expect("task");
    let o = polku_domain::Opening {
        id: polku_domain::OpeningId::new(),
        employer_id: e.id,
        kind: polku_domain::OpeningKind::WorkTrial,
        title: "Siivoojan työkokeilu".into(),
        tasks: vec![t.id],
        municipality: polku_domain::MunicipalityCode::parse("398").expect("Lahti"),
        capacity: 1,
        monthly_wage_eur: None,
        starts_on: None,
        ends_on: None,
        version: 1,
    };
    svc.add_opening(coordinator, o.clone())
        .await
        .expect("opening");
    (e, t, o)
}

#[test]
fn employers_tasks_and_openings_are_readable_by_the_project_only() {
    sqlite(|app| async move {
        let coordinator = app.user(Role::Coordinator).await;
        let (e, t, o) = employer_with_opening(&app, &app.world, &coordinator.actor).await;
        let mut ids = BTreeSet::from([e.id.to_string()]);
        for n in 0..2 {
            let more = polku_domain::Employer {
                id: polku_domain::EmployerId::new(),
                business_id: business_id(2_000_000 + n),
                ..app.world.employer()
            };
            app.service()
                .create_employer(&coordinator.actor, more.clone())
                .await
                .expect("employer");
            ids.insert(more.id.to_string());
        }
        // Another project's employer.
        let elsewhere = polku_store_tests::fixtures::World::new(app.service()).await;
        let their_coordinator = elsewhere.user(app.service(), Role::Coordinator).await;
        let (theirs, _, _) = employer_with_opening(&app, &elsewhere, &their_coordinator).await;

        for user in [&coordinator, &app.user(Role::Coach).await] {
            let mut seen = Vec::new();
            let mut url = format!(
                "/api/v1/employers?project={}&limit=2",
                app.world.project.code
            );
            loop {
                let res = app.api(Method::GET, &url, Some(user), None, &[]).await;
                assert_eq!(res.status, StatusCode::OK, "{}", res.body);
                let body = res.json();
                seen.extend(
                    body["items"]
                        .as_array()
                        .expect("items")
                        .iter()
                        .map(|i| i["id"].as_str().expect("id").to_owned()),
                );
                match body["next_cursor"].as_str() {
                    Some(c) => url = format!("/api/v1/employers?limit=2&cursor={c}"),
                    None => break,
                }
            }
            assert_eq!(seen.len(), 3);
            assert_eq!(seen.into_iter().collect::<BTreeSet<_>>(), ids);

            let res = app
                .api(
                    Method::GET,
                    &format!("/api/v1/employers/{}", e.id),
                    Some(user),
                    None,
                    &[],
                )
                .await;
            assert_eq!(res.status, StatusCode::OK);
            assert_eq!(res.header("etag"), "\"1\"");
            assert_eq!(res.json()["name"], e.name.as_str());
            let res = app
                .api(
                    Method::GET,
                    &format!("/api/v1/employers/{}/tasks", e.id),
                    Some(user),
                    None,
                    &[],
                )
                .await;
            assert_eq!(res.json()["items"][0]["id"], t.id.to_string());
            let res = app
                .api(
                    Method::GET,
                    &format!("/api/v1/employers/{}/openings", e.id),
                    Some(user),
                    None,
                    &[],
                )
                .await;
            assert_eq!(res.json()["items"][0]["id"], o.id.to_string());

            for suffix in ["", "/tasks", "/openings"] {
                let res = app
                    .api(
                        Method::GET,
                        &format!("/api/v1/employers/{}{suffix}", theirs.id),
                        Some(user),
                        None,
                        &[],
                    )
                    .await;
                assert_eq!(res.status, StatusCode::NOT_FOUND, "{suffix}");
            }
            let res = app
                .api(
                    Method::GET,
                    &format!("/api/v1/employers?project={}", elsewhere.project.code),
                    Some(user),
                    None,
                    &[],
                )
                .await;
            assert_eq!(
                res.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "another project's code"
            );
            assert!(res.json()["error"]["fields"]["project"].is_string());
        }
        let participant = app.user(Role::Participant).await;
        let res = app
            .api(
                Method::GET,
                "/api/v1/employers",
                Some(&participant),
                None,
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
    });
}

#[test]
fn suggestions_rank_the_projects_openings_for_a_participant() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let coordinator = app.user(Role::Coordinator).await;
        let (_, _, o) = employer_with_opening(&app, &app.world, &coordinator.actor).await;
        let id = enrol(&app, &coach).await;
        let res = app
            .api(
                Method::GET,
                &format!("/api/v1/participants/{id}/suggestions?top=5&include_excluded=true"),
                Some(&coach),
                None,
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let expected = app
            .service()
            .match_participant(&coach.actor, id, 5, true, polku_service::clock::today())
            .await
            .expect("match");
        assert_eq!(res.json(), polku_matching::api::to_json(&expected));
        assert!(res.body.contains(&o.id.to_string()), "{}", res.body);
        let res = app
            .api(
                Method::GET,
                &format!("/api/v1/participants/{id}/suggestions?top=0"),
                Some(&coach),
                None,
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    });
}

/// `{id}`, `{employer}` … all become `{}`, so the router's and the document's forms compare.
fn normalise(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            if seg.starts_with('{') && seg.ends_with('}') {
                "{}"
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

#[test]
fn openapi_document_and_route_inventory_agree() {
    let doc = polku_web::api::v1::openapi::document();
    let paths = doc["paths"].as_object().expect("paths");
    let documented: BTreeSet<(String, String)> = paths
        .iter()
        .flat_map(|(p, item)| {
            METHODS
                .iter()
                .filter(|m| item.get(**m).is_some())
                .map(move |m| (m.to_string(), normalise(p)))
        })
        .collect();
    let routes: Vec<_> = polku_web::inventory()
        .into_iter()
        .filter(|r| r.path.starts_with("/api/"))
        .collect();
    let served: BTreeSet<(String, String)> = routes
        .iter()
        .map(|r| (r.method.as_str().to_lowercase(), normalise(r.path)))
        .collect();
    assert_eq!(served.len(), routes.len(), "no route twice");
    let undocumented: Vec<_> = served.difference(&documented).collect();
    let unserved: Vec<_> = documented.difference(&served).collect();
    assert!(
        undocumented.is_empty(),
        "routes missing from the document: {undocumented:?}"
    );
    assert!(
        unserved.is_empty(),
        "documented operations that do not exist: {unserved:?}"
    );
    // The document says which operations need no credentials, exactly as the policies do, and
    // every other operation documents its 401.
    for r in &routes {
        let (_, item) = paths
            .iter()
            .find(|(p, _)| normalise(p) == normalise(r.path))
            .expect("documented");
        let op = &item[r.method.as_str().to_lowercase()];
        let public = op.get("security") == Some(&json!([]));
        assert_eq!(
            public,
            r.policy == polku_web::policy::Policy::Public,
            "{} {}",
            r.method,
            r.path
        );
        if !public {
            assert!(
                op["responses"].get("401").is_some(),
                "{} {}",
                r.method,
                r.path
            );
        }
    }
}

/// The answers built from other crates' types (described by schema-only types at the web edge)
/// fit the schemas the document gives them.
#[test]
fn answers_fit_their_documented_schemas() {
    sqlite(|app| async move {
        let doc = app.get("/api/v1/openapi.json", None).await.json();
        let coordinator = app.user(Role::Coordinator).await;
        let (e, _, _) = employer_with_opening(&app, &app.world, &coordinator.actor).await;
        let coach = app.user(Role::Coach).await;
        let created = app
            .api(
                Method::POST,
                "/api/v1/participants",
                Some(&coach),
                Some(new_participant_body()),
                &[],
            )
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        let id = created.json()["id"].as_str().expect("id").to_owned();
        let answers = [
            (&coach, format!("/api/v1/participants/{id}"), "Participant"),
            (&coach, "/api/v1/participants".to_owned(), "ParticipantList"),
            (&coach, "/api/v1/me".to_owned(), "Me"),
            (&coordinator, "/api/v1/employers".to_owned(), "EmployerList"),
            (
                &coordinator,
                format!("/api/v1/employers/{}", e.id),
                "Employer",
            ),
            (
                &coordinator,
                format!("/api/v1/employers/{}/tasks", e.id),
                "TaskList",
            ),
            (
                &coordinator,
                format!("/api/v1/employers/{}/openings", e.id),
                "OpeningList",
            ),
        ];
        for (user, url, name) in answers {
            let res = app.api(Method::GET, &url, Some(user), None, &[]).await;
            assert_eq!(res.status, StatusCode::OK, "{url}: {}", res.body);
            let body = res.json();
            let schema = json!({ "$ref": format!("#/components/schemas/{name}") });
            let mut found = Vec::new();
            crate::subject_export::violations(&doc, &schema, &body, "$", &mut found);
            assert!(found.is_empty(), "{url} against {name}: {found:#?}");
            // The check can fail: a required field missing is named.
            if let Some(required) = doc["components"]["schemas"][name]["required"]
                .as_array()
                .and_then(|r| r.first())
                .and_then(Value::as_str)
            {
                let mut broken = body.clone();
                broken.as_object_mut().expect("object").remove(required);
                let mut found = Vec::new();
                crate::subject_export::violations(&doc, &schema, &broken, "$", &mut found);
                assert!(!found.is_empty(), "{name} without {required}");
            }
        }
    });
}

/// Every `$ref` in `v` points at something in `doc`.
fn check_refs(doc: &Value, v: &Value) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                let pointer = r.strip_prefix('#').expect("local ref");
                assert!(doc.pointer(pointer).is_some(), "dangling {r}");
            }
            m.values().for_each(|x| check_refs(doc, x));
        }
        Value::Array(a) => a.iter().for_each(|x| check_refs(doc, x)),
        _ => {}
    }
}

#[test]
fn openapi_document_is_served_publicly_and_matches_the_snapshot() {
    sqlite(|app| async move {
        let res = app.get("/api/v1/openapi.json", None).await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(res.header("content-type").starts_with("application/json"));
        let served: Value = serde_json::from_str(&res.body).expect("JSON");
        assert_eq!(served["openapi"], "3.1.0");
        assert!(served["info"]["title"].is_string());
        let schemes = &served["components"]["securitySchemes"];
        assert_eq!(schemes["bearer"]["scheme"], "bearer");
        assert_eq!(schemes["cookie"]["in"], "cookie");
        check_refs(&served, &served);

        let snapshot =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/web/openapi.json");
        let pretty = format!(
            "{}\n",
            serde_json::to_string_pretty(&served).expect("pretty")
        );
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&snapshot, &pretty).expect("write snapshot");
        }
        let stored =
            std::fs::read_to_string(&snapshot).expect("snapshot (UPDATE_SNAPSHOTS=1 writes it)");
        let stored: Value = serde_json::from_str(&stored).expect("snapshot is JSON");
        assert_eq!(
            served, stored,
            "the served OpenAPI document differs from tests/web/openapi.json; review and regenerate with UPDATE_SNAPSHOTS=1"
        );
    });
}
