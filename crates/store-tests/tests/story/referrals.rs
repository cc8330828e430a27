//! Referrals on both databases (issue 14): a school's referral needs the student's consent and
//! stores nothing without it; its handed-over data and documents are sealed; only its referrer
//! and the target project see it; a withdrawn consent hides the data on the next read and
//! blocks acceptance; an acceptance creates the participant with the data, the documents and
//! the consent in one step and cannot happen twice; a decline needs a reason and deletes the
//! handed-over data; a coach's referrals in and out move through their states.

use super::*;
use polku_service::referrals::{
    ConsentGiven, Handover, NewParticipantReferral, NewSchoolReferral, ReferralUpdate,
};
use std::collections::BTreeMap;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

pub(crate) fn handover(given: &str) -> Handover {
    Handover {
        given_name: given.into(),
        family_name: "Korhonen".into(),
        email: Some(Email::parse("opiskelija@example.fi").expect("email")),
        phone: Some("+358 40 765 4321".into()),
        home_municipality: MunicipalityCode::parse("398").expect("Lahti"),
        birth_year: Some(2007),
        goals: "Työ varastossa tai kaupassa".into(),
        strengths: "Täsmällinen, pitää rutiineista".into(),
        support_needs: format!("{CANARY} tarvitsee selkeät kirjalliset ohjeet"),
    }
}

pub(crate) fn school_referral(project: ProjectId, given: &str, consent: bool) -> NewSchoolReferral {
    NewSchoolReferral {
        project,
        organisation: "Koulutuskeskus Salpaus".into(),
        reason: "Valmistuu keväällä, tarvitsee tukea työelämään siirtymisessä".into(),
        handover: handover(given),
        consent: consent.then(|| ConsentGiven {
            categories: vec![
                DataCategory::Contact,
                DataCategory::Goals,
                DataCategory::Functioning,
                DataCategory::Documents,
            ],
            method: ConsentMethod::Written,
            shown: BTreeMap::new(),
        }),
    }
}

fn rule_of(e: &ServiceError) -> Option<&'static str> {
    match e {
        ServiceError::Invalid(DomainError::Rule { rule, .. }) => Some(rule),
        _ => None,
    }
}

