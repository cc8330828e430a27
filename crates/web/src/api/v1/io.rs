//! What every API handler shares: strict JSON bodies whose errors name the bad field, the
//! `ETag` / `If-Match` rules (R50) and cursor pagination.

use crate::error::{WebError, WebResult};
use crate::middleware::headers::bare;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use polku_domain::DomainError;
use polku_service::ServiceError;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};

/// Field message keys (catalogue area `api`).
pub const FIELD_UNKNOWN: &str = "api-field-unknown";
pub const FIELD_MISSING: &str = "api-field-missing";
pub const FIELD_INVALID: &str = "api-field-invalid";
pub const FIELD_UNKNOWN_LANGUAGE: &str = "api-field-unknown-language";
pub const FIELD_SYNTAX: &str = "api-field-syntax";
pub const FIELD_DUPLICATE: &str = "api-field-duplicate";
pub const FIELD_UNKNOWN_ID: &str = "api-field-unknown-id";
pub const FIELD_LIMIT: &str = "api-field-limit";
pub const FIELD_CURSOR: &str = "api-field-cursor";

/// One field error as a `WebError` (422 `invalid_input`).
pub fn invalid(path: impl Into<String>, key: &str) -> WebError {
    WebError::Invalid(BTreeMap::from([(path.into(), key.to_owned())]))
}

/// The 415 response, unless the request says its body is JSON (`application/json` or any
/// `application/*+json`, such as `application/merge-patch+json`).
pub fn not_json(headers: &HeaderMap) -> Option<Response> {
    let mime = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let ok =
        mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"));
    (!ok).then(|| bare(StatusCode::UNSUPPORTED_MEDIA_TYPE))
}

/// The body as text; bytes that are not UTF-8 are a syntax error.
pub fn text(body: &[u8]) -> WebResult<&str> {
    std::str::from_utf8(body).map_err(|_| invalid("", FIELD_SYNTAX))
}

/// The catalogue key for an engine or serde input error.
pub fn field_key(e: &polku_matching::InputError) -> &'static str {
    match e.code {
        "invalid_json" => FIELD_SYNTAX,
        "duplicate_id" => FIELD_DUPLICATE,
        "not_found" => FIELD_UNKNOWN_ID,
        _ if e.message.contains("unknown field") => FIELD_UNKNOWN,
        _ if e.message.contains("missing field") => FIELD_MISSING,
        _ => FIELD_INVALID,
    }
}

/// A serde error on `text` as a field error with the JSON path of the bad field.
pub fn serde_invalid(text: &str, e: &serde_json::Error) -> WebError {
    let ie = polku_matching::error::from_serde(text, e);
    invalid(ie.path.clone(), field_key(&ie))
}

/// Parses a request body into a strict DTO (`deny_unknown_fields` all the way down).
pub fn parse<T: DeserializeOwned>(text: &str) -> WebResult<T> {
    serde_json::from_str(text).map_err(|e| serde_invalid(text, &e))
}

/// True when the error says a field is not allowed (a mass-assignment attempt, R15).
pub fn is_unknown_field(e: &WebError) -> bool {
    matches!(e, WebError::Invalid(f) if f.values().any(|k| k == FIELD_UNKNOWN))
}

/// A domain error as a field error; `path` maps the domain's field name to the request path.
pub fn domain_invalid(e: &DomainError, path: impl Fn(&str) -> String) -> WebError {
    match e {
        DomainError::Rule {
            field,
            rule: "field_not_enabled",
        } => WebError::FieldNotEnabled(path(field)),
        DomainError::Invalid {
            field: "languages", ..
        } => invalid(path("languages"), FIELD_UNKNOWN_LANGUAGE),
        DomainError::Invalid { field, .. } => invalid(path(field), FIELD_INVALID),
        DomainError::Rule { field, rule } => invalid(path(field), &rule_key(rule)),
        other => invalid(path(other.code()), FIELD_INVALID),
    }
}

/// The catalogue key of a broken rule (`rule-work-trial-hours-per-day`): the API's field message
/// and the pages' error text.
pub fn rule_key(rule: &str) -> String {
    format!("rule-{}", rule.replace('_', "-"))
}

/// A service error; validation errors get their request path.
pub fn service_err(e: ServiceError, path: impl Fn(&str) -> String) -> WebError {
    match e {
        ServiceError::Invalid(d) => domain_invalid(&d, path),
        other => WebError::Service(other),
    }
}

