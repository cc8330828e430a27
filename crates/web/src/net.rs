//! Who is on the other end of the connection: the socket peer and, behind the configured
//! trusted proxy, the client address it forwards. Used by the sign-in throttling of pages and API.

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
