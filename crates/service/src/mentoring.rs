//! Workplace mentoring (työpaikkaohjaaja, Hämeen malli: a few hours a month, clear roles).
//!
//! The coach assigns the placement's workplace mentor, which shares with the mentor exactly the
//! field groups the participant consented to sharing with mentors (and revokes the previous
//! mentor's share). The mentor sees their trialists, logs check-ins (ohjauskerta), gives
//! per-task feedback and, at the end, the organiser's written feedback; the coach records the
//! participant's self-assessment. Feedback that a task is done independently offers the coach
//! evidence for the skills or the functioning profile, with its source; nothing on the profile
//! changes until the coach accepts it (through the version-checked `update_participant`).
//!
//! Notes, written feedback and what a piece of evidence proposes are sealed with the
//! participant's data key. Access is `authz::placement_role`; every read and write is audited
//! with the purpose `placement`.

use crate::audit::AuditEvent;
use crate::authz::PlacementRole;
use crate::crypto::{aad, Key};
use crate::participants::{ParticipantChanges, SharedParticipant};
use crate::placements::PlacementView;
use crate::store::{
    CheckinRecord, EvidenceRecord, PlacementFeedbackRecord, PlacementFilter, TaskFeedbackRecord,
};
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{
    Assessment, Checkin, CheckinId, DataCategory, DomainError, Evidence, EvidenceId, EvidenceItem,
    EvidenceState, EvidenceWhat, FeedbackLevel, Level, ParticipantId, Placement, PlacementId,
    PlacementState, RecipientClass, Role, Share, ShareId, SkillClaim, TaskFeedback, TaskFeedbackId,
    TaskId, UserId,
};
use time::{Date, OffsetDateTime};

const PURPOSE: &str = "placement";

/// A task demand at or above this level makes the task "demanding": doing it independently is
/// evidence for that level of functioning.
pub const DEMANDING: u8 = 3;

fn rule(field: &'static str, code: &'static str) -> ServiceError {
    ServiceError::Invalid(DomainError::Rule { field, rule: code })
}

fn checkin_aad(id: CheckinId) -> Vec<u8> {
    aad("mentor_checkins", "note", &id.0, 0)
}
fn feedback_aad(id: TaskFeedbackId) -> Vec<u8> {
    aad("task_feedback", "note", &id.0, 0)
}
fn final_aad(id: PlacementId, column: &str) -> Vec<u8> {
    aad("placement_feedback", column, &id.0, 0)
}
fn evidence_aad(id: EvidenceId) -> Vec<u8> {
    aad("evidence", "what", &id.0, 0)
}

fn open_text(dek: &Key, sealed: &[u8], aad: &[u8]) -> Result<String> {
    String::from_utf8(dek.open(sealed, aad)?)
        .map_err(|_| ServiceError::Crypto("sealed text is not UTF-8"))
}

fn trimmed(s: &str) -> String {
    s.trim().to_owned()
}

/// A check-in as the mentor enters it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCheckin {
    pub on: Date,
    /// 1–600 (anything else is the rule `checkin_minutes_range` on `minutes`).
    pub minutes: i64,
    pub note: String,
}

/// Mentoring minutes of one calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthMinutes {
    pub year: i32,
    pub month: u8,
    pub minutes: u32,
    pub checkins: u32,
}

impl MonthMinutes {
    /// Whole and partial hours, e.g. 1.5.
    pub fn hours(&self) -> f64 {
        f64::from(self.minutes) / 60.0
    }
}

/// Sums check-in minutes per calendar month, oldest month first.
pub fn minutes_per_month(checkins: &[Checkin]) -> Vec<MonthMinutes> {
    let mut out: Vec<MonthMinutes> = Vec::new();
    for c in checkins {
        let (year, month) = (c.on.year(), u8::from(c.on.month()));
        match out.iter_mut().find(|m| m.year == year && m.month == month) {
            Some(m) => {
                m.minutes += u32::from(c.minutes);
                m.checkins += 1;
            }
            None => out.push(MonthMinutes {
                year,
                month,
                minutes: u32::from(c.minutes),
                checkins: 1,
            }),
        }
    }
    out.sort_by_key(|m| (m.year, m.month));
    out
}

