//! Referrals between organisations (issue 14 items 2 and 3).
//!
//! - **The school-to-work handover.** An institution user refers a final-year student to a
//!   project where they hold the institution role. The referral needs the student's recorded
//!   consent for the purpose `transition` (who recorded it, when, how and the hash of the
//!   wording, as [`crate::consents`] records them); without it nothing is stored. The handed-over
//!   data (contact details, goals, strengths, support needs: functional limitations only) and
//!   attached documents are sealed under the referral's own data key, wrapped by the master key.
//! - The target project's coaches and managers see its incoming referrals with the waiting
//!   time. A coach accepts one: in one transaction the participant is created with the
//!   handed-over data (support needs become the functional notes), the documents move to the
//!   participant's documents, the consent becomes the participant's consent records, and the
//!   handed-over data is sealed again under the participant's key. A coach or manager declines
//!   one with a reason; the referrer may withdraw it. A decline or withdrawal deletes the
//!   handed-over data, documents and key.
//! - The institution sees only the referrals it made: anything else is `NotFound`, the same as
//!   an id that does not exist (R14). A withdrawn consent hides the handed-over data and the
//!   documents from the very next request, and an acceptance is then refused.
//! - **Referrals in and out** of an existing participant are recorded by the own coach: in from
//!   Ohjaamo, the employment services, social services or another project; out to
//!   rehabilitation, health services, education or another project, with the date, the reason
//!   and the outcome. They belong to the participant's path.
//! - Every read of a referral's personal data and every change is audited.

use crate::audit::AuditEvent;
use crate::crypto::{aad, Key};
use crate::store::{
    Acceptance, ReferralChange, ReferralConsent, ReferralFilter, ReferralRecord, StoredDocument,
    StoredDocumentVersion, StoredReferral, StoredReferralDocument, StoredReferralFacts,
};
use crate::{Actor, Result, Service, ServiceError};
use polku_documents::upload::{self, FileType};
use polku_domain::referral::{referral_text, MAX_ORGANISATION};
use polku_domain::{
    Availability, Consent, ConsentId, ConsentMethod, ConsentPurpose, DataCategory, DocumentId,
    DocumentKind, DomainError, Email, EsfEntry, HoursRange, Mobility, MunicipalityCode,
    ParticipantId, ParticipantPersonal, ParticipantSensitive, PathStage, ProjectId, RecipientClass,
    ReferralDestination, ReferralDirection, ReferralId, ReferralSource, ReferralStatus, Role,
    RoleGrant, UserId,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::{Date, OffsetDateTime};

/// The audit categories of a referral's handed-over data.
const CATEGORIES: &str = "identity,contact,goals,functioning,documents";
/// The longest goals, strengths or support-needs text, in characters.
pub const MAX_HANDOVER_TEXT: usize = 4000;

/// What a school hands over about a student.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handover {
    pub given_name: String,
    pub family_name: String,
    pub email: Option<Email>,
    pub phone: Option<String>,
    pub home_municipality: MunicipalityCode,
    pub birth_year: Option<u16>,
    /// The student's goals after school (category `goals`).
    pub goals: String,
    /// Strengths (category `goals`: what the student wants to build on).
    pub strengths: String,
    /// Support needs: functional limitations and the support that helps, never a diagnosis
    /// (category `functioning`, special).
    pub support_needs: String,
}

/// The consent the institution user recorded when the student gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentGiven {
    /// The categories handed over; `contact` is always needed.
    pub categories: Vec<DataCategory>,
    pub method: ConsentMethod,
    /// The hash of the wording shown, per category (as in [`crate::consents::NewConsent`]).
    pub shown: BTreeMap<DataCategory, String>,
}

/// A school's referral of a student to a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSchoolReferral {
    pub project: ProjectId,
    /// The school's name.
    pub organisation: String,
    pub reason: String,
    pub handover: Handover,
    /// `None`: the student's consent was not recorded (the referral is refused).
    pub consent: Option<ConsentGiven>,
}

/// A referral in or out recorded by a participant's own coach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewParticipantReferral {
    pub direction: ReferralDirection,
    pub source: Option<ReferralSource>,
    pub destination: Option<ReferralDestination>,
    pub organisation: String,
    pub referred_on: Date,
    pub reason: String,
    /// `None`: pending (in) or sent (out).
    pub status: Option<ReferralStatus>,
    pub outcome: String,
    pub outcome_on: Option<Date>,
}

/// A change of a participant's referral: its state and outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralUpdate {
    pub status: ReferralStatus,
    pub outcome: String,
    pub outcome_on: Option<Date>,
}

/// An attached document, without its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralDocumentInfo {
    pub id: DocumentId,
    pub title: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub created_at: OffsetDateTime,
}

/// One attached document with its content, for a download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralFile {
    pub info: ReferralDocumentInfo,
    pub bytes: Vec<u8>,
}

impl ReferralFile {
    /// A file name without anything the uploader chose.
    pub fn file_name(&self) -> String {
        let ext =
            FileType::from_content_type(&self.info.content_type).map_or("bin", FileType::extension);
        format!("referral-document-{}.{ext}", self.info.id)
    }
}

/// How the caller stands to a referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferralRole {
    /// The institution user who made it.
    Referrer,
    /// A coach or manager of the target project.
    Receiver,
    /// The participant's own coach (a referral recorded on the participant).
    OwnCoach,
}

