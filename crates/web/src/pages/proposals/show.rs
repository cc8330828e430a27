//! One proposal as the employer sees it, and the employer's answer (yes, let's meet first, or
//! no with a reason). Post/Redirect/Get with a confirmation; a stale version shows the
//! proposal as it is now and changes nothing.

use super::list::state_key;
use crate::api::v1::io::rule_key;
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{format, render_status, see_other_saved, Notice};
use crate::i18n::Arg;
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::pages::labels::{accommodation_label, data_lang, language_name};
use crate::pages::participants::explain::{self, kind_key, tx_euros};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{DataCategory, DomainError, EmployerAnswer, PlacementId, PlacementState};
use polku_service::authz::PlacementRole;
use polku_service::proposal_view::{EmployerProposal, Plain};
use polku_service::ServiceError;

/// One row of the tasks table.
pub struct TaskRow {
    pub title: String,
    pub hours: u8,
    pub days: u8,
    pub schedule: String,
    pub fit: Vec<String>,
}

/// The answer form as typed.
#[derive(Debug, Default)]
pub struct AnswerForm {
    pub answer: String,
    pub reason: String,
    pub version: i64,
}

#[derive(Template)]
#[template(path = "proposals/show.html")]
struct ShowPage<'a> {
    ctx: &'a Ctx,
    heading: String,
    action: String,
    state: String,
    preview: bool,
    terms: Vec<(String, String)>,
    tasks: Vec<TaskRow>,
    total_hours: i64,
    not_shared: Option<String>,
    adjustments: Option<(Vec<String>, String)>,
    subsidy: Option<String>,
    answered: Option<String>,
    form: Option<AnswerForm>,
    errors: FieldErrors,
    conflict: bool,
}

fn placement_id(id: &str) -> WebResult<PlacementId> {
    PlacementId::parse(id).map_err(|_| WebError::NotFound)
}

fn schedule_key(s: polku_domain::Schedule) -> &'static str {
    use polku_domain::Schedule as S;
    match s {
        S::Daytime => "emp-schedule-daytime",
        S::Evenings => "emp-schedule-evenings",
        S::Nights => "emp-schedule-nights",
        S::Weekends => "emp-schedule-weekends",
        S::Flexible => "emp-schedule-flexible",
    }
}

fn group_key(c: DataCategory) -> &'static str {
    match c {
        DataCategory::Skills => "proposal-group-skills",
        DataCategory::Languages => "proposal-group-languages",
        _ => "proposal-group-functioning",
    }
}

async fn skill_labels(
    state: &AppState,
    ctx: &Ctx,
    uris: &[polku_domain::EscoUri],
) -> WebResult<String> {
    let found = state
        .service
        .esco_labels(uris, data_lang(ctx.locale))
        .await?;
    Ok(found
        .into_iter()
        .map(|h| h.label)
        .collect::<Vec<_>>()
        .join(", "))
}

