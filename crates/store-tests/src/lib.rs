//! Test harness: a fresh database per test on SQLite (always) or PostgreSQL (when
//! `POLKU_TEST_POSTGRES_URL` is set), dropped afterwards even when the test fails.

use polku_service::audit::AuditChain;
use polku_service::crypto::Keys;
use polku_service::{Service, Store};
use polku_store_postgres::{Durability, PgStore};
use polku_store_sqlite::SqliteStore;
use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;

pub mod fixtures;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A fresh, migrated database and a service on it.
#[derive(Debug)]
pub struct TestDb {
    pub backend: Backend,
    pub url: String,
    pub keys: Keys,
    pub service: Service,
    /// The store under the service, for checks the use cases do not offer (the audit head,
    /// raw counts). Product code reaches storage only through `Service`.
    pub store: Arc<dyn Store>,
    cleanup: Cleanup,
}

#[derive(Debug)]
enum Cleanup {
    Dir(PathBuf),
    PgDatabase { admin_url: String, name: String },
}

/// The PostgreSQL URL for tests, if configured.
pub fn postgres_url() -> Option<String> {
    std::env::var("POLKU_TEST_POSTGRES_URL")
        .ok()
        .filter(|s| !s.is_empty())
}

fn unique() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// Opens a store of `backend` at `url` with `keys`, migrated.
pub async fn open_store(backend: Backend, url: &str, keys: &Keys) -> Arc<dyn Store> {
    let chain = AuditChain::new(keys.audit.clone());
    let store: Arc<dyn Store> = match backend {
        Backend::Sqlite => Arc::new(
            SqliteStore::connect(url, chain, true)
                .await
                .expect("open SQLite"),
        ),
        Backend::Postgres => Arc::new(
            PgStore::connect(url, chain, Durability::Require)
                .await
                .expect("open PostgreSQL"),
        ),
    };
    store.migrate().await.expect("migrate");
    store
}

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        let keys = Keys::random();
        let (url, cleanup) = match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(format!("polku-test-{}", unique()));
                std::fs::create_dir_all(&dir).expect("temp dir");
                (
                    format!("sqlite://{}", dir.join("polku.db").display()),
                    Cleanup::Dir(dir),
                )
            }
            Backend::Postgres => {
                let admin_url = postgres_url().expect("POLKU_TEST_POSTGRES_URL");
                let name = format!("polku_test_{}", unique());
                let admin = sqlx::PgPool::connect(&admin_url)
                    .await
                    .expect("connect to the PostgreSQL test server");
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&admin)
                    .await
                    .expect("create test database");
                admin.close().await;
                (
                    replace_db(&admin_url, &name),
                    Cleanup::PgDatabase { admin_url, name },
                )
            }
        };
        let store = open_store(backend, &url, &keys).await;
        let service = Service::open(store.clone(), keys.clone())
            .await
            .expect("open service");
        TestDb {
            backend,
            url,
            keys,
            service,
            store,
            cleanup,
        }
    }

    /// Runs raw SQL on a separate connection, bypassing the store (for tampering tests).
    pub async fn raw(&self, sql: &str) -> Result<u64, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => {
                let pool = sqlx::SqlitePool::connect(&self.url).await?;
                let n = sqlx::raw_sql(sql)
                    .execute(&pool)
                    .await
                    .map(|r| r.rows_affected());
                pool.close().await;
                n
            }
            Backend::Postgres => {
                let pool = sqlx::PgPool::connect(&self.url).await?;
                let n = sqlx::raw_sql(sql)
                    .execute(&pool)
                    .await
                    .map(|r| r.rows_affected());
                pool.close().await;
                n
            }
        }
    }

    /// How many rows of `table` have `column = id` (bypassing the store).
    pub async fn count_where(&self, table: &str, column: &str, id: uuid::Uuid) -> i64 {
        let sql = format!("SELECT count(*) FROM {table} WHERE {column} = ");
        match self.backend {
            Backend::Sqlite => {
                let pool = sqlx::SqlitePool::connect(&self.url).await.expect("connect");
                let n = sqlx::query_scalar(&format!("{sql}?"))
                    .bind(id)
                    .fetch_one(&pool)
                    .await
                    .expect("count");
                pool.close().await;
                n
            }
            Backend::Postgres => {
                let pool = sqlx::PgPool::connect(&self.url).await.expect("connect");
                let n = sqlx::query_scalar(&format!("{sql}$1"))
                    .bind(id)
                    .fetch_one(&pool)
                    .await
                    .expect("count");
                pool.close().await;
                n
            }
        }
    }

    /// The bytes of the SQLite database file and its write-ahead log (empty on PostgreSQL).
    pub fn sqlite_files(&self) -> Vec<u8> {
        let Some(path) = self.url.strip_prefix("sqlite://") else {
            return Vec::new();
        };
        let mut bytes = std::fs::read(path).unwrap_or_default();
        bytes.extend(std::fs::read(format!("{path}-wal")).unwrap_or_default());
        bytes
    }

    /// Every table of the live schema (migration bookkeeping left out) with its columns.
    pub async fn schema_columns(
        &self,
    ) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
        let rows: Vec<(String, String)> = match self.backend {
            Backend::Sqlite => {
                let pool = sqlx::SqlitePool::connect(&self.url).await.expect("connect");
                let rows = sqlx::query_as(
                    "SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
                )
                .fetch_all(&pool)
                .await
                .expect("schema");
                pool.close().await;
                rows
            }
            Backend::Postgres => {
                let pool = sqlx::PgPool::connect(&self.url).await.expect("connect");
                let rows = sqlx::query_as(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns \
                     WHERE table_schema = current_schema()",
                )
                .fetch_all(&pool)
                .await
                .expect("schema");
                pool.close().await;
                rows
            }
        };
        let mut out = std::collections::BTreeMap::<_, std::collections::BTreeSet<_>>::new();
        for (table, column) in rows.into_iter().filter(|(t, _)| t != "_sqlx_migrations") {
            out.entry(table).or_default().insert(column);
        }
        out
    }

    /// The tables that have a column named `column`, sorted (for schema-driven checks).
    pub async fn tables_with_column(&self, column: &str) -> Vec<String> {
        let mut tables: Vec<String> = match self.backend {
            Backend::Sqlite => {
                let pool = sqlx::SqlitePool::connect(&self.url).await.expect("connect");
                let t = sqlx::query_scalar(
                    "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c \
                     WHERE m.type = 'table' AND c.name = ?",
                )
                .bind(column)
                .fetch_all(&pool)
                .await
                .expect("schema");
                pool.close().await;
                t
            }
            Backend::Postgres => {
                let pool = sqlx::PgPool::connect(&self.url).await.expect("connect");
                let t = sqlx::query_scalar(
                    "SELECT table_name::text FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND column_name = $1",
                )
                .bind(column)
                .fetch_all(&pool)
                .await
                .expect("schema");
                pool.close().await;
                t
            }
        };
        tables.sort();
        tables
    }

    async fn destroy(self) {
        self.service.close().await;
        match self.cleanup {
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::PgDatabase { admin_url, name } => {
                if let Ok(admin) = sqlx::PgPool::connect(&admin_url).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&admin)
                        .await;
                    admin.close().await;
                }
            }
        }
    }
}

