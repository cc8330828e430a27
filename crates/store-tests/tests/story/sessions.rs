//! Activation, sign-in, sessions and the second factor.

use super::*;

/// R1, R2, R5, R6, R8, R10, R11: activation, sign-in and sessions with an injected clock.
pub(crate) async fn activation_sign_in_and_sessions(db: Arc<TestDb>) {
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

/// D13: of many concurrent uses of one activation token exactly one succeeds, on both
/// databases (PostgreSQL used to let two through: the update did not re-check `used_at`).
pub(crate) async fn an_activation_token_is_used_once_under_concurrency(db: Arc<TestDb>) {
    use polku_service::store::ActivationOutcome;
    use polku_service::users::hash_token;
    let svc = &db.service;
    let world = World::new(svc).await;
    let now = time::OffsetDateTime::now_utc();
    let created = svc
        .add_user(
            &system(),
            Email::parse("kilpa@example.fi").unwrap(),
            "Kilpa",
            Role::Coach,
            Some(&world.project.code),
        )
        .await
        .unwrap();
    let token_hash = hash_token(&created.activation_token);
    // A valid PHC string without the cost of hashing (the store only stores it).
    let phc = "$argon2id$v=19$m=19456,t=2,p=1$AQEBAQEBAQEBAQEBAQEBAQ$\
               AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let store = db.store.clone();
        let token_hash = token_hash.clone();
        tasks.push(tokio::spawn(async move {
            let audit = AuditEvent::new(
                &Actor::system("activate"),
                "user",
                None,
                "activate",
                "administration",
            )
            .unwrap();
            store
                .activate_user(&token_hash, phc, now, &audit)
                .await
                .unwrap()
        }));
    }
    let mut activated = 0;
    for t in tasks {
        if matches!(t.await.unwrap(), ActivationOutcome::Activated(_)) {
            activated += 1;
        }
    }
    assert_eq!(activated, 1, "one token, one activation");
}

/// D15: a new sign-in link revokes the older ones and ends the account's sessions; setting a
/// password with a link does the same.
pub(crate) async fn a_new_link_revokes_older_links_and_ends_sessions(db: Arc<TestDb>) {
    use polku_service::store::{SessionRecord, SessionStage};
    use polku_service::users::hash_token;
    let svc = &db.service;
    let world = World::new(svc).await;
    let now = time::OffsetDateTime::now_utc();
    let email = Email::parse("linkki@example.fi").unwrap();
    let password = "kaksi kissaa ja koira";
    let created = svc
        .add_user(
            &system(),
            email.clone(),
            "Linkki",
            Role::Coach,
            Some(&world.project.code),
        )
        .await
        .unwrap();
    let ttl = time::Duration::hours(24);
    let (second, _) = svc
        .issue_activation(&system(), created.user.id, ttl)
        .await
        .unwrap();
    assert!(
        matches!(
            svc.activate_account(&created.activation_token, password, now)
                .await,
            Err(ServiceError::Unauthenticated)
        ),
        "the first link was revoked by the second"
    );
    svc.activate_account(&second, password, now).await.unwrap();
    // A session that exists when an administrator issues a new link (a reset) ends.
    let stolen = svc.sign_in(email.as_str(), password, now).await.unwrap();
    assert!(svc.session_actor(&stolen.token, now).await.is_ok());
    let (third, _) = svc
        .issue_activation(&system(), created.user.id, ttl)
        .await
        .unwrap();
    assert!(
        svc.session_actor(&stolen.token, now).await.is_err(),
        "a reset ends the sessions"
    );
    // Setting the password with the link ends sessions started meanwhile, and revokes the
    // links issued alongside.
    let (fourth, _) = svc
        .issue_activation(&system(), created.user.id, ttl)
        .await
        .unwrap();
    let raw = "f".repeat(64);
    db.store
        .create_session(
            &hash_token(&raw),
            &SessionRecord {
                user_id: created.user.id,
                created_at: now,
                last_seen_at: now,
                expires_at: now + time::Duration::hours(1),
                stage: SessionStage::Full,
                second_factor_at: None,
            },
        )
        .await
        .unwrap();
    svc.activate_account(&fourth, "kolme kissaa ja koira", now)
        .await
        .unwrap();
    assert!(svc.session_actor(&raw, now).await.is_err());
    assert!(matches!(
        svc.activate_account(&third, password, now).await,
        Err(ServiceError::Unauthenticated)
    ));
}

/// R11: the owner changes the password after giving the current one; the other sessions end,
/// the one in use stays, and the change is audited.
pub(crate) async fn changing_ones_own_password_needs_the_current_one(db: Arc<TestDb>) {
    use polku_service::account::Reauth;
    let svc = &db.service;
    let world = World::new(svc).await;
    let now = time::OffsetDateTime::now_utc();
    let email = Email::parse("vaihto@example.fi").unwrap();
    let password = "kaksi kissaa ja koira";
    let created = svc
        .add_user(
            &system(),
            email.clone(),
            "Vaihto",
            Role::Coach,
            Some(&world.project.code),
        )
        .await
        .unwrap();
    svc.activate_account(&created.activation_token, password, now)
        .await
        .unwrap();
    let here = svc.sign_in(email.as_str(), password, now).await.unwrap();
    let other = svc.sign_in(email.as_str(), password, now).await.unwrap();
    let new = "uusi pitkä salasana 9";
    assert_eq!(
        svc.change_own_password(&here.token, "väärä salasana", "", new, now)
            .await
            .unwrap(),
        Err(Reauth::Password)
    );
    assert!(
        svc.session_actor(&other.token, now).await.is_ok(),
        "a refused change changes nothing"
    );
    assert_eq!(
        svc.change_own_password(&here.token, password, "", "salasana1", now)
            .await
            .unwrap_err()
            .code(),
        "invalid_value"
    );
    assert_eq!(
        svc.change_own_password(&here.token, password, "", new, now)
            .await
            .unwrap(),
        Ok(1)
    );
    assert!(svc.session_actor(&here.token, now).await.is_ok());
    assert!(svc.session_actor(&other.token, now).await.is_err());
    assert!(svc.sign_in(email.as_str(), password, now).await.is_err());
    assert!(svc.sign_in(email.as_str(), new, now).await.is_ok());
    let head = db.store.audit_head().await.unwrap().unwrap().0;
    let last = db.store.audit_page(head - 1, 1).await.unwrap();
    assert_eq!(
        (last[0].action.as_str(), last[0].subject.as_deref()),
        (
            "change_password",
            Some(created.user.id.to_string().as_str())
        )
    );
}
