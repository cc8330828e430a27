//! Matching against the database: builds the engine's input from stored participants,
//! employers, tasks and openings, and runs the same engine as `polku match --input`.

use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{Employer, ParticipantId, ProjectId};
use polku_matching::api::{match_input, MatchArgs};
use polku_matching::input as mi;
use time::Date;

fn engine_error(e: polku_matching::InputError) -> ServiceError {
    ServiceError::Invalid(polku_domain::DomainError::Invalid {
        field: "matching",
        reason: e.to_string(),
    })
}

/// The employer with its tasks and openings in the engine's shape.
fn employer_input(
    e: &Employer,
    tasks: Vec<polku_domain::Task>,
    openings: Vec<polku_domain::Opening>,
) -> Option<mi::Employer> {
    let municipality = e.municipalities.first()?.clone();
    Some(mi::Employer {
        id: e.id.to_string(),
        name: Some(e.name.clone()),
        municipality,
        mentor_available: e.mentor_available,
        hourly_wage_eur: None,
        tasks: tasks
            .into_iter()
            .map(|t| mi::Task {
                id: t.id.to_string(),
                title: t.title,
                hours_per_week: t.hours_per_week,
                days_per_week: Some(t.days_per_week),
                demands: t.demands.demands,
                skills_essential: t.skills_essential,
                skills_optional: t.skills_optional,
                languages: t.languages,
                learnable_on_job: t.learnable_on_job,
                value: t.value,
                schedule: Some(t.schedule),
                occupation: t.occupation,
            })
            .collect(),
        openings: openings
            .into_iter()
            .map(|o| mi::Opening {
                id: o.id.to_string(),
                title: Some(o.title),
                kind: o.kind,
                municipality: Some(o.municipality),
                capacity: o.capacity,
                tasks: o.tasks.iter().map(ToString::to_string).collect(),
                monthly_wage_eur: o.monthly_wage_eur,
            })
            .collect(),
    })
}

impl Service {
    /// The employers of a project in the engine's shape.
    async fn employers_input(
        &self,
        actor: &Actor,
        project: ProjectId,
    ) -> Result<Vec<mi::Employer>> {
        let mut out = Vec::new();
        for e in self.employers(actor, project).await? {
            let tasks = self.store().list_tasks(e.id).await?;
            let openings = self.store().list_openings(e.id).await?;
            out.extend(employer_input(&e, tasks, openings));
        }
        Ok(out)
    }

    /// Ranked openings of the participant's project for one participant, with explanations.
    /// Needs full access (the functioning profile is used); the read is audited as matching.
    pub async fn match_participant(
        &self,
        actor: &Actor,
        id: ParticipantId,
        top: usize,
        include_excluded: bool,
        today: Date,
    ) -> Result<serde_json::Value> {
        let view = self.get_participant(actor, id, "matching").await?;
        let sensitive = &view.sensitive;
        let p = &view.personal;
        let participant = mi::Participant {
            id: id.to_string(),
            municipality: p.mobility.home.clone(),
            acceptable_municipalities: p.mobility.acceptable.clone(),
            hours_per_week: mi::Hours {
                min: p.availability.hours_per_week.min,
                max: p.availability.hours_per_week.max,
            },
            days_per_week_max: p.availability.days_per_week_max,
            languages: p.languages.clone(),
            skills: p.skills.iter().map(|s| s.skill.clone()).collect(),
            goals: p.goals.clone(),
            capacity: sensitive.functioning.capacity.clone(),
            waiting_days: u32::try_from((today - view.waiting_since).whole_days().max(0))
                .unwrap_or(u32::MAX),
            evenings: p.availability.evenings,
            nights: p.availability.nights,
            weekends: p.availability.weekends,
            reduced_work_ability: p.esf.disability.unwrap_or(false),
        };
        let input = mi::Input {
            schema: None,
            participants: vec![participant],
            employers: self.employers_input(actor, view.project_id).await?,
            accommodations: None,
            allocation: None,
        };
        let args = MatchArgs {
            participant: Some(id.to_string()),
            opening: None,
            top,
            include_excluded,
        };
        match_input(&input, &args, today).map_err(engine_error)
    }
}
