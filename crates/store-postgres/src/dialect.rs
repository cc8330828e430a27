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

    /// Nothing to do: PostgreSQL has no write-ahead-log file beside the database to truncate.
    pub(crate) async fn checkpoint_after_erasure(&self) {}

    /// Nothing to do, as after erasure.
    pub(crate) async fn checkpoint_after_key_destruction(&self) -> Result<()> {
        Ok(())
    }

    /// Nothing to do before the pool closes.
    pub(crate) async fn before_close(&self) {}
}
