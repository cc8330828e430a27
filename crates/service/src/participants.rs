//! Participant use cases: create, read (redacted by access), update with optimistic
//! concurrency, caseload listing, crypto-erasure.

use crate::audit::AuditEvent;
use crate::authz::{self, Access};
use crate::crypto::{aad, hex_encode, Key};
pub use crate::store::records::StageChange;
use crate::store::{ParticipantRecord, ParticipantSummary};
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{
    DataCategory, Participant, ParticipantId, ParticipantPersonal, ParticipantSensitive, PathStage,
    ProjectId, UserId,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use time::{Date, OffsetDateTime};

/// Everything needed to enrol a participant.
#[derive(Debug, Clone)]
pub struct NewParticipant {
    pub id: ParticipantId,
    pub project_id: ProjectId,
    pub coach_id: Option<UserId>,
    pub personal: ParticipantPersonal,
    pub sensitive: ParticipantSensitive,
    pub stage: PathStage,
    pub waiting_since: Date,
}

/// The editable parts of a participant, replaced as a whole by an update.
#[derive(Debug, Clone)]
pub struct ParticipantChanges {
    pub personal: ParticipantPersonal,
    pub sensitive: ParticipantSensitive,
    pub stage: PathStage,
}

/// A participant as their own coach (or the participant themself) sees them: everything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantView {
    pub id: ParticipantId,
    pub project_id: ProjectId,
    pub coach_id: Option<UserId>,
    pub stage: PathStage,
    pub waiting_since: Date,
    pub version: i64,
    pub personal: ParticipantPersonal,
    pub sensitive: ParticipantSensitive,
}

/// A participant as a share recipient (employer, mentor, institution) sees them. Built from an
/// allow-list: every field outside the shared categories is `None`; free-text functional notes,
/// identity code, ESF+ data, path stage and coach are never shared (R14, R15).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedParticipant {
    pub id: ParticipantId,
    pub categories: BTreeSet<DataCategory>,
    /// `Contact`.
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub email: Option<polku_domain::Email>,
    pub phone: Option<String>,
    /// `Skills`.
    pub skills: Option<Vec<polku_domain::SkillClaim>>,
    /// `Languages`.
    pub languages:
        Option<std::collections::BTreeMap<polku_domain::LanguageCode, polku_domain::CefrLevel>>,
    /// `Goals`: goals and the work preferences that go with them.
    pub goals: Option<Vec<polku_domain::EscoUri>>,
    pub availability: Option<polku_domain::Availability>,
    pub mobility: Option<polku_domain::Mobility>,
    /// `Functioning` (special category): the profile and the accommodations needed.
    pub functioning: Option<polku_domain::FunctioningProfile>,
    pub accommodations: Option<Vec<String>>,
}

/// The personal part as stored in clear: without the identity code (sealed separately) and
/// without the ESF+ special-category answers (sealed with the profile).
fn personal_json(p: &ParticipantPersonal) -> Result<String> {
    let mut clear = p.clone();
    clear.hetu = None;
    clear.esf.foreign_background = None;
    clear.esf.disability = None;
    serde_json::to_string(&clear).map_err(|e| ServiceError::Storage(e.to_string()))
}

/// What is sealed: the special-category profile plus the ESF+ answers that reveal health or
/// ethnic origin (R29).
#[derive(Serialize, Deserialize)]
struct Sealed {
    sensitive: ParticipantSensitive,
    esf_foreign_background: Option<bool>,
    esf_disability: Option<bool>,
}

impl Service {
    fn hetu_lookup(&self, hetu: &polku_domain::Hetu) -> String {
        hex_encode(&self.keys().lookup.mac(&[b"hetu", hetu.as_str().as_bytes()]))
    }

