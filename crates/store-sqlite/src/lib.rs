//! polku-store-sqlite
