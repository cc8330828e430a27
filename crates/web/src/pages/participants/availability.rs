//! The availability tab: hours a week, days a week, evenings, nights and weekends, the home
//! municipality and the municipalities the person can travel to, and a driving licence.

use super::common::{checked, load, shown, Head, Shown};
use super::place;
use super::tab::{respond, save};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::notice::with_merged;
use crate::html::{render_status, Notice};
use crate::i18n::Locale;
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::labels::municipality_name;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::geo::Merger;
use polku_domain::{Availability, HoursRange, Mobility};
use polku_service::participants::{ParticipantChanges, ParticipantView};
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct AvailabilityForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    hours_min: String,
    #[serde(default)]
    hours_max: String,
    #[serde(default)]
    days_max: String,
    #[serde(default)]
    evenings: Option<String>,
    #[serde(default)]
    nights: Option<String>,
    #[serde(default)]
    weekends: Option<String>,
    #[serde(default)]
    home: String,
    #[serde(default)]
    acceptable: String,
    #[serde(default)]
    driving_licence: Option<String>,
}

fn on(b: bool) -> Option<String> {
    b.then(|| "on".to_owned())
}

impl AvailabilityForm {
    fn from_view(locale: Locale, v: &ParticipantView) -> AvailabilityForm {
        let a = &v.personal.availability;
        let m = &v.personal.mobility;
        AvailabilityForm {
            version: v.version.to_string(),
            hours_min: a.hours_per_week.min.to_string(),
            hours_max: a.hours_per_week.max.to_string(),
            days_max: a.days_per_week_max.to_string(),
            evenings: on(a.evenings),
            nights: on(a.nights),
            weekends: on(a.weekends),
            home: municipality_name(&m.home, locale),
            acceptable: m
                .acceptable
                .iter()
                .map(|c| municipality_name(c, locale))
                .collect::<Vec<_>>()
                .join(", "),
            driving_licence: on(m.driving_licence),
        }
    }
}

#[derive(Template)]
#[template(path = "participants/availability.html")]
struct AvailabilityPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    form: AvailabilityForm,
    municipality_names: Vec<&'static str>,
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let form = AvailabilityForm::from_view(ctx.locale, &view);
    render_status(
        StatusCode::OK,
        &AvailabilityPage {
            head: Head::new(&view, "/availability"),
            title_key: "p-tab-availability",
            errors: FieldErrors::new(),
            conflict: None,
            form,
            municipality_names: place::names(ctx.locale),
            ctx: &ctx,
        },
    )
}

/// The changes, with the former municipalities that were mapped to today's; or the errors.
fn parse(
    view: &ParticipantView,
    f: &AvailabilityForm,
) -> Result<(ParticipantChanges, Vec<&'static Merger>), FieldErrors> {
    let mut errors = FieldErrors::new();
    let num = |errors: &mut FieldErrors, field: &str, v: &str, max: u8, key: &str| match v
        .trim()
        .parse::<u8>()
    {
        Ok(n) if n <= max => n,
        _ => {
            errors.add(field, key);
            0
        }
    };
    let min = num(&mut errors, "hours_min", &f.hours_min, 60, "p-error-hours");
    let max = num(&mut errors, "hours_max", &f.hours_max, 60, "p-error-hours");
    let days = num(&mut errors, "days_max", &f.days_max, 7, "p-error-days");
    let home = place::one(&f.home, "home", &mut errors);
    let acceptable = place::list(&f.acceptable, "acceptable", &mut errors);
    let merged: Vec<&'static Merger> =
        home.merged
            .iter()
            .chain(&acceptable.merged)
            .fold(Vec::new(), |mut all, m| {
                if !all.contains(m) {
                    all.push(*m);
                }
                all
            });
    let availability = if errors.has("hours_min") || errors.has("hours_max") {
        None
    } else {
        match HoursRange::new(min, max) {
            Err(_) => {
                errors.add("hours_max", "p-error-hours-range");
                None
            }
            Ok(h) => Availability::new(
                h,
                days,
                checked(&f.evenings),
                checked(&f.nights),
                checked(&f.weekends),
            )
            .map_err(|_| errors.add("days_max", "p-error-days"))
            .ok(),
        }
    };
    match (home.codes.first(), availability) {
        (Some(home), Some(availability)) if errors.is_empty() => {
            let mut personal = view.personal.clone();
            personal.availability = availability;
            personal.mobility = Mobility {
                home: home.clone(),
                acceptable: acceptable.codes,
                driving_licence: checked(&f.driving_licence),
            };
            let changes = ParticipantChanges {
                personal,
                sensitive: view.sensitive.clone(),
                stage: view.stage,
            };
            Ok((changes, merged))
        }
        _ => Err(errors),
    }
}

fn current_values(ctx: &Ctx, v: &ParticipantView) -> Vec<Shown> {
    let f = AvailabilityForm::from_view(ctx.locale, v);
    let yes_no = |b: &Option<String>| ctx.t(if b.is_some() { "p-yes" } else { "p-no" });
    vec![
        shown(ctx.t("p-field-hours-min"), f.hours_min.clone()),
        shown(ctx.t("p-field-hours-max"), f.hours_max.clone()),
        shown(ctx.t("p-field-days-max"), f.days_max.clone()),
        shown(ctx.t("p-field-evenings"), yes_no(&f.evenings)),
        shown(ctx.t("p-field-nights"), yes_no(&f.nights)),
        shown(ctx.t("p-field-weekends"), yes_no(&f.weekends)),
        shown(ctx.t("p-field-home"), f.home.clone()),
        shown(ctx.t("p-field-acceptable"), f.acceptable.clone()),
        shown(ctx.t("p-field-driving-licence"), yes_no(&f.driving_licence)),
    ]
}

pub async fn submit(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<AvailabilityForm>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let (parsed, merged) = match parse(&view, &form) {
        Ok((changes, merged)) => (Ok(changes), merged),
        Err(errors) => (Err(errors), Vec::new()),
    };
    let saved = save(&state, &session, &view, &form.version, parsed).await?;
    let done = with_merged(&format!("/participants/{}/availability", view.id), &merged);
    let version = form.version.clone();
    let stored = async |current: &ParticipantView| Ok(current_values(&ctx, current));
    respond(
        saved,
        view,
        &version,
        &done,
        Notice::Availability,
        stored,
        async |again| {
            render_status(
                again.status,
                &AvailabilityPage {
                    head: Head::new(&again.view, "/availability"),
                    title_key: "p-tab-availability",
                    errors: again.errors,
                    conflict: again.conflict,
                    form: AvailabilityForm {
                        version: again.version,
                        ..form
                    },
                    municipality_names: place::names(ctx.locale),
                    ctx: &ctx,
                },
            )
        },
    )
    .await
}
