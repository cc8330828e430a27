//! `GET /shared/{id}/qualifications`: the competence shown by a participant shared with the
//! referring institution, per placement and qualification unit, with the HOKS pointer.

use super::common::{lang, shown_key};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{format, render};
use crate::middleware::session::Session;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use polku_domain::ParticipantId;

/// One requirement item shown.
pub struct Line {
    pub unit: String,
    pub requirement: String,
    pub when: String,
    pub assessment_key: &'static str,
    pub note: String,
}

/// One placement with evidence.
pub struct Period {
    pub heading: String,
    pub lines: Vec<Line>,
}

#[derive(Template)]
#[template(path = "qualifications/shared.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    periods: Vec<Period>,
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = ParticipantId::parse(&id).map_err(|_| WebError::NotFound)?;
    let list = state
        .service
        .shared_qualification_evidence(&session.actor, id)
        .await?;
    let l = lang(&ctx);
    let periods = list
        .into_iter()
        .map(|(p, lines)| {
            let from = format::date(ctx.locale, p.starts_on);
            let heading = match p.ended_on.or(p.ends_on) {
                Some(to) => ctx.ts2(
                    "qshared-period",
                    "from",
                    &from,
                    "to",
                    &format::date(ctx.locale, to),
                ),
                None => ctx.ts("qshared-period-open", "from", &from),
            };
            Period {
                heading,
                lines: lines
                    .into_iter()
                    .map(|x| Line {
                        unit: x.unit.as_ref().map_or_else(
                            || x.requirement.unit.to_string(),
                            |u| format!("{} ({})", u.name.get(l), u.code),
                        ),
                        requirement: x.requirement.text.get(l).to_owned(),
                        when: format::date(ctx.locale, x.evidence.shown_on),
                        assessment_key: shown_key(x.evidence.assessment),
                        note: x.evidence.note,
                    })
                    .collect(),
            }
        })
        .collect();
    render(&Page { ctx: &ctx, periods })
}
