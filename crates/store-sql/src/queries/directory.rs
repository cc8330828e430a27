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
        sqlx::query("INSERT INTO projects (id, organisation_id, code, name, regions, target_groups, starts_on, ends_on, funding_programme, specific_objective, municipalities) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
            .bind(p.id.0)
            .bind(p.organisation_id.0)
            .bind(&p.code)
            .bind(&p.name)
            .bind(json(&p.regions)?)
            .bind(json(&p.target_groups)?)
            .bind(p.starts_on)
            .bind(p.ends_on)
            .bind(p.funding.as_ref().map(|f| f.programme.clone()))
            .bind(p.funding.as_ref().map(|f| f.objective.clone()))
            .bind(json(&p.municipalities)?)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        write_partners(&mut tx, p).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn get_project(&self, id: ProjectId) -> Result<Option<Project>> {
        let row: Option<ProjectRow> = sqlx::query_as(&format!("{PROJECT_COLS} WHERE id = $1"))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?;
        with_partners(self, row.map(project).transpose()?).await
    }

    async fn get_project_by_code(&self, code: &str) -> Result<Option<Project>> {
        let row: Option<ProjectRow> = sqlx::query_as(&format!("{PROJECT_COLS} WHERE code = $1"))
            .bind(code)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?;
        with_partners(self, row.map(project).transpose()?).await
    }

    async fn list_projects(&self) -> Result<Vec<Project>> {
        let rows: Vec<ProjectRow> =
            sqlx::query_as(&format!("{PROJECT_COLS} ORDER BY code{BYTE_ORDER}"))
                .fetch_all(&self.pool)
                .await
                .map_err(db)?;
        let pairs: Vec<(Uuid, Uuid)> =
            sqlx::query_as("SELECT project_id, organisation_id FROM project_partners")
                .fetch_all(&self.pool)
                .await
                .map_err(db)?;
        rows.into_iter()
            .map(|r| {
                let mut p = project(r)?;
                p.partners = pairs
                    .iter()
                    .filter(|(pid, _)| *pid == p.id.0)
                    .map(|(_, o)| OrganisationId(*o))
                    .collect();
                p.partners.sort_by_key(|o| o.0);
                Ok(p)
            })
            .collect()
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
        let row = sqlx::query_as("SELECT id, email, display_name, active, deactivated_at IS NOT NULL FROM users WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?;
        user_from(self, row).await
    }

    async fn get_user_by_email(&self, email: &str) -> Result<Option<User>> {
        let row =
            sqlx::query_as("SELECT id, email, display_name, active, deactivated_at IS NOT NULL FROM users WHERE email = $1")
                .bind(email)
                .fetch_optional(&self.pool)
                .await
                .map_err(db)?;
        user_from(self, row).await
    }

    async fn list_users(&self) -> Result<Vec<User>> {
        let rows: Vec<UserRow> = sqlx::query_as(&format!(
            "SELECT id, email, display_name, active, deactivated_at IS NOT NULL FROM users ORDER BY email{BYTE_ORDER}"
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

    async fn update_organisation(&self, org: &Organisation, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        let n = sqlx::query("UPDATE organisations SET name = $1, business_id = $2 WHERE id = $3")
            .bind(&org.name)
            .bind(org.business_id.as_ref().map(|b| b.as_str().to_owned()))
            .bind(org.id.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
        if n == 0 {
            return Err(ServiceError::NotFound);
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn update_project(&self, p: &Project, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        let n = sqlx::query("UPDATE projects SET organisation_id = $1, name = $2, regions = $3, target_groups = $4, starts_on = $5, ends_on = $6, funding_programme = $7, specific_objective = $8, municipalities = $9 WHERE id = $10")
            .bind(p.organisation_id.0)
            .bind(&p.name)
            .bind(json(&p.regions)?)
            .bind(json(&p.target_groups)?)
            .bind(p.starts_on)
            .bind(p.ends_on)
            .bind(p.funding.as_ref().map(|f| f.programme.clone()))
            .bind(p.funding.as_ref().map(|f| f.objective.clone()))
            .bind(json(&p.municipalities)?)
            .bind(p.id.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
        if n == 0 {
            return Err(ServiceError::NotFound);
        }
        write_partners(&mut tx, p).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn add_grant(&self, user: UserId, g: &RoleGrant, ev: &AuditEvent) -> Result<bool> {
        let mut tx = self.write().await?;
        let n = sqlx::query(
            "INSERT INTO user_roles (user_id, role, project_id) SELECT $1, $2, $3 \
             WHERE NOT EXISTS (SELECT 1 FROM user_roles WHERE user_id = $4 AND role = $5 \
             AND (project_id = $6 OR (project_id IS NULL AND $7)))",
        )
        .bind(user.0)
        .bind(g.role.as_str())
        .bind(g.project.map(|p| p.0))
        .bind(user.0)
        .bind(g.role.as_str())
        .bind(g.project.map(|p| p.0))
        .bind(g.project.is_none())
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if n == 0 {
            return Ok(false);
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn remove_grant(&self, user: UserId, g: &RoleGrant, ev: &AuditEvent) -> Result<bool> {
        let mut tx = self.write().await?;
        // The audit entry first: appending it locks the chain head, which serialises this
        // check against a concurrent one on PostgreSQL too (a refused change rolls it back).
        audit::append(&mut tx, &self.chain, ev).await?;
        if g.role == Role::Admin && is_last_admin(&mut tx, user.0).await? {
            return Err(ServiceError::LastAdmin);
        }
        let n = sqlx::query(
            "DELETE FROM user_roles WHERE user_id = $1 AND role = $2 \
             AND (project_id = $3 OR (project_id IS NULL AND $4))",
        )
        .bind(user.0)
        .bind(g.role.as_str())
        .bind(g.project.map(|p| p.0))
        .bind(g.project.is_none())
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if n == 0 {
            return Ok(false);
        }
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn set_user_deactivated(
        &self,
        user: UserId,
        at: Option<OffsetDateTime>,
        ev: &AuditEvent,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        // The audit entry first, as in `remove_grant`: it serialises the last-admin check.
        audit::append(&mut tx, &self.chain, ev).await?;
        let n = match at {
            Some(at) => {
                if is_last_admin(&mut tx, user.0).await? {
                    return Err(ServiceError::LastAdmin);
                }
                let n = sqlx::query(
                    "UPDATE users SET active = $1, deactivated_at = $2 WHERE id = $3 AND deactivated_at IS NULL",
                )
                .bind(false)
                .bind(at)
                .bind(user.0)
                .execute(&mut *tx)
                .await
                .map_err(db)?
                .rows_affected();
                // An unused sign-in link must not bring the account back.
                sqlx::query(
                    "UPDATE activation_tokens SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL",
                )
                .bind(at)
                .bind(user.0)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
                n
            }
            None => sqlx::query(
                "UPDATE users SET deactivated_at = NULL, \
                 active = EXISTS (SELECT 1 FROM user_credentials c WHERE c.user_id = users.id) \
                 WHERE id = $1 AND deactivated_at IS NOT NULL",
            )
            .bind(user.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected(),
        };
        if n == 0 {
            return Ok(false);
        }
        tx.commit().await.map_err(db)?;
        Ok(true)
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

async fn write_partners(tx: &mut crate::Conn, p: &Project) -> Result<()> {
    sqlx::query("DELETE FROM project_partners WHERE project_id = $1")
        .bind(p.id.0)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    for o in &p.partners {
        sqlx::query("INSERT INTO project_partners (project_id, organisation_id) VALUES ($1, $2)")
            .bind(p.id.0)
            .bind(o.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
    }
    Ok(())
}

async fn with_partners(s: &SqlStore, p: Option<Project>) -> Result<Option<Project>> {
    let Some(mut p) = p else {
        return Ok(None);
    };
    let rows: Vec<(Uuid,)> =
        sqlx::query_as("SELECT organisation_id FROM project_partners WHERE project_id = $1")
            .bind(p.id.0)
            .fetch_all(&s.pool)
            .await
            .map_err(db)?;
    p.partners = rows.into_iter().map(|(o,)| OrganisationId(o)).collect();
    p.partners.sort_by_key(|o| o.0);
    Ok(Some(p))
}

/// Whether `user` is an active administrator and no other active administrator exists.
async fn is_last_admin(tx: &mut crate::Conn, user: Uuid) -> Result<bool> {
    let (me,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM user_roles r JOIN users u ON u.id = r.user_id \
         WHERE r.role = 'admin' AND u.active AND u.deactivated_at IS NULL AND u.id = $1",
    )
    .bind(user)
    .fetch_one(&mut *tx)
    .await
    .map_err(db)?;
    if me == 0 {
        return Ok(false);
    }
    let (others,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM user_roles r JOIN users u ON u.id = r.user_id \
         WHERE r.role = 'admin' AND u.active AND u.deactivated_at IS NULL AND u.id <> $1",
    )
    .bind(user)
    .fetch_one(&mut *tx)
    .await
    .map_err(db)?;
    Ok(others == 0)
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

type UserRow = (Uuid, String, String, bool, bool);

async fn user_from(s: &SqlStore, row: Option<UserRow>) -> Result<Option<User>> {
    let Some((id, email, display_name, active, deactivated)) = row else {
        return Ok(None);
    };
    let email = Email::parse(&email)
        .map_err(|_| ServiceError::Storage("stored e-mail is invalid".into()))?;
    Ok(Some(User {
        id: UserId(id),
        email,
        display_name,
        roles: roles(s, id).await?,
        active: active && !deactivated,
        deactivated,
    }))
}
