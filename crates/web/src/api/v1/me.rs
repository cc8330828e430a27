//! `GET /api/v1/me`: who the token belongs to.

use super::schemas::errors::Unauthenticated;
use crate::middleware::session::Session;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// The signed-in user and their role grants.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    #[schema(format = "uuid")]
    id: String,
    email: String,
    display_name: String,
    roles: Vec<Grant>,
}

/// A role, in one project or everywhere (`null`).
#[derive(Debug, Serialize, ToSchema)]
struct Grant {
    #[schema(value_type = super::schemas::domain::Role)]
    role: &'static str,
    #[schema(format = "uuid", required = true)]
    project: Option<String>,
}

/// Who am I.
///
/// The signed-in user and their role grants.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    operation_id = "me",
    tag = "sessions",
    responses(
        (status = 200, description = "The user.", body = Me),
        (status = 401, response = Unauthenticated),
    ),
)]
pub async fn show(session: Session) -> Json<Me> {
    let u = session.user;
    Json(Me {
        id: u.id.to_string(),
        email: u.email.as_str().to_owned(),
        display_name: u.display_name,
        roles: u
            .roles
            .iter()
            .map(|g| Grant {
                role: g.role.as_str(),
                project: g.project.map(|p| p.to_string()),
            })
            .collect(),
    })
}
