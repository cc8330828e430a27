//! The pay subsidy on a suggestion is the best rule of the full selection: the employer's legal
//! form and the person's age and unemployment history reach it through the input.

use polku_matching::api::{self, MatchArgs};
use serde_json::Value;

fn today() -> time::Date {
    time::macros::date!(2026 - 01 - 15)
}

/// `p-a2` at `e-cleaning` (o-office-cleaning, €1,800 a month) after `edit` of the input.
fn subsidy_with(edit: impl FnOnce(&mut Value)) -> Value {
    let mut input: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/cases.json"
        ))
        .unwrap(),
    )
    .unwrap();
    for p in input["participants"].as_array_mut().unwrap() {
        p["reduced_work_ability"] = Value::Bool(false);
        p["acceptable_municipalities"] = serde_json::json!(["398", "532"]);
    }
    edit(&mut input);
    let args = MatchArgs {
        opening: Some("o-office-cleaning".into()),
        top: 20,
        include_excluded: true,
        ..MatchArgs::default()
    };
    let v = api::match_json(&input.to_string(), &args, today()).unwrap();
    let all = v["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["excluded"].as_array().into_iter().flatten());
    let hit = all
        .into_iter()
        .find(|c| c["participant"] == "p-lifting")
        .cloned()
        .unwrap_or(Value::Null);
    hit["subsidy"].clone()
}

fn set(input: &mut Value, who: &str, key: &str, value: Value) {
    for p in input["participants"].as_array_mut().unwrap() {
        if p["id"] == who {
            p[key] = value.clone();
        }
    }
}

fn employer(input: &mut Value, form: &str) {
    for e in input["employers"].as_array_mut().unwrap() {
        if e["id"] == "e-cleaning" {
            e["legal_form"] = Value::String(form.into());
        }
    }
}

#[test]
fn suggestions_show_the_best_rule_of_the_selection() {
    let plain = subsidy_with(|_| {});
    assert_eq!(plain["rule"], "palkkatuki.general", "{plain}");
    let association = subsidy_with(|i| {
        employer(i, "association");
        set(i, "p-lifting", "unemployed_months_of_28", 26.into());
    });
    assert_eq!(
        association["rule"], "palkkatuki.nonprofit100",
        "{association}"
    );
    let aged = subsidy_with(|i| {
        employer(i, "company");
        set(i, "p-lifting", "birth_date", "1964-03-01".into());
        set(i, "p-lifting", "long_term_unemployed", true.into());
    });
    assert_eq!(aged["rule"], "palkkatuki.age60_ltu", "{aged}");
    let state = subsidy_with(|i| employer(i, "state"));
    assert_eq!(state["available"], false, "{state}");
}
