//! The store story: every test runs on a fresh SQLite database and, when
//! `POLKU_TEST_POSTGRES_URL` is set, on a fresh PostgreSQL database.
#![allow(clippy::unwrap_used)]

use polku_domain::*;
use polku_service::audit::AuditEvent;
use polku_service::crypto::Keys;
use polku_service::participants::ParticipantChanges;
use polku_service::store::EscoConcept;
use polku_service::{Actor, Service, ServiceError};
use polku_store_tests::fixtures::{self, system, World, CANARY};
use polku_store_tests::{open_store, Backend, TestDb};
use std::sync::Arc;

macro_rules! stories {
    ($($name:ident),+ $(,)?) => {
        mod sqlite { $( #[test] fn $name() { polku_store_tests::run(polku_store_tests::Backend::Sqlite, super::$name) } )+ }
        mod postgres { $( #[test] fn $name() { polku_store_tests::run(polku_store_tests::Backend::Postgres, super::$name) } )+ }
    };
}

stories!(
    durability_settings_are_verified,
    participant_round_trip_is_encrypted_and_audited,
    caseload_is_limited_to_own_coach,
    shares_limit_fields_and_expire,
    consent_gates_shares_and_withdrawal_takes_effect_at_once,
    stale_update_is_a_conflict,
    concurrent_read_modify_write_loses_nothing,
    erased_key_makes_data_unreadable,
    wrong_master_key_is_refused,
    audit_chain_verifies_and_detects_tampering,
    audit_log_rejects_update_and_delete,
    duplicate_user_is_rejected_without_partial_write,
    employers_tasks_and_openings,
    esco_upsert_is_idempotent,
    bad_stage_transition_is_rejected,
    meetings_are_sealed_and_round_trip,
    master_key_rotation_rewraps_every_key,
    many_concurrent_writers_never_fail,
    a_failing_audit_append_fails_closed,
    activation_sign_in_and_sessions,
    subject_export_is_complete_and_names_no_one_else,
    audit_queries_answer_who_accessed_whom,
    erasure_removes_every_row_unless_held,
    every_column_is_classified,
);

#[test]
fn both_backends_ship_the_same_migration_versions() {
    let sqlite = polku_store_sqlite::migration_versions();
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, polku_store_postgres::migration_versions());
}

async fn durability_settings_are_verified(db: Arc<TestDb>) {
    let settings = db.store.durability_settings().await.unwrap();
    let get = |k: &str| {
        settings
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    match db.backend {
        Backend::Sqlite => {
            assert_eq!(get("journal_mode"), "wal");
            assert_eq!(get("synchronous"), "2");
            assert_eq!(get("foreign_keys"), "1");
            assert!(get("busy_timeout").parse::<i64>().unwrap() >= 5000);
            assert_eq!(get("secure_delete"), "1");
        }
        Backend::Postgres => {
            assert_eq!(get("fsync"), "on");
            assert_eq!(get("full_page_writes"), "on");
            assert_ne!(get("synchronous_commit"), "off");
        }
    }
    assert_eq!(
        db.store.applied_migrations().await.unwrap(),
        polku_store_sqlite::migration_versions()
    );
}

async fn participant_round_trip_is_encrypted_and_audited(db: Arc<TestDb>) {
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

async fn caseload_is_limited_to_own_coach(db: Arc<TestDb>) {
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

async fn shares_limit_fields_and_expire(db: Arc<TestDb>) {
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
    // Each read by the recipient is audited under their own id.
    let rows = db.store.audit_page(0, 10_000).await.unwrap();
    let reads = rows
        .iter()
        .filter(|r| {
            r.actor == format!("user:{}", employer.user_id().unwrap()) && r.action == "read"
        })
        .count();
    assert_eq!(reads, 1);
}

async fn give_consent(
    svc: &Service,
    coach: &Actor,
    id: ParticipantId,
    recipient: RecipientClass,
    categories: &[DataCategory],
) -> Vec<ConsentId> {
    svc.give_consent(
        coach,
        id,
        polku_service::consents::NewConsent {
            recipient,
            purpose: ConsentPurpose::Placement,
            categories: categories.to_vec(),
            method: ConsentMethod::Written,
            shown: Default::default(),
        },
        "service_delivery",
    )
    .await
    .unwrap()
}

/// The participant consents to sharing skills with employers, and the coach shares them with
/// `employer` for 30 days.
async fn consent_and_share_skills(
    svc: &Service,
    coach: &Actor,
    employer: &Actor,
    id: ParticipantId,
) {
    give_consent(
        svc,
        coach,
        id,
        RecipientClass::Employer,
        &[DataCategory::Skills],
    )
    .await;
    svc.share_participant(
        coach,
        Share {
            id: ShareId::new(),
            participant_id: id,
            recipient: employer.user_id().unwrap(),
            categories: vec![DataCategory::Skills],
            until: time::OffsetDateTime::now_utc().date() + time::Duration::days(30),
            revoked_at: None,
        },
        "service_delivery",
    )
    .await
    .unwrap();
}

/// R16/R17: a share shows a field group only while the participant's consent to that kind of
/// recipient is in force; withdrawal takes effect on the very next request; the history keeps
/// both events with the wording's hash; the table refuses any other change or deletion.
async fn consent_gates_shares_and_withdrawal_takes_effect_at_once(db: Arc<TestDb>) {
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

async fn stale_update_is_a_conflict(db: Arc<TestDb>) {
    let svc = &db.service;
    let (_, coach, id) = World::enrolled(svc).await;
    let v = svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .unwrap();
    let mut a = v.personal.clone();
    a.given_name = "Anna".into();
    let mut b = v.personal.clone();
    b.given_name = "Bertta".into();
    let sens = v.sensitive.clone();
    assert_eq!(
        svc.update_participant(
            &coach,
            id,
            1,
            ParticipantChanges {
                personal: a,
                sensitive: sens.clone(),
                stage: PathStage::Enrolled
            },
            "service_delivery",
        )
        .await
        .unwrap(),
        2
    );
    let err = svc
        .update_participant(
            &coach,
            id,
            1,
            ParticipantChanges {
                personal: b,
                sensitive: sens,
                stage: PathStage::Enrolled,
            },
            "service_delivery",
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, ServiceError::Conflict { current: 2 }),
        "{err:?}"
    );
    let now = svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .unwrap();
    assert_eq!(now.personal.given_name, "Anna");
    assert_eq!(now.version, 2);
    store_refuses_a_stale_version(&db, id).await;
}

async fn store_refuses_a_stale_version(db: &TestDb, id: ParticipantId) {
    // The store checks the version itself, not only the service.
    let audit = AuditEvent::new(
        &system(),
        "participant",
        Some(id.to_string()),
        "read",
        "maintenance",
    )
    .unwrap();
    let (mut rec, _) = db.store.get_participant(id, &audit).await.unwrap().unwrap();
    assert_eq!(rec.version, 2);
    rec.version = 2;
    let err = db
        .store
        .update_participant(&rec, 1, &audit)
        .await
        .unwrap_err();
    assert!(
        matches!(err, ServiceError::Conflict { current: 2 }),
        "{err:?}"
    );
}

async fn concurrent_read_modify_write_loses_nothing(db: Arc<TestDb>) {
    let svc = db.service.clone();
    let world = World::new(&svc).await;
    let coach = world.user(&svc, Role::Coach).await;
    let id = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    let mut handles = Vec::new();
    for t in 0..4 {
        let (svc, coach) = (svc.clone(), coach.clone());
        handles.push(tokio::spawn(async move {
            let mut acked = Vec::new();
            for i in 0..8 {
                let item = format!("t{t}-{i}");
                loop {
                    let v = svc
                        .get_participant(&coach, id, "service_delivery")
                        .await
                        .unwrap();
                    let mut s = v.sensitive;
                    s.accommodations.push(item.clone());
                    match svc
                        .update_participant(
                            &coach,
                            id,
                            v.version,
                            ParticipantChanges {
                                personal: v.personal,
                                sensitive: s,
                                stage: v.stage,
                            },
                            "service_delivery",
                        )
                        .await
                    {
                        Ok(_) => break,
                        Err(ServiceError::Conflict { .. }) => continue,
                        Err(e) => panic!("{e}"),
                    }
                }
                acked.push(item);
            }
            acked
        }));
    }
    let mut acked = Vec::new();
    for h in handles {
        acked.extend(h.await.unwrap());
    }
    let v = svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .unwrap();
    let stored = v.sensitive.accommodations;
    for item in &acked {
        assert!(stored.contains(item), "acknowledged {item} was lost");
    }
    assert_eq!(v.version, 1 + acked.len() as i64);
}

async fn erased_key_makes_data_unreadable(db: Arc<TestDb>) {
    let svc = &db.service;
    let (_, coach, id) = World::enrolled(svc).await;
    assert!(svc.erase_participant_data(&coach, id).await.unwrap());
    assert!(matches!(
        svc.get_participant(&coach, id, "service_delivery").await,
        Err(ServiceError::Crypto(_))
    ));
    assert!(!svc.erase_participant_data(&coach, id).await.unwrap());
}

async fn wrong_master_key_is_refused(db: Arc<TestDb>) {
    let mut other = Keys::random();
    other.audit = db.keys.audit.clone();
    let store = open_store(db.backend, &db.url, &other).await;
    let err = Service::open(store.clone(), other).await.unwrap_err();
    assert!(matches!(err, ServiceError::Config(_)), "{err:?}");
    store.close().await;
    let store = open_store(db.backend, &db.url, &db.keys).await;
    assert!(Service::open(store.clone(), db.keys.clone()).await.is_ok());
    store.close().await;
}

async fn populate(svc: &Service) -> (World, Actor, ParticipantId) {
    let (world, coach, id) = World::enrolled(svc).await;
    for _ in 0..3 {
        svc.get_participant(&coach, id, "service_delivery")
            .await
            .unwrap();
    }
    (world, coach, id)
}

async fn audit_chain_verifies_and_detects_tampering(db: Arc<TestDb>) {
    let svc = &db.service;
    populate(svc).await;
    let n = svc.verify_audit(None).await.unwrap().unwrap();
    assert!(n >= 6, "{n}");
    let head = db.store.audit_head().await.unwrap().unwrap();
    assert_eq!(head.0, n);
    let disable = match db.backend {
        Backend::Sqlite => {
            "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; DROP TRIGGER audit_head_forward_only;"
        }
        Backend::Postgres => "ALTER TABLE audit_events DISABLE TRIGGER USER; ALTER TABLE audit_head DISABLE TRIGGER USER;",
    };
    db.raw(disable).await.unwrap();
    // Entry 3 is the user created by `populate` (purpose "administration").
    db.raw("UPDATE audit_events SET purpose = 'matching' WHERE seq = 3")
        .await
        .unwrap();
    assert_eq!(svc.verify_audit(None).await.unwrap().unwrap_err().seq, 3);
    db.raw("UPDATE audit_events SET purpose = 'administration' WHERE seq = 3")
        .await
        .unwrap();
    assert_eq!(svc.verify_audit(None).await.unwrap(), Ok(n));
    // Reorder: entries 5 and 6 (two reads) change places.
    let swap = "UPDATE audit_events SET seq = -6 WHERE seq = 6; UPDATE audit_events SET seq = 6 WHERE seq = 5; \
                UPDATE audit_events SET seq = 5 WHERE seq = -6;";
    db.raw(swap).await.unwrap();
    assert_eq!(svc.verify_audit(None).await.unwrap().unwrap_err().seq, 5);
    db.raw(swap).await.unwrap();
    assert_eq!(svc.verify_audit(None).await.unwrap(), Ok(n));
    // Delete a middle entry.
    db.raw("DELETE FROM audit_events WHERE seq = 4")
        .await
        .unwrap();
    assert_eq!(svc.verify_audit(None).await.unwrap().unwrap_err().seq, 4);
}

async fn audit_log_rejects_update_and_delete(db: Arc<TestDb>) {
    let svc = &db.service;
    populate(svc).await;
    assert!(db
        .raw("UPDATE audit_events SET actor = 'x' WHERE seq = 1")
        .await
        .is_err());
    assert!(db
        .raw("DELETE FROM audit_events WHERE seq = 1")
        .await
        .is_err());
    // Rewriting an old entry by inserting over it, inserting out of order, or moving the head.
    let replace = match db.backend {
        Backend::Sqlite => "INSERT OR REPLACE INTO audit_events SELECT seq, at, 'user:forged', actor_role, subject_kind, subject, action, purpose, prev_hash, entry_hash FROM audit_events WHERE seq = 2",
        Backend::Postgres => "INSERT INTO audit_events SELECT seq + 100, at, 'user:forged', actor_role, subject_kind, subject, action, purpose, prev_hash, entry_hash FROM audit_events WHERE seq = 2",
    };
    assert!(db.raw(replace).await.is_err());
    assert!(db.raw("UPDATE audit_head SET seq = seq - 1").await.is_err());
    assert!(db.raw("DELETE FROM audit_head").await.is_err());
    assert!(svc.verify_audit(None).await.unwrap().is_ok());
    // Truncating the tail behind the head is detected.
    let disable = match db.backend {
        Backend::Sqlite => "DROP TRIGGER audit_events_no_delete; DROP TRIGGER audit_head_forward_only;",
        Backend::Postgres => "ALTER TABLE audit_events DISABLE TRIGGER USER; ALTER TABLE audit_head DISABLE TRIGGER USER;",
    };
    db.raw(disable).await.unwrap();
    let head = db.store.audit_head().await.unwrap().unwrap();
    db.raw(&format!("DELETE FROM audit_events WHERE seq = {}", head.0))
        .await
        .unwrap();
    let err = svc.verify_audit(None).await.unwrap().unwrap_err();
    assert_eq!(err.seq, head.0, "{err}");
    // And if the head is forged too, the external checkpoint still catches it.
    db.raw(&format!("UPDATE audit_head SET seq = {}, hash = (SELECT entry_hash FROM audit_events WHERE seq = {})", head.0 - 1, head.0 - 1)).await.unwrap();
    assert!(svc.verify_audit(None).await.unwrap().is_ok());
    assert!(svc.verify_audit(Some(head)).await.unwrap().is_err());
}

async fn duplicate_user_is_rejected_without_partial_write(db: Arc<TestDb>) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let email = Email::parse("sama@example.fi").unwrap();
    svc.add_user(
        &system(),
        email.clone(),
        "Eka",
        Role::Coach,
        Some(&world.project.code),
    )
    .await
    .unwrap();
    let before = db.store.audit_head().await.unwrap();
    let err = svc
        .add_user(
            &system(),
            email,
            "Toka",
            Role::Coach,
            Some(&world.project.code),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, ServiceError::Duplicate(_)), "{err:?}");
    assert_eq!(db.store.audit_head().await.unwrap(), before);
    assert_eq!(db.store.list_users().await.unwrap().len(), 1);
    let err = svc
        .add_user(
            &system(),
            Email::parse("x@example.fi").unwrap(),
            "X",
            Role::Coach,
            Some("NO-SUCH"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, ServiceError::NotFound));
    let err = svc
        .add_user(
            &system(),
            Email::parse("y@example.fi").unwrap(),
            "Y",
            Role::Coach,
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid_value");
    // A non-admin may not create users.
    let coach = world.user(svc, Role::Coach).await;
    assert!(matches!(
        svc.add_user(
            &coach,
            Email::parse("z@example.fi").unwrap(),
            "Z",
            Role::Admin,
            None
        )
        .await,
        Err(ServiceError::Forbidden)
    ));
}

async fn employers_tasks_and_openings(db: Arc<TestDb>) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let coordinator = world.user(svc, Role::Coordinator).await;
    let coach = world.user(svc, Role::Coach).await;
    let e = world.employer();
    assert!(matches!(
        svc.create_employer(&coach, e.clone()).await,
        Err(ServiceError::Forbidden)
    ));
    svc.create_employer(&coordinator, e.clone()).await.unwrap();
    let t1 = world.task(e.id, "Toimistosiivous");
    let t2 = world.task(e.id, "Ikkunanpesu");
    svc.add_task(&coordinator, t1.clone()).await.unwrap();
    svc.add_task(&coordinator, t2.clone()).await.unwrap();
    let tasks = svc.tasks(&coach, e.id).await.unwrap();
    assert_eq!(tasks.len(), 2);
    assert!(tasks.contains(&t1));
    let opening = Opening {
        id: OpeningId::new(),
        employer_id: e.id,
        kind: OpeningKind::WorkTrial,
        title: "Siivouksen työkokeilu".into(),
        tasks: vec![t1.id, t2.id],
        municipality: MunicipalityCode::parse("398").unwrap(),
        capacity: 2,
        monthly_wage_eur: None,
        starts_on: None,
        ends_on: None,
        version: 1,
    };
    svc.add_opening(&coordinator, opening.clone())
        .await
        .unwrap();
    let foreign = Opening {
        id: OpeningId::new(),
        tasks: vec![TaskId::new()],
        ..opening.clone()
    };
    assert_eq!(
        svc.add_opening(&coordinator, foreign)
            .await
            .unwrap_err()
            .code(),
        "invalid_value"
    );
    assert_eq!(svc.openings(&coach, e.id).await.unwrap(), vec![opening]);
    // Optimistic concurrency on employers too.
    let renamed = Employer {
        name: "Lahden Puhdas Oy".into(),
        ..e.clone()
    };
    assert_eq!(
        svc.update_employer(&coordinator, renamed.clone(), 1)
            .await
            .unwrap(),
        2
    );
    assert!(matches!(
        svc.update_employer(&coordinator, renamed, 1).await,
        Err(ServiceError::Conflict { current: 2 })
    ));
    assert_eq!(
        svc.employers(&coach, world.project.id).await.unwrap()[0].name,
        "Lahden Puhdas Oy"
    );
    let bad = Employer {
        id: EmployerId::new(),
        industry_tol: "cleaning".into(),
        ..e
    };
    assert_eq!(
        svc.create_employer(&coordinator, bad)
            .await
            .unwrap_err()
            .code(),
        "invalid_value"
    );
}

async fn esco_upsert_is_idempotent(db: Arc<TestDb>) {
    let svc = &db.service;
    let c = |uri: &str, en: &str| EscoConcept {
        uri: uri.into(),
        kind: "skill".into(),
        label_fi: None,
        label_sv: None,
        label_en: Some(en.into()),
        alt_labels: String::new(),
    };
    let batch = vec![
        c("http://data.europa.eu/esco/skill/a", "clean"),
        c("http://data.europa.eu/esco/skill/b", "cook"),
    ];
    let first = svc.import_esco(&system(), &batch, |_| {}).await.unwrap();
    assert_eq!((first.inserted, first.updated, first.unchanged), (2, 0, 0));
    let again = svc.import_esco(&system(), &batch, |_| {}).await.unwrap();
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 2));
    let fi = vec![EscoConcept {
        label_fi: Some("siivota".into()),
        label_en: None,
        ..c("http://data.europa.eu/esco/skill/a", "")
    }];
    let merged = svc.import_esco(&system(), &fi, |_| {}).await.unwrap();
    assert_eq!(merged.updated, 1);
    let got = db
        .store
        .get_esco("http://data.europa.eu/esco/skill/a")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (got.label_fi.as_deref(), got.label_en.as_deref()),
        (Some("siivota"), Some("clean"))
    );
    assert_eq!(db.store.count_esco("skill").await.unwrap(), 2);
}

async fn bad_stage_transition_is_rejected(db: Arc<TestDb>) {
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

async fn meetings_are_sealed_and_round_trip(db: Arc<TestDb>) {
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

async fn master_key_rotation_rewraps_every_key(db: Arc<TestDb>) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        ids.push(
            svc.create_participant(&coach, world.new_participant(), "service_delivery")
                .await
                .unwrap(),
        );
    }
    assert!(matches!(
        svc.rotate_master_key(&coach, polku_service::crypto::Key::random())
            .await,
        Err(ServiceError::Forbidden)
    ));
    let (new_keys, n) = svc
        .rotate_master_key(&system(), polku_service::crypto::Key::random())
        .await
        .unwrap();
    assert_eq!(n, 3);
    // A service on the new keys reads everything; the old keys are refused.
    let reopened = Service::open(db.store.clone(), new_keys).await.unwrap();
    for id in &ids {
        reopened
            .get_participant(&coach, *id, "service_delivery")
            .await
            .unwrap();
    }
    assert!(reopened.verify_audit(None).await.unwrap().is_ok());
    assert!(matches!(
        Service::open(db.store.clone(), db.keys.clone()).await,
        Err(ServiceError::Config(_))
    ));
}

/// R47: eight writers at once, each write a transaction with its audit append; none may fail
/// with "database is locked" and the chain must stay linear.
async fn many_concurrent_writers_never_fail(db: Arc<TestDb>) {
    let svc = db.service.clone();
    let world = World::new(&svc).await;
    let coach = world.user(&svc, Role::Coach).await;
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (svc, coach, world) = (svc.clone(), coach.clone(), world.clone());
        tasks.push(tokio::spawn(async move {
            for _ in 0..25 {
                let id = svc
                    .create_participant(&coach, world.new_participant(), "service_delivery")
                    .await
                    .unwrap();
                svc.get_participant(&coach, id, "service_delivery")
                    .await
                    .unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(db.store.count_participants().await.unwrap(), 200);
    let n = svc.verify_audit(None).await.unwrap().unwrap();
    assert!(n >= 400, "{n}");
}

/// R35: when the audit entry cannot be written, no data is returned and no change is kept.
async fn a_failing_audit_append_fails_closed(db: Arc<TestDb>) {
    let svc = &db.service;
    let (world, coach, id) = World::enrolled(svc).await;
    let before = svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .unwrap();
    let head = db.store.audit_head().await.unwrap();
    let block = match db.backend {
        Backend::Sqlite => "CREATE TRIGGER test_audit_down BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit down'); END;",
        Backend::Postgres => "CREATE FUNCTION test_audit_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit down'; END; $$; \
                              CREATE TRIGGER test_audit_down BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_audit_down();",
    };
    db.raw(block).await.unwrap();
    let read = svc.get_participant(&coach, id, "service_delivery").await;
    assert!(matches!(read, Err(ServiceError::Storage(_))), "{read:?}");
    let mut changed = before.personal.clone();
    changed.given_name = "Muutettu".into();
    let changes = ParticipantChanges {
        personal: changed,
        sensitive: before.sensitive.clone(),
        stage: before.stage,
    };
    assert!(svc
        .update_participant(&coach, id, before.version, changes, "service_delivery")
        .await
        .is_err());
    assert!(svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .is_err());
    let unblock = match db.backend {
        Backend::Sqlite => "DROP TRIGGER test_audit_down",
        Backend::Postgres => "DROP TRIGGER test_audit_down ON audit_events",
    };
    db.raw(unblock).await.unwrap();
    let after = svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .unwrap();
    assert_eq!(after.personal.given_name, before.personal.given_name);
    assert_eq!(after.version, before.version);
    assert_eq!(db.store.count_participants().await.unwrap(), 1);
    // Nothing was appended while the audit was down (the read after it adds exactly one).
    assert_eq!(
        db.store.audit_head().await.unwrap().unwrap().0,
        head.unwrap().0 + 1
    );
    assert!(svc.verify_audit(None).await.unwrap().is_ok());
}

/// R1, R2, R5, R6, R8, R10, R11: activation, sign-in and sessions with an injected clock.
async fn activation_sign_in_and_sessions(db: Arc<TestDb>) {
    use polku_service::auth::{ABSOLUTE_LIFETIME, IDLE_TIMEOUT};
    use time::Duration;
    let svc = &db.service;
    let world = World::new(svc).await;
    let now = time::OffsetDateTime::now_utc();
    let email = Email::parse("valmentaja@example.fi").unwrap();
    let created = svc
        .add_user(
            &system(),
            email.clone(),
            "Valmentaja",
            Role::Coach,
            Some(&world.project.code),
        )
        .await
        .unwrap();
    let password = "kaksi kissaa ja koira";
    // No account can sign in before activation: there are no default passwords.
    assert!(matches!(
        svc.sign_in(email.as_str(), password, now).await,
        Err(ServiceError::Unauthenticated)
    ));
    // A weak password is refused and the token stays usable.
    assert_eq!(
        svc.activate_account(&created.activation_token, "salasana1", now)
            .await
            .unwrap_err()
            .code(),
        "invalid_value"
    );
    // An expired token is refused.
    let late = now + Duration::hours(73);
    assert!(matches!(
        svc.activate_account(&created.activation_token, password, late)
            .await,
        Err(ServiceError::Unauthenticated)
    ));
    let user = svc
        .activate_account(&created.activation_token, password, now)
        .await
        .unwrap();
    assert_eq!(user, created.user.id);
    // Single use.
    assert!(matches!(
        svc.activate_account(&created.activation_token, "toinen hyvä salasana", now)
            .await,
        Err(ServiceError::Unauthenticated)
    ));
    let (_, phc, active) = db
        .store
        .credentials_for(email.as_str())
        .await
        .unwrap()
        .unwrap();
    assert!(
        active && phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{phc}"
    );

    // Wrong password and unknown account: the same answer.
    let wrong = svc
        .sign_in(email.as_str(), "kaksi kissaa ja koirA", now)
        .await
        .unwrap_err();
    let unknown = svc
        .sign_in("ei-ole@example.fi", password, now)
        .await
        .unwrap_err();
    assert_eq!(
        (wrong.code(), wrong.to_string()),
        (unknown.code(), unknown.to_string())
    );

    // A session, its idle timeout and its absolute lifetime.
    let s = svc
        .sign_in(
            &format!("  {}  ", email.as_str().to_uppercase()),
            password,
            now,
        )
        .await
        .unwrap();
    assert_eq!(s.token.len(), 64);
    let actor = svc
        .session_actor(&s.token, now + Duration::minutes(29))
        .await
        .unwrap();
    assert!(actor.has(Role::Coach, world.project.id));
    assert!(svc
        .session_actor(
            &s.token,
            now + Duration::minutes(29) + IDLE_TIMEOUT + Duration::minutes(1)
        )
        .await
        .is_err());
    assert!(
        svc.session_actor(&s.token, now + Duration::minutes(30))
            .await
            .is_err(),
        "an ended session stays ended"
    );
    let s2 = svc.sign_in(email.as_str(), password, now).await.unwrap();
    let mut t = now;
    while t + Duration::minutes(20) < now + ABSOLUTE_LIFETIME {
        t += Duration::minutes(20);
        svc.session_actor(&s2.token, t).await.unwrap();
    }
    assert!(
        svc.session_actor(&s2.token, now + ABSOLUTE_LIFETIME)
            .await
            .is_err(),
        "activity does not extend the lifetime"
    );
    // Sign-out ends the session; ending all of a user's sessions ends every one.
    let s3 = svc.sign_in(email.as_str(), password, now).await.unwrap();
    svc.sign_out(&s3.token).await.unwrap();
    assert!(svc.session_actor(&s3.token, now).await.is_err());
    let a = svc.sign_in(email.as_str(), password, now).await.unwrap();
    let b = svc.sign_in(email.as_str(), password, now).await.unwrap();
    assert_ne!(a.token, b.token);
    // Ending them is an audited use case: the entry names the account, in the same
    // transaction as the deletion.
    let operator = Actor::system("user end-sessions");
    assert_eq!(svc.end_sessions(&operator, &email).await.unwrap(), 2);
    let head = db.store.audit_head().await.unwrap().unwrap().0;
    let last = db.store.audit_page(head - 1, 1).await.unwrap();
    assert_eq!(
        (last[0].action.as_str(), last[0].subject.as_deref()),
        ("end_sessions", Some(user.to_string().as_str()))
    );
    assert!(
        svc.session_actor(&a.token, now).await.is_err()
            && svc.session_actor(&b.token, now).await.is_err()
    );

    // A hash with weaker parameters is upgraded at the next sign-in.
    let weak = "$argon2id$v=19$m=8192,t=1,p=1$AQEBAQEBAQEBAQEBAQEBAQ$";
    let weak = format!("{weak}{}", weak_hash_suffix(password));
    db.store.set_password(user, &weak, now).await.unwrap();
    svc.sign_in(email.as_str(), password, now).await.unwrap();
    let (_, upgraded, _) = db
        .store
        .credentials_for(email.as_str())
        .await
        .unwrap()
        .unwrap();
    assert!(
        upgraded.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{upgraded}"
    );
}

/// The hash part of an Argon2id (m=8192, t=1, p=1) hash of `password` with salt 16 × 0x01.
fn weak_hash_suffix(password: &str) -> String {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let a = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon2::Params::new(8192, 1, 1, None).unwrap(),
    );
    let phc = a
        .hash_password(
            password.as_bytes(),
            &SaltString::encode_b64(&[1u8; 16]).unwrap(),
        )
        .unwrap()
        .to_string();
    phc.rsplit('$').next().unwrap().to_owned()
}

/// R37/R39: the access export holds everything stored about the participant (every table that
/// refers to participants is covered), opened; the consent history with the wording; the
/// recipients; the access log without staff identities unless asked; nothing about anyone else.
/// Only the own coach (or the operator) may take it, and taking it is audited.
async fn subject_export_is_complete_and_names_no_one_else(db: Arc<TestDb>) {
    use polku_service::subject::EXPORT_FORMAT;
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let other_coach = world.user(svc, Role::Coach).await;
    let employer = world.user(svc, Role::Employer).await;
    let manager = world.user(svc, Role::Manager).await;
    let new = world.new_participant();
    let hetu = new.personal.hetu.clone().unwrap();
    let id = svc
        .create_participant(&coach, new.clone(), "service_delivery")
        .await
        .unwrap();
    let someone_else = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    // A row in every table that refers to the participant.
    svc.record_meeting(
        &coach,
        polku_service::meetings::NewMeeting {
            participant_id: id,
            starts_at: time::macros::datetime!(2026-11-20 10:00 UTC),
            duration_min: 60,
            place: PlaceType::Office,
            notes: format!("{CANARY} harjoitteli haastattelua"),
        },
        "service_delivery",
    )
    .await
    .unwrap();
    svc.add_plan_item(
        &coach,
        id,
        "Työkokeilu varastossa",
        None,
        "service_delivery",
    )
    .await
    .unwrap();
    svc.update_participant(
        &coach,
        id,
        1,
        ParticipantChanges {
            personal: new.personal.clone(),
            sensitive: new.sensitive.clone(),
            stage: PathStage::Assessment,
        },
        "service_delivery",
    )
    .await
    .unwrap();
    consent_and_share_skills(svc, &coach, &employer, id).await;
    svc.set_legal_hold(
        &system(),
        id,
        polku_service::erasure::HoldGround::LegalObligation,
        "Hankepäätös 2026/7",
        time::OffsetDateTime::now_utc().date() + time::Duration::days(365),
    )
    .await
    .unwrap();
    svc.shared_participant(&employer, id, "employer_cooperation")
        .await
        .unwrap();

    let skill = new.personal.skills[0].skill.as_str().to_owned();
    db.store
        .upsert_esco(&[EscoConcept {
            uri: skill.clone(),
            kind: "skill".into(),
            label_fi: Some("varastotyö".into()),
            label_sv: Some("lagerarbete".into()),
            label_en: None,
            alt_labels: String::new(),
        }])
        .await
        .unwrap();
    // Nobody but the own coach (and the operator) may take it.
    for who in [&other_coach, &employer, &manager] {
        assert!(matches!(
            svc.export_subject(who, id, "fi", false).await,
            Err(ServiceError::NotFound)
        ));
    }
    let export = svc.export_subject(&coach, id, "fi", false).await.unwrap();
    let json = serde_json::to_value(&export).unwrap();
    let text = json.to_string();
    assert_eq!(json["format"], EXPORT_FORMAT);
    assert_eq!(json["subject"], id.to_string());
    assert!(!export.sealed_data_erased);
    assert_eq!(json["personal"]["hetu"], hetu.as_str());
    assert_eq!(json["personal"]["given_name"], new.personal.given_name);
    assert_eq!(json["sensitive"]["functional_notes"], CANARY);
    assert_eq!(json["personal"]["esf"]["disability"], true);
    assert_eq!(json["controller"]["project_code"], world.project.code);
    assert_eq!(json["service_path"]["stage"], "assessment");
    assert_eq!(json["labels"][&skill], "varastotyö");
    let store = &db.store;
    let name = |a: &Actor| {
        let id = a.user_id().unwrap();
        async move { store.get_user(id).await.unwrap().unwrap().display_name }
    };
    let (coach_name, employer_name) = (name(&coach).await, name(&employer).await);
    assert_ne!(coach_name, employer_name);
    assert_eq!(json["service_path"]["coach"], coach_name.as_str());

    // Schema-driven completeness: every table that refers to participants is in the export,
    // and here each has something to show.
    let covered = |table: &str| -> usize {
        match table {
            "participant_keys" => usize::from(!export.sealed_data_erased),
            "meetings" => export.meetings.len(),
            "plan_items" => export.plan.len(),
            "participant_stage_changes" => export.service_path.stage_changes.len(),
            "consents" => export.consents.len(),
            "shares" => export.disclosures.len(),
            "legal_holds" => export.legal_holds.len(),
            // Tombstones exist only once the participant is gone.
            "erasures" => 1,
            other => panic!(
                "table {other} refers to participants, but the subject export does not cover it"
            ),
        }
    };
    let tables = db.tables_with_column("participant_id").await;
    assert!(tables.len() >= 8, "{tables:?}");
    for t in &tables {
        assert!(covered(t) > 0, "{t} is empty in the export");
    }
    assert!(export.meetings[0]
        .notes
        .as_deref()
        .unwrap()
        .contains(CANARY));
    assert_eq!(
        export.plan[0].text.as_deref(),
        Some("Työkokeilu varastossa")
    );
    assert_eq!(export.service_path.stage_changes[0].to, "assessment");
    let consent = &export.consents[0];
    assert_eq!(consent.category, DataCategory::Skills);
    let wording = polku_service::consents::wording(
        ConsentPurpose::Placement,
        RecipientClass::Employer,
        DataCategory::Skills,
    );
    assert_eq!(consent.text_version_hash, wording.hash);
    assert_eq!(
        consent.wording.as_deref(),
        Some(wording.texts[0].1.as_str())
    );
    assert_eq!(export.disclosures[0].recipient, employer_name);
    assert_eq!(export.legal_holds[0].article, "GDPR Art. 17(3)(b)");
    assert_eq!(
        export.disclosures[0].recipient_kinds,
        vec![RecipientClass::Employer]
    );
    assert_eq!(export.disclosures[0].categories, vec![DataCategory::Skills]);
    // The access log: when, why, and the role; the employer's read is there.
    let events = &export.access_events;
    assert!(events
        .iter()
        .any(|e| e.action == "read" && e.actor_role == "employer"));
    assert!(events.iter().all(|e| !e.purpose_description.is_empty()));
    // No staff identities by default, nothing about the other participant.
    assert!(events.iter().all(|e| e.actor.is_none()));
    assert!(export.meetings.iter().all(|m| m.held_by.is_none()));
    assert!(export.consents.iter().all(|c| c.recorded_by.is_none()));
    assert!(!text.contains("user:"), "{text}");
    assert!(!text.contains(&coach.user_id().unwrap().to_string()));
    assert!(!text.contains(&someone_else.to_string()));

    // Asked explicitly, staff are named; the audit log records which kind of export it was.
    let with_staff = svc.export_subject(&system(), id, "en", true).await.unwrap();
    assert_eq!(
        with_staff.meetings[0].held_by.as_deref(),
        Some(coach_name.as_str())
    );
    // The employer's read is attributed to the employer, the coach's reads to the coach.
    assert!(with_staff
        .access_events
        .iter()
        .any(|e| e.actor_role == "employer" && e.actor.as_deref() == Some(employer_name.as_str())));
    assert!(with_staff.access_events.iter().all(|e| e.actor.is_some()));
    assert_eq!(
        with_staff.labels[&skill], "varastotyö",
        "no English label: Finnish"
    );
    assert!(with_staff
        .access_events
        .iter()
        .any(|e| e.action == "export" && e.purpose == "data_subject_request"));
    assert_eq!(
        with_staff.consents[0].wording.as_deref(),
        Some(wording.texts[2].1.as_str())
    );

    // After crypto-erasure the sealed parts are gone, the rest is still given.
    assert!(svc.erase_participant_data(&coach, id).await.unwrap());
    let erased = svc.export_subject(&coach, id, "fi", false).await.unwrap();
    assert!(erased.sealed_data_erased);
    assert!(erased.sensitive.is_none());
    assert!(erased.personal.hetu.is_none());
    assert_eq!(erased.personal.family_name, new.personal.family_name);
    assert!(erased.meetings[0].notes.is_none());
    assert!(erased.plan[0].text.is_none());
}

/// R45: who accessed a participant in a window, and whom an actor accessed; operator and
/// administrators only; bad searches are refused; the search is itself audited.
async fn audit_queries_answer_who_accessed_whom(db: Arc<TestDb>) {
    use polku_service::subject::AuditSearch;
    let svc = &db.service;
    let (world, coach, id) = World::enrolled(svc).await;
    let other = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    let start = time::OffsetDateTime::now_utc();
    for _ in 0..3 {
        svc.get_participant(&coach, id, "service_delivery")
            .await
            .unwrap();
    }
    svc.get_participant(&coach, other, "service_delivery")
        .await
        .unwrap();
    let admin = svc
        .add_user(
            &system(),
            Email::parse("admin-breach@example.fi").unwrap(),
            "Ylläpitäjä",
            Role::Admin,
            None,
        )
        .await
        .unwrap();
    let admin = Actor::user(admin.user.id, admin.user.roles);
    let about = AuditSearch {
        subject: Some(id),
        from: Some(start),
        ..AuditSearch::default()
    };
    assert!(matches!(
        svc.query_audit(&coach, &about).await,
        Err(ServiceError::Forbidden)
    ));
    let rows = svc.query_audit(&admin, &about).await.unwrap();
    // The three reads, then the search itself (recorded against the person before it reads).
    assert_eq!(rows.len(), 4);
    assert!(rows[..3].iter().all(|r| r.action == "read"));
    assert_eq!(rows[3].action, "audit_query");
    assert!(rows
        .iter()
        .all(|r| r.subject.as_deref() == Some(id.to_string().as_str())));
    assert!(rows.windows(2).all(|w| w[0].seq < w[1].seq));
    let by_coach = svc
        .query_audit(
            &system(),
            &AuditSearch {
                actor: Some(coach.audit_id()),
                ..AuditSearch::default()
            },
        )
        .await
        .unwrap();
    let subjects: std::collections::BTreeSet<_> =
        by_coach.iter().filter_map(|r| r.subject.clone()).collect();
    assert!(subjects.contains(&id.to_string()) && subjects.contains(&other.to_string()));
    assert!(by_coach.iter().all(|r| r.actor == coach.audit_id()));
    // A window in the future is empty; a limit caps the answer.
    let later = svc
        .query_audit(
            &system(),
            &AuditSearch {
                subject: Some(id),
                from: Some(time::OffsetDateTime::now_utc() + time::Duration::hours(1)),
                ..AuditSearch::default()
            },
        )
        .await
        .unwrap();
    assert!(later.is_empty());
    let capped = svc
        .query_audit(
            &system(),
            &AuditSearch {
                actor: Some(coach.audit_id()),
                limit: Some(2),
                ..AuditSearch::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(capped.len(), 2);
    for bad in [
        AuditSearch::default(),
        AuditSearch {
            subject: Some(id),
            limit: Some(0),
            ..AuditSearch::default()
        },
        AuditSearch {
            subject: Some(id),
            from: Some(start),
            to: Some(start),
            ..AuditSearch::default()
        },
    ] {
        assert_eq!(
            svc.query_audit(&system(), &bad).await.unwrap_err().code(),
            "invalid_value"
        );
    }
    // Each search left a trace.
    let searches = svc
        .query_audit(
            &system(),
            &AuditSearch {
                actor: Some(admin.audit_id()),
                ..AuditSearch::default()
            },
        )
        .await
        .unwrap();
    assert!(searches.iter().any(|r| r.action == "audit_query"
        && r.purpose == "breach_investigation"
        && r.subject.as_deref() == Some(id.to_string().as_str())));
}

/// R40 (and R33): erasure removes every row that refers to the participant, found from the live
/// schema; the files keep no copy of their clear data; a legal hold refuses it with its ground
/// and changes nothing; the tombstone stays and replaying it is idempotent; others are untouched.
async fn erasure_removes_every_row_unless_held(db: Arc<TestDb>) {
    use polku_service::erasure::HoldGround;
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let employer = world.user(svc, Role::Employer).await;
    let operator = system();
    let marker = format!(
        "Poistettava{}",
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    );
    let mut new = world.new_participant();
    new.personal.given_name = marker.clone();
    let id = svc
        .create_participant(&coach, new.clone(), "service_delivery")
        .await
        .unwrap();
    let kept = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    for p in [id, kept] {
        svc.record_meeting(
            &coach,
            polku_service::meetings::NewMeeting {
                participant_id: p,
                starts_at: time::macros::datetime!(2026-11-20 10:00 UTC),
                duration_min: 30,
                place: PlaceType::Remote,
                notes: "Puhelu".into(),
            },
            "service_delivery",
        )
        .await
        .unwrap();
        svc.add_plan_item(&coach, p, "CV", None, "service_delivery")
            .await
            .unwrap();
        consent_and_share_skills(svc, &coach, &employer, p).await;
    }
    svc.update_participant(
        &coach,
        id,
        1,
        ParticipantChanges {
            personal: new.personal.clone(),
            sensitive: new.sensitive.clone(),
            stage: PathStage::Assessment,
        },
        "service_delivery",
    )
    .await
    .unwrap();

    // Only the operator or an administrator erases or holds.
    assert!(matches!(
        svc.erase_subject(&coach, id).await,
        Err(ServiceError::Forbidden)
    ));
    let today = time::OffsetDateTime::now_utc().date();
    for (reference, until, field) in [
        ("", today + time::Duration::days(9), "reference"),
        ("Dnro 1/2026", today, "until"),
        ("a\u{7}b", today + time::Duration::days(9), "reference"),
    ] {
        let err = svc
            .set_legal_hold(&operator, id, HoldGround::LegalClaims, reference, until)
            .await
            .unwrap_err();
        assert!(
            matches!(&err, ServiceError::Invalid(DomainError::Invalid { field: f, .. }) if *f == field),
            "{err:?}"
        );
    }
    let until = today + time::Duration::days(30);
    let hold = svc
        .set_legal_hold(
            &operator,
            id,
            HoldGround::LegalClaims,
            "Dnro 12/2026",
            until,
        )
        .await
        .unwrap();
    // Held: refused with the ground and date, nothing changed.
    match svc.erase_subject(&operator, id).await {
        Err(ServiceError::Held {
            ground,
            article,
            until: u,
        }) => {
            assert_eq!(
                (ground, article, u),
                ("legal_claims", "GDPR Art. 17(3)(e)", until)
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .is_ok());
    assert_eq!(db.count_where("erasures", "participant_id", id.0).await, 0);
    svc.release_legal_hold(&operator, id, hold).await.unwrap();
    assert!(matches!(
        svc.release_legal_hold(&operator, id, hold).await,
        Err(ServiceError::NotFound)
    ));
    let holds = svc.legal_holds(&operator, id).await.unwrap();
    assert!(holds.len() == 1 && !holds[0].active(today));
    // Reading the holds is audited: a hold tells about the person.
    let head = db.store.audit_head().await.unwrap().unwrap().0;
    let last = db.store.audit_page(head - 1, 1).await.unwrap();
    assert_eq!(
        (last[0].action.as_str(), last[0].subject.as_deref()),
        ("read_legal_holds", Some(id.to_string().as_str()))
    );

    let files_before = db.sqlite_files();
    if db.backend == Backend::Sqlite {
        assert!(
            files_before
                .windows(marker.len())
                .any(|w| w == marker.as_bytes()),
            "the clear name is in the files before erasure"
        );
    }
    svc.erase_subject(&operator, id).await.unwrap();

    // Schema-driven: every table with a participant_id column, and participants itself.
    let tables = db.tables_with_column("participant_id").await;
    assert!(tables.contains(&"legal_holds".to_owned()) && tables.contains(&"erasures".to_owned()));
    for t in &tables {
        let expected = i64::from(t == "erasures");
        assert_eq!(
            db.count_where(t, "participant_id", id.0).await,
            expected,
            "{t}"
        );
    }
    // The other participant's rows are all still there.
    for t in [
        "participant_keys",
        "shares",
        "meetings",
        "plan_items",
        "consents",
    ] {
        assert_eq!(db.count_where(t, "participant_id", kept.0).await, 1, "{t}");
    }
    assert_eq!(db.count_where("participants", "id", id.0).await, 0);
    let files = db.sqlite_files();
    assert!(
        !files.windows(marker.len()).any(|w| w == marker.as_bytes()),
        "no copy of the clear name in the database or its log"
    );
    // The other participant is whole; the erased one is simply not there.
    assert!(svc
        .get_participant(&coach, kept, "service_delivery")
        .await
        .is_ok());
    assert!(matches!(
        svc.get_participant(&coach, id, "service_delivery").await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        svc.erase_subject(&operator, id).await,
        Err(ServiceError::NotFound)
    ));
    // The audit log keeps a pseudonymous entry, and still verifies.
    let erased = svc
        .query_audit(
            &operator,
            &polku_service::subject::AuditSearch {
                subject: Some(id),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(erased.iter().any(|r| r.action == "subject_erased"));
    assert!(svc.verify_audit(None).await.unwrap().is_ok());

    // Tombstones: listed, and replaying them erases a participant that came back (as after a
    // restore) exactly once.
    assert!(matches!(
        svc.erasures(&coach).await,
        Err(ServiceError::Forbidden)
    ));
    let tombstones = svc.erasures(&operator).await.unwrap();
    assert_eq!(tombstones.iter().map(|t| t.0).collect::<Vec<_>>(), vec![id]);
    let back = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    let replay = [(back, tombstones[0].1)];
    assert_eq!(svc.replay_erasures(&operator, &replay).await.unwrap(), 1);
    assert_eq!(svc.replay_erasures(&operator, &replay).await.unwrap(), 0);
    assert_eq!(db.count_where("participants", "id", back.0).await, 0);
    assert_eq!(
        db.count_where("erasures", "participant_id", back.0).await,
        1
    );
    // Tombstones are append-only, and a tombstone for a participant still on record does not
    // open their consents to deletion.
    let hex = |u: uuid::Uuid| match db.backend {
        Backend::Sqlite => format!("x'{}'", u.simple()),
        Backend::Postgres => format!("'{u}'"),
    };
    assert!(db
        .raw(&format!(
            "UPDATE erasures SET erased_at = erased_at WHERE participant_id = {}",
            hex(id.0)
        ))
        .await
        .is_err());
    assert!(db
        .raw(&format!(
            "DELETE FROM erasures WHERE participant_id = {}",
            hex(id.0)
        ))
        .await
        .is_err());
    let now = match db.backend {
        Backend::Sqlite => "'2026-01-01T00:00:00Z'",
        Backend::Postgres => "now()",
    };
    db.raw(&format!(
        "INSERT INTO erasures (participant_id, erased_at) VALUES ({}, {now})",
        hex(kept.0)
    ))
    .await
    .unwrap();
    assert!(db
        .raw(&format!(
            "DELETE FROM consents WHERE participant_id = {}",
            hex(kept.0)
        ))
        .await
        .is_err());
    assert_eq!(
        db.count_where("consents", "participant_id", kept.0).await,
        1
    );
    // Consents stay append-only for everyone else.
    assert!(db
        .raw(&format!(
            "DELETE FROM consents WHERE participant_id = {}",
            match db.backend {
                Backend::Sqlite => format!("x'{}'", kept.0.simple()),
                Backend::Postgres => format!("'{}'", kept.0),
            }
        ))
        .await
        .is_err());
}

/// R28/R44/R29: every table and column of the live schema is classified in
/// `data/data-classification.json` and nothing classified is missing from the schema; every
/// special-category column is sealed; the register's purposes are exactly the audit purposes and
/// every table names known purposes and retention rules.
async fn every_column_is_classified(db: Arc<TestDb>) {
    let c = polku_service::register::classification();
    let schema = db.schema_columns().await;
    let classified: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = c
        .tables
        .iter()
        .map(|(t, table)| (t.clone(), table.columns.keys().cloned().collect()))
        .collect();
    for (table, columns) in &schema {
        let known = classified.get(table).unwrap_or_else(|| {
            panic!("table {table} is not classified in data/data-classification.json")
        });
        for col in columns {
            assert!(
                known.contains(col),
                "column {table}.{col} is not classified"
            );
        }
    }
    for (table, columns) in &classified {
        let live = schema
            .get(table)
            .unwrap_or_else(|| panic!("{table} is classified but not in the schema"));
        for col in columns {
            assert!(
                live.contains(col),
                "{table}.{col} is classified but not in the schema"
            );
        }
    }
    for (name, table) in &c.tables {
        assert!(
            c.classes.contains_key(&table.class),
            "{name}: class {}",
            table.class
        );
        assert!(
            c.retention.contains_key(&table.retention),
            "{name}: retention {}",
            table.retention
        );
        for p in &table.purposes {
            assert!(c.purposes.contains_key(p), "{name}: purpose {p}");
        }
        for (col, class) in &table.columns {
            assert!(c.classes.contains_key(class), "{name}.{col}: class {class}");
            if class == "special" {
                assert!(
                    col.ends_with("_sealed"),
                    "{name}.{col} is special-category but not sealed"
                );
            }
        }
    }
    let audit: std::collections::BTreeSet<&str> = polku_service::audit::PURPOSES
        .iter()
        .map(|(p, _)| *p)
        .collect();
    let register: std::collections::BTreeSet<&str> =
        c.purposes.keys().map(String::as_str).collect();
    assert_eq!(audit, register, "audit purposes and the register differ");
    let reg = polku_service::register::register();
    assert_eq!(reg["purposes"].as_array().unwrap().len(), audit.len());
}
