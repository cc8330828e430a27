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
use serde_json::Value;
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// One suggested opening, explained.
pub struct Suggestion {
    pub title: String,
    pub employer: String,
    pub employer_id: String,
    pub kind_key: &'static str,
    pub score: String,
    pub hours: String,
    pub tasks: Vec<String>,
    pub why: Vec<String>,
    pub check: Vec<String>,
    pub accommodations: Vec<String>,
    pub accommodation_total: String,
    pub subsidy: String,
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
}

fn suggestion(ctx: &Ctx, r: &Value, employers: &BTreeMap<String, String>) -> Suggestion {
    let s = |f: &str| r.get(f).and_then(Value::as_str).unwrap_or("").to_owned();
    let employer_id = s("employer");
    let tasks = r["tasks"]
        .as_array()
        .map(|ts| {
            ts.iter()
                .map(|t| {
                    tx(
                        ctx,
                        "p-task-hours",
                        &[
                            ("title", Arg::Str(t["title"].as_str().unwrap_or(""))),
                            (
                                "hours",
                                Arg::Num(t["hours_per_week"].as_f64().unwrap_or(0.0)),
                            ),
                        ],
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Suggestion {
        title: r
            .get("title")
            .and_then(Value::as_str)
            .map_or_else(|| ctx.t("p-untitled-opening"), str::to_owned),
        employer: employers
            .get(&employer_id)
            .cloned()
            .unwrap_or_else(|| employer_id.clone()),
        employer_id,
        kind_key: explain::kind_key(r["kind"].as_str().unwrap_or("")),
        score: format!("{:.0}", r["score"].as_f64().unwrap_or(0.0) * 100.0),
        hours: ctx.tn(
            "p-hours-per-week",
            "n",
            r["hours_per_week"].as_i64().unwrap_or(0),
        ),
        tasks,
        why: explain::fits(ctx, &r["fits"]),
        check: explain::to_check(ctx, &r["to_check"]),
        accommodations: explain::accommodations(
            ctx,
            &r["accommodations"],
            &r["accommodation_subsidies"],
        ),
        accommodation_total: tx(
            ctx,
            "p-acc-total",
            &[(
                "eur",
                Arg::Num(explain::euros(
                    r["accommodation_cost_eur"].as_f64().unwrap_or(0.0),
                )),
            )],
        ),
        subsidy: explain::subsidy(ctx, &r["subsidy"]),
        parts: explain::parts(ctx, &r["explanation"]),
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
    let today = OffsetDateTime::now_utc().date();
    let (answer, failed) = match state
        .service
        .match_view(&session.actor, &view, 10, false, today)
        .await
    {
        Ok(a) => (a, false),
        // The engine refused the stored data; say so instead of an error page.
        Err(polku_service::ServiceError::Invalid(_)) => (Value::Null, true),
        Err(e) => return Err(e.into()),
    };
    let employers: BTreeMap<String, String> = state
        .service
        .employers(&session.actor, view.project_id)
        .await?
        .into_iter()
        .map(|e| (e.id.to_string(), e.name))
        .collect();
    let suggestions = answer["results"]
        .as_array()
        .map(|rs| {
            rs.iter()
                .filter(|r| r.get("opening").is_some() && r.get("score").is_some())
                .map(|r| suggestion(&ctx, r, &employers))
                .collect()
        })
        .unwrap_or_default();
    render(&SuggestionsPage {
        head: Head::new(&view, "/suggestions"),
        title_key: "p-tab-suggestions",
        errors: FieldErrors::new(),
        conflict: None,
        suggestions,
        failed,
        ctx: &ctx,
    })
}
