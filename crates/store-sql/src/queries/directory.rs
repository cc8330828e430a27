//! Organisations, projects and users.

use super::audit;
use crate::dialect::BYTE_ORDER;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::{
    BusinessId, Email, Organisation, OrganisationId, Project, ProjectId, Role, RoleGrant, User,
    UserId,
};
use polku_service::audit::AuditEvent;
use polku_service::store::Activation;
use polku_service::store::DirectoryStore;
use polku_service::{Result, ServiceError};
use polku_store_sql::rows::{json, project, ProjectRow, PROJECT_COLS};
use time::OffsetDateTime;
use uuid::Uuid;

#[async_trait]
impl DirectoryStore for SqlStore {
    async fn insert_organisation(&self, org: &Organisation, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO organisations (id, name, business_id, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(org.id.0)
        .bind(&org.name)
        .bind(org.business_id.as_ref().map(|b| b.as_str().to_owned()))
        .bind(OffsetDateTime::now_utc())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn get_organisation(&self, id: OrganisationId) -> Result<Option<Organisation>> {
        let row: Option<(Uuid, String, Option<String>)> =
            sqlx::query_as("SELECT id, name, business_id FROM organisations WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await
                .map_err(db)?;
        row.map(|(id, name, bid)| {
            Ok(Organisation {
                id: OrganisationId(id),
                name,
                business_id: bid.map(|b| BusinessId::parse(&b)).transpose()?,
            })
        })
        .transpose()
    }

    async fn insert_project(&self, p: &Project, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("INSERT INTO projects (id, organisation_id, code, name, regions, target_groups, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
            .bind(p.id.0)
            .bind(p.organisation_id.0)
            .bind(&p.code)
            .bind(&p.name)
            .bind(json(&p.regions)?)
            .bind(json(&p.target_groups)?)
            .bind(p.starts_on)
            .bind(p.ends_on)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn get_project(&self, id: ProjectId) -> Result<Option<Project>> {
        let row: Option<ProjectRow> = sqlx::query_as(&format!("{PROJECT_COLS} WHERE id = $1"))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?;
        row.map(project).transpose()
    }

    async fn get_project_by_code(&self, code: &str) -> Result<Option<Project>> {
        let row: Option<ProjectRow> = sqlx::query_as(&format!("{PROJECT_COLS} WHERE code = $1"))
            .bind(code)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?;
        row.map(project).transpose()
    }

    async fn list_projects(&self) -> Result<Vec<Project>> {
        let rows: Vec<ProjectRow> =
            sqlx::query_as(&format!("{PROJECT_COLS} ORDER BY code{BYTE_ORDER}"))
                .fetch_all(&self.pool)
                .await
                .map_err(db)?;
        rows.into_iter().map(project).collect()
    }

    async fn insert_user(
        &self,
        u: &User,
        activation: Option<&Activation>,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("INSERT INTO users (id, email, display_name, active, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(u.id.0)
            .bind(u.email.as_str())
            .bind(&u.display_name)
            .bind(u.active)
            .bind(OffsetDateTime::now_utc())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        for g in &u.roles {
            sqlx::query("INSERT INTO user_roles (user_id, role, project_id) VALUES ($1, $2, $3)")
                .bind(u.id.0)
                .bind(g.role.as_str())
                .bind(g.project.map(|p| p.0))
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        if let Some(a) = activation {
            sqlx::query(
                "INSERT INTO activation_tokens (token_hash, user_id, expires_at) VALUES ($1, $2, $3)",
            )
            .bind(&a.token_hash)
            .bind(u.id.0)
            .bind(a.expires_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn get_user(&self, id: UserId) -> Result<Option<User>> {
        let row = sqlx::query_as("SELECT id, email, display_name, active FROM users WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?;
        user_from(self, row).await
    }

    async fn get_user_by_email(&self, email: &str) -> Result<Option<User>> {
        let row =
            sqlx::query_as("SELECT id, email, display_name, active FROM users WHERE email = $1")
                .bind(email)
                .fetch_optional(&self.pool)
                .await
                .map_err(db)?;
        user_from(self, row).await
    }

    async fn list_users(&self) -> Result<Vec<User>> {
        let rows: Vec<(Uuid, String, String, bool)> = sqlx::query_as(&format!(
            "SELECT id, email, display_name, active FROM users ORDER BY email{BYTE_ORDER}"
        ))
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            out.extend(user_from(self, Some(r)).await?);
        }
        Ok(out)
    }

    async fn list_organisations(&self) -> Result<Vec<Organisation>> {
        let rows: Vec<(Uuid, String, Option<String>)> = sqlx::query_as(&format!(
            "SELECT id, name, business_id FROM organisations ORDER BY name{BYTE_ORDER}, id"
        ))
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.into_iter()
            .map(|(id, name, bid)| {
                Ok(Organisation {
                    id: OrganisationId(id),
                    name,
                    business_id: bid.map(|b| BusinessId::parse(&b)).transpose()?,
                })
            })
            .collect()
    }
}

async fn roles(s: &SqlStore, id: Uuid) -> Result<Vec<RoleGrant>> {
    let rows: Vec<(String, Option<Uuid>)> = sqlx::query_as(&format!(
        "SELECT role, project_id FROM user_roles WHERE user_id = $1 ORDER BY role{BYTE_ORDER}"
    ))
    .bind(id)
    .fetch_all(&s.pool)
    .await
    .map_err(db)?;
    rows.into_iter()
        .map(|(r, p)| Ok(RoleGrant::new(Role::parse(&r)?, p.map(ProjectId))?))
        .collect()
}

async fn user_from(
    s: &SqlStore,
    row: Option<(Uuid, String, String, bool)>,
) -> Result<Option<User>> {
    let Some((id, email, display_name, active)) = row else {
        return Ok(None);
    };
    let email = Email::parse(&email)
        .map_err(|_| ServiceError::Storage("stored e-mail is invalid".into()))?;
    Ok(Some(User {
        id: UserId(id),
        email,
        display_name,
        roles: roles(s, id).await?,
        active,
    }))
}
