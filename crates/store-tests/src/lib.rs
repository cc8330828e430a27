//! polku-store-tests
