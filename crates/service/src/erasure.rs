//! Erasure with legal holds (GDPR Art. 17; R40).
//!
//! [`Service::erase_subject`] removes a participant and every row that refers to them in one
//! transaction, writes a tombstone (the id only) and appends a pseudonymous `subject_erased`
//! audit entry. An older backup still holds the rows and the wrapped data key; restoring it
//! re-applies the tombstones ([`Service::replay_erasures`]), so the person does not come back.
//! A [`LegalHold`] on a ground of Art. 17(3) blocks erasure until its date or its release, and
//! the refusal names the ground. Erasure and holds are for the operator and administrators; the
//! audit log keeps who did it.

use crate::audit::AuditEvent;
pub use crate::store::records::{EraseOutcome, HoldGround, LegalHold};
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{DomainError, ParticipantId};
use time::{Date, OffsetDateTime};

/// Erasure and holds: the operator and administrators.
fn may_erase(actor: &Actor) -> bool {
    matches!(actor, Actor::System { .. }) || actor.is_admin()
}

fn invalid(field: &'static str, reason: &str) -> ServiceError {
    ServiceError::Invalid(DomainError::Invalid {
        field,
        reason: reason.into(),
    })
}

impl Service {
    /// Places a hold on erasing `participant` until `until` (after today), on `ground`, with the
    /// controller's `reference` (1–200 characters).
    pub async fn set_legal_hold(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        ground: HoldGround,
        reference: &str,
        until: Date,
    ) -> Result<uuid::Uuid> {
        if !may_erase(actor) {
            return Err(ServiceError::Forbidden);
        }
        let reference = reference.trim();
        if reference.is_empty() || reference.chars().count() > 200 {
            return Err(invalid("reference", "must be 1–200 characters"));
        }
        if reference.chars().any(char::is_control) {
            return Err(invalid("reference", "must not contain control characters"));
        }
        let now = OffsetDateTime::now_utc();
        if until <= now.date() {
            return Err(invalid("until", "must be after today"));
        }
        self.store()
            .participant_scope(participant)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let hold = LegalHold {
            id: uuid::Uuid::new_v4(),
            participant_id: participant,
            ground,
            reference: reference.to_owned(),
            until,
            set_at: now,
            set_by: actor.audit_id(),
            released_at: None,
        };
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            &format!("legal_hold:{}", hold.id),
            "data_subject_request",
        )?;
        self.store().insert_legal_hold(&hold, &audit).await?;
        Ok(hold.id)
    }

    /// Releases a hold before its date; `NotFound` when there is no such unreleased hold.
    pub async fn release_legal_hold(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        hold: uuid::Uuid,
    ) -> Result<()> {
        if !may_erase(actor) {
            return Err(ServiceError::Forbidden);
        }
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            &format!("release_legal_hold:{hold}"),
            "data_subject_request",
        )?;
        let released = self
            .store()
            .release_legal_hold(participant, hold, OffsetDateTime::now_utc(), &audit)
            .await?;
        if released {
            Ok(())
        } else {
            Err(ServiceError::NotFound)
        }
    }

    /// The participant's holds, released and expired ones included. A hold tells about the
    /// person (a claim, an obligation), so the read is audited before anything is returned.
    pub async fn legal_holds(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> Result<Vec<LegalHold>> {
        if !may_erase(actor) {
            return Err(ServiceError::Forbidden);
        }
        self.store()
            .participant_scope(participant)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            "read_legal_holds",
            "data_subject_request",
        )?;
        self.store().append_audit(&audit).await?;
        self.store().legal_holds(participant).await
    }

    /// Erases the participant (see the module). `ServiceError::Held` names the hold in force;
    /// `NotFound` when there is no such participant.
    pub async fn erase_subject(&self, actor: &Actor, participant: ParticipantId) -> Result<()> {
        if !may_erase(actor) {
            return Err(ServiceError::Forbidden);
        }
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            "subject_erased",
            "data_subject_request",
        )?;
        let today = OffsetDateTime::now_utc().date();
        match self
            .store()
            .erase_subject(participant, today, &audit)
            .await?
        {
            EraseOutcome::Erased => Ok(()),
            EraseOutcome::Missing => Err(ServiceError::NotFound),
            EraseOutcome::Held(h) => Err(ServiceError::Held {
                ground: h.ground.as_str(),
                article: h.ground.article(),
                until: h.until,
            }),
        }
    }

    /// Every tombstone: the erased participants' ids and when they were erased.
    pub async fn erasures(&self, actor: &Actor) -> Result<Vec<(ParticipantId, OffsetDateTime)>> {
        if !may_erase(actor) {
            return Err(ServiceError::Forbidden);
        }
        self.store().erasures().await
    }

    /// Applies `tombstones` again (after a restore from a backup older than some erasures):
    /// each participant still present is erased regardless of holds restored with them (the
    /// erasure was lawful when it was made), and the tombstone is recorded. Returns how many
    /// were erased again. Idempotent.
    pub async fn replay_erasures(
        &self,
        actor: &Actor,
        tombstones: &[(ParticipantId, OffsetDateTime)],
    ) -> Result<u64> {
        if !may_erase(actor) {
            return Err(ServiceError::Forbidden);
        }
        let mut erased = 0;
        for (id, at) in tombstones {
            let audit = AuditEvent::new(
                actor,
                "participant",
                Some(id.to_string()),
                "subject_erased_again",
                "data_subject_request",
            )?;
            if self.store().replay_erasure(*id, *at, &audit).await? {
                erased += 1;
            }
        }
        Ok(erased)
    }
}
