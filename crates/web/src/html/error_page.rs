//! The generic error page (R26): status, a plain explanation in the user's language and a way
//! back. Nothing internal is shown, only the request id, which finds the details in the log.

use crate::error::ErrorInfo;
use crate::html::ctx::Ctx;
use crate::i18n::Locale;
use crate::middleware::request_id::RequestId;
use crate::state::AppState;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorPage<'a> {
    ctx: &'a Ctx,
    status_text: String,
    title_key: &'static str,
    message_key: String,
    /// For the user to quote when asking for help; the log has the details under it.
    request_id: String,
}

pub fn error_page(
    state: &AppState,
    locale: Locale,
    nonce: &str,
    request_id: Option<&RequestId>,
    status: StatusCode,
    info: &ErrorInfo,
) -> Response {
    let ctx = Ctx {
        locale,
        nonce: nonce.to_owned(),
        i18n: state.i18n.clone(),
        session: None,
        path: String::new(),
        nav: Vec::new(),
        notice: None,
        merged: Vec::new(),
    };
    let title_key = match status.as_u16() {
        401 => "error-title-401",
        403 => "error-title-403",
        404 => "error-title-404",
        405 => "error-title-405",
        412 => "error-title-412",
        429 => "error-title-429",
        503 => "error-title-503",
        s if s >= 500 => "error-title-500",
        _ => "error-title-400",
    };
    let page = ErrorPage {
        ctx: &ctx,
        status_text: ctx.tn("error-status", "status", i64::from(status.as_u16())),
        title_key,
        request_id: request_id
            .map(|r| r.as_str().to_owned())
            .unwrap_or_default(),
        message_key: {
            let key = format!("error-{}", info.code.replace('_', "-"));
            if state.i18n.has(locale, &key) {
                key
            } else {
                "error-generic".to_owned()
            }
        },
    };
    let body = page
        .render()
        .unwrap_or_else(|_| "<!doctype html><title>Error</title><h1>Error</h1>".to_owned());
    (status, Html(body)).into_response()
}
