//! The languages tab: each language the person speaks with its CEFR level (A1–C2, each
//! explained in words); levels are changed or removed in one form, and a new language is picked
//! by its name in the user's language from the shipped list (an unknown code is refused).

use super::common::{load, opt, shown, Head, Opt, Shown};
use super::tab::{respond, save};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render_status, Notice};
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::pages::labels::{cefr_key, language_choices, language_name};
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

/// The level options, each explained in words; the first is "remove" for a listed language
/// and "choose" for a new one.
pub fn level_options(ctx: &Ctx, current: &str, with_remove: bool) -> Vec<Opt> {
    let first = if with_remove {
        "p-language-remove"
    } else {
        "p-choose"
    };
    let mut out = vec![opt("", ctx.t(first), current)];
    for l in CefrLevel::ALL {
        out.push(opt(l.as_str(), ctx.t(&cefr_key(l)), current));
    }
    out
}

/// Every known language by name in the interface language, after a "choose" option.
pub fn language_options(ctx: &Ctx, current: &str) -> Vec<Opt> {
    let mut out = vec![opt("", ctx.t("p-choose-language"), current)];
    out.extend(
        language_choices(ctx.locale)
            .into_iter()
            .map(|(code, name)| opt(code, name, current)),
    );
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
    new_languages: Vec<Opt>,
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
                name: language_name(code, ctx.locale),
                levels: level_options(ctx, level, true),
                code: code.clone(),
            })
            .collect(),
        new_languages: language_options(ctx, new.0),
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
        match (LanguageCode::known(code), CefrLevel::parse(level)) {
            (Ok(c), Ok(l)) => {
                languages.insert(c, l);
            }
            (Err(_), _) => errors.add(&format!("level-{code}"), "p-error-language"),
            (_, Err(_)) => errors.add(&format!("level-{code}"), "p-error-level"),
        }
    }
    if !new_code.is_empty() || !new_level.is_empty() {
        match LanguageCode::known(new_code) {
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
            .map(|(c, l)| shown(language_name(&c, ctx.locale), l))
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
