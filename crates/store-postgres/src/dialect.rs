//! What PostgreSQL does differently from SQLite, named once. The shared query modules
//! (`polku-store-sql/src/queries`) use these; `store-sqlite/src/dialect.rs` has the same names.

use crate::{db, PgStore};
use polku_service::Result;
use sqlx::{Postgres, Transaction};

/// The backend's name, as `Store::backend` reports it.
pub(crate) const NAME: &str = "postgres";

/// Appended to a `SELECT` that must lock what it reads: transactions run concurrently here.
pub(crate) const LOCK_ROWS: &str = " FOR UPDATE";

/// Appended to an `ORDER BY` text column so that text sorts by bytes, as on SQLite, whatever
/// the database's locale.
pub(crate) const BYTE_ORDER: &str = " COLLATE \"C\"";

/// Defers the foreign key from consents to participants to the commit, so erasure can delete
/// a participant's rows in any order inside its transaction.
pub(crate) const DEFER_CONSENT_FK: &str = "SET CONSTRAINTS consents_participant_id_fkey DEFERRED";

/// The UTC calendar day of a timestamp column, comparable with a bound `Date`.
pub(crate) fn utc_day(column: &str) -> String {
    format!("(({column}) AT TIME ZONE 'UTC')::date")
}

/// The timestamp column falls on the UTC days `from..=to` (binds or date expressions), as a
/// range on the column itself so that an index on it serves.
pub(crate) fn on_utc_days(column: &str, from: &str, to: &str) -> String {
    format!(
        "{column} >= (CAST({from} AS timestamp) AT TIME ZONE 'UTC') \
         AND {column} < (CAST({to} AS timestamp) AT TIME ZONE 'UTC' + INTERVAL '1 day')"
    )
}

/// Whole days from the day `earlier` to the day `later` (both day expressions), an integer.
pub(crate) fn days_between(later: &str, earlier: &str) -> String {
    format!("CAST(({later}) - ({earlier}) AS BIGINT)")
}

impl PgStore {
    /// A write transaction (`READ COMMITTED`; rows that must not change meanwhile are read
    /// with [`LOCK_ROWS`]).
    pub(crate) async fn write(&self) -> Result<Transaction<'static, Postgres>> {
        self.pool.begin().await.map_err(db)
    }

    /// A `REPEATABLE READ`, read-only transaction: at the default `READ COMMITTED` each
    /// statement would see a different snapshot.
    pub(crate) async fn snapshot(&self) -> Result<Transaction<'static, Postgres>> {
        let mut tx = self.pool.begin().await.map_err(db)?;
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        Ok(tx)
    }

    /// The write transaction to append to after reading from [`Self::snapshot`]: the snapshot
    /// ends and a new write transaction begins, since appending inside the snapshot could fail
    /// with a serialisation error whenever another request moved the audit head meanwhile.
    pub(crate) async fn write_after_snapshot(
        &self,
        snapshot: Transaction<'static, Postgres>,
    ) -> Result<Transaction<'static, Postgres>> {
        snapshot.commit().await.map_err(db)?;
        self.write().await
    }

    /// The deleted rows stay in the table files as dead tuples, clear-text columns included,
    /// and a plain `VACUUM` only marks their space free (the bytes stay until overwritten), so
    /// every table erasure touched is rewritten with `VACUUM FULL` (D19). Only the tables'
    /// owner may do that: a role without the right (the DML-only application role) skips it
    /// and logs a warning naming the operator's step. Each rewrite locks its table briefly;
    /// a lock not granted within 5 seconds skips that table, also with a warning. Best
    /// effort, after the commit: the erasure stands whatever happens here. The write-ahead
    /// log, its archive and base backups keep the rows until they expire (docs/SECURITY.md).
    pub(crate) async fn checkpoint_after_erasure(&self) {
        let tables: std::result::Result<Vec<(String, bool)>, _> = sqlx::query_as(
            "SELECT c.relname::text, pg_has_role(c.relowner, 'USAGE') FROM pg_class c \
             WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::text::regnamespace \
             AND (c.relname IN ('participants', 'erasures') OR EXISTS (SELECT 1 FROM pg_attribute a \
                  WHERE a.attrelid = c.oid AND a.attname = 'participant_id' AND NOT a.attisdropped)) \
             ORDER BY 1",
        )
        .fetch_all(&self.pool)
        .await;
        let tables = match tables {
            Ok(t) => t,
            Err(e) => {
                tracing::warn!(error = %e, "erasure: cannot list the tables to vacuum");
                return;
            }
        };
        let (owned, not_owned): (Vec<_>, Vec<_>) = tables.into_iter().partition(|t| t.1);
        if !not_owned.is_empty() {
            let names: Vec<&str> = not_owned.iter().map(|t| t.0.as_str()).collect();
            tracing::warn!(
                tables = %names.join(", "),
                "erasure: this database role does not own the tables, so the erased rows stay in their files until the owner runs VACUUM FULL on them"
            );
        }
        let Ok(mut conn) = self.pool.acquire().await else {
            return;
        };
        let _ = sqlx::query("SET lock_timeout = '5s'")
            .execute(&mut *conn)
            .await;
        for (table, _) in owned {
            let sql = format!("VACUUM FULL \"{}\"", table.replace('"', "\"\""));
            if let Err(e) = sqlx::query(&sql)
                .persistent(false)
                .execute(&mut *conn)
                .await
            {
                tracing::warn!(table = %table, error = %e, "erasure: VACUUM FULL failed; the erased rows stay in the table file until it is vacuumed");
            }
        }
        let _ = sqlx::query("RESET lock_timeout").execute(&mut *conn).await;
    }

    /// Nothing to do, as after erasure.
    pub(crate) async fn checkpoint_after_key_destruction(&self) -> Result<()> {
        Ok(())
    }

    /// Nothing to do before the pool closes.
    pub(crate) async fn before_close(&self) {}
}

/// Deletes the entries of the audit segment of `month` (R38), which the same transaction has
/// just marked deleted, through `audit_delete_segment_entries`: a `SECURITY DEFINER` function
/// owned by the schema's owner, so the application role, which has no `DELETE` on
/// `audit_events`, can delete exactly a marked segment's entries and nothing else.
pub(crate) async fn delete_audit_entries(
    conn: &mut sqlx::PgConnection,
    month: &str,
) -> Result<u64> {
    let n: i64 = sqlx::query_scalar("SELECT audit_delete_segment_entries($1)")
        .bind(month)
        .fetch_one(&mut *conn)
        .await
        .map_err(db)?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// The ids of the restricted participants (R43) for `NOT IN (…)`: PostgreSQL hashes them once
/// from the partial index `participants_restricted`.
pub(crate) fn restricted_ids() -> &'static str {
    "SELECT r.id FROM participants r WHERE r.restricted_since IS NOT NULL"
}
