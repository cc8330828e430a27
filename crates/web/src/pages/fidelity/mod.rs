//! The IPS-25 fidelity profile of a project, or of one of its coaches, over a period: all 25
//! items with their score and where it comes from (computed from the case log, with the figure
//! and what it was computed from, or rated by a manager, by whom and when), the total and the
//! scale's band; and the form on which the manager rates an item (1–5 with a note). Managers of
//! the project and admins; anyone else gets 404 from the service. No participant rows: the
//! figures are counts, and the per-coach figures are about staff.

use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::format;
use crate::html::{render_status, see_other_saved, Notice};
use crate::i18n::{Arg, Locale};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::participants::common::{opt, Opt};
use crate::policy::{Policy, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::fidelity::{FidelityScale, Figure, Metric};
use polku_domain::{DomainError, ProjectId, ReportFilter, Role, UserId};
use polku_service::fidelity::{FidelityProfile, ItemResult, Source};
use polku_service::ServiceError;
use serde::Deserialize;
use std::collections::BTreeMap;
use time::{Date, Duration};

/// Staff may ask; the service answers 404 to anyone but the project's managers and admins.
const STAFF: Policy =
    Policy::AnyRole(&[Role::Manager, Role::Admin, Role::Coach, Role::Coordinator]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/projects/{id}/fidelity", STAFF, show)
        .post("/projects/{id}/fidelity", STAFF, rate)
}

/// The period and scope asked for (`from`, `to` as ISO dates; `coach` a user id).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PeriodQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    coach: String,
}

/// The rating form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RateForm {
    #[serde(default)]
    item: String,
    #[serde(default)]
    score: String,
    #[serde(default)]
    note: String,
    /// The newest version of every item when the page was shown: `1:0,2:3,…`.
    #[serde(default)]
    seen: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    coach: String,
}

/// One item as shown.
#[derive(Debug)]
pub struct Row {
    pub number: u8,
    pub name: String,
    pub about: String,
    pub score: Option<u8>,
    pub source: String,
    pub figure: Option<String>,
    pub note: Option<String>,
    pub unverified: bool,
}

#[derive(Debug)]
pub struct Section {
    pub key: String,
    pub title: String,
    pub rows: Vec<Row>,
}

#[derive(Debug)]
pub struct BandRow {
    pub name: String,
    pub range: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "fidelity/profile.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    heading: String,
    action: String,
    project_href: String,
    period: String,
    from: String,
    to: String,
    coach: String,
    coaches: Vec<Opt>,
    coach_links: Vec<(String, String)>,
    sections: Vec<Section>,
    total: String,
    band: Option<String>,
    bands: Vec<BandRow>,
    source: String,
    licence: String,
    items: Vec<Opt>,
    scores: Vec<Opt>,
    form: RateForm,
    seen: String,
    errors: FieldErrors,
}

fn tr(ctx: &Ctx, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    ctx.i18n.text_with(ctx.locale, key, args)
}

fn lang(locale: Locale) -> &'static str {
    match locale {
        Locale::Sv => "sv",
        Locale::En => "en",
        Locale::Fi | Locale::FiSelko => "fi",
    }
}

fn parse_project(id: &str) -> WebResult<ProjectId> {
    ProjectId::parse(id).map_err(|_| WebError::NotFound)
}

