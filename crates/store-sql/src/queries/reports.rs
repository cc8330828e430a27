//! Aggregates for reporting: counts computed with `COUNT … GROUP BY`; no rows leave the store.

use crate::dialect::{days_between, on_utc_days, utc_day};
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::ProjectId;
use polku_service::store::ReportStore;
use polku_service::store::{FigureRows, FigureScope, ProjectCounts};
use polku_service::Result;
use time::Date;

/// `$n, $n+1, …` for `k` binds from `n`.
fn binds(n: &mut usize, k: usize) -> String {
    let v: Vec<String> = (0..k)
        .map(|_| {
            *n += 1;
            format!("${n}")
        })
        .collect();
    v.join(", ")
}

/// The condition on `participants p` of a scope; its binds follow `$1` (from) and `$2` (to):
/// the projects, then the municipalities, then the organisation.
fn people_sql(s: &FigureScope) -> String {
    let mut n = 2;
    // A restricted participant (R43) is left out of every figure.
    let mut sql = format!(
        "p.restricted_since IS NULL AND p.project_id IN ({})",
        binds(&mut n, s.projects.len())
    );
    if let Some(ms) = &s.municipalities {
        sql.push_str(&format!(
            " AND p.home_municipality IN ({})",
            binds(&mut n, ms.len())
        ));
    }
    if s.organisation.is_some() {
        let o = binds(&mut n, 1);
        sql.push_str(&format!(
            " AND {}",
            super::staff::participant_counts_for(&o)
        ));
    }
    sql
}

/// `(join, condition)` for rows `x` that carry their participant's project (`x.project_id`,
/// `x.participant_id`: ESF+ records, placements, follow-ups), with the binds of
/// [`people_sql`]. The project is the row's own and a restricted participant (R43) is left out
/// by id (a handful of rows: a partial index), so a scope without municipalities or an
/// organisation reads the rows alone, a range of their `(project_id, date)` index per project;
/// only those filters join the participant (docs/ESF.md, "Performance"). A placement's project
/// is its participant's (placements and gigs are made in the participant's project), and a
/// follow-up's and an ESF+ record's are copied from the participant (migration 0039).
fn rows_sql(x: &str, s: &FigureScope) -> (String, String) {
    let mut n = 2;
    let mut sql = format!(
        "{x}.project_id IN ({}) AND {x}.participant_id NOT IN ({})",
        binds(&mut n, s.projects.len()),
        crate::dialect::restricted_ids()
    );
    if s.municipalities.is_none() && s.organisation.is_none() {
        return (String::new(), sql);
    }
    let join = format!(
        "JOIN participants p ON p.id = {x}.participant_id AND p.project_id = {x}.project_id"
    );
    if let Some(ms) = &s.municipalities {
        sql.push_str(&format!(
            " AND p.home_municipality IN ({})",
            binds(&mut n, ms.len())
        ));
    }
    if s.organisation.is_some() {
        let o = binds(&mut n, 1);
        sql.push_str(&format!(
            " AND {}",
            super::staff::participant_counts_for(&o)
        ));
    }
    (join, sql)
}

/// The condition on `employers e` of a scope, with the same binds as [`people_sql`]: the
/// employer works in one of the municipalities (its stored JSON list holds `"CODE"`).
fn employers_sql(s: &FigureScope) -> String {
    let mut n = 2;
    let mut sql = format!("e.project_id IN ({})", binds(&mut n, s.projects.len()));
    if let Some(ms) = &s.municipalities {
        let likes: Vec<String> = (0..ms.len())
            .map(|_| {
                n += 1;
                format!("e.municipalities LIKE '%\"' || ${n} || '\"%'")
            })
            .collect();
        sql.push_str(&format!(" AND ({})", likes.join(" OR ")));
    }
    if s.organisation.is_some() {
        let o = binds(&mut n, 1);
        sql.push_str(&format!(" AND {}", super::staff::employer_counts_for(&o)));
    }
    sql
}

/// Binds a scope's values in the order of [`people_sql`].
macro_rules! bind_figure_scope {
    ($q:expr, $s:expr $(,)?) => {{
        let s: &FigureScope = $s;
        let mut q = $q.bind(s.from).bind(s.to);
        for p in &s.projects {
            q = q.bind(p.0);
        }
        for m in s.municipalities.iter().flatten() {
            q = q.bind(m.clone());
        }
        if let Some(o) = s.organisation {
            q = q.bind(o.0);
        }
        q
    }};
}

