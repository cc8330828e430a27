//! The fidelity area of the storage port: the case log the IPS-25 figures are computed from
//! (dates, kinds and ids only) and the manager's ratings of the other items, kept as a history
//! (every rating is a new version; none is overwritten).

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::fidelity::CaseLog;
use polku_domain::{ProjectId, UserId};
use time::{Date, OffsetDateTime};

/// One rating of one item of a project, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FidelityRating {
    pub project_id: ProjectId,
    pub item: u8,
    /// 1 for the first rating of the item, then one more for each new rating.
    pub version: i64,
    pub score: u8,
    pub note: String,
    pub rated_by: UserId,
    pub rated_at: OffsetDateTime,
}

#[async_trait]
pub trait FidelityStore: Send + Sync {
    /// The project's case log for the fidelity figures: participants enrolled on or before
    /// `to`, employer contacts by anyone of the project, placements with their follow-ups, and
    /// meetings, up to `to` (one snapshot; no names, notes or summaries). Audited with `audit`
    /// in the same transaction.
    async fn fidelity_case_log(
        &self,
        project: ProjectId,
        to: Date,
        audit: &AuditEvent,
    ) -> Result<CaseLog>;
    /// Every rating of the project's items, newest version of each item last.
    async fn fidelity_ratings(&self, project: ProjectId) -> Result<Vec<FidelityRating>>;
    /// Appends `rating` as the item's next version if the item's newest stored version is
    /// `rating.version - 1` (0: none yet), `Conflict { current }` otherwise; with `audit`, in
    /// one transaction.
    async fn insert_fidelity_rating(
        &self,
        rating: &FidelityRating,
        audit: &AuditEvent,
    ) -> Result<()>;
}
