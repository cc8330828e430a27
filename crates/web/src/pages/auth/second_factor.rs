//! The second step of sign-in (R3): the code from the authenticator app (or a recovery code),
//! and the one-time set-up of the app for accounts that have none yet. Between the password and
//! the code the browser holds only a short-lived pending token (`__Host-polku_pending`), which
//! cannot act for the user.

use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{local_path, render, render_status, see_other, url_encode};
use crate::middleware::cookie;
use crate::middleware::session::set_cookie;
use crate::net::{client_ip, PeerAddr};
use crate::state::AppState;
use crate::throttle::{code_ip_key, code_key, ACCOUNT_LIMIT, ADDRESS_LIMIT};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use axum::Form;
use polku_service::auth::SessionToken;
use polku_service::store::SessionStage;
use polku_service::ServiceError;
use serde::Deserialize;
use std::time::Instant;
use time::OffsetDateTime;

pub const PENDING_COOKIE: &str = "__Host-polku_pending";

fn pending_cookie(token: &str) -> String {
    format!("{PENDING_COOKIE}={token}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=300")
}

fn clear_pending() -> String {
    format!("{PENDING_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0")
}

/// Where a correct password leads: straight in, to the code, or to the set-up.
pub fn after_password(token: &SessionToken, next: &str) -> Response {
    let (location, cookie) = match token.stage {
        SessionStage::Full => (next.to_owned(), set_cookie(&token.token)),
        SessionStage::SecondFactor => (
            format!("/sign-in/code?next={}", url_encode(next)),
            pending_cookie(&token.token),
        ),
        SessionStage::Enrol => ("/sign-in/setup".to_owned(), pending_cookie(&token.token)),
    };
    let mut res = see_other(&location);
    if let Ok(v) = cookie.parse() {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

fn pending_token(headers: &HeaderMap) -> Option<String> {
    cookie(headers, PENDING_COOKIE)
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_owned)
}

#[derive(Template)]
#[template(path = "auth/code.html")]
struct CodePage<'a> {
    ctx: &'a Ctx,
    next: String,
    failed: bool,
}

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn show_code(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> WebResult<Response> {
    let Some(token) = pending_token(&headers) else {
        return Ok(see_other("/sign-in"));
    };
    match state
        .service
        .pending_sign_in(&token, OffsetDateTime::now_utc())
        .await
    {
        Ok((_, SessionStage::SecondFactor)) => render(&CodePage {
            ctx: &ctx,
            next: q
                .next
                .as_deref()
                .and_then(local_path)
                .unwrap_or("/")
                .to_owned(),
            failed: false,
        }),
        _ => Ok(see_other("/sign-in")),
    }
}

#[derive(Debug, Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

pub async fn submit_code(
    State(state): State<AppState>,
    ctx: Ctx,
    peer: PeerAddr,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> WebResult<Response> {
    let Some(token) = pending_token(&headers) else {
        return Ok(see_other("/sign-in"));
    };
    let now = OffsetDateTime::now_utc();
    let Ok((user, _)) = state.service.pending_sign_in(&token, now).await else {
        return Ok(see_other("/sign-in"));
    };
    let ip = client_ip(&headers, peer.0, state.config.trusted_proxy);
    let (user_key, ip_key) = (code_key(user), code_ip_key(&ip));
    let clock = Instant::now();
    if let Some(wait) = state.throttle.check(
        &[(&user_key, ACCOUNT_LIMIT), (&ip_key, ADDRESS_LIMIT)],
        clock,
    ) {
        return Err(WebError::Throttled(wait));
    }
    let next = local_path(&form.next).unwrap_or("/").to_owned();
    match state
        .service
        .complete_second_factor(&token, &form.code, now)
        .await
    {
        Ok(session) => {
            state.throttle.succeed(&user_key);
            let mut res = after_password(&session, &next);
            if let Ok(v) = clear_pending().parse() {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
            Ok(res)
        }
        Err(ServiceError::Unauthenticated) => {
            state.throttle.fail(&[&user_key, &ip_key], clock);
            render_status(
                StatusCode::UNAUTHORIZED,
                &CodePage {
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
#[template(path = "auth/setup.html")]
struct SetupPage<'a> {
    ctx: &'a Ctx,
    secret_groups: String,
    uri: String,
    failed: bool,
}

#[derive(Template)]
#[template(path = "auth/recovery_codes.html")]
struct RecoveryCodesPage<'a> {
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

/// Shows the set-up under way. Reading changes nothing (D22): the secret was made by the
/// password step (a POST), and a new one only by "start again" (`POST /sign-in/setup/new`).
pub async fn show_setup(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
) -> WebResult<Response> {
    let Some(token) = pending_token(&headers) else {
        return Ok(see_other("/sign-in"));
    };
    let now = OffsetDateTime::now_utc();
    let Ok((user, SessionStage::Enrol)) = state.service.pending_sign_in(&token, now).await else {
        return Ok(see_other("/sign-in"));
    };
    let (secret_groups, uri) = match state.service.pending_enrolment(user).await? {
        Some(e) => (grouped(&e.secret_base32), e.uri),
        None => (String::new(), String::new()),
    };
    render(&SetupPage {
        ctx: &ctx,
        secret_groups,
        uri,
        failed: false,
    })
}

/// Makes a new secret (replacing one not yet confirmed) and shows it.
pub async fn new_setup(State(state): State<AppState>, headers: HeaderMap) -> WebResult<Response> {
    let Some(token) = pending_token(&headers) else {
        return Ok(see_other("/sign-in"));
    };
    let now = OffsetDateTime::now_utc();
    let Ok((user, SessionStage::Enrol)) = state.service.pending_sign_in(&token, now).await else {
        return Ok(see_other("/sign-in"));
    };
    state.service.begin_totp_enrolment(user).await?;
    Ok(see_other("/sign-in/setup"))
}

pub async fn submit_setup(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> WebResult<Response> {
    let Some(token) = pending_token(&headers) else {
        return Ok(see_other("/sign-in"));
    };
    match state
        .service
        .confirm_totp_enrolment(&token, &form.code, OffsetDateTime::now_utc())
        .await
    {
        Ok((session, codes)) => {
            let mut res = render(&RecoveryCodesPage { ctx: &ctx, codes })?;
            for c in [set_cookie(&session.token), clear_pending()] {
                if let Ok(v) = c.parse() {
                    res.headers_mut().append(header::SET_COOKIE, v);
                }
            }
            Ok(res)
        }
        Err(ServiceError::Unauthenticated) => setup_again(&state, &ctx, &token).await,
        Err(e) => Err(e.into()),
    }
}

/// After a wrong first code the same secret stays valid: show the page again without
/// generating a new secret (the app already holds it).
async fn setup_again(state: &AppState, ctx: &Ctx, token: &str) -> WebResult<Response> {
    let now = OffsetDateTime::now_utc();
    if !matches!(
        state.service.pending_sign_in(token, now).await,
        Ok((_, SessionStage::Enrol))
    ) {
        return Ok(see_other("/sign-in"));
    }
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &SetupPage {
            ctx,
            secret_groups: String::new(),
            uri: String::new(),
            failed: true,
        },
    )
}
