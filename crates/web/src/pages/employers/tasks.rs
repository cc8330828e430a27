//! Task inventories: what an employer's work is made of, with the demands each task makes on
//! each functioning dimension (labels from the catalogue), skills, languages and hours.
//!
//! The form works without JavaScript as one POST form with several buttons: "search" lists
//! ESCO skills and occupations by name, each with buttons that add it; "more languages" adds a
//! language row; only "save" validates and saves. Every other step redraws the form with what
//! was typed, so nothing is lost.

use super::common::{employer_id, municipality, tabs, Tab};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{render, render_status, see_other_saved, Notice};
use crate::i18n::Locale;
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::form::Fields;
use crate::pages::labels::{
    cefr_key, data_lang, dimension_label, language_choices, language_name, level_texts,
    municipality_name,
};
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
    /// ESCO skill URIs, as chosen.
    pub skills_essential: Vec<String>,
    pub skills_optional: Vec<String>,
    /// (language code, CEFR level) rows as chosen; empty rows are ignored.
    pub languages: Vec<(String, String)>,
    /// The ESCO occupation URI, "" for none.
    pub occupation: String,
    pub demands: BTreeMap<&'static str, String>,
    pub version: i64,
    /// The ESCO search query typed in the form (not stored).
    pub q: String,
}

fn uris(v: &[EscoUri]) -> Vec<String> {
    v.iter().map(|u| u.as_str().to_owned()).collect()
}

/// What a submit button asks for: save, or one of the steps that only redraw the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Save,
    /// Search ESCO for the query (also Enter in the search field).
    Search,
    /// One more empty language row.
    MoreLanguages,
    AddEssential(String),
    AddOptional(String),
    SetOccupation(String),
}

impl Step {
    /// The step a form asks for. The form's first (hidden) button sends `enter`, so Enter in
    /// the search field searches and Enter elsewhere saves.
    fn of(f: &Fields) -> Step {
        let action = f.get("action");
        match action.split_once(':') {
            Some(("add-essential", uri)) => Step::AddEssential(uri.to_owned()),
            Some(("add-optional", uri)) => Step::AddOptional(uri.to_owned()),
            Some(("set-occupation", uri)) => Step::SetOccupation(uri.to_owned()),
            _ => match action.as_str() {
                "search" => Step::Search,
                "more-languages" => Step::MoreLanguages,
                "enter" if !f.get("q").is_empty() => Step::Search,
                _ => Step::Save,
            },
        }
    }
}

