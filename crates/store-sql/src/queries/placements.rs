//! Employer users, proposals and placements.

use super::audit;
use crate::Conn;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::{
    AnswerChannel, EmployerAnswer, EmployerId, GigHours, GigId, OpeningId, OpeningKind,
    ParticipantId, Placement, PlacementId, PlacementState, ProjectId, UserId,
};
use polku_service::audit::AuditEvent;
use polku_service::store::{PlacementFilter, PlacementScope, PlacementSideEffects, PlacementStore};
use polku_service::{Result, ServiceError};
use polku_store_sql::rows::json;
use sqlx::Row;
use time::OffsetDateTime;
use uuid::Uuid;

pub(crate) const PLACEMENT_COLS: &str = "SELECT id, project_id, participant_id, employer_id, opening_id, kind, pay_subsidy, state, \
     tasks_json, starts_on, ends_on, hours_per_day, days_per_week, mentor_id, coach_id, proposed_by, proposed_at, \
     categories_json, answer, answer_reason, answered_at, answered_by, answer_via, answer_contact, end_reason, ended_on, gig_id, gig_minutes, \
     created_at, version FROM placements";

fn bad(what: &str) -> ServiceError {
    ServiceError::Storage(format!("stored placement has an invalid {what}"))
}

/// The backend's row type (the module is compiled once per backend).
type DbRow = <<Conn as sqlx::Connection>::Database as sqlx::Database>::Row;

pub(crate) fn placement(r: &DbRow) -> Result<Placement> {
    let g = |e: sqlx::Error| db(e);
    let small = |v: i64, what: &str| u8::try_from(v).map_err(|_| bad(what));
    let answer: Option<String> = r.try_get("answer").map_err(g)?;
    let via: Option<String> = r.try_get("answer_via").map_err(g)?;
    Ok(Placement {
        id: PlacementId(r.try_get("id").map_err(g)?),
        project_id: ProjectId(r.try_get("project_id").map_err(g)?),
        participant_id: ParticipantId(r.try_get("participant_id").map_err(g)?),
        employer_id: EmployerId(r.try_get("employer_id").map_err(g)?),
        opening_id: r
            .try_get::<Option<Uuid>, _>("opening_id")
            .map_err(g)?
            .map(OpeningId),
        kind: OpeningKind::parse(&r.try_get::<String, _>("kind").map_err(g)?)
            .map_err(|_| bad("kind"))?,
        pay_subsidy: r.try_get("pay_subsidy").map_err(g)?,
        state: PlacementState::parse(&r.try_get::<String, _>("state").map_err(g)?)
            .map_err(|_| bad("state"))?,
        tasks: serde_json::from_str(&r.try_get::<String, _>("tasks_json").map_err(g)?)
            .map_err(|_| bad("task list"))?,
        starts_on: r.try_get("starts_on").map_err(g)?,
        ends_on: r.try_get("ends_on").map_err(g)?,
        hours_per_day: small(r.try_get("hours_per_day").map_err(g)?, "hours per day")?,
        days_per_week: small(r.try_get("days_per_week").map_err(g)?, "days per week")?,
        mentor_id: r
            .try_get::<Option<Uuid>, _>("mentor_id")
            .map_err(g)?
            .map(UserId),
        coach_id: UserId(r.try_get("coach_id").map_err(g)?),
        proposed_by: UserId(r.try_get("proposed_by").map_err(g)?),
        proposed_at: r.try_get("proposed_at").map_err(g)?,
        categories: serde_json::from_str(&r.try_get::<String, _>("categories_json").map_err(g)?)
            .map_err(|_| bad("category list"))?,
        answer: answer
            .map(|a| EmployerAnswer::parse(&a).map_err(|_| bad("answer")))
            .transpose()?,
        answer_reason: r.try_get("answer_reason").map_err(g)?,
        answered_at: r.try_get("answered_at").map_err(g)?,
        answered_by: r
            .try_get::<Option<Uuid>, _>("answered_by")
            .map_err(g)?
            .map(UserId),
        answer_via: via
            .map(|a| AnswerChannel::parse(&a).map_err(|_| bad("answer channel")))
            .transpose()?,
        answer_contact: r.try_get("answer_contact").map_err(g)?,
        end_reason: r.try_get("end_reason").map_err(g)?,
        ended_on: r.try_get("ended_on").map_err(g)?,
        gig_id: r
            .try_get::<Option<Uuid>, _>("gig_id")
            .map_err(g)?
            .map(GigId),
        gig_hours: r
            .try_get::<Option<i64>, _>("gig_minutes")
            .map_err(g)?
            .map(|m| {
                u16::try_from(m)
                    .ok()
                    .and_then(|m| GigHours::from_minutes(m).ok())
                    .ok_or_else(|| bad("gig hours"))
            })
            .transpose()?,
        created_at: r.try_get("created_at").map_err(g)?,
        version: r.try_get("version").map_err(g)?,
    })
}

