//! polku-service
