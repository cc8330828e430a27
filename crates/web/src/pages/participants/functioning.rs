//! The functioning profile, edited through the plain-language questionnaire in five steps: one
//! per group of the catalogue (physical, senses and surroundings, thinking, working with
//! people), then the accommodations the person needs and the functional notes (never a
//! diagnosis). Each step is one page with its own save, so a step is short on a phone and
//! quick to get through with the keyboard (one Tab stop per question, a radio group). Saving a
//! step writes only that step's answers over the stored profile, version-checked, and goes on
//! to the next step with a confirmation; the list of steps shows where the coach is
//! (`aria-current="step"`) and links to any other step.

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
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::catalogue::{self, DimensionGroup, DimensionInfo};
use polku_domain::{Assessment, Level};
use polku_service::participants::{ParticipantChanges, ParticipantView};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The question groups in questionnaire order; the step after them is accommodations and notes.
const GROUPS: [(DimensionGroup, &str); 4] = [
    (DimensionGroup::Physical, "p-step-physical"),
    (DimensionGroup::SensesEnvironment, "p-step-senses"),
    (DimensionGroup::Cognitive, "p-step-cognitive"),
    (DimensionGroup::Social, "p-step-social"),
];
const STEPS: usize = GROUPS.len() + 1;

/// One step of the questionnaire, 1-based as shown ("Vaihe 2/5").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Step(usize);

impl Step {
    /// The step a query or form names; anything else is the first.
    fn parse(s: Option<&str>) -> Step {
        match s.and_then(|s| s.trim().parse::<usize>().ok()) {
            Some(n) if (1..=STEPS).contains(&n) => Step(n),
            _ => Step(1),
        }
    }

    /// The question group of this step; `None` for the accommodations and notes.
    fn group(self) -> Option<DimensionGroup> {
        GROUPS.get(self.0 - 1).map(|(g, _)| *g)
    }

