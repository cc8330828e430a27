//! The organisation a staff account works for, and the one SQL rule that decides which
//! organisation a participant counts for in a report (docs/ESF.md, "The organisation filter").

use super::audit;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::{OrganisationId, UserId};
use polku_service::audit::AuditEvent;
use polku_service::store::StaffStore;
use polku_service::Result;
use uuid::Uuid;

/// The condition "the participant `p` counts for the organisation bound at `bind`": the
/// organisation its responsible coach works for, when that organisation is the lead or a
/// partner of the participant's project; otherwise (no coach, no organisation recorded, or one
/// outside the project) the project's lead organisation. Needs `participants p` in scope.
pub(crate) fn participant_counts_for(bind: &str) -> String {
    format!(
        "{bind} = COALESCE((SELECT so.organisation_id FROM staff_organisations so \
         WHERE so.user_id = p.coach_id AND (so.organisation_id IN \
         (SELECT lj.organisation_id FROM projects lj WHERE lj.id = p.project_id) \
         OR so.organisation_id IN (SELECT pp.organisation_id FROM project_partners pp \
         WHERE pp.project_id = p.project_id))), \
         (SELECT lj.organisation_id FROM projects lj WHERE lj.id = p.project_id))"
    )
}

/// The same rule for `employers e`: the organisation its coordinator works for, when that is
/// the lead or a partner of the employer's project; otherwise the project's lead organisation.
pub(crate) fn employer_counts_for(bind: &str) -> String {
    format!(
        "{bind} = COALESCE((SELECT so.organisation_id FROM staff_organisations so \
         WHERE so.user_id = e.coordinator_id AND (so.organisation_id IN \
         (SELECT lj.organisation_id FROM projects lj WHERE lj.id = e.project_id) \
         OR so.organisation_id IN (SELECT pp.organisation_id FROM project_partners pp \
         WHERE pp.project_id = e.project_id))), \
         (SELECT lj.organisation_id FROM projects lj WHERE lj.id = e.project_id))"
    )
}

#[async_trait]
impl StaffStore for SqlStore {
    async fn set_staff_organisation(
        &self,
        user: UserId,
        organisation: Option<OrganisationId>,
        ev: &AuditEvent,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let current: Option<Uuid> = sqlx::query_scalar(
            "SELECT organisation_id FROM staff_organisations WHERE user_id = $1",
        )
        .bind(user.0)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        if current == organisation.map(|o| o.0) {
            return Ok(false);
        }
        sqlx::query("DELETE FROM staff_organisations WHERE user_id = $1")
            .bind(user.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        if let Some(o) = organisation {
            sqlx::query(
                "INSERT INTO staff_organisations (user_id, organisation_id) VALUES ($1, $2)",
            )
            .bind(user.0)
            .bind(o.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn staff_organisation(&self, user: UserId) -> Result<Option<OrganisationId>> {
        let o: Option<Uuid> = sqlx::query_scalar(
            "SELECT organisation_id FROM staff_organisations WHERE user_id = $1",
        )
        .bind(user.0)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        Ok(o.map(OrganisationId))
    }
}
