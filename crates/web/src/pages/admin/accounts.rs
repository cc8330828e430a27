//! One account: its role grants (a user may hold several, each in its own project), adding and
//! removing a grant, deactivating or reactivating the account, and the organisation a staff
//! member works for (`staff_organisations`, which decides whose participants a partner
//! organisation's reports count; the same as `polku user organisation`). Deactivation ends every
//! session at once and keeps the history; the last active administrator is kept. Every handler
//! needs a fresh second factor (step-up, R19).

use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::pages::labels::role_key;
use crate::state::AppState;
use crate::step_up::StepUp;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{Role, RoleGrant, UserId};
use polku_service::ServiceError;

#[derive(Template)]
#[template(path = "admin/user.html")]
struct UserPage<'a> {
    ctx: &'a Ctx,
    id: String,
    name: String,
    email: String,
    active: bool,
    deactivated: bool,
    /// (role value, role label key, project code or "")
    grants: Vec<(&'static str, &'static str, String)>,
    roles: Vec<(&'static str, &'static str)>,
    /// (code, name)
    projects: Vec<(String, String)>,
    role: String,
    project: String,
    /// (id, name) of every organisation, for the staff organisation field.
    organisations: Vec<(String, String)>,
    /// The organisation chosen (id, or "" for none).
    organisation: String,
    errors: FieldErrors,
}

/// What the user page shows besides the account itself: the grant form's fields as sent, the
/// organisation chosen (`None`: the one stored), the field errors and the status.
struct Shown {
    role: String,
    project: String,
    chosen: Option<String>,
    errors: FieldErrors,
    status: StatusCode,
}

impl Shown {
    /// The page as first shown: empty forms, no errors.
    fn fresh() -> Self {
        Shown {
            role: String::new(),
            project: String::new(),
            chosen: None,
            errors: FieldErrors::new(),
            status: StatusCode::OK,
        }
    }

    /// A refused form: the message `key` at `field`, answered with `status` (the forms'
    /// fields empty unless the caller fills them in).
    fn refused(field: &str, key: &str, status: StatusCode) -> Self {
        let mut errors = FieldErrors::new();
        errors.add(field, key);
        Shown {
            errors,
            status,
            ..Shown::fresh()
        }
    }
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    id: UserId,
    shown: Shown,
) -> WebResult<Response> {
    let Shown {
        role,
        project,
        chosen,
        errors,
        status,
    } = shown;
    let u = state.service.admin_user(&session.actor, id).await?;
    let projects = state.service.list_projects(&session.actor).await?;
    let organisations = state.service.list_organisations(&session.actor).await?;
    let organisation = match chosen {
        Some(o) => o,
        None => state
            .service
            .staff_organisation(&session.actor, id)
            .await?
            .map(|o| o.to_string())
            .unwrap_or_default(),
    };
    let code_of = |p: Option<polku_domain::ProjectId>| {
        p.and_then(|id| projects.iter().find(|x| x.id == id))
            .map(|x| x.code.clone())
            .unwrap_or_default()
    };
    let page = UserPage {
        ctx,
        id: u.id.to_string(),
        name: u.display_name.clone(),
        email: u.email.as_str().to_owned(),
        active: u.active,
        deactivated: u.deactivated,
        grants: u
            .roles
            .iter()
            .map(|g| (g.role.as_str(), role_key(g.role), code_of(g.project)))
            .collect(),
        roles: Role::ALL
            .iter()
            .map(|r| (r.as_str(), role_key(*r)))
            .collect(),
        projects: projects
            .iter()
            .map(|p| (p.code.clone(), p.name.clone()))
            .collect(),
        role,
        project,
        organisations: organisations
            .iter()
            .map(|o| (o.id.to_string(), o.name.clone()))
            .collect(),
        organisation,
        errors,
    };
    render_status(status, &page)
}

fn user_id(id: &str) -> WebResult<UserId> {
    UserId::parse(id).map_err(|_| WebError::NotFound)
}

pub async fn show(
    _fresh: StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = user_id(&id)?;
    page(&state, &ctx, &session, id, Shown::fresh()).await
}

