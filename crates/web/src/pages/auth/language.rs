//! The language switch: a small form on every page; the choice is remembered in a cookie.

use crate::html::{local_path, see_other};
use crate::i18n::Locale;
use crate::middleware::locale::COOKIE;
use axum::http::header;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    back: String,
}

pub async fn submit(Form(form): Form<LanguageForm>) -> Response {
    let back = local_path(&form.back).unwrap_or("/");
    let mut res = see_other(back);
    if let Some(locale) = Locale::parse(&form.lang) {
        let cookie = format!(
            "{COOKIE}={}; Path=/; Secure; SameSite=Lax; Max-Age=31536000",
            locale.tag()
        );
        if let Ok(v) = cookie.parse() {
            res.headers_mut().insert(header::SET_COOKIE, v);
        }
    }
    res
}
