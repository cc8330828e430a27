//! CEFR language levels A1–C2 and language codes.

use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A CEFR level; ordered, so `B1 > A2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum CefrLevel {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

impl CefrLevel {
    pub const ALL: [CefrLevel; 6] = [Self::A1, Self::A2, Self::B1, Self::B2, Self::C1, Self::C2];

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        match s.trim().to_ascii_uppercase().as_str() {
            "A1" => Ok(Self::A1),
            "A2" => Ok(Self::A2),
            "B1" => Ok(Self::B1),
            "B2" => Ok(Self::B2),
            "C1" => Ok(Self::C1),
            "C2" => Ok(Self::C2),
            _ => Err(DomainError::InvalidCefr(s.to_owned())),
        }
    }

    pub fn as_str(self) -> &'static str {
        ["A1", "A2", "B1", "B2", "C1", "C2"][self as usize]
    }

    /// 1 for A1 … 6 for C2.
    pub fn rank(self) -> u8 {
        self as u8 + 1
    }
}

impl TryFrom<String> for CefrLevel {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<CefrLevel> for String {
    fn from(l: CefrLevel) -> String {
        l.as_str().to_owned()
    }
}

impl fmt::Display for CefrLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An ISO 639-1 language code (two lower-case letters), e.g. `fi`, `sv`, `en`, `ar`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCode(String);

impl LanguageCode {
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        let t = s.trim().to_ascii_lowercase();
        if t.len() == 2 && t.bytes().all(|b| b.is_ascii_lowercase()) {
            Ok(Self(t))
        } else {
            Err(DomainError::Invalid {
                field: "language",
                reason: format!("{s:?} is not a two-letter ISO 639-1 code"),
            })
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for LanguageCode {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<LanguageCode> for String {
    fn from(l: LanguageCode) -> String {
        l.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn parse_and_order() {
        assert_eq!(CefrLevel::parse("b1"), Ok(CefrLevel::B1));
        assert!(CefrLevel::B1 > CefrLevel::A2);
        assert!(CefrLevel::parse("B3").is_err());
        assert_eq!(CefrLevel::C2.rank(), 6);
        assert!(LanguageCode::parse("fin").is_err());
        assert_eq!(LanguageCode::parse("SV").unwrap().as_str(), "sv");
    }
}
