//! The one error type of the service layer. Each variant has a stable code (`docs/API.md`).

use polku_domain::DomainError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The actor may not do this. Also used for "not yours" so existence does not leak (R14).
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// Not signed in, or the credentials, token or session are not valid. Deliberately vague.
    #[error("sign-in failed or the session has ended")]
    Unauthenticated,
    /// Optimistic concurrency: the row changed since it was read (R50).
    #[error("conflict: the record was changed by someone else (now at version {current})")]
    Conflict { current: i64 },
    /// Erasure refused: a legal hold is in force (R40).
    #[error("erasure is on hold until {until} ({article}, {ground})")]
    Held {
        ground: &'static str,
        article: &'static str,
        until: time::Date,
    },
    /// The account has been deactivated by an administrator. Only said after a correct
    /// password, so it does not reveal that an address has an account (R6).
    #[error("this account has been deactivated")]
    Deactivated,
    /// The change would leave the instance without an active administrator.
    #[error("the last active administrator cannot be deactivated or lose the admin role")]
    LastAdmin,
    #[error("already exists: {0}")]
    Duplicate(String),
    #[error(transparent)]
    Invalid(#[from] DomainError),
    #[error("encryption failure: {0}")]
    Crypto(&'static str),
    #[error("storage failure: {0}")]
    Storage(String),
    #[error("configuration: {0}")]
    Config(String),
    /// Work off the async threads (the matching engine, password hashing) did not finish: the
    /// blocking task panicked or was cancelled. Not a storage failure, so it is not called one.
    #[error("internal failure: {0}")]
    Internal(&'static str),
    /// Too much work is queued (the password hasher, D2): try again after this many seconds.
    #[error("busy: try again in {0} s")]
    Busy(u64),
    /// The database cannot take the request now: its disk is full, or it cannot be reached
    /// (stopped, restarting, connections refused). Nothing was written; the same request can
    /// be sent again once it is back, so the web layer answers 503 with `Retry-After` (drills).
    #[error("storage unavailable ({}): {detail}", outage.code())]
    Unavailable { outage: Outage, detail: String },
}

/// Why the database cannot take a request now (`ServiceError::Unavailable`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outage {
    /// The database's disk or file size limit is reached (SQLite `SQLITE_FULL`, PostgreSQL
    /// `53100 disk_full`); service resumes when space returns.
    StorageFull,
    /// The database cannot be reached or is shutting down or starting (connection refused or
    /// lost, pool timed out, SQLite I/O error or lock wait exceeded).
    DatabaseDown,
}

impl Outage {
    pub fn code(self) -> &'static str {
        match self {
            Outage::StorageFull => "storage_full",
            Outage::DatabaseDown => "database_unavailable",
        }
    }

    /// Seconds a client should wait before trying again.
    pub fn retry_after(self) -> u64 {
        match self {
            Outage::StorageFull => 30,
            Outage::DatabaseDown => 5,
        }
    }
}

impl ServiceError {
    pub fn code(&self) -> &'static str {
        match self {
            ServiceError::NotFound => "not_found",
            ServiceError::Forbidden => "forbidden",
            ServiceError::Unauthenticated => "unauthenticated",
            ServiceError::Conflict { .. } => "conflict",
            ServiceError::Held { .. } => "legal_hold",
            ServiceError::Deactivated => "account_deactivated",
            ServiceError::LastAdmin => "last_admin",
            ServiceError::Duplicate(_) => "duplicate",
            ServiceError::Invalid(e) => e.code(),
            ServiceError::Crypto(_) => "crypto",
            ServiceError::Storage(_) => "storage",
            ServiceError::Config(_) => "config",
            ServiceError::Internal(_) => "internal",
            ServiceError::Busy(_) => "busy",
            ServiceError::Unavailable { outage, .. } => outage.code(),
        }
    }
}

pub type Result<T, E = ServiceError> = std::result::Result<T, E>;