/// The end-of-placement feedback, opened.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FinalFeedback {
    pub organiser: Option<String>,
    pub next_steps: Option<String>,
    pub given_by: Option<UserId>,
    pub given_at: Option<OffsetDateTime>,
    /// The participant's self-assessment; only the coach and the participant see it.
    pub self_assessment: Option<String>,
    pub self_assessed_at: Option<OffsetDateTime>,
    pub version: i64,
}

/// One of the mentor's trialists: the placement and what the participant shared with mentors
/// (`None` when nothing is shared now).
#[derive(Debug, Clone, PartialEq)]
pub struct Trialist {
    pub view: PlacementView,
    pub participant: Option<SharedParticipant>,
    pub minutes_total: u32,
}

/// Everything a placement's mentoring page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct MentoringView {
    pub view: PlacementView,
    /// What the participant shared with the viewer (mentor); `None` for the coach (who sees
    /// the participant's own page) or when nothing is shared.
    pub participant: Option<SharedParticipant>,
    pub checkins: Vec<Checkin>,
    pub months: Vec<MonthMinutes>,
    /// The latest feedback per task, in the placement's task order.
    pub feedback: Vec<(TaskId, Option<TaskFeedback>)>,
    pub final_feedback: Option<FinalFeedback>,
}

impl Service {
    /// The coach sets or changes (or with `None` removes) the placement's workplace mentor, a
    /// mentor user of the project. Once the proposal has gone out, the new mentor gets a share
    /// of the field groups the participant consented to sharing with mentors, and the previous
    /// mentor's share is revoked.
    pub async fn assign_mentor(
        &self,
        actor: &Actor,
        id: PlacementId,
        mentor: Option<UserId>,
        expected: i64,
    ) -> Result<Placement> {
        let (mut p, role) = self.placement_as(actor, id, "read_placement").await?;
        if role != PlacementRole::Coach {
            return Err(ServiceError::NotFound);
        }
        if !matches!(
            p.state,
            PlacementState::Prepared
                | PlacementState::Proposed
                | PlacementState::Agreed
                | PlacementState::Active
        ) {
            return Err(rule("mentor", "placement_not_open"));
        }
        if let Some(m) = mentor {
            self.check_mentor_user(m, p.project_id).await?;
        }
        let previous = p.mentor_id.filter(|prev| Some(*prev) != mentor);
        let sent = p.state != PlacementState::Prepared;
        let share = match mentor {
            Some(m) if sent && Some(m) != p.mentor_id => self.mentor_share(&p, m).await?,
            _ => None,
        };
        p.mentor_id = mentor;
        p.version = expected + 1;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(p.participant_id.to_string()),
            &format!("placement_mentor:{}", p.id),
            PURPOSE,
        )?;
        self.store()
            .set_placement_mentor(&p, expected, previous, share.as_ref(), &audit)
            .await?;
        Ok(p)
    }

    /// The mentor's trialists: agreed and active placements where they are the workplace
    /// mentor, with only what the participant shares with mentors now.
    pub async fn my_trialists(&self, actor: &Actor) -> Result<Vec<Trialist>> {
        let Actor::User { id: uid, grants } = actor else {
            return Ok(Vec::new());
        };
        if !grants.iter().any(|g| g.role == Role::Mentor) {
            return Ok(Vec::new());
        }
        let uid = *uid;
        let audit = AuditEvent::new(actor, "participant", None, "list_mentored", PURPOSE)?;
        let filter = PlacementFilter {
            mentor: Some(uid),
            states: vec![PlacementState::Agreed, PlacementState::Active],
            ..Default::default()
        };
        let mut out = Vec::new();
        for p in self.store().list_placements(&filter, &audit).await? {
            let role = self
                .role_in(actor, &crate::store::PlacementScope::of(&p))
                .await?;
            if role != PlacementRole::Mentor {
                continue;
            }
            let participant = self.mentor_sees(actor, p.participant_id).await?;
            let checkins = self.checkins_of(actor, &p).await?;
            let minutes_total = checkins.iter().map(|c| u32::from(c.minutes)).sum();
            let view = self.placement(actor, p.id).await?;
            out.push(Trialist {
                view,
                participant,
                minutes_total,
            });
        }
        Ok(out)
    }

    /// A placement's mentoring: for its workplace mentor and the participant's coach (and the
    /// participant, without the notes of others' making being hidden: they are their data).
    pub async fn mentoring(&self, actor: &Actor, id: PlacementId) -> Result<MentoringView> {
        let (p, role) = self.placement_as(actor, id, "read_mentoring").await?;
        if !matches!(
            role,
            PlacementRole::Mentor | PlacementRole::Coach | PlacementRole::Participant
        ) {
            return Err(ServiceError::NotFound);
        }
        let participant = if role == PlacementRole::Mentor {
            self.mentor_sees(actor, p.participant_id).await?
        } else {
            None
        };
        let checkins = self.checkins_of(actor, &p).await?;
        let dek = self.data_key(p.participant_id).await?;
        let audit = self.event(actor, &p, "read_task_feedback")?;
        let all = self.store().list_task_feedback(p.id, &audit).await?;
        let mut feedback = Vec::new();
        for t in &p.tasks {
            let latest = match all.iter().rev().find(|r| r.feedback.task_id == *t) {
                Some(r) => {
                    let mut f = r.feedback.clone();
                    f.note = open_text(&dek, &r.note_sealed, &feedback_aad(f.id))?;
                    Some(f)
                }
                None => None,
            };
            feedback.push((*t, latest));
        }
        let audit = self.event(actor, &p, "read_final_feedback")?;
        let final_feedback = match self.store().placement_feedback(p.id, &audit).await? {
            Some(r) => {
                let mut f = open_final(&dek, &r)?;
                if role == PlacementRole::Mentor {
                    f.self_assessment = None;
                    f.self_assessed_at = None;
                }
                Some(f)
            }
            None => None,
        };
        let view = self.view_for(actor, p, role).await?;
        Ok(MentoringView {
            months: minutes_per_month(&checkins),
            view,
            participant,
            checkins,
            feedback,
            final_feedback,
        })
    }

    /// The mentor logs a check-in on an agreed, active or completed placement.
    pub async fn add_checkin(
        &self,
        actor: &Actor,
        id: PlacementId,
        new: NewCheckin,
    ) -> Result<Checkin> {
        let (p, role) = self.placement_as(actor, id, "read_placement").await?;
        let mentor = self.as_mentor(actor, &p, role)?;
        let minutes =
            u16::try_from(new.minutes).map_err(|_| rule("minutes", "checkin_minutes_range"))?;
        let c = Checkin {
            id: CheckinId::new(),
            placement_id: p.id,
            participant_id: p.participant_id,
            mentor_id: mentor,
            on: new.on,
            minutes,
            note: trimmed(&new.note),
            created_at: OffsetDateTime::now_utc(),
        };
        c.validate(p.starts_on, p.ended_on.or(p.ends_on), crate::today())?;
        let dek = self.data_key(p.participant_id).await?;
        let rec = CheckinRecord {
            note_sealed: dek.seal(c.note.as_bytes(), &checkin_aad(c.id))?,
            checkin: Checkin {
                note: String::new(),
                ..c.clone()
            },
        };
        let audit = self.event(actor, &p, &format!("add_checkin:{}", c.id))?;
        self.store().insert_checkin(&rec, &audit).await?;
        Ok(c)
    }

    /// The placement's check-ins, oldest first, with their notes.
    pub async fn checkins(&self, actor: &Actor, id: PlacementId) -> Result<Vec<Checkin>> {
        let (p, role) = self.placement_as(actor, id, "read_placement").await?;
        if !matches!(
            role,
            PlacementRole::Mentor | PlacementRole::Coach | PlacementRole::Participant
        ) {
            return Err(ServiceError::NotFound);
        }
        self.checkins_of(actor, &p).await
    }

    /// The mentor's feedback on one task of the placement. "Independently" offers the coach
    /// evidence: the task's essential skills not yet on the profile, and for a demanding task
    /// the demanded functioning levels above what the profile shows.
    pub async fn give_task_feedback(
        &self,
        actor: &Actor,
        id: PlacementId,
        task: TaskId,
        level: FeedbackLevel,
        note: &str,
    ) -> Result<(TaskFeedback, usize)> {
        let (p, role) = self.placement_as(actor, id, "read_placement").await?;
        let mentor = self.as_mentor(actor, &p, role)?;
        if !p.tasks.contains(&task) {
            return Err(rule("task", "task_not_in_placement"));
        }
        let note = trimmed(note);
        polku_domain::mentoring::check_text("note", &note)?;
        let now = OffsetDateTime::now_utc();
        let f = TaskFeedback {
            id: TaskFeedbackId::new(),
            placement_id: p.id,
            participant_id: p.participant_id,
            task_id: task,
            level,
            note,
            given_by: mentor,
            given_at: now,
        };
        let dek = self.data_key(p.participant_id).await?;
        let evidence = if level == FeedbackLevel::Independent {
            self.evidence_from(actor, &p, task, &dek, now).await?
        } else {
            Vec::new()
        };
        let rec = TaskFeedbackRecord {
            note_sealed: dek.seal(f.note.as_bytes(), &feedback_aad(f.id))?,
            feedback: TaskFeedback {
                note: String::new(),
                ..f.clone()
            },
        };
        let audit = self.event(actor, &p, &format!("task_feedback:{}", f.id))?;
        self.store()
            .insert_task_feedback(&rec, &evidence, &audit)
            .await?;
        Ok((f, evidence.len()))
    }

    /// The organiser's written feedback at the end (the workplace mentor), with recommended
    /// next steps. `expected`: the version read (`None` when there was no feedback yet).
    pub async fn give_final_feedback(
        &self,
        actor: &Actor,
        id: PlacementId,
        feedback: &str,
        next_steps: &str,
        expected: Option<i64>,
    ) -> Result<i64> {
        let (p, role) = self.placement_as(actor, id, "read_placement").await?;
        let mentor = self.as_mentor(actor, &p, role)?;
        let (feedback, next_steps) = (trimmed(feedback), trimmed(next_steps));
        if feedback.is_empty() {
            return Err(rule("feedback", "feedback_required"));
        }
        polku_domain::mentoring::check_text("feedback", &feedback)?;
        polku_domain::mentoring::check_text("next_steps", &next_steps)?;
        let dek = self.data_key(p.participant_id).await?;
        let mut rec = self.final_record(actor, &p, expected).await?;
        rec.organiser_sealed = Some(dek.seal(feedback.as_bytes(), &final_aad(p.id, "organiser"))?);
        rec.next_steps_sealed =
            Some(dek.seal(next_steps.as_bytes(), &final_aad(p.id, "next_steps"))?);
        rec.given_by = Some(mentor);
        rec.given_at = Some(OffsetDateTime::now_utc());
        self.save_final(actor, &p, rec, expected, "final_feedback")
            .await
    }

    /// The coach records the participant's self-assessment of the placement.
    pub async fn record_self_assessment(
        &self,
        actor: &Actor,
        id: PlacementId,
        text: &str,
        expected: Option<i64>,
    ) -> Result<i64> {
        let (p, role) = self.placement_as(actor, id, "read_placement").await?;
        if role != PlacementRole::Coach {
            return Err(ServiceError::NotFound);
        }
        let text = trimmed(text);
        if text.is_empty() {
            return Err(rule("self_assessment", "self_assessment_required"));
        }
        polku_domain::mentoring::check_text("self_assessment", &text)?;
        let dek = self.data_key(p.participant_id).await?;
        let mut rec = self.final_record(actor, &p, expected).await?;
        rec.self_assessment_sealed =
            Some(dek.seal(text.as_bytes(), &final_aad(p.id, "self_assessment"))?);
        rec.self_assessed_by = actor.user_id();
        rec.self_assessed_at = Some(OffsetDateTime::now_utc());
        self.save_final(actor, &p, rec, expected, "self_assessment")
            .await
    }

    /// The participant's evidence from placements, newest first: for the own coach.
    pub async fn evidence(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> Result<Vec<EvidenceItem>> {
        self.require_editable_participant(actor, participant)
            .await?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            "read_evidence",
            PURPOSE,
        )?;
        let dek = self.data_key(participant).await?;
        self.store()
            .list_evidence(participant, &audit)
            .await?
            .iter()
            .map(|r| open_evidence(&dek, r))
            .collect()
    }

    /// The coach accepts or rejects a piece of evidence (`expected`: its version). Accepting
    /// changes the profile or skills through `update_participant` (version-checked, audited)
    /// and only then marks the evidence accepted.
    pub async fn decide_evidence(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        id: EvidenceId,
        accept: bool,
        expected: i64,
    ) -> Result<EvidenceItem> {
        let item = self
            .evidence(actor, participant)
            .await?
            .into_iter()
            .find(|e| e.id == id)
            .ok_or(ServiceError::NotFound)?;
        if item.version != expected {
            return Err(ServiceError::Conflict {
                current: item.version,
            });
        }
        if item.state != EvidenceState::Open {
            return Err(rule("state", "evidence_already_decided"));
        }
        let by = actor.user_id().ok_or(ServiceError::Forbidden)?;
        if accept {
            let v = self.get_participant(actor, participant, PURPOSE).await?;
            let (mut personal, mut sensitive) = (v.personal, v.sensitive);
            match &item.what {
                EvidenceWhat::Skill { skill } => {
                    match personal.skills.iter_mut().find(|c| c.skill == *skill) {
                        Some(c) => c.evidence = Evidence::WorkTrial,
                        None => personal.skills.push(SkillClaim {
                            skill: skill.clone(),
                            evidence: Evidence::WorkTrial,
                        }),
                    }
                }
                EvidenceWhat::Functioning { dimension, level } => sensitive
                    .functioning
                    .set(*dimension, Assessment::Assessed(*level)),
            }
            self.update_participant(
                actor,
                participant,
                v.version,
                ParticipantChanges {
                    personal,
                    sensitive,
                    stage: v.stage,
                },
                PURPOSE,
            )
            .await?;
        }
        let state = if accept {
            EvidenceState::Accepted
        } else {
            EvidenceState::Rejected
        };
        let now = OffsetDateTime::now_utc();
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            &format!("evidence_{}:{id}", state.as_str()),
            PURPOSE,
        )?;
        self.store()
            .decide_evidence(id, state, by, now, expected, &audit)
            .await?;
        Ok(EvidenceItem {
            state,
            decided_by: Some(by),
            decided_at: Some(now),
            version: expected + 1,
            ..item
        })
    }

    /// Mentoring minutes per month of each placement of the coach's participant (for the coach).
    pub async fn mentoring_hours(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> Result<Vec<(PlacementView, Vec<MonthMinutes>)>> {
        let mut out = Vec::new();
        for v in self.participant_placements(actor, participant).await? {
            if v.placement.mentor_id.is_none() && v.role != PlacementRole::Coach {
                continue;
            }
            let checkins = self.checkins_of(actor, &v.placement).await?;
            if !checkins.is_empty() {
                out.push((v, minutes_per_month(&checkins)));
            }
        }
        Ok(out)
    }

    // Helpers.

    /// A mentor user of the project; one invited but not yet signed in counts (the coach
    /// often assigns the workplace mentor before their first sign-in).
    async fn check_mentor_user(
        &self,
        mentor: UserId,
        project: polku_domain::ProjectId,
    ) -> Result<()> {
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

    /// The share to a new mentor: what the participant consented to sharing with mentors now.
    async fn mentor_share(&self, p: &Placement, mentor: UserId) -> Result<Option<Share>> {
        let consents = self.store().consents_for(p.participant_id).await?;
        let now = OffsetDateTime::now_utc();
        let categories: Vec<DataCategory> = DataCategory::ALL
            .into_iter()
            .filter(|&c| crate::consents::consented(&consents, RecipientClass::Mentor, c, now))
            .collect();
        if categories.is_empty() {
            return Ok(None);
        }
        let end = p
            .ends_on
            .unwrap_or_else(|| polku_domain::work::add_months(p.starts_on, 12));
        Ok(Some(Share {
            id: ShareId::new(),
            participant_id: p.participant_id,
            recipient: mentor,
            categories,
            until: end.max(crate::today()),
            revoked_at: None,
            purpose: polku_domain::ConsentPurpose::Placement,
        }))
    }

    /// What the participant shares with the signed-in mentor now (`None`: nothing).
    async fn mentor_sees(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> Result<Option<SharedParticipant>> {
        match self
            .shared_participant_if_visible(actor, participant, PURPOSE)
            .await
        {
            Ok(s) => Ok(Some(s)),
            Err(ServiceError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn as_mentor(&self, actor: &Actor, p: &Placement, role: PlacementRole) -> Result<UserId> {
        if role != PlacementRole::Mentor {
            return Err(ServiceError::NotFound);
        }
        if !matches!(
            p.state,
            PlacementState::Agreed | PlacementState::Active | PlacementState::Completed
        ) {
            return Err(rule("placement", "placement_not_mentored"));
        }
        actor.user_id().ok_or(ServiceError::NotFound)
    }

    fn event(&self, actor: &Actor, p: &Placement, action: &str) -> Result<AuditEvent> {
        AuditEvent::new(
            actor,
            "participant",
            Some(p.participant_id.to_string()),
            &format!("{action}:{}", p.id),
            PURPOSE,
        )
    }

    async fn view_for(
        &self,
        actor: &Actor,
        p: Placement,
        role: PlacementRole,
    ) -> Result<PlacementView> {
        let _ = role;
        self.placement(actor, p.id).await
    }

    async fn checkins_of(&self, actor: &Actor, p: &Placement) -> Result<Vec<Checkin>> {
        let audit = self.event(actor, p, "read_checkins")?;
        let rows = self.store().list_checkins(p.id, &audit).await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let dek = self.data_key(p.participant_id).await?;
        rows.into_iter()
            .map(|r| {
                let mut c = r.checkin;
                c.note = open_text(&dek, &r.note_sealed, &checkin_aad(c.id))?;
                Ok(c)
            })
            .collect()
    }

    async fn final_record(
        &self,
        actor: &Actor,
        p: &Placement,
        expected: Option<i64>,
    ) -> Result<PlacementFeedbackRecord> {
        let audit = self.event(actor, p, "read_final_feedback")?;
        let current = self.store().placement_feedback(p.id, &audit).await?;
        match (current, expected) {
            (None, None) => Ok(PlacementFeedbackRecord {
                placement_id: p.id,
                participant_id: p.participant_id,
                organiser_sealed: None,
                next_steps_sealed: None,
                given_by: None,
                given_at: None,
                self_assessment_sealed: None,
                self_assessed_by: None,
                self_assessed_at: None,
                version: 1,
            }),
            (Some(r), Some(v)) if r.version == v => Ok(PlacementFeedbackRecord {
                version: v + 1,
                ..r
            }),
            (Some(r), _) => Err(ServiceError::Conflict { current: r.version }),
            (None, Some(_)) => Err(ServiceError::Conflict { current: 0 }),
        }
    }

    async fn save_final(
        &self,
        actor: &Actor,
        p: &Placement,
        rec: PlacementFeedbackRecord,
        expected: Option<i64>,
        action: &str,
    ) -> Result<i64> {
        let audit = self.event(actor, p, action)?;
        self.store()
            .save_placement_feedback(&rec, expected, &audit)
            .await?;
        Ok(rec.version)
    }

    /// The evidence "independently" on `task` offers, without what is on the profile already or
    /// open already. Reads the profile for the comparison (audited; nothing of it is shown to
    /// the mentor).
    async fn evidence_from(
        &self,
        actor: &Actor,
        p: &Placement,
        task: TaskId,
        dek: &Key,
        now: OffsetDateTime,
    ) -> Result<Vec<EvidenceRecord>> {
        let Some(t) = self
            .store()
            .list_tasks(p.employer_id)
            .await?
            .into_iter()
            .find(|k| k.id == task)
        else {
            return Ok(Vec::new());
        };
        let audit = self.event(actor, p, "read_for_evidence")?;
        let (rec, wrapped) = self
            .store()
            .get_participant(p.participant_id, &audit)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let (person, _) = self.open_record(&rec, wrapped.as_deref())?;
        let audit = self.event(actor, p, "read_evidence")?;
        let open: Vec<EvidenceWhat> = self
            .store()
            .list_evidence(p.participant_id, &audit)
            .await?
            .iter()
            .filter(|r| r.state == EvidenceState::Open)
            .map(|r| open_evidence(dek, r).map(|e| e.what))
            .collect::<Result<_>>()?;
        let mut proposals: Vec<EvidenceWhat> = Vec::new();
        for s in &t.skills_essential {
            if !person.personal.skills.iter().any(|c| c.skill == *s) {
                proposals.push(EvidenceWhat::Skill { skill: s.clone() });
            }
        }
        for (d, demand) in &t.demands.demands {
            if demand.get() < DEMANDING {
                continue;
            }
            let below = match person.sensitive.functioning.get(*d) {
                Assessment::NotAssessed => true,
                Assessment::Assessed(l) => l < *demand,
            };
            if below {
                proposals.push(EvidenceWhat::Functioning {
                    dimension: *d,
                    level: Level::new(i64::from(demand.get()))?,
                });
            }
        }
        let employer = self
            .store()
            .get_employer(p.employer_id)
            .await?
            .map_or_else(String::new, |e| e.name);
        let mut out = Vec::new();
        for what in proposals {
            if open.contains(&what) {
                continue;
            }
            let id = EvidenceId::new();
            out.push(EvidenceRecord {
                id,
                participant_id: p.participant_id,
                placement_id: p.id,
                kind: what.kind(),
                what_sealed: dek.seal(
                    &serde_json::to_vec(&what).map_err(|e| ServiceError::Storage(e.to_string()))?,
                    &evidence_aad(id),
                )?,
                source_employer: employer.clone(),
                source_from: p.starts_on,
                source_to: p.ended_on.or(p.ends_on),
                state: EvidenceState::Open,
                decided_by: None,
                decided_at: None,
                created_at: now,
                version: 1,
            });
        }
        Ok(out)
    }
}

fn open_final(dek: &Key, r: &PlacementFeedbackRecord) -> Result<FinalFeedback> {
    let open = |s: &Option<Vec<u8>>, column: &str| -> Result<Option<String>> {
        s.as_ref()
            .map(|b| open_text(dek, b, &final_aad(r.placement_id, column)))
            .transpose()
    };
    Ok(FinalFeedback {
        organiser: open(&r.organiser_sealed, "organiser")?,
        next_steps: open(&r.next_steps_sealed, "next_steps")?,
        given_by: r.given_by,
        given_at: r.given_at,
        self_assessment: open(&r.self_assessment_sealed, "self_assessment")?,
        self_assessed_at: r.self_assessed_at,
        version: r.version,
    })
}

pub(crate) fn open_evidence(dek: &Key, r: &EvidenceRecord) -> Result<EvidenceItem> {
    let what: EvidenceWhat =
        serde_json::from_slice(&dek.open(&r.what_sealed, &evidence_aad(r.id))?)
            .map_err(|_| ServiceError::Crypto("sealed evidence is not readable"))?;
    Ok(EvidenceItem {
        id: r.id,
        participant_id: r.participant_id,
        placement_id: r.placement_id,
        what,
        source_employer: r.source_employer.clone(),
        source_from: r.source_from,
        source_to: r.source_to,
        state: r.state,
        decided_by: r.decided_by,
        decided_at: r.decided_at,
        created_at: r.created_at,
        version: r.version,
    })
}

/// A participant's mentoring in the subject export; sealed texts are `null` after
/// crypto-erasure.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ExportMentoring {
    pub checkins: Vec<ExportCheckin>,
    pub task_feedback: Vec<ExportTaskFeedback>,
    pub final_feedback: Vec<ExportFinalFeedback>,
    pub evidence: Vec<ExportEvidence>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportCheckin {
    pub placement: PlacementId,
    pub on: Date,
    pub minutes: u16,
    pub note: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportTaskFeedback {
    pub placement: PlacementId,
    pub task: TaskId,
    pub level: FeedbackLevel,
    pub note: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub given_at: OffsetDateTime,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportFinalFeedback {
    pub placement: PlacementId,
    pub organiser_feedback: Option<String>,
    pub next_steps: Option<String>,
    pub self_assessment: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportEvidence {
    pub placement: PlacementId,
    pub what: Option<EvidenceWhat>,
    pub source_employer: String,
    pub source_from: Date,
    pub source_to: Option<Date>,
    pub state: EvidenceState,
}

/// Builds the export's mentoring part; `dek` is `None` after crypto-erasure.
pub(crate) fn export_mentoring(
    dek: Option<&Key>,
    r: &crate::store::MentoringRecords,
) -> Result<ExportMentoring> {
    let text = |f: &dyn Fn(&Key) -> Result<String>| dek.map(f).transpose();
    Ok(ExportMentoring {
        checkins: r
            .checkins
            .iter()
            .map(|c| {
                Ok(ExportCheckin {
                    placement: c.checkin.placement_id,
                    on: c.checkin.on,
                    minutes: c.checkin.minutes,
                    note: text(&|k| open_text(k, &c.note_sealed, &checkin_aad(c.checkin.id)))?,
                })
            })
            .collect::<Result<_>>()?,
        task_feedback: r
            .task_feedback
            .iter()
            .map(|f| {
                Ok(ExportTaskFeedback {
                    placement: f.feedback.placement_id,
                    task: f.feedback.task_id,
                    level: f.feedback.level,
                    note: text(&|k| open_text(k, &f.note_sealed, &feedback_aad(f.feedback.id)))?,
                    given_at: f.feedback.given_at,
                })
            })
            .collect::<Result<_>>()?,
        final_feedback: r
            .placement_feedback
            .iter()
            .map(|f| {
                let opened = dek
                    .map(|k| open_final(k, f))
                    .transpose()?
                    .unwrap_or_default();
                Ok(ExportFinalFeedback {
                    placement: f.placement_id,
                    organiser_feedback: opened.organiser,
                    next_steps: opened.next_steps,
                    self_assessment: opened.self_assessment,
                })
            })
            .collect::<Result<_>>()?,
        evidence: r
            .evidence
            .iter()
            .map(|e| {
                Ok(ExportEvidence {
                    placement: e.placement_id,
                    what: dek
                        .map(|k| open_evidence(k, e))
                        .transpose()?
                        .map(|i| i.what),
                    source_employer: e.source_employer.clone(),
                    source_from: e.source_from,
                    source_to: e.source_to,
                    state: e.state,
                })
            })
            .collect::<Result<_>>()?,
    })
}
