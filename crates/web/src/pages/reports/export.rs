//! Exports of the manager's figures: CSV (one row per published figure), XLSX (one sheet per
//! table and a notes sheet with the definitions and the suppression rule) and a tagged PDF
//! (`polku-documents`). The same suppressed tables as the page; a suppressed figure is written
//! as `..` (the Statistics Finland sign for "confidential").

use super::view::{self, FilterQuery, ReportTable};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::i18n::{I18n, Locale};
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use polku_documents::xlsx::{workbook, Sheet, XCell};
use polku_documents::{Document, Table};
use polku_service::reports::Figures;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The sign of a suppressed figure in exports.
pub const SUPPRESSED: &str = "..";

#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    pub format: String,
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

/// A number as written to a file: whole numbers without decimals, others with one, `.` as the
/// decimal sign.
pub fn plain(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{}", x as i64)
    } else {
        format!("{x:.1}")
    }
}

/// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// `table,row,column,value`: one line per figure of every table.
pub fn csv(tables: &[ReportTable]) -> String {
    let mut out = String::from("table,row,column,value\r\n");
    for t in tables {
        for row in &t.rows {
            for (head, c) in t.head.iter().skip(1).zip(&row.cells) {
                let value = c.value.map_or_else(|| SUPPRESSED.to_owned(), plain);
                out.push_str(&format!(
                    "{},{},{},{}\r\n",
                    t.id,
                    csv_field(&row.label),
                    csv_field(head),
                    value
                ));
            }
        }
    }
    out
}

/// The notes: title, scope, rule and each table's definition.
fn notes(
    i18n: &I18n,
    locale: Locale,
    f: &Figures,
    tables: &[ReportTable],
) -> Vec<(String, String)> {
    let mut n = vec![
        (
            i18n.text(locale, "rep-notes-scope"),
            view::scope_text(i18n, locale, f),
        ),
        (
            i18n.text(locale, "rep-notes-rule"),
            view::rule_text(i18n, locale, f),
        ),
        (
            i18n.text(locale, "rep-notes-sign"),
            i18n.text(locale, "rep-notes-sign-text"),
        ),
    ];
    n.extend(
        tables
            .iter()
            .map(|t| (t.caption.clone(), t.definition.clone())),
    );
    n
}

pub fn xlsx(
    i18n: &I18n,
    locale: Locale,
    f: &Figures,
    tables: &[ReportTable],
) -> WebResult<Vec<u8>> {
    let mut sheets: Vec<Sheet> = tables
        .iter()
        .map(|t| Sheet {
            name: t.caption.clone(),
            rows: std::iter::once(t.head.iter().cloned().map(XCell::Text).collect())
                .chain(t.rows.iter().map(|r| {
                    std::iter::once(XCell::Text(r.label.clone()))
                        .chain(r.cells.iter().map(|c| match c.value {
                            Some(x) => XCell::Number(x),
                            None => XCell::Text(SUPPRESSED.into()),
                        }))
                        .collect()
                }))
                .collect(),
        })
        .collect();
    sheets.push(Sheet {
        name: i18n.text(locale, "rep-notes"),
        rows: std::iter::once(vec![
            XCell::Text(i18n.text(locale, "rep-notes-term")),
            XCell::Text(i18n.text(locale, "rep-notes-meaning")),
        ])
        .chain(
            notes(i18n, locale, f, tables)
                .into_iter()
                .map(|(a, b)| vec![XCell::Text(a), XCell::Text(b)]),
        )
        .collect(),
    });
    workbook(&sheets).map_err(|e| WebError::Internal(e.to_string()))
}

pub fn pdf_document(i18n: &I18n, locale: Locale, f: &Figures, tables: &[ReportTable]) -> Document {
    let title = i18n.text(locale, "rep-figures-title");
    let mut doc = Document::new(locale.html_lang(), title.clone())
        .h1(title)
        .paragraph(view::scope_text(i18n, locale, f))
        .paragraph(view::rule_text(i18n, locale, f));
    if let Some(key) = view::empty_key(f) {
        doc = doc.paragraph(i18n.text(locale, key));
    }
    for t in tables {
        let mut table = Table::new(t.head.clone());
        for r in &t.rows {
            table = table.row(
                std::iter::once(r.label.clone()).chain(r.cells.iter().map(|c| match c.value {
                    Some(_) => c.text.clone(),
                    None => SUPPRESSED.to_owned(),
                })),
            );
        }
        doc = doc
            .h2(t.caption.clone())
            .paragraph(t.definition.clone())
            .table(table);
    }
    doc = doc.h2(i18n.text(locale, "rep-notes"));
    doc.key_values(notes(i18n, locale, f, tables).into_iter().take(3))
}

fn download_response(bytes: Vec<u8>, content_type: &'static str, file: &str) -> Response {
    let mut res = bytes.into_response();
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// `GET /reports/export?format=csv|xlsx|pdf&…filter`: the suppressed figures as a file. Like
/// every export it needs a fresh second factor (R19, [`StepUp`](crate::step_up::StepUp)); the page itself does not.
pub async fn download(
    _fresh: crate::step_up::StepUp,
    _quota: crate::export_limit::ExportQuota,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Query(q): Query<ExportQuery>,
) -> WebResult<Response> {
    let actor = &session.actor;
    if !matches!(q.format.as_str(), "csv" | "xlsx" | "pdf") {
        return Err(WebError::Invalid(BTreeMap::from([(
            "format".to_owned(),
            "rep-error-format".to_owned(),
        )])));
    }
    let fq = FilterQuery {
        from: q.from,
        to: q.to,
        project: q.project,
        organisation: q.organisation,
        region: q.region,
        municipality: q.municipality,
    };
    let projects = state.service.reportable_projects(actor).await?;
    let organisations = state.service.report_organisations(actor).await?;
    let filter = view::parse_filter(&fq, crate::html::format::today(), &projects, &organisations)
        .map_err(|e| {
        WebError::Invalid(
            e.list()
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
        )
    })?;
    let polku_service::reports::Report { figures: f, esf } =
        state.service.report(actor, &filter, "reporting").await?;
    let tables = view::tables(&ctx.i18n, ctx.locale, &f, esf.as_ref());
    let stem = format!(
        "polku-report-{}-{}",
        view::month_value(f.filter.from),
        view::month_value(f.filter.to)
    );
    Ok(match q.format.as_str() {
        "csv" => download_response(
            csv(&tables).into_bytes(),
            "text/csv; charset=utf-8",
            &format!("{stem}.csv"),
        ),
        "xlsx" => download_response(
            xlsx(&ctx.i18n, ctx.locale, &f, &tables)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            &format!("{stem}.xlsx"),
        ),
        _ => {
            let doc = pdf_document(&ctx.i18n, ctx.locale, &f, &tables);
            let bytes = tokio::task::spawn_blocking(move || doc.render())
                .await
                .map_err(|e| WebError::Internal(format!("report pdf task: {e}")))?
                .map_err(|e| WebError::Internal(format!("report pdf: {e}")))?;
            download_response(bytes, "application/pdf", &format!("{stem}.pdf"))
        }
    })
}
