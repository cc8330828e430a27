//! The matching engine's JSON input, as `POST /api/v1/match|craft|allocate` and
//! `polku match|craft|allocate --input` take it: parse (with validation), then run the engine
//! on whatever parses. The first byte chooses the operation and its options; documents are
//! bounded (16 KiB here; the API takes up to 4 MiB, but size only scales what is searched).
//! A refused document must name a JSON path and a stable code; an answer must honour `top`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polku_matching::api::{allocate_json, craft_json, match_input, to_json, CraftArgs, MatchArgs};
use polku_matching::output::Matches;
use polku_matching::{Input, InputError};

fn refused(e: &InputError) {
    assert!(!e.code.is_empty(), "an error has a stable code");
    assert!(!e.message.is_empty(), "an error has a message");
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 || data.len() > 16 * 1024 {
        return;
    }
    let (op, rest) = (data[0], &data[1..]);
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let today = time::Date::from_calendar_date(2026, time::Month::June, 15).expect("a date");
    // The ids the options name come from the document when it reads as an input at all.
    let doc: Option<Input> = serde_json::from_str(text).ok();
    let first_person = doc
        .as_ref()
        .and_then(|d| d.participants.first())
        .map(|p| p.id.clone());
    let first_employer = doc.as_ref().and_then(|d| d.employers.first());
    let first_opening = first_employer
        .and_then(|e| e.openings.first())
        .map(|o| o.id.clone());
    let employer = first_employer.map(|e| e.id.clone());
    match op % 3 {
        0 => {
            let top = 1 + usize::from(op >> 5);
            let (participant, opening) = match (op >> 2) & 3 {
                0 => (None, None),
                1 => (first_person, None),
                2 => (None, first_opening),
                _ => (Some("nobody".to_owned()), None),
            };
            let args = MatchArgs {
                participant,
                opening,
                top,
                include_excluded: op & 0x10 != 0,
            };
            let Some(input) = doc else {
                if let Err(e) = polku_matching::api::match_json(text, &args, today) {
                    refused(&e);
                }
                return;
            };
            match match_input(&input, &args, today) {
                Ok(m) => {
                    match &m {
                        Matches::Person(p) => assert!(p.results.len() <= top),
                        Matches::Opening(o) => assert!(o.candidates.len() <= top),
                        Matches::Everyone { participants } => {
                            assert!(participants.iter().all(|p| p.results.len() <= top))
                        }
                    }
                    let json = to_json(&m);
                    assert!(!json.is_null(), "an answer serialises");
                }
                Err(e) => refused(&e),
            }
        }
        1 => {
            let args = CraftArgs {
                participant: first_person.unwrap_or_else(|| "p".to_owned()),
                employer: employer.unwrap_or_else(|| "e".to_owned()),
                hours: (op & 4 != 0).then_some((op >> 4, 10 + (op >> 3))),
            };
            if let Err(e) = craft_json(text, &args, today) {
                refused(&e);
            }
        }
        _ => {
            if let Err(e) = allocate_json(text) {
                refused(&e);
            }
        }
    }
});
