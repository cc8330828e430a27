//! The kit every server-rendered page uses, with no page of its own: rendering a template as a
//! response, the 303 after a successful POST, the local-path check for redirect targets, query
//! encoding, the page context templates receive ([`ctx`]) and the generic error page
//! ([`error_page`]). Pages, the policy and the middleware import from here; nothing here
//! imports a page.

pub mod ctx;
pub mod error_page;
pub mod format;
pub mod notice;

pub use notice::Notice;

use crate::error::{WebError, WebResult};
use askama::Template;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};

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

/// 303 See Other to a local path after a successful save, with the confirmation `notice` that
/// the page then shows once (see [`notice`]).
pub fn see_other_saved(to: &str, notice: Notice) -> Response {
    see_other(&notice.on(to))
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

/// A stored file as a download: always `attachment` (never shown inline), with its stored media
/// type, never cached; the middleware adds `nosniff` and, for attachments,
/// `Content-Security-Policy: sandbox` (R25). Documents and referral attachments, pages and API.
pub fn attachment(bytes: Vec<u8>, content_type: &str, file_name: &str) -> Response {
    use axum::http::HeaderValue;
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    res
}
