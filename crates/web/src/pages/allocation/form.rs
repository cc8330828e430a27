//! The allocation form: the project's trial openings with their places (all ticked) and the
//! participants looking for a trial (all ticked), by pseudonym. A GET form, so it works without
//! JavaScript and the result can be bookmarked.

use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{format, render_status};
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::pages::participants::explain::kind_key;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use polku_domain::{PathStage, ProjectId};
use polku_service::allocation::{Pseudonym, Selection};
use std::collections::BTreeSet;

/// A project to choose.
pub struct ProjectOpt {
    pub id: String,
    pub name: String,
    pub selected: bool,
}

/// A trial opening as offered.
pub struct OpeningRow {
    pub id: String,
    pub employer: String,
    pub title: String,
    pub kind_key: &'static str,
    /// "2 places".
    pub places: String,
    pub checked: bool,
}

/// A participant as offered.
pub struct PersonRow {
    pub id: String,
    pub label: String,
    pub stage_key: &'static str,
    pub waiting_since: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "allocation/form.html")]
struct FormPage<'a> {
    ctx: &'a Ctx,
    projects: Vec<ProjectOpt>,
    project: String,
    openings: Vec<OpeningRow>,
    people: Vec<PersonRow>,
    errors: FieldErrors,
}

/// "Participant 3", or the name a share to the viewer allows.
pub fn label(ctx: &Ctx, p: &Pseudonym) -> String {
    p.name
        .clone()
        .unwrap_or_else(|| ctx.tn("alloc-participant-n", "n", p.number as i64))
}

pub fn stage_key(s: PathStage) -> &'static str {
    match s {
        PathStage::Trial => "rep-stage-trial",
        _ => "rep-stage-coaching",
    }
}

/// The project a request names, or the actor's only one.
pub async fn project_of(
    state: &AppState,
    session: &Session,
    f: &Fields,
) -> WebResult<(Vec<ProjectOpt>, Option<ProjectId>)> {
    let projects = state.service.allocation_projects(&session.actor).await?;
    let asked = ProjectId::parse(&f.get("project")).ok();
    let chosen = match asked {
        Some(p) => Some(p),
        None if projects.len() == 1 => Some(projects[0].id),
        None => None,
    };
    let opts = projects
        .into_iter()
        .map(|p| ProjectOpt {
            selected: Some(p.id) == chosen,
            id: p.id.to_string(),
            name: p.name,
        })
        .collect();
    Ok((opts, chosen))
}

/// The form, with `selection` ticked (everything when `None`) and `errors` shown.
pub async fn form_page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    f: &Fields,
    selection: Option<&Selection>,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let (projects, project) = project_of(state, session, f).await?;
    let (mut openings, mut people) = (Vec::new(), Vec::new());
    if let Some(project) = project {
        let choices = state
            .service
            .allocation_choices(&session.actor, project, format::today())
            .await?;
        let o_set: Option<BTreeSet<_>> = selection.map(|s| s.openings.iter().copied().collect());
        let p_set: Option<BTreeSet<_>> =
            selection.map(|s| s.participants.iter().copied().collect());
        openings = choices
            .openings
            .into_iter()
            .map(|o| OpeningRow {
                checked: o_set.as_ref().is_none_or(|s| s.contains(&o.id)),
                id: o.id.to_string(),
                employer: o.employer,
                title: o.title,
                kind_key: kind_key(o.kind),
                places: ctx.tn("alloc-places", "n", i64::from(o.capacity)),
            })
            .collect();
        people = choices
            .people
            .into_iter()
            .map(|p| PersonRow {
                checked: p_set.as_ref().is_none_or(|s| s.contains(&p.id)),
                id: p.id.to_string(),
                label: label(ctx, &p.label),
                stage_key: stage_key(p.stage),
                waiting_since: format::date(ctx.locale, p.waiting_since),
            })
            .collect();
    }
    render_status(
        status,
        &FormPage {
            ctx,
            projects,
            project: project.map(|p| p.to_string()).unwrap_or_default(),
            openings,
            people,
            errors,
        },
    )
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Query(f): Query<Fields>,
) -> WebResult<Response> {
    form_page(
        &state,
        &session,
        &ctx,
        &f,
        None,
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}
