//! Linking and unlinking the employer users who represent an employer (the section "employer
//! users" on the employer's page; coordinators of the project). The service decides and audits.

use crate::error::{WebError, WebResult};
use crate::html::{see_other, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::Fields;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use polku_domain::{EmployerId, UserId};
use polku_service::ServiceError;

fn employer(id: &str) -> WebResult<EmployerId> {
    EmployerId::parse(id).map_err(|_| WebError::NotFound)
}

pub async fn link(
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = employer(&id)?;
    let back = format!("/employers/{id}");
    // Who may link is decided first: another project's employer is not found.
    state.service.employer_users(&session.actor, id).await?;
    let Ok(user) = UserId::parse(&fields.get("user")) else {
        // Nothing chosen: the page again, unchanged.
        return Ok(see_other(&format!("{back}#employer-users")));
    };
    match state
        .service
        .link_employer_user(&session.actor, user, id)
        .await
    {
        Ok(()) => Ok(see_other_saved(&back, Notice::EmployerUserLinked)),
        Err(ServiceError::Invalid(_)) => Ok(see_other(&format!("{back}#employer-users"))),
        Err(e) => Err(e.into()),
    }
}

pub async fn unlink(
    session: Session,
    State(state): State<AppState>,
    Path((id, user)): Path<(String, String)>,
) -> WebResult<Response> {
    let id = employer(&id)?;
    let user = UserId::parse(&user).map_err(|_| WebError::NotFound)?;
    state
        .service
        .unlink_employer_user(&session.actor, user, id)
        .await?;
    Ok(see_other_saved(
        &format!("/employers/{id}"),
        Notice::EmployerUserUnlinked,
    ))
}
