//! Exports have a rate limit of their own (R19), per user: at most [`EXPORT_LIMIT`] export
//! requests in the throttle's sliding window ([`WINDOW`](crate::throttle::WINDOW), 15 minutes),
//! counted together for the report files (`/reports/export`), the subject export page
//! (`/participants/{id}/export`) and the API (`GET /api/v1/participants/{id}/export`). One more is
//! refused with 429, the code `too_many_exports` and `Retry-After` (a page in the user's
//! language, or the API's error envelope).
//!
//! Apply it by adding one extractor argument after [`StepUp`](crate::step_up::StepUp), so that a
//! request sent to step-up first is not counted:
//!
//! ```ignore
//! async fn export(_fresh: StepUp, _quota: ExportQuota, session: Session, …) -> … { … }
//! ```

use crate::error::WebError;
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use std::time::Instant;

/// Export requests one user may make in the window.
pub const EXPORT_LIMIT: usize = 30;

/// The throttle key of one user's exports.
pub fn export_key(user: polku_domain::UserId) -> String {
    format!("export:{user}")
}

/// Proof that this export request is within its user's quota (and has been counted).
#[derive(Debug, Clone, Copy)]
pub struct ExportQuota;

impl FromRequestParts<AppState> for ExportQuota {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(session) = parts.extensions.get::<Session>() else {
            return Err(WebError::Unauthenticated.into_response());
        };
        let key = export_key(session.user.id);
        match state
            .throttle
            .attempt(&[(&key, EXPORT_LIMIT)], Instant::now())
        {
            None => Ok(ExportQuota),
            Some(wait) => Err(WebError::ExportsThrottled(wait).into_response()),
        }
    }
}