/// A referral as its reader may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralView {
    pub id: ReferralId,
    pub direction: ReferralDirection,
    pub source: Option<ReferralSource>,
    pub destination: Option<ReferralDestination>,
    pub organisation: String,
    pub referred_by: Option<UserId>,
    pub project_id: ProjectId,
    pub participant_id: Option<ParticipantId>,
    pub referred_on: Date,
    pub reason: String,
    pub status: ReferralStatus,
    pub status_reason: Option<String>,
    pub outcome: Option<String>,
    pub outcome_on: Option<Date>,
    pub decided_at: Option<OffsetDateTime>,
    pub version: i64,
    pub created_at: OffsetDateTime,
    /// Days since the referral was sent while it waits for an answer.
    pub waiting_days: Option<i64>,
    /// The student's consent records (a school's referral while pending).
    pub consents: Vec<ReferralConsent>,
    /// The consent is in force (always true for a referral without a handover).
    pub consent_active: bool,
    /// The handed-over data: `None` when there is none, when the consent was withdrawn, or for
    /// a reader it is not for.
    pub handover: Option<Handover>,
    /// Handed-over data exists but is hidden because the consent was withdrawn.
    pub handover_hidden: bool,
    pub documents: Vec<ReferralDocumentInfo>,
    /// How the reader stands to it.
    pub role: ReferralRole,
}

fn invalid(field: &'static str, reason: &str) -> ServiceError {
    ServiceError::Invalid(DomainError::Invalid {
        field,
        reason: reason.into(),
    })
}

fn rule(field: &'static str, rule: &'static str) -> ServiceError {
    ServiceError::Invalid(DomainError::Rule { field, rule })
}

/// The projects whose incoming referrals the holder of `grants` receives (as a coach or a
/// manager), each once.
pub(crate) fn receiving_projects(grants: &[RoleGrant]) -> Vec<ProjectId> {
    let mut projects: Vec<ProjectId> = grants
        .iter()
        .filter(|g| matches!(g.role, Role::Coach | Role::Manager))
        .filter_map(|g| g.project)
        .collect();
    projects.sort_unstable();
    projects.dedup();
    projects
}

fn handover_aad(id: ReferralId, under_participant: bool) -> Vec<u8> {
    aad("referrals", "handover", &id.0, i64::from(under_participant))
}

fn key_aad(id: ReferralId) -> Vec<u8> {
    aad("referrals", "wrapped_key", &id.0, 0)
}

/// A pending referral's data key, re-wrapped from the `old` master key to the `new` one (master
/// key rotation, `Service::rotate_master_key`).
pub(crate) fn rewrap_referral_key(
    old: &crate::crypto::Keys,
    new: &crate::crypto::Keys,
    id: uuid::Uuid,
    wrapped: &[u8],
) -> Result<Vec<u8>> {
    let aad = key_aad(ReferralId(id));
    let key = old.master.open(wrapped, &aad)?;
    new.master.seal(&key, &aad)
}

fn doc_aad(column: &str, id: DocumentId) -> Vec<u8> {
    aad("referral_documents", column, &id.0, 0)
}

fn organisation(s: &str) -> Result<String> {
    Ok(polku_domain::org::name(
        "organisation",
        s,
        MAX_ORGANISATION,
    )?)
}

fn bounded(field: &'static str, s: &str) -> Result<String> {
    let t = s.trim();
    if t.chars().count() > MAX_HANDOVER_TEXT {
        return Err(invalid(field, "at most 4000 characters"));
    }
    Ok(t.to_owned())
}

impl Handover {
    /// Names bounded, texts bounded, a plausible year of birth.
    fn checked(&self) -> Result<Handover> {
        let phone = self
            .phone
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                if p.chars().count() > 40
                    || !p.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
                {
                    Err(invalid("phone", "digits, spaces, + - ( ) only"))
                } else {
                    Ok(p.to_owned())
                }
            })
            .transpose()?;
        if self.birth_year.is_some_and(|y| !(1900..=2100).contains(&y)) {
            return Err(invalid("birth_year", "not a plausible year of birth"));
        }
        Ok(Handover {
            given_name: polku_domain::org::name("given_name", &self.given_name, 100)?,
            family_name: polku_domain::org::name("family_name", &self.family_name, 100)?,
            email: self.email.clone(),
            phone,
            home_municipality: self.home_municipality.clone(),
            birth_year: self.birth_year,
            goals: bounded("goals", &self.goals)?,
            strengths: bounded("strengths", &self.strengths)?,
            support_needs: bounded("support_needs", &self.support_needs)?,
        })
    }

    /// The categories this handover holds data of.
    fn categories(&self) -> Vec<DataCategory> {
        let mut out = vec![DataCategory::Contact];
        if !self.goals.is_empty() || !self.strengths.is_empty() {
            out.push(DataCategory::Goals);
        }
        if !self.support_needs.is_empty() {
            out.push(DataCategory::Functioning);
        }
        out
    }
}

fn consent_active(consents: &[ReferralConsent], category: DataCategory) -> bool {
    consents
        .iter()
        .any(|c| c.category == category && c.withdrawn_at.is_none())
}

