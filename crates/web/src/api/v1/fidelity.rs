//! The IPS-25 fidelity self-assessment through the API: the same use cases as the page
//! (`polku_service::fidelity`). The profile is read with `GET`; a rating is saved with `PUT` on
//! the item's rating, whose `ETag` is the newest version of the item's rating (`"0"` before the
//! first) and which takes `If-Match`. Managers of the project and admins; anyone else 404.

use super::io::{etag, if_match, invalid, not_json, parse, service_err, text};
use super::schemas::errors::{
    BadRequest, Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired,
    Unauthenticated, UnsupportedMediaType,
};
use crate::error::{WebError, WebResult};
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_domain::fidelity::FidelityScale;
use polku_domain::{ProjectId, ReportFilter, UserId};
use polku_service::fidelity::{FidelityProfile, FidelityRating};
use polku_service::ServiceError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::{Date, Duration, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The period and scope of a profile.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProfileQuery {
    /// First day (YYYY-MM-DD); default 89 days before `to`.
    from: Option<String>,
    /// Last day (YYYY-MM-DD); default today.
    to: Option<String>,
    /// A coach of the project: that coach's figures; default the whole project.
    coach: Option<Uuid>,
}

/// A figure computed from the case log.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = FidelityFigure)]
struct FigureOut {
    /// `caseload`, `coaches`, `days_to_first_employer_contact`, `employer_contacts_per_week`,
    /// `job_type_diversity`, `employer_diversity`, `competitive_share`,
    /// `follow_along_support_share`, `follow_along_four_months_share` or `community_share`.
    metric: String,
    /// `people`, `coaches`, `days`, `per_week` or `percent`.
    unit: String,
    /// `null` when the log holds nothing to compute it from.
    #[schema(required = true)]
    value: Option<f64>,
    /// What was counted …
    numerator: u64,
    /// … out of what.
    denominator: u64,
    /// How many records of the log it rests on.
    records: u64,
}

/// The newest rating of an item.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = FidelityRating)]
struct RatingOut {
    item: u8,
    #[schema(minimum = 1, maximum = 5)]
    score: u8,
    note: String,
    rated_by: Uuid,
    #[schema(required = true)]
    rated_by_name: Option<String>,
    rated_at: OffsetDateTime,
    /// Also the `ETag` of the item's rating.
    #[schema(minimum = 1)]
    version: i64,
}

impl RatingOut {
    fn of(r: &FidelityRating, name: Option<String>) -> Self {
        RatingOut {
            item: r.item,
            score: r.score,
            note: r.note.clone(),
            rated_by: r.rated_by.0,
            rated_by_name: name,
            rated_at: r.rated_at,
            version: r.version,
        }
    }
}

/// One item of the profile.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = FidelityItem)]
struct ItemOut {
    #[schema(minimum = 1, maximum = 25)]
    number: u8,
    key: String,
    /// `staffing`, `organisation` or `services`.
    section: String,
    /// The item's name in Finnish, Swedish and English.
    name: BTreeMap<String, String>,
    /// The score used: computed when the log gives one, else the newest rating.
    #[schema(required = true, minimum = 1, maximum = 5)]
    score: Option<u8>,
    /// `computed`, `rated` or `unscored`.
    source: String,
    /// The item gets its score from the log (when the log holds enough).
    computed: bool,
    #[schema(required = true)]
    figure: Option<FigureOut>,
    #[schema(required = true)]
    computed_score: Option<u8>,
    #[schema(required = true)]
    rating: Option<RatingOut>,
    /// The anchors were checked against the cited scale text.
    anchors_verified: bool,
}

/// A fidelity profile.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = FidelityProfile)]
struct ProfileOut {
    project: Uuid,
    from: Date,
    to: Date,
    /// The coach whose figures these are; `null` for the whole project.
    #[schema(required = true)]
    coach: Option<Uuid>,
    items: Vec<ItemOut>,
    total: u16,
    scored: usize,
    /// `exemplary`, `good`, `fair` or `not_ips`, once all 25 items are scored.
    #[schema(required = true)]
    band: Option<String>,
    /// The scale's name, edition and licence note.
    scale: String,
}

fn names(l: &polku_domain::fidelity::Localised) -> BTreeMap<String, String> {
    BTreeMap::from([
        ("fi".to_owned(), l.fi.clone()),
        ("sv".to_owned(), l.sv.clone()),
        ("en".to_owned(), l.en.clone()),
    ])
}

impl ProfileOut {
    fn of(p: FidelityProfile) -> Self {
        let scale = FidelityScale::get();
        ProfileOut {
            project: p.project.id.0,
            from: p.filter.from,
            to: p.filter.to,
            coach: p.coach.as_ref().map(|(c, _)| c.0),
            items: p
                .items
                .iter()
                .map(|i| ItemOut {
                    number: i.item.number,
                    key: i.item.key.clone(),
                    section: i.item.section.clone(),
                    name: names(&i.item.name),
                    score: i.score,
                    source: i.source.as_str().to_owned(),
                    computed: i.item.is_computed(),
                    figure: i.figure.as_ref().map(|f| FigureOut {
                        metric: serde_json::to_value(f.metric)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                            .unwrap_or_default(),
                        unit: i
                            .item
                            .derived
                            .as_ref()
                            .map(|d| d.unit.clone())
                            .unwrap_or_default(),
                        value: f.value,
                        numerator: f.numerator,
                        denominator: f.denominator,
                        records: f.records,
                    }),
                    computed_score: i.computed_score,
                    rating: i
                        .rating
                        .as_ref()
                        .map(|r| RatingOut::of(r, i.rated_by_name.clone())),
                    anchors_verified: i.item.anchors_verified,
                })
                .collect(),
            total: p.total,
            scored: p.scored,
            band: p.band.map(|b| b.key.clone()),
            scale: format!(
                "{} ({}). {}",
                scale.scale.name, scale.scale.edition, scale.scale.licence
            ),
        }
    }
}

/// A rating to save.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = FidelityRatingInput)]
struct RatingIn {
    #[schema(minimum = 1, maximum = 5)]
    score: u8,
    /// What the rating rests on.
    #[serde(default)]
    #[schema(max_length = 2000)]
    note: String,
}

fn project_id(id: &str) -> WebResult<ProjectId> {
    ProjectId::parse(id).map_err(|_| WebError::NotFound)
}

fn day(s: &str, field: &str) -> WebResult<Date> {
    Date::parse(
        s.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map_err(|_| invalid(field, "ips-error-date"))
}

/// A project's IPS fidelity profile.
///
/// All 25 items of the IPS-25 fidelity scale for the project, or for one of its coaches, over
/// a period: the computed items with the figure from the case log and the score its anchors
/// give, the newest manager's rating of the others, the total and the fidelity band (once all
/// 25 are scored). Managers of the project and admins.
#[utoipa::path(
    get,
    path = "/api/v1/projects/{id}/fidelity",
    operation_id = "getFidelityProfile",
    tag = "fidelity",
    params(("id" = uuid::Uuid, Path, description = "The project's id."), ProfileQuery),
    responses(
        (status = 200, description = "The profile.", body = ProfileOut),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Invalid),
    ),
)]
pub async fn profile(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    Query(q): Query<ProfileQuery>,
) -> WebResult<Response> {
    let project = project_id(&id)?;
    let to = match q.to.as_deref() {
        Some(s) => day(s, "to")?,
        None => polku_service::today(),
    };
    let from = match q.from.as_deref() {
        Some(s) => day(s, "from")?,
        None => to - Duration::days(89),
    };
    let filter = ReportFilter::new(from, to)
        .map_err(|_| invalid("to", "ips-error-period"))?
        .with_project(project);
    let p = state
        .service
        .fidelity_profile(&session.actor, &filter, q.coach.map(UserId))
        .await?;
    Ok(Json(ProfileOut::of(p)).into_response())
}

