//! The documents area of the storage port: a participant's documents and their versions
//! (issue 14). Titles, contents and the coach's free texts arrive sealed; the store never sees
//! a key. Versions are appended, never changed.

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::{DocumentId, DocumentKind, ParticipantId, UserId};
use time::OffsetDateTime;

/// A document as stored: `version` is its newest version; the title is sealed
/// (`documents::title_aad`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    pub id: DocumentId,
    pub participant_id: ParticipantId,
    pub kind: DocumentKind,
    pub title_sealed: Vec<u8>,
    pub version: i64,
    pub created_by: Option<UserId>,
    pub created_at: OffsetDateTime,
}

/// One version of a document as stored. `content_sealed` is empty when versions are listed
/// (only a download reads the content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocumentVersion {
    pub document_id: DocumentId,
    pub version: i64,
    pub content_type: String,
    pub size_bytes: i64,
    pub language: Option<String>,
    pub content_sealed: Vec<u8>,
    pub note_sealed: Option<Vec<u8>>,
    pub created_by: Option<UserId>,
    pub created_at: OffsetDateTime,
}

#[async_trait]
pub trait DocumentStore: Send + Sync {
    /// The participant's documents, newest first; audited in the same transaction.
    async fn participant_documents(
        &self,
        participant: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Vec<StoredDocument>>;
    /// A document of the participant with its versions (oldest first, without content);
    /// `None` when there is no such document of this participant. Audited in the same
    /// transaction.
    async fn document_versions(
        &self,
        participant: ParticipantId,
        document: DocumentId,
        audit: &AuditEvent,
    ) -> Result<Option<(StoredDocument, Vec<StoredDocumentVersion>)>>;
    /// One version of a document of the participant with its content (`None`: the newest);
    /// audited in the same transaction, before the content is returned.
    async fn document_version(
        &self,
        participant: ParticipantId,
        document: DocumentId,
        version: Option<i64>,
        audit: &AuditEvent,
    ) -> Result<Option<(StoredDocument, StoredDocumentVersion)>>;
    /// Saves `version` of `document` (whose `version` and title are the new ones): a new
    /// document when `expected` is 0, otherwise only if the stored newest version is `expected`
    /// (`Conflict { current }`; `NotFound` when the document is not the participant's). With
    /// `audit`, in one transaction.
    async fn insert_document_version(
        &self,
        document: &StoredDocument,
        version: &StoredDocumentVersion,
        expected: i64,
        audit: &AuditEvent,
    ) -> Result<()>;
}
