//! A participant's documents (issue 14 item 1): uploaded files and documents generated from the
//! participant's structured data, kept as versions (each save is a new version; every version
//! can be listed and downloaded).
//!
//! - Who: the participant's own coach lists, saves and downloads; the participant sees their
//!   own; an employer, mentor or institution user only through a share of the category
//!   `documents` with the participant's active consent for it, decided per request
//!   (`authz::participant_access`), so a withdrawn consent or a revoked share applies to the next
//!   request. Anyone else gets `NotFound`.
//! - Every list, version list and download is audited before anything is returned; every save
//!   is version-checked (R50) and audited.
//! - Content is checked before it is stored (`polku_documents::upload::inspect`): its type from
//!   the bytes, at most 10 MiB, no active content in PDFs. Refusals are field errors with stable
//!   codes (`file_too_large`, `pdf_javascript`, …).
//! - Title, content and the coach's free text are sealed under the participant's data key,
//!   bound to the document and the version.

use crate::audit::AuditEvent;
use crate::authz::{self, Access};
use crate::crypto::{aad, Key};
use crate::store::{StoredDocument, StoredDocumentVersion};
use crate::{Actor, Result, Service, ServiceError};
use polku_documents::upload::{self, FileType};
use polku_domain::{
    DataCategory, Document, DocumentId, DocumentKind, DomainError, ParticipantId, UserId,
};
use time::OffsetDateTime;

/// The longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// The longest free text of the coach in a generated document, in characters.
pub const MAX_NOTE: usize = 10_000;

/// The audit categories of a document read or save.
const CATEGORIES: &str = "identity,documents";

/// One version of a document, without its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentVersionInfo {
    pub version: i64,
    pub content_type: String,
    pub size_bytes: i64,
    /// The language of a generated document (`fi`, `sv`, `en`, `fi-x-selko`).
    pub language: Option<String>,
    pub created_at: OffsetDateTime,
    pub created_by: Option<UserId>,
}

/// A document with its versions, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentHistory {
    pub document: Document,
    pub versions: Vec<DocumentVersionInfo>,
}

/// One version's content, for a download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFile {
    pub document: Document,
    pub version: DocumentVersionInfo,
    pub bytes: Vec<u8>,
    /// The coach's free text of a generated document: for the coach only (`None` for a share
    /// recipient).
    pub note: Option<String>,
}

impl DocumentFile {
    /// A file name for the download: the kind, the version and the extension from the content
    /// type (never the uploaded name, so no path or markup reaches a header).
    pub fn file_name(&self) -> String {
        let ext = FileType::from_content_type(&self.version.content_type)
            .map_or("bin", FileType::extension);
        format!(
            "{}-{}-v{}.{ext}",
            self.document.kind.as_str(),
            self.document.id,
            self.version.version
        )
    }
}

/// A save: a new document (`document: None`) or the next version of one, whose newest version
/// is `expected`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSave {
    pub document: Option<(DocumentId, i64)>,
    pub kind: DocumentKind,
    pub title: String,
    pub bytes: Vec<u8>,
    pub language: Option<String>,
    pub note: Option<String>,
}

pub(crate) fn title_aad(id: DocumentId, version: i64) -> Vec<u8> {
    aad("participant_documents", "title", &id.0, version)
}

pub(crate) fn content_aad(id: DocumentId, version: i64) -> Vec<u8> {
    aad("document_versions", "content", &id.0, version)
}

fn note_aad(id: DocumentId, version: i64) -> Vec<u8> {
    aad("document_versions", "note", &id.0, version)
}

fn open_text(dek: &Key, sealed: &[u8], aad: &[u8]) -> Result<String> {
    String::from_utf8(dek.open(sealed, aad)?)
        .map_err(|_| ServiceError::Crypto("sealed text is not UTF-8"))
}

fn refused(r: upload::Refusal) -> ServiceError {
    ServiceError::Invalid(DomainError::Rule {
        field: "file",
        rule: r.code(),
    })
}

