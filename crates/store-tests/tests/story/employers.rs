//! Employers, their tasks and openings.

use super::*;

pub(crate) async fn employers_tasks_and_openings(db: Arc<TestDb>) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let coordinator = world.user(svc, Role::Coordinator).await;
    let coach = world.user(svc, Role::Coach).await;
    let e = world.employer();
    assert!(matches!(
        svc.create_employer(&coach, e.clone()).await,
        Err(ServiceError::Forbidden)
    ));
    svc.create_employer(&coordinator, e.clone()).await.unwrap();
    let t1 = world.task(e.id, "Toimistosiivous");
    let t2 = world.task(e.id, "Ikkunanpesu");
    svc.add_task(&coordinator, t1.clone()).await.unwrap();
    svc.add_task(&coordinator, t2.clone()).await.unwrap();
    let tasks = svc.tasks(&coach, e.id).await.unwrap();
    assert_eq!(tasks.len(), 2);
    assert!(tasks.contains(&t1));
    let opening = Opening {
        id: OpeningId::new(),
        employer_id: e.id,
        kind: OpeningKind::WorkTrial,
        title: "Siivouksen työkokeilu".into(),
        tasks: vec![t1.id, t2.id],
        municipality: MunicipalityCode::parse("398").unwrap(),
        capacity: 2,
        monthly_wage_eur: None,
        starts_on: None,
        ends_on: None,
        version: 1,
    };
    svc.add_opening(&coordinator, opening.clone())
        .await
        .unwrap();
    let foreign = Opening {
        id: OpeningId::new(),
        tasks: vec![TaskId::new()],
        ..opening.clone()
    };
    assert_eq!(
        svc.add_opening(&coordinator, foreign)
            .await
            .unwrap_err()
            .code(),
        "invalid_value"
    );
    assert_eq!(svc.openings(&coach, e.id).await.unwrap(), vec![opening]);
    // Optimistic concurrency on employers too.
    let renamed = Employer {
        name: "Lahden Puhdas Oy".into(),
        ..e.clone()
    };
    assert_eq!(
        svc.update_employer(&coordinator, renamed.clone(), 1)
            .await
            .unwrap(),
        2
    );
    assert!(matches!(
        svc.update_employer(&coordinator, renamed, 1).await,
        Err(ServiceError::Conflict { current: 2 })
    ));
    assert_eq!(
        svc.employers(&coach, world.project.id).await.unwrap()[0].name,
        "Lahden Puhdas Oy"
    );
    let bad = Employer {
        id: EmployerId::new(),
        industry_tol: "cleaning".into(),
        ..e
    };
    assert_eq!(
        svc.create_employer(&coordinator, bad)
            .await
            .unwrap_err()
            .code(),
        "invalid_value"
    );
}
