//! The per-request CSP nonce: drawn by `headers::security_headers`, put into the request's
//! extensions, and read by the page context so inline scripts can carry it.

/// The per-request CSP nonce (set by `middleware::headers`).
#[derive(Debug, Clone)]
pub struct Nonce(pub String);
