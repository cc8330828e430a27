//! Trial agreements through the API: the same use cases as the pages
//! (`polku_service::agreements`). The agreement's `version` is its `ETag`; a change takes
//! `If-Match` (the first save of an agreement has none), and an acceptance names the version
//! accepted with `If-Match`. The PDF is rendered in the language asked with `?lang=`.

use super::io::{not_json, ok_tagged, parse, require_version, text, write_error};
use super::schemas::errors::{
    Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthenticated,
    UnsupportedMediaType,
};
use crate::error::{WebError, WebResult};
use crate::i18n::Locale;
use crate::middleware::session::Session;
use crate::pages::agreements::pdf;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use polku_domain::{
    AcceptanceMethod, AgreementParty, AllowancePayer, PlacementId, TaskId, TrialAgreement,
};
use polku_service::agreements::{AgreementInput, AgreementView, TermsChange};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// One acceptance of one version of the agreement.
#[derive(Debug, Serialize, ToSchema)]
struct AcceptanceOut {
    /// `participant`, `organiser`, `authority` or `coach`.
    #[schema(value_type = String, example = "organiser")]
    party: AgreementParty,
    /// `service` or `paper`.
    #[schema(value_type = String, example = "service")]
    method: AcceptanceMethod,
    /// Who accepted in the service, or who signed on paper.
    name: String,
    #[serde(with = "time::serde::rfc3339")]
    accepted_at: OffsetDateTime,
    agreement_version: i64,
    /// Whether it counts for the current version (a change voids earlier acceptances).
    current: bool,
}

/// The trial agreement of a placement. `version` is also the `ETag`.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = TrialAgreement)]
struct AgreementOut {
    placement: Uuid,
    objective: String,
    signatory_name: String,
    signatory_title: String,
    authority_name: String,
    authority_organisation: String,
    authority_contact: String,
    #[schema(required = true)]
    mentor_name: Option<String>,
    /// Euros a day: 9 or 18.
    allowance_per_day: u8,
    /// `kela` (Kela or the unemployment fund) or `authority`.
    #[schema(value_type = String, example = "kela")]
    allowance_payer: AllowancePayer,
    other_terms: String,
    acceptances: Vec<AcceptanceOut>,
    /// Required parties that have not accepted the current version.
    #[schema(value_type = Vec<String>)]
    missing: Vec<AgreementParty>,
    #[schema(minimum = 1)]
    version: i64,
}

fn out(v: AgreementView, a: TrialAgreement) -> AgreementOut {
    AgreementOut {
        placement: a.placement_id.0,
        objective: a.objective,
        signatory_name: a.signatory_name,
        signatory_title: a.signatory_title,
        authority_name: a.authority_name,
        authority_organisation: a.authority_organisation,
        authority_contact: a.authority_contact,
        mentor_name: a.mentor_name,
        allowance_per_day: a.allowance_per_day,
        allowance_payer: a.allowance_payer,
        other_terms: a.other_terms,
        acceptances: v
            .acceptances
            .into_iter()
            .map(|c| AcceptanceOut {
                party: c.acceptance.party,
                method: c.acceptance.method,
                name: c.name,
                accepted_at: c.acceptance.accepted_at,
                agreement_version: c.acceptance.agreement_version,
                current: c.current,
            })
            .collect(),
        missing: v.missing,
        version: a.version,
    }
}

/// The agreement as the coach writes it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = TrialAgreementInput)]
struct AgreementIn {
    #[schema(max_length = 2000)]
    objective: String,
    signatory_name: String,
    signatory_title: String,
    authority_name: String,
    authority_organisation: String,
    authority_contact: String,
    #[serde(default)]
    mentor_name: Option<String>,
    /// 9 or 18.
    allowance_per_day: u8,
    /// `kela` or `authority`.
    #[schema(value_type = String, example = "kela")]
    allowance_payer: AllowancePayer,
    #[serde(default)]
    #[schema(max_length = 2000)]
    other_terms: String,
    /// New tasks of the placement (absent: unchanged).
    #[serde(default)]
    tasks: Option<Vec<Uuid>>,
    /// New start date (absent: unchanged).
    #[serde(default)]
    start: Option<Date>,
    /// New end date (absent: unchanged).
    #[serde(default)]
    end: Option<Date>,
    /// New hours a day (absent: unchanged); a work trial 4–8.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 12)]
    hours_per_day: Option<u8>,
    /// New days a week (absent: unchanged); a trial at most 5.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 7)]
    days_per_week: Option<u8>,
}

