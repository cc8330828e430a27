//! The subsidy estimate: the employer's legal form and the participant's unemployment history
//! are stored, and the estimate reads them (audited as matching) to pick every rule.

use super::*;
use polku_service::subject::AuditSearch;

pub(crate) async fn subsidy_estimate_uses_stored_facts(db: Arc<TestDb>) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let coordinator = world.user(svc, Role::Coordinator).await;
    let coach = world.user(svc, Role::Coach).await;
    let other_coach = world.user(svc, Role::Coach).await;
    let today = time::OffsetDateTime::now_utc().date();

    // The legal form is stored and changed like any other field.
    let association = Employer {
        legal_form: Some(LegalForm::Association),
        ..world.employer()
    };
    svc.create_employer(&coordinator, association.clone())
        .await
        .unwrap();
    assert_eq!(
        svc.employer(&coach, association.id)
            .await
            .unwrap()
            .legal_form,
        Some(LegalForm::Association)
    );
    let state = Employer {
        id: EmployerId::new(),
        business_id: BusinessId::parse("0245437-2").unwrap(),
        legal_form: None,
        ..world.employer()
    };
    svc.create_employer(&coordinator, state.clone())
        .await
        .unwrap();
    assert_eq!(
        svc.employer(&coach, state.id).await.unwrap().legal_form,
        None
    );
    svc.update_employer(
        &coordinator,
        Employer {
            legal_form: Some(LegalForm::State),
            ..state.clone()
        },
        1,
    )
    .await
    .unwrap();

    // Unemployed for 26 months: stored, and the long-term mark follows it.
    let mut new = world.new_participant();
    new.personal.hetu = None;
    new.personal.esf = EsfEntry {
        birth_year: Some(1980),
        disability: Some(false),
        long_term_unemployed: false,
        unemployed_since: Some(today - time::Duration::days(26 * 31)),
        ..EsfEntry::default()
    };
    let id = svc
        .create_participant(&coach, new.clone(), "service_delivery")
        .await
        .unwrap();
    let view = svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .unwrap();
    assert_eq!(
        view.personal.esf.unemployed_since,
        new.personal.esf.unemployed_since
    );
    assert!(view.personal.esf.long_term_unemployed);
    // A start in the future is refused and changes nothing.
    let mut future = view.personal.clone();
    future.esf.unemployed_since = Some(today + time::Duration::days(30));
    let refused = svc
        .update_participant(
            &coach,
            id,
            view.version,
            ParticipantChanges {
                personal: future,
                sensitive: view.sensitive.clone(),
                stage: view.stage,
            },
            "service_delivery",
        )
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "invalid_value");

    let start = time::OffsetDateTime::now_utc() - time::Duration::seconds(1);
    let e = svc
        .subsidy_estimate(&coach, id, association.id, Some(2000), 30, today)
        .await
        .unwrap();
    let best = e.pay.best().unwrap();
    assert_eq!(best.rule, "palkkatuki.nonprofit100");
    // 100 % of 2,000 × (24.375 / 30) × 1.23 = 1,998.75 a month for 12 months.
    assert_eq!(best.estimate_eur_month, Some(1998.75));
    assert_eq!(best.estimate_eur_total, Some(23_985.0));
    assert!(!e
        .pay
        .options
        .iter()
        .any(|o| o.rule == "palkkatuki.reduced_capacity"));
    // The lifting trolley of the fixture: €350 from the work-arrangement subsidy.
    assert_eq!(e.arrangement_total_eur, 350.0);
    assert_eq!(e.total_eur, Some(24_335.0));
    // The read was audited as matching.
    let admin = svc
        .add_user(
            &system(),
            Email::parse(&format!("admin-{}@example.fi", id.0.simple())).unwrap(),
            "Ylläpitäjä",
            Role::Admin,
            None,
        )
        .await
        .unwrap();
    let admin = Actor::user(admin.user.id, admin.user.roles);
    let rows = svc
        .query_audit(
            &admin,
            &AuditSearch {
                subject: Some(id),
                from: Some(start),
                ..AuditSearch::default()
            },
        )
        .await
        .unwrap();
    assert!(rows
        .iter()
        .any(|r| r.action == "read" && r.purpose == "matching"));

    // A state employer: no pay subsidy, and the page can say why.
    let e = svc
        .subsidy_estimate(&coach, id, state.id, Some(2000), 30, today)
        .await
        .unwrap();
    assert!(e.pay.options.is_empty());
    assert_eq!(
        e.pay.notes.iter().map(|n| n.code()).collect::<Vec<_>>(),
        ["state_employer"]
    );

    // Not yours, or another project's employer: not found. Bad hours: the field is named.
    assert!(matches!(
        svc.subsidy_estimate(&other_coach, id, association.id, Some(2000), 30, today)
            .await,
        Err(ServiceError::NotFound)
    ));
    let elsewhere = World::new(svc).await;
    let foreign = elsewhere.employer();
    let foreign_coordinator = elsewhere.user(svc, Role::Coordinator).await;
    svc.create_employer(&foreign_coordinator, foreign.clone())
        .await
        .unwrap();
    assert!(matches!(
        svc.subsidy_estimate(&coach, id, foreign.id, Some(2000), 30, today)
            .await,
        Err(ServiceError::NotFound)
    ));
    let bad = svc
        .subsidy_estimate(&coach, id, association.id, Some(2000), 0, today)
        .await
        .unwrap_err();
    assert!(matches!(
        bad,
        ServiceError::Invalid(DomainError::Invalid {
            field: "hours_per_week",
            ..
        })
    ));
}
