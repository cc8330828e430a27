//! "Not yours" in the audit log (R34, R35): when a signed-in user asks by id for a participant,
//! employer, gig or placement they may not see (another project, no share, a withdrawn consent,
//! a restriction, or no such object), the refusal is appended to the audit chain with outcome
//! [`OUTCOME_DENIED`], the actor, the object id asked for, the action tried and the request id,
//! and no data categories (nothing was disclosed). The caller gets the same answer as before
//! (`NotFound`), and an id that does not exist is recorded the same way, so neither the answer
//! nor the extra write tells whether the object exists.
//!
//! A flood of denials must not grow the audit log without bound: each actor gets at most
//! [`ROWS_PER_WINDOW`] denied rows per [`WINDOW`] ([`crate::denial_budget`]); the first denial over that in a window
//! appends one `deny_flood` row (so the log shows the flood and who made it) and a warning in
//! the security log, and the rest of the window's denials go to the security log only. The
//! budget is kept in memory per process (a restart starts it again, which bounds the rows at
//! the same rate). The operator (`Actor::System`) is never refused, so never counted.

use crate::audit::AuditEvent;
use crate::denial_budget::Budget;
use crate::security_log::{security_event, Severity};
use crate::{Actor, Result, Service};
use std::time::Instant;

pub use crate::denial_budget::{ROWS_PER_WINDOW, WINDOW};

/// Outcome of an audited request that authorisation refused.
pub const OUTCOME_DENIED: &str = "denied";

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
