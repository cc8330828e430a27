//! One placement for the coach (or the coordinator who prepared it): its terms, what was
//! disclosed, the employer's answer, and the moves its state allows — confirm a prepared
//! proposal choosing the field groups to disclose (only those with consent in force), start,
//! complete, interrupt or withdraw (with a reason). The version travels in a hidden field; a
//! stale one shows the stored placement with a conflict message and changes nothing.

use super::common::{category_key, kind_key, rule_errors, state_key};
use super::form::{category_choices, Choice};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::pages::participants::common::{fmt_date, PURPOSE};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{
    AnswerChannel, DataCategory, EmployerAnswer, PlacementId, PlacementState, RecipientClass,
};
use polku_service::authz::PlacementRole;
use polku_service::placements::PlacementView;
use polku_service::ServiceError;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

/// One move the state allows, as a small form.
pub struct Move {
    pub to: &'static str,
    pub label_key: &'static str,
    pub needs_reason: bool,
    pub has_date: bool,
    pub date_key: &'static str,
    /// The ids (and error keys) of its fields: `<to>-reason`, `<to>-on`.
    pub reason_id: String,
    pub on_id: String,
    pub on: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "placements/detail.html")]
struct DetailPage<'a> {
    ctx: &'a Ctx,
    id: String,
    back_href: Option<String>,
    participant_name: Option<String>,
    employer: String,
    employer_href: String,
    opening: Option<String>,
    kind_key: &'static str,
    state_key: &'static str,
    pay_subsidy: bool,
    tasks: Vec<String>,
    starts: String,
    ends: String,
    hours_per_day: i64,
    days_per_week: i64,
    mentor: Option<String>,
    coach: String,
    disclosed: Vec<String>,
    answer_key: Option<&'static str>,
    answer_reason: Option<String>,
    /// How the answer came and who gave it, in words ("By phone from X on 3.2.2027").
    answer_how: Option<String>,
    /// The form to record an answer told by phone or e-mail (a proposal still waiting).
    told: Option<ToldForm>,
    end_reason: Option<String>,
    ended_on: Option<String>,
    version: String,
    moves: Vec<Move>,
    /// A prepared proposal the coach confirms: the field groups to choose.
    confirm: Option<Vec<Choice>>,
    errors: FieldErrors,
    conflict: bool,
}

/// The form for an answer the employer told by phone or e-mail, as typed.
pub struct ToldForm {
    pub answer: String,
    pub reason: String,
    pub contact: String,
    pub on: String,
    pub via: String,
}

impl ToldForm {
    fn empty(today: Date) -> ToldForm {
        ToldForm {
            answer: String::new(),
            reason: String::new(),
            contact: String::new(),
            on: iso(today),
            via: String::new(),
        }
    }

    fn read(f: &Fields) -> ToldForm {
        ToldForm {
            answer: f.get("answer"),
            reason: f.get("reason"),
            contact: f.get("contact"),
            on: f.get("on"),
            via: f.get("via"),
        }
    }
}

/// "By phone from X on 3.2.2027", "In the service on 3.2.2027" (nothing for an answer stored
/// before the channel was recorded).
fn answer_how(ctx: &Ctx, p: &polku_domain::Placement) -> Option<String> {
    let via = p.answer_via?;
    let on = fmt_date(ctx.locale, p.answered_at?.date());
    let contact = p.answer_contact.clone().unwrap_or_default();
    Some(match via {
        AnswerChannel::Service => ctx.ts("pl-answer-via-service", "date", &on),
        AnswerChannel::Phone => ctx.ts2("pl-answer-via-phone", "name", &contact, "date", &on),
        AnswerChannel::Email => ctx.ts2("pl-answer-via-email", "name", &contact, "date", &on),
    })
}

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn moves_for(v: &PlacementView, today: Date, form: Option<&Fields>) -> Vec<Move> {
    use PlacementState as S;
    let p = &v.placement;
    let list: &[(S, &str, bool, bool)] = match (v.role, p.state) {
        (PlacementRole::Coach, S::Prepared | S::Proposed) => {
            &[(S::Withdrawn, "pl-move-withdraw", true, false)]
        }
        (PlacementRole::Coordinator, S::Prepared) => {
            &[(S::Withdrawn, "pl-move-withdraw", true, false)]
        }
        (PlacementRole::Coach, S::Agreed) => &[
            (S::Active, "pl-move-start", false, true),
            (S::Interrupted, "pl-move-interrupt", true, true),
        ],
        (PlacementRole::Coach, S::Active) => &[
            (S::Completed, "pl-move-complete", false, true),
            (S::Interrupted, "pl-move-interrupt", true, true),
        ],
        _ => &[],
    };
    list.iter()
        .filter(|(to, ..)| p.state.may_move_to(*to))
        .map(|&(to, label_key, needs_reason, has_date)| {
            let mine = form.filter(|f| f.get("to") == to.as_str());
            Move {
                to: to.as_str(),
                label_key,
                needs_reason,
                has_date,
                date_key: if to == S::Active {
                    "pl-field-started-on"
                } else {
                    "pl-field-ended-on"
                },
                reason_id: format!("{}-reason", to.as_str()),
                on_id: format!("{}-on", to.as_str()),
                on: mine.map_or_else(|| iso(today), |f| f.get("on")),
                reason: mine.map(|f| f.get("reason")).unwrap_or_default(),
            }
        })
        .collect()
}