impl Service {
    pub(crate) fn referral_audit(
        &self,
        actor: &Actor,
        id: ReferralId,
        action: &str,
    ) -> Result<AuditEvent> {
        Ok(AuditEvent::new(
            actor,
            "referral",
            Some(id.to_string()),
            action,
            "service_delivery",
        )?
        .with_categories(CATEGORIES))
    }

    fn seal_key(&self, id: ReferralId, key: &Key) -> Result<Vec<u8>> {
        self.keys()
            .master
            .seal(key.to_hex().as_bytes(), &key_aad(id))
    }

    /// A new referral's handed-over data sealed under a fresh key, and that key wrapped by the
    /// master key (the school handover and an intake referral alike).
    pub(crate) fn seal_handover(
        &self,
        id: ReferralId,
        handover: &Handover,
    ) -> Result<(Vec<u8>, Vec<u8>)> {
        let key = Key::random();
        let json =
            serde_json::to_vec(handover).map_err(|e| ServiceError::Storage(e.to_string()))?;
        Ok((
            key.seal(&json, &handover_aad(id, false))?,
            self.seal_key(id, &key)?,
        ))
    }

    fn open_key(&self, id: ReferralId, wrapped: &[u8]) -> Result<Key> {
        let hex = self.keys().master.open(wrapped, &key_aad(id))?;
        Key::from_hex(std::str::from_utf8(&hex).map_err(|_| ServiceError::Crypto("referral key"))?)
            .map_err(|_| ServiceError::Crypto("referral key is malformed"))
    }

    /// How the actor stands to a referral; `NotFound` (audited as a refusal) for anyone else.
    async fn referral_role(
        &self,
        actor: &Actor,
        id: ReferralId,
    ) -> Result<(StoredReferralFacts, ReferralRole)> {
        let facts = self.store().referral_facts(id).await?;
        let role = facts.as_ref().and_then(|f| role_of(actor, f));
        if let (Some(f), Some(r)) = (facts, role) {
            if r == ReferralRole::OwnCoach {
                let pid = f.participant_id.ok_or(ServiceError::NotFound)?;
                let scope = self.store().participant_scope(pid).await?;
                if !scope.is_some_and(|s| crate::authz::may_edit_participant(actor, &s)) {
                    return self.refuse_referral(actor, id).await;
                }
            }
            return Ok((f, r));
        }
        self.refuse_referral(actor, id).await
    }

    async fn refuse_referral<T>(&self, actor: &Actor, id: ReferralId) -> Result<T> {
        self.audit_denied(
            actor,
            "referral",
            &id.to_string(),
            "read",
            "service_delivery",
        )
        .await?;
        Err(ServiceError::NotFound)
    }

    /// Opens a referral for `role`: the handed-over data and the documents only while the
    /// consent is in force, and only for the referrer and the receiving project while it is
    /// pending, and for the participant's own coach after acceptance.
    async fn open_referral(
        &self,
        rec: &ReferralRecord,
        role: ReferralRole,
    ) -> Result<ReferralView> {
        let r = &rec.referral;
        let active =
            rec.consents.is_empty() || rec.consents.iter().any(|c| c.withdrawn_at.is_none());
        let mut handover = None;
        let mut documents = Vec::new();
        let has_handover = r.handover_sealed.is_some();
        if let Some(sealed) = &r.handover_sealed {
            match (r.participant_id, &r.wrapped_key) {
                (None, Some(wrapped)) if active && role != ReferralRole::OwnCoach => {
                    let key = self.open_key(r.id, wrapped)?;
                    handover = Some(open_handover(&key, r.id, sealed, false)?);
                    for d in &rec.documents {
                        documents.push(document_info(&key, d)?);
                    }
                }
                (Some(p), _) if role == ReferralRole::OwnCoach => {
                    let dek = self.data_key(p).await?;
                    handover = Some(open_handover(&dek, r.id, sealed, true)?);
                }
                _ => {}
            }
        }
        Ok(ReferralView {
            id: r.id,
            direction: r.direction,
            source: r.source,
            destination: r.destination,
            organisation: r.organisation.clone(),
            referred_by: r.referred_by,
            project_id: r.project_id,
            participant_id: r.participant_id,
            referred_on: r.referred_on,
            reason: r.reason.clone(),
            status: r.status,
            status_reason: r.status_reason.clone(),
            outcome: r.outcome.clone(),
            outcome_on: r.outcome_on,
            decided_at: r.decided_at,
            version: r.version,
            created_at: r.created_at,
            waiting_days: (r.status == ReferralStatus::Pending)
                .then(|| (crate::today() - r.referred_on).whole_days().max(0)),
            consents: rec.consents.clone(),
            consent_active: active,
            handover_hidden: has_handover && !active && handover.is_none(),
            handover,
            documents,
            role,
        })
    }

