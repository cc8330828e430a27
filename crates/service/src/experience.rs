//! A participant's work experience: the completed placements (work trials, jobs,
//! apprenticeships and gigs), with the employer, tasks, dates and hours.

use crate::{Actor, Result, Service};
use polku_domain::{GigHours, OpeningKind, ParticipantId, PlacementState};
use time::Date;

/// One completed placement as work experience.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkExperience {
    pub kind: OpeningKind,
    pub employer: String,
    pub tasks: Vec<String>,
    pub from: Date,
    pub to: Option<Date>,
    /// A gig's hours actually worked.
    pub gig_hours: Option<GigHours>,
    pub hours_per_day: u8,
    pub days_per_week: u8,
}

impl Service {
    /// The participant's completed placements, newest first: for the coach and the participant
    /// (the same access as [`Service::participant_placements`]).
    pub async fn work_experience(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> Result<Vec<WorkExperience>> {
        Ok(self
            .participant_placements(actor, participant)
            .await?
            .into_iter()
            .filter(|v| v.placement.state == PlacementState::Completed)
            .map(|v| WorkExperience {
                kind: v.placement.kind,
                employer: v.employer_name,
                tasks: v.tasks.into_iter().map(|(_, title, _)| title).collect(),
                from: v.placement.starts_on,
                to: v.placement.ended_on.or(v.placement.ends_on),
                gig_hours: v.placement.gig_hours,
                hours_per_day: v.placement.hours_per_day,
                days_per_week: v.placement.days_per_week,
            })
            .collect())
    }
}
