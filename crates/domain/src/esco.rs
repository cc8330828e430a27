//! ESCO concept URIs (skills and occupations), e.g.
//! `http://data.europa.eu/esco/skill/00090cc1-1f27-439e-a4e0-19a87a501bfc`.

use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::fmt;

const PREFIX: &str = "http://data.europa.eu/esco/";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscoKind {
    Skill,
    Occupation,
    Isco,
}

/// A syntactically valid ESCO concept URI.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EscoUri(String);

impl EscoUri {
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        let t = s.trim();
        let err = || DomainError::InvalidEscoUri(s.to_owned());
        let rest = t.strip_prefix(PREFIX).ok_or_else(err)?;
        let (kind, id) = rest.split_once('/').ok_or_else(err)?;
        let kind_ok = matches!(kind, "skill" | "occupation" | "isco");
        let id_ok = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_');
        if kind_ok && id_ok {
            Ok(Self(t.to_owned()))
        } else {
            Err(err())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn kind(&self) -> EscoKind {
        match self.0[PREFIX.len()..].split('/').next() {
            Some("skill") => EscoKind::Skill,
            Some("occupation") => EscoKind::Occupation,
            _ => EscoKind::Isco,
        }
    }
}

impl TryFrom<String> for EscoUri {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<EscoUri> for String {
    fn from(u: EscoUri) -> String {
        u.0
    }
}

impl fmt::Display for EscoUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn parse() {
        let u =
            EscoUri::parse("http://data.europa.eu/esco/skill/00090cc1-1f27-439e-a4e0-19a87a501bfc")
                .unwrap();
        assert_eq!(u.kind(), EscoKind::Skill);
        assert_eq!(
            EscoUri::parse("http://data.europa.eu/esco/occupation/abc")
                .unwrap()
                .kind(),
            EscoKind::Occupation
        );
        for bad in [
            "",
            "http://example.com/skill/x",
            "http://data.europa.eu/esco/skill/",
            "http://data.europa.eu/esco/thing/x",
            "http://data.europa.eu/esco/skill/a b",
        ] {
            assert!(EscoUri::parse(bad).is_err(), "{bad}");
        }
    }
}
