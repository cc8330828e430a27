//! The trial agreement's pages: the agreement with each party's acceptance and the
//! "Hyväksyn sopimuksen" button (participant, employer users), the coach's form (prefilled from
//! the placement and its crafted job) and the coach's record of an acceptance signed on paper,
//! and the PDF download in Finnish, Swedish or English. The use cases are
//! `polku_service::agreements`; a party that may not see the placement gets 404.

pub mod pdf;

use crate::api::v1::io::rule_key;
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{format, render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::policy::{Policy, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{AgreementParty, AllowancePayer, DomainError, PlacementId, Role};
use polku_service::agreements::{AgreementInput, AgreementView, TermsChange};
use polku_service::authz::PlacementRole;
use polku_service::ServiceError;
use std::collections::HashMap;
use time::Date;

const PARTIES: Policy = Policy::AnyRole(&[
    Role::Coach,
    Role::Coordinator,
    Role::Employer,
    Role::Mentor,
    Role::Participant,
]);
const ACCEPTERS: Policy = Policy::AnyRole(&[Role::Employer, Role::Participant]);
const COACH: Policy = Policy::AnyRole(&[Role::Coach]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/placements/{id}/agreement", PARTIES, show)
        .get("/placements/{id}/agreement/edit", COACH, edit_form)
        .post("/placements/{id}/agreement/edit", COACH, update)
        .post("/placements/{id}/agreement/accept", ACCEPTERS, accept)
        .post("/placements/{id}/agreement/paper", COACH, paper)
        .get("/placements/{id}/agreement.pdf", PARTIES, download)
}

fn placement_id(id: &str) -> WebResult<PlacementId> {
    PlacementId::parse(id).map_err(|_| WebError::NotFound)
}

fn page_url(id: PlacementId) -> String {
    format!("/placements/{id}/agreement")
}

/// A party's line in the acceptance list.
#[derive(Debug)]
pub struct PartyRow {
    pub role: String,
    pub status: String,
    pub accepted: bool,
}

/// What the paper-acceptance form holds.
#[derive(Debug, Default)]
pub struct PaperValues {
    pub party: String,
    pub signer: String,
    pub on: String,
}

#[derive(Template)]
#[template(path = "agreements/show.html")]
struct ShowPage<'a> {
    ctx: &'a Ctx,
    url: String,
    title: String,
    facts: Vec<(String, String)>,
    objective: Option<String>,
    tasks: Vec<(String, u8)>,
    parties: Vec<PartyRow>,
    void: Vec<String>,
    version: i64,
    has_agreement: bool,
    may_accept: bool,
    can_edit: bool,
    party_options: Vec<(&'static str, String)>,
    paper: PaperValues,
    errors: FieldErrors,
}

async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    id: PlacementId,
    status: StatusCode,
    paper: PaperValues,
    errors: FieldErrors,
) -> WebResult<Response> {
    let v = state.service.agreement(&session.actor, id).await?;
    let t = |k: &str| ctx.t(k);
    let p = &v.placement.placement;
    let mut facts = Vec::new();
    if let Some(a) = &v.agreement {
        if let Some(doc_facts) = facts_of(state, ctx, &v, a) {
            facts = doc_facts;
        }
    }
    let parties = [
        AgreementParty::Participant,
        AgreementParty::Organiser,
        AgreementParty::Authority,
        AgreementParty::Coach,
    ]
    .into_iter()
    .map(|party| {
        let found = v
            .acceptances
            .iter()
            .find(|c| c.current && c.acceptance.party == party);
        PartyRow {
            role: t(pdf::party_key(party)),
            accepted: found.is_some(),
            status: found.map_or_else(
                || t("agreement-status-waiting"),
                |c| pdf::acceptance_text(&state.i18n, ctx.locale, c),
            ),
        }
    })
    .collect();
    let void = v
        .acceptances
        .iter()
        .filter(|c| !c.current)
        .map(|c| {
            format!(
                "{} ({}): {}",
                t(pdf::party_key(c.acceptance.party)),
                c.acceptance.agreement_version,
                pdf::acceptance_text(&state.i18n, ctx.locale, c)
            )
        })
        .collect();
    let is_coach = v.placement.role == PlacementRole::Coach;
    let agreed = p.state == polku_domain::PlacementState::Agreed;
    let page = ShowPage {
        ctx,
        url: page_url(id),
        title: t("agreement-page-title"),
        facts,
        objective: v.agreement.as_ref().map(|a| a.objective.clone()),
        tasks: v
            .placement
            .tasks
            .iter()
            .map(|(_, title, hours)| (title.clone(), *hours))
            .collect(),
        parties,
        void,
        version: v.agreement.as_ref().map_or(0, |a| a.version),
        has_agreement: v.agreement.is_some(),
        may_accept: v.may_accept_as.is_some(),
        can_edit: is_coach && agreed,
        party_options: AgreementParty::ALL
            .into_iter()
            .map(|party| (party.as_str(), t(pdf::party_key(party))))
            .collect(),
        paper,
        errors,
    };
    render_status(status, &page)
}

/// The agreement's facts as label–value pairs in the page's language.
fn facts_of(
    state: &AppState,
    ctx: &Ctx,
    v: &AgreementView,
    a: &polku_domain::TrialAgreement,
) -> Option<Vec<(String, String)>> {
    let t = |k: &str| ctx.t(k);
    let p = &v.placement.placement;
    let n = |x: u8| crate::i18n::Arg::Num(f64::from(x));
    let period = match p.ends_on {
        Some(end) => format!(
            "{}–{}",
            format::date(ctx.locale, p.starts_on),
            format::date(ctx.locale, end)
        ),
        None => format::date(ctx.locale, p.starts_on),
    };
    let amount = format::euros(ctx.locale, f64::from(a.allowance_per_day));
    Some(vec![
        (
            t("agreement-party-participant"),
            v.placement
                .participant_name
                .clone()
                .unwrap_or_else(|| t("agreement-name-not-shared")),
        ),
        (
            t("agreement-party-organiser"),
            format!("{} ({})", v.placement.employer_name, v.employer_business_id),
        ),
        (
            t("agreement-signatory"),
            format!("{}, {}", a.signatory_name, a.signatory_title),
        ),
        (
            t("agreement-mentor"),
            v.placement
                .mentor_name
                .clone()
                .or_else(|| a.mentor_name.clone())
                .unwrap_or_else(|| t("agreement-mentor-none")),
        ),
        (
            t("agreement-party-authority"),
            format!(
                "{}, {}, {}",
                a.authority_name, a.authority_organisation, a.authority_contact
            ),
        ),
        (t("agreement-period"), period),
        (
            t("agreement-hours"),
            state.i18n.text_with(
                ctx.locale,
                "agreement-working-time",
                &[("hours", n(p.hours_per_day)), ("days", n(p.days_per_week))],
            ),
        ),
        (
            t("agreement-section-allowance"),
            state.i18n.text_with(
                ctx.locale,
                match a.allowance_payer {
                    AllowancePayer::Kela => "agreement-allowance-kela",
                    AllowancePayer::Authority => "agreement-allowance-authority",
                },
                &[("amount", crate::i18n::Arg::Str(&amount))],
            ),
        ),
        (t("agreement-section-terms"), a.other_terms.clone()),
    ])
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let today = polku_service::today().to_string();
    let paper = PaperValues {
        party: String::new(),
        signer: String::new(),
        on: today,
    };
    show_page(
        &state,
        &ctx,
        &session,
        id,
        StatusCode::OK,
        paper,
        FieldErrors::new(),
    )
    .await
}

async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    pdf::download(
        &state,
        &session,
        id,
        q.get("lang").map(String::as_str),
        ctx.locale,
    )
    .await
}

