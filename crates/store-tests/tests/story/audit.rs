//! The audit chain: verification, tampering, append-only, failing closed, and queries.

use super::*;

pub(crate) async fn audit_chain_verifies_and_detects_tampering(db: Arc<TestDb>) {
    let svc = &db.service;
    populate(svc).await;
    let n = svc.verify_audit(None).await.unwrap().unwrap();
    assert!(n >= 6, "{n}");
    let head = db.store.audit_head().await.unwrap().unwrap();
    assert_eq!(head.0, n);
    let disable = match db.backend {
        Backend::Sqlite => {
            "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; DROP TRIGGER audit_head_forward_only;"
        }
        Backend::Postgres => "ALTER TABLE audit_events DISABLE TRIGGER USER; ALTER TABLE audit_head DISABLE TRIGGER USER;",
    };
    db.raw(disable).await.unwrap();
    // Entry 3 is the user created by `populate` (purpose "administration").
    db.raw("UPDATE audit_events SET purpose = 'matching' WHERE seq = 3")
        .await
        .unwrap();
    assert_eq!(svc.verify_audit(None).await.unwrap().unwrap_err().seq, 3);
    db.raw("UPDATE audit_events SET purpose = 'administration' WHERE seq = 3")
        .await
        .unwrap();
    assert_eq!(svc.verify_audit(None).await.unwrap(), Ok(n));
    // Reorder: entries 5 and 6 (two reads) change places.
    let swap = "UPDATE audit_events SET seq = -6 WHERE seq = 6; UPDATE audit_events SET seq = 6 WHERE seq = 5; \
                UPDATE audit_events SET seq = 5 WHERE seq = -6;";
    db.raw(swap).await.unwrap();
    assert_eq!(svc.verify_audit(None).await.unwrap().unwrap_err().seq, 5);
    db.raw(swap).await.unwrap();
    assert_eq!(svc.verify_audit(None).await.unwrap(), Ok(n));
    // Delete a middle entry.
    db.raw("DELETE FROM audit_events WHERE seq = 4")
        .await
        .unwrap();
    assert_eq!(svc.verify_audit(None).await.unwrap().unwrap_err().seq, 4);
}

pub(crate) async fn audit_log_rejects_update_and_delete(db: Arc<TestDb>) {
    let svc = &db.service;
    populate(svc).await;
    assert!(db
        .raw("UPDATE audit_events SET actor = 'x' WHERE seq = 1")
        .await
        .is_err());
    assert!(db
        .raw("DELETE FROM audit_events WHERE seq = 1")
        .await
        .is_err());
    // Rewriting an old entry by inserting over it, inserting out of order, or moving the head.
    let replace = match db.backend {
        Backend::Sqlite => "INSERT OR REPLACE INTO audit_events SELECT seq, at, 'user:forged', actor_role, subject_kind, subject, action, purpose, prev_hash, entry_hash FROM audit_events WHERE seq = 2",
        Backend::Postgres => "INSERT INTO audit_events SELECT seq + 100, at, 'user:forged', actor_role, subject_kind, subject, action, purpose, prev_hash, entry_hash FROM audit_events WHERE seq = 2",
    };
    assert!(db.raw(replace).await.is_err());
    assert!(db.raw("UPDATE audit_head SET seq = seq - 1").await.is_err());
    assert!(db.raw("DELETE FROM audit_head").await.is_err());
    assert!(svc.verify_audit(None).await.unwrap().is_ok());
    // Truncating the tail behind the head is detected.
    let disable = match db.backend {
        Backend::Sqlite => "DROP TRIGGER audit_events_no_delete; DROP TRIGGER audit_head_forward_only;",
        Backend::Postgres => "ALTER TABLE audit_events DISABLE TRIGGER USER; ALTER TABLE audit_head DISABLE TRIGGER USER;",
    };
    db.raw(disable).await.unwrap();
    let head = db.store.audit_head().await.unwrap().unwrap();
    db.raw(&format!("DELETE FROM audit_events WHERE seq = {}", head.0))
        .await
        .unwrap();
    let err = svc.verify_audit(None).await.unwrap().unwrap_err();
    assert_eq!(err.seq, head.0, "{err}");
    // And if the head is forged too, the external checkpoint still catches it.
    db.raw(&format!("UPDATE audit_head SET seq = {}, hash = (SELECT entry_hash FROM audit_events WHERE seq = {})", head.0 - 1, head.0 - 1)).await.unwrap();
    assert!(svc.verify_audit(None).await.unwrap().is_ok());
    assert!(svc.verify_audit(Some(head)).await.unwrap().is_err());
}

