//! Restriction of processing (GDPR Art. 18; R43).
//!
//! While a restriction is in force the participant's data is only stored: no coach, employer,
//! mentor, institution or manager sees it (access, listings, matching, reminders, reports and
//! the fidelity figures leave the person out), and nobody but the operator changes it. The
//! operator, acting for the data protection officer, still reads and exports it, and the person
//! still gets their own access export (Art. 15). Restricting and lifting are for the operator
//! and administrators, as erasure is; both are audited with the purpose
//! `data_subject_request`, and every restriction is kept with its history.

use crate::audit::AuditEvent;
pub use crate::store::restrictions::{Restriction, RestrictionGround};
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::ParticipantId;
use time::OffsetDateTime;

// Restricting and lifting: the operator and administrators, as erasure.
use crate::erasure::{invalid, may_erase as may_restrict};

impl Service {
    /// Restricts processing of `participant`'s data on `ground`, with the controller's
    /// `reference` (1–200 characters). `Invalid` on `participant` when a restriction is
    /// already in force; `NotFound` when there is no such participant.
    pub async fn restrict_processing(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        ground: RestrictionGround,
        reference: &str,
    ) -> Result<uuid::Uuid> {
        if !may_restrict(actor) {
            return Err(ServiceError::Forbidden);
        }
        let reference = reference.trim();
        if reference.is_empty() || reference.chars().count() > 200 {
            return Err(invalid("reference", "must be 1–200 characters"));
        }
        if reference.chars().any(char::is_control) {
            return Err(invalid("reference", "must not contain control characters"));
        }
        let restriction = Restriction {
            id: uuid::Uuid::new_v4(),
            participant_id: participant,
            ground,
            reference: reference.to_owned(),
            set_at: OffsetDateTime::now_utc(),
            set_by: actor.audit_id(),
            lifted_at: None,
            lifted_by: None,
        };
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            &format!("restrict_processing:{}", ground.as_str()),
            "data_subject_request",
        )?;
        if self
            .store()
            .insert_restriction(&restriction, &audit)
            .await?
        {
            Ok(restriction.id)
        } else {
            Err(invalid("participant", "processing is already restricted"))
        }
    }

    /// Lifts the restriction in force. `Invalid` on `participant` when there is none;
    /// `NotFound` when there is no such participant.
    pub async fn lift_restriction(&self, actor: &Actor, participant: ParticipantId) -> Result<()> {
        if !may_restrict(actor) {
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
            "lift_restriction",
            "data_subject_request",
        )?;
        let lifted = self
            .store()
            .lift_restriction(
                participant,
                OffsetDateTime::now_utc(),
                &actor.audit_id(),
                &audit,
            )
            .await?;
        if lifted {
            Ok(())
        } else {
            Err(invalid("participant", "processing is not restricted"))
        }
    }

    /// The participant's restrictions, lifted ones included, newest first. The read is
    /// audited: a restriction tells about a request the person made.
    pub async fn restrictions(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> Result<Vec<Restriction>> {
        if !may_restrict(actor) {
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
            "read_restrictions",
            "data_subject_request",
        )?;
        self.store().append_audit(&audit).await?;
        self.store().restrictions(participant).await
    }
}
