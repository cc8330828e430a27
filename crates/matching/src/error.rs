//! The one error type of the matching engine: a bad input, with the JSON path of the bad field.

use std::fmt;

/// Why an input was rejected. `path` is a JSON path such as `participants[3].capacity.lifting`
/// (empty for the whole document); `code` is stable (see `docs/matching.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    pub code: &'static str,
    pub message: String,
}

impl InputError {
    pub fn new(path: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            code,
            message: message.into(),
        }
    }

    /// An unknown participant, employer or opening id.
    pub fn not_found(path: &str, what: &str, id: &str) -> Self {
        Self::new(path, "not_found", format!("no {what} with id {id:?}"))
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{} ({})", self.message, self.code)
        } else {
            write!(f, "{}: {} ({})", self.path, self.message, self.code)
        }
    }
}

impl std::error::Error for InputError {}

/// Turns a serde_json error on `text` into an [`InputError`] whose path names the field at the
/// error position (serde reports a line and column; we re-scan the text up to it).
pub fn from_serde(text: &str, err: &serde_json::Error) -> InputError {
    let code = match err.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => "invalid_json",
        _ => "invalid_value",
    };
    let mut offset = byte_offset(text, err.line(), err.column());
    let full = err.to_string();
    // serde_json reports a bad map or list element at the end of its container when it was
    // the last element: step back inside the container (not for a struct's missing field).
    let before = text[..offset].trim_end();
    if code == "invalid_value"
        && !full.contains("missing field")
        && (before.ends_with('}') || before.ends_with(']'))
    {
        offset = before.len() - 1;
    }
    let mut path = path_at(text, offset);
    // Drop serde's " at line L column C" suffix: the path says where.
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    };
    if let Some(field) = between(&message, "missing field `", "`") {
        push_key(&mut path, field);
    }
    InputError {
        path,
        code,
        message,
    }
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = s.find(start)? + start.len();
    let j = s[i..].find(end)? + i;
    Some(&s[i..j])
}

fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    // serde counts columns in bytes from 1; a column inside a multi-byte character (or past
    // the end) is moved back to the character's start.
    let mut at = (start + column).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

enum Frame {
    Object(Option<String>),
    Array(usize),
}

/// The JSON path of the innermost value open at byte `offset` of `text`.
fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    while i < offset.min(bytes.len()) {
        match bytes[i] {
            b'{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                expecting_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(k)) => {
                    *k = None;
                    expecting_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if expecting_key {
                    if let Some(Frame::Object(k)) = stack.last_mut() {
                        *k = Some(text.get(start..j.min(text.len())).unwrap_or("").to_owned());
                    }
                    expecting_key = false;
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    let mut out = String::new();
    for f in &stack {
        match f {
            Frame::Object(Some(k)) => push_key(&mut out, k),
            Frame::Object(None) => {}
            Frame::Array(n) => out.push_str(&format!("[{n}]")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by schemathesis through `POST /api/v1/craft`: a syntax error inside a multi-byte
    /// character made the byte offset fall inside it, and slicing panicked.
    #[test]
    fn errors_inside_multibyte_characters_do_not_panic() {
        for text in [
            "ԓΌ",
            "{\"å\": ä}",
            "[\"ö\", ü",
            "\u{1F600}x",
            "{\n  \"a\": 1,\n  ää\n}",
        ] {
            let err = serde_json::from_str::<serde_json::Value>(text).expect_err("not JSON");
            let e = from_serde(text, &err);
            assert_eq!(e.code, "invalid_json", "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_an_error_not_a_panic(text in "\\PC{0,40}") {
            if let Err(err) = serde_json::from_str::<serde_json::Value>(&text) {
                let _ = from_serde(&text, &err);
            }
        }
    }

    #[test]
    fn path_of_nested_field() {
        let text = "{\"a\": [1, {\"b\": {\"c\": 7}}]}";
        let off = text.find('7').expect("7");
        assert_eq!(path_at(text, off + 1), "a[1].b.c");
        assert_eq!(path_at(text, 1), "");
    }

    #[test]
    fn bad_last_map_value_names_its_key() {
        let text = r#"{"participants":[{"id":"a","municipality":"398","hours_per_week":{"min":1,"max":2},
            "days_per_week_max":3,"capacity":{"standing":2,"lifting":7}}]}"#;
        let e = crate::validate::parse(text).expect_err("bad level");
        assert_eq!(e.path, "participants[0].capacity.lifting");
        let text = r#"{"participants":[{"id":"a","municipality":"398","hours_per_week":{"min":1,"max":2},
            "days_per_week_max":3,"capacity":{"lifting":7,"standing":2}}]}"#;
        let e = crate::validate::parse(text).expect_err("bad level");
        assert_eq!(e.path, "participants[0].capacity.lifting");
        let text = r#"{"participants":[{"municipality":"398"}]}"#;
        let e = crate::validate::parse(text).expect_err("missing id");
        assert_eq!(e.path, "participants[0].id");
    }
}
