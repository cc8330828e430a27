//! A participant's meetings and plan through the API: the same use cases as the meetings and
//! plan tabs, for the participant's own coach. Meeting notes and plan texts are sealed at rest
//! by the service; every read is audited there.

use super::io::{created, invalid, participant_id, participant_write, service_err, FIELD_INVALID};
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

const PURPOSE: &str = "service_delivery";

#[derive(Debug, Serialize)]
struct MeetingOut {
    id: String,
    #[serde(with = "time::serde::rfc3339")]
    starts_at: OffsetDateTime,
    duration_min: u16,
    place: PlaceType,
    notes: String,
}

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
    Ok(Json(json!({ "items": items })).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MeetingIn {
    starts_at: String,
    duration_min: u16,
    place: PlaceType,
    #[serde(default)]
    notes: String,
}

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

#[derive(Debug, Serialize)]
struct PlanOut {
    id: String,
    text: String,
    due: Option<Date>,
    #[serde(with = "time::serde::rfc3339::option")]
    done_at: Option<OffsetDateTime>,
    version: i64,
}

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
    Ok(Json(json!({ "items": items })).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanIn {
    text: String,
    #[serde(default)]
    due: Option<String>,
}

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
    let due = match p.due.as_deref().map(str::trim) {
        None | Some("") => None,
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