/// A plain statement in the page's language.
async fn sentence(state: &AppState, ctx: &Ctx, p: &Plain) -> WebResult<String> {
    Ok(match p {
        Plain::Independent => ctx.t("proposal-fit-independent"),
        Plain::NeedsInduction { skills } => ctx.ts(
            "proposal-fit-induction",
            "skills",
            &skill_labels(state, ctx, skills).await?,
        ),
        Plain::NeedsTraining { skills } => ctx.ts(
            "proposal-fit-training",
            "skills",
            &skill_labels(state, ctx, skills).await?,
        ),
        Plain::LanguageEnough { language } => ctx.ts(
            "proposal-fit-language",
            "language",
            &language_name(language.as_str(), ctx.locale),
        ),
        Plain::LanguageSupport { language } => ctx.ts(
            "proposal-fit-language-support",
            "language",
            &language_name(language.as_str(), ctx.locale),
        ),
        Plain::SuitsAsIs => ctx.t("proposal-fit-suits"),
        Plain::SuitsWith { accommodations } => ctx.ts(
            "proposal-fit-suits-with",
            "accommodations",
            &accommodations
                .iter()
                .map(|a| accommodation_label(a, ctx.locale))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Plain::AgreeWithCoach => ctx.t("proposal-fit-agree"),
    })
}

/// The pay-subsidy section in words (kept in one place with the service's one).
fn subsidy_text(ctx: &Ctx, e: &EmployerProposal) -> Option<String> {
    if !e.subsidy.pay_subsidy {
        return None;
    }
    Some(match &e.subsidy.pay {
        Some(s) => explain::subsidy(ctx, Some(s)),
        None => ctx.t("proposal-subsidy-no-wage"),
    })
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    e: EmployerProposal,
    form: Option<AnswerForm>,
    errors: FieldErrors,
    conflict: bool,
) -> WebResult<Response> {
    let v = &e.view;
    let p = &v.placement;
    let mut tasks = Vec::new();
    for t in &e.tasks {
        let mut fit = Vec::new();
        for s in &t.fit {
            fit.push(sentence(state, ctx, s).await?);
        }
        tasks.push(TaskRow {
            title: t.title.clone(),
            hours: t.hours_per_week,
            days: t.days_per_week,
            schedule: ctx.t(schedule_key(t.schedule)),
            fit,
        });
    }
    let mut terms = vec![(
        ctx.t("proposal-term-start"),
        format::date(ctx.locale, p.starts_on),
    )];
    if let Some(end) = p.ends_on {
        terms.push((ctx.t("proposal-term-end"), format::date(ctx.locale, end)));
    }
    let n = |x: u8| Arg::Num(f64::from(x));
    terms.push((
        ctx.t("proposal-term-time"),
        explain::tx(
            ctx,
            "proposal-term-time-value",
            &[("hours", n(p.hours_per_day)), ("days", n(p.days_per_week))],
        ),
    ));
    if let Some(m) = &v.mentor_name {
        terms.push((ctx.t("proposal-term-mentor"), m.clone()));
    }
    terms.push((ctx.t("proposal-term-coach"), v.coach_name.clone()));
    let not_shared = (!e.not_shared.is_empty()).then(|| {
        e.not_shared
            .iter()
            .map(|&c| ctx.t(group_key(c)))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let adjustments = e.adjustments.as_ref().map(|a| {
        (
            explain::accommodations(ctx, &a.accommodations, &a.subsidies),
            tx_euros(ctx, "proposal-adjustments-total", a.cost_eur as f64, &[]),
        )
    });
    let answered = p.answer.map(|a| {
        let text = ctx.t(&format!("proposal-answer-{}", a.as_str()));
        match &p.answer_reason {
            Some(r) => format!("{text}: {r}"),
            None => text,
        }
    });
    let preview = v.role != PlacementRole::Employer;
    let form = (!preview && p.state == PlacementState::Proposed).then(|| {
        let mut f = form.unwrap_or_default();
        f.version = p.version;
        f
    });
    let who = v
        .participant_name
        .clone()
        .unwrap_or_else(|| ctx.t("proposal-person"));
    let page = ShowPage {
        ctx,
        heading: format!("{}: {who} – {}", ctx.t(kind_key(p.kind)), v.employer_name),
        action: format!("/proposals/{}/answer", p.id),
        state: ctx.t(&state_key(p.state)),
        preview,
        terms,
        total_hours: e.tasks.iter().map(|t| i64::from(t.hours_per_week)).sum(),
        tasks,
        not_shared,
        adjustments,
        subsidy: subsidy_text(ctx, &e),
        answered,
        form,
        errors,
        conflict,
    };
    let status = if conflict {
        StatusCode::CONFLICT
    } else if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(status, &page)
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let e = state
        .service
        .proposal_for_employer(&session.actor, placement_id(&id)?)
        .await?;
    page(&state, &ctx, e, None, FieldErrors::new(), false).await
}

pub async fn answer(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let typed = AnswerForm {
        answer: f.get("answer"),
        reason: f.get("reason"),
        version: 0,
    };
    let mut errors = FieldErrors::new();
    let version: Option<i64> = f.get("version").parse().ok();
    let answer = EmployerAnswer::parse(&typed.answer).ok();
    let (Some(version), Some(answer)) = (version, answer) else {
        // Access first: a proposal that is not the user's is "not found" whatever was typed.
        let e = state
            .service
            .proposal_for_employer(&session.actor, id)
            .await?;
        if version.is_none() {
            return Err(WebError::BadRequest("invalid_input"));
        }
        errors.add("answer", "proposal-answer-required");
        return page(&state, &ctx, e, Some(typed), errors, false).await;
    };
    let reason = (!typed.reason.is_empty()).then(|| typed.reason.clone());
    match state
        .service
        .answer_proposal(&session.actor, id, answer, reason, version)
        .await
    {
        Ok(_) => Ok(see_other_saved(&format!("/proposals/{id}"), Notice::Answer)),
        Err(ServiceError::Conflict { .. }) => {
            let e = state
                .service
                .proposal_for_employer(&session.actor, id)
                .await?;
            page(&state, &ctx, e, Some(typed), errors, true).await
        }
        Err(ServiceError::Invalid(DomainError::Rule { field, rule })) => {
            let e = state
                .service
                .proposal_for_employer(&session.actor, id)
                .await?;
            errors.add(field, &rule_key(rule));
            page(&state, &ctx, e, Some(typed), errors, false).await
        }
        Err(e) => Err(e.into()),
    }
}
