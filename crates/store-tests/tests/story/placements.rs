//! Proposals and placements: consent-gated shares, employer users, answers, state moves, the
//! trial limits across earlier placements, and optimistic concurrency.

use super::*;
use polku_service::placements::NewPlacement;
use time::macros::date;

struct Setup {
    svc_world: World,
    coach: Actor,
    coordinator: Actor,
    employer_user: Actor,
    other_employer_user: Actor,
    participant: ParticipantId,
    employer: EmployerId,
    other_employer: EmployerId,
    tasks: Vec<TaskId>,
}

async fn setup(svc: &Service) -> Setup {
    let (world, coach, participant) = World::enrolled(svc).await;
    let coordinator = world.user(svc, Role::Coordinator).await;
    let employer_user = world.user(svc, Role::Employer).await;
    let other_employer_user = world.user(svc, Role::Employer).await;
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
    let t1 = world.task(e.id, "Toimistosiivous");
    let t2 = world.task(e.id, "Ikkunanpesu");
    svc.add_task(&coordinator, t1.clone()).await.unwrap();
    svc.add_task(&coordinator, t2.clone()).await.unwrap();
    svc.link_employer_user(&coordinator, employer_user.user_id().unwrap(), e.id)
        .await
        .unwrap();
    svc.link_employer_user(
        &coordinator,
        other_employer_user.user_id().unwrap(),
        other.id,
    )
    .await
    .unwrap();
    Setup {
        svc_world: world,
        coach,
        coordinator,
        employer_user,
        other_employer_user,
        participant,
        employer: e.id,
        other_employer: other.id,
        tasks: vec![t1.id, t2.id],
    }
}

fn trial(s: &Setup, start: time::Date, end: time::Date, hours: u8) -> NewPlacement {
    NewPlacement {
        participant: s.participant,
        employer: s.employer,
        opening: None,
        kind: OpeningKind::WorkTrial,
        pay_subsidy: false,
        tasks: s.tasks.clone(),
        starts_on: start,
        ends_on: Some(end),
        hours_per_day: hours,
        days_per_week: 5,
        mentor: None,
        categories: None,
        gig: None,
    }
}

fn rule_of(e: ServiceError) -> (&'static str, &'static str) {
    match e {
        ServiceError::Invalid(DomainError::Rule { field, rule }) => (field, rule),
        other => panic!("expected a broken rule, got {other:?}"),
    }
}

