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

/// A municipality that has ceased, merged into one that exists today
/// (`data/municipality-mergers.csv`, Statistics Finland's list of abolished municipalities).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Merger {
    /// The code the former municipality had, e.g. `532` (Nastola).
    pub former_code: MunicipalityCode,
    pub former_name_fi: &'static str,
    pub former_name_sv: &'static str,
    /// The municipality its area belongs to today, after any later mergers.
    pub current: &'static Municipality,
    /// The year the former municipality ceased (the merger took effect on 1 January).
    pub year: u16,
}

impl Merger {
    /// The former name in the user's language (`sv` for Swedish, Finnish otherwise).
    pub fn former_name(&self, swedish: bool) -> &'static str {
        if swedish {
            self.former_name_sv
        } else {
            self.former_name_fi
        }
    }
}

const MERGERS_CSV: &str = include_str!("../../../data/municipality-mergers.csv");

/// Every merger since 2005, ordered by former code.
pub fn mergers() -> &'static [Merger] {
    static CELL: OnceLock<Vec<Merger>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut out: Vec<Merger> = rows(
            "municipality-mergers.csv",
            MERGERS_CSV,
            "former_code,former_name_fi,former_name_sv,current_code,year",
        )
        .map(|r| {
            let former = MunicipalityCode::parse(r[0]);
            let current = MunicipalityCode::parse(r[3])
                .ok()
                .and_then(|c| municipality(&c));
            match (former, current, r[4].parse::<u16>()) {
                (Ok(former_code), Some(current), Ok(year)) => Merger {
                    former_code,
                    former_name_fi: r[1],
                    former_name_sv: r[2],
                    current,
                    year,
                },
                _ => panic!("embedded municipality-mergers.csv has a bad row {r:?}"),
            }
        })
        .collect();
        out.sort_by(|a, b| a.former_code.cmp(&b.former_code));
        out
    })
}

/// The merger that ended the municipality with code `code`, if it has ceased.
pub fn merger(code: &MunicipalityCode) -> Option<&'static Merger> {
    let all = mergers();
    all.binary_search_by(|m| m.former_code.cmp(code))
        .ok()
        .map(|i| &all[i])
}

/// What a municipality name resolved to: today's municipality, and the merger when the name
/// was that of a former municipality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub municipality: &'static Municipality,
    pub merged: Option<&'static Merger>,
}

/// Lower case with whitespace runs collapsed: the form in which names are compared exactly.
fn exact_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .flat_map(char::to_lowercase)
        .collect()
}

/// [`exact_key`] without the marks on letters (ä → a, ö → o, å → a, é → e), so `Hameenlinna`
/// typed on a keyboard without Finnish letters still matches. Combining marks (a name typed in
/// decomposed form) are dropped too.
fn folded_key(s: &str) -> String {
    exact_key(s)
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'ä' | 'å' | 'á' | 'à' | 'â' => 'a',
            'ö' | 'ó' | 'ò' | 'ô' | 'ø' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' | 'ù' => 'u',
            'í' | 'ì' | 'ï' => 'i',
            other => other,
        })
        .collect()
}

/// Every name a user may type, with what it resolves to: the Finnish and Swedish names of
/// today's municipalities, then those of former ones. A municipality that has itself ceased
/// (Pertunmaa, in Posti's 2024 file but part of Mäntyharju since 2025) is reached only
/// through its merger.
fn names() -> &'static [(&'static str, Found)] {
    static CELL: OnceLock<Vec<(&'static str, Found)>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut out = Vec::new();
        for m in municipalities() {
            if merger(&m.code).is_none() {
                let found = Found {
                    municipality: m,
                    merged: None,
                };
                out.push((m.name_fi, found));
                out.push((m.name_sv, found));
            }
        }
        for g in mergers() {
            let found = Found {
                municipality: g.current,
                merged: Some(g),
            };
            out.push((g.former_name_fi, found));
            out.push((g.former_name_sv, found));
        }
        out
    })
}

