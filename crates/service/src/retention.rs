//! Retention and automatic deletion (GDPR Art. 5(1)(e); R41).
//!
//! The controller sets how long case records are kept after a person leaves the service
//! ([`RetentionPolicy::case_records_months`]; unset keeps them until someone erases them, as
//! before). [`Service::retention_plan`] says what a run would do on a given day without changing
//! anything (the dry run); [`Service::apply_retention`] does it:
//! - erases every participant who left on or before the cut-off day, one transaction each
//!   (tombstone, rows, audit entry with the purpose `retention`), so a run stopped at any point
//!   leaves whole people and the next run finishes the rest: the job is idempotent;
//! - leaves out people under a legal hold (R40) or a restriction of processing (R43), and says
//!   so;
//! - deletes sessions past their idle time or lifetime and activation tokens used or expired
//!   ("sessions" in the classification file), which needs no setting.
//!
//! The clock is a parameter, so tests run it on any day.

use crate::audit::AuditEvent;
use crate::auth::IDLE_TIMEOUT;
use crate::store::records::EraseOutcome;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{DomainError, ParticipantId};
use time::{Date, OffsetDateTime};

/// The controller's retention settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RetentionPolicy {
    /// Whole months case records are kept after the person left the service; `None`: kept
    /// until erased by hand.
    pub case_records_months: Option<u32>,
}

impl RetentionPolicy {
    /// From the configuration value: 0 means not set; 1–600 months.
    pub fn from_months(months: i64) -> std::result::Result<Self, DomainError> {
        match months {
            0 => Ok(RetentionPolicy::default()),
            1..=600 => Ok(RetentionPolicy {
                case_records_months: u32::try_from(months).ok(),
            }),
            _ => Err(DomainError::Invalid {
                field: "retention_case_months",
                reason: "must be 0 (not set) or 1–600 months".into(),
            }),
        }
    }

    /// The last day of leaving whose records are due on `today`.
    pub fn cutoff(&self, today: Date) -> Option<Date> {
        let months = self.case_records_months?;
        let total = i64::from(today.year()) * 12 + i64::from(u8::from(today.month()))
            - 1
            - i64::from(months);
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        let month = time::Month::try_from(u8::try_from(total.rem_euclid(12) + 1).ok()?).ok()?;
        let last = month.length(year);
        Date::from_calendar_date(year, month, today.day().min(last)).ok()
    }
}

/// Why a person past the cut-off is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// A legal hold (R40) is in force: its ground, article and last day.
    Held {
        ground: &'static str,
        article: &'static str,
        until: Date,
    },
    /// Processing is restricted (R43): the person may need the data for a claim.
    Restricted,
}

/// What a run does, or would do, on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetentionPlan {
    pub today: Date,
    /// The last day of leaving that is due; `None` when case-record retention is not set.
    pub cutoff: Option<Date>,
    /// Due for erasure: who and when they left.
    pub erase: Vec<(ParticipantId, Date)>,
    /// Past the cut-off but kept, and why.
    pub kept: Vec<(ParticipantId, Date, Kept)>,
    /// Left the service on an unknown day (no date of leaving, no stage history): never
    /// erased automatically.
    pub undated: Vec<ParticipantId>,
    /// Expired sessions and used or expired activation tokens.
    pub sessions: u64,
    pub activation_tokens: u64,
}

/// What a run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetentionRun {
    pub plan: RetentionPlan,
    /// Erased now, with the time of erasure (for the tombstone file).
    pub erased: Vec<(ParticipantId, OffsetDateTime)>,
    pub sessions_deleted: u64,
    pub activation_tokens_deleted: u64,
}

// The operator's job (and administrators'), as erasure.
use crate::erasure::may_erase as may_run;

