//! Accepting an allocation: the decision recorded and one proposal prepared per placed person.

use super::view::{AllocationView, Pseudonym, Selection};
use crate::audit::AuditEvent;
use crate::authz;
use crate::placements::NewPlacement;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{
    DomainError, Opening, OpeningId, OpeningKind, ParticipantId, PlacementId, ProjectId, Task,
};
use std::collections::BTreeMap;
use time::Date;

/// The answer to accepting an assignment.
#[derive(Debug, Clone, PartialEq)]
pub enum Acceptance {
    /// Recorded: the audited decision, and a proposal prepared per placed person (or why not).
    Recorded { proposals: Vec<ProposalOutcome> },
    /// The assignment computed now differs from the one shown; nothing was recorded.
    Changed(Box<AllocationView>),
}

/// What accepting did for one placed person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalOutcome {
    pub participant: ParticipantId,
    pub label: Pseudonym,
    pub opening: OpeningId,
    /// The placement prepared (`prepared`, for the participant's coach to confirm), or the code
    /// of the rule that refused it (`rule-<code>` in the catalogues; `failed` otherwise).
    pub result: std::result::Result<PlacementId, String>,
}

impl Service {
    /// Accepts the assignment shown: computes it again from the same selection and, when it is
    /// still the one whose `shown` fingerprint the page carried, records the decision (an audit
    /// entry with the fingerprint) and prepares one work-trial proposal per placed person
    /// (`Service::propose_placement`, one transaction each; a refusal is reported per person).
    /// A changed answer records nothing and is returned for showing. Coordinators only: a
    /// proposal is theirs to prepare (managers see the assignment but do not accept it).
    pub async fn accept_allocation(
        &self,
        actor: &Actor,
        project: ProjectId,
        selection: &Selection,
        shown: &str,
        today: Date,
    ) -> Result<Acceptance> {
        if !authz::may_accept_allocation(actor, project) {
            return Err(ServiceError::NotFound);
        }
        let view = self.allocation(actor, project, selection, today).await?;
        if view.fingerprint != shown {
            return Ok(Acceptance::Changed(Box::new(view)));
        }
        let decision = AuditEvent::new(
            actor,
            "allocation",
            Some(view.fingerprint.clone()),
            "accept",
            "matching",
        )?;
        self.store().append_audit(&decision).await?;
        let openings: BTreeMap<OpeningId, Opening> = self
            .store()
            .list_project_openings(project)
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
        let tasks: BTreeMap<_, Task> = self
            .store()
            .list_project_tasks(project)
            .await?
            .into_iter()
            .map(|t| (t.id, t))
            .collect();
        let mut proposals = Vec::new();
        for r in &view.openings {
            let Some(o) = openings.get(&r.opening.id) else {
                continue;
            };
            let own: Vec<&Task> = o.tasks.iter().filter_map(|t| tasks.get(t)).collect();
            for p in &r.placed {
                let new = proposal(p.participant, o, &own, today);
                let result = match self.propose_placement(actor, new).await {
                    Ok(placement) => Ok(placement.id),
                    Err(ServiceError::Invalid(DomainError::Rule { rule, .. })) => {
                        Err(rule.to_owned())
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "allocation: a proposal was not prepared");
                        Err("failed".to_owned())
                    }
                };
                proposals.push(ProposalOutcome {
                    participant: p.participant,
                    label: p.label.clone(),
                    opening: o.id,
                    result,
                });
            }
        }
        Ok(Acceptance::Recorded { proposals })
    }
}

/// The proposal for one placed person: the opening's tasks and dates, the days a week of its
/// busiest task (at most five), and its weekly hours spread over them (4–8 hours a day, as the
/// trial law allows). Without dates it starts today and runs three months (a work trial) or ten
/// days (an education trial). The coach confirms or withdraws it.
fn proposal(participant: ParticipantId, o: &Opening, tasks: &[&Task], today: Date) -> NewPlacement {
    let days = tasks
        .iter()
        .map(|t| t.days_per_week)
        .max()
        .unwrap_or(5)
        .clamp(1, 5);
    let hours: u32 = tasks.iter().map(|t| u32::from(t.hours_per_week)).sum();
    let per_day = hours.div_ceil(u32::from(days)).clamp(4, 8) as u8;
    let starts_on = o.starts_on.filter(|d| *d >= today).unwrap_or(today);
    let default_end = if o.kind == OpeningKind::EducationTrial {
        starts_on + time::Duration::days(9)
    } else {
        starts_on + time::Duration::days(90)
    };
    NewPlacement {
        participant,
        employer: o.employer_id,
        opening: Some(o.id),
        kind: o.kind,
        pay_subsidy: false,
        tasks: o.tasks.clone(),
        starts_on,
        ends_on: Some(o.ends_on.filter(|e| *e >= starts_on).unwrap_or(default_end)),
        hours_per_day: per_day,
        days_per_week: days,
        mentor: None,
        categories: None,
        gig: None,
    }
}
