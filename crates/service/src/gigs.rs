//! Gigs for small employers (keikkatyö): an employer user or a coordinator posts a gig (date,
//! start, hours, place, the employer's tasks, places); coaches see the suitable participants of
//! their caseload, ranked by the same engine as openings and within the same hard limits; the
//! coach offers the gig as a placement of kind gig (consent rules as for any proposal); the
//! employer answers as for any proposal; the result (done with the actual hours, or did not
//! happen) completes the placement, and shows as the participant's work experience.

use crate::audit::AuditEvent;
use crate::authz::{self, PlacementRole};
use crate::candidates::Candidate;
use crate::matching::employer_input;
use crate::placements::{rule, NewPlacement, PlacementView};
use crate::store::{GigFilter, PlacementScope, PlacementSideEffects};
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{
    EmployerId, Gig, GigHours, GigId, GigState, MunicipalityCode, OpeningKind, ParticipantId,
    Placement, PlacementId, PlacementState, ProjectId, Role, TaskId,
};
use polku_matching::input as mi;
use time::{Date, OffsetDateTime, Time};

const PURPOSE: &str = "placement";

/// A gig as the employer user or coordinator posts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGig {
    pub employer: EmployerId,
    pub on: Date,
    pub starts_at: Time,
    pub hours: GigHours,
    /// `None`: the employer's (first) municipality.
    pub municipality: Option<MunicipalityCode>,
    pub place: String,
    pub tasks: Vec<TaskId>,
    pub places: u8,
}

/// A gig with the names a page shows next to it, and the offers the viewer may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GigView {
    pub gig: Gig,
    pub employer_name: String,
    /// The tasks as (id, title), in the gig's order.
    pub tasks: Vec<(TaskId, String)>,
    /// Offers (placements of kind gig) the viewer has a role in.
    pub offers: Vec<PlacementView>,
    /// The viewer may offer it (a coach of the project) and see the suitable participants.
    pub may_offer: bool,
    /// The viewer may cancel it now (an employer user of the employer or a coordinator of the
    /// project, while it is open or filled).
    pub may_cancel: bool,
}

/// A suitable participant for a gig.
#[derive(Debug, Clone, PartialEq)]
pub struct GigCandidate {
    pub candidate: Candidate,
    /// The coach's own participant, by id and name; `None` for a coordinator (pseudonymous).
    pub participant: Option<(ParticipantId, String)>,
}

/// The result of a gig as the coach (or the employer) records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GigResult {
    /// Done, with the hours actually worked.
    Done(GigHours),
    /// Did not happen, with the reason.
    DidNotHappen(String),
}

/// The engine's id of the opening built from a gig.
fn opening_key(id: GigId) -> String {
    format!("gig:{id}")
}

impl Service {
    /// Posts a gig for an employer: an employer user for an employer they represent, or a
    /// coordinator of the employer's project. Anyone else: not found.
    pub async fn post_gig(&self, actor: &Actor, new: NewGig, today: Date) -> Result<Gig> {
        let employer = self
            .store()
            .get_employer(new.employer)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let mine = self.represented(actor).await?;
        if !authz::may_post_gig(actor, employer.project_id, employer.id, &mine) {
            return Err(ServiceError::NotFound);
        }
        let inventory = self.store().list_tasks(employer.id).await?;
        let mut tasks = new.tasks;
        tasks.dedup();
        if tasks.iter().any(|t| !inventory.iter().any(|k| k.id == *t)) {
            return Err(rule("tasks", "task_not_at_employer"));
        }
        let municipality = match new.municipality {
            Some(m) => m,
            None => employer
                .municipalities
                .first()
                .cloned()
                .ok_or(rule("municipality", "gig_municipality_required"))?,
        };
        let posted_by = actor
            .user_id()
            .or(employer.coordinator_id)
            .ok_or(ServiceError::Forbidden)?;
        let g = Gig {
            id: GigId::new(),
            project_id: employer.project_id,
            employer_id: employer.id,
            posted_by,
            on: new.on,
            starts_at: new.starts_at,
            hours: new.hours,
            municipality,
            place: new.place.trim().to_owned(),
            tasks,
            places: new.places,
            state: GigState::Open,
            created_at: {
                // Microseconds, as both databases keep them.
                let now = OffsetDateTime::now_utc();
                now.replace_nanosecond(now.microsecond() * 1000)
                    .unwrap_or(now)
            },
            version: 1,
        };
        g.validate(today)?;
        let audit = AuditEvent::new(
            actor,
            "employer",
            Some(employer.id.to_string()),
            &format!("gig_posted:{}", g.id),
            "employer_cooperation",
        )?;
        self.store().insert_gig(&g, &audit).await?;
        Ok(g)
    }

