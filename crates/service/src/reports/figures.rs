//! The manager's project figures over a [`ReportFilter`] (issue 12 item 4), with monthly trends,
//! every published count suppressed per R46 ([`super::suppression`]) with the deployment's k.
//!
//! Definitions (the same words are on the page, in the exports' notes and in docs/REPORTS.md):
//! * **results on leaving**: participants who left in the month, by their recorded result
//!   (work: employed or self-employed; education: in education or training; other: every other
//!   result);
//! * **trials**: work and education trials that started in the month (active, completed or
//!   interrupted since), and those completed in the month (ended as planned);
//! * **retention**: six-month-style follow-ups of job placements recorded in the period at 3, 6
//!   and 12 months after the start: still working (same or another employer) or not;
//! * **employers by depth of cooperation**: the employers of the scope today (no history is
//!   kept of the depth);
//! * **hidden jobs found**: needs heard from employers in the month that were never advertised,
//!   next to those that were;
//! * **days from enrolment**: for participants enrolled in the period, days to the first
//!   proposal sent to an employer about them (the first employer contact on their behalf) and to
//!   the start of their first placement; median and mean, published only with a count ≥ k.
//!
//! Dates are snapped to months: the period runs from the first day of its first month to the
//! last day of its last month (R46).

use super::suppression::{derived, suppress_grid, suppress_list, Cell, Grid, List, Threshold};
use crate::audit::AuditEvent;
use crate::store::records::ReportFacts;
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::geo::{municipality, MunicipalityCode};
use polku_domain::{ParticipantId, Project, ReportFilter};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use time::{Date, Month};

/// The most months one report covers (five years, the length of a programme period).
pub const MAX_MONTHS: usize = 60;

/// A table of counts by month (rows) and category (columns), suppressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trend {
    /// The first day of each month of the period.
    pub months: Vec<Date>,
    /// Stored names of the categories, e.g. `work`, `education`, `other`.
    pub categories: Vec<&'static str>,
    pub grid: Grid,
}

/// A duration from enrolment: how many participants it was measured for and the median and mean
/// days, both `None` when that count is suppressed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duration {
    pub measured: Cell,
    pub median_days: Option<i64>,
    pub mean_days: Option<f64>,
}

/// Why a report has no figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Empty {
    /// No project of the actor's matches the filter.
    NoProjects,
    /// The projects have no participants or employers in the scope and period.
    NoData,
}

/// The project figures over one filter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub filter: ReportFilter,
    /// The projects counted.
    pub projects: Vec<Project>,
    pub k: Threshold,
    pub results: Trend,
    pub trials: Trend,
    pub hidden_jobs: Trend,
    /// Rows: 3, 6 and 12 months; columns: in work, not in work.
    pub retention: Grid,
    /// Contacted, engaged, deeper.
    pub employers_by_depth: List,
    pub to_first_contact: Duration,
    pub to_first_placement: Duration,
    /// `Some` when there is nothing to count, with the reason.
    pub empty: Option<Empty>,
}

pub const RESULT_CATEGORIES: [&str; 3] = ["work", "education", "other"];
pub const TRIAL_CATEGORIES: [&str; 2] = ["started", "completed"];
pub const NEED_CATEGORIES: [&str; 2] = ["hidden", "advertised"];
pub const RETENTION_CHECKPOINTS: [&str; 3] = ["3m", "6m", "12m"];
pub const RETENTION_CATEGORIES: [&str; 2] = ["working", "not_working"];
pub const DEPTHS: [&str; 3] = ["contacted", "engaged", "deeper"];

/// The group of a result on leaving (stored name of the ESF+ result).
pub fn result_group(result: &str) -> &'static str {
    match result {
        "employed" | "self_employed" => "work",
        "in_education" => "education",
        _ => "other",
    }
}

/// The first day of the month of `d`.
pub fn month_start(d: Date) -> Date {
    d.replace_day(1).expect("day 1 exists")
}

