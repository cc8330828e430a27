//! Server-rendered pages, one folder per area. Each area exposes `routes()`; handlers parse and
//! validate the form, call the service with the session's actor and render an askama template.

pub mod admin;
pub mod auth;
pub mod ctx;
pub mod employers;
pub mod errors;
pub mod form;
pub mod home;
pub mod participants;
pub mod reports;
pub mod shared;

use crate::error::{WebError, WebResult};
use crate::policy::Routes;
use askama::Template;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};

/// All page routes.
pub fn routes() -> Routes {
    Routes::new()
        .merge(auth::routes())
        .merge(home::routes())
        .merge(participants::routes())
        .merge(employers::routes())
        .merge(reports::routes())
        .merge(admin::routes())
        .merge(shared::routes())
}

/// Renders a template as a 200 HTML page.
pub fn render<T: Template>(t: &T) -> WebResult<Response> {
    render_status(StatusCode::OK, t)
}

/// Renders a template with a status (a form shown again with errors is 422).
pub fn render_status<T: Template>(status: StatusCode, t: &T) -> WebResult<Response> {
    let body = t
        .render()
        .map_err(|e| WebError::Internal(format!("template: {e}")))?;
    Ok((status, Html(body)).into_response())
}

/// 303 See Other to a local path (after a successful POST).
pub fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_owned())]).into_response()
}

/// A redirect target from user input, kept only when it is a local path (no open redirect).
pub fn local_path(p: &str) -> Option<&str> {
    let ok = p.starts_with('/')
        && !p.starts_with("//")
        && !p.contains('\\')
        && !p.chars().any(|c| c.is_control());
    ok.then_some(p)
}

/// Percent-encodes a query value.
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
