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
    // The file is created here, mode 0600 whatever the umask (D11), and pg_dump writes into
    // it; `create_new` also refuses an existing file.
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            ServiceError::Config(format!(
                "{} already exists; choose a new file",
                path.display()
            ))
        } else {
            ServiceError::Config(format!("cannot create {}: {e}", path.display()))
        }
    })?;
    let cmd = pg_dump_command(&s.url, path);
    let owned = path.to_path_buf();
    let done = off_thread(move || run(cmd, "pg_dump")).await;
    if done.is_err() {
        let _ = std::fs::remove_file(&owned);
    }
    done
}

/// The `pg_dump` command for the database at `url` into `path`. The password goes to the
/// child's environment (`PGPASSWORD`), never its command line, which `ps` shows to every user
/// of the host (D10).
pub fn pg_dump_command(url: &str, path: &Path) -> Command {
    let mut cmd = Command::new("pg_dump");
    let (url, password) = split_password(url);
    if let Some(p) = password {
        cmd.env("PGPASSWORD", p);
    }
    cmd.arg("--format=custom")
        .arg("--no-owner")
        .arg("--file")
        .arg(path)
        .arg("--dbname")
        .arg(url);
    cmd
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
    use super::{pg_dump_command, split_password};
    use std::path::Path;

    /// D10: `ps` must not show the password of a backup.
    #[test]
    fn pg_dump_gets_the_password_from_its_environment() {
        let cmd = pg_dump_command(
            "postgres://polku:s%40cret@db:5432/polku",
            Path::new("b.dump"),
        );
        let args: Vec<String> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert!(args.iter().all(|a| !a.contains("cret")), "{args:?}");
        assert!(
            args.contains(&"postgres://polku@db:5432/polku".to_owned()),
            "{args:?}"
        );
        let env: Vec<(String, Option<String>)> = cmd
            .get_envs()
            .map(|(k, v)| {
                (
                    k.to_string_lossy().into_owned(),
                    v.map(|v| v.to_string_lossy().into_owned()),
                )
            })
            .collect();
        assert_eq!(
            env,
            vec![("PGPASSWORD".to_owned(), Some("s@cret".to_owned()))]
        );
        let no_password = pg_dump_command("postgres://polku@db/polku", Path::new("b.dump"));
        assert_eq!(no_password.get_envs().count(), 0);
    }

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
