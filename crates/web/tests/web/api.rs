//! Tests of the api area: token sign-in, participants with ETag / If-Match (R50), unknown and
//! forbidden fields (R15), "not yours" is 404 (R14), pagination, localised error envelopes,
//! employers, the engine endpoints and the OpenAPI document.

use crate::harness::{sqlite, TestApp, User, ORIGIN, PASSWORD};
use axum::http::{Method, StatusCode};
use polku_domain::{ParticipantId, Role};
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
    sqlite(|app| async move {
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
    });
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
        let audit_before = app.service().store().audit_head().await.expect("audit");
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
            .service()
            .store()
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
