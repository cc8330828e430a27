//! The integration tests of the matching engine (one binary).
#![allow(clippy::unwrap_used)]

mod errors;
mod gen;
mod naive;
mod properties;
mod snapshots;
