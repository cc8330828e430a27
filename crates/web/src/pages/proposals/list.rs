//! The employer user's list of proposals and placements, waiting ones first.

use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::format;
use crate::html::render;
use crate::middleware::session::Session;
use crate::pages::participants::explain::kind_key;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use polku_domain::PlacementState;
use polku_service::placements::PlacementView;
use time::OffsetDateTime;

/// One line of the list.
#[derive(Debug)]
pub struct Line {
    pub href: String,
    pub title: String,
    pub state: String,
    pub detail: String,
}

/// The lists of an employer user: waiting for their answer, and the rest.
#[derive(Debug, Default)]
pub struct Lists {
    pub waiting: Vec<Line>,
    pub others: Vec<Line>,
}

/// The catalogue key of a placement state.
pub fn state_key(s: PlacementState) -> String {
    format!("proposal-state-{}", s.as_str())
}

fn title(ctx: &Ctx, v: &PlacementView) -> String {
    let kind = ctx.t(kind_key(v.placement.kind));
    let who = v
        .participant_name
        .clone()
        .unwrap_or_else(|| ctx.t("proposal-person"));
    format!("{kind}: {who} – {}", v.employer_name)
}

/// Splits the employer user's placements into those waiting for an answer (longest waiting
/// first, with how long) and the others (newest first).
pub fn lists(ctx: &Ctx, mut all: Vec<PlacementView>) -> Lists {
    let now = OffsetDateTime::now_utc();
    all.sort_by_key(|v| v.placement.proposed_at.unwrap_or(v.placement.created_at));
    let mut out = Lists::default();
    for v in all {
        let p = &v.placement;
        let href = format!("/proposals/{}", p.id);
        if p.state == PlacementState::Proposed {
            let days = (now - p.proposed_at.unwrap_or(p.created_at)).whole_days();
            out.waiting.push(Line {
                href,
                title: title(ctx, &v),
                state: ctx.t(&state_key(p.state)),
                detail: ctx.tn("proposal-waited-days", "n", days),
            });
        } else {
            out.others.push(Line {
                href,
                title: title(ctx, &v),
                state: ctx.t(&state_key(p.state)),
                detail: ctx.ts(
                    "proposal-starts",
                    "date",
                    &format::date(ctx.locale, p.starts_on),
                ),
            });
        }
    }
    out.others.reverse();
    out
}

#[derive(Template)]
#[template(path = "proposals/index.html")]
struct Index<'a> {
    ctx: &'a Ctx,
    lists: Lists,
}

pub async fn index(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
) -> WebResult<Response> {
    let all = state.service.my_employer_placements(&session.actor).await?;
    render(&Index {
        lists: lists(&ctx, all),
        ctx: &ctx,
    })
}