/// `postgres://host/db?x` with the database name replaced.
pub fn replace_db(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let prefix_end = base.find("://").map_or(0, |i| i + 3);
    let cut = base[prefix_end..]
        .find('/')
        .map_or(base.len(), |i| prefix_end + i);
    let mut out = format!("{}/{}", &base[..cut], name);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// Whether `POLKU_REQUIRE_POSTGRES=1` asks that PostgreSQL stories run rather than be skipped.
fn postgres_required() -> bool {
    std::env::var("POLKU_REQUIRE_POSTGRES").is_ok_and(|v| v == "1")
}

/// Runs `story` on a fresh database of `backend` and always drops the database afterwards;
/// a failing story still fails the test. Without `POLKU_TEST_POSTGRES_URL` a PostgreSQL story
/// prints `SKIPPED` on stderr, and fails instead when `POLKU_REQUIRE_POSTGRES=1` (`.ci/run`), so
/// a missing database can never pass for a green PostgreSQL run.
pub fn run<F, Fut>(backend: Backend, story: F)
where
    F: FnOnce(Arc<TestDb>) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    if backend == Backend::Postgres && postgres_url().is_none() {
        assert!(
            !postgres_required(),
            "POLKU_REQUIRE_POSTGRES=1 but POLKU_TEST_POSTGRES_URL is not set: \
             the PostgreSQL story cannot run"
        );
        eprintln!("SKIPPED: POLKU_TEST_POSTGRES_URL is not set, PostgreSQL story not run");
        return;
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async move {
        let db = Arc::new(TestDb::new(backend).await);
        let outcome = tokio::spawn(story(db.clone())).await;
        if let Ok(db) = Arc::try_unwrap(db) {
            db.destroy().await;
        }
        if let Err(e) = outcome {
            if e.is_panic() {
                std::panic::resume_unwind(e.into_panic());
            }
            panic!("story was cancelled: {e}");
        }
    });
}

/// Opens a store of `backend` at `url` whose audit chain is `chain` (e.g. with an injected
/// clock, `AuditChain::with_clock`), migrated: a second store on a [`TestDb`]'s database.
pub async fn open_store_with_chain(
    backend: Backend,
    url: &str,
    chain: AuditChain,
) -> Arc<dyn Store> {
    let store: Arc<dyn Store> = match backend {
        Backend::Sqlite => Arc::new(
            SqliteStore::connect(url, chain, true)
                .await
                .expect("open SQLite"),
        ),
        Backend::Postgres => Arc::new(
            PgStore::connect(url, chain, Durability::Require)
                .await
                .expect("open PostgreSQL"),
        ),
    };
    store.migrate().await.expect("migrate");
    store
}

#[cfg(test)]
mod tests {
    #[test]
    fn replace_db_keeps_host_and_query() {
        assert_eq!(
            super::replace_db("postgres://u@h:5432/test?sslmode=disable", "x"),
            "postgres://u@h:5432/x?sslmode=disable"
        );
        assert_eq!(
            super::replace_db("postgres://h/test", "x"),
            "postgres://h/x"
        );
        assert_eq!(super::replace_db("postgres://h", "x"), "postgres://h/x");
    }
}