fn open_document(dek: &Key, s: &StoredDocument) -> Result<Document> {
    Ok(Document {
        id: s.id,
        participant_id: s.participant_id,
        kind: s.kind,
        title: open_text(dek, &s.title_sealed, &title_aad(s.id, s.version))?,
        version: s.version,
        created_at: s.created_at,
        created_by: s.created_by,
    })
}

fn info(v: &StoredDocumentVersion) -> DocumentVersionInfo {
    DocumentVersionInfo {
        version: v.version,
        content_type: v.content_type.clone(),
        size_bytes: v.size_bytes,
        language: v.language.clone(),
        created_at: v.created_at,
        created_by: v.created_by,
    }
}

/// A checked save: the title trimmed and bounded, the note bounded, the content's type read.
fn check(save: &DocumentSave) -> Result<FileType> {
    let title = save.title.trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE {
        return Err(DomainError::Invalid {
            field: "title",
            reason: format!("1 to {MAX_TITLE} characters"),
        }
        .into());
    }
    if save
        .note
        .as_ref()
        .is_some_and(|n| n.chars().count() > MAX_NOTE)
    {
        return Err(DomainError::Invalid {
            field: "note",
            reason: format!("at most {MAX_NOTE} characters"),
        }
        .into());
    }
    let file = upload::inspect(&save.bytes).map_err(refused)?;
    if save.kind != DocumentKind::Upload && file != FileType::Pdf {
        return Err(refused(upload::Refusal::UnknownType));
    }
    Ok(file)
}

/// A document in the right-of-access export (R39): its title is `None` after crypto-erasure.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportDocument {
    pub kind: &'static str,
    pub title: Option<String>,
    pub versions: Vec<ExportDocumentVersion>,
}

