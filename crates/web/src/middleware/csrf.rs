//! Cross-site request defence on every unsafe method (R23): a foreign `Origin` is refused;
//! `Sec-Fetch-Site`, when sent, must say `same-origin` (or `none`: typed by the user); without
//! it the `Origin` must be our public origin. A request with neither header is refused, except
//! a JSON call to the API, which browsers cannot send cross-site without a CORS preflight. Requests authenticated by an API bearer token
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
    let origin = h.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let fetch_site = h.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    // With `Referrer-Policy: no-referrer` browsers send `Origin: null` on same-origin form
    // posts, so the Fetch Metadata header decides when present; a real foreign Origin is
    // refused in any case.
    let origin_ok = origin.map(|o| o.eq_ignore_ascii_case(&state.config.public_origin));
    let allowed = match (fetch_site, origin) {
        (_, Some(o)) if o != "null" && origin_ok == Some(false) => false,
        (Some(site), _) => matches!(site, "same-origin" | "none"),
        (None, Some(_)) => origin_ok == Some(true),
        // A program's JSON call to the API: a cross-site page cannot send one without a CORS
        // preflight, which this service never grants, so it needs no origin.
        (None, None) => is_api_json(&req),
    };
    if allowed {
        next.run(req).await
    } else {
        WebError::CrossSite.into_response()
    }
}

fn is_api_json(req: &Request) -> bool {
    req.uri().path().starts_with("/api/")
        && req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|m| {
                let m = m.trim().to_ascii_lowercase();
                m == "application/json" || (m.starts_with("application/") && m.ends_with("+json"))
            })
}
