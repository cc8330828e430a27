//! The interface language: the remembered choice (cookie `polku_lang`, set by the language
//! switch), else the browser's `Accept-Language`, else Finnish.

use crate::i18n::Locale;
use axum::extract::Request;
use axum::http::header;

pub const COOKIE: &str = "polku_lang";

pub fn pick(req: &Request) -> Locale {
    if let Some(l) = super::cookie(req.headers(), COOKIE).and_then(Locale::parse) {
        return l;
    }
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::from_accept_language)
        .unwrap_or(Locale::Fi)
}

pub async fn locale(mut req: Request, next: axum::middleware::Next) -> axum::response::Response {
    let l = pick(&req);
    req.extensions_mut().insert(l);
    next.run(req).await
}
