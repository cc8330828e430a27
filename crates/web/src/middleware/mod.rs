//! Request middleware, outermost first: the request id and its log span (`request_id`),
//! security headers and error rendering (`headers`), the language (`locale`), the session
//! (`session`) and the cross-site check on unsafe methods (`csrf`). Route policies are enforced
//! per route by `crate::policy`.

pub mod csrf;
pub mod headers;
pub mod locale;
pub mod nonce;
pub mod request_id;
pub mod session;

/// The raw value of one cookie in a `Cookie` header.
pub fn cookie<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}
