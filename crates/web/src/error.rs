//! The one error type of the web layer. A handler returns `WebError`; the response carries only
//! the status and an [`ErrorInfo`] marker, and the outer middleware (`middleware::headers`)
//! renders it once, for the requester's language and the kind of route: a generic HTML page with
//! a way back, or the JSON envelope of `docs/API.md`. Internal details never reach the client
//! (R26); they go to the log, under the request id that the error page and the `X-Request-Id`
//! header show.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use polku_service::ServiceError;
use std::collections::BTreeMap;

/// What went wrong, as the client may see it: a stable code and, for validation, the fields.
#[derive(Debug, Clone)]
pub struct ErrorInfo {
    pub code: &'static str,
    /// Field path → message key in the catalogue (`errors` area).
    pub fields: BTreeMap<String, String>,
    /// Seconds to wait, for 429.
    pub retry_after: Option<u64>,
}

#[derive(Debug)]
pub enum WebError {
    Service(ServiceError),
    NotFound,
    Forbidden,
    Unauthenticated,
    /// Too many attempts; wait this many seconds (R4).
    Throttled(u64),
    /// Too many exports by this user; wait this many seconds (R19, `crate::export_limit`).
    ExportsThrottled(u64),
    /// The request is malformed (unknown or forbidden fields, bad JSON).
    BadRequest(&'static str),
    /// Field errors: path → message key.
    Invalid(BTreeMap<String, String>),
    /// `If-Match` missing on an update (R50).
    PreconditionRequired,
    /// `If-Match` does not match the current version (R50).
    PreconditionFailed,
    /// Cross-site or origin-less unsafe request (R23).
    CrossSite,
    /// The server is at its limit for this kind of work, or the request ran out of time;
    /// try again after this many seconds (R27, D5).
    Unavailable(u64),
    /// The action needs a fresh second factor (step-up, R19); pages redirect to `/step-up`.
    StepUpRequired,
    Internal(String),
    /// A value for an optional field the organisation has not switched on (R42): the request
    /// path of the field (`personal.hetu`).
    FieldNotEnabled(String),
}

impl From<ServiceError> for WebError {
    fn from(e: ServiceError) -> Self {
        WebError::Service(e)
    }
}

impl WebError {
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::Service(e) => match e {
                ServiceError::NotFound => StatusCode::NOT_FOUND,
                ServiceError::Forbidden | ServiceError::Deactivated => StatusCode::FORBIDDEN,
                ServiceError::Unauthenticated => StatusCode::UNAUTHORIZED,
                ServiceError::Conflict { .. } => StatusCode::PRECONDITION_FAILED,
                ServiceError::Duplicate(_)
                | ServiceError::Held { .. }
                | ServiceError::LastAdmin => StatusCode::CONFLICT,
                ServiceError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
                ServiceError::Crypto(_)
                | ServiceError::Storage(_)
                | ServiceError::Config(_)
                | ServiceError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
                ServiceError::Busy(_) | ServiceError::Unavailable { .. } => {
                    StatusCode::SERVICE_UNAVAILABLE
                }
            },
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Forbidden | WebError::CrossSite | WebError::StepUpRequired => {
                StatusCode::FORBIDDEN
            }
            WebError::Unauthenticated => StatusCode::UNAUTHORIZED,
            WebError::Throttled(_) | WebError::ExportsThrottled(_) => StatusCode::TOO_MANY_REQUESTS,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            WebError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            WebError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            WebError::FieldNotEnabled(_) => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    pub fn info(&self) -> ErrorInfo {
        let mut fields = BTreeMap::new();
        let code = match self {
            WebError::Service(ServiceError::Invalid(e)) => {
                if let polku_domain::DomainError::Invalid { field, .. } = e {
                    fields.insert(
                        (*field).to_owned(),
                        format!("error-{}", e.code().replace('_', "-")),
                    );
                }
                e.code()
            }
            WebError::Service(e) => e.code(),
            WebError::NotFound => "not_found",
            WebError::Forbidden => "forbidden",
            WebError::CrossSite => "cross_site_request",
            WebError::StepUpRequired => "step_up_required",
            WebError::Unauthenticated => "unauthenticated",
            WebError::Throttled(_) => "too_many_attempts",
            WebError::ExportsThrottled(_) => "too_many_exports",
            WebError::BadRequest(code) => code,
            WebError::Invalid(f) => {
                fields = f.clone();
                "invalid_input"
            }
            WebError::PreconditionRequired => "precondition_required",
            WebError::PreconditionFailed => "conflict",
            WebError::Unavailable(_) => "unavailable",
            WebError::Internal(_) => "internal",
            WebError::FieldNotEnabled(path) => {
                fields.insert(path.clone(), "rule-field-not-enabled".to_owned());
                "field_not_enabled"
            }
        };
        ErrorInfo {
            code,
            fields,
            retry_after: match self {
                WebError::Throttled(s)
                | WebError::ExportsThrottled(s)
                | WebError::Unavailable(s)
                | WebError::Service(ServiceError::Busy(s)) => Some(*s),
                WebError::Service(ServiceError::Unavailable { outage, .. }) => {
                    Some(outage.retry_after())
                }
                _ => None,
            },
        }
    }
}

impl WebError {
    /// Writes the log line for this error, if it is one the log should have: an unexpected
    /// error with its internal detail (R26: the client gets only the generic page), or a
    /// refusal as a security event (R34). The request's span adds the request id, the route,
    /// the client address and the user's id. Field errors and not-found are ordinary answers
    /// and are not logged, and nothing the client sent is ever part of the line (R32).
    fn log(&self, status: StatusCode) {
        let code = self.info().code;
        match self {
            WebError::Forbidden | WebError::Service(ServiceError::Forbidden) => {
                tracing::warn!(event = "access.denied", code, "access refused");
            }
            // The service's own refusals (a wrong password or code, an expired session) are
            // logged by the service, with more to say.
            WebError::Unauthenticated => {
                tracing::info!(event = "access.unauthenticated", code, "not signed in");
            }
            WebError::CrossSite => {
                tracing::warn!(
                    event = "request.cross_site",
                    code,
                    "cross-site request refused"
                );
            }
            WebError::Throttled(wait) => {
                tracing::warn!(
                    event = "signin.throttled",
                    retry_after = wait,
                    "too many failed attempts"
                );
            }
            WebError::ExportsThrottled(wait) => {
                tracing::warn!(
                    event = "export.throttled",
                    retry_after = wait,
                    "too many exports"
                );
            }
            WebError::Unavailable(wait) => {
                tracing::warn!(
                    event = "request.shed",
                    retry_after = wait,
                    "at capacity or out of time; refused with 503"
                );
            }
            WebError::StepUpRequired => {
                tracing::info!(
                    event = "stepup.required",
                    code,
                    "a fresh second factor is needed"
                );
            }
            WebError::Service(ServiceError::Busy(wait)) => {
                tracing::warn!(
                    event = "hashing.busy",
                    retry_after = wait,
                    "password hashing queue full"
                );
            }
            WebError::Service(ServiceError::Unavailable { outage, .. }) => {
                // The detail is the driver's message (an errno or SQLSTATE text, no stored value).
                tracing::error!(
                    event = "storage.unavailable",
                    code,
                    retry_after = outage.retry_after(),
                    detail = %self.detail(),
                    "the database cannot take requests now; refused with 503"
                );
            }
            WebError::BadRequest(_) => {
                tracing::info!(
                    event = "request.malformed",
                    code,
                    "malformed request refused"
                );
            }
            _ if status.is_server_error() => {
                // The detail is the error's own text: store and crypto errors name what failed and
                // where, never a stored value (D29); the request id is on the span.
                tracing::error!(
                    event = "error.internal",
                    status = status.as_u16(),
                    code,
                    detail = %self.detail(),
                    "internal error"
                );
            }
            _ => {}
        }
    }
}

impl WebError {
    /// What failed, for the log: the service error's message (which names no stored value,
    /// D29) or the web layer's own fixed text.
    fn detail(&self) -> String {
        match self {
            WebError::Service(e) => e.to_string(),
            WebError::Internal(s) => s.clone(),
            other => other.info().code.to_owned(),
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = self.status();
        self.log(status);
        let mut res = status.into_response();
        res.extensions_mut().insert(self.info());
        res
    }
}

pub type WebResult<T> = Result<T, WebError>;

#[cfg(test)]
mod outage_tests {
    use super::*;
    use polku_service::error::Outage;

    /// A full disk or an unreachable database is 503 with a stable code and `Retry-After`
    /// (drills: `scripts/drill-disk-full.sh`, `scripts/drill-db-down.sh`), not a 500.
    #[test]
    fn outages_are_503_with_retry_after_and_their_own_code() {
        for (outage, code, wait) in [
            (Outage::StorageFull, "storage_full", 30),
            (Outage::DatabaseDown, "database_unavailable", 5),
        ] {
            let e = WebError::Service(ServiceError::Unavailable {
                outage,
                detail: "database or disk is full".into(),
            });
            assert_eq!(e.status(), StatusCode::SERVICE_UNAVAILABLE);
            let info = e.info();
            assert_eq!(info.code, code);
            assert_eq!(info.retry_after, Some(wait));
        }
        // Other storage failures stay internal errors.
        let other = WebError::Service(ServiceError::Storage("no such table".into()));
        assert_eq!(other.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(other.info().retry_after, None);
    }
}
