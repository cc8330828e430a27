//! Finnish business ID (Y-tunnus), `NNNNNNN-T`: weights 7,9,10,5,8,4,2; r = sum mod 11;
//! r = 0 gives check digit 0, r = 1 is never issued, otherwise 11 − r (`docs/finnish-rules.md` §9.2).

use crate::DomainError;
use std::fmt;

const WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];

/// A business ID whose check digit is valid. Six-digit bases are padded with a leading zero.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct BusinessId(String);

impl TryFrom<String> for BusinessId {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<BusinessId> for String {
    fn from(b: BusinessId) -> String {
        b.0
    }
}

/// The check digit for a seven-digit base, or `None` when the base can never be issued.
pub fn check_digit(base: &[u8; 7]) -> Option<u8> {
    let sum: u32 = base
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    match sum % 11 {
        0 => Some(0),
        1 => None,
        r => Some((11 - r) as u8),
    }
}

impl BusinessId {
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        let s = input.trim();
        let (base, check) = s.split_once('-').ok_or(DomainError::InvalidBusinessId(
            "expected the form 1234567-8",
        ))?;
        if !(6..=7).contains(&base.len()) || check.len() != 1 {
            return Err(DomainError::InvalidBusinessId(
                "expected the form 1234567-8",
            ));
        }
        if !base
            .bytes()
            .chain(check.bytes())
            .all(|b| b.is_ascii_digit())
        {
            return Err(DomainError::InvalidBusinessId(
                "only digits and one hyphen are allowed",
            ));
        }
        let padded = format!("{base:0>7}");
        let mut digits = [0u8; 7];
        for (d, b) in digits.iter_mut().zip(padded.bytes()) {
            *d = b - b'0';
        }
        let expected = check_digit(&digits).ok_or(DomainError::InvalidBusinessId(
            "this number is never issued (remainder 1)",
        ))?;
        if check.as_bytes()[0] - b'0' != expected {
            return Err(DomainError::InvalidBusinessId("check digit does not match"));
        }
        Ok(BusinessId(format!("{padded}-{check}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The VAT number: `FI` followed by the eight digits.
    pub fn vat_number(&self) -> String {
        format!("FI{}", self.0.replace('-', ""))
    }
}

impl fmt::Display for BusinessId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors() {
        for ok in [
            "2077474-0",
            "1572860-0",
            "0737546-2",
            "1234567-1",
            "737546-2",
        ] {
            assert!(BusinessId::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(BusinessId::parse("737546-2").unwrap().as_str(), "0737546-2");
        assert_eq!(
            BusinessId::parse("2077474-1"),
            Err(DomainError::InvalidBusinessId("check digit does not match"))
        );
        for d in 0..10 {
            assert!(BusinessId::parse(&format!("1000008-{d}")).is_err());
        }
        assert_eq!(
            BusinessId::parse("2077474-0").unwrap().vat_number(),
            "FI20774740"
        );
        for bad in [
            "",
            "2077474",
            "2077474-",
            "20774740",
            "2077a74-0",
            "12345-1",
            "12345678-1",
            "2077474-00",
        ] {
            assert!(BusinessId::parse(bad).is_err(), "{bad}");
        }
    }
}
