//! "Not yours" in the audit log (R34, R35): a refused read by id leaves a denied row naming
//! the actor, the object asked for and the request, with the same answer as an id that does
//! not exist; a flood of refusals is bounded per actor.

use super::*;
use polku_service::audit::AuditRow;
use polku_service::audit::REQUEST_ID;
use polku_service::denials::{OUTCOME_DENIED, ROWS_PER_WINDOW};
use polku_service::store::AuditQuery;

async fn rows_about(db: &TestDb, subject: Option<String>, actor: Option<String>) -> Vec<AuditRow> {
    db.store
        .audit_query(&AuditQuery {
            subject,
            actor,
            from: None,
            to: None,
            limit: 10_000,
        })
        .await
        .expect("audit query")
}

pub(crate) async fn a_denied_read_leaves_a_denied_audit_row(db: Arc<TestDb>) {
    let svc = &db.service;
    let (world, coach, id) = World::enrolled(svc).await;
    let other_coach = world.user(svc, Role::Coach).await;
    let elsewhere = World::new(svc).await;
    let foreign = elsewhere.user(svc, Role::Coordinator).await;
    let absent = ParticipantId::new();
    let (mine, missing) = REQUEST_ID
        .scope("req-not-yours".to_owned(), async {
            (
                svc.get_participant(&other_coach, id, "service_delivery")
                    .await,
                svc.get_participant(&other_coach, absent, "service_delivery")
                    .await,
            )
        })
        .await;
    // The caller cannot tell "not yours" from "does not exist".
    assert!(matches!(mine, Err(ServiceError::NotFound)));
    assert!(matches!(missing, Err(ServiceError::NotFound)));
    for subject in [id.to_string(), absent.to_string()] {
        let rows = rows_about(&db, Some(subject.clone()), Some(other_coach.audit_id())).await;
        assert_eq!(rows.len(), 1, "one denied row for {subject}: {rows:?}");
        let r = &rows[0];
        assert_eq!(r.outcome.as_deref(), Some(OUTCOME_DENIED));
        assert_eq!(r.action, "read");
        assert_eq!(r.subject_kind, "participant");
        assert_eq!(r.actor_role, "coach");
        assert_eq!(
            r.categories.as_deref(),
            Some("none"),
            "nothing was disclosed"
        );
        assert_eq!(r.request_id.as_deref(), Some("req-not-yours"));
    }
    // Another project's employer register: the same for an employer.
    let coordinator = world.user(svc, Role::Coordinator).await;
    let e = world.employer();
    svc.create_employer(&coordinator, e.clone()).await.unwrap();
    assert!(matches!(
        svc.employer(&foreign, e.id).await,
        Err(ServiceError::NotFound)
    ));
    let rows = rows_about(&db, Some(e.id.to_string()), Some(foreign.audit_id())).await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].outcome.as_deref(), Some(OUTCOME_DENIED));
    assert_eq!(rows[0].subject_kind, "employer");
    // An editing attempt on someone else's participant is recorded as well.
    assert!(matches!(
        svc.require_editable_participant(&foreign, id).await,
        Err(ServiceError::NotFound)
    ));
    let rows = rows_about(&db, Some(id.to_string()), Some(foreign.audit_id())).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].action, "edit");
    // Allowed reads stay "ok", and the chain still verifies with the denied rows in it.
    let coach_rows = rows_about(&db, Some(id.to_string()), Some(coach.audit_id())).await;
    assert!(coach_rows
        .iter()
        .all(|r| r.outcome.as_deref() == Some("ok")));
    assert!(svc.verify_audit(None).await.unwrap().is_ok());
}

pub(crate) async fn a_flood_of_denials_is_bounded_per_actor(db: Arc<TestDb>) {
    let svc = &db.service;
    let (world, _coach, id) = World::enrolled(svc).await;
    let prober = world.user(svc, Role::Coach).await;
    let bystander = world.user(svc, Role::Coach).await;
    let tries = ROWS_PER_WINDOW + 20;
    for _ in 0..tries {
        assert!(matches!(
            svc.get_participant(&prober, ParticipantId::new(), "service_delivery")
                .await,
            Err(ServiceError::NotFound)
        ));
    }
    let rows = rows_about(&db, None, Some(prober.audit_id())).await;
    let denied: Vec<_> = rows
        .iter()
        .filter(|r| r.outcome.as_deref() == Some(OUTCOME_DENIED))
        .collect();
    // The budget's rows, then one marker that says a flood was cut short; no more.
    assert_eq!(denied.len(), ROWS_PER_WINDOW as usize + 1);
    assert_eq!(denied.last().map(|r| r.action.as_str()), Some("deny_flood"));
    assert!(denied[..ROWS_PER_WINDOW as usize]
        .iter()
        .all(|r| r.action == "read"));
    // Another user's refusals are still recorded.
    assert!(svc
        .get_participant(&bystander, id, "service_delivery")
        .await
        .is_err());
    let theirs = rows_about(&db, Some(id.to_string()), Some(bystander.audit_id())).await;
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0].outcome.as_deref(), Some(OUTCOME_DENIED));
}
