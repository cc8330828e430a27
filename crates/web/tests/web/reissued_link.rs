//! R7: a re-issued sign-in link (an administrator's "reset") sets a new password but keeps the
//! account's second factor: signing in afterwards still asks for the code of the same
//! authenticator app, and the link never leads to setting up a new one. Links expire after
//! 72 hours, checked with an injected clock (`activate_account(…, now)`), whatever longer life
//! the issuer asks for. On SQLite and PostgreSQL.

use crate::harness::{cookie_value, get_with_cookie as get, TestApp, PASSWORD};
use crate::second_factor::{code, enrolled_as, post, strict};
use axum::http::StatusCode;
use polku_domain::Role;
use polku_service::ServiceError;
use polku_store_tests::fixtures::system;
use polku_store_tests::Backend;
use time::{Duration, OffsetDateTime};

const NEW_PASSWORD: &str = "uusi salasana ikkunan takana 7";

async fn reissued_link_keeps_the_second_factor(app: TestApp) {
    let app = strict(app);
    let (email, secret, _) = enrolled_as(&app, Role::Coach).await;
    let user = app
        .service()
        .user_id_by_email(&system(), &email)
        .await
        .expect("lookup")
        .expect("user");
    let (link, expires) = app
        .service()
        .issue_activation(&system(), user, Duration::hours(24))
        .await
        .expect("new link");
    assert!(expires <= OffsetDateTime::now_utc() + Duration::hours(24));
    let res = app
        .post_form(
            "/activate",
            None,
            &[
                ("token", link.as_str()),
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // The account has a factor: the link leads to the code, not to setting up a new app.
    assert!(
        res.header("location").starts_with("/sign-in/code"),
        "{}",
        res.header("location")
    );
    assert!(
        cookie_value(&res, "__Host-polku_session").is_none(),
        "no session before the code"
    );
    let pending = format!(
        "__Host-polku_pending={}",
        cookie_value(&res, "__Host-polku_pending").expect("pending cookie")
    );
    let setup = get(&app, "/sign-in/setup", &pending).await;
    assert!(
        !setup.body.contains("otpauth://"),
        "a reset must not offer a new authenticator secret"
    );
    // A fresh sign-in with the new password asks for the code too (the old one no longer works).
    let old = app
        .post_form(
            "/sign-in",
            None,
            &[("email", &email), ("password", PASSWORD)],
        )
        .await;
    assert!(cookie_value(&old, "__Host-polku_pending").is_none());
    let res = app
        .post_form(
            "/sign-in",
            None,
            &[("email", &email), ("password", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(res.header("location").starts_with("/sign-in/code"));
    let pending = format!(
        "__Host-polku_pending={}",
        cookie_value(&res, "__Host-polku_pending").expect("pending")
    );
    // The same app's code completes it (the next step's: the current one was used at set-up).
    let done = post(
        &app,
        "/sign-in/code",
        &pending,
        &format!("code={}", code(&secret, OffsetDateTime::now_utc(), 1)),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert!(cookie_value(&done, "__Host-polku_session").is_some());
}

async fn links_expire_after_72_hours(app: TestApp) {
    let svc = app.service();
    let now = OffsetDateTime::now_utc();
    let user = app
        .service()
        .add_user(
            &system(),
            polku_domain::Email::parse("vanheneva@example.fi").expect("email"),
            "Vanheneva",
            Role::Coach,
            Some(&app.world.project.code),
        )
        .await
        .expect("user");
    // The first link (from `add_user`): unusable 72 hours on, by the injected clock.
    let late = now + Duration::hours(72) + Duration::minutes(1);
    assert!(matches!(
        svc.activate_account(&user.activation_token, PASSWORD, late)
            .await,
        Err(ServiceError::Unauthenticated)
    ));
    // A re-issued link asked for with a longer life still lasts at most 72 hours.
    let (link, expires) = svc
        .issue_activation(&system(), user.user.id, Duration::hours(24 * 30))
        .await
        .expect("link");
    assert!(expires <= OffsetDateTime::now_utc() + Duration::hours(72));
    assert!(matches!(
        svc.activate_account(&link, PASSWORD, late).await,
        Err(ServiceError::Unauthenticated)
    ));
    // Just inside its life it works, and then once only.
    let in_time = now + Duration::hours(71) + Duration::minutes(59);
    svc.activate_account(&link, PASSWORD, in_time)
        .await
        .expect("within 72 hours");
    assert!(matches!(
        svc.activate_account(&link, PASSWORD, in_time).await,
        Err(ServiceError::Unauthenticated)
    ));
}

#[test]
fn a_reissued_link_keeps_the_second_factor_on_sqlite() {
    crate::harness::sqlite(reissued_link_keeps_the_second_factor);
}

#[test]
fn a_reissued_link_keeps_the_second_factor_on_postgres() {
    crate::harness::on(Backend::Postgres, reissued_link_keeps_the_second_factor);
}

#[test]
fn links_expire_after_72_hours_on_sqlite() {
    crate::harness::sqlite(links_expire_after_72_hours);
}

#[test]
fn links_expire_after_72_hours_on_postgres() {
    crate::harness::on(Backend::Postgres, links_expire_after_72_hours);
}
