//! Workplace mentoring: assigning the mentor shares what the participant consented to, check-ins
//! are sealed and summed per month, and evidence changes the profile only when the coach
//! accepts it.

use super::*;
use polku_service::mentoring::{minutes_per_month, NewCheckin};
use polku_service::placements::NewPlacement;
use time::Duration;

const SKILL: &str = "http://data.europa.eu/esco/skill/0a1b2c3d-0000-4000-8000-000000000001";

pub(crate) struct Mentored {
    pub world: World,
    pub coach: Actor,
    pub mentor: Actor,
    pub other_mentor: Actor,
    pub participant: ParticipantId,
    pub placement: Placement,
    pub task: TaskId,
    pub start: time::Date,
}

/// An active work trial of a participant who consented to sharing contact details with
/// mentors, at an employer with a demanding task (lifting 3) whose essential skill the
/// participant does not have yet; `mentor` is its workplace mentor.
pub(crate) async fn mentored(svc: &Service) -> Mentored {
    let (world, coach, participant) = World::enrolled(svc).await;
    let coordinator = world.user(svc, Role::Coordinator).await;
    let mentor = world.user(svc, Role::Mentor).await;
    let other_mentor = world.user(svc, Role::Mentor).await;
    let firm = world.employer();
    svc.create_employer(&coordinator, firm.clone())
        .await
        .unwrap();
    let mut task = world.task(firm.id, "Hyllytys");
    task.skills_essential = vec![EscoUri::parse(SKILL).unwrap()];
    task.demands
        .demands
        .insert(Dimension::Lifting, Level::new(3).unwrap());
    svc.add_task(&coordinator, task.clone()).await.unwrap();
    give_consent(
        svc,
        &coach,
        participant,
        RecipientClass::Employer,
        &[DataCategory::Contact, DataCategory::Skills],
    )
    .await;
    give_consent(
        svc,
        &coach,
        participant,
        RecipientClass::Mentor,
        &[DataCategory::Contact],
    )
    .await;
    let today = polku_service::today();
    let first = today.replace_day(1).unwrap();
    let start = (first - Duration::days(40)).replace_day(1).unwrap();
    let p = svc
        .propose_placement(
            &coach,
            NewPlacement {
                participant,
                employer: firm.id,
                opening: None,
                kind: OpeningKind::WorkTrial,
                pay_subsidy: false,
                tasks: vec![task.id],
                starts_on: start,
                ends_on: Some(today + Duration::days(30)),
                hours_per_day: 5,
                days_per_week: 4,
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
    accept_agreement(svc, &coach, p.id).await;
    svc.move_placement(&coach, p.id, PlacementState::Active, None, start, 2)
        .await
        .unwrap();
    let p = svc
        .assign_mentor(&coach, p.id, mentor.user_id(), 3)
        .await
        .unwrap();
    Mentored {
        world,
        coach,
        mentor,
        other_mentor,
        participant,
        placement: p,
        task: task.id,
        start,
    }
}

fn rule_of(e: ServiceError) -> (&'static str, &'static str) {
    match e {
        ServiceError::Invalid(DomainError::Rule { field, rule }) => (field, rule),
        other => panic!("expected a broken rule, got {other:?}"),
    }
}

pub(crate) async fn checkins_are_sealed_and_summed_per_month(db: Arc<TestDb>) {
    let svc = &db.service;
    let m = mentored(svc).await;
    let p = &m.placement;
    assert_eq!(p.version, 4);
    // The mentor sees the placement and only the contact details shared with mentors.
    let mine = svc.my_trialists(&m.mentor).await.unwrap();
    assert_eq!(mine.len(), 1);
    let seen = mine[0].participant.as_ref().unwrap();
    assert!(seen.given_name.is_some());
    assert!(seen.skills.is_none() && seen.functioning.is_none());
    assert!(svc.my_trialists(&m.other_mentor).await.unwrap().is_empty());
    assert!(matches!(
        svc.mentoring(&m.other_mentor, p.id).await,
        Err(ServiceError::NotFound)
    ));
    // Check-ins: minutes 1–600; only the placement's own mentor.
    let first = polku_service::today().replace_day(1).unwrap();
    for minutes in [0, 601] {
        let e = svc
            .add_checkin(
                &m.mentor,
                p.id,
                NewCheckin {
                    on: m.start,
                    minutes,
                    note: String::new(),
                },
            )
            .await
            .unwrap_err();
        assert_eq!(rule_of(e), ("minutes", "checkin_minutes_range"));
    }
    let new = |on, minutes, note: &str| NewCheckin {
        on,
        minutes,
        note: note.into(),
    };
    assert!(matches!(
        svc.add_checkin(&m.other_mentor, p.id, new(m.start, 30, "x"))
            .await,
        Err(ServiceError::NotFound)
    ));
    for (on, minutes) in [
        (m.start, 30),
        (m.start + Duration::days(2), 90),
        (first, 45),
    ] {
        svc.add_checkin(
            &m.mentor,
            p.id,
            new(on, minutes, &format!("{CANARY} nosto")),
        )
        .await
        .unwrap();
    }
    let list = svc.checkins(&m.coach, p.id).await.unwrap();
    assert_eq!(list.len(), 3);
    assert!(list.iter().all(|c| c.note.contains(CANARY)));
    let months = minutes_per_month(&list);
    assert_eq!(months.len(), 2);
    assert_eq!(
        (months[0].month, months[0].minutes, months[0].checkins),
        (u8::from(m.start.month()), 120, 2)
    );
    assert_eq!(
        (months[1].month, months[1].minutes, months[1].checkins),
        (u8::from(first.month()), 45, 1)
    );
    assert_eq!(months[0].hours(), 2.0);
    // The coach's table per placement says the same.
    let hours = svc.mentoring_hours(&m.coach, m.participant).await.unwrap();
    assert_eq!(hours.len(), 1);
    assert_eq!(hours[0].1, months);
    // Written feedback at the end; the mentor does not see the self-assessment.
    svc.give_final_feedback(
        &m.mentor,
        p.id,
        "Reipas ja oma-aloitteinen",
        "Palkkatuki",
        None,
    )
    .await
    .unwrap();
    assert!(matches!(
        svc.give_final_feedback(&m.mentor, p.id, "Toinen", "", None)
            .await,
        Err(ServiceError::Conflict { current: 1 })
    ));
    svc.record_self_assessment(&m.coach, p.id, &format!("{CANARY} itsearvio"), Some(1))
        .await
        .unwrap();
    let seen = svc.mentoring(&m.mentor, p.id).await.unwrap();
    let f = seen.final_feedback.unwrap();
    assert_eq!(f.organiser.as_deref(), Some("Reipas ja oma-aloitteinen"));
    assert!(f.self_assessment.is_none());
    let f = svc
        .mentoring(&m.coach, p.id)
        .await
        .unwrap()
        .final_feedback
        .unwrap();
    assert!(f.self_assessment.unwrap().contains(CANARY));
    assert_eq!(f.version, 2);
    // Withdrawing the consent to mentors hides the participant at once.
    let consents = svc
        .consents(&m.coach, m.participant, "service_delivery")
        .await
        .unwrap();
    let to_mentor = consents
        .iter()
        .find(|c| c.recipient == RecipientClass::Mentor && c.withdrawn_at.is_none())
        .unwrap();
    svc.withdraw_consent(&m.coach, m.participant, to_mentor.id, "service_delivery")
        .await
        .unwrap();
    let mine = svc.my_trialists(&m.mentor).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert!(mine[0].participant.is_none());
    assert!(mine[0].view.participant_name.is_none());
    // The notes never reach the database in clear.
    if db.backend == Backend::Sqlite {
        let path = db.url.trim_start_matches("sqlite://");
        db.store.close().await;
        for f in [path.to_owned(), format!("{path}-wal")] {
            let bytes = std::fs::read(&f).unwrap_or_default();
            assert!(
                !bytes.windows(CANARY.len()).any(|w| w == CANARY.as_bytes()),
                "canary found in {f}"
            );
        }
    }
}

pub(crate) async fn evidence_changes_the_profile_only_when_accepted(db: Arc<TestDb>) {
    let svc = &db.service;
    let m = mentored(svc).await;
    let p = &m.placement;
    let skill = EscoUri::parse(SKILL).unwrap();
    let before = svc
        .get_participant(&m.coach, m.participant, "service_delivery")
        .await
        .unwrap();
    // "With support" offers nothing; "independently" offers the missing skill and the
    // demanded lifting level.
    let (_, n) = svc
        .give_task_feedback(&m.mentor, p.id, m.task, FeedbackLevel::WithSupport, "")
        .await
        .unwrap();
    assert_eq!(n, 0);
    assert_eq!(
        rule_of(
            svc.give_task_feedback(
                &m.mentor,
                p.id,
                TaskId::new(),
                FeedbackLevel::Independent,
                ""
            )
            .await
            .unwrap_err()
        ),
        ("task", "task_not_in_placement")
    );
    let (_, n) = svc
        .give_task_feedback(&m.mentor, p.id, m.task, FeedbackLevel::Independent, "Hyvin")
        .await
        .unwrap();
    assert_eq!(n, 2);
    // Saying it again does not duplicate open evidence.
    let (_, n) = svc
        .give_task_feedback(&m.mentor, p.id, m.task, FeedbackLevel::Independent, "")
        .await
        .unwrap();
    assert_eq!(n, 0);
    // Only the coach sees the evidence; nothing on the profile changed.
    assert!(matches!(
        svc.evidence(&m.mentor, m.participant).await,
        Err(ServiceError::NotFound)
    ));
    let items = svc.evidence(&m.coach, m.participant).await.unwrap();
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|e| e.state == EvidenceState::Open));
    assert_eq!(items[0].source_from, m.start);
    let now = svc
        .get_participant(&m.coach, m.participant, "service_delivery")
        .await
        .unwrap();
    assert_eq!(now.version, before.version);
    assert!(!now.personal.skills.iter().any(|c| c.skill == skill));
    let skill_item = items
        .iter()
        .find(|e| matches!(e.what, EvidenceWhat::Skill { .. }))
        .unwrap();
    let lifting = items
        .iter()
        .find(|e| matches!(e.what, EvidenceWhat::Functioning { .. }))
        .unwrap();
    assert_eq!(
        lifting.what,
        EvidenceWhat::Functioning {
            dimension: Dimension::Lifting,
            level: Level::new(3).unwrap()
        }
    );
    // A stale version is a conflict and changes nothing.
    assert!(matches!(
        svc.decide_evidence(&m.coach, m.participant, skill_item.id, true, 7)
            .await,
        Err(ServiceError::Conflict { current: 1 })
    ));
    assert!(matches!(
        svc.decide_evidence(&m.mentor, m.participant, skill_item.id, true, 1)
            .await,
        Err(ServiceError::NotFound)
    ));
    // Rejecting leaves the profile as it was; accepting changes it.
    svc.decide_evidence(&m.coach, m.participant, lifting.id, false, 1)
        .await
        .unwrap();
    let after_reject = svc
        .get_participant(&m.coach, m.participant, "service_delivery")
        .await
        .unwrap();
    assert_eq!(after_reject.version, before.version);
    assert_eq!(
        after_reject.sensitive.functioning.get(Dimension::Lifting),
        Assessment::Assessed(Level::new(1).unwrap())
    );
    let accepted = svc
        .decide_evidence(&m.coach, m.participant, skill_item.id, true, 1)
        .await
        .unwrap();
    assert_eq!(accepted.state, EvidenceState::Accepted);
    let after = svc
        .get_participant(&m.coach, m.participant, "service_delivery")
        .await
        .unwrap();
    assert_eq!(after.version, before.version + 1);
    let claim = after
        .personal
        .skills
        .iter()
        .find(|c| c.skill == skill)
        .unwrap();
    assert_eq!(claim.evidence, Evidence::WorkTrial);
    // Decided once: deciding again is refused.
    assert_eq!(
        rule_of(
            svc.decide_evidence(&m.coach, m.participant, skill_item.id, false, 2)
                .await
                .unwrap_err()
        ),
        ("state", "evidence_already_decided")
    );
    // Changing the mentor revokes the previous mentor's share and access.
    let v = svc
        .placement(&m.coach, p.id)
        .await
        .unwrap()
        .placement
        .version;
    svc.assign_mentor(&m.coach, p.id, m.other_mentor.user_id(), v)
        .await
        .unwrap();
    assert!(svc.my_trialists(&m.mentor).await.unwrap().is_empty());
    assert!(matches!(
        svc.shared_participant(&m.mentor, m.participant, "placement")
            .await,
        Err(ServiceError::NotFound)
    ));
    assert!(svc
        .shared_participant(&m.other_mentor, m.participant, "placement")
        .await
        .is_ok());
    let _ = &m.world;
}