/// The last day of the month of `d`.
pub fn month_end(d: Date) -> Date {
    let next = polku_domain::work::add_months(month_start(d), 1);
    next.previous_day().expect("a day before")
}

/// The months of the period, or an error when there are more than [`MAX_MONTHS`].
pub fn months(filter: &ReportFilter) -> Result<Vec<Date>> {
    let mut out = Vec::new();
    let mut m = month_start(filter.from);
    while m <= filter.to {
        out.push(m);
        if out.len() > MAX_MONTHS {
            return Err(ServiceError::Invalid(polku_domain::DomainError::Invalid {
                field: "to",
                reason: format!("a report covers at most {MAX_MONTHS} months"),
            }));
        }
        m = polku_domain::work::add_months(m, 1);
    }
    Ok(out)
}

/// The filter with its period snapped to whole months.
pub fn snapped(filter: &ReportFilter) -> ReportFilter {
    ReportFilter {
        from: month_start(filter.from),
        to: month_end(filter.to),
        ..filter.clone()
    }
}

fn month_index(months: &[Date], d: Date) -> Option<usize> {
    let m = month_start(d);
    months.iter().position(|x| *x == m)
}

fn in_area(filter: &ReportFilter, code: &str) -> bool {
    if let Some(m) = &filter.municipality {
        if m.as_str() != code {
            return false;
        }
    }
    if let Some(r) = &filter.region {
        let region = MunicipalityCode::parse(code)
            .ok()
            .and_then(|c| municipality(&c))
            .map(|m| m.region.code);
        if region != Some(r.as_str()) {
            return false;
        }
    }
    true
}

fn median(v: &mut [i64]) -> Option<i64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2
    })
}

fn duration(mut days: Vec<i64>, k: Threshold) -> Duration {
    let n = days.len() as i64;
    let measured = suppress_list(&[n], k).total;
    let mean = (n > 0).then(|| days.iter().sum::<i64>() as f64 / n as f64);
    Duration {
        measured,
        median_days: derived(n, median(&mut days), k).flatten(),
        mean_days: derived(n, mean, k)
            .flatten()
            .map(|m| (m * 10.0).round() / 10.0),
    }
}

