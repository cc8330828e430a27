//! The stylesheet and the small script, embedded in the binary, and the 404 fallback.

use crate::error::WebError;
use crate::policy::{Policy, Routes};
use axum::http::header;
use axum::response::{IntoResponse, Response};

const APP_CSS: &str = include_str!("../static/app.css");

pub fn routes() -> Routes {
    Routes::new()
        .get("/static/app.css", Policy::Public, css)
        .get("/healthz", Policy::Public, health)
}

async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        APP_CSS,
    )
        .into_response()
}

async fn health() -> &'static str {
    "ok"
}

pub async fn not_found() -> Response {
    WebError::NotFound.into_response()
}