    pub(crate) fn seal_record(&self, dek: &Key, p: &Participant) -> Result<ParticipantRecord> {
        let id = p.id.0;
        let sealed = Sealed {
            sensitive: p.sensitive.clone(),
            esf_foreign_background: p.personal.esf.foreign_background,
            esf_disability: p.personal.esf.disability,
        };
        let sensitive =
            serde_json::to_vec(&sealed).map_err(|e| ServiceError::Storage(e.to_string()))?;
        let hetu_sealed = match &p.personal.hetu {
            Some(h) => Some(dek.seal(
                h.as_str().as_bytes(),
                &aad("participants", "hetu", &id, p.version),
            )?),
            None => None,
        };
        Ok(ParticipantRecord {
            id: p.id,
            project_id: p.project_id,
            coach_id: p.coach_id,
            user_id: None,
            family_name: p.personal.family_name.clone(),
            given_name: p.personal.given_name.clone(),
            home_municipality: p.personal.mobility.home.as_str().to_owned(),
            stage: p.stage.as_str().to_owned(),
            waiting_since: p.waiting_since,
            personal_json: personal_json(&p.personal)?,
            hetu_sealed,
            hetu_lookup: p.personal.hetu.as_ref().map(|h| self.hetu_lookup(h)),
            sensitive_sealed: dek.seal(
                &sensitive,
                &aad("participants", "sensitive", &id, p.version),
            )?,
            version: p.version,
            restricted: false,
        })
    }

    /// Decrypts a stored record; also returns the unwrapped data key for re-sealing.
    pub(crate) fn open_record(
        &self,
        rec: &ParticipantRecord,
        wrapped: Option<&[u8]>,
    ) -> Result<(Participant, Key)> {
        let wrapped = wrapped.ok_or(ServiceError::Crypto(
            "the participant's data key was destroyed (erased)",
        ))?;
        let dek = self.keys().unwrap_data_key(wrapped, &rec.id.0)?;
        let sensitive = dek.open(
            &rec.sensitive_sealed,
            &aad("participants", "sensitive", &rec.id.0, rec.version),
        )?;
        let sealed: Sealed = serde_json::from_slice(&sensitive)
            .map_err(|_| ServiceError::Crypto("sealed data is not a profile"))?;
        let sensitive = sealed.sensitive;
        // The message names no stored value (D29): serde's own would quote it.
        let mut personal: ParticipantPersonal = serde_json::from_str(&rec.personal_json)
            .map_err(|_| ServiceError::Crypto("stored personal data is not readable"))?;
        personal.esf.foreign_background = sealed.esf_foreign_background;
        personal.esf.disability = sealed.esf_disability;
        if let Some(sealed) = &rec.hetu_sealed {
            let plain = dek.open(sealed, &aad("participants", "hetu", &rec.id.0, rec.version))?;
            let text = String::from_utf8(plain)
                .map_err(|_| ServiceError::Crypto("sealed identity code is not text"))?;
            personal.hetu = Some(polku_domain::Hetu::parse(&text)?);
        }
        Ok((
            Participant {
                id: rec.id,
                project_id: rec.project_id,
                coach_id: rec.coach_id,
                personal,
                sensitive,
                stage: PathStage::parse(&rec.stage)?,
                waiting_since: rec.waiting_since,
                version: rec.version,
            },
            dek,
        ))
    }

