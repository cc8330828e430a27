//! Token sign-in for programs (R1, R4, R6, R8): `POST /api/v1/sessions` with e-mail and
//! password gives an opaque server-side session token for `Authorization: Bearer`;
//! `DELETE /api/v1/sessions/current` ends it. Accounts with a second factor add `code` (R3);
//! accounts that must still set one up do that in the browser first. Throttled exactly like the sign-in page; every
//! failed attempt gets the same 401.

use super::io::{not_json, parse, text};
use super::schemas::errors::{
    BadRequest, Forbidden, Invalid, TooManyAttempts, Unauthenticated, UnsupportedMediaType,
};
use crate::error::{WebError, WebResult};
use crate::middleware::session::{clear_cookie, Session, Via};
use crate::net::{client_ip, PeerAddr};
use crate::state::AppState;
use crate::throttle::{account_key, code_ip_key, code_key, ip_key, ACCOUNT_LIMIT, ADDRESS_LIMIT};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_service::store::SessionStage;
use serde::{Deserialize, Serialize};
use std::time::Instant;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use utoipa::ToSchema;

/// E-mail and password, and the second factor's code when the account has one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct Credentials {
    email: String,
    password: String,
    /// The six-digit authenticator code or a recovery code; required when the account has a
    /// second factor (otherwise 400 `second_factor_required`, R3).
    #[serde(default)]
    code: Option<String>,
}

/// An opaque server-side session token for `Authorization: Bearer`.
#[derive(Debug, Serialize, ToSchema)]
struct SessionToken {
    #[schema(pattern = "^[0-9a-f]{64}$")]
    token: String,
    #[schema(format = DateTime)]
    expires_at: String,
}

/// Sign in for a token.
///
/// Exchanges e-mail and password for an opaque server-side session token, used as
/// `Authorization: Bearer <token>`. Every failure is the same 401 (R6); repeated failures per
/// account and per client address are throttled with 429 and `Retry-After` (R4). Accounts with a
/// second factor send `code` too; an account that must still set one up gets 400
/// `second_factor_setup_required` and sets it up in the browser (R3). A browser page on another
/// site cannot send this JSON request (no CORS); browser form posts are checked for their origin
/// (R23).
#[utoipa::path(
    post,
    path = "/api/v1/sessions",
    operation_id = "createSession",
    tag = "sessions",
    security(()),
    request_body = Credentials,
    responses(
        (status = 201, description = "Signed in.", body = SessionToken,
            headers(("Location" = String, description = "`/api/v1/sessions/current`"))),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
        (status = 429, response = TooManyAttempts),
    ),
)]
pub async fn create(
    State(state): State<AppState>,
    peer: PeerAddr,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    if let Some(res) = not_json(&headers) {
        return Ok(res);
    }
    let creds: Credentials = parse(text(&body)?)?;
    let email = creds.email.trim().to_lowercase();
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
    match state
        .service
        .sign_in(&email, &creds.password, OffsetDateTime::now_utc())
        .await
    {
        Ok(pending) => {
            let token = match pending.stage {
                SessionStage::Full => pending,
                SessionStage::SecondFactor => {
                    // The password was right: its failures are cleared, but not the code's
                    // (one key per account for code guesses, page and API alike, D1).
                    state.throttle.succeed(&account_key);
                    let Some(code) = creds.code.as_deref() else {
                        state.service.sign_out(&pending.token).await?;
                        return Err(WebError::BadRequest("second_factor_required"));
                    };
                    let (user, _) = state
                        .service
                        .pending_sign_in(&pending.token, OffsetDateTime::now_utc())
                        .await?;
                    let (user_key, code_ip) = (code_key(user), code_ip_key(&ip));
                    if let Some(wait) = state.throttle.check(
                        &[(&user_key, ACCOUNT_LIMIT), (&code_ip, ADDRESS_LIMIT)],
                        now,
                    ) {
                        state.service.sign_out(&pending.token).await?;
                        return Err(WebError::Throttled(wait));
                    }
                    match state
                        .service
                        .complete_second_factor(&pending.token, code, OffsetDateTime::now_utc())
                        .await
                    {
                        Ok(full) => {
                            state.throttle.succeed(&user_key);
                            full
                        }
                        Err(polku_service::ServiceError::Unauthenticated) => {
                            state.service.sign_out(&pending.token).await?;
                            state.throttle.fail(&[&user_key, &code_ip], now);
                            // The service logged the refusal (`secondfactor.failure`).
                            return Err(polku_service::ServiceError::Unauthenticated.into());
                        }
                        Err(e) => return Err(e.into()),
                    }
                }
                SessionStage::Enrol => {
                    // The factor is set up in the browser first (it shows the secret once).
                    state.service.sign_out(&pending.token).await?;
                    return Err(WebError::BadRequest("second_factor_setup_required"));
                }
            };
            state.throttle.succeed(&account_key);
            let expires_at = token
                .expires_at
                .format(&Rfc3339)
                .map_err(|e| WebError::Internal(format!("time: {e}")))?;
            let body = SessionToken {
                token: token.token,
                expires_at,
            };
            let mut res = (StatusCode::CREATED, Json(body)).into_response();
            res.headers_mut().insert(
                header::LOCATION,
                HeaderValue::from_static("/api/v1/sessions/current"),
            );
            Ok(res)
        }
        Err(polku_service::ServiceError::Unauthenticated) => {
            state.throttle.fail(&[&account_key, &ip_key], now);
            // The same answer as `WebError::Unauthenticated`, but the service has logged the
            // refusal (`signin.failure`), so it is not logged a second time.
            Err(polku_service::ServiceError::Unauthenticated.into())
        }
        Err(e) => Err(e.into()),
    }
}

