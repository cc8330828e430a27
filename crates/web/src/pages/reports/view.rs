//! The manager's figures as localised tables, shared by the page and the exports (CSV, XLSX,
//! PDF), and the charts: hand-written SVG drawn on the server from the same published cells, so
//! a suppressed figure is never drawn and every chart has its table as the text alternative.

use crate::html::format;
use crate::i18n::{Arg, I18n, Locale};
use crate::pages::form::FieldErrors;
use polku_domain::geo::MunicipalityCode;
use polku_domain::{IndicatorTable, Organisation, Project, ReportFilter};
use polku_service::reports::suppression::{Cell, Grid, List, Threshold};
use polku_service::reports::{Duration, Empty, Figures, Trend};
use serde::Deserialize;
use time::{Date, Month};

/// One figure as shown: its text and, when published, its number (for charts and exports).
#[derive(Debug, Clone)]
pub struct Shown {
    pub text: String,
    pub value: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct ReportRow {
    pub label: String,
    pub cells: Vec<Shown>,
    /// The totals row (drawn in the table foot, not in the chart).
    pub total: bool,
}

/// One table of the report, with its chart when it has one.
#[derive(Debug, Clone)]
pub struct ReportTable {
    /// Stable id: the page anchor, the CSV `table` column and the XLSX sheet.
    pub id: &'static str,
    pub caption: String,
    /// The header of the row labels, then one per column.
    pub head: Vec<String>,
    pub rows: Vec<ReportRow>,
    /// What is counted, in one sentence.
    pub definition: String,
    /// SVG markup built here (text escaped); `None` for tables without a chart.
    pub chart: Option<String>,
}

impl ReportTable {
    pub fn body(&self) -> impl Iterator<Item = &ReportRow> {
        self.rows.iter().filter(|r| !r.total)
    }

    pub fn foot(&self) -> impl Iterator<Item = &ReportRow> {
        self.rows.iter().filter(|r| r.total)
    }
}

/// The filter as typed into the form (GET parameters).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FilterQuery {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub project: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub municipality: String,
}

impl FilterQuery {
    /// The query string of this filter (for export links), values encoded.
    pub fn query_string(&self) -> String {
        [
            ("from", &self.from),
            ("to", &self.to),
            ("project", &self.project),
            ("organisation", &self.organisation),
            ("region", &self.region),
            ("municipality", &self.municipality),
        ]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
    }
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `YYYY-MM` → the first day of that month.
pub fn parse_month(s: &str) -> Option<Date> {
    let (y, m) = s.trim().split_once('-')?;
    let y: i32 = y.parse().ok().filter(|y| (2000..=2100).contains(y))?;
    let m: u8 = m.parse().ok()?;
    Date::from_calendar_date(y, Month::try_from(m).ok()?, 1).ok()
}

/// `YYYY-MM` of a date.
pub fn month_value(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), u8::from(d.month()))
}

/// The filter from the form: field errors name the field and the problem. An empty period is
/// this year up to this month.
pub fn parse_filter(
    q: &FilterQuery,
    today: Date,
    projects: &[Project],
    organisations: &[Organisation],
) -> Result<ReportFilter, FieldErrors> {
    let mut errors = FieldErrors::new();
    let from = if q.from.trim().is_empty() {
        Some(Date::from_calendar_date(today.year(), Month::January, 1).expect("1 January"))
    } else {
        parse_month(&q.from)
    };
    let to = if q.to.trim().is_empty() {
        Some(today)
    } else {
        parse_month(&q.to)
    };
    if from.is_none() {
        errors.add("from", "rep-error-month");
    }
    if to.is_none() {
        errors.add("to", "rep-error-month");
    }
    let mut filter = match (from, to) {
        (Some(f), Some(t)) => {
            match ReportFilter::new(f, polku_service::reports::figures::month_end(t)) {
                Ok(filter) => Some(filter),
                Err(_) => {
                    errors.add("to", "rep-error-order");
                    None
                }
            }
        }
        _ => None,
    };
    if let Some(f) = &filter {
        if polku_service::reports::figures::months(f).is_err() {
            errors.add("to", "rep-error-too-long");
        }
    }
    let code = q.project.trim();
    if !code.is_empty() {
        match projects.iter().find(|p| p.code == code) {
            Some(p) => filter = filter.map(|f| f.with_project(p.id)),
            None => errors.add_word("project", "rep-error-project", code),
        }
    }
    let org = q.organisation.trim();
    if !org.is_empty() {
        match organisations.iter().find(|o| o.id.to_string() == org) {
            Some(o) => filter = filter.map(|f| f.with_organisation(o.id)),
            None => errors.add("organisation", "rep-error-organisation"),
        }
    }
    let region = q.region.trim();
    if !region.is_empty() {
        if polku_domain::geo::region(region).is_none() {
            errors.add("region", "rep-error-region");
        } else {
            filter = filter.and_then(|f| f.with_region(region).ok());
        }
    }
    let muni = q.municipality.trim();
    if !muni.is_empty() {
        match MunicipalityCode::known(muni) {
            Ok(m) => filter = filter.map(|f| f.with_municipality(m)),
            Err(_) => errors.add_word("municipality", "rep-error-municipality", muni),
        }
    }
    match filter {
        Some(f) if errors.is_empty() => Ok(f),
        _ => Err(errors),
    }
}

