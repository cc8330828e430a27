//! Workplace mentoring: check-ins, task feedback, final feedback and evidence.

use super::audit;
use crate::Conn;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::{
    Checkin, CheckinId, EvidenceId, EvidenceKind, EvidenceState, FeedbackLevel, ParticipantId,
    Placement, PlacementId, Share, TaskFeedback, TaskFeedbackId, TaskId, UserId,
};
use polku_service::audit::AuditEvent;
use polku_service::store::{
    CheckinRecord, EvidenceRecord, MentoringRecords, MentoringStore, PlacementFeedbackRecord,
    TaskFeedbackRecord,
};
use polku_service::{Result, ServiceError};
use polku_store_sql::rows::json;
use sqlx::Row;
use time::OffsetDateTime;
use uuid::Uuid;

type DbRow = <<Conn as sqlx::Connection>::Database as sqlx::Database>::Row;

/// Which rows a listing takes: those of one placement or of one participant.
#[derive(Clone, Copy)]
enum Of {
    Placement(PlacementId),
    Participant(ParticipantId),
}

impl Of {
    fn column(self) -> &'static str {
        match self {
            Of::Placement(_) => "placement_id",
            Of::Participant(_) => "participant_id",
        }
    }
    fn id(self) -> Uuid {
        match self {
            Of::Placement(p) => p.0,
            Of::Participant(p) => p.0,
        }
    }
}

fn bad(what: &str) -> ServiceError {
    ServiceError::Storage(format!("stored mentoring row has an invalid {what}"))
}

fn checkin(r: &DbRow) -> Result<CheckinRecord> {
    let g = |e: sqlx::Error| db(e);
    let minutes: i64 = r.try_get("minutes").map_err(g)?;
    Ok(CheckinRecord {
        checkin: Checkin {
            id: CheckinId(r.try_get("id").map_err(g)?),
            placement_id: PlacementId(r.try_get("placement_id").map_err(g)?),
            participant_id: ParticipantId(r.try_get("participant_id").map_err(g)?),
            mentor_id: UserId(r.try_get("mentor_id").map_err(g)?),
            on: r.try_get("held_on").map_err(g)?,
            minutes: u16::try_from(minutes).map_err(|_| bad("minutes"))?,
            note: String::new(),
            created_at: r.try_get("created_at").map_err(g)?,
        },
        note_sealed: r.try_get("note_sealed").map_err(g)?,
    })
}

async fn checkins_in(conn: &mut Conn, of: Of) -> Result<Vec<CheckinRecord>> {
    let rows = sqlx::query(&format!(
        "SELECT id, placement_id, participant_id, mentor_id, held_on, minutes, note_sealed, created_at \
         FROM mentor_checkins WHERE {} = $1 ORDER BY held_on, created_at, id",
        of.column()
    ))
    .bind(of.id())
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.iter().map(checkin).collect()
}

fn task_feedback(r: &DbRow) -> Result<TaskFeedbackRecord> {
    let g = |e: sqlx::Error| db(e);
    Ok(TaskFeedbackRecord {
        feedback: TaskFeedback {
            id: TaskFeedbackId(r.try_get("id").map_err(g)?),
            placement_id: PlacementId(r.try_get("placement_id").map_err(g)?),
            participant_id: ParticipantId(r.try_get("participant_id").map_err(g)?),
            task_id: TaskId(r.try_get("task_id").map_err(g)?),
            level: FeedbackLevel::parse(&r.try_get::<String, _>("level").map_err(g)?)
                .map_err(|_| bad("level"))?,
            note: String::new(),
            given_by: UserId(r.try_get("given_by").map_err(g)?),
            given_at: r.try_get("given_at").map_err(g)?,
        },
        note_sealed: r.try_get("note_sealed").map_err(g)?,
    })
}

async fn task_feedback_in(conn: &mut Conn, of: Of) -> Result<Vec<TaskFeedbackRecord>> {
    let rows = sqlx::query(&format!(
        "SELECT id, placement_id, participant_id, task_id, level, note_sealed, given_by, given_at \
         FROM task_feedback WHERE {} = $1 ORDER BY given_at, id",
        of.column()
    ))
    .bind(of.id())
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.iter().map(task_feedback).collect()
}

