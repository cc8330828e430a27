//! Minimisation by default (R42): an organisation's optional participant fields are off until
//! an administrator switches them on; a field that is off refuses a new value, keeps a stored
//! one (and lets it be cleared), and the switch is audited.

use super::*;

fn not_enabled(r: Result<impl std::fmt::Debug, ServiceError>, field: &str) {
    match r {
        Err(ServiceError::Invalid(DomainError::Rule {
            field: f,
            rule: "field_not_enabled",
        })) if f == field => {}
        other => panic!("expected field_not_enabled on {field}, got {other:?}"),
    }
}

pub(crate) async fn optional_fields_are_off_by_default_and_keep_stored_values(db: Arc<TestDb>) {
    let svc = &db.service;
    let sys = system();
    // A fresh organisation: nothing is on.
    let fresh = svc
        .create_organisation(
            &sys,
            Organisation {
                id: OrganisationId::new(),
                name: "Tuore yhdistys".into(),
                business_id: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        svc.optional_fields(&sys, fresh.id).await.unwrap(),
        FieldSettings::default()
    );

    // The test world has every field on; a participant with a phone and a HETU is stored.
    let world = World::new(svc).await;
    let org = world.project.organisation_id;
    let coach = world.user(svc, Role::Coach).await;
    let mut new = world.new_participant();
    new.personal.phone = Some("040 123 4567".into());
    let id = svc
        .create_participant(&coach, new, "service_delivery")
        .await
        .unwrap();

    // Only administrators switch fields; the coach may not even read the settings.
    assert!(matches!(
        svc.set_optional_fields(&coach, org, FieldSettings::default())
            .await,
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        svc.optional_fields(&coach, org).await,
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        svc.set_optional_fields(&sys, OrganisationId::new(), FieldSettings::default())
            .await,
        Err(ServiceError::NotFound)
    ));
    // Everything off except the phone; audited once, a repeat changes nothing.
    let mut phone_only = FieldSettings::default();
    phone_only.enabled.insert(OptionalField::Phone);
    assert!(svc
        .set_optional_fields(&sys, org, phone_only.clone())
        .await
        .unwrap());
    assert!(!svc
        .set_optional_fields(&sys, org, phone_only.clone())
        .await
        .unwrap());
    assert_eq!(svc.optional_fields(&sys, org).await.unwrap(), phone_only);
    let rows = db.store.audit_page(0, 100_000).await.unwrap();
    let switched = rows
        .iter()
        .filter(|r| {
            r.action == "set_optional_fields"
                && r.subject.as_deref() == Some(org.to_string().as_str())
        })
        .count();
    // Once by the world (all on), once here; the repeat is not recorded.
    assert_eq!(switched, 2);
    let fields = svc.project_fields(&coach, world.project.id).await.unwrap();
    assert!(fields.allows(OptionalField::Phone) && !fields.allows(OptionalField::Hetu));
    assert!(!fields.esf_project);

    // A new participant with a HETU is refused; without one it is stored.
    not_enabled(
        svc.create_participant(&coach, world.new_participant(), "service_delivery")
            .await,
        "hetu",
    );
    let mut plain = world.new_participant();
    plain.personal.hetu = None;
    plain.personal.esf.birth_year = Some(1980);
    not_enabled(
        svc.create_participant(&coach, plain.clone(), "service_delivery")
            .await,
        "birth_year",
    );
    plain.personal.esf.birth_year = None;
    plain.personal.esf.foreign_background = None;
    plain.personal.esf.disability = None;
    svc.create_participant(&coach, plain, "service_delivery")
        .await
        .unwrap();

    // The stored HETU survives an edit of something else; it cannot be changed, only cleared.
    let view = svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .unwrap();
    assert!(view.personal.hetu.is_some());
    let mut personal = view.personal.clone();
    personal.family_name = "Uusinimi".into();
    let changes = |personal: ParticipantPersonal| ParticipantChanges {
        personal,
        sensitive: view.sensitive.clone(),
        stage: view.stage,
    };
    let v2 = svc
        .update_participant(
            &coach,
            id,
            view.version,
            changes(personal.clone()),
            "service_delivery",
        )
        .await
        .unwrap();
    let mut other_hetu = personal.clone();
    other_hetu.hetu = Some(fixtures::random_hetu());
    not_enabled(
        svc.update_participant(&coach, id, v2, changes(other_hetu), "service_delivery")
            .await,
        "hetu",
    );
    let mut cleared = personal.clone();
    cleared.hetu = None;
    let v3 = svc
        .update_participant(&coach, id, v2, changes(cleared.clone()), "service_delivery")
        .await
        .unwrap();
    let mut again = cleared;
    again.hetu = personal.hetu.clone();
    not_enabled(
        svc.update_participant(&coach, id, v3, changes(again), "service_delivery")
            .await,
        "hetu",
    );
    // The phone is on: it may change.
    let mut phone = svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .unwrap()
        .personal;
    phone.phone = Some("050 765 4321".into());
    svc.update_participant(&coach, id, v3, changes(phone), "service_delivery")
        .await
        .unwrap();
}
