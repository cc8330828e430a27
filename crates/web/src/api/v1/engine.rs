//! `POST /api/v1/match`, `/craft`, `/allocate`: the pure matching engine on a document in the
//! same format as `polku match|craft|allocate --input` (docs/matching.md); the command-line
//! options are query parameters. The work runs off the request threads
//! (`spawn_blocking`); the body is bounded by [`MAX_BODY`]; a bad document is 422 with the
//! JSON path of the bad field.

use super::io::{field_key, invalid, not_json, text, FIELD_INVALID, FIELD_LIMIT};
use crate::error::{WebError, WebResult};
use axum::body::Bytes;
use axum::extract::Query;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_matching::api::{allocate_json, craft_json, match_json, CraftArgs, MatchArgs};
use polku_matching::InputError;
use serde_json::Value;
use std::collections::HashMap;

// What the OpenAPI document says of these operations; the engine's document is described by
// hand (`schemas::documents`).
use super::schemas::errors::{Forbidden, Invalid, TooLarge, Unauthenticated, UnsupportedMediaType};
use super::schemas::params::{CraftParams, MatchParams};

/// The largest engine document accepted.
pub const MAX_BODY: usize = 4 * 1024 * 1024;

/// Today in Finland (the subsidy rules and dates are Finnish, whatever the server's clock).
fn today() -> time::Date {
    crate::html::format::today()
}

fn input_error(e: InputError) -> WebError {
    let key = field_key(&e);
    invalid(e.path, key)
}

/// The engine runs this many documents at once (one per core, at least two); a request beyond
/// that is answered 503 with `Retry-After` at once rather than queued (R27, D5), so a flood of
/// large documents cannot hold every blocking thread and the memory they need.
pub fn engine_slots() -> &'static tokio::sync::Semaphore {
    static SLOTS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        tokio::sync::Semaphore::new(cores.max(2))
    })
}

/// Runs `f` on the blocking pool, holding one of the [`engine_slots`].
async fn run(
    f: impl FnOnce() -> Result<Value, InputError> + Send + 'static,
) -> WebResult<Response> {
    let _slot = engine_slots()
        .try_acquire()
        .map_err(|_| WebError::Unavailable(2))?;
    let out = tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| WebError::Internal(format!("engine task: {e}")))?
        .map_err(input_error)?;
    Ok(Json(out).into_response())
}

/// The body as text, unless it is not declared as JSON (then the 415 response).
fn body_text(headers: &HeaderMap, body: &Bytes) -> WebResult<Result<String, Response>> {
    if let Some(res) = not_json(headers) {
        return Ok(Err(res));
    }
    Ok(Ok(text(body)?.to_owned()))
}

fn opt(q: &HashMap<String, String>, name: &str) -> Option<String> {
    q.get(name)
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

fn flag(q: &HashMap<String, String>, name: &str) -> WebResult<bool> {
    match q.get(name).map(|s| s.trim()) {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(_) => Err(invalid(name, FIELD_INVALID)),
    }
}

/// Rank openings or candidates.
///
/// `polku match --input`: the body is the input document; the options are query parameters.
#[utoipa::path(
    post,
    path = "/api/v1/match",
    operation_id = "match",
    tag = "engine",
    params(MatchParams),
    request_body(content = ref("#/components/schemas/EngineInput"), content_type = "application/json"),
    responses(
        (status = 200, description = "The engine's answer (docs/matching.md).",
            body = ref("#/components/schemas/EngineResult"), content_type = "application/json"),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 413, response = TooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn match_(
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let text = match body_text(&headers, &body)? {
        Ok(t) => t,
        Err(res) => return Ok(res),
    };
    let top = match q.get("top") {
        None => 20,
        Some(s) => s
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .ok_or_else(|| invalid("top", FIELD_LIMIT))?,
    };
    let args = MatchArgs {
        participant: opt(&q, "participant"),
        opening: opt(&q, "opening"),
        top,
        include_excluded: flag(&q, "include_excluded")?,
    };
    let today = today();
    run(move || match_json(&text, &args, today)).await
}

/// `MIN-MAX` hours per week, within 0–60.
fn hours(s: &str) -> Option<(u8, u8)> {
    let (a, b) = s.split_once('-')?;
    let (min, max) = (a.trim().parse::<u8>().ok()?, b.trim().parse::<u8>().ok()?);
    (min <= max && max <= 60).then_some((min, max))
}

/// Craft the best job.
///
/// `polku craft --input`: the best job from one employer's tasks for one participant.
#[utoipa::path(
    post,
    path = "/api/v1/craft",
    operation_id = "craft",
    tag = "engine",
    params(CraftParams),
    request_body(content = ref("#/components/schemas/EngineInput"), content_type = "application/json"),
    responses(
        (status = 200, description = "The engine's answer (docs/matching.md).",
            body = ref("#/components/schemas/EngineResult"), content_type = "application/json"),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 413, response = TooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn craft(
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let text = match body_text(&headers, &body)? {
        Ok(t) => t,
        Err(res) => return Ok(res),
    };
    let participant =
        opt(&q, "participant").ok_or_else(|| invalid("participant", super::io::FIELD_MISSING))?;
    let employer =
        opt(&q, "employer").ok_or_else(|| invalid("employer", super::io::FIELD_MISSING))?;
    let hours = match opt(&q, "hours") {
        None => None,
        Some(h) => Some(hours(&h).ok_or_else(|| invalid("hours", FIELD_INVALID))?),
    };
    let args = CraftArgs {
        participant,
        employer,
        hours,
    };
    let today = today();
    run(move || craft_json(&text, &args, today)).await
}

/// Allocate scarce places.
///
/// `polku allocate --input`: who goes where when places are scarce.
#[utoipa::path(
    post,
    path = "/api/v1/allocate",
    operation_id = "allocate",
    tag = "engine",
    request_body(content = ref("#/components/schemas/EngineInput"), content_type = "application/json"),
    responses(
        (status = 200, description = "The engine's answer (docs/matching.md).",
            body = ref("#/components/schemas/EngineResult"), content_type = "application/json"),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 413, response = TooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn allocate(headers: HeaderMap, body: Bytes) -> WebResult<Response> {
    let text = match body_text(&headers, &body)? {
        Ok(t) => t,
        Err(res) => return Ok(res),
    };
    run(move || allocate_json(&text)).await
}