/// An acceptance: in the service by the caller (the participant or a user of the employer), or
/// on paper as the coach records it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = AgreementAcceptanceInput)]
struct AcceptanceIn {
    /// `service` (default) or `paper`.
    #[serde(default)]
    #[schema(value_type = Option<String>, example = "paper")]
    method: Option<AcceptanceMethod>,
    /// For `paper`: the party who signed.
    #[serde(default)]
    #[schema(value_type = Option<String>, example = "authority")]
    party: Option<AgreementParty>,
    /// For `paper`: who signed.
    #[serde(default)]
    signer_name: Option<String>,
    /// For `paper`: the day signed (default today in Finland).
    #[serde(default)]
    signed_on: Option<Date>,
}

fn placement_id(id: &str) -> WebResult<PlacementId> {
    PlacementId::parse(id).map_err(|_| WebError::NotFound)
}

async fn current(state: &AppState, session: &Session, id: PlacementId) -> WebResult<Response> {
    let v = state.service.agreement(&session.actor, id).await?;
    let Some(a) = v.agreement.clone() else {
        return Err(WebError::NotFound);
    };
    let version = a.version;
    Ok(ok_tagged(version, &out(v, a)))
}

/// A placement's trial agreement.
///
/// With every acceptance (those of earlier versions marked not current) and the parties still
/// to accept. For the participant's coach, the participant and the employer's users; 404 before
/// the agreement is written.
#[utoipa::path(
    get,
    path = "/api/v1/placements/{id}/agreement",
    operation_id = "getTrialAgreement",
    tag = "placements",
    params(("id" = uuid::Uuid, Path, description = "The placement's id.")),
    responses(
        (status = 200, description = "The agreement.", body = AgreementOut, headers(
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
    current(&state, &session, placement_id(&id)?).await
}

/// Write the trial agreement.
///
/// The participant's coach writes the agreement of an agreed work or education trial; the
/// first save takes no `If-Match`, every later one the current `ETag`. Every save is a new
/// version, and earlier acceptances no longer count. New terms (`tasks`, `start`, `end`, `hours_per_day`, `days_per_week`; absent ones
/// unchanged) are checked against the trial
/// law (work trial 4–8 hours a day, at most 5 days a week, 6 months per organiser and 12 in
/// all; education trial at most 10 days), a broken rule being 422 on its field.
#[utoipa::path(
    put,
    path = "/api/v1/placements/{id}/agreement",
    operation_id = "putTrialAgreement",
    tag = "placements",
    params(
        ("id" = uuid::Uuid, Path, description = "The placement's id."),
        ("If-Match" = Option<String>, Header, description = "The agreement's ETag (not on the first save)."),
    ),
    request_body = AgreementIn,
    responses(
        (status = 200, description = "Saved.", body = AgreementOut, headers(
            ("ETag" = String, description = "Its new version."),
        )),
        (status = 201, description = "Written for the first time.", body = AgreementOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 412, response = PreconditionFailed),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
        (status = 428, response = PreconditionRequired),
    ),
)]
pub async fn put(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let existing = state.service.agreement(&session.actor, id).await?;
    let expected = match &existing.agreement {
        Some(a) => {
            require_version(&headers, a.version)?;
            Some(a.version)
        }
        None => None,
    };
    if let Some(res) = not_json(&headers) {
        return Ok(res);
    }
    let a: AgreementIn = parse(text(&body)?)?;
    let p = &existing.placement.placement;
    let changes_terms = a.tasks.is_some()
        || a.start.is_some()
        || a.end.is_some()
        || a.hours_per_day.is_some()
        || a.days_per_week.is_some();
    let terms = changes_terms.then(|| TermsChange {
        tasks: a
            .tasks
            .map_or_else(|| p.tasks.clone(), |t| t.into_iter().map(TaskId).collect()),
        starts_on: a.start.unwrap_or(p.starts_on),
        ends_on: a.end.or(p.ends_on),
        hours_per_day: a.hours_per_day.unwrap_or(p.hours_per_day),
        days_per_week: a.days_per_week.unwrap_or(p.days_per_week),
    });
    let input = AgreementInput {
        objective: a.objective,
        signatory_name: a.signatory_name,
        signatory_title: a.signatory_title,
        authority_name: a.authority_name,
        authority_organisation: a.authority_organisation,
        authority_contact: a.authority_contact,
        mentor_name: a.mentor_name,
        allowance_per_day: a.allowance_per_day,
        allowance_payer: a.allowance_payer,
        other_terms: a.other_terms,
        terms,
    };
    state
        .service
        .save_agreement(&session.actor, id, input, expected)
        .await
        .map_err(write_error)?;
    let mut res = current(&state, &session, id).await?;
    if expected.is_none() {
        *res.status_mut() = StatusCode::CREATED;
    }
    Ok(res)
}

