//! Workplace mentoring through the API (`polku_service::mentoring`): the coach assigns the
//! mentor; the mentor lists their trialists, logs check-ins, gives per-task feedback and the
//! organiser's written feedback; the coach sees and decides the evidence it offers.

use super::io::{if_match, ok_tagged, require_version, service_err, tagged, write_error};
use super::placements::{json_body, placement_id, reply, versioned, PlacementOut};
use super::schemas::errors::{
    Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthenticated,
    UnsupportedMediaType,
};
use super::schemas::views;
use crate::error::{WebError, WebResult};
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_domain::{
    Checkin, EvidenceId, EvidenceItem, EvidenceState, EvidenceWhat, FeedbackLevel, TaskId, UserId,
};
use polku_service::mentoring::{MonthMinutes, NewCheckin};
use polku_service::participants::SharedParticipant;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// The placement's workplace mentor to set.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = MentorAssignment)]
struct MentorIn {
    /// A mentor user of the project; `null` removes the mentor.
    #[schema(required = true)]
    mentor: Option<Uuid>,
}

/// Set the workplace mentor.
///
/// The participant's coach sets, changes or removes the placement's workplace mentor. Once the
/// proposal has gone out, the mentor gets a share of what the participant consented to sharing
/// with mentors, and the previous mentor's share is revoked.
#[utoipa::path(
    post,
    path = "/api/v1/placements/{id}/mentor",
    operation_id = "assignMentor",
    tag = "mentoring",
    params(
        ("id" = uuid::Uuid, Path, description = "The placement's id."),
        ("If-Match" = String, Header, description = "The placement's ETag."),
    ),
    request_body = MentorIn,
    responses(
        (status = 200, description = "Set.", body = PlacementOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 412, response = PreconditionFailed),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
        (status = 428, response = PreconditionRequired),
    ),
)]
pub async fn assign(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let (expected, m): (i64, MentorIn) =
        match versioned(&state, &session, id, &headers, &body).await? {
            Ok(x) => x,
            Err(res) => return Ok(res),
        };
    state
        .service
        .assign_mentor(&session.actor, id, m.mentor.map(UserId), expected)
        .await
        .map_err(write_error)?;
    reply(&state, &session, id).await
}

/// A check-in (ohjauskerta).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Checkin)]
struct CheckinOut {
    id: Uuid,
    mentor: Uuid,
    on: Date,
    minutes: u16,
    note: String,
}

impl From<Checkin> for CheckinOut {
    fn from(c: Checkin) -> Self {
        CheckinOut {
            id: c.id.0,
            mentor: c.mentor_id.0,
            on: c.on,
            minutes: c.minutes,
            note: c.note,
        }
    }
}

/// Mentoring time in one calendar month.
#[derive(Debug, Serialize, ToSchema)]
struct MonthOut {
    year: i32,
    #[schema(minimum = 1, maximum = 12)]
    month: u8,
    minutes: u32,
    checkins: u32,
}

impl From<MonthMinutes> for MonthOut {
    fn from(m: MonthMinutes) -> Self {
        MonthOut {
            year: m.year,
            month: m.month,
            minutes: m.minutes,
            checkins: m.checkins,
        }
    }
}

/// The check-ins of a placement, oldest first, and their minutes per month.
#[derive(Debug, Serialize, ToSchema)]
struct CheckinList {
    items: Vec<CheckinOut>,
    months: Vec<MonthOut>,
}

/// A check-in to log.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewCheckin)]
struct CheckinIn {
    /// `YYYY-MM-DD`, within the placement, not in the future.
    on: Date,
    #[schema(minimum = 1, maximum = 600)]
    minutes: i64,
    #[serde(default)]
    #[schema(max_length = 4000)]
    note: String,
}

