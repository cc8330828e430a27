//! Task inventories: what an employer's work is made of, with the demands each task makes on
//! each functioning dimension (labels from the catalogue), skills, languages and hours.

use super::common::{employer_id, municipality, tabs, Tab};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{render, render_status, see_other_saved, Notice};
use crate::i18n::Locale;
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::form::Fields;
use crate::pages::labels::{dimension_label, level_texts, municipality_name};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{
    CefrLevel, DemandProfile, Dimension, EmployerId, EscoKind, EscoUri, LanguageCode, Level,
    Schedule, Task, TaskId,
};
use polku_service::ServiceError;
use std::collections::BTreeMap;

/// (value, label key) of each schedule.
pub const SCHEDULES: [(&str, &str); 5] = [
    ("daytime", "emp-schedule-daytime"),
    ("evenings", "emp-schedule-evenings"),
    ("nights", "emp-schedule-nights"),
    ("weekends", "emp-schedule-weekends"),
    ("flexible", "emp-schedule-flexible"),
];

fn schedule_str(s: Schedule) -> &'static str {
    match s {
        Schedule::Daytime => "daytime",
        Schedule::Evenings => "evenings",
        Schedule::Nights => "nights",
        Schedule::Weekends => "weekends",
        Schedule::Flexible => "flexible",
    }
}

fn parse_schedule(s: &str) -> Option<Schedule> {
    Some(match s {
        "daytime" => Schedule::Daytime,
        "evenings" => Schedule::Evenings,
        "nights" => Schedule::Nights,
        "weekends" => Schedule::Weekends,
        "flexible" => Schedule::Flexible,
        _ => return None,
    })
}

/// One dimension row of the demand editor.
pub struct DemandRow {
    pub key: &'static str,
    pub label: String,
    /// (value, text) of levels 0–4.
    pub levels: Vec<(String, String)>,
    /// "" = no demand.
    pub value: String,
}

/// The task form's values, as typed or as stored.
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub title: String,
    pub description: String,
    pub hours_per_week: String,
    pub days_per_week: String,
    pub schedule: String,
    pub municipality: String,
    pub learnable_on_job: bool,
    pub value: String,
    pub skills_essential: String,
    pub skills_optional: String,
    pub languages: String,
    pub occupation: String,
    pub demands: BTreeMap<&'static str, String>,
    pub version: i64,
}

fn join_uris(v: &[EscoUri]) -> String {
    v.iter().map(|u| u.as_str()).collect::<Vec<_>>().join("\n")
}

