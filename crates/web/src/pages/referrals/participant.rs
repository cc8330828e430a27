//! The participant's "Referrals" tab (own coach): the referrals in and out, newest first, with
//! their source or destination, date, reason, state and outcome, and a small form to record
//! one. A refused value is shown next to its field and nothing is saved.

use super::common::{refused, Row};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::pages::participants::common::{load, Head, Shown};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{ReferralDestination, ReferralDirection, ReferralSource};
use polku_service::participants::ParticipantView;
use polku_service::referrals::NewParticipantReferral;
use polku_service::ServiceError;
use time::macros::format_description;
use time::Date;

/// The sources a coach records (a school's referral arrives through the handover).
const SOURCES: [ReferralSource; 5] = [
    ReferralSource::Ohjaamo,
    ReferralSource::EmploymentServices,
    ReferralSource::SocialServices,
    ReferralSource::OtherProject,
    ReferralSource::Other,
];

/// One option of the "from or to" select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "referrals/participant.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    rows: Vec<Row>,
    ways: Vec<Choice>,
    form: Fields,
}

async fn page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    view: &ParticipantView,
    form: Fields,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let rows = state
        .service
        .participant_referrals(&session.actor, view.id)
        .await?
        .iter()
        .map(|v| Row::of(v, ctx.locale))
        .collect();
    let chosen = form.get("way");
    let ways = SOURCES
        .iter()
        .map(|s| {
            (
                format!("in:{}", s.as_str()),
                format!("referral-source-{}", s.as_str()),
            )
        })
        .chain(ReferralDestination::ALL.iter().map(|d| {
            (
                format!("out:{}", d.as_str()),
                format!("referral-destination-{}", d.as_str()),
            )
        }))
        .map(|(value, key)| Choice {
            selected: value == chosen,
            label: if value.starts_with("in:") {
                ctx.ts("referral-way-in", "from", &ctx.t(&key))
            } else {
                ctx.ts("referral-way-out", "to", &ctx.t(&key))
            },
            value,
        })
        .collect();
    render_status(
        status,
        &Page {
            ctx,
            head: Head::new(view, "/referrals"),
            title_key: "p-tab-referrals",
            errors,
            conflict: None,
            rows,
            ways,
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
    let today = crate::html::format::today();
    let form = Fields(vec![("referred_on".into(), today.to_string())]);
    page(
        &state,
        &session,
        &ctx,
        &view,
        form,
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// The referral the form describes, or the field errors.
fn parse(f: &Fields) -> Result<NewParticipantReferral, FieldErrors> {
    let mut errors = FieldErrors::new();
    let way = f.get("way");
    let (direction, source, destination) = match way.split_once(':') {
        Some(("in", s)) => match ReferralSource::parse(s) {
            Ok(s) if s != ReferralSource::Institution => {
                (ReferralDirection::Incoming, Some(s), None)
            }
            _ => {
                errors.add("way", "referral-error-way");
                (ReferralDirection::Incoming, None, None)
            }
        },
        Some(("out", d)) => match ReferralDestination::parse(d) {
            Ok(d) => (ReferralDirection::Outgoing, None, Some(d)),
            Err(_) => {
                errors.add("way", "referral-error-way");
                (ReferralDirection::Outgoing, None, None)
            }
        },
        _ => {
            errors.add("way", "referral-error-way");
            (ReferralDirection::Incoming, None, None)
        }
    };
    if f.get("organisation").trim().is_empty() {
        errors.add("organisation", "referral-error-organisation");
    }
    let referred_on = Date::parse(
        f.get("referred_on").trim(),
        format_description!("[year]-[month]-[day]"),
    )
    .map_err(|_| errors.add("referred_on", "referral-error-date"))
    .ok();
    if f.get("reason").trim().is_empty() {
        errors.add("reason", "rule-referral-reason-required");
    }
    match (referred_on, errors.is_empty()) {
        (Some(referred_on), true) => Ok(NewParticipantReferral {
            direction,
            source,
            destination,
            organisation: f.get("organisation"),
            referred_on,
            reason: f.get("reason"),
            status: None,
            outcome: String::new(),
            outcome_on: None,
        }),
        _ => Err(errors),
    }
}

pub async fn record(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<Fields>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let errors = match parse(&form) {
        Ok(new) => match state
            .service
            .record_referral(&session.actor, view.id, new)
            .await
        {
            Ok(_) => {
                return Ok(see_other_saved(
                    &format!("/participants/{}/referrals", view.id),
                    Notice::ReferralRecorded,
                ))
            }
            Err(ServiceError::Invalid(e)) => {
                let (field, key) = refused(&e);
                let field = match field.as_str() {
                    "source" | "destination" | "direction" => "way".to_owned(),
                    _ => field,
                };
                let mut errors = FieldErrors::new();
                errors.add(&field, &key);
                errors
            }
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    page(
        &state,
        &session,
        &ctx,
        &view,
        form,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
