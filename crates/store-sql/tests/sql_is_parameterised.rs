//! R20: no SQL is built from values. Every value reaches the database as a bind (`$n`); the only
//! text spliced into SQL is constant clauses (column lists, table names from constant lists,
//! `$n` placeholders, the SQL of a reviewed clause builder).
//!
//! This test reads every Rust source file of the storage crates (`store-sql`, `store-sqlite`,
//! `store-postgres`) and the CLI, finds each `format!` whose template is SQL (it holds an SQL
//! keyword) and each `push_str` onto a string, and names what is spliced in: an inline
//! `{name}`, a positional argument's expression, or the argument of `push_str`. Every one must be
//! on the reviewed list `tests/sql_builders.txt` (`file | expression | why it is constant`);
//! anything else fails the test, and so does a listed entry that no longer occurs (the list stays
//! true). Adding `format!("… WHERE name = '{}'", value)` to a query fails here until someone has
//! reviewed it and listed it, which a value never should be.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Words that make a `format!` template SQL.
const SQL_WORDS: &[&str] = &[
    "SELECT",
    "INSERT",
    "UPDATE ",
    "DELETE",
    "WHERE",
    "FROM ",
    "JOIN",
    "VALUES",
    "ORDER BY",
    "GROUP BY",
    " AND ",
    " OR ",
    "LIKE",
    "PRAGMA",
    "CREATE ",
    "DROP ",
    "ALTER ",
    " SET ",
    "IN (",
    "COALESCE",
    "COUNT(",
    "LIMIT",
    "RETURNING",
    "GRANT",
    "TRUNCATE",
    "VACUUM",
    "ANALYZE",
    "$",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The end (exclusive) of the string literal starting at `i` (`"…"`, `r"…"`, `r#"…"#`), or
/// `None` when there is none at `i`.
fn string_end(s: &[u8], i: usize) -> Option<usize> {
    if s[i] == b'"' {
        let mut j = i + 1;
        while j < s.len() {
            match s[j] {
                b'\\' => j += 2,
                b'"' => return Some(j + 1),
                _ => j += 1,
            }
        }
        return Some(s.len());
    }
    if s[i] == b'r' && (i == 0 || !(s[i - 1].is_ascii_alphanumeric() || s[i - 1] == b'_')) {
        let mut j = i + 1;
        let mut hashes = 0;
        while j < s.len() && s[j] == b'#' {
            hashes += 1;
            j += 1;
        }
        if j < s.len() && s[j] == b'"' {
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            let mut k = j + 1;
            while k + close.len() <= s.len() {
                if s[k..k + close.len()] == close[..] {
                    return Some(k + close.len());
                }
                k += 1;
            }
            return Some(s.len());
        }
    }
    None
}

/// The top-level arguments of the call whose `(` is at `open`, as source text.
fn call_args(src: &str, open: usize) -> Vec<String> {
    let s = src.as_bytes();
    let (mut depth, mut i, mut start) = (0usize, open + 1, open + 1);
    let mut args = Vec::new();
    while i < s.len() {
        if let Some(end) = string_end(s, i) {
            i = end;
            continue;
        }
        match s[i] {
            b'/' if s.get(i + 1) == Some(&b'/') => {
                while i < s.len() && s[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => {
                args.push(src[start..i].to_owned());
                break;
            }
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => {
                args.push(src[start..i].to_owned());
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    args.into_iter()
        .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|a| !a.is_empty())
        .collect()
}

/// The text of a string literal (escapes left as written; enough to find keywords and `{…}`).
fn literal_text(arg: &str) -> Option<String> {
    let a = arg.trim();
    let body = if let Some(rest) = a.strip_prefix('r') {
        let rest = rest.trim_start_matches('#');
        rest.strip_prefix('"')?
            .trim_end_matches('#')
            .strip_suffix('"')?
    } else {
        a.strip_prefix('"')?.strip_suffix('"')?
    };
    Some(body.to_owned())
}

/// The placeholders of a format template: `None` for `{}`, else the text before any `:`.
fn placeholders(t: &str) -> Vec<Option<String>> {
    let c: Vec<char> = t.chars().collect();
    let (mut i, mut out) = (0, Vec::new());
    while i < c.len() {
        if c[i] == '{' {
            if c.get(i + 1) == Some(&'{') {
                i += 2;
                continue;
            }
            let mut j = i + 1;
            while j < c.len() && c[j] != '}' {
                j += 1;
            }
            let inner: String = c[i + 1..j].iter().collect();
            let name = inner
                .split(':')
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned();
            out.push((!name.is_empty()).then_some(name));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// What one `format!` call splices into SQL, or nothing when its template is not SQL.
fn spliced_by_format(args: &[String]) -> Vec<String> {
    let Some(template) = args.first().and_then(|a| literal_text(a)) else {
        return Vec::new();
    };
    if !SQL_WORDS.iter().any(|w| template.contains(w)) {
        return Vec::new();
    }
    let named = |name: &str| {
        args[1..].iter().find_map(|a| {
            let (k, v) = a.split_once('=')?;
            (k.trim() == name && !v.starts_with('=')).then(|| v.trim().to_owned())
        })
    };
    let positional: Vec<&String> = args[1..]
        .iter()
        .filter(|a| {
            a.split_once('=').is_none_or(|(k, v)| {
                !k.trim().chars().all(|c| c.is_alphanumeric() || c == '_') || v.starts_with('=')
            })
        })
        .collect();
    let mut next = 0;
    placeholders(&template)
        .into_iter()
        .map(|p| match p {
            None => {
                next += 1;
                positional
                    .get(next - 1)
                    .map_or_else(|| "?".to_owned(), |a| (*a).clone())
            }
            Some(n) if n.chars().all(|c| c.is_ascii_digit()) => positional
                .get(n.parse::<usize>().unwrap_or(usize::MAX))
                .map_or_else(|| "?".to_owned(), |a| (*a).clone()),
            Some(n) => named(&n).unwrap_or(n),
        })
        .collect()
}

/// Every splice of `src`: `format!` templates that are SQL and `push_str` arguments that are not
/// a literal or a `format!` (those are looked at as `format!`).
fn splices(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in src.match_indices("format!(") {
        let args = call_args(src, at + "format!".len());
        out.extend(spliced_by_format(&args));
    }
    for (at, _) in src.match_indices(".push_str(") {
        let args = call_args(src, at + ".push_str".len());
        if let Some(a) = args.first() {
            let a = a.trim_start_matches('&');
            if literal_text(a).is_none() && !a.starts_with("format!(") {
                out.push(format!("push_str({a})"));
            }
        }
    }
    out
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn found() -> BTreeSet<(String, String)> {
    let root = workspace();
    let mut files = Vec::new();
    for dir in [
        "crates/store-sql/src",
        "crates/store-sqlite/src",
        "crates/store-postgres/src",
        "crates/cli/src",
    ] {
        rust_files(&root.join(dir), &mut files);
    }
    let mut out = BTreeSet::new();
    for f in files {
        let src = fs::read_to_string(&f).expect("read source");
        // Unit tests at the end of a file build no production SQL.
        let src = src.split("#[cfg(test)]").next().unwrap_or_default();
        let name = f
            .strip_prefix(&root)
            .expect("under the workspace")
            .to_string_lossy()
            .into_owned();
        if name.ends_with("outage_tests.rs") {
            continue;
        }
        for s in splices(src) {
            out.insert((name.clone(), s));
        }
    }
    out
}

fn reviewed() -> BTreeSet<(String, String)> {
    let list =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sql_builders.txt"))
            .expect("tests/sql_builders.txt");
    list.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.splitn(3, " | ");
            let file = parts.next().unwrap_or_default().trim().to_owned();
            let expr = parts.next().unwrap_or_default().trim().to_owned();
            let why = parts.next().unwrap_or_default().trim();
            assert!(!why.is_empty(), "no reason given for {file} | {expr}");
            (file, expr)
        })
        .collect()
}

#[test]
fn sql_is_built_only_from_reviewed_constant_clauses() {
    let found = found();
    assert!(
        found.len() > 50,
        "the scan found only {} splices; is it reading the sources?",
        found.len()
    );
    let reviewed = reviewed();
    let new: Vec<String> = found
        .difference(&reviewed)
        .map(|(f, e)| format!("{f} | {e}"))
        .collect();
    let gone: Vec<String> = reviewed
        .difference(&found)
        .map(|(f, e)| format!("{f} | {e}"))
        .collect();
    assert!(
        new.is_empty(),
        "text spliced into SQL that is not on the reviewed list (bind values as $n instead, or \
         review the builder and add it to crates/store-sql/tests/sql_builders.txt):\n{}",
        new.join("\n")
    );
    assert!(
        gone.is_empty(),
        "listed in crates/store-sql/tests/sql_builders.txt but no longer in the code (remove):\n{}",
        gone.join("\n")
    );
}

/// The scanner itself: a value spliced into a query is found, a bind is not.
#[test]
fn a_value_spliced_into_a_query_is_found() {
    let src = r###"
        let q = sqlx::query(&format!("SELECT id FROM users WHERE email = '{}'", email));
        let r = sqlx::query(&format!("{COLS} WHERE id = $1")).bind(id);
        let m = format!("stored row has an invalid {what}");
        let s = format!(r#"UPDATE t SET a = {v} WHERE "b" = $2"#, v = user.name);
        sql.push_str(&clause);
        sql.push_str(" AND x = $3");
    "###;
    assert_eq!(
        splices(src),
        vec![
            "email".to_owned(),
            "COLS".to_owned(),
            "user.name".to_owned(),
            "push_str(clause)".to_owned()
        ]
    );
}