/// RFC 7396 JSON Merge Patch: objects merge key by key, `null` removes, anything else
/// replaces.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(p) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Default::default());
    }
    if let Value::Object(t) = target {
        for (k, v) in p {
            if v.is_null() {
                t.remove(k);
            } else {
                merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
    }
}

/// The strong entity tag of a version.
pub fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

/// The versions an `If-Match` header accepts. Missing (or `*`, which names no version) is
/// 428; weak or malformed tags never match (strong comparison, RFC 9110 §13.1.1).
pub fn if_match(headers: &HeaderMap) -> WebResult<Vec<i64>> {
    let mut any = false;
    let mut out = Vec::new();
    for v in headers.get_all(header::IF_MATCH) {
        let Ok(s) = v.to_str() else {
            any = true;
            continue;
        };
        for tag in s.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            any = true;
            if tag == "*" {
                return Err(WebError::PreconditionRequired);
            }
            if let Some(n) = tag
                .strip_prefix('"')
                .and_then(|t| t.strip_suffix('"'))
                .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|n| n.parse::<i64>().ok())
            {
                out.push(n);
            }
        }
    }
    if any {
        Ok(out)
    } else {
        Err(WebError::PreconditionRequired)
    }
}

/// The `If-Match` check of a version-checked write: 428 without the header (or with `*`), 412
/// unless it names the record's current `version`.
pub fn require_version(headers: &HeaderMap, version: i64) -> WebResult<()> {
    if if_match(headers)?.contains(&version) {
        Ok(())
    } else {
        Err(WebError::PreconditionFailed)
    }
}

/// The error of a version-checked write: a change that lost the race (`Conflict`) is 412, any
/// other as [`service_err`] with the service's field names.
pub fn write_error(e: ServiceError) -> WebError {
    match e {
        ServiceError::Conflict { .. } => WebError::PreconditionFailed,
        other => service_err(other, str::to_owned),
    }
}

/// 200 with the record as JSON and its `ETag`.
pub fn ok_tagged<T: Serialize>(version: i64, body: &T) -> Response {
    tagged(StatusCode::OK, version, body)
}

/// A JSON body with a status and the record's `ETag`.
pub fn tagged<T: Serialize>(status: StatusCode, version: i64, body: &T) -> Response {
    let mut res = (status, Json(body)).into_response();
    res.headers_mut().insert(header::ETAG, etag(version));
    res
}

pub const DEFAULT_LIMIT: usize = 20;
pub const MAX_LIMIT: usize = 100;

/// `?limit=` and `?cursor=` of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageQuery {
    pub limit: usize,
    /// The sort key of the last item already returned.
    pub after: Option<String>,
}

const CURSOR_PREFIX: &str = "v1:";

pub fn encode_cursor(key: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{CURSOR_PREFIX}{key}"))
}

fn decode_cursor(c: &str) -> Option<String> {
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(c.trim())
        .ok()?;
    let s = String::from_utf8(raw).ok()?;
    s.strip_prefix(CURSOR_PREFIX).map(str::to_owned)
}

pub fn page_query(q: &HashMap<String, String>) -> WebResult<PageQuery> {
    let limit = match q.get("limit") {
        None => DEFAULT_LIMIT,
        Some(s) => s
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or_else(|| invalid("limit", FIELD_LIMIT))?,
    };
    let after = match q.get("cursor").map(|c| c.trim()).filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => Some(decode_cursor(c).ok_or_else(|| invalid("cursor", FIELD_CURSOR))?),
    };
    Ok(PageQuery { limit, after })
}

/// One page of `items` in the order of `key` (unique per item), and the cursor of the next
/// page when there is one. The cursor names the last item returned, so items added or removed
/// meanwhile neither repeat nor shift the rest.
pub fn page<T>(
    mut items: Vec<T>,
    key: impl Fn(&T) -> String,
    q: &PageQuery,
) -> (Vec<T>, Option<String>) {
    items.sort_by_key(|i| key(i));
    let start = match &q.after {
        Some(after) => items.partition_point(|i| key(i) <= *after),
        None => 0,
    };
    let rest = items.len() - start;
    let page: Vec<T> = items.into_iter().skip(start).take(q.limit).collect();
    let next = if rest > q.limit {
        page.last().map(|i| encode_cursor(&key(i)))
    } else {
        None
    };
    (page, next)
}

