//! Aggregates for reporting: counts computed with `COUNT … GROUP BY`; no rows leave the store.

use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::{EmployerId, ParticipantId, ProjectId};
use polku_service::store::ReportStore;
use polku_service::store::{
    FollowUpFact, ParticipantFact, PlacementFact, ProjectCounts, ReportFacts,
};
use polku_service::Result;
use polku_store_sql::rows::from_json;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

#[async_trait]
impl ReportStore for SqlStore {
    async fn project_counts(&self, project: ProjectId) -> Result<ProjectCounts> {
        let participants_by_stage: Vec<(String, i64)> = sqlx::query_as(
            "SELECT stage, COUNT(*) FROM participants WHERE project_id = $1 AND restricted_since IS NULL \
             GROUP BY stage ORDER BY stage",
        )
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let employers_by_depth: Vec<(String, i64)> = sqlx::query_as(
            "SELECT cooperation, COUNT(*) FROM employers WHERE project_id = $1 GROUP BY cooperation ORDER BY cooperation",
        )
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let openings_by_kind: Vec<(String, i64)> = sqlx::query_as(
            "SELECT o.kind, COUNT(*) FROM openings o JOIN employers e ON e.id = o.employer_id WHERE e.project_id = $1 GROUP BY o.kind ORDER BY o.kind",
        )
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(ProjectCounts {
            participants_by_stage,
            employers_by_depth,
            openings_by_kind,
        })
    }

    async fn report_facts(&self, project: ProjectId) -> Result<ReportFacts> {
        let participants: Vec<(Uuid, OffsetDateTime, String)> = sqlx::query_as(
            "SELECT id, created_at, home_municipality FROM participants WHERE project_id = $1 \
             AND restricted_since IS NULL",
        )
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        type PlacementFactRow = (
            Uuid,
            Uuid,
            String,
            String,
            Date,
            Option<Date>,
            Option<OffsetDateTime>,
        );
        let placements: Vec<PlacementFactRow> = sqlx::query_as(
            "SELECT participant_id, employer_id, kind, state, starts_on, ended_on, proposed_at FROM placements WHERE project_id = $1 AND participant_id NOT IN (SELECT id FROM participants WHERE restricted_since IS NOT NULL)",
        )
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let follow_ups: Vec<(Uuid, String, Option<Date>, Option<String>)> = sqlx::query_as(
            "SELECT f.participant_id, f.checkpoint, f.done_on, f.still_working FROM follow_ups f JOIN placements p ON p.id = f.placement_id WHERE p.project_id = $1 AND f.participant_id NOT IN (SELECT id FROM participants WHERE restricted_since IS NOT NULL)",
        )
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let employers: Vec<(Uuid, String, String)> = sqlx::query_as(
            "SELECT id, municipalities, cooperation FROM employers WHERE project_id = $1",
        )
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let needs: Vec<(Uuid, bool, Date)> = sqlx::query_as(
            "SELECT n.employer_id, n.hidden, n.heard_at FROM employer_needs n JOIN employers e ON e.id = n.employer_id WHERE e.project_id = $1",
        )
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(ReportFacts {
            participants: participants
                .into_iter()
                .map(|(id, at, municipality)| ParticipantFact {
                    id: ParticipantId(id),
                    enrolled_on: at.date(),
                    municipality,
                })
                .collect(),
            placements: placements
                .into_iter()
                .map(
                    |(participant, employer, kind, state, starts_on, ended_on, proposed_at)| {
                        PlacementFact {
                            participant: ParticipantId(participant),
                            employer: EmployerId(employer),
                            kind,
                            state,
                            starts_on,
                            ended_on,
                            proposed_at,
                        }
                    },
                )
                .collect(),
            follow_ups: follow_ups
                .into_iter()
                .map(|(p, checkpoint, done_on, still_working)| FollowUpFact {
                    participant: ParticipantId(p),
                    checkpoint,
                    done_on,
                    still_working,
                })
                .collect(),
            employers: employers
                .into_iter()
                .map(|(id, munis, depth)| Ok((EmployerId(id), from_json(&munis)?, depth)))
                .collect::<Result<_>>()?,
            needs: needs
                .into_iter()
                .map(|(e, hidden, at)| (EmployerId(e), hidden, at))
                .collect(),
        })
    }

    async fn leavings(&self, project: ProjectId) -> Result<Vec<(ParticipantId, Date, String)>> {
        let rows: Vec<(Uuid, Date, String)> = sqlx::query_as(
            "SELECT r.participant_id, r.left_on, r.leaving_result FROM esf_records r JOIN participants p ON p.id = r.participant_id WHERE p.project_id = $1 AND p.restricted_since IS NULL AND r.left_on IS NOT NULL",
        )
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(rows
            .into_iter()
            .map(|(p, on, result)| (ParticipantId(p), on, result))
            .collect())
    }
}
