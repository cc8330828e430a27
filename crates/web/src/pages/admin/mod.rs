//! Administration: organisations, projects and accounts with their roles; creating an account
//! and issuing a new one-time sign-in (activation) link, shown once and never stored in clear.

use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{format, render, render_status};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::form::Fields;
use crate::pages::labels::role_key;
use crate::policy::{Policy, Routes};
use crate::state::AppState;
use crate::step_up::StepUp;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{Email, Role, UserId};
use polku_service::users::{AdminOverview, ACTIVATION_TTL};
use polku_service::ServiceError;
use time::OffsetDateTime;

mod accounts;
mod setup;

const ADMINS: Policy = Policy::AnyRole(&[Role::Admin]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/admin", ADMINS, overview)
        .post("/admin/users", ADMINS, create_user)
        .post("/admin/users/{id}/activation", ADMINS, new_link)
        .get("/admin/users/{id}", ADMINS, accounts::show)
        .post("/admin/users/{id}/grants", ADMINS, accounts::add_grant)
        .post(
            "/admin/users/{id}/grants/remove",
            ADMINS,
            accounts::remove_grant,
        )
        .post("/admin/users/{id}/deactivate", ADMINS, accounts::deactivate)
        .post("/admin/users/{id}/reactivate", ADMINS, accounts::reactivate)
        .get("/admin/organisations/new", ADMINS, setup::new_organisation)
        .post("/admin/organisations", ADMINS, setup::create_organisation)
        .get("/admin/organisations/{id}", ADMINS, setup::organisation)
        .post(
            "/admin/organisations/{id}",
            ADMINS,
            setup::update_organisation,
        )
        .get("/admin/projects/new", ADMINS, setup::new_project)
        .post("/admin/projects", ADMINS, setup::create_project)
        .get("/admin/projects/{code}", ADMINS, setup::project)
        .post("/admin/projects/{code}", ADMINS, setup::update_project)
        .post(
            "/admin/users/{id}/organisation",
            ADMINS,
            accounts::set_organisation,
        )
        .post(
            "/admin/organisations/{id}/optional-fields",
            ADMINS,
            setup::update_optional_fields,
        )
}

/// One account as listed.
#[derive(Debug)]
pub struct UserRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub active: bool,
    pub deactivated: bool,
    /// (role label key, project code or "").
    pub roles: Vec<(&'static str, String)>,
}

/// The new-account form's values.
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub project: String,
}

#[derive(Template)]
#[template(path = "admin/overview.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    /// (id, name, business id)
    organisations: Vec<(String, String, String)>,
    /// (code, name, organisation name)
    projects: Vec<(String, String, String)>,
    users: Vec<UserRow>,
    roles: Vec<(&'static str, &'static str)>,
    values: Values,
    errors: FieldErrors,
}

fn page<'a>(ctx: &'a Ctx, o: AdminOverview, values: Values, errors: FieldErrors) -> Page<'a> {
    let code_of = |p: Option<polku_domain::ProjectId>| {
        p.and_then(|id| o.projects.iter().find(|x| x.id == id))
            .map(|x| x.code.clone())
            .unwrap_or_default()
    };
    Page {
        ctx,
        organisations: o
            .organisations
            .iter()
            .map(|x| {
                (
                    x.id.to_string(),
                    x.name.clone(),
                    x.business_id
                        .as_ref()
                        .map(|b| b.as_str().to_owned())
                        .unwrap_or_default(),
                )
            })
            .collect(),
        projects: o
            .projects
            .iter()
            .map(|p| {
                let org = o
                    .organisations
                    .iter()
                    .find(|x| x.id == p.organisation_id)
                    .map(|x| x.name.clone())
                    .unwrap_or_default();
                (p.code.clone(), p.name.clone(), org)
            })
            .collect(),
        users: o
            .users
            .iter()
            .map(|u| UserRow {
                id: u.id.to_string(),
                name: u.display_name.clone(),
                email: u.email.as_str().to_owned(),
                active: u.active,
                deactivated: u.deactivated,
                roles: u
                    .roles
                    .iter()
                    .map(|g| (role_key(g.role), code_of(g.project)))
                    .collect(),
            })
            .collect(),
        roles: Role::ALL
            .iter()
            .map(|r| (r.as_str(), role_key(*r)))
            .collect(),
        values,
        errors,
    }
}

