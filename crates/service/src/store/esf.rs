//! The ESF+ area of the storage port: one record per participant (entry data, leaving, the
//! six-month follow-up) in coded columns, and the indicator counts computed from them with
//! `SUM(CASE …) … GROUP BY gender` (no rows leave the store for the coded items).

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::esf::{Condition, Window};
use polku_domain::{OrganisationId, ParticipantId, ProjectId, UserId};
use time::{Date, OffsetDateTime};

/// A participant's ESF+ record as stored: every answer as its code, the special-category
/// answers sealed (`special_sealed`, opened only by the service).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EsfRow {
    pub participant_id: ParticipantId,
    pub entered_on: Date,
    pub gender: String,
    pub labour_status: String,
    pub education: String,
    pub age_at_entry: Option<i64>,
    pub municipality: String,
    pub rural: String,
    pub third_country: String,
    pub foreign_background: String,
    pub homeless: String,
    pub special_sealed: Vec<u8>,
    pub left_on: Option<Date>,
    pub leaving_result: Option<String>,
    pub qualification: Option<String>,
    pub follow_up_due: Option<Date>,
    pub six_checked_on: Option<Date>,
    pub six_employed: Option<String>,
    pub six_improved: Option<String>,
    /// The new version when writing (1 for a new record).
    pub version: i64,
    pub updated_at: OffsetDateTime,
}

/// Which records a count covers: those whose `window` date is within `from..=to`, narrowed
/// by the scope. `projects: None` is every project (admins and the operator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EsfScope {
    pub window: Window,
    pub from: Date,
    pub to: Date,
    pub projects: Option<Vec<ProjectId>>,
    /// The organisation the participant counts for: its coach's, when that is the lead or a
    /// partner of the project, otherwise the project's lead (docs/ESF.md).
    pub organisation: Option<OrganisationId>,
    /// Home municipality codes at entry (a region is passed as its municipalities).
    pub municipalities: Option<Vec<String>>,
}

/// Counts of one gender code: one per condition, in the order asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenderCounts {
    pub gender: String,
    pub counts: Vec<i64>,
}

/// A record's sealed special answers with what is needed to open and count them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedSpecial {
    pub participant_id: ParticipantId,
    pub gender: String,
    pub version: i64,
    pub special_sealed: Vec<u8>,
    /// `None` after crypto-erasure.
    pub wrapped_key: Option<Vec<u8>>,
}

/// A six-month follow-up not yet recorded, of one of the coach's participants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueSixMonths {
    pub participant_id: ParticipantId,
    pub given_name: String,
    pub family_name: String,
    pub left_on: Date,
    pub due_on: Date,
}

#[async_trait]
pub trait EsfStore: Send + Sync {
    /// The participant's record; the read is audited in the same transaction.
    async fn esf_record(
        &self,
        participant: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Option<EsfRow>>;
    /// Inserts (`expected == 0`) or replaces the record if the stored version is `expected`
    /// (`Conflict { current }` otherwise), and appends `audit`, in one transaction.
    async fn save_esf_record(&self, row: &EsfRow, expected: i64, audit: &AuditEvent) -> Result<()>;
    /// Counts by gender code of the records in `scope` meeting each condition.
    async fn esf_counts(
        &self,
        scope: &EsfScope,
        conditions: &[Condition],
    ) -> Result<Vec<GenderCounts>>;
    /// The sealed special answers of the records in `scope` (for counting in the service), sent
    /// to `out` in chunks of at most `chunk` records as they are read, so that the service opens
    /// one chunk while the next is still being read. Stops early without error when the
    /// receiver is gone.
    async fn esf_sealed(
        &self,
        scope: &EsfScope,
        chunk: usize,
        out: tokio::sync::mpsc::Sender<Vec<SealedSpecial>>,
    ) -> Result<()>;
    /// Six-month follow-ups not recorded and due on or before `until`, of the participants whose
    /// coach is `coach`, by due date; one audit entry per hit (`audit.subject` filled in).
    async fn due_six_months(
        &self,
        coach: UserId,
        until: Date,
        audit: &AuditEvent,
    ) -> Result<Vec<DueSixMonths>>;
}
