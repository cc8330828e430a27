//! Online backup (`VACUUM INTO`, a consistent snapshot while writers continue) and restore.

use crate::{db, options, SqliteStore};
use polku_service::store::IntegrityReport;
use polku_service::{Result, ServiceError};
use sqlx::sqlite::SqlitePoolOptions;
use std::path::Path;

pub(crate) async fn backup(s: &SqliteStore, path: &Path) -> Result<()> {
    // Created empty with mode 0600 (D11); `VACUUM INTO` accepts an empty file.
    create_private(path)?;
    let target = path
        .to_str()
        .ok_or_else(|| ServiceError::Config("the backup path is not valid UTF-8".into()))?;
    if let Err(e) = sqlx::query("VACUUM INTO ?")
        .bind(target)
        .execute(&s.pool)
        .await
    {
        let _ = std::fs::remove_file(path);
        return Err(db(e));
    }
    // VACUUM INTO does not sync its output; a backup that is not on disk is not a backup.
    sync_file(path)?;
    sync_parent(path)
}

/// Creates a new, empty file readable by its owner only (mode 0600, whatever the umask): the
/// database, its copies and backups hold personal data (D11). Refuses an existing file.
pub(crate) fn create_private(path: &Path) -> Result<std::fs::File> {
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
            ServiceError::Storage(format!("cannot create {}: {e}", path.display()))
        }
    })
}

fn sync_file(path: &Path) -> Result<()> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| ServiceError::Storage(format!("cannot sync {}: {e}", path.display())))
}

/// Makes a created or renamed directory entry durable.
fn sync_parent(path: &Path) -> Result<()> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::File::open(parent)
        .and_then(|d| d.sync_all())
        .map_err(|e| ServiceError::Storage(format!("cannot sync {}: {e}", parent.display())))
}

pub(crate) async fn integrity(s: &SqliteStore) -> Result<IntegrityReport> {
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&s.pool)
        .await
        .map_err(db)?;
    let fk: Vec<(String, i64, String, i64)> = sqlx::query_as("PRAGMA foreign_key_check")
        .fetch_all(&s.pool)
        .await
        .map_err(db)?;
    let mut details: Vec<String> = rows.into_iter().filter(|r| r != "ok").collect();
    let (max_seq, head): (Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT (SELECT max(seq) FROM audit_events), (SELECT seq FROM audit_head WHERE id = 1)",
    )
    .fetch_one(&s.pool)
    .await
    .map_err(db)?;
    if max_seq.unwrap_or(0) != head.unwrap_or(-1) {
        details.push(format!(
            "audit head {} differs from the last entry {}",
            head.unwrap_or(-1),
            max_seq.unwrap_or(0)
        ));
    }
    details.extend(fk.into_iter().map(|(table, rowid, parent, _)| {
        format!("{table} row {rowid} refers to a missing {parent} row")
    }));
    Ok(IntegrityReport {
        ok: details.is_empty(),
        details,
    })
}

/// Replaces the database at `target_url` with the backup file, after checking the backup's
/// integrity. The previous database is kept beside it as `<file>.before-restore`. No other
/// process may be using the target while this runs.
pub async fn restore(backup_file: &Path, target_url: &str) -> Result<()> {
    if !backup_file.is_file() {
        return Err(ServiceError::Config(format!(
            "{} is not a file",
            backup_file.display()
        )));
    }
    let probe = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(
            sqlx::sqlite::SqliteConnectOptions::new()
                .filename(backup_file)
                .read_only(true)
                .create_if_missing(false),
        )
        .await
        .map_err(|e| {
            ServiceError::Config(format!(
                "{} is not a SQLite database: {e}",
                backup_file.display()
            ))
        })?;
    let check: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&probe)
        .await
        .map_err(|e| {
            ServiceError::Config(format!(
                "{} is not a SQLite database: {e}",
                backup_file.display()
            ))
        })?;
    probe.close().await;
    if check != ["ok"] {
        return Err(ServiceError::Config(format!(
            "the backup fails its integrity check: {}",
            check.join("; ")
        )));
    }
    let target = options(target_url)?.get_filename().to_path_buf();
    let staging = target.with_extension("restoring");
    let _ = std::fs::remove_file(&staging);
    // A private copy (`fs::copy` would copy the backup's mode too).
    let copied = create_private(&staging).and_then(|mut out| {
        std::fs::File::open(backup_file)
            .and_then(|mut input| std::io::copy(&mut input, &mut out))
            .map_err(|e| ServiceError::Storage(format!("cannot copy the backup: {e}")))
    });
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&staging);
        return Err(e);
    }
    sync_file(&staging)?;
    // The old database is kept beside, with its write-ahead log renamed to match, without
    // opening it: the database being replaced may be the corrupt one (D20). SQLite folds the
    // log into `*.before-restore` when that is opened.
    let kept = target.with_extension("before-restore");
    for suffix in ["", "-wal", "-shm"] {
        let with = |p: &Path| {
            let mut p = p.to_path_buf().into_os_string();
            p.push(suffix);
            std::path::PathBuf::from(p)
        };
        let _ = std::fs::remove_file(with(&kept));
        match std::fs::rename(with(&target), with(&kept)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(ServiceError::Storage(format!(
                    "cannot move {} aside: {e}",
                    with(&target).display()
                )))
            }
        }
    }
    std::fs::rename(&staging, &target).map_err(|e| ServiceError::Storage(e.to_string()))?;
    sync_parent(&target)
}
