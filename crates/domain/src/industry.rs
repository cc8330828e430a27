//! Statistics Finland's Standard Industrial Classification TOL 2008 (the Finnish version of
//! NACE Rev. 2), every code at every level with its Finnish, Swedish and English name, from
//! `data/tol2008.csv` (see `data/README.md`). An employer's industry is one of these codes.

use crate::DomainError;
use serde::Deserialize;
use std::sync::OnceLock;

/// One TOL 2008 class.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Industry {
    /// A section letter (`N`) or two to five digits (`81210`).
    pub code: String,
    /// 1 = section, 2–5 = the number of digits.
    pub level: u8,
    /// The code one level up; empty for a section.
    pub parent: String,
    pub label_fi: String,
    pub label_sv: String,
    pub label_en: String,
}

impl Industry {
    /// The name in `lang` (`sv`, `en`, otherwise Finnish).
    pub fn label(&self, lang: &str) -> &str {
        match lang {
            "sv" => &self.label_sv,
            "en" => &self.label_en,
            _ => &self.label_fi,
        }
    }
}

/// Everyday words a person searches with that the official names lack (the Swedish names say
/// "lokalvård", people say "städning"): (code prefix, words). Each applies to every code that
/// starts with the prefix.
const SEARCH_WORDS: &[(&str, &str)] = &[
    ("812", "städning städfirma siivooja cleaner janitorial"),
    ("521", "lager lagerarbete varasto warehouse"),
    ("561", "restaurang kök keittiö kitchen"),
    ("4711", "kauppa butik matbutik supermarket grocery"),
    ("813", "puutarha trädgård gardening"),
    ("9601", "pesula tvätt laundry"),
];

/// Every TOL 2008 class, in the file's order (each code after its parent).
pub fn industries() -> &'static [Industry] {
    static CELL: OnceLock<Vec<Industry>> = OnceLock::new();
    CELL.get_or_init(|| {
        csv::Reader::from_reader(include_str!("../../../data/tol2008.csv").as_bytes())
            .deserialize()
            .collect::<Result<Vec<Industry>, _>>()
            // Embedded at build time and checked by the tests: a bad file is a build defect.
            .unwrap_or_else(|e| panic!("embedded tol2008.csv is malformed: {e}"))
    })
}

/// The class with this code, if it exists.
pub fn industry(code: &str) -> Option<&'static Industry> {
    let code = code.trim();
    industries().iter().find(|i| i.code == code)
}

/// A TOL 2008 code that exists in the classification (any level), trimmed.
pub fn tol_code(s: &str) -> Result<String, DomainError> {
    match industry(s) {
        Some(i) => Ok(i.code.clone()),
        None => Err(DomainError::Invalid {
            field: "industry_tol",
            reason: format!("{s:?} is not a TOL 2008 code"),
        }),
    }
}

/// The part of a word to look for: long words lose their endings ("siivouksen" → "siivou",
/// "städning" → "städn", "cleaning" → "clean"), so inflected forms still match.
fn needle(word: &str) -> String {
    let n = word.chars().count();
    let keep = n.min(4.max((n * 6).div_ceil(10)));
    word.chars().take(keep).collect()
}

/// Five-digit classes whose code starts with the query's digits or whose names (in any of the
/// three languages, plus everyday search words) hold every word of the query; names in `lang`
/// that match rank first, then by code. At most `limit`.
pub fn search(query: &str, lang: &str, limit: usize) -> Vec<&'static Industry> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    if q.bytes().all(|b| b.is_ascii_digit()) {
        return industries()
            .iter()
            .filter(|i| i.code.starts_with(&q) && (i.level == 5 || i.code == q))
            .take(limit)
            .collect();
    }
    let needles: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(needle)
        .collect();
    if needles.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(bool, &'static Industry)> = industries()
        .iter()
        .filter(|i| i.level == 5)
        .filter_map(|i| {
            let own = i.label(lang).to_lowercase();
            let words = SEARCH_WORDS
                .iter()
                .filter(|(prefix, _)| i.code.starts_with(prefix))
                .map(|(_, w)| *w)
                .collect::<Vec<_>>()
                .join(" ");
            let all = format!(
                "{} {} {} {words}",
                i.label_fi.to_lowercase(),
                i.label_sv.to_lowercase(),
                i.label_en.to_lowercase()
            );
            needles
                .iter()
                .all(|n| all.contains(n.as_str()))
                .then(|| (!needles.iter().all(|n| own.contains(n.as_str())), i))
        })
        .collect();
    hits.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.code.cmp(&b.1.code)));
    hits.into_iter().take(limit).map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_complete_and_every_parent_exists() {
        let all = industries();
        assert_eq!(all.len(), 1805);
        for level in 1..=5u8 {
            assert!(all.iter().any(|i| i.level == level));
        }
        for i in all.iter().filter(|i| i.level > 1) {
            let parent = industry(&i.parent).unwrap_or_else(|| panic!("{}", i.code));
            assert_eq!(parent.level + 1, i.level, "{}", i.code);
        }
        assert_eq!(
            industry("81210").map(|i| i.label("fi")),
            Some("Kiinteistöjen siivous")
        );
    }

    #[test]
    fn codes_are_checked_against_the_classification() {
        assert_eq!(tol_code(" 81210 ").as_deref(), Ok("81210"));
        assert!(tol_code("N").is_ok());
        assert!(tol_code("81").is_ok());
        assert!(tol_code("12345").is_err());
        assert!(tol_code("cleaning").is_err());
    }

    #[test]
    fn search_by_name_in_each_language_and_by_code() {
        for (q, lang) in [
            ("siivous", "fi"),
            ("siivouksen", "fi"),
            ("städ", "sv"),
            ("städning", "sv"),
            ("lokalvård", "sv"),
            ("cleaning", "en"),
            ("812", "fi"),
        ] {
            let codes: Vec<&str> = search(q, lang, 30)
                .iter()
                .map(|i| i.code.as_str())
                .collect();
            assert!(codes.contains(&"81210"), "{q}: {codes:?}");
        }
        assert!(search("zzzz", "fi", 30).is_empty());
        let varasto: Vec<&str> = search("varastointi", "fi", 30)
            .iter()
            .map(|i| i.code.as_str())
            .collect();
        assert!(varasto.contains(&"52100"), "{varasto:?}");
    }
}
