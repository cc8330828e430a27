//! The manager's project overview: participants by stage, employers by cooperation depth and
//! openings by kind. Counts come aggregated from the service with small cells (< 5) suppressed
//! and revealing totals hidden; no row-level data reaches this page.

use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::render;
use crate::middleware::session::Session;
use crate::policy::{Policy, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use polku_domain::Role;
use polku_service::reports::{Cell, Table};

pub fn routes() -> Routes {
    Routes::new().get("/reports", Policy::AnyRole(&[Role::Manager]), overview)
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

fn depth_key(s: &str) -> &'static str {
    match s {
        "contacted" => "emp-depth-contacted",
        "engaged" => "emp-depth-engaged",
        "deeper" => "emp-depth-deeper",
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

async fn overview(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
) -> WebResult<Response> {
    let mut sections = Vec::new();
    for p in state.service.reportable_projects(&session.actor).await? {
        let r = state.service.project_report(&session.actor, p.id).await?;
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
                    r.employers_by_depth,
                    "rep-employers-caption",
                    "rep-col-depth",
                    depth_key,
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
    render(&Page {
        ctx: &ctx,
        sections,
    })
}
