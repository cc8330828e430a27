//! Follow-ups after hiring. New ones are inserted by the placement's state change
//! ([`insert_in`], called from `placements::apply_effects`), so a job starting and its four
//! follow-ups commit together or not at all.

use super::audit;
use crate::Conn;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::{
    FollowUp, FollowUpId, FollowUpRecord, ParticipantId, PlacementId, ProjectId,
    RetentionCheckpoint, StillWorking, UserId,
};
use polku_service::audit::AuditEvent;
use polku_service::store::{
    FollowUpScope, FollowUpStore, RetentionCount, SealedFollowUpTexts, StoredFollowUp,
};
use polku_service::{Result, ServiceError};
use sqlx::Row;
use time::Date;
use uuid::Uuid;

const COLS: &str = "SELECT f.id, f.placement_id, f.participant_id, f.checkpoint, f.due_on, f.done_on, \
     f.still_working, f.hours_per_week, f.support_given, f.needs_recrafting, f.note, f.recorded_by, f.version, \
     f.support_given_sealed, f.note_sealed \
     FROM follow_ups f";

fn bad(what: &str) -> ServiceError {
    ServiceError::Storage(format!("stored follow-up has an invalid {what}"))
}

/// The backend's row type (the module is compiled once per backend).
type DbRow = <<Conn as sqlx::Connection>::Database as sqlx::Database>::Row;

/// A stored follow-up: sealed free texts when the row has them, else the clear ones of a row
/// written before they were sealed.
fn stored(r: &DbRow) -> Result<StoredFollowUp> {
    let g = |e: sqlx::Error| db(e);
    let support: Option<Vec<u8>> = r.try_get("support_given_sealed").map_err(g)?;
    let note: Option<Vec<u8>> = r.try_get("note_sealed").map_err(g)?;
    let mut follow_up = follow_up(r)?;
    let sealed = match (support, note) {
        (Some(support_given), Some(note)) => {
            if let Some(rec) = follow_up.record.as_mut() {
                rec.support_given.clear();
                rec.note.clear();
            }
            Some(SealedFollowUpTexts {
                support_given,
                note,
            })
        }
        _ => None,
    };
    Ok(StoredFollowUp { follow_up, sealed })
}

fn follow_up(r: &DbRow) -> Result<FollowUp> {
    let g = |e: sqlx::Error| db(e);
    let still: Option<String> = r.try_get("still_working").map_err(g)?;
    let record = match still {
        Some(s) => {
            let hours: Option<i64> = r.try_get("hours_per_week").map_err(g)?;
            Some(FollowUpRecord {
                still_working: StillWorking::parse(&s).map_err(|_| bad("answer"))?,
                hours_per_week: u8::try_from(hours.unwrap_or(0)).map_err(|_| bad("hours"))?,
                support_given: r
                    .try_get::<Option<String>, _>("support_given")
                    .map_err(g)?
                    .unwrap_or_default(),
                needs_recrafting: r.try_get("needs_recrafting").map_err(g)?,
                note: r
                    .try_get::<Option<String>, _>("note")
                    .map_err(g)?
                    .unwrap_or_default(),
            })
        }
        None => None,
    };
    Ok(FollowUp {
        id: FollowUpId(r.try_get("id").map_err(g)?),
        placement_id: PlacementId(r.try_get("placement_id").map_err(g)?),
        participant_id: ParticipantId(r.try_get("participant_id").map_err(g)?),
        checkpoint: RetentionCheckpoint::parse(&r.try_get::<String, _>("checkpoint").map_err(g)?)
            .map_err(|_| bad("checkpoint"))?,
        due_on: r.try_get("due_on").map_err(g)?,
        done_on: r.try_get("done_on").map_err(g)?,
        record,
        recorded_by: r
            .try_get::<Option<Uuid>, _>("recorded_by")
            .map_err(g)?
            .map(UserId),
        version: r.try_get("version").map_err(g)?,
    })
}

/// Inserts a new follow-up in the caller's transaction.
pub(crate) async fn insert_in(conn: &mut Conn, f: &FollowUp) -> Result<()> {
    let r = f.record.as_ref();
    sqlx::query(
        "INSERT INTO follow_ups (id, placement_id, participant_id, checkpoint, due_on, done_on, still_working, \
         hours_per_week, support_given, needs_recrafting, note, recorded_by, version, project_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, \
         (SELECT p.project_id FROM participants p WHERE p.id = $3))",
    )
    .bind(f.id.0)
    .bind(f.placement_id.0)
    .bind(f.participant_id.0)
    .bind(f.checkpoint.as_str())
    .bind(f.due_on)
    .bind(f.done_on)
    .bind(r.map(|r| r.still_working.as_str()))
    .bind(r.map(|r| i64::from(r.hours_per_week)))
    .bind(r.map(|r| r.support_given.clone()))
    .bind(r.is_some_and(|r| r.needs_recrafting))
    .bind(r.map(|r| r.note.clone()))
    .bind(f.recorded_by.map(|u| u.0))
    .bind(f.version)
    .execute(&mut *conn)
    .await
    .map_err(db)?;
    Ok(())
}

