//! The gigs area of the storage port: gigs posted by small employers. Gigs hold no personal
//! data of participants; the offers are placements of kind gig that refer to a gig.

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::{EmployerId, Gig, GigId, GigState, Placement, ProjectId};
use time::Date;

/// Which gigs to list. Every condition given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GigFilter {
    pub project: Option<ProjectId>,
    pub employers: Option<Vec<EmployerId>>,
    /// Empty: every state.
    pub states: Vec<GigState>,
    /// Only gigs on or after this day.
    pub from: Option<Date>,
}

#[async_trait]
pub trait GigStore: Send + Sync {
    /// Stores a new gig and appends `audit`, in one transaction.
    async fn insert_gig(&self, g: &Gig, audit: &AuditEvent) -> Result<()>;
    /// The gig (no personal data: not audited).
    async fn get_gig(&self, id: GigId) -> Result<Option<Gig>>;
    /// Writes `g` (whose `version` is the new version) if the stored version is `expected`
    /// (`Conflict { current }` otherwise), and appends `audit`, in one transaction.
    async fn update_gig(&self, g: &Gig, expected: i64, audit: &AuditEvent) -> Result<()>;
    /// Gigs matching the filter, soonest first.
    async fn list_gigs(&self, filter: &GigFilter) -> Result<Vec<Gig>>;
    /// The placements (offers) of a gig, oldest first; one audit entry per hit, `audit.subject`
    /// being filled in with each hit's participant.
    async fn gig_placements(&self, gig: GigId, audit: &AuditEvent) -> Result<Vec<Placement>>;
}
