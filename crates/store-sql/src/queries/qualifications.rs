//! Opinnollistaminen: qualification units and requirement items (reference data), the task
//! mapping, and the qualification evidence of placements.

use super::audit;
use crate::{db, Conn, SqlStore};
use async_trait::async_trait;
use polku_domain::{
    CompetenceShown, LocalText, ParticipantId, PlacementId, QualificationEvidenceId,
    QualificationUnit, Requirement, RequirementId, TaskId, UnitCode, UserId,
};
use polku_service::audit::AuditEvent;
use polku_service::store::{ImportCounts, QualificationEvidenceRecord, QualificationStore};
use polku_service::{Result, ServiceError};
use polku_store_sql::rows::{from_json, json};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

fn bad(what: &str) -> ServiceError {
    ServiceError::Storage(format!("stored qualification row has an invalid {what}"))
}

type UnitRow = (
    String,
    String,
    i64,
    Option<String>,
    String,
    String,
    Option<f64>,
    Option<Date>,
    Option<Date>,
    Option<i64>,
    String,
);

const UNIT_COLUMNS: &str = "code, diaarinumero, peruste_id, qualification_code, \
    qualification_name_json, name_json, osp, valid_from, valid_to, source_version, source";

fn unit(
    (code, diaarinumero, peruste_id, qualification_code, qname, name, osp, from, to, sv, source): UnitRow,
) -> Result<QualificationUnit> {
    Ok(QualificationUnit {
        code: UnitCode::parse(&code).map_err(|_| bad("code"))?,
        diaarinumero,
        peruste_id,
        qualification_code,
        qualification_name: from_json(&qname)?,
        name: from_json(&name)?,
        osp,
        valid_from: from,
        valid_to: to,
        source_version: sv,
        source,
    })
}

type RequirementRow = (Uuid, String, String, String, i64, Option<String>, String);

const REQUIREMENT_COLUMNS: &str =
    "id, unit_code, diaarinumero, req_key, position, area_json, text_json";

fn requirement(
    (id, code, diaarinumero, key, position, area, text): RequirementRow,
) -> Result<Requirement> {
    Ok(Requirement {
        id: RequirementId(id),
        unit: UnitCode::parse(&code).map_err(|_| bad("unit code"))?,
        diaarinumero,
        key,
        position: u32::try_from(position).map_err(|_| bad("position"))?,
        area: area.as_deref().map(from_json::<LocalText>).transpose()?,
        text: from_json(&text)?,
    })
}

type EvidenceRow = (
    Uuid,
    Uuid,
    Uuid,
    Uuid,
    Uuid,
    Date,
    String,
    Vec<u8>,
    Uuid,
    OffsetDateTime,
);

const EVIDENCE_COLUMNS: &str = "id, participant_id, placement_id, requirement_id, task_id, \
    shown_on, assessment, note_sealed, recorded_by, recorded_at";

fn evidence(
    (id, participant, placement, req, task, on, assessment, note, by, at): EvidenceRow,
) -> Result<QualificationEvidenceRecord> {
    Ok(QualificationEvidenceRecord {
        id: QualificationEvidenceId(id),
        participant_id: ParticipantId(participant),
        placement_id: PlacementId(placement),
        requirement_id: RequirementId(req),
        task_id: TaskId(task),
        shown_on: on,
        assessment: CompetenceShown::parse(&assessment).map_err(|_| bad("assessment"))?,
        note_sealed: note,
        recorded_by: UserId(by),
        recorded_at: at,
    })
}

async fn requirement_exists(conn: &mut Conn, id: RequirementId) -> Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT CAST(1 AS BIGINT) FROM qualification_requirements WHERE id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await
    .map_err(db)?;
    Ok(found.is_some())
}

