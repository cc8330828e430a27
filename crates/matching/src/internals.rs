//! The engine's inner modules, for the benchmark (`benches/national`), the allocation oracle
//! (`examples/alloc_instances.rs`) and the property tests that check the index, the score bound
//! and the direct JSON writer against it. **Not part of the API**: hidden from the
//! documentation, without any promise of stability; the product uses [`crate::api`] only.
//!
//! A module here rather than a cargo feature: the benchmark and the tests then build the very
//! code the product runs, `cargo bench`, `cargo test` and `cargo clippy --all-targets` need no
//! extra flags, and `bench/compare.sh` keeps building what it built.

pub mod accommodate {
    pub use crate::accommodate::*;
}
pub mod allocate {
    pub use crate::allocate::*;
}
pub mod build {
    pub use crate::build::*;
}
pub mod craft {
    pub use crate::craft::*;
}
pub mod dict {
    pub use crate::dict::*;
}
pub mod feasible {
    pub use crate::feasible::*;
}
pub mod hit {
    pub use crate::hit::*;
}
pub mod index {
    pub use crate::index::*;
}
pub mod prune {
    pub use crate::prune::*;
}
pub mod score {
    pub use crate::score::*;
}
pub mod search {
    pub use crate::search::*;
}
pub mod swar {
    pub use crate::swar::*;
}
pub mod validate {
    pub use crate::validate::*;
}

/// Explained hits as views into the index, and the allocation problem of an index.
pub mod answer {
    pub use crate::api::allocation::{allocation_problem, fairness_micro};
    pub use crate::api::hits::{hit_out, hit_out_words, hits_out};
}
