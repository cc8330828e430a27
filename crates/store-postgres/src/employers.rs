//! Employers, task inventories and openings.

use crate::{audit, db, PgStore};
use polku_domain::{Employer, EmployerId, Opening, ProjectId, Task};
use polku_service::audit::AuditEvent;
use polku_service::store::rows::{employer, from_json, json, text, EmployerRow, EMPLOYER_COLS};
use polku_service::{Result, ServiceError};

pub(crate) async fn insert_employer(s: &PgStore, e: &Employer, ev: &AuditEvent) -> Result<()> {
    let mut tx = s.write().await?;
    sqlx::query(
        "INSERT INTO employers (id, project_id, coordinator_id, business_id, name, industry_tol, size, municipalities, cooperation, mentor_available, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
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
    .bind(e.version)
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    audit::append(&mut tx, &s.chain, ev).await?;
    tx.commit().await.map_err(db)
}

pub(crate) async fn update_employer(
    s: &PgStore,
    e: &Employer,
    expected: i64,
    ev: &AuditEvent,
) -> Result<()> {
    let mut tx = s.write().await?;
    let done = sqlx::query(
        "UPDATE employers SET coordinator_id = $1, business_id = $2, name = $3, industry_tol = $4, size = $5, municipalities = $6, \
         cooperation = $7, mentor_available = $8, version = $9 WHERE id = $10 AND version = $11",
    )
    .bind(e.coordinator_id.map(|c| c.0))
    .bind(e.business_id.as_str())
    .bind(&e.name)
    .bind(&e.industry_tol)
    .bind(text(&e.size)?)
    .bind(json(&e.municipalities)?)
    .bind(text(&e.cooperation)?)
    .bind(e.mentor_available)
    .bind(e.version)
    .bind(e.id.0)
    .bind(expected)
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    if done.rows_affected() == 0 {
        let current: Option<i64> =
            sqlx::query_scalar("SELECT version FROM employers WHERE id = $1")
                .bind(e.id.0)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        return Err(
            current.map_or(ServiceError::NotFound, |current| ServiceError::Conflict {
                current,
            }),
        );
    }
    audit::append(&mut tx, &s.chain, ev).await?;
    tx.commit().await.map_err(db)
}

pub(crate) async fn get_employer(s: &PgStore, id: EmployerId) -> Result<Option<Employer>> {
    let row: Option<EmployerRow> = sqlx::query_as(&format!("{EMPLOYER_COLS} WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&s.pool)
        .await
        .map_err(db)?;
    row.map(employer).transpose()
}

pub(crate) async fn list_employers(s: &PgStore, project: ProjectId) -> Result<Vec<Employer>> {
    let rows: Vec<EmployerRow> = sqlx::query_as(&format!(
        "{EMPLOYER_COLS} WHERE project_id = $1 ORDER BY name COLLATE \"C\", id"
    ))
    .bind(project.0)
    .fetch_all(&s.pool)
    .await
    .map_err(db)?;
    rows.into_iter().map(employer).collect()
}

pub(crate) async fn insert_task(s: &PgStore, t: &Task, ev: &AuditEvent) -> Result<()> {
    let mut tx = s.write().await?;
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
    audit::append(&mut tx, &s.chain, ev).await?;
    tx.commit().await.map_err(db)
}

pub(crate) async fn list_tasks(s: &PgStore, employer: EmployerId) -> Result<Vec<Task>> {
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT body_json FROM tasks WHERE employer_id = $1 ORDER BY title COLLATE \"C\", id",
    )
    .bind(employer.0)
    .fetch_all(&s.pool)
    .await
    .map_err(db)?;
    rows.iter().map(|r| from_json(r)).collect()
}

pub(crate) async fn insert_opening(s: &PgStore, o: &Opening, ev: &AuditEvent) -> Result<()> {
    let mut tx = s.write().await?;
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
    audit::append(&mut tx, &s.chain, ev).await?;
    tx.commit().await.map_err(db)
}

pub(crate) async fn list_openings(s: &PgStore, employer: EmployerId) -> Result<Vec<Opening>> {
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT body_json FROM openings WHERE employer_id = $1 ORDER BY title COLLATE \"C\", id",
    )
    .bind(employer.0)
    .fetch_all(&s.pool)
    .await
    .map_err(db)?;
    rows.iter().map(|r| from_json(r)).collect()
}
