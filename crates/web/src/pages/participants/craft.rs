//! Job crafting: choose one of the project's employers, see the best set of its tasks for the
//! participant (hours, accommodations, why each other task was left out, the job description)
//! and save it as an opening at that employer. Opened from a follow-up that needs re-crafting
//! (`?employer=…&tasks=…`), it starts from the placement's current tasks at that employer.

use super::common::{load, opt, Head, Opt, Shown};
use super::explain::{self, tx, Part};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render, render_status, see_other};
use crate::i18n::Arg;
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{EmployerId, OpeningKind};
use polku_matching::output::{LeftOut, Reason};
use polku_service::participants::ParticipantView;
use polku_service::ServiceError;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The crafted job, in words.
pub struct Crafted {
    pub employer_id: String,
    pub employer: String,
    pub found: bool,
    pub tasks: Vec<String>,
    pub hours: String,
    pub accommodations: Vec<String>,
    pub accommodation_total: String,
    pub left_out: Vec<String>,
    pub description: String,
    pub parts: Vec<Part>,
    pub default_title: String,
}

#[derive(Template)]
#[template(path = "participants/craft.html")]
struct CraftPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    employers: Vec<Opt>,
    crafted: Option<Crafted>,
    failed: bool,
    title: String,
    kinds: Vec<Opt>,
    /// The job as it is now (from a follow-up): the task titles with hours, the starting point.
    current: Vec<String>,
    /// The current tasks' ids, comma-separated, carried when another employer is chosen.
    current_ids: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct CraftQuery {
    #[serde(default)]
    employer: String,
    /// The current tasks of the job to craft again, comma-separated ids (from a follow-up).
    #[serde(default)]
    tasks: String,
}

fn left_out_text(ctx: &Ctx, item: &LeftOut, titles: &BTreeMap<String, (String, u8)>) -> String {
    let (title, hours) = titles
        .get(&item.task)
        .cloned()
        .unwrap_or_else(|| (item.task.clone(), 0));
    let why = match &item.reason {
        Reason::HardLimit { excluded_by } => excluded_by
            .iter()
            .map(|l| explain::limit(ctx, l))
            .collect::<Vec<_>>()
            .join(" "),
        Reason::Hours => ctx.tn("p-left-out-hours", "hours", i64::from(hours)),
        Reason::MinHours => ctx.t("p-left-out-min-hours"),
        Reason::AccommodationCost { extra_cost_eur } => explain::tx_euros(
            ctx,
            "p-left-out-accommodation-cost",
            *extra_cost_eur as f64,
            &[],
        ),
        Reason::LowerValue => ctx.t("p-left-out-lower-value"),
    };
    ctx.ts2("p-left-out-item", "task", &title, "why", &why)
}

async fn crafted(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    view: &ParticipantView,
    employer: EmployerId,
    name: &str,
) -> WebResult<Crafted> {
    let today = crate::html::format::today();
    let c = state
        .service
        .craft_for_participant(&session.actor, view.id, employer, today)
        .await?;
    let titles: BTreeMap<String, (String, u8)> = state
        .service
        .tasks(&session.actor, employer)
        .await?
        .into_iter()
        .map(|t| (t.id.to_string(), (t.title, t.hours_per_week)))
        .collect();
    let chosen: Vec<(String, u8)> = c
        .tasks
        .iter()
        .map(|id| titles.get(id).cloned().unwrap_or_else(|| (id.clone(), 0)))
        .collect();
    Ok(Crafted {
        employer_id: employer.to_string(),
        employer: name.to_owned(),
        found: c.found && !chosen.is_empty(),
        default_title: chosen
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        tasks: chosen
            .iter()
            .map(|(t, h)| {
                tx(
                    ctx,
                    "p-task-hours",
                    &[("title", Arg::Str(t)), ("hours", Arg::Num(f64::from(*h)))],
                )
            })
            .collect(),
        hours: tx(
            ctx,
            "p-craft-hours",
            &[
                ("hours", Arg::Num(f64::from(c.hours_per_week))),
                ("min", Arg::Num(f64::from(c.hours_range.min))),
                ("max", Arg::Num(f64::from(c.hours_range.max))),
            ],
        ),
        accommodations: explain::accommodations(ctx, &c.accommodations, &c.accommodation_subsidies),
        accommodation_total: explain::tx_euros(
            ctx,
            "p-acc-total",
            c.accommodation_cost_eur as f64,
            &[],
        ),
        left_out: c
            .left_out
            .iter()
            .map(|l| left_out_text(ctx, l, &titles))
            .collect(),
        description: c.description.get(ctx.locale.tag()).to_owned(),
        parts: explain::parts(ctx, &c.explanation),
    })
}

fn kinds(ctx: &Ctx, current: &str) -> Vec<Opt> {
    [
        OpeningKind::WorkTrial,
        OpeningKind::Job,
        OpeningKind::Apprenticeship,
        OpeningKind::EducationTrial,
        OpeningKind::Gig,
    ]
    .into_iter()
    .map(|k| opt(k.as_str(), ctx.t(explain::kind_key(k)), current))
    .collect()
}

