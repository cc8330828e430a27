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
use crate::store::records::{FigureRows, FigureScope};
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::geo::{municipality, MunicipalityCode};
use polku_domain::{IndicatorTable, Project, ReportFilter};
use serde::Serialize;
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
    /// The projects have no participants or employers in the scope.
    NoData,
    /// There are participants or employers in the scope, but nothing in the period: nobody
    /// enrolled or left, no trial started or ended, no follow-up or need was recorded.
    NothingInPeriod,
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

/// One report as the report pages and their exports show it: the project figures and the
/// ESF+ indicators over the same whole months.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub figures: Figures,
    /// `None` when the filter covers none of the actor's projects.
    pub esf: Option<IndicatorTable>,
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

/// The municipalities of the filter's area: `None` for everywhere; the municipality when it
/// is set (and lies in the region, when that is set too); else the region's municipalities.
pub fn area(filter: &ReportFilter) -> Option<Vec<String>> {
    let in_region = |code: &str| {
        filter.region.as_ref().is_none_or(|r| {
            MunicipalityCode::parse(code)
                .ok()
                .and_then(|c| municipality(&c))
                .is_some_and(|m| m.region.code == r.as_str())
        })
    };
    match (&filter.municipality, &filter.region) {
        (Some(m), _) => Some(
            Some(m.as_str().to_owned())
                .filter(|c| in_region(c))
                .into_iter()
                .collect(),
        ),
        (None, Some(r)) => Some(
            polku_domain::geo::municipalities()
                .iter()
                .filter(|m| m.region.code == r.as_str())
                .map(|m| m.code.as_str().to_owned())
                .collect(),
        ),
        (None, None) => None,
    }
}

/// Days measured for some participants: how many, their sum and median (the mean of the two
/// middle values, rounded down, when the count is even).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Days {
    pub n: i64,
    pub sum_days: i64,
    pub median_days: Option<i64>,
}

impl Days {
    /// From a histogram (days, participants); negative days (a placement before the
    /// enrolment was recorded) count as 0.
    pub fn from_histogram(hist: &[(i64, i64)]) -> Days {
        let mut h: Vec<(i64, i64)> = hist.iter().map(|(d, n)| ((*d).max(0), *n)).collect();
        h.sort_unstable();
        let n: i64 = h.iter().map(|(_, c)| c).sum();
        let sum_days = h.iter().map(|(d, c)| d * c).sum();
        let nth = |k: i64| {
            let mut seen = 0;
            for (d, c) in &h {
                seen += c;
                if k < seen {
                    return *d;
                }
            }
            0
        };
        let median_days = (n > 0).then(|| {
            if n % 2 == 1 {
                nth(n / 2)
            } else {
                (nth(n / 2 - 1) + nth(n / 2)) / 2
            }
        });
        Days {
            n,
            sum_days,
            median_days,
        }
    }

    fn published(&self, k: Threshold) -> Duration {
        let measured = suppress_list(&[self.n], k).total;
        let mean = (self.n > 0).then(|| self.sum_days as f64 / self.n as f64);
        Duration {
            measured,
            median_days: derived(self.n, self.median_days, k).flatten(),
            mean_days: derived(self.n, mean, k)
                .flatten()
                .map(|m| (m * 10.0).round() / 10.0),
        }
    }
}

/// The project figures before suppression: what the store counted, put into the months of
/// the period. Only the service sees these; the benchmark and the oracle compare them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// The first day of each month of the period.
    pub months: Vec<Date>,
    /// Per month: work, education, other.
    pub results: Vec<[i64; 3]>,
    /// Per month: started, completed.
    pub trials: Vec<[i64; 2]>,
    /// Per month: hidden, advertised.
    pub hidden_jobs: Vec<[i64; 2]>,
    /// 3, 6 and 12 months: working, not working.
    pub retention: [[i64; 2]; 3],
    /// Contacted, engaged, deeper.
    pub employers_by_depth: [i64; 3],
    pub to_first_contact: Days,
    pub to_first_placement: Days,
    /// Participants in scope enrolled in the period.
    pub enrolled: i64,
    /// Participants in scope, whatever the period.
    #[serde(skip)]
    pub participants: i64,
}

impl Tally {
    /// Whether anything in the period was counted.
    pub fn any_in_period(&self) -> bool {
        self.enrolled > 0
            || self.results.iter().flatten().any(|n| *n > 0)
            || self.trials.iter().flatten().any(|n| *n > 0)
            || self.hidden_jobs.iter().flatten().any(|n| *n > 0)
            || self.retention.iter().flatten().any(|n| *n > 0)
    }
}

