//! The fuzz target `ids`'s committed corpus (`fuzz/corpus/ids/`) replayed as ordinary tests
//! (R55): every input that parses as an identity code or a business ID normalises stably.

use polku_domain::{BusinessId, Hetu};
use std::path::Path;

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut inputs: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .expect("the fuzz corpus is committed")
        .map(|e| std::fs::read(e.expect("a directory entry").path()).expect("a corpus file"))
        .collect();
    inputs.sort();
    inputs
}

#[test]
fn ids_corpus_parses_and_normalises_stably() {
    let inputs = corpus("ids");
    assert!(inputs.len() >= 10, "the corpus has its seeds");
    let (mut codes, mut ids) = (0, 0);
    for input in &inputs {
        let Ok(s) = std::str::from_utf8(input) else {
            continue;
        };
        if let Ok(h) = Hetu::parse(s) {
            codes += 1;
            assert_eq!(h.as_str(), s.trim().to_ascii_uppercase());
            assert_eq!(Hetu::parse(h.as_str()).as_ref(), Ok(&h));
            assert!(!format!("{h:?}").contains(h.as_str()));
        }
        if let Ok(b) = BusinessId::parse(s) {
            ids += 1;
            assert_eq!(BusinessId::parse(b.as_str()).as_ref(), Ok(&b));
            assert_eq!(b.as_str().len(), 9);
        }
    }
    assert!(
        codes > 0 && ids > 0,
        "the corpus holds valid codes ({codes}) and IDs ({ids})"
    );
}
