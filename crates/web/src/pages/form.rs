//! Form helpers shared by the page areas: field errors keyed by field name, shown next to the
//! field and in an error summary at the top of the form (WCAG 3.3.1, 3.3.3), and the submitted
//! form as name/value pairs for forms with repeated or dynamic fields.

use std::collections::BTreeMap;

/// Joins a message key and the word it names in a stored field error (see
/// [`FieldErrors::add_word`]); a control character no catalogue key contains.
pub const WORD_SEPARATOR: char = '\u{1f}';

/// Field name → message key (in the `errors` catalogue area).
#[derive(Debug, Clone, Default)]
pub struct FieldErrors(pub BTreeMap<String, String>);

impl FieldErrors {
    pub fn new() -> FieldErrors {
        FieldErrors::default()
    }

    pub fn add(&mut self, field: &str, key: &str) {
        self.0
            .entry(field.to_owned())
            .or_insert_with(|| key.to_owned());
    }

    /// An error whose message names the refused word (the catalogue message takes `$word`),
    /// e.g. the municipality that was not recognised.
    pub fn add_word(&mut self, field: &str, key: &str, word: &str) {
        self.add(field, &format!("{key}{WORD_SEPARATOR}{word}"));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The message key for a field, if it has an error.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }

    /// `(field, message key)` in form order is the caller's job; this is name order.
    pub fn list(&self) -> Vec<(&str, &str)> {
        self.0
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }
}

/// A submitted form as name/value pairs: decoded by axum's `Form` extractor with the same
/// decoder as [`polku_forms::decode`] (its own crate, so the fuzzer reaches it).
pub use polku_forms::Fields;
