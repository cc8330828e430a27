//! Step-up (R19): exports and administration need a second factor proved within the last
//! [`STEP_UP_FRESH`] (10 minutes), whatever the age of the session.
//!
//! Apply it by adding one extractor argument to a handler:
//!
//! ```ignore
//! async fn export(_fresh: StepUp, session: Session, …) -> WebResult<Response> { … }
//! ```
//!
//! The route keeps its [`Policy`](crate::policy::Policy) (who may call it); `StepUp` adds *when*.
//! Without a fresh factor a page request is sent to `/step-up?next=…`, which asks for a code and
//! returns: to the page itself after a `GET`, to the first path segment (`/admin`, …) after any
//! other method, since a form post cannot be replayed. An API request gets 403
//! `step_up_required`; the program renews with `POST /api/v1/sessions/current/step-up`.
//! Accounts without a second factor exist only when none is required (`polku serve --demo`);
//! for them `StepUp` lets the request through (`docs/SECURITY.md`).

use crate::error::WebError;
use crate::html::{see_other, url_encode};
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::Method;
use axum::response::{IntoResponse, Response};
use polku_service::account::StepUp as Status;
pub use polku_service::account::STEP_UP_FRESH;
use time::OffsetDateTime;

/// Proof that the request's session proved its second factor recently (or has none to prove).
#[derive(Debug, Clone, Copy)]
pub struct StepUp;

/// Where the step-up page returns to after a request to `path` with `method`.
fn return_to(method: &Method, path_and_query: &str) -> String {
    if *method == Method::GET {
        return path_and_query.to_owned();
    }
    let first = path_and_query
        .trim_start_matches('/')
        .split(['/', '?'])
        .next()
        .unwrap_or_default();
    format!("/{first}")
}

impl FromRequestParts<AppState> for StepUp {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let api = parts.uri.path().starts_with("/api/");
        let Some(session) = parts.extensions.get::<Session>() else {
            return Err(WebError::Unauthenticated.into_response());
        };
        let status = state
            .service
            .step_up_status(&session.token, OffsetDateTime::now_utc())
            .await
            .map_err(|e| WebError::from(e).into_response())?;
        match status {
            Status::Fresh | Status::NoFactor => Ok(StepUp),
            Status::Required if api => Err(WebError::StepUpRequired.into_response()),
            Status::Required => {
                let here = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_else(|| "/".to_owned());
                let next = return_to(&parts.method, &here);
                Err(see_other(&format!("/step-up?next={}", url_encode(&next))))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn returns_to_the_page_or_its_section() {
        assert_eq!(
            return_to(&Method::GET, "/participants/1/export?x=1"),
            "/participants/1/export?x=1"
        );
        assert_eq!(
            return_to(&Method::POST, "/admin/users/1/activation"),
            "/admin"
        );
        assert_eq!(return_to(&Method::POST, "/"), "/");
    }
}
