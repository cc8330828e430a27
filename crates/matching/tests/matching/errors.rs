//! Malformed input is rejected with the JSON path of the bad field.

use polku_matching::api::{self, MatchArgs};

fn today() -> time::Date {
    time::macros::date!(2026 - 01 - 15)
}

fn error(text: &str) -> (String, &'static str) {
    let e = api::match_json(text, &MatchArgs::default(), today()).expect_err("must be rejected");
    assert!(!e.to_string().is_empty());
    (e.path, e.code)
}

const P: &str = r#""id": "p1", "municipality": "398", "hours_per_week": {"min": 10, "max": 20}, "days_per_week_max": 5"#;

#[test]
fn paths_of_bad_fields() {
    let cases: Vec<(String, &str, &str)> = vec![
        (format!(r#"{{"participants": [{{{P}}}, {{{P}, "capacity": {{"lifting": 9}}}}]}}"#), "participants[1].capacity.lifting", "invalid_value"),
        (format!(r#"{{"participants": [{{{P}, "capacity": {{"diagnosis": 2}}}}]}}"#), "participants[0].capacity.diagnosis", "invalid_value"),
        (format!(r#"{{"participants": [{{{P}, "languages": {{"fi": "B3"}}}}]}}"#), "participants[0].languages.fi", "invalid_value"),
        (format!(r#"{{"participants": [{{{P}, "skills": ["http://data.europa.eu/esco/skill/a", "nope"]}}]}}"#), "participants[0].skills[1]", "invalid_value"),
        (format!(r#"{{"participants": [{{{P}, "shoe_size": 42}}]}}"#), "participants[0].shoe_size", "invalid_value"),
        (r#"{"participants": [{"id": "p1"}]}"#.to_owned(), "participants[0].municipality", "invalid_value"),
        (format!(r#"{{"participants": [{{{P}}}, {{{P}}}]}}"#), "participants[1].id", "duplicate_id"),
        (r#"{"participants": [{"id": "p1", "municipality": "398", "hours_per_week": {"min": 30, "max": 20}, "days_per_week_max": 5}]}"#.to_owned(), "participants[0].hours_per_week.min", "invalid_value"),
        (r#"{"employers": [{"id": "e", "municipality": "398", "tasks": [{"id": "t", "title": "T", "hours_per_week": 5, "value": 9}]}]}"#.to_owned(), "employers[0].tasks[0].value", "invalid_value"),
        (r#"{"employers": [{"id": "e", "municipality": "398", "tasks": [{"id": "t", "title": "T", "hours_per_week": 5, "value": 3}], "openings": [{"id": "o", "kind": "job", "tasks": ["x"]}]}]}"#.to_owned(), "employers[0].openings[0].tasks[0]", "not_found"),
        (r#"{"employers": [{"id": "e", "municipality": "398", "tasks": [], "openings": [{"id": "o", "kind": "shift", "tasks": []}]}]}"#.to_owned(), "employers[0].openings[0].kind", "invalid_value"),
        (r#"{"accommodations": [{"id": "a", "relieves": {"lifting": 0}, "cost_eur": 5}]}"#.to_owned(), "accommodations[0].relieves.lifting", "invalid_value"),
        (format!(r#"{{"participants": [{{{P}, "unemployed_months_of_28": 29}}]}}"#), "participants[0].unemployed_months_of_28", "invalid_value"),
        (r#"{"employers": [{"id": "e", "municipality": "398", "legal_form": "pirate"}]}"#.to_owned(), "employers[0].legal_form", "invalid_value"),
        (r#"{"participants": [}"#.to_owned(), "participants", "invalid_json"),
        (
            r#"{"employers": [{"id": "e", "municipality": "398", "tasks": [{"id": "t", "title": "T", "hours_per_week": 5, "value": 3,
               "languages": {"ar": "A1", "de": "A1", "et": "A1", "ru": "A1", "so": "A1", "uk": "A1"}}]}]}"#.to_owned(),
            "employers[0].tasks[0].languages.uk",
            "invalid_value",
        ),
    ];
    for (text, path, code) in cases {
        assert_eq!(error(&text), (path.to_owned(), code), "{text}");
    }
}

#[test]
fn unknown_ids_are_not_found() {
    let text = format!(r#"{{"participants": [{{{P}}}]}}"#);
    let args = MatchArgs {
        participant: Some("nobody".into()),
        ..MatchArgs::default()
    };
    assert_eq!(
        api::match_json(&text, &args, today())
            .expect_err("unknown")
            .code,
        "not_found"
    );
    let args = MatchArgs {
        opening: Some("nothing".into()),
        ..MatchArgs::default()
    };
    assert_eq!(
        api::match_json(&text, &args, today())
            .expect_err("unknown")
            .code,
        "not_found"
    );
    let craft = api::CraftArgs {
        participant: "p1".into(),
        employer: "none".into(),
        hours: None,
    };
    assert_eq!(
        api::craft_json(&text, &craft, today())
            .expect_err("unknown")
            .code,
        "not_found"
    );
}