pub(crate) async fn proposal_needs_consent_creates_shares_and_is_answered(db: Arc<TestDb>) {
    let svc = &db.service;
    let s = setup(svc).await;
    let start = date!(2027 - 02 - 01);
    // No consent to employers yet: nothing may be disclosed, nothing is stored.
    let err = svc
        .propose_placement(&s.coach, trial(&s, start, date!(2027 - 03 - 31), 6))
        .await
        .unwrap_err();
    assert_eq!(rule_of(err), ("categories", "proposal_needs_consent"));
    assert!(svc
        .participant_placements(&s.coach, s.participant)
        .await
        .unwrap()
        .is_empty());
    give_consent(
        svc,
        &s.coach,
        s.participant,
        RecipientClass::Employer,
        &[DataCategory::Contact, DataCategory::Skills],
    )
    .await;
    // Asking for a group without consent is refused.
    let mut asked = trial(&s, start, date!(2027 - 03 - 31), 6);
    asked.categories = Some(vec![DataCategory::Functioning]);
    assert_eq!(
        rule_of(svc.propose_placement(&s.coach, asked).await.unwrap_err()),
        ("categories", "proposal_category_without_consent")
    );
    // The law's limits, each on its field.
    assert_eq!(
        rule_of(
            svc.propose_placement(&s.coach, trial(&s, start, date!(2027 - 03 - 31), 9))
                .await
                .unwrap_err()
        ),
        ("hours_per_day", "work_trial_hours_per_day")
    );
    assert_eq!(
        rule_of(
            svc.propose_placement(&s.coach, trial(&s, start, date!(2027 - 08 - 01), 6))
                .await
                .unwrap_err()
        ),
        ("end", "work_trial_six_months_per_organiser")
    );
    let p = svc
        .propose_placement(&s.coach, trial(&s, start, date!(2027 - 03 - 31), 6))
        .await
        .unwrap();
    assert_eq!(p.state, PlacementState::Proposed);
    assert_eq!(
        p.categories,
        vec![DataCategory::Contact, DataCategory::Skills]
    );
    // The employer's user now sees the participant's shared groups, the other employer's not.
    let shared = svc
        .shared_participant(&s.employer_user, s.participant, "placement")
        .await
        .unwrap();
    assert!(shared.given_name.is_some());
    assert!(shared.functioning.is_none());
    assert!(matches!(
        svc.placement(&s.other_employer_user, p.id).await,
        Err(ServiceError::NotFound)
    ));
    let mine = svc.my_employer_placements(&s.employer_user).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert!(mine[0].participant_name.is_some());
    assert!(svc
        .my_employer_placements(&s.other_employer_user)
        .await
        .unwrap()
        .is_empty());
    // Coordinators see the open proposal without the participant's name.
    let waiting = svc
        .open_proposals(&s.coordinator, s.svc_world.project.id)
        .await
        .unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].placement.id, p.id);
    let seen = svc.placement(&s.coordinator, p.id).await.unwrap();
    assert!(seen.participant_name.is_none());
    // "No" needs a reason; a stale version is a conflict and changes nothing.
    assert_eq!(
        rule_of(
            svc.answer_proposal(
                &s.employer_user,
                p.id,
                EmployerAnswer::No,
                Some("  ".into()),
                1
            )
            .await
            .unwrap_err()
        ),
        ("reason", "answer_no_needs_reason")
    );
    let met = svc
        .answer_proposal(&s.employer_user, p.id, EmployerAnswer::Meet, None, 1)
        .await
        .unwrap();
    assert_eq!(met.state, PlacementState::Proposed);
    assert!(matches!(
        svc.answer_proposal(&s.employer_user, p.id, EmployerAnswer::Yes, None, 1)
            .await,
        Err(ServiceError::Conflict { current: 2 })
    ));
    let agreed = svc
        .answer_proposal(&s.employer_user, p.id, EmployerAnswer::Yes, None, 2)
        .await
        .unwrap();
    assert_eq!(agreed.state, PlacementState::Agreed);
    // The employer cannot start or end it; the coach can.
    assert!(matches!(
        svc.move_placement(
            &s.employer_user,
            p.id,
            PlacementState::Active,
            None,
            start,
            3
        )
        .await,
        Err(ServiceError::NotFound)
    ));
    super::agreements::agree_on_paper(svc, &s.coach, p.id).await;
    let active = svc
        .move_placement(&s.coach, p.id, PlacementState::Active, None, start, 3)
        .await
        .unwrap();
    assert_eq!(active.state, PlacementState::Active);
    assert_eq!(
        rule_of(
            svc.move_placement(&s.coach, p.id, PlacementState::Interrupted, None, start, 4)
                .await
                .unwrap_err()
        ),
        ("reason", "ending_needs_reason")
    );
    let ended = svc
        .move_placement(
            &s.coach,
            p.id,
            PlacementState::Interrupted,
            Some("Kuljetus ei järjestynyt".into()),
            date!(2027 - 02 - 20),
            4,
        )
        .await
        .unwrap();
    assert_eq!(ended.state, PlacementState::Interrupted);
    assert_eq!(ended.ended_on, Some(date!(2027 - 02 - 20)));
    // Interrupting revoked the proposal's share: the employer sees nothing any more.
    assert!(matches!(
        svc.shared_participant(&s.employer_user, s.participant, "placement")
            .await,
        Err(ServiceError::NotFound)
    ));
    // Every change was audited against the participant.
    let audit = db
        .store
        .audit_query(&polku_service::store::AuditQuery {
            subject: Some(s.participant.to_string()),
            limit: 1000,
            ..Default::default()
        })
        .await
        .unwrap();
    for action in [
        "placement_proposed",
        "placement_answer_meet",
        "placement_answer_yes",
        "placement_active",
        "placement_interrupted",
    ] {
        assert!(
            audit
                .iter()
                .any(|r| r.action.starts_with(action) && r.purpose == "placement"),
            "{action} not audited"
        );
    }
    // A moved-on placement cannot go back.
    assert_eq!(
        rule_of(
            svc.move_placement(&s.coach, p.id, PlacementState::Active, None, start, 5)
                .await
                .unwrap_err()
        ),
        ("state", "placement_state_move_not_allowed")
    );
    let _ = s.other_employer;
}

