//! A submitted HTML form as name/value pairs, and its decoding from an
//! `application/x-www-form-urlencoded` body.
//!
//! The web crate's pages take [`Fields`] through axum's `Form` extractor, which decodes the body
//! with `serde_urlencoded::from_bytes`, exactly as [`decode`] does; [`decode`] is the same path
//! reachable without the web crate (the fuzz target `form` runs it, `docs/SECURITY.md`).

/// A submitted form as name/value pairs (repeated names such as checkboxes allowed).
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(transparent)]
pub struct Fields(pub Vec<(String, String)>);

/// Why a body could not be read as a form.
pub type DecodeError = serde_urlencoded::de::Error;

/// Decodes an urlencoded body (`a=1&b=x+y`): percent escapes and `+` are decoded, invalid UTF-8
/// is replaced, pairs without `=` have an empty value, empty pairs are skipped.
pub fn decode(body: &[u8]) -> Result<Fields, DecodeError> {
    serde_urlencoded::from_bytes(body)
}

impl Fields {
    /// The first value of `name`, trimmed ("" when absent).
    pub fn get(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    }

    /// Every value of `name`.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .collect()
    }

    /// Whether a checkbox was ticked.
    pub fn checked(&self, name: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && !v.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_repeated_names_escapes_and_plus() {
        let f = decode(b"name=Aino+Virtanen&skill=a&skill=b%20c&tick=on&empty=&bare")
            .expect("a well-formed body decodes");
        assert_eq!(f.get("name"), "Aino Virtanen");
        assert_eq!(f.all("skill"), vec!["a".to_owned(), "b c".to_owned()]);
        assert!(f.checked("tick"));
        assert!(!f.checked("empty"));
        assert!(!f.checked("bare"));
        assert_eq!(f.get("missing"), "");
    }

    #[test]
    fn invalid_utf8_and_stray_percent_do_not_fail() {
        let f = decode(b"a=%FF%FE&b=%&c=%4").expect("lossy decoding never fails on pairs");
        assert_eq!(f.get("a"), "\u{fffd}\u{fffd}");
        assert_eq!(f.get("b"), "%");
        assert_eq!(f.get("c"), "%4");
    }
}

/// The fuzz target `form`'s committed corpus (`fuzz/corpus/form/`) replayed (R55).
#[cfg(test)]
mod fuzz_corpus {
    use super::decode;
    use std::path::Path;

    #[test]
    fn form_corpus_round_trips() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/form");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).expect("the fuzz corpus is committed") {
            let body = std::fs::read(entry.expect("a directory entry").path()).expect("a file");
            let Ok(fields) = decode(&body) else {
                continue;
            };
            let encoded = serde_urlencoded::to_string(&fields.0).expect("string pairs encode");
            assert_eq!(decode(encoded.as_bytes()).expect("re-decodes"), fields);
            n += 1;
        }
        assert!(n >= 5, "the corpus has its seeds");
    }
}
