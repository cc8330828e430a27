//! Each computed item on a small log built by hand; the expected numbers are worked out in the
//! comments.

use super::*;
use time::macros::date;
use uuid::Uuid;

fn user(n: u128) -> UserId {
    UserId(Uuid::from_u128(n))
}
fn person(n: u128) -> ParticipantId {
    ParticipantId(Uuid::from_u128(1000 + n))
}
fn employer(n: u128) -> EmployerId {
    EmployerId(Uuid::from_u128(2000 + n))
}
const A: u128 = 1;
const B: u128 = 2;
const COORDINATOR: u128 = 3;

fn q1() -> ReportFilter {
    ReportFilter::new(date!(2026 - 01 - 01), date!(2026 - 03 - 31)).unwrap()
}

fn participant(
    n: u128,
    coach: Option<u128>,
    enrolled: Date,
    exited: Option<Date>,
) -> LogParticipant {
    LogParticipant {
        id: person(n),
        coach: coach.map(user),
        enrolled_on: enrolled,
        exited_on: exited,
    }
}

fn placement(
    n: u128,
    coach: u128,
    emp: u128,
    kind: OpeningKind,
    state: PlacementState,
) -> LogPlacement {
    LogPlacement {
        participant: person(n),
        coach: user(coach),
        employer: employer(emp),
        kind,
        state,
        starts_on: date!(2026 - 02 - 01),
        proposed_on: None,
        created_on: date!(2026 - 01 - 01),
        job_type: "Siivooja".into(),
        follow_ups: vec![],
    }
}

fn score(number: u8, value: f64) -> Option<u8> {
    FidelityScale::get()
        .item(number)
        .and_then(|i| i.derived.as_ref())
        .and_then(|d| d.score(value))
}

#[test]
fn the_shipped_scale_has_25_items_in_three_languages_and_bands_that_cover_25_to_125() {
    let s = FidelityScale::get();
    assert_eq!(s.items.len(), 25);
    for (i, item) in s.items.iter().enumerate() {
        assert_eq!(usize::from(item.number), i + 1);
        for lang in ["fi", "sv", "en"] {
            assert!(
                !item.name.get(lang).is_empty(),
                "item {} {lang}",
                item.number
            );
            assert!(
                !item.about.get(lang).is_empty(),
                "item {} {lang}",
                item.number
            );
        }
        assert!(s.sections.contains_key(&item.section));
        if let Some(d) = &item.derived {
            if !d.anchors.is_empty() {
                let scores: Vec<u8> = d.anchors.iter().map(|a| a.score).collect();
                assert_eq!(scores, [5, 4, 3, 2, 1], "item {}", item.number);
            }
        }
    }
    for total in 25..=125 {
        assert!(s.band(total).is_some(), "{total} has no band");
    }
    assert_eq!(s.band(73).unwrap().key, "not_ips");
    assert_eq!(s.band(74).unwrap().key, "fair");
    assert_eq!(s.band(100).unwrap().key, "good");
    assert_eq!(s.band(115).unwrap().key, "exemplary");
    let computed: Vec<u8> = s
        .items
        .iter()
        .filter(|i| i.is_computed())
        .map(|i| i.number)
        .collect();
    assert_eq!(computed, [1, 15, 17, 19, 20, 21, 24]);
}

