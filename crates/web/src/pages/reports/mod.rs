//! The manager's reports: the project figures over a filter (period by month, project, partner
//! organisation, region, municipality) with monthly trends as server-drawn SVG charts, each with
//! its table as the text alternative, exports (CSV, XLSX, PDF), and today's head counts by stage,
//! cooperation depth and opening kind. Every count comes aggregated from the service and
//! suppressed per R46 with the deployment's k; no row-level data reaches these pages.

pub mod export;
pub mod view;

use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::policy::{Policy, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use polku_domain::{Organisation, Project, Role};
use polku_service::reports::{Cell, Table};
use view::{FilterQuery, ReportTable};

pub fn routes() -> Routes {
    Routes::new()
        .get("/reports", Policy::AnyRole(&[Role::Manager]), overview)
        .get(
            "/reports/export",
            Policy::AnyRole(&[Role::Manager]),
            export::download,
        )
}

/// A municipality or region as a choice of the filter.
#[derive(Debug)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// One row as shown: label key and the figure (`None` = fewer than 5).
#[derive(Debug)]
pub struct Row {
    pub label_key: &'static str,
    pub count: Option<i64>,
}

/// One table as shown.
#[derive(Debug)]
pub struct Shown {
    pub caption_key: &'static str,
    pub head_key: &'static str,
    pub rows: Vec<Row>,
    pub total: Option<i64>,
}

/// One project's section.
#[derive(Debug)]
pub struct Section {
    /// The project's id, for the link to its IPS fidelity profile.
    pub id: String,
    pub name: String,
    pub code: String,
    pub tables: Vec<Shown>,
}

#[derive(Template)]
#[template(path = "reports/overview.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    sections: Vec<Section>,
    q: FilterQuery,
    from_value: String,
    to_value: String,
    errors: FieldErrors,
    projects: Vec<Project>,
    organisations: Vec<Organisation>,
    regions: Vec<Choice>,
    municipalities: Vec<Choice>,
    /// The figures' tables (empty when the filter has errors).
    tables: Vec<ReportTable>,
    scope: String,
    rule: String,
    empty: Option<&'static str>,
    export_query: String,
}

fn stage_key(s: &str) -> &'static str {
    match s {
        "enrolled" => "rep-stage-enrolled",
        "assessment" => "rep-stage-assessment",
        "coaching" => "rep-stage-coaching",
        "trial" => "rep-stage-trial",
        "job_or_education" => "rep-stage-job-or-education",
        "retention" => "rep-stage-retention",
        "exited" => "rep-stage-exited",
        _ => "rep-unknown",
    }
}

fn kind_key(s: &str) -> &'static str {
    match s {
        "job" => "emp-kind-job",
        "work_trial" => "emp-kind-work-trial",
        "education_trial" => "emp-kind-education-trial",
        "apprenticeship" => "emp-kind-apprenticeship",
        "gig" => "emp-kind-gig",
        _ => "rep-unknown",
    }
}

fn shown(
    t: Table,
    caption_key: &'static str,
    head_key: &'static str,
    label: fn(&str) -> &'static str,
) -> Shown {
    Shown {
        caption_key,
        head_key,
        rows: t
            .rows
            .iter()
            .map(|(k, c)| Row {
                label_key: label(k),
                count: match c {
                    Cell::Count(n) => Some(*n),
                    Cell::Suppressed => None,
                },
            })
            .collect(),
        total: t.total,
    }
}

/// The filter's choices of region and municipality, named in the user's language.
fn area_choices(swedish: bool) -> (Vec<Choice>, Vec<Choice>) {
    let name = |fi: &str, sv: &str| {
        if swedish {
            sv.to_owned()
        } else {
            fi.to_owned()
        }
    };
    let regions = polku_domain::geo::regions()
        .iter()
        .map(|r| Choice {
            value: r.code.to_owned(),
            label: name(r.name_fi, r.name_sv),
        })
        .collect();
    let mut municipalities: Vec<Choice> = polku_domain::geo::municipalities()
        .iter()
        .map(|m| Choice {
            value: m.code.as_str().to_owned(),
            label: name(m.name_fi, m.name_sv),
        })
        .collect();
    municipalities.sort_by(|a, b| a.label.cmp(&b.label));
    (regions, municipalities)
}

async fn overview(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Query(q): Query<FilterQuery>,
) -> WebResult<Response> {
    let actor = &session.actor;
    let projects = state.service.reportable_projects(actor).await?;
    let organisations = state.service.report_organisations(actor).await?;
    let today = crate::html::format::today();
    let parsed = view::parse_filter(&q, today, &projects, &organisations);
    let (mut tables, mut scope, mut rule, mut empty) =
        (Vec::new(), String::new(), String::new(), None);
    let (mut from_value, mut to_value) = (q.from.clone(), q.to.clone());
    let mut errors = FieldErrors::new();
    match &parsed {
        Ok(filter) => {
            let polku_service::reports::Report { figures: f, esf } =
                state.service.report(actor, filter, "reporting").await?;
            tables = view::tables(&ctx.i18n, ctx.locale, &f, esf.as_ref());
            scope = view::scope_text(&ctx.i18n, ctx.locale, &f);
            rule = view::rule_text(&ctx.i18n, ctx.locale, &f);
            empty = view::empty_key(&f);
            from_value = view::month_value(f.filter.from);
            to_value = view::month_value(f.filter.to);
        }
        Err(e) => errors = e.clone(),
    }
    let mut sections = Vec::new();
    for p in &projects {
        if parsed
            .as_ref()
            .is_ok_and(|f| f.project.is_some_and(|id| id != p.id))
        {
            continue;
        }
        let r = state.service.project_report(actor, p.id).await?;
        sections.push(Section {
            id: r.project.id.to_string(),
            name: r.project.name.clone(),
            code: r.project.code.clone(),
            tables: vec![
                shown(
                    r.participants_by_stage,
                    "rep-participants-caption",
                    "rep-col-stage",
                    stage_key,
                ),
                shown(
                    r.openings_by_kind,
                    "rep-openings-caption",
                    "rep-col-kind",
                    kind_key,
                ),
            ],
        });
    }
    let (regions, municipalities) = area_choices(ctx.locale == crate::i18n::Locale::Sv);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let export_query = q.query_string();
    crate::html::render_status(
        status,
        &Page {
            ctx: &ctx,
            sections,
            q,
            from_value,
            to_value,
            errors,
            projects,
            organisations,
            regions,
            municipalities,
            tables,
            scope,
            rule,
            empty,
            export_query,
        },
    )
}
