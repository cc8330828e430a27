//! The participant's ESF+ record through the API: the same use cases as the ESF+ tab
//! (`polku_service::esf`). The record's `version` is its `ETag`; every write takes `If-Match`
//! (`"0"` for the first entry data). The participant's own coach only.

use super::io::{etag, if_match, not_json, parse, service_err, text};
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
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_domain::{
    Answer, Education, EntryStatus, EsfEntryData, EsfRecord, EsfSpecial, Gender, Leaving,
    LeavingResult, ParticipantId, SixMonths,
};
use polku_service::ServiceError;
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;

/// The entry data (ESF+ output indicators).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = EsfEntry)]
struct EntryIo {
    entered_on: Date,
    #[schema(value_type = schema::Gender)]
    gender: Gender,
    #[schema(value_type = schema::EntryStatus)]
    status: EntryStatus,
    #[schema(value_type = schema::Education)]
    education: Education,
    #[schema(value_type = schema::Answer)]
    third_country_national: Answer,
    #[schema(value_type = schema::Answer)]
    foreign_background: Answer,
    #[schema(value_type = schema::Answer)]
    homeless: Answer,
    /// Special category (sealed); optional, `not_known` when left out.
    #[serde(default = "not_known")]
    #[schema(value_type = schema::Answer)]
    disability: Answer,
    /// Special category (sealed); optional, `not_known` when left out.
    #[serde(default = "not_known")]
    #[schema(value_type = schema::Answer)]
    minority: Answer,
}

fn not_known() -> Answer {
    Answer::NotKnown
}

/// Leaving the project.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = EsfLeaving)]
struct LeavingIo {
    left_on: Date,
    #[schema(value_type = schema::LeavingResult)]
    result: LeavingResult,
    /// Gained a qualification or professional competence thanks to the project.
    qualification: bool,
}

/// The situation six months after leaving.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = EsfSixMonths)]
struct SixIo {
    checked_on: Date,
    #[schema(value_type = schema::Answer)]
    employed: Answer,
    /// Only someone employed at entry, and employed now, can have an improved situation.
    #[schema(value_type = schema::Answer)]
    improved: Answer,
}

/// A participant's ESF+ record. `version` is also the `ETag`.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = EsfRecord)]
struct EsfOut {
    participant: Uuid,
    entry: EntryIo,
    /// Derived: from the identity code's birth date or the year of birth; `null` not known.
    #[schema(required = true)]
    age_at_entry: Option<u8>,
    /// The home municipality at entry (code).
    municipality: String,
    /// Derived from the municipality; `not_known` while no classification is shipped.
    #[schema(value_type = schema::Answer)]
    rural: Answer,
    #[schema(required = true)]
    leaving: Option<LeavingIo>,
    /// When the six-month follow-up is due (once left).
    #[schema(required = true)]
    follow_up_due: Option<Date>,
    #[schema(required = true)]
    six_months: Option<SixIo>,
    #[schema(minimum = 1)]
    version: i64,
}

fn out(r: EsfRecord) -> Response {
    let e = r.entry;
    let version = r.version;
    let body = EsfOut {
        participant: r.participant_id.0,
        age_at_entry: r.age_at_entry,
        municipality: r.municipality.as_str().to_owned(),
        rural: r.rural,
        follow_up_due: r
            .leaving
            .map(|l| polku_domain::esf::six_months_after(l.left_on)),
        leaving: r.leaving.map(|l| LeavingIo {
            left_on: l.left_on,
            result: l.result,
            qualification: l.qualification,
        }),
        six_months: r.six_months.map(|s| SixIo {
            checked_on: s.checked_on,
            employed: s.employed,
            improved: s.improved,
        }),
        entry: EntryIo {
            entered_on: e.entered_on,
            gender: e.gender,
            status: e.status,
            education: e.education,
            third_country_national: e.third_country_national,
            foreign_background: e.foreign_background,
            homeless: e.homeless,
            disability: e.special.disability,
            minority: e.special.minority,
        },
        version,
    };
    let mut res = Json(body).into_response();
    res.headers_mut().insert(header::ETAG, etag(version));
    res
}

