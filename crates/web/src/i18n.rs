//! Every user-facing text comes from the Fluent catalogues in `crates/web/locales/<locale>/`,
//! one file per area so that areas can grow independently. Finnish is the default; Swedish and
//! English are complete; `fi-x-selko` (plain-language Finnish, "selkosuomi") covers what
//! participants read and falls back to standard Finnish for staff-only text.
//! `tests/i18n.rs` fails when a key is missing from any locale.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::fmt;
use unic_langid::LanguageIdentifier;

/// A locale the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    Fi,
    Sv,
    En,
    /// Plain-language Finnish for participants.
    FiSelko,
}

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::Fi, Locale::Sv, Locale::En, Locale::FiSelko];
    /// The locales staff can choose in the language switch.
    pub const STAFF: [Locale; 3] = [Locale::Fi, Locale::Sv, Locale::En];

    /// The BCP 47 tag, also used in `lang` attributes, cookies and file paths.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Fi => "fi",
            Locale::Sv => "sv",
            Locale::En => "en",
            Locale::FiSelko => "fi-x-selko",
        }
    }

    /// The `lang` attribute value: private-use subtags are not understood by screen readers,
    /// so plain-language Finnish is announced as Finnish.
    pub fn html_lang(self) -> &'static str {
        match self {
            Locale::FiSelko => "fi",
            other => other.tag(),
        }
    }

    pub fn parse(tag: &str) -> Option<Locale> {
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
    }

    /// The best staff locale for an `Accept-Language` header (q-values honoured).
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, Locale)> = None;
        for part in header.split(',') {
            let mut it = part.split(';');
            let tag = it.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = it
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|v| v.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            let locale = match primary {
                "fi" => Locale::Fi,
                "sv" => Locale::Sv,
                "en" => Locale::En,
                _ => continue,
            };
            if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, locale));
            }
        }
        best.map(|(_, l)| l)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The catalogue areas; each has one `.ftl` file per locale.
pub const AREAS: [&str; 12] = [
    "common",
    "auth",
    "errors",
    "participants",
    "employers",
    "reports",
    "admin",
    "api",
    "allocation",
    "placements",
    "documents",
    "referrals",
];

/// Areas whose text participants read: plain-language Finnish must cover them completely.
pub const PARTICIPANT_AREAS: [&str; 1] = ["participants"];

macro_rules! catalogue {
    ($($loc:literal => [$($area:literal),*]),* $(,)?) => {
        /// `(locale tag, area, file contents)` for every catalogue file, embedded at build time.
        pub const FILES: &[(&str, &str, &str)] = &[
            $($(($loc, $area, include_str!(concat!("../locales/", $loc, "/", $area, ".ftl"))),)*)*
        ];
    };
}

catalogue! {
    "fi" => ["common", "auth", "errors", "participants", "employers", "reports", "admin", "api", "reference", "allocation", "placements", "fidelity", "documents", "referrals"],
    "sv" => ["common", "auth", "errors", "participants", "employers", "reports", "admin", "api", "reference", "allocation", "placements", "fidelity", "documents", "referrals"],
    "en" => ["common", "auth", "errors", "participants", "employers", "reports", "admin", "api", "reference", "allocation", "placements", "fidelity", "documents", "referrals"],
    "fi-x-selko" => ["common", "auth", "errors", "participants", "employers", "reports", "admin", "api", "reference", "allocation", "placements", "fidelity", "documents", "referrals"],
}

/// The loaded catalogues.
pub struct I18n {
    bundles: Vec<(Locale, FluentBundle<FluentResource>)>,
}

impl fmt::Debug for I18n {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("I18n").finish_non_exhaustive()
    }
}

/// A problem in a catalogue file, found at start-up.
#[derive(Debug)]
pub struct CatalogueError(pub String);

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CatalogueError {}

impl I18n {
    /// Parses every embedded catalogue; a syntax error or a duplicate key is an error.
    pub fn load() -> Result<I18n, CatalogueError> {
        let mut bundles = Vec::new();
        for locale in Locale::ALL {
            let lang: LanguageIdentifier = locale
                .html_lang()
                .parse()
                .map_err(|_| CatalogueError(format!("bad language tag {locale}")))?;
            let mut bundle = FluentBundle::new_concurrent(vec![lang]);
            bundle.set_use_isolating(false);
            for (_, area, text) in FILES.iter().filter(|(l, _, _)| *l == locale.tag()) {
                let res = FluentResource::try_new((*text).to_owned()).map_err(|(_, errs)| {
                    CatalogueError(format!("{locale}/{area}.ftl: {errs:?}"))
                })?;
                bundle
                    .add_resource(res)
                    .map_err(|errs| CatalogueError(format!("{locale}/{area}.ftl: {errs:?}")))?;
            }
            bundles.push((locale, bundle));
        }
        Ok(I18n { bundles })
    }

    fn bundle(&self, locale: Locale) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, b)| b)
    }

    /// Whether `key` exists in `locale` itself (no fallback).
    pub fn has(&self, locale: Locale, key: &str) -> bool {
        self.bundle(locale).is_some_and(|b| b.has_message(key))
    }

    /// The text for `key` with arguments. Plain-language Finnish falls back to Finnish; a key
    /// missing everywhere renders as the key itself (the i18n test keeps that from shipping).
    pub fn format(&self, locale: Locale, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let chain: &[Locale] = match locale {
            Locale::FiSelko => &[Locale::FiSelko, Locale::Fi],
            Locale::Fi => &[Locale::Fi],
            Locale::Sv => &[Locale::Sv],
            Locale::En => &[Locale::En],
        };
        for l in chain {
            let Some(bundle) = self.bundle(*l) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
        key.to_owned()
    }

    /// The text for `key` without arguments.
    pub fn text(&self, locale: Locale, key: &str) -> String {
        self.format(locale, key, None)
    }

    /// The text for `key` with named arguments (numbers select plural forms).
    pub fn text_with(&self, locale: Locale, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Str(s) => fa.set(*name, FluentValue::from(*s)),
                Arg::Num(n) => fa.set(*name, FluentValue::from(*n)),
            }
        }
        self.format(locale, key, Some(&fa))
    }

    /// Every message key of one locale.
    pub fn keys(&self, locale: Locale, area: &str) -> Vec<String> {
        FILES
            .iter()
            .filter(|(l, a, _)| *l == locale.tag() && *a == area)
            .filter_map(|(_, _, text)| FluentResource::try_new((*text).to_owned()).ok())
            .flat_map(|res| {
                res.entries()
                    .filter_map(|e| match e {
                        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

/// A Fluent argument value.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Str(&'a str),
    Num(f64),
}
