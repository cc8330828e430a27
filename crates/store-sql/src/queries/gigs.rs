//! Gigs posted by small employers, and the placements (offers) that refer to them.

use super::audit;
use super::placements::{placement, PLACEMENT_COLS};
use crate::Conn;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::{
    EmployerId, Gig, GigHours, GigId, GigState, MunicipalityCode, Placement, ProjectId, UserId,
};
use polku_service::audit::AuditEvent;
use polku_service::store::{GigFilter, GigStore};
use polku_service::{Result, ServiceError};
use polku_store_sql::rows::json;
use sqlx::Row;

const GIG_COLS: &str =
    "SELECT id, project_id, employer_id, posted_by, on_date, starts_at, minutes, \
     municipality, place, tasks_json, places, state, created_at, version FROM gigs";

fn bad(what: &str) -> ServiceError {
    ServiceError::Storage(format!("stored gig has an invalid {what}"))
}

type DbRow = <<Conn as sqlx::Connection>::Database as sqlx::Database>::Row;

fn gig(r: &DbRow) -> Result<Gig> {
    let g = |e: sqlx::Error| db(e);
    let minutes: i64 = r.try_get("minutes").map_err(g)?;
    let places: i64 = r.try_get("places").map_err(g)?;
    Ok(Gig {
        id: GigId(r.try_get("id").map_err(g)?),
        project_id: ProjectId(r.try_get("project_id").map_err(g)?),
        employer_id: EmployerId(r.try_get("employer_id").map_err(g)?),
        posted_by: UserId(r.try_get("posted_by").map_err(g)?),
        on: r.try_get("on_date").map_err(g)?,
        starts_at: polku_domain::gig::parse_start(&r.try_get::<String, _>("starts_at").map_err(g)?)
            .map_err(|_| bad("start time"))?,
        hours: u16::try_from(minutes)
            .ok()
            .and_then(|m| GigHours::from_minutes(m).ok())
            .ok_or_else(|| bad("length"))?,
        municipality: MunicipalityCode::parse(&r.try_get::<String, _>("municipality").map_err(g)?)
            .map_err(|_| bad("municipality"))?,
        place: r.try_get("place").map_err(g)?,
        tasks: serde_json::from_str(&r.try_get::<String, _>("tasks_json").map_err(g)?)
            .map_err(|_| bad("task list"))?,
        places: u8::try_from(places).map_err(|_| bad("number of places"))?,
        state: GigState::parse(&r.try_get::<String, _>("state").map_err(g)?)
            .map_err(|_| bad("state"))?,
        created_at: r.try_get("created_at").map_err(g)?,
        version: r.try_get("version").map_err(g)?,
    })
}

#[async_trait]
impl GigStore for SqlStore {
    async fn insert_gig(&self, g: &Gig, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO gigs (id, project_id, employer_id, posted_by, on_date, starts_at, minutes, \
             municipality, place, tasks_json, places, state, created_at, version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        )
        .bind(g.id.0)
        .bind(g.project_id.0)
        .bind(g.employer_id.0)
        .bind(g.posted_by.0)
        .bind(g.on)
        .bind(polku_domain::gig::format_start(g.starts_at))
        .bind(i64::from(g.hours.minutes()))
        .bind(g.municipality.to_string())
        .bind(g.place.as_str())
        .bind(json(&g.tasks)?)
        .bind(i64::from(g.places))
        .bind(g.state.as_str())
        .bind(g.created_at)
        .bind(g.version)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn get_gig(&self, id: GigId) -> Result<Option<Gig>> {
        let row = sqlx::query(&format!("{GIG_COLS} WHERE id = $1"))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?;
        row.as_ref().map(gig).transpose()
    }

    async fn update_gig(&self, g: &Gig, expected: i64, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        let n = sqlx::query(
            "UPDATE gigs SET on_date = $1, starts_at = $2, minutes = $3, municipality = $4, place = $5, \
             tasks_json = $6, places = $7, state = $8, version = $9 WHERE id = $10 AND version = $11",
        )
        .bind(g.on)
        .bind(polku_domain::gig::format_start(g.starts_at))
        .bind(i64::from(g.hours.minutes()))
        .bind(g.municipality.to_string())
        .bind(g.place.as_str())
        .bind(json(&g.tasks)?)
        .bind(i64::from(g.places))
        .bind(g.state.as_str())
        .bind(g.version)
        .bind(g.id.0)
        .bind(expected)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if n == 0 {
            return Err(super::changed_or_gone(
                &mut tx,
                "SELECT version FROM gigs WHERE id = $1",
                &[g.id.0],
            )
            .await);
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn list_gigs(&self, f: &GigFilter) -> Result<Vec<Gig>> {
        let rows = sqlx::query(&format!(
            "{GIG_COLS} WHERE ($1 OR project_id = $2) AND ($3 OR on_date >= $4) \
             ORDER BY on_date, starts_at, id"
        ))
        .bind(f.project.is_none())
        .bind(f.project.map(|p| p.0))
        .bind(f.from.is_none())
        .bind(f.from)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let mut out = Vec::new();
        for row in &rows {
            let g = gig(row)?;
            if !f.states.is_empty() && !f.states.contains(&g.state) {
                continue;
            }
            if f.employers
                .as_ref()
                .is_some_and(|es| !es.contains(&g.employer_id))
            {
                continue;
            }
            out.push(g);
        }
        Ok(out)
    }

    async fn gig_placements(&self, id: GigId, ev: &AuditEvent) -> Result<Vec<Placement>> {
        let mut tx = self.write().await?;
        let rows = sqlx::query(&format!(
            "{PLACEMENT_COLS} WHERE gig_id = $1 ORDER BY created_at, id"
        ))
        .bind(id.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let mut out = Vec::new();
        for row in &rows {
            let p = placement(row)?;
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
}
