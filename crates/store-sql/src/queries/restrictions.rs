//! Restriction of processing (R43): the history rows and the participant's mark, changed
//! together in one transaction.

use super::audit;
use crate::{db, Conn, SqlStore};
use async_trait::async_trait;
use polku_domain::ParticipantId;
use polku_service::audit::AuditEvent;
use polku_service::store::{Restriction, RestrictionGround, RestrictionStore};
use polku_service::{Result, ServiceError};
use time::OffsetDateTime;
use uuid::Uuid;

type RestrictionRow = (
    Uuid,
    Uuid,
    String,
    String,
    OffsetDateTime,
    String,
    Option<OffsetDateTime>,
    Option<String>,
);

fn restriction(
    (id, p, ground, reference, set_at, set_by, lifted_at, lifted_by): RestrictionRow,
) -> Result<Restriction> {
    Ok(Restriction {
        id,
        participant_id: ParticipantId(p),
        ground: RestrictionGround::parse(&ground)
            .map_err(|_| ServiceError::Storage(format!("unknown restriction ground {ground:?}")))?,
        reference,
        set_at,
        set_by,
        lifted_at,
        lifted_by,
    })
}

/// The participant's restrictions, newest first (for the access export too).
pub(crate) async fn restrictions_in(
    conn: &mut Conn,
    id: ParticipantId,
) -> Result<Vec<Restriction>> {
    let rows: Vec<RestrictionRow> = sqlx::query_as(
        "SELECT id, participant_id, ground, reference, set_at, set_by, lifted_at, lifted_by \
         FROM processing_restrictions WHERE participant_id = $1 ORDER BY set_at DESC, id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.into_iter().map(restriction).collect()
}

#[async_trait]
impl RestrictionStore for SqlStore {
    async fn restrictions(&self, id: ParticipantId) -> Result<Vec<Restriction>> {
        let mut tx = self.snapshot().await?;
        let out = restrictions_in(&mut tx, id).await?;
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn insert_restriction(&self, r: &Restriction, ev: &AuditEvent) -> Result<bool> {
        let mut tx = self.write().await?;
        let marked = sqlx::query(
            "UPDATE participants SET restricted_since = $1 WHERE id = $2 AND restricted_since IS NULL",
        )
        .bind(r.set_at)
        .bind(r.participant_id.0)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if marked == 0 {
            let exists: Option<i64> =
                sqlx::query_scalar("SELECT CAST(1 AS BIGINT) FROM participants WHERE id = $1")
                    .bind(r.participant_id.0)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
            return match exists {
                Some(_) => Ok(false),
                None => Err(ServiceError::NotFound),
            };
        }
        sqlx::query(
            "INSERT INTO processing_restrictions \
             (id, participant_id, ground, reference, set_at, set_by, lifted_at, lifted_by) \
             VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL)",
        )
        .bind(r.id)
        .bind(r.participant_id.0)
        .bind(r.ground.as_str())
        .bind(&r.reference)
        .bind(r.set_at)
        .bind(&r.set_by)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn lift_restriction(
        &self,
        id: ParticipantId,
        at: OffsetDateTime,
        by: &str,
        ev: &AuditEvent,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let lifted = sqlx::query(
            "UPDATE processing_restrictions SET lifted_at = $1, lifted_by = $2 \
             WHERE participant_id = $3 AND lifted_at IS NULL",
        )
        .bind(at)
        .bind(by)
        .bind(id.0)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if lifted == 0 {
            return Ok(false);
        }
        sqlx::query("UPDATE participants SET restricted_since = NULL WHERE id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }
}
