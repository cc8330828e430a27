//! Sign-in, second factor, activation, sign-out and the language switch.

mod activate;
mod language;
pub mod second_factor;
mod sign_in;
mod sign_out;

use crate::policy::{Policy, Routes};

pub fn routes() -> Routes {
    Routes::new()
        .get("/sign-in", Policy::Public, sign_in::show)
        .post("/sign-in", Policy::Public, sign_in::submit)
        .get("/sign-in/code", Policy::Public, second_factor::show_code)
        .post("/sign-in/code", Policy::Public, second_factor::submit_code)
        .get("/sign-in/setup", Policy::Public, second_factor::show_setup)
        .post(
            "/sign-in/setup",
            Policy::Public,
            second_factor::submit_setup,
        )
        .post("/sign-out", Policy::SignedIn, sign_out::submit)
        .get("/activate", Policy::Public, activate::show)
        .post("/activate", Policy::Public, activate::submit)
        .post("/language", Policy::Public, language::submit)
}

/// The client address for throttling (R4): the socket peer, or the last `X-Forwarded-For` hop
/// when, and only when, the peer is the configured trusted proxy.
pub fn client_ip(
    parts: &axum::http::HeaderMap,
    peer: Option<std::net::IpAddr>,
    trusted: Option<std::net::IpAddr>,
) -> String {
    let Some(peer) = peer else {
        return "unknown".to_owned();
    };
    if Some(peer) == trusted {
        if let Some(ip) = parts
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse::<std::net::IpAddr>().ok())
        {
            return ip.to_string();
        }
    }
    peer.to_string()
}

/// The socket peer's address, when the server was started with connect info.
#[derive(Debug, Clone, Copy)]
pub struct PeerAddr(pub Option<std::net::IpAddr>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for PeerAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(PeerAddr(
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip()),
        ))
    }
}