    /// Open gigs of a project from today on: for its coaches and coordinators.
    pub async fn open_gigs(
        &self,
        actor: &Actor,
        project: ProjectId,
        today: Date,
    ) -> Result<Vec<GigView>> {
        if !(actor.is_system()
            || actor.has(Role::Coach, project)
            || actor.has(Role::Coordinator, project))
        {
            return Err(ServiceError::NotFound);
        }
        let filter = GigFilter {
            project: Some(project),
            states: vec![GigState::Open],
            from: Some(today),
            ..Default::default()
        };
        let mut out = Vec::new();
        for g in self.store().list_gigs(&filter).await? {
            out.push(self.gig_view(actor, g, false).await?);
        }
        Ok(out)
    }

    /// Every gig of the employers the signed-in employer user represents, soonest first.
    pub async fn my_gigs(&self, actor: &Actor) -> Result<Vec<GigView>> {
        let mine = self.represented(actor).await?;
        if mine.is_empty() {
            return Ok(Vec::new());
        }
        let filter = GigFilter {
            employers: Some(mine),
            ..Default::default()
        };
        let mut out = Vec::new();
        for g in self.store().list_gigs(&filter).await? {
            out.push(self.gig_view(actor, g, false).await?);
        }
        Ok(out)
    }

    /// The gigs the actor works with: the open gigs of every project where they coach or
    /// coordinate, and every gig of the employers they represent as an employer user.
    pub async fn gigs_for(&self, actor: &Actor, today: Date) -> Result<Vec<GigView>> {
        let mut projects: Vec<ProjectId> = match actor {
            Actor::User { grants, .. } => grants
                .iter()
                .filter(|g| matches!(g.role, Role::Coach | Role::Coordinator))
                .filter_map(|g| g.project)
                .collect(),
            Actor::System { .. } => Vec::new(),
        };
        projects.sort();
        projects.dedup();
        let mut out = self.my_gigs(actor).await?;
        for p in projects {
            for v in self.open_gigs(actor, p, today).await? {
                if !out.iter().any(|o| o.gig.id == v.gig.id) {
                    out.push(v);
                }
            }
        }
        out.sort_by(|a, b| {
            (a.gig.on, a.gig.starts_at, a.gig.id).cmp(&(b.gig.on, b.gig.starts_at, b.gig.id))
        });
        Ok(out)
    }

    /// The employers the actor may post gigs for, as (id, name), by name: those they represent
    /// as an employer user and those of the projects they coordinate.
    pub async fn gig_employers(&self, actor: &Actor) -> Result<Vec<(EmployerId, String)>> {
        let mut out = Vec::new();
        for id in self.represented(actor).await? {
            if let Some(e) = self.store().get_employer(id).await? {
                if actor.has(Role::Employer, e.project_id) {
                    out.push((e.id, e.name));
                }
            }
        }
        if let Actor::User { grants, .. } = actor {
            for project in grants
                .iter()
                .filter(|g| g.role == Role::Coordinator)
                .filter_map(|g| g.project)
            {
                for e in self.store().list_employers(project).await? {
                    if !out.iter().any(|(id, _)| *id == e.id) {
                        out.push((e.id, e.name));
                    }
                }
            }
        }
        out.sort_by(|a, b| a.1.cmp(&b.1));
        Ok(out)
    }

    /// The tasks of an employer the actor may post gigs for, as (id, title).
    pub async fn gig_tasks(
        &self,
        actor: &Actor,
        employer: EmployerId,
    ) -> Result<Vec<(TaskId, String)>> {
        let e = self
            .store()
            .get_employer(employer)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let mine = self.represented(actor).await?;
        if !authz::may_post_gig(actor, e.project_id, e.id, &mine) {
            return Err(ServiceError::NotFound);
        }
        Ok(self
            .store()
            .list_tasks(employer)
            .await?
            .into_iter()
            .map(|t| (t.id, t.title))
            .collect())
    }

    /// One gig with its offers (those the viewer has a role in).
    pub async fn gig(&self, actor: &Actor, id: GigId) -> Result<GigView> {
        let g = self.visible_gig(actor, id).await?;
        self.gig_view(actor, g, true).await
    }

