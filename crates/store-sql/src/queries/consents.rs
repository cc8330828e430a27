//! Consent records (R16): append-only; a record changes only when it is withdrawn, once (the
//! database's triggers refuse anything else).

use super::audit;
use crate::{db, Conn, SqlStore};
use async_trait::async_trait;
use polku_domain::{Consent, ConsentId, ParticipantId, ProjectId, UserId};
use polku_service::audit::AuditEvent;
use polku_service::store::ConsentStore;
use polku_service::Result;
use polku_store_sql::rows::{consent, ConsentRow, CONSENT_COLUMNS};
use time::OffsetDateTime;

#[async_trait]
impl ConsentStore for SqlStore {
    async fn consents_for(&self, id: ParticipantId) -> Result<Vec<Consent>> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        consents_in(&mut conn, id).await
    }

    async fn project_consents(&self, project: ProjectId) -> Result<Vec<Consent>> {
        let rows: Vec<ConsentRow> = sqlx::query_as(&format!(
            "SELECT {CONSENT_COLUMNS} FROM consents \
             WHERE participant_id IN (SELECT id FROM participants WHERE project_id = $1) \
             ORDER BY given_at, id"
        ))
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.into_iter().map(consent).collect()
    }

    async fn insert_consents(&self, consents: &[Consent], ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        for c in consents {
            sqlx::query(&format!(
                "INSERT INTO consents ({CONSENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
            ))
            .bind(c.id.0)
            .bind(c.participant_id.0)
            .bind(c.recipient.as_str())
            .bind(c.category.as_str())
            .bind(c.purpose.as_str())
            .bind(&c.text_version_hash)
            .bind(c.given_at)
            .bind(c.given_by.0)
            .bind(c.method.as_str())
            .bind(c.withdrawn_at)
            .bind(c.withdrawn_by.map(|u| u.0))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn withdraw_consent(
        &self,
        participant: ParticipantId,
        id: ConsentId,
        at: OffsetDateTime,
        by: UserId,
        ev: &AuditEvent,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE consents SET withdrawn_at = $1, withdrawn_by = $2 WHERE id = $3 AND participant_id = $4 AND withdrawn_at IS NULL",
        )
        .bind(at)
        .bind(by.0)
        .bind(id.0)
        .bind(participant.0)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if done == 0 {
            return Ok(false);
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }
}

pub(crate) async fn consents_in(conn: &mut Conn, id: ParticipantId) -> Result<Vec<Consent>> {
    let rows: Vec<ConsentRow> = sqlx::query_as(&format!(
        "SELECT {CONSENT_COLUMNS} FROM consents WHERE participant_id = $1 ORDER BY given_at, id"
    ))
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.into_iter().map(consent).collect()
}
