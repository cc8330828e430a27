//! Proposals and placements through the API: the same use cases as the pages
//! (`polku_service::placements`). A placement's `version` is its `ETag`; every change takes
//! `If-Match`. A broken rule of law (trial hours, durations) is 422 with the field's path.

use super::io::{
    invalid, not_json, ok_tagged, parse, require_version, service_err, tagged, text, write_error,
    FIELD_MISSING,
};
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
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_domain::{
    AnswerChannel, DataCategory, EmployerAnswer, EmployerId, OpeningId, OpeningKind, ParticipantId,
    PlacementId, PlacementState, ProjectId, TaskId, UserId,
};
use polku_service::placements::{NewPlacement, PlacementView};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// One task of a placement.
#[derive(Debug, Serialize, ToSchema)]
struct PlacementTask {
    id: Uuid,
    title: String,
    hours_per_week: u8,
}

/// A proposal or placement. `version` is also the `ETag`. `participant_name` is present only
/// for those who may see it (the coach, the participant, an employer or mentor the contact
/// details are shared with).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Placement)]
pub struct PlacementOut {
    id: Uuid,
    participant: Uuid,
    #[schema(required = true)]
    participant_name: Option<String>,
    employer: Uuid,
    employer_name: String,
    #[schema(required = true)]
    opening: Option<Uuid>,
    #[schema(value_type = schema::OpeningKind)]
    kind: OpeningKind,
    pay_subsidy: bool,
    #[schema(value_type = schema::PlacementState)]
    state: PlacementState,
    tasks: Vec<PlacementTask>,
    start: Date,
    #[schema(required = true)]
    end: Option<Date>,
    hours_per_day: u8,
    days_per_week: u8,
    #[schema(required = true)]
    mentor: Option<Uuid>,
    coach: Uuid,
    #[schema(value_type = Vec<schema::DataCategory>)]
    categories: Vec<DataCategory>,
    #[schema(value_type = Option<schema::EmployerAnswer>, required = true)]
    answer: Option<EmployerAnswer>,
    #[schema(required = true)]
    answer_reason: Option<String>,
    /// How the answer came (null before an answer, or when it was not recorded).
    #[schema(value_type = Option<schema::AnswerChannel>, required = true)]
    answer_via: Option<AnswerChannel>,
    /// For an answer told by phone or e-mail: the employer's person who gave it.
    #[schema(required = true)]
    answer_contact: Option<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(required = true)]
    proposed_at: Option<OffsetDateTime>,
    #[schema(required = true)]
    end_reason: Option<String>,
    #[schema(required = true)]
    ended_on: Option<Date>,
    /// The gig it fills (kind gig, offered from a posted gig).
    #[schema(required = true)]
    gig: Option<Uuid>,
    /// A gig's result: the hours actually worked.
    #[schema(required = true)]
    gig_hours: Option<f64>,
    #[schema(minimum = 1)]
    version: i64,
}

impl PlacementOut {
    pub fn from_view(v: PlacementView) -> Self {
        let p = v.placement;
        PlacementOut {
            id: p.id.0,
            participant: p.participant_id.0,
            participant_name: v.participant_name,
            employer: p.employer_id.0,
            employer_name: v.employer_name,
            opening: p.opening_id.map(|o| o.0),
            kind: p.kind,
            pay_subsidy: p.pay_subsidy,
            state: p.state,
            tasks: v
                .tasks
                .into_iter()
                .map(|(id, title, hours_per_week)| PlacementTask {
                    id: id.0,
                    title,
                    hours_per_week,
                })
                .collect(),
            start: p.starts_on,
            end: p.ends_on,
            hours_per_day: p.hours_per_day,
            days_per_week: p.days_per_week,
            mentor: p.mentor_id.map(|m| m.0),
            coach: p.coach_id.0,
            categories: p.categories,
            answer: p.answer,
            answer_reason: p.answer_reason,
            answer_via: p.answer_via,
            answer_contact: p.answer_contact,
            proposed_at: p.proposed_at,
            end_reason: p.end_reason,
            ended_on: p.ended_on,
            gig: p.gig_id.map(|g| g.0),
            gig_hours: p.gig_hours.map(polku_domain::GigHours::hours),
            version: p.version,
        }
    }
}

/// A list of placements, newest first.
#[derive(Debug, Serialize, ToSchema)]
struct PlacementList {
    items: Vec<PlacementOut>,
}