    /// The suitable participants for a gig, ranked by the engine within the hard limits
    /// (municipality and commuting, day/evening/night/weekend, functioning, languages, days):
    /// a coach sees those of their own caseload by name, a coordinator every candidate
    /// pseudonymously (R13). A gig is one-off work, so the weekly minimum hours wished for do
    /// not exclude anyone; the weekly maximum does.
    pub async fn gig_candidates(
        &self,
        actor: &Actor,
        id: GigId,
        top: usize,
        today: Date,
    ) -> Result<Vec<GigCandidate>> {
        let g = self.visible_gig(actor, id).await?;
        if !authz::may_see_candidates(actor, g.project_id) {
            return Err(ServiceError::NotFound);
        }
        let ranked = self.rank_for_gig(actor, &g, top, today).await?;
        let uid = actor.user_id();
        let coach = actor.has(Role::Coach, g.project_id);
        let coordinator = actor.is_system() || actor.has(Role::Coordinator, g.project_id);
        let mut out = Vec::new();
        for (pid, mut candidate) in ranked {
            let scope = self.store().participant_scope(pid).await?;
            let own = coach && uid.is_some() && scope.as_ref().and_then(|s| s.coach_id) == uid;
            if own {
                let name = candidate.shared.as_ref().map_or_else(String::new, |s| {
                    format!(
                        "{} {}",
                        s.given_name.clone().unwrap_or_default(),
                        s.family_name.clone().unwrap_or_default()
                    )
                    .trim()
                    .to_owned()
                });
                out.push(GigCandidate {
                    candidate,
                    participant: Some((pid, name)),
                });
            } else if coordinator {
                candidate.shared = None;
                out.push(GigCandidate {
                    candidate,
                    participant: None,
                });
            }
        }
        for (i, c) in out.iter_mut().enumerate() {
            c.candidate.rank = i + 1;
        }
        Ok(out)
    }

    /// The participant's coach offers a gig: a placement of kind gig for the gig's day, hours
    /// and tasks, proposed to the employer at once (consent to disclose to employers needed, as
    /// for any proposal). The gig must be open and the participant suitable for it.
    pub async fn offer_gig(
        &self,
        actor: &Actor,
        id: GigId,
        participant: ParticipantId,
        today: Date,
    ) -> Result<Placement> {
        let g = self.visible_gig(actor, id).await?;
        let scope = self
            .store()
            .participant_scope(participant)
            .await?
            .filter(|s| s.project_id == g.project_id)
            .ok_or(ServiceError::NotFound)?;
        if actor.is_system() || !authz::may_edit_participant(actor, &scope) {
            return Err(ServiceError::NotFound);
        }
        if g.state != GigState::Open {
            return Err(rule("gig", "gig_not_open"));
        }
        if g.on < today {
            return Err(rule("gig", "gig_date_in_past"));
        }
        let audit = AuditEvent::new(actor, "participant", None, "list_gig_offers", PURPOSE)?;
        let offers = self.store().gig_placements(g.id, &audit).await?;
        if offers
            .iter()
            .any(|p| p.participant_id == participant && p.state.is_open())
        {
            return Err(rule("participant", "gig_already_offered"));
        }
        let suitable = self.rank_for_gig(actor, &g, 10_000, today).await?;
        if !suitable.iter().any(|(p, _)| *p == participant) {
            return Err(rule("participant", "gig_not_suitable"));
        }
        self.propose_placement(
            actor,
            NewPlacement {
                participant,
                employer: g.employer_id,
                opening: None,
                kind: OpeningKind::Gig,
                pay_subsidy: false,
                tasks: g.tasks.clone(),
                starts_on: g.on,
                ends_on: Some(g.on),
                hours_per_day: g.hours.whole_hours_up().clamp(1, 12),
                days_per_week: 1,
                mentor: None,
                categories: None,
                gig: Some(g.id),
            },
        )
        .await
    }

