//! The employer register: list, overview, create and edit (with the version check of R50).

use super::common::{employer_id, municipality, projects_with, tabs, Tab};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{render, render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::form::Fields;
use crate::pages::labels::{data_lang, industry_label, municipality_names};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::employer::tol_code;
use polku_domain::{
    BusinessId, CooperationDepth, Employer, EmployerId, EmployerSize, LegalForm, ProjectId, Role,
};
use polku_service::contacts::EmployerContact;
use polku_service::employer_users::NamedUser;
use polku_service::employers::EmployerLine;
use polku_service::reports::depth_str;
use polku_service::ServiceError;

/// (value, label key) of each employer size.
pub const SIZES: [(&str, &str); 4] = [
    ("micro", "emp-size-micro"),
    ("small", "emp-size-small"),
    ("medium", "emp-size-medium"),
    ("large", "emp-size-large"),
];
/// (value, label key) of each cooperation depth.
pub const DEPTHS: [(&str, &str); 3] = [
    ("contacted", "emp-depth-contacted"),
    ("engaged", "emp-depth-engaged"),
    ("deeper", "emp-depth-deeper"),
];

/// (value, label key) of each legal form; the empty value is "not recorded".
pub const LEGAL_FORMS: [(&str, &str); 9] = [
    ("", "emp-legal-form-unknown"),
    ("company", "emp-legal-form-company"),
    ("sole_trader", "emp-legal-form-sole_trader"),
    ("association", "emp-legal-form-association"),
    ("foundation", "emp-legal-form-foundation"),
    ("religious_community", "emp-legal-form-religious_community"),
    ("municipality", "emp-legal-form-municipality"),
    ("state", "emp-legal-form-state"),
    ("other", "emp-legal-form-other"),
];

/// The label key of a stored value in one of the lists above.
pub fn key_of(list: &[(&'static str, &'static str)], value: &str) -> &'static str {
    list.iter()
        .find(|(v, _)| *v == value)
        .map_or("emp-unknown", |(_, k)| k)
}

pub fn size_str(s: EmployerSize) -> &'static str {
    match s {
        EmployerSize::Micro => "micro",
        EmployerSize::Small => "small",
        EmployerSize::Medium => "medium",
        EmployerSize::Large => "large",
    }
}

fn parse_size(s: &str) -> Option<EmployerSize> {
    Some(match s {
        "micro" => EmployerSize::Micro,
        "small" => EmployerSize::Small,
        "medium" => EmployerSize::Medium,
        "large" => EmployerSize::Large,
        _ => return None,
    })
}

pub fn parse_depth(s: &str) -> Option<CooperationDepth> {
    Some(match s {
        "contacted" => CooperationDepth::Contacted,
        "engaged" => CooperationDepth::Engaged,
        "deeper" => CooperationDepth::Deeper,
        _ => return None,
    })
}

/// One row of the register as shown.
pub struct Row {
    pub id: String,
    pub name: String,
    /// "81210 Kiinteistöjen siivous".
    pub industry: String,
    pub depth_key: &'static str,
    pub municipalities: String,
    pub open_openings: usize,
}

#[derive(Template)]
#[template(path = "employers/list.html")]
struct ListPage<'a> {
    ctx: &'a Ctx,
    rows: Vec<Row>,
    may_create: bool,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
) -> WebResult<Response> {
    let today = crate::html::format::today();
    let mut rows = Vec::new();
    for project in projects_with(&session, &[Role::Coordinator, Role::Coach]) {
        let lines: Vec<EmployerLine> = state
            .service
            .employer_register(&session.actor, project, today)
            .await?;
        rows.extend(lines.into_iter().map(|l| Row {
            id: l.employer.id.to_string(),
            municipalities: municipality_names(&l.employer.municipalities, ctx.locale),
            depth_key: key_of(&DEPTHS, depth_str(l.employer.cooperation)),
            industry: industry_label(&l.employer.industry_tol, ctx.locale),
            name: l.employer.name,
            open_openings: l.open_openings,
        }));
    }
    render(&ListPage {
        ctx: &ctx,
        rows,
        may_create: !projects_with(&session, &[Role::Coordinator]).is_empty(),
    })
}

