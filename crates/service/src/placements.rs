//! Proposals and placements: a coach proposes a participant to an employer (or a coordinator
//! prepares a proposal that the coach confirms), the employer answers, and the placement runs
//! from agreed to active to ended (`polku_domain::work`).
//!
//! Proposing discloses the participant to the employer's users: it needs a consent in force to
//! employers for every field group it discloses, and it creates the shares (linked to the
//! placement, so a declined or withdrawn proposal revokes them). Who may do what is decided in
//! `authz::placement_role`; every change is version-checked and audited with the purpose
//! `placement`.

use crate::audit::AuditEvent;
use crate::authz::{self, PlacementRole};
use crate::store::{PlacementFilter, PlacementScope, PlacementSideEffects};
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{
    AnswerChannel, DataCategory, DomainError, EmployerAnswer, EmployerId, OpeningId, OpeningKind,
    ParticipantId, Placement, PlacementId, PlacementState, ProjectId, RecipientClass, Role, Share,
    ShareId, TaskId, UserId,
};
use time::{Date, OffsetDateTime};

const PURPOSE: &str = "placement";

/// A proposal as the coach (or a coordinator) makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPlacement {
    pub participant: ParticipantId,
    pub employer: EmployerId,
    pub opening: Option<OpeningId>,
    pub kind: OpeningKind,
    pub pay_subsidy: bool,
    pub tasks: Vec<TaskId>,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    pub hours_per_day: u8,
    pub days_per_week: u8,
    pub mentor: Option<UserId>,
    /// The field groups to disclose to the employer; `None`: every group the participant has
    /// consented to disclosing to employers.
    pub categories: Option<Vec<DataCategory>>,
    /// The posted gig it fills (kind gig only; see `gigs::offer_gig`).
    pub gig: Option<polku_domain::GigId>,
}

/// An answer the employer told the coach (or a coordinator) by phone or e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToldAnswer {
    /// Phone or e-mail (never `Service`).
    pub via: AnswerChannel,
    /// The employer's person who answered.
    pub contact: String,
    /// The day the answer was given.
    pub on: Date,
}

/// A placement with the names a page shows next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementView {
    pub placement: Placement,
    /// How the viewer relates to it (decides what a page offers).
    pub role: PlacementRole,
    pub employer_name: String,
    /// The tasks as (id, title, hours per week), in the placement's order.
    pub tasks: Vec<(TaskId, String, u8)>,
    /// The participant's name when the viewer may see it: the coach and the participant always,
    /// an employer or mentor when the contact details are shared with them.
    pub participant_name: Option<String>,
    pub coach_name: String,
    pub mentor_name: Option<String>,
    pub opening_title: Option<String>,
}

/// An open proposal as a coordinator's list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitingProposal {
    pub placement: Placement,
    pub employer_name: String,
    pub coach_name: String,
    /// Whole days since it was sent (or prepared).
    pub days_waiting: i64,
}

pub(crate) fn rule(field: &'static str, code: &'static str) -> ServiceError {
    ServiceError::Invalid(DomainError::Rule { field, rule: code })
}

fn reason_text(reason: Option<String>) -> Option<String> {
    reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty())
}

