//! The ESF+ tab: the entry data (the ESF+ output indicators, asked in plain words, with
//! "declined to answer" kept apart from "not known" for every item), the leaving (date and
//! result, as the EURA 2021 exit form asks it) and the six-month follow-up after leaving. Three
//! forms, each saved on its own through the service (own coach only, version-checked, audited).

use super::common::{load, opt, Head, Opt};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{format, render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{
    Answer, DomainError, Education, EntryStatus, EsfEntryData, EsfRecord, EsfSpecial, Gender,
    Leaving, LeavingResult, SixMonths,
};
use polku_service::participants::ParticipantView;
use polku_service::ServiceError;
use serde::Deserialize;
use time::macros::format_description;
use time::Date;

/// Every field of the three forms (each form posts its own part).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct EsfForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    entered_on: String,
    #[serde(default)]
    gender: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    education: String,
    #[serde(default)]
    third_country: String,
    #[serde(default)]
    foreign_background: String,
    #[serde(default)]
    homeless: String,
    #[serde(default)]
    disability: String,
    #[serde(default)]
    minority: String,
    #[serde(default)]
    left_on: String,
    #[serde(default)]
    result: String,
    #[serde(default)]
    qualification: String,
    #[serde(default)]
    checked_on: String,
    #[serde(default)]
    employed: String,
    #[serde(default)]
    improved: String,
}

impl EsfForm {
    fn of(view: &ParticipantView, r: Option<&EsfRecord>) -> EsfForm {
        let Some(r) = r else {
            // A new record starts from the profile's current labour-market facts.
            use polku_domain::participant::LabourMarketStatus as L;
            let e = &view.personal.esf;
            let status = match e.labour_market_status {
                Some(L::Unemployed) if e.long_term_unemployed => "long_term_unemployed",
                Some(L::Unemployed) => "unemployed",
                Some(L::Employed) => "employed",
                Some(L::Inactive | L::InEducation) => "inactive",
                None => "",
            };
            return EsfForm {
                version: "0".into(),
                entered_on: view.waiting_since.to_string(),
                status: status.into(),
                ..EsfForm::default()
            };
        };
        let e = &r.entry;
        EsfForm {
            version: r.version.to_string(),
            entered_on: e.entered_on.to_string(),
            gender: e.gender.as_str().into(),
            status: e.status.as_str().into(),
            education: e.education.as_str().into(),
            third_country: e.third_country_national.as_str().into(),
            foreign_background: e.foreign_background.as_str().into(),
            homeless: e.homeless.as_str().into(),
            disability: e.special.disability.as_str().into(),
            minority: e.special.minority.as_str().into(),
            left_on: r.leaving.map(|l| l.left_on.to_string()).unwrap_or_default(),
            result: r
                .leaving
                .map(|l| l.result.as_str().to_owned())
                .unwrap_or_default(),
            qualification: r
                .leaving
                .map(|l| if l.qualification { "yes" } else { "no" }.to_owned())
                .unwrap_or_default(),
            checked_on: r
                .six_months
                .map(|s| s.checked_on.to_string())
                .unwrap_or_default(),
            employed: r
                .six_months
                .map(|s| s.employed.as_str().to_owned())
                .unwrap_or_default(),
            improved: r
                .six_months
                .map(|s| s.improved.as_str().to_owned())
                .unwrap_or_default(),
        }
    }
}

/// One radio question: its name, legend and options.
pub struct Question {
    pub name: &'static str,
    pub legend: String,
    pub options: Vec<Opt>,
}

#[derive(Template)]
#[template(path = "participants/esf.html")]
struct EsfPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<super::common::Shown>>,
    form: EsfForm,
    /// Whether the entry data is recorded (the leaving form needs it).
    recorded: bool,
    /// Whether the leaving is recorded (the follow-up form needs it).
    left: bool,
    age: String,
    due: String,
    entry_questions: Vec<Question>,
    special_questions: Vec<Question>,
    leaving_questions: Vec<Question>,
    six_questions: Vec<Question>,
}

fn question(
    ctx: &Ctx,
    name: &'static str,
    codes: &[&'static str],
    prefix: &str,
    current: &str,
) -> Question {
    Question {
        name,
        legend: ctx.t(&format!("esf-q-{}", name.replace('_', "-"))),
        options: codes
            .iter()
            .map(|c| {
                opt(
                    *c,
                    ctx.t(&format!("{prefix}{}", c.replace('_', "-"))),
                    current,
                )
            })
            .collect(),
    }
}

fn answers() -> Vec<&'static str> {
    Answer::ALL.iter().map(|a| a.as_str()).collect()
}