async fn apply_effects(
    conn: &mut Conn,
    placement: PlacementId,
    effects: &PlacementSideEffects,
) -> Result<()> {
    if effects.revoke_shares {
        sqlx::query(
            "UPDATE shares SET revoked_at = $1 WHERE placement_id = $2 AND revoked_at IS NULL",
        )
        .bind(OffsetDateTime::now_utc())
        .bind(placement.0)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
    }
    for f in &effects.new_follow_ups {
        super::follow_ups::insert_in(conn, f).await?;
    }
    for sh in &effects.new_shares {
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
    }
    Ok(())
}

#[async_trait]
impl PlacementStore for SqlStore {
    async fn link_employer_user(
        &self,
        user: UserId,
        employer: EmployerId,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO employer_users (user_id, employer_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(user.0)
        .bind(employer.0)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn unlink_employer_user(
        &self,
        user: UserId,
        employer: EmployerId,
        ev: &AuditEvent,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let n = sqlx::query("DELETE FROM employer_users WHERE user_id = $1 AND employer_id = $2")
            .bind(user.0)
            .bind(employer.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
        if n > 0 {
            audit::append(&mut tx, &self.chain, ev).await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(n > 0)
    }

    async fn employers_of_user(&self, user: UserId) -> Result<Vec<EmployerId>> {
        let ids: Vec<Uuid> = sqlx::query_scalar(
            "SELECT employer_id FROM employer_users WHERE user_id = $1 ORDER BY employer_id",
        )
        .bind(user.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(ids.into_iter().map(EmployerId).collect())
    }

    async fn users_of_employer(&self, employer: EmployerId) -> Result<Vec<UserId>> {
        let ids: Vec<Uuid> = sqlx::query_scalar(
            "SELECT user_id FROM employer_users WHERE employer_id = $1 ORDER BY user_id",
        )
        .bind(employer.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(ids.into_iter().map(UserId).collect())
    }

    async fn insert_placement(
        &self,
        p: &Placement,
        effects: &PlacementSideEffects,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO placements (id, project_id, participant_id, employer_id, opening_id, kind, pay_subsidy, state, \
             tasks_json, starts_on, ends_on, hours_per_day, days_per_week, mentor_id, coach_id, proposed_by, proposed_at, \
             categories_json, answer, answer_reason, answered_at, answered_by, end_reason, ended_on, created_at, version, \
             gig_id, gig_minutes, answer_via, answer_contact) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, \
             $23, $24, $25, $26, $27, $28, $29, $30)",
        )
        .bind(p.id.0)
        .bind(p.project_id.0)
        .bind(p.participant_id.0)
        .bind(p.employer_id.0)
        .bind(p.opening_id.map(|o| o.0))
        .bind(p.kind.as_str())
        .bind(p.pay_subsidy)
        .bind(p.state.as_str())
        .bind(json(&p.tasks)?)
        .bind(p.starts_on)
        .bind(p.ends_on)
        .bind(i64::from(p.hours_per_day))
        .bind(i64::from(p.days_per_week))
        .bind(p.mentor_id.map(|u| u.0))
        .bind(p.coach_id.0)
        .bind(p.proposed_by.0)
        .bind(p.proposed_at)
        .bind(json(&p.categories)?)
        .bind(p.answer.map(|a| a.as_str()))
        .bind(p.answer_reason.as_deref())
        .bind(p.answered_at)
        .bind(p.answered_by.map(|u| u.0))
        .bind(p.end_reason.as_deref())
        .bind(p.ended_on)
        .bind(p.created_at)
        .bind(p.version)
        .bind(p.gig_id.map(|g| g.0))
        .bind(p.gig_hours.map(|h| i64::from(h.minutes())))
        .bind(p.answer_via.map(|a| a.as_str()))
        .bind(p.answer_contact.as_deref())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        apply_effects(&mut tx, p.id, effects).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn placement_scope(&self, id: PlacementId) -> Result<Option<PlacementScope>> {
        let row: Option<(Uuid, Uuid, Uuid, Uuid, Uuid, Option<Uuid>, String)> = sqlx::query_as(
            "SELECT id, project_id, participant_id, employer_id, coach_id, mentor_id, state \
             FROM placements WHERE id = $1",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        row.map(
            |(id, project, participant, employer, coach, mentor, state)| {
                Ok(PlacementScope {
                    id: PlacementId(id),
                    project_id: ProjectId(project),
                    participant_id: ParticipantId(participant),
                    employer_id: EmployerId(employer),
                    coach_id: UserId(coach),
                    mentor_id: mentor.map(UserId),
                    state: PlacementState::parse(&state).map_err(|_| bad("state"))?,
                })
            },
        )
        .transpose()
    }

    async fn get_placement(&self, id: PlacementId, ev: &AuditEvent) -> Result<Option<Placement>> {
        let mut tx = self.write().await?;
        let row = sqlx::query(&format!("{PLACEMENT_COLS} WHERE id = $1"))
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
        let Some(row) = row else {
            tx.commit().await.map_err(db)?;
            return Ok(None);
        };
        let p = placement(&row)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(Some(p))
    }

    async fn update_placement(
        &self,
        p: &Placement,
        expected: i64,
        effects: &PlacementSideEffects,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let n = sqlx::query(
            "UPDATE placements SET opening_id = $1, kind = $2, pay_subsidy = $3, state = $4, tasks_json = $5, \
             starts_on = $6, ends_on = $7, hours_per_day = $8, days_per_week = $9, mentor_id = $10, proposed_at = $11, \
             categories_json = $12, answer = $13, answer_reason = $14, answered_at = $15, answered_by = $16, \
             end_reason = $17, ended_on = $18, version = $19, gig_id = $22, gig_minutes = $23, \
             answer_via = $24, answer_contact = $25 \
             WHERE id = $20 AND version = $21",
        )
        .bind(p.opening_id.map(|o| o.0))
        .bind(p.kind.as_str())
        .bind(p.pay_subsidy)
        .bind(p.state.as_str())
        .bind(json(&p.tasks)?)
        .bind(p.starts_on)
        .bind(p.ends_on)
        .bind(i64::from(p.hours_per_day))
        .bind(i64::from(p.days_per_week))
        .bind(p.mentor_id.map(|u| u.0))
        .bind(p.proposed_at)
        .bind(json(&p.categories)?)
        .bind(p.answer.map(|a| a.as_str()))
        .bind(p.answer_reason.as_deref())
        .bind(p.answered_at)
        .bind(p.answered_by.map(|u| u.0))
        .bind(p.end_reason.as_deref())
        .bind(p.ended_on)
        .bind(p.version)
        .bind(p.id.0)
        .bind(expected)
        .bind(p.gig_id.map(|g| g.0))
        .bind(p.gig_hours.map(|h| i64::from(h.minutes())))
        .bind(p.answer_via.map(|a| a.as_str()))
        .bind(p.answer_contact.as_deref())
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
        apply_effects(&mut tx, p.id, effects).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn list_placements(
        &self,
        f: &PlacementFilter,
        ev: &AuditEvent,
    ) -> Result<Vec<Placement>> {
        let mut tx = self.write().await?;
        let rows = sqlx::query(&format!(
            "{PLACEMENT_COLS} WHERE ($1 OR project_id = $2) AND ($3 OR participant_id = $4) \
             AND ($5 OR coach_id = $6) AND ($7 OR mentor_id = $8) ORDER BY created_at DESC, id"
        ))
        .bind(f.project.is_none())
        .bind(f.project.map(|p| p.0))
        .bind(f.participant.is_none())
        .bind(f.participant.map(|p| p.0))
        .bind(f.coach.is_none())
        .bind(f.coach.map(|p| p.0))
        .bind(f.mentor.is_none())
        .bind(f.mentor.map(|p| p.0))
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let mut out = Vec::new();
        for row in &rows {
            let p = placement(row)?;
            if !f.states.is_empty() && !f.states.contains(&p.state) {
                continue;
            }
            if f.employers
                .as_ref()
                .is_some_and(|es| !es.contains(&p.employer_id))
            {
                continue;
            }
            let hit = AuditEvent {
                subject: Some(p.participant_id.to_string()),
                ..ev.clone()
            };
            audit::append(&mut tx, &self.chain, &hit).await?;
            out.push(p);
        }
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn placements_of(&self, participant: ParticipantId) -> Result<Vec<Placement>> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        placements_in(&mut conn, participant).await
    }
}

/// Every placement of a participant, oldest first (also for the subject export's snapshot).
pub(crate) async fn placements_in(
    conn: &mut Conn,
    participant: ParticipantId,
) -> Result<Vec<Placement>> {
    let rows = sqlx::query(&format!(
        "{PLACEMENT_COLS} WHERE participant_id = $1 ORDER BY created_at, id"
    ))
    .bind(participant.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.iter().map(placement).collect()
}
