//! Ranked output with explanations for hand-made cases, compared with reviewed snapshots in
//! `tests/snapshots/`. A missing snapshot fails; run with `POLKU_UPDATE_SNAPSHOTS=1` to write
//! or rewrite them after a deliberate change, then review the diff.

use polku_matching::api::{self, CraftArgs, MatchArgs};
use serde_json::Value;
use std::path::PathBuf;

fn today() -> time::Date {
    time::macros::date!(2026 - 01 - 15)
}

fn cases() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/cases.json"
    ))
    .expect("fixture")
}

fn check(name: &str, value: &Value) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.json"));
    let text = serde_json::to_string_pretty(value).expect("json") + "\n";
    if std::env::var_os("POLKU_UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &text).expect("write snapshot");
        return;
    }
    let Ok(old) = std::fs::read_to_string(&path) else {
        panic!(
            "snapshot {name} is missing ({}); write it with POLKU_UPDATE_SNAPSHOTS=1 and review it",
            path.display()
        );
    };
    if old != text {
        let first = old
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "snapshot {name} differs at line {}:\n  old: {}\n  new: {}\n(POLKU_UPDATE_SNAPSHOTS=1 to accept)",
            first + 1,
            old.lines().nth(first).unwrap_or(""),
            text.lines().nth(first).unwrap_or("")
        );
    }
}

fn person(id: &str) -> Value {
    let args = MatchArgs {
        participant: Some(id.into()),
        top: 20,
        include_excluded: true,
        ..MatchArgs::default()
    };
    api::match_json(&cases(), &args, today()).expect("match")
}

/// A lifting limit closed by a trolley: feasible, lists the trolley, its cost and subsidy.
#[test]
fn lifting_limit_closed_by_a_trolley() {
    let v = person("p-lifting");
    let first = &v["results"][0];
    assert!(v["results"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["opening"] == "o-shelves"
            && r["accommodations"] == serde_json::json!(["lifting_trolley"])
            && r["accommodation_subsidies"][0]["subsidy"] == "jarjestelytuki.tools"));
    assert!(first.get("excluded_by").is_none());
    check("lifting_trolley", &v);
}

/// Finnish A2 against a B1 task: excluded, and the explanation names the language limit.
#[test]
fn finnish_a2_against_b1() {
    let v = person("p-a2");
    let checkout = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["opening"] == "o-checkout")
        .unwrap();
    let limits: Vec<&str> = checkout["excluded_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["limit"].as_str().unwrap())
        .collect();
    assert!(limits.contains(&"language"), "{limits:?}");
    assert_eq!(checkout["excluded_by"][0]["required"], "B1");
    check("finnish_a2_b1", &v);
}

/// A night-shift task for someone who cannot do nights: excluded by the schedule limit,
/// and crafting leaves it out with that reason.
#[test]
fn night_shift_for_someone_without_nights() {
    let v = person("p-no-nights");
    let nights = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["opening"] == "o-nights")
        .unwrap();
    assert_eq!(nights["excluded_by"][0]["limit"], "schedule");
    check("night_shift", &v);
    let craft = api::craft_json(
        &cases(),
        &CraftArgs {
            participant: "p-no-nights".into(),
            employer: "e-market".into(),
            hours: None,
        },
        today(),
    )
    .expect("craft");
    let left = craft["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["task"] == "t-night-fill")
        .unwrap();
    assert_eq!(left["excluded_by"][0]["limit"], "schedule");
    check("craft_night_shift", &craft);
}

/// Candidates for an opening, and a not-assessed demand ranked below a known fit.
#[test]
fn candidates_for_an_opening() {
    let args = MatchArgs {
        opening: Some("o-shelves".into()),
        top: 20,
        include_excluded: true,
        ..MatchArgs::default()
    };
    let v = api::match_json(&cases(), &args, today()).expect("match");
    check("candidates_o_shelves", &v);
}

#[test]
fn crafting_with_an_accommodation_and_allocation() {
    let craft = api::craft_json(
        &cases(),
        &CraftArgs {
            participant: "p-lifting".into(),
            employer: "e-market".into(),
            hours: Some((10, 30)),
        },
        today(),
    )
    .expect("craft");
    check("craft_lifting", &craft);
    check("allocate", &api::allocate_json(&cases()).expect("allocate"));
}

/// Not assessed ranks below an otherwise equal known fit.
#[test]
fn not_assessed_ranks_below_known() {
    let text = cases().replace(
        r#""capacity": {"lifting": 3, "walking": 4, "customer_contact": 2}"#,
        r#""capacity": {"lifting": 3, "customer_contact": 2}"#,
    );
    let args = MatchArgs {
        opening: Some("o-office-cleaning".into()),
        top: 20,
        include_excluded: false,
        ..MatchArgs::default()
    };
    let v = api::match_json(&text, &args, today()).expect("match");
    let c = &v["candidates"];
    let unknown = c
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["participant"] == "p-no-nights")
        .unwrap();
    assert!(unknown["to_check"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["dimension"] == "walking"));
    let known = api::match_json(&cases(), &args, today()).expect("match");
    let known = known["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["participant"] == "p-no-nights")
        .unwrap()
        .clone();
    assert!(known["score"].as_f64() > unknown["score"].as_f64());
}

/// The typed answer is the JSON answer: `match_person` serialises to what `match_json` writes,
/// and each fit's `code()` is the code its JSON item carries.
#[test]
fn typed_answer_is_the_json_answer() {
    let input = polku_matching::internals::validate::parse(&cases()).expect("input");
    let list = api::List {
        top: 20,
        include_excluded: true,
    };
    for id in ["p-lifting", "p-a2", "p-no-nights"] {
        let typed = api::match_person(&input, id, list, today()).expect("match");
        assert_eq!(api::to_json(&typed), person(id));
        for (r, v) in typed
            .results
            .iter()
            .zip(person(id)["results"].as_array().unwrap())
        {
            for (f, fv) in r.fits.iter().zip(v["fits"].as_array().unwrap()) {
                assert_eq!(fv["code"], f.why.code());
            }
        }
    }
}