/// A broken rule as a field error of the form.
fn rule_error(err: &ServiceError) -> Option<(&'static str, String)> {
    match err {
        ServiceError::Invalid(DomainError::Rule { field, rule }) => Some((field, rule_key(rule))),
        _ => None,
    }
}

async fn accept(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let version = fields.get("version").parse::<i64>().unwrap_or(0);
    match state
        .service
        .accept_agreement(&session.actor, id, version)
        .await
    {
        Ok(_) => Ok(see_other_saved(&page_url(id), Notice::AgreementAccepted)),
        Err(ServiceError::Conflict { .. }) => {
            let mut errors = FieldErrors::new();
            errors.add("accept", "agreement-conflict");
            show_page(
                &state,
                &ctx,
                &session,
                id,
                StatusCode::CONFLICT,
                PaperValues::default(),
                errors,
            )
            .await
        }
        Err(err) => match rule_error(&err) {
            Some((_, key)) => {
                let mut errors = FieldErrors::new();
                errors.add("accept", &key);
                show_page(
                    &state,
                    &ctx,
                    &session,
                    id,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    PaperValues::default(),
                    errors,
                )
                .await
            }
            None => Err(err.into()),
        },
    }
}

async fn paper(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let values = PaperValues {
        party: fields.get("party"),
        signer: fields.get("signer_name"),
        on: fields.get("on"),
    };
    let mut errors = FieldErrors::new();
    let party = AgreementParty::parse(&values.party).ok();
    if party.is_none() {
        errors.add("party", "rule-agreement-field-required");
    }
    let on = parse_date(&values.on);
    if on.is_none() {
        errors.add("on", "agreement-error-date");
    }
    let version = fields.get("version").parse::<i64>().unwrap_or(0);
    let result = match (party, on) {
        (Some(party), Some(on)) => Some(
            state
                .service
                .record_paper_acceptance(&session.actor, id, party, &values.signer, on, version)
                .await,
        ),
        _ => None,
    };
    match result {
        Some(Ok(_)) => return Ok(see_other_saved(&page_url(id), Notice::AgreementAccepted)),
        Some(Err(ServiceError::Conflict { .. })) => errors.add("party", "agreement-conflict"),
        Some(Err(err)) => match rule_error(&err) {
            Some((field, key)) => {
                let field = if field == "signer_name" {
                    "signer_name"
                } else {
                    field
                };
                errors.add(field, &key);
            }
            None => return Err(err.into()),
        },
        None => {}
    }
    show_page(
        &state,
        &ctx,
        &session,
        id,
        StatusCode::UNPROCESSABLE_ENTITY,
        values,
        errors,
    )
    .await
}

