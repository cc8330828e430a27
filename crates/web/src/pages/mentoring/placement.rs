//! A placement's mentoring page: for the workplace mentor the tasks with a feedback form each,
//! the check-in form and list, the hours per month and the written feedback form; for the
//! coach the same to read, the mentor assignment, the participant's self-assessment form and
//! the placement's evidence.

use super::common::{hours, level_key, period, state_key, EvidenceRow, MonthRow};
use crate::api::v1::io::rule_key;
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::participants::common::{opt, Opt};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{DomainError, FeedbackLevel, PlacementId, PlacementState, TaskId, UserId};
use polku_service::authz::PlacementRole;
use polku_service::mentoring::{MentoringView, NewCheckin};
use polku_service::ServiceError;
use serde::Deserialize;
use time::macros::format_description;
use time::Date;

pub struct TaskRow {
    pub index: usize,
    pub id: String,
    pub title: String,
    pub level_key: Option<&'static str>,
    pub note: String,
    pub when: String,
    pub levels: Vec<Opt>,
}

pub struct CheckinRow {
    pub when: String,
    pub minutes: i64,
    pub note: String,
}

/// What the forms held when a save was refused.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Posted {
    #[serde(default)]
    pub on: String,
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub task: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub feedback: String,
    #[serde(default)]
    pub next_steps: String,
    #[serde(default)]
    pub self_assessment: String,
    #[serde(default)]
    pub mentor: String,
    #[serde(default)]
    pub version: String,
}

#[derive(Template)]
#[template(path = "mentoring/placement.html")]
struct PlacementPage<'a> {
    ctx: &'a Ctx,
    id: String,
    heading: String,
    employer: String,
    period: String,
    state_key: &'static str,
    mentor_name: String,
    coach_name: String,
    participant_href: Option<String>,
    is_mentor: bool,
    is_coach: bool,
    may_log: bool,
    version: i64,
    mentor_options: Vec<Opt>,
    tasks: Vec<TaskRow>,
    checkins: Vec<CheckinRow>,
    months: Vec<MonthRow>,
    organiser: Option<String>,
    next_steps: Option<String>,
    self_assessment: Option<String>,
    final_version: String,
    evidence: Vec<EvidenceRow>,
    evidence_participant: String,
    evidence_back: String,
    errors: FieldErrors,
    form: Posted,
}

fn placement_id(s: &str) -> WebResult<PlacementId> {
    PlacementId::parse(s).map_err(|_| WebError::NotFound)
}

async fn page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    id: PlacementId,
    mut form: Posted,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let m: MentoringView = state.service.mentoring(&session.actor, id).await?;
    let role = m.view.role;
    let (is_mentor, is_coach) = (role == PlacementRole::Mentor, role == PlacementRole::Coach);
    let p = &m.view.placement;
    let heading = m
        .view
        .participant_name
        .clone()
        .unwrap_or_else(|| ctx.t("mentor-trialist"));
    let mentor_options = if is_coach {
        let mut o = vec![opt("", ctx.t("mentor-none"), &form.mentor)];
        let current = p.mentor_id.map(|u| u.to_string()).unwrap_or_default();
        let chosen = if form.mentor.is_empty() {
            current
        } else {
            form.mentor.clone()
        };
        for r in state
            .service
            .share_recipients(&session.actor, p.participant_id)
            .await?
        {
            if r.classes.contains(&polku_domain::RecipientClass::Mentor) {
                o.push(opt(
                    r.id.to_string(),
                    format!("{} ({})", r.name, r.email),
                    &chosen,
                ));
            }
        }
        o
    } else {
        Vec::new()
    };
    let tasks = m
        .view
        .tasks
        .iter()
        .enumerate()
        .map(|(i, (tid, title, _))| {
            let latest = m
                .feedback
                .iter()
                .find(|(t, _)| t == tid)
                .and_then(|(_, f)| f.as_ref());
            let current = if form.task == tid.to_string() {
                form.level.clone()
            } else {
                String::new()
            };
            TaskRow {
                index: i + 1,
                id: tid.to_string(),
                title: title.clone(),
                level_key: latest.map(|f| level_key(f.level)),
                note: latest.map(|f| f.note.clone()).unwrap_or_default(),
                when: latest
                    .map(|f| crate::html::format::date_time(ctx.locale, f.given_at))
                    .unwrap_or_default(),
                levels: FeedbackLevel::ALL
                    .into_iter()
                    .map(|l| opt(l.as_str(), ctx.t(level_key(l)), &current))
                    .collect(),
            }
        })
        .collect();
    let checkins = m
        .checkins
        .iter()
        .rev()
        .map(|c| CheckinRow {
            when: crate::html::format::date(ctx.locale, c.on),
            minutes: i64::from(c.minutes),
            note: c.note.clone(),
        })
        .collect();
    let months = m
        .months
        .iter()
        .map(|mm| MonthRow {
            month: format!("{}/{}", mm.month, mm.year),
            hours: hours(ctx.locale, mm.minutes),
            checkins: i64::from(mm.checkins),
        })
        .collect();
    let f = m.final_feedback.clone().unwrap_or_default();
    if form.feedback.is_empty() && errors.is_empty() {
        form.feedback = f.organiser.clone().unwrap_or_default();
        form.next_steps = f.next_steps.clone().unwrap_or_default();
    }
    let evidence = if is_coach {
        super::common::evidence_rows(state, session, ctx, p.participant_id, Some(p.id)).await?
    } else {
        Vec::new()
    };
    if form.on.is_empty() {
        form.on = date_input(polku_service::today());
    }
    render_status(
        status,
        &PlacementPage {
            ctx,
            id: p.id.to_string(),
            heading,
            employer: m.view.employer_name.clone(),
            period: period(ctx.locale, p.starts_on, p.ended_on.or(p.ends_on)),
            state_key: state_key(p.state),
            mentor_name: m.view.mentor_name.clone().unwrap_or_default(),
            coach_name: m.view.coach_name.clone(),
            participant_href: is_coach.then(|| format!("/participants/{}", p.participant_id)),
            is_mentor,
            is_coach,
            may_log: is_mentor
                && matches!(
                    p.state,
                    PlacementState::Agreed | PlacementState::Active | PlacementState::Completed
                ),
            version: p.version,
            mentor_options,
            tasks,
            checkins,
            months,
            organiser: f.organiser,
            next_steps: f.next_steps,
            self_assessment: f.self_assessment,
            final_version: m
                .final_feedback
                .map(|f| f.version.to_string())
                .unwrap_or_default(),
            evidence,
            evidence_participant: p.participant_id.to_string(),
            evidence_back: format!("/mentoring/{}", p.id),
            errors,
            form,
        },
    )
}

