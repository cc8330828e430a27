//! A participant's meetings and plan through the API: the same use cases as the meetings and
//! plan tabs, for the participant's own coach. Meeting notes and plan texts are sealed at rest
//! by the service; every read is audited there.

use super::io::{created, invalid, participant_id, participant_write, service_err, FIELD_INVALID};
use super::schemas::domain as schema;
use super::schemas::errors::{Forbidden, Invalid, NotFound, Unauthenticated, UnsupportedMediaType};
use super::schemas::views::Created;
use crate::error::WebResult;
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_domain::PlaceType;
use polku_service::meetings::NewMeeting;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

const PURPOSE: &str = "service_delivery";

/// A meeting with the participant; the notes are sealed at rest.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Meeting)]
struct MeetingOut {
    #[schema(format = "uuid")]
    id: String,
    #[serde(with = "time::serde::rfc3339")]
    starts_at: OffsetDateTime,
    duration_min: u16,
    #[schema(value_type = schema::Place)]
    place: PlaceType,
    notes: String,
}

/// The participant's meetings, oldest first.
#[derive(Debug, Serialize, ToSchema)]
struct MeetingList {
    items: Vec<MeetingOut>,
}

/// Meetings with a participant.
///
/// The participant's meetings, oldest first, with their notes (sealed at rest). Own coach only;
/// another coach's participant is 404.
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/meetings",
    operation_id = "listMeetings",
    tag = "participants",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    responses(
        (status = 200, description = "The meetings.", body = MeetingList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn meetings(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let items: Vec<MeetingOut> = state
        .service
        .meetings(&session.actor, id, PURPOSE)
        .await?
        .into_iter()
        .map(|m| MeetingOut {
            id: m.id.to_string(),
            starts_at: m.starts_at,
            duration_min: m.duration_min,
            place: m.place,
            notes: m.notes,
        })
        .collect();
    Ok(Json(MeetingList { items }).into_response())
}

/// A meeting to record.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewMeeting)]
struct MeetingIn {
    /// RFC 3339 with offset.
    #[schema(format = DateTime)]
    starts_at: String,
    #[schema(maximum = 65535)]
    duration_min: u16,
    #[schema(value_type = schema::Place)]
    place: PlaceType,
    #[serde(default)]
    notes: String,
}

/// Record a meeting.
///
/// A meeting in the office, outside it, remote or at a pop-up point, with its length and notes.
#[utoipa::path(
    post,
    path = "/api/v1/participants/{id}/meetings",
    operation_id = "recordMeeting",
    tag = "participants",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    request_body = MeetingIn,
    responses(
        (status = 201, description = "Recorded.", body = Created, headers(
            ("Location" = String, description = "The participant's meetings."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn add_meeting(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let m: MeetingIn = match participant_write(&state, &session.actor, id, &headers, &body).await? {
        Ok(body) => body,
        Err(res) => return Ok(res),
    };
    let starts_at = OffsetDateTime::parse(m.starts_at.trim(), &Rfc3339)
        .map_err(|_| invalid("starts_at", FIELD_INVALID))?;
    let meeting = state
        .service
        .record_meeting(
            &session.actor,
            NewMeeting {
                participant_id: id,
                starts_at,
                duration_min: m.duration_min,
                place: m.place,
                notes: m.notes,
            },
            PURPOSE,
        )
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    Ok(created(
        format!("/api/v1/participants/{id}/meetings"),
        json!({ "id": meeting }),
    ))
}

/// A step of the participant's plan; the text is sealed at rest.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = PlanItem)]
struct PlanOut {
    #[schema(format = "uuid")]
    id: String,
    text: String,
    #[schema(required = true)]
    due: Option<Date>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(required = true)]
    done_at: Option<OffsetDateTime>,
    version: i64,
}

/// The participant's plan, oldest step first.
#[derive(Debug, Serialize, ToSchema)]
struct PlanList {
    items: Vec<PlanOut>,
}

/// The participant's plan.
///
/// The steps agreed with the participant, oldest first (texts sealed at rest). Own coach only.
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/plan",
    operation_id = "listPlan",
    tag = "participants",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    responses(
        (status = 200, description = "The plan.", body = PlanList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn plan(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let items: Vec<PlanOut> = state
        .service
        .plan_items(&session.actor, id, PURPOSE)
        .await?
        .into_iter()
        .map(|i| PlanOut {
            id: i.id.to_string(),
            text: i.text,
            due: i.due,
            done_at: i.done_at,
            version: i.version,
        })
        .collect();
    Ok(Json(PlanList { items }).into_response())
}

/// A step to add to the plan.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewPlanItem)]
struct PlanIn {
    #[schema(min_length = 1, max_length = 2000)]
    text: String,
    #[serde(default)]
    #[schema(format = Date)]
    due: Option<String>,
}

/// Add a step to the plan.
///
/// A step with an optional due date.
#[utoipa::path(
    post,
    path = "/api/v1/participants/{id}/plan",
    operation_id = "addPlanItem",
    tag = "participants",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    request_body = PlanIn,
    responses(
        (status = 201, description = "Added.", body = Created, headers(
            ("Location" = String, description = "The participant's plan."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn add_plan_item(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let p: PlanIn = match participant_write(&state, &session.actor, id, &headers, &body).await? {
        Ok(body) => body,
        Err(res) => return Ok(res),
    };
    // The contract says a date or nothing: an empty string is not "no date" (found by
    // schemathesis' negative data, R54).
    let due = match p.due.as_deref() {
        None => None,
        Some(d) => Some(
            Date::parse(d, time::macros::format_description!("[year]-[month]-[day]"))
                .map_err(|_| invalid("due", FIELD_INVALID))?,
        ),
    };
    if p.text.trim().is_empty() {
        return Err(invalid("text", FIELD_INVALID));
    }
    let item = state
        .service
        .add_plan_item(&session.actor, id, &p.text, due, PURPOSE)
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    Ok(created(
        format!("/api/v1/participants/{id}/plan"),
        json!({ "id": item }),
    ))
}