    /// An institution user refers a final-year student to a project (audited). Refused, with
    /// nothing stored, without the student's consent for `transition` covering the contact
    /// details and every other kind of data handed over, or to a project where the user holds
    /// no institution role (`project`: unknown).
    pub async fn refer_student(
        &self,
        actor: &Actor,
        new: NewSchoolReferral,
    ) -> Result<ReferralView> {
        let Actor::User { id: user, .. } = actor else {
            return Err(invalid("actor", "a referral is made by a person"));
        };
        if !actor.has(Role::Institution, new.project) {
            return Err(rule("project", "referral_unknown_project"));
        }
        let organisation = organisation(&new.organisation)?;
        let reason = referral_text("reason", &new.reason)?
            .ok_or_else(|| rule("reason", "referral_reason_required"))?;
        let handover = new.handover.checked()?;
        let Some(given) = new.consent else {
            return Err(rule("consent", "referral_needs_consent"));
        };
        for needed in handover.categories() {
            if !given.categories.contains(&needed) {
                return Err(rule("consent", "referral_needs_consent"));
            }
        }
        let now = OffsetDateTime::now_utc();
        let mut consents = Vec::new();
        for category in given.categories.iter().copied() {
            if consents
                .iter()
                .any(|c: &ReferralConsent| c.category == category)
            {
                continue;
            }
            let w = crate::consents::wording(
                ConsentPurpose::Transition,
                RecipientClass::Institution,
                category,
            );
            if given.shown.get(&category).is_some_and(|h| *h != w.hash) {
                return Err(invalid(
                    "text_version_hash",
                    "the consent wording has changed; show the student the current wording",
                ));
            }
            consents.push(ReferralConsent {
                category,
                text_version_hash: w.hash,
                given_at: now,
                given_by: *user,
                method: given.method,
                withdrawn_at: None,
                withdrawn_by: None,
            });
        }
        let id = ReferralId::new();
        let (handover_sealed, wrapped_key) = self.seal_handover(id, &handover)?;
        let stored = StoredReferral {
            id,
            direction: ReferralDirection::Incoming,
            source: Some(ReferralSource::Institution),
            destination: None,
            organisation,
            referred_by: Some(*user),
            project_id: new.project,
            participant_id: None,
            referred_on: crate::today(),
            reason,
            status: ReferralStatus::Pending,
            status_reason: None,
            outcome: None,
            outcome_on: None,
            decided_by: None,
            decided_at: None,
            handover_sealed: Some(handover_sealed),
            wrapped_key: Some(wrapped_key),
            version: 1,
            created_at: now,
        };
        let audit = self.referral_audit(actor, id, "refer_student")?;
        self.store()
            .insert_referral(&stored, &consents, &audit)
            .await?;
        self.referral(actor, id).await
    }

    /// One referral as the actor may see it (audited); `NotFound` for anyone it is not for.
    pub async fn referral(&self, actor: &Actor, id: ReferralId) -> Result<ReferralView> {
        let (_, role) = self.referral_role(actor, id).await?;
        let audit = self.referral_audit(actor, id, "read_referral")?;
        let rec = self
            .store()
            .referral(id, &audit)
            .await?
            .ok_or(ServiceError::NotFound)?;
        self.open_referral(&rec, role).await
    }

    /// The referrals the actor made (an institution user) and the incoming school referrals of
    /// the projects where the actor is a coach or manager, newest first (audited).
    pub async fn referral_inbox(&self, actor: &Actor) -> Result<Vec<ReferralView>> {
        let Actor::User { id: user, grants } = actor else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        if grants.iter().any(|g| g.role == Role::Institution) {
            let audit = AuditEvent::new(
                actor,
                "referral",
                None,
                "list_own_referrals",
                "service_delivery",
            )?
            .with_categories(CATEGORIES);
            for rec in self
                .store()
                .referrals(&ReferralFilter::ReferredBy(*user), &audit)
                .await?
            {
                out.push(self.open_referral(&rec, ReferralRole::Referrer).await?);
            }
        }
        let projects = receiving_projects(grants);
        if !projects.is_empty() {
            self.incoming_referrals(actor, &ReferralFilter::IncomingTo(projects), &mut out)
                .await?;
        }
        Ok(out)
    }

    /// The incoming referrals `filter` selects, opened for their receiver and added to `out`
    /// unless listed there already; one audited list read (`list_incoming_referrals`).
    pub(crate) async fn incoming_referrals(
        &self,
        actor: &Actor,
        filter: &ReferralFilter,
        out: &mut Vec<ReferralView>,
    ) -> Result<()> {
        let audit = AuditEvent::new(
            actor,
            "referral",
            None,
            "list_incoming_referrals",
            "service_delivery",
        )?
        .with_categories(CATEGORIES);
        for rec in self.store().referrals(filter, &audit).await? {
            if out.iter().any(|v: &ReferralView| v.id == rec.referral.id) {
                continue;
            }
            out.push(self.open_referral(&rec, ReferralRole::Receiver).await?);
        }
        Ok(())
    }

