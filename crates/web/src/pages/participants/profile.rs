//! The background tab: contact details, ESF+ entry data and the person's goals (ESCO
//! occupations, added by typing).

use super::common::{domain_error, load, opt, shown, Head, Opt, Shown};
use super::fields_on::FieldsOn;
use super::tab::{respond, save};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::participant::LabourMarketStatus;
use polku_domain::{Email, EscoKind, EscoUri, EsfEntry};
use polku_service::participants::{ParticipantChanges, ParticipantView};
use polku_service::skill_search::SkillHit;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct BackgroundForm {
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub uri: String,
    #[serde(default)]
    pub given_name: String,
    #[serde(default)]
    pub family_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub labour_market_status: String,
    #[serde(default)]
    pub education_isced: String,
    #[serde(default)]
    pub long_term_unemployed: Option<String>,
    #[serde(default)]
    pub birth_year: String,
    /// `YYYY-MM-DD` (or `D.M.YYYY` typed), empty when not known.
    #[serde(default)]
    pub unemployed_since: String,
    #[serde(default)]
    pub foreign_background: String,
    #[serde(default)]
    pub disability: String,
    /// Remove a value kept from when its optional field was on (R42): `clear_phone`, …
    #[serde(default)]
    pub clear_phone: Option<String>,
    #[serde(default)]
    pub clear_birth_year: Option<String>,
    #[serde(default)]
    pub clear_foreign_background: Option<String>,
    #[serde(default)]
    pub clear_disability: Option<String>,
}

fn tri(v: Option<bool>) -> String {
    match v {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
    }
}

pub fn parse_tri(v: &str) -> Option<bool> {
    match v {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

fn status_value(s: Option<LabourMarketStatus>) -> &'static str {
    match s {
        Some(LabourMarketStatus::Unemployed) => "unemployed",
        Some(LabourMarketStatus::Inactive) => "inactive",
        Some(LabourMarketStatus::Employed) => "employed",
        Some(LabourMarketStatus::InEducation) => "in_education",
        None => "",
    }
}

pub fn parse_status(s: &str) -> Option<LabourMarketStatus> {
    match s {
        "unemployed" => Some(LabourMarketStatus::Unemployed),
        "inactive" => Some(LabourMarketStatus::Inactive),
        "employed" => Some(LabourMarketStatus::Employed),
        "in_education" => Some(LabourMarketStatus::InEducation),
        _ => None,
    }
}

impl BackgroundForm {
    pub fn from_view(v: &ParticipantView) -> BackgroundForm {
        let p = &v.personal;
        BackgroundForm {
            version: v.version.to_string(),
            action: String::new(),
            uri: String::new(),
            given_name: p.given_name.clone(),
            family_name: p.family_name.clone(),
            email: p
                .email
                .as_ref()
                .map(|e| e.as_str().to_owned())
                .unwrap_or_default(),
            phone: p.phone.clone().unwrap_or_default(),
            labour_market_status: status_value(p.esf.labour_market_status).to_owned(),
            education_isced: p
                .esf
                .education_isced
                .map(|i| i.to_string())
                .unwrap_or_default(),
            long_term_unemployed: p.esf.long_term_unemployed.then(|| "on".to_owned()),
            birth_year: p.esf.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            unemployed_since: p
                .esf
                .unemployed_since
                .map(|d| d.to_string())
                .unwrap_or_default(),
            foreign_background: tri(p.esf.foreign_background),
            disability: tri(p.esf.disability),
            ..BackgroundForm::default()
        }
    }
}

/// A value stored while its optional field was on, now off (R42): shown read-only, kept until
/// removed (the `clear_<name>` checkbox) or erased.
pub struct Kept {
    pub name: &'static str,
    pub label: String,
    pub value: String,
}

fn kept(ctx: &Ctx, v: &ParticipantView, on: FieldsOn) -> Vec<Kept> {
    let p = &v.personal;
    let yes_no = |b: bool| ctx.t(if b { "p-yes" } else { "p-no" });
    let mut out = Vec::new();
    if let (false, Some(phone)) = (on.phone, &p.phone) {
        out.push(Kept {
            name: "phone",
            label: ctx.t("p-field-phone"),
            value: phone.clone(),
        });
    }
    if let (false, Some(y)) = (on.birth_year, p.esf.birth_year) {
        out.push(Kept {
            name: "birth_year",
            label: ctx.t("p-field-birth-year"),
            value: y.to_string(),
        });
    }
    if let (false, Some(b)) = (on.foreign_background, p.esf.foreign_background) {
        out.push(Kept {
            name: "foreign_background",
            label: ctx.t("p-field-foreign-background"),
            value: yes_no(b),
        });
    }
    if let (false, Some(b)) = (on.disability, p.esf.disability) {
        out.push(Kept {
            name: "disability",
            label: ctx.t("p-field-disability"),
            value: yes_no(b),
        });
    }
    out
}

/// Status, ISCED and yes/no options in the page's language.
pub struct EsfOptions {
    pub statuses: Vec<Opt>,
    pub isced: Vec<Opt>,
    pub foreign_background: Vec<Opt>,
    pub disability: Vec<Opt>,
}

pub fn esf_options(ctx: &Ctx, f: &BackgroundForm) -> EsfOptions {
    let statuses = vec![
        opt("", ctx.t("p-not-recorded"), &f.labour_market_status),
        opt(
            "unemployed",
            ctx.t("p-status-unemployed"),
            &f.labour_market_status,
        ),
        opt(
            "inactive",
            ctx.t("p-status-inactive"),
            &f.labour_market_status,
        ),
        opt(
            "employed",
            ctx.t("p-status-employed"),
            &f.labour_market_status,
        ),
        opt(
            "in_education",
            ctx.t("p-status-in-education"),
            &f.labour_market_status,
        ),
    ];
    let mut isced = vec![opt("", ctx.t("p-not-recorded"), &f.education_isced)];
    // Asked in plain words; the ISCED 2011 level (0–8) the ESF+ indicators need is the value.
    for i in 0..=8u8 {
        isced.push(opt(
            i.to_string(),
            ctx.t(&format!("p-education-{i}")),
            &f.education_isced,
        ));
    }
    let tri_opts = |cur: &str| {
        vec![
            opt("", ctx.t("p-unknown"), cur),
            opt("yes", ctx.t("p-yes"), cur),
            opt("no", ctx.t("p-no"), cur),
        ]
    };
    EsfOptions {
        statuses,
        isced,
        foreign_background: tri_opts(&f.foreign_background),
        disability: tri_opts(&f.disability),
    }
}

#[derive(Template)]
#[template(path = "participants/background.html")]
struct BackgroundPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    form: BackgroundForm,
    options: EsfOptions,
    hetu_recorded: bool,
    /// The optional fields on for the project (R42); the others are not on the form.
    on: FieldsOn,
    /// Values of fields that are off, kept from before (read-only).
    kept: Vec<Kept>,
    waiting_since: String,
    goals: Vec<SkillHit>,
    goal_q: String,
    goal_hits: Vec<SkillHit>,
    /// Completed placements and gigs (see `pages::gigs::experience`).
    experience: Vec<crate::pages::gigs::ExperienceRow>,
}

