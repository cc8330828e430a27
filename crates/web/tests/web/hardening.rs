//! The security review's service and web defects (issue 13): each test fails on the code
//! before its fix.

use crate::harness::{sqlite, TestApp, User};
use axum::http::{Method, StatusCode};
use polku_domain::{
    ConsentMethod, ConsentPurpose, DataCategory, ParticipantId, RecipientClass, Role,
};
use polku_service::audit::AuditRow;
use polku_service::consents::NewConsent;
use serde_json::json;

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

/// The audit rows appended since `head` (the sequence number before).
async fn audit_since(app: &TestApp, head: i64) -> Vec<AuditRow> {
    app.db.store.audit_page(head, 10_000).await.expect("audit")
}

async fn audit_head(app: &TestApp) -> i64 {
    app.db
        .store
        .audit_head()
        .await
        .expect("head")
        .map_or(0, |(seq, _)| seq)
}

/// D16: a page of the caseload audits only the participants it returns.
#[test]
fn caseload_page_audits_only_what_it_returns() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        for _ in 0..6 {
            enrol(&app, &coach).await;
        }
        let head = audit_head(&app).await;
        let res = app
            .api(
                Method::GET,
                "/api/v1/participants?limit=2",
                Some(&coach),
                None,
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let items: Vec<String> = res.json()["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| i["id"].as_str().expect("id").to_owned())
            .collect();
        assert_eq!(items.len(), 2);
        let mut hits: Vec<String> = audit_since(&app, head)
            .await
            .into_iter()
            .filter(|r| r.action == "list_hit")
            .filter_map(|r| r.subject)
            .collect();
        hits.sort();
        let mut want = items.clone();
        want.sort();
        assert_eq!(hits, want, "one list_hit per returned participant, no more");
    });
}

/// Records the participant's consent to `recipient` for `purpose` and `categories`.
async fn consent(
    app: &TestApp,
    coach: &User,
    id: ParticipantId,
    recipient: RecipientClass,
    purpose: ConsentPurpose,
    categories: &[DataCategory],
) {
    app.service()
        .give_consent(
            &coach.actor,
            id,
            NewConsent {
                recipient,
                purpose,
                categories: categories.to_vec(),
                method: ConsentMethod::Written,
                shown: Default::default(),
            },
            "service_delivery",
        )
        .await
        .expect("consent");
}

/// D25: a share runs for at most one year; a longer one is 422 on `until` and stores nothing.
#[test]
fn a_share_runs_for_at_most_a_year() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let employer = app.user(Role::Employer).await;
        let id = enrol(&app, &coach).await;
        consent(
            &app,
            &coach,
            id,
            RecipientClass::Employer,
            ConsentPurpose::Placement,
            &[DataCategory::Skills],
        )
        .await;
        let recipient = employer.actor.user_id().expect("user").to_string();
        let base = format!("/api/v1/participants/{id}/shares");
        for until in ["9999-12-31".to_owned(), {
            let d = polku_service::clock::today() + time::Duration::days(367);
            d.to_string()
        }] {
            let res = app
                .api(
                    Method::POST,
                    &base,
                    Some(&coach),
                    Some(json!({"recipient": recipient, "categories": ["skills"], "until": until})),
                    &[],
                )
                .await;
            assert_eq!(
                res.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{until}: {}",
                res.body
            );
            assert!(
                res.json()["error"]["fields"]["until"].is_string(),
                "{}",
                res.body
            );
        }
        let list = app.api(Method::GET, &base, Some(&coach), None, &[]).await;
        assert_eq!(list.json()["items"], json!([]), "nothing stored");
        let until = (polku_service::clock::today() + time::Duration::days(300)).to_string();
        let ok = app
            .api(
                Method::POST,
                &base,
                Some(&coach),
                Some(json!({"recipient": recipient, "categories": ["skills"], "until": until})),
                &[],
            )
            .await;
        assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
    });
}