    /// Records a gig's result on its placement: done with the hours actually worked (the
    /// placement completes), or did not happen with a reason (it is interrupted). The
    /// participant's coach or an employer user of the employer records it, on or after the
    /// gig's day, once the employer has said yes.
    pub async fn record_gig_result(
        &self,
        actor: &Actor,
        placement: PlacementId,
        result: GigResult,
        expected: i64,
        today: Date,
    ) -> Result<Placement> {
        let scope = self
            .store()
            .placement_scope(placement)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let role = self.role_in(actor, &scope).await?;
        if !matches!(role, PlacementRole::Coach | PlacementRole::Employer) {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(scope.participant_id.to_string()),
            &format!("read_placement:{placement}"),
            PURPOSE,
        )?;
        let mut p = self
            .store()
            .get_placement(placement, &audit)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let Some(gig_id) = p.gig_id else {
            return Err(rule("placement", "not_a_gig"));
        };
        if !matches!(p.state, PlacementState::Agreed | PlacementState::Active) {
            return Err(rule("state", "placement_state_move_not_allowed"));
        }
        if today < p.starts_on {
            return Err(rule("result", "gig_result_before_the_day"));
        }
        let mut effects = PlacementSideEffects::default();
        let action = match result {
            GigResult::Done(hours) => {
                p.state = PlacementState::Completed;
                p.gig_hours = Some(hours);
                p.end_reason = None;
                "placement_completed"
            }
            GigResult::DidNotHappen(reason) => {
                let reason = reason.trim().to_owned();
                if reason.is_empty() {
                    return Err(rule("reason", "ending_needs_reason"));
                }
                if reason.chars().count() > 2000 {
                    return Err(rule("reason", "text_too_long"));
                }
                p.state = PlacementState::Interrupted;
                p.gig_hours = None;
                p.end_reason = Some(reason);
                effects.revoke_shares = true;
                "placement_interrupted"
            }
        };
        p.ended_on = Some(p.starts_on);
        p.version = expected + 1;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(p.participant_id.to_string()),
            &format!("gig_result_{action}:{}", p.id),
            PURPOSE,
        )?;
        self.store()
            .update_placement(&p, expected, &effects, &audit)
            .await?;
        self.refresh_gig(actor, gig_id, today).await?;
        Ok(p)
    }

    /// Cancels an open or filled gig (the employer's users or a coordinator). Offers still
    /// waiting for an answer are left to their coaches to withdraw.
    pub async fn cancel_gig(&self, actor: &Actor, id: GigId, expected: i64) -> Result<Gig> {
        let mut g = self.visible_gig(actor, id).await?;
        let mine = self.represented(actor).await?;
        if !authz::may_post_gig(actor, g.project_id, g.employer_id, &mine) {
            return Err(ServiceError::NotFound);
        }
        if !matches!(g.state, GigState::Open | GigState::Filled) {
            return Err(rule("state", "gig_not_open"));
        }
        g.state = GigState::Cancelled;
        self.write_gig(actor, g, expected, "gig_cancelled").await
    }

    /// After an answer or a result: a gig whose places all have a yes is filled; one whose day
    /// has come and whose offers have all ended, with at least one done, is done.
    pub(crate) async fn refresh_gig(&self, actor: &Actor, id: GigId, today: Date) -> Result<()> {
        let Some(g) = self.store().get_gig(id).await? else {
            return Ok(());
        };
        if !matches!(g.state, GigState::Open | GigState::Filled) {
            return Ok(());
        }
        let audit = AuditEvent::new(actor, "participant", None, "list_gig_offers", PURPOSE)?;
        let offers = self.store().gig_placements(id, &audit).await?;
        let taken = offers.iter().filter(|p| p.state.counts()).count();
        let all_ended = offers.iter().all(|p| !p.state.is_open());
        let done = offers.iter().any(|p| p.state == PlacementState::Completed);
        let to = if g.on <= today && all_ended && done {
            GigState::Done
        } else if taken >= usize::from(g.places) {
            GigState::Filled
        } else {
            GigState::Open
        };
        if to != g.state {
            let expected = g.version;
            let action = format!("gig_{}", to.as_str());
            self.write_gig(actor, Gig { state: to, ..g }, expected, &action)
                .await?;
        }
        Ok(())
    }

    // Helpers.

    async fn write_gig(
        &self,
        actor: &Actor,
        mut g: Gig,
        expected: i64,
        action: &str,
    ) -> Result<Gig> {
        g.version = expected + 1;
        let audit = AuditEvent::new(
            actor,
            "employer",
            Some(g.employer_id.to_string()),
            &format!("{action}:{}", g.id),
            "employer_cooperation",
        )?;
        self.store().update_gig(&g, expected, &audit).await?;
        Ok(g)
    }

    /// The employers the actor represents as an employer user (empty for anyone else).
    async fn represented(&self, actor: &Actor) -> Result<Vec<EmployerId>> {
        match actor.user_id() {
            Some(u) => self.store().employers_of_user(u).await,
            None => Ok(Vec::new()),
        }
    }

    /// The gig when the actor may see it; not found otherwise.
    async fn visible_gig(&self, actor: &Actor, id: GigId) -> Result<Gig> {
        let mine = self.represented(actor).await?;
        match self.store().get_gig(id).await? {
            Some(g) if authz::may_see_gig(actor, g.project_id, g.employer_id, &mine) => Ok(g),
            _ => {
                self.audit_denied(actor, "gig", &id.to_string(), "read", "placement")
                    .await?;
                Err(ServiceError::NotFound)
            }
        }
    }

    /// Ranks the project's participants for the gig with the engine: the gig is one opening
    /// of kind gig at its municipality, made of its tasks done on its schedule for its hours.
    async fn rank_for_gig(
        &self,
        actor: &Actor,
        g: &Gig,
        top: usize,
        today: Date,
    ) -> Result<Vec<(ParticipantId, Candidate)>> {
        let employer = self
            .store()
            .get_employer(g.employer_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let inventory = self.store().list_tasks(g.employer_id).await?;
        let tasks: Vec<polku_domain::Task> = inventory
            .into_iter()
            .filter(|t| g.tasks.contains(&t.id))
            .collect();
        if tasks.is_empty() {
            return Ok(Vec::new());
        }
        // The gig's hours spread over its tasks (at least one hour each), all on one day, on
        // the gig's schedule.
        let n = u8::try_from(tasks.len()).unwrap_or(u8::MAX);
        let per_task = g.hours.whole_hours_up().div_ceil(n).max(1);
        let schedule = g.schedule();
        let tasks: Vec<polku_domain::Task> = tasks
            .into_iter()
            .map(|t| polku_domain::Task {
                hours_per_week: per_task,
                days_per_week: 1,
                schedule,
                municipality: g.municipality.clone(),
                ..t
            })
            .collect();
        let opening = polku_domain::Opening {
            id: polku_domain::OpeningId(g.id.0),
            employer_id: g.employer_id,
            kind: OpeningKind::Gig,
            title: String::new(),
            tasks: tasks.iter().map(|t| t.id).collect(),
            municipality: g.municipality.clone(),
            capacity: u16::from(g.places),
            monthly_wage_eur: None,
            starts_on: Some(g.on),
            ends_on: Some(g.on),
            version: 1,
        };
        let Some(mut employer_in) = employer_input(&employer, tasks, vec![opening]) else {
            return Ok(Vec::new());
        };
        let key = opening_key(g.id);
        if let Some(o) = employer_in.openings.first_mut() {
            o.id.clone_from(&key);
        }
        let hours = per_task.saturating_mul(n);
        self.rank_for_opening(
            actor,
            g.project_id,
            (employer_in, key),
            top,
            today,
            move |p: &mut mi::Participant| {
                p.hours_per_week.min = p.hours_per_week.min.min(hours);
            },
        )
        .await
    }

    async fn gig_view(&self, actor: &Actor, g: Gig, with_offers: bool) -> Result<GigView> {
        let employer = self.store().get_employer(g.employer_id).await?;
        let inventory = self.store().list_tasks(g.employer_id).await?;
        let tasks = g
            .tasks
            .iter()
            .filter_map(|t| inventory.iter().find(|k| k.id == *t))
            .map(|t| (t.id, t.title.clone()))
            .collect();
        let mut offers = Vec::new();
        if with_offers {
            let audit = AuditEvent::new(actor, "participant", None, "list_gig_offers", PURPOSE)?;
            for p in self.store().gig_placements(g.id, &audit).await? {
                let role = self.role_in(actor, &PlacementScope::of(&p)).await?;
                if role != PlacementRole::None {
                    offers.push(self.view_of(actor, p, role).await?);
                }
            }
        }
        let may_cancel = with_offers
            && matches!(g.state, GigState::Open | GigState::Filled)
            && !actor.is_system()
            && authz::may_post_gig(
                actor,
                g.project_id,
                g.employer_id,
                &self.represented(actor).await?,
            );
        Ok(GigView {
            may_offer: !actor.is_system() && actor.has(Role::Coach, g.project_id),
            may_cancel,
            employer_name: employer.map_or_else(String::new, |e| e.name),
            tasks,
            offers,
            gig: g,
        })
    }
}
