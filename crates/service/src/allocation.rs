//! Sharing scarce trial places fairly, from stored data (issue 11, item 7): a coordinator or
//! manager chooses trial openings and participants looking for a trial; the engine's exact
//! allocation (`polku_matching::api::allocate_explained`) is run on the input that matching
//! builds from the stored employers, tasks and openings (`matching.rs`), and answered as an
//! [`AllocationView`] beside the "first come, first served" assignment. Participants are shown
//! pseudonymously ("Participant 3", as candidates are, `candidates.rs`); a manager gets no
//! explanation per person (docs/SECURITY.md, *Allocation*). Nothing is stored until someone
//! accepts the assignment shown, and an answer that changed since is refused.

mod accept;
mod build;
mod view;

pub use accept::{Acceptance, ProposalOutcome};

pub use view::{
    AllocationChoices, AllocationView, Detail, Greedy, NoPlace, OpeningChoice, OpeningResult,
    PersonChoice, PersonResult, Placed, PlacedExplanation, Pseudonym, Selection, LOOKING_FOR_TRIAL,
};

use crate::audit::AuditEvent;
use crate::authz::{self, Access};
use crate::matching::{off_thread, participant_input};
use crate::store::PlacementFilter;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{
    DomainError, OpeningId, OpeningKind, ParticipantId, PathStage, PlacementState, ProjectId,
};
use polku_matching::api;
use polku_matching::input as mi;
use std::collections::{BTreeMap, BTreeSet};
use time::{Date, OffsetDateTime};

/// The placements that hold a place or a person now.
const OPEN: [PlacementState; 4] = [
    PlacementState::Prepared,
    PlacementState::Proposed,
    PlacementState::Agreed,
    PlacementState::Active,
];

fn is_trial(kind: OpeningKind) -> bool {
    matches!(kind, OpeningKind::WorkTrial | OpeningKind::EducationTrial)
}

fn invalid(field: &'static str, reason: &str) -> ServiceError {
    ServiceError::Invalid(DomainError::Invalid {
        field,
        reason: reason.to_owned(),
    })
}