/// Puts the store's counts into the months of `filter` (already snapped to months). Pure: the
/// tests feed it rows.
pub fn tally(filter: &ReportFilter, rows: &FigureRows) -> Result<Tally> {
    let months = months(filter)?;
    let m = months.len();
    let mut t = Tally {
        results: vec![[0; 3]; m],
        trials: vec![[0; 2]; m],
        hidden_jobs: vec![[0; 2]; m],
        retention: [[0; 2]; 3],
        employers_by_depth: [0; 3],
        to_first_contact: Days::from_histogram(&rows.days_to_first_contact),
        to_first_placement: Days::from_histogram(&rows.days_to_first_placement),
        enrolled: rows.enrolled,
        participants: rows.participants,
        months,
    };
    let at = |d: Date| month_index(&t.months, d).filter(|_| filter.covers(d));
    for (d, result, n) in &rows.leavings {
        if let Some(i) = at(*d) {
            let g = result_group(result);
            let j = RESULT_CATEGORIES.iter().position(|c| *c == g).unwrap_or(2);
            t.results[i][j] += n;
        }
    }
    for (d, n) in &rows.trials_started {
        if let Some(i) = at(*d) {
            t.trials[i][0] += n;
        }
    }
    for (d, n) in &rows.trials_completed {
        if let Some(i) = at(*d) {
            t.trials[i][1] += n;
        }
    }
    for (d, hidden, n) in &rows.needs {
        if let Some(i) = at(*d) {
            t.hidden_jobs[i][usize::from(!hidden)] += n;
        }
    }
    for (checkpoint, working, n) in &rows.retention {
        if let Some(i) = RETENTION_CHECKPOINTS.iter().position(|c| c == checkpoint) {
            t.retention[i][usize::from(working == "not_working")] += n;
        }
    }
    for (depth, n) in &rows.employers_by_depth {
        if let Some(i) = DEPTHS.iter().position(|d| d == depth) {
            t.employers_by_depth[i] += n;
        }
    }
    Ok(t)
}