    /// `Ok` when the actor may change this participant's records (the own coach); otherwise
    /// `NotFound`, like a participant that does not exist (R14). For checking access before
    /// validating a request, so that refusals do not depend on the request's content.
    pub async fn require_editable_participant(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> Result<()> {
        let scope = self.store().participant_scope(participant).await?;
        if scope.is_some_and(|s| authz::may_edit_participant(actor, &s)) {
            Ok(())
        } else {
            self.audit_denied(
                actor,
                "participant",
                &participant.to_string(),
                "edit",
                "service_delivery",
            )
            .await?;
            Err(ServiceError::NotFound)
        }
    }

    /// Decrypts a stored record into the full view. Only for callers that have already
    /// decided access and audited the read (matching candidates for an opening).
    pub(crate) fn open_view(
        &self,
        rec: &ParticipantRecord,
        wrapped: Option<&[u8]>,
    ) -> Result<ParticipantView> {
        let (p, _) = self.open_record(rec, wrapped)?;
        Ok(ParticipantView {
            id: p.id,
            project_id: p.project_id,
            coach_id: p.coach_id,
            stage: p.stage,
            waiting_since: p.waiting_since,
            version: p.version,
            personal: p.personal,
            sensitive: p.sensitive,
        })
    }

    /// Enrols a participant. The caller must be a coach of the project (or the operator).
    pub async fn create_participant(
        &self,
        actor: &Actor,
        new: NewParticipant,
        purpose: &str,
    ) -> Result<ParticipantId> {
        if !authz::may_create_participant(actor, new.project_id) {
            return Err(ServiceError::Forbidden);
        }
        let mut new = new;
        new.personal.validate()?;
        new.sensitive.validate()?;
        unemployment_in_past(&mut new.personal)?;
        self.check_optional_fields(new.project_id, &new.personal, None)
            .await?;
        let coach_id = match actor.user_id() {
            Some(uid) => Some(uid),
            None => new.coach_id,
        };
        let participant = Participant {
            id: new.id,
            project_id: new.project_id,
            coach_id,
            personal: new.personal,
            sensitive: new.sensitive,
            stage: new.stage,
            waiting_since: new.waiting_since,
            version: 1,
        };
        let dek = Key::random();
        let rec = self.seal_record(&dek, &participant)?;
        let wrapped = self.keys().wrap_data_key(&dek, &participant.id.0)?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.id.to_string()),
            "create",
            purpose,
        )?;
        self.store()
            .insert_participant(&rec, &wrapped, &audit)
            .await?;
        Ok(participant.id)
    }

    /// Reads a whole participant. Only full access (the own coach, the participant, the
    /// operator) gets this; "not yours" and "does not exist" are the same answer (R14). The read
    /// is audited before anything is returned.
    pub async fn get_participant(
        &self,
        actor: &Actor,
        id: ParticipantId,
        purpose: &str,
    ) -> Result<ParticipantView> {
        let (p, _) = self
            .read_participant(actor, id, purpose, true, |a| *a == Access::Full)
            .await?;
        Ok(participant_view(p))
    }

    /// [`Self::get_participant`] for lists of what the actor may see now (a follow-up of a
    /// participant since moved to another coach): `NotFound` is "leave it out", not a request
    /// for someone else's data, so it is not recorded as a denied access.
    pub(crate) async fn get_participant_if_visible(
        &self,
        actor: &Actor,
        id: ParticipantId,
        purpose: &str,
    ) -> Result<ParticipantView> {
        let (p, _) = self
            .read_participant(actor, id, purpose, false, |a| *a == Access::Full)
            .await?;
        Ok(participant_view(p))
    }

    /// Reads what a share recipient may see of a participant (see [`SharedParticipant`]).
    pub async fn shared_participant(
        &self,
        actor: &Actor,
        id: ParticipantId,
        purpose: &str,
    ) -> Result<SharedParticipant> {
        self.shared_read(actor, id, purpose, true).await
    }

    /// [`Self::shared_participant`] for lists of what is shared with the actor now: a share
    /// revoked or a consent withdrawn meanwhile leaves the participant out without a denied
    /// row (the actor did not ask for them by id).
    pub(crate) async fn shared_participant_if_visible(
        &self,
        actor: &Actor,
        id: ParticipantId,
        purpose: &str,
    ) -> Result<SharedParticipant> {
        self.shared_read(actor, id, purpose, false).await
    }

    async fn shared_read(
        &self,
        actor: &Actor,
        id: ParticipantId,
        purpose: &str,
        audit_denial: bool,
    ) -> Result<SharedParticipant> {
        let (p, access) = self
            .read_participant(actor, id, purpose, audit_denial, |a| *a != Access::None)
            .await?;
        let categories = match access {
            Access::Categories(c) => c,
            Access::Full => [
                DataCategory::Contact,
                DataCategory::Skills,
                DataCategory::Languages,
                DataCategory::Goals,
                DataCategory::Functioning,
            ]
            .into_iter()
            .collect(),
            Access::None => return Err(ServiceError::NotFound),
        };
        Ok(shared_view(p, categories))
    }
}

fn participant_view(p: Participant) -> ParticipantView {
    ParticipantView {
        id: p.id,
        project_id: p.project_id,
        coach_id: p.coach_id,
        stage: p.stage,
        waiting_since: p.waiting_since,
        version: p.version,
        personal: p.personal,
        sensitive: p.sensitive,
    }
}

