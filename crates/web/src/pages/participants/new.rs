//! Enrolling a participant: name, identity code (checked on its own, with a clear message for
//! each kind of mistake), contact, home municipality, working hours and ESF+ entry data. The
//! values stay in the form when something needs fixing.

use super::common::{coach_projects, domain_error, hetu_error_key, opt, Opt};
use super::fields_on::FieldsOn;
use super::place;
use super::profile::{esf_options, parse_status, parse_tri, BackgroundForm, EsfOptions};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::notice::with_merged;
use crate::html::{render, render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::geo::Merger;
use polku_domain::{
    Availability, Email, Hetu, HoursRange, Mobility, ParticipantId, ParticipantPersonal,
    ParticipantSensitive, PathStage, ProjectId,
};
use polku_service::participants::NewParticipant;
use polku_service::ServiceError;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct NewForm {
    #[serde(default)]
    project: String,
    #[serde(default)]
    given_name: String,
    #[serde(default)]
    family_name: String,
    #[serde(default)]
    hetu: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    home: String,
    #[serde(default)]
    hours_min: String,
    #[serde(default)]
    hours_max: String,
    #[serde(default)]
    days_max: String,
    #[serde(default)]
    labour_market_status: String,
    #[serde(default)]
    education_isced: String,
    #[serde(default)]
    long_term_unemployed: Option<String>,
    #[serde(default)]
    foreign_background: String,
    #[serde(default)]
    disability: String,
}

#[derive(Template)]
#[template(path = "participants/new.html")]
struct NewPage<'a> {
    ctx: &'a Ctx,
    errors: FieldErrors,
    form: NewForm,
    projects: Vec<Opt>,
    options: EsfOptions,
    municipality_names: Vec<&'static str>,
    /// The optional fields the form shows (R42): those on for the project.
    on: FieldsOn,
}

/// The project the form is for: the chosen one, or the coach's first.
fn chosen_project(session: &Session, form: &NewForm) -> Option<ProjectId> {
    let projects = coach_projects(session);
    projects
        .iter()
        .copied()
        .find(|p| p.to_string() == form.project)
        .or_else(|| projects.first().copied())
}

fn esf_of(f: &NewForm) -> BackgroundForm {
    BackgroundForm {
        labour_market_status: f.labour_market_status.clone(),
        education_isced: f.education_isced.clone(),
        long_term_unemployed: f.long_term_unemployed.clone(),
        foreign_background: f.foreign_background.clone(),
        disability: f.disability.clone(),
        ..BackgroundForm::default()
    }
}

async fn page<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    session: &Session,
    form: NewForm,
    errors: FieldErrors,
) -> WebResult<NewPage<'a>> {
    let projects = state
        .service
        .coach_projects(&session.actor)
        .await?
        .into_iter()
        .map(|p| opt(p.id.to_string(), p.name, &form.project))
        .collect();
    let options = esf_options(ctx, &esf_of(&form));
    let on = FieldsOn::load(state, session, chosen_project(session, &form)).await;
    Ok(NewPage {
        on,
        municipality_names: place::names(ctx.locale),
        ctx,
        errors,
        form,
        projects,
        options,
    })
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
) -> WebResult<Response> {
    let form = NewForm {
        hours_min: "10".into(),
        hours_max: "30".into(),
        days_max: "5".into(),
        ..NewForm::default()
    };
    render(&page(&state, &ctx, &session, form, FieldErrors::new()).await?)
}

fn number(errors: &mut FieldErrors, field: &str, v: &str, max: u8, key: &str) -> u8 {
    match v.trim().parse::<u8>() {
        Ok(n) if n <= max => n,
        _ => {
            errors.add(field, key);
            0
        }
    }
}

