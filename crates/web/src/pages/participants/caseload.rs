//! The coach's caseload: who is on it, where each person is on the path, when the next meeting
//! is, and who has waited longest (first in the list, flagged when nothing is booked).

use super::common::{coach_projects, fmt_date, fmt_datetime, stage_key, PURPOSE};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::render;
use crate::middleware::session::Session;
use crate::pages::placements::common::state_key;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use polku_domain::{ParticipantId, PathStage};
use std::collections::HashMap;
use time::OffsetDateTime;

/// One row of the caseload table.
pub struct Row {
    pub id: String,
    pub name: String,
    pub stage_key: &'static str,
    pub waiting_since: String,
    pub waiting_days: i64,
    pub next_meeting: Option<String>,
    pub attention: bool,
    /// The current placement: state key and employer.
    pub placement: Option<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "participants/caseload.html")]
struct CaseloadPage<'a> {
    ctx: &'a Ctx,
    rows: Vec<Row>,
    count: i64,
    attention: i64,
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
) -> WebResult<Response> {
    let now = OffsetDateTime::now_utc();
    let mut lines = Vec::new();
    // The open placement of each participant: one listing per project, not one per row.
    let mut current: HashMap<ParticipantId, (&'static str, String)> = HashMap::new();
    for project in coach_projects(&session) {
        lines.extend(
            state
                .service
                .caseload_overview(&session.actor, project, now, PURPOSE)
                .await?,
        );
        let placements = state
            .service
            .caseload_placements(&session.actor, project)
            .await?;
        if placements.is_empty() {
            continue;
        }
        let employers = state.service.employers(&session.actor, project).await?;
        // Newest first: the first one seen per participant is the current one.
        for p in placements {
            let employer = employers
                .iter()
                .find(|e| e.id == p.employer_id)
                .map_or_else(String::new, |e| e.name.clone());
            current
                .entry(p.participant_id)
                .or_insert((state_key(p.state), employer));
        }
    }
    lines.sort_by_key(|l| (l.exited(), std::cmp::Reverse(l.waiting_days)));
    let rows: Vec<Row> = lines
        .iter()
        .map(|l| Row {
            id: l.summary.id.to_string(),
            name: format!("{} {}", l.summary.given_name, l.summary.family_name),
            stage_key: PathStage::parse(&l.summary.stage)
                .map(stage_key)
                .unwrap_or("p-stage-enrolled"),
            waiting_since: fmt_date(ctx.locale, l.summary.waiting_since),
            waiting_days: l.waiting_days,
            next_meeting: l.next_meeting.map(|at| fmt_datetime(ctx.locale, at)),
            attention: l.needs_attention(),
            placement: current.get(&l.summary.id).cloned(),
        })
        .collect();
    let attention = rows.iter().filter(|r| r.attention).count() as i64;
    render(&CaseloadPage {
        ctx: &ctx,
        count: rows.len() as i64,
        rows,
        attention,
    })
}
