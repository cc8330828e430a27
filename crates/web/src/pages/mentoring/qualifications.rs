//! A placement's qualification evidence page (opinnollistaminen): for the workplace mentor and
//! the participant's coach, the competence shown per requirement item so far, and a form to
//! record more (requirement item, day, task, shown / partly shown / not yet shown, note). The
//! items offered are those a coordinator mapped to the placement's tasks. The service decides
//! every access; a refused save keeps the form and names the field.

use crate::api::v1::io::rule_key;
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{format, render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::participants::common::{opt, Opt};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{CompetenceShown, DomainError, PlacementId, RequirementId, TaskId};
use polku_service::qualifications::NewQualificationEvidence;
use polku_service::ServiceError;
use serde::Deserialize;
use time::macros::format_description;
use time::Date;

/// What the form held.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Posted {
    #[serde(default)]
    pub requirement: String,
    #[serde(default)]
    pub task: String,
    #[serde(default)]
    pub shown_on: String,
    #[serde(default)]
    pub assessment: String,
    #[serde(default)]
    pub note: String,
}

pub struct Row {
    pub requirement: String,
    pub unit: String,
    pub when: String,
    pub task: String,
    pub assessment_key: &'static str,
    pub note: String,
}

#[derive(Template)]
#[template(path = "mentoring/qualifications.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    id: String,
    employer: String,
    rows: Vec<Row>,
    requirements: Vec<Opt>,
    tasks: Vec<Opt>,
    assessments: Vec<Opt>,
    errors: FieldErrors,
    form: Posted,
}

fn shown_key(s: CompetenceShown) -> &'static str {
    match s {
        CompetenceShown::Shown => "doc-cert-shown",
        CompetenceShown::PartlyShown => "doc-cert-partly-shown",
        CompetenceShown::NotYetShown => "doc-cert-not-yet-shown",
    }
}

fn lang(ctx: &Ctx) -> &'static str {
    match ctx.locale.tag() {
        "sv" => "sv",
        "en" => "en",
        _ => "fi",
    }
}

async fn page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    id: PlacementId,
    form: Posted,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let options = state
        .service
        .placement_requirement_options(&session.actor, id)
        .await?;
    let view = state.service.placement(&session.actor, id).await?;
    let (_, lines) = state
        .service
        .qualification_evidence(&session.actor, id)
        .await?;
    let l = lang(ctx);
    let title_of = |t: TaskId| {
        view.tasks
            .iter()
            .find(|(x, _, _)| *x == t)
            .map_or_else(String::new, |(_, title, _)| title.clone())
    };
    let rows = lines
        .into_iter()
        .map(|x| Row {
            requirement: x.requirement.text.get(l).to_owned(),
            unit: x.unit.as_ref().map_or_else(
                || x.requirement.unit.to_string(),
                |u| u.name.get(l).to_owned(),
            ),
            when: format::date(ctx.locale, x.evidence.shown_on),
            task: title_of(x.evidence.task_id),
            assessment_key: shown_key(x.evidence.assessment),
            note: x.evidence.note,
        })
        .collect();
    let mut requirements: Vec<Opt> =
        vec![opt("", ctx.t("qualification-choose"), &form.requirement)];
    for (_, items) in &options {
        for r in items {
            let value = r.id.to_string();
            if !requirements.iter().any(|o| o.value == value) {
                requirements.push(opt(value, r.text.get(l).to_owned(), &form.requirement));
            }
        }
    }
    let tasks = std::iter::once(opt("", ctx.t("qualification-choose"), &form.task))
        .chain(
            options
                .iter()
                .map(|(t, _)| opt(t.to_string(), title_of(*t), &form.task)),
        )
        .collect();
    let assessments = CompetenceShown::ALL
        .into_iter()
        .map(|c| opt(c.as_str(), ctx.t(shown_key(c)), &form.assessment))
        .collect();
    render_status(
        status,
        &Page {
            ctx,
            id: id.to_string(),
            employer: view.employer_name.clone(),
            rows,
            requirements,
            tasks,
            assessments,
            errors,
            form,
        },
    )
}

fn placement_id(s: &str) -> WebResult<PlacementId> {
    PlacementId::parse(s).map_err(|_| WebError::NotFound)
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    page(
        &state,
        &session,
        &ctx,
        id,
        Posted::default(),
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn record(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<Posted>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let mut errors = FieldErrors::new();
    let requirement = RequirementId::parse(&form.requirement)
        .map_err(|_| errors.add("requirement", "qualification-error-requirement"))
        .ok();
    let task = TaskId::parse(&form.task)
        .map_err(|_| errors.add("task", "qualification-error-task"))
        .ok();
    let on = Date::parse(
        form.shown_on.trim(),
        format_description!("[year]-[month]-[day]"),
    )
    .map_err(|_| errors.add("shown_on", "mentor-error-date"))
    .ok();
    let assessment = CompetenceShown::parse(&form.assessment)
        .map_err(|_| errors.add("assessment", "qualification-error-assessment"))
        .ok();
    if let (Some(requirement_id), Some(task_id), Some(shown_on), Some(assessment)) =
        (requirement, task, on, assessment)
    {
        let new = NewQualificationEvidence {
            requirement_id,
            task_id,
            shown_on,
            assessment,
            note: form.note.clone(),
        };
        match state
            .service
            .record_qualification_evidence(&session.actor, id, new)
            .await
        {
            Ok(_) => {
                return Ok(see_other_saved(
                    &format!("/mentoring/{id}/qualifications"),
                    Notice::Saved,
                ))
            }
            Err(ServiceError::Invalid(DomainError::Rule { field, rule })) => {
                let field = if field == "task_id" { "task" } else { field };
                errors.add(field, &rule_key(rule));
            }
            Err(ServiceError::Invalid(DomainError::Invalid { field, .. })) => {
                errors.add(field, "qualification-error-note");
            }
            Err(other) => return Err(other.into()),
        }
    }
    page(
        &state,
        &session,
        &ctx,
        id,
        form,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
