//! Referrals through the API (`polku_service::referrals`): the school-to-work handover (an
//! institution user refers a student with the student's consent; the target project accepts
//! or declines) and a participant's referrals in and out. A referral's `version` is its `ETag`;
//! every state change takes `If-Match`. Another school's referral, another project's, and a
//! participant who is not the caller's are all `404`. A coach records an incoming referral of
//! a person who is not yet a participant (`POST /api/v1/referrals/intake`), which then takes the
//! school referral's path (accept, decline).

use super::io::{
    invalid, not_json, ok_tagged, parse, participant_id, require_version, rule_key, service_err,
    tagged, text, write_error, FIELD_MISSING, FIELD_SYNTAX, FIELD_UNKNOWN,
};
use super::schemas::errors::{
    Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthenticated,
    UnsupportedMediaType,
};
use crate::error::{WebError, WebResult};
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_domain::{
    ConsentMethod, DataCategory, DocumentId, Email, MunicipalityCode, ProjectId,
    ReferralDestination, ReferralDirection, ReferralId, ReferralSource, ReferralStatus,
};
use polku_service::referral_intake::NewIntakeReferral;
use polku_service::referrals::{
    ConsentGiven, Handover, NewParticipantReferral, NewSchoolReferral, ReferralFile,
    ReferralUpdate, ReferralView,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// The largest attachment request: the 10 MiB file plus the form's other parts.
pub const MAX_UPLOAD_BODY: usize = polku_documents::upload::MAX_UPLOAD_BYTES + 64 * 1024;

/// The data a school handed over (shown only while the student's consent is in force).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ReferralHandover)]
struct HandoverIo {
    given_name: String,
    family_name: String,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    phone: Option<String>,
    /// The home municipality's three-digit code (Statistics Finland).
    home_municipality: String,
    #[serde(default)]
    birth_year: Option<u16>,
    #[serde(default)]
    goals: String,
    #[serde(default)]
    strengths: String,
    /// Functional limitations and the support that helps; never a diagnosis.
    #[serde(default)]
    support_needs: String,
}

impl From<Handover> for HandoverIo {
    fn from(h: Handover) -> Self {
        HandoverIo {
            given_name: h.given_name,
            family_name: h.family_name,
            email: h.email.map(|e| e.as_str().to_owned()),
            phone: h.phone,
            home_municipality: h.home_municipality.as_str().to_owned(),
            birth_year: h.birth_year,
            goals: h.goals,
            strengths: h.strengths,
            support_needs: h.support_needs,
        }
    }
}

/// The student's consent, recorded by the institution user.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ReferralConsentGiven)]
struct ConsentIn {
    /// `contact` always; `goals` with goals or strengths, `functioning` with support needs,
    /// `documents` for attachments.
    categories: Vec<String>,
    /// `written`, `in_meeting` or `electronic`.
    method: String,
    /// The hash of the wording shown per category (`GET /api/v1/consent-wording`).
    #[serde(default)]
    shown: BTreeMap<String, String>,
}

/// A school's referral of a student.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewSchoolReferral)]
struct SchoolReferralIn {
    project: Uuid,
    /// The school's name.
    organisation: String,
    reason: String,
    handover: HandoverIo,
    /// Without it the referral is refused (`rule-referral-needs-consent`).
    #[serde(default)]
    consent: Option<ConsentIn>,
}

/// One consent record of a referral.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ReferralConsent)]
struct ConsentOut {
    category: String,
    text_version_hash: String,
    #[serde(with = "time::serde::rfc3339")]
    given_at: OffsetDateTime,
    given_by: Uuid,
    method: String,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(required = true)]
    withdrawn_at: Option<OffsetDateTime>,
}

/// An attached document (its content is downloaded separately).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ReferralDocument)]
struct DocumentOut {
    id: Uuid,
    title: String,
    content_type: String,
    size_bytes: i64,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
}