/// The municipality a name means today, with the merger if the name is a former
/// municipality's: `Nastola` is Lahti (merged 2016). Finnish or Swedish names, ignoring case
/// and extra whitespace. A name typed without its marks (`Hameenlinna`, `Vora`) matches only
/// when it can mean one municipality; a current name wins over a former one of the same
/// spelling (Parainen, merged 2009 into the Parainen of today).
pub fn find_municipality(name: &str) -> Option<Found> {
    let key = exact_key(name);
    if key.is_empty() {
        return None;
    }
    if let Some((_, found)) = names().iter().find(|(n, _)| exact_key(n) == key) {
        return Some(*found);
    }
    let key = folded_key(name);
    let mut hits = names().iter().filter(|(n, _)| folded_key(n) == key);
    let (_, first) = hits.next()?;
    let same_place = |f: &Found| f.municipality.code == first.municipality.code;
    hits.all(|(_, f)| same_place(f)).then_some(*first)
}

/// The municipality whose Finnish or Swedish name is `name` today, or was before a merger
/// (see [`find_municipality`]): `lahti`, `Lahtis`, `HÄMEENLINNA`, `Nastola` (→ Lahti).
pub fn municipality_by_name(name: &str) -> Option<&'static Municipality> {
    find_municipality(name).map(|f| f.municipality)
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

    #[test]
    fn former_municipalities_resolve_to_todays() {
        let nastola = find_municipality("Nastola").expect("Nastola is known");
        assert_eq!(nastola.municipality.code.as_str(), "398");
        let g = nastola.merged.expect("Nastola has merged");
        assert_eq!((g.former_code.as_str(), g.year), ("532", 2016));
        assert_eq!(g.former_name(false), "Nastola");
        // Swedish names of former municipalities, and later mergers followed through.
        let maxmo = find_municipality("maxmo").expect("Maxmo is known");
        assert_eq!(maxmo.municipality.name_fi, "Vöyri");
        assert_eq!(
            municipality_by_name("Suodenniemi").map(|m| m.name_fi),
            Some("Sastamala")
        );
        // A municipality still in Posti's 2024 file but merged since resolves to today's.
        let pertunmaa = find_municipality("Pertunmaa").expect("Pertunmaa is known");
        assert_eq!(pertunmaa.municipality.code.as_str(), "507");
        assert!(pertunmaa.merged.is_some());
        // A current name that a former municipality also had is today's, without a merger.
        let parainen = find_municipality("Parainen").expect("Parainen is known");
        assert_eq!(parainen.municipality.code.as_str(), "445");
        assert_eq!(parainen.merged, None);
        assert_eq!(find_municipality("Hollola").map(|f| f.merged), Some(None));
    }

    #[test]
    fn names_match_without_marks_only_where_unambiguous() {
        for name in [
            "Hameenlinna",
            "hämeenlinna",
            " HAMEENLINNA ",
            "Hame\u{308}enlinna",
        ] {
            assert_eq!(
                municipality_by_name(name).map(|m| m.code.as_str()),
                Some("109"),
                "{name:?}"
            );
        }
        assert_eq!(
            municipality_by_name("Vora").map(|m| m.name_fi),
            Some("Vöyri")
        );
        assert_eq!(
            municipality_by_name("Mantta-Vilppula").map(|m| m.name_fi),
            Some("Mänttä-Vilppula")
        );
        // Whitespace inside a name is collapsed, but words are not merged.
        assert!(municipality_by_name("Mänttä -Vilppula").is_none());
        assert!(municipality_by_name("Nastolx").is_none());
        // Every folded name means one place, so no unmarked spelling is refused as ambiguous.
        for (n, f) in names() {
            let hits = names()
                .iter()
                .filter(|(m, g)| folded_key(m) == folded_key(n) && g.municipality != f.municipality)
                .count();
            assert_eq!(hits, 0, "{n} is ambiguous without marks");
        }
    }

    #[test]
    fn mergers_match_the_source() {
        assert_eq!(mergers().len(), 145);
        assert!(mergers()
            .windows(2)
            .all(|w| w[0].former_code < w[1].former_code));
        for g in mergers() {
            assert!(
                merger(&g.current.code).is_none(),
                "{} leads to a ceased code",
                g.former_name_fi
            );
            assert!((2005..=2025).contains(&g.year));
        }
    }
}
