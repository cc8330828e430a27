//! Administration of organisations and projects: create and edit, with a project's funding
//! programme and specific objective (`data/funding-programmes.json`), period, municipalities
//! (the embedded register) and organisations (one lead, any number of partners). Forms work
//! without JavaScript; refused values are shown on their fields and nothing is saved.

use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{render, render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{
    funding, geo, BusinessId, DomainError, Funding, Organisation, OrganisationId, Project,
    ProjectId,
};
use polku_service::ServiceError;
use time::Date;

#[derive(Template)]
#[template(path = "admin/organisation.html")]
struct OrgPage<'a> {
    ctx: &'a Ctx,
    /// `None` for a new organisation.
    id: Option<String>,
    org_name: String,
    business_id: String,
    errors: FieldErrors,
    /// The optional participant fields (R42) with whether each is on; empty for a new
    /// organisation (a new one has them all off).
    optional: Vec<OptionalRow>,
}

/// One optional participant field on the organisation page.
struct OptionalRow {
    name: &'static str,
    label_key: String,
    on: bool,
    esf_required: bool,
}

fn optional_rows(settings: &polku_domain::FieldSettings) -> Vec<OptionalRow> {
    polku_domain::OptionalField::ALL
        .into_iter()
        .map(|f| OptionalRow {
            name: f.as_str(),
            label_key: format!("adm-optional-{}", f.as_str().replace('_', "-")),
            on: settings.enabled.contains(&f),
            esf_required: f.esf_required(),
        })
        .collect()
}

pub async fn new_organisation(
    _fresh: crate::step_up::StepUp,
    ctx: Ctx,
    _session: Session,
) -> WebResult<Response> {
    render(&OrgPage {
        ctx: &ctx,
        id: None,
        org_name: String::new(),
        business_id: String::new(),
        errors: FieldErrors::new(),
        optional: Vec::new(),
    })
}

pub async fn organisation(
    _fresh: crate::step_up::StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = OrganisationId::parse(&id).map_err(|_| WebError::NotFound)?;
    let o = state.service.admin_organisation(&session.actor, id).await?;
    let settings = state.service.optional_fields(&session.actor, id).await?;
    render(&OrgPage {
        optional: optional_rows(&settings),
        ctx: &ctx,
        id: Some(o.id.to_string()),
        org_name: o.name,
        business_id: o
            .business_id
            .map(|b| b.as_str().to_owned())
            .unwrap_or_default(),
        errors: FieldErrors::new(),
    })
}

