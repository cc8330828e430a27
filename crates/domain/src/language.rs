//! The languages Polku knows by name (ISO 639-1 code with its Finnish, Swedish and English
//! name), from `data/languages.csv`: every official EU language and the languages most spoken
//! by people who have moved to Finland. A language code outside this list is refused where a
//! person or a task is saved, so a mistyped name ("Suomi" cut to "su") never becomes a language.

use crate::{DomainError, LanguageCode};
use std::sync::OnceLock;

/// One language with its names (lower case in Finnish and Swedish, as the languages write them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    pub code: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
}

impl Language {
    /// The name in `lang` (`sv`, `en`, otherwise Finnish).
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "sv" => &self.name_sv,
            "en" => &self.name_en,
            _ => &self.name_fi,
        }
    }
}

const LANGUAGES_CSV: &str = include_str!("../../../data/languages.csv");
const HEADER: &str = "code,name_fi,name_sv,name_en";

/// Every known language, ordered by code.
pub fn languages() -> &'static [Language] {
    static CELL: OnceLock<Vec<Language>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut lines = LANGUAGES_CSV.lines();
        assert_eq!(lines.next(), Some(HEADER), "embedded languages.csv header");
        let mut out: Vec<Language> = lines
            .map(|line| {
                let f: Vec<&str> = line.split(',').collect();
                // Embedded at build time and checked by the tests: a bad line is a build defect.
                assert!(
                    f.len() == 4 && f.iter().all(|s| !s.is_empty()),
                    "embedded languages.csv line is malformed: {line:?}"
                );
                Language {
                    code: f[0].to_owned(),
                    name_fi: f[1].to_owned(),
                    name_sv: f[2].to_owned(),
                    name_en: f[3].to_owned(),
                }
            })
            .collect();
        out.sort_by(|a, b| a.code.cmp(&b.code));
        out
    })
}

/// The language with ISO 639-1 code `code`, if Polku knows it.
pub fn language(code: &str) -> Option<&'static Language> {
    languages()
        .binary_search_by(|l| l.code.as_str().cmp(code))
        .ok()
        .map(|i| &languages()[i])
}

/// The name of `code` in `lang`, or the code itself when the language is not in the list.
pub fn language_name(code: &str, lang: &str) -> String {
    language(code).map_or_else(|| code.to_owned(), |l| l.name(lang).to_owned())
}

impl LanguageCode {
    /// Checks the form and that the language is in the shipped list.
    pub fn known(s: &str) -> Result<Self, DomainError> {
        let code = Self::parse(s)?;
        if code.is_known() {
            Ok(code)
        } else {
            Err(DomainError::Invalid {
                field: "languages",
                reason: format!("{s:?} is not a language code Polku knows"),
            })
        }
    }

    /// Whether the language is in the shipped list.
    pub fn is_known(&self) -> bool {
        language(self.as_str()).is_some()
    }
}

/// Refuses a language map with a code outside the shipped list.
pub fn check_known<'a>(
    codes: impl IntoIterator<Item = &'a LanguageCode>,
) -> Result<(), DomainError> {
    match codes.into_iter().find(|c| !c.is_known()) {
        Some(c) => Err(DomainError::Invalid {
            field: "languages",
            reason: format!("{:?} is not a language code Polku knows", c.as_str()),
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_well_formed_and_covers_eu_and_common_languages() {
        let all = languages();
        assert!(all.len() >= 60, "{}", all.len());
        for l in all {
            assert!(LanguageCode::parse(&l.code).is_ok(), "{}", l.code);
        }
        let codes: Vec<&str> = all.iter().map(|l| l.code.as_str()).collect();
        let mut dedup = codes.clone();
        dedup.dedup();
        assert_eq!(codes, dedup, "codes are unique");
        let eu = [
            "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it",
            "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
        ];
        let finland = [
            "ru", "ar", "so", "fa", "ku", "zh", "sq", "vi", "th", "tr", "uk", "ps", "ne", "ti",
            "am", "my", "tl", "se",
        ];
        for c in eu.iter().chain(&finland) {
            assert!(language(c).is_some(), "{c}");
        }
    }

    #[test]
    fn names_in_three_languages_and_unknown_codes_refused() {
        assert_eq!(language_name("fi", "fi"), "suomi");
        assert_eq!(language_name("fi", "sv"), "finska");
        assert_eq!(language_name("fi", "en"), "Finnish");
        assert_eq!(language_name("xx", "fi"), "xx");
        assert!(LanguageCode::known("SV").is_ok());
        assert!(LanguageCode::known("su").is_err());
        assert!(LanguageCode::known("xx").is_err());
        assert!(LanguageCode::known("Suomi").is_err());
    }
}