#[test]
fn anchors_map_figures_to_scores_at_their_bounds() {
    // Item 1 (verified 2008 text): ≤20 → 5, 21–25 → 4, 26–30 → 3, 31–40 → 2, ≥41 → 1.
    assert_eq!(score(1, 20.0), Some(5));
    assert_eq!(score(1, 20.5), Some(4));
    assert_eq!(score(1, 25.0), Some(4));
    assert_eq!(score(1, 30.0), Some(3));
    assert_eq!(score(1, 40.0), Some(2));
    assert_eq!(score(1, 41.0), Some(1));
    // Item 15: ≤30 days → 5, ≤60 → 4, ≤150 → 3, ≤270 → 2, more → 1.
    assert_eq!(score(15, 30.0), Some(5));
    assert_eq!(score(15, 31.0), Some(4));
    assert_eq!(score(15, 271.0), Some(1));
    // Item 17: ≥6 a week → 5, ≥5 → 4, ≥4 → 3, ≥2 → 2, fewer → 1.
    assert_eq!(score(17, 6.0), Some(5));
    assert_eq!(score(17, 5.99), Some(4));
    assert_eq!(score(17, 1.99), Some(1));
    // Item 21: ≥95 % → 5 … ≥64 % → 2, less → 1.
    assert_eq!(score(21, 64.0), Some(2));
    assert_eq!(score(21, 63.9), Some(1));
    // Items 22 and 23 are evidence only: no numeric anchors.
    assert_eq!(score(22, 100.0), None);
    assert_eq!(score(23, 100.0), None);
}

#[test]
fn caseload_counts_the_people_active_at_the_end_of_the_period_per_coach() {
    let log = CaseLog {
        participants: vec![
            participant(1, Some(A), date!(2026 - 01 - 05), None),
            participant(2, Some(A), date!(2025 - 06 - 01), None),
            participant(
                3,
                Some(A),
                date!(2025 - 06 - 01),
                Some(date!(2026 - 03 - 31)),
            ),
            participant(4, Some(B), date!(2026 - 03 - 31), None),
            participant(5, Some(B), date!(2026 - 04 - 01), None),
            participant(6, None, date!(2026 - 01 - 10), None),
        ],
        ..CaseLog::default()
    };
    // Active on 31.3.: 1 and 2 (A), 4 (B). 3 left that day, 5 starts later, 6 has no coach.
    let f = compute(&log, &q1(), Scope::Project);
    assert_eq!(f[&Metric::Caseload].value, Some(1.5));
    assert_eq!(
        (
            f[&Metric::Caseload].numerator,
            f[&Metric::Caseload].denominator
        ),
        (3, 2)
    );
    assert_eq!(f[&Metric::Coaches].value, Some(2.0));
    let a = compute(&log, &q1(), Scope::Coach(user(A)));
    assert_eq!(a[&Metric::Caseload].value, Some(2.0));
    assert_eq!(a[&Metric::Coaches].value, Some(1.0));
    let nobody = compute(&log, &q1(), Scope::Coach(user(COORDINATOR)));
    assert_eq!(nobody[&Metric::Caseload].value, None);
}

#[test]
fn days_to_first_employer_contact_averages_the_people_enrolled_in_the_period() {
    let mut first = placement(1, A, 1, OpeningKind::WorkTrial, PlacementState::Completed);
    first.proposed_on = Some(date!(2026 - 01 - 25));
    let mut later = placement(1, A, 2, OpeningKind::Job, PlacementState::Proposed);
    later.proposed_on = Some(date!(2026 - 03 - 01));
    // Agreed without a proposal: the day it was recorded is the contact.
    let mut direct = placement(2, A, 1, OpeningKind::Job, PlacementState::Agreed);
    direct.created_on = date!(2026 - 03 - 13);
    // Still being prepared: no contact yet.
    let prepared = placement(4, B, 3, OpeningKind::Job, PlacementState::Prepared);
    // Contact after the period: not counted.
    let mut after = placement(5, B, 3, OpeningKind::Job, PlacementState::Proposed);
    after.proposed_on = Some(date!(2026 - 04 - 02));
    let log = CaseLog {
        participants: vec![
            participant(1, Some(A), date!(2026 - 01 - 05), None),
            participant(2, Some(A), date!(2026 - 02 - 01), None),
            participant(3, Some(B), date!(2025 - 10 - 01), None),
            participant(4, Some(B), date!(2026 - 03 - 01), None),
            participant(5, Some(B), date!(2026 - 03 - 02), None),
        ],
        placements: vec![first, later, direct, prepared, after],
        ..CaseLog::default()
    };
    // Enrolled in Q1: 1, 2, 4, 5. With a contact by 31.3.: 1 (5.1. → 25.1. = 20 days) and
    // 2 (1.2. → 13.3. = 40 days): mean 30 days, the anchor's "within 30 days" (5).
    let f = compute(&log, &q1(), Scope::Project);
    let d = &f[&Metric::DaysToFirstEmployerContact];
    assert_eq!(d.value, Some(30.0));
    assert_eq!((d.numerator, d.denominator), (2, 4));
    assert_eq!(score(15, d.value.unwrap()), Some(5));
    let b = compute(&log, &q1(), Scope::Coach(user(B)));
    assert_eq!(b[&Metric::DaysToFirstEmployerContact].value, None);
    assert_eq!(b[&Metric::DaysToFirstEmployerContact].denominator, 2);
}

