//! Account activation through a one-time link: the user chooses a password (R2, R5) and is
//! signed in. Demo sign-in links printed by `polku serve --demo` are such links.

use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render, render_status, Notice};
use crate::pages::form::FieldErrors;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_service::auth::{check_password_policy, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
use serde::Deserialize;
use time::OffsetDateTime;

#[derive(Template)]
#[template(path = "auth/activate.html")]
struct ActivatePage<'a> {
    ctx: &'a Ctx,
    token: String,
    errors: FieldErrors,
    link_failed: bool,
}

#[derive(Debug, Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

pub async fn show(ctx: Ctx, Query(q): Query<TokenQuery>) -> WebResult<Response> {
    render(&ActivatePage {
        ctx: &ctx,
        token: q.token,
        errors: FieldErrors::new(),
        link_failed: false,
    })
}

#[derive(Debug, Deserialize)]
pub struct ActivateForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// The message key for a password the policy refuses.
fn password_error(pw: &str) -> Option<&'static str> {
    let n = pw.chars().count();
    if n < MIN_PASSWORD_CHARS {
        Some("error-password-short")
    } else if n > MAX_PASSWORD_CHARS {
        Some("error-password-long")
    } else if check_password_policy(pw, &["polku"]).is_err() {
        Some("error-password-common")
    } else {
        None
    }
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ActivateForm>,
) -> WebResult<Response> {
    let mut errors = FieldErrors::new();
    if let Some(key) = password_error(&form.password) {
        errors.add("password", key);
    } else if form.password != form.password_confirm {
        errors.add("password_confirm", "error-password-mismatch");
    }
    if !errors.is_empty() {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ActivatePage {
                ctx: &ctx,
                token: form.token,
                errors,
                link_failed: false,
            },
        );
    }
    match state
        .service
        .activate_and_sign_in(&form.token, &form.password, OffsetDateTime::now_utc())
        .await
    {
        Ok(session) => Ok(super::second_factor::after_password(
            &session,
            &Notice::Password.on("/"),
        )),
        Err(polku_service::ServiceError::Unauthenticated) => render_status(
            StatusCode::UNAUTHORIZED,
            &ActivatePage {
                ctx: &ctx,
                token: String::new(),
                errors: FieldErrors::new(),
                link_failed: true,
            },
        ),
        Err(e) => Err(e.into()),
    }
}
