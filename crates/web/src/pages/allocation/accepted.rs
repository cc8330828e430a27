//! After accepting: the proposals prepared for the participants' coaches to confirm, each with
//! its link, and for whom none could be prepared and why. The accept handler redirects here with
//! the outcome in the query (`ok=<placement id>~<pseudonym number>`, `no=<number>~<rule code>`):
//! the placements are read again through the service, and a code names a catalogue text only
//! when the catalogue has it, so nothing from the URL is shown as it is.

use super::form::project_of;
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::render;
use crate::middleware::session::Session;
use crate::pages::form::Fields;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use polku_domain::PlacementId;

/// A proposal prepared.
pub struct Prepared {
    pub who: String,
    pub employer: String,
    pub opening: String,
    pub href: String,
}

/// A person for whom no proposal could be prepared.
pub struct Refused {
    pub who: String,
    pub why: String,
}

#[derive(Template)]
#[template(path = "allocation/accepted.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    project: String,
    prepared: Vec<Prepared>,
    refused: Vec<Refused>,
}

fn who(ctx: &Ctx, number: &str) -> Option<String> {
    let n: i64 = number.parse().ok().filter(|n| *n > 0)?;
    Some(ctx.tn("alloc-participant-n", "n", n))
}

/// The catalogue text of a rule code, or the general refusal.
fn why(ctx: &Ctx, code: &str) -> String {
    let key = format!("rule-{}", code.replace('_', "-"));
    let known =
        code.chars().all(|c| c.is_ascii_lowercase() || c == '_') && ctx.i18n.has(ctx.locale, &key);
    ctx.t(if known { &key } else { "alloc-proposal-failed" })
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Query(f): Query<Fields>,
) -> WebResult<Response> {
    let (_, project) = project_of(&state, &session, &f).await?;
    let mut prepared = Vec::new();
    for item in f.all("ok") {
        let Some((id, number)) = item.split_once('~') else {
            continue;
        };
        let (Ok(id), Some(who)) = (PlacementId::parse(id), who(&ctx, number)) else {
            continue;
        };
        let Ok(v) = state.service.placement(&session.actor, id).await else {
            continue; // not the viewer's to see (any more)
        };
        prepared.push(Prepared {
            who,
            employer: v.employer_name,
            opening: v.opening_title.unwrap_or_default(),
            href: format!("/api/v1/placements/{id}"),
        });
    }
    let refused = f
        .all("no")
        .iter()
        .filter_map(|item| {
            let (number, code) = item.split_once('~')?;
            Some(Refused {
                who: who(&ctx, number)?,
                why: why(&ctx, code),
            })
        })
        .collect();
    render(&Page {
        ctx: &ctx,
        project: project.map(|p| p.to_string()).unwrap_or_default(),
        prepared,
        refused,
    })
}
