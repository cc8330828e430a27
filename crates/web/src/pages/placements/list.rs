//! The participant's "placements" tab: their proposals and placements (state, employer, kind,
//! dates), the prepared ones waiting for the coach first, and the way to a new proposal.

use super::common::Row;
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::render;
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::participants::common::{load, Head, Shown};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

#[derive(Template)]
#[template(path = "placements/tab.html")]
struct TabPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    rows: Vec<Row>,
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let mut rows: Vec<Row> = state
        .service
        .participant_placements(&session.actor, view.id)
        .await?
        .iter()
        .map(|v| Row::of(&ctx, v))
        .collect();
    // Waiting for the coach first; otherwise newest first as listed.
    rows.sort_by_key(|r| !r.waiting_for_coach);
    render(&TabPage {
        head: Head::new(&view, "/placements"),
        title_key: "pl-tab",
        errors: FieldErrors::new(),
        conflict: None,
        rows,
        ctx: &ctx,
    })
}
