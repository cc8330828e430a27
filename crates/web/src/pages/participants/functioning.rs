//! The functioning profile, edited through the plain-language questionnaire: one radio group
//! per dimension of the catalogue (levels 0–4 or "not assessed"), the question as the legend;
//! plus the accommodations the person needs and the functional notes (never a diagnosis).

use super::common::{load, shown, Head, Opt, Shown};
use super::tab::{respond, save};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render_status, Notice};
use crate::i18n::Locale;
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::pages::labels::InLocale;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::catalogue::{self, DimensionInfo};
use polku_domain::{Assessment, Level};
use polku_service::participants::{ParticipantChanges, ParticipantView};
use std::collections::BTreeMap;

/// The submitted answers: dimension key → `na` or `0`–`4`.
#[derive(Debug, Clone, Default)]
struct Answers {
    version: String,
    levels: BTreeMap<String, String>,
    accommodations: Vec<String>,
    notes: String,
}

impl Answers {
    fn from_view(v: &ParticipantView) -> Answers {
        Answers {
            version: v.version.to_string(),
            levels: catalogue::dimensions()
                .iter()
                .map(|d| {
                    let value = match v.sensitive.functioning.get(d.key) {
                        Assessment::NotAssessed => "na".to_owned(),
                        Assessment::Assessed(l) => l.get().to_string(),
                    };
                    (d.key.key().to_owned(), value)
                })
                .collect(),
            accommodations: v.sensitive.accommodations.clone(),
            notes: v.sensitive.functional_notes.clone(),
        }
    }

    fn from_pairs(pairs: Vec<(String, String)>) -> Answers {
        let mut a = Answers::default();
        for (k, v) in pairs {
            match k.as_str() {
                "version" => a.version = v,
                "notes" => a.notes = v,
                "acc" => a.accommodations.push(v),
                _ => {
                    if let Some(d) = k.strip_prefix("dim-") {
                        a.levels.insert(d.to_owned(), v);
                    }
                }
            }
        }
        a
    }
}

/// One question of the questionnaire.
pub struct Question {
    pub name: String,
    pub legend: String,
    pub label: String,
    pub options: Vec<Opt>,
}

/// The question as the participant hears it: in Finnish the plain-language (selkokieli) form,
/// since the coach fills the questionnaire in together with the participant.
fn question_text(info: &DimensionInfo, locale: Locale) -> String {
    match locale {
        Locale::Fi | Locale::FiSelko => info.question.fi_selko.clone(),
        Locale::Sv => info.question.sv.clone(),
        Locale::En => info.question.en.clone(),
    }
}

fn questions(ctx: &Ctx, a: &Answers) -> Vec<Question> {
    catalogue::dimensions()
        .iter()
        .map(|info| {
            let key = info.key.key();
            let current = a.levels.get(key).map_or("na", String::as_str);
            let mut options = vec![Opt {
                value: "na".into(),
                label: ctx.t("p-not-assessed"),
                selected: current == "na",
            }];
            for (i, text) in info.levels.get(ctx.locale).iter().enumerate() {
                options.push(Opt {
                    value: i.to_string(),
                    label: ctx.ts2("p-level-option", "level", &i.to_string(), "text", text),
                    selected: current == i.to_string(),
                });
            }
            Question {
                name: format!("dim-{key}"),
                legend: question_text(info, ctx.locale),
                label: info.label.get(ctx.locale).to_owned(),
                options,
            }
        })
        .collect()
}

fn accommodation_options(ctx: &Ctx, a: &Answers) -> Vec<Opt> {
    catalogue::accommodations()
        .iter()
        .map(|acc| Opt {
            value: acc.id.clone(),
            label: acc.label.get(ctx.locale).to_owned(),
            selected: a.accommodations.contains(&acc.id),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "participants/functioning.html")]
struct FunctioningPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    version: String,
    questions: Vec<Question>,
    accommodations: Vec<Opt>,
    notes: String,
}

fn page<'a>(
    ctx: &'a Ctx,
    view: &ParticipantView,
    a: Answers,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
) -> FunctioningPage<'a> {
    FunctioningPage {
        head: Head::new(view, "/functioning"),
        title_key: "p-tab-functioning",
        errors,
        conflict,
        questions: questions(ctx, &a),
        accommodations: accommodation_options(ctx, &a),
        version: a.version,
        notes: a.notes,
        ctx,
    }
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let a = Answers::from_view(&view);
    render_status(
        StatusCode::OK,
        &page(&ctx, &view, a, FieldErrors::new(), None),
    )
}

/// The stored values, for a conflict.
fn current_values(ctx: &Ctx, v: &ParticipantView) -> Vec<Shown> {
    catalogue::dimensions()
        .iter()
        .map(|info| {
            let value = match v.sensitive.functioning.get(info.key) {
                Assessment::NotAssessed => ctx.t("p-not-assessed"),
                Assessment::Assessed(l) => info
                    .levels
                    .get(ctx.locale)
                    .get(usize::from(l.get()))
                    .cloned()
                    .unwrap_or_default(),
            };
            shown(info.label.get(ctx.locale).to_owned(), value)
        })
        .collect()
}

/// The answers as changes to the sensitive data, or field errors.
fn parse(view: &ParticipantView, a: &Answers) -> Result<ParticipantChanges, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut sensitive = view.sensitive.clone();
    for info in catalogue::dimensions() {
        let key = info.key.key();
        let assessment = match a.levels.get(key).map(String::as_str) {
            None | Some("na") => Assessment::NotAssessed,
            Some(v) => match v.parse::<i64>().ok().and_then(|n| Level::new(n).ok()) {
                Some(l) => Assessment::Assessed(l),
                None => {
                    errors.add(&format!("dim-{key}"), "p-error-level");
                    continue;
                }
            },
        };
        sensitive.functioning.set(info.key, assessment);
    }
    sensitive.accommodations = a
        .accommodations
        .iter()
        .filter(|id| catalogue::accommodation(id).is_some())
        .cloned()
        .collect();
    if a.notes.chars().count() > 10_000 {
        errors.add("notes", "p-error-notes");
    }
    sensitive.functional_notes = a.notes.trim().to_owned();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ParticipantChanges {
        personal: view.personal.clone(),
        sensitive,
        stage: view.stage,
    })
}

pub async fn submit(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let a = Answers::from_pairs(fields.0);
    let saved = save(&state, &session, &view, &a.version, parse(&view, &a)).await?;
    let done = format!("/participants/{}/functioning", view.id);
    let version = a.version.clone();
    let stored = async |current: &ParticipantView| Ok(current_values(&ctx, current));
    respond(
        saved,
        view,
        &version,
        &done,
        Notice::Functioning,
        stored,
        async |again| {
            let a = Answers {
                version: again.version,
                ..a
            };
            render_status(
                again.status,
                &page(&ctx, &again.view, a, again.errors, again.conflict),
            )
        },
    )
    .await
}
