//! Polku's web application: accessible, server-rendered pages for coaches, employer
//! coordinators, managers and administrators, and the versioned JSON API, on the service layer.
//!
//! Requests pass, outermost first: the request id and its log span, security headers and error
//! rendering, the language, the session, the cross-site check, then the route's own policy
//! check (see [`policy`]).
// The subject export's JSON schema is one large `json!` literal.
#![recursion_limit = "256"]

pub mod api;
pub mod error;
pub mod export_limit;
pub mod html;
pub mod i18n;
pub mod middleware;
pub mod net;
pub mod pages;
pub mod policy;
pub mod state;
mod static_files;
pub mod step_up;
pub mod throttle;

pub use state::{AppState, WebConfig};

use axum::middleware::{from_fn, from_fn_with_state};
use axum::Router;
use policy::{RouteInfo, Routes};
use polku_service::Service;
use std::sync::Arc;

/// Every route with its policy.
fn all_routes() -> Routes {
    pages::routes()
        .merge(api::v1::routes())
        .merge(static_files::routes())
}

/// The route inventory (method, path, policy), for tests and documentation.
pub fn inventory() -> Vec<RouteInfo> {
    all_routes().into_parts().1
}

/// Builds the shared state.
pub fn state(service: Service, config: WebConfig) -> Result<AppState, i18n::CatalogueError> {
    Ok(AppState {
        service,
        i18n: Arc::new(i18n::I18n::load()?),
        config: Arc::new(config),
        throttle: Arc::new(throttle::Throttle::default()),
    })
}

/// The application router with every middleware in place.
pub fn app(state: AppState) -> Router {
    let (router, _) = all_routes().into_parts();
    router
        .fallback(static_files::not_found)
        .layer(from_fn_with_state(
            state.clone(),
            middleware::csrf::origin_check,
        ))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::session::session,
        ))
        .layer(from_fn(middleware::locale::locale))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::headers::security_headers,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(256 * 1024))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::request_id::request_id,
        ))
        .with_state(state)
}

/// What the server holds every connection to (R27, D5).
#[derive(Debug, Clone, Copy)]
pub struct ServeLimits {
    /// A request's headers must have arrived this long after the connection opened or the
    /// previous response was sent, or the connection is closed (slowloris).
    pub header_read_timeout: std::time::Duration,
    /// Connections open at once; the next one waits in the listen queue (no EMFILE).
    pub max_connections: usize,
    /// How long shutdown waits for in-flight requests before it gives up on them.
    pub drain: std::time::Duration,
}

impl Default for ServeLimits {
    fn default() -> Self {
        ServeLimits {
            header_read_timeout: std::time::Duration::from_secs(10),
            max_connections: 1024,
            drain: std::time::Duration::from_secs(30),
        }
    }
}

/// Serves until `shutdown` resolves, then drains in-flight requests (R52), with the default
/// [`ServeLimits`].
pub async fn serve(
    app: Router,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with(app, listener, shutdown, ServeLimits::default()).await
}

/// [`serve`] with explicit limits. Each connection is HTTP/1.1 with a header read timeout (the
/// request timeout and the engine's concurrency cap are in the application itself).
pub async fn serve_with(
    app: Router,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    limits: ServeLimits,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::ServiceExt;
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = slots.clone().acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, remote) = tokio::select! {
            r = listener.accept() => match r {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of descriptors or an aborted handshake: wait a moment, go on.
                    tracing::warn!(event = "server.accept_failed", error = %e, "accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let svc =
            hyper::service::service_fn(move |mut req: hyper::Request<hyper::body::Incoming>| {
                req.extensions_mut()
                    .insert(axum::extract::ConnectInfo(remote));
                app.clone().oneshot(req.map(axum::body::Body::new))
            });
        let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), svc));
        tokio::spawn(async move {
            let _permit = permit;
            if let Err(e) = conn.await {
                tracing::debug!(event = "server.connection_closed", error = %e, "connection ended");
            }
        });
    }
    drop(listener);
    if tokio::time::timeout(limits.drain, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            event = "server.drain_timeout",
            "requests still running at shutdown were abandoned"
        );
    }
    Ok(())
}
