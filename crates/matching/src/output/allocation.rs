//! `allocate`: who goes where when places are scarce. [`Allocation`] is the documented JSON
//! answer of `polku allocate` and `POST /api/v1/allocate`; [`AllocationExplained`] adds, for
//! callers in Rust, each assignment explained as `match` explains a pair, why each unassigned
//! person got no place, and the "first come, first served" assignment for comparison.

use super::{Excluded, Ranked};
use serde::Serialize;

/// The optimal assignment. Written as `{assignments, unassigned, objective, objective_micro,
/// fairness_weight}` (docs/matching.md, *Allocation*).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Allocation {
    pub assignments: Vec<Assignment>,
    /// Participant ids without a place, in input order.
    pub unassigned: Vec<String>,
    /// Σ (score + fairness bonus) in score units.
    pub objective: f64,
    /// The same sum as an exact integer in millionths.
    pub objective_micro: i64,
    pub fairness_weight: f64,
}

/// One person in one opening.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assignment {
    pub participant: String,
    pub opening: String,
    /// The pair's match score in [0, 1].
    pub score: f64,
    /// `fairness_weight × min(waiting_days, 365) / 365`.
    pub fairness_bonus: f64,
}

/// [`Allocation`] with what a page needs to explain it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllocationExplained {
    pub allocation: Allocation,
    /// Each assignment explained (same order as `allocation.assignments`).
    pub explained: Vec<Ranked>,
    /// Why each unassigned person has no place (same order as `allocation.unassigned`).
    pub unplaced: Vec<Unplaced>,
    /// "First come, first served": the longest-waiting person first takes their best opening
    /// with a free place, and so on, with the same weights.
    pub greedy: Allocation,
}

/// An unassigned person and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unplaced {
    pub participant: String,
    #[serde(flatten)]
    pub reason: UnplacedReason,
}

/// Why a person got no place.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum UnplacedReason {
    /// No chosen opening fits: each breaks a hard limit (listed per opening).
    NoFit { excluded: Vec<Excluded> },
    /// Some openings fit, but their places give a higher total to others.
    PlacesTaken { feasible: Vec<String> },
}
