//! ESF+ records and the indicator counts. The counts are one `SUM(CASE …) … GROUP BY gender`
//! per date window over coded columns, so only counts leave the database; the conditions come
//! from the domain (`polku_domain::esf::Measure::counting`) and are written into the SQL as
//! literals only after checking that each column is one of ours and each code is a plain code.

use super::audit;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::esf::{Condition, Window};
use polku_domain::{ParticipantId, UserId};
use polku_service::audit::AuditEvent;
use polku_service::store::{DueSixMonths, EsfRow, EsfScope, EsfStore, GenderCounts, SealedSpecial};
use polku_service::{Result, ServiceError};
use sqlx::Row;
use time::Date;

const COLS: &str = "participant_id, entered_on, gender, labour_status, education, age_at_entry, \
     municipality, rural, third_country, foreign_background, homeless, special_sealed, left_on, \
     leaving_result, qualification, follow_up_due, six_checked_on, six_employed, six_improved, \
     version, updated_at";

/// The coded columns a condition may name.
const CODED: [&str; 9] = [
    "labour_status",
    "education",
    "third_country",
    "foreign_background",
    "homeless",
    "leaving_result",
    "qualification",
    "six_employed",
    "six_improved",
];

fn window_column(w: Window) -> &'static str {
    match w {
        Window::Entered => "e.entered_on",
        Window::Left => "e.left_on",
        Window::SixMonths => "e.follow_up_due",
    }
}

fn sql_of(c: &Condition) -> Result<String> {
    Ok(match c {
        Condition::All => "1 = 1".into(),
        Condition::AgeBetween(lo, hi) => format!("e.age_at_entry BETWEEN {lo} AND {hi}"),
        Condition::In(column, codes) => {
            let plain =
                |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
            if !CODED.contains(column) || codes.is_empty() || !codes.iter().all(|c| plain(c)) {
                return Err(ServiceError::Storage(format!(
                    "not a countable ESF+ condition: {column}"
                )));
            }
            let list: Vec<String> = codes.iter().map(|c| format!("'{c}'")).collect();
            format!("e.{column} IN ({})", list.join(", "))
        }
    })
}

/// `FROM … WHERE …` of a scope, with its binds counted from `$1`: from, to, then the projects,
/// the organisation and the municipalities in that order.
fn scope_sql(s: &EsfScope) -> String {
    let col = window_column(s.window);
    // Every record carries its participant's project (migration 0039; participants never
    // change project): the participant is only joined when the scope names an organisation,
    // so the national count and a project's read the records alone, through the window's
    // index (a range per project) (docs/ESF.md, "Performance").
    let mut sql = String::from("FROM esf_records e ");
    if s.organisation.is_some() {
        sql.push_str("JOIN participants p ON p.id = e.participant_id ");
    }
    // A restricted participant (R43) is left out of every figure (few rows: a partial index).
    sql.push_str(&format!(
        "WHERE {col} >= $1 AND {col} <= $2 AND e.participant_id NOT IN ({})",
        crate::dialect::restricted_ids()
    ));
    let mut n = 2;
    let mut list = |k: usize| {
        let v: Vec<String> = (0..k)
            .map(|_| {
                n += 1;
                format!("${n}")
            })
            .collect();
        v.join(", ")
    };
    if let Some(ps) = &s.projects {
        if ps.is_empty() {
            sql.push_str(" AND 1 = 0");
        } else {
            sql.push_str(&format!(" AND e.project_id IN ({})", list(ps.len())));
        }
    }
    if s.organisation.is_some() {
        // The participant's organisation (docs/ESF.md, "The organisation filter").
        let o = list(1);
        sql.push_str(&format!(
            " AND {}",
            super::staff::participant_counts_for(&o)
        ));
    }
    if let Some(ms) = &s.municipalities {
        if ms.is_empty() {
            sql.push_str(" AND 1 = 0");
        } else {
            sql.push_str(&format!(" AND e.municipality IN ({})", list(ms.len())));
        }
    }
    sql
}

macro_rules! bind_scope {
    ($q:expr, $s:expr) => {{
        let s: &EsfScope = $s;
        let mut q = $q.bind(s.from).bind(s.to);
        for p in s.projects.iter().flatten() {
            q = q.bind(p.0);
        }
        if let Some(o) = s.organisation {
            q = q.bind(o.0);
        }
        for m in s.municipalities.iter().flatten() {
            q = q.bind(m.clone());
        }
        q
    }};
}