/// A proposal to make.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewPlacement)]
struct PlacementIn {
    participant: Uuid,
    employer: Uuid,
    #[serde(default)]
    opening: Option<Uuid>,
    #[schema(value_type = schema::OpeningKind)]
    kind: OpeningKind,
    /// A job with pay subsidy.
    #[serde(default)]
    pay_subsidy: bool,
    #[schema(min_items = 1)]
    tasks: Vec<Uuid>,
    /// `YYYY-MM-DD`.
    start: Date,
    /// `YYYY-MM-DD`; required for trials and gigs.
    #[serde(default)]
    end: Option<Date>,
    #[schema(minimum = 1, maximum = 24)]
    hours_per_day: u8,
    #[schema(minimum = 1, maximum = 7)]
    days_per_week: u8,
    #[serde(default)]
    mentor: Option<Uuid>,
    /// What to disclose to the employer; default: everything the participant has consented to
    /// disclosing to employers.
    #[serde(default)]
    #[schema(value_type = Option<Vec<schema::DataCategory>>)]
    categories: Option<Vec<DataCategory>>,
}

pub(super) fn placement_id(id: &str) -> WebResult<PlacementId> {
    PlacementId::parse(id).map_err(|_| WebError::NotFound)
}

pub(super) fn json_body<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: &[u8],
) -> WebResult<Result<T, Response>> {
    if let Some(res) = not_json(headers) {
        return Ok(Err(res));
    }
    Ok(Ok(parse(text(body)?)?))
}