/// A referral. `version` is also the `ETag`.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Referral)]
struct ReferralOut {
    id: Uuid,
    /// `incoming` or `outgoing`.
    direction: String,
    /// Incoming: `institution`, `ohjaamo`, `employment_services`, `social_services`,
    /// `other_project` or `other`.
    #[schema(required = true)]
    source: Option<String>,
    /// Outgoing: `rehabilitation`, `health_services`, `education`, `other_project` or `other`.
    #[schema(required = true)]
    destination: Option<String>,
    organisation: String,
    project: Uuid,
    #[schema(required = true)]
    participant: Option<Uuid>,
    referred_on: Date,
    reason: String,
    /// `pending`, `accepted`, `declined`, `withdrawn`, `sent`, `started`, `completed`,
    /// `not_started` or `ended`.
    status: String,
    /// Why it was declined.
    #[schema(required = true)]
    status_reason: Option<String>,
    #[schema(required = true)]
    outcome: Option<String>,
    #[schema(required = true)]
    outcome_on: Option<Date>,
    /// Days since it was sent, while it waits for an answer.
    #[schema(required = true)]
    waiting_days: Option<i64>,
    consent_active: bool,
    consents: Vec<ConsentOut>,
    /// `null` when there is none, or when the consent was withdrawn (`handover_hidden`).
    #[schema(required = true)]
    handover: Option<HandoverIo>,
    handover_hidden: bool,
    documents: Vec<DocumentOut>,
    version: i64,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
}

impl From<ReferralView> for ReferralOut {
    fn from(v: ReferralView) -> Self {
        ReferralOut {
            id: v.id.0,
            direction: v.direction.as_str().to_owned(),
            source: v.source.map(|s| s.as_str().to_owned()),
            destination: v.destination.map(|d| d.as_str().to_owned()),
            organisation: v.organisation,
            project: v.project_id.0,
            participant: v.participant_id.map(|p| p.0),
            referred_on: v.referred_on,
            reason: v.reason,
            status: v.status.as_str().to_owned(),
            status_reason: v.status_reason,
            outcome: v.outcome,
            outcome_on: v.outcome_on,
            waiting_days: v.waiting_days,
            consent_active: v.consent_active,
            consents: v
                .consents
                .into_iter()
                .map(|c| ConsentOut {
                    category: c.category.as_str().to_owned(),
                    text_version_hash: c.text_version_hash,
                    given_at: c.given_at,
                    given_by: c.given_by.0,
                    method: c.method.as_str().to_owned(),
                    withdrawn_at: c.withdrawn_at,
                })
                .collect(),
            handover: v.handover.map(HandoverIo::from),
            handover_hidden: v.handover_hidden,
            documents: v
                .documents
                .into_iter()
                .map(|d| DocumentOut {
                    id: d.id.0,
                    title: d.title,
                    content_type: d.content_type,
                    size_bytes: d.size_bytes,
                    created_at: d.created_at,
                })
                .collect(),
            version: v.version,
            created_at: v.created_at,
        }
    }
}

/// Referrals, newest first.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ReferralList)]
struct ReferralList {
    items: Vec<ReferralOut>,
}

/// A decline.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ReferralDecline)]
struct DeclineIn {
    /// Required (`rule-referral-reason-required`).
    #[serde(default)]
    reason: String,
}

/// The participant created by an acceptance.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ReferralAccepted)]
struct AcceptedOut {
    participant: Uuid,
}

/// A referral in or out recorded on a participant.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewParticipantReferral)]
struct ParticipantReferralIn {
    /// `incoming` or `outgoing`.
    direction: String,
    /// Incoming only: `ohjaamo`, `employment_services`, `social_services`, `other_project`,
    /// `other`.
    #[serde(default)]
    source: Option<String>,
    /// Outgoing only.
    #[serde(default)]
    destination: Option<String>,
    organisation: String,
    referred_on: Date,
    reason: String,
    /// Default: `pending` (in) or `sent` (out).
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    outcome_on: Option<Date>,
}

/// A change of a participant's referral.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ReferralUpdate)]
struct UpdateIn {
    status: String,
    /// Needed for `not_started` and `ended`.
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    outcome_on: Option<Date>,
}

