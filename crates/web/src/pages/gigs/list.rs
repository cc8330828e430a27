//! "Keikkatyöt": the open gigs of the projects where the user coaches or coordinates, and the
//! gigs of the employers an employer user represents.

use super::common::GigRow;
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{format, render};
use crate::middleware::session::Session;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;

#[derive(Template)]
#[template(path = "gigs/list.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    rows: Vec<GigRow>,
    may_post: bool,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
) -> WebResult<Response> {
    let views = state
        .service
        .gigs_for(&session.actor, format::today())
        .await?;
    let rows = views.iter().map(|v| GigRow::of(v, ctx.locale)).collect();
    let may_post = !state
        .service
        .gig_employers(&session.actor)
        .await?
        .is_empty();
    render(&Page {
        ctx: &ctx,
        rows,
        may_post,
    })
}