pub(crate) async fn school_referral_handover_and_referrals_in_and_out(db: Arc<TestDb>) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let project = world.project.id;
    let school = world.user(svc, Role::Institution).await;
    let other_school = world.user(svc, Role::Institution).await;
    let coach = world.user(svc, Role::Coach).await;
    let manager = world.user(svc, Role::Manager).await;
    let elsewhere = World::new(svc).await;
    let foreign_coach = elsewhere.user(svc, Role::Coach).await;

    // No consent: refused, nothing stored.
    let e = svc
        .refer_student(&school, school_referral(project, "Eino", false))
        .await
        .unwrap_err();
    assert_eq!(rule_of(&e), Some("referral_needs_consent"));
    assert!(svc.referral_inbox(&coach).await.unwrap().is_empty());
    // A consent that does not cover the support needs handed over: refused too.
    let mut partial = school_referral(project, "Eino", true);
    partial.consent.as_mut().unwrap().categories = vec![DataCategory::Contact];
    let e = svc.refer_student(&school, partial).await.unwrap_err();
    assert_eq!(rule_of(&e), Some("referral_needs_consent"));
    // A project where the user is no institution: unknown project.
    let e = svc
        .refer_student(&school, school_referral(elsewhere.project.id, "Eino", true))
        .await
        .unwrap_err();
    assert_eq!(rule_of(&e), Some("referral_unknown_project"));
    assert!(svc.referral_inbox(&school).await.unwrap().is_empty());

    // With consent: pending, handed-over data readable by the referrer and the project.
    let sent = svc
        .refer_student(&school, school_referral(project, "Eino", true))
        .await
        .unwrap();
    assert_eq!(sent.status, ReferralStatus::Pending);
    assert_eq!(sent.waiting_days, Some(0));
    assert_eq!(sent.consents.len(), 4);
    assert!(sent
        .consents
        .iter()
        .all(|c| c.given_by == school.user_id().unwrap() && c.text_version_hash.len() == 64));
    let doc = svc
        .attach_referral_document(&school, sent.id, "Jatkosuunnitelma", PNG)
        .await
        .unwrap();
    // A file that is not what it claims is refused, nothing stored.
    let e = svc
        .attach_referral_document(&school, sent.id, "Liite", b"<html>not a pdf</html>")
        .await
        .unwrap_err();
    assert!(rule_of(&e).is_some());
    let inbox = svc.referral_inbox(&coach).await.unwrap();
    assert_eq!(inbox.len(), 1);
    let seen = &inbox[0];
    assert_eq!(seen.handover.as_ref().unwrap().given_name, "Eino");
    assert_eq!(seen.documents.len(), 1);
    assert_eq!(
        svc.referral_document(&coach, sent.id, doc.id)
            .await
            .unwrap()
            .bytes,
        PNG
    );
    assert_eq!(svc.referral_inbox(&manager).await.unwrap().len(), 1);
    // Another school and another project's coach: not found, and nothing in their lists.
    for stranger in [&other_school, &foreign_coach] {
        assert!(matches!(
            svc.referral(stranger, sent.id).await,
            Err(ServiceError::NotFound)
        ));
        assert!(svc.referral_inbox(stranger).await.unwrap().is_empty());
    }

    // A second referral whose consent the student withdraws: hidden at once, not acceptable.
    let second = svc
        .refer_student(&school, school_referral(project, "Venla", true))
        .await
        .unwrap();
    svc.attach_referral_document(&school, second.id, "Todistus", PNG)
        .await
        .unwrap();
    svc.withdraw_referral_consent(&school, second.id)
        .await
        .unwrap();
    let hidden = svc.referral(&coach, second.id).await.unwrap();
    assert!(hidden.handover.is_none() && hidden.handover_hidden);
    assert!(hidden.documents.is_empty());
    assert!(!hidden.consent_active);
    let e = svc
        .accept_referral(&coach, second.id, hidden.version)
        .await
        .unwrap_err();
    assert_eq!(rule_of(&e), Some("referral_consent_withdrawn"));
    // Declining needs a reason; then the handed-over data and documents are gone.
    let e = svc
        .decline_referral(&manager, second.id, hidden.version, "  ")
        .await
        .unwrap_err();
    assert_eq!(rule_of(&e), Some("referral_reason_required"));
    svc.decline_referral(&manager, second.id, hidden.version, "Ei kuulu kohderyhmään")
        .await
        .unwrap();
    let declined = svc.referral(&school, second.id).await.unwrap();
    assert_eq!(declined.status, ReferralStatus::Declined);
    assert_eq!(
        declined.status_reason.as_deref(),
        Some("Ei kuulu kohderyhmään")
    );
    assert_eq!(
        db.count_where("referral_documents", "referral_id", second.id.0)
            .await,
        0
    );
    assert_eq!(
        db.count_where("referral_consents", "referral_id", second.id.0)
            .await,
        0
    );

    // Accepting: a manager may not (the accepting coach becomes the coach); a stale version
    // is a conflict; then the participant exists with the handed-over data.
    assert!(svc.accept_referral(&manager, sent.id, 1).await.is_err());
    assert!(matches!(
        svc.accept_referral(&coach, sent.id, 7).await,
        Err(ServiceError::Conflict { .. })
    ));
    let participant = svc.accept_referral(&coach, sent.id, 1).await.unwrap();
    let view = svc
        .get_participant(&coach, participant, "service_delivery")
        .await
        .unwrap();
    assert_eq!(view.personal.given_name, "Eino");
    assert_eq!(view.personal.esf.birth_year, Some(2007));
    assert!(view
        .sensitive
        .functional_notes
        .contains("kirjalliset ohjeet"));
    let docs = svc
        .documents(&coach, participant, "service_delivery")
        .await
        .unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].title, "Jatkosuunnitelma");
    let file = svc
        .download_document(&coach, participant, docs[0].id, None, "service_delivery")
        .await
        .unwrap();
    assert_eq!(file.bytes, PNG);
    let consents = svc
        .consents(&coach, participant, "service_delivery")
        .await
        .unwrap();
    assert_eq!(consents.len(), 4);
    assert!(consents.iter().all(
        |c| c.purpose == ConsentPurpose::Transition && c.given_by == school.user_id().unwrap()
    ));
    assert_eq!(
        db.count_where("referral_documents", "referral_id", sent.id.0)
            .await,
        0
    );
    // Twice: refused, and no second participant.
    let e = svc.accept_referral(&coach, sent.id, 2).await.unwrap_err();
    assert_eq!(rule_of(&e), Some("referral_not_pending"));
    assert_eq!(
        svc.caseload(&coach, project, "service_delivery")
            .await
            .unwrap()
            .len(),
        1
    );
    // The school sees the outcome, no longer the data.
    let mine = svc.referral_inbox(&school).await.unwrap();
    assert_eq!(mine.len(), 2);
    let accepted = mine.iter().find(|r| r.id == sent.id).unwrap();
    assert_eq!(accepted.status, ReferralStatus::Accepted);
    assert!(accepted.handover.is_none());

    // Referrals in and out recorded by the own coach.
    let today = polku_service::today();
    let out = svc
        .record_referral(
            &coach,
            participant,
            NewParticipantReferral {
                direction: ReferralDirection::Outgoing,
                source: None,
                destination: Some(ReferralDestination::Rehabilitation),
                organisation: "Kelan ammatillinen kuntoutus".into(),
                referred_on: today,
                reason: "Työkyvyn arviointi".into(),
                status: None,
                outcome: String::new(),
                outcome_on: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(out.status, ReferralStatus::Sent);
    let skip = svc
        .update_referral(
            &coach,
            participant,
            out.id,
            1,
            ReferralUpdate {
                status: ReferralStatus::Completed,
                outcome: "Valmis".into(),
                outcome_on: Some(today),
            },
        )
        .await
        .unwrap_err();
    assert_eq!(rule_of(&skip), Some("referral_status_move"));
    let ended = ReferralUpdate {
        status: ReferralStatus::NotStarted,
        outcome: String::new(),
        outcome_on: Some(today),
    };
    let e = svc
        .update_referral(&coach, participant, out.id, 1, ended)
        .await
        .unwrap_err();
    assert_eq!(rule_of(&e), Some("referral_reason_required"));
    let started = svc
        .update_referral(
            &coach,
            participant,
            out.id,
            1,
            ReferralUpdate {
                status: ReferralStatus::Started,
                outcome: String::new(),
                outcome_on: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(started.version, 2);
    assert!(matches!(
        svc.update_referral(
            &coach,
            participant,
            out.id,
            1,
            ReferralUpdate {
                status: ReferralStatus::Completed,
                outcome: "Kuntoutus päättyi suunnitellusti".into(),
                outcome_on: Some(today),
            },
        )
        .await,
        Err(ServiceError::Conflict { .. })
    ));
    svc.record_referral(
        &coach,
        participant,
        NewParticipantReferral {
            direction: ReferralDirection::Incoming,
            source: Some(ReferralSource::Ohjaamo),
            destination: None,
            organisation: "Ohjaamo Lahti".into(),
            referred_on: today,
            reason: "Ohjaamo ohjasi työhönvalmennukseen".into(),
            status: Some(ReferralStatus::Accepted),
            outcome: String::new(),
            outcome_on: None,
        },
    )
    .await
    .unwrap();
    let path = svc
        .participant_referrals(&coach, participant)
        .await
        .unwrap();
    assert_eq!(
        path.len(),
        3,
        "the school's, Ohjaamo's and the outgoing one"
    );
    let school_one = path.iter().find(|r| r.id == sent.id).unwrap();
    assert_eq!(
        school_one.handover.as_ref().unwrap().strengths,
        "Täsmällinen, pitää rutiineista"
    );
    // Another coach: not found.
    let other_coach = world.user(svc, Role::Coach).await;
    assert!(matches!(
        svc.participant_referrals(&other_coach, participant).await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        svc.referral(&other_coach, out.id).await,
        Err(ServiceError::NotFound)
    ));
    // The canary of the support needs never reached the database in clear.
    if db.backend == Backend::Sqlite {
        let bytes = db.sqlite_files();
        assert!(!bytes.windows(CANARY.len()).any(|w| w == CANARY.as_bytes()));
    }

    // A master key rotation re-wraps a pending referral's own key too: its handed-over data and
    // documents stay readable under the new key.
    let pending = svc
        .refer_student(&school, school_referral(project, "Aino", true))
        .await
        .unwrap();
    let attached = svc
        .attach_referral_document(&school, pending.id, "Jatkosuunnitelma", PNG)
        .await
        .unwrap();
    let (new_keys, _) = svc
        .rotate_master_key(&system(), polku_service::crypto::Key::random())
        .await
        .unwrap();
    let reopened = polku_service::Service::open(db.store.clone(), new_keys)
        .await
        .unwrap();
    let view = reopened.referral(&coach, pending.id).await.unwrap();
    assert_eq!(view.handover.as_ref().unwrap().given_name, "Aino");
    assert_eq!(
        reopened
            .referral_document(&coach, pending.id, attached.id)
            .await
            .unwrap()
            .bytes,
        PNG
    );
}
