//! polku-matching