/// The backend's row type (the module is compiled once per backend).
type DbRow = <<crate::Conn as sqlx::Connection>::Database as sqlx::Database>::Row;

fn esf_row(r: &DbRow) -> Result<EsfRow> {
    let g = |e: sqlx::Error| db(e);
    Ok(EsfRow {
        participant_id: ParticipantId(r.try_get("participant_id").map_err(g)?),
        entered_on: r.try_get("entered_on").map_err(g)?,
        gender: r.try_get("gender").map_err(g)?,
        labour_status: r.try_get("labour_status").map_err(g)?,
        education: r.try_get("education").map_err(g)?,
        age_at_entry: r.try_get("age_at_entry").map_err(g)?,
        municipality: r.try_get("municipality").map_err(g)?,
        rural: r.try_get("rural").map_err(g)?,
        third_country: r.try_get("third_country").map_err(g)?,
        foreign_background: r.try_get("foreign_background").map_err(g)?,
        homeless: r.try_get("homeless").map_err(g)?,
        special_sealed: r.try_get("special_sealed").map_err(g)?,
        left_on: r.try_get("left_on").map_err(g)?,
        leaving_result: r.try_get("leaving_result").map_err(g)?,
        qualification: r.try_get("qualification").map_err(g)?,
        follow_up_due: r.try_get("follow_up_due").map_err(g)?,
        six_checked_on: r.try_get("six_checked_on").map_err(g)?,
        six_employed: r.try_get("six_employed").map_err(g)?,
        six_improved: r.try_get("six_improved").map_err(g)?,
        version: r.try_get("version").map_err(g)?,
        updated_at: r.try_get("updated_at").map_err(g)?,
    })
}

/// The participant's record in the caller's transaction (also for the subject export).
pub(crate) async fn esf_record_in(
    conn: &mut crate::Conn,
    participant: ParticipantId,
) -> Result<Option<EsfRow>> {
    let row = sqlx::query(&format!(
        "SELECT {COLS} FROM esf_records WHERE participant_id = $1"
    ))
    .bind(participant.0)
    .fetch_optional(&mut *conn)
    .await
    .map_err(db)?;
    row.as_ref().map(esf_row).transpose()
}

