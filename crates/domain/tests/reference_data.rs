//! Integrity of the reference data shipped in `data/`: the functioning-dimension catalogue, the
//! accommodation catalogue, the subsidy rules and the postcode → municipality → region register.
//!
//! The loaders ignore unknown JSON keys and read a missing optional field as `null`, so a typo in
//! a key would pass silently; these tests also check the raw field sets.

use polku_domain::catalogue::{
    accommodations, dimensions, subsidy_rule, subsidy_rules, DimensionGroup, SubsidyRule,
};
use polku_domain::geo::{municipalities, municipality_for_postcode, regions, Postcode};
use polku_domain::Dimension;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use time::{Date, Month};

const DIMENSIONS_JSON: &str = include_str!("../../../data/functioning-dimensions.json");
const ACCOMMODATIONS_JSON: &str = include_str!("../../../data/accommodations.json");
const SUBSIDY_JSON: &str = include_str!("../../../data/subsidy-rules.json");
const POSTCODES_CSV: &str = include_str!("../../../data/postcodes.csv");

fn date(y: i32, m: Month, d: u8) -> Date {
    Date::from_calendar_date(y, m, d).expect("valid date")
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .expect("a JSON object")
        .keys()
        .map(String::as_str)
        .collect()
}

fn set<'a>(xs: &[&'a str]) -> BTreeSet<&'a str> {
    xs.iter().copied().collect()
}

fn entries(json: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(json).expect("valid JSON");
    match v {
        Value::Array(xs) => xs,
        Value::Object(mut o) => match o.remove("rules") {
            Some(Value::Array(xs)) if o.is_empty() => xs,
            _ => panic!("expected {{\"rules\": [...]}} and nothing else"),
        },
        _ => panic!("expected an array or an object"),
    }
}

fn tidy(what: &str, s: &str) {
    assert!(
        !s.trim().is_empty() && s.trim() == s && !s.contains("  "),
        "{what}: empty or untidy text {s:?}"
    );
}

#[test]
fn dimension_catalogue_covers_every_dimension_in_order() {
    let keys_in_file: Vec<_> = dimensions().iter().map(|d| d.key).collect();
    assert_eq!(
        keys_in_file,
        Dimension::ALL,
        "catalogue order is Dimension::ALL"
    );
    for (i, d) in dimensions().iter().enumerate() {
        let group = match i {
            0..=6 => DimensionGroup::Physical,
            7..=11 => DimensionGroup::SensesEnvironment,
            12..=17 => DimensionGroup::Cognitive,
            _ => DimensionGroup::Social,
        };
        assert_eq!(d.group, group, "{}", d.key);
        let q = &d.question;
        for (what, text) in [
            ("label.fi", &d.label.fi),
            ("label.sv", &d.label.sv),
            ("label.en", &d.label.en),
            ("question.fi", &q.fi),
            ("question.sv", &q.sv),
            ("question.en", &q.en),
            ("question.fi_selko", &q.fi_selko),
        ] {
            tidy(&format!("{} {what}", d.key), text);
        }
        let c = &d.capacity;
        for (locale, levels) in [
            ("fi", &d.levels.fi),
            ("sv", &d.levels.sv),
            ("en", &d.levels.en),
            ("capacity fi", &c.fi),
            ("capacity fi_selko", &c.fi_selko),
            ("capacity sv", &c.sv),
            ("capacity en", &c.en),
        ] {
            let distinct: BTreeSet<_> = levels.iter().collect();
            assert_eq!(
                distinct.len(),
                5,
                "{} {locale}: five distinct levels",
                d.key
            );
            for l in levels {
                tidy(&format!("{} level {locale}", d.key), l);
            }
        }
    }
}

#[test]
fn plain_language_questions_are_short() {
    // Selkokieli (finnish-rules.md §10.2): short sentences, one idea each, the reader as "sinä".
    for d in dimensions() {
        let q = &d.question.fi_selko;
        for sentence in q.split_inclusive(['?', '.']) {
            let words = sentence.split_whitespace().count();
            assert!(
                words <= 12,
                "{}: selko sentence of {words} words: {sentence:?}",
                d.key
            );
        }
        assert!(q.ends_with('?') || q.ends_with('.'), "{}: {q:?}", d.key);
    }
}

