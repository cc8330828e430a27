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

/// A follow-up record's free texts (the support given and the note), each sealed under the
/// participant's data key (`follow_ups::texts_aad`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedFollowUpTexts {
    pub support_given: Vec<u8>,
    pub note: Vec<u8>,
}

/// A follow-up as stored. A record's free texts are in `sealed` (the strings in `follow_up` are
/// then empty); a row written before they were sealed has them in clear in `follow_up` and
/// `sealed` is `None` until `polku migrate` seals them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFollowUp {
    pub follow_up: FollowUp,
    pub sealed: Option<SealedFollowUpTexts>,
}

#[async_trait]
pub trait FollowUpStore: Send + Sync {
    /// Access facts of a follow-up (not audited).
    async fn follow_up_scope(&self, id: FollowUpId) -> Result<Option<FollowUpScope>>;
    /// One follow-up; the read is audited in the same transaction.
    async fn get_follow_up(
        &self,
        id: FollowUpId,
        audit: &AuditEvent,
    ) -> Result<Option<StoredFollowUp>>;
    /// A participant's follow-ups, by due date; audited in the same transaction.
    async fn follow_ups_of(
        &self,
        participant: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Vec<StoredFollowUp>>;
    /// Follow-ups not done and due on or before `until`, of the participants whose coach is
    /// `coach`, by due date; one audit entry per hit, `audit.subject` filled in with each hit's
    /// participant.
    async fn open_follow_ups(
        &self,
        coach: UserId,
        until: Date,
        audit: &AuditEvent,
    ) -> Result<Vec<StoredFollowUp>>;
    /// Writes the record of `f` (whose `version` is the new version) with its free texts
    /// `sealed` (nothing of them in clear) if the stored version is `expected`
    /// (`Conflict { current }` otherwise), and appends `audit`, in one transaction.
    async fn record_follow_up(
        &self,
        f: &FollowUp,
        sealed: Option<&SealedFollowUpTexts>,
        expected: i64,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// Follow-ups whose free texts are still in clear (written before they were sealed): for
    /// `polku migrate` to seal them. Not audited (the operator's maintenance; nothing is shown).
    async fn follow_ups_in_clear(&self) -> Result<Vec<StoredFollowUp>>;
    /// Done follow-ups of a project's placements by checkpoint and answer.
    async fn retention_counts(&self, project: ProjectId) -> Result<Vec<RetentionCount>>;
}
