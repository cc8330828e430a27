//! Data-subject requests with their one-month deadline (GDPR Art. 12(3), R39) in the storage
//! port. A request names its subject by id only, so its record outlives an erasure (as the
//! tombstone does) and shows that the request was answered in time.

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::{DomainError, ParticipantId};
use time::{Date, OffsetDateTime};

/// What the person asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SubjectRequestKind {
    /// Art. 15 and 20: a copy of the data (the access export).
    Access,
    /// Art. 17: erasure.
    Erasure,
    /// Art. 16: rectification (marked done by hand once corrected).
    Rectification,
}

impl SubjectRequestKind {
    pub const ALL: [SubjectRequestKind; 3] = [
        SubjectRequestKind::Access,
        SubjectRequestKind::Erasure,
        SubjectRequestKind::Rectification,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SubjectRequestKind::Access => "access",
            SubjectRequestKind::Erasure => "erasure",
            SubjectRequestKind::Rectification => "rectification",
        }
    }

    pub fn parse(s: &str) -> std::result::Result<SubjectRequestKind, DomainError> {
        SubjectRequestKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or_else(|| DomainError::Invalid {
                field: "kind",
                reason: "must be access, erasure or rectification".into(),
            })
    }
}

/// One request, open until `done_on`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectRequest {
    pub id: uuid::Uuid,
    pub subject_id: ParticipantId,
    pub kind: SubjectRequestKind,
    /// The day it was received (Finnish date).
    pub received_on: Date,
    /// One month after `received_on` ([`crate::subject_requests::due_date`]).
    pub due_on: Date,
    pub recorded_at: OffsetDateTime,
    /// Audit id of who recorded it.
    pub recorded_by: String,
    pub done_on: Option<Date>,
    /// Audit id of who answered it (the export's or erasure's actor, or who marked it done).
    pub done_by: Option<String>,
}

impl SubjectRequest {
    /// Open and past its due date on `today`.
    pub fn overdue(&self, today: Date) -> bool {
        self.done_on.is_none() && today > self.due_on
    }
}

#[async_trait]
pub trait SubjectRequestStore: Send + Sync {
    /// Records `request` with `audit`, in one transaction.
    async fn insert_subject_request(
        &self,
        request: &SubjectRequest,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// Every request (`open_only`: those not done), the earliest due first.
    async fn subject_requests(&self, open_only: bool) -> Result<Vec<SubjectRequest>>;
    /// Marks one open request done on `on` by `by`, with `audit`, in one transaction. `None`
    /// when there is no such request, `Some(false)` (nothing written) when it is already done.
    async fn complete_subject_request(
        &self,
        id: uuid::Uuid,
        on: Date,
        by: &str,
        audit: &AuditEvent,
    ) -> Result<Option<bool>>;
    /// Marks every open request of `kind` about `subject` done on `on` by `by`, with `audit`
    /// when there was one, in one transaction; returns how many.
    async fn complete_subject_requests_of(
        &self,
        subject: ParticipantId,
        kind: SubjectRequestKind,
        on: Date,
        by: &str,
        audit: &AuditEvent,
    ) -> Result<u64>;
}
