//! Security headers on every response, errors and static files included (R22, R12), a fresh
//! CSP nonce per request, and the one place where error responses get their body (R26).

use crate::error::ErrorInfo;
use crate::i18n::Locale;
use crate::middleware::nonce::Nonce;
use crate::middleware::request_id::RequestId;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use rand::RngCore;
use tracing::Instrument;

pub async fn security_headers(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let mut raw = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut raw);
    let nonce = base64::engine::general_purpose::STANDARD.encode(raw);
    req.extensions_mut().insert(Nonce(nonce.clone()));
    let is_api = req.uri().path().starts_with("/api/");
    let is_static = req.uri().path().starts_with("/static/");
    let locale = crate::middleware::locale::pick(&req);
    let request_id = req.extensions().get::<RequestId>().cloned();
    // A panic in a handler becomes a generic 500 for that request only (R26). The task stays in
    // the request's log span. A panic's message may quote data, so the log line does not.
    // The handler runs with the request id visible to the service (every audit entry names it,
    // R35) and under the request time limit (D5): past it, the work is dropped and the client
    // gets 503 with `Retry-After`.
    let limit = state.config.request_timeout;
    let rid = request_id.as_ref().map(|r| r.0.clone()).unwrap_or_default();
    let work = polku_service::audit::REQUEST_ID.scope(rid, async move {
        match tokio::time::timeout(limit, next.run(req)).await {
            Ok(res) => res,
            Err(_) => crate::error::WebError::Unavailable(5).into_response(),
        }
    });
    let mut res = match tokio::spawn(work.in_current_span()).await {
        Ok(res) => res,
        Err(e) => crate::error::WebError::Internal(
            if e.is_panic() {
                "handler panicked"
            } else {
                "handler cancelled"
            }
            .to_owned(),
        )
        .into_response(),
    };
    if res.status().is_client_error() || res.status().is_server_error() {
        res = render_error(&state, res, locale, &nonce, request_id.as_ref(), is_api);
    }
    let h = res.headers_mut();
    // A download (an uploaded file, a generated PDF, an export) runs nothing even if a browser
    // were to open it (R25).
    let attachment = h
        .get(header::CONTENT_DISPOSITION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("attachment"));
    let csp = if attachment {
        "sandbox; default-src 'none'".to_owned()
    } else {
        format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self'; \
             object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
        )
    };
    if let Ok(v) = HeaderValue::from_str(&csp) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000; includeSubDomains"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    if !is_static {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if h.get(header::CONTENT_TYPE)
        .is_some_and(|v| v == "application/json")
    {
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
    }
    if !h.contains_key(header::CONTENT_TYPE) {
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
    }
    res
}

/// Gives an error response its generic body: the JSON envelope on `/api/`, otherwise the error
/// page. A handler's own body is kept only when it is already HTML or JSON it rendered itself
/// (forms re-shown with field errors).
fn render_error(
    state: &AppState,
    res: Response,
    locale: Locale,
    nonce: &str,
    request_id: Option<&RequestId>,
    is_api: bool,
) -> Response {
    let status = res.status();
    let info = res.extensions().get::<ErrorInfo>().cloned();
    let own_body = info.is_none()
        && res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("text/html") || ct.starts_with("application/json"));
    if own_body {
        return res;
    }
    let info = info.unwrap_or_else(|| ErrorInfo {
        code: default_code(status),
        fields: Default::default(),
        retry_after: None,
    });
    let mut out = if is_api {
        crate::api::v1::envelope::error_body(state, locale, status, &info)
    } else {
        crate::html::error_page::error_page(state, locale, nonce, request_id, status, &info)
    };
    // Keep headers a handler set deliberately (Allow on 405, WWW-Authenticate, Set-Cookie).
    for name in [
        header::ALLOW,
        header::WWW_AUTHENTICATE,
        header::SET_COOKIE,
        header::LOCATION,
    ] {
        for v in res.headers().get_all(&name) {
            out.headers_mut().append(name.clone(), v.clone());
        }
    }
    if let Some(secs) = info.retry_after {
        out.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    out
}

fn default_code(status: StatusCode) -> &'static str {
    match status {
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::UNAUTHORIZED => "unauthenticated",
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY | StatusCode::BAD_REQUEST => "invalid_input",
        s if s.is_server_error() => "internal",
        _ => "bad_request",
    }
}

/// A body-less response with a status, for the error renderer to fill.
pub fn bare(status: StatusCode) -> Response {
    (status, Body::empty()).into_response()
}
