//! Opinnollistaminen (issue 14): qualification units and their requirement items as reference
//! data, coordinators' mapping of employers' tasks to requirement items, and the evidence the
//! placement's mentor (or the coach) records per item. Polku does not award credit: the
//! evidence is for the school's own HOKS process (finnish-rules §7.2).

pub mod eperusteet;
pub mod export;
pub mod use_cases;

#[cfg(test)]
mod samples;

pub use use_cases::{EvidenceLine, NewQualificationEvidence, TaskRequirements};
