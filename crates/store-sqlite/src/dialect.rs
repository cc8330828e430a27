//! What SQLite does differently from PostgreSQL, named once. The shared query modules
//! (`polku-store-sql/src/queries`) use these; `store-postgres/src/dialect.rs` has the same names.

use crate::{db, SqliteStore};
use polku_service::Result;
use sqlx::{Sqlite, Transaction};

/// The backend's name, as `Store::backend` reports it.
pub(crate) const NAME: &str = "sqlite";

/// Appended to a `SELECT` that must lock what it reads. Nothing: every write transaction
/// already holds the database's write lock (`BEGIN IMMEDIATE`).
pub(crate) const LOCK_ROWS: &str = "";

/// Appended to an `ORDER BY` text column so that text sorts by bytes: SQLite's default
/// collation (`BINARY`) already does.
pub(crate) const BYTE_ORDER: &str = "";

/// Defers the foreign key from consents to participants to the commit, so erasure can delete
/// a participant's rows in any order inside its transaction.
pub(crate) const DEFER_CONSENT_FK: &str = "PRAGMA defer_foreign_keys = ON";

/// The UTC calendar day of a timestamp column, comparable with a bound `Date`: timestamps are
/// stored as RFC 3339 text in UTC (`2026-01-05T10:00:00.123Z`), so the day is its first ten
/// characters.
pub(crate) fn utc_day(column: &str) -> String {
    format!("substr({column}, 1, 10)")
}

/// The timestamp column falls on the UTC days `from..=to` (binds or date expressions), as a
/// range on the column itself so that an index on it serves: RFC 3339 text in UTC sorts as
/// time, and `YYYY-MM-DD` sorts before every instant of that day.
pub(crate) fn on_utc_days(column: &str, from: &str, to: &str) -> String {
    format!("{column} >= {from} AND {column} < date({to}, '+1 day')")
}

/// Whole days from the day `earlier` to the day `later` (both day expressions), an integer.
pub(crate) fn days_between(later: &str, earlier: &str) -> String {
    format!("CAST(julianday({later}) - julianday({earlier}) AS INTEGER)")
}

impl SqliteStore {
    /// A write transaction that takes the write lock at once (R47), so writers queue on the
    /// lock instead of failing with `SQLITE_BUSY` at commit.
    pub(crate) async fn write(&self) -> Result<Transaction<'static, Sqlite>> {
        self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(db)
    }

    /// A transaction whose reads all see one snapshot: the write transaction, whose lock keeps
    /// every other writer out.
    pub(crate) async fn snapshot(&self) -> Result<Transaction<'static, Sqlite>> {
        self.write().await
    }

    /// The write transaction to append to after reading from [`Self::snapshot`]: the same one.
    pub(crate) async fn write_after_snapshot(
        &self,
        snapshot: Transaction<'static, Sqlite>,
    ) -> Result<Transaction<'static, Sqlite>> {
        Ok(snapshot)
    }

    /// Moves what the deletes left in the write-ahead log into the database file (whose freed
    /// pages `secure_delete` has zeroed) and truncates the log, so no copy stays in the `-wal`
    /// file (R33). Best effort, after the commit: the erasure stands whatever happens here. A
    /// reader still on an older snapshot keeps the checkpoint from finishing (`busy`); it is
    /// retried a few times, and otherwise the next checkpoint (automatic, or when the store
    /// closes) completes it.
    pub(crate) async fn checkpoint_after_erasure(&self) {
        for attempt in 0..5u32 {
            let done: std::result::Result<(i64, i64, i64), _> =
                sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                    .fetch_one(&self.pool)
                    .await;
            if matches!(done, Ok((0, _, _))) {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20 << attempt)).await;
        }
    }

    /// After a participant's data key is destroyed: the same checkpoint, once, and its failure
    /// is reported.
    pub(crate) async fn checkpoint_after_key_destruction(&self) -> Result<()> {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(())
    }

    /// Before the pool closes: fold the write-ahead log into the database file.
    pub(crate) async fn before_close(&self) {
        let _ = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await;
    }
}

/// Deletes the entries of the audit segment of `month` (R38), which the same transaction has
/// just marked deleted: the `audit_events_no_delete` trigger lets through only entries of a
/// segment so marked.
pub(crate) async fn delete_audit_entries(
    conn: &mut sqlx::SqliteConnection,
    month: &str,
) -> Result<u64> {
    Ok(sqlx::query(
        "DELETE FROM audit_events WHERE seq BETWEEN \
         (SELECT first_seq FROM audit_segments WHERE month = $1) AND \
         (SELECT last_seq FROM audit_segments WHERE month = $1)",
    )
    .bind(month)
    .execute(&mut *conn)
    .await
    .map_err(db)?
    .rows_affected())
}

/// The ids of the restricted participants (R43) for `NOT IN (…)`, read from the partial index
/// `participants_restricted` (a handful of rows). Without `INDEXED BY` SQLite read them by
/// scanning the covering index `participants_report_scope` (every participant, 300,000 in the
/// report benchmark) once per query (docs/ESF.md, "Performance").
pub(crate) fn restricted_ids() -> &'static str {
    "SELECT r.id FROM participants r INDEXED BY participants_restricted \
     WHERE r.restricted_since IS NOT NULL"
}