/// The employer form's values, as typed or as stored.
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub project: String,
    pub name: String,
    pub business_id: String,
    pub industry_tol: String,
    pub size: String,
    pub municipalities: String,
    pub cooperation: String,
    pub mentor_available: bool,
    /// A legal-form code, or empty when not recorded.
    pub legal_form: String,
    pub version: i64,
}

impl Values {
    fn of(e: &Employer) -> Values {
        Values {
            project: e.project_id.to_string(),
            name: e.name.clone(),
            business_id: e.business_id.as_str().to_owned(),
            industry_tol: e.industry_tol.clone(),
            size: size_str(e.size).to_owned(),
            municipalities: e
                .municipalities
                .iter()
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            cooperation: depth_str(e.cooperation).to_owned(),
            mentor_available: e.mentor_available,
            legal_form: e
                .legal_form
                .map(|f| f.code())
                .unwrap_or_default()
                .to_owned(),
            version: e.version,
        }
    }

    fn read(f: &Fields) -> Values {
        Values {
            project: f.get("project"),
            name: f.get("name"),
            business_id: f.get("business_id"),
            industry_tol: f.get("industry_tol"),
            size: f.get("size"),
            municipalities: f.get("municipalities"),
            cooperation: f.get("cooperation"),
            mentor_available: f.checked("mentor_available"),
            legal_form: f.get("legal_form"),
            version: f.get("version").parse().unwrap_or(0),
        }
    }

    /// Validates into an employer (id and project given), or field errors.
    fn validate(
        &self,
        id: EmployerId,
        project: ProjectId,
        coordinator: Option<polku_domain::UserId>,
    ) -> Result<Employer, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.name.is_empty() || self.name.chars().count() > 200 {
            errors.add("name", "emp-error-name");
        }
        let business_id = BusinessId::parse(&self.business_id);
        if business_id.is_err() {
            errors.add("business_id", "emp-error-business-id");
        }
        if tol_code(&self.industry_tol).is_err() {
            errors.add("industry_tol", "emp-error-industry");
        }
        let size = parse_size(&self.size);
        if size.is_none() {
            errors.add("size", "emp-error-choose");
        }
        let depth = parse_depth(&self.cooperation);
        if depth.is_none() {
            errors.add("cooperation", "emp-error-choose");
        }
        let legal_form = match self.legal_form.trim() {
            "" => Ok(None),
            code => LegalForm::from_code(code).map(Some).ok_or(()),
        };
        if legal_form.is_err() {
            errors.add("legal_form", "emp-error-legal-form");
        }
        let munis: Vec<_> = self
            .municipalities
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(municipality)
            .collect();
        if munis.is_empty() || munis.iter().any(Option::is_none) {
            errors.add("municipalities", "emp-error-municipalities");
        }
        match (business_id, size, depth) {
            (Ok(business_id), Some(size), Some(cooperation)) if errors.is_empty() => Ok(Employer {
                id,
                project_id: project,
                coordinator_id: coordinator,
                business_id,
                name: self.name.clone(),
                industry_tol: self.industry_tol.trim().to_owned(),
                size,
                municipalities: munis.into_iter().flatten().collect(),
                cooperation,
                mentor_available: self.mentor_available,
                legal_form: legal_form.unwrap_or(None),
                version: self.version,
            }),
            _ => Err(errors),
        }
    }
}

/// One industry the form offers: (code, "code name", chosen).
pub type IndustryChoice = (String, String, bool);