/// D26: oversized functional notes and made-up or repeated accommodation ids are 422 naming
/// the field's path; the stored record is unchanged.
#[test]
fn sensitive_fields_are_bounded_and_checked_against_the_catalogue() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let id = enrol(&app, &coach).await;
        let path = format!("/api/v1/participants/{id}");
        let before = app.api(Method::GET, &path, Some(&coach), None, &[]).await;
        let etag = before.header("etag").to_owned();
        let known = polku_domain::catalogue::accommodations()[0].id.clone();
        let cases = [
            (
                json!({"sensitive": {"functional_notes": "x".repeat(10_001)}}),
                "sensitive.functional_notes",
            ),
            (
                json!({"sensitive": {"accommodations": ["made-up-1"]}}),
                "sensitive.accommodations",
            ),
            (
                json!({"sensitive": {"accommodations": [known, known]}}),
                "sensitive.accommodations",
            ),
        ];
        for (patch, field) in cases {
            let res = app
                .api(
                    Method::PATCH,
                    &path,
                    Some(&coach),
                    Some(patch),
                    &[("if-match", etag.as_str())],
                )
                .await;
            assert_eq!(
                res.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{field}: {}",
                res.body
            );
            assert!(
                res.json()["error"]["fields"][field].is_string(),
                "{field}: {}",
                res.body
            );
        }
        let after = app.api(Method::GET, &path, Some(&coach), None, &[]).await;
        assert_eq!(after.header("etag"), etag, "nothing stored");
    });
}

/// An employer of the project with one opening made of one task demanding lifting at level 4.
async fn heavy_opening(app: &TestApp) -> (polku_domain::EmployerId, polku_domain::OpeningId) {
    let sys = polku_store_tests::fixtures::system();
    let eid = app
        .service()
        .create_employer(&sys, app.world.employer())
        .await
        .expect("employer");
    let mut task = app.world.task(eid, "Raskas nosto");
    task.demands.demands.insert(
        polku_domain::Dimension::Lifting,
        polku_domain::Level::new(4).expect("level"),
    );
    let tid = task.id;
    app.service().add_task(&sys, task).await.expect("task");
    let opening = polku_domain::Opening {
        id: polku_domain::OpeningId::new(),
        employer_id: eid,
        kind: polku_domain::OpeningKind::Job,
        title: "Varastotyö".into(),
        tasks: vec![tid],
        municipality: polku_domain::MunicipalityCode::parse("398").expect("Lahti"),
        capacity: 1,
        monthly_wage_eur: Some(1200),
        starts_on: None,
        ends_on: None,
        version: 1,
    };
    let oid = opening.id;
    app.service()
        .add_opening(&sys, opening)
        .await
        .expect("opening");
    (eid, oid)
}

/// A participant of `coach` who cannot lift at all.
async fn cannot_lift(app: &TestApp, coach: &User) -> ParticipantId {
    let mut p = app.world.new_participant();
    p.sensitive.functioning.set(
        polku_domain::Dimension::Lifting,
        polku_domain::Assessment::Assessed(polku_domain::Level::new(0).expect("level")),
    );
    app.service()
        .create_participant(&coach.actor, p, "service_delivery")
        .await
        .expect("participant")
}

/// D4: a coordinator's candidate ranking uses a participant's functioning profile only with
/// their consent to it for placement with employers, and shows no functioning signal about
/// anyone else; the own coach's ranking uses it. The reads are audited, one entry each.
#[test]
fn candidates_use_functioning_only_with_consent() {
    sqlite(|app| async move {
        let (eid, oid) = heavy_opening(&app).await;
        let coach = app.user(Role::Coach).await;
        let without = cannot_lift(&app, &coach).await;
        let with = cannot_lift(&app, &coach).await;
        consent(
            &app,
            &coach,
            with,
            RecipientClass::Employer,
            ConsentPurpose::Placement,
            &[DataCategory::Functioning],
        )
        .await;
        let coordinator = app.user(Role::Coordinator).await;
        let today = polku_service::clock::today();
        let head = audit_head(&app).await;
        let seen = app
            .service()
            .opening_candidates(&coordinator.actor, eid, oid, 20, today)
            .await
            .expect("candidates");
        let ids: Vec<ParticipantId> = seen.iter().map(|c| c.participant).collect();
        assert!(
            ids.contains(&without),
            "ranked without their functioning: {seen:?}"
        );
        assert!(
            !ids.contains(&with),
            "their consented profile rules the opening out"
        );
        for c in &seen {
            assert!(c.to_check.is_empty(), "no functioning signal: {c:?}");
            assert!(
                !c.fits
                    .iter()
                    .any(|f| f == "functioning" || f == "accommodated"),
                "no functioning signal: {c:?}"
            );
        }
        let reads: Vec<String> = audit_since(&app, head)
            .await
            .into_iter()
            .filter(|r| r.action == "read" && r.purpose == "matching")
            .filter_map(|r| r.subject)
            .collect();
        for p in [without, with] {
            assert_eq!(
                reads.iter().filter(|s| **s == p.to_string()).count(),
                1,
                "one audited read each"
            );
        }
        // The own coach's ranking uses the profile: neither can do the work.
        let own = app
            .service()
            .opening_candidates(&coach.actor, eid, oid, 20, today)
            .await
            .expect("candidates");
        assert!(!own
            .iter()
            .any(|c| c.participant == without || c.participant == with));
    });
}

