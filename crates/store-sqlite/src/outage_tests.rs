//! A full disk is an outage (503 with `Retry-After`), not an internal error: a real SQLite
//! database whose size limit is reached answers `SQLITE_FULL`, which `db` maps to
//! `Unavailable { StorageFull }`. The disk-full drill (`scripts/drill-disk-full.sh`) does the
//! same on a full filesystem, end to end.

use polku_service::error::Outage;
use polku_service::ServiceError;
use sqlx::{Connection, SqliteConnection};

#[tokio::test]
async fn a_full_database_is_storage_full_and_nothing_is_half_written() {
    let dir = std::env::temp_dir().join(format!("polku-full-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let url = format!("sqlite://{}/full.db?mode=rwc", dir.display());
    let mut conn = SqliteConnection::connect(&url).await.expect("open");
    sqlx::query("PRAGMA journal_mode = WAL")
        .execute(&mut conn)
        .await
        .expect("wal");
    sqlx::query("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)")
        .execute(&mut conn)
        .await
        .expect("table");
    sqlx::query("PRAGMA max_page_count = 40")
        .execute(&mut conn)
        .await
        .expect("limit");
    let blob = vec![7u8; 3000];
    let mut written = 0i64;
    let err = loop {
        let mut tx = conn.begin().await.expect("begin");
        // Two rows per transaction: after the failure neither of the last two may be there.
        let mut res = Ok(());
        for _ in 0..2 {
            if let Err(e) = sqlx::query("INSERT INTO t (body) VALUES ($1)")
                .bind(&blob)
                .execute(&mut *tx)
                .await
            {
                res = Err(e);
                break;
            }
        }
        match res {
            Ok(()) => {
                tx.commit().await.expect("commit");
                written += 2;
            }
            Err(e) => {
                drop(tx);
                break e;
            }
        }
        assert!(written < 10_000, "the size limit never took effect");
    };
    match polku_store_sql::db(err) {
        ServiceError::Unavailable { outage, .. } => assert_eq!(outage, Outage::StorageFull),
        other => panic!("expected storage_full, got {other:?}"),
    }
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM t")
        .fetch_one(&mut conn)
        .await
        .expect("count");
    assert_eq!(count, written, "a failed transaction left rows behind");
    // Space returns: the same connection writes again.
    sqlx::query("PRAGMA max_page_count = 100000")
        .execute(&mut conn)
        .await
        .expect("lift");
    sqlx::query("INSERT INTO t (body) VALUES ($1)")
        .bind(&blob)
        .execute(&mut conn)
        .await
        .expect("writes resume");
    conn.close().await.expect("close");
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn other_database_errors_stay_storage_errors() {
    let e = sqlx::Error::RowNotFound;
    assert!(matches!(polku_store_sql::db(e), ServiceError::Storage(_)));
    assert_eq!(
        polku_store_sql::outage(&sqlx::Error::PoolTimedOut),
        Some(Outage::DatabaseDown)
    );
}

/// A connection that goes back to the pool while sqlx still counts a transaction on it (what a
/// `COMMIT` failing with `SQLITE_FULL` leaves) is closed, so the next write gets a clean one.
#[tokio::test]
async fn a_connection_left_in_a_transaction_is_not_reused() {
    use sqlx::TransactionManager;
    type Tm = sqlx::sqlite::SqliteTransactionManager;
    let pool =
        crate::discard_open_transactions(sqlx::sqlite::SqlitePoolOptions::new().max_connections(1))
            .connect("sqlite::memory:")
            .await
            .expect("pool");
    {
        let mut conn = pool.acquire().await.expect("acquire");
        Tm::begin(&mut conn, None).await.expect("begin");
        assert_eq!(Tm::get_transaction_depth(&conn), 1);
        // Dropped with the transaction still counted, as after the failed COMMIT.
    }
    let conn = pool.acquire().await.expect("acquire again");
    assert_eq!(
        Tm::get_transaction_depth(&conn),
        0,
        "the stuck connection came back"
    );
    drop(conn);
    let tx = pool
        .begin_with("BEGIN IMMEDIATE")
        .await
        .expect("a write transaction");
    tx.rollback().await.expect("rollback");
}
