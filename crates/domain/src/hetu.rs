//! Finnish personal identity code (henkilötunnus), `DDMMYYCZZZQ`.
//!
//! Rules: `docs/finnish-rules.md` §9.1 — century signs `+` (1800s), `- Y X W V U` (1900s),
//! `A B C D E F` (2000s) as of the 2023 decree; the sign is part of the identifier; the check
//! character is `DDMMYYZZZ mod 31` indexed into `0123456789ABCDEFHJKLMNPRSTUVWXY`; individual
//! numbers 900–999 are temporary/test codes, 000 and 001 are never issued.

use crate::DomainError;
use std::fmt;
use time::{Date, Month};

const CHECK_CHARS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// A personal identity code whose format, date and check character are valid.
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Hetu(String);

impl TryFrom<String> for Hetu {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Hetu> for String {
    fn from(h: Hetu) -> String {
        h.0
    }
}

/// Whether a code belongs to the population register or to the temporary range 900–999.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HetuKind {
    Permanent,
    Temporary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

/// The check character for the nine digits `DDMMYYZZZ`.
pub fn check_char(nine_digits: u32) -> char {
    CHECK_CHARS[(nine_digits % 31) as usize] as char
}

fn century(sign: u8) -> Option<i32> {
    match sign {
        b'+' => Some(1800),
        b'-' | b'Y' | b'X' | b'W' | b'V' | b'U' => Some(1900),
        b'A' | b'B' | b'C' | b'D' | b'E' | b'F' => Some(2000),
        _ => None,
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

impl Hetu {
    /// Parses a code. Lower-case letters are accepted and normalised to upper case; surrounding
    /// whitespace is trimmed. Temporary codes (900–999) are valid and reported by [`Hetu::kind`].
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        let s = input.trim().to_ascii_uppercase();
        let b = s.as_bytes();
        if b.len() != 11 {
            return Err(DomainError::InvalidHetu("must be 11 characters"));
        }
        let day = digits(&b[0..2]).ok_or(DomainError::InvalidHetu("date part must be digits"))?;
        let month = digits(&b[2..4]).ok_or(DomainError::InvalidHetu("date part must be digits"))?;
        let yy = digits(&b[4..6]).ok_or(DomainError::InvalidHetu("date part must be digits"))?;
        let base = century(b[6]).ok_or(DomainError::InvalidHetu("unknown century sign"))?;
        let individual = digits(&b[7..10])
            .ok_or(DomainError::InvalidHetu("individual number must be digits"))?;
        let month = u8::try_from(month)
            .ok()
            .and_then(|m| Month::try_from(m).ok())
            .ok_or(DomainError::InvalidHetu("no such month"))?;
        let year = base + yy as i32;
        Date::from_calendar_date(year, month, day as u8)
            .map_err(|_| DomainError::InvalidHetu("no such date"))?;
        if individual < 2 {
            return Err(DomainError::InvalidHetu(
                "individual number 000 and 001 are not used",
            ));
        }
        let nine = digits(&[&b[0..6], &b[7..10]].concat()).unwrap_or_default();
        if b[10] as char != check_char(nine) {
            return Err(DomainError::InvalidHetu("check character does not match"));
        }
        Ok(Hetu(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn kind(&self) -> HetuKind {
        let n = digits(&self.0.as_bytes()[7..10]).unwrap_or_default();
        if n >= 900 {
            HetuKind::Temporary
        } else {
            HetuKind::Permanent
        }
    }

    pub fn birth_date(&self) -> Date {
        let b = self.0.as_bytes();
        let day = digits(&b[0..2]).unwrap_or(1) as u8;
        let month = Month::try_from(digits(&b[2..4]).unwrap_or(1) as u8).unwrap_or(Month::January);
        let year = century(b[6]).unwrap_or(1900) + digits(&b[4..6]).unwrap_or_default() as i32;
        Date::from_calendar_date(year, month, day).unwrap_or(Date::MIN)
    }

    pub fn sex(&self) -> Sex {
        if digits(&self.0.as_bytes()[7..10]).unwrap_or_default() % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }
}

impl fmt::Display for Hetu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Never prints the code itself: identity codes must not reach logs (R32).
impl fmt::Debug for Hetu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Hetu(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_from_the_rules_document() {
        for ok in [
            "131052-308T",
            "311280-999J",
            "100190-999P",
            "100190Y999P",
            "010594Y9021",
            "020594X902N",
            "030694W9024",
            "040594V902Y",
            "050594U902L",
            "010516B902W",
            "020516C902J",
            "030516D9026",
            "020502E902X",
            "020504A902E",
            "010594Y9032",
            "020594X903P",
            "030594W903B",
            "040594V9030",
            "050594U903M",
            "010516B903X",
            "020516C903K",
            "030516D9037",
            "010501E9032",
            "020503F9037",
            "020504B904H",
        ] {
            assert!(Hetu::parse(ok).is_ok(), "{ok} should be valid");
        }
        assert_eq!(
            Hetu::parse("131052-308U"),
            Err(DomainError::InvalidHetu("check character does not match"))
        );
        assert_eq!(
            Hetu::parse("310252-308Y"),
            Err(DomainError::InvalidHetu("no such date"))
        );
        assert!(Hetu::parse("010190-999K").is_err());
        assert!(Hetu::parse("010190-999W").is_ok());
    }

    #[test]
    fn sign_is_part_of_identity_and_kind_is_reported() {
        let a = Hetu::parse("100190-999P").unwrap();
        let b = Hetu::parse("100190Y999P").unwrap();
        assert_ne!(a, b);
        assert_eq!(a.kind(), HetuKind::Temporary);
        let c = Hetu::parse("131052-308T").unwrap();
        assert_eq!(c.kind(), HetuKind::Permanent);
        assert_eq!(c.sex(), Sex::Female);
        assert_eq!(c.birth_date().year(), 1952);
        assert_eq!(
            Hetu::parse("020504A902E").unwrap().birth_date().year(),
            2004
        );
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "",
            "131052308T",
            "131052-308TT",
            "131052*308T",
            "1310a2-308T",
            "131052-000?",
            "290223-9021",
        ] {
            assert!(Hetu::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            format!("{:?}", Hetu::parse("131052-308T").unwrap()),
            "Hetu(<redacted>)"
        );
    }
}