    /// Attaches a document to a pending referral: its referrer only, with the student's consent
    /// for `documents`. The content is checked first (type from the bytes, 10 MiB, no active
    /// content in PDFs); a refused file changes nothing.
    pub async fn attach_referral_document(
        &self,
        actor: &Actor,
        id: ReferralId,
        title: &str,
        bytes: &[u8],
    ) -> Result<ReferralDocumentInfo> {
        let (facts, role) = self.referral_role(actor, id).await?;
        if role != ReferralRole::Referrer {
            return Err(ServiceError::NotFound);
        }
        if facts.status != ReferralStatus::Pending {
            return Err(rule("status", "referral_not_pending"));
        }
        let title = polku_domain::org::name("title", title, crate::documents::MAX_TITLE)?;
        let file = upload::inspect(bytes).map_err(|r| rule("file", r.code()))?;
        let audit = self.referral_audit(actor, id, "read_referral_for_attachment")?;
        let rec = self
            .store()
            .referral(id, &audit)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !consent_active(&rec.consents, DataCategory::Documents) {
            return Err(rule("consent", "referral_needs_consent"));
        }
        let wrapped = rec
            .referral
            .wrapped_key
            .as_ref()
            .ok_or_else(|| rule("status", "referral_not_pending"))?;
        let key = self.open_key(id, wrapped)?;
        let doc = DocumentId::new();
        let now = OffsetDateTime::now_utc();
        let stored = StoredReferralDocument {
            id: doc,
            referral_id: id,
            title_sealed: key.seal(title.as_bytes(), &doc_aad("title", doc))?,
            content_type: file.content_type().to_owned(),
            size_bytes: i64::try_from(bytes.len()).map_err(|_| rule("file", "file_too_large"))?,
            content_sealed: key.seal(bytes, &doc_aad("content", doc))?,
            created_by: actor.user_id(),
            created_at: now,
        };
        let audit = self.referral_audit(actor, id, &format!("attach_referral_document:{doc}"))?;
        self.store()
            .attach_referral_document(&stored, &audit)
            .await
            .map_err(|e| match e {
                ServiceError::Conflict { .. } => rule("status", "referral_not_pending"),
                other => other,
            })?;
        document_info(&key, &stored)
    }

    /// One attached document with its content (audited before it is returned): the referrer
    /// and the receiving project while the referral is pending and the consent in force.
    pub async fn referral_document(
        &self,
        actor: &Actor,
        id: ReferralId,
        document: DocumentId,
    ) -> Result<ReferralFile> {
        let view = self.referral(actor, id).await?;
        if view.handover.is_none() || !view.documents.iter().any(|d| d.id == document) {
            return Err(ServiceError::NotFound);
        }
        let audit =
            self.referral_audit(actor, id, &format!("download_referral_document:{document}"))?;
        let d = self
            .store()
            .referral_document(id, document, &audit)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let rec_key = self
            .store()
            .referral(id, &self.referral_audit(actor, id, "read_referral_key")?)
            .await?
            .and_then(|r| r.referral.wrapped_key)
            .ok_or(ServiceError::NotFound)?;
        let key = self.open_key(id, &rec_key)?;
        Ok(ReferralFile {
            info: document_info(&key, &d)?,
            bytes: key.open(&d.content_sealed, &doc_aad("content", document))?,
        })
    }

    /// A coach of the target project accepts a pending school referral at `version`: creates the
    /// participant (the coach becomes their coach) with the handed-over data, moves the
    /// documents and the consent over, in one transaction (audited). Refused when it is not
    /// pending (`referral_not_pending`, e.g. accepted already) or the consent was withdrawn.
    pub async fn accept_referral(
        &self,
        actor: &Actor,
        id: ReferralId,
        version: i64,
    ) -> Result<ParticipantId> {
        self.accept_referral_as(actor, id, version, ParticipantId::new())
            .await
    }

