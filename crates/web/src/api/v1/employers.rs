//! `/api/v1/employers`: the employer register of a project, one employer with its `ETag`, and
//! an employer's task inventory and openings. Which employers a caller may read is decided by
//! the service; another project's employer is 404 (R14).

use super::io::{invalid, list, page, page_query, tagged, FIELD_MISSING, FIELD_UNKNOWN_ID};
use crate::error::{WebError, WebResult};
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use polku_domain::{EmployerId, ProjectId};
use polku_service::ServiceError;
use std::collections::HashMap;

// What the OpenAPI document says of these operations.
use super::schemas::errors::{Forbidden, Invalid, NotFound, Unauthenticated};
use super::schemas::params::PageParams;
use super::schemas::views::{Employer, EmployerList, OpeningList, TaskList};

fn parse_id(id: &str) -> WebResult<EmployerId> {
    EmployerId::parse(id).map_err(|_| WebError::NotFound)
}

/// `?project=CODE`, or the caller's only project.
async fn project(
    state: &AppState,
    session: &Session,
    q: &HashMap<String, String>,
) -> WebResult<ProjectId> {
    if let Some(code) = q.get("project").filter(|c| !c.trim().is_empty()) {
        return state
            .service
            .project_by_code(&session.actor, code)
            .await
            .map(|p| p.id)
            .map_err(|e| match e {
                ServiceError::NotFound => invalid("project", FIELD_UNKNOWN_ID),
                other => other.into(),
            });
    }
    let mut projects: Vec<ProjectId> = session
        .user
        .roles
        .iter()
        .filter_map(|g| g.project)
        .collect();
    projects.sort();
    projects.dedup();
    match projects.as_slice() {
        [only] => Ok(*only),
        _ => Err(invalid("project", FIELD_MISSING)),
    }
}

/// The employer register.
///
/// Employers of a project (`project`, or the caller's only project). Ordered by id; paginated.
#[utoipa::path(
    get,
    path = "/api/v1/employers",
    operation_id = "listEmployers",
    tag = "employers",
    params(PageParams),
    responses(
        (status = 200, description = "One page.", body = EmployerList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 422, response = Invalid),
    ),
)]
pub async fn index(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<HashMap<String, String>>,
) -> WebResult<Response> {
    let pq = page_query(&q)?;
    let project = project(&state, &session, &q).await?;
    let all = state.service.employers(&session.actor, project).await?;
    let (items, next) = page(all, |e| e.id.to_string(), &pq);
    Ok(list(&items, next))
}

/// One employer.
///
/// With a strong `ETag` of its version. Another project's employer is 404.
#[utoipa::path(
    get,
    path = "/api/v1/employers/{id}",
    operation_id = "getEmployer",
    tag = "employers",
    params(("id" = uuid::Uuid, Path, description = "The employer's id.")),
    responses(
        (status = 200, description = "The employer.", body = Employer, headers(
            ("ETag" = String, description = "Strong entity tag: the record's version in quotes."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let e = state
        .service
        .employer(&session.actor, parse_id(&id)?)
        .await?;
    Ok(tagged(StatusCode::OK, e.version, &e))
}

/// An employer's task inventory.
///
/// Every task of the employer.
#[utoipa::path(
    get,
    path = "/api/v1/employers/{id}/tasks",
    operation_id = "employerTasks",
    tag = "employers",
    params(("id" = uuid::Uuid, Path, description = "The employer's id.")),
    responses(
        (status = 200, description = "The tasks.", body = TaskList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn tasks(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let tasks = state.service.tasks(&session.actor, parse_id(&id)?).await?;
    Ok(list(&tasks, None))
}

/// An employer's openings.
///
/// Every opening of the employer.
#[utoipa::path(
    get,
    path = "/api/v1/employers/{id}/openings",
    operation_id = "employerOpenings",
    tag = "employers",
    params(("id" = uuid::Uuid, Path, description = "The employer's id.")),
    responses(
        (status = 200, description = "The openings.", body = OpeningList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn openings(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let openings = state
        .service
        .openings(&session.actor, parse_id(&id)?)
        .await?;
    Ok(list(&openings, None))
}