impl Service {
    /// Decides access first, then reads and audits only when `enough(access)` holds, so a
    /// refused read neither touches the data nor looks like a disclosure in the log.
    async fn read_participant(
        &self,
        actor: &Actor,
        id: ParticipantId,
        purpose: &str,
        audit_denial: bool,
        enough: impl Fn(&Access) -> bool,
    ) -> Result<(Participant, Access)> {
        let granted = match self.store().participant_scope(id).await? {
            Some(scope) => {
                let shares = self.store().shares_for(id).await?;
                let consents = self.store().consents_for(id).await?;
                let access = authz::participant_access(
                    actor,
                    &scope,
                    &shares,
                    &consents,
                    OffsetDateTime::now_utc(),
                );
                (access != Access::None && enough(&access)).then_some(access)
            }
            None => None,
        };
        let Some(access) = granted else {
            // Not this actor's, or no such participant: the same answer (R14), recorded as a
            // denied access when the actor asked for this participant (R34, R35).
            if audit_denial {
                self.audit_denied(actor, "participant", &id.to_string(), "read", purpose)
                    .await?;
            }
            return Err(ServiceError::NotFound);
        };
        let audit = AuditEvent::new(actor, "participant", Some(id.to_string()), "read", purpose)?;
        let (rec, wrapped) = self
            .store()
            .get_participant(id, &audit)
            .await?
            .ok_or(ServiceError::NotFound)?;
        Ok((self.open_record(&rec, wrapped.as_deref())?.0, access))
    }

    /// Shares field groups of a participant with an employer, mentor or institution user of the
    /// same project, until a date. Only the participant's own coach may share, and every field
    /// group needs the participant's active consent to that kind of recipient (R16, R17); there
    /// is no override, so the special category (functioning) is never shared without it.
    pub async fn share_participant(
        &self,
        actor: &Actor,
        share: polku_domain::Share,
        purpose: &str,
    ) -> Result<()> {
        let scope = self
            .store()
            .participant_scope(share.participant_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !authz::may_edit_participant(actor, &scope) {
            return Err(ServiceError::NotFound);
        }
        let invalid = |field, reason: &str| {
            Err(ServiceError::Invalid(polku_domain::DomainError::Invalid {
                field,
                reason: reason.into(),
            }))
        };
        if share.categories.is_empty() {
            return invalid("categories", "choose at least one field group to share");
        }
        let today = OffsetDateTime::now_utc().date();
        if share.until < today || share.revoked_at.is_some() {
            return invalid("until", "a new share must be valid today or later");
        }
        if share.until > polku_domain::share_until_limit(today) {
            return invalid("until", "a share may run for at most one year");
        }
        let Some(recipient) = self.store().get_user(share.recipient).await? else {
            return invalid("recipient", "there is no such user");
        };
        let outside = [
            polku_domain::Role::Employer,
            polku_domain::Role::Mentor,
            polku_domain::Role::Institution,
        ];
        if !recipient
            .roles
            .iter()
            .any(|g| outside.contains(&g.role) && g.project == Some(scope.project_id))
        {
            return invalid(
                "recipient",
                "the recipient must be an employer, mentor or institution user of the same project",
            );
        }
        let classes = authz::recipient_classes(
            &Actor::user(recipient.id, recipient.roles.clone()),
            scope.project_id,
        );
        let consents = self.store().consents_for(share.participant_id).await?;
        let now = OffsetDateTime::now_utc();
        if let Some(missing) = share.categories.iter().find(|&&c| {
            !classes
                .iter()
                .any(|&k| crate::consents::consented_for(&consents, k, c, share.purpose, now))
        }) {
            return invalid(
                "categories",
                &format!(
                    "the participant has not consented to sharing {} with this recipient",
                    missing.as_str()
                ),
            );
        }
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(share.participant_id.to_string()),
            "share",
            purpose,
        )?;
        self.store().insert_share(&share, &audit).await
    }

    /// Replaces the participant's data if nobody changed it since `expected_version` was read.
    pub async fn update_participant(
        &self,
        actor: &Actor,
        id: ParticipantId,
        expected_version: i64,
        changes: ParticipantChanges,
        purpose: &str,
    ) -> Result<i64> {
        let ParticipantChanges {
            personal,
            sensitive,
            stage,
        } = changes;
        let scope = self
            .store()
            .participant_scope(id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !authz::may_edit_participant(actor, &scope) {
            return Err(ServiceError::NotFound);
        }
        let mut personal = personal;
        personal.validate()?;
        sensitive.validate()?;
        unemployment_in_past(&mut personal)?;
        let read_audit = AuditEvent::new(
            actor,
            "participant",
            Some(id.to_string()),
            "read_for_update",
            purpose,
        )?;
        let (rec, wrapped) = self
            .store()
            .get_participant(id, &read_audit)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if rec.version != expected_version {
            return Err(ServiceError::Conflict {
                current: rec.version,
            });
        }
        let (current, dek) = self.open_record(&rec, wrapped.as_deref())?;
        self.check_optional_fields(current.project_id, &personal, Some(&current.personal))
            .await?;
        if stage != current.stage && !current.stage.may_move_to(stage) {
            return Err(ServiceError::Invalid(polku_domain::DomainError::Invalid {
                field: "stage",
                reason: format!(
                    "cannot move from {} to {}",
                    current.stage.as_str(),
                    stage.as_str()
                ),
            }));
        }
        let next = Participant {
            personal,
            sensitive,
            stage,
            version: expected_version + 1,
            ..current
        };
        let mut new_rec = self.seal_record(&dek, &next)?;
        new_rec.user_id = rec.user_id;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(id.to_string()),
            "update",
            purpose,
        )?;
        self.store()
            .update_participant(&new_rec, expected_version, &audit)
            .await?;
        Ok(next.version)
    }