/// One version of a document in the export (no content).
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportDocumentVersion {
    pub version: i64,
    pub content_type: String,
    pub size_bytes: i64,
    pub language: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// A stored document for the export, its title opened when the data key is still there.
pub(crate) fn export_document(
    dek: Option<&Key>,
    d: &StoredDocument,
    versions: &[StoredDocumentVersion],
) -> Result<ExportDocument> {
    Ok(ExportDocument {
        kind: d.kind.as_str(),
        title: dek
            .map(|k| open_text(k, &d.title_sealed, &title_aad(d.id, d.version)))
            .transpose()?,
        versions: versions
            .iter()
            .map(|v| ExportDocumentVersion {
                version: v.version,
                content_type: v.content_type.clone(),
                size_bytes: v.size_bytes,
                language: v.language.clone(),
                created_at: v.created_at,
            })
            .collect(),
    })
}

impl Service {
    /// What the actor may do with the participant's documents: `Some(true)` read and write (the
    /// own coach, the operator), `Some(false)` read (the participant; a share recipient with the
    /// category `documents` consented), `None` nothing.
    async fn document_access(&self, actor: &Actor, participant: ParticipantId) -> Result<bool> {
        let scope = self
            .store()
            .participant_scope(participant)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if authz::may_edit_participant(actor, &scope) {
            return Ok(true);
        }
        let shares = self.store().shares_for(participant).await?;
        let consents = self.store().consents_for(participant).await?;
        let access =
            authz::participant_access(actor, &scope, &shares, &consents, OffsetDateTime::now_utc());
        if access == Access::Full || access.allows(DataCategory::Documents) {
            Ok(false)
        } else {
            crate::security_log::security_event(
                crate::security_log::Severity::Warn,
                "access.not_yours",
                &participant.to_string(),
                "documents of a participant outside the actor's access were asked for",
            );
            Err(ServiceError::NotFound)
        }
    }

    fn document_audit(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        action: &str,
        purpose: &str,
    ) -> Result<AuditEvent> {
        Ok(AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            action,
            purpose,
        )?
        .with_categories(CATEGORIES))
    }

    /// The participant's documents, newest first (audited).
    pub async fn documents(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        purpose: &str,
    ) -> Result<Vec<Document>> {
        self.document_access(actor, participant).await?;
        let audit = self.document_audit(actor, participant, "list_documents", purpose)?;
        let stored = self
            .store()
            .participant_documents(participant, &audit)
            .await?;
        if stored.is_empty() {
            return Ok(Vec::new());
        }
        let dek = self.data_key(participant).await?;
        stored.iter().map(|s| open_document(&dek, s)).collect()
    }

    /// One document with its versions (audited).
    pub async fn document_history(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        document: DocumentId,
        purpose: &str,
    ) -> Result<DocumentHistory> {
        self.document_access(actor, participant).await?;
        let audit = self.document_audit(
            actor,
            participant,
            &format!("read_document_versions:{document}"),
            purpose,
        )?;
        let (doc, versions) = self
            .store()
            .document_versions(participant, document, &audit)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let dek = self.data_key(participant).await?;
        Ok(DocumentHistory {
            document: open_document(&dek, &doc)?,
            versions: versions.iter().map(info).collect(),
        })
    }

    /// One version of a document (`None`: the newest) with its content, for a download
    /// (audited before the content is returned).
    pub async fn download_document(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        document: DocumentId,
        version: Option<i64>,
        purpose: &str,
    ) -> Result<DocumentFile> {
        let coach = self.document_access(actor, participant).await?;
        let which = version.map_or_else(|| "newest".to_owned(), |v| v.to_string());
        let audit = self.document_audit(
            actor,
            participant,
            &format!("download_document:{document}:{which}"),
            purpose,
        )?;
        let (doc, v) = self
            .store()
            .document_version(participant, document, version, &audit)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let dek = self.data_key(participant).await?;
        let bytes = dek.open(&v.content_sealed, &content_aad(doc.id, v.version))?;
        let note = match (&v.note_sealed, coach) {
            (Some(n), true) => Some(open_text(&dek, n, &note_aad(doc.id, v.version))?),
            _ => None,
        };
        Ok(DocumentFile {
            document: open_document(&dek, &doc)?,
            version: info(&v),
            bytes,
            note,
        })
    }

    /// Saves a document or its next version: the participant's own coach only. The content is
    /// checked first (type from the bytes, size, no active content); a refused file changes
    /// nothing. Version-checked and audited.
    pub async fn save_document(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        save: DocumentSave,
        purpose: &str,
    ) -> Result<Document> {
        if !self.document_access(actor, participant).await? {
            return Err(ServiceError::NotFound);
        }
        let file = check(&save)?;
        let now = OffsetDateTime::now_utc();
        let (id, expected) = save.document.unwrap_or_else(|| (DocumentId::new(), 0));
        let version = expected + 1;
        let dek = self.data_key(participant).await?;
        let size_bytes =
            i64::try_from(save.bytes.len()).map_err(|_| refused(upload::Refusal::TooLarge))?;
        let stored = StoredDocument {
            id,
            participant_id: participant,
            kind: save.kind,
            title_sealed: dek.seal(save.title.trim().as_bytes(), &title_aad(id, version))?,
            version,
            created_by: actor.user_id(),
            created_at: now,
        };
        let v = StoredDocumentVersion {
            document_id: id,
            version,
            content_type: file.content_type().to_owned(),
            size_bytes,
            language: save.language.clone(),
            content_sealed: dek.seal(&save.bytes, &content_aad(id, version))?,
            note_sealed: save
                .note
                .as_ref()
                .filter(|n| !n.trim().is_empty())
                .map(|n| dek.seal(n.as_bytes(), &note_aad(id, version)))
                .transpose()?,
            created_by: actor.user_id(),
            created_at: now,
        };
        let audit = self.document_audit(
            actor,
            participant,
            &format!("save_document:{id}:{version}"),
            purpose,
        )?;
        self.store()
            .insert_document_version(&stored, &v, expected, &audit)
            .await?;
        open_document(&dek, &stored)
    }
}
