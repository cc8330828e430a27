//! Data-subject requests and their deadline (R39): one row per request, marked done in the same
//! transaction as its audit entry.

use super::audit;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::ParticipantId;
use polku_service::audit::AuditEvent;
use polku_service::store::{SubjectRequest, SubjectRequestKind, SubjectRequestStore};
use polku_service::{Result, ServiceError};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

type RequestRow = (
    Uuid,
    Uuid,
    String,
    Date,
    Date,
    OffsetDateTime,
    String,
    Option<Date>,
    Option<String>,
);

fn request(
    (id, subject, kind, received_on, due_on, recorded_at, recorded_by, done_on, done_by): RequestRow,
) -> Result<SubjectRequest> {
    Ok(SubjectRequest {
        id,
        subject_id: ParticipantId(subject),
        kind: SubjectRequestKind::parse(&kind)
            .map_err(|_| ServiceError::Storage(format!("unknown subject request kind {kind:?}")))?,
        received_on,
        due_on,
        recorded_at,
        recorded_by,
        done_on,
        done_by,
    })
}

#[async_trait]
impl SubjectRequestStore for SqlStore {
    async fn insert_subject_request(&self, r: &SubjectRequest, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO subject_requests \
             (id, subject_id, kind, received_on, due_on, recorded_at, recorded_by, done_on, done_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL)",
        )
        .bind(r.id)
        .bind(r.subject_id.0)
        .bind(r.kind.as_str())
        .bind(r.received_on)
        .bind(r.due_on)
        .bind(r.recorded_at)
        .bind(&r.recorded_by)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn subject_requests(&self, open_only: bool) -> Result<Vec<SubjectRequest>> {
        let sql = if open_only {
            "SELECT id, subject_id, kind, received_on, due_on, recorded_at, recorded_by, done_on, done_by \
             FROM subject_requests WHERE done_on IS NULL ORDER BY due_on, received_on, id"
        } else {
            "SELECT id, subject_id, kind, received_on, due_on, recorded_at, recorded_by, done_on, done_by \
             FROM subject_requests ORDER BY due_on, received_on, id"
        };
        let mut tx = self.snapshot().await?;
        let rows: Vec<RequestRow> = sqlx::query_as(sql).fetch_all(&mut *tx).await.map_err(db)?;
        tx.commit().await.map_err(db)?;
        rows.into_iter().map(request).collect()
    }

    async fn complete_subject_request(
        &self,
        id: Uuid,
        on: Date,
        by: &str,
        ev: &AuditEvent,
    ) -> Result<Option<bool>> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE subject_requests SET done_on = $1, done_by = $2 \
             WHERE id = $3 AND done_on IS NULL",
        )
        .bind(on)
        .bind(by)
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if done == 0 {
            let exists: Option<i64> =
                sqlx::query_scalar("SELECT CAST(1 AS BIGINT) FROM subject_requests WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
            return Ok(exists.map(|_| false));
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(Some(true))
    }

    async fn complete_subject_requests_of(
        &self,
        subject: ParticipantId,
        kind: SubjectRequestKind,
        on: Date,
        by: &str,
        ev: &AuditEvent,
    ) -> Result<u64> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE subject_requests SET done_on = $1, done_by = $2 \
             WHERE subject_id = $3 AND kind = $4 AND done_on IS NULL",
        )
        .bind(on)
        .bind(by)
        .bind(subject.0)
        .bind(kind.as_str())
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if done > 0 {
            audit::append(&mut tx, &self.chain, ev).await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(done)
    }
}
