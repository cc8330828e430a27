//! The follow-ups area of the storage port: follow-ups after hiring (staying in work). New ones
//! are written with the placement's state change (`PlacementSideEffects::new_follow_ups`).

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::{
    FollowUp, FollowUpId, ParticipantId, PlacementId, ProjectId, RetentionCheckpoint, StillWorking,
    UserId,
};
use time::Date;

/// The facts access to a follow-up depends on (no personal data; read unaudited before the
/// access decision).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowUpScope {
    pub id: FollowUpId,
    pub placement_id: PlacementId,
    pub participant_id: ParticipantId,
}

/// Done follow-ups of a project counted by checkpoint and answer (retention figures; no
/// personal data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionCount {
    pub checkpoint: RetentionCheckpoint,
    pub still_working: StillWorking,
    pub count: i64,
}

#[async_trait]
pub trait FollowUpStore: Send + Sync {
    /// Access facts of a follow-up (not audited).
    async fn follow_up_scope(&self, id: FollowUpId) -> Result<Option<FollowUpScope>>;
    /// One follow-up; the read is audited in the same transaction.
    async fn get_follow_up(&self, id: FollowUpId, audit: &AuditEvent) -> Result<Option<FollowUp>>;
    /// A participant's follow-ups, by due date; audited in the same transaction.
    async fn follow_ups_of(
        &self,
        participant: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Vec<FollowUp>>;
    /// Follow-ups not done and due on or before `until`, of the participants whose coach is
    /// `coach`, by due date; one audit entry per hit, `audit.subject` filled in with each hit's
    /// participant.
    async fn open_follow_ups(
        &self,
        coach: UserId,
        until: Date,
        audit: &AuditEvent,
    ) -> Result<Vec<FollowUp>>;
    /// Writes the record of `f` (whose `version` is the new version) if the stored version is
    /// `expected` (`Conflict { current }` otherwise), and appends `audit`, in one transaction.
    async fn record_follow_up(&self, f: &FollowUp, expected: i64, audit: &AuditEvent)
        -> Result<()>;
    /// Done follow-ups of a project's placements by checkpoint and answer.
    async fn retention_counts(&self, project: ProjectId) -> Result<Vec<RetentionCount>>;
}