#[async_trait]
impl EsfStore for SqlStore {
    async fn esf_record(
        &self,
        participant: ParticipantId,
        ev: &AuditEvent,
    ) -> Result<Option<EsfRow>> {
        let mut tx = self.write().await?;
        let out = esf_record_in(&mut tx, participant).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn save_esf_record(&self, r: &EsfRow, expected: i64, ev: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        let sql = if expected == 0 {
            // The record carries its participant's project (migration 0039), read in the same
            // statement; no participant, no row (then not found, below).
            format!(
                "INSERT INTO esf_records ({COLS}, project_id) SELECT $1, $2, $3, $4, $5, $6, $7, \
                 $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, p.project_id \
                 FROM participants p WHERE p.id = $1 ON CONFLICT DO NOTHING"
            )
        } else {
            "UPDATE esf_records SET entered_on = $2, gender = $3, labour_status = $4, \
             education = $5, age_at_entry = $6, municipality = $7, rural = $8, third_country = $9, \
             foreign_background = $10, homeless = $11, special_sealed = $12, left_on = $13, \
             leaving_result = $14, qualification = $15, follow_up_due = $16, \
             six_checked_on = $17, six_employed = $18, six_improved = $19, version = $20, \
             updated_at = $21 WHERE participant_id = $1 AND version = $22"
                .to_owned()
        };
        let mut q = sqlx::query(&sql)
            .bind(r.participant_id.0)
            .bind(r.entered_on)
            .bind(&r.gender)
            .bind(&r.labour_status)
            .bind(&r.education)
            .bind(r.age_at_entry)
            .bind(&r.municipality)
            .bind(&r.rural)
            .bind(&r.third_country)
            .bind(&r.foreign_background)
            .bind(&r.homeless)
            .bind(&r.special_sealed)
            .bind(r.left_on)
            .bind(&r.leaving_result)
            .bind(&r.qualification)
            .bind(r.follow_up_due)
            .bind(r.six_checked_on)
            .bind(&r.six_employed)
            .bind(&r.six_improved)
            .bind(r.version)
            .bind(r.updated_at);
        if expected != 0 {
            q = q.bind(expected);
        }
        let n = q.execute(&mut *tx).await.map_err(db)?.rows_affected();
        if n == 0 {
            let current: Option<i64> =
                sqlx::query_scalar("SELECT version FROM esf_records WHERE participant_id = $1")
                    .bind(r.participant_id.0)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
            return Err(match current {
                Some(current) => ServiceError::Conflict { current },
                None if expected == 0 => ServiceError::NotFound,
                None => ServiceError::Conflict { current: 0 },
            });
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn esf_counts(
        &self,
        scope: &EsfScope,
        conditions: &[Condition],
    ) -> Result<Vec<GenderCounts>> {
        let sums = conditions
            .iter()
            .map(|c| Ok(format!("SUM(CASE WHEN {} THEN 1 ELSE 0 END)", sql_of(c)?)))
            .collect::<Result<Vec<_>>>()?;
        let sql = format!(
            "SELECT e.gender, {} {} GROUP BY e.gender",
            sums.join(", "),
            scope_sql(scope)
        );
        let rows = bind_scope!(sqlx::query(&sql), scope)
            .fetch_all(&self.pool)
            .await
            .map_err(db)?;
        rows.iter()
            .map(|r| {
                Ok(GenderCounts {
                    gender: r.try_get(0).map_err(db)?,
                    counts: (1..=conditions.len())
                        .map(|i| {
                            r.try_get::<Option<i64>, _>(i)
                                .map(Option::unwrap_or_default)
                        })
                        .collect::<std::result::Result<Vec<_>, _>>()
                        .map_err(db)?,
                })
            })
            .collect()
    }

    async fn esf_sealed(
        &self,
        scope: &EsfScope,
        chunk: usize,
        out: tokio::sync::mpsc::Sender<Vec<SealedSpecial>>,
    ) -> Result<()> {
        use futures_util::TryStreamExt;
        let sql = format!(
            "SELECT e.participant_id, e.gender, e.version, e.special_sealed, k.wrapped_key {} ",
            scope_sql(scope).replacen(
                "WHERE",
                "LEFT JOIN participant_keys k ON k.participant_id = e.participant_id WHERE",
                1
            )
        );
        let chunk = chunk.max(1);
        let mut rows = bind_scope!(sqlx::query(&sql), scope).fetch(&self.pool);
        let mut batch = Vec::with_capacity(chunk);
        while let Some(r) = rows.try_next().await.map_err(db)? {
            batch.push(SealedSpecial {
                participant_id: ParticipantId(r.try_get(0).map_err(db)?),
                gender: r.try_get(1).map_err(db)?,
                version: r.try_get(2).map_err(db)?,
                special_sealed: r.try_get(3).map_err(db)?,
                wrapped_key: r.try_get(4).map_err(db)?,
            });
            if batch.len() == chunk {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(chunk));
                if out.send(full).await.is_err() {
                    return Ok(());
                }
            }
        }
        if !batch.is_empty() {
            // The receiver may have stopped (an error elsewhere): nothing more to do.
            let _ = out.send(batch).await;
        }
        Ok(())
    }

    async fn due_six_months(
        &self,
        coach: UserId,
        until: Date,
        ev: &AuditEvent,
    ) -> Result<Vec<DueSixMonths>> {
        let mut tx = self.write().await?;
        let rows: Vec<(uuid::Uuid, String, String, Date, Date)> = sqlx::query_as(
            "SELECT e.participant_id, p.given_name, p.family_name, e.left_on, e.follow_up_due \
             FROM esf_records e JOIN participants p ON p.id = e.participant_id \
             WHERE p.coach_id = $1 AND p.restricted_since IS NULL AND e.six_checked_on IS NULL \
             AND e.follow_up_due <= $2 \
             ORDER BY e.follow_up_due, e.participant_id",
        )
        .bind(coach.0)
        .bind(until)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let mut out = Vec::new();
        for (id, given_name, family_name, left_on, due_on) in rows {
            let hit = AuditEvent {
                subject: Some(id.to_string()),
                ..ev.clone()
            };
            audit::append(&mut tx, &self.chain, &hit).await?;
            out.push(DueSixMonths {
                participant_id: ParticipantId(id),
                given_name,
                family_name,
                left_on,
                due_on,
            });
        }
        tx.commit().await.map_err(db)?;
        Ok(out)
    }
}
