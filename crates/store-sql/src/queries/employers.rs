//! Employers, task inventories and openings.

use super::audit;
use crate::dialect::BYTE_ORDER;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::{
    CooperationDepth, Employer, EmployerId, Interaction, Need, Opening, ProjectId, Task,
};
use polku_service::audit::AuditEvent;
use polku_service::store::EmployerContact;
use polku_service::store::EmployerStore;
use polku_service::Result;
use polku_store_sql::rows::{
    contact_from_row, employer, from_json, interaction_from_row, json, need_from_row, text,
    ContactRow, EmployerRow, InteractionRow, NeedRow, EMPLOYER_COLS,
};
use uuid::Uuid;

#[async_trait]
impl EmployerStore for SqlStore {
    async fn insert_employer(&self, e: &Employer, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO employers (id, project_id, coordinator_id, business_id, name, industry_tol, size, municipalities, cooperation, mentor_available, legal_form, version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(e.id.0)
        .bind(e.project_id.0)
        .bind(e.coordinator_id.map(|c| c.0))
        .bind(e.business_id.as_str())
        .bind(&e.name)
        .bind(&e.industry_tol)
        .bind(text(&e.size)?)
        .bind(json(&e.municipalities)?)
        .bind(text(&e.cooperation)?)
        .bind(e.mentor_available)
        .bind(e.legal_form.map(|f| f.code()))
        .bind(e.version)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn update_employer(&self, e: &Employer, expected: i64, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE employers SET coordinator_id = $1, business_id = $2, name = $3, industry_tol = $4, size = $5, municipalities = $6, \
             cooperation = $7, mentor_available = $8, legal_form = $9, version = $10 WHERE id = $11 AND version = $12",
        )
        .bind(e.coordinator_id.map(|c| c.0))
        .bind(e.business_id.as_str())
        .bind(&e.name)
        .bind(&e.industry_tol)
        .bind(text(&e.size)?)
        .bind(json(&e.municipalities)?)
        .bind(text(&e.cooperation)?)
        .bind(e.mentor_available)
        .bind(e.legal_form.map(|f| f.code()))
        .bind(e.version)
        .bind(e.id.0)
        .bind(expected)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(super::changed_or_gone(
                &mut tx,
                "SELECT version FROM employers WHERE id = $1",
                &[e.id.0],
            )
            .await);
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn get_employer(&self, id: EmployerId) -> Result<Option<Employer>> {
        let row: Option<EmployerRow> = sqlx::query_as(&format!("{EMPLOYER_COLS} WHERE id = $1"))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?;
        row.map(employer).transpose()
    }

    async fn list_employers(&self, project: ProjectId) -> Result<Vec<Employer>> {
        let rows: Vec<EmployerRow> = sqlx::query_as(&format!(
            "{EMPLOYER_COLS} WHERE project_id = $1 ORDER BY name{BYTE_ORDER}, id"
        ))
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.into_iter().map(employer).collect()
    }

    async fn insert_task(&self, t: &Task, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("INSERT INTO tasks (id, employer_id, title, body_json, hours_per_week, value, version) VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(t.id.0)
            .bind(t.employer_id.0)
            .bind(&t.title)
            .bind(json(t)?)
            .bind(i64::from(t.hours_per_week))
            .bind(i64::from(t.value))
            .bind(t.version)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn list_tasks(&self, employer: EmployerId) -> Result<Vec<Task>> {
        let rows: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT body_json FROM tasks WHERE employer_id = $1 ORDER BY title{BYTE_ORDER}, id"
        ))
        .bind(employer.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter().map(|r| from_json(r)).collect()
    }

    async fn insert_opening(&self, o: &Opening, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("INSERT INTO openings (id, employer_id, kind, title, body_json, capacity, version) VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(o.id.0)
            .bind(o.employer_id.0)
            .bind(o.kind.as_str())
            .bind(&o.title)
            .bind(json(o)?)
            .bind(i64::from(o.capacity))
            .bind(o.version)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn list_openings(&self, employer: EmployerId) -> Result<Vec<Opening>> {
        let rows: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT body_json FROM openings WHERE employer_id = $1 ORDER BY title{BYTE_ORDER}, id"
        ))
        .bind(employer.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter().map(|r| from_json(r)).collect()
    }

    async fn update_task(&self, t: &Task, expected: i64, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE tasks SET title = $1, body_json = $2, hours_per_week = $3, value = $4, version = $5 \
             WHERE id = $6 AND employer_id = $7 AND version = $8",
        )
        .bind(&t.title)
        .bind(json(t)?)
        .bind(i64::from(t.hours_per_week))
        .bind(i64::from(t.value))
        .bind(t.version)
        .bind(t.id.0)
        .bind(t.employer_id.0)
        .bind(expected)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(super::changed_or_gone(
                &mut tx,
                "SELECT version FROM tasks WHERE id = $1",
                &[t.id.0],
            )
            .await);
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn insert_interaction(
        &self,
        i: &Interaction,
        needs: &[Need],
        cooperation: Option<(CooperationDepth, i64)>,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        if let Some((depth, expected)) = cooperation {
            let done = sqlx::query(
                "UPDATE employers SET cooperation = $1, version = version + 1 WHERE id = $2 AND version = $3",
            )
            .bind(text(&depth)?)
            .bind(i.employer_id.0)
            .bind(expected)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            if done.rows_affected() == 0 {
                return Err(super::changed_or_gone(
                    &mut tx,
                    "SELECT version FROM employers WHERE id = $1",
                    &[i.employer_id.0],
                )
                .await);
            }
        }
        sqlx::query(
            "INSERT INTO employer_interactions (id, employer_id, by_user, kind, at, summary) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(i.id.0)
        .bind(i.employer_id.0)
        .bind(i.by.0)
        .bind(text(&i.kind)?)
        .bind(i.at)
        .bind(&i.summary)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        for n in needs {
            sqlx::query(
                "INSERT INTO employer_needs (id, employer_id, description, hidden, heard_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(n.id.0)
            .bind(n.employer_id.0)
            .bind(&n.description)
            .bind(n.hidden)
            .bind(n.heard_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn list_interactions(&self, employer: EmployerId) -> Result<Vec<Interaction>> {
        let rows: Vec<InteractionRow> = sqlx::query_as(
            "SELECT id, employer_id, by_user, kind, at, summary FROM employer_interactions \
             WHERE employer_id = $1 ORDER BY at DESC, id",
        )
        .bind(employer.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.into_iter().map(interaction_from_row).collect()
    }

    async fn list_needs(&self, employer: EmployerId) -> Result<Vec<Need>> {
        let rows: Vec<NeedRow> = sqlx::query_as(
            "SELECT id, employer_id, description, hidden, heard_at FROM employer_needs \
             WHERE employer_id = $1 ORDER BY heard_at DESC, id",
        )
        .bind(employer.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(rows.into_iter().map(need_from_row).collect())
    }

    async fn insert_contact(&self, c: &EmployerContact, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO employer_contacts (id, employer_id, name, title, email, phone) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(c.id)
        .bind(c.employer_id.0)
        .bind(&c.name)
        .bind(&c.title)
        .bind(c.email.as_ref().map(|e| e.as_str().to_owned()))
        .bind(&c.phone)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn delete_contact(
        &self,
        employer: EmployerId,
        id: Uuid,
        ev: &AuditEvent,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let done = sqlx::query("DELETE FROM employer_contacts WHERE id = $1 AND employer_id = $2")
            .bind(id)
            .bind(employer.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn list_contacts(
        &self,
        employer: EmployerId,
        ev: &AuditEvent,
    ) -> Result<Vec<EmployerContact>> {
        let mut tx = self.write().await?;
        let rows: Vec<ContactRow> = sqlx::query_as(
            "SELECT id, employer_id, name, title, email, phone FROM employer_contacts WHERE employer_id = $1 ORDER BY name, id",
        )
        .bind(employer.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        rows.into_iter().map(contact_from_row).collect()
    }

    async fn list_project_tasks(&self, project: ProjectId) -> Result<Vec<Task>> {
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT t.body_json FROM tasks t JOIN employers e ON e.id = t.employer_id \
             WHERE e.project_id = $1 ORDER BY t.employer_id, t.title, t.id",
        )
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter().map(|r| from_json(r)).collect()
    }

    async fn list_project_openings(&self, project: ProjectId) -> Result<Vec<Opening>> {
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT o.body_json FROM openings o JOIN employers e ON e.id = o.employer_id \
             WHERE e.project_id = $1 ORDER BY o.employer_id, o.title, o.id",
        )
        .bind(project.0)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter().map(|r| from_json(r)).collect()
    }

    async fn count_employers(&self) -> Result<i64> {
        sqlx::query_scalar("SELECT count(*) FROM employers")
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }

    async fn update_opening(&self, o: &Opening, expected: i64, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE openings SET kind = $1, title = $2, body_json = $3, capacity = $4, version = $5 \
             WHERE id = $6 AND employer_id = $7 AND version = $8",
        )
        .bind(o.kind.as_str())
        .bind(&o.title)
        .bind(json(o)?)
        .bind(i64::from(o.capacity))
        .bind(o.version)
        .bind(o.id.0)
        .bind(o.employer_id.0)
        .bind(expected)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(super::changed_or_gone(
                &mut tx,
                "SELECT version FROM openings WHERE id = $1 AND employer_id = $2",
                &[o.id.0, o.employer_id.0],
            )
            .await);
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }
}