fn placement_feedback(r: &DbRow) -> Result<PlacementFeedbackRecord> {
    let g = |e: sqlx::Error| db(e);
    let user = |c: &str| -> Result<Option<UserId>> {
        Ok(r.try_get::<Option<Uuid>, _>(c).map_err(g)?.map(UserId))
    };
    Ok(PlacementFeedbackRecord {
        placement_id: PlacementId(r.try_get("placement_id").map_err(g)?),
        participant_id: ParticipantId(r.try_get("participant_id").map_err(g)?),
        organiser_sealed: r.try_get("organiser_sealed").map_err(g)?,
        next_steps_sealed: r.try_get("next_steps_sealed").map_err(g)?,
        given_by: user("given_by")?,
        given_at: r.try_get("given_at").map_err(g)?,
        self_assessment_sealed: r.try_get("self_assessment_sealed").map_err(g)?,
        self_assessed_by: user("self_assessed_by")?,
        self_assessed_at: r.try_get("self_assessed_at").map_err(g)?,
        version: r.try_get("version").map_err(g)?,
    })
}

const FEEDBACK_COLS: &str = "SELECT placement_id, participant_id, organiser_sealed, next_steps_sealed, given_by, \
     given_at, self_assessment_sealed, self_assessed_by, self_assessed_at, version FROM placement_feedback";

async fn placement_feedback_in(conn: &mut Conn, of: Of) -> Result<Vec<PlacementFeedbackRecord>> {
    let rows = sqlx::query(&format!(
        "{FEEDBACK_COLS} WHERE {} = $1 ORDER BY placement_id",
        of.column()
    ))
    .bind(of.id())
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.iter().map(placement_feedback).collect()
}

fn evidence(r: &DbRow) -> Result<EvidenceRecord> {
    let g = |e: sqlx::Error| db(e);
    Ok(EvidenceRecord {
        id: EvidenceId(r.try_get("id").map_err(g)?),
        participant_id: ParticipantId(r.try_get("participant_id").map_err(g)?),
        placement_id: PlacementId(r.try_get("placement_id").map_err(g)?),
        kind: EvidenceKind::parse(&r.try_get::<String, _>("kind").map_err(g)?)
            .map_err(|_| bad("kind"))?,
        what_sealed: r.try_get("what_sealed").map_err(g)?,
        source_employer: r.try_get("source_employer").map_err(g)?,
        source_from: r.try_get("source_from").map_err(g)?,
        source_to: r.try_get("source_to").map_err(g)?,
        state: EvidenceState::parse(&r.try_get::<String, _>("state").map_err(g)?)
            .map_err(|_| bad("state"))?,
        decided_by: r
            .try_get::<Option<Uuid>, _>("decided_by")
            .map_err(g)?
            .map(UserId),
        decided_at: r.try_get("decided_at").map_err(g)?,
        created_at: r.try_get("created_at").map_err(g)?,
        version: r.try_get("version").map_err(g)?,
    })
}

async fn evidence_in(conn: &mut Conn, of: Of) -> Result<Vec<EvidenceRecord>> {
    let rows = sqlx::query(&format!(
        "SELECT id, participant_id, placement_id, kind, what_sealed, source_employer, source_from, source_to, \
         state, decided_by, decided_at, created_at, version FROM evidence WHERE {} = $1 \
         ORDER BY created_at DESC, id",
        of.column()
    ))
    .bind(of.id())
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.iter().map(evidence).collect()
}

/// Everything of a participant's mentoring (for the subject export's snapshot).
pub(crate) async fn mentoring_in(
    conn: &mut Conn,
    participant: ParticipantId,
) -> Result<MentoringRecords> {
    let of = Of::Participant(participant);
    Ok(MentoringRecords {
        checkins: checkins_in(conn, of).await?,
        task_feedback: task_feedback_in(conn, of).await?,
        placement_feedback: placement_feedback_in(conn, of).await?,
        evidence: evidence_in(conn, of).await?,
    })
}

