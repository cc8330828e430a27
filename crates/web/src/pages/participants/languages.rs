//! The languages tab: each language the person speaks with its CEFR level (A1–C2); levels are
//! changed or removed in one form, and a new language is added with its two-letter code.

use super::common::{load, opt, shown, Head, Opt, Shown};
use super::tab::{respond, save};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render_status, Notice};
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{CefrLevel, LanguageCode};
use polku_service::participants::{ParticipantChanges, ParticipantView};
use std::collections::BTreeMap;

/// One language row: code, its name if known, the level options.
pub struct LangRow {
    pub code: String,
    pub name: String,
    pub levels: Vec<Opt>,
}

/// The language's own name key when we have one, else the code.
fn language_name(ctx: &Ctx, code: &str) -> String {
    let key = format!("p-lang-{code}");
    let text = ctx.t(&key);
    if text == key {
        code.to_owned()
    } else {
        text
    }
}

fn level_options(ctx: &Ctx, current: &str, with_remove: bool) -> Vec<Opt> {
    let mut out = Vec::new();
    if with_remove {
        out.push(opt("", ctx.t("p-language-remove"), current));
    } else {
        out.push(opt("", ctx.t("p-choose"), current));
    }
    for l in CefrLevel::ALL {
        out.push(opt(
            l.as_str(),
            ctx.ts("p-cefr-option", "level", l.as_str()),
            current,
        ));
    }
    out
}

#[derive(Template)]
#[template(path = "participants/languages.html")]
struct LanguagesPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    version: String,
    rows: Vec<LangRow>,
    new_code: String,
    new_levels: Vec<Opt>,
}

fn page<'a>(
    ctx: &'a Ctx,
    view: &ParticipantView,
    values: &BTreeMap<String, String>,
    new: (&str, &str),
    version: String,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
) -> LanguagesPage<'a> {
    LanguagesPage {
        head: Head::new(view, "/languages"),
        title_key: "p-tab-languages",
        errors,
        conflict,
        version,
        rows: values
            .iter()
            .map(|(code, level)| LangRow {
                name: language_name(ctx, code),
                levels: level_options(ctx, level, true),
                code: code.clone(),
            })
            .collect(),
        new_code: new.0.to_owned(),
        new_levels: level_options(ctx, new.1, false),
        ctx,
    }
}

fn stored(view: &ParticipantView) -> BTreeMap<String, String> {
    view.personal
        .languages
        .iter()
        .map(|(c, l)| (c.as_str().to_owned(), l.as_str().to_owned()))
        .collect()
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let values = stored(&view);
    render_status(
        StatusCode::OK,
        &page(
            &ctx,
            &view,
            &values,
            ("", ""),
            view.version.to_string(),
            FieldErrors::new(),
            None,
        ),
    )
}

/// The submitted languages: the level of each listed language (`level-<code>`, empty to
/// remove it) and one new language, or field errors.
fn parse(
    view: &ParticipantView,
    values: &BTreeMap<String, String>,
    new_code: &str,
    new_level: &str,
) -> Result<ParticipantChanges, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut languages = BTreeMap::new();
    for (code, level) in values {
        if level.is_empty() {
            continue;
        }
        match (LanguageCode::parse(code), CefrLevel::parse(level)) {
            (Ok(c), Ok(l)) => {
                languages.insert(c, l);
            }
            _ => errors.add(&format!("level-{code}"), "p-error-level"),
        }
    }
    if !new_code.is_empty() || !new_level.is_empty() {
        match LanguageCode::parse(new_code) {
            Err(_) => errors.add("new_code", "p-error-language"),
            Ok(c) => match CefrLevel::parse(new_level) {
                Err(_) => errors.add("new_level", "p-error-level"),
                Ok(l) => {
                    languages.insert(c, l);
                }
            },
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut personal = view.personal.clone();
    personal.languages = languages;
    Ok(ParticipantChanges {
        personal,
        sensitive: view.sensitive.clone(),
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
    let version = fields.get("version");
    let (new_code, new_level) = (fields.get("new_code"), fields.get("new_level"));
    let mut values: BTreeMap<String, String> = fields
        .0
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("level-").map(|c| (c.to_owned(), v.clone())))
        .collect();
    let parsed = parse(&view, &values, &new_code, &new_level);
    values.retain(|_, v| !v.is_empty());
    let saved = save(&state, &session, &view, &version, parsed).await?;
    let done = format!("/participants/{}/languages", view.id);
    let stored_values = async |current: &ParticipantView| {
        Ok(stored(current)
            .into_iter()
            .map(|(c, l)| shown(language_name(&ctx, &c), l))
            .collect())
    };
    respond(
        saved,
        view,
        &version,
        &done,
        Notice::Languages,
        stored_values,
        async |again| {
            render_status(
                again.status,
                &page(
                    &ctx,
                    &again.view,
                    &values,
                    (&new_code, &new_level),
                    again.version,
                    again.errors,
                    again.conflict,
                ),
            )
        },
    )
    .await
}