async fn consented(
    state: &AppState,
    session: &Session,
    v: &PlacementView,
) -> WebResult<Vec<DataCategory>> {
    let consents = state
        .service
        .consents(&session.actor, v.placement.participant_id, PURPOSE)
        .await?;
    let now = OffsetDateTime::now_utc();
    Ok(DataCategory::ALL
        .into_iter()
        .filter(|&c| {
            polku_service::consents::consented(&consents, RecipientClass::Employer, c, now)
        })
        .collect())
}

fn parse_id(id: &str) -> WebResult<PlacementId> {
    PlacementId::parse(id).map_err(|_| WebError::NotFound)
}

/// The placement for this page: only its coach and the project's coordinators.
async fn load(state: &AppState, session: &Session, id: PlacementId) -> WebResult<PlacementView> {
    let v = state.service.placement(&session.actor, id).await?;
    match v.role {
        PlacementRole::Coach | PlacementRole::Coordinator => Ok(v),
        _ => Err(WebError::NotFound),
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "the page is shown from show and after a refused change with its form and errors"
)]
async fn page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    v: PlacementView,
    form: Option<&Fields>,
    errors: FieldErrors,
    conflict: bool,
    status: StatusCode,
) -> WebResult<Response> {
    let today = crate::html::format::today();
    let moves = moves_for(&v, today, form);
    let confirm = if v.role == PlacementRole::Coach && v.placement.state == PlacementState::Prepared
    {
        let consented = consented(state, session, &v).await?;
        let chosen: Vec<String> = match form.filter(|f| f.get("to") == "proposed") {
            Some(f) => f.all("categories"),
            None => consented.iter().map(|c| c.as_str().to_owned()).collect(),
        };
        Some(category_choices(ctx, &chosen, &consented))
    } else {
        None
    };
    let told = (matches!(v.role, PlacementRole::Coach | PlacementRole::Coordinator)
        && v.placement.state == PlacementState::Proposed)
        .then(|| match form.filter(|f| f.get("to") == "answer") {
            Some(f) => ToldForm::read(f),
            None => ToldForm::empty(today),
        });
    let p = &v.placement;
    render_status(
        status,
        &DetailPage {
            ctx,
            id: p.id.to_string(),
            back_href: (v.role == PlacementRole::Coach)
                .then(|| format!("/participants/{}/placements", p.participant_id)),
            participant_name: v.participant_name.clone(),
            employer: v.employer_name.clone(),
            employer_href: format!("/employers/{}", p.employer_id),
            opening: v.opening_title.clone(),
            kind_key: kind_key(p.kind),
            state_key: state_key(p.state),
            pay_subsidy: p.pay_subsidy,
            tasks: v
                .tasks
                .iter()
                .map(|(_, title, hours)| {
                    ctx.ts2("pl-task-hours", "title", title, "hours", &hours.to_string())
                })
                .collect(),
            starts: fmt_date(ctx.locale, p.starts_on),
            ends: p
                .ends_on
                .map(|d| fmt_date(ctx.locale, d))
                .unwrap_or_else(|| ctx.t("pl-open-ended")),
            hours_per_day: i64::from(p.hours_per_day),
            days_per_week: i64::from(p.days_per_week),
            mentor: v.mentor_name.clone(),
            coach: v.coach_name.clone(),
            disclosed: p
                .categories
                .iter()
                .map(|c| ctx.t(&category_key(*c)))
                .collect(),
            answer_key: p.answer.map(|a| match a {
                EmployerAnswer::Yes => "pl-answer-yes",
                EmployerAnswer::Meet => "pl-answer-meet",
                EmployerAnswer::No => "pl-answer-no",
            }),
            answer_reason: p.answer_reason.clone(),
            answer_how: answer_how(ctx, p),
            told,
            end_reason: p.end_reason.clone(),
            ended_on: p.ended_on.map(|d| fmt_date(ctx.locale, d)),
            version: p.version.to_string(),
            moves,
            confirm,
            errors,
            conflict,
        },
    )
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let v = load(&state, &session, parse_id(&id)?).await?;
    page(
        &state,
        &session,
        &ctx,
        v,
        None,
        FieldErrors::new(),
        false,
        StatusCode::OK,
    )
    .await
}

