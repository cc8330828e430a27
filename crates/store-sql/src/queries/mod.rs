//! The stored operations, written once for both databases: each module implements one area
//! trait of the port (`polku_service::store`) for `SqlStore`, and `Store` follows by a blanket
//! impl. This folder is not a module of `polku-store-sql`: `polku-store-sqlite` and
//! `polku-store-postgres` each compile it as their `queries` module (`#[path]`), against their
//! own concrete sqlx types and their own `migrations` folder, and provide the names it uses
//! from the crate root: `SqlStore`, `Conn`, `db`, `backup`, `settings`, and the `dialect`
//! module with every genuine difference between the databases.

mod admin;
mod audit;
mod consents;
mod directory;
mod employers;
mod erasure;
mod esco;
mod participants;
mod reports;
mod sessions;
mod subject;

pub use admin::migration_versions;
