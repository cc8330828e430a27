//! Trial agreements (kokeilusopimus): the written agreement of a work or education trial, made
//! by the participant's coach once the employer has agreed, and accepted by each party — the
//! participant and the organiser in the service, or any party on paper as the coach records it.
//!
//! The agreement is versioned like NAV's digital agreements: saving it (or changing the
//! placement's terms through it) makes a new version, and acceptances of an older version are
//! kept but void. A work or education trial cannot start (`move_placement` to active) until the
//! participant, the organiser and the employment authority have accepted the current version.
//! Access follows `authz::placement_role`: the coach, the participant and the employer's users;
//! everyone else gets `NotFound`. Every read and change is audited with the purpose `placement`.

use crate::audit::AuditEvent;
use crate::authz::PlacementRole;
use crate::crypto::{aad, Key};
use crate::placements::PlacementView;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::agreement::{missing_parties, NAME_MAX};
use polku_domain::{
    AcceptanceMethod, AgreementAcceptance, AgreementParty, AllowancePayer, DomainError,
    OpeningKind, ParticipantId, PlacementId, PlacementState, TaskId, TrialAgreement,
};
use time::{Date, OffsetDateTime};

const PURPOSE: &str = "placement";

fn rule(field: &'static str, code: &'static str) -> ServiceError {
    ServiceError::Invalid(DomainError::Rule { field, rule: code })
}

/// New terms for the placement, changed together with the agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermsChange {
    pub tasks: Vec<TaskId>,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    pub hours_per_day: u8,
    pub days_per_week: u8,
}

/// The agreement as the coach writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementInput {
    pub objective: String,
    pub signatory_name: String,
    pub signatory_title: String,
    pub authority_name: String,
    pub authority_organisation: String,
    pub authority_contact: String,
    /// Used when the placement has no mentor user.
    pub mentor_name: Option<String>,
    pub allowance_per_day: u8,
    pub allowance_payer: AllowancePayer,
    pub other_terms: String,
    /// New terms for the placement; `None` keeps them.
    pub terms: Option<TermsChange>,
}

/// One acceptance with the name to show and whether it counts for the current version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptanceView {
    pub acceptance: AgreementAcceptance,
    /// The user who accepted in the service, or who signed on paper.
    pub name: String,
    pub current: bool,
}

/// A placement's agreement as a party sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementView {
    pub placement: PlacementView,
    pub employer_business_id: String,
    /// `None` until the coach writes it.
    pub agreement: Option<TrialAgreement>,
    /// Every acceptance, oldest first; those of older versions have `current: false`.
    pub acceptances: Vec<AcceptanceView>,
    /// Required parties that have not accepted the current version.
    pub missing: Vec<AgreementParty>,
    /// The party the viewer may accept as in the service now (not yet accepted).
    pub may_accept_as: Option<AgreementParty>,
}

fn is_trial(kind: OpeningKind) -> bool {
    matches!(kind, OpeningKind::WorkTrial | OpeningKind::EducationTrial)
}

/// The associated data of an agreement version's sealed free-text terms.
fn terms_aad(placement: PlacementId, version: i64) -> Vec<u8> {
    aad("trial_agreements", "other_terms", &placement.0, version)
}

/// Opens an agreement's sealed free-text terms (kept as stored when nothing is sealed).
pub(crate) fn open_terms(
    dek: Option<&Key>,
    mut agreement: TrialAgreement,
    sealed: Option<&[u8]>,
) -> Result<TrialAgreement> {
    if let Some(sealed) = sealed {
        let dek = dek.ok_or(ServiceError::Crypto(
            "the participant's data key was destroyed (erased)",
        ))?;
        agreement.other_terms = String::from_utf8(dek.open(
            sealed,
            &terms_aad(agreement.placement_id, agreement.version),
        )?)
        .map_err(|_| ServiceError::Crypto("sealed text is not UTF-8"))?;
    }
    Ok(agreement)
}