/// The participant's ESF+ record.
///
/// Entry data, leaving and the six-month follow-up. 404 also when no entry data is recorded
/// yet. Own coach only.
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/esf",
    operation_id = "getEsfRecord",
    tag = "esf",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    responses(
        (status = 200, description = "The record.", body = EsfOut, headers(
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
    let id = super::io::participant_id(&id)?;
    let r = state
        .service
        .esf_record(&session.actor, id)
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(out(r))
}

/// The version the request may change: `If-Match` must name the stored one (`"0"` before any).
async fn checked_version(
    state: &AppState,
    session: &Session,
    id: ParticipantId,
    headers: &HeaderMap,
) -> WebResult<i64> {
    let current = state
        .service
        .esf_record(&session.actor, id)
        .await?
        .map_or(0, |r| r.version);
    if !if_match(headers)?.contains(&current) {
        return Err(WebError::PreconditionFailed);
    }
    Ok(current)
}

fn write_err(e: ServiceError) -> WebError {
    match e {
        ServiceError::Conflict { .. } => WebError::PreconditionFailed,
        other => service_err(other, str::to_owned),
    }
}

/// Record the entry data.
///
/// Records (with `If-Match: "0"`) or corrects the entry data. Age at entry and the rural answer
/// are derived. Own coach only.
#[utoipa::path(
    put,
    path = "/api/v1/participants/{id}/esf/entry",
    operation_id = "putEsfEntry",
    tag = "esf",
    params(
        ("id" = uuid::Uuid, Path, description = "The participant's id."),
        ("If-Match" = String, Header, description = "The record's ETag, \"0\" before any."),
    ),
    request_body = EntryIo,
    responses(
        (status = 200, description = "Saved.", body = EsfOut, headers(
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
pub async fn put_entry(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = super::io::participant_id(&id)?;
    let version = checked_version(&state, &session, id, &headers).await?;
    if let Some(res) = not_json(&headers) {
        return Ok(res);
    }
    let e: EntryIo = parse(text(&body)?)?;
    let entry = EsfEntryData {
        entered_on: e.entered_on,
        gender: e.gender,
        status: e.status,
        education: e.education,
        third_country_national: e.third_country_national,
        foreign_background: e.foreign_background,
        homeless: e.homeless,
        special: EsfSpecial {
            disability: e.disability,
            minority: e.minority,
        },
    };
    let r = state
        .service
        .save_esf_entry(&session.actor, id, entry, version, polku_service::today())
        .await
        .map_err(write_err)?;
    Ok(out(r))
}

/// Record the leaving.
///
/// The day of leaving and the result (the entry data first). Own coach only.
#[utoipa::path(
    put,
    path = "/api/v1/participants/{id}/esf/leaving",
    operation_id = "putEsfLeaving",
    tag = "esf",
    params(
        ("id" = uuid::Uuid, Path, description = "The participant's id."),
        ("If-Match" = String, Header, description = "The record's ETag."),
    ),
    request_body = LeavingIo,
    responses(
        (status = 200, description = "Saved.", body = EsfOut, headers(
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
pub async fn put_leaving(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = super::io::participant_id(&id)?;
    let version = checked_version(&state, &session, id, &headers).await?;
    if let Some(res) = not_json(&headers) {
        return Ok(res);
    }
    let l: LeavingIo = parse(text(&body)?)?;
    let leaving = Leaving {
        left_on: l.left_on,
        result: l.result,
        qualification: l.qualification,
    };
    let r = state
        .service
        .record_leaving(
            &session.actor,
            id,
            Some(leaving),
            version,
            polku_service::today(),
        )
        .await
        .map_err(write_err)?;
    Ok(out(r))
}

/// Record the six-month follow-up.
///
/// Whether the person works six months after leaving and whether their situation improved
/// (the leaving first). Own coach only.
#[utoipa::path(
    put,
    path = "/api/v1/participants/{id}/esf/six-months",
    operation_id = "putEsfSixMonths",
    tag = "esf",
    params(
        ("id" = uuid::Uuid, Path, description = "The participant's id."),
        ("If-Match" = String, Header, description = "The record's ETag."),
    ),
    request_body = SixIo,
    responses(
        (status = 200, description = "Saved.", body = EsfOut, headers(
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
pub async fn put_six_months(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = super::io::participant_id(&id)?;
    let version = checked_version(&state, &session, id, &headers).await?;
    if let Some(res) = not_json(&headers) {
        return Ok(res);
    }
    let s: SixIo = parse(text(&body)?)?;
    let six = SixMonths {
        checked_on: s.checked_on,
        employed: s.employed,
        improved: s.improved,
    };
    let r = state
        .service
        .record_six_months(&session.actor, id, six, version, polku_service::today())
        .await
        .map_err(write_err)?;
    Ok(out(r))
}