#[test]
fn capacity_levels_speak_about_the_person() {
    // The answer options are said by the person, in the first person; the demand texts stay
    // about the task and never do.
    let first_person_fi = |t: &str| {
        // "En jaksa", "Jaksan", "Kuulen, kun …": a verb in the first person singular ends in -n.
        let first = t.split_whitespace().next().unwrap_or_default();
        first.trim_end_matches(',').ends_with('n')
    };
    for d in dimensions() {
        let c = &d.capacity;
        for (locale, texts) in [("fi", &c.fi), ("fi_selko", &c.fi_selko)] {
            for t in texts {
                assert!(
                    first_person_fi(t),
                    "{} {locale}: {t:?} is not in the first person",
                    d.key
                );
            }
        }
        for t in &c.sv {
            assert!(t.starts_with("Jag "), "{} sv: {t:?}", d.key);
        }
        for t in &c.en {
            assert!(t.starts_with("I "), "{} en: {t:?}", d.key);
        }
        assert!(
            d.levels.en.iter().all(|t| !t.starts_with("I ")),
            "{}: demand texts stay about the task",
            d.key
        );
        assert_ne!(d.capacity.fi, d.levels.fi, "{}", d.key);
    }
    let standing = &dimensions()[1];
    assert_eq!(standing.capacity.fi[0], "En jaksa seistä");
    assert!(standing.capacity.fi[1..]
        .iter()
        .all(|t| t.starts_with("Jaksan seistä")));
    let lifting = dimensions().first().expect("lifting");
    assert!(lifting.capacity.fi[1..].iter().all(|l| l.contains("kg")));
    assert!(lifting.capacity.fi_selko[1..]
        .iter()
        .all(|l| l.contains("kiloa")));
}

#[test]
fn plain_language_capacity_sentences_are_short() {
    for d in dimensions() {
        for t in &d.capacity.fi_selko {
            for sentence in t.split_inclusive('.') {
                let words = sentence.split_whitespace().count();
                assert!(
                    words <= 12,
                    "{}: selko option of {words} words: {t:?}",
                    d.key
                );
            }
        }
    }
}

#[test]
fn level_texts_are_concrete_where_a_unit_exists() {
    let lifting = dimensions().first().expect("lifting");
    assert!(lifting.levels.fi[1..].iter().all(|l| l.contains("kg")));
    let standing = &dimensions()[1];
    assert!(standing.levels.en[1..]
        .iter()
        .all(|l| l.contains("hour") || l.contains("minute")));
}

#[test]
fn dimension_entries_have_exactly_the_loader_fields() {
    for e in entries(DIMENSIONS_JSON) {
        assert_eq!(
            keys(&e),
            set(&["key", "group", "label", "question", "levels", "capacity"])
        );
        assert_eq!(keys(&e["capacity"]), set(&["fi", "fi_selko", "sv", "en"]));
        assert_eq!(keys(&e["label"]), set(&["fi", "sv", "en"]));
        assert_eq!(keys(&e["question"]), set(&["fi", "fi_selko", "sv", "en"]));
        assert_eq!(keys(&e["levels"]), set(&["fi", "sv", "en"]));
    }
}

#[test]
fn accommodations_are_well_formed_and_point_at_real_subsidies() {
    let all = accommodations();
    assert!(all.len() >= 20, "about twenty accommodations");
    let ids: BTreeSet<_> = all.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), all.len(), "ids are unique");
    let rule_keys: BTreeSet<_> = subsidy_rules().iter().map(|r| r.key.as_str()).collect();
    let mut relieved = BTreeSet::new();
    for a in all {
        assert!(
            a.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                && !a.id.starts_with('_')
                && !a.id.ends_with('_'),
            "{} is snake_case",
            a.id
        );
        for text in [&a.label.fi, &a.label.sv, &a.label.en] {
            tidy(&a.id, text);
        }
        assert!(!a.relieves.is_empty(), "{} relieves something", a.id);
        for (d, by) in &a.relieves {
            assert!((1..=2).contains(by), "{} relieves {d} by {by}", a.id);
            relieved.insert(*d);
        }
        if let Some(key) = &a.subsidy {
            assert!(
                rule_keys.contains(key.as_str()),
                "{}: unknown subsidy {key}",
                a.id
            );
        }
    }
    // Every dimension has at least one accommodation that relieves it.
    let unrelieved: Vec<_> = Dimension::ALL
        .iter()
        .filter(|d| !relieved.contains(d))
        .collect();
    assert!(unrelieved.is_empty(), "nothing relieves {unrelieved:?}");

    // A co-worker's help is priced as a month of the work-arrangement subsidy's maximum.
    let help = all
        .iter()
        .find(|a| a.id == "coworker_assistance")
        .expect("co-worker's help");
    let rule = subsidy_rule("jarjestelytuki.assistance", date(2025, Month::June, 1))
        .expect("assistance rule");
    let monthly = rule
        .hourly_eur
        .zip(rule.max_hours_month)
        .map(|(e, h)| e * h);
    assert_eq!(Some(help.cost_eur), monthly);
    for e in entries(ACCOMMODATIONS_JSON) {
        assert_eq!(
            keys(&e),
            set(&["id", "label", "relieves", "cost_eur", "subsidy"])
        );
    }
}

