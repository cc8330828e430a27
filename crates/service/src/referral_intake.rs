//! Two additions to the referrals of [`crate::referrals`] (issue 14 items 2 and 3):
//!
//! - [`Service::referral_projects`]: the projects where an institution user holds the
//!   institution role, with their code and name, for the "Refer a student" form.
//! - [`Service::intake_referral_inbox`]: the intake referrals the actor receives (the
//!   referral list's rules and audit, without the schools' referrals).
//! - [`Service::record_intake_referral`]: a coach records an incoming referral of a person who
//!   is not yet a participant, from Ohjaamo, the employment services, social services, another
//!   project or elsewhere. It takes the school handover's path: the person's contact details,
//!   goals, strengths and support needs are sealed under the referral's own key, the person's
//!   recorded consent (how it was given, per kind of data, with the hash of the intake wording
//!   shown, [`crate::consents::intake_wording`]) is required, and the referral waits
//!   in the project's incoming list until a coach accepts it (which creates the participant,
//!   [`Service::accept_referral`]) or a coach or manager declines it with a reason (which
//!   deletes the handed-over data). Only coaches and managers of the project see it: anyone
//!   else gets "not found", audited as a refusal.

use crate::referrals::{receiving_projects, ConsentGiven, Handover, ReferralView};
use crate::store::{ReferralConsent, ReferralFilter, StoredReferral};
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{
    DataCategory, DomainError, ProjectId, ReferralDirection, ReferralId, ReferralSource,
    ReferralStatus, Role,
};
use time::{Date, OffsetDateTime};

/// A project an institution user may refer students to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralProject {
    pub id: ProjectId,
    pub code: String,
    pub name: String,
}

/// An incoming referral of a person who is not yet a participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIntakeReferral {
    pub project: ProjectId,
    /// Anything but `institution` (a school refers through the handover).
    pub source: ReferralSource,
    /// The referring organisation's name (e.g. "Ohjaamo Lahti").
    pub organisation: String,
    pub referred_on: Date,
    pub reason: String,
    pub handover: Handover,
    /// `None`: the person's consent was not recorded (the referral is refused).
    pub consent: Option<ConsentGiven>,
}

fn rule(field: &'static str, rule: &'static str) -> ServiceError {
    ServiceError::Invalid(DomainError::Rule { field, rule })
}

fn invalid(field: &'static str, reason: &str) -> ServiceError {
    ServiceError::Invalid(DomainError::Invalid {
        field,
        reason: reason.into(),
    })
}

impl Service {
    /// The projects where the actor holds the institution role, ordered by code. Project codes
    /// and names are not personal data: not audited.
    pub async fn referral_projects(&self, actor: &Actor) -> Result<Vec<ReferralProject>> {
        self.projects_where(actor, Role::Institution).await
    }

    /// The projects where the actor is a coach (where they may record an intake referral),
    /// ordered by code. Not audited (no personal data).
    pub async fn intake_projects(&self, actor: &Actor) -> Result<Vec<ReferralProject>> {
        self.projects_where(actor, Role::Coach).await
    }

    /// The intake referrals the actor may see, newest first: those of the projects where they
    /// are a coach or a manager, by the rules and with the audited list read of
    /// [`Service::referral_inbox`], without the schools' referrals. Anyone else: none.
    pub async fn intake_referral_inbox(&self, actor: &Actor) -> Result<Vec<ReferralView>> {
        let Actor::User { grants, .. } = actor else {
            return Ok(Vec::new());
        };
        let projects = receiving_projects(grants);
        let mut out = Vec::new();
        if !projects.is_empty() {
            self.incoming_referrals(actor, &ReferralFilter::IntakeTo(projects), &mut out)
                .await?;
        }
        Ok(out)
    }

    async fn projects_where(&self, actor: &Actor, role: Role) -> Result<Vec<ReferralProject>> {
        let Actor::User { grants, .. } = actor else {
            return Ok(Vec::new());
        };
        let mut ids: Vec<ProjectId> = grants
            .iter()
            .filter(|g| g.role == role)
            .filter_map(|g| g.project)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mut out = Vec::new();
        for id in ids {
            if let Some(p) = self.store().get_project(id).await? {
                out.push(ReferralProject {
                    id: p.id,
                    code: p.code,
                    name: p.name,
                });
            }
        }
        out.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(out)
    }

    /// A coach of `new.project` records an incoming referral of a person who is not yet a
    /// participant (audited). Refused, with nothing stored, without the person's recorded
    /// consent covering the contact details and every other kind of data recorded, for a
    /// school as the source (`source`: `referral_intake_school`), or for a project where the actor is not a coach
    /// (`project`: unknown).
    pub async fn record_intake_referral(
        &self,
        actor: &Actor,
        new: NewIntakeReferral,
    ) -> Result<ReferralView> {
        let Actor::User { id: user, .. } = actor else {
            return Err(invalid("actor", "a referral is recorded by a person"));
        };
        if !actor.has(Role::Coach, new.project) {
            return Err(rule("project", "referral_unknown_project"));
        }
        if new.source == ReferralSource::Institution {
            // A school refers through its own handover (`refer_student`).
            return Err(rule("source", "referral_intake_school"));
        }
        let today = crate::today();
        if new.referred_on > today || new.referred_on.year() < 1950 {
            return Err(invalid("referred_on", "a date between 1950 and today"));
        }
        let organisation = polku_domain::org::name(
            "organisation",
            &new.organisation,
            polku_domain::referral::MAX_ORGANISATION,
        )?;
        let reason = polku_domain::referral::referral_text("reason", &new.reason)?
            .ok_or_else(|| rule("reason", "referral_reason_required"))?;
        let handover = crate::referrals::checked_handover(&new.handover)?;
        let Some(given) = new.consent else {
            return Err(rule("consent", "referral_needs_consent"));
        };
        for needed in crate::referrals::handover_categories(&handover) {
            if !given.categories.contains(&needed) {
                return Err(rule("consent", "referral_needs_consent"));
            }
        }
        let now = OffsetDateTime::now_utc();
        let mut consents: Vec<ReferralConsent> = Vec::new();
        for category in given.categories.iter().copied() {
            if category == DataCategory::Documents
                || consents.iter().any(|c| c.category == category)
            {
                continue;
            }
            let w = crate::consents::intake_wording(category);
            if given.shown.get(&category).is_some_and(|h| *h != w.hash) {
                return Err(invalid(
                    "text_version_hash",
                    "the consent wording has changed; show the person the current wording",
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
            source: Some(new.source),
            destination: None,
            organisation,
            referred_by: Some(*user),
            project_id: new.project,
            participant_id: None,
            referred_on: new.referred_on,
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
        let audit = self.referral_audit(actor, id, "record_intake_referral")?;
        self.store()
            .insert_referral(&stored, &consents, &audit)
            .await?;
        self.referral(actor, id).await
    }
}