impl Values {
    fn of(t: &Task) -> Values {
        Values {
            title: t.title.clone(),
            description: t.description.clone(),
            hours_per_week: t.hours_per_week.to_string(),
            days_per_week: t.days_per_week.to_string(),
            schedule: schedule_str(t.schedule).to_owned(),
            municipality: t.municipality.as_str().to_owned(),
            learnable_on_job: t.learnable_on_job,
            value: t.value.to_string(),
            skills_essential: join_uris(&t.skills_essential),
            skills_optional: join_uris(&t.skills_optional),
            languages: t
                .languages
                .iter()
                .map(|(l, c)| format!("{}:{}", l.as_str(), c.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
            occupation: t
                .occupation
                .as_ref()
                .map(|o| o.as_str().to_owned())
                .unwrap_or_default(),
            demands: t
                .demands
                .demands
                .iter()
                .map(|(d, l)| (d.key(), l.get().to_string()))
                .collect(),
            version: t.version,
        }
    }

    fn read(f: &Fields) -> Values {
        Values {
            title: f.get("title"),
            description: f.get("description"),
            hours_per_week: f.get("hours_per_week"),
            days_per_week: f.get("days_per_week"),
            schedule: f.get("schedule"),
            municipality: f.get("municipality"),
            learnable_on_job: f.checked("learnable_on_job"),
            value: f.get("value"),
            skills_essential: f.get("skills_essential"),
            skills_optional: f.get("skills_optional"),
            languages: f.get("languages"),
            occupation: f.get("occupation"),
            demands: Dimension::ALL
                .iter()
                .map(|d| (d.key(), f.get(&format!("demand_{}", d.key()))))
                .filter(|(_, v)| !v.is_empty())
                .collect(),
            version: f.get("version").parse().unwrap_or(0),
        }
    }

    fn rows(&self, locale: Locale) -> Vec<DemandRow> {
        Dimension::ALL
            .iter()
            .map(|d| DemandRow {
                key: d.key(),
                label: dimension_label(*d, locale),
                levels: level_texts(*d, locale)
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| (i.to_string(), t))
                    .collect(),
                value: self.demands.get(d.key()).cloned().unwrap_or_default(),
            })
            .collect()
    }

    fn validate(&self, id: TaskId, employer: EmployerId) -> Result<Task, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.title.is_empty() || self.title.chars().count() > 200 {
            errors.add("title", "emp-error-title");
        }
        if self.description.chars().count() > 4000 {
            errors.add("description", "emp-error-too-long");
        }
        let hours = self
            .hours_per_week
            .parse::<u8>()
            .ok()
            .filter(|h| (1..=40).contains(h));
        if hours.is_none() {
            errors.add("hours_per_week", "emp-error-hours");
        }
        let days = self
            .days_per_week
            .parse::<u8>()
            .ok()
            .filter(|d| (1..=7).contains(d));
        if days.is_none() {
            errors.add("days_per_week", "emp-error-days");
        }
        let schedule = parse_schedule(&self.schedule);
        if schedule.is_none() {
            errors.add("schedule", "emp-error-choose");
        }
        let muni = municipality(&self.municipality);
        if muni.is_none() {
            errors.add("municipality", "emp-error-municipality");
        }
        let value = self
            .value
            .parse::<u8>()
            .ok()
            .filter(|v| (1..=5).contains(v));
        if value.is_none() {
            errors.add("value", "emp-error-value");
        }
        let skills = |text: &str, field: &str, errors: &mut FieldErrors| -> Vec<EscoUri> {
            let mut out = Vec::new();
            for line in text
                .split(['\n', ',', ' '])
                .filter(|s| !s.trim().is_empty())
            {
                match EscoUri::parse(line.trim()) {
                    Ok(u) if u.kind() == EscoKind::Skill => out.push(u),
                    _ => errors.add(field, "emp-error-skills"),
                }
            }
            out
        };
        let essential = skills(&self.skills_essential, "skills_essential", &mut errors);
        let optional = skills(&self.skills_optional, "skills_optional", &mut errors);
        let mut languages = BTreeMap::new();
        for part in self
            .languages
            .split([',', '\n'])
            .filter(|s| !s.trim().is_empty())
        {
            let parsed = part.split_once(':').and_then(|(l, c)| {
                Some((
                    LanguageCode::parse(l.trim()).ok()?,
                    CefrLevel::parse(c.trim()).ok()?,
                ))
            });
            match parsed {
                Some((l, c)) => {
                    languages.insert(l, c);
                }
                None => errors.add("languages", "emp-error-languages"),
            }
        }
        let occupation = if self.occupation.is_empty() {
            None
        } else {
            match EscoUri::parse(&self.occupation) {
                Ok(u) if u.kind() == EscoKind::Occupation => Some(u),
                _ => {
                    errors.add("occupation", "emp-error-occupation");
                    None
                }
            }
        };
        let mut demands = DemandProfile::default();
        for (key, v) in &self.demands {
            let level = v.parse::<i64>().ok().and_then(|n| Level::new(n).ok());
            match (Dimension::parse(key), level) {
                (Ok(d), Some(l)) => {
                    demands.demands.insert(d, l);
                }
                _ => errors.add(&format!("demand_{key}"), "emp-error-level"),
            }
        }
        match (hours, days, schedule, muni, value) {
            (Some(hours), Some(days), Some(schedule), Some(municipality), Some(value))
                if errors.is_empty() =>
            {
                Ok(Task {
                    id,
                    employer_id: employer,
                    title: self.title.clone(),
                    description: self.description.clone(),
                    skills_essential: essential,
                    skills_optional: optional,
                    languages,
                    demands,
                    hours_per_week: hours,
                    days_per_week: days,
                    schedule,
                    municipality,
                    learnable_on_job: self.learnable_on_job,
                    value,
                    occupation,
                    version: self.version,
                })
            }
            _ => Err(errors),
        }
    }
}

