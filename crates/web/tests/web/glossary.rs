//! One word per concept: the catalogues use none of the synonyms that `docs/glossary.md` lists
//! as not used, in any locale.

use std::path::{Path, PathBuf};

/// Real words that merely contain a rejected part, allowed by their beginning.
const ALLOWED: &[&str] = &[
    // "asiakirja" (document) and "asiakaspalvelu" (customer service, a skill) are not the
    // participant.
    "asiakirj",
    "asiakaspalvel",
    // The role title keeps "projekti": "hanke" is the project, "projektipäällikkö" its manager.
    "projektipäällik",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The rejected parts per locale column (fi, sv, en) from the glossary's table.
fn rejected() -> [Vec<String>; 3] {
    let text = std::fs::read_to_string(root().join("docs/glossary.md")).expect("docs/glossary.md");
    let mut out: [Vec<String>; 3] = Default::default();
    let table = text
        .split("## Terms")
        .nth(1)
        .and_then(|t| t.split("\n## ").next())
        .expect("a Terms section");
    for line in table.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.split('|').collect();
        // | concept | fi | sv | en | not fi | not sv | not en |
        if cells.len() < 9 {
            continue;
        }
        for (i, cell) in cells[5..8].iter().enumerate() {
            for (k, part) in cell.split('`').enumerate() {
                if k % 2 == 1 && !part.trim().is_empty() {
                    out[i].push(part.to_lowercase());
                }
            }
        }
    }
    out
}

/// The text of each message and attribute in a catalogue (placeables, comments and keys
/// removed), with its key.
fn values(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).expect("catalogue");
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (key, value) = match line.split_once(" = ") {
            Some((k, v)) if !line.starts_with(' ') => (k.trim().to_owned(), v),
            _ => match out.last() {
                Some((k, _)) => (k.clone(), line),
                None => continue,
            },
        };
        // Drop placeables `{ ... }` and variant keys `[one]`, keep the words.
        let mut plain = String::new();
        let mut depth = 0;
        for c in value.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth = i32::max(depth - 1, 0),
                _ if depth == 0 => plain.push(c),
                _ => {}
            }
        }
        let plain = plain
            .split(']')
            .next_back()
            .unwrap_or_default()
            .to_lowercase();
        out.push((key, plain));
    }
    out
}

/// The word around byte `at` in `s`.
fn word_at(s: &str, at: usize) -> &str {
    let start = s[..at]
        .rfind(|c: char| !c.is_alphanumeric() && c != '-')
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let end = s[at..]
        .find(|c: char| !c.is_alphanumeric() && c != '-')
        .map_or(s.len(), |i| at + i);
    &s[start..end]
}

fn offences(dir: &str, rejected: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let dir = root().join("crates/web/locales").join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("locale dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    for file in files {
        for (key, text) in values(&file) {
            for bad in rejected {
                for (at, _) in text.match_indices(bad.as_str()) {
                    let word = word_at(&text, at);
                    if !ALLOWED.iter().any(|a| word.starts_with(a)) {
                        out.push(format!("{}: {key}: {bad:?} in {word:?}", file.display()));
                    }
                }
            }
        }
    }
    out
}

#[test]
fn catalogues_use_one_term_per_concept() {
    let [fi, sv, en] = rejected();
    assert!(
        fi.iter().any(|w| w == "asiaka") && sv.iter().any(|w| w == "klient"),
        "the glossary's table was read: {fi:?} {sv:?}"
    );
    let mut all = Vec::new();
    for (dir, words) in [("fi", &fi), ("fi-x-selko", &fi), ("sv", &sv), ("en", &en)] {
        all.extend(offences(dir, words));
    }
    assert!(all.is_empty(), "rejected synonyms:\n{}", all.join("\n"));
}

#[test]
fn the_check_finds_a_rejected_word_and_allows_the_exceptions() {
    let dir = std::env::temp_dir().join(format!("polku-glossary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("x.ftl");
    std::fs::write(
        &file,
        "a = Lisää asiakas\nb = { $n ->\n    [one] Asiakirja\n   *[other] { $n } asiakirjaa\n}\n",
    )
    .expect("write");
    let found: Vec<String> = values(&file)
        .into_iter()
        .flat_map(|(key, text)| {
            text.match_indices("asiak")
                .map(|(at, _)| word_at(&text, at).to_owned())
                .filter(|w| !ALLOWED.iter().any(|a| w.starts_with(a)))
                .map(|w| format!("{key}:{w}"))
                .collect::<Vec<_>>()
        })
        .collect();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(found, vec!["a:asiakas".to_owned()]);
}
