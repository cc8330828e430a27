//! A participant's documents and their versions (issue 14): titles, contents and notes arrive
//! sealed. Versions are appended (a trigger refuses updates); the document row carries the
//! newest version number, which a save checks (R50).

use super::audit;
use crate::dialect::LOCK_ROWS;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::{DocumentId, DocumentKind, ParticipantId, UserId};
use polku_service::audit::AuditEvent;
use polku_service::store::{DocumentStore, StoredDocument, StoredDocumentVersion};
use polku_service::{Result, ServiceError};
use time::OffsetDateTime;
use uuid::Uuid;

type DocRow = (
    Uuid,
    Uuid,
    String,
    Vec<u8>,
    i64,
    Option<Uuid>,
    OffsetDateTime,
);

const DOC_COLUMNS: &str = "id, participant_id, kind, title_sealed, version, created_by, created_at";

fn document((id, p, kind, title, version, by, at): DocRow) -> Result<StoredDocument> {
    Ok(StoredDocument {
        id: DocumentId(id),
        participant_id: ParticipantId(p),
        kind: DocumentKind::parse(&kind)
            .map_err(|_| ServiceError::Storage(format!("unknown document kind {kind:?}")))?,
        title_sealed: title,
        version,
        created_by: by.map(UserId),
        created_at: at,
    })
}

type VersionRow = (
    Uuid,
    i64,
    String,
    i64,
    Option<String>,
    Vec<u8>,
    Option<Vec<u8>>,
    Option<Uuid>,
    OffsetDateTime,
);

fn version_of(
    (doc, v, ct, size, lang, content, note, by, at): VersionRow,
) -> StoredDocumentVersion {
    StoredDocumentVersion {
        document_id: DocumentId(doc),
        version: v,
        content_type: ct,
        size_bytes: size,
        language: lang,
        content_sealed: content,
        note_sealed: note,
        created_by: by.map(UserId),
        created_at: at,
    }
}

async fn document_in(
    conn: &mut crate::Conn,
    participant: ParticipantId,
    id: DocumentId,
    lock: bool,
) -> Result<Option<StoredDocument>> {
    let sql = format!(
        "SELECT {DOC_COLUMNS} FROM participant_documents WHERE id = $1 AND participant_id = $2{}",
        if lock { LOCK_ROWS } else { "" }
    );
    let row: Option<DocRow> = sqlx::query_as(&sql)
        .bind(id.0)
        .bind(participant.0)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
    row.map(document).transpose()
}

/// A document's versions, oldest first, without their content (left empty in the records).
async fn versions_in(conn: &mut crate::Conn, id: DocumentId) -> Result<Vec<StoredDocumentVersion>> {
    type ListRow = (
        Uuid,
        i64,
        String,
        i64,
        Option<String>,
        Option<Uuid>,
        OffsetDateTime,
    );
    let rows: Vec<ListRow> = sqlx::query_as(
        "SELECT document_id, version, content_type, size_bytes, language, created_by, \
         created_at FROM document_versions WHERE document_id = $1 ORDER BY version",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    Ok(rows
        .into_iter()
        .map(|(doc, v, ct, size, lang, by, at)| {
            version_of((doc, v, ct, size, lang, Vec::new(), None, by, at))
        })
        .collect())
}

/// Every document of the participant (newest first) with its versions, for the subject export.
pub(crate) async fn documents_in(
    conn: &mut crate::Conn,
    participant: ParticipantId,
) -> Result<Vec<(StoredDocument, Vec<StoredDocumentVersion>)>> {
    let rows: Vec<DocRow> = sqlx::query_as(&format!(
        "SELECT {DOC_COLUMNS} FROM participant_documents WHERE participant_id = $1 \
         ORDER BY created_at DESC, id"
    ))
    .bind(participant.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    let mut out = Vec::new();
    for row in rows {
        let d = document(row)?;
        let versions = versions_in(conn, d.id).await?;
        out.push((d, versions));
    }
    Ok(out)
}

#[async_trait]
impl DocumentStore for SqlStore {
    async fn participant_documents(
        &self,
        participant: ParticipantId,
        ev: &AuditEvent,
    ) -> Result<Vec<StoredDocument>> {
        let mut tx = self.write().await?;
        let rows: Vec<DocRow> = sqlx::query_as(&format!(
            "SELECT {DOC_COLUMNS} FROM participant_documents WHERE participant_id = $1 \
             ORDER BY created_at DESC, id"
        ))
        .bind(participant.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        rows.into_iter().map(document).collect()
    }

    async fn document_versions(
        &self,
        participant: ParticipantId,
        id: DocumentId,
        ev: &AuditEvent,
    ) -> Result<Option<(StoredDocument, Vec<StoredDocumentVersion>)>> {
        let mut tx = self.write().await?;
        let Some(doc) = document_in(&mut tx, participant, id, false).await? else {
            return Ok(None);
        };
        let rows = versions_in(&mut tx, id).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(Some((doc, rows)))
    }

    async fn document_version(
        &self,
        participant: ParticipantId,
        id: DocumentId,
        version: Option<i64>,
        ev: &AuditEvent,
    ) -> Result<Option<(StoredDocument, StoredDocumentVersion)>> {
        let mut tx = self.write().await?;
        let Some(doc) = document_in(&mut tx, participant, id, false).await? else {
            return Ok(None);
        };
        let row: Option<VersionRow> = sqlx::query_as(
            "SELECT document_id, version, content_type, size_bytes, language, content_sealed, \
             note_sealed, created_by, created_at \
             FROM document_versions WHERE document_id = $1 AND version = $2",
        )
        .bind(id.0)
        .bind(version.unwrap_or(doc.version))
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some(row) = row else {
            return Ok(None);
        };
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(Some((doc, version_of(row))))
    }

    async fn insert_document_version(
        &self,
        d: &StoredDocument,
        v: &StoredDocumentVersion,
        expected: i64,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        if expected == 0 {
            sqlx::query(
                "INSERT INTO participant_documents \
                 (id, participant_id, kind, title_sealed, version, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(d.id.0)
            .bind(d.participant_id.0)
            .bind(d.kind.as_str())
            .bind(&d.title_sealed)
            .bind(d.version)
            .bind(d.created_by.map(|u| u.0))
            .bind(d.created_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        } else {
            let current = document_in(&mut tx, d.participant_id, d.id, true)
                .await?
                .filter(|c| c.kind == d.kind)
                .ok_or(ServiceError::NotFound)?;
            if current.version != expected {
                return Err(ServiceError::Conflict {
                    current: current.version,
                });
            }
            sqlx::query(
                "UPDATE participant_documents SET title_sealed = $1, version = $2 \
                 WHERE id = $3 AND version = $4",
            )
            .bind(&d.title_sealed)
            .bind(d.version)
            .bind(d.id.0)
            .bind(expected)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        sqlx::query(
            "INSERT INTO document_versions (document_id, participant_id, version, content_type, \
             size_bytes, language, content_sealed, note_sealed, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(v.document_id.0)
        .bind(d.participant_id.0)
        .bind(v.version)
        .bind(&v.content_type)
        .bind(v.size_bytes)
        .bind(&v.language)
        .bind(&v.content_sealed)
        .bind(&v.note_sealed)
        .bind(v.created_by.map(|u| u.0))
        .bind(v.created_at)
        .execute(&mut *tx)
        .await
        .map_err(|e| match db(e) {
            ServiceError::Duplicate(_) => ServiceError::Conflict { current: v.version },
            other => other,
        })?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }
}
