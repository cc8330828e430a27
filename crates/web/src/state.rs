//! What every request handler can reach: the service, the catalogues and the web settings.

use crate::i18n::I18n;
use crate::throttle::Throttle;
use polku_service::Service;
use std::net::IpAddr;
use std::sync::Arc;

/// Settings of the web layer (from `[web]` in the configuration).
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// The origin browsers use to reach us, e.g. `https://polku.example.fi`. Unsafe requests
    /// must carry this `Origin` (R23).
    pub public_origin: String,
    /// Only a request from this peer may set the client address with `X-Forwarded-For` (R4).
    pub trusted_proxy: Option<IpAddr>,
    /// The controller named on the privacy notice; empty: the organisation of the project.
    pub controller: String,
    /// How to reach the controller and its data protection officer.
    pub controller_contact: String,
    /// How long one request may take, body upload included, before it is answered 503 with
    /// `Retry-After` and its work dropped (R27, D5).
    pub request_timeout: std::time::Duration,
}

impl WebConfig {
    pub fn for_origin(public_origin: impl Into<String>) -> WebConfig {
        WebConfig {
            public_origin: public_origin.into(),
            trusted_proxy: None,
            controller: String::new(),
            controller_contact: String::new(),
            request_timeout: std::time::Duration::from_secs(60),
        }
    }
}

/// Shared state, cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    pub service: Service,
    pub i18n: Arc<I18n>,
    pub config: Arc<WebConfig>,
    pub throttle: Arc<Throttle>,
}
