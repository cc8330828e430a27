//! The database itself: migrations, durability settings, metadata, backup and closing. What
//! differs between the databases comes from the backend crate (`settings`, `backup`, the
//! `dialect` hooks).

use super::esco;
use crate::{backup, db, SqlStore};
use async_trait::async_trait;
use polku_service::store::{AdminStore, IntegrityReport};
use polku_service::{Result, ServiceError};
use std::path::Path;

/// The backend's migrations: `./migrations` is read relative to the crate this module is
/// compiled into, so each backend embeds its own.
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Migration versions shipped with this store (a test compares the two backends' lists).
pub fn migration_versions() -> Vec<i64> {
    MIGRATOR.iter().map(|m| m.version).collect()
}

#[async_trait]
impl AdminStore for SqlStore {
    fn backend(&self) -> &'static str {
        crate::dialect::NAME
    }

    fn shipped_migrations(&self) -> Vec<i64> {
        migration_versions()
    }

    async fn migrate(&self) -> Result<()> {
        MIGRATOR
            .run(&self.pool)
            .await
            .map_err(|e| ServiceError::Storage(format!("migration failed: {e}")))?;
        esco::fill_search_text(self).await
    }

    async fn applied_migrations(&self) -> Result<Vec<i64>> {
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
            .fetch_all(&self.pool)
            .await
            .map_err(db)
    }

    async fn durability_settings(&self) -> Result<Vec<(String, String)>> {
        crate::settings(&self.pool).await
    }

    async fn integrity_check(&self) -> Result<IntegrityReport> {
        backup::integrity(self).await
    }

    async fn get_meta(&self, key: &str) -> Result<Option<String>> {
        sqlx::query_scalar("SELECT value FROM meta WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)
    }

    async fn set_meta_if_absent(&self, key: &str, value: &str) -> Result<bool> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
        )
        .bind(key)
        .bind(value)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(done.rows_affected() == 1)
    }

    async fn replace_meta(&self, key: &str, value: Option<&str>) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("DELETE FROM meta WHERE key = $1")
            .bind(key)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        if let Some(value) = value {
            sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2)")
                .bind(key)
                .bind(value)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        tx.commit().await.map_err(db)
    }

    async fn backup(&self, path: &Path) -> Result<()> {
        backup::backup(self, path).await
    }

    async fn close(&self) {
        self.before_close().await;
        self.pool.close().await;
    }
}