fn t(i18n: &I18n, locale: Locale, key: &str) -> String {
    i18n.text(locale, key)
}

fn cell(i18n: &I18n, locale: Locale, c: Cell) -> Shown {
    match c {
        Cell::Count(n) => Shown {
            text: format::integer(locale, n),
            value: Some(n as f64),
        },
        Cell::Suppressed => Shown {
            text: t(i18n, locale, "rep-suppressed"),
            value: None,
        },
    }
}

fn grid_rows(i18n: &I18n, locale: Locale, labels: &[String], g: &Grid) -> Vec<ReportRow> {
    let mut rows: Vec<ReportRow> = labels
        .iter()
        .zip(&g.cells)
        .zip(&g.row_totals)
        .map(|((label, cells), total)| ReportRow {
            label: label.clone(),
            cells: cells
                .iter()
                .chain([total])
                .map(|c| cell(i18n, locale, *c))
                .collect(),
            total: false,
        })
        .collect();
    rows.push(ReportRow {
        label: t(i18n, locale, "rep-total"),
        cells: g
            .column_totals
            .iter()
            .chain([&g.total])
            .map(|c| cell(i18n, locale, *c))
            .collect(),
        total: true,
    });
    rows
}

fn trend_table(
    i18n: &I18n,
    locale: Locale,
    id: &'static str,
    tr: &Trend,
    category_keys: &[&str],
) -> ReportTable {
    let caption = t(i18n, locale, &format!("rep-{id}-caption"));
    let mut head = vec![t(i18n, locale, "rep-col-month")];
    head.extend(category_keys.iter().map(|k| t(i18n, locale, k)));
    head.push(t(i18n, locale, "rep-total"));
    let labels: Vec<String> = tr
        .months
        .iter()
        .map(|m| format::month(locale, *m))
        .collect();
    let rows = grid_rows(i18n, locale, &labels, &tr.grid);
    let series: Vec<String> = category_keys.iter().map(|k| t(i18n, locale, k)).collect();
    let chart = bar_chart(id, &caption, &labels, &series, &rows, i18n, locale);
    ReportTable {
        id,
        caption,
        head,
        rows,
        definition: t(i18n, locale, &format!("rep-{id}-definition")),
        chart: Some(chart),
    }
}

fn list_table(
    i18n: &I18n,
    locale: Locale,
    id: &'static str,
    l: &List,
    label_keys: &[&str],
) -> ReportTable {
    let caption = t(i18n, locale, &format!("rep-{id}-caption"));
    let mut rows: Vec<ReportRow> = label_keys
        .iter()
        .zip(&l.cells)
        .map(|(k, c)| ReportRow {
            label: t(i18n, locale, k),
            cells: vec![cell(i18n, locale, *c)],
            total: false,
        })
        .collect();
    rows.push(ReportRow {
        label: t(i18n, locale, "rep-total"),
        cells: vec![cell(i18n, locale, l.total)],
        total: true,
    });
    let labels: Vec<String> = label_keys.iter().map(|k| t(i18n, locale, k)).collect();
    let series = vec![t(i18n, locale, "rep-col-count")];
    let chart = bar_chart(id, &caption, &labels, &series, &rows, i18n, locale);
    ReportTable {
        id,
        caption,
        head: vec![
            t(i18n, locale, "rep-col-depth"),
            t(i18n, locale, "rep-col-count"),
        ],
        rows,
        definition: t(i18n, locale, &format!("rep-{id}-definition")),
        chart: Some(chart),
    }
}

fn duration_row(i18n: &I18n, locale: Locale, key: &str, d: &Duration) -> ReportRow {
    let hidden = || Shown {
        text: t(i18n, locale, "rep-suppressed"),
        value: None,
    };
    ReportRow {
        label: t(i18n, locale, key),
        cells: vec![
            cell(i18n, locale, d.measured),
            d.median_days.map_or_else(hidden, |n| Shown {
                text: format::integer(locale, n),
                value: Some(n as f64),
            }),
            d.mean_days.map_or_else(hidden, |x| Shown {
                text: format::decimal(locale, x, 1),
                value: Some(x),
            }),
        ],
        total: false,
    }
}