pub(crate) async fn earlier_trials_and_coordinator_preparation(db: Arc<TestDb>) {
    let svc = &db.service;
    let s = setup(svc).await;
    give_consent(
        svc,
        &s.coach,
        s.participant,
        RecipientClass::Employer,
        &[DataCategory::Skills],
    )
    .await;
    // Four months, agreed and done.
    let first = svc
        .propose_placement(
            &s.coach,
            trial(&s, date!(2027 - 01 - 01), date!(2027 - 04 - 30), 6),
        )
        .await
        .unwrap();
    svc.answer_proposal(&s.coach, first.id, EmployerAnswer::Yes, None, 1)
        .await
        .unwrap();
    // Three more months with the same organiser would make seven.
    let err = svc
        .propose_placement(
            &s.coach,
            trial(&s, date!(2027 - 06 - 01), date!(2027 - 08 - 31), 6),
        )
        .await
        .unwrap_err();
    assert_eq!(rule_of(err), ("end", "work_trial_six_months_per_organiser"));
    // A coordinator prepares one at another employer; the employer does not see it yet.
    let mut elsewhere = trial(&s, date!(2027 - 06 - 01), date!(2027 - 07 - 31), 5);
    elsewhere.employer = s.other_employer;
    elsewhere.tasks = vec![];
    assert_eq!(
        rule_of(
            svc.propose_placement(&s.coordinator, elsewhere.clone())
                .await
                .unwrap_err()
        ),
        ("tasks", "placement_needs_tasks")
    );
    let t = s.svc_world.task(s.other_employer, "Varastotyö");
    svc.add_task(&s.coordinator, t.clone()).await.unwrap();
    elsewhere.tasks = vec![t.id];
    let prepared = svc
        .propose_placement(&s.coordinator, elsewhere)
        .await
        .unwrap();
    assert_eq!(prepared.state, PlacementState::Prepared);
    assert!(matches!(
        svc.placement(&s.other_employer_user, prepared.id).await,
        Err(ServiceError::NotFound)
    ));
    // Only the coach confirms it; then it goes out.
    assert!(matches!(
        svc.confirm_placement(&s.coordinator, prepared.id, None, 1)
            .await,
        Err(ServiceError::NotFound)
    ));
    let sent = svc
        .confirm_placement(&s.coach, prepared.id, None, 1)
        .await
        .unwrap();
    assert_eq!(sent.state, PlacementState::Proposed);
    assert!(svc
        .placement(&s.other_employer_user, prepared.id)
        .await
        .is_ok());
    // Withdrawing needs a reason and revokes the share.
    let withdrawn = svc
        .move_placement(
            &s.coach,
            prepared.id,
            PlacementState::Withdrawn,
            Some("Osallistuja valitsi toisen paikan".into()),
            date!(2027 - 05 - 01),
            2,
        )
        .await
        .unwrap();
    assert_eq!(withdrawn.state, PlacementState::Withdrawn);
    assert!(matches!(
        svc.shared_participant(&s.other_employer_user, s.participant, "placement")
            .await,
        Err(ServiceError::NotFound)
    ));
    // An employer user of another project's employer cannot be linked here.
    let manager = s.svc_world.user(svc, Role::Manager).await;
    assert!(matches!(
        svc.link_employer_user(&s.coordinator, manager.user_id().unwrap(), s.employer)
            .await,
        Err(ServiceError::Invalid(DomainError::Rule {
            rule: "not_an_employer_user_of_project",
            ..
        }))
    ));
}