#[test]
fn employer_contacts_per_week_count_visits_and_events_only() {
    // Two weeks: 5.1.–18.1.2026.
    let two_weeks = ReportFilter::new(date!(2026 - 01 - 05), date!(2026 - 01 - 18)).unwrap();
    let contact = |by: u128, kind: &str, on: Date| LogInteraction {
        by: user(by),
        employer: employer(1),
        kind: kind.into(),
        on,
    };
    let mut interactions = Vec::new();
    for _ in 0..9 {
        interactions.push(contact(A, "visit", date!(2026 - 01 - 07)));
    }
    for _ in 0..4 {
        interactions.push(contact(A, "event", date!(2026 - 01 - 18)));
    }
    interactions.push(contact(A, "call", date!(2026 - 01 - 08)));
    interactions.push(contact(A, "email", date!(2026 - 01 - 08)));
    interactions.push(contact(A, "visit", date!(2026 - 01 - 04)));
    interactions.push(contact(B, "visit", date!(2026 - 01 - 09)));
    interactions.push(contact(COORDINATOR, "visit", date!(2026 - 01 - 09)));
    interactions.push(contact(COORDINATOR, "visit", date!(2026 - 01 - 10)));
    let log = CaseLog {
        participants: vec![
            participant(1, Some(A), date!(2025 - 12 - 01), None),
            participant(2, Some(B), date!(2025 - 12 - 01), None),
        ],
        interactions,
        ..CaseLog::default()
    };
    // A: 9 visits + 4 events in the period = 13 in 2 weeks = 6.5 a week → 5.
    let a = compute(&log, &two_weeks, Scope::Coach(user(A)));
    assert_eq!(a[&Metric::EmployerContactsPerWeek].value, Some(6.5));
    assert_eq!(score(17, 6.5), Some(5));
    // B: 1 in 2 weeks = 0.5 → 1.
    let b = compute(&log, &two_weeks, Scope::Coach(user(B)));
    assert_eq!(b[&Metric::EmployerContactsPerWeek].value, Some(0.5));
    // Project: 13 + 1 + 2 (the coordinator's) = 16 contacts, 2 coaches, 2 weeks = 4 → 3.
    let p = compute(&log, &two_weeks, Scope::Project);
    let e = &p[&Metric::EmployerContactsPerWeek];
    assert_eq!(e.value, Some(4.0));
    assert_eq!((e.numerator, e.denominator), (16, 2));
    assert_eq!(score(17, 4.0), Some(3));
}