impl Service {
    /// What a retention run on `now` would do; changes nothing (the dry run). Reads
    /// identifiers and dates only.
    pub async fn retention_plan(
        &self,
        actor: &Actor,
        policy: RetentionPolicy,
        now: OffsetDateTime,
    ) -> Result<RetentionPlan> {
        if !may_run(actor) {
            return Err(ServiceError::Forbidden);
        }
        let today = crate::clock::in_helsinki(now).date();
        let cutoff = policy.cutoff(today);
        let mut plan = RetentionPlan {
            today,
            cutoff,
            erase: Vec::new(),
            kept: Vec::new(),
            undated: Vec::new(),
            sessions: 0,
            activation_tokens: 0,
        };
        if let Some(cutoff) = cutoff {
            for p in self.store().left_service().await? {
                let Some(left_on) = p.left_on else {
                    plan.undated.push(p.id);
                    continue;
                };
                if left_on > cutoff {
                    continue;
                }
                if p.restricted {
                    plan.kept.push((p.id, left_on, Kept::Restricted));
                    continue;
                }
                let hold = self
                    .store()
                    .legal_holds(p.id)
                    .await?
                    .into_iter()
                    .find(|h| h.active(today));
                match hold {
                    Some(h) => plan.kept.push((
                        p.id,
                        left_on,
                        Kept::Held {
                            ground: h.ground.as_str(),
                            article: h.ground.article(),
                            until: h.until,
                        },
                    )),
                    None => plan.erase.push((p.id, left_on)),
                }
            }
        }
        let (sessions, tokens) = self
            .store()
            .expired_sign_ins(now, now - IDLE_TIMEOUT)
            .await?;
        plan.sessions = sessions;
        plan.activation_tokens = tokens;
        Ok(plan)
    }

    /// Runs retention on `now` (see the module). Each erasure is its own transaction; a hold
    /// set after the plan was made still stops it (the store checks again).
    pub async fn apply_retention(
        &self,
        actor: &Actor,
        policy: RetentionPolicy,
        now: OffsetDateTime,
    ) -> Result<RetentionRun> {
        let plan = self.retention_plan(actor, policy, now).await?;
        let mut erased = Vec::new();
        for (id, _) in &plan.erase {
            let audit = AuditEvent::new(
                actor,
                "participant",
                Some(id.to_string()),
                "subject_erased",
                "retention",
            )?;
            match self.store().erase_subject(*id, plan.today, &audit).await? {
                EraseOutcome::Erased => erased.push((*id, OffsetDateTime::now_utc())),
                // Erased or held meanwhile: the next run reports it.
                EraseOutcome::Missing | EraseOutcome::Held(_) => {}
            }
        }
        let audit = AuditEvent::new(
            actor,
            "sessions",
            None,
            "delete_expired_sign_ins",
            "retention",
        )?;
        let (sessions_deleted, activation_tokens_deleted) = self
            .store()
            .delete_expired_sign_ins(now, now - IDLE_TIMEOUT, &audit)
            .await?;
        Ok(RetentionRun {
            plan,
            erased,
            sessions_deleted,
            activation_tokens_deleted,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_cutoff_counts_whole_months_back_and_clamps_the_day() {
        let p = RetentionPolicy::from_months(6).expect("6 months");
        assert_eq!(p.cutoff(date!(2026 - 12 - 06)), Some(date!(2026 - 06 - 06)));
        assert_eq!(p.cutoff(date!(2026 - 08 - 31)), Some(date!(2026 - 02 - 28)));
        assert_eq!(p.cutoff(date!(2026 - 03 - 15)), Some(date!(2025 - 09 - 15)));
        let two_years = RetentionPolicy::from_months(24).expect("24 months");
        assert_eq!(
            two_years.cutoff(date!(2028 - 02 - 29)),
            Some(date!(2026 - 02 - 28))
        );
        assert_eq!(
            RetentionPolicy::from_months(0)
                .expect("unset")
                .cutoff(date!(2026 - 12 - 06)),
            None
        );
        assert!(RetentionPolicy::from_months(-1).is_err());
        assert!(RetentionPolicy::from_months(601).is_err());
    }
}