/// Propose a participant to an employer.
///
/// The participant's coach proposes at once: the employer's users get a share of what the
/// participant has consented to disclosing to employers. A coordinator's proposal is prepared
/// for the coach to confirm. The terms are checked against the law (work trial 4–8 hours a day,
/// at most 5 days a week, at most 6 months with one organiser and 12 in all; education trial at
/// most 10 days; no work trial where the participant already works).
#[utoipa::path(
    post,
    path = "/api/v1/placements",
    operation_id = "proposePlacement",
    tag = "placements",
    request_body = PlacementIn,
    responses(
        (status = 201, description = "Proposed (or prepared).", body = PlacementOut, headers(
            ("Location" = String, description = "The placement."),
            ("ETag" = String, description = "Its version."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn create(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let p: PlacementIn = match json_body(&headers, &body)? {
        Ok(p) => p,
        Err(res) => return Ok(res),
    };
    let placement = state
        .service
        .propose_placement(
            &session.actor,
            NewPlacement {
                participant: ParticipantId(p.participant),
                employer: EmployerId(p.employer),
                opening: p.opening.map(OpeningId),
                kind: p.kind,
                pay_subsidy: p.pay_subsidy,
                tasks: p.tasks.into_iter().map(TaskId).collect(),
                starts_on: p.start,
                ends_on: p.end,
                hours_per_day: p.hours_per_day,
                days_per_week: p.days_per_week,
                mentor: p.mentor.map(UserId),
                categories: p.categories,
                gig: None,
            },
        )
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    let view = state
        .service
        .placement(&session.actor, placement.id)
        .await?;
    let mut res = tagged(
        StatusCode::CREATED,
        view.placement.version,
        &PlacementOut::from_view(view),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/placements/{}", placement.id)) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

/// A placement.
///
/// For the participant's coach, the participant, the project's coordinators, the users of the
/// employer (once it is proposed) and the assigned workplace mentor (once agreed).
#[utoipa::path(
    get,
    path = "/api/v1/placements/{id}",
    operation_id = "getPlacement",
    tag = "placements",
    params(("id" = uuid::Uuid, Path, description = "The placement's id.")),
    responses(
        (status = 200, description = "The placement.", body = PlacementOut, headers(
            ("ETag" = String, description = "Its version."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let view = state
        .service
        .placement(&session.actor, placement_id(&id)?)
        .await?;
    Ok(tagged(
        StatusCode::OK,
        view.placement.version,
        &PlacementOut::from_view(view),
    ))
}

/// The employer's answer.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ProposalAnswer)]
struct AnswerIn {
    #[schema(value_type = schema::EmployerAnswer)]
    answer: EmployerAnswer,
    /// Required with `no`.
    #[serde(default)]
    #[schema(max_length = 2000)]
    reason: Option<String>,
    /// For the coach or a coordinator recording an answer told another way: `phone` or
    /// `email` (then `contact` and `on` are required). Omitted when the employer answers.
    #[serde(default)]
    #[schema(value_type = Option<schema::AnswerChannel>)]
    via: Option<AnswerChannel>,
    /// Who answered for the employer.
    #[serde(default)]
    #[schema(max_length = 200)]
    contact: Option<String>,
    /// The day the answer was given (not in the future).
    #[serde(default)]
    on: Option<Date>,
}

/// Answer a proposal.
///
/// `yes` agrees the placement, `meet` keeps it open for a meeting first, `no` declines it with a
/// reason (the shares it made are revoked). A user of the employer answers; the coach or a
/// coordinator records an answer told by phone or e-mail with `via`, `contact` and `on`
/// (audited with the channel).
#[utoipa::path(
    post,
    path = "/api/v1/placements/{id}/answer",
    operation_id = "answerProposal",
    tag = "placements",
    params(
        ("id" = uuid::Uuid, Path, description = "The placement's id."),
        ("If-Match" = String, Header, description = "The placement's ETag."),
    ),
    request_body = AnswerIn,
    responses(
        (status = 200, description = "Answered.", body = PlacementOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 412, response = PreconditionFailed),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
        (status = 428, response = PreconditionRequired),
    ),
)]
pub async fn answer(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let (expected, a): (i64, AnswerIn) =
        match versioned(&state, &session, id, &headers, &body).await? {
            Ok(x) => x,
            Err(res) => return Ok(res),
        };
    match (a.via, a.contact, a.on) {
        (None, None, None) => state
            .service
            .answer_proposal(&session.actor, id, a.answer, a.reason, expected)
            .await
            .map_err(write_error)?,
        (via, contact, on) => {
            let via = via.ok_or_else(|| invalid("via", FIELD_MISSING))?;
            let on = on.ok_or_else(|| invalid("on", FIELD_MISSING))?;
            let told = polku_service::placements::ToldAnswer {
                via,
                contact: contact.unwrap_or_default(),
                on,
            };
            state
                .service
                .record_employer_answer(&session.actor, id, a.answer, a.reason, told, expected)
                .await
                .map_err(write_error)?
        }
    };
    reply(&state, &session, id).await
}

/// A coordinator's prepared proposal, confirmed by the coach.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ProposalConfirmation)]
struct ConfirmIn {
    /// What to disclose; default: everything consented to employers.
    #[serde(default)]
    #[schema(value_type = Option<Vec<schema::DataCategory>>)]
    categories: Option<Vec<DataCategory>>,
}

/// Confirm a prepared proposal.
///
/// The participant's coach sends a proposal a coordinator prepared to the employer.
#[utoipa::path(
    post,
    path = "/api/v1/placements/{id}/confirm",
    operation_id = "confirmProposal",
    tag = "placements",
    params(
        ("id" = uuid::Uuid, Path, description = "The placement's id."),
        ("If-Match" = String, Header, description = "The placement's ETag."),
    ),
    request_body = ConfirmIn,
    responses(
        (status = 200, description = "Sent to the employer.", body = PlacementOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 412, response = PreconditionFailed),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
        (status = 428, response = PreconditionRequired),
    ),
)]
pub async fn confirm(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let (expected, c): (i64, ConfirmIn) =
        match versioned(&state, &session, id, &headers, &body).await? {
            Ok(x) => x,
            Err(res) => return Ok(res),
        };
    state
        .service
        .confirm_placement(&session.actor, id, c.categories, expected)
        .await
        .map_err(write_error)?;
    reply(&state, &session, id).await
}

/// A move of a placement to its next state.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = PlacementMove)]
struct MoveIn {
    /// `active`, `completed`, `interrupted` or `withdrawn`.
    #[schema(value_type = schema::PlacementState)]
    to: PlacementState,
    /// Required for `interrupted` and `withdrawn`.
    #[serde(default)]
    #[schema(max_length = 2000)]
    reason: Option<String>,
    /// The day it happened (default today in Finland).
    #[serde(default)]
    on: Option<Date>,
}

/// Move a placement on.
///
/// agreed → active (it started), active → completed, agreed or active → interrupted (with a
/// reason), prepared or proposed → withdrawn (with a reason). The participant's coach only.
#[utoipa::path(
    post,
    path = "/api/v1/placements/{id}/state",
    operation_id = "movePlacement",
    tag = "placements",
    params(
        ("id" = uuid::Uuid, Path, description = "The placement's id."),
        ("If-Match" = String, Header, description = "The placement's ETag."),
    ),
    request_body = MoveIn,
    responses(
        (status = 200, description = "Moved.", body = PlacementOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 412, response = PreconditionFailed),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
        (status = 428, response = PreconditionRequired),
    ),
)]
pub async fn move_to(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let (expected, m): (i64, MoveIn) =
        match versioned(&state, &session, id, &headers, &body).await? {
            Ok(x) => x,
            Err(res) => return Ok(res),
        };
    state
        .service
        .move_placement(
            &session.actor,
            id,
            m.to,
            m.reason,
            m.on.unwrap_or_else(polku_service::today),
            expected,
        )
        .await
        .map_err(write_error)?;
    reply(&state, &session, id).await
}

/// A participant's placements.
///
/// Every proposal and placement of the participant, newest first. Own coach only.
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/placements",
    operation_id = "listParticipantPlacements",
    tag = "placements",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    responses(
        (status = 200, description = "The placements.", body = PlacementList),
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
        .participant_placements(&session.actor, id)
        .await?
        .into_iter()
        .map(PlacementOut::from_view)
        .collect();
    Ok(Json(PlacementList { items }).into_response())
}

/// Proposals and placements of the employers the caller represents.
///
/// For employer users: what has been proposed to their employers and where it stands.
#[utoipa::path(
    get,
    path = "/api/v1/employer-placements",
    operation_id = "listMyEmployerPlacements",
    tag = "placements",
    responses(
        (status = 200, description = "The placements.", body = PlacementList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    ),
)]
pub async fn mine(State(state): State<AppState>, session: Session) -> WebResult<Response> {
    let items = state
        .service
        .my_employer_placements(&session.actor)
        .await?
        .into_iter()
        .map(PlacementOut::from_view)
        .collect();
    Ok(Json(PlacementList { items }).into_response())
}

/// An open proposal and how long it has waited.
#[derive(Debug, Serialize, ToSchema)]
struct WaitingOut {
    placement: Uuid,
    employer: Uuid,
    employer_name: String,
    coach_name: String,
    #[schema(value_type = schema::OpeningKind)]
    kind: OpeningKind,
    #[schema(value_type = schema::PlacementState)]
    state: PlacementState,
    days_waiting: i64,
}

/// Open proposals of a project.
#[derive(Debug, Serialize, ToSchema)]
struct WaitingList {
    items: Vec<WaitingOut>,
}

/// Open proposals of a project.
///
/// Every prepared or proposed placement of the project, per employer, with how many days it has
/// waited. For coordinators (every one) and coaches (their own). No participant data.
#[utoipa::path(
    get,
    path = "/api/v1/projects/{id}/proposals",
    operation_id = "listOpenProposals",
    tag = "placements",
    params(("id" = uuid::Uuid, Path, description = "The project's id.")),
    responses(
        (status = 200, description = "The open proposals.", body = WaitingList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn open_proposals(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let project = ProjectId::parse(&id).map_err(|_| WebError::NotFound)?;
    let items = state
        .service
        .open_proposals(&session.actor, project)
        .await?
        .into_iter()
        .map(|w| WaitingOut {
            placement: w.placement.id.0,
            employer: w.placement.employer_id.0,
            employer_name: w.employer_name,
            coach_name: w.coach_name,
            kind: w.placement.kind,
            state: w.placement.state,
            days_waiting: w.days_waiting,
        })
        .collect();
    Ok(Json(WaitingList { items }).into_response())
}

/// The placement is looked up first (404 for those who may not see it), then `If-Match` (428,
/// 412 when stale), then the body.
pub(super) async fn versioned<T: serde::de::DeserializeOwned>(
    state: &AppState,
    session: &Session,
    id: PlacementId,
    headers: &HeaderMap,
    body: &[u8],
) -> WebResult<Result<(i64, T), Response>> {
    let current = state.service.placement(&session.actor, id).await?;
    require_version(headers, current.placement.version)?;
    Ok(json_body(headers, body)?.map(|b| (current.placement.version, b)))
}

pub(super) async fn reply(
    state: &AppState,
    session: &Session,
    id: PlacementId,
) -> WebResult<Response> {
    let view = state.service.placement(&session.actor, id).await?;
    let version = view.placement.version;
    Ok(ok_tagged(version, &PlacementOut::from_view(view)))
}