#[derive(Debug, Default, Deserialize)]
pub struct GoalQuery {
    #[serde(default)]
    goal_q: String,
}

fn current_values(ctx: &Ctx, v: &ParticipantView) -> Vec<Shown> {
    let f = BackgroundForm::from_view(v);
    vec![
        shown(ctx.t("p-field-given-name"), f.given_name),
        shown(ctx.t("p-field-family-name"), f.family_name),
        shown(ctx.t("p-field-email"), f.email),
        shown(ctx.t("p-field-phone"), f.phone),
        shown(
            ctx.t("p-field-labour-market-status"),
            match f.labour_market_status.as_str() {
                "" => ctx.t("p-not-recorded"),
                s => ctx.t(&format!("p-status-{}", s.replace('_', "-"))),
            },
        ),
        shown(ctx.t("p-field-birth-year"), f.birth_year),
        shown(ctx.t("p-field-unemployed-since"), f.unemployed_since),
    ]
}

/// Everything the page shows besides the form values.
struct Extra {
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    goal_q: String,
    status: StatusCode,
}

async fn show_page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    view: &ParticipantView,
    form: BackgroundForm,
    extra: Extra,
) -> WebResult<Response> {
    let lang = crate::pages::labels::data_lang(ctx.locale);
    let goals = state
        .service
        .esco_labels(&view.personal.goals, lang)
        .await?;
    let goal_hits = if extra.goal_q.trim().is_empty() {
        Vec::new()
    } else {
        state
            .service
            .search_esco_concepts(
                &session.actor,
                EscoKind::Occupation,
                &extra.goal_q,
                lang,
                20,
            )
            .await?
    };
    let options = esf_options(ctx, &form);
    let experience = crate::pages::gigs::experience(state, session, ctx, view.id).await?;
    let on = FieldsOn::load(state, session, Some(view.project_id)).await;
    render_status(
        extra.status,
        &BackgroundPage {
            ctx,
            head: Head::new(view, ""),
            title_key: "p-tab-background",
            errors: extra.errors,
            conflict: extra.conflict,
            form,
            options,
            hetu_recorded: view.personal.hetu.is_some(),
            on,
            kept: kept(ctx, view, on),
            waiting_since: super::common::fmt_date(ctx.locale, view.waiting_since),
            goals,
            goal_q: extra.goal_q,
            goal_hits,
            experience,
        },
    )
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<GoalQuery>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let form = BackgroundForm::from_view(&view);
    show_page(
        &state,
        &session,
        &ctx,
        &view,
        form,
        Extra {
            errors: FieldErrors::new(),
            conflict: None,
            goal_q: q.goal_q,
            status: StatusCode::OK,
        },
    )
    .await
}

