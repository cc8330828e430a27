//! The optional participant fields an organisation has switched on (R42): one row per field
//! that is on; no row is off, the default.

use super::audit;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::{FieldSettings, OptionalField, OrganisationId};
use polku_service::audit::AuditEvent;
use polku_service::store::OptionalFieldStore;
use polku_service::{Result, ServiceError};

async fn read(conn: &mut crate::Conn, organisation: OrganisationId) -> Result<FieldSettings> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT field FROM organisation_optional_fields WHERE organisation_id = $1 \
         ORDER BY field",
    )
    .bind(organisation.0)
    .fetch_all(conn)
    .await
    .map_err(db)?;
    let mut settings = FieldSettings::default();
    for n in names {
        let f = OptionalField::parse(&n)
            .map_err(|_| ServiceError::Storage(format!("unknown optional field {n}")))?;
        settings.enabled.insert(f);
    }
    Ok(settings)
}

#[async_trait]
impl OptionalFieldStore for SqlStore {
    async fn set_optional_fields(
        &self,
        organisation: OrganisationId,
        settings: &FieldSettings,
        ev: &AuditEvent,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        if read(&mut tx, organisation).await? == *settings {
            return Ok(false);
        }
        sqlx::query("DELETE FROM organisation_optional_fields WHERE organisation_id = $1")
            .bind(organisation.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        for f in &settings.enabled {
            sqlx::query(
                "INSERT INTO organisation_optional_fields (organisation_id, field) VALUES ($1, $2)",
            )
            .bind(organisation.0)
            .bind(f.as_str())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn optional_fields(&self, organisation: OrganisationId) -> Result<FieldSettings> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        read(&mut conn, organisation).await
    }
}
