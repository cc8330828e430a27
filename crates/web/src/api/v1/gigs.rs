//! Gigs through the API: the same use cases as the pages (`polku_service::gigs`). A gig's
//! `version` is its `ETag`; an offer is a placement (`/api/v1/placements/{id}`), whose result
//! takes the placement's `If-Match`.

use super::io::{not_json, parse, require_version, service_err, tagged, text, write_error};
use super::placements::PlacementOut;
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
use polku_domain::gig::{format_start, parse_start};
use polku_domain::{
    DomainError, EmployerId, GigHours, GigId, GigState, MunicipalityCode, ParticipantId,
    PlacementId, TaskId,
};
use polku_service::gigs::{GigResult, GigView, NewGig};
use polku_service::ServiceError;
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;

/// One task of a gig.
#[derive(Debug, Serialize, ToSchema)]
struct GigTask {
    id: Uuid,
    title: String,
}

/// A gig. `version` is also the `ETag`. `offers` are the placements (of kind gig) the caller
/// has a role in; present on a single gig only.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Gig)]
struct GigOut {
    id: Uuid,
    employer: Uuid,
    employer_name: String,
    /// `YYYY-MM-DD`.
    on: Date,
    /// `HH:MM`, Finnish time.
    starts_at: String,
    /// 0.5–12, in half hours.
    hours: f64,
    /// Municipality code.
    municipality: String,
    place: String,
    tasks: Vec<GigTask>,
    places: u8,
    #[schema(value_type = schema::GigState)]
    state: GigState,
    offers: Vec<PlacementOut>,
    #[schema(minimum = 1)]
    version: i64,
}

impl GigOut {
    fn from_view(v: GigView) -> Self {
        let g = v.gig;
        GigOut {
            id: g.id.0,
            employer: g.employer_id.0,
            employer_name: v.employer_name,
            on: g.on,
            starts_at: format_start(g.starts_at),
            hours: g.hours.hours(),
            municipality: g.municipality.to_string(),
            place: g.place,
            tasks: v
                .tasks
                .into_iter()
                .map(|(id, title)| GigTask { id: id.0, title })
                .collect(),
            places: g.places,
            state: g.state,
            offers: v.offers.into_iter().map(PlacementOut::from_view).collect(),
            version: g.version,
        }
    }
}

/// Gigs, soonest first.
#[derive(Debug, Serialize, ToSchema)]
struct GigList {
    items: Vec<GigOut>,
}

/// A gig to post.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewGig)]
struct GigIn {
    employer: Uuid,
    /// `YYYY-MM-DD`; today or later.
    on: Date,
    /// `HH:MM`, Finnish time.
    starts_at: String,
    /// 0.5–12, in half hours.
    #[schema(minimum = 0.5, maximum = 12)]
    hours: f64,
    /// Municipality code; default the employer's.
    #[serde(default)]
    municipality: Option<String>,
    /// Address or place.
    #[schema(max_length = 300)]
    place: String,
    /// The employer's tasks.
    #[schema(min_items = 1)]
    tasks: Vec<Uuid>,
    /// How many people.
    #[schema(minimum = 1, maximum = 20)]
    places: u8,
}

/// A suitable participant for a gig. `name` and `participant` are present for the coach's own
/// participants only; a coordinator sees candidates pseudonymously.
#[derive(Debug, Serialize, ToSchema)]
struct GigCandidateOut {
    rank: usize,
    score: f64,
    /// What fits, as the engine's codes.
    fits: Vec<String>,
    /// Demands the person was not assessed on.
    to_check: Vec<String>,
    #[schema(required = true)]
    participant: Option<Uuid>,
    #[schema(required = true)]
    name: Option<String>,
}

/// Suitable participants, best first.
#[derive(Debug, Serialize, ToSchema)]
struct GigCandidateList {
    items: Vec<GigCandidateOut>,
}

/// An offer of a gig to a participant.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = GigOffer)]
struct OfferIn {
    participant: Uuid,
}

/// A gig's result.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = GigResult)]
struct ResultIn {
    /// Whether the gig was done.
    done: bool,
    /// Hours actually worked (0.5–12); required when done.
    #[serde(default)]
    hours: Option<f64>,
    /// Why it did not happen; required when not done.
    #[serde(default)]
    #[schema(max_length = 2000)]
    reason: Option<String>,
}