async fn insert_share(conn: &mut Conn, sh: &Share, placement: PlacementId) -> Result<()> {
    sqlx::query(
        "INSERT INTO shares (id, participant_id, recipient_id, categories, until, revoked_at, placement_id, purpose) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(sh.id.0)
    .bind(sh.participant_id.0)
    .bind(sh.recipient.0)
    .bind(json(&sh.categories)?)
    .bind(sh.until)
    .bind(sh.revoked_at)
    .bind(placement.0)
    .bind(sh.purpose.as_str())
    .execute(&mut *conn)
    .await
    .map_err(db)?;
    Ok(())
}

async fn insert_evidence(conn: &mut Conn, e: &EvidenceRecord) -> Result<()> {
    sqlx::query(
        "INSERT INTO evidence (id, participant_id, placement_id, kind, what_sealed, source_employer, source_from, \
         source_to, state, decided_by, decided_at, created_at, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(e.id.0)
    .bind(e.participant_id.0)
    .bind(e.placement_id.0)
    .bind(e.kind.as_str())
    .bind(&e.what_sealed)
    .bind(&e.source_employer)
    .bind(e.source_from)
    .bind(e.source_to)
    .bind(e.state.as_str())
    .bind(e.decided_by.map(|u| u.0))
    .bind(e.decided_at)
    .bind(e.created_at)
    .bind(e.version)
    .execute(&mut *conn)
    .await
    .map_err(db)?;
    Ok(())
}

#[async_trait]
impl MentoringStore for SqlStore {
    async fn set_placement_mentor(
        &self,
        p: &Placement,
        expected: i64,
        previous: Option<UserId>,
        share: Option<&Share>,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let n = sqlx::query(
            "UPDATE placements SET mentor_id = $1, version = $2 WHERE id = $3 AND version = $4",
        )
        .bind(p.mentor_id.map(|u| u.0))
        .bind(p.version)
        .bind(p.id.0)
        .bind(expected)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if n == 0 {
            return Err(super::changed_or_gone(
                &mut tx,
                "SELECT version FROM placements WHERE id = $1",
                &[p.id.0],
            )
            .await);
        }
        if let Some(prev) = previous {
            sqlx::query(
                "UPDATE shares SET revoked_at = $1 WHERE placement_id = $2 AND recipient_id = $3 \
                 AND revoked_at IS NULL",
            )
            .bind(OffsetDateTime::now_utc())
            .bind(p.id.0)
            .bind(prev.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        if let Some(sh) = share {
            insert_share(&mut tx, sh, p.id).await?;
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn insert_checkin(&self, rec: &CheckinRecord, ev: &AuditEvent) -> Result<()> {
        let c = &rec.checkin;
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO mentor_checkins (id, placement_id, participant_id, mentor_id, held_on, minutes, \
             note_sealed, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(c.id.0)
        .bind(c.placement_id.0)
        .bind(c.participant_id.0)
        .bind(c.mentor_id.0)
        .bind(c.on)
        .bind(i64::from(c.minutes))
        .bind(&rec.note_sealed)
        .bind(c.created_at)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn list_checkins(
        &self,
        placement: PlacementId,
        ev: &AuditEvent,
    ) -> Result<Vec<CheckinRecord>> {
        let mut tx = self.write().await?;
        let rows = checkins_in(&mut tx, Of::Placement(placement)).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(rows)
    }

    async fn insert_task_feedback(
        &self,
        rec: &TaskFeedbackRecord,
        evidence: &[EvidenceRecord],
        ev: &AuditEvent,
    ) -> Result<()> {
        let f = &rec.feedback;
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO task_feedback (id, placement_id, participant_id, task_id, level, note_sealed, given_by, \
             given_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(f.id.0)
        .bind(f.placement_id.0)
        .bind(f.participant_id.0)
        .bind(f.task_id.0)
        .bind(f.level.as_str())
        .bind(&rec.note_sealed)
        .bind(f.given_by.0)
        .bind(f.given_at)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        for e in evidence {
            insert_evidence(&mut tx, e).await?;
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn list_task_feedback(
        &self,
        placement: PlacementId,
        ev: &AuditEvent,
    ) -> Result<Vec<TaskFeedbackRecord>> {
        let mut tx = self.write().await?;
        let rows = task_feedback_in(&mut tx, Of::Placement(placement)).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(rows)
    }

    async fn placement_feedback(
        &self,
        placement: PlacementId,
        ev: &AuditEvent,
    ) -> Result<Option<PlacementFeedbackRecord>> {
        let mut tx = self.write().await?;
        let mut rows = placement_feedback_in(&mut tx, Of::Placement(placement)).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(rows.pop())
    }

    async fn save_placement_feedback(
        &self,
        r: &PlacementFeedbackRecord,
        expected: Option<i64>,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        match expected {
            None => {
                sqlx::query(
                    "INSERT INTO placement_feedback (placement_id, participant_id, organiser_sealed, next_steps_sealed, \
                     given_by, given_at, self_assessment_sealed, self_assessed_by, self_assessed_at, version) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(r.placement_id.0)
                .bind(r.participant_id.0)
                .bind(r.organiser_sealed.as_deref())
                .bind(r.next_steps_sealed.as_deref())
                .bind(r.given_by.map(|u| u.0))
                .bind(r.given_at)
                .bind(r.self_assessment_sealed.as_deref())
                .bind(r.self_assessed_by.map(|u| u.0))
                .bind(r.self_assessed_at)
                .bind(r.version)
                .execute(&mut *tx)
                .await
                .map_err(|e| match e {
                    // Someone else wrote the first version meanwhile.
                    sqlx::Error::Database(d) if d.is_unique_violation() => {
                        ServiceError::Conflict { current: 1 }
                    }
                    e => db(e),
                })?;
            }
            Some(expected) => {
                let n = sqlx::query(
                    "UPDATE placement_feedback SET organiser_sealed = $1, next_steps_sealed = $2, given_by = $3, \
                     given_at = $4, self_assessment_sealed = $5, self_assessed_by = $6, self_assessed_at = $7, \
                     version = $8 WHERE placement_id = $9 AND version = $10",
                )
                .bind(r.organiser_sealed.as_deref())
                .bind(r.next_steps_sealed.as_deref())
                .bind(r.given_by.map(|u| u.0))
                .bind(r.given_at)
                .bind(r.self_assessment_sealed.as_deref())
                .bind(r.self_assessed_by.map(|u| u.0))
                .bind(r.self_assessed_at)
                .bind(r.version)
                .bind(r.placement_id.0)
                .bind(expected)
                .execute(&mut *tx)
                .await
                .map_err(db)?
                .rows_affected();
                if n == 0 {
                    return Err(super::changed_or_gone(
                        &mut tx,
                        "SELECT version FROM placement_feedback WHERE placement_id = $1",
                        &[r.placement_id.0],
                    )
                    .await);
                }
            }
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn list_evidence(
        &self,
        participant: ParticipantId,
        ev: &AuditEvent,
    ) -> Result<Vec<EvidenceRecord>> {
        let mut tx = self.write().await?;
        let rows = evidence_in(&mut tx, Of::Participant(participant)).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(rows)
    }

    async fn decide_evidence(
        &self,
        id: EvidenceId,
        state: EvidenceState,
        by: UserId,
        at: OffsetDateTime,
        expected: i64,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let n = sqlx::query(
            "UPDATE evidence SET state = $1, decided_by = $2, decided_at = $3, version = version + 1 \
             WHERE id = $4 AND version = $5 AND state = 'open'",
        )
        .bind(state.as_str())
        .bind(by.0)
        .bind(at)
        .bind(id.0)
        .bind(expected)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if n == 0 {
            return Err(super::changed_or_gone(
                &mut tx,
                "SELECT version FROM evidence WHERE id = $1",
                &[id.0],
            )
            .await);
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }
}