/// Writes one unit and its items (the unit row already decided to be written).
async fn write_unit(
    conn: &mut Conn,
    u: &QualificationUnit,
    reqs: &[Requirement],
    at: OffsetDateTime,
    exists: bool,
) -> Result<()> {
    let sql = if exists {
        "UPDATE qualification_units SET peruste_id = $3, qualification_code = $4, \
         qualification_name_json = $5, name_json = $6, osp = $7, valid_from = $8, valid_to = $9, \
         source_version = $10, source = $11, imported_at = $12 \
         WHERE code = $1 AND diaarinumero = $2"
    } else {
        "INSERT INTO qualification_units (code, diaarinumero, peruste_id, qualification_code, \
         qualification_name_json, name_json, osp, valid_from, valid_to, source_version, source, \
         imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    };
    sqlx::query(sql)
        .bind(u.code.as_str())
        .bind(&u.diaarinumero)
        .bind(u.peruste_id)
        .bind(&u.qualification_code)
        .bind(json(&u.qualification_name)?)
        .bind(json(&u.name)?)
        .bind(u.osp)
        .bind(u.valid_from)
        .bind(u.valid_to)
        .bind(u.source_version)
        .bind(&u.source)
        .bind(at)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
    for r in reqs {
        if r.unit != u.code || r.diaarinumero != u.diaarinumero {
            return Err(ServiceError::Storage(format!(
                "requirement {} does not belong to unit {}",
                r.key, u.code
            )));
        }
        sqlx::query(
            "INSERT INTO qualification_requirements \
             (id, unit_code, diaarinumero, req_key, position, area_json, text_json) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (id) DO UPDATE SET position = excluded.position, \
             area_json = excluded.area_json, text_json = excluded.text_json",
        )
        .bind(r.id.0)
        .bind(r.unit.as_str())
        .bind(&r.diaarinumero)
        .bind(&r.key)
        .bind(i64::from(r.position))
        .bind(r.area.as_ref().map(json).transpose()?)
        .bind(json(&r.text)?)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
    }
    if exists {
        // Items the new version dropped go, unless a mapping or evidence still refers to them.
        let keep: Vec<Uuid> = reqs.iter().map(|r| r.id.0).collect();
        let stored: Vec<Uuid> = sqlx::query_scalar(
            "SELECT id FROM qualification_requirements WHERE unit_code = $1 AND diaarinumero = $2",
        )
        .bind(u.code.as_str())
        .bind(&u.diaarinumero)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        for id in stored.into_iter().filter(|id| !keep.contains(id)) {
            sqlx::query(
                "DELETE FROM qualification_requirements WHERE id = $1 \
                 AND NOT EXISTS (SELECT 1 FROM task_requirements WHERE requirement_id = $1) \
                 AND NOT EXISTS (SELECT 1 FROM qualification_evidence WHERE requirement_id = $1)",
            )
            .bind(id)
            .execute(&mut *conn)
            .await
            .map_err(db)?;
        }
    }
    Ok(())
}

/// A participant's evidence, oldest first (for the access export too).
pub(crate) async fn participant_evidence_in(
    conn: &mut Conn,
    id: ParticipantId,
) -> Result<Vec<QualificationEvidenceRecord>> {
    let rows: Vec<EvidenceRow> = sqlx::query_as(&format!(
        "SELECT {EVIDENCE_COLUMNS} FROM qualification_evidence WHERE participant_id = $1 \
         ORDER BY shown_on, recorded_at, id"
    ))
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.into_iter().map(evidence).collect()
}

#[async_trait]
impl QualificationStore for SqlStore {
    async fn import_units(
        &self,
        units: &[(QualificationUnit, Vec<Requirement>)],
        at: OffsetDateTime,
        ev: &AuditEvent,
    ) -> Result<ImportCounts> {
        let mut tx = self.write().await?;
        let mut counts = ImportCounts::default();
        for (u, reqs) in units {
            let stored: Option<Option<i64>> = sqlx::query_scalar(
                "SELECT source_version FROM qualification_units WHERE code = $1 AND diaarinumero = $2",
            )
            .bind(u.code.as_str())
            .bind(&u.diaarinumero)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            match stored {
                Some(v) if v == u.source_version && v.is_some() => {
                    counts.unchanged += 1;
                    continue;
                }
                Some(_) => counts.updated += 1,
                None => counts.added += 1,
            }
            write_unit(&mut tx, u, reqs, at, stored.is_some()).await?;
            counts.requirements += reqs.len();
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(counts)
    }

    async fn qualification_units(&self) -> Result<Vec<QualificationUnit>> {
        let mut tx = self.snapshot().await?;
        let rows: Vec<UnitRow> = sqlx::query_as(&format!(
            "SELECT {UNIT_COLUMNS} FROM qualification_units ORDER BY code, diaarinumero"
        ))
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        rows.into_iter().map(unit).collect()
    }

    async fn unit_requirements(
        &self,
        code: &UnitCode,
        diaarinumero: &str,
    ) -> Result<Vec<Requirement>> {
        let mut tx = self.snapshot().await?;
        let rows: Vec<RequirementRow> = sqlx::query_as(&format!(
            "SELECT {REQUIREMENT_COLUMNS} FROM qualification_requirements \
             WHERE unit_code = $1 AND diaarinumero = $2 ORDER BY position, req_key"
        ))
        .bind(code.as_str())
        .bind(diaarinumero)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        rows.into_iter().map(requirement).collect()
    }

    async fn requirements(&self, ids: &[RequirementId]) -> Result<Vec<Requirement>> {
        let mut tx = self.snapshot().await?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let row: Option<RequirementRow> = sqlx::query_as(&format!(
                "SELECT {REQUIREMENT_COLUMNS} FROM qualification_requirements WHERE id = $1"
            ))
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
            if let Some(row) = row {
                out.push(requirement(row)?);
            }
        }
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn set_task_requirements(
        &self,
        task: TaskId,
        requirements: &[RequirementId],
        by: UserId,
        at: OffsetDateTime,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let task_found: Option<i64> =
            sqlx::query_scalar("SELECT CAST(1 AS BIGINT) FROM tasks WHERE id = $1")
                .bind(task.0)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        if task_found.is_none() {
            return Err(ServiceError::NotFound);
        }
        for r in requirements {
            if !requirement_exists(&mut tx, *r).await? {
                return Err(ServiceError::NotFound);
            }
        }
        sqlx::query("DELETE FROM task_requirements WHERE task_id = $1")
            .bind(task.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        for r in requirements {
            sqlx::query(
                "INSERT INTO task_requirements (task_id, requirement_id, mapped_by, mapped_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            )
            .bind(task.0)
            .bind(r.0)
            .bind(by.0)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn task_requirements(&self, tasks: &[TaskId]) -> Result<Vec<(TaskId, RequirementId)>> {
        let mut tx = self.snapshot().await?;
        let mut out = Vec::new();
        for t in tasks {
            let rows: Vec<Uuid> = sqlx::query_scalar(
                "SELECT tr.requirement_id FROM task_requirements tr \
                 JOIN qualification_requirements r ON r.id = tr.requirement_id \
                 WHERE tr.task_id = $1 ORDER BY r.unit_code, r.position",
            )
            .bind(t.0)
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
            out.extend(rows.into_iter().map(|r| (*t, RequirementId(r))));
        }
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn insert_qualification_evidence(
        &self,
        r: &QualificationEvidenceRecord,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        if !requirement_exists(&mut tx, r.requirement_id).await? {
            return Err(ServiceError::NotFound);
        }
        sqlx::query(&format!(
            "INSERT INTO qualification_evidence ({EVIDENCE_COLUMNS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
        ))
        .bind(r.id.0)
        .bind(r.participant_id.0)
        .bind(r.placement_id.0)
        .bind(r.requirement_id.0)
        .bind(r.task_id.0)
        .bind(r.shown_on)
        .bind(r.assessment.as_str())
        .bind(&r.note_sealed)
        .bind(r.recorded_by.0)
        .bind(r.recorded_at)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn placement_qualification_evidence(
        &self,
        placement: PlacementId,
        ev: &AuditEvent,
    ) -> Result<Vec<QualificationEvidenceRecord>> {
        let mut tx = self.write().await?;
        let rows: Vec<EvidenceRow> = sqlx::query_as(&format!(
            "SELECT {EVIDENCE_COLUMNS} FROM qualification_evidence WHERE placement_id = $1 \
             ORDER BY shown_on, recorded_at, id"
        ))
        .bind(placement.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let out = rows.into_iter().map(evidence).collect::<Result<Vec<_>>>()?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn participant_qualification_evidence(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<QualificationEvidenceRecord>> {
        let mut tx = self.snapshot().await?;
        let out = participant_evidence_in(&mut tx, participant).await?;
        tx.commit().await.map_err(db)?;
        Ok(out)
    }
}