/// The multipart attachment form (`multipart/form-data`).
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
#[schema(as = ReferralAttachment)]
struct AttachForm {
    title: String,
    /// PDF, PNG or JPEG, at most 10 MiB; its type is read from the content.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

fn referral_id(s: &str) -> WebResult<ReferralId> {
    ReferralId::parse(s).map_err(|_| WebError::NotFound)
}

fn json_body<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: &[u8],
) -> WebResult<Result<T, Response>> {
    if let Some(res) = not_json(headers) {
        return Ok(Err(res));
    }
    Ok(Ok(parse(text(body)?)?))
}

fn code<T>(field: &'static str, r: Result<T, polku_domain::DomainError>) -> WebResult<T> {
    r.map_err(|_| invalid(field, super::io::FIELD_INVALID))
}

fn school_referral(b: SchoolReferralIn) -> WebResult<NewSchoolReferral> {
    let h = b.handover;
    let handover = Handover {
        given_name: h.given_name,
        family_name: h.family_name,
        email: h
            .email
            .filter(|e| !e.trim().is_empty())
            .map(|e| code("handover.email", Email::parse(&e)))
            .transpose()?,
        phone: h.phone,
        home_municipality: code(
            "handover.home_municipality",
            MunicipalityCode::parse(&h.home_municipality),
        )?,
        birth_year: h.birth_year,
        goals: h.goals,
        strengths: h.strengths,
        support_needs: h.support_needs,
    };
    let consent = match b.consent {
        None => None,
        Some(c) => Some(ConsentGiven {
            categories: c
                .categories
                .iter()
                .map(|s| code("consent.categories", DataCategory::parse(s)))
                .collect::<WebResult<_>>()?,
            method: code("consent.method", ConsentMethod::parse(&c.method))?,
            shown: c
                .shown
                .into_iter()
                .map(|(k, v)| Ok((code("consent.shown", DataCategory::parse(&k))?, v)))
                .collect::<WebResult<_>>()?,
        }),
    };
    Ok(NewSchoolReferral {
        project: ProjectId(b.project),
        organisation: b.organisation,
        reason: b.reason,
        handover,
        consent,
    })
}

fn path_of(field: &str) -> String {
    match field {
        "given_name" | "family_name" | "phone" | "birth_year" | "goals" | "strengths"
        | "support_needs" => format!("handover.{field}"),
        other => other.to_owned(),
    }
}

/// Referrals for the caller.
///
/// An institution user: the referrals they made, with their status. A coach or manager: the
/// school referrals to their projects, with the waiting time in days. Newest first; audited.
#[utoipa::path(
    get,
    path = "/api/v1/referrals",
    operation_id = "listReferrals",
    tag = "referrals",
    responses(
        (status = 200, description = "The referrals.", body = ReferralList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    ),
)]
pub async fn index(State(state): State<AppState>, session: Session) -> WebResult<Response> {
    let items = state
        .service
        .referral_inbox(&session.actor)
        .await?
        .into_iter()
        .map(ReferralOut::from)
        .collect();
    Ok(Json(ReferralList { items }).into_response())
}

