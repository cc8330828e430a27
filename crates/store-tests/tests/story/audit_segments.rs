//! R38: the audit chain in monthly segments, with an injected clock: closed months are sealed,
//! expired segments are deleted whole with a `segment_deleted` entry, the rest still verifies
//! from the retained checkpoint, and tampering with a checkpoint or a kept entry is caught.

use super::*;
use polku_service::audit::AuditChain;
use polku_service::audit_segments::{AuditRetention, SEGMENT_DELETED};
use polku_service::clock::Clock;
use time::macros::datetime;

fn backup_event() -> AuditEvent {
    AuditEvent::new(&system(), "database", None, "backup", "maintenance").unwrap()
}

pub(crate) async fn audit_segments_are_sealed_pruned_and_still_verify(db: Arc<TestDb>) {
    let clock = Clock::manual(datetime!(2025-01-10 12:00 UTC));
    let chain = AuditChain::new(db.keys.audit.clone()).with_clock(clock.clone());
    let store = polku_store_tests::open_store_with_chain(db.backend, &db.url, chain).await;
    let svc = Service::open(store.clone(), db.keys.clone()).await.unwrap();
    let op = Actor::system("retention");
    assert_eq!(store.audit_head().await.unwrap().map_or(0, |h| h.0), 0);
    // January 3 entries, February 2, March 4, none in April, May 2.
    for (day, n) in [
        (datetime!(2025-01-10 12:00 UTC), 3),
        (datetime!(2025-02-28 23:59:59 UTC), 2),
        (datetime!(2025-03-01 00:00 UTC), 4),
        (datetime!(2025-05-10 12:00 UTC), 2),
    ] {
        clock.set(day);
        for _ in 0..n {
            store.append_audit(&backup_event()).await.unwrap();
        }
    }

    // On 20 May the months before May are closed and sealed; May is still open.
    let sealed = svc
        .seal_audit_segments(&op, datetime!(2025-05-20 12:00 UTC))
        .await
        .unwrap();
    let ranges: Vec<(&str, i64, i64)> = sealed
        .iter()
        .map(|s| (s.month.as_str(), s.first_seq, s.last_seq))
        .collect();
    assert_eq!(
        ranges,
        [("2025-01", 1, 3), ("2025-02", 4, 5), ("2025-03", 6, 9)]
    );
    assert!(svc
        .seal_audit_segments(&op, datetime!(2025-05-20 12:00 UTC))
        .await
        .unwrap()
        .is_empty());
    // Only the next checkpoint of existing entries is accepted by the database itself.
    let mut forged = sealed[2].clone();
    forged.month = "2025-04".into();
    forged.first_seq = 10;
    assert!(store.insert_audit_segment(&forged).await.is_err());

    // Twelve months: on 15 March 2026 January and February 2025 are past it, March is not.
    let keep = AuditRetention::from_months(12).unwrap();
    let now = datetime!(2026-03-15 08:00 UTC);
    clock.set(now);
    let plan = svc.prune_audit(&op, keep, now, true).await.unwrap();
    let months = |v: &[polku_service::audit_segments::AuditSegment]| -> Vec<String> {
        v.iter().map(|s| s.month.clone()).collect()
    };
    assert_eq!(months(&plan.sealed), ["2025-05"]);
    assert_eq!(months(&plan.deleted), ["2025-01", "2025-02"]);
    assert_eq!(plan.kept, 2);
    // The dry run changed nothing.
    assert_eq!(store.audit_segments().await.unwrap().len(), 3);
    assert_eq!(store.audit_head().await.unwrap().unwrap().0, 11);
    assert_eq!(svc.verify_audit(None).await.unwrap(), Ok(11));
    // Not for staff.
    let (_, coach, _) = World::enrolled(&svc).await;
    assert!(matches!(
        svc.prune_audit(&coach, keep, now, true).await,
        Err(ServiceError::Forbidden)
    ));
    let head_before = store.audit_head().await.unwrap().unwrap().0;

    let done = svc.prune_audit(&op, keep, now, false).await.unwrap();
    assert_eq!(months(&done.sealed), ["2025-05"]);
    assert_eq!(months(&done.deleted), ["2025-01", "2025-02"]);
    // Each deletion is recorded by its own entry naming the segment and its checkpoint.
    let head = store.audit_head().await.unwrap().unwrap();
    assert_eq!(head.0, head_before + 2);
    let recorded = store.audit_page(head_before, 10).await.unwrap();
    let segments = store.audit_segments().await.unwrap();
    for (row, s) in recorded.iter().zip(&segments[..2]) {
        assert_eq!(row.action, SEGMENT_DELETED);
        assert_eq!(row.purpose, "retention");
        assert_eq!(row.subject.as_deref(), Some(s.audit_subject().as_str()));
        assert_eq!(s.deleted_seq, Some(row.seq));
        assert!(s.deleted_at.is_some());
    }
    // The entries of January and February are gone; the chain verifies from February's
    // checkpoint and names the deleted segments.
    let first = store.audit_page(0, 1).await.unwrap();
    assert_eq!(first[0].seq, 6);
    assert_eq!(first[0].prev_hash, segments[1].last_hash);
    let report = svc.verify_audit_report(None).await.unwrap().unwrap();
    assert_eq!(report.first_seq, 6);
    assert_eq!(report.entries, head.0 - 5);
    assert_eq!(months(&report.deleted), ["2025-01", "2025-02"]);
    assert_eq!(report.sealed, 2);
    assert_eq!(
        svc.verify_audit(Some(head.clone())).await.unwrap(),
        Ok(head.0 - 5)
    );
    // An external checkpoint at the end of a deleted segment is still checked.
    let at_feb = (5, segments[1].last_hash.clone());
    assert!(svc.verify_audit(Some(at_feb)).await.unwrap().is_ok());
    assert!(svc
        .verify_audit(Some((5, "00".repeat(32))))
        .await
        .unwrap()
        .is_err());
    // A second run has nothing more to do.
    let again = svc.prune_audit(&op, keep, now, false).await.unwrap();
    assert!(again.deleted.is_empty() && again.sealed.is_empty());

    // The database refuses a deletion that skips the procedure: kept entries cannot be
    // deleted, and a checkpoint cannot be marked deleted by an entry that does not record it.
    assert!(db
        .raw("DELETE FROM audit_events WHERE seq = 6")
        .await
        .is_err());
    let mark = format!(
        "UPDATE audit_segments SET deleted_at = 'x', deleted_seq = {} WHERE month = '2025-03'",
        head.0
    );
    assert!(db.raw(&mark).await.is_err());
    assert!(db.raw("DELETE FROM audit_segments").await.is_err());
    assert!(db
        .raw("UPDATE audit_segments SET last_hash = prev_hash WHERE month = '2025-01'")
        .await
        .is_err());

    // With the protections gone (DDL), tampering is still caught by the verifier.
    let disable = match db.backend {
        Backend::Sqlite => {
            "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; \
             DROP TRIGGER audit_segments_mark_deleted_only; DROP TRIGGER audit_segments_no_delete;"
        }
        Backend::Postgres => {
            "ALTER TABLE audit_events DISABLE TRIGGER USER; ALTER TABLE audit_segments DISABLE TRIGGER USER;"
        }
    };
    db.raw(disable).await.unwrap();
    let expect_broken = |seq: i64| {
        let svc = &svc;
        async move {
            let err = svc.verify_audit(None).await.unwrap().unwrap_err();
            assert_eq!(err.seq, seq, "{err}");
        }
    };
    // A deleted segment's checkpoint altered.
    db.raw("UPDATE audit_segments SET entries = 1, first_seq = 5 WHERE month = '2025-02'")
        .await
        .unwrap();
    expect_broken(5).await;
    db.raw("UPDATE audit_segments SET entries = 2, first_seq = 4 WHERE month = '2025-02'")
        .await
        .unwrap();
    assert!(svc.verify_audit(None).await.unwrap().is_ok());
    // A kept checkpoint altered.
    db.raw("UPDATE audit_segments SET sealed_at = '2025-04-02T00:00:00.000000Z' WHERE month = '2025-03'")
        .await
        .unwrap();
    expect_broken(6).await;
    db.raw(&format!(
        "UPDATE audit_segments SET sealed_at = '{}' WHERE month = '2025-03'",
        segments[2].sealed_at
    ))
    .await
    .unwrap();
    assert!(svc.verify_audit(None).await.unwrap().is_ok());
    // A kept entry altered.
    db.raw("UPDATE audit_events SET purpose = 'matching' WHERE seq = 7")
        .await
        .unwrap();
    expect_broken(7).await;
    db.raw("UPDATE audit_events SET purpose = 'maintenance' WHERE seq = 7")
        .await
        .unwrap();
    assert!(svc.verify_audit(None).await.unwrap().is_ok());
    // A deletion recorded by another entry than its own.
    db.raw(&format!(
        "UPDATE audit_segments SET deleted_seq = {} WHERE month = '2025-02'",
        head.0 - 1
    ))
    .await
    .unwrap();
    expect_broken(head.0 - 1).await;
    db.raw(&format!(
        "UPDATE audit_segments SET deleted_seq = {} WHERE month = '2025-02'",
        head.0
    ))
    .await
    .unwrap();
    assert!(svc.verify_audit(None).await.unwrap().is_ok());
    // The first kept entry deleted without a checkpoint: the chain no longer starts where the
    // last deleted checkpoint ends.
    db.raw("DELETE FROM audit_events WHERE seq = 6")
        .await
        .unwrap();
    expect_broken(6).await;
    svc.close().await;
}