    fn label_key(self) -> &'static str {
        GROUPS
            .get(self.0 - 1)
            .map_or("p-step-arrangements", |(_, k)| k)
    }

    fn dimensions(self) -> impl Iterator<Item = &'static DimensionInfo> {
        catalogue::dimensions()
            .iter()
            .filter(move |d| Some(d.group) == self.group())
    }

    fn next(self) -> Step {
        Step((self.0 + 1).min(STEPS))
    }

    fn prev(self) -> Step {
        Step(self.0.saturating_sub(1).max(1))
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct StepQuery {
    #[serde(default)]
    step: Option<String>,
}

/// The submitted answers of one step: dimension key → `na` or `0`–`4`.
#[derive(Debug, Clone, Default)]
struct Answers {
    version: String,
    step: Option<String>,
    /// `next` or `prev`: where to go after the save.
    go: String,
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
            ..Answers::default()
        }
    }

    fn from_pairs(pairs: Vec<(String, String)>) -> Answers {
        let mut a = Answers::default();
        for (k, v) in pairs {
            match k.as_str() {
                "version" => a.version = v,
                "step" => a.step = Some(v),
                "go" => a.go = v,
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

/// The answer options, said about the person ("En jaksa seistä").
fn capacity_texts(info: &DimensionInfo, locale: Locale) -> &[String; 5] {
    match locale {
        Locale::Fi => &info.capacity.fi,
        Locale::FiSelko => &info.capacity.fi_selko,
        Locale::Sv => &info.capacity.sv,
        Locale::En => &info.capacity.en,
    }
}

fn questions(ctx: &Ctx, step: Step, a: &Answers) -> Vec<Question> {
    step.dimensions()
        .map(|info| {
            let key = info.key.key();
            let current = a.levels.get(key).map_or("na", String::as_str);
            let mut options = vec![Opt {
                value: "na".into(),
                label: ctx.t("p-not-assessed"),
                selected: current == "na",
            }];
            for (i, text) in capacity_texts(info, ctx.locale).iter().enumerate() {
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

/// One entry of the list of steps.
pub struct StepLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

fn step_links(ctx: &Ctx, head: &Head, view: &ParticipantView, current: Step) -> Vec<StepLink> {
    (1..=STEPS)
        .map(Step)
        .map(|s| {
            let name = ctx.t(s.label_key());
            let label = if s.group().is_some() {
                let total = s.dimensions().count();
                let done = s
                    .dimensions()
                    .filter(|d| view.sensitive.functioning.get(d.key) != Assessment::NotAssessed)
                    .count();
                ctx.i18n.text_with(
                    ctx.locale,
                    "p-step-with-count",
                    &[
                        ("name", crate::i18n::Arg::Str(&name)),
                        ("done", crate::i18n::Arg::Num(done as f64)),
                        ("total", crate::i18n::Arg::Num(total as f64)),
                    ],
                )
            } else {
                name
            };
            StepLink {
                label,
                href: head.url(&format!("/functioning?step={}", s.0)),
                current: s == current,
            }
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
    step: usize,
    last: bool,
    progress: String,
    steps: Vec<StepLink>,
    questions: Vec<Question>,
    accommodations: Vec<Opt>,
    notes: String,
}

fn page<'a>(
    ctx: &'a Ctx,
    view: &ParticipantView,
    step: Step,
    a: Answers,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
) -> FunctioningPage<'a> {
    let head = Head::new(view, "/functioning");
    let progress = ctx.i18n.text_with(
        ctx.locale,
        "p-step-progress",
        &[
            ("step", crate::i18n::Arg::Num(step.0 as f64)),
            ("steps", crate::i18n::Arg::Num(STEPS as f64)),
            ("name", crate::i18n::Arg::Str(&ctx.t(step.label_key()))),
        ],
    );
    FunctioningPage {
        steps: step_links(ctx, &head, view, step),
        head,
        title_key: "p-tab-functioning",
        errors,
        conflict,
        step: step.0,
        last: step.0 == STEPS,
        progress,
        questions: questions(ctx, step, &a),
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
    Query(q): Query<StepQuery>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let step = Step::parse(q.step.as_deref());
    let a = Answers::from_view(&view);
    render_status(
        StatusCode::OK,
        &page(&ctx, &view, step, a, FieldErrors::new(), None),
    )
}

/// The stored values of one step, for a conflict.
fn current_values(ctx: &Ctx, step: Step, v: &ParticipantView) -> Vec<Shown> {
    if step.group().is_none() {
        let accommodations = v
            .sensitive
            .accommodations
            .iter()
            .filter_map(|id| catalogue::accommodation(id))
            .map(|acc| acc.label.get(ctx.locale).to_owned())
            .collect::<Vec<_>>()
            .join(", ");
        return vec![
            shown(ctx.t("p-accommodations-legend"), accommodations),
            shown(
                ctx.t("p-field-functional-notes"),
                v.sensitive.functional_notes.clone(),
            ),
        ];
    }
    step.dimensions()
        .map(|info| {
            let value = match v.sensitive.functioning.get(info.key) {
                Assessment::NotAssessed => ctx.t("p-not-assessed"),
                Assessment::Assessed(l) => capacity_texts(info, ctx.locale)
                    .get(usize::from(l.get()))
                    .cloned()
                    .unwrap_or_default(),
            };
            shown(info.label.get(ctx.locale).to_owned(), value)
        })
        .collect()
}

/// One step's answers as changes to the stored sensitive data (every other step's answers
/// kept), or field errors.
fn parse(
    view: &ParticipantView,
    step: Step,
    a: &Answers,
) -> Result<ParticipantChanges, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut sensitive = view.sensitive.clone();
    for info in step.dimensions() {
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
    if step.group().is_none() {
        let mut seen = std::collections::BTreeSet::new();
        sensitive.accommodations = a
            .accommodations
            .iter()
            .filter(|id| catalogue::accommodation(id).is_some() && seen.insert(id.as_str()))
            .cloned()
            .collect();
        if a.notes.chars().count() > polku_domain::participant::MAX_FUNCTIONAL_NOTES {
            errors.add("notes", "p-error-notes");
        }
        sensitive.functional_notes = a.notes.trim().to_owned();
    }
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
    let step = Step::parse(a.step.as_deref());
    let saved = save(&state, &session, &view, &a.version, parse(&view, step, &a)).await?;
    let to = match a.go.as_str() {
        "prev" => step.prev(),
        "next" => step.next(),
        _ => step,
    };
    let done = format!("/participants/{}/functioning?step={}", view.id, to.0);
    let version = a.version.clone();
    let stored = async |current: &ParticipantView| Ok(current_values(&ctx, step, current));
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
                &page(&ctx, &again.view, step, a, again.errors, again.conflict),
            )
        },
    )
    .await
}
