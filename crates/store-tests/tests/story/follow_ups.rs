//! Follow-ups after hiring: a job that starts gets four, atomically with the state change; the
//! coach's due list, recording (version-checked), another coach's 404, the retention counts.

use super::*;
use polku_service::placements::NewPlacement;
use time::macros::date;

fn record(still: StillWorking, hours: u8) -> FollowUpRecord {
    FollowUpRecord {
        still_working: still,
        hours_per_week: hours,
        support_given: "Soitto työpaikkaohjaajalle".into(),
        needs_recrafting: true,
        note: String::new(),
    }
}

pub(crate) async fn starting_a_job_creates_four_follow_ups_atomically(db: Arc<TestDb>) {
    let svc = &db.service;
    let (world, coach, participant) = World::enrolled(svc).await;
    let other_coach = world.user(svc, Role::Coach).await;
    let manager = world.user(svc, Role::Manager).await;
    let coordinator = world.user(svc, Role::Coordinator).await;
    let e = world.employer();
    svc.create_employer(&coordinator, e.clone()).await.unwrap();
    let task = world.task(e.id, "Hyllytys");
    svc.add_task(&coordinator, task.clone()).await.unwrap();
    give_consent(
        svc,
        &coach,
        participant,
        RecipientClass::Employer,
        &[DataCategory::Contact],
    )
    .await;
    // A job from 31 January 2028 (a leap year: + 1 month is 29 February).
    let start = date!(2028 - 01 - 31);
    let p = svc
        .propose_placement(
            &coach,
            NewPlacement {
                participant,
                employer: e.id,
                opening: None,
                kind: OpeningKind::Job,
                pay_subsidy: true,
                tasks: vec![task.id],
                starts_on: start,
                ends_on: None,
                hours_per_day: 6,
                days_per_week: 5,
                mentor: None,
                categories: None,
                gig: None,
            },
        )
        .await
        .unwrap();
    svc.answer_proposal(&coach, p.id, EmployerAnswer::Yes, None, 1)
        .await
        .unwrap();
    // A stale version: the job does not start and no follow-up is created.
    assert!(matches!(
        svc.move_placement(&coach, p.id, PlacementState::Active, None, start, 1)
            .await,
        Err(ServiceError::Conflict { current: 2 })
    ));
    let today = date!(2028 - 03 - 08);
    assert!(svc
        .participant_follow_ups(&coach, participant, today)
        .await
        .unwrap()
        .is_empty());
    svc.move_placement(&coach, p.id, PlacementState::Active, None, start, 2)
        .await
        .unwrap();
    let list = svc
        .participant_follow_ups(&coach, participant, today)
        .await
        .unwrap();
    let due: Vec<(RetentionCheckpoint, time::Date)> = list
        .iter()
        .map(|v| (v.follow_up.checkpoint, v.follow_up.due_on))
        .collect();
    assert_eq!(
        due,
        vec![
            (RetentionCheckpoint::OneMonth, date!(2028 - 02 - 29)),
            (RetentionCheckpoint::ThreeMonths, date!(2028 - 04 - 30)),
            (RetentionCheckpoint::SixMonths, date!(2028 - 07 - 31)),
            (RetentionCheckpoint::TwelveMonths, date!(2029 - 01 - 31)),
        ]
    );
    assert_eq!(list[0].employer_name, e.name);
    assert_eq!(list[0].tasks, vec![task.id]);
    // Wednesday 23 February: the 1-month one (the 29th) is due next week, not listed yet;
    // Monday the 28th: due this week; Wednesday 1 March: overdue by a day.
    let week = svc
        .due_follow_ups(&coach, date!(2028 - 02 - 23))
        .await
        .unwrap();
    assert!(week.overdue.is_empty() && week.this_week.is_empty());
    let week = svc
        .due_follow_ups(&coach, date!(2028 - 02 - 28))
        .await
        .unwrap();
    assert_eq!(week.this_week.len(), 1);
    assert!(week.overdue.is_empty());
    let late = svc
        .due_follow_ups(&coach, date!(2028 - 03 - 01))
        .await
        .unwrap();
    assert_eq!(late.overdue.len(), 1);
    assert_eq!(late.overdue[0].days_overdue, 1);
    let first = late.overdue[0].follow_up.clone();
    // Not the other coach's: nothing to list, and the follow-up is not found.
    assert!(svc
        .due_follow_ups(&other_coach, date!(2028 - 03 - 01))
        .await
        .unwrap()
        .overdue
        .is_empty());
    assert!(matches!(
        svc.participant_follow_ups(&other_coach, participant, today)
            .await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        svc.record_follow_up(
            &other_coach,
            first.id,
            record(StillWorking::SameEmployer, 30),
            today,
            1
        )
        .await,
        Err(ServiceError::NotFound)
    ));
    // 61 hours is refused on its field and changes nothing.
    assert!(matches!(
        svc.record_follow_up(
            &coach,
            first.id,
            record(StillWorking::SameEmployer, 61),
            today,
            1
        )
        .await,
        Err(ServiceError::Invalid(DomainError::Rule {
            field: "hours_per_week",
            ..
        }))
    ));
    let done = svc
        .record_follow_up(
            &coach,
            first.id,
            record(StillWorking::SameEmployer, 30),
            today,
            1,
        )
        .await
        .unwrap();
    assert_eq!(done.version, 2);
    assert!(matches!(
        svc.record_follow_up(
            &coach,
            first.id,
            record(StillWorking::NotWorking, 0),
            today,
            1
        )
        .await,
        Err(ServiceError::Conflict { current: 2 })
    ));
    let after = svc
        .due_follow_ups(&coach, date!(2028 - 03 - 01))
        .await
        .unwrap();
    assert!(after.overdue.is_empty());
    let stored = svc.follow_up(&coach, first.id, today).await.unwrap();
    assert_eq!(stored.follow_up.done_on, Some(today));
    assert_eq!(stored.follow_up.record.as_ref().unwrap().hours_per_week, 30);
    // The job ends: the open follow-ups stay, saying when it ended.
    svc.move_placement(
        &coach,
        p.id,
        PlacementState::Interrupted,
        Some("Sopimus päättyi".into()),
        date!(2028 - 03 - 15),
        3,
    )
    .await
    .unwrap();
    let kept = svc
        .participant_follow_ups(&coach, participant, today)
        .await
        .unwrap();
    assert_eq!(kept.len(), 4);
    assert_eq!(kept[1].placement_ended_on, Some(date!(2028 - 03 - 15)));
    // Retention figures: aggregates for the manager, not for coaches.
    let counts = svc
        .retention_counts(&manager, world.project.id)
        .await
        .unwrap();
    assert_eq!(counts.len(), 1);
    assert_eq!(counts[0].checkpoint, RetentionCheckpoint::OneMonth);
    assert_eq!(counts[0].still_working, StillWorking::SameEmployer);
    assert_eq!(counts[0].count, 1);
    assert!(matches!(
        svc.retention_counts(&coach, world.project.id).await,
        Err(ServiceError::NotFound)
    ));
}
