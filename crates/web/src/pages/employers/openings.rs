//! Openings: jobs, work and education trials, apprenticeships and gigs made of tasks from the
//! employer's inventory.

use super::common::{employer_id, municipality, tabs, Tab};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{format, render, render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::form::Fields;
use crate::pages::labels::municipality_name;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{Opening, OpeningId, OpeningKind, Task, TaskId};
use polku_service::ServiceError;
use time::macros::format_description;
use time::Date;

/// (value, label key) of each opening kind.
pub const KINDS: [(&str, &str); 5] = [
    ("job", "emp-kind-job"),
    ("work_trial", "emp-kind-work-trial"),
    ("education_trial", "emp-kind-education-trial"),
    ("apprenticeship", "emp-kind-apprenticeship"),
    ("gig", "emp-kind-gig"),
];

pub fn kind_key(k: OpeningKind) -> &'static str {
    super::register::key_of(&KINDS, k.as_str())
}

fn parse_date(s: &str) -> Result<Option<Date>, ()> {
    if s.is_empty() {
        return Ok(None);
    }
    Date::parse(s, format_description!("[year]-[month]-[day]"))
        .map(Some)
        .map_err(|_| ())
}

/// One opening as listed.
pub struct Row {
    pub id: String,
    pub title: String,
    pub kind_key: &'static str,
    pub municipality: String,
    pub capacity: u16,
    /// The monthly wage as the locale writes euros ("1 260 €", "€1,260").
    pub wage: Option<String>,
    pub tasks: Vec<String>,
}

#[derive(Template)]
#[template(path = "employers/openings.html")]
struct ListPage<'a> {
    ctx: &'a Ctx,
    name: String,
    id: String,
    tabs: Vec<Tab>,
    rows: Vec<Row>,
    may_edit: bool,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    let e = state.service.employer(&session.actor, id).await?;
    let tasks = state.service.tasks(&session.actor, id).await?;
    let title_of = |t: &TaskId| {
        tasks
            .iter()
            .find(|x| x.id == *t)
            .map(|x| x.title.clone())
            .unwrap_or_default()
    };
    let rows = state
        .service
        .openings(&session.actor, id)
        .await?
        .into_iter()
        .map(|o| Row {
            id: o.id.to_string(),
            kind_key: kind_key(o.kind),
            municipality: municipality_name(&o.municipality, ctx.locale),
            capacity: o.capacity,
            wage: o
                .monthly_wage_eur
                .map(|w| format::euros(ctx.locale, f64::from(w))),
            tasks: o.tasks.iter().map(title_of).collect(),
            title: o.title,
        })
        .collect();
    render(&ListPage {
        ctx: &ctx,
        name: e.name.clone(),
        id: id.to_string(),
        tabs: tabs(id, "openings"),
        rows,
        may_edit: state.service.may_edit_employer(&session.actor, &e),
    })
}

/// The opening form's values.
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub title: String,
    pub kind: String,
    pub tasks: Vec<String>,
    pub municipality: String,
    pub capacity: String,
    pub monthly_wage_eur: String,
    pub starts_on: String,
    pub ends_on: String,
    /// The version being edited (empty for a new opening).
    pub version: String,
}

impl Values {
    fn from_fields(fields: &Fields) -> Values {
        Values {
            title: fields.get("title"),
            kind: fields.get("kind"),
            tasks: fields.all("tasks"),
            municipality: fields.get("municipality"),
            capacity: fields.get("capacity"),
            monthly_wage_eur: fields.get("monthly_wage_eur"),
            starts_on: fields.get("starts_on"),
            ends_on: fields.get("ends_on"),
            version: fields.get("version"),
        }
    }

    fn of(o: &Opening, locale: crate::i18n::Locale) -> Values {
        let date = |d: Option<Date>| {
            d.map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()))
                .unwrap_or_default()
        };
        Values {
            title: o.title.clone(),
            kind: o.kind.as_str().to_owned(),
            tasks: o.tasks.iter().map(ToString::to_string).collect(),
            municipality: municipality_name(&o.municipality, locale),
            capacity: o.capacity.to_string(),
            monthly_wage_eur: o
                .monthly_wage_eur
                .map(|w| w.to_string())
                .unwrap_or_default(),
            starts_on: date(o.starts_on),
            ends_on: date(o.ends_on),
            version: o.version.to_string(),
        }
    }
}

