//! The one error type of the domain layer.

/// Why a value could not be built. Each variant carries a stable code (see `docs/API.md`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("invalid personal identity code: {0}")]
    InvalidHetu(&'static str),
    #[error("invalid business ID: {0}")]
    InvalidBusinessId(&'static str),
    #[error("invalid CEFR level {0:?}: expected one of A1 A2 B1 B2 C1 C2")]
    InvalidCefr(String),
    #[error("invalid ESCO URI {0:?}")]
    InvalidEscoUri(String),
    #[error("unknown functioning dimension {0:?}")]
    UnknownDimension(String),
    #[error("level {0} is out of range 0-4")]
    LevelOutOfRange(i64),
    #[error("invalid postcode {0:?}: expected five digits")]
    InvalidPostcode(String),
    #[error("unknown municipality code {0:?}")]
    UnknownMunicipality(String),
    #[error("invalid e-mail address")]
    InvalidEmail,
    #[error("unknown role {0:?}")]
    UnknownRole(String),
    #[error("invalid value for {field}: {reason}")]
    Invalid { field: &'static str, reason: String },
    /// A rule of law or policy is broken: `rule` is a stable code (`work_trial_hours_per_day`)
    /// that the API returns as the field's error key and the pages translate.
    #[error("{field} breaks the rule {rule}")]
    Rule {
        field: &'static str,
        rule: &'static str,
    },
    #[error("reference data is malformed: {0}")]
    Catalogue(String),
}

impl DomainError {
    /// Stable machine-readable code for API envelopes and CLI messages.
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::InvalidHetu(_) => "invalid_hetu",
            DomainError::InvalidBusinessId(_) => "invalid_business_id",
            DomainError::InvalidCefr(_) => "invalid_cefr_level",
            DomainError::InvalidEscoUri(_) => "invalid_esco_uri",
            DomainError::UnknownDimension(_) => "unknown_dimension",
            DomainError::LevelOutOfRange(_) => "level_out_of_range",
            DomainError::InvalidPostcode(_) => "invalid_postcode",
            DomainError::UnknownMunicipality(_) => "unknown_municipality",
            DomainError::InvalidEmail => "invalid_email",
            DomainError::UnknownRole(_) => "unknown_role",
            DomainError::Invalid { .. } => "invalid_value",
            DomainError::Rule { .. } => "rule_broken",
            DomainError::Catalogue(_) => "catalogue_malformed",
        }
    }
}
