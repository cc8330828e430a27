//! The plan tab: the steps agreed with the participant, each with an optional due date, and
//! marked done when done. Adding a step and ticking one off are separate small forms; ticking
//! carries the item's version, so a step someone else changed meanwhile is not overwritten (R50).

use super::common::{fmt_date, load, parse_id, Head, Shown};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::PlanItemId;
use polku_service::participants::ParticipantView;
use polku_service::ServiceError;
use serde::Deserialize;
use time::macros::format_description;
use time::Date;

/// Longest step text accepted (the domain's limit).
const MAX_TEXT: usize = 2000;

pub struct PlanRow {
    pub id: String,
    pub text: String,
    pub due: String,
    pub overdue: bool,
    pub done: bool,
    pub done_on: String,
    pub version: i64,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct PlanForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    due: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ToggleForm {
    #[serde(default)]
    done: String,
    #[serde(default)]
    version: String,
}

#[derive(Template)]
#[template(path = "participants/plan.html")]
struct PlanPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    items: Vec<PlanRow>,
    open_count: i64,
    form: PlanForm,
}

/// What the page shows besides the plan: the add form's values and errors, a conflict note,
/// and the status to answer with.
struct Shows {
    form: PlanForm,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    status: StatusCode,
}

impl Shows {
    fn plain() -> Shows {
        Shows {
            form: PlanForm::default(),
            errors: FieldErrors::new(),
            conflict: None,
            status: StatusCode::OK,
        }
    }
}

async fn page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    view: &ParticipantView,
    shows: Shows,
) -> WebResult<Response> {
    let Shows {
        form,
        errors,
        conflict,
        status,
    } = shows;
    let today = crate::html::format::today();
    let items: Vec<PlanRow> = state
        .service
        .plan_items(&session.actor, view.id, super::common::PURPOSE)
        .await?
        .into_iter()
        .map(|i| PlanRow {
            id: i.id.to_string(),
            due: i.due.map(|d| fmt_date(ctx.locale, d)).unwrap_or_default(),
            overdue: i.done_at.is_none() && i.due.is_some_and(|d| d < today),
            done: i.done_at.is_some(),
            done_on: i
                .done_at
                .map(|t| fmt_date(ctx.locale, t.date()))
                .unwrap_or_default(),
            text: i.text,
            version: i.version,
        })
        .collect();
    let open_count = items.iter().filter(|i| !i.done).count() as i64;
    render_status(
        status,
        &PlanPage {
            ctx,
            head: Head::new(view, "/plan"),
            title_key: "p-tab-plan",
            errors,
            conflict,
            items,
            open_count,
            form,
        },
    )
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    page(&state, &session, &ctx, &view, Shows::plain()).await
}

pub async fn add(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<PlanForm>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let mut errors = FieldErrors::new();
    let text = form.text.trim();
    if text.is_empty() {
        errors.add("text", "p-plan-error-text-empty");
    } else if text.chars().count() > MAX_TEXT {
        errors.add("text", "p-plan-error-text-long");
    }
    let due = if form.due.trim().is_empty() {
        None
    } else {
        match Date::parse(form.due.trim(), format_description!("[year]-[month]-[day]")) {
            Ok(d) => Some(d),
            Err(_) => {
                errors.add("due", "p-plan-error-due");
                None
            }
        }
    };
    if !errors.is_empty() {
        let shows = Shows {
            form,
            errors,
            conflict: None,
            status: StatusCode::UNPROCESSABLE_ENTITY,
        };
        return page(&state, &session, &ctx, &view, shows).await;
    }
    state
        .service
        .add_plan_item(&session.actor, view.id, text, due, super::common::PURPOSE)
        .await?;
    Ok(see_other_saved(
        &format!("/participants/{}/plan", view.id),
        Notice::PlanStep,
    ))
}

pub async fn toggle(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path((id, item)): Path<(String, String)>,
    Form(form): Form<ToggleForm>,
) -> WebResult<Response> {
    let participant = parse_id(&id)?;
    let item = uuid::Uuid::parse_str(&item)
        .map(PlanItemId)
        .map_err(|_| WebError::NotFound)?;
    let version: i64 = form
        .version
        .trim()
        .parse()
        .map_err(|_| WebError::BadRequest("invalid_input"))?;
    let done = form.done == "1";
    match state
        .service
        .set_plan_item_done(
            &session.actor,
            participant,
            item,
            done,
            version,
            super::common::PURPOSE,
        )
        .await
    {
        Ok(()) => Ok(see_other_saved(
            &format!("/participants/{participant}/plan"),
            if done {
                Notice::PlanDone
            } else {
                Notice::Saved
            },
        )),
        Err(ServiceError::Conflict { .. }) => {
            let view = load(&state, &session, &id).await?;
            let note = vec![Shown {
                label: ctx.t("p-plan-conflict-label"),
                value: ctx.t("p-plan-conflict-value"),
            }];
            let shows = Shows {
                conflict: Some(note),
                status: StatusCode::CONFLICT,
                ..Shows::plain()
            };
            page(&state, &session, &ctx, &view, shows).await
        }
        Err(e) => Err(e.into()),
    }
}