    /// [`Service::accept_referral`] creating the participant under the given new id (the demo
    /// derives it from its seed, so that the same seed gives the same data).
    pub async fn accept_referral_as(
        &self,
        actor: &Actor,
        id: ReferralId,
        version: i64,
        participant: ParticipantId,
    ) -> Result<ParticipantId> {
        let (facts, role) = self.referral_role(actor, id).await?;
        if role == ReferralRole::OwnCoach && facts.status != ReferralStatus::Pending {
            // An accepted intake referral is on the participant's path: its own coach sees it,
            // so a second acceptance is refused as such rather than "not found".
            return Err(rule("status", "referral_not_pending"));
        }
        if role != ReferralRole::Receiver || !actor.has(Role::Coach, facts.project_id) {
            return Err(ServiceError::NotFound);
        }
        if facts.status != ReferralStatus::Pending {
            return Err(rule("status", "referral_not_pending"));
        }
        let audit = self.referral_audit(actor, id, "read_referral_for_acceptance")?;
        let rec = self
            .store()
            .referral(id, &audit)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let r = &rec.referral;
        if r.version != version {
            return Err(ServiceError::Conflict { current: r.version });
        }
        if !consent_active(&rec.consents, DataCategory::Contact) {
            return Err(rule("consent", "referral_consent_withdrawn"));
        }
        let (Some(sealed), Some(wrapped)) = (&r.handover_sealed, &r.wrapped_key) else {
            return Err(rule("status", "referral_not_pending"));
        };
        let key = self.open_key(id, wrapped)?;
        let handover = open_handover(&key, id, sealed, false)?;
        let now = OffsetDateTime::now_utc();
        let mut p = polku_domain::Participant {
            id: participant,
            project_id: r.project_id,
            coach_id: actor.user_id(),
            personal: ParticipantPersonal {
                given_name: handover.given_name.clone(),
                family_name: handover.family_name.clone(),
                email: handover.email.clone(),
                phone: handover.phone.clone(),
                hetu: None,
                languages: BTreeMap::new(),
                skills: Vec::new(),
                goals: Vec::new(),
                mobility: Mobility {
                    home: handover.home_municipality.clone(),
                    acceptable: Vec::new(),
                    driving_licence: false,
                },
                availability: Availability::new(HoursRange::new(0, 40)?, 5, false, false, false)?,
                esf: EsfEntry {
                    birth_year: handover.birth_year,
                    ..EsfEntry::default()
                },
            },
            sensitive: ParticipantSensitive {
                functional_notes: handover.support_needs.clone(),
                ..ParticipantSensitive::default()
            },
            stage: PathStage::Enrolled,
            waiting_since: r.referred_on,
            version: 1,
        };
        // Minimisation (R42): what the project's organisation has not switched on is not
        // copied from the handover; the referral keeps it until its own retention ends.
        let fields = self.fields_of_project(r.project_id).await?;
        if !fields.allows(polku_domain::OptionalField::Phone) {
            p.personal.phone = None;
        }
        if !fields.allows(polku_domain::OptionalField::BirthYear) {
            p.personal.esf.birth_year = None;
        }
        p.personal.validate()?;
        p.sensitive.validate()?;
        let dek = Key::random();
        let record = self.seal_record(&dek, &p)?;
        let wrapped_key = self.keys().wrap_data_key(&dek, &participant.0)?;
        // A school's referral carries the student's consent to share with the school; an
        // intake referral's consent covered only the referral itself.
        let from_school = r.source == Some(ReferralSource::Institution);
        let consents = rec
            .consents
            .iter()
            .filter(|c| from_school && c.withdrawn_at.is_none())
            .map(|c| Consent {
                id: ConsentId::new(),
                participant_id: participant,
                recipient: RecipientClass::Institution,
                category: c.category,
                purpose: ConsentPurpose::Transition,
                text_version_hash: c.text_version_hash.clone(),
                given_at: c.given_at,
                given_by: c.given_by,
                method: c.method,
                withdrawn_at: None,
                withdrawn_by: None,
            })
            .collect();
        let mut documents = Vec::new();
        if consent_active(&rec.consents, DataCategory::Documents) {
            for listed in &rec.documents {
                let a = self.referral_audit(
                    actor,
                    id,
                    &format!("move_referral_document:{}", listed.id),
                )?;
                let d = self
                    .store()
                    .referral_document(id, listed.id, &a)
                    .await?
                    .ok_or(ServiceError::NotFound)?;
                documents.push(moved_document(&key, &dek, participant, &d)?);
            }
        }
        let acceptance = Acceptance {
            participant: record,
            wrapped_key,
            consents,
            documents,
            handover_sealed: Some(dek.seal(
                &serde_json::to_vec(&handover).map_err(|e| ServiceError::Storage(e.to_string()))?,
                &handover_aad(id, true),
            )?),
            decided_by: actor.user_id(),
            decided_at: now,
        };
        let audit = self.referral_audit(actor, id, &format!("accept_referral:{participant}"))?;
        self.store()
            .accept_referral(id, version, &acceptance, &audit)
            .await?;
        Ok(participant)
    }

    /// A coach or manager of the target project declines a pending school referral with a
    /// reason (required); the handed-over data and documents are deleted. Audited.
    pub async fn decline_referral(
        &self,
        actor: &Actor,
        id: ReferralId,
        version: i64,
        reason: &str,
    ) -> Result<()> {
        let (facts, role) = self.referral_role(actor, id).await?;
        if role != ReferralRole::Receiver {
            return Err(ServiceError::NotFound);
        }
        let reason = referral_text("reason", reason)?
            .ok_or_else(|| rule("reason", "referral_reason_required"))?;
        self.decide(
            actor,
            id,
            &facts,
            version,
            ReferralStatus::Declined,
            Some(reason),
            "decline_referral",
        )
        .await
    }