    /// The actor's caseload in a project (a coach sees only their own participants).
    pub async fn caseload(
        &self,
        actor: &Actor,
        project: ProjectId,
        purpose: &str,
    ) -> Result<Vec<ParticipantSummary>> {
        let coach = match actor {
            Actor::System { .. } => None,
            Actor::User { id, .. } if actor.has(polku_domain::Role::Coach, project) => Some(*id),
            Actor::User { .. } => return Err(ServiceError::Forbidden),
        };
        let audit = AuditEvent::new(actor, "participant", None, "list_hit", purpose)?;
        self.store().list_participants(project, coach, &audit).await
    }

    /// The ids of the actor's caseload in `project` (every participant for the system actor),
    /// for paging before anything personal is read. Identifiers only; not audited.
    pub async fn caseload_ids(
        &self,
        actor: &Actor,
        project: ProjectId,
    ) -> Result<Vec<ParticipantId>> {
        let coach = self.caseload_coach(actor, project)?;
        self.store().participant_ids(project, coach).await
    }

    /// The summaries of `ids` from the actor's caseload in `project`; only what is returned is
    /// audited, one `list_hit` each (D16). Ids outside the caseload are left out.
    pub async fn caseload_summaries(
        &self,
        actor: &Actor,
        project: ProjectId,
        ids: &[ParticipantId],
        purpose: &str,
    ) -> Result<Vec<ParticipantSummary>> {
        let coach = self.caseload_coach(actor, project)?;
        let audit = AuditEvent::new(actor, "participant", None, "list_hit", purpose)?;
        self.store()
            .participant_summaries(project, coach, ids, &audit)
            .await
    }

    fn caseload_coach(&self, actor: &Actor, project: ProjectId) -> Result<Option<UserId>> {
        match actor {
            Actor::System { .. } => Ok(None),
            Actor::User { id, .. } if actor.has(polku_domain::Role::Coach, project) => {
                Ok(Some(*id))
            }
            Actor::User { .. } => Err(ServiceError::Forbidden),
        }
    }

    /// The actor's caseload with each participant's next meeting, longest waiting first: the
    /// people who have waited longest since their path started stand out at the top. The
    /// listing is audited per hit as in [`Service::caseload`].
    pub async fn caseload_overview(
        &self,
        actor: &Actor,
        project: ProjectId,
        now: OffsetDateTime,
        purpose: &str,
    ) -> Result<Vec<CaseloadLine>> {
        let people = self.caseload(actor, project, purpose).await?;
        let coach = match actor {
            Actor::User { id, .. } => Some(*id),
            Actor::System { .. } => None,
        };
        let times = self.store().meeting_times(project, coach).await?;
        let mut lines: Vec<CaseloadLine> = people
            .into_iter()
            .map(|summary| {
                let mut past = times.iter().filter(|(p, _)| *p == summary.id);
                let next_meeting = past
                    .clone()
                    .filter(|(_, at)| *at >= now)
                    .map(|(_, at)| *at)
                    .min();
                let last_meeting = past
                    .by_ref()
                    .filter(|(_, at)| *at < now)
                    .map(|(_, at)| *at)
                    .max();
                let waiting_days = (now.date() - summary.waiting_since).whole_days().max(0);
                CaseloadLine {
                    summary,
                    next_meeting,
                    last_meeting,
                    waiting_days,
                }
            })
            .collect();
        lines.sort_by(|a, b| {
            a.exited()
                .cmp(&b.exited())
                .then_with(|| b.waiting_days.cmp(&a.waiting_days))
                .then_with(|| a.summary.family_name.cmp(&b.summary.family_name))
                .then_with(|| a.summary.given_name.cmp(&b.summary.given_name))
        });
        Ok(lines)
    }

