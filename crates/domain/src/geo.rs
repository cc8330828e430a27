//! Postcodes, municipalities and regions (Posti postcode data; see `data/README.md`).

use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::OnceLock;

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

impl MunicipalityCode {
    /// Checks the form and that the municipality exists in the embedded register.
    pub fn known(s: &str) -> Result<Self, DomainError> {
        let code = Self::parse(s)?;
        match municipality(&code) {
            Some(_) => Ok(code),
            None => Err(DomainError::UnknownMunicipality(s.to_owned())),
        }
    }
}

/// A Finnish postcode: five digits, e.g. `15140`. Checks the form only; see
/// [`municipality_for_postcode`] for the lookup.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Postcode(String);

impl Postcode {
    /// Surrounding whitespace is trimmed.
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        let t = s.trim();
        if t.len() == 5 && t.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(t.to_owned()))
        } else {
            Err(DomainError::InvalidPostcode(s.to_owned()))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Postcode {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Postcode> for String {
    fn from(p: Postcode) -> String {
        p.0
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A region (maakunta). `code` is the NUTS 3 code used in Posti's file, e.g. `FI1C3`
/// (Päijät-Häme); Uusimaa carries its NUTS name Helsinki-Uusimaa.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Region {
    pub code: &'static str,
    pub name_fi: &'static str,
    pub name_sv: &'static str,
}

/// A municipality and the region it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Municipality {
    pub code: MunicipalityCode,
    pub name_fi: &'static str,
    pub name_sv: &'static str,
    pub region: &'static Region,
}

const MUNICIPALITIES_CSV: &str = include_str!("../../../data/municipalities.csv");
const POSTCODES_CSV: &str = include_str!("../../../data/postcodes.csv");

/// Rows of an embedded CSV file without quoting (`data/derive-geo.py` guarantees that no field
/// holds a comma or quote). A malformed file is a build defect caught by the tests.
fn rows(
    name: &'static str,
    text: &'static str,
    header: &'static str,
) -> impl Iterator<Item = Vec<&'static str>> {
    let mut lines = text.lines();
    if lines.next() != Some(header) {
        panic!("embedded {name} must start with the header {header:?}");
    }
    let columns = header.split(',').count();
    lines.enumerate().map(move |(i, line)| {
        let fields: Vec<&'static str> = line.split(',').collect();
        if fields.len() != columns || fields.iter().any(|f| f.is_empty()) {
            panic!("embedded {name} line {} is malformed: {line:?}", i + 2);
        }
        fields
    })
}

fn municipality_rows() -> impl Iterator<Item = Vec<&'static str>> {
    rows(
        "municipalities.csv",
        MUNICIPALITIES_CSV,
        "municipality_code,name_fi,name_sv,region_code,region_name_fi,region_name_sv",
    )
}

/// All regions, ordered by code.
pub fn regions() -> &'static [Region] {
    static CELL: OnceLock<Vec<Region>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut out: Vec<Region> = Vec::new();
        for r in municipality_rows() {
            let region = Region {
                code: r[3],
                name_fi: r[4],
                name_sv: r[5],
            };
            match out.iter().find(|x| x.code == region.code) {
                Some(seen) if *seen != region => {
                    panic!(
                        "embedded municipalities.csv names region {} twice",
                        region.code
                    )
                }
                Some(_) => {}
                None => out.push(region),
            }
        }
        out.sort_by_key(|r| r.code);
        out
    })
}

/// The region with NUTS 3 code `code`, e.g. `FI1C3`.
pub fn region(code: &str) -> Option<&'static Region> {
    regions().iter().find(|r| r.code == code)
}

/// All municipalities, ordered by code.
pub fn municipalities() -> &'static [Municipality] {
    static CELL: OnceLock<Vec<Municipality>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut out: Vec<Municipality> = municipality_rows()
            .map(|r| {
                let (Ok(code), Some(region)) = (MunicipalityCode::parse(r[0]), region(r[3])) else {
                    panic!("embedded municipalities.csv has a bad code in {r:?}");
                };
                Municipality {
                    code,
                    name_fi: r[1],
                    name_sv: r[2],
                    region,
                }
            })
            .collect();
        out.sort_by(|a, b| a.code.cmp(&b.code));
        out
    })
}

pub fn municipality(code: &MunicipalityCode) -> Option<&'static Municipality> {
    let all = municipalities();
    all.binary_search_by(|m| m.code.cmp(code))
        .ok()
        .map(|i| &all[i])
}

fn same_ignoring_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// The municipality whose Finnish or Swedish name is `name`, ignoring case and surrounding
/// whitespace (`lahti`, `Lahtis`, `HÄMEENLINNA`).
pub fn municipality_by_name(name: &str) -> Option<&'static Municipality> {
    let name = name.trim();
    municipalities()
        .iter()
        .find(|m| same_ignoring_case(m.name_fi, name) || same_ignoring_case(m.name_sv, name))
}

