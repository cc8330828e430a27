//! The ESCO CSV import (`polku import esco`): file names classified, any bytes parsed as one
//! file, and what parses merged into concepts. Every accepted row must hold an ESCO URI of the
//! file's kind and a trimmed, non-empty preferred label; a refused file names why.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polku_domain::EscoUri;
use polku_service::esco::{classify_file, merge, parse_csv, PerLanguage};
use std::collections::BTreeMap;

const NAMES: [&str; 4] = [
    "skills_fi.csv",
    "occupations_sv.csv",
    "skills_en_subset.csv",
    "occupations_en.csv",
];

fuzz_target!(|data: &[u8]| {
    if data.is_empty() || data.len() > 64 * 1024 {
        return;
    }
    let name = NAMES[usize::from(data[0]) % NAMES.len()];
    let file = classify_file(name).expect("the fixed names are ESCO files");
    if let Ok(s) = std::str::from_utf8(&data[1..data.len().min(40)]) {
        if let Some(f) = classify_file(s) {
            assert!(s.ends_with(".csv"));
            assert!(matches!(f.lang.as_str(), "fi" | "sv" | "en"));
        }
    }
    match parse_csv(&data[1..], &file) {
        Ok(rows) => {
            for (uri, (label, alt)) in &rows {
                let parsed = EscoUri::parse(uri).expect("an accepted row has an ESCO URI");
                assert_eq!(parsed.kind(), file.kind);
                assert_eq!(parsed.as_str(), uri);
                assert!(!label.is_empty());
                assert_eq!(label.trim(), label);
                assert_eq!(alt.trim(), alt);
            }
            let mut per: PerLanguage = BTreeMap::new();
            per.insert(file.lang.clone(), rows.clone());
            let concepts = merge(file.kind, &per);
            assert_eq!(concepts.len(), rows.len());
            for c in &concepts {
                let label = match file.lang.as_str() {
                    "fi" => &c.label_fi,
                    "sv" => &c.label_sv,
                    _ => &c.label_en,
                };
                assert_eq!(label.as_deref(), Some(rows[&c.uri].0.as_str()));
            }
        }
        Err(e) => assert!(!e.to_string().is_empty(), "a refusal says why"),
    }
});
