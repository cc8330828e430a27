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