/// Checks the form; the opening it describes, or the errors next to their fields.
fn parse(
    values: &Values,
    inventory: &[Task],
    employer: polku_domain::EmployerId,
    id: OpeningId,
) -> Result<Opening, FieldErrors> {
    let mut errors = FieldErrors::new();
    if values.title.is_empty() || values.title.chars().count() > 200 {
        errors.add("title", "emp-error-title");
    }
    let kind = OpeningKind::parse(&values.kind).ok();
    if kind.is_none() {
        errors.add("kind", "emp-error-choose");
    }
    let tasks: Vec<TaskId> = values
        .tasks
        .iter()
        .filter_map(|t| TaskId::parse(t).ok())
        .filter(|t| inventory.iter().any(|x| x.id == *t))
        .collect();
    if tasks.is_empty() || tasks.len() != values.tasks.len() {
        errors.add("tasks", "emp-error-tasks");
    }
    let muni = municipality(&values.municipality);
    if muni.is_none() {
        errors.add("municipality", "emp-error-municipality");
    }
    let capacity = values.capacity.parse::<u16>().ok().filter(|c| *c >= 1);
    if capacity.is_none() {
        errors.add("capacity", "emp-error-capacity");
    }
    let wage = if values.monthly_wage_eur.is_empty() {
        Ok(None)
    } else {
        values.monthly_wage_eur.parse::<u32>().map(Some)
    };
    match (&wage, kind) {
        (Err(_), _) => errors.add("monthly_wage_eur", "emp-error-wage"),
        (Ok(Some(_)), Some(OpeningKind::WorkTrial | OpeningKind::EducationTrial)) => {
            errors.add("monthly_wage_eur", "emp-error-wage-trial")
        }
        _ => {}
    }
    let starts_on = parse_date(&values.starts_on);
    if starts_on.is_err() {
        errors.add("starts_on", "emp-error-date");
    }
    let ends_on = parse_date(&values.ends_on);
    match (&starts_on, &ends_on) {
        (_, Err(_)) => errors.add("ends_on", "emp-error-date"),
        (Ok(Some(s)), Ok(Some(e))) if e < s => errors.add("ends_on", "emp-error-ends-before"),
        _ => {}
    }
    match (kind, muni, capacity, wage, starts_on, ends_on) {
        (Some(kind), Some(municipality), Some(capacity), Ok(wage), Ok(s), Ok(e))
            if errors.is_empty() =>
        {
            Ok(Opening {
                id,
                employer_id: employer,
                kind,
                title: values.title.clone(),
                tasks,
                municipality,
                capacity,
                monthly_wage_eur: wage,
                starts_on: s,
                ends_on: e,
                version: 1,
            })
        }
        _ => Err(errors),
    }
}

/// Maps a domain refusal of the opening to the field it concerns.
fn refused(field: &str) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let field = match field {
        "title" | "tasks" | "capacity" | "monthly_wage_eur" | "ends_on" => field,
        _ => "title",
    };
    errors.add(field, "emp-error-invalid");
    errors
}