/// Refer a student (school-to-work handover).
///
/// An institution user refers a final-year student to a project where they hold the
/// institution role, with the contact details, goals, strengths and support needs. The
/// student's consent for the purpose `transition` must cover every kind of data handed over
/// (`rule-referral-needs-consent`); a project that is not the caller's is
/// `rule-referral-unknown-project`. Nothing is stored on a refusal.
#[utoipa::path(
    post,
    path = "/api/v1/referrals",
    operation_id = "createSchoolReferral",
    tag = "referrals",
    request_body = SchoolReferralIn,
    responses(
        (status = 201, description = "Sent: pending.", body = ReferralOut, headers(
            ("ETag" = String, description = "Its version."),
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
    let b: SchoolReferralIn = match json_body(&headers, &body)? {
        Ok(b) => b,
        Err(res) => return Ok(res),
    };
    let view = state
        .service
        .refer_student(&session.actor, school_referral(b)?)
        .await
        .map_err(|e| service_err(e, path_of))?;
    Ok(tagged(
        StatusCode::CREATED,
        view.version,
        &ReferralOut::from(view),
    ))
}

/// A referral.
///
/// For its referrer, the target project's coaches and managers, and (for a referral on a
/// participant) the participant's own coach. Audited.
#[utoipa::path(
    get,
    path = "/api/v1/referrals/{id}",
    operation_id = "getReferral",
    tag = "referrals",
    params(("id" = uuid::Uuid, Path, description = "The referral's id.")),
    responses(
        (status = 200, description = "The referral.", body = ReferralOut, headers(
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
        .referral(&session.actor, referral_id(&id)?)
        .await?;
    Ok(ok_tagged(view.version, &ReferralOut::from(view)))
}

/// Accept a school referral.
///
/// A coach of the target project: creates the participant (the coach becomes their coach)
/// with the handed-over data, moves the documents to the participant's documents and the
/// consent to the participant's consents. `rule-referral-not-pending` when it was accepted,
/// declined or withdrawn already; `rule-referral-consent-withdrawn` when the student withdrew
/// the consent.
#[utoipa::path(
    post,
    path = "/api/v1/referrals/{id}/accept",
    operation_id = "acceptReferral",
    tag = "referrals",
    params(
        ("id" = uuid::Uuid, Path, description = "The referral's id."),
        ("If-Match" = String, Header, description = "The referral's ETag."),
    ),
    responses(
        (status = 201, description = "Accepted; the participant.", body = AcceptedOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 412, response = PreconditionFailed),
        (status = 422, response = Invalid),
        (status = 428, response = PreconditionRequired),
    ),
)]
pub async fn accept(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> WebResult<Response> {
    let id = referral_id(&id)?;
    let current = state.service.referral(&session.actor, id).await?;
    require_version(&headers, current.version)?;
    let participant = state
        .service
        .accept_referral(&session.actor, id, current.version)
        .await
        .map_err(write_error)?;
    Ok((
        StatusCode::CREATED,
        Json(AcceptedOut {
            participant: participant.0,
        }),
    )
        .into_response())
}

/// Decline a school referral.
///
/// A coach or manager of the target project, with a reason (`rule-referral-reason-required`).
/// The handed-over data and documents are deleted.
#[utoipa::path(
    post,
    path = "/api/v1/referrals/{id}/decline",
    operation_id = "declineReferral",
    tag = "referrals",
    params(
        ("id" = uuid::Uuid, Path, description = "The referral's id."),
        ("If-Match" = String, Header, description = "The referral's ETag."),
    ),
    request_body = DeclineIn,
    responses(
        (status = 200, description = "Declined.", body = ReferralOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 412, response = PreconditionFailed),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
        (status = 428, response = PreconditionRequired),
    ),
)]
pub async fn decline(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = referral_id(&id)?;
    let current = state.service.referral(&session.actor, id).await?;
    let b: DeclineIn = match json_body(&headers, &body)? {
        Ok(b) => b,
        Err(res) => return Ok(res),
    };
    require_version(&headers, current.version)?;
    state
        .service
        .decline_referral(&session.actor, id, current.version, &b.reason)
        .await
        .map_err(write_error)?;
    let view = state.service.referral(&session.actor, id).await?;
    Ok(ok_tagged(view.version, &ReferralOut::from(view)))
}

/// Withdraw a school referral.
///
/// Its referrer, while it is pending. The handed-over data and documents are deleted.
#[utoipa::path(
    post,
    path = "/api/v1/referrals/{id}/withdraw",
    operation_id = "withdrawReferral",
    tag = "referrals",
    params(
        ("id" = uuid::Uuid, Path, description = "The referral's id."),
        ("If-Match" = String, Header, description = "The referral's ETag."),
    ),
    responses(
        (status = 200, description = "Withdrawn.", body = ReferralOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 412, response = PreconditionFailed),
        (status = 422, response = Invalid),
        (status = 428, response = PreconditionRequired),
    ),
)]
pub async fn withdraw(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> WebResult<Response> {
    let id = referral_id(&id)?;
    let current = state.service.referral(&session.actor, id).await?;
    require_version(&headers, current.version)?;
    state
        .service
        .withdraw_referral(&session.actor, id, current.version)
        .await
        .map_err(write_error)?;
    let view = state.service.referral(&session.actor, id).await?;
    Ok(ok_tagged(view.version, &ReferralOut::from(view)))
}

/// Record that the student withdrew the consent.
///
/// Its referrer. From the next request the handed-over data and documents are hidden from
/// everyone and the referral cannot be accepted.
#[utoipa::path(
    post,
    path = "/api/v1/referrals/{id}/consent/withdraw",
    operation_id = "withdrawReferralConsent",
    tag = "referrals",
    params(("id" = uuid::Uuid, Path, description = "The referral's id.")),
    responses(
        (status = 204, description = "Withdrawn."),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn withdraw_consent(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    state
        .service
        .withdraw_referral_consent(&session.actor, referral_id(&id)?)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Attach a document to a pending referral.
///
/// Its referrer, with the student's consent for `documents`. `multipart/form-data` with
/// `title` and `file` (PDF, PNG or JPEG, at most 10 MiB, type read from the content, no active
/// content in PDFs); refusals are `422` on `file` with the documents' rule codes.
#[utoipa::path(
    post,
    path = "/api/v1/referrals/{id}/documents",
    operation_id = "attachReferralDocument",
    tag = "referrals",
    params(("id" = uuid::Uuid, Path, description = "The referral's id.")),
    request_body(content = AttachForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Attached.", body = DocumentOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn attach(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    form: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> WebResult<Response> {
    let id = referral_id(&id)?;
    state.service.referral(&session.actor, id).await?;
    let Ok(mut form) = form else {
        return Ok(StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response());
    };
    let too_large = || invalid("file", &rule_key("file_too_large"));
    let bad = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            invalid("", FIELD_SYNTAX)
        }
    };
    let (mut title, mut file) = (None, None);
    while let Some(field) = form.next_field().await.map_err(bad)? {
        match field.name() {
            Some("title") => title = Some(field.text().await.map_err(bad)?),
            Some("file") => file = Some(field.bytes().await.map_err(bad)?.to_vec()),
            other => return Err(invalid(other.unwrap_or(""), FIELD_UNKNOWN)),
        }
    }
    let file = file.ok_or_else(|| invalid("file", FIELD_MISSING))?;
    let d = state
        .service
        .attach_referral_document(&session.actor, id, &title.unwrap_or_default(), &file)
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    Ok((
        StatusCode::CREATED,
        Json(DocumentOut {
            id: d.id.0,
            title: d.title,
            content_type: d.content_type,
            size_bytes: d.size_bytes,
            created_at: d.created_at,
        }),
    )
        .into_response())
}

/// The download of an attached file: never inline, never cached.
pub fn file_response(file: ReferralFile) -> Response {
    let name = file.file_name();
    crate::html::attachment(file.bytes, &file.info.content_type, &name)
}

/// Download an attached document.
///
/// The referrer and the target project while the referral is pending and the consent in
/// force; a withdrawn consent makes it `404` on the next request. Audited.
#[utoipa::path(
    get,
    path = "/api/v1/referrals/{id}/documents/{document}",
    operation_id = "downloadReferralDocument",
    tag = "referrals",
    params(
        ("id" = uuid::Uuid, Path, description = "The referral's id."),
        ("document" = uuid::Uuid, Path, description = "The document's id."),
    ),
    responses(
        (status = 200, description = "The file.", content(
            (Vec<u8> = "application/pdf"),
            (Vec<u8> = "image/png"),
            (Vec<u8> = "image/jpeg"),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn download(
    State(state): State<AppState>,
    session: Session,
    Path((id, document)): Path<(String, String)>,
) -> WebResult<Response> {
    let document = DocumentId::parse(&document).map_err(|_| WebError::NotFound)?;
    let file = state
        .service
        .referral_document(&session.actor, referral_id(&id)?, document)
        .await?;
    Ok(file_response(file))
}

/// A participant's referrals in and out.
///
/// Newest first, for the participant's own coach. Audited.
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/referrals",
    operation_id = "listParticipantReferrals",
    tag = "referrals",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    responses(
        (status = 200, description = "The referrals.", body = ReferralList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn participant_index(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let items = state
        .service
        .participant_referrals(&session.actor, participant_id(&id)?)
        .await?
        .into_iter()
        .map(ReferralOut::from)
        .collect();
    Ok(Json(ReferralList { items }).into_response())
}

fn participant_referral(b: ParticipantReferralIn) -> WebResult<NewParticipantReferral> {
    Ok(NewParticipantReferral {
        direction: code("direction", ReferralDirection::parse(&b.direction))?,
        source: b
            .source
            .map(|s| code("source", ReferralSource::parse(&s)))
            .transpose()?,
        destination: b
            .destination
            .map(|s| code("destination", ReferralDestination::parse(&s)))
            .transpose()?,
        organisation: b.organisation,
        referred_on: b.referred_on,
        reason: b.reason,
        status: b
            .status
            .map(|s| code("status", ReferralStatus::parse(&s)))
            .transpose()?,
        outcome: b.outcome,
        outcome_on: b.outcome_on,
    })
}

/// Record a referral in or out.
///
/// The own coach: in from Ohjaamo, the employment services, social services, another project
/// or elsewhere (`source`), or out to rehabilitation, health services, education, another
/// project or elsewhere (`destination`), with the date, the reason and, for a final state, the
/// outcome.
#[utoipa::path(
    post,
    path = "/api/v1/participants/{id}/referrals",
    operation_id = "createParticipantReferral",
    tag = "referrals",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    request_body = ParticipantReferralIn,
    responses(
        (status = 201, description = "Recorded.", body = ReferralOut, headers(
            ("ETag" = String, description = "Its version."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn participant_create(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let b: ParticipantReferralIn =
        match super::io::participant_write(&state, &session.actor, id, &headers, &body).await? {
            Ok(b) => b,
            Err(res) => return Ok(res),
        };
    let view = state
        .service
        .record_referral(&session.actor, id, participant_referral(b)?)
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    Ok(tagged(
        StatusCode::CREATED,
        view.version,
        &ReferralOut::from(view),
    ))
}

/// Move a participant's referral on.
///
/// The own coach: a referral out goes sent → started | not started, started → completed |
/// ended (`rule-referral-status-move` otherwise); `not_started` and `ended` need an outcome.
#[utoipa::path(
    post,
    path = "/api/v1/participants/{id}/referrals/{referral}",
    operation_id = "updateParticipantReferral",
    tag = "referrals",
    params(
        ("id" = uuid::Uuid, Path, description = "The participant's id."),
        ("referral" = uuid::Uuid, Path, description = "The referral's id."),
        ("If-Match" = String, Header, description = "The referral's ETag."),
    ),
    request_body = UpdateIn,
    responses(
        (status = 200, description = "Changed.", body = ReferralOut, headers(
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
pub async fn participant_update(
    State(state): State<AppState>,
    session: Session,
    Path((id, referral)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let referral = referral_id(&referral)?;
    let b: UpdateIn =
        match super::io::participant_write(&state, &session.actor, id, &headers, &body).await? {
            Ok(b) => b,
            Err(res) => return Ok(res),
        };
    let current = state.service.referral(&session.actor, referral).await?;
    if current.participant_id != Some(id) {
        return Err(WebError::NotFound);
    }
    require_version(&headers, current.version)?;
    let update = ReferralUpdate {
        status: code("status", ReferralStatus::parse(&b.status))?,
        outcome: b.outcome,
        outcome_on: b.outcome_on,
    };
    let view = state
        .service
        .update_referral(&session.actor, id, referral, current.version, update)
        .await
        .map_err(write_error)?;
    Ok(ok_tagged(view.version, &ReferralOut::from(view)))
}

/// An incoming referral of a person who is not yet a participant, recorded by a coach.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewIntakeReferral)]
struct IntakeReferralIn {
    /// A project where the caller is a coach (`rule-referral-unknown-project` otherwise).
    project: Uuid,
    /// `ohjaamo`, `employment_services`, `social_services`, `other_project` or `other`; a
    /// school (`institution`) refers through `POST /api/v1/referrals`
    /// (`rule-referral-intake-school`).
    source: String,
    /// The referring organisation's name (e.g. "Ohjaamo Lahti").
    organisation: String,
    /// When the person was referred: today or earlier.
    referred_on: Date,
    reason: String,
    /// The person's contact details, goals, strengths and support needs.
    handover: HandoverIo,
    /// The person's consent to the referral, with the hash of the intake wording read to them
    /// per category (`shown`; left out, the current wording's hash is recorded; a stale one is
    /// `422` on `consent.shown`). `documents` is not recorded for an intake referral. Without
    /// it the referral is refused (`rule-referral-needs-consent`).
    #[serde(default)]
    consent: Option<ConsentIn>,
}

fn intake_path_of(field: &str) -> String {
    match field {
        "text_version_hash" => "consent.shown".to_owned(),
        other => path_of(other),
    }
}

/// Record an incoming referral of a person who is not yet a participant.
///
/// A coach of the project records a referral from Ohjaamo, the employment services, social
/// services, another project or elsewhere, with the person's contact details, goals, strengths
/// and support needs and the person's consent (`rule-referral-needs-consent` without one, or
/// one not covering every kind of data recorded). It waits in the project's list
/// (`GET /api/v1/referrals`) until a coach accepts it (`POST /api/v1/referrals/{id}/accept`
/// creates the participant) or a coach or manager declines it. A project where the caller is
/// not a coach is `rule-referral-unknown-project`; a school as the source is
/// `rule-referral-intake-school`. Nothing is stored on a refusal.
#[utoipa::path(
    post,
    path = "/api/v1/referrals/intake",
    operation_id = "createIntakeReferral",
    tag = "referrals",
    request_body = IntakeReferralIn,
    responses(
        (status = 201, description = "Recorded: pending.", body = ReferralOut, headers(
            ("ETag" = String, description = "Its version."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn create_intake(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let b: IntakeReferralIn = match json_body(&headers, &body)? {
        Ok(b) => b,
        Err(res) => return Ok(res),
    };
    let source = code("source", ReferralSource::parse(&b.source))?;
    let referred_on = b.referred_on;
    let base = school_referral(SchoolReferralIn {
        project: b.project,
        organisation: b.organisation,
        reason: b.reason,
        handover: b.handover,
        consent: b.consent,
    })?;
    let new = NewIntakeReferral {
        project: base.project,
        source,
        organisation: base.organisation,
        referred_on,
        reason: base.reason,
        handover: base.handover,
        consent: base.consent,
    };
    let view = state
        .service
        .record_intake_referral(&session.actor, new)
        .await
        .map_err(|e| service_err(e, intake_path_of))?;
    Ok(tagged(
        StatusCode::CREATED,
        view.version,
        &ReferralOut::from(view),
    ))
}

/// Intake referrals for the caller.
///
/// The incoming referrals of people who were not yet participants (recorded with
/// `POST /api/v1/referrals/intake` or on the page `/referrals/intake`) to the projects where
/// the caller is a coach or a manager: `GET /api/v1/referrals` without the schools' referrals,
/// by the same rules, newest first, with the waiting time in days while pending. Audited.
#[utoipa::path(
    get,
    path = "/api/v1/referrals/intake",
    operation_id = "listIntakeReferrals",
    tag = "referrals",
    responses(
        (status = 200, description = "The intake referrals.", body = ReferralList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    ),
)]
pub async fn intake_index(State(state): State<AppState>, session: Session) -> WebResult<Response> {
    let items = state
        .service
        .intake_referral_inbox(&session.actor)
        .await?
        .into_iter()
        .map(ReferralOut::from)
        .collect();
    Ok(Json(ReferralList { items }).into_response())
}
