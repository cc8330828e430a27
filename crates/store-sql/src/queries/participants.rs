//! Participants, their data keys, shares and meetings.

use super::audit;
use crate::dialect::BYTE_ORDER;
use crate::Conn;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::{ParticipantId, ProjectId, Share, UserId};
use polku_service::audit::AuditEvent;
use polku_service::authz::ParticipantScope;
use polku_service::store::ParticipantStore;
use polku_service::store::{MeetingRecord, ParticipantRecord, ParticipantSummary};
use polku_service::{Result, ServiceError};
use polku_store_sql::rows::{
    json, meeting, participant, share, summary, MeetingRow, ParticipantRow, ShareRow, SummaryRow,
    PARTICIPANT_COLS,
};
use time::OffsetDateTime;
use uuid::Uuid;

#[async_trait]
impl ParticipantStore for SqlStore {
    async fn insert_participant(
        &self,
        r: &ParticipantRecord,
        wrapped: &[u8],
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let now = OffsetDateTime::now_utc();
        sqlx::query(
            "INSERT INTO participants (id, project_id, coach_id, user_id, family_name, given_name, home_municipality, stage, \
             waiting_since, personal_json, hetu_sealed, hetu_lookup, sensitive_sealed, version, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
        )
        .bind(r.id.0)
        .bind(r.project_id.0)
        .bind(r.coach_id.map(|c| c.0))
        .bind(r.user_id.map(|c| c.0))
        .bind(&r.family_name)
        .bind(&r.given_name)
        .bind(&r.home_municipality)
        .bind(&r.stage)
        .bind(r.waiting_since)
        .bind(&r.personal_json)
        .bind(&r.hetu_sealed)
        .bind(&r.hetu_lookup)
        .bind(&r.sensitive_sealed)
        .bind(r.version)
        .bind(now)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query("INSERT INTO participant_keys (participant_id, wrapped_key, created_at) VALUES ($1, $2, $3)")
            .bind(r.id.0)
            .bind(wrapped)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn participant_scope(&self, id: ParticipantId) -> Result<Option<ParticipantScope>> {
        type ScopeRow = (
            Uuid,
            Uuid,
            Option<Uuid>,
            Option<Uuid>,
            Option<OffsetDateTime>,
        );
        let row: Option<ScopeRow> = sqlx::query_as(
            "SELECT id, project_id, coach_id, user_id, restricted_since FROM participants WHERE id = $1",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        Ok(row.map(|(id, p, c, u, r)| ParticipantScope {
            id: ParticipantId(id),
            project_id: ProjectId(p),
            coach_id: c.map(UserId),
            user_id: u.map(UserId),
            restricted: r.is_some(),
        }))
    }

    /// Reads the record and key, auditing the read in the same transaction before returning.
    async fn get_participant(
        &self,
        id: ParticipantId,
        ev: &AuditEvent,
    ) -> Result<Option<(ParticipantRecord, Option<Vec<u8>>)>> {
        let mut tx = self.write().await?;
        let Some(found) = record_in(&mut tx, id).await? else {
            return Ok(None);
        };
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(Some(found))
    }

    async fn update_participant(
        &self,
        r: &ParticipantRecord,
        expected: i64,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let old_stage: Option<String> =
            sqlx::query_scalar("SELECT stage FROM participants WHERE id = $1")
                .bind(r.id.0)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        let done = sqlx::query(
            "UPDATE participants SET coach_id = $1, family_name = $2, given_name = $3, home_municipality = $4, stage = $5, \
             waiting_since = $6, personal_json = $7, hetu_sealed = $8, hetu_lookup = $9, sensitive_sealed = $10, version = $11, updated_at = $12 \
             WHERE id = $13 AND version = $14",
        )
        .bind(r.coach_id.map(|c| c.0))
        .bind(&r.family_name)
        .bind(&r.given_name)
        .bind(&r.home_municipality)
        .bind(&r.stage)
        .bind(r.waiting_since)
        .bind(&r.personal_json)
        .bind(&r.hetu_sealed)
        .bind(&r.hetu_lookup)
        .bind(&r.sensitive_sealed)
        .bind(r.version)
        .bind(OffsetDateTime::now_utc())
        .bind(r.id.0)
        .bind(expected)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(super::changed_or_gone(
                &mut tx,
                "SELECT version FROM participants WHERE id = $1",
                &[r.id.0],
            )
            .await);
        }
        if let Some(from) = old_stage.filter(|from| *from != r.stage) {
            sqlx::query(
                "INSERT INTO participant_stage_changes (participant_id, from_stage, to_stage, changed_at, changed_by) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(r.id.0)
            .bind(&from)
            .bind(&r.stage)
            .bind(OffsetDateTime::now_utc())
            .bind(&ev.actor)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn list_participants(
        &self,
        project: ProjectId,
        coach: Option<UserId>,
        ev: &AuditEvent,
    ) -> Result<Vec<ParticipantSummary>> {
        let mut tx = self.write().await?;
        let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
            "SELECT id, family_name, given_name, stage, waiting_since, home_municipality FROM participants \
             WHERE project_id = $1 AND ($2 OR coach_id = $3) AND restricted_since IS NULL ORDER BY family_name{BYTE_ORDER}, given_name{BYTE_ORDER}, id",
        ))
        .bind(project.0)
        .bind(coach.is_none())
        .bind(coach.map(|c| c.0))
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        for (id, ..) in &rows {
            let hit = AuditEvent {
                subject: Some(id.to_string()),
                ..ev.clone()
            };
            audit::append(&mut tx, &self.chain, &hit).await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(rows.into_iter().map(summary).collect())
    }

    async fn participants_for_matching(
        &self,
        ids: &[ParticipantId],
        ev: &AuditEvent,
    ) -> Result<Vec<(ParticipantRecord, Option<Vec<u8>>)>> {
        let mut tx = self.write().await?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let Some((rec, key)) = record_in(&mut tx, *id).await? else {
                continue;
            };
            if rec.stage == "exited" || rec.restricted {
                continue;
            }
            let hit = AuditEvent {
                subject: Some(id.to_string()),
                ..ev.clone()
            };
            audit::append(&mut tx, &self.chain, &hit).await?;
            out.push((rec, key));
        }
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn participant_ids(
        &self,
        project: ProjectId,
        coach: Option<UserId>,
    ) -> Result<Vec<ParticipantId>> {
        let rows: Vec<(Uuid,)> = sqlx::query_as(
            "SELECT id FROM participants WHERE project_id = $1 AND ($2 OR coach_id = $3) \
             AND restricted_since IS NULL",
        )
        .bind(project.0)
        .bind(coach.is_none())
        .bind(coach.map(|c| c.0))
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(rows.into_iter().map(|(id,)| ParticipantId(id)).collect())
    }

    async fn participant_summaries(
        &self,
        project: ProjectId,
        coach: Option<UserId>,
        ids: &[ParticipantId],
        ev: &AuditEvent,
    ) -> Result<Vec<ParticipantSummary>> {
        let mut tx = self.write().await?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let row: Option<SummaryRow> = sqlx::query_as(
                "SELECT id, family_name, given_name, stage, waiting_since, home_municipality FROM participants \
                 WHERE id = $1 AND project_id = $2 AND ($3 OR coach_id = $4) AND restricted_since IS NULL",
            )
            .bind(id.0)
            .bind(project.0)
            .bind(coach.is_none())
            .bind(coach.map(|c| c.0))
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            if let Some(row) = row {
                let hit = AuditEvent {
                    subject: Some(id.to_string()),
                    ..ev.clone()
                };
                audit::append(&mut tx, &self.chain, &hit).await?;
                out.push(summary(row));
            }
        }
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn destroy_participant_key(&self, id: ParticipantId, ev: &AuditEvent) -> Result<bool> {
        let mut tx = self.write().await?;
        // The keyed lookup hash could be reversed by trying every possible identity code, so it
        // goes too, with the sealed code itself.
        sqlx::query("UPDATE participants SET hetu_sealed = NULL, hetu_lookup = NULL WHERE id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let done = sqlx::query("DELETE FROM participant_keys WHERE participant_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        self.checkpoint_after_key_destruction().await?;
        Ok(done.rows_affected() > 0)
    }

    async fn shares_for(&self, id: ParticipantId) -> Result<Vec<Share>> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        shares_in(&mut conn, id).await
    }

    async fn shares_to(&self, recipient: UserId) -> Result<Vec<Share>> {
        let rows: Vec<ShareRow> = sqlx::query_as(
            "SELECT id, participant_id, recipient_id, categories, until, revoked_at, purpose FROM shares WHERE recipient_id = $1 ORDER BY until DESC, id",
        )
        .bind(recipient.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.into_iter().map(share).collect()
    }

    async fn revoke_share(
        &self,
        participant: ParticipantId,
        id: polku_domain::ShareId,
        at: OffsetDateTime,
        ev: &AuditEvent,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE shares SET revoked_at = $1 WHERE id = $2 AND participant_id = $3 AND revoked_at IS NULL",
        )
        .bind(at)
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

    async fn insert_share(&self, sh: &Share, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("INSERT INTO shares (id, participant_id, recipient_id, categories, until, revoked_at, purpose) VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(sh.id.0)
            .bind(sh.participant_id.0)
            .bind(sh.recipient.0)
            .bind(json(&sh.categories)?)
            .bind(sh.until)
            .bind(sh.revoked_at)
            .bind(sh.purpose.as_str())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn insert_meeting(&self, m: &MeetingRecord, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        let place = json(&m.meeting.place)?;
        sqlx::query("INSERT INTO meetings (id, participant_id, coach_id, starts_at, duration_min, place, notes_sealed) VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(m.meeting.id.0)
            .bind(m.meeting.participant_id.0)
            .bind(m.meeting.coach_id.0)
            .bind(m.meeting.starts_at)
            .bind(i64::from(m.meeting.duration_min))
            .bind(place.trim_matches('"'))
            .bind(&m.notes_sealed)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn list_meetings(
        &self,
        id: ParticipantId,
        ev: &AuditEvent,
    ) -> Result<Vec<MeetingRecord>> {
        let mut tx = self.write().await?;
        let rows = meetings_in(&mut tx, id).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(rows)
    }

    /// Start times of the meetings of a project's participants, optionally one coach's caseload.
    async fn meeting_times(
        &self,
        project: ProjectId,
        coach: Option<UserId>,
    ) -> Result<Vec<(ParticipantId, OffsetDateTime)>> {
        let rows: Vec<(Uuid, OffsetDateTime)> = sqlx::query_as(
            "SELECT m.participant_id, m.starts_at FROM meetings m JOIN participants p ON p.id = m.participant_id \
             WHERE p.project_id = $1 AND ($2 OR p.coach_id = $3) AND p.restricted_since IS NULL",
        )
        .bind(project.0)
        .bind(coach.is_none())
        .bind(coach.map(|c| c.0))
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(rows
            .into_iter()
            .map(|(id, at)| (ParticipantId(id), at))
            .collect())
    }

    /// The participant's stage changes, oldest first; the read is audited in the same transaction.
    async fn stage_changes(
        &self,
        id: ParticipantId,
        ev: &AuditEvent,
    ) -> Result<Vec<polku_service::store::StageChange>> {
        let mut tx = self.write().await?;
        let rows = stage_changes_in(&mut tx, id).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(rows.into_iter().map(|(change, _)| change).collect())
    }

    async fn insert_plan_item(
        &self,
        r: &polku_service::store::PlanItemRecord,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO plan_items (id, participant_id, text_sealed, due, done_at, created_at, version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(r.item.id.0)
        .bind(r.item.participant_id.0)
        .bind(&r.text_sealed)
        .bind(r.item.due)
        .bind(r.item.done_at)
        .bind(OffsetDateTime::now_utc())
        .bind(r.item.version)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn list_plan_items(
        &self,
        id: ParticipantId,
        ev: &AuditEvent,
    ) -> Result<Vec<polku_service::store::PlanItemRecord>> {
        let mut tx = self.write().await?;
        let rows = plan_items_in(&mut tx, id).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(rows)
    }

    async fn set_plan_item_done(
        &self,
        participant: ParticipantId,
        item: polku_domain::PlanItemId,
        done_at: Option<OffsetDateTime>,
        expected: i64,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let n = sqlx::query(
            "UPDATE plan_items SET done_at = $1, version = version + 1 \
             WHERE id = $2 AND participant_id = $3 AND version = $4",
        )
        .bind(done_at)
        .bind(item.0)
        .bind(participant.0)
        .bind(expected)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if n == 0 {
            return Err(super::changed_or_gone(
                &mut tx,
                "SELECT version FROM plan_items WHERE id = $1 AND participant_id = $2",
                &[item.0, participant.0],
            )
            .await);
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn count_participants(&self) -> Result<i64> {
        sqlx::query_scalar("SELECT count(*) FROM participants")
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }

    async fn wrapped_key(&self, id: ParticipantId) -> Result<Option<Vec<u8>>> {
        sqlx::query_scalar("SELECT wrapped_key FROM participant_keys WHERE participant_id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)
    }

    async fn rewrap_keys(
        &self,
        rewrap: &(dyn for<'k> Fn(ParticipantId, &'k [u8]) -> Result<Vec<u8>> + Send + Sync),
        rewrap_referral: &(dyn for<'k> Fn(uuid::Uuid, &'k [u8]) -> Result<Vec<u8>> + Send + Sync),
        master_key_check: &str,
        ev: &AuditEvent,
    ) -> Result<u64> {
        let mut tx = self.write().await?;
        let rows: Vec<(uuid::Uuid, Vec<u8>)> = sqlx::query_as(
            "SELECT participant_id, wrapped_key FROM participant_keys ORDER BY participant_id",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        for (id, wrapped) in &rows {
            let new = rewrap(ParticipantId(*id), wrapped)?;
            sqlx::query("UPDATE participant_keys SET wrapped_key = $1 WHERE participant_id = $2")
                .bind(new)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        // Pending school referrals hold their own data key, wrapped by the master key too.
        let referrals: Vec<(uuid::Uuid, Vec<u8>)> = sqlx::query_as(
            "SELECT id, wrapped_key FROM referrals WHERE wrapped_key IS NOT NULL ORDER BY id",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        for (id, wrapped) in &referrals {
            let new = rewrap_referral(*id, wrapped)?;
            sqlx::query("UPDATE referrals SET wrapped_key = $1 WHERE id = $2")
                .bind(new)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        let done = sqlx::query("UPDATE meta SET value = $1 WHERE key = 'master_key_check'")
            .bind(master_key_check)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        if done.rows_affected() != 1 {
            return Err(ServiceError::Storage(
                "the master key check value is missing".into(),
            ));
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok((rows.len() + referrals.len()) as u64)
    }
}

/// The participant's record and wrapped data key (`None` after crypto-erasure).
pub(crate) async fn record_in(
    conn: &mut Conn,
    id: ParticipantId,
) -> Result<Option<(ParticipantRecord, Option<Vec<u8>>)>> {
    let row: Option<ParticipantRow> = sqlx::query_as(&format!("{PARTICIPANT_COLS} WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
    let Some(row) = row else { return Ok(None) };
    let key: Option<Vec<u8>> =
        sqlx::query_scalar("SELECT wrapped_key FROM participant_keys WHERE participant_id = $1")
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await
            .map_err(db)?;
    Ok(Some((participant(row), key)))
}

pub(crate) async fn shares_in(conn: &mut Conn, id: ParticipantId) -> Result<Vec<Share>> {
    let rows: Vec<ShareRow> =
        sqlx::query_as("SELECT id, participant_id, recipient_id, categories, until, revoked_at, purpose FROM shares WHERE participant_id = $1 ORDER BY until, id")
            .bind(id.0)
            .fetch_all(&mut *conn)
            .await
            .map_err(db)?;
    rows.into_iter().map(share).collect()
}

pub(crate) async fn meetings_in(conn: &mut Conn, id: ParticipantId) -> Result<Vec<MeetingRecord>> {
    let rows: Vec<MeetingRow> = sqlx::query_as(
        "SELECT id, participant_id, coach_id, starts_at, duration_min, place, notes_sealed FROM meetings WHERE participant_id = $1 ORDER BY starts_at",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.into_iter().map(meeting).collect()
}

/// Stage changes, oldest first, each with the audit id of who made it.
pub(crate) async fn stage_changes_in(
    conn: &mut Conn,
    id: ParticipantId,
) -> Result<Vec<(polku_service::store::StageChange, String)>> {
    let rows: Vec<(String, String, OffsetDateTime, String)> = sqlx::query_as(
        "SELECT from_stage, to_stage, changed_at, changed_by FROM participant_stage_changes WHERE participant_id = $1 ORDER BY id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    Ok(rows
        .into_iter()
        .map(|(from, to, at, by)| (polku_service::store::StageChange { from, to, at }, by))
        .collect())
}

type PlanRow = (
    Uuid,
    Uuid,
    Vec<u8>,
    Option<time::Date>,
    Option<OffsetDateTime>,
    i64,
);

pub(crate) async fn plan_items_in(
    conn: &mut Conn,
    id: ParticipantId,
) -> Result<Vec<polku_service::store::PlanItemRecord>> {
    let rows: Vec<PlanRow> = sqlx::query_as(
        "SELECT id, participant_id, text_sealed, due, done_at, version FROM plan_items \
         WHERE participant_id = $1 ORDER BY created_at, id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, p, text_sealed, due, done_at, version)| polku_service::store::PlanItemRecord {
                item: polku_domain::PlanItem {
                    id: polku_domain::PlanItemId(id),
                    participant_id: ParticipantId(p),
                    text: String::new(),
                    due,
                    done_at,
                    version,
                },
                text_sealed,
            },
        )
        .collect())
}
