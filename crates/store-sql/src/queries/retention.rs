//! Retention (R41): who has left the service and when, and the expired sign-in rows.

use super::audit;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::ParticipantId;
use polku_service::audit::AuditEvent;
use polku_service::clock::in_helsinki;
use polku_service::store::{LeftService, RetentionStore};
use polku_service::Result;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

const EXPIRED_SESSIONS: &str = "FROM sessions WHERE expires_at <= $1 OR last_seen_at < $2";
const EXPIRED_TOKENS: &str = "FROM activation_tokens WHERE used_at IS NOT NULL OR expires_at <= $1";

#[async_trait]
impl RetentionStore for SqlStore {
    async fn left_service(&self) -> Result<Vec<LeftService>> {
        let rows: Vec<(
            Uuid,
            Option<Date>,
            Option<OffsetDateTime>,
            Option<OffsetDateTime>,
        )> = sqlx::query_as(
            "SELECT p.id, e.left_on, \
                 (SELECT MAX(c.changed_at) FROM participant_stage_changes c \
                  WHERE c.participant_id = p.id AND c.to_stage = 'exited'), \
                 p.restricted_since \
                 FROM participants p LEFT JOIN esf_records e ON e.participant_id = p.id \
                 WHERE p.stage = 'exited' ORDER BY p.id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(rows
            .into_iter()
            .map(|(id, left_on, changed, restricted)| LeftService {
                id: ParticipantId(id),
                left_on: left_on.or(changed.map(|at| in_helsinki(at).date())),
                restricted: restricted.is_some(),
            })
            .collect())
    }

    async fn expired_sign_ins(
        &self,
        now: OffsetDateTime,
        idle_before: OffsetDateTime,
    ) -> Result<(u64, u64)> {
        let sessions: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) {EXPIRED_SESSIONS}"))
            .bind(now)
            .bind(idle_before)
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;
        let tokens: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) {EXPIRED_TOKENS}"))
            .bind(now)
            .fetch_one(&self.pool)
            .await
            .map_err(db)?;
        Ok((sessions.max(0) as u64, tokens.max(0) as u64))
    }

    async fn delete_expired_sign_ins(
        &self,
        now: OffsetDateTime,
        idle_before: OffsetDateTime,
        ev: &AuditEvent,
    ) -> Result<(u64, u64)> {
        let mut tx = self.write().await?;
        let sessions = sqlx::query(&format!("DELETE {EXPIRED_SESSIONS}"))
            .bind(now)
            .bind(idle_before)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
        let tokens = sqlx::query(&format!("DELETE {EXPIRED_TOKENS}"))
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok((sessions, tokens))
    }
}
