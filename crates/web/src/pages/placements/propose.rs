//! The proposal form. The coach reaches it from a suggestion or a saved crafted job (prefilled
//! from that opening: its employer, tasks, kind and dates; the crafted job is then linked to the
//! person through the proposal) or from the placements tab (choose the employer, then the
//! tasks), and proposes at once with the field groups to disclose. A coordinator reaches it
//! from a candidate row of an opening and prepares it for the participant's coach, who confirms
//! it; the coordinator sees no name and chooses no field groups.

use super::common::rule_errors;
use super::form::{choices, Choices, Values};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::pages::participants::common::{load, opt, Opt, PURPOSE};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{
    DataCategory, EmployerId, Opening, OpeningId, ParticipantId, ProjectId, RecipientClass, Task,
};
use polku_service::participants::ParticipantView;
use serde::Deserialize;
use time::OffsetDateTime;

#[derive(Template)]
#[template(path = "placements/form.html")]
struct FormPage<'a> {
    ctx: &'a Ctx,
    heading: String,
    back_href: String,
    back_key: &'static str,
    action: String,
    /// The coach's variant: field groups to choose; the coordinator's prepares.
    coach: bool,
    /// The first step from the tab: the employers to choose from.
    employers: Option<Vec<Opt>>,
    employer_name: String,
    opening_title: Option<String>,
    values: Values,
    choices: Choices,
    errors: FieldErrors,
}

#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    employer: String,
    #[serde(default)]
    opening: String,
}

/// The field groups the participant has consented to disclosing to employers, now.
async fn consented(
    state: &AppState,
    session: &Session,
    view: &ParticipantView,
) -> WebResult<Vec<DataCategory>> {
    let consents = state
        .service
        .consents(&session.actor, view.id, PURPOSE)
        .await?;
    let now = OffsetDateTime::now_utc();
    Ok(DataCategory::ALL
        .into_iter()
        .filter(|&c| {
            polku_service::consents::consented(&consents, RecipientClass::Employer, c, now)
        })
        .collect())
}

/// The employer's tasks and openings, and the one opening named (if it is the employer's).
async fn employer_parts(
    state: &AppState,
    session: &Session,
    employer: EmployerId,
    opening: &str,
) -> WebResult<(String, Vec<Task>, Option<Opening>)> {
    let e = state.service.employer(&session.actor, employer).await?;
    let tasks = state.service.tasks(&session.actor, employer).await?;
    let opening = match OpeningId::parse(opening) {
        Ok(o) => state
            .service
            .openings(&session.actor, employer)
            .await?
            .into_iter()
            .find(|k| k.id == o),
        Err(_) => None,
    };
    Ok((e.name, tasks, opening))
}

#[expect(
    clippy::too_many_arguments,
    reason = "the coach's form is shown from new_form and from create with the form's values"
)]
async fn coach_page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    view: &ParticipantView,
    query: &NewQuery,
    values: Option<Values>,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let name = format!("{} {}", view.personal.given_name, view.personal.family_name);
    let back_href = format!("/participants/{}/placements", view.id);
    let action = format!("/participants/{}/placements/new", view.id);
    let employer = EmployerId::parse(&query.employer).ok();
    let Some(employer) = employer else {
        // First step: choose the employer (a plain GET form, no script).
        let list = state
            .service
            .employers(&session.actor, view.project_id)
            .await?;
        let mut employers = vec![opt("", ctx.t("p-choose"), "")];
        employers.extend(
            list.iter()
                .map(|e| opt(e.id.to_string(), e.name.clone(), "")),
        );
        let values = Values::default();
        let choices = choices(ctx, &values, &[], &[], None);
        return render_status(
            status,
            &FormPage {
                ctx,
                heading: ctx.ts("pl-new-for", "name", &name),
                back_href,
                back_key: "pl-back-to-tab",
                action,
                coach: true,
                employers: Some(employers),
                employer_name: String::new(),
                opening_title: None,
                values,
                choices,
                errors,
            },
        );
    };
    let (employer_name, tasks, opening) =
        employer_parts(state, session, employer, &query.opening).await?;
    let consented = consented(state, session, view).await?;
    let mentors = state
        .service
        .project_mentors(&session.actor, view.project_id)
        .await?;
    let values = values.unwrap_or_else(|| {
        Values::prefill(
            employer,
            opening.as_ref(),
            &tasks,
            &consented,
            crate::html::format::today(),
        )
    });
    let choices = choices(ctx, &values, &tasks, &mentors, Some(&consented));
    render_status(
        status,
        &FormPage {
            ctx,
            heading: ctx.ts("pl-new-for", "name", &name),
            back_href,
            back_key: "pl-back-to-tab",
            action,
            coach: true,
            employers: None,
            employer_name,
            opening_title: opening.map(|o| o.title),
            values,
            choices,
            errors,
        },
    )
}

