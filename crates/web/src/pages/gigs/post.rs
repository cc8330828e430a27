//! Posting a gig: the employer (one the user represents, or of a project they coordinate),
//! then day, start, hours, place, the employer's tasks and how many people.

use super::common::rule_key;
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{format, render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::gig::parse_start;
use polku_domain::{DomainError, EmployerId, GigHours, TaskId};
use polku_service::gigs::NewGig;
use polku_service::ServiceError;
use serde::Deserialize;
use time::macros::format_description;
use time::Date;

#[derive(Debug, Default, Deserialize)]
pub struct Which {
    #[serde(default)]
    employer: Option<String>,
}

/// The form's values as typed.
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub on: String,
    pub starts_at: String,
    pub hours: String,
    pub municipality: String,
    pub place: String,
    pub tasks: Vec<String>,
    pub places: String,
}

#[derive(Template)]
#[template(path = "gigs/post.html")]
struct FormPage<'a> {
    ctx: &'a Ctx,
    /// (id, name) of the employers to choose from, when none is chosen yet.
    choose: Vec<(String, String)>,
    employer: Option<(String, String)>,
    tasks: Vec<(String, String)>,
    values: Values,
    errors: FieldErrors,
}

async fn employer_of(
    state: &AppState,
    session: &Session,
    which: Option<&str>,
) -> WebResult<(Vec<(EmployerId, String)>, Option<(EmployerId, String)>)> {
    let mine = state.service.gig_employers(&session.actor).await?;
    if mine.is_empty() {
        return Err(WebError::NotFound);
    }
    let chosen = match which.filter(|s| !s.is_empty()) {
        Some(s) => {
            let id = EmployerId::parse(s).map_err(|_| WebError::NotFound)?;
            Some(
                mine.iter()
                    .find(|(e, _)| *e == id)
                    .cloned()
                    .ok_or(WebError::NotFound)?,
            )
        }
        None if mine.len() == 1 => mine.first().cloned(),
        None => None,
    };
    Ok((mine, chosen))
}

async fn form(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    which: Option<&str>,
    values: Values,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let (mine, chosen) = employer_of(state, session, which).await?;
    let tasks = match &chosen {
        Some((id, _)) => state
            .service
            .gig_tasks(&session.actor, *id)
            .await?
            .into_iter()
            .map(|(t, title)| (t.to_string(), title))
            .collect(),
        None => Vec::new(),
    };
    render_status(
        status,
        &FormPage {
            ctx,
            choose: if chosen.is_none() {
                mine.into_iter()
                    .map(|(id, n)| (id.to_string(), n))
                    .collect()
            } else {
                Vec::new()
            },
            employer: chosen.map(|(id, n)| (id.to_string(), n)),
            tasks,
            values,
            errors,
        },
    )
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Query(which): Query<Which>,
) -> WebResult<Response> {
    let values = Values {
        starts_at: "09:00".into(),
        hours: "4".into(),
        places: "1".into(),
        ..Values::default()
    };
    form(
        &state,
        &ctx,
        &session,
        which.employer.as_deref(),
        values,
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// The gig the form describes, or the errors next to their fields.
fn parse(values: &Values, employer: EmployerId) -> Result<NewGig, FieldErrors> {
    let mut errors = FieldErrors::new();
    let on = Date::parse(&values.on, format_description!("[year]-[month]-[day]")).ok();
    if on.is_none() {
        errors.add("on", "gig-error-date");
    }
    let start = parse_start(&values.starts_at).ok();
    if start.is_none() {
        errors.add("starts_at", "rule-gig-start-time");
    }
    let hours = GigHours::parse(&values.hours).ok();
    if hours.is_none() {
        errors.add("hours", "rule-gig-hours-range");
    }
    let municipality = if values.municipality.is_empty() {
        Ok(None)
    } else {
        polku_domain::MunicipalityCode::known(&values.municipality)
            .map(Some)
            .or_else(|_| {
                polku_domain::geo::municipality_by_name(&values.municipality)
                    .map(|m| Some(m.code.clone()))
                    .ok_or(())
            })
    };
    if municipality.is_err() {
        errors.add("municipality", "gig-error-municipality");
    }
    let places = values
        .places
        .parse::<u8>()
        .ok()
        .filter(|p| (1..=20).contains(p));
    if places.is_none() {
        errors.add("places", "rule-gig-places-range");
    }
    let tasks: Vec<TaskId> = values
        .tasks
        .iter()
        .filter_map(|t| TaskId::parse(t).ok())
        .collect();
    if tasks.is_empty() {
        errors.add("tasks", "rule-placement-needs-tasks");
    }
    if values.place.is_empty() {
        errors.add("place", "rule-gig-place-required");
    }
    match (on, start, hours, municipality, places) {
        (Some(on), Some(starts_at), Some(hours), Ok(municipality), Some(places))
            if errors.is_empty() =>
        {
            Ok(NewGig {
                employer,
                on,
                starts_at,
                hours,
                municipality,
                place: values.place.clone(),
                tasks,
                places,
            })
        }
        _ => Err(errors),
    }
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let employer = fields.get("employer");
    let values = Values {
        on: fields.get("on"),
        starts_at: fields.get("starts_at"),
        hours: fields.get("hours"),
        municipality: fields.get("municipality"),
        place: fields.get("place"),
        tasks: fields.all("tasks"),
        places: fields.get("places"),
    };
    let (_, chosen) = employer_of(&state, &session, Some(&employer)).await?;
    let Some((employer_id, _)) = chosen else {
        return Err(WebError::NotFound);
    };
    let refused = |errors: FieldErrors| {
        form(
            &state,
            &ctx,
            &session,
            Some(&employer),
            values.clone(),
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let new = match parse(&values, employer_id) {
        Ok(n) => n,
        Err(errors) => return refused(errors).await,
    };
    match state
        .service
        .post_gig(&session.actor, new, format::today())
        .await
    {
        Ok(g) => Ok(see_other_saved(&format!("/gigs/{}", g.id), Notice::Gig)),
        Err(ServiceError::Invalid(DomainError::Rule { field, rule })) => {
            let mut errors = FieldErrors::new();
            errors.add(field, &rule_key(rule));
            refused(errors).await
        }
        Err(e) => Err(e.into()),
    }
}