    /// The projects where the actor is a coach (where they may enrol participants), by name.
    pub async fn coach_projects(&self, actor: &Actor) -> Result<Vec<polku_domain::Project>> {
        let Actor::User { grants, .. } = actor else {
            return Ok(Vec::new());
        };
        let mut out: Vec<polku_domain::Project> = Vec::new();
        for g in grants
            .iter()
            .filter(|g| g.role == polku_domain::Role::Coach)
        {
            let Some(id) = g.project else { continue };
            if out.iter().any(|p| p.id == id) {
                continue;
            }
            if let Some(p) = self.store().get_project(id).await? {
                out.push(p);
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// The stage changes of the participant's service path, oldest first (own coach only).
    pub async fn stage_changes(
        &self,
        actor: &Actor,
        id: ParticipantId,
        purpose: &str,
    ) -> Result<Vec<StageChange>> {
        let scope = self
            .store()
            .participant_scope(id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !authz::may_edit_participant(actor, &scope) {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(id.to_string()),
            "read_path",
            purpose,
        )?;
        self.store().stage_changes(id, &audit).await
    }

    /// Crypto-erasure: destroys the data key so sealed fields can never be read again.
    pub async fn erase_participant_data(&self, actor: &Actor, id: ParticipantId) -> Result<bool> {
        let scope = self
            .store()
            .participant_scope(id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !authz::may_edit_participant(actor, &scope) {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(id.to_string()),
            "erase_key",
            "data_subject_request",
        )?;
        self.store().destroy_participant_key(id, &audit).await
    }
}

/// One line of the caseload page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseloadLine {
    pub summary: ParticipantSummary,
    /// The next meeting from now on, if one is booked.
    pub next_meeting: Option<OffsetDateTime>,
    /// The latest meeting before now.
    pub last_meeting: Option<OffsetDateTime>,
    /// Days since the service path started (the participant's waiting time).
    pub waiting_days: i64,
}

impl CaseloadLine {
    /// Waiting long with nothing booked: the caseload flags these for attention (people whose
    /// path has ended are not waiting).
    pub fn needs_attention(&self) -> bool {
        !self.exited() && self.waiting_days >= 90 && self.next_meeting.is_none()
    }

    /// The path has ended; such lines go last.
    pub fn exited(&self) -> bool {
        self.summary.stage == PathStage::Exited.as_str()
    }
}

/// Builds the recipient's view from the allow-list of `categories`.
fn shared_view(p: Participant, categories: BTreeSet<DataCategory>) -> SharedParticipant {
    let has = |c| categories.contains(&c);
    let (contact, skills, languages, goals, functioning) = (
        has(DataCategory::Contact),
        has(DataCategory::Skills),
        has(DataCategory::Languages),
        has(DataCategory::Goals),
        has(DataCategory::Functioning),
    );
    let personal = p.personal;
    SharedParticipant {
        id: p.id,
        given_name: contact.then_some(personal.given_name),
        family_name: contact.then_some(personal.family_name),
        email: personal.email.filter(|_| contact),
        phone: personal.phone.filter(|_| contact),
        skills: skills.then_some(personal.skills),
        languages: languages.then_some(personal.languages),
        goals: goals.then_some(personal.goals),
        availability: goals.then_some(personal.availability),
        mobility: goals.then_some(personal.mobility),
        functioning: functioning.then_some(p.sensitive.functioning),
        accommodations: functioning.then_some(p.sensitive.accommodations),
        categories,
    }
}

/// The start of unemployment may not lie in the future (Finnish time allows a day's lead), and
/// the long-term unemployed mark follows it: twelve months or more set the mark.
fn unemployment_in_past(personal: &mut ParticipantPersonal) -> Result<()> {
    let today = OffsetDateTime::now_utc().date();
    if personal
        .esf
        .unemployed_since
        .is_some_and(|d| d > today.next_day().unwrap_or(today))
    {
        return Err(ServiceError::Invalid(polku_domain::DomainError::Invalid {
            field: "unemployed_since",
            reason: "must not be in the future".into(),
        }));
    }
    personal.esf.normalise(today);
    Ok(())
}
