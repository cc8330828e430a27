//! Polku's web application: accessible, server-rendered pages for coaches, employer
//! coordinators, managers and administrators, and the versioned JSON API, on the service layer.
//!
//! Requests pass, outermost first: the request id and its log span, security headers and error
//! rendering, the language, the session, the cross-site check, then the route's own policy
//! check (see [`policy`]).

pub mod api;
pub mod error;
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

/// Serves until `shutdown` resolves, then drains in-flight requests (R52).
pub async fn serve(
    app: Router,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