#[test]
fn diversity_and_competitive_share_count_placements_started_in_the_period() {
    let mut trial = placement(1, A, 1, OpeningKind::WorkTrial, PlacementState::Completed);
    trial.job_type = "Varastotyöntekijä".into();
    let mut job1 = placement(1, A, 2, OpeningKind::Job, PlacementState::Active);
    job1.job_type = "siivooja ".into();
    let mut job2 = placement(2, A, 1, OpeningKind::Job, PlacementState::Active);
    job2.job_type = "Siivooja".into();
    let mut apprentice = placement(
        3,
        A,
        1,
        OpeningKind::Apprenticeship,
        PlacementState::Interrupted,
    );
    apprentice.job_type = "Kokki".into();
    let gig = placement(4, B, 3, OpeningKind::Gig, PlacementState::Completed);
    let education = placement(
        4,
        B,
        3,
        OpeningKind::EducationTrial,
        PlacementState::Completed,
    );
    let not_started = placement(5, A, 4, OpeningKind::Job, PlacementState::Agreed);
    let mut before = placement(6, A, 5, OpeningKind::Job, PlacementState::Completed);
    before.starts_on = date!(2025 - 12 - 31);
    let log = CaseLog {
        placements: vec![
            trial,
            job1,
            job2,
            apprentice,
            gig,
            education,
            not_started,
            before,
        ],
        ..CaseLog::default()
    };
    let f = compute(&log, &q1(), Scope::Project);
    // Jobs started in Q1: job1, job2, apprentice = 3; types {siivooja, kokki} = 2 → 66.7 % → 3;
    // employers {2, 1} = 2 → 66.7 % → 3.
    let types = &f[&Metric::JobTypeDiversity];
    assert_eq!((types.numerator, types.denominator), (2, 3));
    assert!((types.value.unwrap() - 200.0 / 3.0).abs() < 1e-9);
    assert_eq!(score(19, types.value.unwrap()), Some(3));
    let emps = &f[&Metric::EmployerDiversity];
    assert_eq!((emps.numerator, emps.denominator), (2, 3));
    // At a workplace: trial, 3 jobs, gig = 5 (the education trial is not); 3 competitive = 60 % → 1.
    let comp = &f[&Metric::CompetitiveShare];
    assert_eq!((comp.numerator, comp.denominator), (3, 5));
    assert_eq!(comp.value, Some(60.0));
    assert_eq!(score(21, 60.0), Some(1));
    // Coach A: trial + 3 jobs → 75 % → 3. Coach B: the gig only → 0 %, no jobs for diversity.
    let a = compute(&log, &q1(), Scope::Coach(user(A)));
    assert_eq!(a[&Metric::CompetitiveShare].value, Some(75.0));
    assert_eq!(score(21, 75.0), Some(3));
    let b = compute(&log, &q1(), Scope::Coach(user(B)));
    assert_eq!(b[&Metric::CompetitiveShare].value, Some(0.0));
    assert_eq!(b[&Metric::JobTypeDiversity].value, None);
}

#[test]
fn follow_along_support_is_the_share_of_jobs_with_support_recorded_at_a_done_follow_up() {
    let mut supported = placement(1, A, 1, OpeningKind::Job, PlacementState::Active);
    supported.follow_ups = vec![
        LogFollowUp {
            done_on: Some(date!(2026 - 03 - 01)),
            support_recorded: true,
        },
        LogFollowUp {
            done_on: None,
            support_recorded: false,
        },
    ];
    let mut nothing_recorded = placement(2, A, 2, OpeningKind::Job, PlacementState::Active);
    nothing_recorded.follow_ups = vec![LogFollowUp {
        done_on: Some(date!(2026 - 03 - 01)),
        support_recorded: false,
    }];
    let mut done_later = placement(3, A, 3, OpeningKind::Job, PlacementState::Active);
    done_later.follow_ups = vec![LogFollowUp {
        done_on: Some(date!(2026 - 04 - 02)),
        support_recorded: true,
    }];
    let none_yet = placement(4, A, 4, OpeningKind::Apprenticeship, PlacementState::Active);
    let log = CaseLog {
        placements: vec![supported, nothing_recorded, done_later, none_yet],
        ..CaseLog::default()
    };
    // 4 jobs started in Q1; support recorded by 31.3. for 1 → 25 %.
    let f = compute(&log, &q1(), Scope::Project);
    let s = &f[&Metric::FollowAlongSupportShare];
    assert_eq!((s.numerator, s.denominator), (1, 4));
    assert_eq!(s.value, Some(25.0));
}

