//! "Lähetteet": a coach's or manager's incoming school referrals of their projects with the
//! waiting time in days, and an institution user's own referrals with their status.

use super::common::{institution_projects, Row};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::render;
use crate::middleware::session::Session;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;

#[derive(Template)]
#[template(path = "referrals/list.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    rows: Vec<Row>,
    /// The user refers students (an institution user).
    may_refer: bool,
    /// The user records incoming referrals of new people (a coach).
    may_intake: bool,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
) -> WebResult<Response> {
    let rows = state
        .service
        .referral_inbox(&session.actor)
        .await?
        .iter()
        .map(|v| Row::of(v, ctx.locale))
        .collect();
    render(&Page {
        ctx: &ctx,
        rows,
        may_refer: !institution_projects(&session.actor).is_empty(),
        may_intake: matches!(&session.actor, polku_service::Actor::User { grants, .. }
            if grants.iter().any(|g| g.role == polku_domain::Role::Coach)),
    })
}