/// Parses the form into changes, or field errors.
fn changes(
    view: &ParticipantView,
    f: &BackgroundForm,
    on: FieldsOn,
) -> Result<ParticipantChanges, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut personal = view.personal.clone();
    if polku_domain::org::name("given_name", &f.given_name, 100).is_err() {
        errors.add("given_name", "p-error-name");
    }
    if polku_domain::org::name("family_name", &f.family_name, 100).is_err() {
        errors.add("family_name", "p-error-name");
    }
    personal.given_name = f.given_name.trim().to_owned();
    personal.family_name = f.family_name.trim().to_owned();
    personal.email = match f.email.trim() {
        "" => None,
        e => match Email::parse(e) {
            Ok(e) => Some(e),
            Err(_) => {
                errors.add("email", "p-error-email");
                None
            }
        },
    };
    personal.phone = match f.phone.trim() {
        "" => None,
        p => Some(p.to_owned()),
    };
    let birth_year = match f.birth_year.trim() {
        "" => None,
        y => match y.parse::<u16>() {
            Ok(y) if (1900..=2100).contains(&y) => Some(y),
            _ => {
                errors.add("birth_year", "p-error-birth-year");
                None
            }
        },
    };
    let education_isced = match f.education_isced.trim() {
        "" => None,
        i => match i.parse::<u8>() {
            Ok(i) if i <= 8 => Some(i),
            _ => {
                errors.add("education_isced", "p-error-isced");
                None
            }
        },
    };
    let unemployed_since = match super::common::parse_day(&f.unemployed_since) {
        Ok(d) => d,
        Err(()) => {
            errors.add("unemployed_since", "p-error-unemployed-since");
            None
        }
    };
    if unemployed_since.is_some_and(|d| d > crate::html::format::today()) {
        errors.add("unemployed_since", "p-error-unemployed-since-future");
    }
    personal.esf = EsfEntry {
        labour_market_status: parse_status(&f.labour_market_status),
        education_isced,
        long_term_unemployed: super::common::checked(&f.long_term_unemployed),
        birth_year,
        unemployed_since,
        foreign_background: parse_tri(&f.foreign_background),
        disability: parse_tri(&f.disability),
    };
    // A field that is off (R42) is not on the form: its stored value stays unless removed.
    let stored = &view.personal;
    let keep = |on: bool, clear: &Option<String>| !on && !super::common::checked(clear);
    if !on.phone {
        personal.phone = stored
            .phone
            .clone()
            .filter(|_| keep(on.phone, &f.clear_phone));
    }
    if !on.birth_year {
        personal.esf.birth_year = stored
            .esf
            .birth_year
            .filter(|_| keep(on.birth_year, &f.clear_birth_year));
    }
    if !on.foreign_background {
        personal.esf.foreign_background = stored
            .esf
            .foreign_background
            .filter(|_| keep(on.foreign_background, &f.clear_foreign_background));
    }
    if !on.disability {
        personal.esf.disability = stored
            .esf
            .disability
            .filter(|_| keep(on.disability, &f.clear_disability));
    }
    if let Err(e) = personal.validate() {
        let (field, key) = domain_error(&e);
        errors.add(field, key);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ParticipantChanges {
        personal,
        sensitive: view.sensitive.clone(),
        stage: view.stage,
    })
}

/// A goal added or removed (`add_goal`, `remove_goal`) as changes; `None` for an address
/// that is not an ESCO concept.
fn goal_changes(view: &ParticipantView, f: &BackgroundForm) -> Option<ParticipantChanges> {
    let uri = EscoUri::parse(&f.uri).ok()?;
    let mut personal = view.personal.clone();
    personal.goals.retain(|g| *g != uri);
    if f.action == "add_goal" {
        personal.goals.push(uri);
    }
    Some(ParticipantChanges {
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
    Form(form): Form<BackgroundForm>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let url = format!("/participants/{}", view.id);
    let editing = form.action.is_empty() || form.action == "save";
    let parsed = match form.action.as_str() {
        "add_goal" | "remove_goal" => match goal_changes(&view, &form) {
            Some(changes) => Ok(changes),
            None => return Ok(see_other(&url)),
        },
        _ => {
            let on = FieldsOn::load(&state, &session, Some(view.project_id)).await;
            changes(&view, &form, on)
        }
    };
    let saved = save(&state, &session, &view, &form.version, parsed).await?;
    let version = form.version.clone();
    let stored = async |current: &ParticipantView| Ok(current_values(&ctx, current));
    respond(
        saved,
        view,
        &version,
        &url,
        Notice::Details,
        stored,
        async |again| {
            // After a conflict the coach's edits stay in the form; a goal change is not an edit,
            // so the form then shows the stored values.
            let form = if again.is_conflict() && !editing {
                BackgroundForm::from_view(&again.view)
            } else {
                BackgroundForm {
                    version: again.version,
                    ..form
                }
            };
            show_page(
                &state,
                &session,
                &ctx,
                &again.view,
                form,
                Extra {
                    errors: again.errors,
                    conflict: again.conflict,
                    goal_q: String::new(),
                    status: again.status,
                },
            )
            .await
        },
    )
    .await
}
