//! Cross-site request defence on every unsafe method (R23): the `Origin` must be our public
//! origin; without an `Origin`, `Sec-Fetch-Site` must say `same-origin` (or `none`, typed by
//! the user). A request with neither is refused. Requests authenticated by an API bearer token
//! carry no ambient credentials and are exempt.

use crate::error::WebError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub fn is_safe(m: &Method) -> bool {
    matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS)
}

pub async fn origin_check(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if is_safe(req.method()) || req.headers().contains_key(header::AUTHORIZATION) {
        return next.run(req).await;
    }
    let h = req.headers();
    let allowed = match h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        Some(origin) => origin.eq_ignore_ascii_case(&state.config.public_origin),
        None => matches!(
            h.get("sec-fetch-site").and_then(|v| v.to_str().ok()),
            Some("same-origin" | "none")
        ),
    };
    if allowed {
        next.run(req).await
    } else {
        WebError::CrossSite.into_response()
    }
}
