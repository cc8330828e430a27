//! A database that cannot be reached is an outage (503 with `Retry-After`), not an internal
//! error. Needs no PostgreSQL: a pool pointed at a loopback port nobody listens on fails the
//! way a stopped server does. The database-down drill (`scripts/drill-db-down.sh`) stops a real
//! server under load and checks the recovery.

use polku_service::error::Outage;
use polku_service::ServiceError;
use sqlx::postgres::PgPoolOptions;
use std::time::Duration;

#[tokio::test]
async fn a_stopped_server_is_database_unavailable() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
        // dropped here: nothing listens on the port any more
    };
    let pool = PgPoolOptions::new()
        .acquire_timeout(Duration::from_secs(2))
        .connect_lazy(&format!("postgres://polku@127.0.0.1:{port}/polku"))
        .expect("lazy pool");
    let err = pool.acquire().await.expect_err("nothing listens there");
    match polku_store_sql::db(err) {
        ServiceError::Unavailable { outage, .. } => assert_eq!(outage, Outage::DatabaseDown),
        other => panic!("expected database_unavailable, got {other:?}"),
    }
}

/// On a real server (the shared test cluster, untouched: only this test's own session ends):
/// a connection the server terminates answers SQLSTATE `57P01`, an all-digit code that must be
/// read as PostgreSQL's, not as a SQLite result code.
#[tokio::test]
async fn a_terminated_connection_is_database_unavailable() {
    let Ok(url) = std::env::var("POLKU_TEST_POSTGRES_URL") else {
        eprintln!("SKIPPED: POLKU_TEST_POSTGRES_URL is not set");
        assert!(std::env::var("POLKU_REQUIRE_POSTGRES").as_deref() != Ok("1"));
        return;
    };
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(&url).await.expect("connect");
    let err = sqlx::query("SELECT pg_terminate_backend(pg_backend_pid())")
        .execute(&mut conn)
        .await
        .expect_err("the server ends this session");
    match polku_store_sql::db(err) {
        ServiceError::Unavailable { outage, .. } => assert_eq!(outage, Outage::DatabaseDown),
        other => panic!("expected database_unavailable, got {other:?}"),
    }
}
