//! The Polku storage port on PostgreSQL, the production database (`postgres://…`).
//!
//! At start the server's durability settings are read and the store refuses to run when
//! `fsync` or `full_page_writes` is off or `synchronous_commit` is `off` (R49), unless the
//! operator explicitly overrides. Audit appends lock the chain head `FOR UPDATE`.

mod backup;
mod dialect;
#[cfg(test)]
mod outage_tests;

// The stored operations are written once, for both databases, in `polku-store-sql`.
#[path = "../../store-sql/src/queries/mod.rs"]
mod queries;

use polku_service::audit::AuditChain;
use polku_service::{Result, ServiceError};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::PgPool;
use std::str::FromStr;
use std::time::Duration;

pub use backup::restore;
pub use queries::migration_versions;

/// The names the shared query modules use for this backend (`db` maps driver errors).
type SqlStore = PgStore;
type Conn = sqlx::PgConnection;
use polku_store_sql::db;

/// The PostgreSQL implementation of [`polku_service::Store`].
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
    chain: AuditChain,
    url: String,
}

/// Whether to run even when the server's durability settings are unsafe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    Require,
    AllowUnsafe,
}

pub(crate) async fn settings(pool: &PgPool) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for name in ["fsync", "full_page_writes", "synchronous_commit"] {
        let v: String = sqlx::query_scalar("SELECT current_setting($1)")
            .bind(name)
            .fetch_one(pool)
            .await
            .map_err(db)?;
        out.push((name.to_owned(), v));
    }
    Ok(out)
}

/// The problems with a server's durability settings; empty when safe (R49).
pub fn unsafe_settings(settings: &[(String, String)]) -> Vec<String> {
    settings
        .iter()
        .filter(|(k, v)| match k.as_str() {
            "fsync" | "full_page_writes" => v != "on",
            "synchronous_commit" => v == "off",
            _ => false,
        })
        .map(|(k, v)| format!("{k} = {v}"))
        .collect()
}

impl PgStore {
    pub async fn connect(url: &str, chain: AuditChain, durability: Durability) -> Result<Self> {
        let opts = PgConnectOptions::from_str(url)
            .map_err(|e| ServiceError::Config(format!("bad PostgreSQL URL: {e}")))?;
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(15))
            .connect_with(opts)
            .await
            .map_err(|e| ServiceError::Config(format!("cannot connect to PostgreSQL: {e}")))?;
        let problems = unsafe_settings(&settings(&pool).await?);
        if !problems.is_empty() && durability == Durability::Require {
            pool.close().await;
            return Err(ServiceError::Config(format!(
                "refusing to start: unsafe PostgreSQL durability settings ({}); fix the server, or set allow_unsafe_durability = true (POLKU_ALLOW_UNSAFE_DURABILITY) to run anyway",
                problems.join(", ")
            )));
        }
        Ok(PgStore {
            pool,
            chain,
            url: url.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_settings_are_named() {
        let s = |a: &str, b: &str, c: &str| {
            vec![
                ("fsync".into(), a.into()),
                ("full_page_writes".into(), b.into()),
                ("synchronous_commit".into(), c.into()),
            ]
        };
        assert!(unsafe_settings(&s("on", "on", "on")).is_empty());
        assert!(unsafe_settings(&s("on", "on", "local")).is_empty());
        assert_eq!(
            unsafe_settings(&s("off", "on", "off")),
            vec!["fsync = off", "synchronous_commit = off"]
        );
        assert_eq!(
            unsafe_settings(&s("on", "off", "on")),
            vec!["full_page_writes = off"]
        );
    }
}
