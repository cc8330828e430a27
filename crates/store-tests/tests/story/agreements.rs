//! Trial agreements: only for an agreed trial, versioned, accepted by each party in the service
//! or on paper; a change voids earlier acceptances, and the trial starts only once the current
//! version is accepted by the participant, the organiser and the employment authority.

use super::*;
use polku_service::agreements::{AgreementInput, TermsChange};
use polku_service::placements::NewPlacement;
use time::macros::date;

fn rule_of(e: ServiceError) -> (&'static str, &'static str) {
    match e {
        ServiceError::Invalid(DomainError::Rule { field, rule }) => (field, rule),
        other => panic!("expected a broken rule, got {other:?}"),
    }
}

fn input(terms: Option<TermsChange>) -> AgreementInput {
    AgreementInput {
        objective: "Selvittää, sopiiko siivoustyö osallistujalle".into(),
        signatory_name: "Eeva Esimies".into(),
        signatory_title: "Toimitusjohtaja".into(),
        authority_name: "Tarja Virkailija".into(),
        authority_organisation: "Tampereen seudun työllisyysalue".into(),
        authority_contact: "tarja.virkailija@example.fi".into(),
        mentor_name: Some("Olli Ohjaaja".into()),
        allowance_per_day: 9,
        allowance_payer: AllowancePayer::Kela,
        other_terms: String::new(),
        terms,
    }
}

