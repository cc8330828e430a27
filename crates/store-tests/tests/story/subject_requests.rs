//! Data-subject requests with their one-month deadline (GDPR Art. 12(3), R39): recorded with
//! the Finnish date received, due a month later, listed as open and overdue, answered by the
//! access export and by the erasure (the record outlives the erased person), a rectification
//! marked done by hand; every step audited, bad input refused.

use super::*;
use polku_service::subject_requests::{due_date, SubjectRequestKind};

pub(crate) async fn requests_are_tracked_to_their_deadline_and_answered(db: Arc<TestDb>) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let operator = system();
    let today = polku_service::clock::today();
    let id = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .expect("create");
    let other = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .expect("create other");

    // Only the operator and administrators record and list requests.
    assert!(matches!(
        svc.record_subject_request(&coach, id, SubjectRequestKind::Access, today)
            .await,
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        svc.subject_requests(&coach, true).await,
        Err(ServiceError::Forbidden)
    ));
    // Bad input: a future date, a date over a year ago, an unknown person.
    for (received, field) in [
        (today + time::Duration::days(1), "received_on"),
        (today - time::Duration::days(400), "received_on"),
    ] {
        match svc
            .record_subject_request(&operator, id, SubjectRequestKind::Access, received)
            .await
        {
            Err(ServiceError::Invalid(DomainError::Invalid { field: f, .. })) => {
                assert_eq!(f, field)
            }
            other => panic!("{received}: {other:?}"),
        }
    }
    assert!(matches!(
        svc.record_subject_request(
            &operator,
            ParticipantId(uuid::Uuid::new_v4()),
            SubjectRequestKind::Access,
            today
        )
        .await,
        Err(ServiceError::NotFound)
    ));

    // An access request received 40 days ago is overdue; one received today is not.
    let late = today - time::Duration::days(40);
    let access = svc
        .record_subject_request(&operator, id, SubjectRequestKind::Access, late)
        .await
        .expect("access");
    assert_eq!(access.due_on, due_date(late));
    assert!(access.due_on < today && access.due_on > late);
    let erasure = svc
        .record_subject_request(&operator, id, SubjectRequestKind::Erasure, today)
        .await
        .expect("erasure");
    let rectification = svc
        .record_subject_request(&operator, other, SubjectRequestKind::Rectification, today)
        .await
        .expect("rectification");
    let open = svc.subject_requests(&operator, true).await.expect("list");
    let mine: Vec<_> = open
        .iter()
        .filter(|r| [access.id, erasure.id, rectification.id].contains(&r.id))
        .collect();
    assert_eq!(mine.len(), 3);
    // The earliest due first.
    assert_eq!(mine[0].id, access.id);
    assert!(mine[0].overdue(today));
    assert!(!mine[1].overdue(today) && !mine[2].overdue(today));
    assert_eq!(mine[1].due_on, due_date(today));

    // The coach's export answers the access request, not the others.
    svc.export_subject(&coach, id, "fi", false)
        .await
        .expect("export");
    let all = svc.subject_requests(&operator, false).await.expect("all");
    let find = |all: &[polku_service::subject_requests::SubjectRequest], rid| {
        all.iter().find(|r| r.id == rid).cloned().expect("listed")
    };
    let answered = find(&all, access.id);
    assert_eq!(answered.done_on, Some(today));
    assert_eq!(answered.done_by, Some(coach.audit_id()));
    assert!(!answered.overdue(today));
    assert_eq!(find(&all, erasure.id).done_on, None);
    let open = svc.subject_requests(&operator, true).await.expect("open");
    assert!(!open.iter().any(|r| r.id == access.id));

    // The erasure answers the erasure request, and the record stays (the id only).
    svc.erase_subject(&operator, id).await.expect("erase");
    let all = svc.subject_requests(&operator, false).await.expect("all");
    let erased = find(&all, erasure.id);
    assert_eq!(erased.done_on, Some(today));
    assert_eq!(erased.subject_id, id);
    assert_eq!(find(&all, rectification.id).done_on, None);

    // A rectification is marked done by hand, once; an unknown id is not found.
    svc.complete_subject_request(&operator, rectification.id)
        .await
        .expect("done");
    match svc
        .complete_subject_request(&operator, rectification.id)
        .await
    {
        Err(ServiceError::Invalid(DomainError::Invalid { field, .. })) => assert_eq!(field, "id"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        svc.complete_subject_request(&operator, uuid::Uuid::new_v4())
            .await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        svc.complete_subject_request(&coach, rectification.id).await,
        Err(ServiceError::Forbidden)
    ));
    let open = svc.subject_requests(&operator, true).await.expect("open");
    assert!(!open
        .iter()
        .any(|r| [access.id, erasure.id, rectification.id].contains(&r.id)));

    // Every step is in the audit log with its purpose.
    let rows = svc
        .query_audit(
            &operator,
            &polku_service::subject::AuditSearch {
                subject: Some(other),
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    let actions: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    assert!(
        actions.contains(&"record_subject_request:rectification"),
        "{actions:?}"
    );
    let rows = svc
        .query_audit(
            &operator,
            &polku_service::subject::AuditSearch {
                subject: Some(id),
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    let actions: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    for wanted in [
        "record_subject_request:access",
        "record_subject_request:erasure",
        "complete_subject_request:access",
        "complete_subject_request:erasure",
    ] {
        assert!(actions.contains(&wanted), "{wanted} not in {actions:?}");
    }
    assert!(rows
        .iter()
        .filter(|r| r.action.contains("subject_request"))
        .all(|r| r.purpose == "data_subject_request"));
}