/// Counts the figures from the facts of the projects in scope. Pure: the tests feed it facts.
pub fn count(
    filter: &ReportFilter,
    facts: &[ReportFacts],
    leavings: &[(ParticipantId, Date, String)],
    k: Threshold,
) -> Result<Counted> {
    let months = months(filter)?;
    let m = months.len();
    let mut results = vec![vec![0i64; 3]; m];
    let mut trials = vec![vec![0i64; 2]; m];
    let mut needs = vec![vec![0i64; 2]; m];
    let mut retention = vec![vec![0i64; 2]; 3];
    let mut depths = vec![0i64; 3];
    let mut to_contact = Vec::new();
    let mut to_placement = Vec::new();
    let mut any = false;
    for f in facts {
        let people: HashMap<ParticipantId, Date> = f
            .participants
            .iter()
            .filter(|p| in_area(filter, &p.municipality))
            .map(|p| (p.id, p.enrolled_on))
            .collect();
        let employers: HashSet<_> = f
            .employers
            .iter()
            .filter(|(_, munis, _)| {
                (filter.municipality.is_none() && filter.region.is_none())
                    || munis.iter().any(|c| in_area(filter, c))
            })
            .map(|(id, _, depth)| {
                if let Some(i) = DEPTHS.iter().position(|d| d == depth) {
                    depths[i] += 1;
                }
                *id
            })
            .collect();
        any |= !people.is_empty() || !employers.is_empty();
        for (p, left_on, result) in leavings {
            if people.contains_key(p) {
                if let Some(i) = month_index(&months, *left_on).filter(|_| filter.covers(*left_on))
                {
                    let g = result_group(result);
                    let j = RESULT_CATEGORIES.iter().position(|c| *c == g).unwrap_or(2);
                    results[i][j] += 1;
                }
            }
        }
        let mut first_contact: HashMap<ParticipantId, Date> = HashMap::new();
        let mut first_start: HashMap<ParticipantId, Date> = HashMap::new();
        for pl in f
            .placements
            .iter()
            .filter(|pl| people.contains_key(&pl.participant))
        {
            let started = matches!(pl.state.as_str(), "active" | "completed" | "interrupted");
            if let Some(at) = pl.proposed_at {
                let e = first_contact.entry(pl.participant).or_insert(at.date());
                *e = (*e).min(at.date());
            }
            if started {
                let e = first_start.entry(pl.participant).or_insert(pl.starts_on);
                *e = (*e).min(pl.starts_on);
            }
            if !matches!(pl.kind.as_str(), "work_trial" | "education_trial") {
                continue;
            }
            if started && filter.covers(pl.starts_on) {
                if let Some(i) = month_index(&months, pl.starts_on) {
                    trials[i][0] += 1;
                }
            }
            if pl.state == "completed" {
                if let Some(end) = pl.ended_on.filter(|d| filter.covers(*d)) {
                    if let Some(i) = month_index(&months, end) {
                        trials[i][1] += 1;
                    }
                }
            }
        }
        for (p, enrolled) in &people {
            if !filter.covers(*enrolled) {
                continue;
            }
            if let Some(d) = first_contact.get(p) {
                to_contact.push((*d - *enrolled).whole_days().max(0));
            }
            if let Some(d) = first_start.get(p) {
                to_placement.push((*d - *enrolled).whole_days().max(0));
            }
        }
        for fu in f
            .follow_ups
            .iter()
            .filter(|fu| people.contains_key(&fu.participant))
        {
            let (Some(done), Some(working)) = (fu.done_on, fu.still_working.as_deref()) else {
                continue;
            };
            let Some(i) = RETENTION_CHECKPOINTS
                .iter()
                .position(|c| *c == fu.checkpoint)
            else {
                continue;
            };
            if filter.covers(done) {
                retention[i][usize::from(working == "not_working")] += 1;
            }
        }
        for (e, hidden, heard) in &f.needs {
            if employers.contains(e) && filter.covers(*heard) {
                if let Some(i) = month_index(&months, *heard) {
                    needs[i][usize::from(!hidden)] += 1;
                }
            }
        }
    }
    let trend = |categories: &[&'static str], counts: &[Vec<i64>]| Trend {
        months: months.clone(),
        categories: categories.to_vec(),
        grid: suppress_grid(counts, k),
    };
    Ok(Counted {
        results: trend(&RESULT_CATEGORIES, &results),
        trials: trend(&TRIAL_CATEGORIES, &trials),
        hidden_jobs: trend(&NEED_CATEGORIES, &needs),
        retention: suppress_grid(&retention, k),
        employers_by_depth: suppress_list(&depths, k),
        to_first_contact: duration(to_contact, k),
        to_first_placement: duration(to_placement, k),
        any,
    })
}

/// What [`count`] returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    pub results: Trend,
    pub trials: Trend,
    pub hidden_jobs: Trend,
    pub retention: Grid,
    pub employers_by_depth: List,
    pub to_first_contact: Duration,
    pub to_first_placement: Duration,
    /// Whether anyone or any employer was in scope.
    pub any: bool,
}

impl Service {
    /// The projects a report over `filter` covers for `actor`: the filtered project (404 when it
    /// is not the actor's to report on) or all the actor's reportable projects, narrowed to the
    /// filtered organisation (the project's organisation).
    pub async fn report_scope(&self, actor: &Actor, filter: &ReportFilter) -> Result<Vec<Project>> {
        let projects = match filter.project {
            Some(id) => {
                if !authz::may_report(actor, id) {
                    return Err(ServiceError::NotFound);
                }
                vec![self
                    .store()
                    .get_project(id)
                    .await?
                    .ok_or(ServiceError::NotFound)?]
            }
            None => self.reportable_projects(actor).await?,
        };
        Ok(projects
            .into_iter()
            .filter(|p| filter.organisation.is_none_or(|o| o == p.organisation_id))
            .collect())
    }

