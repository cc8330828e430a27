//! The computed allocation: one table per opening with the people placed and their scores,
//! each person's explanation (coordinators only), the people without a place and why, the total
//! beside "first come, first served", and the form that accepts it. Accepting computes the
//! assignment again from the same selection (carried in hidden fields) and refuses it when it is
//! not the one shown (its fingerprint, carried too).

use super::form::{form_page, label, project_of};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::notice::Notice;
use crate::html::{format, render_status, see_other_saved};
use crate::i18n::Arg;
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::pages::labels::dimension_label;
use crate::pages::participants::explain::{self, Part};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{OpeningId, ParticipantId, ProjectId};
use polku_service::allocation::{Acceptance, AllocationView, Detail, NoPlace, Selection};
use polku_service::ServiceError;

/// A placed person as shown.
pub struct PlacedRow {
    pub who: String,
    pub score: String,
    pub bonus: String,
    pub parts: Vec<Part>,
    pub fits: Vec<&'static str>,
    pub to_check: Vec<String>,
    pub explained: bool,
}

/// One opening's table.
pub struct OpeningTable {
    pub employer: String,
    pub title: String,
    /// "2 places".
    pub places: String,
    pub rows: Vec<PlacedRow>,
}

/// A person without a place, and why.
pub struct UnplacedRow {
    pub who: String,
    pub why: String,
}

#[derive(Template)]
#[template(path = "allocation/result.html")]
struct ResultPage<'a> {
    ctx: &'a Ctx,
    project: String,
    per_person: bool,
    tables: Vec<OpeningTable>,
    unplaced: Vec<UnplacedRow>,
    placed: usize,
    chosen: usize,
    total: String,
    greedy_total: String,
    /// "First come, first served" in one sentence, with what fairness bought.
    comparison: String,
    average: Vec<(String, String)>,
    openings: Vec<String>,
    participants: Vec<String>,
    fingerprint: String,
    changed: bool,
    may_accept: bool,
}

fn fit_key(code: &str) -> &'static str {
    match code {
        "hours" => "emp-fit-hours",
        "days" => "emp-fit-days",
        "municipality" => "emp-fit-municipality",
        "language" => "emp-fit-language",
        "functioning" => "emp-fit-functioning",
        _ => "emp-fit-accommodated",
    }
}

fn limit_key(code: &str) -> &'static str {
    match code {
        "functioning" => "alloc-limit-functioning",
        "language" => "alloc-limit-language",
        "hours" => "alloc-limit-hours",
        "days" => "alloc-limit-days",
        "schedule" => "alloc-limit-schedule",
        _ => "alloc-limit-municipality",
    }
}

/// The selection a form or query names; unreadable ids are field errors.
fn selection(f: &Fields, errors: &mut FieldErrors) -> Selection {
    let openings: Vec<OpeningId> = f
        .all("opening")
        .iter()
        .filter_map(|s| {
            OpeningId::parse(s)
                .map_err(|_| errors.add("openings", "alloc-error-openings"))
                .ok()
        })
        .collect();
    let participants: Vec<ParticipantId> = f
        .all("participant")
        .iter()
        .filter_map(|s| {
            ParticipantId::parse(s)
                .map_err(|_| errors.add("participants", "alloc-error-participants"))
                .ok()
        })
        .collect();
    if openings.is_empty() {
        errors.add("openings", "alloc-error-no-openings");
    }
    if participants.is_empty() {
        errors.add("participants", "alloc-error-no-participants");
    }
    Selection {
        openings,
        participants,
    }
}

/// The field error for a selection the service refused.
fn refused(e: &ServiceError) -> Option<(&'static str, &'static str)> {
    match e {
        ServiceError::Invalid(polku_domain::DomainError::Invalid { field, .. }) => {
            Some(match *field {
                "openings" => ("openings", "alloc-error-openings"),
                "participants" => ("participants", "alloc-error-participants"),
                _ => ("openings", "alloc-error-engine"),
            })
        }
        _ => None,
    }
}