#[derive(Template)]
#[template(path = "employers/form.html")]
struct FormPage<'a> {
    ctx: &'a Ctx,
    action: String,
    editing: bool,
    values: Values,
    errors: FieldErrors,
    /// The stored values when someone else saved first (R50).
    conflict: Option<Values>,
    /// The industry labels of the stored and the user's values, for the conflict table.
    conflict_industry: (String, String),
    sizes: [(&'static str, &'static str); 4],
    depths: [(&'static str, &'static str); 3],
    legal_forms: [(&'static str, &'static str); 9],
    /// The industry search as typed; the chosen industry and the hits as radio buttons.
    industry_q: String,
    industries: Vec<IndustryChoice>,
}

impl FormPage<'_> {
    fn legal_form_key(&self, value: &str) -> &'static str {
        key_of(&self.legal_forms, value)
    }
}

/// How many industries a search offers at most.
const INDUSTRY_HITS: usize = 30;

/// The industry radio buttons: the chosen one (if it is a TOL 2008 code), then the hits of the
/// search `q`.
fn industry_choices(ctx: &Ctx, chosen: &str, q: &str) -> Vec<IndustryChoice> {
    let mut out: Vec<IndustryChoice> = Vec::new();
    if let Some(i) = polku_domain::industry::industry(chosen) {
        out.push((i.code.clone(), industry_label(&i.code, ctx.locale), true));
    }
    for i in polku_domain::industry::search(q, data_lang(ctx.locale), INDUSTRY_HITS) {
        if !out.iter().any(|(c, _, _)| *c == i.code) {
            out.push((i.code.clone(), industry_label(&i.code, ctx.locale), false));
        }
    }
    out
}

fn form_page(
    ctx: &Ctx,
    action: String,
    editing: bool,
    values: Values,
    errors: FieldErrors,
    conflict: Option<Values>,
    industry_q: String,
) -> FormPage<'_> {
    let conflict_industry = (
        conflict
            .as_ref()
            .map(|c| industry_label(&c.industry_tol, ctx.locale))
            .unwrap_or_default(),
        industry_label(&values.industry_tol, ctx.locale),
    );
    FormPage {
        industries: industry_choices(ctx, &values.industry_tol, &industry_q),
        industry_q,
        conflict_industry,
        ctx,
        action,
        editing,
        values,
        errors,
        conflict,
        sizes: SIZES,
        depths: DEPTHS,
        legal_forms: LEGAL_FORMS,
    }
}

/// Whether the form asks only for an industry search (its button, or Enter with a search
/// typed: the form's first, hidden button sends `enter`), not for a save.
fn industry_search(fields: &Fields) -> bool {
    match fields.get("action").as_str() {
        "industry-search" => true,
        "enter" => !fields.get("industry_q").is_empty(),
        _ => false,
    }
}

pub async fn new_form(ctx: Ctx, session: Session) -> WebResult<Response> {
    let project = projects_with(&session, &[Role::Coordinator])
        .first()
        .map(ToString::to_string)
        .unwrap_or_default();
    let values = Values {
        project,
        size: "small".into(),
        cooperation: "contacted".into(),
        version: 1,
        ..Values::default()
    };
    render(&form_page(
        &ctx,
        "/employers/new".into(),
        false,
        values,
        FieldErrors::new(),
        None,
        String::new(),
    ))
}