/// Answers a change that did not go through: the page again, 409 with the stored placement
/// after a conflict, 422 with the field errors (renamed to the move's own fields) otherwise.
async fn again(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    id: PlacementId,
    fields: &Fields,
    e: ServiceError,
) -> WebResult<Response> {
    let v = load(state, session, id).await?;
    if let ServiceError::Conflict { .. } = e {
        return page(
            state,
            session,
            ctx,
            v,
            None,
            FieldErrors::new(),
            true,
            StatusCode::CONFLICT,
        )
        .await;
    }
    let to = fields.get("to");
    let mut errors = FieldErrors::new();
    for (field, key) in rule_errors(e)?.list() {
        let field = match field {
            "reason" | "on" => format!("{to}-{field}"),
            other => other.to_owned(),
        };
        errors.add(&field, key);
    }
    page(
        state,
        session,
        ctx,
        v,
        Some(fields),
        errors,
        false,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

pub async fn move_state(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = parse_id(&id)?;
    let to = PlacementState::parse(&fields.get("to")).map_err(|_| {
        ServiceError::Invalid(polku_domain::DomainError::Rule {
            field: "state",
            rule: "placement_state_move_not_allowed",
        })
    });
    let on = Date::parse(
        &fields.get("on"),
        format_description!("[year]-[month]-[day]"),
    );
    let version = fields.get("version").parse::<i64>().unwrap_or(0);
    let result = match (to, on) {
        (Err(e), _) => Err(e),
        (Ok(_), Err(_)) => Err(ServiceError::Invalid(polku_domain::DomainError::Rule {
            field: "on",
            rule: "date_invalid",
        })),
        (Ok(to), Ok(on)) => {
            let reason = Some(fields.get("reason"));
            state
                .service
                .move_placement(&session.actor, id, to, reason, on, version)
                .await
        }
    };
    match result {
        Ok(_) => Ok(see_other_saved(
            &format!("/placements/{id}"),
            Notice::PlacementMoved,
        )),
        Err(e) => again(&state, &session, &ctx, id, &fields, e).await,
    }
}

pub async fn confirm(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = parse_id(&id)?;
    let version = fields.get("version").parse::<i64>().unwrap_or(0);
    let mut categories = Vec::new();
    for c in fields.all("categories") {
        if let Ok(c) = DataCategory::parse(&c) {
            categories.push(c);
        }
    }
    let result = if categories.is_empty() {
        Err(ServiceError::Invalid(polku_domain::DomainError::Rule {
            field: "categories",
            rule: "proposal_needs_categories",
        }))
    } else {
        state
            .service
            .confirm_placement(&session.actor, id, Some(categories), version)
            .await
    };
    match result {
        Ok(_) => Ok(see_other_saved(
            &format!("/placements/{id}"),
            Notice::ProposalConfirmed,
        )),
        Err(e) => again(&state, &session, &ctx, id, &fields, e).await,
    }
}

/// The coach (or a coordinator) records the employer's answer told by phone or e-mail: the
/// answer (a no with its reason), who answered, on which day and how. Every field is checked
/// here or by the service; a refused form changes nothing and shows the errors on its fields.
pub async fn record_answer(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(mut fields): Form<Fields>,
) -> WebResult<Response> {
    let id = parse_id(&id)?;
    // The form's fields share the page with the moves: errors go to its own ids.
    fields.0.retain(|(k, _)| k != "to");
    fields.0.push(("to".to_owned(), "answer".to_owned()));
    let typed = ToldForm::read(&fields);
    let version = fields.get("version").parse::<i64>().unwrap_or(0);
    let mut errors = FieldErrors::new();
    let answer = EmployerAnswer::parse(&typed.answer).ok();
    if answer.is_none() {
        errors.add("answer", "proposal-answer-required");
    }
    let via = AnswerChannel::parse(&typed.via)
        .ok()
        .filter(|v| *v != AnswerChannel::Service);
    if via.is_none() {
        errors.add("via", "pl-told-via-required");
    }
    let on = Date::parse(&typed.on, format_description!("[year]-[month]-[day]")).ok();
    if on.is_none() {
        errors.add("answer-on", "rule-date-invalid");
    }
    let (Some(answer), Some(via), Some(on)) = (answer, via, on) else {
        let v = load(&state, &session, id).await?;
        return page(
            &state,
            &session,
            &ctx,
            v,
            Some(&fields),
            errors,
            false,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let told = polku_service::placements::ToldAnswer {
        via,
        contact: typed.contact.clone(),
        on,
    };
    let reason = Some(typed.reason.clone());
    match state
        .service
        .record_employer_answer(&session.actor, id, answer, reason, told, version)
        .await
    {
        Ok(_) => Ok(see_other_saved(
            &format!("/placements/{id}"),
            Notice::AnswerRecorded,
        )),
        Err(e) => again(&state, &session, &ctx, id, &fields, e).await,
    }
}
