//! Opinnollistaminen in the storage port: the qualification reference data (units and their
//! requirement items, written by `polku import eperusteet`), the mapping of employers' tasks to
//! requirement items, and the evidence a mentor records per item during a placement (its note
//! sealed with the participant's data key).

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::{
    CompetenceShown, ParticipantId, PlacementId, QualificationEvidenceId, QualificationUnit,
    Requirement, RequirementId, TaskId, UnitCode, UserId,
};
use time::{Date, OffsetDateTime};

/// What an import changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    /// Units not stored before.
    pub added: usize,
    /// Units stored with another source version, now replaced.
    pub updated: usize,
    /// Units stored with the same source version: nothing written.
    pub unchanged: usize,
    /// Requirement items written (added or updated).
    pub requirements: usize,
}

/// A piece of qualification evidence as stored: the note is sealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QualificationEvidenceRecord {
    pub id: QualificationEvidenceId,
    pub participant_id: ParticipantId,
    pub placement_id: PlacementId,
    pub requirement_id: RequirementId,
    pub task_id: TaskId,
    pub shown_on: Date,
    pub assessment: CompetenceShown,
    pub note_sealed: Vec<u8>,
    pub recorded_by: UserId,
    pub recorded_at: OffsetDateTime,
}

#[async_trait]
pub trait QualificationStore: Send + Sync {
    /// In one transaction with `audit`: each unit is added, or replaced when its stored
    /// `source_version` differs (requirements upserted by id; items no longer in the source
    /// and never mapped nor used as evidence are removed), or left alone when it is the same.
    async fn import_units(
        &self,
        units: &[(QualificationUnit, Vec<Requirement>)],
        at: OffsetDateTime,
        audit: &AuditEvent,
    ) -> Result<ImportCounts>;
    /// Every stored unit, by code then diaarinumero.
    async fn qualification_units(&self) -> Result<Vec<QualificationUnit>>;
    /// A unit's requirement items in source order; empty when there is no such unit.
    async fn unit_requirements(
        &self,
        code: &UnitCode,
        diaarinumero: &str,
    ) -> Result<Vec<Requirement>>;
    /// The requirement items with these ids that exist (unknown ids are left out).
    async fn requirements(&self, ids: &[RequirementId]) -> Result<Vec<Requirement>>;
    /// Replaces the task's mapped requirement items, in one transaction with `audit`.
    /// `NotFound` when the task or any of the items does not exist (nothing written).
    async fn set_task_requirements(
        &self,
        task: TaskId,
        requirements: &[RequirementId],
        by: UserId,
        at: OffsetDateTime,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// The mapped requirement items of these tasks, as (task, item) pairs.
    async fn task_requirements(&self, tasks: &[TaskId]) -> Result<Vec<(TaskId, RequirementId)>>;
    /// Records a piece of evidence with `audit`.
    async fn insert_qualification_evidence(
        &self,
        rec: &QualificationEvidenceRecord,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// A placement's evidence, oldest first; `audit` (the read) is appended before returning.
    async fn placement_qualification_evidence(
        &self,
        placement: PlacementId,
        audit: &AuditEvent,
    ) -> Result<Vec<QualificationEvidenceRecord>>;
    /// Everything of a participant (for the access export), oldest first.
    async fn participant_qualification_evidence(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<QualificationEvidenceRecord>>;
}
