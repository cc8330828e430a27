//! "Not yours" in the audit log (R34, R35): when a signed-in user asks by id for a participant,
//! employer, gig or placement they may not see (another project, no share, a withdrawn consent,
//! a restriction, or no such object), the refusal is appended to the audit chain with outcome
//! [`OUTCOME_DENIED`], the actor, the object id asked for, the action tried and the request id,
//! and no data categories (nothing was disclosed). The caller gets the same answer as before
//! (`NotFound`), and an id that does not exist is recorded the same way, so neither the answer
//! nor the extra write tells whether the object exists.
//!
//! A flood of denials must not grow the audit log without bound: each actor gets at most
//! [`ROWS_PER_WINDOW`] denied rows per [`WINDOW`]; the first denial over that in a window
//! appends one `deny_flood` row (so the log shows the flood and who made it) and a warning in
//! the security log, and the rest of the window's denials go to the security log only. The
//! budget is kept in memory per process (a restart starts it again, which bounds the rows at
//! the same rate). The operator (`Actor::System`) is never refused, so never counted.

use crate::audit::AuditEvent;
use crate::security_log::{security_event, Severity};
use crate::{Actor, Result, Service};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Outcome of an audited request that authorisation refused.
pub const OUTCOME_DENIED: &str = "denied";

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

impl Service {
    /// Records that `actor` was refused `action` on `subject_kind` `subject` (see the module
    /// documentation). The caller then answers as it always did. A failing append fails the
    /// request, as for every other audited access.
    pub(crate) async fn audit_denied(
        &self,
        actor: &Actor,
        subject_kind: &str,
        subject: &str,
        action: &str,
        purpose: &str,
    ) -> Result<()> {
        if actor.is_system() {
            return Ok(());
        }
        security_event(
            Severity::Warn,
            "access.not_yours",
            subject,
            "an object outside the actor's access was asked for",
        );
        let (action, subject) = match self.denials().take(&actor.audit_id(), Instant::now()) {
            Budget::Record => (action, Some(subject.to_owned())),
            Budget::FloodMarker => {
                security_event(
                    Severity::Warn,
                    "access.denied_flood",
                    &actor.audit_id(),
                    "too many refused accesses: further ones this minute go to this log only",
                );
                ("deny_flood", None)
            }
            Budget::Suppress => return Ok(()),
        };
        let audit = AuditEvent::new(actor, subject_kind, subject, action, purpose)?
            .with_outcome(OUTCOME_DENIED)
            .with_categories("none");
        self.store().append_audit(&audit).await
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
