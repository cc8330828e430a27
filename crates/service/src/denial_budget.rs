//! The per-actor budget of denied-access audit rows (see [`crate::denials`]): a fixed window
//! per actor, in memory. Depends on nothing else in the crate.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Denied rows per actor per window before the rest are summarised.
pub const ROWS_PER_WINDOW: u32 = 30;

/// The length of one budget window.
pub const WINDOW: Duration = Duration::from_secs(60);

/// Entries kept before windows that have ended are dropped (one per actor seen lately).
const PRUNE_AT: usize = 10_000;

/// What to do with one denial.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// Append the denied row.
    Record,
    /// The first denial over the budget: append one `deny_flood` row.
    FloodMarker,
    /// Over the budget and already marked: the security log only.
    Suppress,
}

/// Denials per actor in the current window.
#[derive(Debug, Default)]
pub struct DenialBudget {
    seen: Mutex<HashMap<String, (Instant, u32)>>,
}

impl DenialBudget {
    /// Counts one denial of `actor` at `now` and says how to record it.
    pub fn take(&self, actor: &str, now: Instant) -> Budget {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if seen.len() >= PRUNE_AT {
            seen.retain(|_, (start, _)| now.duration_since(*start) < WINDOW);
        }
        let entry = seen.entry(actor.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= WINDOW {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
        match entry.1 {
            n if n <= ROWS_PER_WINDOW => Budget::Record,
            n if n == ROWS_PER_WINDOW + 1 => Budget::FloodMarker,
            _ => Budget::Suppress,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_records_then_marks_once_then_suppresses_and_renews() {
        let b = DenialBudget::default();
        let t0 = Instant::now();
        for _ in 0..ROWS_PER_WINDOW {
            assert_eq!(b.take("u1", t0), Budget::Record);
        }
        assert_eq!(b.take("u1", t0), Budget::FloodMarker);
        for _ in 0..100 {
            assert_eq!(b.take("u1", t0), Budget::Suppress);
        }
        // Another actor has a budget of their own.
        assert_eq!(b.take("u2", t0), Budget::Record);
        // A new window starts again.
        assert_eq!(b.take("u1", t0 + WINDOW), Budget::Record);
    }
}
