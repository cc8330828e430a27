//! The workplace-mentoring area of the storage port: check-ins, task feedback, the final
//! written feedback and the evidence it offers the coach. Texts and what a piece of evidence
//! proposes arrive sealed with the participant's data key.

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::{
    Checkin, EvidenceId, EvidenceKind, EvidenceState, ParticipantId, Placement, PlacementId, Share,
    TaskFeedback, UserId,
};
use time::{Date, OffsetDateTime};

/// A check-in whose note is sealed (`checkin.note` is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckinRecord {
    pub checkin: Checkin,
    pub note_sealed: Vec<u8>,
}

/// Task feedback whose note is sealed (`feedback.note` is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskFeedbackRecord {
    pub feedback: TaskFeedback,
    pub note_sealed: Vec<u8>,
}

/// The end-of-placement feedback: the organiser's written feedback (by the workplace mentor)
/// and the participant's self-assessment (recorded by the coach), each sealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementFeedbackRecord {
    pub placement_id: PlacementId,
    pub participant_id: ParticipantId,
    pub organiser_sealed: Option<Vec<u8>>,
    pub next_steps_sealed: Option<Vec<u8>>,
    pub given_by: Option<UserId>,
    pub given_at: Option<OffsetDateTime>,
    pub self_assessment_sealed: Option<Vec<u8>>,
    pub self_assessed_by: Option<UserId>,
    pub self_assessed_at: Option<OffsetDateTime>,
    pub version: i64,
}

/// A piece of evidence as stored: what it proposes is sealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRecord {
    pub id: EvidenceId,
    pub participant_id: ParticipantId,
    pub placement_id: PlacementId,
    pub kind: EvidenceKind,
    pub what_sealed: Vec<u8>,
    pub source_employer: String,
    pub source_from: Date,
    pub source_to: Option<Date>,
    pub state: EvidenceState,
    pub decided_by: Option<UserId>,
    pub decided_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub version: i64,
}

/// Everything of a participant's mentoring, for the subject export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MentoringRecords {
    pub checkins: Vec<CheckinRecord>,
    pub task_feedback: Vec<TaskFeedbackRecord>,
    pub placement_feedback: Vec<PlacementFeedbackRecord>,
    pub evidence: Vec<EvidenceRecord>,
}

#[async_trait]
pub trait MentoringStore: Send + Sync {
    /// Writes the placement's new mentor (`p.version` is the new version) if the stored version
    /// is `expected`; revokes the unrevoked shares of the placement to `previous`, and creates
    /// `share` linked to the placement, in one transaction with `audit`.
    async fn set_placement_mentor(
        &self,
        p: &Placement,
        expected: i64,
        previous: Option<UserId>,
        share: Option<&Share>,
        audit: &AuditEvent,
    ) -> Result<()>;
    async fn insert_checkin(&self, rec: &CheckinRecord, audit: &AuditEvent) -> Result<()>;
    /// The placement's check-ins, oldest first (audited).
    async fn list_checkins(
        &self,
        placement: PlacementId,
        audit: &AuditEvent,
    ) -> Result<Vec<CheckinRecord>>;
    /// Stores task feedback with the evidence it creates, in one transaction.
    async fn insert_task_feedback(
        &self,
        rec: &TaskFeedbackRecord,
        evidence: &[EvidenceRecord],
        audit: &AuditEvent,
    ) -> Result<()>;
    /// The placement's task feedback, oldest first (audited).
    async fn list_task_feedback(
        &self,
        placement: PlacementId,
        audit: &AuditEvent,
    ) -> Result<Vec<TaskFeedbackRecord>>;
    /// The placement's final feedback, if any (audited).
    async fn placement_feedback(
        &self,
        placement: PlacementId,
        audit: &AuditEvent,
    ) -> Result<Option<PlacementFeedbackRecord>>;
    /// Inserts (`expected` = `None`) or updates the final feedback, version-checked.
    async fn save_placement_feedback(
        &self,
        rec: &PlacementFeedbackRecord,
        expected: Option<i64>,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// The participant's evidence, newest first (audited).
    async fn list_evidence(
        &self,
        participant: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Vec<EvidenceRecord>>;
    /// Records the coach's decision if the stored version is `expected` and the evidence is
    /// still open (`Conflict` otherwise).
    async fn decide_evidence(
        &self,
        id: EvidenceId,
        state: EvidenceState,
        by: UserId,
        at: OffsetDateTime,
        expected: i64,
        audit: &AuditEvent,
    ) -> Result<()>;
}
