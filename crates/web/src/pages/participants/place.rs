//! Municipalities typed by name in the participant forms: today's names in Finnish or Swedish,
//! and former municipalities, saved as the municipality they belong to today (Nastola → Lahti)
//! and told in the confirmation. An unknown name is refused with the name in the message.

use crate::i18n::Locale;
use crate::pages::form::FieldErrors;
use polku_domain::geo::{find_municipality, merger, municipalities, Merger};
use polku_domain::MunicipalityCode;

/// The municipalities a form named, and the mergers that mapped a former name to today's.
#[derive(Debug, Default)]
pub struct Places {
    pub codes: Vec<MunicipalityCode>,
    pub merged: Vec<&'static Merger>,
}

impl Places {
    /// Adds the municipality `name` means, or returns `false` when there is none.
    fn add(&mut self, name: &str) -> bool {
        match find_municipality(name) {
            Some(found) => {
                if !self.codes.contains(&found.municipality.code) {
                    self.codes.push(found.municipality.code.clone());
                }
                if let Some(m) = found.merged.filter(|m| !self.merged.contains(m)) {
                    self.merged.push(m);
                }
                true
            }
            None => false,
        }
    }
}

/// The one municipality of `field` (required): an empty field asks for a name, an unknown one
/// names what was typed.
pub fn one(text: &str, field: &str, errors: &mut FieldErrors) -> Places {
    let mut places = Places::default();
    if text.trim().is_empty() {
        errors.add(field, "p-error-municipality");
    } else if !places.add(text) {
        errors.add_word(field, "p-error-municipality-unknown", text.trim());
    }
    places
}

/// A list separated by commas, semicolons or lines (may be empty); the error names every
/// name that was not recognised.
pub fn list(text: &str, field: &str, errors: &mut FieldErrors) -> Places {
    let mut places = Places::default();
    let unknown: Vec<&str> = text
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|n| !n.is_empty() && !places.add(n))
        .collect();
    if !unknown.is_empty() {
        errors.add_word(field, "p-error-municipality-unknown", &unknown.join(", "));
    }
    places
}

/// Today's municipality names in the page's language (Swedish names in Swedish, Finnish
/// otherwise), sorted: the suggestions of the municipality fields (a `datalist`, so the field
/// still takes any name, a former one too, without JavaScript).
pub fn names(locale: Locale) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = municipalities()
        .iter()
        .filter(|m| merger(&m.code).is_none())
        .map(|m| {
            if locale == Locale::Sv {
                m.name_sv
            } else {
                m.name_fi
            }
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
