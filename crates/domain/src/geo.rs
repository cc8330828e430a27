//! Postcodes, municipalities and regions (Posti postcode data; see `data/README.md`).

use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A Statistics Finland municipality code: three digits, e.g. `398` (Lahti).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MunicipalityCode(String);

impl MunicipalityCode {
    /// Checks the form only; [`crate::geo`] lookups check that the municipality exists.
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        let t = s.trim();
        if t.len() == 3 && t.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(t.to_owned()))
        } else {
            Err(DomainError::UnknownMunicipality(s.to_owned()))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for MunicipalityCode {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<MunicipalityCode> for String {
    fn from(c: MunicipalityCode) -> String {
        c.0
    }
}

impl fmt::Display for MunicipalityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