#[test]
fn time_unlimited_follow_along_needs_face_to_face_contact_four_months_after_the_start() {
    // End 31.3.2026: jobs that started 1.4.2025–1.12.2025 qualify (120–365 days before).
    let mut kept = placement(1, A, 1, OpeningKind::Job, PlacementState::Completed);
    kept.starts_on = date!(2025 - 10 - 20); // +120 days = 17.2.2026
    kept.follow_ups = vec![LogFollowUp {
        done_on: Some(date!(2026 - 02 - 20)),
        support_recorded: false,
    }];
    let mut by_meeting = placement(2, A, 2, OpeningKind::Job, PlacementState::Active);
    by_meeting.starts_on = date!(2025 - 11 - 01); // +120 days = 1.3.2026
    let mut remote_only = placement(3, B, 3, OpeningKind::Job, PlacementState::Active);
    remote_only.starts_on = date!(2025 - 11 - 01);
    let mut too_early = placement(4, B, 3, OpeningKind::Job, PlacementState::Active);
    too_early.starts_on = date!(2025 - 11 - 01);
    too_early.follow_ups = vec![LogFollowUp {
        done_on: Some(date!(2026 - 02 - 27)), // before 1.3.
        support_recorded: true,
    }];
    let recent = placement(5, B, 3, OpeningKind::Job, PlacementState::Active); // 1.2.2026
    let trial = {
        let mut t = placement(6, B, 3, OpeningKind::WorkTrial, PlacementState::Completed);
        t.starts_on = date!(2025 - 11 - 01);
        t
    };
    let meeting = |n: u128, coach: u128, place: &str| LogMeeting {
        participant: person(n),
        coach: user(coach),
        on: date!(2026 - 03 - 10),
        minutes: 60,
        place: place.into(),
    };
    let log = CaseLog {
        placements: vec![kept, by_meeting, remote_only, too_early, recent, trial],
        meetings: vec![meeting(2, A, "office"), meeting(3, B, "remote")],
        ..CaseLog::default()
    };
    // Qualifying jobs: 1, 2, 3, 4 (5 is too recent, 6 is a trial). Contact after 4 months:
    // 1 (follow-up 20.2.) and 2 (office meeting 10.3.) → 2 of 4 = 50 %.
    let f = compute(&log, &q1(), Scope::Project);
    let t = &f[&Metric::FollowAlongFourMonthsShare];
    assert_eq!((t.numerator, t.denominator), (2, 4));
    assert_eq!(t.value, Some(50.0));
    let b = compute(&log, &q1(), Scope::Coach(user(B)));
    assert_eq!(b[&Metric::FollowAlongFourMonthsShare].value, Some(0.0));
}

#[test]
fn community_share_is_the_meeting_time_outside_the_office() {
    let meeting = |coach: u128, on: Date, minutes: u16, place: &str| LogMeeting {
        participant: person(1),
        coach: user(coach),
        on,
        minutes,
        place: place.into(),
    };
    let log = CaseLog {
        meetings: vec![
            meeting(A, date!(2026 - 01 - 10), 60, "office"),
            meeting(A, date!(2026 - 01 - 11), 90, "outside_office"),
            meeting(A, date!(2026 - 02 - 11), 30, "pop_up"),
            meeting(A, date!(2026 - 03 - 11), 20, "remote"),
            meeting(A, date!(2026 - 04 - 01), 300, "outside_office"),
            meeting(B, date!(2026 - 01 - 10), 100, "office"),
        ],
        ..CaseLog::default()
    };
    // A in Q1: 90 + 30 = 120 of 200 minutes = 60 % → 4 (50–64 %).
    let a = compute(&log, &q1(), Scope::Coach(user(A)));
    let c = &a[&Metric::CommunityShare];
    assert_eq!((c.numerator, c.denominator, c.records), (120, 200, 4));
    assert_eq!(c.value, Some(60.0));
    assert_eq!(score(24, 60.0), Some(4));
    // Project: 120 of 300 = 40 % → 3.
    let p = compute(&log, &q1(), Scope::Project);
    assert_eq!(p[&Metric::CommunityShare].value, Some(40.0));
    assert_eq!(score(24, 40.0), Some(3));
}
