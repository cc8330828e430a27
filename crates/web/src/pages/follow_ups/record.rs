//! The record form of one follow-up: still working (same employer, another, not), hours a week
//! (0–60), the support given, whether the job needs re-crafting, and a note. The form carries
//! the follow-up's version, so a record someone else saved meanwhile is not overwritten.

use super::text::{checkpoint_key, detail, still_working_key};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::participants::common::{fmt_date, opt, Opt};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{DomainError, FollowUpId, FollowUpRecord, StillWorking};
use polku_service::follow_ups::FollowUpView;
use polku_service::ServiceError;
use serde::Deserialize;

/// The form as typed (or as stored).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RecordForm {
    #[serde(default)]
    still_working: String,
    #[serde(default)]
    hours_per_week: String,
    #[serde(default)]
    support_given: String,
    #[serde(default)]
    needs_recrafting: Option<String>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    version: String,
}

/// Where the "craft again" button leads: the crafting page with the employer and the tasks.
pub struct Recraft {
    pub action: String,
    pub employer: String,
    pub tasks: String,
}

#[derive(Template)]
#[template(path = "follow_ups/record.html")]
struct RecordPage<'a> {
    ctx: &'a Ctx,
    errors: FieldErrors,
    participant: String,
    participant_href: String,
    checkpoint: String,
    detail: String,
    done: Option<String>,
    recraft: Option<Recraft>,
    choices: Vec<Opt>,
    form: RecordForm,
    needs_recrafting: bool,
    action: String,
}

/// A broken rule's catalogue key, `rule-<code>` (as the API's field messages).
fn rule_key(rule: &str) -> String {
    format!("rule-{}", rule.replace('_', "-"))
}

fn parse_id(id: &str) -> WebResult<FollowUpId> {
    FollowUpId::parse(id).map_err(|_| WebError::NotFound)
}

fn stored(v: &FollowUpView) -> RecordForm {
    let r = v.follow_up.record.as_ref();
    RecordForm {
        still_working: r
            .map(|r| r.still_working.as_str().to_owned())
            .unwrap_or_default(),
        hours_per_week: r.map(|r| r.hours_per_week.to_string()).unwrap_or_default(),
        support_given: r.map(|r| r.support_given.clone()).unwrap_or_default(),
        needs_recrafting: r.filter(|r| r.needs_recrafting).map(|_| "on".to_owned()),
        note: r.map(|r| r.note.clone()).unwrap_or_default(),
        version: v.follow_up.version.to_string(),
    }
}

fn page(
    ctx: &Ctx,
    v: &FollowUpView,
    form: RecordForm,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let f = &v.follow_up;
    let recraft = f
        .record
        .as_ref()
        .filter(|r| r.needs_recrafting)
        .map(|_| Recraft {
            action: format!("/participants/{}/craft", f.participant_id),
            employer: v.employer_id.to_string(),
            tasks: v
                .tasks
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(","),
        });
    let choices = StillWorking::ALL
        .into_iter()
        .map(|s| opt(s.as_str(), ctx.t(still_working_key(s)), &form.still_working))
        .collect();
    render_status(
        status,
        &RecordPage {
            errors,
            participant: v.participant_name.clone(),
            participant_href: format!("/participants/{}", f.participant_id),
            checkpoint: ctx.t(checkpoint_key(f.checkpoint)),
            detail: detail(ctx, v),
            done: f.done_on.map(|d| fmt_date(ctx.locale, d)),
            recraft,
            choices,
            needs_recrafting: form.needs_recrafting.is_some(),
            form,
            action: format!("/follow-ups/{}", f.id),
            ctx,
        },
    )
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let today = crate::html::format::today();
    let v = state
        .service
        .follow_up(&session.actor, parse_id(&id)?, today)
        .await?;
    let form = stored(&v);
    page(&ctx, &v, form, FieldErrors::new(), StatusCode::OK)
}

pub async fn submit(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<RecordForm>,
) -> WebResult<Response> {
    let id = parse_id(&id)?;
    let today = crate::html::format::today();
    let v = state.service.follow_up(&session.actor, id, today).await?;
    let mut errors = FieldErrors::new();
    let still = StillWorking::parse(form.still_working.trim())
        .map_err(|_| errors.add("still_working", "follow-up-error-still-working"))
        .ok();
    let hours = form
        .hours_per_week
        .trim()
        .parse::<u8>()
        .map_err(|_| errors.add("hours_per_week", &rule_key("follow_up_hours_out_of_range")))
        .ok();
    let version: i64 = form.version.trim().parse().unwrap_or(v.follow_up.version);
    if let (Some(still), Some(hours), true) = (still, hours, errors.is_empty()) {
        let record = FollowUpRecord {
            still_working: still,
            hours_per_week: hours,
            support_given: form.support_given.clone(),
            needs_recrafting: form.needs_recrafting.is_some(),
            note: form.note.clone(),
        };
        match state
            .service
            .record_follow_up(&session.actor, id, record, today, version)
            .await
        {
            Ok(_) => return Ok(see_other_saved(&format!("/follow-ups/{id}"), Notice::Saved)),
            Err(ServiceError::Invalid(DomainError::Rule { field, rule })) => {
                errors.add(field, &rule_key(rule));
            }
            Err(ServiceError::Conflict { .. }) => {
                errors.add("version", "follow-up-error-conflict");
                let mut fresh = stored(&v);
                fresh.version = v.follow_up.version.to_string();
                return page(&ctx, &v, fresh, errors, StatusCode::CONFLICT);
            }
            Err(e) => return Err(e.into()),
        }
    }
    page(&ctx, &v, form, errors, StatusCode::UNPROCESSABLE_ENTITY)
}