fn parse_day(s: &str) -> Option<Date> {
    Date::parse(
        s.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// The filter asked for, or the field errors; an empty period is the last 90 days.
fn filter_of(
    project: ProjectId,
    from: &str,
    to: &str,
    errors: &mut FieldErrors,
) -> Option<ReportFilter> {
    let today = format::today();
    let to_day = if to.trim().is_empty() {
        Some(today)
    } else {
        parse_day(to).or_else(|| {
            errors.add("to", "ips-error-date");
            None
        })
    };
    let from_day = if from.trim().is_empty() {
        to_day.map(|t| t - Duration::days(89))
    } else {
        parse_day(from).or_else(|| {
            errors.add("from", "ips-error-date");
            None
        })
    };
    let (from_day, to_day) = (from_day?, to_day?);
    match ReportFilter::new(from_day, to_day) {
        Ok(f) => Some(f.with_project(project)),
        Err(_) => {
            errors.add("to", "ips-error-period");
            None
        }
    }
}

fn coach_of(s: &str) -> WebResult<Option<UserId>> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    UserId::parse(s.trim())
        .map(Some)
        .map_err(|_| WebError::NotFound)
}

fn num(ctx: &Ctx, x: f64, unit: &str) -> String {
    match unit {
        "percent" => format::percent(ctx.locale, x / 100.0),
        "days" => format::decimal(ctx.locale, x, 0),
        _ => format::decimal(ctx.locale, x, 1),
    }
}

/// What a figure says, with what it was computed from.
fn figure_text(ctx: &Ctx, p: &FidelityProfile, unit: &str, f: &Figure) -> String {
    let period = format!(
        "{}–{}",
        format::date(ctx.locale, p.filter.from),
        format::date(ctx.locale, p.filter.to)
    );
    let Some(v) = f.value else {
        return tr(ctx, "ips-fig-none", &[("period", Arg::Str(&period))]);
    };
    let key = match f.metric {
        Metric::Caseload => "ips-fig-caseload",
        Metric::Coaches => "ips-fig-coaches",
        Metric::DaysToFirstEmployerContact => "ips-fig-days",
        Metric::EmployerContactsPerWeek => "ips-fig-contacts",
        Metric::JobTypeDiversity => "ips-fig-job-types",
        Metric::EmployerDiversity => "ips-fig-employers",
        Metric::CompetitiveShare => "ips-fig-competitive",
        Metric::FollowAlongSupportShare => "ips-fig-support",
        Metric::FollowAlongFourMonthsShare => "ips-fig-four-months",
        Metric::CommunityShare => "ips-fig-community",
    };
    let value = num(ctx, v, unit);
    let date = format::date(ctx.locale, p.filter.to);
    tr(
        ctx,
        key,
        &[
            ("value", Arg::Str(&value)),
            ("num", Arg::Num(f.numerator as f64)),
            ("den", Arg::Num(f.denominator as f64)),
            ("records", Arg::Num(f.records as f64)),
            ("period", Arg::Str(&period)),
            ("date", Arg::Str(&date)),
        ],
    )
}

fn source_text(ctx: &Ctx, i: &ItemResult) -> String {
    match i.source {
        Source::Computed => ctx.t("ips-source-computed"),
        Source::Rated => {
            let r = i.rating.as_ref();
            let by = i.rated_by_name.clone().unwrap_or_default();
            let when = r
                .map(|r| format::date_time(ctx.locale, r.rated_at))
                .unwrap_or_default();
            let version = r.map_or(0, |r| r.version);
            tr(
                ctx,
                "ips-source-rated",
                &[
                    ("name", Arg::Str(&by)),
                    ("when", Arg::Str(&when)),
                    ("version", Arg::Num(version as f64)),
                ],
            )
        }
        Source::Unscored => ctx.t("ips-source-unscored"),
    }
}

fn query_of(from: &str, to: &str, coach: &str) -> String {
    let mut q = vec![format!("from={}", from.trim()), format!("to={}", to.trim())];
    if !coach.trim().is_empty() {
        q.push(format!("coach={}", coach.trim()));
    }
    q.join("&")
}

fn seen_of(p: &FidelityProfile) -> String {
    p.items
        .iter()
        .map(|i| {
            format!(
                "{}:{}",
                i.item.number,
                i.rating.as_ref().map_or(0, |r| r.version)
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn page(
    ctx: &Ctx,
    p: &FidelityProfile,
    form: RateForm,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let scale = FidelityScale::get();
    let l = lang(ctx.locale);
    let mut sections: Vec<Section> = Vec::new();
    for i in &p.items {
        let unit = i.item.derived.as_ref().map_or("", |d| d.unit.as_str());
        let row = Row {
            number: i.item.number,
            name: i.item.name.get(l).to_owned(),
            about: i.item.about.get(l).to_owned(),
            score: i.score,
            source: source_text(ctx, i),
            figure: i.figure.as_ref().map(|f| figure_text(ctx, p, unit, f)),
            note: i
                .rating
                .as_ref()
                .map(|r| r.note.clone())
                .filter(|n| !n.is_empty() && i.source == Source::Rated),
            unverified: i.item.derived.is_some() && !i.item.anchors_verified,
        };
        match sections.last_mut() {
            Some(s) if s.key == i.item.section => s.rows.push(row),
            _ => sections.push(Section {
                key: i.item.section.clone(),
                title: scale
                    .sections
                    .get(&i.item.section)
                    .map(|t| t.get(l).to_owned())
                    .unwrap_or_default(),
                rows: vec![row],
            }),
        }
    }
    let from = p.filter.from.to_string();
    let to = p.filter.to.to_string();
    let coach = p
        .coach
        .as_ref()
        .map(|(id, _)| id.to_string())
        .unwrap_or_default();
    let heading = match &p.coach {
        Some((_, name)) => ctx.ts2(
            "ips-heading-coach",
            "project",
            &p.project.name,
            "coach",
            name,
        ),
        None => ctx.ts("ips-heading", "project", &p.project.name),
    };
    let mut coaches = vec![opt("", ctx.t("ips-whole-project"), &coach)];
    coaches.extend(
        p.coaches
            .iter()
            .map(|(id, name)| opt(id.to_string(), name.clone(), &coach)),
    );
    let base = format!("/projects/{}/fidelity", p.project.id);
    let coach_links = p
        .coaches
        .iter()
        .map(|(id, name)| {
            (
                format!("{base}?{}", query_of(&from, &to, &id.to_string())),
                name.clone(),
            )
        })
        .collect();
    let total = tr(
        ctx,
        "ips-total",
        &[
            ("total", Arg::Num(f64::from(p.total))),
            ("scored", Arg::Num(p.scored as f64)),
            ("items", Arg::Num(scale.items.len() as f64)),
        ],
    );
    let band = p.band.map(|b| b.name.get(l).to_owned());
    let bands = scale
        .bands
        .iter()
        .map(|b| BandRow {
            name: b.name.get(l).to_owned(),
            range: format!("{}–{}", b.min, b.max),
            current: p.band.is_some_and(|c| c.key == b.key),
        })
        .collect();
    let items = scale
        .items
        .iter()
        .map(|i| {
            opt(
                i.number.to_string(),
                format!("{}. {}", i.number, i.name.get(l)),
                &form.item,
            )
        })
        .collect();
    let mut scores = vec![opt("", ctx.t("ips-choose-score"), &form.score)];
    scores.extend((1..=5).map(|s: u8| opt(s.to_string(), s.to_string(), &form.score)));
    let period = format!(
        "{}–{}",
        format::date(ctx.locale, p.filter.from),
        format::date(ctx.locale, p.filter.to)
    );
    render_status(
        status,
        &Page {
            heading,
            action: base,
            project_href: "/reports".into(),
            period,
            from,
            to,
            coach,
            coaches,
            coach_links,
            sections,
            total,
            band,
            bands,
            source: format!(
                "{} ({}). {}. {}.",
                scale.scale.name, scale.scale.edition, scale.scale.authors, scale.scale.publisher
            ),
            licence: scale.scale.licence.clone(),
            items,
            scores,
            seen: seen_of(p),
            form,
            errors,
            ctx,
        },
    )
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> WebResult<Response> {
    let project = parse_project(&id)?;
    let coach = coach_of(&q.coach)?;
    let mut errors = FieldErrors::new();
    let (filter, status) = match filter_of(project, &q.from, &q.to, &mut errors) {
        Some(f) => (f, StatusCode::OK),
        None => {
            let today = format::today();
            (
                ReportFilter::new(today - Duration::days(89), today)
                    .map_err(|e| WebError::Internal(e.to_string()))?
                    .with_project(project),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    };
    let p = state
        .service
        .fidelity_profile(&session.actor, &filter, coach)
        .await?;
    page(&ctx, &p, RateForm::default(), errors, status)
}

fn seen_version(seen: &str, item: u8) -> i64 {
    let map: BTreeMap<u8, i64> = seen
        .split(',')
        .filter_map(|kv| kv.split_once(':'))
        .filter_map(|(k, v)| Some((k.trim().parse().ok()?, v.trim().parse().ok()?)))
        .collect();
    map.get(&item).copied().unwrap_or(0)
}

pub async fn rate(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<RateForm>,
) -> WebResult<Response> {
    let project = parse_project(&id)?;
    let coach = coach_of(&form.coach)?;
    let mut ignored = FieldErrors::new();
    let filter = match filter_of(project, &form.from, &form.to, &mut ignored) {
        Some(f) => f,
        None => filter_of(project, "", "", &mut ignored)
            .ok_or_else(|| WebError::Internal("default period".into()))?,
    };
    // Authorisation first: anyone but the project's managers and admins gets 404 here.
    let p = state
        .service
        .fidelity_profile(&session.actor, &filter, coach)
        .await?;
    let mut errors = FieldErrors::new();
    let item = form
        .item
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|n| FidelityScale::get().item(*n).is_some());
    if item.is_none() {
        errors.add("item", "ips-error-item");
    }
    let score = form
        .score
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|s| (1..=5).contains(s));
    if score.is_none() {
        errors.add("score", "ips-error-score");
    }
    if let (Some(item), Some(score), true) = (item, score, errors.is_empty()) {
        let expected = seen_version(&form.seen, item);
        match state
            .service
            .rate_fidelity_item(&session.actor, project, item, score, &form.note, expected)
            .await
        {
            Ok(_) => {
                let to = format!(
                    "/projects/{project}/fidelity?{}",
                    query_of(&form.from, &form.to, &form.coach)
                );
                return Ok(see_other_saved(&to, Notice::Saved));
            }
            Err(ServiceError::Invalid(DomainError::Rule { field, rule })) => {
                errors.add(field, &format!("rule-{}", rule.replace('_', "-")));
            }
            Err(ServiceError::Conflict { .. }) => {
                errors.add("item", "ips-error-conflict");
                return page(&ctx, &p, form, errors, StatusCode::CONFLICT);
            }
            Err(e) => return Err(e.into()),
        }
    }
    page(&ctx, &p, form, errors, StatusCode::UNPROCESSABLE_ENTITY)
}