impl Service {
    /// Proposes a participant to an employer. The participant's own coach proposes at once (the
    /// employer's users get the shares); a coordinator of the project prepares it for the coach
    /// to confirm. Terms are checked against the law and the participant's earlier placements.
    pub async fn propose_placement(&self, actor: &Actor, new: NewPlacement) -> Result<Placement> {
        let scope = self
            .store()
            .participant_scope(new.participant)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let as_coach = authz::may_edit_participant(actor, &scope) && !actor.is_system();
        let as_coordinator = actor.has(Role::Coordinator, scope.project_id);
        if !(as_coach || as_coordinator || actor.is_system()) {
            return Err(ServiceError::NotFound);
        }
        let Some(coach_id) = scope.coach_id else {
            return Err(rule("participant", "participant_has_no_coach"));
        };
        let employer = self
            .store()
            .get_employer(new.employer)
            .await?
            .filter(|e| e.project_id == scope.project_id)
            .ok_or(rule("employer", "employer_not_in_project"))?;
        let tasks = self.store().list_tasks(employer.id).await?;
        if new.tasks.iter().any(|t| !tasks.iter().any(|k| k.id == *t)) {
            return Err(rule("tasks", "task_not_at_employer"));
        }
        if let Some(o) = new.opening {
            let openings = self.store().list_openings(employer.id).await?;
            if !openings.iter().any(|k| k.id == o) {
                return Err(rule("opening", "opening_not_at_employer"));
            }
        }
        if let Some(m) = new.mentor {
            self.check_mentor(m, scope.project_id).await?;
        }
        let now = OffsetDateTime::now_utc();
        let by = actor.user_id().unwrap_or(coach_id);
        let state = if as_coach || actor.is_system() {
            PlacementState::Proposed
        } else {
            PlacementState::Prepared
        };
        let mut p = Placement {
            id: PlacementId::new(),
            project_id: scope.project_id,
            participant_id: new.participant,
            employer_id: employer.id,
            opening_id: new.opening,
            kind: new.kind,
            pay_subsidy: new.pay_subsidy,
            state,
            tasks: new.tasks,
            starts_on: new.starts_on,
            ends_on: new.ends_on,
            hours_per_day: new.hours_per_day,
            days_per_week: new.days_per_week,
            mentor_id: new.mentor,
            coach_id,
            proposed_by: by,
            proposed_at: None,
            categories: Vec::new(),
            answer: None,
            answer_reason: None,
            answered_at: None,
            answered_by: None,
            answer_via: None,
            answer_contact: None,
            gig_id: new.gig,
            gig_hours: None,
            end_reason: None,
            ended_on: None,
            created_at: now,
            version: 1,
        };
        let earlier = self.store().placements_of(new.participant).await?;
        p.validate_terms(&earlier)?;
        let effects = if state == PlacementState::Proposed {
            self.send_out(&mut p, new.categories, now).await?
        } else {
            PlacementSideEffects::default()
        };
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(p.participant_id.to_string()),
            &format!("placement_{}:{}", state.as_str(), p.id),
            PURPOSE,
        )?;
        self.store().insert_placement(&p, &effects, &audit).await?;
        Ok(p)
    }

    /// The participant's coach confirms a proposal a coordinator prepared: it goes out to the
    /// employer with the field groups chosen now (consent checked now).
    pub async fn confirm_placement(
        &self,
        actor: &Actor,
        id: PlacementId,
        categories: Option<Vec<DataCategory>>,
        expected: i64,
    ) -> Result<Placement> {
        let (mut p, role) = self.placement_as(actor, id, "read_placement").await?;
        if role != PlacementRole::Coach {
            return Err(ServiceError::NotFound);
        }
        self.move_check(&p, PlacementState::Proposed)?;
        let earlier = self.store().placements_of(p.participant_id).await?;
        p.validate_terms(&earlier)?;
        let now = OffsetDateTime::now_utc();
        let effects = self.send_out(&mut p, categories, now).await?;
        p.state = PlacementState::Proposed;
        self.write_change(actor, p, expected, effects, "placement_proposed")
            .await
    }

    /// The employer's answer: yes (agreed), let's meet first (stays proposed) or no with a
    /// reason (declined; the shares are revoked). An employer user of the employer answers in
    /// the service; the coach or a coordinator records an answer told by phone or e-mail with
    /// `record_employer_answer` (an answer they give here is stored with no channel).
    pub async fn answer_proposal(
        &self,
        actor: &Actor,
        id: PlacementId,
        answer: EmployerAnswer,
        reason: Option<String>,
        expected: i64,
    ) -> Result<Placement> {
        self.answer(actor, id, answer, reason, None, expected).await
    }

    /// The coach (or a coordinator) records the employer's answer told by phone or e-mail: who
    /// at the employer answered, on which day (not in the future, not before the proposal went
    /// out) and how. Audited as `placement_answer_<answer>_<via>`.
    pub async fn record_employer_answer(
        &self,
        actor: &Actor,
        id: PlacementId,
        answer: EmployerAnswer,
        reason: Option<String>,
        told: ToldAnswer,
        expected: i64,
    ) -> Result<Placement> {
        self.answer(actor, id, answer, reason, Some(told), expected)
            .await
    }

    async fn answer(
        &self,
        actor: &Actor,
        id: PlacementId,
        answer: EmployerAnswer,
        reason: Option<String>,
        told: Option<ToldAnswer>,
        expected: i64,
    ) -> Result<Placement> {
        let (mut p, role) = self.placement_as(actor, id, "read_placement").await?;
        let allowed = matches!(
            (&told, role),
            (None, PlacementRole::Employer)
                | (_, PlacementRole::Coach | PlacementRole::Coordinator)
        );
        if !allowed {
            return Err(ServiceError::NotFound);
        }
        if p.state != PlacementState::Proposed {
            return Err(rule("answer", "proposal_not_waiting"));
        }
        let reason = reason_text(reason);
        if answer == EmployerAnswer::No && reason.is_none() {
            return Err(rule("reason", "answer_no_needs_reason"));
        }
        if reason.as_deref().is_some_and(|r| r.chars().count() > 2000) {
            return Err(rule("reason", "text_too_long"));
        }
        let now = OffsetDateTime::now_utc();
        let today = crate::today();
        let (via, contact, answered_at) = match told.as_ref() {
            None if role == PlacementRole::Employer => (Some(AnswerChannel::Service), None, now),
            None => (None, None, now),
            Some(t) => {
                if t.via == AnswerChannel::Service {
                    return Err(rule("via", "answer_channel_not_told"));
                }
                let contact = t.contact.trim().to_owned();
                if contact.is_empty() {
                    return Err(rule("contact", "answer_contact_required"));
                }
                if contact.chars().count() > 200 {
                    return Err(rule("contact", "text_too_long"));
                }
                if t.on > today {
                    return Err(rule("on", "answer_in_future"));
                }
                if p.proposed_at.is_some_and(|at| t.on < at.date()) {
                    return Err(rule("on", "answer_before_proposal"));
                }
                let at = if t.on == today {
                    now
                } else {
                    t.on.with_time(time::macros::time!(12:00)).assume_utc()
                };
                (Some(t.via), Some(contact), at)
            }
        };
        let mut effects = PlacementSideEffects::default();
        match answer {
            EmployerAnswer::Yes => p.state = PlacementState::Agreed,
            EmployerAnswer::Meet => {}
            EmployerAnswer::No => {
                p.state = PlacementState::Declined;
                p.end_reason = reason.clone();
                p.ended_on = Some(answered_at.date().min(today));
                effects.revoke_shares = true;
            }
        }
        p.answer = Some(answer);
        p.answer_reason = reason;
        p.answered_at = Some(answered_at);
        p.answered_by = actor.user_id();
        p.answer_via = via;
        p.answer_contact = contact;
        let action = match (told.is_some(), via) {
            (true, Some(v)) => format!("placement_answer_{}_{}", answer.as_str(), v.as_str()),
            _ => format!("placement_answer_{}", answer.as_str()),
        };
        let p = self
            .write_change(actor, p, expected, effects, &action)
            .await?;
        if let Some(gig) = p.gig_id {
            self.refresh_gig(actor, gig, today).await?;
        }
        Ok(p)
    }

    /// Moves a placement on: agreed → active (it started; a work or education trial only once
    /// its agreement is accepted by every party, `agreements`), active → completed, agreed or
    /// active → interrupted (reason required), prepared or proposed → withdrawn (reason
    /// required). The participant's coach does this; a coordinator may withdraw a proposal
    /// they prepared.
    pub async fn move_placement(
        &self,
        actor: &Actor,
        id: PlacementId,
        to: PlacementState,
        reason: Option<String>,
        on: Date,
        expected: i64,
    ) -> Result<Placement> {
        let (mut p, role) = self.placement_as(actor, id, "read_placement").await?;
        let allowed = match role {
            PlacementRole::Coach => true,
            PlacementRole::Coordinator => {
                to == PlacementState::Withdrawn && p.state == PlacementState::Prepared
            }
            _ => false,
        };
        if !allowed {
            return Err(ServiceError::NotFound);
        }
        self.move_check(&p, to)?;
        // A trial starts only under a written agreement every party has accepted.
        if to == PlacementState::Active
            && matches!(p.kind, OpeningKind::WorkTrial | OpeningKind::EducationTrial)
        {
            self.check_agreement_accepted(p.id).await?;
        }
        let reason = reason_text(reason);
        if matches!(to, PlacementState::Interrupted | PlacementState::Withdrawn) && reason.is_none()
        {
            return Err(rule("reason", "ending_needs_reason"));
        }
        if reason.as_deref().is_some_and(|r| r.chars().count() > 2000) {
            return Err(rule("reason", "text_too_long"));
        }
        let mut effects = PlacementSideEffects::default();
        match to {
            // Started early: the agreed start moves with it, the end stays.
            PlacementState::Active if on < p.starts_on => p.starts_on = on,
            PlacementState::Completed | PlacementState::Interrupted => {
                if on < p.starts_on {
                    return Err(rule("on", "end_before_start"));
                }
                p.ended_on = Some(on);
                p.end_reason = reason;
                effects.revoke_shares = to == PlacementState::Interrupted;
            }
            PlacementState::Withdrawn => {
                p.ended_on = Some(on);
                p.end_reason = reason;
                effects.revoke_shares = true;
            }
            _ => {}
        }
        // Staying in work: the follow-ups commit with the state change.
        effects.new_follow_ups = crate::follow_ups::created_by_move(&p, to, on);
        p.state = to;
        let p = self
            .write_change(
                actor,
                p,
                expected,
                effects,
                &format!("placement_{}", to.as_str()),
            )
            .await?;
        if let Some(gig) = p.gig_id {
            self.refresh_gig(actor, gig, crate::today()).await?;
        }
        Ok(p)
    }

    /// One placement with names, for whoever may see it.
    pub async fn placement(&self, actor: &Actor, id: PlacementId) -> Result<PlacementView> {
        let (p, role) = self.placement_as(actor, id, "read_placement").await?;
        self.view_of(actor, p, role).await
    }

    /// A participant's placements, newest first: for the coach and the participant.
    pub async fn participant_placements(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> Result<Vec<PlacementView>> {
        let scope = self
            .store()
            .participant_scope(participant)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if authz::participant_access(actor, &scope, &[], &[], OffsetDateTime::now_utc())
            != authz::Access::Full
        {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(actor, "participant", None, "list_placements", PURPOSE)?;
        let filter = PlacementFilter {
            participant: Some(participant),
            ..Default::default()
        };
        let list = self.store().list_placements(&filter, &audit).await?;
        let role = if actor.user_id().is_some() && scope.user_id == actor.user_id() {
            PlacementRole::Participant
        } else {
            PlacementRole::Coach
        };
        let mut out = Vec::new();
        for p in list {
            out.push(self.view_of(actor, p, role).await?);
        }
        Ok(out)
    }

    /// The current (open) placement of each participant of the coach's caseload in a project.
    pub async fn caseload_placements(
        &self,
        actor: &Actor,
        project: ProjectId,
    ) -> Result<Vec<Placement>> {
        let Some(coach) = actor.user_id() else {
            return Ok(Vec::new());
        };
        if !actor.has(Role::Coach, project) {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(actor, "participant", None, "list_placements", PURPOSE)?;
        let filter = PlacementFilter {
            project: Some(project),
            coach: Some(coach),
            states: vec![
                PlacementState::Prepared,
                PlacementState::Proposed,
                PlacementState::Agreed,
                PlacementState::Active,
            ],
            ..Default::default()
        };
        self.store().list_placements(&filter, &audit).await
    }

    /// Every open proposal of a project (prepared or waiting for the employer), per employer,
    /// with how long it has waited: for the project's coordinators (and coaches, their own).
    /// The participant is not named: coordinators see pseudonymous data only (R13).
    pub async fn open_proposals(
        &self,
        actor: &Actor,
        project: ProjectId,
    ) -> Result<Vec<WaitingProposal>> {
        let coach_only = if actor.is_system() || actor.has(Role::Coordinator, project) {
            None
        } else if actor.has(Role::Coach, project) {
            actor.user_id()
        } else {
            return Err(ServiceError::NotFound);
        };
        let audit = AuditEvent::new(actor, "participant", None, "list_proposals", PURPOSE)?;
        let filter = PlacementFilter {
            project: Some(project),
            coach: coach_only,
            states: vec![PlacementState::Prepared, PlacementState::Proposed],
            ..Default::default()
        };
        let list = self.store().list_placements(&filter, &audit).await?;
        let employers = self.store().list_employers(project).await?;
        let now = OffsetDateTime::now_utc();
        let mut out = Vec::new();
        for p in list {
            let since = p.proposed_at.unwrap_or(p.created_at);
            out.push(WaitingProposal {
                employer_name: employers
                    .iter()
                    .find(|e| e.id == p.employer_id)
                    .map_or_else(String::new, |e| e.name.clone()),
                coach_name: self.user_name(p.coach_id).await?,
                days_waiting: (now - since).whole_days(),
                placement: p,
            });
        }
        out.sort_by(|a, b| {
            a.employer_name
                .cmp(&b.employer_name)
                .then(b.days_waiting.cmp(&a.days_waiting))
        });
        Ok(out)
    }

    /// The proposals and placements of the employers the signed-in employer user represents
    /// (prepared ones are not sent yet and are not shown).
    pub async fn my_employer_placements(&self, actor: &Actor) -> Result<Vec<PlacementView>> {
        let Some(uid) = actor.user_id() else {
            return Ok(Vec::new());
        };
        let employers = self.store().employers_of_user(uid).await?;
        if employers.is_empty() {
            return Ok(Vec::new());
        }
        let audit = AuditEvent::new(actor, "participant", None, "list_placements", PURPOSE)?;
        let filter = PlacementFilter {
            employers: Some(employers),
            ..Default::default()
        };
        let mut out = Vec::new();
        for p in self.store().list_placements(&filter, &audit).await? {
            let role = self.role_in(actor, &PlacementScope::of(&p)).await?;
            if role == PlacementRole::Employer {
                out.push(self.view_of(actor, p, role).await?);
            }
        }
        Ok(out)
    }

    /// Links an employer user to an employer of the same project (the project's coordinators
    /// and administrators).
    pub async fn link_employer_user(
        &self,
        actor: &Actor,
        user: UserId,
        employer: EmployerId,
    ) -> Result<()> {
        let e = self
            .store()
            .get_employer(employer)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !(authz::may_edit_employers(actor, e.project_id) || authz::may_administer(actor)) {
            return Err(ServiceError::NotFound);
        }
        let u = self
            .store()
            .get_user(user)
            .await?
            .ok_or(rule("user", "user_not_found"))?;
        if !u
            .roles
            .iter()
            .any(|g| g.role == Role::Employer && g.project == Some(e.project_id))
        {
            return Err(rule("user", "not_an_employer_user_of_project"));
        }
        let audit = AuditEvent::new(
            actor,
            "employer",
            Some(employer.to_string()),
            &format!("link_user:{user}"),
            "employer_cooperation",
        )?;
        self.store()
            .link_employer_user(user, employer, &audit)
            .await
    }

    /// The employers a user represents (an employer user asking about themself, or the staff
    /// who may link them).
    pub async fn employers_of_user(&self, actor: &Actor, user: UserId) -> Result<Vec<EmployerId>> {
        if actor.user_id() != Some(user) && !actor.is_system() && !authz::may_administer(actor) {
            let u = self
                .store()
                .get_user(user)
                .await?
                .ok_or(ServiceError::NotFound)?;
            let staff = u
                .roles
                .iter()
                .filter_map(|g| g.project)
                .any(|pr| authz::may_edit_employers(actor, pr));
            if !staff {
                return Err(ServiceError::NotFound);
            }
        }
        self.store().employers_of_user(user).await
    }

    // Helpers.

    async fn check_mentor(&self, mentor: UserId, project: ProjectId) -> Result<()> {
        let u = self
            .store()
            .get_user(mentor)
            .await?
            .ok_or(rule("mentor", "mentor_not_found"))?;
        if u.roles
            .iter()
            .any(|g| g.role == Role::Mentor && g.project == Some(project))
        {
            Ok(())
        } else {
            Err(rule("mentor", "not_a_mentor_of_project"))
        }
    }

    /// Decides the field groups a proposal discloses and builds the shares: one per employer
    /// user of the employer, and one to the mentor with what the participant consented to
    /// sharing with mentors.
    async fn send_out(
        &self,
        p: &mut Placement,
        asked: Option<Vec<DataCategory>>,
        now: OffsetDateTime,
    ) -> Result<PlacementSideEffects> {
        let consents = self.store().consents_for(p.participant_id).await?;
        let consented = |class: RecipientClass, c: DataCategory| {
            crate::consents::consented(&consents, class, c, now)
        };
        let categories: Vec<DataCategory> = match asked {
            Some(mut list) => {
                list.sort();
                list.dedup();
                if list
                    .iter()
                    .any(|&c| !consented(RecipientClass::Employer, c))
                {
                    return Err(rule("categories", "proposal_category_without_consent"));
                }
                list
            }
            None => DataCategory::ALL
                .into_iter()
                .filter(|&c| consented(RecipientClass::Employer, c))
                .collect(),
        };
        if categories.is_empty() {
            return Err(rule("categories", "proposal_needs_consent"));
        }
        let until = share_until(p);
        let mut shares: Vec<Share> = self
            .store()
            .users_of_employer(p.employer_id)
            .await?
            .into_iter()
            .map(|u| Share {
                id: ShareId::new(),
                participant_id: p.participant_id,
                recipient: u,
                categories: categories.clone(),
                until,
                revoked_at: None,
                purpose: polku_domain::ConsentPurpose::Placement,
            })
            .collect();
        if let Some(m) = p.mentor_id {
            let mentor_categories: Vec<DataCategory> = DataCategory::ALL
                .into_iter()
                .filter(|&c| consented(RecipientClass::Mentor, c))
                .collect();
            if !mentor_categories.is_empty() {
                shares.push(Share {
                    id: ShareId::new(),
                    participant_id: p.participant_id,
                    recipient: m,
                    categories: mentor_categories,
                    until,
                    revoked_at: None,
                    purpose: polku_domain::ConsentPurpose::Placement,
                });
            }
        }
        p.categories = categories;
        p.proposed_at = Some(now);
        Ok(PlacementSideEffects {
            new_shares: shares,
            ..PlacementSideEffects::default()
        })
    }

    fn move_check(&self, p: &Placement, to: PlacementState) -> Result<()> {
        if p.state.may_move_to(to) {
            Ok(())
        } else {
            Err(rule("state", "placement_state_move_not_allowed"))
        }
    }

    /// Reads a placement with the actor's role in it (`NotFound` for none), audited as
    /// `<action>:<id>`: every use case on one placement starts here.
    pub(crate) async fn placement_as(
        &self,
        actor: &Actor,
        id: PlacementId,
        action: &str,
    ) -> Result<(Placement, PlacementRole)> {
        let Some(scope) = self.store().placement_scope(id).await? else {
            self.audit_denied(actor, "placement", &id.to_string(), action, PURPOSE)
                .await?;
            return Err(ServiceError::NotFound);
        };
        let role = self.role_in(actor, &scope).await?;
        if role == PlacementRole::None {
            self.audit_denied(actor, "placement", &id.to_string(), action, PURPOSE)
                .await?;
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(scope.participant_id.to_string()),
            &format!("{action}:{id}"),
            PURPOSE,
        )?;
        let p = self
            .store()
            .get_placement(id, &audit)
            .await?
            .ok_or(ServiceError::NotFound)?;
        Ok((p, role))
    }

    /// The actor's role in a placement, from the stored facts as they are now.
    pub(crate) async fn role_in(
        &self,
        actor: &Actor,
        scope: &PlacementScope,
    ) -> Result<PlacementRole> {
        let participant = self.store().participant_scope(scope.participant_id).await?;
        let employers = match actor.user_id() {
            Some(u) if actor.has(Role::Employer, scope.project_id) => {
                self.store().employers_of_user(u).await?
            }
            _ => Vec::new(),
        };
        Ok(authz::placement_role(
            actor,
            scope,
            participant.as_ref(),
            &employers,
        ))
    }

    async fn write_change(
        &self,
        actor: &Actor,
        mut p: Placement,
        expected: i64,
        effects: PlacementSideEffects,
        action: &str,
    ) -> Result<Placement> {
        p.version = expected + 1;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(p.participant_id.to_string()),
            &format!("{action}:{}", p.id),
            PURPOSE,
        )?;
        self.store()
            .update_placement(&p, expected, &effects, &audit)
            .await?;
        Ok(p)
    }

    async fn user_name(&self, id: UserId) -> Result<String> {
        Ok(self
            .store()
            .get_user(id)
            .await?
            .map_or_else(String::new, |u| u.display_name))
    }

    pub(crate) async fn view_of(
        &self,
        actor: &Actor,
        p: Placement,
        role: PlacementRole,
    ) -> Result<PlacementView> {
        let employer = self.store().get_employer(p.employer_id).await?;
        let all_tasks = self.store().list_tasks(p.employer_id).await?;
        let tasks = p
            .tasks
            .iter()
            .filter_map(|t| all_tasks.iter().find(|k| k.id == *t))
            .map(|t| (t.id, t.title.clone(), t.hours_per_week))
            .collect();
        let opening_title = match p.opening_id {
            Some(o) => self
                .store()
                .list_openings(p.employer_id)
                .await?
                .into_iter()
                .find(|k| k.id == o)
                .map(|k| k.title),
            None => None,
        };
        let participant_name = match role {
            PlacementRole::Coach | PlacementRole::Participant => {
                let v = self
                    .get_participant(actor, p.participant_id, PURPOSE)
                    .await?;
                Some(format!(
                    "{} {}",
                    v.personal.given_name, v.personal.family_name
                ))
            }
            PlacementRole::Employer | PlacementRole::Mentor => {
                match self
                    .shared_participant_if_visible(actor, p.participant_id, PURPOSE)
                    .await
                {
                    Ok(s) => s
                        .given_name
                        .map(|g| format!("{g} {}", s.family_name.unwrap_or_default())),
                    Err(ServiceError::NotFound) => None,
                    Err(e) => return Err(e),
                }
            }
            PlacementRole::Coordinator | PlacementRole::None => None,
        };
        let mentor_name = match p.mentor_id {
            Some(m) => Some(self.user_name(m).await?),
            None => None,
        };
        Ok(PlacementView {
            role,
            employer_name: employer.map_or_else(String::new, |e| e.name),
            tasks,
            participant_name: participant_name.map(|n| n.trim().to_owned()),
            coach_name: self.user_name(p.coach_id).await?,
            mentor_name,
            opening_title,
            placement: p,
        })
    }
}

/// How long a proposal's shares last: to the end of the placement, or a year from the start
/// for an open-ended job (the follow-ups run that long); never before today.
fn share_until(p: &Placement) -> Date {
    let end = p
        .ends_on
        .unwrap_or_else(|| polku_domain::work::add_months(p.starts_on, 12));
    end.max(crate::today())
}
