//! The fuzz target `engine`'s committed corpus (`fuzz/corpus/engine/`) replayed (R55): each
//! document is answered or refused with a JSON path and a stable code, never a panic.

use polku_matching::api::{allocate_json, match_json, MatchArgs};
use std::path::Path;

#[test]
fn engine_corpus_is_answered_or_refused() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/engine");
    let today = time::macros::date!(2026 - 06 - 15);
    let (mut answered, mut refused) = (0, 0);
    for entry in std::fs::read_dir(&dir).expect("the fuzz corpus is committed") {
        let data = std::fs::read(entry.expect("a directory entry").path()).expect("a file");
        let Some(text) = data.get(1..).and_then(|t| std::str::from_utf8(t).ok()) else {
            continue;
        };
        let args = MatchArgs {
            top: 5,
            ..MatchArgs::default()
        };
        for answer in [match_json(text, &args, today), allocate_json(text)] {
            match answer {
                Ok(v) => {
                    answered += 1;
                    assert!(v.is_object());
                }
                Err(e) => {
                    refused += 1;
                    assert!(!e.code.is_empty() && !e.message.is_empty());
                }
            }
        }
    }
    assert!(
        answered > 0 && refused > 0,
        "{answered} answered, {refused} refused"
    );
}
