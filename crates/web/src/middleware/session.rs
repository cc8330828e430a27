//! Finds the signed-in user: the session cookie (`__Host-polku_session`, R9) for pages, or an
//! `Authorization: Bearer` token for API clients. Both are opaque server-side sessions (R8); an
//! unknown, idle or expired token is simply no session. The signed-in user's id is recorded
//! on the request's log span (`middleware::request_id`).

use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use polku_domain::User;
use polku_service::Actor;
use time::OffsetDateTime;

pub const COOKIE: &str = "__Host-polku_session";

/// How the request was authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Cookie,
    Bearer,
}

/// The signed-in user of a request.
#[derive(Debug, Clone)]
pub struct Session {
    pub token: String,
    pub actor: Actor,
    pub user: User,
    pub via: Via,
}

/// The `Set-Cookie` value that stores a session token (R9).
pub fn set_cookie(token: &str) -> String {
    format!("{COOKIE}={token}; Path=/; Secure; HttpOnly; SameSite=Lax")
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie() -> String {
    format!("{COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0")
}

fn token_of(req: &Request) -> Option<(String, Via)> {
    if let Some(auth) = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        return auth
            .strip_prefix("Bearer ")
            .map(|t| (t.trim().to_owned(), Via::Bearer));
    }
    super::cookie(req.headers(), COOKIE).map(|t| (t.to_owned(), Via::Cookie))
}

pub async fn session(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if let Some((token, via)) = token_of(&req) {
        if token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit()) {
            let now = OffsetDateTime::now_utc();
            match state.service.session_user(&token, now).await {
                Ok((actor, user)) => {
                    // Every later log line of this request names the user by their opaque id.
                    tracing::Span::current().record("user", tracing::field::display(user.id));
                    req.extensions_mut().insert(Session {
                        token,
                        actor,
                        user,
                        via,
                    });
                }
                // The database is down or full: the session cannot be checked, which is not the
                // same as "no session" (a 401 would tell API clients to sign in again). 503 with
                // `Retry-After` (drills: scripts/drill-db-down.sh).
                Err(e @ polku_service::ServiceError::Unavailable { .. }) => {
                    return axum::response::IntoResponse::into_response(
                        crate::error::WebError::Service(e),
                    );
                }
                Err(_) => {}
            }
        }
    }
    next.run(req).await
}