async fn overview(
    _fresh: StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
) -> WebResult<Response> {
    let o = state.service.admin_overview(&session.actor).await?;
    // No project is preselected: a new account lands in the project the admin chooses.
    let values = Values {
        role: Role::Coach.as_str().to_owned(),
        ..Values::default()
    };
    render(&page(&ctx, o, values, FieldErrors::new()))
}

#[derive(Template)]
#[template(path = "admin/link.html")]
struct LinkPage<'a> {
    ctx: &'a Ctx,
    name: String,
    email: String,
    link: String,
    expires: String,
    created: bool,
}

fn link_page<'a>(
    ctx: &'a Ctx,
    state: &AppState,
    name: String,
    email: String,
    token: &str,
    expires: OffsetDateTime,
    created: bool,
) -> LinkPage<'a> {
    LinkPage {
        ctx,
        name,
        email,
        link: format!(
            "{}/activate?token={token}",
            state.config.public_origin.trim_end_matches('/')
        ),
        expires: format::date_time(ctx.locale, expires),
        created,
    }
}

async fn create_user(
    _fresh: StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let values = Values {
        email: fields.get("email"),
        display_name: fields.get("display_name"),
        role: fields.get("role"),
        project: fields.get("project"),
    };
    let mut errors = FieldErrors::new();
    let email = Email::parse(&values.email).ok();
    if email.is_none() {
        errors.add("email", "adm-error-email");
    }
    if values.display_name.is_empty() || values.display_name.chars().count() > 200 {
        errors.add("display_name", "adm-error-name");
    }
    let role = Role::parse(&values.role).ok();
    match role {
        None => errors.add("role", "adm-error-role"),
        Some(Role::Admin) if !values.project.is_empty() => {
            errors.add("project", "adm-error-project-admin")
        }
        Some(r) if r != Role::Admin && values.project.is_empty() => {
            errors.add("project", "adm-error-project")
        }
        _ => {}
    }
    let (Some(email), Some(role), true) = (email, role, errors.is_empty()) else {
        let o = state.service.admin_overview(&session.actor).await?;
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(&ctx, o, values, errors),
        );
    };
    let project = (!values.project.is_empty()).then_some(values.project.as_str());
    match state
        .service
        .add_user(&session.actor, email, &values.display_name, role, project)
        .await
    {
        Ok(created) => render(&link_page(
            &ctx,
            &state,
            created.user.display_name,
            created.user.email.as_str().to_owned(),
            &created.activation_token,
            created.expires_at,
            true,
        )),
        Err(e @ (ServiceError::Duplicate(_) | ServiceError::NotFound)) => {
            let mut errors = FieldErrors::new();
            if matches!(e, ServiceError::Duplicate(_)) {
                errors.add("email", "adm-error-email-taken");
            } else {
                errors.add("project", "adm-error-project");
            }
            let o = state.service.admin_overview(&session.actor).await?;
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&ctx, o, values, errors),
            )
        }
        Err(e) => Err(e.into()),
    }
}

async fn new_link(
    _fresh: StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = UserId::parse(&id).map_err(|_| WebError::NotFound)?;
    let user = state.service.admin_user(&session.actor, id).await?;
    let (token, expires) = state
        .service
        .issue_activation(&session.actor, id, ACTIVATION_TTL)
        .await?;
    render(&link_page(
        &ctx,
        &state,
        user.display_name,
        user.email.as_str().to_owned(),
        &token,
        expires,
        false,
    ))
}
