//! The IPS-25 fidelity area: the case log the figures are computed from (ids, dates and kinds
//! only: no names, notes, summaries or sealed data leave the store) and the manager's ratings,
//! appended as versions.

use super::audit;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::fidelity::{
    CaseLog, LogFollowUp, LogInteraction, LogMeeting, LogParticipant, LogPlacement,
};
use polku_domain::{EmployerId, OpeningKind, ParticipantId, PlacementState, ProjectId, UserId};
use polku_service::audit::AuditEvent;
use polku_service::clock::in_helsinki;
use polku_service::store::{FidelityRating, FidelityStore};
use polku_service::{Result, ServiceError};
use std::collections::BTreeMap;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

fn bad(what: &str) -> ServiceError {
    ServiceError::Storage(format!("stored case log has an invalid {what}"))
}

fn day(at: OffsetDateTime) -> Date {
    in_helsinki(at).date()
}

type PlacementRow = (
    Uuid,
    Uuid,
    Uuid,
    Uuid,
    String,
    String,
    Date,
    Option<OffsetDateTime>,
    OffsetDateTime,
    Option<String>,
    String,
);

#[async_trait]
impl FidelityStore for SqlStore {
    async fn fidelity_case_log(
        &self,
        project: ProjectId,
        to: Date,
        ev: &AuditEvent,
    ) -> Result<CaseLog> {
        let mut tx = self.write().await?;
        let people: Vec<(Uuid, Option<Uuid>, OffsetDateTime)> = sqlx::query_as(
            "SELECT id, coach_id, created_at FROM participants WHERE project_id = $1 \
             AND restricted_since IS NULL ORDER BY id",
        )
        .bind(project.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let exits: Vec<(Uuid, String, OffsetDateTime)> = sqlx::query_as(
            "SELECT p.id, p.stage, c.changed_at FROM participant_stage_changes c \
             JOIN participants p ON p.id = c.participant_id \
             WHERE p.project_id = $1 AND p.restricted_since IS NULL AND c.to_stage = 'exited'",
        )
        .bind(project.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let interactions: Vec<(Uuid, Uuid, String, OffsetDateTime)> = sqlx::query_as(
            "SELECT i.by_user, i.employer_id, i.kind, i.at FROM employer_interactions i \
             JOIN employers e ON e.id = i.employer_id WHERE e.project_id = $1",
        )
        .bind(project.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let placements: Vec<PlacementRow> = sqlx::query_as(
            "SELECT pl.id, pl.participant_id, pl.coach_id, pl.employer_id, pl.kind, pl.state, \
             pl.starts_on, pl.proposed_at, pl.created_at, o.title, e.industry_tol \
             FROM placements pl JOIN employers e ON e.id = pl.employer_id \
             LEFT JOIN openings o ON o.id = pl.opening_id WHERE pl.project_id = $1 \
             AND pl.participant_id NOT IN (SELECT id FROM participants WHERE restricted_since IS NOT NULL) ORDER BY pl.id",
        )
        .bind(project.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let follow_ups: Vec<(Uuid, Option<Date>, Option<String>)> = sqlx::query_as(
            "SELECT f.placement_id, f.done_on, f.support_given FROM follow_ups f \
             JOIN placements pl ON pl.id = f.placement_id WHERE pl.project_id = $1 \
             AND pl.participant_id NOT IN (SELECT id FROM participants WHERE restricted_since IS NOT NULL)",
        )
        .bind(project.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let meetings: Vec<(Uuid, Uuid, OffsetDateTime, i64, String)> = sqlx::query_as(
            "SELECT m.participant_id, m.coach_id, m.starts_at, m.duration_min, m.place \
             FROM meetings m JOIN participants p ON p.id = m.participant_id WHERE p.project_id = $1 \
             AND p.restricted_since IS NULL",
        )
        .bind(project.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;

        // The day a participant left: the last change to `exited`, while they are still exited.
        let mut exited: BTreeMap<Uuid, Date> = BTreeMap::new();
        for (id, stage, at) in exits {
            if stage == "exited" {
                let d = day(at);
                exited
                    .entry(id)
                    .and_modify(|e| *e = (*e).max(d))
                    .or_insert(d);
            }
        }
        let mut support: BTreeMap<Uuid, Vec<LogFollowUp>> = BTreeMap::new();
        for (placement, done_on, given) in follow_ups {
            support.entry(placement).or_default().push(LogFollowUp {
                done_on,
                support_recorded: given.is_some_and(|g| !g.trim().is_empty()),
            });
        }
        let mut log = CaseLog::default();
        for (id, coach, created) in people {
            let enrolled_on = day(created);
            if enrolled_on > to {
                continue;
            }
            log.participants.push(LogParticipant {
                id: ParticipantId(id),
                coach: coach.map(UserId),
                enrolled_on,
                exited_on: exited.get(&id).copied(),
            });
        }
        for (by, employer, kind, at) in interactions {
            let on = day(at);
            if on <= to {
                log.interactions.push(LogInteraction {
                    by: UserId(by),
                    employer: EmployerId(employer),
                    kind,
                    on,
                });
            }
        }
        for (
            id,
            participant,
            coach,
            employer,
            kind,
            state,
            starts_on,
            proposed,
            created,
            title,
            tol,
        ) in placements
        {
            log.placements.push(LogPlacement {
                participant: ParticipantId(participant),
                coach: UserId(coach),
                employer: EmployerId(employer),
                kind: OpeningKind::parse(&kind).map_err(|_| bad("placement kind"))?,
                state: PlacementState::parse(&state).map_err(|_| bad("placement state"))?,
                starts_on,
                proposed_on: proposed.map(day),
                created_on: day(created),
                job_type: title
                    .filter(|t| !t.trim().is_empty())
                    .unwrap_or_else(|| format!("TOL {tol}")),
                follow_ups: support.remove(&id).unwrap_or_default(),
            });
        }
        for (participant, coach, at, minutes, place) in meetings {
            let on = day(at);
            if on <= to {
                log.meetings.push(LogMeeting {
                    participant: ParticipantId(participant),
                    coach: UserId(coach),
                    on,
                    minutes: u16::try_from(minutes).map_err(|_| bad("meeting duration"))?,
                    place,
                });
            }
        }
        Ok(log)
    }

    async fn fidelity_ratings(&self, project: ProjectId) -> Result<Vec<FidelityRating>> {
        let rows: Vec<(i64, i64, i64, String, Uuid, OffsetDateTime)> = sqlx::query_as(
            "SELECT item, version, score, note, rated_by, rated_at FROM fidelity_ratings \
             WHERE project_id = $1 ORDER BY item, version",
        )
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.into_iter()
            .map(|(item, version, score, note, by, at)| {
                Ok(FidelityRating {
                    project_id: project,
                    item: u8::try_from(item).map_err(|_| bad("rating item"))?,
                    version,
                    score: u8::try_from(score).map_err(|_| bad("rating score"))?,
                    note,
                    rated_by: UserId(by),
                    rated_at: at,
                })
            })
            .collect()
    }

    async fn insert_fidelity_rating(&self, r: &FidelityRating, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        let current: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(version) FROM fidelity_ratings WHERE project_id = $1 AND item = $2",
        )
        .bind(r.project_id.0)
        .bind(i64::from(r.item))
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        let current = current.unwrap_or(0);
        if current != r.version - 1 {
            return Err(ServiceError::Conflict { current });
        }
        sqlx::query(
            "INSERT INTO fidelity_ratings (project_id, item, version, score, note, rated_by, rated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(r.project_id.0)
        .bind(i64::from(r.item))
        .bind(r.version)
        .bind(i64::from(r.score))
        .bind(&r.note)
        .bind(r.rated_by.0)
        .bind(r.rated_at)
        .execute(&mut *tx)
        .await
        .map_err(|e| match db(e) {
            ServiceError::Duplicate(_) => ServiceError::Conflict { current: r.version },
            other => other,
        })?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }
}
