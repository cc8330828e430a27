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

/// Follow-up notes and an agreement's free-text terms are sealed at rest: read back in clear by
/// the coach and in the subject export, never in the database file; texts stored in clear
/// before they were sealed are sealed by `seal_free_texts` (what `polku migrate` runs).
pub(crate) async fn follow_up_notes_and_agreement_terms_are_sealed_at_rest(db: Arc<TestDb>) {
    let svc = &db.service;
    let (world, coach, participant) = World::enrolled(svc).await;
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
    let today = polku_service::today();
    let p = svc
        .propose_placement(
            &coach,
            NewPlacement {
                participant,
                employer: e.id,
                opening: None,
                kind: OpeningKind::WorkTrial,
                pay_subsidy: false,
                tasks: vec![task.id],
                starts_on: today,
                ends_on: Some(today + time::Duration::days(20)),
                hours_per_day: 6,
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
    let terms = format!("{CANARY} ehdot: selkä ei kestä nostoja");
    let a = svc
        .save_agreement(
            &coach,
            p.id,
            polku_service::agreements::AgreementInput {
                objective: "Työkokeilu".into(),
                signatory_name: "Eeva Esimies".into(),
                signatory_title: "Toimitusjohtaja".into(),
                authority_name: "Tarja Virkailija".into(),
                authority_organisation: "Työllisyysalue".into(),
                authority_contact: "040 000 0000".into(),
                mentor_name: None,
                allowance_per_day: 9,
                allowance_payer: AllowancePayer::Kela,
                other_terms: terms.clone(),
                terms: None,
            },
            None,
        )
        .await
        .unwrap();
    for party in AgreementParty::REQUIRED {
        svc.record_paper_acceptance(&coach, p.id, party, "Allekirjoittaja", today, a.version)
            .await
            .unwrap();
    }
    let shown = svc.agreement(&coach, p.id).await.unwrap();
    assert_eq!(shown.agreement.unwrap().other_terms, terms);
    svc.move_placement(&coach, p.id, PlacementState::Active, None, today, 2)
        .await
        .unwrap();
    svc.move_placement(&coach, p.id, PlacementState::Completed, None, today, 3)
        .await
        .unwrap();
    let list = svc
        .participant_follow_ups(&coach, participant, today)
        .await
        .unwrap();
    assert_eq!(list.len(), 1);
    let id = list[0].follow_up.id;
    let support = format!("{CANARY} tuki: mielenterveys");
    svc.record_follow_up(
        &coach,
        id,
        FollowUpRecord {
            still_working: StillWorking::SameEmployer,
            hours_per_week: 20,
            support_given: support.clone(),
            needs_recrafting: false,
            note: format!("{CANARY} muistiinpano"),
        },
        today,
        1,
    )
    .await
    .unwrap();
    let read = svc.follow_up(&coach, id, today).await.unwrap();
    let r = read.follow_up.record.unwrap();
    assert_eq!(r.support_given, support);
    assert_eq!(r.note, format!("{CANARY} muistiinpano"));
    let listed = svc
        .participant_follow_ups(&coach, participant, today)
        .await
        .unwrap();
    assert_eq!(listed[0].follow_up.record.as_ref().unwrap().note, r.note);
    // The data subject's export has them in clear (with the functional note the canary
    // also stands in for: four in all).
    let export = serde_json::to_string(
        &svc.export_subject(&coach, participant, "fi", false)
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(export.matches(CANARY).count(), 4, "{export}");

    // Rows written before the texts were sealed: sealed by `seal_free_texts`, read back the
    // same, the clear columns emptied.
    db.raw(&format!(
        "UPDATE follow_ups SET support_given = 'vanha tuki', note = 'vanha muistiinpano', \
         support_given_sealed = NULL, note_sealed = NULL WHERE id = {}",
        hex_id(db.backend, id.0)
    ))
    .await
    .unwrap();
    db.raw(&format!(
        "UPDATE trial_agreements SET other_terms = 'vanhat ehdot', other_terms_sealed = NULL \
         WHERE placement_id = {}",
        hex_id(db.backend, p.id.0)
    ))
    .await
    .unwrap();
    let old = svc.follow_up(&coach, id, today).await.unwrap();
    assert_eq!(old.follow_up.record.unwrap().note, "vanha muistiinpano");
    assert!(matches!(
        svc.seal_free_texts(&coach).await,
        Err(ServiceError::NotFound)
    ));
    assert_eq!(svc.seal_free_texts(&system()).await.unwrap(), 2);
    assert_eq!(svc.seal_free_texts(&system()).await.unwrap(), 0);
    let sealed = svc.follow_up(&coach, id, today).await.unwrap();
    let r = sealed.follow_up.record.unwrap();
    assert_eq!(
        (r.support_given.as_str(), r.note.as_str()),
        ("vanha tuki", "vanha muistiinpano")
    );
    assert_eq!(sealed.follow_up.version, 2);
    let shown = svc.agreement(&coach, p.id).await.unwrap();
    assert_eq!(shown.agreement.unwrap().other_terms, "vanhat ehdot");
    assert_eq!(
        db.raw(
            "UPDATE follow_ups SET version = version WHERE support_given IS NOT NULL OR note IS NOT NULL"
        )
        .await
        .unwrap(),
        0,
        "a follow-up text is still in clear"
    );
    assert_eq!(
        db.raw("UPDATE trial_agreements SET version = version WHERE other_terms <> ''")
            .await
            .unwrap(),
        0,
        "an agreement's terms are still in clear"
    );
    // The canary never reached the database in clear.
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

/// An id as a literal of the backend's SQL (a BLOB on SQLite, a UUID on PostgreSQL).
fn hex_id(backend: Backend, id: uuid::Uuid) -> String {
    match backend {
        Backend::Sqlite => format!("X'{}'", id.simple()),
        Backend::Postgres => format!("'{id}'"),
    }
}