async fn save_organisation(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    id: Option<OrganisationId>,
    fields: &Fields,
) -> WebResult<Response> {
    let name = fields.get("name");
    let bid = fields.get("business_id");
    let mut errors = FieldErrors::new();
    if name.trim().is_empty() || name.chars().count() > 200 {
        errors.add("name", "adm-error-name");
    }
    let business_id = if bid.trim().is_empty() {
        None
    } else {
        match BusinessId::parse(&bid) {
            Ok(b) => Some(b),
            Err(_) => {
                errors.add("business_id", "adm-error-business-id");
                None
            }
        }
    };
    let settings = match id {
        Some(id) => state.service.optional_fields(&session.actor, id).await?,
        None => polku_domain::FieldSettings::default(),
    };
    let again = |errors: FieldErrors| {
        render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &OrgPage {
                optional: if id.is_some() {
                    optional_rows(&settings)
                } else {
                    Vec::new()
                },
                ctx,
                id: id.map(|i| i.to_string()),
                org_name: name.clone(),
                business_id: bid.clone(),
                errors,
            },
        )
    };
    if !errors.is_empty() {
        return again(errors);
    }
    let org = Organisation {
        id: id.unwrap_or_default(),
        name: name.clone(),
        business_id,
    };
    let saved = match id {
        None => state.service.create_organisation(&session.actor, org).await,
        Some(_) => state.service.update_organisation(&session.actor, org).await,
    };
    match saved {
        Ok(o) => Ok(see_other_saved(
            &format!("/admin/organisations/{}", o.id),
            Notice::Organisation,
        )),
        Err(ServiceError::Duplicate(_)) => {
            let mut errors = FieldErrors::new();
            errors.add("business_id", "adm-error-business-id-taken");
            again(errors)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn create_organisation(
    _fresh: crate::step_up::StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    save_organisation(&state, &ctx, &session, None, &fields).await
}

pub async fn update_organisation(
    _fresh: crate::step_up::StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = OrganisationId::parse(&id).map_err(|_| WebError::NotFound)?;
    state.service.admin_organisation(&session.actor, id).await?;
    save_organisation(&state, &ctx, &session, Some(id), &fields).await
}

/// Switches the organisation's optional participant fields (R42) to the boxes ticked; the
/// change is audited by the service. Values already stored are kept.
pub async fn update_optional_fields(
    _fresh: crate::step_up::StepUp,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = OrganisationId::parse(&id).map_err(|_| WebError::NotFound)?;
    let settings = polku_domain::FieldSettings {
        enabled: polku_domain::OptionalField::ALL
            .into_iter()
            .filter(|f| fields.checked(f.as_str()))
            .collect(),
    };
    state
        .service
        .set_optional_fields(&session.actor, id, settings)
        .await?;
    Ok(see_other_saved(
        &format!("/admin/organisations/{id}"),
        Notice::OptionalFields,
    ))
}

/// The project form's values, as typed.
#[derive(Debug, Clone, Default)]
pub struct ProjectValues {
    pub code: String,
    pub name: String,
    pub lead: String,
    pub partners: Vec<String>,
    pub objective: String,
    pub start: String,
    pub end: String,
    pub municipalities: String,
    pub target_groups: String,
}

#[derive(Template)]
#[template(path = "admin/project.html")]
struct ProjectPage<'a> {
    ctx: &'a Ctx,
    /// The code of the project being edited; `None` for a new one.
    editing: Option<String>,
    values: ProjectValues,
    /// (id, name)
    organisations: Vec<(String, String)>,
    /// (value `PROGRAMME|OBJECTIVE`, label)
    objectives: Vec<(String, String)>,
    errors: FieldErrors,
}

fn objectives(ctx: &Ctx) -> Vec<(String, String)> {
    funding::programmes()
        .iter()
        .flat_map(|p| {
            p.objectives.iter().map(move |o| {
                (
                    format!("{}|{}", p.code, o.code),
                    format!("{} – {} {}", p.name_in(ctx.lang()), o.code, o.en),
                )
            })
        })
        .collect()
}

async fn project_page<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    session: &Session,
    editing: Option<String>,
    values: ProjectValues,
    errors: FieldErrors,
) -> WebResult<ProjectPage<'a>> {
    let organisations = state
        .service
        .list_organisations(&session.actor)
        .await?
        .into_iter()
        .map(|o| (o.id.to_string(), o.name))
        .collect();
    Ok(ProjectPage {
        ctx,
        editing,
        values,
        organisations,
        objectives: objectives(ctx),
        errors,
    })
}