    /// The organisations running the projects the actor may report on (the filter's choices).
    pub async fn report_organisations(
        &self,
        actor: &Actor,
    ) -> Result<Vec<polku_domain::Organisation>> {
        let projects = self.reportable_projects(actor).await?;
        Ok(self
            .store()
            .list_organisations()
            .await?
            .into_iter()
            .filter(|o| projects.iter().any(|p| p.organisation_id == o.id))
            .collect())
    }

    /// The manager's project figures over `filter`, suppressed with the deployment's k. Audited
    /// once per project counted (purpose `reporting`). "Not yours" is "not found".
    pub async fn project_figures(&self, actor: &Actor, filter: &ReportFilter) -> Result<Figures> {
        let filter = snapped(filter);
        months(&filter)?;
        let projects = self.report_scope(actor, &filter).await?;
        let mut facts = Vec::with_capacity(projects.len());
        let mut leavings = Vec::new();
        for p in &projects {
            facts.push(self.store().report_facts(p.id).await?);
            leavings.extend(self.store().leavings(p.id).await?);
            self.store()
                .append_audit(&AuditEvent::new(
                    actor,
                    "project",
                    Some(p.id.to_string()),
                    "report_figures",
                    "reporting",
                )?)
                .await?;
        }
        let k = self.report_threshold();
        let c = count(&filter, &facts, &leavings, k)?;
        let empty = if projects.is_empty() {
            Some(Empty::NoProjects)
        } else if !c.any {
            Some(Empty::NoData)
        } else {
            None
        };
        Ok(Figures {
            filter,
            projects,
            k,
            results: c.results,
            trials: c.trials,
            hidden_jobs: c.hidden_jobs,
            retention: c.retention,
            employers_by_depth: c.employers_by_depth,
            to_first_contact: c.to_first_contact,
            to_first_placement: c.to_first_placement,
            empty,
        })
    }
}

