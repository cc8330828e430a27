//! The stored operations, written once for both databases: each module implements one area
//! trait of the port (`polku_service::store`) for `SqlStore`, and `Store` follows by a blanket
//! impl. This folder is not a module of `polku-store-sql`: `polku-store-sqlite` and
//! `polku-store-postgres` each compile it as their `queries` module (`#[path]`), against their
//! own concrete sqlx types and their own `migrations` folder, and provide the names it uses
//! from the crate root: `SqlStore`, `Conn`, `db`, `backup`, `settings`, and the `dialect`
//! module with every genuine difference between the databases.

mod admin;
mod agreements;
mod audit;
mod audit_segments;
mod consents;
mod directory;
mod documents;
mod employers;
mod erasure;
mod esco;
mod esf;
mod fidelity;
mod follow_ups;
mod gigs;
mod mentoring;
mod optional_fields;
mod participants;
mod placements;
mod qualifications;
mod referrals;
mod reports;
mod restrictions;
mod retention;
mod sessions;
mod staff;
mod subject;
mod subject_requests;

pub use admin::migration_versions;

/// After a versioned update matched no row (R50): `Conflict` with the version stored now, or
/// `NotFound` when the row is gone. `select_version` reads the row's `version` by its key, whose
/// parts are bound as `$1`, `$2`, … in the order given.
async fn changed_or_gone(
    conn: &mut crate::Conn,
    select_version: &'static str,
    key: &[uuid::Uuid],
) -> polku_service::ServiceError {
    let mut q = sqlx::query_scalar::<_, i64>(select_version);
    for part in key {
        q = q.bind(*part);
    }
    match q.fetch_optional(conn).await {
        Ok(Some(current)) => polku_service::ServiceError::Conflict { current },
        Ok(None) => polku_service::ServiceError::NotFound,
        Err(e) => crate::db(e),
    }
}