fn clean(s: &str) -> String {
    s.trim().to_owned()
}

impl Service {
    /// The agreement of a placement with its acceptances: for the coach, the participant and
    /// the employer's users.
    pub async fn agreement(&self, actor: &Actor, id: PlacementId) -> Result<AgreementView> {
        let view = self.agreement_party_view(actor, id).await?;
        let audit = self.agreement_audit(actor, &view, "read_agreement")?;
        let record = self.store().get_agreement(id, &audit).await?;
        let employer = self
            .store()
            .get_employer(view.placement.employer_id)
            .await?;
        let employer_business_id = employer.map_or_else(String::new, |e| e.business_id.to_string());
        let Some(record) = record else {
            return Ok(AgreementView {
                placement: view,
                employer_business_id,
                agreement: None,
                acceptances: Vec::new(),
                missing: AgreementParty::REQUIRED.to_vec(),
                may_accept_as: None,
            });
        };
        let dek = match record.other_terms_sealed {
            Some(_) => Some(self.data_key(view.placement.participant_id).await?),
            None => None,
        };
        let agreement = open_terms(
            dek.as_ref(),
            record.agreement,
            record.other_terms_sealed.as_deref(),
        )?;
        let mut acceptances = Vec::new();
        for a in record.acceptances {
            let name = match (&a.signer_name, a.accepted_by, a.method) {
                (Some(n), _, _) => n.clone(),
                (None, Some(u), _) => self
                    .store()
                    .get_user(u)
                    .await?
                    .map_or_else(String::new, |u| u.display_name),
                (None, None, _) => String::new(),
            };
            acceptances.push(AcceptanceView {
                current: a.is_current(&agreement),
                name,
                acceptance: a,
            });
        }
        let raw: Vec<AgreementAcceptance> =
            acceptances.iter().map(|a| a.acceptance.clone()).collect();
        let missing = missing_parties(&agreement, &raw);
        let own = own_party(view.role);
        let may_accept_as = own.filter(|party| {
            view.placement.state == PlacementState::Agreed
                && !raw
                    .iter()
                    .any(|a| a.party == *party && a.is_current(&agreement))
        });
        Ok(AgreementView {
            placement: view,
            employer_business_id,
            agreement: Some(agreement),
            acceptances,
            missing,
            may_accept_as,
        })
    }

    /// Writes or rewrites the agreement of an agreed work or education trial (the participant's
    /// coach). `expected` is the agreement's current version, `None` to write the first one.
    /// Every save is a new version: earlier acceptances no longer count. New terms are checked
    /// against the law like a proposal's (`Placement::validate_terms`).
    pub async fn save_agreement(
        &self,
        actor: &Actor,
        id: PlacementId,
        input: AgreementInput,
        expected: Option<i64>,
    ) -> Result<TrialAgreement> {
        let view = self.agreement_party_view(actor, id).await?;
        if view.role != PlacementRole::Coach {
            return Err(ServiceError::NotFound);
        }
        let p = &view.placement;
        if !is_trial(p.kind) {
            return Err(rule("kind", "agreement_only_for_trials"));
        }
        if p.state != PlacementState::Agreed {
            return Err(rule("state", "agreement_needs_agreed_placement"));
        }
        let agreement = TrialAgreement {
            placement_id: p.id,
            participant_id: p.participant_id,
            objective: clean(&input.objective),
            signatory_name: clean(&input.signatory_name),
            signatory_title: clean(&input.signatory_title),
            authority_name: clean(&input.authority_name),
            authority_organisation: clean(&input.authority_organisation),
            authority_contact: clean(&input.authority_contact),
            mentor_name: input
                .mentor_name
                .as_deref()
                .map(clean)
                .filter(|m| !m.is_empty()),
            allowance_per_day: input.allowance_per_day,
            allowance_payer: input.allowance_payer,
            other_terms: clean(&input.other_terms),
            version: expected.map_or(1, |v| v + 1),
            updated_at: OffsetDateTime::now_utc(),
        };
        agreement.validate()?;
        let mut changed = None;
        if let Some(t) = input.terms {
            let mut q = p.clone();
            q.tasks = t.tasks;
            q.starts_on = t.starts_on;
            q.ends_on = t.ends_on;
            q.hours_per_day = t.hours_per_day;
            q.days_per_week = t.days_per_week;
            if q != *p {
                let tasks = self.store().list_tasks(p.employer_id).await?;
                if q.tasks.iter().any(|t| !tasks.iter().any(|k| k.id == *t)) {
                    return Err(rule("tasks", "task_not_at_employer"));
                }
                let earlier = self.store().placements_of(p.participant_id).await?;
                q.validate_terms(&earlier)?;
                q.version = p.version + 1;
                changed = Some(q);
            }
        }
        let dek = self.data_key(p.participant_id).await?;
        let sealed = dek.seal(
            agreement.other_terms.as_bytes(),
            &terms_aad(agreement.placement_id, agreement.version),
        )?;
        let audit = self.agreement_audit(actor, &view, "agreement_saved")?;
        self.store()
            .save_agreement(
                &agreement,
                &sealed,
                expected,
                changed.as_ref().map(|q| (q, p.version)),
                &audit,
            )
            .await?;
        Ok(agreement)
    }