fn parse_date(s: &str) -> Option<Date> {
    Date::parse(
        s.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// The coach's form, as strings.
#[derive(Debug, Default)]
pub struct Values {
    pub objective: String,
    pub signatory_name: String,
    pub signatory_title: String,
    pub authority_name: String,
    pub authority_organisation: String,
    pub authority_contact: String,
    pub mentor_name: String,
    pub allowance_per_day: String,
    pub allowance_payer: String,
    pub other_terms: String,
    pub start: String,
    pub end: String,
    pub hours_per_day: String,
    pub days_per_week: String,
    /// Empty for the first save.
    pub version: String,
}

impl Values {
    fn read(f: &Fields) -> Values {
        Values {
            objective: f.get("objective"),
            signatory_name: f.get("signatory_name"),
            signatory_title: f.get("signatory_title"),
            authority_name: f.get("authority_name"),
            authority_organisation: f.get("authority_organisation"),
            authority_contact: f.get("authority_contact"),
            mentor_name: f.get("mentor_name"),
            allowance_per_day: f.get("allowance_per_day"),
            allowance_payer: f.get("allowance_payer"),
            other_terms: f.get("other_terms"),
            start: f.get("start"),
            end: f.get("end"),
            hours_per_day: f.get("hours_per_day"),
            days_per_week: f.get("days_per_week"),
            version: f.get("version"),
        }
    }

    fn of(v: &AgreementView) -> Values {
        let p = &v.placement.placement;
        let terms = Values {
            start: p.starts_on.to_string(),
            end: p.ends_on.map(|d| d.to_string()).unwrap_or_default(),
            hours_per_day: p.hours_per_day.to_string(),
            days_per_week: p.days_per_week.to_string(),
            allowance_per_day: "9".into(),
            allowance_payer: AllowancePayer::Kela.as_str().into(),
            ..Values::default()
        };
        match &v.agreement {
            Some(a) => Values {
                objective: a.objective.clone(),
                signatory_name: a.signatory_name.clone(),
                signatory_title: a.signatory_title.clone(),
                authority_name: a.authority_name.clone(),
                authority_organisation: a.authority_organisation.clone(),
                authority_contact: a.authority_contact.clone(),
                mentor_name: a.mentor_name.clone().unwrap_or_default(),
                allowance_per_day: a.allowance_per_day.to_string(),
                allowance_payer: a.allowance_payer.as_str().into(),
                other_terms: a.other_terms.clone(),
                version: a.version.to_string(),
                ..terms
            },
            None => {
                // Prefilled from the crafted job: its title and the tasks agreed.
                let tasks: Vec<&str> = v
                    .placement
                    .tasks
                    .iter()
                    .map(|(_, t, _)| t.as_str())
                    .collect();
                let objective = match &v.placement.opening_title {
                    Some(job) => format!("{job}: {}", tasks.join(", ")),
                    None => tasks.join(", "),
                };
                Values { objective, ..terms }
            }
        }
    }

    /// The input for the use case, or the fields that do not parse.
    fn input(&self, v: &AgreementView) -> Result<AgreementInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let start = parse_date(&self.start);
        if start.is_none() {
            errors.add("start", "agreement-error-date");
        }
        let end = if self.end.is_empty() {
            Some(None)
        } else {
            parse_date(&self.end).map(Some)
        };
        if end.is_none() {
            errors.add("end", "agreement-error-date");
        }
        let hours = self.hours_per_day.parse::<u8>().ok();
        if hours.is_none() {
            errors.add("hours_per_day", "rule-hours-per-day-range");
        }
        let days = self.days_per_week.parse::<u8>().ok();
        if days.is_none() {
            errors.add("days_per_week", "rule-days-per-week-range");
        }
        let allowance = self.allowance_per_day.parse::<u8>().ok();
        if allowance.is_none() {
            errors.add("allowance_per_day", "rule-allowance-rate");
        }
        let payer = AllowancePayer::parse(&self.allowance_payer).ok();
        if payer.is_none() {
            errors.add("allowance_payer", "rule-agreement-field-required");
        }
        let (Some(start), Some(end), Some(hours), Some(days), Some(allowance), Some(payer)) =
            (start, end, hours, days, allowance, payer)
        else {
            return Err(errors);
        };
        Ok(AgreementInput {
            objective: self.objective.clone(),
            signatory_name: self.signatory_name.clone(),
            signatory_title: self.signatory_title.clone(),
            authority_name: self.authority_name.clone(),
            authority_organisation: self.authority_organisation.clone(),
            authority_contact: self.authority_contact.clone(),
            mentor_name: Some(self.mentor_name.clone()),
            allowance_per_day: allowance,
            allowance_payer: payer,
            other_terms: self.other_terms.clone(),
            terms: Some(TermsChange {
                tasks: v.placement.placement.tasks.clone(),
                starts_on: start,
                ends_on: end,
                hours_per_day: hours,
                days_per_week: days,
            }),
        })
    }
}

#[derive(Template)]
#[template(path = "agreements/edit.html")]
struct EditPage<'a> {
    ctx: &'a Ctx,
    url: String,
    action: String,
    values: Values,
    errors: FieldErrors,
    has_mentor_user: bool,
}