/// R35: when the audit entry cannot be written, no data is returned and no change is kept.
pub(crate) async fn a_failing_audit_append_fails_closed(db: Arc<TestDb>) {
    let svc = &db.service;
    let (world, coach, id) = World::enrolled(svc).await;
    let before = svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .unwrap();
    let head = db.store.audit_head().await.unwrap();
    let block = match db.backend {
        Backend::Sqlite => "CREATE TRIGGER test_audit_down BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit down'); END;",
        Backend::Postgres => "CREATE FUNCTION test_audit_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit down'; END; $$; \
                              CREATE TRIGGER test_audit_down BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_audit_down();",
    };
    db.raw(block).await.unwrap();
    let read = svc.get_participant(&coach, id, "service_delivery").await;
    assert!(matches!(read, Err(ServiceError::Storage(_))), "{read:?}");
    let mut changed = before.personal.clone();
    changed.given_name = "Muutettu".into();
    let changes = ParticipantChanges {
        personal: changed,
        sensitive: before.sensitive.clone(),
        stage: before.stage,
    };
    assert!(svc
        .update_participant(&coach, id, before.version, changes, "service_delivery")
        .await
        .is_err());
    assert!(svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .is_err());
    let unblock = match db.backend {
        Backend::Sqlite => "DROP TRIGGER test_audit_down",
        Backend::Postgres => "DROP TRIGGER test_audit_down ON audit_events",
    };
    db.raw(unblock).await.unwrap();
    let after = svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .unwrap();
    assert_eq!(after.personal.given_name, before.personal.given_name);
    assert_eq!(after.version, before.version);
    assert_eq!(db.store.count_participants().await.unwrap(), 1);
    // Nothing was appended while the audit was down (the read after it adds exactly one).
    assert_eq!(
        db.store.audit_head().await.unwrap().unwrap().0,
        head.unwrap().0 + 1
    );
    assert!(svc.verify_audit(None).await.unwrap().is_ok());
}

/// R45: who accessed a participant in a window, and whom an actor accessed; operator and
/// administrators only; bad searches are refused; the search is itself audited.
pub(crate) async fn audit_queries_answer_who_accessed_whom(db: Arc<TestDb>) {
    use polku_service::subject::AuditSearch;
    let svc = &db.service;
    let (world, coach, id) = World::enrolled(svc).await;
    let other = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    let start = time::OffsetDateTime::now_utc();
    for _ in 0..3 {
        svc.get_participant(&coach, id, "service_delivery")
            .await
            .unwrap();
    }
    svc.get_participant(&coach, other, "service_delivery")
        .await
        .unwrap();
    let admin = svc
        .add_user(
            &system(),
            Email::parse("admin-breach@example.fi").unwrap(),
            "Ylläpitäjä",
            Role::Admin,
            None,
        )
        .await
        .unwrap();
    let admin = Actor::user(admin.user.id, admin.user.roles);
    let about = AuditSearch {
        subject: Some(id),
        from: Some(start),
        ..AuditSearch::default()
    };
    assert!(matches!(
        svc.query_audit(&coach, &about).await,
        Err(ServiceError::Forbidden)
    ));
    let rows = svc.query_audit(&admin, &about).await.unwrap();
    // The three reads, then the search itself (recorded against the person before it reads).
    assert_eq!(rows.len(), 4);
    assert!(rows[..3].iter().all(|r| r.action == "read"));
    assert_eq!(rows[3].action, "audit_query");
    assert!(rows
        .iter()
        .all(|r| r.subject.as_deref() == Some(id.to_string().as_str())));
    assert!(rows.windows(2).all(|w| w[0].seq < w[1].seq));
    let by_coach = svc
        .query_audit(
            &system(),
            &AuditSearch {
                actor: Some(coach.audit_id()),
                ..AuditSearch::default()
            },
        )
        .await
        .unwrap();
    let subjects: std::collections::BTreeSet<_> =
        by_coach.iter().filter_map(|r| r.subject.clone()).collect();
    assert!(subjects.contains(&id.to_string()) && subjects.contains(&other.to_string()));
    assert!(by_coach.iter().all(|r| r.actor == coach.audit_id()));
    // A window in the future is empty; a limit caps the answer.
    let later = svc
        .query_audit(
            &system(),
            &AuditSearch {
                subject: Some(id),
                from: Some(time::OffsetDateTime::now_utc() + time::Duration::hours(1)),
                ..AuditSearch::default()
            },
        )
        .await
        .unwrap();
    assert!(later.is_empty());
    let capped = svc
        .query_audit(
            &system(),
            &AuditSearch {
                actor: Some(coach.audit_id()),
                limit: Some(2),
                ..AuditSearch::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(capped.len(), 2);
    for bad in [
        AuditSearch::default(),
        AuditSearch {
            subject: Some(id),
            limit: Some(0),
            ..AuditSearch::default()
        },
        AuditSearch {
            subject: Some(id),
            from: Some(start),
            to: Some(start),
            ..AuditSearch::default()
        },
    ] {
        assert_eq!(
            svc.query_audit(&system(), &bad).await.unwrap_err().code(),
            "invalid_value"
        );
    }
    // Each search left a trace.
    let searches = svc
        .query_audit(
            &system(),
            &AuditSearch {
                actor: Some(admin.audit_id()),
                ..AuditSearch::default()
            },
        )
        .await
        .unwrap();
    assert!(searches.iter().any(|r| r.action == "audit_query"
        && r.purpose == "breach_investigation"
        && r.subject.as_deref() == Some(id.to_string().as_str())));
}