/// The municipality a postcode belongs to, if Posti's file lists the postcode.
pub fn municipality_for_postcode(postcode: &Postcode) -> Option<&'static Municipality> {
    static CELL: OnceLock<Vec<(&'static str, &'static Municipality)>> = OnceLock::new();
    let table = CELL.get_or_init(|| {
        let mut out: Vec<_> = rows("postcodes.csv", POSTCODES_CSV, "postcode,municipality_code")
            .map(|r| {
                let found = MunicipalityCode::parse(r[1])
                    .ok()
                    .and_then(|c| municipality(&c));
                match (Postcode::parse(r[0]), found) {
                    (Ok(_), Some(m)) => (r[0], m),
                    _ => panic!("embedded postcodes.csv has a bad row {r:?}"),
                }
            })
            .collect();
        out.sort_by_key(|(p, _)| *p);
        out
    });
    table
        .binary_search_by_key(&postcode.as_str(), |(p, _)| p)
        .ok()
        .map(|i| table[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_code(code: &str) -> &'static Municipality {
        let code = MunicipalityCode::parse(code).expect("well-formed code");
        municipality(&code).expect("known municipality")
    }

    fn region_of(name: &str) -> &'static str {
        municipality_by_name(name)
            .expect("known municipality name")
            .region
            .name_fi
    }

    #[test]
    fn counts_match_the_register() {
        assert_eq!(municipalities().len(), 309);
        assert_eq!(regions().len(), 19);
        assert!(municipalities().windows(2).all(|w| w[0].code < w[1].code));
        for m in municipalities() {
            assert!(std::ptr::eq(
                m.region,
                region(m.region.code).expect("region")
            ));
        }
    }

    #[test]
    fn municipalities_sit_in_their_regions() {
        let lahti = by_code("398");
        assert_eq!((lahti.name_fi, lahti.name_sv), ("Lahti", "Lahtis"));
        assert_eq!(lahti.region.name_fi, "Päijät-Häme");
        assert_eq!(lahti.region.code, "FI1C3");
        assert_eq!(region_of("Raahe"), "Pohjois-Pohjanmaa");
        assert_eq!(region_of("Haapavesi"), "Pohjois-Pohjanmaa");
        assert_eq!(region_of("Kouvola"), "Kymenlaakso");
        assert_eq!(region_of("Kokkola"), "Keski-Pohjanmaa");
        assert_eq!(region_of("Hämeenlinna"), "Kanta-Häme");
        assert_eq!(by_code("109").region.name_sv, "Egentliga Tavastland");
    }

    #[test]
    fn names_match_in_either_language_ignoring_case() {
        for name in ["lahti", "LAHTIS", " Lahti ", "lAhTiS"] {
            assert_eq!(
                municipality_by_name(name).map(|m| m.code.as_str()),
                Some("398"),
                "{name}"
            );
        }
        assert_eq!(
            municipality_by_name("HÄMEENLINNA").map(|m| m.code.as_str()),
            Some("109")
        );
        assert_eq!(
            municipality_by_name("tavastehus").map(|m| m.code.as_str()),
            Some("109")
        );
        assert!(municipality_by_name("Lahden kaupunki").is_none());
        assert!(municipality_by_name("").is_none());
    }

    #[test]
    fn known_codes_and_unknown_codes() {
        assert_eq!(
            MunicipalityCode::known(" 398 ").map(|c| c.as_str().to_owned()),
            Ok("398".to_owned())
        );
        assert_eq!(
            MunicipalityCode::known("000"),
            Err(DomainError::UnknownMunicipality("000".to_owned()))
        );
        assert!(MunicipalityCode::known("39").is_err());
        assert!(MunicipalityCode::parse("000").is_ok());
    }

    #[test]
    fn postcodes_resolve_to_municipalities() {
        let lookup = |p: &str| {
            municipality_for_postcode(&Postcode::parse(p).expect("well-formed postcode"))
                .map(|m| m.name_fi)
        };
        assert_eq!(lookup("00100"), Some("Helsinki"));
        assert_eq!(lookup(" 15110 "), Some("Lahti"));
        assert_eq!(lookup("92100"), Some("Raahe"));
        assert_eq!(lookup("99999"), Some("Rovaniemi"));
        assert_eq!(lookup("00000"), None);
        for bad in ["", "1511", "151100", "15a10", "15 10"] {
            assert_eq!(
                Postcode::parse(bad),
                Err(DomainError::InvalidPostcode(bad.to_owned()))
            );
        }
    }
}