    /// The signed-in party accepts the agreement's version `version` in the service: the
    /// participant for themself, a user of the employer as the organiser. False when that
    /// version was already accepted by the party. A stale `version` is `Conflict`.
    pub async fn accept_agreement(
        &self,
        actor: &Actor,
        id: PlacementId,
        version: i64,
    ) -> Result<bool> {
        let view = self.agreement_party_view(actor, id).await?;
        let Some(party) = own_party(view.role) else {
            return Err(ServiceError::NotFound);
        };
        self.add_acceptance(
            actor,
            &view,
            party,
            None,
            OffsetDateTime::now_utc(),
            version,
        )
        .await
    }

    /// The coach records a party's acceptance signed on paper on day `on`, naming who signed.
    pub async fn record_paper_acceptance(
        &self,
        actor: &Actor,
        id: PlacementId,
        party: AgreementParty,
        signer_name: &str,
        on: Date,
        version: i64,
    ) -> Result<bool> {
        let view = self.agreement_party_view(actor, id).await?;
        if view.role != PlacementRole::Coach {
            return Err(ServiceError::NotFound);
        }
        let signer = clean(signer_name);
        if signer.is_empty() {
            return Err(rule("signer_name", "agreement_field_required"));
        }
        if signer.chars().count() > NAME_MAX {
            return Err(rule("signer_name", "text_too_long"));
        }
        let today = crate::today();
        if on > today {
            return Err(rule("on", "acceptance_in_future"));
        }
        let at = if on == today {
            OffsetDateTime::now_utc()
        } else {
            on.with_time(time::macros::time!(12:00)).assume_utc()
        };
        self.add_acceptance(actor, &view, party, Some(signer), at, version)
            .await
    }

