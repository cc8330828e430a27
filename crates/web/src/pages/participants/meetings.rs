//! The meetings tab: the participant's meetings (where, how long, notes; the notes are sealed
//! with the participant's key by the service) and a form to record a meeting.

use super::common::{fmt_datetime, from_helsinki, load, opt, Head, Opt, Shown};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::PlaceType;
use polku_service::meetings::NewMeeting;
use polku_service::participants::ParticipantView;
use polku_service::ServiceError;
use serde::Deserialize;
use time::macros::format_description;
use time::{Date, OffsetDateTime, Time};

pub struct MeetingRow {
    pub when: String,
    pub place_key: &'static str,
    pub duration: i64,
    pub notes: String,
}

fn place_key(p: PlaceType) -> &'static str {
    match p {
        PlaceType::Office => "p-place-office",
        PlaceType::OutsideOffice => "p-place-outside-office",
        PlaceType::Remote => "p-place-remote",
        PlaceType::PopUp => "p-place-pop-up",
    }
}

fn parse_place(s: &str) -> Option<PlaceType> {
    match s {
        "office" => Some(PlaceType::Office),
        "outside_office" => Some(PlaceType::OutsideOffice),
        "remote" => Some(PlaceType::Remote),
        "pop_up" => Some(PlaceType::PopUp),
        _ => None,
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct MeetingForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    time: String,
    #[serde(default)]
    duration_min: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    notes: String,
}

#[derive(Template)]
#[template(path = "participants/meetings.html")]
struct MeetingsPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    meetings: Vec<MeetingRow>,
    form: MeetingForm,
    places: Vec<Opt>,
}

async fn show_page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    view: &ParticipantView,
    form: MeetingForm,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let meetings = state
        .service
        .meetings(&session.actor, view.id, super::common::PURPOSE)
        .await?
        .into_iter()
        .rev()
        .map(|m| MeetingRow {
            when: fmt_datetime(ctx.locale, m.starts_at),
            place_key: place_key(m.place),
            duration: i64::from(m.duration_min),
            notes: m.notes,
        })
        .collect();
    let places = [
        ("office", "p-place-office"),
        ("outside_office", "p-place-outside-office"),
        ("remote", "p-place-remote"),
        ("pop_up", "p-place-pop-up"),
    ]
    .into_iter()
    .map(|(v, k)| opt(v, ctx.t(k), &form.place))
    .collect();
    render_status(
        status,
        &MeetingsPage {
            ctx,
            head: Head::new(view, "/meetings"),
            title_key: "p-tab-meetings",
            errors,
            conflict: None,
            meetings,
            form,
            places,
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
    let local = crate::html::format::in_helsinki(OffsetDateTime::now_utc());
    let form = MeetingForm {
        date: format!(
            "{:04}-{:02}-{:02}",
            local.year(),
            u8::from(local.month()),
            local.day()
        ),
        time: format!("{:02}:00", local.hour()),
        duration_min: "60".into(),
        place: "office".into(),
        notes: String::new(),
    };
    show_page(
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

pub async fn submit(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<MeetingForm>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let mut errors = FieldErrors::new();
    let date = Date::parse(
        form.date.trim(),
        format_description!("[year]-[month]-[day]"),
    )
    .map_err(|_| errors.add("date", "p-error-date"))
    .ok();
    let time = Time::parse(form.time.trim(), format_description!("[hour]:[minute]"))
        .map_err(|_| errors.add("time", "p-error-time"))
        .ok();
    let duration = match form.duration_min.trim().parse::<u16>() {
        Ok(d) if (5..=480).contains(&d) => d,
        _ => {
            errors.add("duration_min", "p-error-duration");
            0
        }
    };
    let place = parse_place(&form.place);
    if place.is_none() {
        errors.add("place", "p-error-place");
    }
    if form.notes.chars().count() > 10_000 {
        errors.add("notes", "p-error-notes");
    }
    if let (Some(date), Some(time), Some(place), true) = (date, time, place, errors.is_empty()) {
        let new = NewMeeting {
            participant_id: view.id,
            starts_at: from_helsinki(date, time),
            duration_min: duration,
            place,
            notes: form.notes.trim().to_owned(),
        };
        match state
            .service
            .record_meeting(&session.actor, new, super::common::PURPOSE)
            .await
        {
            Ok(_) => {
                return Ok(see_other_saved(
                    &format!("/participants/{}/meetings", view.id),
                    Notice::Meeting,
                ))
            }
            Err(ServiceError::Invalid(e)) => {
                let (field, key) = super::common::domain_error(&e);
                errors.add(field, key);
            }
            Err(e) => return Err(e.into()),
        }
    }
    show_page(
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
