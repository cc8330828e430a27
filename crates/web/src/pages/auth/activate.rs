//! Account activation through a one-time link: the user chooses a password (R2, R5) and is
//! signed in. Demo sign-in links printed by `polku serve --demo` are such links.
//!
//! The token leaves the address at once (D12): `GET /activate?token=…` answers with a redirect
//! to `/activate` and keeps the token in a short-lived, HttpOnly cookie for the form, so the
//! token is in no address the browser keeps (history, bookmarks, `Referer`) and in no later
//! request line a proxy logs; our own log never has queries. The token is checked before any
//! password is hashed, and `/activate` posts are throttled per client address and in all (D2).

use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{render, render_status, see_other, Notice};
use crate::middleware::cookie;
use crate::middleware::session::COOKIE as SESSION_COOKIE;
use crate::net::{client_ip, PeerAddr};
use crate::pages::form::FieldErrors;
use crate::state::AppState;
use crate::throttle::{
    activation_ip_key, ACTIVATION_ADDRESS_LIMIT, ACTIVATION_ALL, ACTIVATION_GLOBAL_LIMIT,
};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use axum::Form;
use polku_service::auth::{check_password_policy, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
use serde::Deserialize;
use std::time::Instant;
use time::OffsetDateTime;

/// Holds the activation token between the link and the form (15 minutes).
pub const ACTIVATION_COOKIE: &str = "__Host-polku_activation";

fn activation_cookie(token: &str) -> String {
    format!("{ACTIVATION_COOKIE}={token}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=900")
}

fn clear_activation() -> String {
    format!("{ACTIVATION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0")
}

fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

#[derive(Template)]
#[template(path = "auth/activate.html")]
struct ActivatePage<'a> {
    ctx: &'a Ctx,
    errors: FieldErrors,
    link_failed: bool,
}

#[derive(Debug, Deserialize)]
pub struct TokenQuery {
    token: Option<String>,
}

pub async fn show(
    ctx: Ctx,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> WebResult<Response> {
    if let Some(token) = q.token {
        // Move the token out of the address before anything else is shown.
        let token = token.trim();
        let mut res = see_other("/activate");
        let set = if well_formed(token) {
            activation_cookie(token)
        } else {
            clear_activation()
        };
        if let Ok(v) = set.parse() {
            res.headers_mut().insert(header::SET_COOKIE, v);
        }
        return Ok(res);
    }
    let has_token = cookie(&headers, ACTIVATION_COOKIE).is_some_and(well_formed);
    let page = ActivatePage {
        ctx: &ctx,
        errors: FieldErrors::new(),
        link_failed: !has_token,
    };
    if has_token {
        render(&page)
    } else {
        render_status(StatusCode::UNAUTHORIZED, &page)
    }
}

#[derive(Debug, Deserialize)]
pub struct ActivateForm {
    /// Programs (and `polku` tests) may post the token in the body; browsers carry it in the
    /// activation cookie.
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// The message key for a password the policy refuses.
pub fn password_error(pw: &str) -> Option<&'static str> {
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
    peer: PeerAddr,
    headers: HeaderMap,
    Form(form): Form<ActivateForm>,
) -> WebResult<Response> {
    let ip = client_ip(&headers, peer.0, state.config.trusted_proxy);
    let ip_key = activation_ip_key(&ip);
    if let Some(wait) = state.throttle.attempt(
        &[
            (&ip_key, ACTIVATION_ADDRESS_LIMIT),
            (ACTIVATION_ALL, ACTIVATION_GLOBAL_LIMIT),
        ],
        Instant::now(),
    ) {
        return Err(WebError::Throttled(wait));
    }
    let token = if form.token.trim().is_empty() {
        cookie(&headers, ACTIVATION_COOKIE)
            .unwrap_or_default()
            .to_owned()
    } else {
        form.token.trim().to_owned()
    };
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
                errors,
                link_failed: false,
            },
        );
    }
    match state
        .service
        .activate_and_sign_in(&token, &form.password, OffsetDateTime::now_utc())
        .await
    {
        Ok(session) => {
            // Whatever session the browser had is replaced (D21); the store has already
            // ended every session of this account (D15).
            if let Some(old) = cookie(&headers, SESSION_COOKIE) {
                state.service.sign_out(old).await?;
            }
            let mut res = super::second_factor::after_password(&session, &Notice::Password.on("/"));
            if let Ok(v) = clear_activation().parse() {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
            Ok(res)
        }
        Err(polku_service::ServiceError::Unauthenticated) => render_status(
            StatusCode::UNAUTHORIZED,
            &ActivatePage {
                ctx: &ctx,
                errors: FieldErrors::new(),
                link_failed: true,
            },
        ),
        Err(e) => Err(e.into()),
    }
}
