//! Set-up without the demo: projects with funding, municipalities and partners; several role
//! grants per user; deactivation and the last active administrator.

use super::*;
use time::macros::date;

async fn active_user(svc: &Service, email: &str, role: Role, project: Option<&str>) -> UserId {
    let created = svc
        .add_user(
            &system(),
            Email::parse(email).unwrap(),
            "Testi",
            role,
            project,
        )
        .await
        .unwrap();
    svc.activate_account(
        &created.activation_token,
        "kolme iloista kirahvia",
        time::OffsetDateTime::now_utc(),
    )
    .await
    .unwrap();
    created.user.id
}

/// A project's funding, municipalities and partners round-trip and can be edited; a partner
/// must exist; the lead is never also a partner.
pub(crate) async fn projects_carry_funding_municipalities_and_partners(db: Arc<TestDb>) {
    let svc = &db.service;
    let sys = system();
    let org = |name: &str| Organisation {
        id: OrganisationId::new(),
        name: name.into(),
        business_id: None,
    };
    let lead = svc
        .create_organisation(&sys, org("Lahden Seudun Kehitys"))
        .await
        .unwrap();
    let school = svc
        .create_organisation(&sys, org("Koulutuskeskus Salpaus"))
        .await
        .unwrap();
    let town = svc
        .create_organisation(&sys, org("Hollolan kunta"))
        .await
        .unwrap();
    let funding = Funding::new("FI-ESF+-2021-2027", "ESO4.1", date!(2024 - 09 - 01)).unwrap();
    let p = Project::new(
        ProjectId::new(),
        lead.id,
        "MOMENTUM-PH",
        "Momentum",
        vec![],
        vec![],
        date!(2024 - 09 - 01),
        date!(2027 - 08 - 31),
    )
    .unwrap()
    .with_setup(
        Some(funding.clone()),
        &["398".into(), "098".into(), "398".into()],
        &[school.id, town.id],
    )
    .unwrap();
    assert!(Project::new(
        ProjectId::new(),
        lead.id,
        "X",
        "X",
        vec![],
        vec![],
        date!(2024 - 09 - 01),
        date!(2027 - 08 - 31)
    )
    .unwrap()
    .with_setup(None, &[], &[lead.id])
    .is_err());
    assert!(matches!(
        p.clone().with_setup(None, &["999".into()], &[]),
        Err(DomainError::UnknownMunicipality(_))
    ));
    let p = polku_service::users::with_regions(p);
    svc.create_project(&sys, p.clone()).await.unwrap();
    let back = svc.admin_project(&sys, "MOMENTUM-PH").await.unwrap();
    assert_eq!(back, p);
    assert_eq!(back.funding, Some(funding));
    assert_eq!(back.municipalities.len(), 2);
    assert_eq!(back.regions, vec!["Päijät-Häme".to_owned()]);
    assert_eq!(back.organisations().len(), 3);
    let listed = svc.list_projects(&sys).await.unwrap();
    assert_eq!(listed, vec![p.clone()]);

    // Edit: drop a partner, change the objective.
    let mut edited = back.clone();
    edited.partners = vec![school.id];
    edited.funding = Some(Funding::new("FI-ESF+-2021-2027", "ESO4.8", edited.starts_on).unwrap());
    svc.update_project(&sys, edited.clone()).await.unwrap();
    assert_eq!(
        svc.admin_project(&sys, "MOMENTUM-PH").await.unwrap(),
        edited
    );
    // An unknown partner is refused and nothing changes.
    let mut bad = edited.clone();
    bad.partners = vec![OrganisationId::new()];
    assert!(matches!(
        svc.update_project(&sys, bad).await,
        Err(ServiceError::Invalid(_))
    ));
    assert_eq!(
        svc.admin_project(&sys, "MOMENTUM-PH").await.unwrap(),
        edited
    );
    // Organisations are renamed; a business id names one organisation only.
    let bid = BusinessId::parse("1234567-1").unwrap();
    svc.update_organisation(
        &sys,
        Organisation {
            business_id: Some(bid.clone()),
            ..town.clone()
        },
    )
    .await
    .unwrap();
    assert!(matches!(
        svc.update_organisation(
            &sys,
            Organisation {
                business_id: Some(bid),
                ..school.clone()
            }
        )
        .await,
        Err(ServiceError::Duplicate(_))
    ));
    let audit = db
        .store
        .audit_query(&polku_service::store::AuditQuery {
            subject: Some(p.id.to_string()),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    let actions: Vec<&str> = audit.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(actions, vec!["create", "update"]);
}

/// A user holds several grants, each only in its own project; grants are added and removed;
/// deactivation ends every session at once and keeps the history; the last active
/// administrator cannot be deactivated or lose the admin role.
pub(crate) async fn grants_and_deactivation(db: Arc<TestDb>) {
    let svc = &db.service;
    let sys = system();
    let a = World::new(svc).await;
    let b = World::new(svc).await;
    let now = time::OffsetDateTime::now_utc();
    let password = "kolme iloista kirahvia";
    let email = "kaksi-roolia@example.fi";
    let user = active_user(svc, email, Role::Coach, Some(&a.project.code)).await;
    let coordinator_b = svc
        .grant_for(Role::Coordinator, Some(&b.project.code))
        .await
        .unwrap();
    assert!(svc
        .grant_role(&sys, user, coordinator_b.clone())
        .await
        .unwrap());
    // The same grant twice changes nothing.
    assert!(!svc
        .grant_role(&sys, user, coordinator_b.clone())
        .await
        .unwrap());
    let u = svc.admin_user(&sys, user).await.unwrap();
    assert_eq!(u.roles.len(), 2);
    // The session's actor carries both grants, each scoped to its project.
    let token = svc.sign_in(email, password, now).await.unwrap().token;
    let actor = svc.session_actor(&token, now).await.unwrap();
    assert!(actor.has(Role::Coach, a.project.id));
    assert!(actor.has(Role::Coordinator, b.project.id));
    assert!(!actor.has(Role::Coach, b.project.id));
    assert!(!actor.has(Role::Coordinator, a.project.id));
    // The coach writes a record in A: it is kept through deactivation.
    let participant = svc
        .create_participant(&actor, a.new_participant(), "service_delivery")
        .await
        .unwrap();
    // Removing a grant applies from the next request.
    assert!(svc
        .revoke_role(&sys, user, coordinator_b.clone())
        .await
        .unwrap());
    assert!(!svc.revoke_role(&sys, user, coordinator_b).await.unwrap());
    let actor = svc.session_actor(&token, now).await.unwrap();
    assert!(!actor.has(Role::Coordinator, b.project.id));

    // Deactivation: the session ends on its next use, sign-in says why, history stays.
    let second = svc.sign_in(email, password, now).await.unwrap().token;
    assert!(matches!(svc.deactivate_user(&sys, user).await.unwrap(), Some(n) if n >= 1));
    assert_eq!(svc.deactivate_user(&sys, user).await.unwrap(), None);
    for t in [&token, &second] {
        assert!(matches!(
            svc.session_actor(t, now).await,
            Err(ServiceError::Unauthenticated)
        ));
    }
    assert!(matches!(
        svc.sign_in(email, password, now).await,
        Err(ServiceError::Deactivated)
    ));
    // A wrong password still learns nothing (R6).
    assert!(matches!(
        svc.sign_in(email, "väärä salasana tässä", now).await,
        Err(ServiceError::Unauthenticated)
    ));
    // No new sign-in link for a deactivated account.
    assert!(matches!(
        svc.issue_activation(&sys, user, polku_service::users::ACTIVATION_TTL)
            .await,
        Err(ServiceError::Deactivated)
    ));
    let u = svc.admin_user(&sys, user).await.unwrap();
    assert!(u.deactivated && !u.active);
    assert_eq!(u.roles.len(), 1, "grants are kept");
    assert_eq!(
        db.count_where("participants", "coach_id", user.0).await,
        1,
        "authored records are kept"
    );
    assert_eq!(db.count_where("participants", "id", participant.0).await, 1);
    // Reactivation: the old password works again.
    assert!(svc.reactivate_user(&sys, user).await.unwrap());
    assert!(!svc.reactivate_user(&sys, user).await.unwrap());
    svc.sign_in(email, password, now).await.unwrap();

    // The last active administrator.
    let admin = active_user(svc, "yllapito@example.fi", Role::Admin, None).await;
    let admin_grant = RoleGrant::new(Role::Admin, None).unwrap();
    assert!(matches!(
        svc.deactivate_user(&sys, admin).await,
        Err(ServiceError::LastAdmin)
    ));
    assert!(matches!(
        svc.revoke_role(&sys, admin, admin_grant.clone()).await,
        Err(ServiceError::LastAdmin)
    ));
    assert!(svc.admin_user(&sys, admin).await.unwrap().active);
    // With a second active administrator, the first may go.
    let other = active_user(svc, "yllapito2@example.fi", Role::Admin, None).await;
    assert!(svc
        .revoke_role(&sys, admin, admin_grant.clone())
        .await
        .unwrap());
    assert!(matches!(
        svc.deactivate_user(&sys, other).await,
        Err(ServiceError::LastAdmin)
    ));
    // A non-admin may not change grants or deactivate anyone.
    let coach = a.user(svc, Role::Coach).await;
    assert!(matches!(
        svc.deactivate_user(&coach, other).await,
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        svc.grant_role(&coach, user, admin_grant).await,
        Err(ServiceError::Forbidden)
    ));

    // Every change is in the audit log against the account.
    let audit = db
        .store
        .audit_query(&polku_service::store::AuditQuery {
            subject: Some(user.to_string()),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    let actions: Vec<&str> = audit
        .iter()
        .map(|r| r.action.as_str())
        .filter(|a| *a != "create")
        .collect();
    assert_eq!(actions, vec!["grant", "revoke", "deactivate", "reactivate"]);
}
