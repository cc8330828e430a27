//! `/api/v1/participants`: the caller's caseload, enrolment, one participant with its `ETag`,
//! updates with `If-Match` (R50) and matching suggestions. Which participants a caller may see
//! is decided by the service; "not yours" is 404 like "does not exist" (R14). Request DTOs
//! reject unknown and forbidden fields (`id`, `version`, `coach_id`, `project_id` on update)
//! with 422 naming the field, and such refusals are audited (R15).

use super::io::{
    self, if_match, invalid, is_unknown_field, list, merge_patch, not_json, page, page_query,
    parse, service_err, tagged, text, FIELD_INVALID, FIELD_MISSING,
};
use crate::error::{WebError, WebResult};
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_domain::{ParticipantId, PathStage, ProjectId, Role};
use polku_service::participants::{NewParticipant, ParticipantChanges, ParticipantView};
use polku_service::ServiceError;
use serde_json::{json, Value};
use std::collections::HashMap;

// What the OpenAPI document says of these operations (`#[utoipa::path]`, `ToSchema`).
use super::schemas::errors::{
    Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, TooManyExports,
    Unauthenticated, UnsupportedMediaType,
};
use super::schemas::params::{ExportParams, PageParams, SuggestionParams};
use super::schemas::views::{Participant, ParticipantList, ParticipantPatch};

use super::participant_body::{personal_path, CreateIn, EditableIn, Summary};

const PURPOSE: &str = "service_delivery";

/// The projects a list covers: `?project=CODE`, else every project where the caller coaches.
async fn coach_projects(
    state: &AppState,
    session: &Session,
    q: &HashMap<String, String>,
) -> WebResult<Vec<ProjectId>> {
    if let Some(code) = q.get("project").filter(|c| !c.trim().is_empty()) {
        let p = state
            .service
            .project_by_code(&session.actor, code)
            .await
            .map_err(|e| match e {
                ServiceError::NotFound => invalid("project", io::FIELD_UNKNOWN_ID),
                other => other.into(),
            })?;
        return Ok(vec![p.id]);
    }
    let mut out: Vec<ProjectId> = session
        .user
        .roles
        .iter()
        .filter(|g| g.role == Role::Coach)
        .filter_map(|g| g.project)
        .collect();
    out.sort();
    out.dedup();
    Ok(out)
}

/// The caller's caseload.
///
/// Participants of the coach's caseload in every project where the caller is a coach, or in
/// `project`. Ordered by id; paginated.
#[utoipa::path(
    get,
    path = "/api/v1/participants",
    operation_id = "listParticipants",
    tag = "participants",
    params(PageParams),
    responses(
        (status = 200, description = "One page.", body = ParticipantList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 422, response = Invalid),
    ),
)]
pub async fn index(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<HashMap<String, String>>,
) -> WebResult<Response> {
    let pq = page_query(&q)?;
    // Page over identifiers first, then read (and audit) only the page returned (D16).
    let mut ids: Vec<(ParticipantId, ProjectId)> = Vec::new();
    for project in coach_projects(&state, &session, &q).await? {
        for id in state.service.caseload_ids(&session.actor, project).await? {
            ids.push((id, project));
        }
    }
    let (ids, next) = page(ids, |(id, _)| id.to_string(), &pq);
    let mut items = Vec::with_capacity(ids.len());
    let mut projects: Vec<ProjectId> = ids.iter().map(|(_, p)| *p).collect();
    projects.sort();
    projects.dedup();
    for project in projects {
        let wanted: Vec<ParticipantId> = ids
            .iter()
            .filter(|(_, p)| *p == project)
            .map(|(id, _)| *id)
            .collect();
        for s in state
            .service
            .caseload_summaries(&session.actor, project, &wanted, PURPOSE)
            .await?
        {
            items.push(Summary {
                id: s.id,
                project_id: project,
                given_name: s.given_name,
                family_name: s.family_name,
                stage: s.stage,
                waiting_since: s.waiting_since,
                home_municipality: s.home_municipality,
            });
        }
    }
    items.sort_by_key(|s| s.id.to_string());
    Ok(list(&items, next))
}

// ---- Request DTOs: the same shape as the representation, closed to unknown fields. ----