fn gig_id(id: &str) -> WebResult<GigId> {
    GigId::parse(id).map_err(|_| WebError::NotFound)
}

fn invalid(e: DomainError) -> WebError {
    service_err(ServiceError::Invalid(e), str::to_owned)
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

/// Post a gig.
///
/// An employer user for an employer they represent, or a coordinator of the employer's project.
/// The tasks must be the employer's, the day today or later, the hours 0.5–12 in half hours.
#[utoipa::path(
    post,
    path = "/api/v1/gigs",
    operation_id = "postGig",
    tag = "gigs",
    request_body = GigIn,
    responses(
        (status = 201, description = "Posted.", body = GigOut, headers(
            ("Location" = String, description = "The gig."),
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
    let g: GigIn = match json_body(&headers, &body)? {
        Ok(g) => g,
        Err(res) => return Ok(res),
    };
    let new = NewGig {
        employer: EmployerId(g.employer),
        on: g.on,
        starts_at: parse_start(&g.starts_at).map_err(invalid)?,
        hours: GigHours::from_hours(g.hours).map_err(invalid)?,
        municipality: g
            .municipality
            .as_deref()
            .map(MunicipalityCode::known)
            .transpose()
            .map_err(invalid)?,
        place: g.place,
        tasks: g.tasks.into_iter().map(TaskId).collect(),
        places: g.places,
    };
    let today = polku_service::today();
    let gig = state
        .service
        .post_gig(&session.actor, new, today)
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    let view = state.service.gig(&session.actor, gig.id).await?;
    let mut res = tagged(
        StatusCode::CREATED,
        view.gig.version,
        &GigOut::from_view(view),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/gigs/{}", gig.id)) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

/// Gigs.
///
/// The open gigs (today or later) of the projects where the caller coaches or coordinates, and
/// every gig of the employers the caller represents as an employer user.
#[utoipa::path(
    get,
    path = "/api/v1/gigs",
    operation_id = "listGigs",
    tag = "gigs",
    responses(
        (status = 200, description = "The gigs.", body = GigList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    ),
)]
pub async fn index(State(state): State<AppState>, session: Session) -> WebResult<Response> {
    let items = state
        .service
        .gigs_for(&session.actor, polku_service::today())
        .await?
        .into_iter()
        .map(GigOut::from_view)
        .collect();
    Ok(Json(GigList { items }).into_response())
}

/// A gig.
///
/// For the project's coaches and coordinators and the employer's users, with the offers the
/// caller has a role in.
#[utoipa::path(
    get,
    path = "/api/v1/gigs/{id}",
    operation_id = "getGig",
    tag = "gigs",
    params(("id" = uuid::Uuid, Path, description = "The gig's id.")),
    responses(
        (status = 200, description = "The gig.", body = GigOut, headers(
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
    let view = state.service.gig(&session.actor, gig_id(&id)?).await?;
    Ok(tagged(
        StatusCode::OK,
        view.gig.version,
        &GigOut::from_view(view),
    ))
}

/// Suitable participants for a gig.
///
/// Ranked by the matching engine within the hard limits (municipality and commuting, day,
/// evening, night and weekend work, functioning, languages, availability). A coach sees their
/// own caseload by name; a coordinator every candidate pseudonymously.
#[utoipa::path(
    get,
    path = "/api/v1/gigs/{id}/candidates",
    operation_id = "listGigCandidates",
    tag = "gigs",
    params(("id" = uuid::Uuid, Path, description = "The gig's id.")),
    responses(
        (status = 200, description = "The candidates.", body = GigCandidateList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn candidates(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let items = state
        .service
        .gig_candidates(&session.actor, gig_id(&id)?, 20, polku_service::today())
        .await?
        .into_iter()
        .map(|c| GigCandidateOut {
            rank: c.candidate.rank,
            score: c.candidate.score,
            fits: c.candidate.fits,
            to_check: c.candidate.to_check,
            participant: c.participant.as_ref().map(|(p, _)| p.0),
            name: c.participant.map(|(_, n)| n),
        })
        .collect();
    Ok(Json(GigCandidateList { items }).into_response())
}

/// Offer a gig to a participant.
///
/// The participant's coach: a placement of kind gig for the gig's day, hours and tasks is
/// proposed to the employer (consent to disclose to employers needed, as for any proposal).
/// The gig must be open and the participant suitable for it.
#[utoipa::path(
    post,
    path = "/api/v1/gigs/{id}/offers",
    operation_id = "offerGig",
    tag = "gigs",
    params(("id" = uuid::Uuid, Path, description = "The gig's id.")),
    request_body = OfferIn,
    responses(
        (status = 201, description = "Offered: the placement.", body = PlacementOut, headers(
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
pub async fn offer(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = gig_id(&id)?;
    state.service.gig(&session.actor, id).await?;
    let o: OfferIn = match json_body(&headers, &body)? {
        Ok(o) => o,
        Err(res) => return Ok(res),
    };
    let p = state
        .service
        .offer_gig(
            &session.actor,
            id,
            ParticipantId(o.participant),
            polku_service::today(),
        )
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    let view = state.service.placement(&session.actor, p.id).await?;
    let mut res = tagged(
        StatusCode::CREATED,
        view.placement.version,
        &PlacementOut::from_view(view),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/placements/{}", p.id)) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

/// Record a gig's result.
///
/// Done with the hours actually worked (the placement completes and shows as the
/// participant's work experience), or did not happen with a reason (it is interrupted). The
/// participant's coach or a user of the employer, on or after the gig's day, once agreed.
#[utoipa::path(
    post,
    path = "/api/v1/placements/{id}/gig-result",
    operation_id = "recordGigResult",
    tag = "gigs",
    params(
        ("id" = uuid::Uuid, Path, description = "The placement's id."),
        ("If-Match" = String, Header, description = "The placement's ETag."),
    ),
    request_body = ResultIn,
    responses(
        (status = 200, description = "Recorded.", body = PlacementOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 412, response = PreconditionFailed),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
        (status = 428, response = PreconditionRequired),
    ),
)]
pub async fn result(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = PlacementId::parse(&id).map_err(|_| WebError::NotFound)?;
    let current = state.service.placement(&session.actor, id).await?;
    require_version(&headers, current.placement.version)?;
    let r: ResultIn = match json_body(&headers, &body)? {
        Ok(r) => r,
        Err(res) => return Ok(res),
    };
    let result = if r.done {
        let hours = r.hours.ok_or_else(|| {
            invalid(DomainError::Rule {
                field: "hours",
                rule: "gig_hours_range",
            })
        })?;
        GigResult::Done(GigHours::from_hours(hours).map_err(invalid)?)
    } else {
        GigResult::DidNotHappen(r.reason.unwrap_or_default())
    };
    state
        .service
        .record_gig_result(
            &session.actor,
            id,
            result,
            current.placement.version,
            polku_service::today(),
        )
        .await
        .map_err(write_error)?;
    let view = state.service.placement(&session.actor, id).await?;
    Ok(tagged(
        StatusCode::OK,
        view.placement.version,
        &PlacementOut::from_view(view),
    ))
}

/// Cancel a gig.
///
/// An employer user of the gig's employer or a coordinator of its project cancels an open or
/// filled gig (offers still waiting for an answer are left to their coaches to withdraw). The
/// change is version-checked (If-Match with the gig's ETag) and audited.
#[utoipa::path(
    post,
    path = "/api/v1/gigs/{id}/cancel",
    operation_id = "cancelGig",
    tag = "gigs",
    params(
        ("id" = uuid::Uuid, Path, description = "The gig's id."),
        ("If-Match" = String, Header, description = "The gig's ETag."),
    ),
    responses(
        (status = 200, description = "Cancelled.", body = GigOut, headers(
            ("ETag" = String, description = "Its new version."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 412, response = PreconditionFailed),
        (status = 422, response = Invalid),
        (status = 428, response = PreconditionRequired),
    ),
)]
pub async fn cancel(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> WebResult<Response> {
    let id = gig_id(&id)?;
    let current = state.service.gig(&session.actor, id).await?;
    require_version(&headers, current.gig.version)?;
    state
        .service
        .cancel_gig(&session.actor, id, current.gig.version)
        .await
        .map_err(write_error)?;
    let view = state.service.gig(&session.actor, id).await?;
    Ok(tagged(
        StatusCode::OK,
        view.gig.version,
        &GigOut::from_view(view),
    ))
}
