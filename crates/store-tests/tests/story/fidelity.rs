//! The IPS-25 fidelity self-assessment on both databases: the case log is read from the live
//! tables (participants, employer contacts) and audited once; the manager's ratings are kept
//! as versions (a stale one is a conflict and writes nothing), each audited, and a coach or
//! another project's manager is refused.

use super::*;
use polku_domain::fidelity::Metric;
use polku_service::fidelity::Source;
use polku_service::interactions::NewInteraction;
use polku_service::store::AuditQuery;
use time::OffsetDateTime;

pub(crate) async fn ratings_are_versioned_and_audited_and_the_log_is_read(db: Arc<TestDb>) {
    let svc = &db.service;
    let (world, coach, _participant) = World::enrolled(svc).await;
    let manager = world.user(svc, Role::Manager).await;
    let coordinator = world.user(svc, Role::Coordinator).await;
    let e = world.employer();
    svc.create_employer(&coordinator, e.clone()).await.unwrap();
    svc.record_interaction(
        &coordinator,
        NewInteraction {
            employer_id: e.id,
            kind: InteractionKind::Visit,
            at: OffsetDateTime::now_utc(),
            summary: "Tutustumiskäynti".into(),
            needs: vec![],
            cooperation: CooperationDepth::Contacted,
        },
    )
    .await
    .unwrap();
    let today = polku_service::today();
    let filter = ReportFilter::new(today - time::Duration::days(13), today)
        .unwrap()
        .with_project(world.project.id);

    let p = svc.fidelity_profile(&manager, &filter, None).await.unwrap();
    assert_eq!(p.items.len(), 25);
    let caseload = &p.items[0];
    assert_eq!(caseload.source, Source::Computed);
    assert_eq!(caseload.figure.as_ref().unwrap().metric, Metric::Caseload);
    assert_eq!(caseload.figure.as_ref().unwrap().value, Some(1.0));
    assert_eq!(caseload.score, Some(5));
    // One visit in two weeks by the project's staff, one coach: 0.5 a week.
    let contacts = p.items[16].figure.as_ref().unwrap();
    assert_eq!(contacts.metric, Metric::EmployerContactsPerWeek);
    assert_eq!((contacts.numerator, contacts.denominator), (1, 1));
    assert_eq!(contacts.value, Some(0.5));
    assert_eq!(p.coaches.len(), 1);

    // Only the project's managers (and admins) read it or rate.
    let other = World::new(svc).await;
    let elsewhere = other.user(svc, Role::Manager).await;
    for who in [&coach, &coordinator, &elsewhere] {
        assert!(matches!(
            svc.fidelity_profile(who, &filter, None).await,
            Err(ServiceError::NotFound)
        ));
        assert!(matches!(
            svc.rate_fidelity_item(who, world.project.id, 8, 4, "", 0)
                .await,
            Err(ServiceError::NotFound)
        ));
    }

    // Rating: bad input is a rule on its field; versions are kept; a stale one is a conflict.
    assert!(matches!(
        svc.rate_fidelity_item(&manager, world.project.id, 8, 6, "", 0)
            .await,
        Err(ServiceError::Invalid(DomainError::Rule {
            field: "score",
            ..
        }))
    ));
    assert!(matches!(
        svc.rate_fidelity_item(&manager, world.project.id, 26, 3, "", 0)
            .await,
        Err(ServiceError::Invalid(DomainError::Rule {
            field: "item",
            ..
        }))
    ));
    let first = svc
        .rate_fidelity_item(&manager, world.project.id, 8, 3, "Kuukausittain", 0)
        .await
        .unwrap();
    assert_eq!(first.version, 1);
    assert!(matches!(
        svc.rate_fidelity_item(&manager, world.project.id, 8, 5, "", 0)
            .await,
        Err(ServiceError::Conflict { current: 1 })
    ));
    let second = svc
        .rate_fidelity_item(&manager, world.project.id, 8, 4, "Viikoittain", 1)
        .await
        .unwrap();
    assert_eq!(second.version, 2);
    let history = db.store.fidelity_ratings(world.project.id).await.unwrap();
    assert_eq!(
        history
            .iter()
            .map(|r| (r.item, r.version, r.score, r.note.as_str()))
            .collect::<Vec<_>>(),
        vec![(8, 1, 3, "Kuukausittain"), (8, 2, 4, "Viikoittain")]
    );
    assert_eq!(
        svc.fidelity_rating_version(&manager, world.project.id, 8)
            .await
            .unwrap(),
        2
    );
    let p = svc.fidelity_profile(&manager, &filter, None).await.unwrap();
    let supervisor = &p.items[7];
    assert_eq!(supervisor.source, Source::Rated);
    assert_eq!(supervisor.score, Some(4));
    assert_eq!(supervisor.rating.as_ref().unwrap().version, 2);
    assert_eq!(
        supervisor.rated_by_name.as_deref(),
        Some(
            db.store
                .get_user(manager.user_id().unwrap())
                .await
                .unwrap()
                .unwrap()
                .display_name
                .as_str()
        )
    );
    // Another project's ratings are its own.
    assert!(db
        .store
        .fidelity_ratings(other.project.id)
        .await
        .unwrap()
        .is_empty());

    // Audited: two ratings and the profile reads, by the manager, about the project.
    let rows = db
        .store
        .audit_query(&AuditQuery {
            subject: Some(world.project.id.to_string()),
            actor: Some(manager.audit_id()),
            from: None,
            to: None,
            limit: 100,
        })
        .await
        .unwrap();
    assert_eq!(
        rows.iter()
            .filter(|r| r.action == "rate_fidelity_item")
            .count(),
        2
    );
    assert_eq!(
        rows.iter()
            .filter(|r| r.action == "fidelity_profile")
            .count(),
        2
    );
}