pub async fn new_form(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<NewQuery>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    coach_page(
        &state,
        &session,
        &ctx,
        &view,
        &q,
        None,
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn create(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let values = Values::from_fields(&fields);
    let errors = match values.parse(view.id, true) {
        Ok(new) => match state.service.propose_placement(&session.actor, new).await {
            Ok(_) => {
                return Ok(see_other_saved(
                    &format!("/participants/{}/placements", view.id),
                    Notice::Proposal,
                ))
            }
            Err(e) => rule_errors(e)?,
        },
        Err(errors) => errors,
    };
    let q = NewQuery {
        employer: values.employer.clone(),
        opening: values.opening.clone(),
    };
    if EmployerId::parse(&q.employer).is_err() {
        // Without an employer there is no form to show again: back to choosing one.
        return coach_page(
            &state,
            &session,
            &ctx,
            &view,
            &q,
            None,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    coach_page(
        &state,
        &session,
        &ctx,
        &view,
        &q,
        Some(values),
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// The coordinator's path: employer, opening and the candidate's id.
type CandidatePath = (String, String, String);

fn parse_candidate(p: &CandidatePath) -> WebResult<(EmployerId, OpeningId, ParticipantId)> {
    let e = EmployerId::parse(&p.0).map_err(|_| WebError::NotFound)?;
    let o = OpeningId::parse(&p.1).map_err(|_| WebError::NotFound)?;
    let pid = ParticipantId::parse(&p.2).map_err(|_| WebError::NotFound)?;
    Ok((e, o, pid))
}

#[expect(
    clippy::too_many_arguments,
    reason = "the coordinator's form is shown from prepare_form and from prepare"
)]
async fn coordinator_page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    path: &CandidatePath,
    employer: EmployerId,
    opening: OpeningId,
    values: Option<Values>,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let e = state.service.employer(&session.actor, employer).await?;
    let o = state
        .service
        .opening(&session.actor, employer, opening)
        .await?;
    let tasks = state.service.tasks(&session.actor, employer).await?;
    let project: ProjectId = e.project_id;
    let mentors = state
        .service
        .project_mentors(&session.actor, project)
        .await?;
    let values = values.unwrap_or_else(|| {
        Values::prefill(
            employer,
            Some(&o),
            &tasks,
            &[],
            crate::html::format::today(),
        )
    });
    let choices = choices(ctx, &values, &tasks, &mentors, None);
    render_status(
        status,
        &FormPage {
            ctx,
            heading: ctx.ts("pl-prepare-title", "title", &o.title),
            back_href: format!("/employers/{employer}/openings/{opening}/candidates"),
            back_key: "pl-back-to-candidates",
            action: format!(
                "/employers/{}/openings/{}/candidates/{}/prepare",
                path.0, path.1, path.2
            ),
            coach: false,
            employers: None,
            employer_name: e.name,
            opening_title: Some(o.title),
            values,
            choices,
            errors,
        },
    )
}

pub async fn prepare_form(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(path): Path<CandidatePath>,
) -> WebResult<Response> {
    let (employer, opening, _) = parse_candidate(&path)?;
    coordinator_page(
        &state,
        &session,
        &ctx,
        &path,
        employer,
        opening,
        None,
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn prepare(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(path): Path<CandidatePath>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let (employer, opening, participant) = parse_candidate(&path)?;
    let mut values = Values::from_fields(&fields);
    // The employer and opening are the page's own, never the form's.
    values.employer = employer.to_string();
    values.opening = opening.to_string();
    values.categories.clear();
    let errors = match values.parse(participant, false) {
        Ok(new) => match state.service.propose_placement(&session.actor, new).await {
            Ok(_) => return Ok(see_other_saved("/open-proposals", Notice::ProposalPrepared)),
            Err(e) => rule_errors(e)?,
        },
        Err(errors) => errors,
    };
    coordinator_page(
        &state,
        &session,
        &ctx,
        &path,
        employer,
        opening,
        Some(values),
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
