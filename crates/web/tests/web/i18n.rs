//! Translations: every key exists in Finnish, Swedish and English; plain-language Finnish covers
//! the participant areas; every key the templates and handlers use exists.

use polku_web::i18n::{I18n, Locale, AREAS, PARTICIPANT_AREAS};
use std::collections::BTreeSet;
use std::path::Path;

fn keys(i18n: &I18n, locale: Locale, area: &str) -> BTreeSet<String> {
    i18n.keys(locale, area).into_iter().collect()
}

#[test]
fn catalogues_parse_and_agree() {
    let i18n = I18n::load().expect("catalogues parse");
    let mut missing = Vec::new();
    for area in AREAS {
        let all: BTreeSet<String> = [Locale::Fi, Locale::Sv, Locale::En]
            .iter()
            .flat_map(|l| keys(&i18n, *l, area))
            .collect();
        for locale in [Locale::Fi, Locale::Sv, Locale::En] {
            let have = keys(&i18n, locale, area);
            for k in all.difference(&have) {
                missing.push(format!("{locale}/{area}.ftl: {k}"));
            }
        }
        let selko = keys(&i18n, Locale::FiSelko, area);
        let fi = keys(&i18n, Locale::Fi, area);
        if PARTICIPANT_AREAS.contains(&area) {
            for k in fi.difference(&selko) {
                missing.push(format!("fi-x-selko/{area}.ftl: {k}"));
            }
        }
        for k in selko.difference(&fi) {
            missing.push(format!("fi/{area}.ftl (selko has it): {k}"));
        }
    }
    assert!(
        missing.is_empty(),
        "missing translations:\n{}",
        missing.join("\n")
    );
}

/// Keys written as the first string argument of the text helpers in templates and sources.
fn used_keys(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            used_keys(&path, out);
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for call in [
            "t(\"",
            "tn(\"",
            "ts(\"",
            "ts2(\"",
            "text(locale, \"",
            "label_key: \"",
        ] {
            let mut rest = text.as_str();
            while let Some(i) = rest.find(call) {
                let boundary = rest[..i]
                    .chars()
                    .last()
                    .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                let after = &rest[i + call.len()..];
                if !boundary {
                    rest = after;
                    continue;
                }
                let end = after.find('"').unwrap_or(0);
                let key = &after[..end];
                if !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                {
                    out.insert(key.to_owned());
                }
                rest = &after[end..];
            }
        }
    }
}

#[test]
fn every_used_key_exists() {
    let i18n = I18n::load().expect("catalogues parse");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut used = BTreeSet::new();
    used_keys(&root.join("templates"), &mut used);
    used_keys(&root.join("src"), &mut used);
    assert!(used.len() > 15, "the scan found too few keys: {used:?}");
    let missing: Vec<String> = used
        .iter()
        .flat_map(|k| {
            [Locale::Fi, Locale::Sv, Locale::En]
                .into_iter()
                .filter(|l| !i18n.has(*l, k))
                .map(move |l| format!("{l}: {k}"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "keys used but not translated:\n{}",
        missing.join("\n")
    );
}

#[test]
fn plurals_follow_the_language() {
    let i18n = I18n::load().expect("catalogues parse");
    let text = i18n.text_with(
        Locale::Fi,
        "error-status",
        &[("status", polku_web::i18n::Arg::Num(404.0))],
    );
    assert_eq!(text, "Virhekoodi 404");
    assert_eq!(
        Locale::from_accept_language("en-GB,sv;q=0.9"),
        Some(Locale::En)
    );
    assert_eq!(
        Locale::from_accept_language("de, sv;q=0.5, fi;q=0.8"),
        Some(Locale::Fi)
    );
    assert_eq!(Locale::from_accept_language("de"), None);
}

/// Every save confirmation on the allow-list has its text in every staff language (the keys are
/// built from the slugs, so the scan of `t("...")` calls above cannot see them). Plain-language
/// Finnish has the participant ones (`catalogues_parse_and_agree`) and falls back to Finnish.
#[test]
fn every_confirmation_is_translated() {
    let i18n = I18n::load().expect("catalogues parse");
    let missing: Vec<String> = polku_web::html::Notice::ALL
        .iter()
        .flat_map(|n| {
            let key = n.key();
            [Locale::Fi, Locale::Sv, Locale::En]
                .into_iter()
                .filter(|l| !i18n.has(*l, &key))
                .map(|l| format!("{l}: {key}"))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        missing.is_empty(),
        "confirmations not translated:\n{}",
        missing.join("\n")
    );
}
