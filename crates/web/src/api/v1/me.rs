//! `GET /api/v1/me`: who the token belongs to.

use crate::middleware::session::Session;
use axum::Json;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Me {
    id: String,
    email: String,
    display_name: String,
    roles: Vec<Grant>,
}

#[derive(Debug, Serialize)]
struct Grant {
    role: &'static str,
    project: Option<String>,
}

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
