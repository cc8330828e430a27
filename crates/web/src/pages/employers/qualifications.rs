//! The coordinator's task → requirement mapping of one employer (opinnollistaminen, issue 14):
//! each task of the inventory with the vocational skill requirements (ammattitaitovaatimukset)
//! it gives a chance to show. A coordinator chooses a task and a qualification unit (a plain
//! GET form, no script), ticks the unit's items and saves; or removes one mapped item. Every
//! change goes through `polku_service::qualifications` (`map_task_requirements`: the same
//! authorisation and audit as the API). A task of another employer, a unit or an item that does
//! not exist is a field error in the user's language and changes nothing. Coaches of the
//! project read the mapping.

use super::common::{employer_id, tabs, Tab};
use crate::api::v1::io::rule_key;
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other_saved, url_encode, Notice};
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::pages::participants::common::{opt, Opt};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{DomainError, EmployerId, QualificationUnit, RequirementId, TaskId};
use polku_service::qualifications::TaskRequirements;
use polku_service::ServiceError;
use serde::Deserialize;

/// The page's language for reference texts (`fi`, `sv`, `en`).
fn lang(ctx: &Ctx) -> &'static str {
    match ctx.locale.tag() {
        "sv" => "sv",
        "en" => "en",
        _ => "fi",
    }
}

/// A unit version's form value: `code|diaarinumero`.
fn unit_key(u: &QualificationUnit) -> String {
    format!("{}|{}", u.code, u.diaarinumero)
}

/// What the GET form chose.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Chosen {
    #[serde(default)]
    pub task: String,
    #[serde(default)]
    pub unit: String,
}

/// A mapped item as listed under its task.
pub struct Mapped {
    pub id: String,
    pub unit: String,
    pub text: String,
}

/// A task with its mapped items.
pub struct TaskBlock {
    pub id: String,
    pub title: String,
    pub items: Vec<Mapped>,
}

/// An item of the chosen unit, ticked when the task is mapped to it.
pub struct Check {
    pub id: String,
    pub area: Option<String>,
    pub text: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "employers/qualifications.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    name: String,
    id: String,
    tabs: Vec<Tab>,
    may_edit: bool,
    blocks: Vec<TaskBlock>,
    task_options: Vec<Opt>,
    unit_options: Vec<Opt>,
    /// The chosen task and unit, when both exist: the tick form is shown.
    chosen: Option<(String, String, String)>,
    checks: Vec<Check>,
    errors: FieldErrors,
}

/// What the page shows besides the stored mapping: the choice, the ticks of a refused save
/// (`None`: the stored ones), its errors and the status.
struct Shows {
    chosen: Chosen,
    ticked: Option<Vec<String>>,
    errors: FieldErrors,
    status: StatusCode,
}

async fn page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    id: EmployerId,
    shows: Shows,
) -> WebResult<Response> {
    let Shows {
        chosen,
        ticked,
        errors,
        status,
    } = shows;
    let e = state.service.employer(&session.actor, id).await?;
    let map = state
        .service
        .task_requirement_map(&session.actor, id)
        .await?;
    let units = state.service.qualification_units(&session.actor).await?;
    let l = lang(ctx);
    let unit_name = |code: &str, diaari: &str| {
        units
            .iter()
            .find(|u| u.code.as_str() == code && u.diaarinumero == diaari)
            .map_or_else(|| code.to_owned(), |u| u.name.get(l).to_owned())
    };
    let blocks = map
        .iter()
        .map(|t| TaskBlock {
            id: t.task.id.to_string(),
            title: t.task.title.clone(),
            items: t
                .requirements
                .iter()
                .map(|r| Mapped {
                    id: r.id.to_string(),
                    unit: unit_name(r.unit.as_str(), &r.diaarinumero),
                    text: r.text.get(l).to_owned(),
                })
                .collect(),
        })
        .collect();
    let task_options = std::iter::once(opt("", ctx.t("qualification-choose"), &chosen.task))
        .chain(
            map.iter()
                .map(|t| opt(t.task.id.to_string(), t.task.title.clone(), &chosen.task)),
        )
        .collect();
    let unit_options = std::iter::once(opt("", ctx.t("qualification-choose"), &chosen.unit))
        .chain(units.iter().map(|u| {
            opt(
                unit_key(u),
                format!(
                    "{} – {} ({})",
                    u.name.get(l),
                    u.qualification_name.get(l),
                    u.diaarinumero
                ),
                &chosen.unit,
            )
        }))
        .collect();
    let task = map.iter().find(|t| t.task.id.to_string() == chosen.task);
    let unit = units.iter().find(|u| unit_key(u) == chosen.unit);
    let (chosen, checks) = match (task, unit) {
        (Some(t), Some(u)) => {
            let (_, reqs) = state
                .service
                .qualification_unit(&session.actor, &u.code, &u.diaarinumero)
                .await?;
            let checks = reqs
                .iter()
                .map(|r| {
                    let id = r.id.to_string();
                    let checked = match &ticked {
                        Some(ticked) => ticked.contains(&id),
                        None => t.requirements.iter().any(|m| m.id == r.id),
                    };
                    Check {
                        area: r.area.as_ref().map(|a| a.get(l).to_owned()),
                        text: r.text.get(l).to_owned(),
                        checked,
                        id,
                    }
                })
                .collect();
            (
                Some((
                    t.task.id.to_string(),
                    unit_key(u),
                    format!("{} – {}", t.task.title, u.name.get(l)),
                )),
                checks,
            )
        }
        _ => (None, Vec::new()),
    };
    render_status(
        status,
        &Page {
            ctx,
            name: e.name.clone(),
            id: id.to_string(),
            tabs: tabs(id, "qualifications"),
            may_edit: state.service.may_edit_employer(&session.actor, &e),
            blocks,
            task_options,
            unit_options,
            chosen,
            checks,
            errors,
        },
    )
}

