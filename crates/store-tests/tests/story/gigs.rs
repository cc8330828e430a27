//! Gigs: posting (who may, for which employer, not in the past), the suitable participants
//! within the hard limits, the offer as a placement of kind gig, the result as work experience,
//! and optimistic concurrency.

use super::*;
use polku_service::gigs::{GigResult, NewGig};
use time::{Date, Duration, Weekday};

fn rule_of(e: ServiceError) -> (&'static str, &'static str) {
    match e {
        ServiceError::Invalid(DomainError::Rule { field, rule }) => (field, rule),
        other => panic!("expected a broken rule, got {other:?}"),
    }
}

/// A Monday at least a week ahead (a weekday gig: the fixture's participant works no weekends).
fn next_monday(today: Date) -> Date {
    let mut d = today + Duration::days(7);
    while d.weekday() != Weekday::Monday {
        d = d.next_day().unwrap();
    }
    d
}

fn gig(employer: EmployerId, tasks: Vec<TaskId>, on: Date, start: time::Time) -> NewGig {
    NewGig {
        employer,
        on,
        starts_at: start,
        hours: GigHours::from_hours(4.0).unwrap(),
        municipality: None,
        place: "Kauppakatu 1, Lahti".into(),
        tasks,
        places: 1,
    }
}

pub(crate) async fn gig_round_trip(db: Arc<TestDb>) {
    let svc = &db.service;
    let (world, coach, participant) = World::enrolled(svc).await;
    let coordinator = world.user(svc, Role::Coordinator).await;
    let employer_user = world.user(svc, Role::Employer).await;
    let other_user = world.user(svc, Role::Employer).await;
    let e = world.employer();
    svc.create_employer(&coordinator, e.clone()).await.unwrap();
    let other = Employer {
        id: EmployerId::new(),
        business_id: BusinessId::parse("0737546-2").unwrap(),
        name: "Toinen Oy".into(),
        ..e.clone()
    };
    svc.create_employer(&coordinator, other.clone())
        .await
        .unwrap();
    let task = world.task(e.id, "Toimistosiivous");
    let foreign = world.task(other.id, "Ikkunanpesu");
    svc.add_task(&coordinator, task.clone()).await.unwrap();
    svc.add_task(&coordinator, foreign.clone()).await.unwrap();
    svc.link_employer_user(&coordinator, employer_user.user_id().unwrap(), e.id)
        .await
        .unwrap();
    svc.link_employer_user(&coordinator, other_user.user_id().unwrap(), other.id)
        .await
        .unwrap();
    let today = polku_service::today();
    let day = next_monday(today);
    let nine = time::macros::time!(9:00);

    // Only for an employer one represents; not in the past; only the employer's own tasks.
    assert!(matches!(
        svc.post_gig(&other_user, gig(e.id, vec![task.id], day, nine), today)
            .await,
        Err(ServiceError::NotFound)
    ));
    let past = today - Duration::days(1);
    assert_eq!(
        rule_of(
            svc.post_gig(&employer_user, gig(e.id, vec![task.id], past, nine), today)
                .await
                .unwrap_err()
        ),
        ("on", "gig_date_in_past")
    );
    assert_eq!(
        rule_of(
            svc.post_gig(
                &employer_user,
                gig(e.id, vec![foreign.id], day, nine),
                today
            )
            .await
            .unwrap_err()
        ),
        ("tasks", "task_not_at_employer")
    );
    let daytime = svc
        .post_gig(&employer_user, gig(e.id, vec![task.id], day, nine), today)
        .await
        .unwrap();
    assert_eq!(daytime.state, GigState::Open);
    assert_eq!(daytime.municipality.to_string(), "398");
    assert_eq!(
        db.store.get_gig(daytime.id).await.unwrap(),
        Some(daytime.clone())
    );
    let evening = svc
        .post_gig(
            &coordinator,
            gig(e.id, vec![task.id], day, time::macros::time!(17:00)),
            today,
        )
        .await
        .unwrap();
    assert_eq!(
        svc.open_gigs(&coach, world.project.id, today)
            .await
            .unwrap()
            .len(),
        2
    );
    assert_eq!(svc.my_gigs(&employer_user).await.unwrap().len(), 2);
    assert!(svc.my_gigs(&other_user).await.unwrap().is_empty());
    assert!(matches!(
        svc.gig(&other_user, daytime.id).await,
        Err(ServiceError::NotFound)
    ));

    // The coach sees the own participant by name for the daytime gig; nobody for the evening
    // gig (the participant cannot work evenings); a coordinator sees candidates without names.
    let found = svc
        .gig_candidates(&coach, daytime.id, 10, today)
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    let (pid, name) = found[0].participant.clone().unwrap();
    assert_eq!(pid, participant);
    assert_eq!(name, format!("Aino {}", fixtures::FAMILY_NAME));
    assert!(svc
        .gig_candidates(&coach, evening.id, 10, today)
        .await
        .unwrap()
        .is_empty());
    let pseudonymous = svc
        .gig_candidates(&coordinator, daytime.id, 10, today)
        .await
        .unwrap();
    assert_eq!(pseudonymous.len(), 1);
    assert!(pseudonymous[0].participant.is_none());
    assert!(pseudonymous[0].candidate.shared.is_none());
    assert!(matches!(
        svc.gig_candidates(&employer_user, daytime.id, 10, today)
            .await,
        Err(ServiceError::NotFound)
    ));

    // Offering: within the hard limits, with consent, once.
    assert_eq!(
        rule_of(
            svc.offer_gig(&coach, evening.id, participant, today)
                .await
                .unwrap_err()
        ),
        ("participant", "gig_not_suitable")
    );
    assert_eq!(
        rule_of(
            svc.offer_gig(&coach, daytime.id, participant, today)
                .await
                .unwrap_err()
        ),
        ("categories", "proposal_needs_consent")
    );
    give_consent(
        svc,
        &coach,
        participant,
        RecipientClass::Employer,
        &[DataCategory::Contact],
    )
    .await;
    assert!(matches!(
        svc.offer_gig(&coordinator, daytime.id, participant, today)
            .await,
        Err(ServiceError::NotFound)
    ));
    let offer = svc
        .offer_gig(&coach, daytime.id, participant, today)
        .await
        .unwrap();
    assert_eq!(offer.kind, OpeningKind::Gig);
    assert_eq!(offer.state, PlacementState::Proposed);
    assert_eq!(offer.gig_id, Some(daytime.id));
    assert_eq!((offer.starts_on, offer.ends_on), (day, Some(day)));
    assert_eq!(
        rule_of(
            svc.offer_gig(&coach, daytime.id, participant, today)
                .await
                .unwrap_err()
        ),
        ("participant", "gig_already_offered")
    );
    // The employer sees the offer on the gig, and says yes: the one place is filled.
    let seen = svc.gig(&employer_user, daytime.id).await.unwrap();
    assert_eq!(seen.offers.len(), 1);
    assert_eq!(
        seen.offers[0].participant_name,
        Some(format!("Aino {}", fixtures::FAMILY_NAME))
    );
    let agreed = svc
        .answer_proposal(&employer_user, offer.id, EmployerAnswer::Yes, None, 1)
        .await
        .unwrap();
    assert_eq!(
        svc.gig(&coach, daytime.id).await.unwrap().gig.state,
        GigState::Filled
    );

    // The result: not before the day; version-checked; done with the hours worked.
    let done = GigResult::Done(GigHours::from_hours(3.5).unwrap());
    assert_eq!(
        rule_of(
            svc.record_gig_result(&coach, offer.id, done.clone(), agreed.version, today)
                .await
                .unwrap_err()
        ),
        ("result", "gig_result_before_the_day")
    );
    assert!(matches!(
        svc.record_gig_result(&coach, offer.id, done.clone(), 1, day)
            .await,
        Err(ServiceError::Conflict { .. })
    ));
    let completed = svc
        .record_gig_result(&coach, offer.id, done, agreed.version, day)
        .await
        .unwrap();
    assert_eq!(completed.state, PlacementState::Completed);
    assert_eq!(completed.gig_hours.map(GigHours::minutes), Some(210));
    let stored = svc.placement(&coach, offer.id).await.unwrap().placement;
    assert_eq!(stored.gig_hours, completed.gig_hours);
    assert_eq!(stored.gig_id, Some(daytime.id));
    assert_eq!(
        svc.gig(&coach, daytime.id).await.unwrap().gig.state,
        GigState::Done
    );
    let experience = svc.work_experience(&coach, participant).await.unwrap();
    assert_eq!(experience.len(), 1);
    assert_eq!(experience[0].kind, OpeningKind::Gig);
    assert_eq!(experience[0].tasks, vec!["Toimistosiivous".to_owned()]);
    assert_eq!(experience[0].employer, e.name);
    assert_eq!(experience[0].gig_hours.map(GigHours::hours), Some(3.5));

    // Cancelling is version-checked and only for the employer's users and coordinators.
    assert!(matches!(
        svc.cancel_gig(&coach, evening.id, 1).await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        svc.cancel_gig(&employer_user, evening.id, 2).await,
        Err(ServiceError::Conflict { current: 1 })
    ));
    let cancelled = svc.cancel_gig(&employer_user, evening.id, 1).await.unwrap();
    assert_eq!(cancelled.state, GigState::Cancelled);
    assert!(svc
        .open_gigs(&coach, world.project.id, today)
        .await
        .unwrap()
        .is_empty());
}
