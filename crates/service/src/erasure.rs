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
pub use crate::store::records::{
    AccessRevocations, EraseOutcome, HoldGround, LegalHold, RevocationsReplayed,
};
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{DomainError, ParticipantId};
use time::{Date, OffsetDateTime};

/// Erasure and holds: the operator and administrators (restriction and retention too).
pub(crate) fn may_erase(actor: &Actor) -> bool {
    matches!(actor, Actor::System { .. }) || actor.is_admin()
}

pub(crate) fn invalid(field: &'static str, reason: &str) -> ServiceError {
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
            EraseOutcome::Erased => {
                // The erasure answers the person's open erasure requests (R39).
                self.answer_subject_requests(
                    actor,
                    participant,
                    crate::subject_requests::SubjectRequestKind::Erasure,
                )
                .await?;
                Ok(())
            }
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

    /// Every consent withdrawal, share revocation and hold release in this database, to apply
    /// again after restoring an older copy (D7).
    pub async fn access_revocations(&self, actor: &Actor) -> Result<AccessRevocations> {
        if !may_erase(actor) {
            return Err(ServiceError::Forbidden);
        }
        self.store().access_revocations().await
    }

    /// After a restore: withdraws, revokes and releases again what `revocations` names (what
    /// was taken back after the backup was taken), ends every session and makes every unused
    /// activation link unusable, so a restore never gives back access that had been taken
    /// away. Audited as one `restore_replayed` entry. Idempotent.
    pub async fn replay_access_revocations(
        &self,
        actor: &Actor,
        revocations: &AccessRevocations,
    ) -> Result<RevocationsReplayed> {
        if !may_erase(actor) {
            return Err(ServiceError::Forbidden);
        }
        let audit = AuditEvent::new(actor, "database", None, "restore_replayed", "maintenance")?;
        self.store()
            .replay_access_revocations(revocations, OffsetDateTime::now_utc(), &audit)
            .await
    }

    /// The replays a restore left in this database (see [`PendingReplay`]), if any.
    pub async fn pending_replay(&self, actor: &Actor) -> Result<Option<PendingReplay>> {
        if !may_erase(actor) {
            return Err(ServiceError::Forbidden);
        }
        read_pending(self.store().as_ref()).await
    }

    /// Applies the replays a restore left in this database, if any, and then removes them:
    /// erasures first, then the access revocations. `None` when there was nothing pending.
    pub async fn apply_pending_replay(
        &self,
        actor: &Actor,
    ) -> Result<Option<(u64, RevocationsReplayed)>> {
        let Some(pending) = self.pending_replay(actor).await? else {
            return Ok(None);
        };
        let tombstones: Vec<(ParticipantId, OffsetDateTime)> = pending
            .erasures
            .iter()
            .map(|(id, at)| (ParticipantId(*id), *at))
            .collect();
        let erased = self.replay_erasures(actor, &tombstones).await?;
        let replayed = self
            .replay_access_revocations(actor, &pending.revocations)
            .await?;
        self.store().replace_meta(PENDING_REPLAY, None).await?;
        Ok(Some((erased, replayed)))
    }
}

/// The `meta` key under which a restore keeps its [`PendingReplay`].
const PENDING_REPLAY: &str = "restore_pending_replay";

/// What a restore must apply again to the restored database: the erasures and the access
/// taken back after the backup was taken. The restore writes it into the restored database
/// itself before anything else, so that it cannot be lost if the restored database does not
/// open with the configured keys (D9): whichever program next opens the database with the right
/// keys (`polku serve`, any other command, or another restore) applies it first.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PendingReplay {
    pub erasures: Vec<(uuid::Uuid, OffsetDateTime)>,
    pub revocations: AccessRevocations,
}

impl PendingReplay {
    /// Adds `other`'s entries that `self` does not have yet.
    pub fn merge(&mut self, other: PendingReplay) {
        for e in other.erasures {
            if !self.erasures.iter().any(|x| x.0 == e.0) {
                self.erasures.push(e);
            }
        }
        self.revocations.merge(other.revocations);
    }
}

async fn read_pending(store: &dyn crate::Store) -> Result<Option<PendingReplay>> {
    match store.get_meta(PENDING_REPLAY).await? {
        None => Ok(None),
        Some(text) => serde_json::from_str(&text).map(Some).map_err(|e| {
            ServiceError::Storage(format!("the pending restore replay does not parse: {e}"))
        }),
    }
}

/// Records `pending` in a freshly restored database, merged with whatever an earlier restore
/// left there. Needs only the store (not the master key), so it works before the restored
/// database is known to open with the configured keys.
pub async fn record_pending_replay(store: &dyn crate::Store, pending: PendingReplay) -> Result<()> {
    let mut all = read_pending(store).await?.unwrap_or_default();
    all.merge(pending);
    let text = serde_json::to_string(&all)
        .map_err(|e| ServiceError::Storage(format!("cannot encode the pending replay: {e}")))?;
    store.replace_meta(PENDING_REPLAY, Some(&text)).await
}