pub(crate) async fn agreement_acceptances_are_voided_by_a_change(db: Arc<TestDb>) {
    let svc = &db.service;
    let (world, coach, participant) = World::enrolled(svc).await;
    let coordinator = world.user(svc, Role::Coordinator).await;
    let employer_user = world.user(svc, Role::Employer).await;
    let stranger = world.user(svc, Role::Employer).await;
    let e = world.employer();
    svc.create_employer(&coordinator, e.clone()).await.unwrap();
    let task = world.task(e.id, "Toimistosiivous");
    svc.add_task(&coordinator, task.clone()).await.unwrap();
    svc.link_employer_user(&coordinator, employer_user.user_id().unwrap(), e.id)
        .await
        .unwrap();
    give_consent(
        svc,
        &coach,
        participant,
        RecipientClass::Employer,
        &[DataCategory::Contact, DataCategory::Skills],
    )
    .await;
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
                starts_on: date!(2027 - 02 - 01),
                ends_on: Some(date!(2027 - 03 - 31)),
                hours_per_day: 6,
                days_per_week: 5,
                mentor: None,
                categories: None,
                gig: None,
            },
        )
        .await
        .unwrap();
    // Not before the employer has agreed.
    assert_eq!(
        rule_of(
            svc.save_agreement(&coach, p.id, input(None), None)
                .await
                .unwrap_err()
        ),
        ("state", "agreement_needs_agreed_placement")
    );
    svc.answer_proposal(&employer_user, p.id, EmployerAnswer::Yes, None, 1)
        .await
        .unwrap();
    let start = |v: i64| {
        svc.move_placement(
            &coach,
            p.id,
            PlacementState::Active,
            None,
            date!(2027 - 02 - 01),
            v,
        )
    };
    assert_eq!(
        rule_of(start(2).await.unwrap_err()),
        ("agreement", "agreement_missing")
    );
    // Only the coach writes it; a blank signatory is refused on its field.
    assert!(matches!(
        svc.save_agreement(&employer_user, p.id, input(None), None)
            .await,
        Err(ServiceError::NotFound)
    ));
    let mut blank = input(None);
    blank.signatory_name = " ".into();
    assert_eq!(
        rule_of(
            svc.save_agreement(&coach, p.id, blank, None)
                .await
                .unwrap_err()
        ),
        ("signatory_name", "agreement_field_required")
    );
    let a = svc
        .save_agreement(&coach, p.id, input(None), None)
        .await
        .unwrap();
    assert_eq!(a.version, 1);
    assert!(matches!(
        svc.save_agreement(&coach, p.id, input(None), None).await,
        Err(ServiceError::Conflict { current: 1 })
    ));
    // Strangers and coordinators do not see it.
    for who in [&stranger, &coordinator] {
        assert!(matches!(
            svc.agreement(who, p.id).await,
            Err(ServiceError::NotFound)
        ));
    }
    // The organiser accepts in the service (once), the others on paper.
    let seen = svc.agreement(&employer_user, p.id).await.unwrap();
    assert_eq!(seen.may_accept_as, Some(AgreementParty::Organiser));
    assert!(svc.accept_agreement(&employer_user, p.id, 1).await.unwrap());
    assert!(!svc.accept_agreement(&employer_user, p.id, 1).await.unwrap());
    assert!(matches!(
        svc.accept_agreement(&coach, p.id, 1).await,
        Err(ServiceError::NotFound)
    ));
    svc.record_paper_acceptance(
        &coach,
        p.id,
        AgreementParty::Participant,
        "Maija Osallistuja",
        polku_service::today(),
        1,
    )
    .await
    .unwrap();
    assert_eq!(
        rule_of(start(2).await.unwrap_err()),
        ("agreement", "agreement_not_accepted")
    );
    svc.record_paper_acceptance(
        &coach,
        p.id,
        AgreementParty::Authority,
        "Tarja Virkailija",
        polku_service::today(),
        1,
    )
    .await
    .unwrap();
    let view = svc.agreement(&coach, p.id).await.unwrap();
    assert!(view.missing.is_empty());
    assert_eq!(view.acceptances.len(), 3);

    // A change of the terms breaking the law is refused on its field and changes nothing.
    let terms = |hours: u8| TermsChange {
        tasks: vec![task.id],
        starts_on: date!(2027 - 02 - 01),
        ends_on: Some(date!(2027 - 03 - 31)),
        hours_per_day: hours,
        days_per_week: 4,
    };
    assert_eq!(
        rule_of(
            svc.save_agreement(&coach, p.id, input(Some(terms(9))), Some(1))
                .await
                .unwrap_err()
        ),
        ("hours_per_day", "work_trial_hours_per_day")
    );
    assert!(svc
        .agreement(&coach, p.id)
        .await
        .unwrap()
        .missing
        .is_empty());
    // A lawful change makes version 2: the acceptances of version 1 no longer count.
    let a2 = svc
        .save_agreement(&coach, p.id, input(Some(terms(5))), Some(1))
        .await
        .unwrap();
    assert_eq!(a2.version, 2);
    let view = svc.agreement(&coach, p.id).await.unwrap();
    assert_eq!(view.placement.placement.hours_per_day, 5);
    assert_eq!(view.placement.placement.days_per_week, 4);
    assert_eq!(view.missing, AgreementParty::REQUIRED.to_vec());
    assert_eq!(view.acceptances.len(), 3);
    assert!(view.acceptances.iter().all(|a| !a.current));
    assert_eq!(
        rule_of(start(3).await.unwrap_err()),
        ("agreement", "agreement_not_accepted")
    );
    // Accepting the old version is a conflict.
    assert!(matches!(
        svc.accept_agreement(&employer_user, p.id, 1).await,
        Err(ServiceError::Conflict { current: 2 })
    ));
    svc.accept_agreement(&employer_user, p.id, 2).await.unwrap();
    for (party, name) in [
        (AgreementParty::Participant, "Maija Osallistuja"),
        (AgreementParty::Authority, "Tarja Virkailija"),
    ] {
        svc.record_paper_acceptance(&coach, p.id, party, name, polku_service::today(), 2)
            .await
            .unwrap();
    }
    let started = start(3).await.unwrap();
    assert_eq!(started.state, PlacementState::Active);
    // Once started, the agreement is no longer written or accepted.
    assert_eq!(
        rule_of(
            svc.save_agreement(&coach, p.id, input(None), Some(2))
                .await
                .unwrap_err()
        ),
        ("state", "agreement_needs_agreed_placement")
    );
}

/// Writes the trial agreement of an agreed trial and records every required party's paper
/// acceptance, so that the coach may start it.
pub(crate) async fn agree_on_paper(svc: &Service, coach: &Actor, id: PlacementId) {
    let a = svc
        .save_agreement(coach, id, input(None), None)
        .await
        .unwrap();
    for party in AgreementParty::REQUIRED {
        svc.record_paper_acceptance(
            coach,
            id,
            party,
            "Allekirjoittaja",
            polku_service::today(),
            a.version,
        )
        .await
        .unwrap();
    }
}
