//! Follow-ups after hiring (staying in work) through the API: the same use cases as the pages
//! (`polku_service::follow_ups`). A follow-up's `version` is its `ETag`; recording takes
//! `If-Match`. The participant's own coach only.

use super::io::{not_json, ok_tagged, parse, require_version, text, write_error};
use super::schemas::domain as schema;
use super::schemas::errors::{
    Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthenticated,
    UnsupportedMediaType,
};
use crate::error::{WebError, WebResult};
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_domain::{FollowUpId, FollowUpRecord, RetentionCheckpoint, StillWorking};
use polku_service::follow_ups::FollowUpView;
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;

/// What was recorded at a follow-up.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = FollowUpRecord)]
struct RecordIo {
    #[schema(value_type = schema::StillWorking)]
    still_working: StillWorking,
    #[schema(minimum = 0, maximum = 60)]
    hours_per_week: u8,
    /// The support given since the last follow-up.
    #[serde(default)]
    #[schema(max_length = 2000)]
    support_given: String,
    /// The job should be crafted again (tasks, hours).
    #[serde(default)]
    needs_recrafting: bool,
    #[serde(default)]
    #[schema(max_length = 2000)]
    note: String,
}

/// A follow-up. `version` is also the `ETag`.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = FollowUp)]
struct FollowUpOut {
    id: Uuid,
    placement: Uuid,
    participant: Uuid,
    participant_name: String,
    employer: Uuid,
    employer_name: String,
    #[schema(value_type = schema::RetentionCheckpoint)]
    checkpoint: RetentionCheckpoint,
    due_on: Date,
    /// Whole days past due (0 when not overdue or done).
    days_overdue: i64,
    /// When the placement ended, if it has; the follow-up is still done.
    #[schema(required = true)]
    placement_ended_on: Option<Date>,
    #[schema(required = true)]
    done_on: Option<Date>,
    #[schema(required = true)]
    record: Option<RecordIo>,
    #[schema(minimum = 1)]
    version: i64,
}

impl FollowUpOut {
    fn from_view(v: FollowUpView) -> Self {
        let f = v.follow_up;
        FollowUpOut {
            id: f.id.0,
            placement: f.placement_id.0,
            participant: f.participant_id.0,
            participant_name: v.participant_name,
            employer: v.employer_id.0,
            employer_name: v.employer_name,
            checkpoint: f.checkpoint,
            due_on: f.due_on,
            days_overdue: v.days_overdue,
            placement_ended_on: v.placement_ended_on,
            done_on: f.done_on,
            record: f.record.map(|r| RecordIo {
                still_working: r.still_working,
                hours_per_week: r.hours_per_week,
                support_given: r.support_given,
                needs_recrafting: r.needs_recrafting,
                note: r.note,
            }),
            version: f.version,
        }
    }
}

/// A list of follow-ups, by due date.
#[derive(Debug, Serialize, ToSchema)]
struct FollowUpList {
    items: Vec<FollowUpOut>,
}

/// The caller's follow-ups that are overdue or due this week.
#[derive(Debug, Serialize, ToSchema)]
struct DueList {
    /// Due before today and not done.
    overdue: Vec<FollowUpOut>,
    /// Due from today to Sunday (Finnish time).
    this_week: Vec<FollowUpOut>,
}

/// Follow-ups due.
///
/// The follow-ups of the caller's whole caseload that are overdue or due this week
/// (Monday–Sunday, Finnish time). Coaches only.
#[utoipa::path(
    get,
    path = "/api/v1/follow-ups",
    operation_id = "listDueFollowUps",
    tag = "follow-ups",
    responses(
        (status = 200, description = "Overdue and due this week.", body = DueList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    ),
)]
pub async fn due(State(state): State<AppState>, session: Session) -> WebResult<Response> {
    let d = state
        .service
        .due_follow_ups(&session.actor, polku_service::today())
        .await?;
    Ok(Json(DueList {
        overdue: d.overdue.into_iter().map(FollowUpOut::from_view).collect(),
        this_week: d
            .this_week
            .into_iter()
            .map(FollowUpOut::from_view)
            .collect(),
    })
    .into_response())
}

/// A participant's follow-ups.
///
/// Every follow-up of the participant, done or not, by due date. Own coach only.
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/follow-ups",
    operation_id = "listParticipantFollowUps",
    tag = "follow-ups",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    responses(
        (status = 200, description = "The follow-ups.", body = FollowUpList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn of_participant(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = super::io::participant_id(&id)?;
    let items = state
        .service
        .participant_follow_ups(&session.actor, id, polku_service::today())
        .await?
        .into_iter()
        .map(FollowUpOut::from_view)
        .collect();
    Ok(Json(FollowUpList { items }).into_response())
}

/// Record a follow-up.
///
/// Whether the person still works (same employer, another employer, not working), hours a week
/// (0–60; 0 when not working), the support given, whether the job needs crafting again, and a
/// note. Done today (Finnish time); recording again corrects the record. Own coach only.
#[utoipa::path(
    post,
    path = "/api/v1/follow-ups/{id}",
    operation_id = "recordFollowUp",
    tag = "follow-ups",
    params(
        ("id" = uuid::Uuid, Path, description = "The follow-up's id."),
        ("If-Match" = String, Header, description = "The follow-up's ETag."),
    ),
    request_body = RecordIo,
    responses(
        (status = 200, description = "Recorded.", body = FollowUpOut, headers(
            ("ETag" = String, description = "Its new version."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 412, response = PreconditionFailed),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
        (status = 428, response = PreconditionRequired),
    ),
)]
pub async fn record(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = FollowUpId::parse(&id).map_err(|_| WebError::NotFound)?;
    let today = polku_service::today();
    let current = state.service.follow_up(&session.actor, id, today).await?;
    require_version(&headers, current.follow_up.version)?;
    if let Some(res) = not_json(&headers) {
        return Ok(res);
    }
    let r: RecordIo = parse(text(&body)?)?;
    state
        .service
        .record_follow_up(
            &session.actor,
            id,
            FollowUpRecord {
                still_working: r.still_working,
                hours_per_week: r.hours_per_week,
                support_given: r.support_given,
                needs_recrafting: r.needs_recrafting,
                note: r.note,
            },
            today,
            current.follow_up.version,
        )
        .await
        .map_err(write_error)?;
    let view = state.service.follow_up(&session.actor, id, today).await?;
    let version = view.follow_up.version;
    Ok(ok_tagged(version, &FollowUpOut::from_view(view)))
}