/// Accept the trial agreement.
///
/// The participant accepts for themself and a user of the employer as the organiser, in the
/// service (`method` `service`); the participant's coach records an acceptance signed on paper
/// for any party (`method` `paper`, with `party`, `signer_name` and `signed_on`). `If-Match`
/// names the version accepted: a stale one is 412.
#[utoipa::path(
    post,
    path = "/api/v1/placements/{id}/agreement/acceptances",
    operation_id = "acceptTrialAgreement",
    tag = "placements",
    params(
        ("id" = uuid::Uuid, Path, description = "The placement's id."),
        ("If-Match" = String, Header, description = "The agreement's ETag: the version accepted."),
    ),
    request_body = AcceptanceIn,
    responses(
        (status = 201, description = "Recorded (or already recorded).", body = AgreementOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 412, response = PreconditionFailed),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
        (status = 428, response = PreconditionRequired),
    ),
)]
pub async fn accept(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    let existing = state.service.agreement(&session.actor, id).await?;
    let Some(a) = existing.agreement else {
        return Err(WebError::NotFound);
    };
    require_version(&headers, a.version)?;
    if let Some(res) = not_json(&headers) {
        return Ok(res);
    }
    let c: AcceptanceIn = parse(text(&body)?)?;
    match c.method.unwrap_or(AcceptanceMethod::Service) {
        AcceptanceMethod::Service => {
            state
                .service
                .accept_agreement(&session.actor, id, a.version)
                .await
                .map_err(write_error)?;
        }
        AcceptanceMethod::Paper => {
            let Some(party) = c.party else {
                return Err(super::io::invalid("party", super::io::FIELD_MISSING));
            };
            state
                .service
                .record_paper_acceptance(
                    &session.actor,
                    id,
                    party,
                    c.signer_name.as_deref().unwrap_or(""),
                    c.signed_on.unwrap_or_else(polku_service::today),
                    a.version,
                )
                .await
                .map_err(write_error)?;
        }
    }
    let mut res = current(&state, &session, id).await?;
    *res.status_mut() = StatusCode::CREATED;
    Ok(res)
}

/// The trial agreement as PDF.
///
/// A tagged, accessible PDF in Finnish, Swedish or English (`?lang=`, default the caller's
/// language `fi`) naming the parties, the tasks with their hours, the working time, the dates, the
/// workplace mentor, the employment authority's contact, the expense allowance and each
/// party's acceptance. For the agreement's parties; 404 before it is written.
#[utoipa::path(
    get,
    path = "/api/v1/placements/{id}/agreement.pdf",
    operation_id = "getTrialAgreementPdf",
    tag = "placements",
    params(
        ("id" = uuid::Uuid, Path, description = "The placement's id."),
        ("lang" = Option<String>, Query, description = "`fi`, `sv` or `en`."),
    ),
    responses(
        (status = 200, description = "The agreement.", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Invalid),
    ),
)]
pub async fn pdf_file(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    pdf::download(
        &state,
        &session,
        id,
        q.get("lang").map(String::as_str),
        Locale::Fi,
    )
    .await
}
