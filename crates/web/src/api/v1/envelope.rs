//! The JSON error envelope: `{"error": {"code", "message", "fields"}}` with a stable code and a
//! message in the requester's language (`docs/API.md`).

use crate::error::ErrorInfo;
use crate::i18n::Locale;
use crate::state::AppState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

pub fn error_body(
    state: &AppState,
    locale: Locale,
    status: StatusCode,
    info: &ErrorInfo,
) -> Response {
    let key = format!("error-{}", info.code.replace('_', "-"));
    let message = if state.i18n.has(locale, &key) {
        state.i18n.text(locale, &key)
    } else {
        state.i18n.text(locale, "error-generic")
    };
    let fields: Map<String, Value> = info
        .fields
        .iter()
        .map(|(field, key)| {
            let text = if state.i18n.has(locale, key) {
                state.i18n.text(locale, key)
            } else {
                key.clone()
            };
            (field.clone(), Value::String(text))
        })
        .collect();
    (
        status,
        Json(json!({"error": {"code": info.code, "message": message, "fields": fields}})),
    )
        .into_response()
}