/// The ESF+ indicators by gender, each indicator suppressed as its own row (R46).
pub fn esf_table(i18n: &I18n, locale: Locale, esf: &IndicatorTable, k: Threshold) -> ReportTable {
    let lang = match locale {
        Locale::Sv => "sv",
        Locale::En => "en",
        Locale::Fi | Locale::FiSelko => "fi",
    };
    let rows = esf
        .rows
        .iter()
        .map(|r| {
            let name = polku_domain::esf::indicator(&r.code)
                .map(|d| d.names.get(lang).to_owned())
                .unwrap_or_default();
            let (cells, total) = polku_service::reports::suppress_indicator(r, k);
            ReportRow {
                label: format!("{} {name}", r.code),
                cells: cells
                    .into_iter()
                    .chain([total])
                    .map(|c| cell(i18n, locale, c))
                    .collect(),
                total: false,
            }
        })
        .collect();
    ReportTable {
        id: "esf",
        caption: t(i18n, locale, "rep-esf-caption"),
        head: [
            "rep-col-indicator",
            "rep-esf-women",
            "rep-esf-men",
            "rep-esf-non-binary",
            "rep-esf-not-known",
            "rep-total",
        ]
        .iter()
        .map(|k| t(i18n, locale, k))
        .collect(),
        rows,
        definition: t(i18n, locale, "rep-esf-definition"),
        chart: None,
    }
}

/// Every table of the figures, in page order, and the ESF+ indicators when given.
pub fn tables(
    i18n: &I18n,
    locale: Locale,
    f: &Figures,
    esf: Option<&IndicatorTable>,
) -> Vec<ReportTable> {
    let mut out = figure_tables(i18n, locale, f);
    if let Some(e) = esf {
        out.push(esf_table(i18n, locale, e, f.k));
    }
    out
}

fn figure_tables(i18n: &I18n, locale: Locale, f: &Figures) -> Vec<ReportTable> {
    let retention_labels: Vec<String> =
        ["rep-retention-3m", "rep-retention-6m", "rep-retention-12m"]
            .iter()
            .map(|k| t(i18n, locale, k))
            .collect();
    let retention_rows = grid_rows(i18n, locale, &retention_labels, &f.retention);
    let retention_series: Vec<String> = ["rep-retention-working", "rep-retention-not-working"]
        .iter()
        .map(|k| t(i18n, locale, k))
        .collect();
    let retention_caption = t(i18n, locale, "rep-retention-caption");
    let retention_chart = bar_chart(
        "retention",
        &retention_caption,
        &retention_labels,
        &retention_series,
        &retention_rows,
        i18n,
        locale,
    );
    vec![
        trend_table(
            i18n,
            locale,
            "results",
            &f.results,
            &[
                "rep-result-work",
                "rep-result-education",
                "rep-result-other",
            ],
        ),
        trend_table(
            i18n,
            locale,
            "trials",
            &f.trials,
            &["rep-trials-started", "rep-trials-completed"],
        ),
        ReportTable {
            id: "retention",
            caption: retention_caption,
            head: vec![
                t(i18n, locale, "rep-col-checkpoint"),
                retention_series[0].clone(),
                retention_series[1].clone(),
                t(i18n, locale, "rep-total"),
            ],
            rows: retention_rows,
            definition: t(i18n, locale, "rep-retention-definition"),
            chart: Some(retention_chart),
        },
        list_table(
            i18n,
            locale,
            "cooperation",
            &f.employers_by_depth,
            &[
                "emp-depth-contacted",
                "emp-depth-engaged",
                "emp-depth-deeper",
            ],
        ),
        trend_table(
            i18n,
            locale,
            "hidden",
            &f.hidden_jobs,
            &["rep-needs-hidden", "rep-needs-advertised"],
        ),
        ReportTable {
            id: "durations",
            caption: t(i18n, locale, "rep-durations-caption"),
            head: vec![
                t(i18n, locale, "rep-col-measure"),
                t(i18n, locale, "rep-col-measured"),
                t(i18n, locale, "rep-col-median"),
                t(i18n, locale, "rep-col-mean"),
            ],
            rows: vec![
                duration_row(i18n, locale, "rep-to-first-contact", &f.to_first_contact),
                duration_row(
                    i18n,
                    locale,
                    "rep-to-first-placement",
                    &f.to_first_placement,
                ),
            ],
            definition: t(i18n, locale, "rep-durations-definition"),
            chart: None,
        },
    ]
}