/// The grant a form names, or the field error to show.
async fn grant_from(
    state: &AppState,
    fields: &Fields,
) -> Result<RoleGrant, (&'static str, &'static str)> {
    let role = Role::parse(&fields.get("role")).map_err(|_| ("role", "adm-error-role"))?;
    let project = fields.get("project");
    match (role, project.is_empty()) {
        (Role::Admin, false) => return Err(("project", "adm-error-project-admin")),
        (r, true) if r != Role::Admin => return Err(("project", "adm-error-project")),
        _ => {}
    }
    let code = (!project.is_empty()).then_some(project.as_str());
    state
        .service
        .grant_for(role, code)
        .await
        .map_err(|_| ("project", "adm-error-project"))
}

pub async fn add_grant(
    _fresh: StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = user_id(&id)?;
    state.service.admin_user(&session.actor, id).await?;
    let (field, key) = match grant_from(&state, &fields).await {
        Ok(g) => match state.service.grant_role(&session.actor, id, g).await? {
            true => {
                return Ok(see_other_saved(
                    &format!("/admin/users/{id}"),
                    Notice::Grant,
                ))
            }
            false => ("role", "adm-error-grant-held"),
        },
        Err(refusal) => refusal,
    };
    let shown = Shown {
        role: fields.get("role"),
        project: fields.get("project"),
        ..Shown::refused(field, key, StatusCode::UNPROCESSABLE_ENTITY)
    };
    page(&state, &ctx, &session, id, shown).await
}

pub async fn remove_grant(
    _fresh: StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = user_id(&id)?;
    state.service.admin_user(&session.actor, id).await?;
    let Ok(g) = grant_from(&state, &fields).await else {
        return Err(WebError::BadRequest("invalid_input"));
    };
    match state.service.revoke_role(&session.actor, id, g).await {
        Ok(_) => Ok(see_other_saved(
            &format!("/admin/users/{id}"),
            Notice::GrantRemoved,
        )),
        Err(ServiceError::LastAdmin) => {
            let shown = Shown::refused("grants", "adm-error-last-admin", StatusCode::CONFLICT);
            page(&state, &ctx, &session, id, shown).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn deactivate(
    _fresh: StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = user_id(&id)?;
    match state.service.deactivate_user(&session.actor, id).await {
        Ok(_) => Ok(see_other_saved(
            &format!("/admin/users/{id}"),
            Notice::Deactivated,
        )),
        Err(ServiceError::LastAdmin) => {
            let shown = Shown::refused("status", "adm-error-last-admin", StatusCode::CONFLICT);
            page(&state, &ctx, &session, id, shown).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn reactivate(
    _fresh: StepUp,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = user_id(&id)?;
    state.service.reactivate_user(&session.actor, id).await?;
    Ok(see_other_saved(
        &format!("/admin/users/{id}"),
        Notice::Reactivated,
    ))
}

/// `POST /admin/users/{id}/organisation`: records which organisation the user works for, or
/// clears it with the empty choice (audited as `set_organisation` by the service). An
/// organisation that does not exist is a field error; nothing is stored.
pub async fn set_organisation(
    _fresh: StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = user_id(&id)?;
    state.service.admin_user(&session.actor, id).await?;
    let chosen = fields.get("organisation");
    let organisation = if chosen.trim().is_empty() {
        Ok(None)
    } else {
        polku_domain::OrganisationId::parse(chosen.trim()).map(Some)
    };
    let result = match organisation {
        Ok(o) => {
            state
                .service
                .set_staff_organisation(&session.actor, id, o)
                .await
        }
        Err(_) => Err(ServiceError::NotFound),
    };
    match result {
        Ok(_) => Ok(see_other_saved(
            &format!("/admin/users/{id}"),
            Notice::StaffOrganisation,
        )),
        Err(ServiceError::NotFound) => {
            let shown = Shown {
                chosen: Some(chosen),
                ..Shown::refused(
                    "organisation",
                    "adm-error-staff-organisation",
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
            };
            page(&state, &ctx, &session, id, shown).await
        }
        Err(e) => Err(e.into()),
    }
}
