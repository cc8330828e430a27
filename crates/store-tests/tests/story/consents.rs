//! Consents and shares: what a share reveals, and withdrawal taking effect at once.

use super::*;

pub(crate) async fn shares_limit_fields_and_expire(db: Arc<TestDb>) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let other_coach = world.user(svc, Role::Coach).await;
    let employer = world.user(svc, Role::Employer).await;
    let id = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    assert!(matches!(
        svc.shared_participant(&employer, id, "matching").await,
        Err(ServiceError::NotFound)
    ));
    let share = Share {
        id: ShareId::new(),
        participant_id: id,
        recipient: employer.user_id().unwrap(),
        categories: vec![DataCategory::Skills, DataCategory::Languages],
        until: time::OffsetDateTime::now_utc().date(),
        revoked_at: None,
        purpose: polku_domain::ConsentPurpose::Placement,
    };
    // Only the own coach shares; nothing is shareable without the participant's consent
    // (special-category data included: there is no override); the recipient must be an
    // outside party of the same project.
    assert!(matches!(
        svc.share_participant(&other_coach, share.clone(), "matching")
            .await,
        Err(ServiceError::NotFound)
    ));
    let functioning = Share {
        categories: vec![DataCategory::Functioning],
        ..share.clone()
    };
    assert_eq!(
        svc.share_participant(&coach, functioning, "matching")
            .await
            .unwrap_err()
            .code(),
        "invalid_value"
    );
    assert_eq!(
        svc.share_participant(&coach, share.clone(), "matching")
            .await
            .unwrap_err()
            .code(),
        "invalid_value",
        "no consent yet"
    );
    give_consent(
        svc,
        &coach,
        id,
        RecipientClass::Employer,
        &[DataCategory::Skills, DataCategory::Languages],
    )
    .await;
    let to_coach = Share {
        recipient: other_coach.user_id().unwrap(),
        ..share.clone()
    };
    assert_eq!(
        svc.share_participant(&coach, to_coach, "matching")
            .await
            .unwrap_err()
            .code(),
        "invalid_value"
    );
    let expired = Share {
        until: time::OffsetDateTime::now_utc()
            .date()
            .previous_day()
            .unwrap(),
        ..share.clone()
    };
    assert_eq!(
        svc.share_participant(&coach, expired, "matching")
            .await
            .unwrap_err()
            .code(),
        "invalid_value"
    );
    svc.share_participant(&coach, share, "matching")
        .await
        .unwrap();

    // The employer gets the shared groups and nothing else: no names, contact, identity code,
    // work preferences, functioning, stage or notes.
    assert!(matches!(
        svc.get_participant(&employer, id, "matching").await,
        Err(ServiceError::NotFound)
    ));
    let view = svc
        .shared_participant(&employer, id, "matching")
        .await
        .unwrap();
    assert_eq!(view.skills.as_ref().map(Vec::len), Some(1));
    assert_eq!(view.languages.as_ref().map(|l| l.len()), Some(1));
    assert!(
        view.given_name.is_none()
            && view.family_name.is_none()
            && view.email.is_none()
            && view.phone.is_none()
    );
    assert!(view.goals.is_none() && view.availability.is_none() && view.mobility.is_none());
    assert!(view.functioning.is_none() && view.accommodations.is_none());
    let json = serde_json::to_string(&view).unwrap();
    assert!(
        !json.contains(CANARY) && !json.contains("Virtanen"),
        "{json}"
    );
    // Each read by the recipient is audited under their own id; the refused full reads are
    // there too, as denied (R35).
    let rows = db.store.audit_page(0, 10_000).await.unwrap();
    let of = |outcome: &str| {
        rows.iter()
            .filter(|r| {
                r.actor == format!("user:{}", employer.user_id().unwrap())
                    && r.action == "read"
                    && r.outcome.as_deref() == Some(outcome)
            })
            .count()
    };
    assert_eq!(of("ok"), 1);
    assert!(of("denied") >= 1);
}

