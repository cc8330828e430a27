//! The signed-in user's own account (R11) and the step-up page (R19).
//!
//! - `GET/POST /step-up`: a fresh code from the authenticator app, then back to `next`.
//! - `GET /account`: change the password, change the authenticator app.
//! - `POST /account/password`: current password + current code + new password twice.
//! - `POST /account/second-factor`: current password + current code; shows a new secret, which
//!   travels sealed in the form (`ticket`) until `POST /account/second-factor/confirm` with a
//!   code from the new app replaces the old one and shows new recovery codes.
//!
//! Every change ends the user's other sessions and is audited by the service. Wrong current
//! passwords and codes count on the account's code-guessing key (D1).

use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{local_path, render, render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::net::{client_ip, PeerAddr};
use crate::pages::auth::activate::password_error;
use crate::pages::form::FieldErrors;
use crate::policy::{Policy, Routes};
use crate::state::AppState;
use crate::throttle::{code_ip_key, code_key, ACCOUNT_LIMIT, ADDRESS_LIMIT};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Form;
use polku_service::account::Reauth;
use polku_service::ServiceError;
use serde::Deserialize;
use std::time::Instant;
use time::OffsetDateTime;

pub fn routes() -> Routes {
    Routes::new()
        .get("/step-up", Policy::SignedIn, show_step_up)
        .post("/step-up", Policy::SignedIn, submit_step_up)
        .get("/account", Policy::SignedIn, show)
        .post("/account/password", Policy::SignedIn, change_password)
        .post("/account/second-factor", Policy::SignedIn, begin_factor)
        .post(
            "/account/second-factor/confirm",
            Policy::SignedIn,
            confirm_factor,
        )
}

/// Checks the account's and the address's code-guessing keys.
fn throttled(state: &AppState, session: &Session, ip: &str) -> Option<u64> {
    state.throttle.check(
        &[
            (&code_key(session.user.id), ACCOUNT_LIMIT),
            (&code_ip_key(ip), ADDRESS_LIMIT),
        ],
        Instant::now(),
    )
}

fn count_failure(state: &AppState, session: &Session, ip: &str) {
    state.throttle.fail(
        &[&code_key(session.user.id), &code_ip_key(ip)],
        Instant::now(),
    );
}

#[derive(Template)]
#[template(path = "auth/step_up.html")]
struct StepUpPage<'a> {
    ctx: &'a Ctx,
    next: String,
    failed: bool,
}

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

async fn show_step_up(ctx: Ctx, Query(q): Query<NextQuery>) -> WebResult<Response> {
    render(&StepUpPage {
        ctx: &ctx,
        next: q
            .next
            .as_deref()
            .and_then(local_path)
            .unwrap_or("/")
            .to_owned(),
        failed: false,
    })
}

#[derive(Debug, Deserialize)]
pub struct StepUpForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

async fn submit_step_up(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    peer: PeerAddr,
    headers: HeaderMap,
    Form(form): Form<StepUpForm>,
) -> WebResult<Response> {
    let ip = client_ip(&headers, peer.0, state.config.trusted_proxy);
    if let Some(wait) = throttled(&state, &session, &ip) {
        return Err(WebError::Throttled(wait));
    }
    let next = local_path(&form.next).unwrap_or("/").to_owned();
    match state
        .service
        .step_up(&session.token, &form.code, OffsetDateTime::now_utc())
        .await
    {
        Ok(()) => {
            state.throttle.succeed(&code_key(session.user.id));
            Ok(see_other_saved(&next, Notice::SteppedUp))
        }
        Err(ServiceError::Unauthenticated) => {
            count_failure(&state, &session, &ip);
            render_status(
                StatusCode::UNAUTHORIZED,
                &StepUpPage {
                    ctx: &ctx,
                    next,
                    failed: true,
                },
            )
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "account/page.html")]
struct AccountPage<'a> {
    ctx: &'a Ctx,
    has_factor: bool,
    errors: FieldErrors,
}

async fn account_page(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    status: StatusCode,
    errors: FieldErrors,
) -> WebResult<Response> {
    let has_factor = state.service.has_second_factor(session.user.id).await?;
    render_status(
        status,
        &AccountPage {
            ctx,
            has_factor,
            errors,
        },
    )
}