#[expect(
    clippy::too_many_arguments,
    reason = "the page is shown from show and from submit with the form's values"
)]
async fn show_page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    view: &ParticipantView,
    employer: &str,
    title: Option<String>,
    kind: &str,
    errors: FieldErrors,
    status: StatusCode,
    current_ids: &str,
) -> WebResult<Response> {
    let list = state
        .service
        .employers(&session.actor, view.project_id)
        .await?;
    let mut employers = vec![opt("", ctx.t("p-choose"), employer)];
    employers.extend(
        list.iter()
            .map(|e| opt(e.id.to_string(), e.name.clone(), employer)),
    );
    let chosen = list.iter().find(|e| e.id.to_string() == employer);
    let mut failed = false;
    let crafted = match chosen {
        Some(e) => match crafted(state, session, ctx, view, e.id, &e.name).await {
            Ok(c) => Some(c),
            // The engine refused the stored data (e.g. an employer without tasks yet).
            Err(crate::error::WebError::Service(ServiceError::Invalid(_))) => {
                failed = true;
                None
            }
            Err(e) => return Err(e),
        },
        None => None,
    };
    // The current tasks, in the given order, only those of the chosen employer.
    let mut current = Vec::new();
    if let (Some(e), false) = (chosen, current_ids.is_empty()) {
        let tasks = state.service.tasks(&session.actor, e.id).await?;
        for id in current_ids.split(',').map(str::trim) {
            if let Some(t) = tasks.iter().find(|t| t.id.to_string() == id) {
                current.push(tx(
                    ctx,
                    "p-task-hours",
                    &[
                        ("title", Arg::Str(&t.title)),
                        ("hours", Arg::Num(f64::from(t.hours_per_week))),
                    ],
                ));
            }
        }
    }
    let title = title.unwrap_or_else(|| {
        crafted
            .as_ref()
            .map(|c| c.default_title.clone())
            .unwrap_or_default()
    });
    render_status(
        status,
        &CraftPage {
            head: Head::new(view, "/craft"),
            title_key: "p-tab-craft",
            errors,
            conflict: None,
            employers,
            crafted,
            failed,
            title,
            kinds: kinds(ctx, kind),
            current,
            current_ids: current_ids.to_owned(),
            ctx,
        },
    )
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<CraftQuery>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    show_page(
        &state,
        &session,
        &ctx,
        &view,
        &q.employer,
        None,
        "work_trial",
        FieldErrors::new(),
        StatusCode::OK,
        &q.tasks,
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
pub struct SaveForm {
    #[serde(default)]
    employer: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    kind: String,
}

pub async fn submit(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<SaveForm>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let mut errors = FieldErrors::new();
    let employer = EmployerId::parse(&form.employer)
        .map_err(|_| errors.add("employer", "p-error-employer"))
        .ok();
    let kind = OpeningKind::parse(&form.kind)
        .map_err(|_| errors.add("kind", "p-error-kind"))
        .ok();
    if polku_domain::org::name("title", &form.title, 200).is_err() {
        errors.add("title", "p-error-title");
    }
    if let (Some(employer), Some(kind), true) = (employer, kind, errors.is_empty()) {
        let today = crate::html::format::today();
        match state
            .service
            .add_crafted_opening(&session.actor, view.id, employer, kind, &form.title, today)
            .await
        {
            Ok(opening) => {
                return Ok(see_other(&format!(
                    "/participants/{}/craft/saved?opening={opening}&employer={employer}",
                    view.id
                )))
            }
            Err(ServiceError::Invalid(e)) => {
                let (field, key) = super::common::domain_error(&e);
                errors.add(field, key);
            }
            Err(e) => return Err(e.into()),
        }
    }
    show_page(
        &state,
        &session,
        &ctx,
        &view,
        &form.employer,
        Some(form.title.clone()),
        &form.kind,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
        "",
    )
    .await
}

#[derive(Template)]
#[template(path = "participants/craft_saved.html")]
struct SavedPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    opening: Option<String>,
    employer: String,
    /// The saved opening's id, for "propose this job".
    opening_id: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct SavedQuery {
    #[serde(default)]
    opening: String,
    #[serde(default)]
    employer: String,
}

pub async fn saved(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<SavedQuery>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let employer = EmployerId::parse(&q.employer).ok();
    let opening = match employer {
        Some(e) => state
            .service
            .openings(&session.actor, e)
            .await
            .ok()
            .and_then(|os| os.into_iter().find(|o| o.id.to_string() == q.opening))
            .map(|o| o.title),
        None => None,
    };
    render(&SavedPage {
        head: Head::new(&view, "/craft"),
        title_key: "p-craft-saved-title",
        errors: FieldErrors::new(),
        conflict: None,
        opening_id: if opening.is_some() {
            q.opening.clone()
        } else {
            String::new()
        },
        opening,
        employer: q.employer,
        ctx: &ctx,
    })
}