#[async_trait]
impl ReportStore for SqlStore {
    async fn project_counts(&self, project: ProjectId) -> Result<ProjectCounts> {
        let participants_by_stage: Vec<(String, i64)> = sqlx::query_as(
            "SELECT stage, COUNT(*) FROM participants WHERE project_id = $1 AND restricted_since IS NULL \
             GROUP BY stage ORDER BY stage",
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

    async fn figure_counts(&self, scope: &FigureScope) -> Result<FigureRows> {
        if scope.projects.is_empty() || scope.municipalities.as_ref().is_some_and(Vec::is_empty) {
            return Ok(FigureRows::default());
        }
        let people = people_sql(scope);
        let employers = employers_sql(scope);
        let enrolled_day = utc_day("p.created_at");
        let enrolled_in_period = on_utc_days("p.created_at", "$1", "$2");
        // Every figure is its own query and they are independent: they run at once, each on
        // its own pooled connection (PostgreSQL: 8; SQLite: 4 readers under WAL), instead of
        // one after another (docs/ESF.md, "Performance").
        macro_rules! all {
            ($sql:expr) => {{
                let sql: String = $sql;
                let pool = &self.pool;
                async move {
                    bind_figure_scope!(sqlx::query_as(&sql), scope)
                        .fetch_all(pool)
                        .await
                        .map_err(db)
                }
            }};
        }
        macro_rules! one {
            ($sql:expr) => {{
                let sql: String = $sql;
                let pool = &self.pool;
                async move {
                    bind_figure_scope!(sqlx::query_scalar(&sql), scope)
                        .fetch_one(pool)
                        .await
                        .map_err(db)
                }
            }};
        }
        let (records_join, records) = rows_sql("e", scope);
        let (placements_join, placements) = rows_sql("pl", scope);
        let (follow_ups_join, follow_ups) = rows_sql("f", scope);
        let trials = "pl.kind IN ('work_trial', 'education_trial')";
        // Both durations from enrolment in one pass over the enrolled participants' placements:
        // per participant the first proposal's day and the first placement's start, counted by
        // both numbers of days (either `NULL` when there is none); split into the two
        // histograms below. The participants are grouped in the order of the enrolment index
        // (project, enrolment time, id; SQLite reads the `IN` list of projects in order), so
        // SQLite groups them as they come instead of sorting every placement row first.
        let contact = days_between("x.first_contact", "x.enrolled_day");
        let placement = days_between("x.first_placement", "x.enrolled_day");
        let days_to_first = format!(
            "SELECT {contact}, {placement}, COUNT(*) FROM (\
             SELECT {enrolled_day} AS enrolled_day, \
             MIN({proposed_day}) AS first_contact, \
             MIN(CASE WHEN pl.state IN ('active', 'completed', 'interrupted') \
             THEN pl.starts_on END) AS first_placement \
             FROM participants p JOIN placements pl \
             ON pl.participant_id = p.id AND pl.project_id = p.project_id \
             WHERE {enrolled_in_period} AND {people} \
             GROUP BY p.project_id, p.created_at, p.id) x \
             GROUP BY {contact}, {placement}",
            proposed_day = utc_day("pl.proposed_at"),
        );
        #[allow(clippy::type_complexity)]
        let (
            participants,
            enrolled,
            leavings,
            (trials_started, trials_completed),
            retention,
            (employers_by_depth, needs),
            days_to_first,
        ): (
            i64,
            i64,
            Vec<(Date, String, i64)>,
            (Vec<(Date, i64)>, Vec<(Date, i64)>),
            Vec<(String, String, i64)>,
            (Vec<(String, i64)>, Vec<(Date, bool, i64)>),
            Vec<(Option<i64>, Option<i64>, i64)>,
        ) = tokio::try_join!(
            one!(format!(
                "SELECT COUNT(*) FROM participants p WHERE $1 <= $2 AND {people}"
            )),
            one!(format!(
                "SELECT COUNT(*) FROM participants p WHERE {enrolled_in_period} AND {people}"
            )),
            all!(format!(
                "SELECT e.left_on, e.leaving_result, COUNT(*) FROM esf_records e {records_join} \
                 WHERE e.left_on >= $1 AND e.left_on <= $2 AND {records} \
                 GROUP BY e.left_on, e.leaving_result"
            )),
            async {
                tokio::try_join!(
                    all!(format!(
                        "SELECT pl.starts_on, COUNT(*) FROM placements pl {placements_join} \
                         WHERE {trials} AND pl.state IN ('active', 'completed', 'interrupted') \
                         AND pl.starts_on >= $1 AND pl.starts_on <= $2 AND {placements} \
                         GROUP BY pl.starts_on"
                    )),
                    all!(format!(
                        "SELECT pl.ended_on, COUNT(*) FROM placements pl {placements_join} \
                         WHERE {trials} AND pl.state = 'completed' \
                         AND pl.ended_on >= $1 AND pl.ended_on <= $2 AND {placements} \
                         GROUP BY pl.ended_on"
                    ))
                )
            },
            all!(format!(
                "SELECT f.checkpoint, f.still_working, COUNT(*) FROM follow_ups f {follow_ups_join} \
                 WHERE f.done_on >= $1 AND f.done_on <= $2 AND f.still_working IS NOT NULL \
                 AND {follow_ups} GROUP BY f.checkpoint, f.still_working"
            )),
            async {
                tokio::try_join!(
                    all!(format!(
                        "SELECT e.cooperation, COUNT(*) FROM employers e WHERE $1 <= $2 \
                         AND {employers} GROUP BY e.cooperation"
                    )),
                    all!(format!(
                        "SELECT n.heard_at, n.hidden, COUNT(*) FROM employer_needs n \
                         JOIN employers e ON e.id = n.employer_id \
                         WHERE n.heard_at >= $1 AND n.heard_at <= $2 AND {employers} \
                         GROUP BY n.heard_at, n.hidden"
                    ))
                )
            },
            all!(days_to_first),
        )?;
        let histogram = |day: fn(&(Option<i64>, Option<i64>, i64)) -> Option<i64>| {
            let mut h = std::collections::BTreeMap::<i64, i64>::new();
            for row in &days_to_first {
                if let Some(d) = day(row) {
                    *h.entry(d).or_default() += row.2;
                }
            }
            h.into_iter().collect::<Vec<_>>()
        };
        let days_to_first_contact = histogram(|r| r.0);
        let days_to_first_placement = histogram(|r| r.1);
        Ok(FigureRows {
            participants,
            enrolled,
            leavings,
            trials_started,
            trials_completed,
            retention,
            employers_by_depth,
            needs,
            days_to_first_contact,
            days_to_first_placement,
        })
    }
}
