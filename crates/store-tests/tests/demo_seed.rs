//! Demo data on a real database: the generator writes through the ordinary use cases, a second
//! run writes nothing, an interrupted run is completed by running again, and a database seeded
//! with another seed is refused. Runs on SQLite and, when `POLKU_TEST_POSTGRES_URL` is set, on
//! PostgreSQL.
#![allow(clippy::unwrap_used)]

use polku_demo::{self as demo, DemoOptions, DemoProgress, DemoSummary};
use polku_service::{Actor, Service, ServiceError};
use polku_store_tests::TestDb;
use std::sync::Arc;

macro_rules! stories {
    ($($name:ident),+ $(,)?) => {
        mod sqlite { $( #[test] fn $name() { polku_store_tests::run(polku_store_tests::Backend::Sqlite, super::$name) } )+ }
        mod postgres { $( #[test] fn $name() { polku_store_tests::run(polku_store_tests::Backend::Postgres, super::$name) } )+ }
    };
}

stories!(
    demo_seed_twice_creates_nothing_the_second_time,
    demo_seed_completes_an_interrupted_run,
    demo_seed_refuses_another_seed,
    demo_every_participant_has_three_suggestions,
    demo_employer_users_have_proposals_in_every_answer_state,
    demo_has_placements_in_every_state,
    demo_mentoring_shows_every_state,
    demo_referrals_show_every_state,
);

const OPTS: DemoOptions = DemoOptions {
    participants: 30,
    employers: 8,
    seed: 7,
};

/// Each of the five projects has one school referral a coach accepted, which created a
/// participant besides the planned ones (crates/demo/src/referrals.rs).
const ACCEPTED_REFERRALS: i64 = 5;

fn operator() -> Actor {
    Actor::system("demo")
}

async fn seed(svc: &Service, opts: &DemoOptions) -> Result<DemoSummary, ServiceError> {
    demo::seed(svc, &operator(), opts, &mut |_| {}).await
}

async fn counts(db: &TestDb) -> (i64, i64, usize, usize) {
    let store = &db.store;
    let plan = demo::plan(&OPTS).unwrap();
    let (mut tasks, mut openings) = (0, 0);
    for e in &plan.employers {
        tasks += store.list_tasks(e.employer.id).await.unwrap().len();
        openings += store.list_openings(e.employer.id).await.unwrap().len();
    }
    (
        store.count_participants().await.unwrap(),
        store.count_employers().await.unwrap(),
        tasks,
        openings,
    )
}

async fn demo_seed_twice_creates_nothing_the_second_time(db: Arc<TestDb>) {
    let svc = &db.service;
    let plan = demo::plan(&OPTS).unwrap();
    let mut reports = Vec::new();
    let first = demo::seed(svc, &operator(), &OPTS, &mut |p| reports.push(p))
        .await
        .unwrap();
    assert_eq!(first.participants_created, 30);
    assert_eq!(first.participants_existing, 0);
    assert_eq!(first.employers_created, 8);
    assert_eq!(first.employers_existing, 0);
    assert_eq!(first.projects, 5);
    assert_eq!(first.tasks, plan.task_count());
    assert_eq!(first.openings, plan.opening_count());
    assert_eq!(
        reports.last(),
        Some(&DemoProgress::Employers { done: 8, total: 8 })
    );
    assert!(reports.contains(&DemoProgress::Participants {
        done: 30,
        total: 30
    }));
    assert_eq!(
        counts(&db).await,
        (
            30 + ACCEPTED_REFERRALS,
            8,
            plan.task_count(),
            plan.opening_count()
        )
    );

    // Written through the use cases: sealed, readable by the operator, audited.
    let p = &plan.participants[0];
    let view = svc
        .get_participant(&operator(), p.id, "service_delivery")
        .await
        .unwrap();
    assert_eq!(view.personal, p.personal);
    assert_eq!(view.sensitive, p.sensitive);
    assert_eq!(view.coach_id, Some(p.coach_id));
    let coach = db
        .store
        .get_user_by_email("coach1.ph@demo.polku.fi")
        .await
        .unwrap()
        .unwrap();
    assert!(!coach.active);
    assert!(svc.verify_audit(None).await.unwrap().is_ok());

    // Follow-ups after hiring: some participant has a job with four, the first recorded.
    let mut job_with_follow_ups = false;
    for p in &plan.participants {
        let coach = Actor::user(
            p.coach_id,
            vec![polku_domain::RoleGrant {
                role: polku_domain::Role::Coach,
                project: Some(p.project_id),
            }],
        );
        let follow_ups = svc
            .participant_follow_ups(&coach, p.id, polku_service::today())
            .await
            .unwrap();
        if follow_ups.len() == 4 && follow_ups[0].follow_up.record.is_some() {
            job_with_follow_ups = true;
            break;
        }
    }
    assert!(
        job_with_follow_ups,
        "no job with four follow-ups, the first recorded"
    );

    // The second run writes nothing at all: not one audit entry.
    let head = db.store.audit_head().await.unwrap();
    let second = seed(svc, &OPTS).await.unwrap();
    assert_eq!(second.participants_created, 0);
    assert_eq!(second.participants_existing, 30);
    assert_eq!(second.employers_created, 0);
    assert_eq!(second.employers_existing, 8);
    assert_eq!(
        (second.tasks, second.openings),
        (first.tasks, first.openings)
    );
    assert_eq!(db.store.audit_head().await.unwrap(), head);
    assert_eq!(
        counts(&db).await,
        (
            30 + ACCEPTED_REFERRALS,
            8,
            plan.task_count(),
            plan.opening_count()
        )
    );
}

async fn demo_seed_completes_an_interrupted_run(db: Arc<TestDb>) {
    let svc = db.service.clone();
    // Kill the first run after the twelfth participant (each participant is one transaction).
    let killed = tokio::spawn(async move {
        demo::seed(&svc, &operator(), &OPTS, &mut |p| {
            if p == (DemoProgress::Participants {
                done: 12,
                total: 30,
            }) {
                panic!("simulated kill after 12 participants");
            }
        })
        .await
    })
    .await;
    assert!(killed.unwrap_err().is_panic());
    let svc = &db.service;
    assert_eq!(db.store.count_participants().await.unwrap(), 12);
    assert_eq!(db.store.count_employers().await.unwrap(), 0);

    // Also leave one employer half-written: the employer and two tasks, no openings.
    let plan = demo::plan(&OPTS).unwrap();
    let first = &plan.employers[0];
    svc.create_employer(&operator(), first.employer.clone())
        .await
        .unwrap();
    for t in &first.tasks[..2] {
        svc.add_task(&operator(), t.clone()).await.unwrap();
    }

    let resumed = seed(svc, &OPTS).await.unwrap();
    assert_eq!(resumed.participants_existing, 12);
    assert_eq!(resumed.participants_created, 18);
    assert_eq!(resumed.employers_existing, 1);
    assert_eq!(resumed.employers_created, 7);
    assert_eq!(
        counts(&db).await,
        (
            30 + ACCEPTED_REFERRALS,
            8,
            plan.task_count(),
            plan.opening_count()
        )
    );
    let again = seed(svc, &OPTS).await.unwrap();
    assert_eq!(
        (again.participants_created, again.employers_created),
        (0, 0)
    );
    assert!(svc.verify_audit(None).await.unwrap().is_ok());
}

async fn demo_seed_refuses_another_seed(db: Arc<TestDb>) {
    let svc = &db.service;
    let small = DemoOptions {
        participants: 3,
        employers: 2,
        ..OPTS
    };
    seed(svc, &small).await.unwrap();
    let head = db.store.audit_head().await.unwrap();
    let other = DemoOptions { seed: 8, ..small };
    match seed(svc, &other).await {
        Err(ServiceError::Config(msg)) => {
            assert!(msg.contains("seed 7"), "{msg}");
        }
        other => panic!("expected a configuration error, got {other:?}"),
    }
    assert_eq!(db.store.audit_head().await.unwrap(), head);
    assert_eq!(
        db.store.count_participants().await.unwrap(),
        3 + ACCEPTED_REFERRALS
    );
    // A user cannot run it, not even an administrator: it is an operator command.
    let admin = db
        .store
        .get_user_by_email("admin@demo.polku.fi")
        .await
        .unwrap()
        .unwrap();
    let as_admin = Actor::user(admin.id, admin.roles);
    assert!(matches!(
        demo::seed(svc, &as_admin, &small, &mut |_| {}).await,
        Err(ServiceError::Forbidden)
    ));
}

/// The demo shows the product: every participant of the demo that `serve --demo` writes gets
/// at least three suggested openings (the demo data is tuned for it, not the engine), and the
/// day-to-day work is there: meetings today and later, overdue plan steps, employer visits
/// with hidden jobs among the needs heard.
async fn demo_every_participant_has_three_suggestions(db: Arc<TestDb>) {
    let svc = &db.service;
    let opts = DemoOptions::default();
    seed(svc, &opts).await.unwrap();
    let plan = demo::plan(&opts).unwrap();
    let today = time::OffsetDateTime::now_utc().date();
    let mut short = Vec::new();
    for p in &plan.participants {
        let m = svc
            .match_participant(&operator(), p.id, 10, false, today)
            .await
            .unwrap();
        if m.results.len() < 3 {
            short.push(format!(
                "{} {}: {}",
                p.personal.given_name,
                p.personal.family_name,
                m.results.len()
            ));
        }
    }
    assert!(
        short.is_empty(),
        "{} of {} have fewer than three suggestions:\n{}",
        short.len(),
        plan.participants.len(),
        short.join("\n")
    );

    let first = &plan.participants[1];
    let meetings = svc
        .meetings(&operator(), first.id, "service_delivery")
        .await
        .unwrap();
    let now = time::OffsetDateTime::now_utc();
    assert!(meetings.iter().any(|m| m.starts_at < now));
    assert!(meetings
        .iter()
        .any(|m| m.starts_at > now - time::Duration::hours(30)));
    let overdue = svc
        .plan_items(&operator(), plan.participants[0].id, "service_delivery")
        .await
        .unwrap();
    assert!(overdue.iter().any(|i| i.due.is_some_and(|d| d < today)));
    let e = &plan.employers[0].employer;
    let relations = svc.employer_relations(&operator(), e.id).await.unwrap();
    assert_eq!(relations.interactions.len(), 1);
    assert!(relations.needs.iter().any(|n| n.hidden));
}

/// The employer's pages have something to show: the first employer user of a project sees
/// proposals waiting, answered "let's meet first", agreed and declined, and the one with
/// functioning shared shows workplace adjustments.
async fn demo_employer_users_have_proposals_in_every_answer_state(db: Arc<TestDb>) {
    use polku_domain::{EmployerAnswer, PlacementState, Role};
    let svc = &db.service;
    // The full demo: a small one has too few participants per project for every story.
    let opts = DemoOptions::default();
    seed(svc, &opts).await.unwrap();
    let plan = demo::plan(&opts).unwrap();
    let mut states = std::collections::BTreeSet::new();
    let mut answers = std::collections::BTreeSet::new();
    let mut adjustments = false;
    for u in plan
        .users
        .iter()
        .filter(|u| u.roles.iter().any(|g| g.role == Role::Employer))
    {
        let actor = Actor::user(u.id, u.roles.clone());
        for v in svc.my_employer_placements(&actor).await.unwrap() {
            states.insert(v.placement.state.as_str());
            answers.insert(v.placement.answer.map(EmployerAnswer::as_str));
            let e = svc
                .proposal_for_employer(&actor, v.placement.id)
                .await
                .unwrap();
            assert_eq!(e.tasks.len(), v.placement.tasks.len());
            adjustments |= e.adjustments.is_some();
        }
    }
    for s in [
        PlacementState::Proposed,
        PlacementState::Agreed,
        PlacementState::Declined,
    ] {
        assert!(states.contains(s.as_str()), "no {s:?} in {states:?}");
    }
    assert!(
        answers.contains(&None) && answers.contains(&Some("meet")),
        "{answers:?}"
    );
    assert!(adjustments, "no proposal with functioning shared");
}

/// Every state of a placement occurs in the demo (`crates/demo/src/placements.rs`), and a
/// second run adds none.
async fn demo_has_placements_in_every_state(db: Arc<TestDb>) {
    use polku_domain::PlacementState;
    let svc = &db.service;
    let opts = DemoOptions::default();
    seed(svc, &opts).await.unwrap();
    let plan = demo::plan(&opts).unwrap();
    let all = async || {
        let mut all = Vec::new();
        for p in &plan.participants {
            all.extend(db.store.placements_of(p.id).await.unwrap());
        }
        all
    };
    let first = all().await;
    for state in [
        PlacementState::Prepared,
        PlacementState::Proposed,
        PlacementState::Agreed,
        PlacementState::Active,
        PlacementState::Completed,
        PlacementState::Interrupted,
        PlacementState::Declined,
        PlacementState::Withdrawn,
    ] {
        assert!(
            first.iter().any(|p| p.state == state),
            "no {} placement in the demo",
            state.as_str()
        );
    }
    seed(svc, &opts).await.unwrap();
    assert_eq!(all().await.len(), first.len(), "a second run adds none");
}

/// The mentoring part of the demo: active and completed trials with a workplace mentor, their
/// check-ins, and evidence open, accepted and rejected.
async fn demo_mentoring_shows_every_state(db: Arc<TestDb>) {
    use polku_domain::{EvidenceState, PlacementState};
    use polku_service::audit::AuditEvent;
    seed(&db.service, &OPTS).await.unwrap();
    let plan = demo::plan(&OPTS).unwrap();
    let ev = AuditEvent::new(&operator(), "participant", None, "check", "maintenance").unwrap();
    let (mut states, mut evidence, mut checkins) = (Vec::new(), Vec::new(), 0);
    for p in &plan.participants {
        // Only the trials with a workplace mentor (the other demo placements have none).
        for pl in db.store.placements_of(p.id).await.unwrap() {
            if pl.mentor_id.is_none() {
                continue;
            }
            states.push(pl.state);
            checkins += db.store.list_checkins(pl.id, &ev).await.unwrap().len();
        }
        evidence.extend(
            db.store
                .list_evidence(p.id, &ev)
                .await
                .unwrap()
                .into_iter()
                .map(|e| e.state),
        );
    }
    assert!(
        states.contains(&PlacementState::Active) && states.contains(&PlacementState::Completed)
    );
    assert!(checkins > 0);
    for s in [
        EvidenceState::Open,
        EvidenceState::Accepted,
        EvidenceState::Rejected,
    ] {
        assert!(
            evidence.contains(&s),
            "no {s:?} evidence in the demo: {evidence:?}"
        );
    }
}

async fn demo_referrals_show_every_state(db: Arc<TestDb>) {
    use polku_domain::{ReferralDirection, ReferralSource, ReferralStatus, Role, RoleGrant};
    let svc = &db.service;
    seed(svc, &OPTS).await.unwrap();
    let plan = demo::plan(&OPTS).unwrap();
    let project = &plan.projects[0];
    let user = |role: Role| {
        let u = plan
            .users
            .iter()
            .find(|u| {
                u.roles
                    .iter()
                    .any(|g| g.role == role && g.project == Some(project.id))
            })
            .unwrap();
        Actor::user(
            u.id,
            vec![RoleGrant {
                role,
                project: Some(project.id),
            }],
        )
    };
    // The school sees its three referrals: waiting with a document, accepted, declined.
    let school = svc.referral_inbox(&user(Role::Institution)).await.unwrap();
    let state = |s: ReferralStatus| school.iter().filter(|v| v.status == s).count();
    assert_eq!(school.len(), 3, "{school:?}");
    assert_eq!(state(ReferralStatus::Pending), 1);
    assert_eq!(state(ReferralStatus::Accepted), 1);
    assert_eq!(state(ReferralStatus::Declined), 1);
    let waiting = school
        .iter()
        .find(|v| v.status == ReferralStatus::Pending)
        .unwrap();
    assert_eq!(waiting.documents.len(), 1);
    assert_eq!(waiting.documents[0].content_type, "application/pdf");
    let declined = school
        .iter()
        .find(|v| v.status == ReferralStatus::Declined)
        .unwrap();
    assert!(declined
        .status_reason
        .as_deref()
        .is_some_and(|r| !r.is_empty()));
    // The coach also sees the Ohjaamo referral of a young person who is not yet a participant.
    let coach = svc.referral_inbox(&user(Role::Coach)).await.unwrap();
    assert!(coach
        .iter()
        .any(|v| v.source == Some(ReferralSource::Ohjaamo)
            && v.status == ReferralStatus::Pending
            && v.participant_id.is_none()
            && v.handover.is_some()));
    // Referrals in and out on two participants' paths.
    let people: Vec<_> = plan
        .participants
        .iter()
        .filter(|p| p.project_id == project.id)
        .skip(4)
        .take(2)
        .collect();
    let mut directions = Vec::new();
    for p in people {
        let own = Actor::user(
            p.coach_id,
            vec![RoleGrant {
                role: Role::Coach,
                project: Some(project.id),
            }],
        );
        for v in svc.participant_referrals(&own, p.id).await.unwrap() {
            directions.push((v.direction, v.status));
        }
    }
    assert!(directions.contains(&(ReferralDirection::Incoming, ReferralStatus::Accepted)));
    assert!(directions.contains(&(ReferralDirection::Outgoing, ReferralStatus::Started)));
}