/// The month of a date for display keys: `(year, month)`.
pub fn year_month(d: Date) -> (i32, Month) {
    (d.year(), d.month())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::records::{FollowUpFact, ParticipantFact, PlacementFact};
    use polku_domain::EmployerId;
    use time::macros::date;

    fn people(n: usize, on: Date, muni: &str) -> Vec<ParticipantFact> {
        (0..n)
            .map(|_| ParticipantFact {
                id: ParticipantId::new(),
                enrolled_on: on,
                municipality: muni.into(),
            })
            .collect()
    }

    fn january() -> ReportFilter {
        ReportFilter::new(date!(2026 - 01 - 01), date!(2026 - 01 - 31)).unwrap()
    }

    fn follow_up(p: ParticipantId, checkpoint: &str, working: bool) -> FollowUpFact {
        FollowUpFact {
            participant: p,
            checkpoint: checkpoint.into(),
            done_on: Some(date!(2026 - 01 - 20)),
            still_working: Some(
                if working {
                    "other_employer"
                } else {
                    "not_working"
                }
                .into(),
            ),
        }
    }

    #[test]
    fn trials_durations_and_retention_are_counted_by_month_and_suppressed() {
        let ps = people(17, date!(2026 - 01 - 05), "398");
        let employer = EmployerId::new();
        let placements = ps[..6]
            .iter()
            .map(|p| PlacementFact {
                participant: p.id,
                employer,
                kind: "work_trial".into(),
                state: "completed".into(),
                starts_on: date!(2026 - 01 - 15),
                ended_on: Some(date!(2026 - 01 - 30)),
                proposed_at: Some(time::macros::datetime!(2026-01-10 10:00 UTC)),
            })
            .collect();
        // 3 months: 6 working, 11 not; 6 months: 5 and 5; 12 months: 5 and 6.
        let mut follow_ups = Vec::new();
        for (i, p) in ps.iter().enumerate() {
            follow_ups.push(follow_up(p.id, "3m", i < 6));
            if i < 10 {
                follow_ups.push(follow_up(p.id, "6m", i < 5));
            }
            if i < 11 {
                follow_ups.push(follow_up(p.id, "12m", i < 5));
            }
        }
        let facts = ReportFacts {
            participants: ps.clone(),
            placements,
            follow_ups,
            employers: vec![(employer, vec!["398".into()], "engaged".into())],
            needs: vec![(employer, true, date!(2026 - 01 - 02))],
        };
        let c = count(
            &january(),
            std::slice::from_ref(&facts),
            &[],
            Threshold::default(),
        )
        .unwrap();
        assert_eq!(c.trials.months, vec![date!(2026 - 01 - 01)]);
        assert_eq!(c.trials.grid.cells[0], vec![Cell::Count(6), Cell::Count(6)]);
        assert_eq!(c.trials.grid.total, Cell::Count(12));
        assert_eq!(c.to_first_contact.median_days, Some(5));
        assert_eq!(c.to_first_placement.median_days, Some(10));
        assert_eq!(c.to_first_placement.measured, Cell::Count(6));
        assert_eq!(c.retention.cells[0], vec![Cell::Count(6), Cell::Count(11)]);
        assert_eq!(c.retention.cells[2], vec![Cell::Count(5), Cell::Count(6)]);
        assert_eq!(c.retention.total, Cell::Count(38));
        assert!(c.employers_by_depth.cells.iter().all(|c| c.is_suppressed()));
        assert!(c.hidden_jobs.grid.total.is_suppressed(), "one need");

        // A region elsewhere leaves nobody in scope.
        let far = january().with_region("FI1D7").unwrap();
        let c = count(&far, &[facts], &[], Threshold::default()).unwrap();
        assert!(!c.any);
        // Three people: the durations are not published.
        let ps = people(3, date!(2026 - 01 - 05), "398");
        let facts = ReportFacts {
            placements: ps
                .iter()
                .map(|p| PlacementFact {
                    participant: p.id,
                    employer,
                    kind: "job".into(),
                    state: "active".into(),
                    starts_on: date!(2026 - 01 - 15),
                    ended_on: None,
                    proposed_at: None,
                })
                .collect(),
            participants: ps,
            ..Default::default()
        };
        let c = count(&january(), &[facts], &[], Threshold::default()).unwrap();
        assert_eq!(c.to_first_placement.median_days, None);
        assert_eq!(c.to_first_placement.mean_days, None);
        assert!(c.to_first_placement.measured.is_suppressed());
    }

    #[test]
    fn leavings_are_grouped_into_work_education_and_other() {
        let ps = people(15, date!(2025 - 06 - 01), "091");
        let results = [
            "employed",
            "self_employed",
            "in_education",
            "job_searching",
            "other",
        ];
        let leavings: Vec<_> = ps
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id, date!(2026 - 01 - 10), results[i % 5].to_owned()))
            .collect();
        let facts = ReportFacts {
            participants: ps,
            ..Default::default()
        };
        let c = count(
            &january(),
            std::slice::from_ref(&facts),
            &leavings,
            Threshold::new(3).unwrap(),
        )
        .unwrap();
        assert_eq!(
            c.results.grid.cells[0],
            vec![Cell::Count(6), Cell::Count(3), Cell::Count(6)]
        );
        let c = count(&january(), &[facts], &leavings, Threshold::default()).unwrap();
        assert!(c.results.grid.cells[0][1].is_suppressed(), "3 is below 5");
        assert!(
            c.results.grid.cells[0]
                .iter()
                .filter(|c| c.is_suppressed())
                .count()
                >= 2,
            "and does not stand alone"
        );
    }

    #[test]
    fn periods_snap_to_months_and_are_bounded() {
        let f = ReportFilter::new(date!(2026 - 01 - 15), date!(2026 - 02 - 03)).unwrap();
        let s = snapped(&f);
        assert_eq!(s.from, date!(2026 - 01 - 01));
        assert_eq!(s.to, date!(2026 - 02 - 28));
        let long = ReportFilter::new(date!(2020 - 01 - 01), date!(2026 - 01 - 31)).unwrap();
        assert!(months(&long).is_err());
    }
}
