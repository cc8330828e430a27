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

use polku_service::ServiceError;

/// Maps driver errors: unique violations become `Duplicate`, everything else is storage.
pub fn db(e: sqlx::Error) -> ServiceError {
    if let sqlx::Error::Database(d) = &e {
        if d.is_unique_violation() {
            return ServiceError::Duplicate(d.message().to_owned());
        }
    }
    ServiceError::Storage(e.to_string())
}