async fn show(State(state): State<AppState>, ctx: Ctx, session: Session) -> WebResult<Response> {
    account_page(&state, &ctx, &session, StatusCode::OK, FieldErrors::new()).await
}

#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    current_code: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

fn reauth_error(errors: &mut FieldErrors, prefix: &str, r: Reauth) {
    match r {
        Reauth::Password => errors.add(
            &format!("{prefix}current_password"),
            "error-current-password",
        ),
        Reauth::Code => errors.add(&format!("{prefix}current_code"), "error-current-code"),
    }
}

async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    peer: PeerAddr,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> WebResult<Response> {
    let ip = client_ip(&headers, peer.0, state.config.trusted_proxy);
    if let Some(wait) = throttled(&state, &session, &ip) {
        return Err(WebError::Throttled(wait));
    }
    let mut errors = FieldErrors::new();
    if let Some(key) = password_error(&form.password) {
        errors.add("password", key);
    } else if form.password != form.password_confirm {
        errors.add("password_confirm", "error-password-mismatch");
    }
    if !errors.is_empty() {
        return account_page(
            &state,
            &ctx,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            errors,
        )
        .await;
    }
    match state
        .service
        .change_own_password(
            &session.token,
            &form.current_password,
            &form.current_code,
            &form.password,
            OffsetDateTime::now_utc(),
        )
        .await
    {
        Ok(Ok(_)) => Ok(see_other_saved("/account", Notice::PasswordChanged)),
        Ok(Err(r)) => {
            count_failure(&state, &session, &ip);
            reauth_error(&mut errors, "pw_", r);
            account_page(
                &state,
                &ctx,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
            )
            .await
        }
        Err(ServiceError::Invalid(_)) => {
            // The policy with the account's own address as a context word.
            errors.add("password", "error-password-common");
            account_page(
                &state,
                &ctx,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "account/factor.html")]
struct FactorPage<'a> {
    ctx: &'a Ctx,
    secret_groups: String,
    uri: String,
    ticket: String,
    errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "account/recovery.html")]
struct RecoveryPage<'a> {
    ctx: &'a Ctx,
    codes: Vec<String>,
}

fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Deserialize)]
pub struct ReauthForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    current_code: String,
}

async fn begin_factor(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    peer: PeerAddr,
    headers: HeaderMap,
    Form(form): Form<ReauthForm>,
) -> WebResult<Response> {
    let ip = client_ip(&headers, peer.0, state.config.trusted_proxy);
    if let Some(wait) = throttled(&state, &session, &ip) {
        return Err(WebError::Throttled(wait));
    }
    match state
        .service
        .begin_factor_change(
            &session.token,
            &form.current_password,
            &form.current_code,
            OffsetDateTime::now_utc(),
        )
        .await
    {
        Ok(Ok(change)) => render(&FactorPage {
            ctx: &ctx,
            secret_groups: grouped(&change.enrolment.secret_base32),
            uri: change.enrolment.uri,
            ticket: change.ticket,
            errors: FieldErrors::new(),
        }),
        Ok(Err(r)) => {
            count_failure(&state, &session, &ip);
            let mut errors = FieldErrors::new();
            reauth_error(&mut errors, "fa_", r);
            account_page(
                &state,
                &ctx,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    ticket: String,
    #[serde(default)]
    code: String,
}

async fn confirm_factor(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Form(form): Form<ConfirmForm>,
) -> WebResult<Response> {
    let now = OffsetDateTime::now_utc();
    match state
        .service
        .confirm_factor_change(&session.token, &form.ticket, &form.code, now)
        .await
    {
        Ok((codes, _)) => render(&RecoveryPage { ctx: &ctx, codes }),
        Err(ServiceError::Unauthenticated) => {
            let Some(e) = state
                .service
                .factor_change_again(&session.token, &form.ticket, now)
                .await?
            else {
                let mut errors = FieldErrors::new();
                errors.add("fa_current_password", "error-factor-change-expired");
                return account_page(
                    &state,
                    &ctx,
                    &session,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    errors,
                )
                .await;
            };
            let mut errors = FieldErrors::new();
            errors.add("code", "error-new-code");
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FactorPage {
                    ctx: &ctx,
                    secret_groups: grouped(&e.secret_base32),
                    uri: e.uri,
                    ticket: form.ticket,
                    errors,
                },
            )
        }
        Err(e) => Err(e.into()),
    }
}
