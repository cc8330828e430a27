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

/// The name of a language (ISO 639-1 code) in the interface language, starting with a capital
/// as a list item does; the code itself when Polku does not know the language.
pub fn language_name(code: &str, locale: Locale) -> String {
    capitalised(&polku_domain::language::language_name(
        code,
        data_lang(locale),
    ))
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Every known language as (code, name in the interface language), ordered by name.
pub fn language_choices(locale: Locale) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = polku_domain::language::languages()
        .iter()
        .map(|l| (l.code.clone(), capitalised(l.name(data_lang(locale)))))
        .collect();
    out.sort_by_key(|(_, name)| name.to_lowercase());
    out
}

/// The catalogue key of a CEFR level explained in words (`cefr-b1`).
pub fn cefr_key(level: polku_domain::CefrLevel) -> String {
    format!("cefr-{}", level.as_str().to_ascii_lowercase())
}

/// The name of a TOL 2008 industry in the interface language with its code ("81210
/// Kiinteistöjen siivous"); the code alone when it is not in the classification.
pub fn industry_label(code: &str, locale: Locale) -> String {
    match polku_domain::industry::industry(code) {
        Some(i) => format!("{} {}", i.code, i.label(data_lang(locale))),
        None => code.to_owned(),
    }
}

/// The label key of a role.
pub fn role_key(r: polku_domain::Role) -> &'static str {
    match r {
        polku_domain::Role::Admin => "adm-role-admin",
        polku_domain::Role::Manager => "adm-role-manager",
        polku_domain::Role::Coach => "adm-role-coach",
        polku_domain::Role::Coordinator => "adm-role-coordinator",
        polku_domain::Role::Employer => "adm-role-employer",
        polku_domain::Role::Mentor => "adm-role-mentor",
        polku_domain::Role::Institution => "adm-role-institution",
        polku_domain::Role::Participant => "adm-role-participant",
    }
}
