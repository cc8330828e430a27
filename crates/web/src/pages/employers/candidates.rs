//! Ranked candidates for one opening, pseudonymous: "Candidate 3 · score 0.72", what fits and
//! what to check in plain words, never names or functioning levels — unless an active share to
//! the viewer allows the shared fields.

use super::common::{employer_id, tabs, Tab};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{format, render};
use crate::middleware::session::Session;
use crate::pages::labels::dimension_label;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use polku_domain::{Dimension, OpeningId};

/// How many candidates are shown.
const TOP: usize = 20;

/// One candidate as shown.
pub struct Row {
    pub rank: usize,
    pub score: String,
    /// Label keys of what fits.
    pub fits: Vec<&'static str>,
    /// Dimension labels (task demands) to check with the coach.
    pub to_check: Vec<String>,
    /// The name, when a share to the viewer includes contact details.
    pub shared_name: Option<String>,
    /// A coordinator's "prepare a proposal" for this candidate (for the coach to confirm).
    pub prepare_href: Option<String>,
}

#[derive(Template)]
#[template(path = "employers/candidates.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    name: String,
    tabs: Vec<Tab>,
    opening: String,
    rows: Vec<Row>,
    may_prepare: bool,
}

fn fit_key(code: &str) -> Option<&'static str> {
    Some(match code {
        "hours" => "emp-fit-hours",
        "days" => "emp-fit-days",
        "municipality" => "emp-fit-municipality",
        "language" => "emp-fit-language",
        "functioning" => "emp-fit-functioning",
        "accommodated" => "emp-fit-accommodated",
        _ => return None,
    })
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path((id, opening)): Path<(String, String)>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    let opening = OpeningId::parse(&opening).map_err(|_| WebError::NotFound)?;
    let e = state.service.employer(&session.actor, id).await?;
    let o = state.service.opening(&session.actor, id, opening).await?;
    let today = format::today();
    let may_prepare = state.service.may_edit_employer(&session.actor, &e);
    let candidates = state
        .service
        .opening_candidates(&session.actor, id, opening, TOP, today)
        .await?;
    let rows = candidates
        .into_iter()
        .map(|c| {
            let mut fits: Vec<&'static str> = c.fits.iter().filter_map(|f| fit_key(f)).collect();
            fits.dedup();
            Row {
                prepare_href: may_prepare.then(|| {
                    format!(
                        "/employers/{id}/openings/{opening}/candidates/{}/prepare",
                        c.participant
                    )
                }),
                rank: c.rank,
                score: format::decimal(ctx.locale, c.score, 2),
                fits,
                to_check: c
                    .to_check
                    .iter()
                    .filter_map(|d| Dimension::parse(d).ok())
                    .map(|d| dimension_label(d, ctx.locale))
                    .collect(),
                shared_name: c.shared.and_then(|s| match (s.given_name, s.family_name) {
                    (Some(g), Some(f)) => Some(format!("{g} {f}")),
                    _ => None,
                }),
            }
        })
        .collect();
    render(&Page {
        ctx: &ctx,
        name: e.name,
        tabs: tabs(id, "openings"),
        opening: o.title,
        rows,
        may_prepare,
    })
}
