//! Restriction of processing (GDPR Art. 18, R43): a restricted person is invisible to the coach,
//! to the employer they were shared with, to listings and to reports, but the operator (the
//! data protection officer's tool) still exports them; lifting brings everything back, and the
//! history stays.

use super::*;
use polku_service::restrictions::RestrictionGround;

pub(crate) async fn restriction_hides_the_person_but_keeps_storage_and_export(db: Arc<TestDb>) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let employer = world.user(svc, Role::Employer).await;
    let admin = {
        let created = svc
            .add_user(
                &system(),
                Email::parse(&format!("dpo-{}@example.fi", uuid::Uuid::new_v4().simple()))
                    .expect("email"),
                "Testi admin",
                Role::Admin,
                None,
            )
            .await
            .expect("admin");
        Actor::user(created.user.id, created.user.roles)
    };
    let operator = system();
    let id = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .expect("create");
    let other = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .expect("create other");
    super::consent_and_share_skills(svc, &coach, &employer, id).await;
    assert!(svc
        .shared_participant(&employer, id, "placement")
        .await
        .is_ok());
    let counted = |c: polku_service::store::ProjectCounts| -> i64 {
        c.participants_by_stage.iter().map(|(_, n)| n).sum()
    };
    let before = counted(
        db.store
            .project_counts(world.project.id)
            .await
            .expect("counts"),
    );
    assert_eq!(before, 2);

    // Only the operator and administrators restrict; the coach may not.
    assert!(matches!(
        svc.restrict_processing(&coach, id, RestrictionGround::AccuracyContested, "DPO-1")
            .await,
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        svc.restrict_processing(&operator, id, RestrictionGround::AccuracyContested, "  ")
            .await,
        Err(ServiceError::Invalid(DomainError::Invalid {
            field: "reference",
            ..
        }))
    ));
    assert!(matches!(
        svc.restrict_processing(
            &operator,
            ParticipantId::new(),
            RestrictionGround::LegalClaims,
            "DPO-1"
        )
        .await,
        Err(ServiceError::NotFound)
    ));
    svc.restrict_processing(&admin, id, RestrictionGround::AccuracyContested, "DPO-1")
        .await
        .expect("restrict");
    // A second restriction while one is in force is refused, and nothing is written.
    assert!(matches!(
        svc.restrict_processing(&operator, id, RestrictionGround::ObjectionPending, "DPO-2")
            .await,
        Err(ServiceError::Invalid(DomainError::Invalid {
            field: "participant",
            ..
        }))
    ));

    // The coach: no read, no change, not in the caseload, no export; the other person is.
    assert!(matches!(
        svc.get_participant(&coach, id, "service_delivery").await,
        Err(ServiceError::NotFound)
    ));
    let caseload = svc
        .caseload(&coach, world.project.id, "service_delivery")
        .await
        .expect("caseload");
    assert_eq!(
        caseload.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![other]
    );
    let ids = svc
        .caseload_ids(&coach, world.project.id)
        .await
        .expect("ids");
    assert_eq!(ids, vec![other]);
    assert!(svc.export_subject(&coach, id, "fi", false).await.is_err());
    assert!(svc
        .add_plan_item(&coach, id, "CV", None, "service_delivery")
        .await
        .is_err());
    // The employer it was shared with: nothing, whatever the share and the consent say.
    assert!(matches!(
        svc.shared_participant(&employer, id, "placement").await,
        Err(ServiceError::NotFound)
    ));
    // Reports leave the person out.
    assert_eq!(
        counted(
            db.store
                .project_counts(world.project.id)
                .await
                .expect("counts")
        ),
        before - 1
    );
    // Storage and the operator remain: the record is all there, and exportable.
    let view = svc
        .get_participant(&operator, id, "data_subject_request")
        .await
        .expect("operator reads");
    assert_eq!(view.id, id);
    let export = svc
        .export_subject(&operator, id, "fi", false)
        .await
        .expect("operator exports");
    assert_eq!(export.restrictions.len(), 1);
    assert_eq!(export.restrictions[0].article, "GDPR Art. 18(1)(a)");
    assert!(export.restrictions[0].lifted_at.is_none());

    // Lifting: the coach and the employer see the person again; the history stays.
    assert!(matches!(
        svc.lift_restriction(&coach, id).await,
        Err(ServiceError::Forbidden)
    ));
    svc.lift_restriction(&operator, id).await.expect("lift");
    assert!(matches!(
        svc.lift_restriction(&operator, id).await,
        Err(ServiceError::Invalid(DomainError::Invalid {
            field: "participant",
            ..
        }))
    ));
    assert!(svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .is_ok());
    assert!(svc
        .shared_participant(&employer, id, "placement")
        .await
        .is_ok());
    assert_eq!(
        counted(
            db.store
                .project_counts(world.project.id)
                .await
                .expect("counts")
        ),
        before
    );
    let history = svc.restrictions(&operator, id).await.expect("history");
    assert_eq!(history.len(), 1);
    assert!(history[0].lifted_at.is_some());
    assert_eq!(history[0].reference, "DPO-1");
    // A new restriction after the lift is a new row.
    svc.restrict_processing(&operator, id, RestrictionGround::ObjectionPending, "DPO-3")
        .await
        .expect("restrict again");
    assert_eq!(
        svc.restrictions(&operator, id)
            .await
            .expect("history")
            .len(),
        2
    );

    // Each step is in the audit log with its purpose.
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
        "restrict_processing:accuracy_contested",
        "lift_restriction",
        "read_restrictions",
        "restrict_processing:objection_pending",
    ] {
        assert!(actions.contains(&wanted), "{wanted} not in {actions:?}");
    }
    assert!(rows
        .iter()
        .filter(|r| r.action.starts_with("restrict_processing"))
        .all(|r| r.purpose == "data_subject_request"));
}
