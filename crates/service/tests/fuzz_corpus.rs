//! The fuzz target `esco_csv`'s committed corpus (`fuzz/corpus/esco_csv/`) replayed as ordinary
//! tests (R55): what the importer accepts holds ESCO URIs of the file's kind and real labels.

use polku_service::esco::{classify_file, merge, parse_csv, PerLanguage};
use std::path::Path;

const NAMES: [&str; 4] = [
    "skills_fi.csv",
    "occupations_sv.csv",
    "skills_en_subset.csv",
    "occupations_en.csv",
];

#[test]
fn esco_csv_corpus_is_parsed_or_refused_with_a_reason() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/esco_csv");
    let (mut accepted, mut refused) = (0, 0);
    for entry in std::fs::read_dir(&dir).expect("the fuzz corpus is committed") {
        let data = std::fs::read(entry.expect("a directory entry").path()).expect("a file");
        let Some((&first, rest)) = data.split_first() else {
            continue;
        };
        let file = classify_file(NAMES[usize::from(first) % NAMES.len()]).expect("an ESCO name");
        match parse_csv(rest, &file) {
            Ok(rows) => {
                accepted += 1;
                for (uri, (label, _)) in &rows {
                    let parsed = polku_domain::EscoUri::parse(uri).expect("an ESCO URI");
                    assert_eq!(parsed.kind(), file.kind);
                    assert!(!label.is_empty() && label.trim() == label);
                }
                let mut per = PerLanguage::new();
                per.insert(file.lang.clone(), rows.clone());
                assert_eq!(merge(file.kind, &per).len(), rows.len());
            }
            Err(e) => {
                refused += 1;
                assert!(!e.to_string().is_empty());
            }
        }
    }
    assert!(
        accepted > 0 && refused > 0,
        "{accepted} accepted, {refused} refused"
    );
}
