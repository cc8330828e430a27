//! "Record an incoming referral" (a coach): a person who is not yet a participant is referred
//! to the project by Ohjaamo, the employment services, social services, another project or
//! elsewhere. The form is the "Refer a student" form with the source, the referring
//! organisation and the date; the person's consent is recorded the same way. The referral then
//! waits in the project's list, where a coach accepts it (creating the participant) or declines
//! it with a reason. Refused values are shown next to their fields and nothing is saved.

use super::common::form_refusal;
use super::new::{parse, render_mode};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{ProjectId, ReferralSource};
use polku_service::referral_intake::NewIntakeReferral;
use polku_service::ServiceError;
use time::Date;

pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
) -> WebResult<Response> {
    let today = polku_service::today().to_string();
    let form = Fields(vec![("referred_on".into(), today)]);
    render_mode(
        &state,
        &ctx,
        &session,
        true,
        form,
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// The intake referral the form describes, or the field errors.
fn parse_intake(f: &Fields, own: &[ProjectId]) -> Result<NewIntakeReferral, FieldErrors> {
    let base = parse(f, own);
    let mut errors = match &base {
        Ok(_) => FieldErrors::new(),
        Err(e) => e.clone(),
    };
    let source = ReferralSource::parse(&f.get("source"))
        .ok()
        .filter(|s| *s != ReferralSource::Institution);
    if source.is_none() {
        errors.add("source", "referral-error-way");
    }
    let referred_on = Date::parse(
        f.get("referred_on").trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok();
    if referred_on.is_none() {
        errors.add("referred_on", "referral-error-date");
    }
    match (base, source, referred_on, errors.is_empty()) {
        (Ok(b), Some(source), Some(referred_on), true) => Ok(NewIntakeReferral {
            project: b.project,
            source,
            organisation: b.organisation,
            referred_on,
            reason: b.reason,
            handover: b.handover,
            consent: b.consent,
        }),
        _ => Err(errors),
    }
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Form(form): Form<Fields>,
) -> WebResult<Response> {
    let own: Vec<ProjectId> = state
        .service
        .intake_projects(&session.actor)
        .await?
        .iter()
        .map(|p| p.id)
        .collect();
    let errors = match parse_intake(&form, &own) {
        Ok(new) => match state
            .service
            .record_intake_referral(&session.actor, new)
            .await
        {
            Ok(view) => {
                return Ok(see_other_saved(
                    &format!("/referrals/{}", view.id),
                    Notice::ReferralRecorded,
                ))
            }
            Err(ServiceError::Invalid(e)) => form_refusal(&e),
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    render_mode(
        &state,
        &ctx,
        &session,
        true,
        form,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