fn page<'a>(
    ctx: &'a Ctx,
    view: &ParticipantView,
    record: Option<&EsfRecord>,
    form: EsfForm,
    errors: FieldErrors,
) -> EsfPage<'a> {
    let q = |name, codes: &[&'static str], prefix, current: &str| {
        question(ctx, name, codes, prefix, current)
    };
    let yes_no = answers();
    let entry_questions = vec![
        q(
            "gender",
            &Gender::ALL.iter().map(|g| g.as_str()).collect::<Vec<_>>(),
            "esf-gender-",
            &form.gender,
        ),
        q(
            "status",
            &EntryStatus::ALL
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>(),
            "esf-status-",
            &form.status,
        ),
        q(
            "education",
            &Education::ALL
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>(),
            "esf-education-",
            &form.education,
        ),
        q("third_country", &yes_no, "esf-answer-", &form.third_country),
        q(
            "foreign_background",
            &yes_no,
            "esf-answer-",
            &form.foreign_background,
        ),
        q("homeless", &yes_no, "esf-answer-", &form.homeless),
    ];
    let special_questions = vec![
        q("disability", &yes_no, "esf-answer-", &form.disability),
        q("minority", &yes_no, "esf-answer-", &form.minority),
    ];
    let leaving_questions = vec![
        q(
            "result",
            &LeavingResult::ALL
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>(),
            "esf-result-",
            &form.result,
        ),
        q(
            "qualification",
            &["yes", "no"],
            "esf-answer-",
            &form.qualification,
        ),
    ];
    let six_questions = vec![
        q("employed", &yes_no, "esf-answer-", &form.employed),
        q("improved", &yes_no, "esf-answer-", &form.improved),
    ];
    EsfPage {
        head: Head::new(view, "/esf"),
        title_key: "p-tab-esf",
        errors,
        conflict: None,
        recorded: record.is_some(),
        left: record.is_some_and(|r| r.leaving.is_some()),
        age: record
            .and_then(|r| r.age_at_entry)
            .map_or_else(|| ctx.t("esf-answer-not-known"), |a| a.to_string()),
        due: record
            .and_then(EsfRecord::follow_up_due)
            .map(|d| format::date(ctx.locale, d))
            .unwrap_or_default(),
        entry_questions,
        special_questions,
        leaving_questions,
        six_questions,
        form,
        ctx,
    }
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let record = state.service.esf_record(&session.actor, view.id).await?;
    let form = EsfForm::of(&view, record.as_ref());
    render_status(
        StatusCode::OK,
        &page(&ctx, &view, record.as_ref(), form, FieldErrors::new()),
    )
}

fn date(errors: &mut FieldErrors, field: &str, s: &str) -> Option<Date> {
    Date::parse(s.trim(), format_description!("[year]-[month]-[day]"))
        .map_err(|_| errors.add(field, "esf-error-date"))
        .ok()
}

fn choice<T>(
    errors: &mut FieldErrors,
    field: &str,
    s: &str,
    parse: fn(&str) -> Result<T, DomainError>,
) -> Option<T> {
    parse(s)
        .map_err(|_| errors.add(field, "esf-error-choose"))
        .ok()
}

/// The field and message of a value the service refused.
fn refused(e: &DomainError) -> (&'static str, &'static str) {
    match e {
        DomainError::Invalid { field, reason } => match (*field, reason.as_str()) {
            ("entered_on", r) if r.contains("future") => ("entered_on", "esf-error-future"),
            ("entered_on", r) if r.contains("first") => ("left_on", "esf-error-entry-first"),
            ("entered_on", _) => ("entered_on", "esf-error-date"),
            ("left_on", r) if r.contains("future") => ("left_on", "esf-error-future"),
            ("left_on", r) if r.contains("first") => ("checked_on", "esf-error-leaving-first"),
            ("left_on", _) => ("left_on", "esf-error-left-before-entry"),
            ("checked_on", r) if r.contains("future") => ("checked_on", "esf-error-future"),
            ("checked_on", _) => ("checked_on", "esf-error-checked-early"),
            ("improved", r) if r.contains("entry") => ("improved", "esf-error-improved-entry"),
            ("improved", _) => ("improved", "esf-error-improved-work"),
            _ => ("form", "p-error-invalid"),
        },
        _ => ("form", "p-error-invalid"),
    }
}

/// Which form was posted.
#[derive(Clone, Copy)]
enum Part {
    Entry,
    Leaving,
    SixMonths,
}

