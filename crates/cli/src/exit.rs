//! Exit codes, documented in `docs/CLI.md`. Scripts can rely on them.

use polku_service::ServiceError;

pub const OK: u8 = 0;
/// Something failed that has no more specific code.
pub const FAILURE: u8 = 1;
/// Bad command line (clap uses 2 as well).
pub const USAGE: u8 = 2;
/// Input data is invalid (a file, a field value).
pub const INVALID_INPUT: u8 = 3;
pub const NOT_FOUND: u8 = 4;
/// Already exists, or changed by someone else.
pub const CONFLICT: u8 = 5;
/// Configuration, keys or database settings are wrong or unsafe.
pub const CONFIG: u8 = 6;
pub const STORAGE: u8 = 7;
/// The audit chain does not verify.
pub const AUDIT_BROKEN: u8 = 8;
/// The database integrity check failed.
pub const INTEGRITY: u8 = 9;

/// An error with the exit code it maps to.
#[derive(Debug)]
pub struct CliError {
    pub code: u8,
    pub message: String,
}

impl CliError {
    pub fn new(code: u8, message: impl Into<String>) -> Self {
        CliError {
            code,
            message: message.into(),
        }
    }
}

impl From<ServiceError> for CliError {
    fn from(e: ServiceError) -> Self {
        let code = match &e {
            ServiceError::NotFound => NOT_FOUND,
            ServiceError::Forbidden | ServiceError::Unauthenticated | ServiceError::Deactivated => {
                FAILURE
            }
            ServiceError::Conflict { .. }
            | ServiceError::LastAdmin
            | ServiceError::Duplicate(_)
            | ServiceError::Held { .. } => CONFLICT,
            ServiceError::Invalid(_) => INVALID_INPUT,
            ServiceError::Crypto(_) | ServiceError::Config(_) => CONFIG,
            ServiceError::Storage(_) | ServiceError::Unavailable { .. } => STORAGE,
            ServiceError::Internal(_) | ServiceError::Busy(_) => FAILURE,
        };
        CliError {
            code,
            message: format!("{e} [{}]", e.code()),
        }
    }
}

impl From<polku_domain::DomainError> for CliError {
    fn from(e: polku_domain::DomainError) -> Self {
        CliError {
            code: INVALID_INPUT,
            message: format!("{e} [{}]", e.code()),
        }
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;
