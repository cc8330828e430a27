//! Sign-in with e-mail and password (R1, R4, R6). Every failure looks the same: same status,
//! same page, same work (the service checks unknown accounts against a dummy hash).

use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{local_path, render, render_status, see_other};
use crate::middleware::cookie;
use crate::middleware::session::{clear_cookie, COOKIE};
use crate::net::{client_ip, PeerAddr};
use crate::state::AppState;
use crate::throttle::{account_key, ip_key, ACCOUNT_LIMIT, ADDRESS_LIMIT};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use std::time::Instant;
use time::OffsetDateTime;

#[derive(Template)]
#[template(path = "auth/sign_in.html")]
struct SignInPage<'a> {
    ctx: &'a Ctx,
    email: String,
    next: String,
    failed: bool,
}

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn show(ctx: Ctx, Query(q): Query<NextQuery>) -> WebResult<Response> {
    if ctx.session.is_some() {
        return Ok(see_other("/"));
    }
    render(&SignInPage {
        ctx: &ctx,
        email: String::new(),
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
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    peer: PeerAddr,
    headers: HeaderMap,
    Form(form): Form<SignInForm>,
) -> WebResult<Response> {
    let email = form.email.trim().to_lowercase();
    let ip = client_ip(&headers, peer.0, state.config.trusted_proxy);
    let account_key = account_key(&email);
    let ip_key = ip_key(&ip);
    let now = Instant::now();
    if let Some(wait) = state.throttle.check(
        &[(&account_key, ACCOUNT_LIMIT), (&ip_key, ADDRESS_LIMIT)],
        now,
    ) {
        return Err(WebError::Throttled(wait));
    }
    let next = local_path(&form.next).unwrap_or("/").to_owned();
    match state
        .service
        .sign_in(&email, &form.password, OffsetDateTime::now_utc())
        .await
    {
        Ok(token) => {
            // A correct password clears the password failures only; wrong codes stay counted
            // until a correct code (D1).
            state.throttle.succeed(&account_key);
            // Signing in replaces the browser's session, never adds to it (D21, R8).
            let old = cookie(&headers, COOKIE);
            if let Some(old) = old {
                state.service.sign_out(old).await?;
            }
            let mut res = super::second_factor::after_password(&token, &next);
            if old.is_some() && token.stage != polku_service::store::SessionStage::Full {
                if let Ok(v) = clear_cookie().parse() {
                    res.headers_mut().append(header::SET_COOKIE, v);
                }
            }
            Ok(res)
        }
        Err(polku_service::ServiceError::Unauthenticated) => {
            state.throttle.fail(&[&account_key, &ip_key], now);
            render_status(
                StatusCode::UNAUTHORIZED,
                &SignInPage {
                    ctx: &ctx,
                    email: form.email,
                    next,
                    failed: true,
                },
            )
        }
        Err(e) => Err(e.into()),
    }
}