/// The period and scope of a report in words.
pub fn scope_text(i18n: &I18n, locale: Locale, f: &Figures) -> String {
    let projects = f
        .projects
        .iter()
        .map(|p| format!("{} ({})", p.name, p.code))
        .collect::<Vec<_>>()
        .join(", ");
    i18n.text_with(
        locale,
        "rep-scope",
        &[
            ("from", Arg::Str(&format::month(locale, f.filter.from))),
            ("to", Arg::Str(&format::month(locale, f.filter.to))),
            ("projects", Arg::Str(&projects)),
        ],
    )
}

/// The suppression rule in words, with the deployment's k.
pub fn rule_text(i18n: &I18n, locale: Locale, f: &Figures) -> String {
    i18n.text_with(locale, "rep-rule", &[("k", Arg::Num(f.k.get() as f64))])
}

/// Why the report is empty, if it is.
pub fn empty_key(f: &Figures) -> Option<&'static str> {
    f.empty.map(|e| match e {
        Empty::NoProjects => "rep-empty-no-projects",
        Empty::NoData => "rep-empty-no-data",
        Empty::NothingInPeriod => "rep-empty-nothing-in-period",
    })
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by the legend
/// and the table too.
const COLOURS: [&str; 3] = ["#1f5f8b", "#a34a00", "#2e6b30"];

/// A grouped bar chart of the non-total rows: one group per row label, one bar per series.
/// Suppressed figures are not drawn.
fn bar_chart(
    id: &str,
    title: &str,
    groups: &[String],
    series: &[String],
    rows: &[ReportRow],
    i18n: &I18n,
    locale: Locale,
) -> String {
    let (w, h, left, top, bottom) = (640.0f64, 260.0f64, 44.0f64, 16.0f64, 56.0f64);
    let plot_h = h - top - bottom;
    let data: Vec<&ReportRow> = rows.iter().filter(|r| !r.total).collect();
    let max = data
        .iter()
        .flat_map(|r| r.cells.iter().take(series.len()))
        .filter_map(|c| c.value)
        .fold(0.0f64, f64::max)
        .max(1.0);
    let n = groups.len().max(1) as f64;
    let group_w = (w - left - 8.0) / n;
    let bar_w = (group_w * 0.8 / series.len().max(1) as f64).max(1.0);
    let mut s = format!(
        r#"<svg class="chart" viewBox="0 0 {w} {h}" width="100%" role="img" aria-labelledby="{id}-chart-title {id}-chart-desc" xmlns="http://www.w3.org/2000/svg"><title id="{id}-chart-title">{}</title><desc id="{id}-chart-desc">{}</desc>"#,
        escape(title),
        escape(&i18n.text(locale, "rep-chart-desc"))
    );
    // Axis and the top value.
    let base = top + plot_h;
    s.push_str(&format!(
        r##"<line x1="{left}" y1="{base}" x2="{}" y2="{base}" stroke="#333" stroke-width="1"/><line x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="#333" stroke-width="1"/><text x="{}" y="{}" font-size="12" text-anchor="end" fill="#222">{}</text><text x="{}" y="{base}" font-size="12" text-anchor="end" fill="#222">0</text>"##,
        w - 4.0,
        left - 4.0,
        top + 10.0,
        escape(&format::integer(locale, max.round() as i64)),
        left - 4.0,
    ));
    let every = (groups.len() / 12).max(1);
    for (gi, row) in data.iter().enumerate() {
        let gx = left + gi as f64 * group_w + group_w * 0.1;
        for (si, c) in row.cells.iter().take(series.len()).enumerate() {
            if let Some(v) = c.value {
                let bh = (v / max) * plot_h;
                s.push_str(&format!(
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"/>"#,
                    gx + si as f64 * bar_w,
                    base - bh,
                    bar_w,
                    bh,
                    COLOURS[si % COLOURS.len()]
                ));
            }
        }
        if gi % every == 0 {
            s.push_str(&format!(
                r##"<text x="{:.1}" y="{}" font-size="11" text-anchor="middle" fill="#222">{}</text>"##,
                left + gi as f64 * group_w + group_w / 2.0,
                base + 14.0,
                escape(&groups[gi])
            ));
        }
    }
    // Legend.
    let mut lx = left;
    for (si, name) in series.iter().enumerate() {
        s.push_str(&format!(
            r##"<rect x="{lx}" y="{}" width="12" height="12" fill="{}"/><text x="{}" y="{}" font-size="12" fill="#222">{}</text>"##,
            h - 22.0,
            COLOURS[si % COLOURS.len()],
            lx + 16.0,
            h - 12.0,
            escape(name)
        ));
        lx += 24.0 + name.chars().count() as f64 * 7.0;
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_print() {
        let d = parse_month("2026-03").unwrap();
        assert_eq!(month_value(d), "2026-03");
        assert!(parse_month("2026-13").is_none());
        assert!(parse_month("maaliskuu").is_none());
    }
}
