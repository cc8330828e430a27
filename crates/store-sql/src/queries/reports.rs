//! Aggregates for reporting: counts computed with `COUNT … GROUP BY`; no rows leave the store.

use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::ProjectId;
use polku_service::store::ProjectCounts;
use polku_service::store::ReportStore;
use polku_service::Result;

#[async_trait]
impl ReportStore for SqlStore {
    async fn project_counts(&self, project: ProjectId) -> Result<ProjectCounts> {
        let participants_by_stage: Vec<(String, i64)> = sqlx::query_as(
            "SELECT stage, COUNT(*) FROM participants WHERE project_id = $1 GROUP BY stage ORDER BY stage",
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
}
