//! Participants: the encrypted record, caseloads, stages and meetings.

use super::*;

pub(crate) async fn participant_round_trip_is_encrypted_and_audited(db: Arc<TestDb>) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let new = world.new_participant();
    let code = new.personal.hetu.clone().unwrap().as_str().to_owned();
    let id = svc
        .create_participant(&coach, new.clone(), "service_delivery")
        .await
        .unwrap();
    let view = svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .unwrap();
    assert_eq!(view.personal, new.personal);
    assert_eq!(view.sensitive, new.sensitive);
    assert_eq!(view.coach_id, coach.user_id());
    assert_eq!(view.version, 1);

    // Neither the canary nor the identity code is stored in clear.
    let audit = AuditEvent::new(
        &system(),
        "participant",
        Some(id.to_string()),
        "read",
        "maintenance",
    )
    .unwrap();
    let (rec, key) = db.store.get_participant(id, &audit).await.unwrap().unwrap();
    assert!(key.is_some());
    let clear = format!("{}{}{}", rec.personal_json, rec.family_name, rec.given_name);
    assert!(!clear.contains(CANARY) && !clear.contains(&code));
    // ESF+ answers revealing health or ethnic origin are sealed, not in the clear JSON.
    assert!(
        !rec.personal_json.contains("\"disability\":true")
            && !rec.personal_json.contains("\"foreign_background\":true")
    );
    assert_eq!(
        (
            view.personal.esf.disability,
            view.personal.esf.foreign_background
        ),
        (Some(true), Some(true))
    );
    let sealed = [
        rec.sensitive_sealed.clone(),
        rec.hetu_sealed.clone().unwrap(),
    ]
    .concat();
    assert!(!sealed.windows(CANARY.len()).any(|w| w == CANARY.as_bytes()));
    // create + read + the raw read above, each audited with the participant as subject.
    let rows = db.store.audit_page(0, 1000).await.unwrap();
    let about: Vec<&str> = rows
        .iter()
        .filter(|r| r.subject.as_deref() == Some(&id.to_string()))
        .map(|r| r.action.as_str())
        .collect();
    assert_eq!(about, ["create", "read", "read"]);
    if db.backend == Backend::Sqlite {
        let path = db.url.trim_start_matches("sqlite://");
        db.store.close().await;
        for f in [path.to_owned(), format!("{path}-wal")] {
            let bytes = std::fs::read(&f).unwrap_or_default();
            assert!(
                !bytes.windows(CANARY.len()).any(|w| w == CANARY.as_bytes()),
                "canary found in {f}"
            );
            assert!(
                !bytes.windows(11).any(|w| w == code.as_bytes()),
                "identity code found in {f}"
            );
        }
    }
}

pub(crate) async fn caseload_is_limited_to_own_coach(db: Arc<TestDb>) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let other = world.user(svc, Role::Coach).await;
    let manager = world.user(svc, Role::Manager).await;
    let coordinator = world.user(svc, Role::Coordinator).await;
    let mine = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    let theirs = svc
        .create_participant(&other, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    let list: Vec<ParticipantId> = svc
        .caseload(&coach, world.project.id, "service_delivery")
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(list, vec![mine]);
    // Changing the id does not help: "not yours" looks exactly like "does not exist".
    assert!(matches!(
        svc.get_participant(&coach, theirs, "service_delivery")
            .await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        svc.get_participant(&coach, ParticipantId::new(), "service_delivery")
            .await,
        Err(ServiceError::NotFound)
    ));
    for denied in [&manager, &coordinator] {
        assert!(matches!(
            svc.get_participant(denied, mine, "service_delivery").await,
            Err(ServiceError::NotFound)
        ));
        assert!(matches!(
            svc.caseload(denied, world.project.id, "service_delivery")
                .await,
            Err(ServiceError::Forbidden)
        ));
    }
    // A coach of another project cannot enrol into this one.
    let elsewhere = World::new(svc).await;
    let foreign_coach = elsewhere.user(svc, Role::Coach).await;
    assert!(matches!(
        svc.create_participant(&foreign_coach, world.new_participant(), "service_delivery")
            .await,
        Err(ServiceError::Forbidden)
    ));
}

pub(crate) async fn bad_stage_transition_is_rejected(db: Arc<TestDb>) {
    let svc = &db.service;
    let (_, coach, id) = World::enrolled(svc).await;
    let v = svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .unwrap();
    let err = svc
        .update_participant(
            &coach,
            id,
            1,
            ParticipantChanges {
                personal: v.personal.clone(),
                sensitive: v.sensitive.clone(),
                stage: PathStage::Retention,
            },
            "service_delivery",
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid_value");
    let mut bad = v.personal.clone();
    bad.given_name = "  ".into();
    assert!(svc
        .update_participant(
            &coach,
            id,
            1,
            ParticipantChanges {
                personal: bad,
                sensitive: v.sensitive.clone(),
                stage: PathStage::Assessment
            },
            "service_delivery",
        )
        .await
        .is_err());
    assert_eq!(
        svc.get_participant(&coach, id, "service_delivery")
            .await
            .unwrap()
            .version,
        1
    );
    let _ = fixtures::personal();
}

pub(crate) async fn meetings_are_sealed_and_round_trip(db: Arc<TestDb>) {
    use polku_service::meetings::NewMeeting;
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let other = world.user(svc, Role::Coach).await;
    let id = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    let at = time::macros::datetime!(2026-11-27 09:15:30.123456789 +02:00);
    let new = NewMeeting {
        participant_id: id,
        starts_at: at,
        duration_min: 45,
        place: PlaceType::PopUp,
        notes: format!("{CANARY} kävi kirjastossa"),
    };
    assert!(matches!(
        svc.record_meeting(&other, new.clone(), "service_delivery")
            .await,
        Err(ServiceError::NotFound)
    ));
    let bad = NewMeeting {
        duration_min: 2,
        ..new.clone()
    };
    assert_eq!(
        svc.record_meeting(&coach, bad, "service_delivery")
            .await
            .unwrap_err()
            .code(),
        "invalid_value"
    );
    let mid = svc
        .record_meeting(&coach, new, "service_delivery")
        .await
        .unwrap();
    let got = svc.meetings(&coach, id, "service_delivery").await.unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].id, mid);
    assert_eq!(got[0].place, PlaceType::PopUp);
    assert!(got[0].notes.starts_with(CANARY));
    // The same instant, to the microsecond, on both databases.
    assert_eq!(
        got[0].starts_at,
        time::macros::datetime!(2026-11-27 07:15:30.123456 UTC)
    );
    assert!(matches!(
        svc.meetings(&other, id, "service_delivery").await,
        Err(ServiceError::NotFound)
    ));
    let audit = AuditEvent::new(
        &system(),
        "participant",
        Some(id.to_string()),
        "read",
        "maintenance",
    )
    .unwrap();
    let raw = db.store.list_meetings(id, &audit).await.unwrap();
    assert!(!raw[0]
        .notes_sealed
        .windows(CANARY.len())
        .any(|w| w == CANARY.as_bytes()));
    // After erasure the notes are gone with the key.
    svc.erase_participant_data(&coach, id).await.unwrap();
    assert!(matches!(
        svc.meetings(&coach, id, "service_delivery").await,
        Err(ServiceError::Crypto(_))
    ));
}