#[test]
fn subsidy_rule_versions_do_not_overlap() {
    let mut by_key: BTreeMap<&str, Vec<&SubsidyRule>> = BTreeMap::new();
    for r in subsidy_rules() {
        by_key.entry(&r.key).or_default().push(r);
        assert!(
            ["confirmed", "partly_confirmed", "uncertain"].contains(&r.status.as_str()),
            "{}: status {}",
            r.key,
            r.status
        );
        assert!(!r.sources.is_empty(), "{} has sources", r.key);
        assert!(r.valid_to.is_none_or(|t| r.valid_from <= t), "{}", r.key);
        assert!(r.rate.is_none_or(|x| x > 0.0 && x <= 1.0), "{}", r.key);
        for text in [&r.label.fi, &r.label.sv, &r.label.en] {
            tidy(&r.key, text);
        }
    }
    for (key, mut versions) in by_key {
        versions.sort_by_key(|r| r.valid_from);
        for pair in versions.windows(2) {
            let end = pair[0]
                .valid_to
                .expect("only the last version is open-ended");
            assert!(end < pair[1].valid_from, "{key}: versions overlap");
        }
    }
    let fields = [
        "key",
        "label",
        "rate",
        "cap_eur_month",
        "cap_eur_total",
        "hourly_eur",
        "max_hours_month",
        "max_months",
        "valid_from",
        "valid_to",
        "status",
        "sources",
    ];
    for e in entries(SUBSIDY_JSON) {
        assert_eq!(
            keys(&e),
            set(&fields),
            "every field present, null where not applicable"
        );
    }
}

#[test]
fn subsidy_rules_encode_finnish_rules_sections_1_and_2() {
    let in_2024 = date(2024, Month::March, 1);
    let in_2026 = date(2026, Month::January, 1);
    let get = |key: &str, on: Date| subsidy_rule(key, on).expect("rule in force");
    // (key, rate, monthly cap, max months, status in 2026)
    let pay_subsidies = [
        ("palkkatuki.general", 0.50, 1260, 10, "confirmed"),
        ("palkkatuki.reduced_capacity", 0.70, 1770, 24, "confirmed"),
        ("palkkatuki.age60_ltu", 0.50, 1260, 24, "uncertain"),
        (
            "palkkatuki.nonprofit100",
            1.00,
            2020,
            12,
            "partly_confirmed",
        ),
        ("tyollistamistuki55", 0.70, 1770, 10, "confirmed"),
    ];
    for (key, rate, cap, months, status) in pay_subsidies {
        for on in [in_2024, in_2026] {
            let r = get(key, on);
            assert_eq!(r.rate, Some(rate), "{key}");
            assert_eq!(r.cap_eur_month, Some(cap), "{key}");
            assert_eq!(r.max_months, Some(months), "{key}");
            assert_eq!((r.cap_eur_total, r.hourly_eur), (None, None), "{key}");
        }
        assert_eq!(get(key, in_2026).status, status, "{key}");
        assert_eq!(get(key, in_2024).valid_from, date(2023, Month::July, 1));
        assert!(
            subsidy_rule(key, date(2023, Month::June, 30)).is_err(),
            "{key} before reform"
        );
    }
    let tools = get("jarjestelytuki.tools", in_2026);
    assert_eq!((tools.cap_eur_total, tools.rate), (Some(4000), None));
    let help = get("jarjestelytuki.assistance", in_2026);
    assert_eq!(
        (help.hourly_eur, help.max_hours_month, help.max_months),
        (Some(20), Some(20), Some(18))
    );
}

#[test]
fn every_postcode_resolves_and_every_region_is_used() {
    let mut seen_municipalities = BTreeSet::new();
    let mut count = 0;
    for line in POSTCODES_CSV.lines().skip(1) {
        let (code, municipality) = line.split_once(',').expect("two columns");
        let p = Postcode::parse(code).expect("five digits");
        let m = municipality_for_postcode(&p).expect("postcode resolves");
        assert_eq!(m.code.as_str(), municipality);
        seen_municipalities.insert(municipality);
        count += 1;
    }
    assert_eq!(count, 5033, "one row per postcode (Posti 2024-04)");
    assert_eq!(seen_municipalities.len(), municipalities().len());
    let used: BTreeSet<_> = municipalities().iter().map(|m| m.region.code).collect();
    assert_eq!(used.len(), regions().len());
}