/// One task as listed.
pub struct Row {
    pub id: String,
    pub title: String,
    pub hours_per_week: u8,
    pub value: u8,
    pub learnable_on_job: bool,
    /// "Label level" of each demanded dimension.
    pub demands: Vec<String>,
    pub languages: String,
    pub skills: usize,
}

#[derive(Template)]
#[template(path = "employers/tasks.html")]
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
    let rows = state
        .service
        .tasks(&session.actor, id)
        .await?
        .into_iter()
        .map(|t| Row {
            id: t.id.to_string(),
            demands: t
                .demands
                .demands
                .iter()
                .map(|(d, l)| format!("{} {}", dimension_label(*d, ctx.locale), l.get()))
                .collect(),
            languages: t
                .languages
                .iter()
                .map(|(l, c)| format!("{} {}", l.as_str(), c.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
            skills: t.skills_essential.len() + t.skills_optional.len(),
            title: t.title,
            hours_per_week: t.hours_per_week,
            value: t.value,
            learnable_on_job: t.learnable_on_job,
        })
        .collect();
    render(&ListPage {
        ctx: &ctx,
        name: e.name.clone(),
        id: id.to_string(),
        tabs: tabs(id, "tasks"),
        rows,
        may_edit: state.service.may_edit_employer(&session.actor, &e),
    })
}

#[derive(Template)]
#[template(path = "employers/task_form.html")]
struct FormPage<'a> {
    ctx: &'a Ctx,
    name: String,
    action: String,
    editing: bool,
    values: Values,
    demand_rows: Vec<DemandRow>,
    errors: FieldErrors,
    /// (label key, stored value, the user's value) when someone else saved first (R50).
    conflict: Option<Vec<(&'static str, String, String)>>,
    schedules: [(&'static str, &'static str); 5],
}

/// The stored and the user's values side by side, for the conflict notice.
fn compare(stored: &Values, yours: &Values, locale: Locale) -> Vec<(&'static str, String, String)> {
    let demands = |v: &Values| {
        v.demands
            .iter()
            .filter_map(|(k, l)| {
                Dimension::parse(k)
                    .ok()
                    .map(|d| format!("{} {l}", dimension_label(d, locale)))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    vec![
        ("emp-field-title", stored.title.clone(), yours.title.clone()),
        (
            "emp-field-description",
            stored.description.clone(),
            yours.description.clone(),
        ),
        (
            "emp-field-hours",
            stored.hours_per_week.clone(),
            yours.hours_per_week.clone(),
        ),
        (
            "emp-field-days",
            stored.days_per_week.clone(),
            yours.days_per_week.clone(),
        ),
        (
            "emp-field-schedule",
            stored.schedule.clone(),
            yours.schedule.clone(),
        ),
        (
            "emp-field-municipality",
            stored.municipality.clone(),
            yours.municipality.clone(),
        ),
        ("emp-field-value", stored.value.clone(), yours.value.clone()),
        ("emp-field-demands", demands(stored), demands(yours)),
        (
            "emp-field-skills-essential",
            stored.skills_essential.clone(),
            yours.skills_essential.clone(),
        ),
        (
            "emp-field-languages",
            stored.languages.clone(),
            yours.languages.clone(),
        ),
    ]
}

fn page<'a>(
    ctx: &'a Ctx,
    name: String,
    action: String,
    editing: bool,
    values: Values,
    errors: FieldErrors,
    conflict: Option<Vec<(&'static str, String, String)>>,
) -> FormPage<'a> {
    FormPage {
        ctx,
        name,
        action,
        editing,
        demand_rows: values.rows(ctx.locale),
        values,
        errors,
        conflict,
        schedules: SCHEDULES,
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
    let values = Values {
        hours_per_week: "20".into(),
        days_per_week: "5".into(),
        schedule: "daytime".into(),
        value: "3".into(),
        municipality: e
            .municipalities
            .first()
            .map(|m| municipality_name(m, ctx.locale))
            .unwrap_or_default(),
        version: 1,
        ..Values::default()
    };
    render(&page(
        &ctx,
        e.name,
        format!("/employers/{id}/tasks/new"),
        false,
        values,
        FieldErrors::new(),
        None,
    ))
}

fn service_field_error(e: &ServiceError) -> Option<&'static str> {
    match e {
        ServiceError::Invalid(polku_domain::DomainError::Invalid { field, .. }) => match *field {
            "title" => Some("title"),
            "hours_per_week" => Some("hours_per_week"),
            "days_per_week" => Some("days_per_week"),
            "value" => Some("value"),
            "skills" => Some("skills_essential"),
            "occupation" => Some("occupation"),
            _ => None,
        },
        _ => None,
    }
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
    let action = format!("/employers/{id}/tasks/new");
    let values = Values::read(&fields);
    let task = match values.validate(TaskId::new(), id) {
        Ok(t) => t,
        Err(errors) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&ctx, e.name, action, false, values, errors, None),
            )
        }
    };
    match state.service.add_task(&session.actor, task).await {
        Ok(()) => Ok(see_other_saved(
            &format!("/employers/{id}/tasks"),
            Notice::Task,
        )),
        Err(err) => match service_field_error(&err) {
            Some(field) => {
                let mut errors = FieldErrors::new();
                errors.add(field, "emp-error-invalid");
                render_status(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &page(&ctx, e.name, action, false, values, errors, None),
                )
            }
            None => Err(err.into()),
        },
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path((id, task)): Path<(String, String)>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    let task = TaskId::parse(&task).map_err(|_| WebError::NotFound)?;
    let e = super::common::editable(&state, &session, id).await?;
    let t = state.service.task(&session.actor, id, task).await?;
    render(&page(
        &ctx,
        e.name,
        format!("/employers/{id}/tasks/{task}/edit"),
        true,
        Values::of(&t),
        FieldErrors::new(),
        None,
    ))
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path((id, task)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    let task = TaskId::parse(&task).map_err(|_| WebError::NotFound)?;
    let e = super::common::editable(&state, &session, id).await?;
    state.service.task(&session.actor, id, task).await?;
    let action = format!("/employers/{id}/tasks/{task}/edit");
    let mut values = Values::read(&fields);
    let t = match values.validate(task, id) {
        Ok(t) => t,
        Err(errors) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&ctx, e.name, action, true, values, errors, None),
            )
        }
    };
    match state
        .service
        .update_task(&session.actor, t, values.version)
        .await
    {
        Ok(_) => Ok(see_other_saved(
            &format!("/employers/{id}/tasks"),
            Notice::TaskSaved,
        )),
        Err(ServiceError::Conflict { .. }) => {
            let stored = Values::of(&state.service.task(&session.actor, id, task).await?);
            let rows = compare(&stored, &values, ctx.locale);
            // Saving again applies the user's values over the current version, knowingly.
            values.version = stored.version;
            render_status(
                StatusCode::CONFLICT,
                &page(
                    &ctx,
                    e.name,
                    action,
                    true,
                    values,
                    FieldErrors::new(),
                    Some(rows),
                ),
            )
        }
        Err(err) => match service_field_error(&err) {
            Some(field) => {
                let mut errors = FieldErrors::new();
                errors.add(field, "emp-error-invalid");
                render_status(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &page(&ctx, e.name, action, true, values, errors, None),
                )
            }
            None => Err(err.into()),
        },
    }
}