/// D24: a share carries its purpose and the recipient sees only groups consented to for that
/// purpose: a consent for transition does not open a placement share to an employer.
#[test]
fn a_share_needs_consent_for_its_purpose() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let employer = app.user(Role::Employer).await;
        let id = enrol(&app, &coach).await;
        consent(
            &app,
            &coach,
            id,
            RecipientClass::Employer,
            ConsentPurpose::Transition,
            &[DataCategory::Skills],
        )
        .await;
        let recipient = employer.actor.user_id().expect("user").to_string();
        let until = (polku_service::clock::today() + time::Duration::days(30)).to_string();
        let base = format!("/api/v1/participants/{id}/shares");
        // A placement share (the default purpose) is refused: no consent for placement.
        let res = app
            .api(
                Method::POST,
                &base,
                Some(&coach),
                Some(json!({"recipient": recipient, "categories": ["skills"], "until": until})),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(res.json()["error"]["fields"]["categories"].is_string());
        // A share stored for placement anyway (as before shares had a purpose) shows nothing.
        app.db
            .store
            .insert_share(
                &polku_domain::Share {
                    id: polku_domain::ShareId::new(),
                    participant_id: id,
                    recipient: employer.actor.user_id().expect("user"),
                    categories: vec![DataCategory::Skills],
                    until: polku_service::clock::today(),
                    revoked_at: None,
                    purpose: ConsentPurpose::Placement,
                },
                &polku_service::audit::AuditEvent::new(
                    &polku_store_tests::fixtures::system(),
                    "participant",
                    Some(id.to_string()),
                    "share",
                    "placement",
                )
                .expect("event"),
            )
            .await
            .expect("share");
        let shared = app
            .api(Method::GET, "/api/v1/shared", Some(&employer), None, &[])
            .await;
        assert_eq!(shared.status, StatusCode::OK, "{}", shared.body);
        assert_eq!(shared.json()["items"], json!([]), "{}", shared.body);
        // A transition share is made and shows the skills.
        let res = app
            .api(
                Method::POST,
                &base,
                Some(&coach),
                Some(
                    json!({"recipient": recipient, "categories": ["skills"], "until": until,
                    "purpose": "transition"}),
                ),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        let shared = app
            .api(Method::GET, "/api/v1/shared", Some(&employer), None, &[])
            .await;
        assert_eq!(
            shared.json()["items"].as_array().map(Vec::len),
            Some(1),
            "{}",
            shared.body
        );
    });
}