    /// The referrer withdraws a pending referral; the handed-over data and documents are
    /// deleted. Audited.
    pub async fn withdraw_referral(
        &self,
        actor: &Actor,
        id: ReferralId,
        version: i64,
    ) -> Result<()> {
        let (facts, role) = self.referral_role(actor, id).await?;
        if role != ReferralRole::Referrer {
            return Err(ServiceError::NotFound);
        }
        self.decide(
            actor,
            id,
            &facts,
            version,
            ReferralStatus::Withdrawn,
            None,
            "withdraw_referral",
        )
        .await
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "one private step of three use cases"
    )]
    async fn decide(
        &self,
        actor: &Actor,
        id: ReferralId,
        facts: &StoredReferralFacts,
        version: i64,
        status: ReferralStatus,
        status_reason: Option<String>,
        action: &str,
    ) -> Result<()> {
        if !facts.status.may_move_to(status) {
            return Err(rule("status", "referral_not_pending"));
        }
        let change = ReferralChange {
            status,
            status_reason,
            outcome: None,
            outcome_on: None,
            decided_by: actor.user_id(),
            decided_at: OffsetDateTime::now_utc(),
        };
        let audit = self.referral_audit(actor, id, action)?;
        self.store()
            .change_referral(id, version, &change, &audit)
            .await
    }

    /// The referrer records that the student withdrew the consent: from the next request the
    /// handed-over data and documents are hidden and the referral cannot be accepted. Audited.
    pub async fn withdraw_referral_consent(&self, actor: &Actor, id: ReferralId) -> Result<()> {
        let (_, role) = self.referral_role(actor, id).await?;
        let Some(by) = actor.user_id() else {
            return Err(invalid("actor", "a consent is withdrawn by a person"));
        };
        if role != ReferralRole::Referrer {
            return Err(ServiceError::NotFound);
        }
        let audit = self.referral_audit(actor, id, "withdraw_referral_consent")?;
        if self
            .store()
            .withdraw_referral_consent(id, OffsetDateTime::now_utc(), by, &audit)
            .await?
        {
            Ok(())
        } else {
            Err(ServiceError::NotFound)
        }
    }

    /// The participant's referrals in and out, newest first (own coach; audited).
    pub async fn participant_referrals(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> Result<Vec<ReferralView>> {
        self.require_editable_participant(actor, participant)
            .await?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            "list_referrals",
            "service_delivery",
        )?
        .with_categories(CATEGORIES);
        let mut out = Vec::new();
        for rec in self
            .store()
            .referrals(&ReferralFilter::Participant(participant), &audit)
            .await?
        {
            out.push(self.open_referral(&rec, ReferralRole::OwnCoach).await?);
        }
        Ok(out)
    }

    /// The own coach records a referral in (from Ohjaamo, the employment services, social
    /// services, another project or elsewhere) or out (to rehabilitation, health services,
    /// education, another project or elsewhere). Audited.
    pub async fn record_referral(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        new: NewParticipantReferral,
    ) -> Result<ReferralView> {
        self.require_editable_participant(actor, participant)
            .await?;
        let scope = self
            .store()
            .participant_scope(participant)
            .await?
            .ok_or(ServiceError::NotFound)?;
        match new.direction {
            ReferralDirection::Incoming if new.source.is_none() || new.destination.is_some() => {
                return Err(invalid("source", "an incoming referral names its source"))
            }
            ReferralDirection::Outgoing if new.destination.is_none() || new.source.is_some() => {
                return Err(invalid(
                    "destination",
                    "an outgoing referral names its destination",
                ))
            }
            _ => {}
        }
        if new.source == Some(ReferralSource::Institution) {
            // A school refers through the handover, with the student's consent.
            return Err(invalid(
                "source",
                "a school's referral is made by the school",
            ));
        }
        let status = new
            .status
            .unwrap_or_else(|| ReferralStatus::initial(new.direction));
        if status.direction() != new.direction || status == ReferralStatus::Withdrawn {
            return Err(invalid("status", "not a state of this kind of referral"));
        }
        let today = crate::today();
        if new.referred_on > today || new.referred_on.year() < 1950 {
            return Err(invalid("referred_on", "a date between 1950 and today"));
        }
        let reason = referral_text("reason", &new.reason)?
            .ok_or_else(|| rule("reason", "referral_reason_required"))?;
        let (status_reason, outcome) = texts_for(status, &new.outcome)?;
        check_outcome_on(new.outcome_on, new.referred_on)?;
        let id = ReferralId::new();
        let now = OffsetDateTime::now_utc();
        let stored = StoredReferral {
            id,
            direction: new.direction,
            source: new.source,
            destination: new.destination,
            organisation: organisation(&new.organisation)?,
            referred_by: actor.user_id(),
            project_id: scope.project_id,
            participant_id: Some(participant),
            referred_on: new.referred_on,
            reason,
            status,
            status_reason,
            outcome,
            outcome_on: new.outcome_on,
            decided_by: None,
            decided_at: None,
            handover_sealed: None,
            wrapped_key: None,
            version: 1,
            created_at: now,
        };
        let audit = self.referral_audit(actor, id, &format!("record_referral:{participant}"))?;
        self.store().insert_referral(&stored, &[], &audit).await?;
        self.referral(actor, id).await
    }

    /// The own coach moves a participant's referral on (or corrects its outcome) at `version`.
    pub async fn update_referral(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        id: ReferralId,
        version: i64,
        update: ReferralUpdate,
    ) -> Result<ReferralView> {
        self.require_editable_participant(actor, participant)
            .await?;
        let (facts, role) = self.referral_role(actor, id).await?;
        if role != ReferralRole::OwnCoach || facts.participant_id != Some(participant) {
            return Err(ServiceError::NotFound);
        }
        if update.status != facts.status && !facts.status.may_move_to(update.status) {
            return Err(rule("status", "referral_status_move"));
        }
        if facts.source == Some(ReferralSource::Institution) {
            return Err(rule("status", "referral_status_move"));
        }
        let current = self.referral(actor, id).await?;
        let (status_reason, outcome) = texts_for(update.status, &update.outcome)?;
        check_outcome_on(update.outcome_on, current.referred_on)?;
        let change = ReferralChange {
            status: update.status,
            status_reason,
            outcome,
            outcome_on: update.outcome_on,
            decided_by: actor.user_id(),
            decided_at: OffsetDateTime::now_utc(),
        };
        let audit = self.referral_audit(
            actor,
            id,
            &format!("update_referral:{}", update.status.as_str()),
        )?;
        self.store()
            .change_referral(id, version, &change, &audit)
            .await?;
        self.referral(actor, id).await
    }
}

/// The decline reason or the outcome text a status takes: a decline keeps its reason apart; a
/// state that needs a text refuses an empty one.
fn texts_for(status: ReferralStatus, text: &str) -> Result<(Option<String>, Option<String>)> {
    let field = if status == ReferralStatus::Declined {
        "reason"
    } else {
        "outcome"
    };
    let t = referral_text(field, text)?;
    if status.needs_text() && t.is_none() {
        return Err(rule(field, "referral_reason_required"));
    }
    Ok(if status == ReferralStatus::Declined {
        (t, None)
    } else {
        (None, t)
    })
}