/// A row in every mentoring table for `participant` (who consented to sharing with employers):
/// an active work trial at a second employer with a workplace mentor, a check-in, feedback
/// "independently" on a demanding task (which opens evidence) and the written feedback.
pub(crate) async fn mentoring_rows(
    svc: &Service,
    world: &World,
    coach: &Actor,
    participant: ParticipantId,
) {
    let coordinator = world.user(svc, Role::Coordinator).await;
    let mentor = world.user(svc, Role::Mentor).await;
    let firm = Employer {
        id: EmployerId::new(),
        business_id: BusinessId::parse("0737546-2").unwrap(),
        name: "Ohjaava Oy".into(),
        ..world.employer()
    };
    svc.create_employer(&coordinator, firm.clone())
        .await
        .unwrap();
    let mut task = world.task(firm.id, "Keräily");
    task.skills_essential = vec![EscoUri::parse(SKILL).unwrap()];
    task.demands
        .demands
        .insert(Dimension::Lifting, Level::new(4).unwrap());
    svc.add_task(&coordinator, task.clone()).await.unwrap();
    give_consent(
        svc,
        coach,
        participant,
        RecipientClass::Mentor,
        &[DataCategory::Contact],
    )
    .await;
    let today = polku_service::today();
    let start = today - Duration::days(10);
    let p = svc
        .propose_placement(
            coach,
            NewPlacement {
                participant,
                employer: firm.id,
                opening: None,
                kind: OpeningKind::WorkTrial,
                pay_subsidy: false,
                tasks: vec![task.id],
                starts_on: start,
                ends_on: Some(today + Duration::days(20)),
                hours_per_day: 4,
                days_per_week: 4,
                mentor: None,
                categories: None,
                gig: None,
            },
        )
        .await
        .unwrap();
    svc.answer_proposal(coach, p.id, EmployerAnswer::Yes, None, 1)
        .await
        .unwrap();
    accept_agreement(svc, coach, p.id).await;
    svc.move_placement(coach, p.id, PlacementState::Active, None, start, 2)
        .await
        .unwrap();
    svc.assign_mentor(coach, p.id, mentor.user_id(), 3)
        .await
        .unwrap();
    svc.add_checkin(
        &mentor,
        p.id,
        NewCheckin {
            on: start,
            minutes: 60,
            note: "Perehdytys".into(),
        },
    )
    .await
    .unwrap();
    let (_, n) = svc
        .give_task_feedback(&mentor, p.id, task.id, FeedbackLevel::Independent, "Sujuu")
        .await
        .unwrap();
    assert!(n > 0);
    svc.give_final_feedback(&mentor, p.id, "Hyvä työote", "Palkkatuettu työ", None)
        .await
        .unwrap();
    super::qualifications::evidence_row(svc, &mentor, p.id, task.id, start).await;
}
