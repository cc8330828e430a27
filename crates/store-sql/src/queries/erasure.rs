//! Erasure with legal holds (R40): the tombstone list, holds, and removing every row that refers
//! to a participant.

use super::audit;
use crate::dialect::{DEFER_CONSENT_FK, LOCK_ROWS};
use crate::Conn;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::ParticipantId;
use polku_service::audit::AuditEvent;
use polku_service::store::ErasureStore;
use polku_service::store::{
    AccessRevocations, EraseOutcome, HoldGround, LegalHold, RevocationsReplayed,
};
use polku_service::{Result, ServiceError};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

type HoldRow = (
    Uuid,
    Uuid,
    String,
    String,
    Date,
    OffsetDateTime,
    String,
    Option<OffsetDateTime>,
);

fn hold(
    (id, p, ground, reference, until, set_at, set_by, released_at): HoldRow,
) -> Result<LegalHold> {
    Ok(LegalHold {
        id,
        participant_id: ParticipantId(p),
        ground: HoldGround::parse(&ground)
            .map_err(|_| ServiceError::Storage(format!("unknown hold ground {ground:?}")))?,
        reference,
        until,
        set_at,
        set_by,
        released_at,
    })
}

pub(crate) async fn holds_in(conn: &mut Conn, id: ParticipantId) -> Result<Vec<LegalHold>> {
    let rows: Vec<HoldRow> = sqlx::query_as(
        "SELECT id, participant_id, ground, reference, until, set_at, set_by, released_at \
         FROM legal_holds WHERE participant_id = $1 ORDER BY set_at DESC, id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.into_iter().map(hold).collect()
}

#[async_trait]
impl ErasureStore for SqlStore {
    async fn legal_holds(&self, id: ParticipantId) -> Result<Vec<LegalHold>> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        holds_in(&mut conn, id).await
    }

    async fn insert_legal_hold(&self, h: &LegalHold, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO legal_holds (id, participant_id, ground, reference, until, set_at, set_by, released_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(h.id)
        .bind(h.participant_id.0)
        .bind(h.ground.as_str())
        .bind(&h.reference)
        .bind(h.until)
        .bind(h.set_at)
        .bind(&h.set_by)
        .bind(h.released_at)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn release_legal_hold(
        &self,
        participant: ParticipantId,
        id: Uuid,
        at: OffsetDateTime,
        ev: &AuditEvent,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE legal_holds SET released_at = $1 WHERE id = $2 AND participant_id = $3 AND released_at IS NULL",
        )
        .bind(at)
        .bind(id)
        .bind(participant.0)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn erase_subject(
        &self,
        id: ParticipantId,
        today: Date,
        ev: &AuditEvent,
    ) -> Result<EraseOutcome> {
        let mut tx = self.write().await?;
        let exists = present(&mut tx, id).await?;
        if !exists {
            return Ok(EraseOutcome::Missing);
        }
        if let Some(h) = holds_in(&mut tx, id)
            .await?
            .into_iter()
            .find(|h| h.active(today))
        {
            return Ok(EraseOutcome::Held(h));
        }
        erase_in(&mut tx, id, OffsetDateTime::now_utc()).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        self.checkpoint_after_erasure().await;
        Ok(EraseOutcome::Erased)
    }

    async fn erasures(&self) -> Result<Vec<(ParticipantId, OffsetDateTime)>> {
        let rows: Vec<(Uuid, OffsetDateTime)> = sqlx::query_as(
            "SELECT participant_id, erased_at FROM erasures ORDER BY erased_at, participant_id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(rows
            .into_iter()
            .map(|(p, at)| (ParticipantId(p), at))
            .collect())
    }

    async fn replay_erasure(
        &self,
        id: ParticipantId,
        erased_at: OffsetDateTime,
        ev: &AuditEvent,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let exists = present(&mut tx, id).await?;
        erase_in(&mut tx, id, erased_at).await?;
        if exists {
            audit::append(&mut tx, &self.chain, ev).await?;
        }
        tx.commit().await.map_err(db)?;
        if exists {
            self.checkpoint_after_erasure().await;
        }
        Ok(exists)
    }

    async fn access_revocations(&self) -> Result<AccessRevocations> {
        let mut tx = self.snapshot().await?;
        let consents: Vec<(Uuid, OffsetDateTime, Uuid)> = sqlx::query_as(
            "SELECT id, withdrawn_at, withdrawn_by FROM consents \
             WHERE withdrawn_at IS NOT NULL AND withdrawn_by IS NOT NULL ORDER BY withdrawn_at, id",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let shares: Vec<(Uuid, OffsetDateTime)> = sqlx::query_as(
            "SELECT id, revoked_at FROM shares WHERE revoked_at IS NOT NULL ORDER BY revoked_at, id",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let holds: Vec<(Uuid, OffsetDateTime)> = sqlx::query_as(
            "SELECT id, released_at FROM legal_holds WHERE released_at IS NOT NULL \
             ORDER BY released_at, id",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(AccessRevocations {
            consents,
            shares,
            holds,
        })
    }

    async fn replay_access_revocations(
        &self,
        r: &AccessRevocations,
        now: OffsetDateTime,
        ev: &AuditEvent,
    ) -> Result<RevocationsReplayed> {
        let mut tx = self.write().await?;
        let mut out = RevocationsReplayed::default();
        for (id, at, by) in &r.consents {
            // The withdrawing user may not exist in the older copy: the consent's own giver
            // then stands in (the audit entry and the live database's copy keep the truth).
            out.consents += sqlx::query(
                "UPDATE consents SET withdrawn_at = $1, \
                 withdrawn_by = COALESCE((SELECT u.id FROM users u WHERE u.id = $2), given_by) \
                 WHERE id = $3 AND withdrawn_at IS NULL",
            )
            .bind(at)
            .bind(by)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
        }
        for (id, at) in &r.shares {
            out.shares += sqlx::query(
                "UPDATE shares SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
            )
            .bind(at)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
        }
        for (id, at) in &r.holds {
            out.holds += sqlx::query(
                "UPDATE legal_holds SET released_at = $1 WHERE id = $2 AND released_at IS NULL",
            )
            .bind(at)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
        }
        out.sessions = sqlx::query("DELETE FROM sessions")
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
        out.activations =
            sqlx::query("UPDATE activation_tokens SET used_at = $1 WHERE used_at IS NULL")
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(db)?
                .rows_affected();
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(out)
    }
}

/// Every table that refers to participants, in deletion order: `participants` itself before
/// `consents`, whose append-only trigger lets a consent go only once its participant is gone
/// (the foreign key is deferred to the commit for this). The store story checks that nothing
/// with a `participant_id` column is left.
pub(crate) const SUBJECT_TABLES: [&str; 22] = [
    "referrals",
    "document_versions",
    "participant_documents",
    "legal_holds",
    "processing_restrictions",
    "esf_records",
    "participant_keys",
    "shares",
    "follow_ups",
    "agreement_acceptances",
    "trial_agreements",
    "mentor_checkins",
    "task_feedback",
    "placement_feedback",
    "evidence",
    "qualification_evidence",
    "placements",
    "meetings",
    "plan_items",
    "participant_stage_changes",
    "participants",
    "consents",
];

/// Writes the tombstone, then deletes every row of the participant (see [`SUBJECT_TABLES`]).
async fn erase_in(conn: &mut Conn, id: ParticipantId, erased_at: OffsetDateTime) -> Result<()> {
    sqlx::query(
        "INSERT INTO erasures (participant_id, erased_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    )
    .bind(id.0)
    .bind(erased_at)
    .execute(&mut *conn)
    .await
    .map_err(db)?;
    sqlx::query(DEFER_CONSENT_FK)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
    for table in SUBJECT_TABLES {
        let column = if table == "participants" {
            "id"
        } else {
            "participant_id"
        };
        sqlx::query(&format!("DELETE FROM {table} WHERE {column} = $1"))
            .bind(id.0)
            .execute(&mut *conn)
            .await
            .map_err(db)?;
    }
    Ok(())
}

/// Whether the participant is on record, locking the row. On PostgreSQL `FOR UPDATE` conflicts
/// with the key-share lock a concurrent hold's foreign key takes, so a hold set meanwhile either
/// commits first (and is seen by the erasure) or waits for it (and then fails on its foreign
/// key); on SQLite the write lock is already held (`BEGIN IMMEDIATE`).
async fn present(conn: &mut Conn, id: ParticipantId) -> Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(&format!(
        "SELECT CAST(1 AS BIGINT) FROM participants WHERE id = $1{LOCK_ROWS}"
    ))
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await
    .map_err(db)?;
    Ok(found.is_some())
}