/// The list envelope `{"items": [...], "next_cursor": ...}`.
/// A participant id from the path; a malformed one is simply not found (R14).
pub fn participant_id(id: &str) -> WebResult<polku_domain::ParticipantId> {
    polku_domain::ParticipantId::parse(id).map_err(|_| WebError::NotFound)
}

/// The JSON body of a write to one participant's records, read only once the caller may change
/// them: another coach's participant is 404 whatever the body says (R14), then 415 unless the
/// body is declared JSON (`Ok(Err(response))`), then the body parsed.
pub async fn participant_write<T: DeserializeOwned>(
    state: &crate::state::AppState,
    actor: &polku_service::Actor,
    id: polku_domain::ParticipantId,
    headers: &HeaderMap,
    body: &[u8],
) -> WebResult<Result<T, Response>> {
    state
        .service
        .require_editable_participant(actor, id)
        .await?;
    if let Some(res) = not_json(headers) {
        return Ok(Err(res));
    }
    Ok(Ok(parse(text(body)?)?))
}

/// `201 Created` with `Location` and a JSON body.
pub fn created(location: String, body: Value) -> Response {
    let mut res = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(v) = HeaderValue::from_str(&location) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

pub fn list<T: Serialize>(items: &[T], next: Option<String>) -> Response {
    Json(json!({"items": items, "next_cursor": next})).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_match_rules() {
        let mut h = HeaderMap::new();
        assert!(matches!(if_match(&h), Err(WebError::PreconditionRequired)));
        h.insert(
            header::IF_MATCH,
            HeaderValue::from_static("\"3\", W/\"4\", 5"),
        );
        assert_eq!(if_match(&h).ok(), Some(vec![3]));
        h.insert(header::IF_MATCH, HeaderValue::from_static("*"));
        assert!(matches!(if_match(&h), Err(WebError::PreconditionRequired)));
        h.insert(header::IF_MATCH, HeaderValue::from_static("\"-1\""));
        assert_eq!(if_match(&h).ok(), Some(vec![]));
    }

    #[test]
    fn every_etag_is_accepted_by_if_match_for_its_version_only() {
        for v in [1, 2, 9, 10, 99, 12_345, i64::MAX] {
            let mut h = HeaderMap::new();
            h.insert(header::IF_MATCH, etag(v));
            assert_eq!(if_match(&h).ok(), Some(vec![v]));
            let weak = format!("W/{}", etag(v).to_str().unwrap_or_default());
            h.insert(
                header::IF_MATCH,
                HeaderValue::from_str(&weak).expect("header"),
            );
            assert_eq!(if_match(&h).ok(), Some(vec![]), "weak tags never match");
        }
    }

    #[test]
    fn pages_cover_everything_once() {
        let items: Vec<u32> = (0..23).rev().collect();
        let mut q = PageQuery {
            limit: 5,
            after: None,
        };
        let mut seen = Vec::new();
        loop {
            let (p, next) = page(items.clone(), |i| format!("{i:03}"), &q);
            seen.extend(p);
            match next {
                Some(c) => q.after = decode_cursor(&c),
                None => break,
            }
        }
        assert_eq!(seen, (0..23).collect::<Vec<_>>());
    }

    #[test]
    fn merge_patch_follows_rfc_7396() {
        let mut doc = json!({"a": {"b": 1, "c": 2}, "d": [1]});
        merge_patch(&mut doc, &json!({"a": {"b": null, "e": 3}, "d": [2]}));
        assert_eq!(doc, json!({"a": {"c": 2, "e": 3}, "d": [2]}));
    }

    #[test]
    fn unknown_field_paths() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Inner {
            x: u8,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Outer {
            inner: Inner,
        }
        let check = |text: &str, path: &str, key: &str| match parse::<Outer>(text) {
            Err(WebError::Invalid(f)) => {
                assert_eq!(f.get(path).map(String::as_str), Some(key), "{text}: {f:?}")
            }
            other => panic!("{text}: {other:?}"),
        };
        check(
            r#"{"inner": {"x": 1}, "version": 2}"#,
            "version",
            FIELD_UNKNOWN,
        );
        check(
            r#"{"inner": {"x": 1, "coach_id": 2}}"#,
            "inner.coach_id",
            FIELD_UNKNOWN,
        );
        check(r#"{"inner": {"x": 300}}"#, "inner.x", FIELD_INVALID);
        check(r#"{"inner": {}}"#, "inner.x", FIELD_MISSING);
    }
}
