//! Names of catalogue and domain values in the interface language: functioning dimensions and
//! their level texts, accommodations and municipalities. The catalogue holds reference texts in
//! Finnish, Swedish and English; Finnish plain language (`fi-x-selko`) reads the Finnish ones.
//! Every page takes these names from here, so a value is named the same way everywhere.

use crate::i18n::Locale;
use polku_domain::catalogue::{self, LevelTexts, Localised};
use polku_domain::{Dimension, MunicipalityCode};

/// The catalogue language of reference data for a locale (`fi`, `sv` or `en`), as the service's
/// ESCO look-ups take it.
pub fn data_lang(locale: Locale) -> &'static str {
    match locale {
        Locale::Sv => "sv",
        Locale::En => "en",
        Locale::Fi | Locale::FiSelko => "fi",
    }
}

/// A catalogue text in the interface language: `info.label.get(locale)`.
pub trait InLocale {
    type Text: ?Sized;
    fn get(&self, locale: Locale) -> &Self::Text;
}

impl InLocale for Localised {
    type Text = str;
    fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Sv => &self.sv,
            Locale::En => &self.en,
            Locale::Fi | Locale::FiSelko => &self.fi,
        }
    }
}

impl InLocale for LevelTexts {
    type Text = [String; 5];
    fn get(&self, locale: Locale) -> &[String; 5] {
        match locale {
            Locale::Sv => &self.sv,
            Locale::En => &self.en,
            Locale::Fi | Locale::FiSelko => &self.fi,
        }
    }
}

/// A dimension's name (its key when the catalogue lacks it).
pub fn dimension_label(d: Dimension, locale: Locale) -> String {
    match catalogue::dimension(d) {
        Some(info) => info.label.get(locale).to_owned(),
        None => d.key().to_owned(),
    }
}

/// The texts of a dimension's levels 0–4 (the bare numbers when the catalogue lacks it).
pub fn level_texts(d: Dimension, locale: Locale) -> Vec<String> {
    match catalogue::dimension(d) {
        Some(info) => info.levels.get(locale).to_vec(),
        None => (0..5).map(|l| l.to_string()).collect(),
    }
}

/// An accommodation's name (its id, spaced, when the catalogue lacks it).
pub fn accommodation_label(id: &str, locale: Locale) -> String {
    match catalogue::accommodation(id) {
        Some(a) => a.label.get(locale).to_owned(),
        None => id.replace('_', " "),
    }
}

/// A municipality's name: the Swedish name in Swedish, the Finnish one otherwise (the code when
/// the municipality is unknown).
pub fn municipality_name(code: &MunicipalityCode, locale: Locale) -> String {
    match polku_domain::geo::municipality(code) {
        Some(m) if locale == Locale::Sv => m.name_sv.to_owned(),
        Some(m) => m.name_fi.to_owned(),
        None => code.as_str().to_owned(),
    }
}

/// Municipality names joined for display.
pub fn municipality_names(codes: &[MunicipalityCode], locale: Locale) -> String {
    codes
        .iter()
        .map(|c| municipality_name(c, locale))
        .collect::<Vec<_>>()
        .join(", ")
}
