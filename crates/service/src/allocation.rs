//! Sharing scarce trial places fairly, from stored data (issue 11, item 7): a coordinator or
//! manager chooses trial openings and participants looking for a trial; the engine's exact
//! allocation (`polku_matching::api::allocate_explained`) is run on the input that matching
//! builds from the stored employers, tasks and openings (`matching.rs`), and answered as an
//! [`AllocationView`] beside the "first come, first served" assignment. Participants are shown
//! pseudonymously ("Participant 3", as candidates are, `candidates.rs`); a manager gets no
//! explanation per person (docs/SECURITY.md, *Allocation*). Nothing is stored until someone
//! accepts the assignment shown, and an answer that changed since is refused.

mod view;

pub use view::{
    AllocationChoices, AllocationView, Detail, Greedy, NoPlace, OpeningChoice, OpeningResult,
    PersonChoice, PersonResult, Placed, PlacedExplanation, Pseudonym, LOOKING_FOR_TRIAL,
};

use crate::audit::AuditEvent;
use crate::authz::{self, Access};
use crate::matching::{off_thread, participant_input};
use crate::placements::NewPlacement;
use crate::store::PlacementFilter;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{
    DomainError, Opening, OpeningId, OpeningKind, ParticipantId, PathStage, PlacementId,
    PlacementState, ProjectId, Task,
};
use polku_matching::api;
use polku_matching::input as mi;
use polku_matching::output::{AllocationExplained, Ranked, UnplacedReason};
use std::collections::{BTreeMap, BTreeSet};
use time::{Date, OffsetDateTime};

/// What the form sent: the chosen openings and people.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    pub openings: Vec<OpeningId>,
    pub participants: Vec<ParticipantId>,
}

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
        let input = mi::Input {
            schema: None,
            participants,
            employers,
            accommodations: None,
            allocation: None,
        };
        let answer = off_thread(move || api::allocate_explained(&input, today)).await?;
        let detail = if authz::allocation_explained(actor, project) {
            Detail::PerPerson
        } else {
            Detail::Aggregate
        };
        let mut view = build_view(detail, &openings, &people, &answer)?;
        view.may_accept = authz::may_accept_allocation(actor, project);
        Ok(view)
    }

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
    }
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

fn explanation(r: &Ranked) -> PlacedExplanation {
    let mut fits: Vec<&'static str> = r.fits.iter().map(|f| f.why.code()).collect();
    fits.dedup();
    let mut to_check: Vec<_> = r.to_check.iter().map(|c| c.dimension).collect();
    to_check.dedup();
    PlacedExplanation {
        parts: r.explanation.clone(),
        fits,
        to_check,
    }
}

fn limit_code(l: &polku_matching::output::Limits) -> &'static str {
    use polku_matching::output::Limits as L;
    match l {
        L::Functioning { .. } => "functioning",
        L::Language { .. } => "language",
        L::Hours { .. } => "hours",
        L::Days { .. } => "days",
        L::Schedule { .. } => "schedule",
        L::Municipality { .. } => "municipality",
    }
}

/// The view of the engine's answer, with participants by pseudonym.
fn build_view(
    detail: Detail,
    openings: &[&OpeningChoice],
    people: &[&PersonChoice],
    a: &AllocationExplained,
) -> Result<AllocationView> {
    let per_person = detail == Detail::PerPerson;
    let label: BTreeMap<String, &PersonChoice> =
        people.iter().map(|p| (p.id.to_string(), *p)).collect();
    let person = |id: &str| {
        label
            .get(id)
            .copied()
            .ok_or(ServiceError::Internal("allocation"))
    };
    let explained: BTreeMap<&str, &Ranked> = a
        .explained
        .iter()
        .map(|r| (r.participant.as_str(), r))
        .collect();
    let mut results: Vec<OpeningResult> = openings
        .iter()
        .map(|o| OpeningResult {
            opening: (*o).clone(),
            placed: Vec::new(),
        })
        .collect();
    let mut placed_in: BTreeMap<ParticipantId, OpeningId> = BTreeMap::new();
    let mut parts = Vec::new();
    for x in &a.allocation.assignments {
        let p = person(&x.participant)?;
        let o = OpeningId::parse(&x.opening)?;
        placed_in.insert(p.id, o);
        let ranked = explained.get(x.participant.as_str());
        parts.extend(ranked.map(|r| r.parts));
        if let Some(r) = results.iter_mut().find(|r| r.opening.id == o) {
            r.placed.push(Placed {
                participant: p.id,
                label: p.label.clone(),
                score: x.score,
                fairness_bonus: x.fairness_bonus,
                explanation: ranked.filter(|_| per_person).map(|r| explanation(r)),
            });
        }
    }
    for r in &mut results {
        r.placed.sort_by_key(|p| p.label.number);
    }
    let why: BTreeMap<&str, &UnplacedReason> = a
        .unplaced
        .iter()
        .map(|u| (u.participant.as_str(), &u.reason))
        .collect();
    let mut results_people = Vec::with_capacity(people.len());
    for p in people {
        let id = p.id.to_string();
        let no_place = why.get(id.as_str()).map(|r| match r {
            UnplacedReason::NoFit { excluded } => {
                let mut limits: Vec<&'static str> = if per_person {
                    excluded
                        .iter()
                        .flat_map(|e| e.excluded_by.iter().map(|l| limit_code(&l.limit)))
                        .collect()
                } else {
                    Vec::new()
                };
                limits.sort_unstable();
                limits.dedup();
                NoPlace::NoFit { limits }
            }
            UnplacedReason::PlacesTaken { feasible } => NoPlace::PlacesTaken {
                feasible: feasible.len(),
            },
        });
        results_people.push(PersonResult {
            participant: p.id,
            label: p.label.clone(),
            opening: placed_in.get(&p.id).copied(),
            no_place,
        });
    }
    let greedy_in: BTreeMap<&str, &str> = a
        .greedy
        .assignments
        .iter()
        .map(|x| (x.participant.as_str(), x.opening.as_str()))
        .collect();
    let differs = people
        .iter()
        .filter(|p| {
            let id = p.id.to_string();
            let optimal = placed_in.get(&p.id).map(ToString::to_string);
            optimal.as_deref() != greedy_in.get(id.as_str()).copied()
        })
        .count();
    let fingerprint = view::fingerprint(&results, &results_people);
    Ok(AllocationView {
        detail,
        openings: results,
        people: results_people,
        total: a.allocation.objective,
        total_micro: a.allocation.objective_micro,
        fairness_weight: a.allocation.fairness_weight,
        placed: a.allocation.assignments.len(),
        average_parts: if per_person || parts.len() >= view::MIN_AGGREGATE {
            view::average(&parts)
        } else {
            None
        },
        greedy: Greedy {
            total: a.greedy.objective,
            total_micro: a.greedy.objective_micro,
            placed: a.greedy.assignments.len(),
            differs,
        },
        fingerprint,
        may_accept: false,
    })
}