/// Sign out.
///
/// Ends the session the request is authenticated with.
#[utoipa::path(
    delete,
    path = "/api/v1/sessions/current",
    operation_id = "deleteSession",
    tag = "sessions",
    responses(
        (status = 204, description = "Signed out."),
        (status = 401, response = Unauthenticated),
    ),
)]
pub async fn delete(State(state): State<AppState>, session: Session) -> WebResult<Response> {
    state.service.sign_out(&session.token).await?;
    let mut res = StatusCode::NO_CONTENT.into_response();
    if session.via == Via::Cookie {
        if let Ok(v) = clear_cookie().parse() {
            res.headers_mut().insert(header::SET_COOKIE, v);
        }
    }
    Ok(res)
}

/// A current second-factor code.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct StepUpCode {
    /// The six-digit authenticator code or a recovery code.
    code: String,
}

/// Step up.
///
/// Proves the second factor again for the session the request is authenticated with, so that
/// exports and administration (which need a factor proved within 10 minutes, R19) are allowed
/// for the next 10 minutes. A wrong code is 401 and counts towards the account's code-guessing
/// limit (429, shared with sign-in). Accounts without a second factor (demo mode only) have
/// nothing to prove: 204.
#[utoipa::path(
    post,
    path = "/api/v1/sessions/current/step-up",
    operation_id = "stepUpSession",
    tag = "sessions",
    request_body = StepUpCode,
    responses(
        (status = 204, description = "The second factor is fresh."),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
        (status = 429, response = TooManyAttempts),
    ),
)]
pub async fn step_up(
    State(state): State<AppState>,
    session: Session,
    peer: PeerAddr,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    if let Some(res) = not_json(&headers) {
        return Ok(res);
    }
    let body: StepUpCode = parse(text(&body)?)?;
    let now = OffsetDateTime::now_utc();
    if state.service.step_up_status(&session.token, now).await?
        == polku_service::account::StepUp::NoFactor
    {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    let ip = client_ip(&headers, peer.0, state.config.trusted_proxy);
    let (user_key, code_ip) = (code_key(session.user.id), code_ip_key(&ip));
    let clock = Instant::now();
    if let Some(wait) = state.throttle.check(
        &[(&user_key, ACCOUNT_LIMIT), (&code_ip, ADDRESS_LIMIT)],
        clock,
    ) {
        return Err(WebError::Throttled(wait));
    }
    match state.service.step_up(&session.token, &body.code, now).await {
        Ok(()) => {
            state.throttle.succeed(&user_key);
            Ok(StatusCode::NO_CONTENT.into_response())
        }
        Err(polku_service::ServiceError::Unauthenticated) => {
            state.throttle.fail(&[&user_key, &code_ip], clock);
            Err(polku_service::ServiceError::Unauthenticated.into())
        }
        Err(e) => Err(e.into()),
    }
}