/// Service refusals that belong next to a field.
fn field_error(e: &ServiceError) -> Option<(&'static str, &'static str)> {
    match e {
        ServiceError::Duplicate(_) => Some(("business_id", "emp-error-business-id-taken")),
        ServiceError::Invalid(polku_domain::DomainError::Invalid { field, .. }) => {
            let field = match *field {
                "name" | "industry_tol" | "municipalities" => *field,
                _ => return None,
            };
            Some((field, "emp-error-invalid"))
        }
        _ => None,
    }
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let values = Values::read(&fields);
    let mine = projects_with(&session, &[Role::Coordinator]);
    let project = ProjectId::parse(&values.project)
        .ok()
        .filter(|p| mine.contains(p))
        .ok_or(WebError::NotFound)?;
    let industry_q = fields.get("industry_q");
    if industry_search(&fields) {
        return render(&form_page(
            &ctx,
            "/employers/new".into(),
            false,
            values,
            FieldErrors::new(),
            None,
            industry_q,
        ));
    }
    let id = EmployerId::new();
    let employer = match values.validate(id, project, session.actor.user_id()) {
        Ok(e) => e,
        Err(errors) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(
                    &ctx,
                    "/employers/new".into(),
                    false,
                    values,
                    errors,
                    None,
                    industry_q,
                ),
            )
        }
    };
    match state
        .service
        .create_employer(&session.actor, employer)
        .await
    {
        Ok(id) => Ok(see_other_saved(
            &format!("/employers/{id}"),
            Notice::EmployerAdded,
        )),
        Err(e) => match field_error(&e) {
            Some((field, key)) => {
                let mut errors = FieldErrors::new();
                errors.add(field, key);
                render_status(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &form_page(
                        &ctx,
                        "/employers/new".into(),
                        false,
                        values,
                        errors,
                        None,
                        industry_q,
                    ),
                )
            }
            None => Err(e.into()),
        },
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    let e = super::common::editable(&state, &session, id).await?;
    render(&form_page(
        &ctx,
        format!("/employers/{id}/edit"),
        true,
        Values::of(&e),
        FieldErrors::new(),
        None,
        String::new(),
    ))
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    let stored = super::common::editable(&state, &session, id).await?;
    let action = format!("/employers/{id}/edit");
    let mut values = Values::read(&fields);
    values.project = stored.project_id.to_string();
    let industry_q = fields.get("industry_q");
    if industry_search(&fields) {
        return render(&form_page(
            &ctx,
            action,
            true,
            values,
            FieldErrors::new(),
            None,
            industry_q,
        ));
    }
    let employer = match values.validate(id, stored.project_id, stored.coordinator_id) {
        Ok(e) => e,
        Err(errors) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&ctx, action, true, values, errors, None, industry_q),
            )
        }
    };
    match state
        .service
        .update_employer(&session.actor, employer, values.version)
        .await
    {
        Ok(_) => Ok(see_other_saved(
            &format!("/employers/{id}"),
            Notice::EmployerSaved,
        )),
        Err(ServiceError::Conflict { .. }) => {
            let current = state.service.employer(&session.actor, id).await?;
            let current = Values::of(&current);
            // Saving again applies the user's values over the current version, knowingly.
            values.version = current.version;
            render_status(
                StatusCode::CONFLICT,
                &form_page(
                    &ctx,
                    action,
                    true,
                    values,
                    FieldErrors::new(),
                    Some(current),
                    industry_q,
                ),
            )
        }
        Err(e) => match field_error(&e) {
            Some((field, key)) => {
                let mut errors = FieldErrors::new();
                errors.add(field, key);
                render_status(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &form_page(&ctx, action, true, values, errors, None, industry_q),
                )
            }
            None => Err(e.into()),
        },
    }
}

/// One contact person as shown.
pub struct ContactRow {
    pub id: String,
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
}

/// The contact form's values.
#[derive(Debug, Clone, Default)]
pub struct ContactValues {
    pub contact_name: String,
    pub contact_title: String,
    pub contact_email: String,
    pub contact_phone: String,
}

#[derive(Template)]
#[template(path = "employers/show.html")]
struct ShowPage<'a> {
    ctx: &'a Ctx,
    tabs: Vec<Tab>,
    id: String,
    e: Values,
    /// "81210 Kiinteistöjen siivous".
    industry: String,
    municipalities: String,
    tasks: usize,
    openings: usize,
    may_edit: bool,
    size_key: &'static str,
    depth_key: &'static str,
    legal_form_key: &'static str,
    contacts: Vec<ContactRow>,
    contact: ContactValues,
    errors: FieldErrors,
    /// The employer users linked to the employer and those who could be (coordinators only).
    users: Option<(Vec<NamedUser>, Vec<NamedUser>)>,
}

