//! Durability and concurrency: settings, version checks, concurrent writers, no partial writes.

use super::*;

pub(crate) async fn durability_settings_are_verified(db: Arc<TestDb>) {
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
    let store = &db.store;
    assert_eq!(
        store.applied_migrations().await.unwrap(),
        store.shipped_migrations()
    );
    let own = match db.backend {
        Backend::Sqlite => polku_store_sqlite::migration_versions(),
        Backend::Postgres => polku_store_postgres::migration_versions(),
    };
    assert_eq!(store.shipped_migrations(), own);
}

pub(crate) async fn stale_update_is_a_conflict(db: Arc<TestDb>) {
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

pub(crate) async fn concurrent_read_modify_write_loses_nothing(db: Arc<TestDb>) {
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
                    // Free text: accommodations must be catalogue ids (D26).
                    s.functional_notes.push_str(&format!("{item}\n"));
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
    let stored = v.sensitive.functional_notes;
    for item in &acked {
        assert!(
            stored.contains(&format!("{item}\n")),
            "acknowledged {item} was lost"
        );
    }
    assert_eq!(v.version, 1 + acked.len() as i64);
}

pub(crate) async fn duplicate_user_is_rejected_without_partial_write(db: Arc<TestDb>) {
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

/// R47: eight writers at once, each write a transaction with its audit append; none may fail
/// with "database is locked" and the chain must stay linear.
pub(crate) async fn many_concurrent_writers_never_fail(db: Arc<TestDb>) {
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
