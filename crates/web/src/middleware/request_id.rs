//! A request id on every request, the outermost middleware: it names the request in the log
//! (a `request` span around everything that runs for it) and in the `X-Request-Id` response
//! header, and the generic error page shows it so a user can quote it to support.
//!
//! The id is generated here: 16 random bytes as 32 hexadecimal characters. An incoming
//! `X-Request-Id` is taken over only when the socket peer is the configured trusted proxy (the
//! same rule as `X-Forwarded-For`, R4) and the value is 8–64 characters of `A–Z a–z 0–9 - _ .`,
//! so a proxy's own id can be followed through its log and ours, while a client can neither
//! choose the id nor put anything into a log line with it.
//!
//! The span carries the request id, the method, the route *pattern* (`/participants/{id}`, never
//! the path or query as sent, which may hold a name typed into a search) and the client
//! address; the session middleware records the signed-in user's id on it. Every event inside
//! the request, security events included, inherits these fields.

use crate::state::AppState;
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use rand::RngCore;
use std::fmt::Write;
use std::net::SocketAddr;
use std::time::Instant;
use tracing::Instrument;

/// The header that carries the id, on requests from the trusted proxy and on every response.
pub const HEADER: &str = "x-request-id";

/// The id of the current request (a request extension, set before anything else runs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

impl RequestId {
    /// A fresh random id.
    pub fn generate() -> RequestId {
        let mut raw = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut raw);
        let mut s = String::with_capacity(32);
        for b in raw {
            let _ = write!(s, "{b:02x}");
        }
        RequestId(s)
    }

    /// An incoming id, if it is well formed.
    pub fn parse(value: &str) -> Option<RequestId> {
        let ok = (8..=64).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        ok.then(|| RequestId(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn peer(req: &Request) -> Option<std::net::IpAddr> {
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
}

pub async fn request_id(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let peer = peer(&req);
    let trusted = state.config.trusted_proxy;
    let id = req
        .headers()
        .get(HEADER)
        .filter(|_| peer.is_some() && peer == trusted)
        .and_then(|v| v.to_str().ok())
        .and_then(RequestId::parse)
        .unwrap_or_else(RequestId::generate);
    let client_ip = crate::net::client_ip(req.headers(), peer, trusted);
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("-", |m| m.as_str())
        .to_owned();
    let span = tracing::info_span!(
        "request",
        request_id = %id.0,
        method = %req.method(),
        route = %route,
        client_ip = %client_ip,
        user = tracing::field::Empty,
    );
    req.extensions_mut().insert(id.clone());
    let started = Instant::now();
    let mut res = next.run(req).instrument(span.clone()).await;
    span.in_scope(|| {
        tracing::info!(
            status = res.status().as_u16(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "request done"
        );
    });
    if let Ok(v) = HeaderValue::from_str(&id.0) {
        res.headers_mut().insert(HEADER, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_32_hex_and_differ() {
        let (a, b) = (RequestId::generate(), RequestId::generate());
        assert_eq!(a.0.len(), 32);
        assert!(a.0.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        assert_eq!(RequestId::parse(&a.0), Some(a));
    }

    #[test]
    fn only_well_formed_incoming_ids_are_kept() {
        assert!(RequestId::parse("abc-123_x.y").is_some());
        for bad in [
            "short",
            "has space inside",
            "line\nbreak-injected",
            "ansi\u{1b}[31m-red",
            "<script>alert(1)</script>",
            &"x".repeat(65),
        ] {
            assert_eq!(RequestId::parse(bad), None, "{bad:?}");
        }
    }
}