/// Suppresses a tally with `k` (R46).
pub fn count(t: &Tally, k: Threshold) -> Counted {
    let trend = |categories: &[&'static str], counts: Vec<Vec<i64>>| Trend {
        months: t.months.clone(),
        categories: categories.to_vec(),
        grid: suppress_grid(&counts, k),
    };
    Counted {
        results: trend(
            &RESULT_CATEGORIES,
            t.results.iter().map(|r| r.to_vec()).collect(),
        ),
        trials: trend(
            &TRIAL_CATEGORIES,
            t.trials.iter().map(|r| r.to_vec()).collect(),
        ),
        hidden_jobs: trend(
            &NEED_CATEGORIES,
            t.hidden_jobs.iter().map(|r| r.to_vec()).collect(),
        ),
        retention: suppress_grid(
            &t.retention.iter().map(|r| r.to_vec()).collect::<Vec<_>>(),
            k,
        ),
        employers_by_depth: suppress_list(&t.employers_by_depth, k),
        to_first_contact: t.to_first_contact.published(k),
        to_first_placement: t.to_first_placement.published(k),
        any: t.participants > 0 || t.employers_by_depth.iter().any(|n| *n > 0),
    }
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
    /// projects the filtered organisation leads or is a partner of (which of their participants
    /// count for it is decided in the store: docs/ESF.md, "The organisation filter").
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
            .filter(|p| {
                filter
                    .organisation
                    .is_none_or(|o| p.organisations().contains(&o))
            })
            .collect())
    }

    /// The organisations working in the projects the actor may report on, leads and partners
    /// (the filter's choices).
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
            .filter(|o| projects.iter().any(|p| p.organisations().contains(&o.id)))
            .collect())
    }

    /// The projects in scope and their figures before suppression over `filter` (snapped to
    /// whole months). Audited once per project counted (purpose `reporting`), all the entries
    /// in one transaction.
    async fn scoped_tally(
        &self,
        actor: &Actor,
        filter: &ReportFilter,
    ) -> Result<(Vec<Project>, Tally)> {
        months(filter)?;
        let projects = self.report_scope(actor, filter).await?;
        let rows = self
            .store()
            .figure_counts(&FigureScope {
                projects: projects.iter().map(|p| p.id).collect(),
                municipalities: area(filter),
                from: filter.from,
                to: filter.to,
                organisation: filter.organisation,
            })
            .await?;
        let t = tally(filter, &rows)?;
        let events = projects
            .iter()
            .map(|p| {
                AuditEvent::new(
                    actor,
                    "project",
                    Some(p.id.to_string()),
                    "report_figures",
                    "reporting",
                )
            })
            .collect::<Result<Vec<_>>>()?;
        self.store().append_audits(&events).await?;
        Ok((projects, t))
    }

    /// The project figures over `filter` before suppression: for the report benchmark and the
    /// report oracle, which compare them with an independent implementation (bench/reports.sh).
    /// The operator only ("not found" for everyone else); audited like the figures.
    pub async fn project_tally(&self, actor: &Actor, filter: &ReportFilter) -> Result<Tally> {
        if !actor.is_system() {
            return Err(ServiceError::NotFound);
        }
        Ok(self.scoped_tally(actor, &snapped(filter)).await?.1)
    }

    /// The manager's project figures over `filter`, suppressed with the deployment's k. Audited
    /// once per project counted (purpose `reporting`). "Not yours" is "not found".
    pub async fn project_figures(&self, actor: &Actor, filter: &ReportFilter) -> Result<Figures> {
        let filter = snapped(filter);
        let (projects, t) = self.scoped_tally(actor, &filter).await?;
        let k = self.report_threshold();
        let c = count(&t, k);
        let empty = if projects.is_empty() {
            Some(Empty::NoProjects)
        } else if !c.any {
            Some(Empty::NoData)
        } else if !t.any_in_period() {
            Some(Empty::NothingInPeriod)
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

    /// The manager's report over `filter`: the project figures ([`Service::project_figures`])
    /// and the ESF+ indicators ([`Service::esf_indicators_as`], audited with `purpose`) over the
    /// same whole months. The two read different tables and are computed at once, each on its
    /// own pooled connections (issue 12 item 7: they used to follow each other). A purpose
    /// reports are not made for is "not found"; the figures' error wins when both fail; the
    /// indicators are `None` when the filter covers none of the actor's projects.
    pub async fn report(
        &self,
        actor: &Actor,
        filter: &ReportFilter,
        purpose: &str,
    ) -> Result<Report> {
        crate::esf::report_purpose(purpose)?;
        let whole_months = snapped(filter);
        let (figures, esf) = tokio::join!(
            self.project_figures(actor, filter),
            self.esf_indicators_as(actor, &whole_months, purpose)
        );
        let figures = figures?;
        let esf = match esf {
            _ if figures.projects.is_empty() => None,
            Ok(t) => Some(t),
            Err(ServiceError::NotFound) => None,
            Err(e) => return Err(e),
        };
        Ok(Report { figures, esf })
    }
}

/// The month of a date for display keys: `(year, month)`.
pub fn year_month(d: Date) -> (i32, Month) {
    (d.year(), d.month())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn january() -> ReportFilter {
        ReportFilter::new(date!(2026 - 01 - 01), date!(2026 - 01 - 31)).unwrap()
    }

    #[test]
    fn trials_durations_and_retention_are_counted_by_month_and_suppressed() {
        let rows = FigureRows {
            participants: 17,
            enrolled: 17,
            trials_started: vec![(date!(2026 - 01 - 15), 6), (date!(2026 - 02 - 01), 4)],
            trials_completed: vec![(date!(2026 - 01 - 30), 6)],
            // 3 months: 6 working (4 + 2), 11 not; 6 months: 5 and 5; 12 months: 5 and 6.
            retention: vec![
                ("3m".into(), "same_employer".into(), 4),
                ("3m".into(), "other_employer".into(), 2),
                ("3m".into(), "not_working".into(), 11),
                ("6m".into(), "same_employer".into(), 5),
                ("6m".into(), "not_working".into(), 5),
                ("12m".into(), "other_employer".into(), 5),
                ("12m".into(), "not_working".into(), 6),
                ("1m".into(), "not_working".into(), 40),
            ],
            employers_by_depth: vec![("engaged".into(), 1)],
            needs: vec![(date!(2026 - 01 - 02), true, 1)],
            days_to_first_contact: vec![(5, 6)],
            days_to_first_placement: vec![(10, 5), (12, 1)],
            ..Default::default()
        };
        let t = tally(&january(), &rows).unwrap();
        assert_eq!(t.trials, vec![[6, 6]], "February is outside the period");
        assert_eq!(
            t.retention,
            [[6, 11], [5, 5], [5, 6]],
            "1m is not a checkpoint"
        );
        assert_eq!(t.to_first_placement.median_days, Some(10));
        assert_eq!(t.to_first_placement.sum_days, 62);
        let c = count(&t, Threshold::default());
        assert_eq!(c.trials.months, vec![date!(2026 - 01 - 01)]);
        assert_eq!(c.trials.grid.cells[0], vec![Cell::Count(6), Cell::Count(6)]);
        assert_eq!(c.trials.grid.total, Cell::Count(12));
        assert_eq!(c.to_first_contact.median_days, Some(5));
        assert_eq!(c.to_first_placement.median_days, Some(10));
        assert_eq!(c.to_first_placement.mean_days, Some(10.3));
        assert_eq!(c.to_first_placement.measured, Cell::Count(6));
        assert_eq!(c.retention.cells[0], vec![Cell::Count(6), Cell::Count(11)]);
        assert_eq!(c.retention.cells[2], vec![Cell::Count(5), Cell::Count(6)]);
        assert_eq!(c.retention.total, Cell::Count(38));
        assert!(c.employers_by_depth.cells.iter().all(|c| c.is_suppressed()));
        assert!(c.hidden_jobs.grid.total.is_suppressed(), "one need");
        assert!(c.any && t.any_in_period());

        // Three people: the durations are not published.
        let rows = FigureRows {
            participants: 3,
            days_to_first_placement: vec![(10, 3)],
            ..Default::default()
        };
        let c = count(&tally(&january(), &rows).unwrap(), Threshold::default());
        assert_eq!(c.to_first_placement.median_days, None);
        assert_eq!(c.to_first_placement.mean_days, None);
        assert!(c.to_first_placement.measured.is_suppressed());
    }

    #[test]
    fn medians_of_even_counts_and_negative_days() {
        let d = Days::from_histogram(&[(3, 1), (8, 1), (-2, 1), (10, 1)]);
        assert_eq!(d.n, 4);
        assert_eq!(d.sum_days, 21, "the day before enrolment counts as 0");
        assert_eq!(d.median_days, Some(5), "(3 + 8) / 2 rounded down");
        assert_eq!(Days::from_histogram(&[]).median_days, None);
    }

    #[test]
    fn nothing_in_the_period_is_told_apart_from_nobody_in_scope() {
        let rows = FigureRows {
            participants: 40,
            employers_by_depth: vec![("deeper".into(), 7)],
            ..Default::default()
        };
        let t = tally(&january(), &rows).unwrap();
        assert!(!t.any_in_period());
        assert!(count(&t, Threshold::default()).any);
        let t = tally(&january(), &FigureRows::default()).unwrap();
        assert!(!count(&t, Threshold::default()).any);
    }

    #[test]
    fn the_area_is_the_municipality_inside_the_region() {
        let f = january();
        assert_eq!(area(&f), None);
        let helsinki = MunicipalityCode::parse("091").unwrap();
        let f = f.with_municipality(helsinki);
        assert_eq!(area(&f), Some(vec!["091".to_owned()]));
        assert_eq!(
            area(&f.clone().with_region("FI1B1").unwrap()),
            Some(vec!["091".to_owned()])
        );
        assert_eq!(area(&f.with_region("FI1C3").unwrap()), Some(vec![]));
        let r = area(&january().with_region("FI1C3").unwrap()).unwrap();
        assert!(r.contains(&"398".to_owned()) && !r.contains(&"091".to_owned()));
    }

    #[test]
    fn leavings_are_grouped_into_work_education_and_other() {
        let on = date!(2026 - 01 - 10);
        let rows = FigureRows {
            participants: 15,
            leavings: vec![
                (on, "employed".into(), 3),
                (on, "self_employed".into(), 3),
                (on, "in_education".into(), 3),
                (on, "job_searching".into(), 3),
                (on, "other".into(), 3),
            ],
            ..Default::default()
        };
        let t = tally(&january(), &rows).unwrap();
        assert_eq!(t.results, vec![[6, 3, 6]]);
        let c = count(&t, Threshold::new(3).unwrap());
        assert_eq!(
            c.results.grid.cells[0],
            vec![Cell::Count(6), Cell::Count(3), Cell::Count(6)]
        );
        let c = count(&t, Threshold::default());
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
