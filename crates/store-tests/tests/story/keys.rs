//! Keys: destroyed data keys, a wrong master key, and master key rotation.

use super::*;

pub(crate) async fn erased_key_makes_data_unreadable(db: Arc<TestDb>) {
    let svc = &db.service;
    let (_, coach, id) = World::enrolled(svc).await;
    assert!(svc.erase_participant_data(&coach, id).await.unwrap());
    assert!(matches!(
        svc.get_participant(&coach, id, "service_delivery").await,
        Err(ServiceError::Crypto(_))
    ));
    assert!(!svc.erase_participant_data(&coach, id).await.unwrap());
}

pub(crate) async fn wrong_master_key_is_refused(db: Arc<TestDb>) {
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

pub(crate) async fn master_key_rotation_rewraps_every_key(db: Arc<TestDb>) {
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