fn municipality_names(p: &Project, swedish: bool) -> String {
    p.municipalities
        .iter()
        .map(|c| match geo::municipality(c) {
            Some(m) if swedish => m.name_sv.to_owned(),
            Some(m) => m.name_fi.to_owned(),
            None => c.as_str().to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub async fn new_project(
    _fresh: crate::step_up::StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
) -> WebResult<Response> {
    let page = project_page(
        &state,
        &ctx,
        &session,
        None,
        ProjectValues::default(),
        FieldErrors::new(),
    )
    .await?;
    render(&page)
}

pub async fn project(
    _fresh: crate::step_up::StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(code): Path<String>,
) -> WebResult<Response> {
    let p = state.service.admin_project(&session.actor, &code).await?;
    let values = ProjectValues {
        code: p.code.clone(),
        name: p.name.clone(),
        lead: p.organisation_id.to_string(),
        partners: p.partners.iter().map(|o| o.to_string()).collect(),
        objective: p
            .funding
            .as_ref()
            .map(|f| format!("{}|{}", f.programme, f.objective))
            .unwrap_or_default(),
        start: p.starts_on.to_string(),
        end: p.ends_on.to_string(),
        municipalities: municipality_names(&p, ctx.lang() == "sv"),
        target_groups: p.target_groups.join(", "),
    };
    let page = project_page(
        &state,
        &ctx,
        &session,
        Some(p.code),
        values,
        FieldErrors::new(),
    )
    .await?;
    render(&page)
}

fn parse_date(s: &str) -> Option<Date> {
    Date::parse(
        s.trim(),
        &time::format_description::well_known::Iso8601::DATE,
    )
    .ok()
}

/// Municipalities from a comma-separated list of names (Finnish or Swedish) or codes.
fn parse_municipalities(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for item in s.split([',', ';', '\n']) {
        let t = item.trim();
        if t.is_empty() {
            continue;
        }
        match polku_domain::MunicipalityCode::known(t)
            .ok()
            .or_else(|| geo::municipality_by_name(t).map(|m| m.code.clone()))
        {
            Some(c) => out.push(c.as_str().to_owned()),
            None => return Err(t.to_owned()),
        }
    }
    Ok(out)
}

async fn save_project(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    base: Option<Project>,
    fields: &Fields,
) -> WebResult<Response> {
    let values = ProjectValues {
        code: base
            .as_ref()
            .map_or_else(|| fields.get("code"), |b| b.code.clone()),
        name: fields.get("name"),
        lead: fields.get("lead"),
        partners: fields.all("partners"),
        objective: fields.get("objective"),
        start: fields.get("start"),
        end: fields.get("end"),
        municipalities: fields.get("municipalities"),
        target_groups: fields.get("target_groups"),
    };
    let mut errors = FieldErrors::new();
    let code_ok = !values.code.trim().is_empty()
        && values.code.trim().len() <= 32
        && values
            .code
            .trim()
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !code_ok {
        errors.add("code", "adm-error-code");
    }
    if values.name.trim().is_empty() || values.name.chars().count() > 200 {
        errors.add("name", "adm-error-name");
    }
    let lead = OrganisationId::parse(&values.lead).ok();
    if lead.is_none() {
        errors.add("lead", "adm-error-lead");
    }
    let partners: Vec<OrganisationId> = values
        .partners
        .iter()
        .filter_map(|p| OrganisationId::parse(p).ok())
        .collect();
    if lead.is_some_and(|l| partners.contains(&l)) {
        errors.add("partners", "adm-error-partner-lead");
    }
    let start = parse_date(&values.start);
    let end = parse_date(&values.end);
    if start.is_none() {
        errors.add("start", "adm-error-date");
    }
    if end.is_none() {
        errors.add("end", "adm-error-date");
    }
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            errors.add("end", "adm-error-end-before-start");
        }
    }
    let funding = match (values.objective.split_once('|'), start) {
        (None, _) => {
            errors.add("objective", "adm-error-objective");
            None
        }
        (Some((p, o)), Some(s)) => match Funding::new(p, o, s) {
            Ok(f) => Some(f),
            Err(DomainError::Invalid {
                field: "starts_on", ..
            }) => {
                errors.add("start", "adm-error-start-programme");
                None
            }
            Err(_) => {
                errors.add("objective", "adm-error-objective");
                None
            }
        },
        (Some(_), None) => None,
    };
    let municipalities = match parse_municipalities(&values.municipalities) {
        Ok(m) if m.is_empty() => {
            errors.add("municipalities", "adm-error-municipalities");
            Vec::new()
        }
        Ok(m) => m,
        Err(word) => {
            errors.add_word("municipalities", "adm-error-municipality-unknown", &word);
            Vec::new()
        }
    };
    let editing = base.as_ref().map(|b| b.code.clone());
    if !errors.is_empty() {
        let page = project_page(state, ctx, session, editing, values, errors).await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let (Some(lead), Some(start), Some(end)) = (lead, start, end) else {
        return Err(WebError::Internal("checked above".into()));
    };
    let target_groups: Vec<String> = values
        .target_groups
        .split(',')
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    let project = Project::new(
        base.as_ref().map_or_else(ProjectId::new, |b| b.id),
        lead,
        values.code.trim(),
        &values.name,
        Vec::new(),
        target_groups,
        start,
        end,
    )
    .and_then(|p| p.with_setup(funding, &municipalities, &partners))
    .map(polku_service::users::with_regions)
    .map_err(ServiceError::from)?;
    let saved = match base {
        None => state.service.create_project(&session.actor, project).await,
        Some(_) => state.service.update_project(&session.actor, project).await,
    };
    match saved {
        Ok(p) => Ok(see_other_saved(
            &format!("/admin/projects/{}", p.code),
            Notice::Project,
        )),
        Err(
            e @ (ServiceError::Duplicate(_) | ServiceError::NotFound | ServiceError::Invalid(_)),
        ) => {
            let mut errors = FieldErrors::new();
            match e {
                ServiceError::Duplicate(_) => errors.add("code", "adm-error-code-taken"),
                ServiceError::NotFound => errors.add("lead", "adm-error-lead"),
                _ => errors.add("partners", "adm-error-partners"),
            }
            let page = project_page(state, ctx, session, editing, values, errors).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn create_project(
    _fresh: crate::step_up::StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    save_project(&state, &ctx, &session, None, &fields).await
}

pub async fn update_project(
    _fresh: crate::step_up::StepUp,
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(code): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let base = state.service.admin_project(&session.actor, &code).await?;
    save_project(&state, &ctx, &session, Some(base), &fields).await
}
