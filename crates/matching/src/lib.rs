//! Polku's matching engine: explainable person↔task matching, optimal job crafting and exact
//! fair allocation (`docs/matching.md`). Pure: no I/O, a deterministic function of its input.
//!
//! The input ([`input::Input`]) is compiled into a struct-of-arrays [`index::Index`]; queries
//! filter with byte-lane comparisons ([`swar`]) before scoring ([`score`]), keep the best with
//! a bounded heap ([`search`]) and explain only what they return ([`explain`]).

pub mod accommodate;
pub mod allocate;
pub mod api;
pub mod build;
pub mod craft;
pub mod craft_explain;
pub mod describe;
pub mod dict;
pub mod error;
pub mod explain;
pub mod feasible;
pub mod hit;
pub mod index;
pub mod input;
pub mod output;
pub mod prune;
pub mod score;
pub mod search;
pub mod subsidy;
pub mod swar;
pub mod validate;
pub mod views;

pub use api::{CraftArgs, InputError, MatchArgs};
pub use index::Index;
pub use input::Input;