/// R16/R17: a share shows a field group only while the participant's consent to that kind of
/// recipient is in force; withdrawal takes effect on the very next request; the history keeps
/// both events with the wording's hash; the table refuses any other change or deletion.
pub(crate) async fn consent_gates_shares_and_withdrawal_takes_effect_at_once(db: Arc<TestDb>) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let other_coach = world.user(svc, Role::Coach).await;
    let employer = world.user(svc, Role::Employer).await;
    let id = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    // Only the own coach records, lists and withdraws consents.
    let new = polku_service::consents::NewConsent {
        recipient: RecipientClass::Employer,
        purpose: ConsentPurpose::Placement,
        categories: vec![DataCategory::Skills],
        method: ConsentMethod::InMeeting,
        shown: Default::default(),
    };
    assert!(matches!(
        svc.give_consent(&other_coach, id, new.clone(), "service_delivery")
            .await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        svc.consents(&employer, id, "service_delivery").await,
        Err(ServiceError::NotFound)
    ));
    // A wording the participant was not shown (a stale hash) is refused, nothing is written.
    let stale = polku_service::consents::NewConsent {
        shown: [(DataCategory::Skills, "0".repeat(64))]
            .into_iter()
            .collect(),
        ..new.clone()
    };
    assert_eq!(
        svc.give_consent(&coach, id, stale, "service_delivery")
            .await
            .unwrap_err()
            .code(),
        "invalid_value"
    );
    // A consent to several kinds is all or nothing: one stale wording records none of them.
    let contact = polku_service::consents::wording(
        ConsentPurpose::Placement,
        RecipientClass::Employer,
        DataCategory::Contact,
    );
    let mixed = polku_service::consents::NewConsent {
        categories: vec![DataCategory::Contact, DataCategory::Skills],
        shown: [
            (DataCategory::Contact, contact.hash.clone()),
            (DataCategory::Skills, "0".repeat(64)),
        ]
        .into_iter()
        .collect(),
        ..new.clone()
    };
    assert!(svc
        .give_consent(&coach, id, mixed, "service_delivery")
        .await
        .is_err());
    assert!(svc
        .consents(&coach, id, "service_delivery")
        .await
        .unwrap()
        .is_empty());
    let wording = polku_service::consents::wording(
        ConsentPurpose::Placement,
        RecipientClass::Employer,
        DataCategory::Skills,
    );
    let skills = svc
        .give_consent(
            &coach,
            id,
            polku_service::consents::NewConsent {
                shown: [(DataCategory::Skills, wording.hash.clone())]
                    .into_iter()
                    .collect(),
                ..new.clone()
            },
            "service_delivery",
        )
        .await
        .unwrap();
    assert_eq!(skills.len(), 1);
    // Giving the same consent again records nothing new.
    assert!(svc
        .give_consent(&coach, id, new.clone(), "service_delivery")
        .await
        .unwrap()
        .is_empty());
    let functioning = give_consent(
        svc,
        &coach,
        id,
        RecipientClass::Employer,
        &[DataCategory::Functioning],
    )
    .await;
    // A consent to mentors does not reach an employer.
    give_consent(
        svc,
        &coach,
        id,
        RecipientClass::Mentor,
        &[DataCategory::Languages],
    )
    .await;
    svc.share_participant(
        &coach,
        Share {
            id: ShareId::new(),
            participant_id: id,
            recipient: employer.user_id().unwrap(),
            categories: vec![DataCategory::Skills, DataCategory::Functioning],
            until: time::OffsetDateTime::now_utc().date(),
            revoked_at: None,
            purpose: polku_domain::ConsentPurpose::Placement,
        },
        "matching",
    )
    .await
    .unwrap();
    let language_share = Share {
        id: ShareId::new(),
        participant_id: id,
        recipient: employer.user_id().unwrap(),
        categories: vec![DataCategory::Languages],
        until: time::OffsetDateTime::now_utc().date(),
        revoked_at: None,
        purpose: polku_domain::ConsentPurpose::Placement,
    };
    assert_eq!(
        svc.share_participant(&coach, language_share, "matching")
            .await
            .unwrap_err()
            .code(),
        "invalid_value",
        "the languages consent is to mentors, not employers"
    );
    let view = svc
        .shared_participant(&employer, id, "matching")
        .await
        .unwrap();
    assert!(view.skills.is_some() && view.functioning.is_some() && view.languages.is_none());

    // Withdrawal takes effect on the very next request.
    svc.withdraw_consent(&coach, id, functioning[0], "service_delivery")
        .await
        .unwrap();
    let view = svc
        .shared_participant(&employer, id, "matching")
        .await
        .unwrap();
    assert!(view.skills.is_some() && view.functioning.is_none());
    svc.withdraw_consent(&coach, id, skills[0], "service_delivery")
        .await
        .unwrap();
    assert!(matches!(
        svc.shared_participant(&employer, id, "matching").await,
        Err(ServiceError::NotFound)
    ));
    // Withdrawing twice, or someone else's consent, is not found; nothing changes.
    assert!(matches!(
        svc.withdraw_consent(&coach, id, skills[0], "service_delivery")
            .await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        svc.withdraw_consent(&other_coach, id, skills[0], "service_delivery")
            .await,
        Err(ServiceError::NotFound)
    ));

    // The history keeps every consent with the hash of its wording, given and withdrawn.
    let history = svc.consents(&coach, id, "service_delivery").await.unwrap();
    assert_eq!(history.len(), 3);
    let first = history.iter().find(|c| c.id == skills[0]).unwrap();
    assert_eq!(first.text_version_hash, wording.hash);
    assert_eq!(first.method, ConsentMethod::InMeeting);
    assert_eq!(first.given_by, coach.user_id().unwrap());
    assert!(first.withdrawn_at.is_some() && first.withdrawn_by == coach.user_id());
    assert!(history.iter().any(|c| c.withdrawn_at.is_none()));
    // Giving and withdrawing are audited.
    let rows = db.store.audit_page(0, 10_000).await.unwrap();
    assert!(rows.iter().any(|r| r
        .action
        .starts_with("give_consent:placement:employer:skills")));
    assert!(rows
        .iter()
        .any(|r| r.action == format!("withdraw_consent:{}", skills[0])));

    // The table itself is append-only: no deletion, no change but one withdrawal.
    let key = skills[0].0.simple().to_string();
    let row = match db.backend {
        Backend::Sqlite => format!("x'{key}'"),
        Backend::Postgres => format!("'{key}'"),
    };
    assert!(db
        .raw(&format!("DELETE FROM consents WHERE id = {row}"))
        .await
        .is_err());
    assert!(db
        .raw(&format!(
            "UPDATE consents SET withdrawn_at = NULL, withdrawn_by = NULL WHERE id = {row}"
        ))
        .await
        .is_err());
    assert!(db
        .raw(&format!(
            "UPDATE consents SET category = 'contact' WHERE id = {row}"
        ))
        .await
        .is_err());
    let active = history.iter().find(|c| c.withdrawn_at.is_none()).unwrap();
    let active_row = match db.backend {
        Backend::Sqlite => format!("x'{}'", active.id.0.simple()),
        Backend::Postgres => format!("'{}'", active.id.0.simple()),
    };
    assert!(db
        .raw(&format!(
            "UPDATE consents SET purpose = 'transition' WHERE id = {active_row}"
        ))
        .await
        .is_err());
    if db.backend == Backend::Postgres {
        assert!(db.raw("TRUNCATE consents").await.is_err());
    }
    assert_eq!(
        svc.consents(&coach, id, "service_delivery").await.unwrap(),
        history
    );
}