/// Parses a write body; a refused unknown or forbidden field is audited first (R15).
async fn parse_write<T: serde::de::DeserializeOwned>(
    state: &AppState,
    session: &Session,
    subject: Option<String>,
    text: &str,
) -> WebResult<T> {
    match parse::<T>(text) {
        Ok(v) => Ok(v),
        Err(e) => {
            if is_unknown_field(&e) {
                state
                    .service
                    .audit_refused_write(&session.actor, "participant", subject, PURPOSE)
                    .await?;
            }
            Err(e)
        }
    }
}

/// Enrol a participant.
///
/// Creates a participant with the caller as coach. Unknown or forbidden fields (`id`,
/// `version`, `coach_id` …) are 422 naming the field; nothing is stored and the refusal is
/// audited (R15).
#[utoipa::path(
    post,
    path = "/api/v1/participants",
    operation_id = "createParticipant",
    tag = "participants",
    request_body = CreateIn,
    responses(
        (status = 201, description = "Created.", body = Participant, headers(
            ("ETag" = String, description = "Strong entity tag: the record's version in quotes."),
            ("Location" = String, description = "The participant's address."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
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
    if let Some(res) = not_json(&headers) {
        return Ok(res);
    }
    let new: CreateIn = parse_write(&state, &session, None, text(&body)?).await?;
    let project_id = match new.project_id {
        Some(p) => p,
        None => {
            let mut coached: Vec<ProjectId> = session
                .user
                .roles
                .iter()
                .filter(|g| g.role == Role::Coach)
                .filter_map(|g| g.project)
                .collect();
            coached.dedup();
            match coached.as_slice() {
                [only] => *only,
                _ => return Err(invalid("project_id", FIELD_MISSING)),
            }
        }
    };
    let personal = new.personal.into_domain()?;
    let id = ParticipantId::new();
    let created = state
        .service
        .create_participant(
            &session.actor,
            NewParticipant {
                id,
                project_id,
                coach_id: None,
                personal,
                sensitive: new.sensitive.into_domain(),
                stage: new.stage.unwrap_or(PathStage::Enrolled),
                waiting_since: new.waiting_since.unwrap_or_else(crate::html::format::today),
            },
            PURPOSE,
        )
        .await
        .map_err(|e| match e {
            ServiceError::Forbidden => invalid("project_id", FIELD_INVALID),
            other => service_err(other, personal_path),
        })?;
    let view = state
        .service
        .get_participant(&session.actor, created, PURPOSE)
        .await?;
    let mut res = tagged(StatusCode::CREATED, view.version, &view);
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/participants/{created}")) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

/// One participant.
///
/// The whole record for the participant's own coach, with a strong `ETag` of its version.
/// Another coach's participant is 404, like one that does not exist (R14).
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}",
    operation_id = "getParticipant",
    tag = "participants",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    responses(
        (status = 200, description = "The participant.", body = Participant, headers(
            ("ETag" = String, description = "Strong entity tag: the record's version in quotes."),
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
    let id = io::participant_id(&id)?;
    let view = state
        .service
        .get_participant(&session.actor, id, PURPOSE)
        .await?;
    Ok(tagged(StatusCode::OK, view.version, &view))
}

/// The editable part of a participant, as a document a merge patch applies to.
fn editable(view: &ParticipantView) -> Value {
    json!({"personal": view.personal, "sensitive": view.sensitive, "stage": view.stage})
}

/// Change a participant.
///
/// A JSON Merge Patch (RFC 7396) of the editable parts (`personal`, `sensitive`, `stage`).
/// Needs `If-Match` with the `ETag` read (428 without it, 412 when someone else changed the
/// record since). Unknown or forbidden fields are 422 naming the field, nothing changes and the
/// refusal is audited.
#[utoipa::path(
    patch,
    path = "/api/v1/participants/{id}",
    operation_id = "updateParticipant",
    tag = "participants",
    params(
        ("id" = uuid::Uuid, Path, description = "The participant's id."),
        ("If-Match" = String, Header, description = "The `ETag` the change is based on, e.g. `\"3\"`."),
    ),
    request_body(content(
        (ParticipantPatch = "application/merge-patch+json"),
        (ParticipantPatch = "application/json"),
    )),
    responses(
        (status = 200, description = "The changed participant.", body = Participant, headers(
            ("ETag" = String, description = "Strong entity tag: the record's version in quotes."),
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
pub async fn update(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let accepted = if_match(&headers)?;
    if let Some(res) = not_json(&headers) {
        return Ok(res);
    }
    let id = io::participant_id(&id)?;
    let current = state
        .service
        .get_participant(&session.actor, id, PURPOSE)
        .await?;
    // Stale before anything is parsed or written (R50).
    if !accepted.contains(&current.version) {
        return Err(WebError::PreconditionFailed);
    }
    let body = text(&body)?;
    let patch: Value = serde_json::from_str(body).map_err(|e| io::serde_invalid(body, &e))?;
    if !patch.is_object() {
        return Err(invalid("", FIELD_INVALID));
    }
    let mut doc = editable(&current);
    merge_patch(&mut doc, &patch);
    let merged =
        serde_json::to_string_pretty(&doc).map_err(|e| WebError::Internal(format!("json: {e}")))?;
    let next: EditableIn = parse_write(&state, &session, Some(id.to_string()), &merged).await?;
    let changes = ParticipantChanges {
        personal: next.personal.into_domain()?,
        sensitive: next.sensitive.into_domain(),
        stage: next.stage,
    };
    let mut view = ParticipantView {
        personal: changes.personal.clone(),
        sensitive: changes.sensitive.clone(),
        stage: changes.stage,
        ..current
    };
    // As the service stores it: a long spell of unemployment sets the long-term mark.
    view.personal.esf.normalise(crate::html::format::today());
    let version = state
        .service
        .update_participant(&session.actor, id, view.version, changes, PURPOSE)
        .await
        .map_err(|e| match e {
            ServiceError::Conflict { .. } => WebError::PreconditionFailed,
            other => service_err(other, personal_path),
        })?;
    let view = ParticipantView { version, ..view };
    Ok(tagged(StatusCode::OK, version, &view))
}

/// Openings for a participant.
///
/// The project's openings ranked for the participant by the matching engine, with explanations
/// (same answer as `polku match --participant`).
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/suggestions",
    operation_id = "participantSuggestions",
    tag = "participants",
    params(("id" = uuid::Uuid, Path, description = "The participant's id."), SuggestionParams),
    responses(
        (status = 200, description = "The ranking.", body = ref("#/components/schemas/EngineResult")),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Invalid),
    ),
)]
pub async fn suggestions(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> WebResult<Response> {
    let id = io::participant_id(&id)?;
    let top = match q.get("top") {
        None => 10,
        Some(s) => s
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .ok_or_else(|| invalid("top", io::FIELD_LIMIT))?,
    };
    let include_excluded = match q.get("include_excluded").map(|s| s.trim()) {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => return Err(invalid("include_excluded", FIELD_INVALID)),
    };
    let out = state
        .service
        .match_participant(
            &session.actor,
            id,
            top,
            include_excluded,
            crate::html::format::today(),
        )
        .await?;
    // The typed answer becomes JSON here, at the edge, as `polku match` writes it.
    Ok(Json(polku_matching::api::to_json(&out)).into_response())
}

/// Everything stored about a participant (access request).
///
/// The right-of-access and portability export (GDPR Art. 15 and 20): personal and
/// special-category data opened, service path, meetings, plan, consent history, disclosures and
/// the access log about the participant (when, what, why, which role — staff are not named).
/// Own coach only; audited as `export` with purpose `data_subject_request`. Staff identities are
/// never included here; only the operator's `polku subject export --include-staff` names them
/// (R39). Needs a second factor proved within 10 minutes (step-up, R19): otherwise 403
/// `step_up_required`; renew with `POST /api/v1/sessions/current/step-up`. At most 30 exports
/// per user in 15 minutes, counted with the page downloads: then 429 `too_many_exports` with
/// `Retry-After` (R19).
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/export",
    operation_id = "exportParticipant",
    tag = "participants",
    params(("id" = uuid::Uuid, Path, description = "The participant's id."), ExportParams),
    responses(
        (status = 200, description = "The export.", body = ref("#/components/schemas/SubjectExport")),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Invalid),
        (status = 429, response = TooManyExports),
    ),
)]
pub async fn export(
    _fresh: crate::step_up::StepUp,
    _quota: crate::export_limit::ExportQuota,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> WebResult<Response> {
    let id = io::participant_id(&id)?;
    let lang = match q.get("lang").map(|s| s.trim()) {
        None => "fi",
        Some(l) => polku_domain::catalogue::CONSENT_LOCALES
            .into_iter()
            .find(|c| *c == l)
            .ok_or_else(|| invalid("lang", FIELD_INVALID))?,
    };
    let export = state
        .service
        .export_subject(&session.actor, id, lang, false)
        .await?;
    Ok(Json(export).into_response())
}