/// Rate an item.
///
/// Rates an item of the project's fidelity scale 1–5 with a note. Every rating is kept as a
/// new version; the newest counts (for a computed item only when the log holds too little).
/// `If-Match` is the item rating's `ETag`: `"0"` for the first rating. Managers of the project
/// and admins.
#[utoipa::path(
    put,
    path = "/api/v1/projects/{id}/fidelity/items/{item}/rating",
    operation_id = "rateFidelityItem",
    tag = "fidelity",
    params(
        ("id" = uuid::Uuid, Path, description = "The project's id."),
        ("item" = u8, Path, description = "The item's number, 1–25."),
        ("If-Match" = String, Header, description = "The item rating's ETag (\"0\" before the first)."),
    ),
    request_body = RatingIn,
    responses(
        (status = 200, description = "Saved.", body = RatingOut, headers(
            ("ETag" = String, description = "The new version."),
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
pub async fn rate(
    State(state): State<AppState>,
    session: Session,
    Path((id, item)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let project = project_id(&id)?;
    let number = item.trim().parse::<u8>().ok();
    // Authorisation first (404 for anyone but the project's managers and admins).
    let current = state
        .service
        .fidelity_rating_version(&session.actor, project, number.unwrap_or(0))
        .await?;
    let Some(number) = number.filter(|n| FidelityScale::get().item(*n).is_some()) else {
        return Err(invalid("item", "rule-fidelity-item-unknown"));
    };
    let accepted = if_match(&headers)?;
    if !accepted.contains(&current) {
        return Err(WebError::PreconditionFailed);
    }
    if let Some(res) = not_json(&headers) {
        return Ok(res);
    }
    let r: RatingIn = parse(text(&body)?)?;
    let saved = state
        .service
        .rate_fidelity_item(&session.actor, project, number, r.score, &r.note, current)
        .await
        .map_err(|e| match e {
            ServiceError::Conflict { .. } => WebError::PreconditionFailed,
            other => service_err(other, str::to_owned),
        })?;
    let name = session.user.display_name.clone();
    let mut res = Json(RatingOut::of(&saved, Some(name))).into_response();
    res.headers_mut().insert(header::ETAG, etag(saved.version));
    Ok(res)
}
