//! Polku's matching engine: explainable person↔task matching, optimal job crafting and exact
//! fair allocation (`docs/matching.md`). Pure: no I/O, a deterministic function of its input.
//!
//! The API is [`api`] (typed answers, and JSON wrappers for the command line and HTTP), its
//! [`input`], its [`output`] and its [`error`]; [`subsidies`] selects the pay-subsidy rules a
//! person and an employer may get. Inside, the input is compiled into a
//! struct-of-arrays index; queries filter with byte-lane comparisons before scoring, keep the
//! best with a bounded heap and explain only what they return.

mod accommodate;
mod allocate;
pub mod api;
mod build;
mod craft;
mod craft_explain;
mod describe;
mod dict;
pub mod error;
mod explain;
mod feasible;
mod hit;
mod index;
pub mod input;
#[doc(hidden)]
pub mod internals;
pub mod output;
mod prune;
mod score;
mod search;
pub mod subsidies;
mod subsidy;
mod swar;
mod validate;
mod views;

pub use api::{CraftArgs, InputError, List, MatchArgs};
pub use input::Input;
