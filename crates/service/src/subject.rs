//! Data-subject requests and breach queries.
//!
//! [`Service::export_subject`] answers a right-of-access or portability request (GDPR Art. 15
//! and 20; R39): one JSON document with everything stored about a participant, opened, plus the
//! consent history, the recipients their data was shared with, and the access log about them
//! (R37). Staff identities (who read, who recorded) are left out unless the request explicitly
//! includes them; recipients of disclosures are always named (Art. 15(1)(c)). The records are read
//! in one transaction, which also appends the export's own audit entry.
//!
//! [`Service::query_audit`] answers "who accessed this person, when" and "whom did this user
//! access" for a breach assessment (Art. 33; R45).

use crate::audit::{AuditEvent, AuditRow, PURPOSES};
use crate::meetings::notes_aad;
use crate::plan::text_aad;
use crate::store::{AuditQuery, SubjectRecords};
use crate::{authz, consents, Actor, Result, Service, ServiceError};
use polku_domain::{
    ConsentMethod, ConsentPurpose, DataCategory, ParticipantId, ParticipantPersonal,
    ParticipantSensitive, PlaceType, RecipientClass, UserId,
};
use serde::Serialize;
use std::collections::BTreeMap;
use time::{Date, OffsetDateTime};

/// The `format` of an export; a new major version when a field changes meaning or goes away.
pub const EXPORT_FORMAT: &str = "polku.subject-export.v1";

/// The most entries one audit query returns.
pub const AUDIT_QUERY_MAX: i64 = 100_000;

/// A right-of-access / portability export (R39).
#[derive(Debug, Clone, Serialize)]
pub struct SubjectExport {
    pub format: &'static str,
    pub generated_at: String,
    pub subject: ParticipantId,
    /// Who holds the data: the organisation and project.
    pub controller: Controller,
    /// `true` after crypto-erasure: the sealed fields (special-category data, identity code,
    /// meeting notes, plan texts) can no longer be opened and are `null`.
    pub sealed_data_erased: bool,
    pub personal: ParticipantPersonal,
    pub sensitive: Option<ParticipantSensitive>,
    /// The names of the ESCO skills and occupations above, in the export's language.
    pub labels: BTreeMap<String, String>,
    pub service_path: ServicePath,
    pub meetings: Vec<ExportMeeting>,
    pub plan: Vec<ExportPlanItem>,
    /// Proposals to employers and placements (trials, jobs, apprenticeships, gigs).
    pub placements: Vec<ExportPlacement>,
    /// Follow-ups after hiring (staying in work).
    pub follow_ups: Vec<ExportFollowUp>,
    /// The ESF+ record: entry data, leaving and the six-month follow-up. After crypto-erasure
    /// the sealed answers (disability, minority) read "not_known" and `esf_special_erased` is set.
    pub esf: Option<polku_domain::EsfRecord>,
    pub esf_special_erased: bool,
    /// Written agreements of work and education trials, with every acceptance.
    pub agreements: Vec<ExportAgreement>,
    /// Workplace mentoring of the placements: check-ins, feedback, evidence.
    pub mentoring: crate::mentoring::ExportMentoring,
    pub consents: Vec<ExportConsent>,
    /// Actual disclosures: who the data was shared with, which field groups, until when.
    pub disclosures: Vec<Disclosure>,
    /// Holds on erasing the data (GDPR Art. 17(3)), released ones included.
    pub legal_holds: Vec<ExportHold>,
    /// Restrictions of processing (GDPR Art. 18), lifted ones included.
    pub restrictions: Vec<ExportRestriction>,
    /// The participant's documents with every version (kind, title, media type, size,
    /// language, date); each version's content is downloaded from the documents tab or API.
    pub documents: Vec<crate::documents::ExportDocument>,
    /// Referrals in and out, with what a school handed over (opened while the data key exists).
    pub referrals: Vec<crate::referrals::ExportReferral>,
    /// Every recorded read or change of the participant's data, oldest first (R37).
    pub access_events: Vec<AccessEvent>,
    /// Purposes, sources and retention of the processing.
    pub processing: Processing,
    /// Competence shown in placements per vocational skill requirement (opinnollistaminen).
    pub qualification_evidence: Vec<crate::qualifications::export::ExportQualificationEvidence>,
}