fn page<'a>(
    ctx: &'a Ctx,
    project: ProjectId,
    sel: &Selection,
    v: &AllocationView,
    changed: bool,
) -> ResultPage<'a> {
    let score = |x: f64| format::decimal(ctx.locale, x, 2);
    let per_person = v.detail == Detail::PerPerson;
    let tables = v
        .openings
        .iter()
        .map(|o| OpeningTable {
            employer: o.opening.employer.clone(),
            title: o.opening.title.clone(),
            places: ctx.tn("alloc-places", "n", i64::from(o.opening.capacity)),
            rows: o
                .placed
                .iter()
                .map(|p| {
                    let e = p.explanation.as_ref();
                    PlacedRow {
                        who: label(ctx, &p.label),
                        score: score(p.score),
                        bonus: score(p.fairness_bonus),
                        parts: e.map(|e| explain::parts(ctx, &e.parts)).unwrap_or_default(),
                        fits: e
                            .map(|e| e.fits.iter().map(|c| fit_key(c)).collect())
                            .unwrap_or_default(),
                        to_check: e
                            .map(|e| {
                                e.to_check
                                    .iter()
                                    .map(|d| dimension_label(*d, ctx.locale))
                                    .collect()
                            })
                            .unwrap_or_default(),
                        explained: e.is_some(),
                    }
                })
                .collect(),
        })
        .collect();
    let unplaced = v
        .people
        .iter()
        .filter_map(|p| {
            let why = match p.no_place.as_ref()? {
                NoPlace::NoFit { limits } if limits.is_empty() => ctx.t("alloc-why-no-fit"),
                NoPlace::NoFit { limits } => {
                    let list: Vec<String> = limits.iter().map(|l| ctx.t(limit_key(l))).collect();
                    ctx.ts("alloc-why-no-fit-limits", "limits", &list.join(", "))
                }
                NoPlace::PlacesTaken { feasible } => {
                    ctx.tn("alloc-why-places-taken", "n", *feasible as i64)
                }
            };
            Some(UnplacedRow {
                who: label(ctx, &p.label),
                why,
            })
        })
        .collect();
    let average = v
        .average_parts
        .map(|a| {
            [
                ("p-part-essential-skills", a.essential_skills),
                ("p-part-optional-skills", a.optional_skills),
                ("p-part-learnable-gaps", a.learnable_gaps),
                ("p-part-language-margin", a.language_margin),
                ("p-part-functioning-margin", a.functioning_margin),
                ("p-part-accommodation-cost", a.accommodation_cost),
                ("p-part-goal-fit", a.goal_fit),
                ("p-part-employer-readiness", a.employer_readiness),
            ]
            .into_iter()
            .map(|(k, x)| (ctx.t(k), format::decimal(ctx.locale, x * 100.0, 0)))
            .collect()
        })
        .unwrap_or_default();
    ResultPage {
        ctx,
        project: project.to_string(),
        per_person,
        tables,
        unplaced,
        placed: v.placed,
        chosen: v.people.len(),
        total: score(v.total),
        greedy_total: score(v.greedy.total),
        comparison: explain::tx(
            ctx,
            "alloc-comparison",
            &[
                ("greedy", Arg::Str(&score(v.greedy.total))),
                ("greedyplaced", Arg::Num(v.greedy.placed as f64)),
                ("placed", Arg::Num(v.placed as f64)),
                (
                    "gain",
                    Arg::Str(&score((v.total_micro - v.greedy.total_micro) as f64 / 1e6)),
                ),
                ("differs", Arg::Num(v.greedy.differs as f64)),
            ],
        ),
        average,
        openings: sel.openings.iter().map(ToString::to_string).collect(),
        participants: sel.participants.iter().map(ToString::to_string).collect(),
        fingerprint: v.fingerprint.clone(),
        changed,
        may_accept: v.may_accept,
    }
}

/// The project and selection of a request, or the form again with the errors (422).
async fn parse(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    f: &Fields,
) -> WebResult<Result<(ProjectId, Selection), Response>> {
    let (_, project) = project_of(state, session, f).await?;
    let project = project.ok_or(WebError::NotFound)?;
    let mut errors = FieldErrors::new();
    let sel = selection(f, &mut errors);
    if errors.is_empty() {
        return Ok(Ok((project, sel)));
    }
    let page = form_page(
        state,
        session,
        ctx,
        f,
        Some(&sel),
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await?;
    Ok(Err(page))
}

/// The form again with the service's refusal next to the field.
async fn refused_page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    f: &Fields,
    sel: &Selection,
    e: ServiceError,
) -> WebResult<Response> {
    let Some((field, key)) = refused(&e) else {
        return Err(e.into());
    };
    let mut errors = FieldErrors::new();
    errors.add(field, key);
    form_page(
        state,
        session,
        ctx,
        f,
        Some(sel),
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Query(f): Query<Fields>,
) -> WebResult<Response> {
    let (project, sel) = match parse(&state, &session, &ctx, &f).await? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    match state
        .service
        .allocation(&session.actor, project, &sel, format::today())
        .await
    {
        Ok(v) => render_status(StatusCode::OK, &page(&ctx, project, &sel, &v, false)),
        Err(e) => refused_page(&state, &session, &ctx, &f, &sel, e).await,
    }
}

pub async fn accept(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Form(f): Form<Fields>,
) -> WebResult<Response> {
    let (project, sel) = match parse(&state, &session, &ctx, &f).await? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    let shown = f.get("fingerprint");
    match state
        .service
        .accept_allocation(&session.actor, project, &sel, &shown, format::today())
        .await
    {
        Ok(Acceptance::Recorded { proposals }) => {
            let mut to = format!("/allocation/accepted?project={project}");
            for p in &proposals {
                match &p.result {
                    Ok(id) => to.push_str(&format!("&ok={id}~{}", p.label.number)),
                    Err(code) => to.push_str(&format!("&no={}~{code}", p.label.number)),
                }
            }
            Ok(see_other_saved(&to, Notice::Allocation))
        }
        Ok(Acceptance::Changed(v)) => {
            render_status(StatusCode::CONFLICT, &page(&ctx, project, &sel, &v, true))
        }
        Err(e) => refused_page(&state, &session, &ctx, &f, &sel, e).await,
    }
}