/// Every follow-up of a participant, by due date (also for the subject export's snapshot).
pub(crate) async fn follow_ups_in(
    conn: &mut Conn,
    participant: ParticipantId,
) -> Result<Vec<StoredFollowUp>> {
    let rows = sqlx::query(&format!(
        "{COLS} WHERE f.participant_id = $1 ORDER BY f.due_on, f.id"
    ))
    .bind(participant.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.iter().map(stored).collect()
}

#[async_trait]
impl FollowUpStore for SqlStore {
    async fn follow_up_scope(&self, id: FollowUpId) -> Result<Option<FollowUpScope>> {
        let row: Option<(Uuid, Uuid, Uuid)> =
            sqlx::query_as("SELECT id, placement_id, participant_id FROM follow_ups WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await
                .map_err(db)?;
        Ok(row.map(|(id, placement, participant)| FollowUpScope {
            id: FollowUpId(id),
            placement_id: PlacementId(placement),
            participant_id: ParticipantId(participant),
        }))
    }

    async fn get_follow_up(
        &self,
        id: FollowUpId,
        ev: &AuditEvent,
    ) -> Result<Option<StoredFollowUp>> {
        let mut tx = self.write().await?;
        let row = sqlx::query(&format!("{COLS} WHERE f.id = $1"))
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
        let Some(row) = row else {
            tx.commit().await.map_err(db)?;
            return Ok(None);
        };
        let f = stored(&row)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(Some(f))
    }

    async fn follow_ups_of(
        &self,
        participant: ParticipantId,
        ev: &AuditEvent,
    ) -> Result<Vec<StoredFollowUp>> {
        let mut tx = self.write().await?;
        let out = follow_ups_in(&mut tx, participant).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn open_follow_ups(
        &self,
        coach: UserId,
        until: Date,
        ev: &AuditEvent,
    ) -> Result<Vec<StoredFollowUp>> {
        let mut tx = self.write().await?;
        let rows = sqlx::query(&format!(
            "{COLS} JOIN participants p ON p.id = f.participant_id \
             WHERE p.coach_id = $1 AND p.restricted_since IS NULL AND f.done_on IS NULL \
             AND f.due_on <= $2 \
             ORDER BY f.due_on, f.id"
        ))
        .bind(coach.0)
        .bind(until)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let mut out = Vec::new();
        for row in &rows {
            let f = stored(row)?;
            let hit = AuditEvent {
                subject: Some(f.follow_up.participant_id.to_string()),
                ..ev.clone()
            };
            audit::append(&mut tx, &self.chain, &hit).await?;
            out.push(f);
        }
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn record_follow_up(
        &self,
        f: &FollowUp,
        sealed: Option<&SealedFollowUpTexts>,
        expected: i64,
        ev: &AuditEvent,
    ) -> Result<()> {
        let r = f.record.as_ref();
        let mut tx = self.write().await?;
        // The free texts only sealed: the clear columns are emptied.
        let n = sqlx::query(
            "UPDATE follow_ups SET done_on = $1, still_working = $2, hours_per_week = $3, \
             support_given = NULL, needs_recrafting = $4, note = NULL, recorded_by = $5, version = $6, \
             support_given_sealed = $9, note_sealed = $10 \
             WHERE id = $7 AND version = $8",
        )
        .bind(f.done_on)
        .bind(r.map(|r| r.still_working.as_str()))
        .bind(r.map(|r| i64::from(r.hours_per_week)))
        .bind(r.is_some_and(|r| r.needs_recrafting))
        .bind(f.recorded_by.map(|u| u.0))
        .bind(f.version)
        .bind(f.id.0)
        .bind(expected)
        .bind(sealed.map(|s| s.support_given.clone()))
        .bind(sealed.map(|s| s.note.clone()))
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if n == 0 {
            return Err(super::changed_or_gone(
                &mut tx,
                "SELECT version FROM follow_ups WHERE id = $1",
                &[f.id.0],
            )
            .await);
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn follow_ups_in_clear(&self) -> Result<Vec<StoredFollowUp>> {
        let rows = sqlx::query(&format!(
            "{COLS} WHERE f.support_given IS NOT NULL OR f.note IS NOT NULL ORDER BY f.id"
        ))
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter().map(stored).collect()
    }

    async fn retention_counts(&self, project: ProjectId) -> Result<Vec<RetentionCount>> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT f.checkpoint, f.still_working, COUNT(*) FROM follow_ups f \
             JOIN placements pl ON pl.id = f.placement_id \
             WHERE pl.project_id = $1 AND f.done_on IS NOT NULL AND f.still_working IS NOT NULL \
             GROUP BY f.checkpoint, f.still_working",
        )
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let mut out = rows
            .into_iter()
            .map(|(c, s, n)| {
                Ok(RetentionCount {
                    checkpoint: RetentionCheckpoint::parse(&c).map_err(|_| bad("checkpoint"))?,
                    still_working: StillWorking::parse(&s).map_err(|_| bad("answer"))?,
                    count: n,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        out.sort_by_key(|r| (r.checkpoint, r.still_working));
        Ok(out)
    }
}
