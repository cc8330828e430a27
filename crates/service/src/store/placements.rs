//! The placements area of the storage port: employer users, proposals and placements.

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::{
    EmployerId, ParticipantId, Placement, PlacementId, PlacementState, ProjectId, Share, UserId,
};

/// Which placements to list. Every condition given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlacementFilter {
    pub project: Option<ProjectId>,
    pub participant: Option<ParticipantId>,
    pub employers: Option<Vec<EmployerId>>,
    pub coach: Option<UserId>,
    pub mentor: Option<UserId>,
    /// Empty: every state.
    pub states: Vec<PlacementState>,
}

/// The facts access to a placement depends on (no personal data; read unaudited before the
/// access decision, like `participant_scope`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementScope {
    pub id: PlacementId,
    pub project_id: ProjectId,
    pub participant_id: ParticipantId,
    pub employer_id: EmployerId,
    pub coach_id: UserId,
    pub mentor_id: Option<UserId>,
    pub state: PlacementState,
}

impl PlacementScope {
    pub fn of(p: &Placement) -> Self {
        Self {
            id: p.id,
            project_id: p.project_id,
            participant_id: p.participant_id,
            employer_id: p.employer_id,
            coach_id: p.coach_id,
            mentor_id: p.mentor_id,
            state: p.state,
        }
    }
}

/// What else changes with a placement, in the same transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlacementSideEffects {
    /// Shares to create, linked to the placement (a proposal going out).
    pub new_shares: Vec<Share>,
    /// Revoke every unrevoked share of the placement (declined, withdrawn, ended).
    pub revoke_shares: bool,
    /// Follow-ups to create (a job starting, a trial completed).
    pub new_follow_ups: Vec<polku_domain::FollowUp>,
}

#[async_trait]
pub trait PlacementStore: Send + Sync {
    /// Links an employer user to an employer they represent (idempotent).
    async fn link_employer_user(
        &self,
        user: UserId,
        employer: EmployerId,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// Removes the link; false when there was none (then nothing is audited).
    async fn unlink_employer_user(
        &self,
        user: UserId,
        employer: EmployerId,
        audit: &AuditEvent,
    ) -> Result<bool>;
    /// The employers a user represents (access facts; not audited).
    async fn employers_of_user(&self, user: UserId) -> Result<Vec<EmployerId>>;
    /// The users who represent an employer (access facts; not audited).
    async fn users_of_employer(&self, employer: EmployerId) -> Result<Vec<UserId>>;

    /// Stores a new placement and its side effects, and appends `audit`, in one transaction.
    async fn insert_placement(
        &self,
        p: &Placement,
        effects: &PlacementSideEffects,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// Access facts of a placement (not audited).
    async fn placement_scope(&self, id: PlacementId) -> Result<Option<PlacementScope>>;
    /// The placement; the read is audited in the same transaction.
    async fn get_placement(&self, id: PlacementId, audit: &AuditEvent)
        -> Result<Option<Placement>>;
    /// Writes `p` (whose `version` is the new version) if the stored version is `expected`
    /// (`Conflict { current }` otherwise), with its side effects, in one transaction.
    async fn update_placement(
        &self,
        p: &Placement,
        expected: i64,
        effects: &PlacementSideEffects,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// Placements matching the filter, newest first; one audit entry per hit, `audit.subject`
    /// being filled in with each hit's participant.
    async fn list_placements(
        &self,
        filter: &PlacementFilter,
        audit: &AuditEvent,
    ) -> Result<Vec<Placement>>;
    /// Every placement of a participant, any state (for the trial limits; access facts read in
    /// the same use case as an audited write, so not audited itself).
    async fn placements_of(&self, participant: ParticipantId) -> Result<Vec<Placement>>;
}