fn push_unique(list: &mut Vec<String>, uri: &str) {
    if !list.iter().any(|u| u == uri) {
        list.push(uri.to_owned());
    }
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
            skills_essential: uris(&t.skills_essential),
            skills_optional: uris(&t.skills_optional),
            languages: t
                .languages
                .iter()
                .map(|(l, c)| (l.as_str().to_owned(), c.as_str().to_owned()))
                .collect(),
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
            q: String::new(),
        }
    }

    /// The submitted values with the asked step applied (a skill added, a row more).
    fn read(f: &Fields, step: &Step) -> Values {
        let mut essential: Vec<String> = Vec::new();
        for u in f.all("essential") {
            push_unique(&mut essential, &u);
        }
        let mut optional: Vec<String> = Vec::new();
        for u in f.all("optional") {
            push_unique(&mut optional, &u);
        }
        let mut occupation = f.get("occupation");
        match step {
            Step::AddEssential(u) => {
                optional.retain(|x| x != u);
                push_unique(&mut essential, u);
            }
            Step::AddOptional(u) => {
                essential.retain(|x| x != u);
                push_unique(&mut optional, u);
            }
            Step::SetOccupation(u) => occupation = u.clone(),
            _ => {}
        }
        optional.retain(|u| !essential.contains(u));
        let mut languages: Vec<(String, String)> = f
            .all("lang_code")
            .into_iter()
            .zip(f.all("lang_level"))
            .filter(|(c, l)| *step == Step::MoreLanguages || !c.is_empty() || !l.is_empty())
            .collect();
        if *step == Step::MoreLanguages {
            // The rows as shown (empty ones too) and one more.
            languages.push((String::new(), String::new()));
        }
        Values {
            title: f.get("title"),
            description: f.get("description"),
            hours_per_week: f.get("hours_per_week"),
            days_per_week: f.get("days_per_week"),
            schedule: f.get("schedule"),
            municipality: f.get("municipality"),
            learnable_on_job: f.checked("learnable_on_job"),
            value: f.get("value"),
            skills_essential: essential,
            skills_optional: optional,
            languages,
            occupation,
            demands: Dimension::ALL
                .iter()
                .map(|d| (d.key(), f.get(&format!("demand_{}", d.key()))))
                .filter(|(_, v)| !v.is_empty())
                .collect(),
            version: f.get("version").parse().unwrap_or(0),
            q: f.get("q"),
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
        let skills = |list: &[String], field: &str, errors: &mut FieldErrors| -> Vec<EscoUri> {
            let mut out = Vec::new();
            for uri in list {
                match EscoUri::parse(uri) {
                    Ok(u) if u.kind() == EscoKind::Skill => out.push(u),
                    _ => errors.add(field, "emp-error-skills"),
                }
            }
            out
        };
        let essential = skills(&self.skills_essential, "skills_essential", &mut errors);
        // One fieldset holds both lists, so both report on it.
        let optional = skills(&self.skills_optional, "skills_essential", &mut errors);
        let mut languages = BTreeMap::new();
        for (i, (code, level)) in self.languages.iter().enumerate() {
            if code.is_empty() && level.is_empty() {
                continue;
            }
            match (LanguageCode::known(code), CefrLevel::parse(level)) {
                (Ok(l), Ok(c)) => {
                    languages.insert(l, c);
                }
                (Err(_), _) => errors.add(&format!("lang_code-{i}"), "emp-error-language"),
                (_, Err(_)) => errors.add(&format!("lang_level-{i}"), "emp-error-language-level"),
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
    /// The names of the essential skills, then of the useful ones.
    pub skills: Vec<String>,
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

/// "Suomi B1, Englanti A2".
fn languages_text(languages: &BTreeMap<LanguageCode, CefrLevel>, locale: Locale) -> String {
    languages
        .iter()
        .map(|(l, c)| format!("{} {}", language_name(l.as_str(), locale), c.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The names of ESCO concepts in the interface language (the URI where none is known).
async fn names(state: &AppState, ctx: &Ctx, list: &[String]) -> WebResult<Vec<String>> {
    let uris: Vec<EscoUri> = list.iter().filter_map(|u| EscoUri::parse(u).ok()).collect();
    Ok(state
        .service
        .esco_labels(&uris, data_lang(ctx.locale))
        .await?
        .into_iter()
        .map(|h| h.label)
        .collect())
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    let e = state.service.employer(&session.actor, id).await?;
    let mut rows = Vec::new();
    for t in state.service.tasks(&session.actor, id).await? {
        let all: Vec<String> = t
            .skills_essential
            .iter()
            .chain(&t.skills_optional)
            .map(ToString::to_string)
            .collect();
        let skills = names(&state, &ctx, &all).await?;
        rows.push(Row {
            id: t.id.to_string(),
            demands: t
                .demands
                .demands
                .iter()
                .map(|(d, l)| format!("{} {}", dimension_label(*d, ctx.locale), l.get()))
                .collect(),
            languages: languages_text(&t.languages, ctx.locale),
            skills,
            title: t.title,
            hours_per_week: t.hours_per_week,
            value: t.value,
            learnable_on_job: t.learnable_on_job,
        });
    }
    render(&ListPage {
        ctx: &ctx,
        name: e.name.clone(),
        id: id.to_string(),
        tabs: tabs(id, "tasks"),
        rows,
        may_edit: state.service.may_edit_employer(&session.actor, &e),
    })
}

/// A chosen ESCO concept: its URI (the form value) and its name.
pub struct Chosen {
    pub uri: String,
    pub label: String,
}

/// One language row of the form: the language and level options.
pub struct LanguageRow {
    pub index: usize,
    pub languages: Vec<(String, String, bool)>,
    pub levels: Vec<(String, String, bool)>,
}

/// An ESCO search hit in the form.
pub struct Hit {
    pub uri: String,
    pub label: String,
    /// The label is Polku's working translation (marked quietly).
    pub working: bool,
    /// The label's language when it is not the page's (a fallback), for `lang`.
    pub other_lang: Option<&'static str>,
    /// Already among the task's skills (or its occupation).
    pub chosen: bool,
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
    essential: Vec<Chosen>,
    optional: Vec<Chosen>,
    occupation: Option<Chosen>,
    language_rows: Vec<LanguageRow>,
    q: String,
    skill_hits: Vec<Hit>,
    occupation_hits: Vec<Hit>,
    hit_count: i64,
}

/// The stored and the user's values side by side, for the conflict notice.
async fn compare(
    state: &AppState,
    ctx: &Ctx,
    stored: &Values,
    yours: &Values,
) -> WebResult<Vec<(&'static str, String, String)>> {
    let locale = ctx.locale;
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
    let languages = |v: &Values| {
        v.languages
            .iter()
            .filter(|(c, _)| !c.is_empty())
            .map(|(c, l)| format!("{} {l}", language_name(c, locale)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Ok(vec![
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
            names(state, ctx, &stored.skills_essential)
                .await?
                .join(", "),
            names(state, ctx, &yours.skills_essential).await?.join(", "),
        ),
        (
            "emp-field-skills-optional",
            names(state, ctx, &stored.skills_optional).await?.join(", "),
            names(state, ctx, &yours.skills_optional).await?.join(", "),
        ),
        ("emp-field-languages", languages(stored), languages(yours)),
    ])
}

/// The language rows: the chosen ones, then an empty row for a new language (more after "more
/// languages").
fn language_rows(ctx: &Ctx, values: &Values) -> Vec<LanguageRow> {
    let choices = language_choices(ctx.locale);
    let mut rows: Vec<(String, String)> = values.languages.clone();
    if rows
        .last()
        .is_none_or(|(c, l)| !c.is_empty() || !l.is_empty())
    {
        rows.push((String::new(), String::new()));
    }
    rows.into_iter()
        .enumerate()
        .map(|(index, (code, level))| {
            let mut languages = vec![(String::new(), ctx.t("emp-language-none"), code.is_empty())];
            languages.extend(
                choices
                    .iter()
                    .map(|(c, n)| (c.clone(), n.clone(), *c == code)),
            );
            // A stored code Polku does not know stays visible (and is refused on save)
            // rather than silently dropped.
            if !code.is_empty() && !choices.iter().any(|(c, _)| *c == code) {
                languages.push((code.clone(), code.clone(), true));
            }
            let mut levels = vec![(String::new(), ctx.t("p-choose"), level.is_empty())];
            levels.extend(CefrLevel::ALL.iter().map(|l| {
                (
                    l.as_str().to_owned(),
                    ctx.t(&cefr_key(*l)),
                    l.as_str() == level,
                )
            }));
            LanguageRow {
                index,
                languages,
                levels,
            }
        })
        .collect()
}

async fn chosen(state: &AppState, ctx: &Ctx, list: &[String]) -> WebResult<Vec<Chosen>> {
    let labels = names(state, ctx, list).await?;
    Ok(list
        .iter()
        .zip(labels)
        .map(|(uri, label)| Chosen {
            uri: uri.clone(),
            label,
        })
        .collect())
}

/// The form page: the values with the chosen skills named, and the ESCO hits when `q` is set.
#[expect(
    clippy::too_many_arguments,
    reason = "the page shows the values, the search and the outcome of a save"
)]
async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    status: StatusCode,
    name: String,
    action: String,
    editing: bool,
    values: Values,
    errors: FieldErrors,
    conflict: Option<Vec<(&'static str, String, String)>>,
) -> WebResult<Response> {
    let lang = data_lang(ctx.locale);
    let q = values.q.clone();
    let (skill_hits, occupation_hits) = if q.trim().is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let skills = state
            .service
            .search_skills(&session.actor, &q, lang, 15)
            .await?;
        let occupations = state
            .service
            .search_esco_concepts(&session.actor, EscoKind::Occupation, &q, lang, 5)
            .await?;
        let hit = |h: polku_service::skill_search::SkillHit, chosen: bool| Hit {
            uri: h.uri.to_string(),
            other_lang: (h.lang != lang).then_some(h.lang),
            label: h.label,
            working: h.working,
            chosen,
        };
        (
            skills
                .into_iter()
                .map(|h| {
                    let u = h.uri.as_str();
                    let c = values.skills_essential.iter().any(|x| x == u)
                        || values.skills_optional.iter().any(|x| x == u);
                    hit(h, c)
                })
                .collect::<Vec<_>>(),
            occupations
                .into_iter()
                .map(|h| {
                    let c = values.occupation == h.uri.as_str();
                    hit(h, c)
                })
                .collect::<Vec<_>>(),
        )
    };
    let occupation = if values.occupation.is_empty() {
        None
    } else {
        chosen(state, ctx, std::slice::from_ref(&values.occupation))
            .await?
            .into_iter()
            .next()
    };
    let page = FormPage {
        ctx,
        name,
        action,
        editing,
        demand_rows: values.rows(ctx.locale),
        essential: chosen(state, ctx, &values.skills_essential).await?,
        optional: chosen(state, ctx, &values.skills_optional).await?,
        occupation,
        language_rows: language_rows(ctx, &values),
        hit_count: (skill_hits.len() + occupation_hits.len()) as i64,
        skill_hits,
        occupation_hits,
        q,
        values,
        errors,
        conflict,
        schedules: SCHEDULES,
    };
    render_status(status, &page)
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
    form_page(
        &state,
        &ctx,
        &session,
        StatusCode::OK,
        e.name,
        format!("/employers/{id}/tasks/new"),
        false,
        values,
        FieldErrors::new(),
        None,
    )
    .await
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
            "languages" => Some("lang_code-0"),
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
    let step = Step::of(&fields);
    let values = Values::read(&fields, &step);
    if step != Step::Save {
        return form_page(
            &state,
            &ctx,
            &session,
            StatusCode::OK,
            e.name,
            action,
            false,
            values,
            FieldErrors::new(),
            None,
        )
        .await;
    }
    let task = match values.validate(TaskId::new(), id) {
        Ok(t) => t,
        Err(errors) => {
            return form_page(
                &state,
                &ctx,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                e.name,
                action,
                false,
                values,
                errors,
                None,
            )
            .await
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
                form_page(
                    &state,
                    &ctx,
                    &session,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    e.name,
                    action,
                    false,
                    values,
                    errors,
                    None,
                )
                .await
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
    form_page(
        &state,
        &ctx,
        &session,
        StatusCode::OK,
        e.name,
        format!("/employers/{id}/tasks/{task}/edit"),
        true,
        Values::of(&t),
        FieldErrors::new(),
        None,
    )
    .await
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
    let step = Step::of(&fields);
    let mut values = Values::read(&fields, &step);
    if step != Step::Save {
        return form_page(
            &state,
            &ctx,
            &session,
            StatusCode::OK,
            e.name,
            action,
            true,
            values,
            FieldErrors::new(),
            None,
        )
        .await;
    }
    let t = match values.validate(task, id) {
        Ok(t) => t,
        Err(errors) => {
            return form_page(
                &state,
                &ctx,
                &session,
                StatusCode::UNPROCESSABLE_ENTITY,
                e.name,
                action,
                true,
                values,
                errors,
                None,
            )
            .await
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
            let rows = compare(&state, &ctx, &stored, &values).await?;
            // Saving again applies the user's values over the current version, knowingly.
            values.version = stored.version;
            form_page(
                &state,
                &ctx,
                &session,
                StatusCode::CONFLICT,
                e.name,
                action,
                true,
                values,
                FieldErrors::new(),
                Some(rows),
            )
            .await
        }
        Err(err) => match service_field_error(&err) {
            Some(field) => {
                let mut errors = FieldErrors::new();
                errors.add(field, "emp-error-invalid");
                form_page(
                    &state,
                    &ctx,
                    &session,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    e.name,
                    action,
                    true,
                    values,
                    errors,
                    None,
                )
                .await
            }
            None => Err(err.into()),
        },
    }
}
