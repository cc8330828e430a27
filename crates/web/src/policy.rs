//! Every route declares who may call it, in one place (R13). Routes can only be added through
//! [`Routes`], which wraps each handler in the policy check and records the route in an
//! inventory; tests walk the inventory (every non-public route refuses anonymous callers, the
//! security headers are on every route). The policy only says which *roles* may reach a route;
//! which *objects* an actor may see is decided by the service (`polku_service::authz`).

use crate::error::WebError;
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::extract::Request;
use axum::handler::Handler;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{from_fn, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{on, MethodFilter};
use axum::Router;
use polku_domain::Role;

/// Who may reach a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Anyone, signed in or not (sign-in page, static files, health).
    Public,
    /// Any signed-in user.
    SignedIn,
    /// A signed-in user holding one of these roles in some project.
    AnyRole(&'static [Role]),
}

/// Pages redirect anonymous users to sign-in; API routes answer 401.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Page,
    Api,
}

/// One row of the route inventory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteInfo {
    pub method: Method,
    pub path: &'static str,
    pub policy: Policy,
    pub kind: Kind,
}

/// A router that knows the policy of each of its routes.
#[derive(Debug)]
pub struct Routes {
    router: Router<AppState>,
    inventory: Vec<RouteInfo>,
}

impl Default for Routes {
    fn default() -> Self {
        Routes::new()
    }
}

impl Routes {
    pub fn new() -> Routes {
        Routes {
            router: Router::new(),
            inventory: Vec::new(),
        }
    }

    fn add<H, T>(mut self, method: Method, path: &'static str, policy: Policy, handler: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let kind = if path.starts_with("/api/") {
            Kind::Api
        } else {
            Kind::Page
        };
        let filter = MethodFilter::try_from(method.clone()).unwrap_or(MethodFilter::GET);
        let mr = on(filter, handler).route_layer(from_fn(move |req: Request, next: Next| {
            enforce(policy, kind, req, next)
        }));
        self.router = self.router.route(path, mr);
        self.inventory.push(RouteInfo {
            method,
            path,
            policy,
            kind,
        });
        self
    }

    pub fn get<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        policy: Policy,
        h: H,
    ) -> Routes {
        self.add(Method::GET, path, policy, h)
    }
    pub fn post<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        policy: Policy,
        h: H,
    ) -> Routes {
        self.add(Method::POST, path, policy, h)
    }
    pub fn put<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        policy: Policy,
        h: H,
    ) -> Routes {
        self.add(Method::PUT, path, policy, h)
    }
    pub fn patch<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        policy: Policy,
        h: H,
    ) -> Routes {
        self.add(Method::PATCH, path, policy, h)
    }
    pub fn delete<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        policy: Policy,
        h: H,
    ) -> Routes {
        self.add(Method::DELETE, path, policy, h)
    }

    pub fn merge(mut self, other: Routes) -> Routes {
        self.router = self.router.merge(other.router);
        self.inventory.extend(other.inventory);
        self
    }

    pub fn into_parts(self) -> (Router<AppState>, Vec<RouteInfo>) {
        (self.router, self.inventory)
    }
}

/// True when the session's user holds one of `roles` anywhere.
pub fn has_any_role(session: &Session, roles: &[Role]) -> bool {
    session.user.roles.iter().any(|g| roles.contains(&g.role))
}

async fn enforce(policy: Policy, kind: Kind, req: Request, next: Next) -> Response {
    if policy == Policy::Public {
        return next.run(req).await;
    }
    let Some(session) = req.extensions().get::<Session>() else {
        return match kind {
            Kind::Api => {
                let mut res = WebError::Unauthenticated.into_response();
                res.headers_mut()
                    .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
                res
            }
            Kind::Page => {
                let next_path = req
                    .uri()
                    .path_and_query()
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_else(|| "/".to_owned());
                let target = if req.method() == Method::GET {
                    format!("/sign-in?next={}", crate::html::url_encode(&next_path))
                } else {
                    "/sign-in".to_owned()
                };
                (StatusCode::SEE_OTHER, [(header::LOCATION, target)]).into_response()
            }
        };
    };
    if let Policy::AnyRole(roles) = policy {
        if !has_any_role(session, roles) {
            return WebError::Forbidden.into_response();
        }
    }
    next.run(req).await
}