/// D23: one shared participant whose data cannot be opened (here: a damaged wrapped data key)
/// is left out of the recipient's list; everyone else's is still listed.
pub(crate) async fn an_unreadable_participant_does_not_hide_the_others(db: Arc<TestDb>) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let employer = world.user(svc, Role::Employer).await;
    let mut ids = Vec::new();
    for _ in 0..2 {
        let id = svc
            .create_participant(&coach, world.new_participant(), "service_delivery")
            .await
            .unwrap();
        give_consent(
            svc,
            &coach,
            id,
            RecipientClass::Employer,
            &[DataCategory::Skills],
        )
        .await;
        let share = Share {
            id: ShareId::new(),
            participant_id: id,
            recipient: employer.user_id().unwrap(),
            categories: vec![DataCategory::Skills],
            until: time::OffsetDateTime::now_utc().date(),
            revoked_at: None,
            purpose: polku_domain::ConsentPurpose::Placement,
        };
        svc.share_participant(&coach, share, "matching")
            .await
            .unwrap();
        ids.push(id);
    }
    assert_eq!(
        svc.shared_with_me(&employer, "matching")
            .await
            .unwrap()
            .len(),
        2
    );
    // Damage the first participant's wrapped key (one byte shorter: it no longer opens).
    let damaged = db
        .raw(
            "UPDATE participant_keys SET wrapped_key = substr(wrapped_key, 2) \
             WHERE participant_id = (SELECT participant_id FROM participant_keys \
             ORDER BY participant_id LIMIT 1)",
        )
        .await
        .unwrap();
    assert_eq!(damaged, 1);
    let listed = svc.shared_with_me(&employer, "matching").await.unwrap();
    assert_eq!(listed.len(), 1, "the readable participant is still listed");
    assert!(ids.contains(&listed[0].id));
}
