//! Suggested work: the openings of the project ranked for the participant by the matching
//! engine, each explained in plain words — why it fits, what to check, the accommodations with
//! their cost, the pay-subsidy estimate and the parts of the score.

use super::common::{Head, Shown};
use super::explain::{self, tx, Part};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::render;
use crate::i18n::Arg;
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use polku_matching::api::List;
use polku_matching::output::Ranked;
use polku_service::matching::MatchView;

/// One suggested opening, explained.
pub struct Suggestion {
    pub title: String,
    pub employer: String,
    pub employer_id: String,
    pub opening_id: String,
    pub kind_key: &'static str,
    pub score: String,
    pub hours: String,
    pub tasks: Vec<String>,
    pub why: Vec<String>,
    pub check: Vec<String>,
    pub accommodations: Vec<String>,
    pub accommodation_total: String,
    pub subsidy: String,
    /// Every subsidy rule that may apply, for a paid opening.
    pub estimate: Option<super::subsidy::SubsidyShown>,
    pub parts: Vec<Part>,
}

#[derive(Template)]
#[template(path = "participants/suggestions.html")]
struct SuggestionsPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    suggestions: Vec<Suggestion>,
    failed: bool,
    /// Shown when there are fewer than three suggestions and some openings were left out.
    why_few: Option<explain::WhyFew>,
}

/// Fewer suggestions than this, and the page says why and what would bring more.
const FEW: usize = 3;

fn suggestion(ctx: &Ctx, r: &Ranked, answer: &MatchView) -> Suggestion {
    let tasks = r
        .tasks
        .iter()
        .map(|t| {
            tx(
                ctx,
                "p-task-hours",
                &[
                    ("title", Arg::Str(&t.title)),
                    ("hours", Arg::Num(f64::from(t.hours_per_week))),
                ],
            )
        })
        .collect();
    Suggestion {
        title: r
            .title
            .clone()
            .unwrap_or_else(|| ctx.t("p-untitled-opening")),
        employer: answer.employer_name(r).to_owned(),
        employer_id: r.employer.clone(),
        opening_id: r.opening.clone(),
        kind_key: explain::kind_key(r.kind),
        score: format!("{:.0}", r.score * 100.0),
        hours: ctx.tn("p-hours-per-week", "n", i64::from(r.hours_per_week)),
        tasks,
        why: explain::fits(ctx, &r.fits),
        check: explain::to_check(ctx, &r.to_check),
        accommodations: explain::accommodations(ctx, &r.accommodations, &r.accommodation_subsidies),
        accommodation_total: explain::tx_euros(
            ctx,
            "p-acc-total",
            r.accommodation_cost_eur as f64,
            &[],
        ),
        subsidy: explain::subsidy(ctx, r.subsidy.as_ref()),
        estimate: answer
            .subsidies
            .get(&r.opening)
            .map(|e| super::subsidy::shown(ctx, e)),
        parts: explain::parts(ctx, &r.explanation),
    }
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    // One read, audited as matching, serves both the header and the ranking.
    let view = state
        .service
        .get_participant(&session.actor, super::common::parse_id(&id)?, "matching")
        .await?;
    let today = crate::html::format::today();
    let list = List {
        top: 10,
        include_excluded: false,
    };
    // The engine runs off the async threads; the answer names the employers it was built from.
    let (suggestions, failed, why_few) = match state
        .service
        .match_view(&session.actor, &view, list, today)
        .await
    {
        Ok(answer) => (
            answer
                .matches
                .results
                .iter()
                .map(|r| suggestion(&ctx, r, &answer))
                .collect::<Vec<_>>(),
            false,
            (answer.matches.results.len() < FEW)
                .then(|| explain::why_few(&ctx, &answer.exclusions))
                .flatten(),
        ),
        // The engine refused the stored data; say so instead of an error page.
        Err(polku_service::ServiceError::Invalid(_)) => (Vec::new(), true, None),
        Err(e) => return Err(e.into()),
    };
    render(&SuggestionsPage {
        head: Head::new(&view, "/suggestions"),
        title_key: "p-tab-suggestions",
        errors: FieldErrors::new(),
        conflict: None,
        suggestions,
        failed,
        why_few,
        ctx: &ctx,
    })
}
