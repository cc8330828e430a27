//! The versioned JSON API.

pub mod v1;
