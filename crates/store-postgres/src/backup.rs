//! Backup with `pg_dump` (a consistent snapshot, taken online) and restore with `pg_restore`
//! in one transaction. Needs the PostgreSQL client tools on the PATH.

use crate::{db, PgStore};
use polku_service::store::IntegrityReport;
use polku_service::{Result, ServiceError};
use std::path::Path;
use std::process::Command;

fn run(mut cmd: Command, what: &str) -> Result<()> {
    let out = cmd.output().map_err(|e| {
        ServiceError::Config(format!(
            "cannot run {what} (install the PostgreSQL client tools): {e}"
        ))
    })?;
    if out.status.success() {
        Ok(())
    } else {
        Err(ServiceError::Storage(format!(
            "{what} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}

pub(crate) async fn backup(s: &PgStore, path: &Path) -> Result<()> {
    if path.exists() {
        return Err(ServiceError::Config(format!(
            "{} already exists; choose a new file",
            path.display()
        )));
    }
    let mut cmd = Command::new("pg_dump");
    cmd.arg("--format=custom")
        .arg("--no-owner")
        .arg("--file")
        .arg(path)
        .arg(&s.url);
    off_thread(move || run(cmd, "pg_dump")).await
}

/// Restores a `pg_dump` file into the database at `url`, replacing its objects, in a single
/// transaction (all or nothing).
pub async fn restore(file: &Path, url: &str) -> Result<()> {
    if !file.is_file() {
        return Err(ServiceError::Config(format!(
            "{} is not a file",
            file.display()
        )));
    }
    let mut cmd = Command::new("pg_restore");
    let (url, password) = split_password(url);
    if let Some(p) = password {
        cmd.env("PGPASSWORD", p);
    }
    cmd.arg("--clean")
        .arg("--if-exists")
        .arg("--no-owner")
        .arg("--single-transaction")
        .arg("--dbname")
        .arg(url)
        .arg(file);
    off_thread(move || run(cmd, "pg_restore")).await
}

/// Takes the password out of a URL so it never appears on a command line (`ps` shows those):
/// the tools get it through `PGPASSWORD` in their own environment instead.
pub fn split_password(url: &str) -> (String, Option<String>) {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return (url.to_owned(), None);
    };
    let Some(at) = url[scheme_end..].find('@').map(|i| scheme_end + i) else {
        return (url.to_owned(), None);
    };
    match url[scheme_end..at].split_once(':') {
        Some((user, password)) => (
            format!("{}{user}{}", &url[..scheme_end], &url[at..]),
            Some(percent_decode(password)),
        ),
        None => (url.to_owned(), None),
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = (b[i] == b'%')
            .then(|| {
                s.get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            })
            .flatten();
        match hex {
            Some(v) => {
                out.push(v);
                i += 3;
            }
            None => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Runs the external tool off the async worker threads.
async fn off_thread(f: impl FnOnce() -> Result<()> + Send + 'static) -> Result<()> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ServiceError::Storage(format!("worker failed: {e}")))?
}

pub(crate) async fn integrity(s: &PgStore) -> Result<IntegrityReport> {
    // Foreign keys are enforced by the server; check that the audit head matches the log.
    let (max_seq, head): (Option<i64>, i64) = sqlx::query_as(
        "SELECT (SELECT max(seq) FROM audit_events), (SELECT seq FROM audit_head WHERE id = 1)",
    )
    .fetch_one(&s.pool)
    .await
    .map_err(db)?;
    let mut details = Vec::new();
    if max_seq.unwrap_or(0) != head {
        details.push(format!(
            "audit head {head} differs from the last entry {}",
            max_seq.unwrap_or(0)
        ));
    }
    Ok(IntegrityReport {
        ok: details.is_empty(),
        details,
    })
}

#[cfg(test)]
mod tests {
    use super::split_password;

    #[test]
    fn passwords_leave_the_url() {
        assert_eq!(
            split_password("postgres://u:s%40cret@h:5432/db"),
            ("postgres://u@h:5432/db".into(), Some("s@cret".into()))
        );
        assert_eq!(
            split_password("postgres://u@h/db"),
            ("postgres://u@h/db".into(), None)
        );
        assert_eq!(
            split_password("postgres://h/db"),
            ("postgres://h/db".into(), None)
        );
        assert_eq!(
            split_password("postgres://u:100%@h/db").1.as_deref(),
            Some("100%")
        );
    }
}
