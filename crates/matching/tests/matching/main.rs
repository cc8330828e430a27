//! The integration tests of the matching engine (one binary).
#![allow(clippy::unwrap_used)]

mod errors;
mod fuzz_corpus;
mod gen;
mod naive;
mod properties;
mod snapshots;
mod subsidy;
/// The benchmark's JSON writer, checked here against serde_json.
#[path = "../../benches/national/write.rs"]
mod write;
mod writer;
