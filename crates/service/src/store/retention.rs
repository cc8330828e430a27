//! Retention (R41) in the storage port: who has passed the end of their service, and the
//! sign-in rows whose time is over. Erasure itself is [`super::ErasureStore::erase_subject`]:
//! one transaction per person, so a job stopped half-way leaves whole people, never half of one.

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::ParticipantId;
use time::{Date, OffsetDateTime};

/// A participant whose service has ended (stage `exited`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftService {
    pub id: ParticipantId,
    /// The date of leaving: the ESF+ record's, else the day of the last change to `exited`
    /// (Europe/Helsinki); `None` when neither is known.
    pub left_on: Option<Date>,
    /// Processing is restricted (R43).
    pub restricted: bool,
}

#[async_trait]
pub trait RetentionStore: Send + Sync {
    /// Every participant whose stage is `exited`, with the date they left (identifiers and
    /// dates only).
    async fn left_service(&self) -> Result<Vec<LeftService>>;
    /// Sessions past their idle time (`idle_before`: last seen before it) or lifetime, and
    /// activation tokens used or expired, as of `now`: `(sessions, tokens)`.
    async fn expired_sign_ins(
        &self,
        now: OffsetDateTime,
        idle_before: OffsetDateTime,
    ) -> Result<(u64, u64)>;
    /// Deletes what [`Self::expired_sign_ins`] counts, with `audit`, in one transaction.
    async fn delete_expired_sign_ins(
        &self,
        now: OffsetDateTime,
        idle_before: OffsetDateTime,
        audit: &AuditEvent,
    ) -> Result<(u64, u64)>;
}
