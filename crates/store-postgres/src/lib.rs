//! polku-store-postgres