async fn submit_part(
    ctx: Ctx,
    session: Session,
    state: AppState,
    id: String,
    form: EsfForm,
    part: Part,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let svc = &state.service;
    let actor = &session.actor;
    let today = format::today();
    let version = form.version.trim().parse::<i64>().unwrap_or(-1);
    let mut errors = FieldErrors::new();
    let e = &mut errors;
    let result = match part {
        Part::Entry => {
            let entered_on = date(e, "entered_on", &form.entered_on);
            let gender = choice(e, "gender", &form.gender, Gender::parse);
            let status = choice(e, "status", &form.status, EntryStatus::parse);
            let education = choice(e, "education", &form.education, Education::parse);
            let tcn = choice(e, "third_country", &form.third_country, Answer::parse);
            let fb = choice(
                e,
                "foreign_background",
                &form.foreign_background,
                Answer::parse,
            );
            let homeless = choice(e, "homeless", &form.homeless, Answer::parse);
            // The special-category questions are optional: unanswered is "not known".
            let optional = |s: &str| Answer::parse(s).unwrap_or(Answer::NotKnown);
            match (entered_on, gender, status, education, tcn, fb, homeless) {
                (
                    Some(entered_on),
                    Some(gender),
                    Some(status),
                    Some(education),
                    Some(t),
                    Some(f),
                    Some(h),
                ) => {
                    let entry = EsfEntryData {
                        entered_on,
                        gender,
                        status,
                        education,
                        third_country_national: t,
                        foreign_background: f,
                        homeless: h,
                        special: EsfSpecial {
                            disability: optional(&form.disability),
                            minority: optional(&form.minority),
                        },
                    };
                    Some(
                        svc.save_esf_entry(actor, view.id, entry, version, today)
                            .await,
                    )
                }
                _ => None,
            }
        }
        Part::Leaving => {
            let left_on = date(e, "left_on", &form.left_on);
            let result = choice(e, "result", &form.result, LeavingResult::parse);
            let qualification = match form.qualification.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => {
                    e.add("qualification", "esf-error-choose");
                    None
                }
            };
            match (left_on, result, qualification) {
                (Some(left_on), Some(result), Some(qualification)) => Some(
                    svc.record_leaving(
                        actor,
                        view.id,
                        Some(Leaving {
                            left_on,
                            result,
                            qualification,
                        }),
                        version,
                        today,
                    )
                    .await,
                ),
                _ => None,
            }
        }
        Part::SixMonths => {
            let checked_on = date(e, "checked_on", &form.checked_on);
            let employed = choice(e, "employed", &form.employed, Answer::parse);
            let improved = choice(e, "improved", &form.improved, Answer::parse);
            match (checked_on, employed, improved) {
                (Some(checked_on), Some(employed), Some(improved)) => Some(
                    svc.record_six_months(
                        actor,
                        view.id,
                        SixMonths {
                            checked_on,
                            employed,
                            improved,
                        },
                        version,
                        today,
                    )
                    .await,
                ),
                _ => None,
            }
        }
    };
    let status = match result {
        Some(Ok(_)) => {
            let notice = match part {
                Part::Entry => Notice::EsfEntry,
                Part::Leaving => Notice::EsfLeaving,
                Part::SixMonths => Notice::EsfSixMonths,
            };
            return Ok(see_other_saved(
                &format!("/participants/{}/esf", view.id),
                notice,
            ));
        }
        Some(Err(ServiceError::Invalid(d))) => {
            let (field, key) = refused(&d);
            errors.add(field, key);
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Some(Err(ServiceError::Conflict { .. })) => {
            errors.add("form", "esf-error-conflict");
            StatusCode::CONFLICT
        }
        Some(Err(other)) => return Err(other.into()),
        None => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let record = svc.esf_record(actor, view.id).await?;
    // After a conflict the form carries the stored version, so saving again is deliberate.
    let form = match (status, &record) {
        (StatusCode::CONFLICT, r) => EsfForm {
            version: r.as_ref().map_or(0, |r| r.version).to_string(),
            ..form
        },
        _ => form,
    };
    render_status(status, &page(&ctx, &view, record.as_ref(), form, errors))
}

pub async fn entry(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<EsfForm>,
) -> WebResult<Response> {
    submit_part(ctx, session, state, id, form, Part::Entry).await
}

pub async fn leaving(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<EsfForm>,
) -> WebResult<Response> {
    submit_part(ctx, session, state, id, form, Part::Leaving).await
}

pub async fn six_months(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<EsfForm>,
) -> WebResult<Response> {
    submit_part(ctx, session, state, id, form, Part::SixMonths).await
}
