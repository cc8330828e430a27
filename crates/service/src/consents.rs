//! Consent records (R16) and the consent a share needs (R17).
//!
//! A consent is given for one data category, one kind of recipient (employer, mentor,
//! institution) and one purpose, and records the SHA-256 of the exact wording the participant
//! was shown (`data/consent-texts.json`, every language), who recorded it and how. Only the
//! participant's own coach records, lists and withdraws consents. Withdrawing is one step, takes
//! effect on the very next request (access is decided from the stored records on each request,
//! nothing is cached), and keeps the record: the history shows both events.

use crate::audit::AuditEvent;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::catalogue::{consent_texts, CONSENT_LOCALES};
use polku_domain::{
    Consent, ConsentId, ConsentMethod, ConsentPurpose, DataCategory, DomainError, ParticipantId,
    RecipientClass, UserId,
};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

/// The wording a participant is shown for a consent, in every locale, and its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    /// `(locale, text)` in [`CONSENT_LOCALES`] order.
    pub texts: Vec<(&'static str, String)>,
    /// SHA-256 (hex) of the texts, each preceded by its locale and ended by a newline.
    pub hash: String,
}

/// The wording of a consent for `purpose`, `recipient` and `category`.
pub fn wording(
    purpose: ConsentPurpose,
    recipient: RecipientClass,
    category: DataCategory,
) -> Wording {
    let catalogue = consent_texts();
    let texts: Vec<(&'static str, String)> = CONSENT_LOCALES
        .iter()
        .map(|&l| (l, catalogue.text(purpose, recipient, category, l)))
        .collect();
    let mut h = Sha256::new();
    h.update(catalogue.version.as_bytes());
    h.update(b"\n");
    for (l, t) in &texts {
        h.update(l.as_bytes());
        h.update(b"\t");
        h.update(t.as_bytes());
        h.update(b"\n");
    }
    Wording {
        texts,
        hash: crate::crypto::hex_encode(&h.finalize()),
    }
}

/// The wording of an intake referral's consent for `category` (a person referred to a project
/// by Ohjaamo, the employment services, social services or another project agrees to the
/// referral and to the project's staff seeing the data), in every locale, and its hash. The
/// hash covers a marker of its own, so it never equals a purpose's wording hash. Intake
/// referrals recorded before this wording existed carry the `transition` wording's hash; those
/// records stay as they are.
pub fn intake_wording(category: DataCategory) -> Wording {
    let catalogue = consent_texts();
    let texts: Vec<(&'static str, String)> = CONSENT_LOCALES
        .iter()
        .map(|&l| (l, catalogue.intake_text(category, l)))
        .collect();
    let mut h = Sha256::new();
    h.update(catalogue.version.as_bytes());
    h.update(b"\nintake\n");
    for (l, t) in &texts {
        h.update(l.as_bytes());
        h.update(b"\t");
        h.update(t.as_bytes());
        h.update(b"\n");
    }
    Wording {
        texts,
        hash: crate::crypto::hex_encode(&h.finalize()),
    }
}

/// What a coach records when the participant gives consent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConsent {
    pub recipient: RecipientClass,
    pub purpose: ConsentPurpose,
    /// One record per category; at least one.
    pub categories: Vec<DataCategory>,
    pub method: ConsentMethod,
    /// The hash of the wording the participant was shown, per category (a user interface sends
    /// them all); each must be the current wording's. A category without one gets the current
    /// wording's hash recorded.
    pub shown: std::collections::BTreeMap<DataCategory, String>,
}

/// Whether `consents` hold an active consent for `category` to `recipient` for placements
/// (proposals, placements, mentoring: every caller is one) at `now`.
pub fn consented(
    consents: &[Consent],
    recipient: RecipientClass,
    category: DataCategory,
    now: OffsetDateTime,
) -> bool {
    consented_for(
        consents,
        recipient,
        category,
        ConsentPurpose::Placement,
        now,
    )
}

/// Whether `consents` hold an active consent for `category` to `recipient` for `purpose` at
/// `now`: a consent given for transition does not cover a placement share (D24).
pub fn consented_for(
    consents: &[Consent],
    recipient: RecipientClass,
    category: DataCategory,
    purpose: ConsentPurpose,
    now: OffsetDateTime,
) -> bool {
    consents.iter().any(|c| {
        c.recipient == recipient && c.category == category && c.purpose == purpose && c.active(now)
    })
}

fn invalid(field: &'static str, reason: &str) -> ServiceError {
    ServiceError::Invalid(DomainError::Invalid {
        field,
        reason: reason.into(),
    })
}

impl Service {
    /// Every consent record of the participant, oldest first (own coach only; audited).
    pub async fn consents(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        purpose: &str,
    ) -> Result<Vec<Consent>> {
        self.require_editable_participant(actor, participant)
            .await?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            "read_consents",
            purpose,
        )?;
        self.store().append_audit(&audit).await?;
        self.store().consents_for(participant).await
    }

    /// Records the consent the participant gave, one record per category. Categories that
    /// already have an active consent for the same recipient and purpose are not recorded twice.
    pub async fn give_consent(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        new: NewConsent,
        purpose: &str,
    ) -> Result<Vec<ConsentId>> {
        self.require_editable_participant(actor, participant)
            .await?;
        let Actor::User { id: given_by, .. } = actor else {
            return Err(invalid("actor", "a consent is recorded by a person"));
        };
        if new.categories.is_empty() {
            return Err(invalid(
                "categories",
                "choose at least one kind of information",
            ));
        }
        let now = OffsetDateTime::now_utc();
        let existing = self.store().consents_for(participant).await?;
        let mut records = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for category in new.categories {
            if !seen.insert(category) {
                continue;
            }
            let w = wording(new.purpose, new.recipient, category);
            if new.shown.get(&category).is_some_and(|h| *h != w.hash) {
                return Err(invalid(
                    "text_version_hash",
                    "the consent wording has changed; show the participant the current wording",
                ));
            }
            if existing.iter().any(|c| {
                c.purpose == new.purpose
                    && c.recipient == new.recipient
                    && c.category == category
                    && c.active(now)
            }) {
                continue;
            }
            records.push(Consent {
                id: ConsentId::new(),
                participant_id: participant,
                recipient: new.recipient,
                category,
                purpose: new.purpose,
                text_version_hash: w.hash,
                given_at: now,
                given_by: *given_by,
                method: new.method,
                withdrawn_at: None,
                withdrawn_by: None,
            });
        }
        if records.is_empty() {
            return Ok(Vec::new());
        }
        let categories: Vec<&str> = records.iter().map(|c| c.category.as_str()).collect();
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            &format!(
                "give_consent:{}:{}:{}",
                new.purpose.as_str(),
                new.recipient.as_str(),
                categories.join(",")
            ),
            purpose,
        )?;
        // All the categories of one consent are recorded together or not at all.
        self.store().insert_consents(&records, &audit).await?;
        Ok(records.iter().map(|c| c.id).collect())
    }

    /// Withdraws one consent; it stops counting on the very next request. A consent that does
    /// not exist, belongs to someone else or is withdrawn already is `NotFound`.
    pub async fn withdraw_consent(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        consent: ConsentId,
        purpose: &str,
    ) -> Result<()> {
        self.require_editable_participant(actor, participant)
            .await?;
        let by: UserId = match actor {
            Actor::User { id, .. } => *id,
            Actor::System { .. } => {
                return Err(invalid("actor", "a consent is withdrawn by a person"))
            }
        };
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            &format!("withdraw_consent:{consent}"),
            purpose,
        )?;
        if self
            .store()
            .withdraw_consent(participant, consent, OffsetDateTime::now_utc(), by, &audit)
            .await?
        {
            Ok(())
        } else {
            Err(ServiceError::NotFound)
        }
    }
}