fn edit_page(
    ctx: &Ctx,
    id: PlacementId,
    status: StatusCode,
    v: &AgreementView,
    values: Values,
    errors: FieldErrors,
) -> WebResult<Response> {
    render_status(
        status,
        &EditPage {
            ctx,
            url: page_url(id),
            action: format!("/placements/{id}/agreement/edit"),
            values,
            errors,
            has_mentor_user: v.placement.placement.mentor_id.is_some(),
        },
    )
}

async fn coach_view(
    state: &AppState,
    session: &Session,
    id: PlacementId,
) -> WebResult<AgreementView> {
    let v = state.service.agreement(&session.actor, id).await?;
    if v.placement.role != PlacementRole::Coach {
        return Err(WebError::NotFound);
    }
    Ok(v)
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let v = coach_view(&state, &session, id).await?;
    let values = Values::of(&v);
    edit_page(&ctx, id, StatusCode::OK, &v, values, FieldErrors::new())
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let v = coach_view(&state, &session, id).await?;
    let mut values = Values::read(&fields);
    let input = match values.input(&v) {
        Ok(i) => i,
        Err(errors) => {
            return edit_page(
                &ctx,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                &v,
                values,
                errors,
            )
        }
    };
    let expected = values.version.parse::<i64>().ok();
    match state
        .service
        .save_agreement(&session.actor, id, input, expected)
        .await
    {
        Ok(_) => Ok(see_other_saved(&page_url(id), Notice::Agreement)),
        Err(ServiceError::Conflict { .. }) => {
            let mut errors = FieldErrors::new();
            errors.add("objective", "agreement-conflict");
            values.version = v
                .agreement
                .as_ref()
                .map(|a| a.version.to_string())
                .unwrap_or_default();
            edit_page(&ctx, id, StatusCode::CONFLICT, &v, values, errors)
        }
        Err(err) => match rule_error(&err) {
            Some((field, key)) => {
                let mut errors = FieldErrors::new();
                errors.add(field, &key);
                edit_page(
                    &ctx,
                    id,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &v,
                    values,
                    errors,
                )
            }
            None => Err(err.into()),
        },
    }
}
