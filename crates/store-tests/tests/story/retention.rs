//! Retention (R41) with an injected clock: who left the service more than the period ago is
//! erased, unless held or restricted; the dry run changes nothing; a run stopped half-way and
//! run again reaches the same end state; expired sign-in rows go.

use super::*;
use polku_service::erasure::HoldGround;
use polku_service::restrictions::RestrictionGround;
use polku_service::retention::{Kept, RetentionPolicy};

async fn exit(svc: &Service, coach: &Actor, world: &World) -> ParticipantId {
    let new = world.new_participant();
    let id = svc
        .create_participant(coach, new.clone(), "service_delivery")
        .await
        .expect("create");
    svc.update_participant(
        coach,
        id,
        1,
        ParticipantChanges {
            personal: new.personal,
            sensitive: new.sensitive,
            stage: PathStage::Exited,
        },
        "service_delivery",
    )
    .await
    .expect("exit");
    id
}

pub(crate) async fn retention_erases_what_is_due_and_keeps_the_rest(db: Arc<TestDb>) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let operator = system();
    let due = exit(svc, &coach, &world).await;
    let held = exit(svc, &coach, &world).await;
    let restricted = exit(svc, &coach, &world).await;
    let active = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .expect("active");
    let now = time::OffsetDateTime::now_utc();
    svc.set_legal_hold(
        &operator,
        held,
        HoldGround::LegalObligation,
        "ESR-2026-1",
        now.date() + time::Duration::days(800),
    )
    .await
    .expect("hold");
    svc.restrict_processing(
        &operator,
        restricted,
        RestrictionGround::LegalClaims,
        "DPO-9",
    )
    .await
    .expect("restrict");
    let policy = RetentionPolicy::from_months(12).expect("policy");

    // Only the operator and administrators run it.
    assert!(matches!(
        svc.retention_plan(&coach, policy, now).await,
        Err(ServiceError::Forbidden)
    ));
    // Not set: nothing is due, whatever the day.
    let later = now + time::Duration::days(400);
    let unset = svc
        .retention_plan(&operator, RetentionPolicy::default(), later)
        .await
        .expect("plan");
    assert!(unset.cutoff.is_none() && unset.erase.is_empty() && unset.kept.is_empty());
    // Eleven months on, nobody is due yet.
    let early = svc
        .retention_plan(&operator, policy, now + time::Duration::days(335))
        .await
        .expect("plan");
    assert!(early.erase.is_empty() && early.kept.is_empty(), "{early:?}");

    // Thirteen months on: the dry run names who goes and who stays, and changes nothing.
    let plan = svc
        .retention_plan(&operator, policy, later)
        .await
        .expect("plan");
    assert_eq!(
        plan.erase.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        vec![due]
    );
    assert_eq!(
        plan.erase[0].1,
        polku_service::clock::in_helsinki(now).date()
    );
    let mut kept: Vec<(ParticipantId, bool)> = plan
        .kept
        .iter()
        .map(|(id, _, why)| (*id, matches!(why, Kept::Held { .. })))
        .collect();
    kept.sort();
    let mut want = vec![(held, true), (restricted, false)];
    want.sort();
    assert_eq!(kept, want);
    // The activation tokens of the test users have expired by then.
    assert!(plan.activation_tokens >= 1, "{plan:?}");
    for id in [due, held, restricted, active] {
        assert!(db
            .store
            .participant_scope(id)
            .await
            .expect("scope")
            .is_some());
    }

    // A run that stopped after its first erasure (here: that erasure done on its own) and
    // is run again ends in the same state as one uninterrupted run.
    let audit = polku_service::audit::AuditEvent::new(
        &operator,
        "participant",
        Some(due.to_string()),
        "subject_erased",
        "retention",
    )
    .expect("audit");
    db.store
        .erase_subject(due, later.date(), &audit)
        .await
        .expect("first erasure");
    let run = svc
        .apply_retention(&operator, policy, later)
        .await
        .expect("run");
    assert!(run.erased.is_empty(), "already erased: {run:?}");
    assert!(run.activation_tokens_deleted >= 1);
    assert!(db
        .store
        .participant_scope(due)
        .await
        .expect("scope")
        .is_none());
    for id in [held, restricted, active] {
        assert!(db
            .store
            .participant_scope(id)
            .await
            .expect("scope")
            .is_some());
    }
    // Once the hold is released, the next run erases that person too; the tombstones stay.
    let hold = svc.legal_holds(&operator, held).await.expect("holds")[0].id;
    svc.release_legal_hold(&operator, held, hold)
        .await
        .expect("release");
    let run = svc
        .apply_retention(&operator, policy, later)
        .await
        .expect("run");
    assert_eq!(
        run.erased.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        vec![held]
    );
    let again = svc
        .apply_retention(&operator, policy, later)
        .await
        .expect("idempotent");
    assert!(again.erased.is_empty() && again.activation_tokens_deleted == 0);
    let tombstones: Vec<ParticipantId> = svc
        .erasures(&operator)
        .await
        .expect("tombstones")
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert!(tombstones.contains(&due) && tombstones.contains(&held));
    assert!(!tombstones.contains(&restricted));
    // The erasures are in the audit log with the purpose `retention`; the chain verifies.
    let rows = svc
        .query_audit(
            &operator,
            &polku_service::subject::AuditSearch {
                subject: Some(held),
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    assert!(rows
        .iter()
        .any(|r| r.action == "subject_erased" && r.purpose == "retention"));
    svc.verify_audit(None)
        .await
        .expect("read the chain")
        .expect("the chain verifies");
}