fn check_outcome_on(on: Option<Date>, referred_on: Date) -> Result<()> {
    if on.is_some_and(|d| d < referred_on || d > crate::today() + time::Duration::days(1)) {
        return Err(invalid(
            "outcome_on",
            "between the referral's date and today",
        ));
    }
    Ok(())
}

fn role_of(actor: &Actor, f: &StoredReferralFacts) -> Option<ReferralRole> {
    let user = actor.user_id()?;
    if f.source == Some(ReferralSource::Institution) {
        if f.referred_by == Some(user) && actor.has(Role::Institution, f.project_id) {
            return Some(ReferralRole::Referrer);
        }
        if actor.has(Role::Coach, f.project_id) || actor.has(Role::Manager, f.project_id) {
            // After acceptance, the participant's own coach also reads it as theirs.
            return Some(ReferralRole::Receiver);
        }
        return None;
    }
    if f.participant_id.is_none() && f.direction == ReferralDirection::Incoming {
        // An intake referral of a person who is not yet a participant (referral_intake.rs):
        // the project's coaches and managers receive it.
        if actor.has(Role::Coach, f.project_id) || actor.has(Role::Manager, f.project_id) {
            return Some(ReferralRole::Receiver);
        }
        return None;
    }
    f.participant_id.map(|_| ReferralRole::OwnCoach)
}

/// The handed-over data checked (names, texts, phone, year of birth), for an intake referral.
pub(crate) fn checked_handover(h: &Handover) -> Result<Handover> {
    h.checked()
}

/// The kinds of data a handover holds, each needing the person's consent.
pub(crate) fn handover_categories(h: &Handover) -> Vec<DataCategory> {
    h.categories()
}

fn open_handover(
    key: &Key,
    id: ReferralId,
    sealed: &[u8],
    under_participant: bool,
) -> Result<Handover> {
    let plain = key.open(sealed, &handover_aad(id, under_participant))?;
    serde_json::from_slice(&plain)
        .map_err(|_| ServiceError::Crypto("sealed handover is not readable"))
}

fn document_info(key: &Key, d: &StoredReferralDocument) -> Result<ReferralDocumentInfo> {
    let title = String::from_utf8(key.open(&d.title_sealed, &doc_aad("title", d.id))?)
        .map_err(|_| ServiceError::Crypto("sealed title is not UTF-8"))?;
    Ok(ReferralDocumentInfo {
        id: d.id,
        title,
        content_type: d.content_type.clone(),
        size_bytes: d.size_bytes,
        created_at: d.created_at,
    })
}

/// A referral's document sealed again as version 1 of the participant's upload (the same
/// associated data as `crate::documents` uses, so the documents tab opens it).
fn moved_document(
    key: &Key,
    dek: &Key,
    participant: ParticipantId,
    d: &StoredReferralDocument,
) -> Result<(StoredDocument, StoredDocumentVersion)> {
    let title = key.open(&d.title_sealed, &doc_aad("title", d.id))?;
    let content = key.open(&d.content_sealed, &doc_aad("content", d.id))?;
    Ok((
        StoredDocument {
            id: d.id,
            participant_id: participant,
            kind: DocumentKind::Upload,
            title_sealed: dek.seal(&title, &crate::documents::title_aad(d.id, 1))?,
            version: 1,
            created_by: d.created_by,
            created_at: d.created_at,
        },
        StoredDocumentVersion {
            document_id: d.id,
            version: 1,
            content_type: d.content_type.clone(),
            size_bytes: d.size_bytes,
            language: None,
            content_sealed: dek.seal(&content, &crate::documents::content_aad(d.id, 1))?,
            note_sealed: None,
            created_by: d.created_by,
            created_at: d.created_at,
        },
    ))
}

/// A referral in the right-of-access export (R39): what a school handed over is `None` after
/// crypto-erasure.
#[derive(Debug, Clone, Serialize)]
pub struct ExportReferral {
    pub direction: &'static str,
    pub source: Option<&'static str>,
    pub destination: Option<&'static str>,
    pub organisation: String,
    pub referred_on: Date,
    pub reason: String,
    pub status: &'static str,
    pub status_reason: Option<String>,
    pub outcome: Option<String>,
    pub outcome_on: Option<Date>,
    pub handover: Option<Handover>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// A stored referral of the participant for the export.
pub(crate) fn export_referral(dek: Option<&Key>, r: &StoredReferral) -> Result<ExportReferral> {
    let handover = match (&r.handover_sealed, dek) {
        (Some(sealed), Some(k)) if r.participant_id.is_some() => {
            Some(open_handover(k, r.id, sealed, true)?)
        }
        _ => None,
    };
    Ok(ExportReferral {
        direction: r.direction.as_str(),
        source: r.source.map(ReferralSource::as_str),
        destination: r.destination.map(ReferralDestination::as_str),
        organisation: r.organisation.clone(),
        referred_on: r.referred_on,
        reason: r.reason.clone(),
        status: r.status.as_str(),
        status_reason: r.status_reason.clone(),
        outcome: r.outcome.clone(),
        outcome_on: r.outcome_on,
        handover,
        created_at: r.created_at,
    })
}