    /// Whether a participant has any placement: the demo's check before it seeds trials and
    /// their agreements. The operator only; not audited (no personal data is returned).
    pub async fn participant_has_placements(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> Result<bool> {
        if !actor.is_system() {
            return Err(ServiceError::Forbidden);
        }
        Ok(!self.store().placements_of(participant).await?.is_empty())
    }

    /// Refuses to start a work or education trial until its agreement exists and every
    /// required party has accepted the current version (a rule error on `agreement`).
    pub(crate) async fn check_agreement_accepted(&self, id: PlacementId) -> Result<()> {
        let Some((_, parties)) = self.store().agreement_status(id).await? else {
            return Err(rule("agreement", "agreement_missing"));
        };
        if AgreementParty::REQUIRED
            .iter()
            .all(|party| parties.contains(party))
        {
            Ok(())
        } else {
            Err(rule("agreement", "agreement_not_accepted"))
        }
    }

    // Helpers.

    /// The placement for a party of the agreement (coach, participant, employer user); a trial
    /// only. Everyone else, and any other kind of placement, is `NotFound`.
    async fn agreement_party_view(&self, actor: &Actor, id: PlacementId) -> Result<PlacementView> {
        let view = self.placement(actor, id).await?;
        let party = matches!(
            view.role,
            PlacementRole::Coach | PlacementRole::Participant | PlacementRole::Employer
        );
        if !party {
            return Err(ServiceError::NotFound);
        }
        if !is_trial(view.placement.kind) && view.role != PlacementRole::Coach {
            return Err(ServiceError::NotFound);
        }
        Ok(view)
    }

    /// Seals the free-text terms of agreements written before they were sealed (run by
    /// `polku migrate` after the schema migrations; the operator only). A participant whose
    /// data key was destroyed is skipped. Each agreement sealed is audited; its version stays.
    /// Returns how many were sealed.
    pub async fn seal_agreement_texts(&self, actor: &Actor) -> Result<usize> {
        if !actor.is_system() {
            return Err(ServiceError::NotFound);
        }
        let mut n = 0;
        for s in self.store().agreements_in_clear().await? {
            let a = s.agreement;
            let Ok(dek) = self.data_key(a.participant_id).await else {
                continue;
            };
            let sealed = dek.seal(
                a.other_terms.as_bytes(),
                &terms_aad(a.placement_id, a.version),
            )?;
            let audit = AuditEvent::new(
                actor,
                "participant",
                Some(a.participant_id.to_string()),
                &format!("seal_agreement_terms:{}", a.placement_id),
                PURPOSE,
            )?;
            if self
                .store()
                .seal_agreement_terms(a.placement_id, a.version, &sealed, &audit)
                .await?
            {
                n += 1;
            }
        }
        Ok(n)
    }

    /// Seals the free texts stored in clear before they were sealed at rest (follow-up notes,
    /// agreements' other terms): `polku migrate` runs it after the schema migrations. Returns
    /// how many rows were sealed.
    pub async fn seal_free_texts(&self, actor: &Actor) -> Result<usize> {
        Ok(self.seal_follow_up_texts(actor).await? + self.seal_agreement_texts(actor).await?)
    }

    fn agreement_audit(
        &self,
        actor: &Actor,
        view: &PlacementView,
        action: &str,
    ) -> Result<AuditEvent> {
        AuditEvent::new(
            actor,
            "participant",
            Some(view.placement.participant_id.to_string()),
            &format!("{action}:{}", view.placement.id),
            PURPOSE,
        )
    }

    async fn add_acceptance(
        &self,
        actor: &Actor,
        view: &PlacementView,
        party: AgreementParty,
        signer_name: Option<String>,
        at: OffsetDateTime,
        version: i64,
    ) -> Result<bool> {
        if view.placement.state != PlacementState::Agreed {
            return Err(rule("state", "agreement_needs_agreed_placement"));
        }
        let method = if signer_name.is_some() {
            AcceptanceMethod::Paper
        } else {
            AcceptanceMethod::Service
        };
        let acceptance = AgreementAcceptance {
            placement_id: view.placement.id,
            participant_id: view.placement.participant_id,
            party,
            accepted_by: actor.user_id(),
            signer_name,
            method,
            accepted_at: at,
            agreement_version: version,
        };
        let audit = self.agreement_audit(
            actor,
            view,
            &format!("agreement_accepted_{}_{}", party.as_str(), method.as_str()),
        )?;
        self.store().add_acceptance(&acceptance, &audit).await
    }
}

/// The party a placement role accepts as in the service.
fn own_party(role: PlacementRole) -> Option<AgreementParty> {
    match role {
        PlacementRole::Participant => Some(AgreementParty::Participant),
        PlacementRole::Employer => Some(AgreementParty::Organiser),
        _ => None,
    }
}