/// The participant described by the form, with the merger if the home municipality was given
/// by a former name; or the field errors.
fn parse(
    f: &NewForm,
    project: ProjectId,
    on: FieldsOn,
) -> Result<(NewParticipant, Vec<&'static Merger>), FieldErrors> {
    let mut errors = FieldErrors::new();
    if polku_domain::org::name("given_name", &f.given_name, 100).is_err() {
        errors.add("given_name", "p-error-name");
    }
    if polku_domain::org::name("family_name", &f.family_name, 100).is_err() {
        errors.add("family_name", "p-error-name");
    }
    let hetu = match f.hetu.trim() {
        "" => None,
        h => match Hetu::parse(h) {
            Ok(h) => Some(h),
            Err(polku_domain::DomainError::InvalidHetu(reason)) => {
                errors.add("hetu", hetu_error_key(reason));
                None
            }
            Err(_) => {
                errors.add("hetu", "p-error-hetu");
                None
            }
        },
    };
    let email = match f.email.trim() {
        "" => None,
        e => Email::parse(e)
            .map_err(|_| errors.add("email", "p-error-email"))
            .ok(),
    };
    let home = place::one(&f.home, "home", &mut errors);
    let merged = home.merged;
    let home = home.codes.into_iter().next();
    let min = number(&mut errors, "hours_min", &f.hours_min, 60, "p-error-hours");
    let max = number(&mut errors, "hours_max", &f.hours_max, 60, "p-error-hours");
    let days = number(&mut errors, "days_max", &f.days_max, 7, "p-error-days");
    let hours = HoursRange::new(min, max).map_err(|_| errors.add("hours_max", "p-error-hours"));
    let availability = hours.ok().and_then(|h| {
        Availability::new(h, days, false, false, false)
            .map_err(|_| errors.add("days_max", "p-error-days"))
            .ok()
    });
    let esf = esf_of(f);
    let (Some(home), Some(availability)) = (home, availability) else {
        return Err(errors);
    };
    let isced = match esf.education_isced.trim() {
        "" => None,
        i => i.parse::<u8>().ok().filter(|i| *i <= 8),
    };
    // The year of birth comes from the identity code, when the project records it (R42).
    let birth_year = hetu
        .as_ref()
        .filter(|_| on.birth_year)
        .and_then(|h| u16::try_from(h.birth_date().year()).ok());
    let personal = ParticipantPersonal {
        given_name: f.given_name.trim().to_owned(),
        family_name: f.family_name.trim().to_owned(),
        email,
        phone: Some(f.phone.trim().to_owned()).filter(|p| !p.is_empty()),
        hetu,
        languages: BTreeMap::new(),
        skills: Vec::new(),
        goals: Vec::new(),
        mobility: Mobility {
            home,
            acceptable: Vec::new(),
            driving_licence: false,
        },
        availability,
        esf: polku_domain::EsfEntry {
            labour_market_status: parse_status(&esf.labour_market_status),
            education_isced: isced,
            long_term_unemployed: super::common::checked(&esf.long_term_unemployed),
            birth_year,
            unemployed_since: None,
            foreign_background: parse_tri(&esf.foreign_background),
            disability: parse_tri(&esf.disability),
        },
    };
    if let Err(e) = personal.validate() {
        let (field, key) = domain_error(&e);
        errors.add(field, key);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let new = NewParticipant {
        id: ParticipantId::new(),
        project_id: project,
        coach_id: None,
        personal,
        sensitive: ParticipantSensitive::default(),
        stage: PathStage::Enrolled,
        waiting_since: crate::html::format::today(),
    };
    Ok((new, merged))
}

pub async fn submit(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Form(form): Form<NewForm>,
) -> WebResult<Response> {
    let project = chosen_project(&session, &form).ok_or(WebError::Forbidden)?;
    let on = FieldsOn::load(&state, &session, Some(project)).await;
    let result = match parse(&form, project, on) {
        Err(errors) => Err(errors),
        Ok((new, merged)) => match state
            .service
            .create_participant(&session.actor, new, super::common::PURPOSE)
            .await
        {
            Ok(id) => {
                return Ok(see_other_saved(
                    &with_merged(&format!("/participants/{id}"), &merged),
                    Notice::ParticipantAdded,
                ))
            }
            Err(ServiceError::Duplicate(_)) => {
                let mut e = FieldErrors::new();
                e.add("hetu", "p-error-hetu-duplicate");
                Err(e)
            }
            Err(ServiceError::Invalid(e)) => {
                let mut errors = FieldErrors::new();
                let (field, key) = domain_error(&e);
                errors.add(field, key);
                Err(errors)
            }
            Err(e) => return Err(e.into()),
        },
    };
    match result {
        Ok(()) => Ok(see_other_saved("/participants", Notice::ParticipantAdded)),
        Err(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(&state, &ctx, &session, form, errors).await?,
        ),
    }
}
