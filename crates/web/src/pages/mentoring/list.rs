//! "Työkokeilijani": the workplace mentor's agreed and active placements, each with only what
//! the participant shares with mentors now.

use super::common::{hours, period, state_key};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::render;
use crate::middleware::session::Session;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use polku_service::mentoring::Trialist;

/// One trialist as the list shows them.
#[derive(Debug)]
pub struct Card {
    pub href: String,
    pub heading: String,
    pub employer: String,
    pub period: String,
    pub state_key: &'static str,
    /// The contact details shared with mentors, if any.
    pub contact: Option<String>,
    pub hours: String,
}

/// The cards of the signed-in mentor's trialists (also for the home page).
pub fn cards(ctx: &Ctx, list: Vec<Trialist>) -> Vec<Card> {
    list.into_iter()
        .enumerate()
        .map(|(n, t)| {
            let p = &t.view.placement;
            let (heading, contact) = match &t.participant {
                Some(s) => (
                    match (&s.given_name, &s.family_name) {
                        (Some(g), Some(f)) => format!("{g} {f}"),
                        _ => ctx.ts("mentor-trialist-n", "n", &(n + 1).to_string()),
                    },
                    {
                        let parts: Vec<String> = [
                            s.email.as_ref().map(|e| e.as_str().to_owned()),
                            s.phone.clone(),
                        ]
                        .into_iter()
                        .flatten()
                        .collect();
                        (!parts.is_empty()).then(|| parts.join(", "))
                    },
                ),
                None => (ctx.ts("mentor-trialist-n", "n", &(n + 1).to_string()), None),
            };
            Card {
                href: format!("/mentoring/{}", p.id),
                heading,
                employer: t.view.employer_name.clone(),
                period: period(ctx.locale, p.starts_on, p.ended_on.or(p.ends_on)),
                state_key: state_key(p.state),
                contact,
                hours: hours(ctx.locale, t.minutes_total),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "mentoring/list.html")]
struct ListPage<'a> {
    ctx: &'a Ctx,
    cards: Vec<Card>,
}

pub async fn index(
    ctx: Ctx,
    session: Session,
    State(state): State<crate::state::AppState>,
) -> WebResult<Response> {
    let list = state.service.my_trialists(&session.actor).await?;
    let cards = cards(&ctx, list);
    render(&ListPage { ctx: &ctx, cards })
}