/// D5: a client that does not finish its headers in time is disconnected, while a normal
/// client on the same server is answered.
#[test]
fn a_client_sending_headers_too_slowly_is_dropped() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;
    sqlite(|app| async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let limits = polku_web::ServeLimits {
            header_read_timeout: std::time::Duration::from_millis(300),
            ..Default::default()
        };
        let server = tokio::spawn(polku_web::serve_with(
            app.app.clone(),
            listener,
            async {
                let _ = stopped.await;
            },
            limits,
        ));
        let mut slow = TcpStream::connect(addr).await.expect("connect");
        slow.write_all(b"GET /sign-in HTTP/1.1\r\nHost: polku.test\r\nX-Slow: ")
            .await
            .expect("write");
        let started = std::time::Instant::now();
        let mut got = Vec::new();
        let ended = tokio::time::timeout(
            std::time::Duration::from_secs(10),
            slow.read_to_end(&mut got),
        )
        .await;
        assert!(
            ended.is_ok(),
            "the slow connection is still open after 10 s"
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert!(
            got.is_empty() || got.starts_with(b"HTTP/1.1 408"),
            "no page for a half-sent request: {}",
            String::from_utf8_lossy(&got)
        );
        let mut ok = TcpStream::connect(addr).await.expect("connect");
        ok.write_all(b"GET /sign-in HTTP/1.1\r\nHost: polku.test\r\nConnection: close\r\n\r\n")
            .await
            .expect("write");
        let mut page = Vec::new();
        ok.read_to_end(&mut page).await.expect("read");
        assert!(
            page.starts_with(b"HTTP/1.1 200"),
            "{}",
            String::from_utf8_lossy(&page[..page.len().min(200)])
        );
        let _ = stop.send(());
        server.await.expect("server task").expect("server");
    });
}

/// D5: the engine endpoints run a bounded number of documents at once; beyond that the answer
/// is 503 with `Retry-After` at once, and the next request after a slot frees is served.
#[test]
fn engine_requests_beyond_the_cap_are_refused_with_503() {
    sqlite(|app| async move {
        let coordinator = app.user(Role::Coordinator).await;
        let doc = json!({"participants": [{"id": "a", "municipality": "398",
            "hours_per_week": {"min": 1, "max": 20}, "days_per_week_max": 3}], "employers": []});
        let slots = polku_web::api::v1::engine_slots();
        let held = slots
            .try_acquire_many(u32::try_from(slots.available_permits()).expect("few"))
            .expect("all slots");
        let res = app
            .api(
                Method::POST,
                "/api/v1/match?participant=a",
                Some(&coordinator),
                Some(doc.clone()),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE, "{}", res.body);
        assert_eq!(res.json()["error"]["code"], "unavailable");
        assert!(!res.header("retry-after").is_empty());
        drop(held);
        let res = app
            .api(
                Method::POST,
                "/api/v1/match?participant=a",
                Some(&coordinator),
                Some(doc),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    });
}

/// R35: an audit entry written in a request names the request (the `X-Request-Id` the client
/// got), its data categories and its outcome.
#[test]
fn audit_entries_carry_request_id_categories_and_outcome() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let id = enrol(&app, &coach).await;
        let head = audit_head(&app).await;
        let res = app
            .api(
                Method::GET,
                &format!("/api/v1/participants/{id}"),
                Some(&coach),
                None,
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK);
        let rid = res.header("x-request-id").to_owned();
        assert!(!rid.is_empty());
        let rows = audit_since(&app, head).await;
        let read = rows
            .iter()
            .find(|r| r.action == "read" && r.subject.as_deref() == Some(&id.to_string()))
            .expect("the read is audited");
        assert_eq!(read.request_id.as_deref(), Some(rid.as_str()));
        assert_eq!(read.outcome.as_deref(), Some("ok"));
        assert!(
            read.categories
                .as_deref()
                .is_some_and(|c| c.contains("functioning")),
            "{read:?}"
        );
        // A refused write is audited as refused.
        let res = app
            .api(
                Method::PATCH,
                &format!("/api/v1/participants/{id}"),
                Some(&coach),
                Some(json!({"version": 7})),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        let rows = audit_since(&app, head).await;
        let refused = rows
            .iter()
            .find(|r| r.action == "refuse_fields")
            .expect("refusal audited");
        assert_eq!(refused.outcome.as_deref(), Some("refused"));
        assert_eq!(
            refused.request_id.as_deref(),
            Some(res.header("x-request-id"))
        );
        // And the chain still verifies with the new fields in it.
        let chain = app.service().verify_audit(None).await.expect("verify");
        assert!(chain.is_ok(), "{chain:?}");
    });
}