/// The stored and the user's values side by side, for the conflict notice (R50).
fn compare(
    stored: &Values,
    yours: &Values,
    inventory: &[Task],
) -> Vec<(&'static str, String, String)> {
    let titles = |v: &Values| {
        v.tasks
            .iter()
            .filter_map(|t| inventory.iter().find(|x| x.id.to_string() == *t))
            .map(|t| t.title.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    vec![
        ("emp-field-title", stored.title.clone(), yours.title.clone()),
        ("emp-field-kind", stored.kind.clone(), yours.kind.clone()),
        ("emp-field-tasks", titles(stored), titles(yours)),
        (
            "emp-field-municipality",
            stored.municipality.clone(),
            yours.municipality.clone(),
        ),
        (
            "emp-field-capacity",
            stored.capacity.clone(),
            yours.capacity.clone(),
        ),
        (
            "emp-field-wage",
            stored.monthly_wage_eur.clone(),
            yours.monthly_wage_eur.clone(),
        ),
        (
            "emp-field-starts",
            stored.starts_on.clone(),
            yours.starts_on.clone(),
        ),
        (
            "emp-field-ends",
            stored.ends_on.clone(),
            yours.ends_on.clone(),
        ),
    ]
}

#[derive(Template)]
#[template(path = "employers/opening_form.html")]
struct FormPage<'a> {
    ctx: &'a Ctx,
    name: String,
    action: String,
    values: Values,
    /// (id, title) of the inventory's tasks.
    tasks: Vec<(String, String)>,
    errors: FieldErrors,
    kinds: [(&'static str, &'static str); 5],
    editing: bool,
    /// (label key, stored value, the user's value) when someone else saved first (R50).
    conflict: Option<Vec<(&'static str, String, String)>>,
}

fn page<'a>(
    ctx: &'a Ctx,
    name: String,
    action: String,
    values: Values,
    tasks: &[Task],
    errors: FieldErrors,
) -> FormPage<'a> {
    FormPage {
        ctx,
        name,
        editing: !values.version.is_empty(),
        conflict: None,
        action,
        values,
        tasks: tasks
            .iter()
            .map(|t| (t.id.to_string(), t.title.clone()))
            .collect(),
        errors,
        kinds: KINDS,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    let e = super::common::editable(&state, &session, id).await?;
    let tasks = state.service.tasks(&session.actor, id).await?;
    let values = Values {
        kind: "job".into(),
        capacity: "1".into(),
        municipality: e
            .municipalities
            .first()
            .map(|m| municipality_name(m, ctx.locale))
            .unwrap_or_default(),
        ..Values::default()
    };
    render(&page(
        &ctx,
        e.name,
        format!("/employers/{id}/openings/new"),
        values,
        &tasks,
        FieldErrors::new(),
    ))
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    let e = super::common::editable(&state, &session, id).await?;
    let inventory = state.service.tasks(&session.actor, id).await?;
    let action = format!("/employers/{id}/openings/new");
    let values = Values {
        version: String::new(),
        ..Values::from_fields(&fields)
    };
    let opening = match parse(&values, &inventory, id, OpeningId::new()) {
        Ok(o) => o,
        Err(errors) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&ctx, e.name, action, values, &inventory, errors),
            )
        }
    };
    match state.service.add_opening(&session.actor, opening).await {
        Ok(()) => Ok(see_other_saved(
            &format!("/employers/{id}/openings"),
            Notice::Opening,
        )),
        Err(ServiceError::Invalid(polku_domain::DomainError::Invalid { field, .. })) => {
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&ctx, e.name, action, values, &inventory, refused(field)),
            )
        }
        Err(err) => Err(err.into()),
    }
}

fn opening_id(s: &str) -> WebResult<OpeningId> {
    OpeningId::parse(s).map_err(|_| WebError::NotFound)
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path((id, opening)): Path<(String, String)>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    let e = super::common::editable(&state, &session, id).await?;
    let o = state
        .service
        .opening(&session.actor, id, opening_id(&opening)?)
        .await?;
    let tasks = state.service.tasks(&session.actor, id).await?;
    render(&page(
        &ctx,
        e.name,
        format!("/employers/{id}/openings/{}/edit", o.id),
        Values::of(&o, ctx.locale),
        &tasks,
        FieldErrors::new(),
    ))
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path((id, opening)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    let e = super::common::editable(&state, &session, id).await?;
    let stored = state
        .service
        .opening(&session.actor, id, opening_id(&opening)?)
        .await?;
    let inventory = state.service.tasks(&session.actor, id).await?;
    let action = format!("/employers/{id}/openings/{}/edit", stored.id);
    let values = Values::from_fields(&fields);
    let Ok(expected) = values.version.parse::<i64>() else {
        return Err(WebError::BadRequest("invalid_input"));
    };
    let opening = match parse(&values, &inventory, id, stored.id) {
        Ok(o) => o,
        Err(errors) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&ctx, e.name, action, values, &inventory, errors),
            )
        }
    };
    match state
        .service
        .update_opening(&session.actor, opening, expected)
        .await
    {
        Ok(_) => Ok(see_other_saved(
            &format!("/employers/{id}/openings"),
            Notice::OpeningSaved,
        )),
        Err(ServiceError::Conflict { .. }) => {
            // Show what is stored now next to the user's values; saving again applies them.
            let current = state.service.opening(&session.actor, id, stored.id).await?;
            let now = Values::of(&current, ctx.locale);
            let conflict = compare(&now, &values, &inventory);
            let yours = Values {
                version: now.version.clone(),
                ..values
            };
            let mut form = page(&ctx, e.name, action, yours, &inventory, FieldErrors::new());
            form.conflict = Some(conflict);
            render_status(StatusCode::CONFLICT, &form)
        }
        Err(ServiceError::Invalid(polku_domain::DomainError::Invalid { field, .. })) => {
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&ctx, e.name, action, values, &inventory, refused(field)),
            )
        }
        Err(err) => Err(err.into()),
    }
}