fn date_input(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// A refused save: the rule's message on its field (`rename` maps the service's field names to
/// this page's), a conflict on the form, anything else is an error page.
fn refused(e: ServiceError, errors: &mut FieldErrors, rename: &[(&str, &str)]) -> WebResult<()> {
    match e {
        ServiceError::Invalid(DomainError::Rule { field, rule }) => {
            let field = rename
                .iter()
                .find(|(from, _)| *from == field)
                .map_or(field, |(_, to)| to);
            errors.add(field, &rule_key(rule));
            Ok(())
        }
        ServiceError::Conflict { .. } => {
            errors.add("form", "mentor-error-conflict");
            Ok(())
        }
        other => Err(other.into()),
    }
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

pub async fn add_checkin(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<Posted>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let mut errors = FieldErrors::new();
    let on = Date::parse(form.on.trim(), format_description!("[year]-[month]-[day]"))
        .map_err(|_| errors.add("on", "mentor-error-date"))
        .ok();
    let minutes = form
        .minutes
        .trim()
        .parse::<i64>()
        .map_err(|_| errors.add("minutes", "rule-checkin-minutes-range"))
        .ok();
    if let (Some(on), Some(minutes)) = (on, minutes) {
        let new = NewCheckin {
            on,
            minutes,
            note: form.note.clone(),
        };
        match state.service.add_checkin(&session.actor, id, new).await {
            Ok(_) => {
                return Ok(see_other_saved(
                    &format!("/mentoring/{id}"),
                    Notice::MentorCheckin,
                ))
            }
            Err(e) => refused(e, &mut errors, &[])?,
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

pub async fn feedback(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<Posted>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let mut errors = FieldErrors::new();
    let task = TaskId::parse(&form.task).map_err(|_| WebError::NotFound)?;
    match FeedbackLevel::parse(form.level.trim()) {
        Ok(level) => {
            match state
                .service
                .give_task_feedback(&session.actor, id, task, level, &form.feedback_note())
                .await
            {
                Ok(_) => {
                    return Ok(see_other_saved(
                        &format!("/mentoring/{id}"),
                        Notice::MentorFeedback,
                    ))
                }
                Err(e) => refused(
                    e,
                    &mut errors,
                    &[("note", "task-note"), ("level", "task-level")],
                )?,
            }
        }
        Err(_) => errors.add("task-level", "mentor-error-level"),
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

impl Posted {
    fn feedback_note(&self) -> String {
        self.note.clone()
    }

    /// The version the form was read at (`None`: there was nothing yet).
    fn expected(&self) -> Option<i64> {
        self.version.trim().parse().ok()
    }
}

pub async fn final_feedback(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<Posted>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let mut errors = FieldErrors::new();
    match state
        .service
        .give_final_feedback(
            &session.actor,
            id,
            &form.feedback,
            &form.next_steps,
            form.expected(),
        )
        .await
    {
        Ok(_) => {
            return Ok(see_other_saved(
                &format!("/mentoring/{id}"),
                Notice::MentorFinal,
            ))
        }
        Err(e) => refused(e, &mut errors, &[])?,
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

pub async fn self_assessment(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<Posted>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let mut errors = FieldErrors::new();
    match state
        .service
        .record_self_assessment(&session.actor, id, &form.self_assessment, form.expected())
        .await
    {
        Ok(_) => {
            return Ok(see_other_saved(
                &format!("/mentoring/{id}"),
                Notice::MentorSelfAssessment,
            ))
        }
        Err(e) => refused(e, &mut errors, &[])?,
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

pub async fn assign(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<Posted>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let mut errors = FieldErrors::new();
    let mentor = match form.mentor.trim() {
        "" => Ok(None),
        s => UserId::parse(s).map(Some),
    };
    let expected = form.expected();
    match (mentor, expected) {
        (Ok(mentor), Some(expected)) => {
            match state
                .service
                .assign_mentor(&session.actor, id, mentor, expected)
                .await
            {
                Ok(_) => {
                    return Ok(see_other_saved(
                        &format!("/mentoring/{id}"),
                        Notice::MentorAssigned,
                    ))
                }
                Err(e) => refused(e, &mut errors, &[])?,
            }
        }
        _ => errors.add("mentor", "rule-mentor-not-found"),
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
