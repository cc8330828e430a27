//! The Polku storage port on SQLite, the embedded default (`sqlite://polku.db`).
//!
//! Durability is explicit and verified at start (R47): WAL, `synchronous=FULL`, foreign keys,
//! a busy timeout and `secure_delete`; every write transaction is `BEGIN IMMEDIATE` so writers
//! queue on the lock instead of failing with `SQLITE_BUSY` at commit.

mod backup;
mod dialect;
#[cfg(test)]
mod outage_tests;

// The stored operations are written once, for both databases, in `polku-store-sql`.
#[path = "../../store-sql/src/queries/mod.rs"]
mod queries;

use polku_service::audit::AuditChain;
use polku_service::{Result, ServiceError};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::str::FromStr;
use std::time::Duration;

pub use backup::restore;
pub use queries::migration_versions;

/// The names the shared query modules use for this backend (`db` maps driver errors).
type SqlStore = SqliteStore;
type Conn = sqlx::SqliteConnection;
use polku_store_sql::db;

/// The PRAGMAs that carry durability (R47), read back from the database.
pub(crate) async fn settings(pool: &SqlitePool) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for name in [
        "journal_mode",
        "synchronous",
        "foreign_keys",
        "busy_timeout",
        "secure_delete",
    ] {
        let v: sqlx::sqlite::SqliteRow = sqlx::query(&format!("PRAGMA {name}"))
            .fetch_one(pool)
            .await
            .map_err(db)?;
        use sqlx::Row;
        let value = v
            .try_get::<String, _>(0)
            .or_else(|_| v.try_get::<i64, _>(0).map(|n| n.to_string()))
            .map_err(db)?;
        out.push((name.to_owned(), value));
    }
    Ok(out)
}

/// The SQLite implementation of [`polku_service::Store`].
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    chain: AuditChain,
    path: String,
}

fn options(url: &str) -> Result<SqliteConnectOptions> {
    Ok(SqliteConnectOptions::from_str(url)
        .map_err(|e| ServiceError::Config(format!("bad SQLite URL: {e}")))?
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        .pragma("secure_delete", "ON")
        // Reads at report scale (issue 12 item 7): the file is memory-mapped (up to 1 GiB of
        // address space, no copy into the page cache) and each connection caches 32 MiB instead
        // of SQLite's 2 MiB default. Neither changes durability (R47).
        .pragma("mmap_size", "1073741824")
        .pragma("cache_size", "-32768")
        // sqlx steps each statement on the connection's own thread and hands the rows over a
        // channel of this many. At sqlx's 50 the two threads took turns row by row on the
        // report's 60,000 sealed answers: a futex wake per row, half the context switches of a
        // national report and 9% of its CPU (perf stat; docs/ESF.md, "Performance").
        .row_buffer_size(4096))
}

/// A connection still counting an open transaction when it goes back to the pool is closed
/// instead. That happens after a `COMMIT` that failed with `SQLITE_FULL` (disk full): SQLite
/// has already rolled the transaction back, so sqlx's `ROLLBACK` fails and sqlx keeps counting
/// it, and every later `BEGIN IMMEDIATE` on that connection failed ("non-zero transaction
/// depth") long after space had returned (found by `scripts/drill-disk-full.sh`).
pub(crate) fn discard_open_transactions(options: SqlitePoolOptions) -> SqlitePoolOptions {
    options.after_release(|conn, _| {
        Box::pin(async move {
            use sqlx::TransactionManager;
            Ok(sqlx::sqlite::SqliteTransactionManager::get_transaction_depth(conn) == 0)
        })
    })
}

impl SqliteStore {
    /// Opens the database and verifies its durability settings. With `create`, a missing file
    /// is created; without it a missing file is an error (a mistyped path must not quietly
    /// produce an empty database).
    pub async fn connect(url: &str, chain: AuditChain, create: bool) -> Result<Self> {
        let opts = options(url)?.create_if_missing(create);
        let path = opts.get_filename().to_string_lossy().into_owned();
        let exists = std::path::Path::new(&path).exists();
        if !create && path != ":memory:" && !exists {
            return Err(ServiceError::Config(format!("there is no database at {path}: check the URL, or run `polku migrate` to create one")));
        }
        if create && path != ":memory:" && !exists {
            // An empty file is an empty database. Created here with mode 0600, whatever the
            // umask: SQLite gives the `-wal` and `-shm` files the mode of the database (D11).
            backup::create_private(std::path::Path::new(&path))?;
        }
        let pool = discard_open_transactions(SqlitePoolOptions::new().max_connections(4))
            .connect_with(opts)
            .await
            .map_err(|e| {
                ServiceError::Config(format!("cannot open SQLite database {path}: {e}"))
            })?;
        let store = SqliteStore { pool, chain, path };
        store.verify_settings().await?;
        Ok(store)
    }

    /// Reads the PRAGMAs back and refuses settings weaker than required (R47).
    async fn verify_settings(&self) -> Result<()> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await
            .map_err(db)?;
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut *conn)
            .await
            .map_err(db)?;
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&mut *conn)
            .await
            .map_err(db)?;
        let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
            .fetch_one(&mut *conn)
            .await
            .map_err(db)?;
        let secure: i64 = sqlx::query_scalar("PRAGMA secure_delete")
            .fetch_one(&mut *conn)
            .await
            .map_err(db)?;
        let problems: Vec<String> = [
            (
                journal.eq_ignore_ascii_case("wal"),
                format!("journal_mode is {journal}, not wal"),
            ),
            (sync >= 2, format!("synchronous is {sync}, not FULL (2)")),
            (fk == 1, "foreign_keys is off".to_owned()),
            (
                busy >= 5000,
                format!("busy_timeout is {busy} ms, below 5000"),
            ),
            (secure >= 1, "secure_delete is off".to_owned()),
        ]
        .into_iter()
        .filter_map(|(ok, msg)| (!ok).then_some(msg))
        .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ServiceError::Config(format!(
                "unsafe SQLite settings: {}",
                problems.join("; ")
            )))
        }
    }

    /// The database file path.
    pub fn path(&self) -> &str {
        &self.path
    }
}
