//! The storage layer written once for both databases.
//!
//! - [`rows`]: the column lists each `SELECT` uses, the tuple it returns and its conversion into
//!   the port's records (no database types: the same Rust values decode on both).
//! - `src/queries/`: one module per area of the port, each implementing its area trait for the
//!   backend's store (`impl SessionStore for SqlStore`, …), with the same SQL text on both
//!   databases (`$1…$n` placeholders; sqlx-sqlite binds `$NNN` by number). They are not a
//!   module of this crate: `polku-store-sqlite` and `polku-store-postgres` each compile them
//!   with `#[path]`, against concrete sqlx types. Each backend crate provides the names the
//!   queries use: `SqlStore` (its store type), `Conn` (its connection type), `db`, `backup`,
//!   `settings`, and a `dialect` module with every genuine difference (row locking,
//!   begin-write, snapshot reads, deferring the consents foreign key, the WAL checkpoint after
//!   erasure, byte ordering, closing). A backend that lacks a hook does not compile. The
//!   migrations are embedded from the compiling crate's own `migrations` folder. `docs/ARCHITECTURE.md` says why this and not generics.

pub mod rows;

use polku_service::error::Outage;
use polku_service::ServiceError;

/// Maps driver errors: unique violations become `Duplicate`; a full disk or an unreachable
/// database becomes `Unavailable` (503 with `Retry-After`, see [`outage`]); everything else is
/// storage.
pub fn db(e: sqlx::Error) -> ServiceError {
    if let sqlx::Error::Database(d) = &e {
        if d.is_unique_violation() {
            return ServiceError::Duplicate(d.message().to_owned());
        }
    }
    match outage(&e) {
        Some(outage) => ServiceError::Unavailable {
            outage,
            detail: e.to_string(),
        },
        None => ServiceError::Storage(e.to_string()),
    }
}

/// Whether a driver error means the database cannot take requests *now* (and a retry later
/// can succeed), rather than that this request or the stored data is wrong.
///
/// - SQLite (extended result codes; the primary code is the low byte): `SQLITE_FULL` (13) is
///   a full disk or file size limit; `SQLITE_IOERR` (10), `SQLITE_CANTOPEN` (14) and
///   `SQLITE_BUSY` (5, after the busy timeout) are outages of the file.
/// - PostgreSQL (SQLSTATE): `53100 disk_full` is a full disk; class `08` (connection
///   exception), `57P01`–`57P03` (shutdown, crash, starting up), `53300` (too many
///   connections) and `58030` (I/O error) are outages.
/// - Any driver: I/O and TLS failures of the connection, a pool that timed out or was closed,
///   a crashed worker.
pub fn outage(e: &sqlx::Error) -> Option<Outage> {
    match e {
        sqlx::Error::Database(d) => {
            let code = d.code()?;
            // A SQLSTATE has exactly five characters (and may be all digits, `53100`); SQLite's
            // extended result codes are decimal numbers below 10 000.
            if code.len() != 5 {
                let n = code.parse::<i32>().ok()?;
                return match n & 0xff {
                    13 => Some(Outage::StorageFull),
                    5 | 10 | 14 => Some(Outage::DatabaseDown),
                    _ => None,
                };
            }
            match code.as_ref() {
                "53100" => Some(Outage::StorageFull),
                "53300" | "57P01" | "57P02" | "57P03" | "58030" => Some(Outage::DatabaseDown),
                c if c.starts_with("08") => Some(Outage::DatabaseDown),
                _ => None,
            }
        }
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => Some(Outage::DatabaseDown),
        _ => None,
    }
}