async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    id: EmployerId,
    contact: ContactValues,
    errors: FieldErrors,
) -> WebResult<Response> {
    let e = state.service.employer(&session.actor, id).await?;
    let tasks = state.service.tasks(&session.actor, id).await?.len();
    let openings = state.service.openings(&session.actor, id).await?.len();
    let contacts = state
        .service
        .contacts(&session.actor, id)
        .await?
        .into_iter()
        .map(|c| ContactRow {
            id: c.id.to_string(),
            name: c.name,
            title: c.title,
            email: c.email.map(|e| e.as_str().to_owned()).unwrap_or_default(),
            phone: c.phone.unwrap_or_default(),
        })
        .collect();
    let may_edit = state.service.may_edit_employer(&session.actor, &e);
    let users = if may_edit {
        Some(state.service.employer_users(&session.actor, id).await?)
    } else {
        None
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &ShowPage {
            ctx,
            tabs: tabs(id, ""),
            id: id.to_string(),
            municipalities: municipality_names(&e.municipalities, ctx.locale),
            industry: industry_label(&e.industry_tol, ctx.locale),
            may_edit,
            size_key: key_of(&SIZES, size_str(e.size)),
            depth_key: key_of(&DEPTHS, depth_str(e.cooperation)),
            legal_form_key: key_of(&LEGAL_FORMS, e.legal_form.map_or("", |f| f.code())),
            e: Values::of(&e),
            tasks,
            openings,
            contacts,
            contact,
            errors,
            users,
        },
    )
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    show_page(
        &state,
        &ctx,
        &session,
        id,
        ContactValues::default(),
        FieldErrors::new(),
    )
    .await
}

pub async fn add_contact(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    super::common::editable(&state, &session, id).await?;
    let v = ContactValues {
        contact_name: fields.get("contact_name"),
        contact_title: fields.get("contact_title"),
        contact_email: fields.get("contact_email"),
        contact_phone: fields.get("contact_phone"),
    };
    let mut errors = FieldErrors::new();
    if v.contact_name.is_empty() || v.contact_name.chars().count() > 200 {
        errors.add("contact_name", "emp-error-name");
    }
    if v.contact_title.chars().count() > 200 {
        errors.add("contact_title", "emp-error-too-long");
    }
    let email = if v.contact_email.is_empty() {
        None
    } else {
        let parsed = polku_domain::Email::parse(&v.contact_email).ok();
        if parsed.is_none() {
            errors.add("contact_email", "emp-error-email");
        }
        parsed
    };
    let contact = EmployerContact {
        id: uuid::Uuid::new_v4(),
        employer_id: id,
        name: v.contact_name.clone(),
        title: v.contact_title.clone(),
        email,
        phone: (!v.contact_phone.is_empty()).then(|| v.contact_phone.clone()),
    };
    if errors.is_empty() && contact.validate().is_err() {
        errors.add("contact_phone", "emp-error-phone");
    }
    if !errors.is_empty() {
        return show_page(&state, &ctx, &session, id, v, errors).await;
    }
    state.service.add_contact(&session.actor, contact).await?;
    Ok(see_other_saved(
        &format!("/employers/{id}"),
        Notice::Contact,
    ))
}

pub async fn remove_contact(
    State(state): State<AppState>,
    session: Session,
    Path((id, contact)): Path<(String, String)>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    let contact = uuid::Uuid::parse_str(&contact).map_err(|_| WebError::NotFound)?;
    state
        .service
        .remove_contact(&session.actor, id, contact)
        .await?;
    Ok(see_other_saved(
        &format!("/employers/{id}"),
        Notice::ContactRemoved,
    ))
}