/// A placement's check-ins.
///
/// For the workplace mentor, the participant's coach and the participant: every check-in with
/// its note, and the minutes summed per calendar month.
#[utoipa::path(
    get,
    path = "/api/v1/placements/{id}/checkins",
    operation_id = "listCheckins",
    tag = "mentoring",
    params(("id" = uuid::Uuid, Path, description = "The placement's id.")),
    responses(
        (status = 200, description = "The check-ins.", body = CheckinList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn checkins(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let list = state
        .service
        .checkins(&session.actor, placement_id(&id)?)
        .await?;
    let months = polku_service::mentoring::minutes_per_month(&list)
        .into_iter()
        .map(MonthOut::from)
        .collect();
    Ok(Json(CheckinList {
        items: list.into_iter().map(CheckinOut::from).collect(),
        months,
    })
    .into_response())
}

/// Log a check-in.
///
/// The placement's workplace mentor logs a check-in: the day, 1–600 minutes and a note (sealed;
/// it may touch on health).
#[utoipa::path(
    post,
    path = "/api/v1/placements/{id}/checkins",
    operation_id = "addCheckin",
    tag = "mentoring",
    params(("id" = uuid::Uuid, Path, description = "The placement's id.")),
    request_body = CheckinIn,
    responses(
        (status = 201, description = "Logged.", body = CheckinOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn add_checkin(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    // Who may not log one gets 404 before the body is looked at.
    state.service.placement(&session.actor, id).await?;
    let c: CheckinIn = match json_body(&headers, &body)? {
        Ok(c) => c,
        Err(res) => return Ok(res),
    };
    let c = state
        .service
        .add_checkin(
            &session.actor,
            id,
            NewCheckin {
                on: c.on,
                minutes: c.minutes,
                note: c.note,
            },
        )
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    Ok((StatusCode::CREATED, Json(CheckinOut::from(c))).into_response())
}

/// How the participant manages a task.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = FeedbackLevel)]
enum LevelIo {
    /// Does it independently.
    Independent,
    /// Does it with support.
    WithSupport,
    /// Not yet.
    NotYet,
}

impl From<LevelIo> for FeedbackLevel {
    fn from(l: LevelIo) -> Self {
        match l {
            LevelIo::Independent => FeedbackLevel::Independent,
            LevelIo::WithSupport => FeedbackLevel::WithSupport,
            LevelIo::NotYet => FeedbackLevel::NotYet,
        }
    }
}

impl From<FeedbackLevel> for LevelIo {
    fn from(l: FeedbackLevel) -> Self {
        match l {
            FeedbackLevel::Independent => LevelIo::Independent,
            FeedbackLevel::WithSupport => LevelIo::WithSupport,
            FeedbackLevel::NotYet => LevelIo::NotYet,
        }
    }
}

/// Feedback on one task.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewTaskFeedback)]
struct FeedbackIn {
    task: Uuid,
    level: LevelIo,
    #[serde(default)]
    #[schema(max_length = 4000)]
    note: String,
}

/// Feedback given, and how many pieces of evidence it offered the coach.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = TaskFeedback)]
struct FeedbackOut {
    id: Uuid,
    task: Uuid,
    level: LevelIo,
    note: String,
    #[serde(with = "time::serde::rfc3339")]
    given_at: OffsetDateTime,
    evidence_created: usize,
}

/// Give feedback on a task.
///
/// The workplace mentor says whether the participant does a task of the placement
/// independently, with support or not yet. "Independently" offers the coach evidence: the
/// task's essential skills not yet on the profile and, for a demanding task, the functioning
/// level it demands. Nothing on the profile changes until the coach accepts it.
#[utoipa::path(
    post,
    path = "/api/v1/placements/{id}/feedback",
    operation_id = "giveTaskFeedback",
    tag = "mentoring",
    params(("id" = uuid::Uuid, Path, description = "The placement's id.")),
    request_body = FeedbackIn,
    responses(
        (status = 201, description = "Given.", body = FeedbackOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn feedback(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    state.service.placement(&session.actor, id).await?;
    let f: FeedbackIn = match json_body(&headers, &body)? {
        Ok(f) => f,
        Err(res) => return Ok(res),
    };
    let (f, n) = state
        .service
        .give_task_feedback(&session.actor, id, TaskId(f.task), f.level.into(), &f.note)
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    Ok((
        StatusCode::CREATED,
        Json(FeedbackOut {
            id: f.id.0,
            task: f.task_id.0,
            level: f.level.into(),
            note: f.note,
            given_at: f.given_at,
            evidence_created: n,
        }),
    )
        .into_response())
}

/// The organiser's written feedback at the end of the placement.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = FinalFeedback)]
struct FinalIn {
    #[schema(min_length = 1, max_length = 4000)]
    feedback: String,
    /// Recommended next steps.
    #[serde(default)]
    #[schema(max_length = 4000)]
    next_steps: String,
}

/// The version of the written feedback after the write (also its `ETag`).
#[derive(Debug, Serialize, ToSchema)]
struct FinalOut {
    version: i64,
}

/// Give the written feedback.
///
/// The workplace mentor gives the organiser's written feedback the law asks for at the end,
/// with recommended next steps. The first write takes no `If-Match` (412 if someone wrote it
/// meanwhile); a change takes the `ETag` of the previous write.
#[utoipa::path(
    post,
    path = "/api/v1/placements/{id}/final-feedback",
    operation_id = "giveFinalFeedback",
    tag = "mentoring",
    params(
        ("id" = uuid::Uuid, Path, description = "The placement's id."),
        ("If-Match" = Option<String>, Header, description = "The written feedback's ETag, when changing it."),
    ),
    request_body = FinalIn,
    responses(
        (status = 200, description = "Saved.", body = FinalOut, headers(
            ("ETag" = String, description = "Its version."),
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
pub async fn final_feedback(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    state.service.placement(&session.actor, id).await?;
    let expected = if headers.contains_key(header::IF_MATCH) {
        Some(
            if_match(&headers)?
                .first()
                .copied()
                .ok_or(WebError::PreconditionFailed)?,
        )
    } else {
        None
    };
    let f: FinalIn = match json_body(&headers, &body)? {
        Ok(f) => f,
        Err(res) => return Ok(res),
    };
    let version = state
        .service
        .give_final_feedback(&session.actor, id, &f.feedback, &f.next_steps, expected)
        .await
        .map_err(write_error)?;
    Ok(tagged(StatusCode::OK, version, &FinalOut { version }))
}

/// One of the mentor's trialists.
#[derive(Debug, Serialize, ToSchema)]
struct TrialistOut {
    placement: PlacementOut,
    /// What the participant shares with mentors now; `null` when nothing.
    #[schema(value_type = Option<views::SharedParticipant>, required = true)]
    participant: Option<SharedParticipant>,
    /// Check-in minutes so far.
    minutes_total: u32,
}

/// The mentor's trialists.
#[derive(Debug, Serialize, ToSchema)]
struct TrialistList {
    items: Vec<TrialistOut>,
}

/// My trialists.
///
/// For workplace mentors: the agreed and active placements where the caller is the mentor,
/// with only what the participant consented to sharing with mentors.
#[utoipa::path(
    get,
    path = "/api/v1/mentor/placements",
    operation_id = "listMyTrialists",
    tag = "mentoring",
    responses(
        (status = 200, description = "The placements.", body = TrialistList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    ),
)]
pub async fn mine(State(state): State<AppState>, session: Session) -> WebResult<Response> {
    let items = state
        .service
        .my_trialists(&session.actor)
        .await?
        .into_iter()
        .map(|t| TrialistOut {
            placement: PlacementOut::from_view(t.view),
            participant: t.participant,
            minutes_total: t.minutes_total,
        })
        .collect();
    Ok(Json(TrialistList { items }).into_response())
}

/// Whether the coach has decided.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = EvidenceState)]
enum StateOut {
    Open,
    Accepted,
    Rejected,
}

impl From<EvidenceState> for StateOut {
    fn from(s: EvidenceState) -> Self {
        match s {
            EvidenceState::Open => StateOut::Open,
            EvidenceState::Accepted => StateOut::Accepted,
            EvidenceState::Rejected => StateOut::Rejected,
        }
    }
}

/// Evidence from a placement. `kind` `skill` proposes `skill` (an ESCO skill URI) with
/// work-trial evidence; `functioning` proposes `level` (0–4) on `dimension`. `version` is also
/// the `ETag`.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = EvidenceItem)]
struct EvidenceOut {
    id: Uuid,
    placement: Uuid,
    /// `skill` or `functioning`.
    kind: String,
    #[schema(required = true)]
    skill: Option<String>,
    #[schema(required = true)]
    dimension: Option<String>,
    #[schema(required = true, minimum = 0, maximum = 4)]
    level: Option<u8>,
    /// Where it was observed: the employer and the placement's dates.
    source_employer: String,
    source_from: Date,
    #[schema(required = true)]
    source_to: Option<Date>,
    state: StateOut,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(required = true)]
    decided_at: Option<OffsetDateTime>,
    #[schema(minimum = 1)]
    version: i64,
}

impl From<EvidenceItem> for EvidenceOut {
    fn from(e: EvidenceItem) -> Self {
        let (skill, dimension, level) = match &e.what {
            EvidenceWhat::Skill { skill } => (Some(skill.as_str().to_owned()), None, None),
            EvidenceWhat::Functioning { dimension, level } => {
                (None, Some(dimension.key().to_owned()), Some(level.get()))
            }
        };
        EvidenceOut {
            id: e.id.0,
            placement: e.placement_id.0,
            kind: e.what.kind().as_str().to_owned(),
            skill,
            dimension,
            level,
            source_employer: e.source_employer,
            source_from: e.source_from,
            source_to: e.source_to,
            state: e.state.into(),
            decided_at: e.decided_at,
            version: e.version,
        }
    }
}

/// The participant's evidence, newest first.
#[derive(Debug, Serialize, ToSchema)]
struct EvidenceList {
    items: Vec<EvidenceOut>,
}

/// A participant's evidence.
///
/// Evidence from placements for the participant's skills or functioning profile, with its
/// source, open or decided. Own coach only.
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/evidence",
    operation_id = "listEvidence",
    tag = "mentoring",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    responses(
        (status = 200, description = "The evidence.", body = EvidenceList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn evidence(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = super::io::participant_id(&id)?;
    let items = state
        .service
        .evidence(&session.actor, id)
        .await?
        .into_iter()
        .map(EvidenceOut::from)
        .collect();
    Ok(Json(EvidenceList { items }).into_response())
}

/// The coach's decision.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = EvidenceDecision)]
struct DecisionIn {
    /// `accept` or `reject`.
    #[schema(pattern = "^(accept|reject)$")]
    decision: String,
}

/// Accept or reject evidence.
///
/// The participant's coach decides: accepting changes the skills or the functioning profile
/// (a new version of the participant, audited), rejecting changes nothing on the profile.
/// Either way the evidence is closed.
#[utoipa::path(
    post,
    path = "/api/v1/participants/{id}/evidence/{evidence}",
    operation_id = "decideEvidence",
    tag = "mentoring",
    params(
        ("id" = uuid::Uuid, Path, description = "The participant's id."),
        ("evidence" = uuid::Uuid, Path, description = "The evidence's id."),
        ("If-Match" = String, Header, description = "The evidence's ETag (its version)."),
    ),
    request_body = DecisionIn,
    responses(
        (status = 200, description = "Decided.", body = EvidenceOut, headers(
            ("ETag" = String, description = "Its version."),
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
pub async fn decide(
    State(state): State<AppState>,
    session: Session,
    Path((id, evidence)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = super::io::participant_id(&id)?;
    let eid = EvidenceId::parse(&evidence).map_err(|_| WebError::NotFound)?;
    let current = state
        .service
        .evidence(&session.actor, id)
        .await?
        .into_iter()
        .find(|e| e.id == eid)
        .ok_or(WebError::NotFound)?;
    require_version(&headers, current.version)?;
    let d: DecisionIn = match json_body(&headers, &body)? {
        Ok(d) => d,
        Err(res) => return Ok(res),
    };
    let accept = match d.decision.as_str() {
        "accept" => true,
        "reject" => false,
        _ => return Err(super::io::invalid("decision", super::io::FIELD_INVALID)),
    };
    let item = state
        .service
        .decide_evidence(&session.actor, id, eid, accept, current.version)
        .await
        .map_err(write_error)?;
    Ok(ok_tagged(item.version, &EvidenceOut::from(item.clone())))
}