/// `GET /employers/{id}/qualifications[?task=…&unit=…]`.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Query(chosen): Query<Chosen>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    let mut errors = FieldErrors::new();
    // A choice that names nothing is told, not silently ignored.
    if !chosen.task.is_empty() || !chosen.unit.is_empty() {
        let map = state
            .service
            .task_requirement_map(&session.actor, id)
            .await?;
        if !map.iter().any(|t| t.task.id.to_string() == chosen.task) {
            errors.add("task", "qualification-error-task-employer");
        }
        let units = state.service.qualification_units(&session.actor).await?;
        if !units.iter().any(|u| unit_key(u) == chosen.unit) {
            errors.add("unit", "qualification-error-unit");
        }
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let shows = Shows {
        chosen,
        ticked: None,
        errors,
        status,
    };
    page(&state, &session, &ctx, id, shows).await
}

fn back_to(id: EmployerId, task: &str, unit: &str) -> String {
    format!(
        "/employers/{id}/qualifications?task={}&unit={}",
        url_encode(task),
        url_encode(unit)
    )
}

/// The task of the employer's mapping the form names, or a field error.
fn task_of<'m>(
    map: &'m [TaskRequirements],
    posted: &str,
    errors: &mut FieldErrors,
) -> Option<&'m TaskRequirements> {
    let found = TaskId::parse(posted)
        .ok()
        .and_then(|t| map.iter().find(|x| x.task.id == t));
    if found.is_none() {
        errors.add("task", "qualification-error-task-employer");
    }
    found
}

/// Saves through the service; a refused item becomes a field error on `field`.
async fn save(
    state: &AppState,
    session: &Session,
    id: EmployerId,
    task: TaskId,
    ids: &[RequirementId],
    field: &str,
    errors: &mut FieldErrors,
) -> WebResult<bool> {
    match state
        .service
        .map_task_requirements(&session.actor, id, task, ids)
        .await
    {
        Ok(()) => Ok(true),
        Err(ServiceError::Invalid(DomainError::Rule { rule, .. })) => {
            errors.add(field, &rule_key(rule));
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /employers/{id}/qualifications`: the task's items of the chosen unit become the
/// ticked ones; its items of other units stay.
pub async fn map(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    super::common::editable(&state, &session, id).await?;
    let chosen = Chosen {
        task: fields.get("task"),
        unit: fields.get("unit"),
    };
    let ticked = fields.all("requirement");
    let map = state
        .service
        .task_requirement_map(&session.actor, id)
        .await?;
    let mut errors = FieldErrors::new();
    let task = task_of(&map, &chosen.task, &mut errors);
    let units = state.service.qualification_units(&session.actor).await?;
    let unit = units.iter().find(|u| unit_key(u) == chosen.unit);
    if unit.is_none() {
        errors.add("unit", "qualification-error-unit");
    }
    let parsed: Option<Vec<RequirementId>> = ticked
        .iter()
        .map(|s| RequirementId::parse(s).ok())
        .collect();
    if parsed.is_none() {
        errors.add("requirement", &rule_key("unknown_requirement"));
    }
    if let (Some(task), Some(unit), Some(parsed)) = (task, unit, parsed) {
        let mut ids: Vec<RequirementId> = task
            .requirements
            .iter()
            .filter(|r| !(r.unit == unit.code && r.diaarinumero == unit.diaarinumero))
            .map(|r| r.id)
            .collect();
        ids.extend(parsed);
        if save(
            &state,
            &session,
            id,
            task.task.id,
            &ids,
            "requirement",
            &mut errors,
        )
        .await?
        {
            return Ok(see_other_saved(
                &back_to(id, &chosen.task, &chosen.unit),
                Notice::Saved,
            ));
        }
    }
    let shows = Shows {
        chosen,
        ticked: Some(ticked),
        errors,
        status: StatusCode::UNPROCESSABLE_ENTITY,
    };
    page(&state, &session, &ctx, id, shows).await
}

/// `POST /employers/{id}/qualifications/remove`: one item off one task.
pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    super::common::editable(&state, &session, id).await?;
    let map = state
        .service
        .task_requirement_map(&session.actor, id)
        .await?;
    let mut errors = FieldErrors::new();
    let task = task_of(&map, &fields.get("task"), &mut errors);
    let requirement = RequirementId::parse(&fields.get("requirement")).ok();
    if let Some(task) = task {
        match requirement.filter(|r| task.requirements.iter().any(|m| m.id == *r)) {
            Some(r) => {
                let ids: Vec<RequirementId> = task
                    .requirements
                    .iter()
                    .map(|m| m.id)
                    .filter(|m| *m != r)
                    .collect();
                if save(
                    &state,
                    &session,
                    id,
                    task.task.id,
                    &ids,
                    "task",
                    &mut errors,
                )
                .await?
                {
                    return Ok(see_other_saved(
                        &format!("/employers/{id}/qualifications"),
                        Notice::Saved,
                    ));
                }
            }
            None => errors.add("task", "qualification-error-not-mapped"),
        }
    }
    let shows = Shows {
        chosen: Chosen::default(),
        ticked: None,
        errors,
        status: StatusCode::UNPROCESSABLE_ENTITY,
    };
    page(&state, &session, &ctx, id, shows).await
}