/// A follow-up after hiring: when it was due, and what was recorded when it was done.
#[derive(Debug, Clone, Serialize)]
pub struct ExportFollowUp {
    /// The employer of the placement it follows.
    pub employer: String,
    pub checkpoint: polku_domain::RetentionCheckpoint,
    pub due_on: Date,
    pub done_on: Option<Date>,
    pub record: Option<polku_domain::FollowUpRecord>,
    /// Only when staff identities are included.
    pub recorded_by: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Controller {
    pub organisation: String,
    pub project: String,
    pub project_code: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ServicePath {
    pub stage: String,
    pub waiting_since: Date,
    /// The participant's coach (the person they work with).
    pub coach: Option<String>,
    pub stage_changes: Vec<ExportStageChange>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportStageChange {
    pub from: String,
    pub to: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Only when staff identities are included.
    pub by: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportMeeting {
    #[serde(with = "time::serde::rfc3339")]
    pub starts_at: OffsetDateTime,
    pub duration_min: u16,
    pub place: PlaceType,
    /// `null` after crypto-erasure.
    pub notes: Option<String>,
    /// Only when staff identities are included.
    pub held_by: Option<String>,
}

/// A proposal or placement at an employer.
#[derive(Debug, Clone, Serialize)]
pub struct ExportPlacement {
    pub employer: String,
    pub kind: polku_domain::OpeningKind,
    pub state: polku_domain::PlacementState,
    pub tasks: Vec<String>,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    pub hours_per_day: u8,
    pub days_per_week: u8,
    /// The field groups disclosed to the employer with the proposal.
    pub disclosed: Vec<polku_domain::DataCategory>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub proposed_at: Option<OffsetDateTime>,
    pub employer_answer: Option<polku_domain::EmployerAnswer>,
    pub answer_reason: Option<String>,
    pub end_reason: Option<String>,
    pub ended_on: Option<Date>,
    /// A gig's hours actually worked.
    pub gig_hours: Option<f64>,
}

/// A trial agreement as the participant sees it: its content and who accepted which version.
#[derive(Debug, Clone, Serialize)]
pub struct ExportAgreement {
    pub placement: polku_domain::PlacementId,
    pub objective: String,
    pub organiser_signatory: String,
    pub authority_contact: String,
    pub mentor_name: Option<String>,
    pub allowance_per_day: u8,
    pub allowance_payer: polku_domain::AllowancePayer,
    pub other_terms: String,
    pub version: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub acceptances: Vec<ExportAcceptance>,
}

/// One party's acceptance of one version (`current`: of the version in force).
#[derive(Debug, Clone, Serialize)]
pub struct ExportAcceptance {
    pub party: polku_domain::AgreementParty,
    pub method: polku_domain::AcceptanceMethod,
    pub signer_name: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub accepted_at: OffsetDateTime,
    pub agreement_version: i64,
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportPlanItem {
    /// `null` after crypto-erasure.
    pub text: Option<String>,
    pub due: Option<Date>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub done_at: Option<OffsetDateTime>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportConsent {
    pub category: DataCategory,
    pub recipient: RecipientClass,
    pub purpose: ConsentPurpose,
    pub method: ConsentMethod,
    #[serde(with = "time::serde::rfc3339")]
    pub given_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub withdrawn_at: Option<OffsetDateTime>,
    /// SHA-256 of the wording shown.
    pub text_version_hash: String,
    /// The wording shown, in the export's language, while it is still the current one.
    pub wording: Option<String>,
    /// Only when staff identities are included.
    pub recorded_by: Option<String>,
    pub withdrawn_by: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Disclosure {
    /// The person the data was shared with.
    pub recipient: String,
    /// Employer, mentor or institution (from the recipient's roles in the project).
    pub recipient_kinds: Vec<RecipientClass>,
    pub categories: Vec<DataCategory>,
    pub until: Date,
    #[serde(with = "time::serde::rfc3339::option")]
    pub revoked_at: Option<OffsetDateTime>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportHold {
    pub ground: &'static str,
    pub article: &'static str,
    /// The controller's reference for the reason.
    pub reference: String,
    pub until: Date,
    #[serde(with = "time::serde::rfc3339::option")]
    pub released_at: Option<OffsetDateTime>,
}

/// A restriction of processing (GDPR Art. 18): on what ground, since when, lifted when.
#[derive(Debug, Clone, Serialize)]
pub struct ExportRestriction {
    pub ground: &'static str,
    pub article: &'static str,
    /// The controller's reference for the request.
    pub reference: String,
    #[serde(with = "time::serde::rfc3339")]
    pub set_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub lifted_at: Option<OffsetDateTime>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AccessEvent {
    /// RFC 3339 UTC.
    pub at: String,
    pub action: String,
    pub purpose: String,
    pub purpose_description: String,
    /// The role(s) of whoever acted, e.g. `coach` or `employer`.
    pub actor_role: String,
    /// Only when staff identities are included.
    pub actor: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Processing {
    pub purposes: Vec<PurposeLine>,
    pub sources: Vec<String>,
    pub retention: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PurposeLine {
    pub code: &'static str,
    pub description: &'static str,
}

/// What a breach query (R45) asks; see [`AuditQuery`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditSearch {
    pub subject: Option<ParticipantId>,
    /// An audit actor id (`user:…`, `system:…`).
    pub actor: Option<String>,
    pub from: Option<OffsetDateTime>,
    pub to: Option<OffsetDateTime>,
    pub limit: Option<i64>,
}

fn purpose_description(code: &str) -> String {
    PURPOSES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(String::new, |(_, d)| (*d).to_owned())
}

/// The `UserId` in an audit actor id `user:…`.
fn audit_user(actor: &str) -> Option<UserId> {
    actor
        .strip_prefix("user:")
        .and_then(|u| uuid::Uuid::parse_str(u).ok())
        .map(UserId)
}

impl Service {
    /// The right-of-access / portability export of one participant (R37, R39). Only the
    /// participant's own coach, the participant themself or the operator may ask; anyone else
    /// gets `NotFound` (R14). `locale` picks the language of consent wordings (`fi`, `sv`, `en`,
    /// `fi-x-selko`). With `include_staff`, the names of staff who read or recorded are included
    /// (the audit entry says so).
    pub async fn export_subject(
        &self,
        actor: &Actor,
        id: ParticipantId,
        locale: &str,
        include_staff: bool,
    ) -> Result<SubjectExport> {
        match self.store().participant_scope(id).await? {
            Some(scope) if authz::may_export_subject(actor, &scope) => {}
            _ => {
                self.audit_denied(
                    actor,
                    "participant",
                    &id.to_string(),
                    "export",
                    "data_subject_request",
                )
                .await?;
                return Err(ServiceError::NotFound);
            }
        }
        let action = if include_staff {
            "export_with_staff"
        } else {
            "export"
        };
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(id.to_string()),
            action,
            "data_subject_request",
        )?;
        let records = self
            .store()
            .subject_records(id, &audit)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let export = self.build_export(records, locale, include_staff).await?;
        // The export answers the person's open access requests (R39).
        self.answer_subject_requests(
            actor,
            id,
            crate::subject_requests::SubjectRequestKind::Access,
        )
        .await?;
        Ok(export)
    }

    async fn build_export(
        &self,
        r: SubjectRecords,
        locale: &str,
        include_staff: bool,
    ) -> Result<SubjectExport> {
        let id = r.participant.id;
        let project = self
            .store()
            .get_project(r.participant.project_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let organisation = self
            .store()
            .get_organisation(project.organisation_id)
            .await?
            .map(|o| o.name)
            .unwrap_or_default();
        // Names of everyone the export may mention, looked up once each.
        let mut names: BTreeMap<UserId, String> = BTreeMap::new();
        let mut wanted: Vec<UserId> = r.participant.coach_id.into_iter().collect();
        wanted.extend(r.shares.iter().map(|s| s.recipient));
        if include_staff {
            wanted.extend(r.meetings.iter().map(|m| m.meeting.coach_id));
            wanted.extend(r.consents.iter().map(|c| c.given_by));
            wanted.extend(r.consents.iter().filter_map(|c| c.withdrawn_by));
            wanted.extend(r.stage_changes.iter().filter_map(|(_, by)| audit_user(by)));
            wanted.extend(r.audit.iter().filter_map(|e| audit_user(&e.actor)));
        }
        let mut roles: BTreeMap<UserId, Vec<RecipientClass>> = BTreeMap::new();
        for u in wanted {
            if names.contains_key(&u) {
                continue;
            }
            if let Some(user) = self.store().get_user(u).await? {
                let acting = Actor::User {
                    id: user.id,
                    grants: user.roles.clone(),
                };
                roles.insert(u, authz::recipient_classes(&acting, project.id));
                names.insert(u, user.display_name);
            }
        }
        let name = |u: UserId| names.get(&u).cloned().unwrap_or_else(|| u.to_string());
        let staff = |u: UserId| include_staff.then(|| name(u));
        let staff_actor =
            |a: &str| include_staff.then(|| audit_user(a).map_or_else(|| a.to_owned(), &name));

        // Sealed fields open only while the data key exists.
        let (personal, sensitive, dek) = match r.wrapped_key.as_deref() {
            Some(w) => {
                let (p, dek) = self.open_record(&r.participant, Some(w))?;
                (p.personal, Some(p.sensitive), Some(dek))
            }
            None => {
                let personal: ParticipantPersonal =
                    serde_json::from_str(&r.participant.personal_json)
                        .map_err(|e| ServiceError::Storage(e.to_string()))?;
                (personal, None, None)
            }
        };
        let mut labels = BTreeMap::new();
        let uris: Vec<String> = personal
            .skills
            .iter()
            .map(|s| s.skill.as_str().to_owned())
            .chain(personal.goals.iter().map(|g| g.as_str().to_owned()))
            .collect();
        for c in self.store().get_esco_many(&uris).await? {
            labels.insert(c.uri.clone(), crate::skill_search::label_in(&c, locale));
        }
        let open_text = |sealed: &[u8], aad: &[u8]| -> Result<Option<String>> {
            match &dek {
                Some(k) => String::from_utf8(k.open(sealed, aad)?)
                    .map(Some)
                    .map_err(|_| ServiceError::Crypto("sealed text is not UTF-8")),
                None => Ok(None),
            }
        };
        let meetings = r
            .meetings
            .iter()
            .map(|m| {
                Ok(ExportMeeting {
                    starts_at: m.meeting.starts_at,
                    duration_min: m.meeting.duration_min,
                    place: m.meeting.place,
                    notes: open_text(&m.notes_sealed, &notes_aad(m.meeting.id))?,
                    held_by: staff(m.meeting.coach_id),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let plan = r
            .plan_items
            .iter()
            .map(|p| {
                Ok(ExportPlanItem {
                    text: open_text(&p.text_sealed, &text_aad(p.item.id))?,
                    due: p.item.due,
                    done_at: p.item.done_at,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut placements = Vec::new();
        for p in &r.placements {
            let employer = self.store().get_employer(p.employer_id).await?;
            let tasks = self.store().list_tasks(p.employer_id).await?;
            placements.push(ExportPlacement {
                employer: employer.map_or_else(String::new, |e| e.name),
                kind: p.kind,
                state: p.state,
                tasks: p
                    .tasks
                    .iter()
                    .filter_map(|t| tasks.iter().find(|k| k.id == *t))
                    .map(|t| t.title.clone())
                    .collect(),
                starts_on: p.starts_on,
                ends_on: p.ends_on,
                hours_per_day: p.hours_per_day,
                days_per_week: p.days_per_week,
                disclosed: p.categories.clone(),
                proposed_at: p.proposed_at,
                employer_answer: p.answer,
                answer_reason: p.answer_reason.clone(),
                end_reason: p.end_reason.clone(),
                ended_on: p.ended_on,
                gig_hours: p.gig_hours.map(polku_domain::GigHours::hours),
            });
        }
        let mut follow_ups = Vec::new();
        for stored in &r.follow_ups {
            // Without the data key (erased) the sealed texts are left out.
            let f = match crate::follow_ups::open_follow_up(dek.as_ref(), stored.clone()) {
                Ok(f) => f,
                Err(ServiceError::Crypto(_)) if dek.is_none() => {
                    let mut f = stored.follow_up.clone();
                    f.record = None;
                    f
                }
                Err(e) => return Err(e),
            };
            let employer = match r.placements.iter().find(|p| p.id == f.placement_id) {
                Some(p) => self
                    .store()
                    .get_employer(p.employer_id)
                    .await?
                    .map_or_else(String::new, |e| e.name),
                None => String::new(),
            };
            follow_ups.push(ExportFollowUp {
                employer,
                checkpoint: f.checkpoint,
                due_on: f.due_on,
                done_on: f.done_on,
                record: f.record.clone(),
                recorded_by: f.recorded_by.and_then(staff),
            });
        }
        let documents = r
            .documents
            .iter()
            .map(|(d, v)| crate::documents::export_document(dek.as_ref(), d, v))
            .collect::<Result<Vec<_>>>()?;
        let referrals = r
            .referrals
            .iter()
            .map(|x| crate::referrals::export_referral(dek.as_ref(), x))
            .collect::<Result<Vec<_>>>()?;
        let esf = match (&r.esf, &dek) {
            (Some(row), Some(k)) => Some(crate::esf::record_of(row, k)?),
            (Some(row), None) => Some(crate::esf::record_of_unsealed(row)?),
            (None, _) => None,
        };
        let esf_special_erased = r.esf.is_some() && dek.is_none();
        let mut opened = Vec::new();
        for stored in &r.agreements {
            let a = match crate::agreements::open_terms(
                dek.as_ref(),
                stored.agreement.clone(),
                stored.other_terms_sealed.as_deref(),
            ) {
                Ok(a) => a,
                // Without the data key (erased) the sealed terms are left out.
                Err(ServiceError::Crypto(_)) if dek.is_none() => stored.agreement.clone(),
                Err(e) => return Err(e),
            };
            opened.push(a);
        }
        let agreements = opened
            .iter()
            .map(|a| ExportAgreement {
                placement: a.placement_id,
                objective: a.objective.clone(),
                organiser_signatory: format!("{}, {}", a.signatory_name, a.signatory_title),
                authority_contact: format!(
                    "{}, {}, {}",
                    a.authority_name, a.authority_organisation, a.authority_contact
                ),
                mentor_name: a.mentor_name.clone(),
                allowance_per_day: a.allowance_per_day,
                allowance_payer: a.allowance_payer,
                other_terms: a.other_terms.clone(),
                version: a.version,
                updated_at: a.updated_at,
                acceptances: r
                    .agreement_acceptances
                    .iter()
                    .filter(|c| c.placement_id == a.placement_id)
                    .map(|c| ExportAcceptance {
                        party: c.party,
                        method: c.method,
                        signer_name: c.signer_name.clone(),
                        accepted_at: c.accepted_at,
                        agreement_version: c.agreement_version,
                        current: c.is_current(a),
                    })
                    .collect(),
            })
            .collect();
        let mentoring = crate::mentoring::export_mentoring(dek.as_ref(), &r.mentoring)?;
        let qualification_evidence = self
            .export_qualification_evidence(dek.as_ref(), &r.qualification_evidence)
            .await?;
        let consents = r
            .consents
            .iter()
            .map(|c| {
                let current = consents::wording(c.purpose, c.recipient, c.category);
                let wording = (current.hash == c.text_version_hash)
                    .then(|| {
                        current
                            .texts
                            .iter()
                            .find(|(l, _)| *l == locale)
                            .or(current.texts.first())
                            .map(|(_, t)| t.clone())
                    })
                    .flatten();
                ExportConsent {
                    category: c.category,
                    recipient: c.recipient,
                    purpose: c.purpose,
                    method: c.method,
                    given_at: c.given_at,
                    withdrawn_at: c.withdrawn_at,
                    text_version_hash: c.text_version_hash.clone(),
                    wording,
                    recorded_by: staff(c.given_by),
                    withdrawn_by: c.withdrawn_by.and_then(staff),
                }
            })
            .collect();
        let disclosures = r
            .shares
            .iter()
            .map(|s| Disclosure {
                recipient: name(s.recipient),
                recipient_kinds: roles.get(&s.recipient).cloned().unwrap_or_default(),
                categories: s.categories.clone(),
                until: s.until,
                revoked_at: s.revoked_at,
            })
            .collect();
        // Who accessed the data: a denied attempt disclosed nothing and is left out here (it
        // stays in the audit log for breach questions, `polku audit query`).
        let accessed: Vec<&AuditRow> = r
            .audit
            .iter()
            .filter(|e| e.outcome.as_deref() != Some(crate::denials::OUTCOME_DENIED))
            .collect();
        let access_events = accessed
            .iter()
            .map(|e| AccessEvent {
                at: e.at.clone(),
                action: e.action.clone(),
                purpose: e.purpose.clone(),
                purpose_description: purpose_description(&e.purpose),
                actor_role: e.actor_role.clone(),
                actor: staff_actor(&e.actor),
            })
            .collect();
        let mut used: Vec<&str> = accessed.iter().map(|e| e.purpose.as_str()).collect();
        used.push("data_subject_request");
        Ok(SubjectExport {
            format: EXPORT_FORMAT,
            generated_at: crate::audit::timestamp(OffsetDateTime::now_utc()),
            subject: id,
            controller: Controller {
                organisation,
                project: project.name.clone(),
                project_code: project.code.clone(),
            },
            sealed_data_erased: dek.is_none(),
            personal,
            sensitive,
            labels,
            service_path: ServicePath {
                stage: r.participant.stage.clone(),
                waiting_since: r.participant.waiting_since,
                coach: r.participant.coach_id.map(name),
                stage_changes: r
                    .stage_changes
                    .iter()
                    .map(|(c, by)| ExportStageChange {
                        from: c.from.clone(),
                        to: c.to.clone(),
                        at: c.at,
                        by: staff_actor(by),
                    })
                    .collect(),
            },
            meetings,
            plan,
            placements,
            follow_ups,
            esf,
            esf_special_erased,
            agreements,
            mentoring,
            consents,
            disclosures,
            legal_holds: r
                .legal_holds
                .iter()
                .map(|h| ExportHold {
                    ground: h.ground.as_str(),
                    article: h.ground.article(),
                    reference: h.reference.clone(),
                    until: h.until,
                    released_at: h.released_at,
                })
                .collect(),
            restrictions: r
                .restrictions
                .iter()
                .map(|x| ExportRestriction {
                    ground: x.ground.as_str(),
                    article: x.ground.article(),
                    reference: x.reference.clone(),
                    set_at: x.set_at,
                    lifted_at: x.lifted_at,
                })
                .collect(),
            documents,
            referrals,
            access_events,
            processing: Processing {
                purposes: PURPOSES
                    .iter()
                    .filter(|(c, _)| used.contains(c))
                    .map(|&(code, description)| PurposeLine { code, description })
                    .collect(),
                sources: vec![
                    "The participant, in meetings with their coach".into(),
                    "The participant's coach, who records the service path, meetings and plan"
                        .into(),
                ],
                retention: crate::register::case_retention(),
            },
            qualification_evidence,
        })
    }

    /// Audit entries about a participant and/or by an actor within a time window (R45), oldest
    /// first, at most `limit` (default and ceiling [`AUDIT_QUERY_MAX`]). For the operator and
    /// administrators only; the query itself is audited.
    pub async fn query_audit(&self, actor: &Actor, search: &AuditSearch) -> Result<Vec<AuditRow>> {
        if !matches!(actor, Actor::System { .. }) && !actor.is_admin() {
            return Err(ServiceError::Forbidden);
        }
        let invalid = |field, reason: &str| {
            ServiceError::Invalid(polku_domain::DomainError::Invalid {
                field,
                reason: reason.into(),
            })
        };
        let limit = search.limit.unwrap_or(AUDIT_QUERY_MAX);
        if !(1..=AUDIT_QUERY_MAX).contains(&limit) {
            return Err(invalid("limit", "must be between 1 and 100000"));
        }
        if let (Some(f), Some(t)) = (search.from, search.to) {
            if f >= t {
                return Err(invalid("to", "must be after from"));
            }
        }
        if search.subject.is_none() && search.actor.is_none() && search.from.is_none() {
            return Err(invalid(
                "subject",
                "give a subject, an actor or a start time",
            ));
        }
        // A search about one person is recorded against them, so it shows in their access log.
        let audit = match search.subject {
            Some(s) => AuditEvent::new(
                actor,
                "participant",
                Some(s.to_string()),
                "audit_query",
                "breach_investigation",
            )?,
            None => AuditEvent::new(actor, "audit_log", None, "query", "breach_investigation")?,
        };
        self.store().append_audit(&audit).await?;
        self.store()
            .audit_query(&AuditQuery {
                subject: search.subject.map(|s| s.to_string()),
                actor: search.actor.clone(),
                from: search.from.map(crate::audit::timestamp),
                to: search.to.map(crate::audit::timestamp),
                limit,
            })
            .await
    }
}