impl Service {
    /// The projects where the actor may share trial places, by name.
    pub async fn allocation_projects(&self, actor: &Actor) -> Result<Vec<polku_domain::Project>> {
        let mut out: Vec<_> = self
            .store()
            .list_projects()
            .await?
            .into_iter()
            .filter(|p| authz::may_allocate(actor, p.id) && !actor.is_system())
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// The project's trial openings (not yet ended) and participants looking for a trial.
    /// Listing the participants is audited per hit (purpose `matching`).
    pub async fn allocation_choices(
        &self,
        actor: &Actor,
        project: ProjectId,
        today: Date,
    ) -> Result<AllocationChoices> {
        if !authz::may_allocate(actor, project) {
            return Err(ServiceError::NotFound);
        }
        let names: BTreeMap<_, _> = self
            .employers(actor, project)
            .await?
            .into_iter()
            .map(|e| (e.id, e.name))
            .collect();
        // Places already taken, and people already placed or proposed somewhere.
        let audit = AuditEvent::new(actor, "participant", None, "list_placements", "matching")?;
        let filter = PlacementFilter {
            project: Some(project),
            states: OPEN.to_vec(),
            ..Default::default()
        };
        let open = self.store().list_placements(&filter, &audit).await?;
        let mut taken: BTreeMap<OpeningId, u16> = BTreeMap::new();
        for p in &open {
            if let Some(o) = p.opening_id {
                *taken.entry(o).or_default() += 1;
            }
        }
        let busy: BTreeSet<ParticipantId> = open.iter().map(|p| p.participant_id).collect();
        let mut openings: Vec<OpeningChoice> = self
            .store()
            .list_project_openings(project)
            .await?
            .into_iter()
            .filter(|o| is_trial(o.kind) && o.ends_on.is_none_or(|end| end >= today))
            .filter_map(|o| {
                let free = o
                    .capacity
                    .saturating_sub(taken.get(&o.id).copied().unwrap_or(0));
                (free > 0).then_some(())?;
                Some(OpeningChoice {
                    id: o.id,
                    employer: names.get(&o.employer_id)?.clone(),
                    title: o.title,
                    kind: o.kind,
                    capacity: free,
                })
            })
            .collect();
        openings.sort_by(|a, b| (&a.employer, &a.title, a.id).cmp(&(&b.employer, &b.title, b.id)));
        let list_audit = AuditEvent::new(actor, "participant", None, "list_hit", "matching")?;
        let mut people: Vec<_> = self
            .store()
            .list_participants(project, None, &list_audit)
            .await?
            .into_iter()
            .filter_map(|s| {
                let stage = PathStage::parse(&s.stage).ok()?;
                (LOOKING_FOR_TRIAL.contains(&stage) && !busy.contains(&s.id)).then_some((
                    s.waiting_since,
                    s.id,
                    stage,
                ))
            })
            .collect();
        people.sort();
        let mut out = Vec::with_capacity(people.len());
        for (i, (waiting_since, id, stage)) in people.into_iter().enumerate() {
            out.push(PersonChoice {
                id,
                label: Pseudonym {
                    number: i + 1,
                    name: self.shared_name(actor, id).await?,
                },
                stage,
                waiting_since,
            });
        }
        Ok(AllocationChoices {
            openings,
            people: out,
        })
    }

    /// A name the viewer may see through an active share that includes contact details.
    async fn shared_name(&self, actor: &Actor, id: ParticipantId) -> Result<Option<String>> {
        let Some(scope) = self.store().participant_scope(id).await? else {
            return Ok(None);
        };
        let shares = self.store().shares_for(id).await?;
        let consents = self.store().consents_for(id).await?;
        let access = authz::participant_access(actor, &scope, &shares, &consents, now());
        if !matches!(access, Access::Categories(ref c) if c.contains(&polku_domain::DataCategory::Contact))
        {
            return Ok(None);
        }
        let s = self.shared_participant(actor, id, "matching").await?;
        Ok(match (s.given_name, s.family_name) {
            (Some(g), Some(f)) => Some(format!("{g} {f}")),
            _ => None,
        })
    }

    /// The optimal assignment of the chosen people to the chosen openings. Every chosen person
    /// must be looking for a trial and every opening a current trial opening of the project;
    /// each person's read is audited (purpose `matching`) before the engine runs.
    pub async fn allocation(
        &self,
        actor: &Actor,
        project: ProjectId,
        selection: &Selection,
        today: Date,
    ) -> Result<AllocationView> {
        let choices = self.allocation_choices(actor, project, today).await?;
        let chosen_openings: BTreeSet<OpeningId> = selection.openings.iter().copied().collect();
        let chosen_people: BTreeSet<ParticipantId> =
            selection.participants.iter().copied().collect();
        if chosen_openings.is_empty() {
            return Err(invalid("openings", "choose at least one opening"));
        }
        if chosen_people.is_empty() {
            return Err(invalid("participants", "choose at least one participant"));
        }
        let openings: Vec<&OpeningChoice> = choices
            .openings
            .iter()
            .filter(|o| chosen_openings.contains(&o.id))
            .collect();
        if openings.len() != chosen_openings.len() {
            return Err(invalid(
                "openings",
                "each opening must be a current trial opening of the project",
            ));
        }
        let people: Vec<&PersonChoice> = choices
            .people
            .iter()
            .filter(|p| chosen_people.contains(&p.id))
            .collect();
        if people.len() != chosen_people.len() {
            return Err(invalid(
                "participants",
                "each participant must be in the project and looking for a trial",
            ));
        }
        // The engine's input, built as matching builds it, with only the chosen openings and
        // their free places.
        let free: BTreeMap<String, u16> = openings
            .iter()
            .map(|o| (o.id.to_string(), o.capacity))
            .collect();
        let mut employers = self.employers_input(actor, project).await?;
        for e in &mut employers {
            e.openings.retain(|o| free.contains_key(&o.id));
            for o in &mut e.openings {
                o.capacity = free[&o.id];
            }
        }
        employers.retain(|e| !e.openings.is_empty());
        let mut participants = Vec::with_capacity(people.len());
        for p in &people {
            let audit = AuditEvent::new(
                actor,
                "participant",
                Some(p.id.to_string()),
                "read",
                "matching",
            )?;
            let Some((rec, Some(wrapped))) = self.store().get_participant(p.id, &audit).await?
            else {
                return Err(ServiceError::NotFound); // erased meanwhile
            };
            participants.push(participant_input(
                &self.open_view(&rec, Some(&wrapped))?,
                today,
            ));
        }
        let mut input = mi::Input {
            schema: None,
            participants,
            employers,
            accommodations: None,
            allocation: None,
        };
        crate::matching::fit_languages(&mut input);
        let answer = off_thread(move || api::allocate_explained(&input, today)).await?;
        let detail = if authz::allocation_explained(actor, project) {
            Detail::PerPerson
        } else {
            Detail::Aggregate
        };
        let mut view = build::build_view(detail, &openings, &people, &answer)?;
        view.may_accept = authz::may_accept_allocation(actor, project);
        Ok(view)
    }
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}
