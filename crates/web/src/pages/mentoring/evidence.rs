//! The coach's mentoring page of a participant: mentoring hours per month of each placement,
//! and the evidence the workplace mentors' feedback offers, with its source, to accept (the
//! skills or the functioning profile change) or reject. Nothing changes without the decision.

use super::common::{evidence_rows as rows, hours, period, EvidenceRow, MonthRow};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{render, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::participants::common::parse_id;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use polku_domain::EvidenceId;
use polku_service::ServiceError;
use serde::Deserialize;

pub struct PlacementHours {
    pub href: String,
    pub title: String,
    pub months: Vec<MonthRow>,
}

#[derive(Template)]
#[template(path = "mentoring/evidence.html")]
struct EvidencePage<'a> {
    ctx: &'a Ctx,
    participant_href: String,
    evidence_participant: String,
    evidence_back: String,
    evidence: Vec<EvidenceRow>,
    placements: Vec<PlacementHours>,
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = parse_id(&id)?;
    let evidence = rows(&state, &session, &ctx, id, None).await?;
    let placements = state
        .service
        .mentoring_hours(&session.actor, id)
        .await?
        .into_iter()
        .map(|(v, months)| PlacementHours {
            href: format!("/mentoring/{}", v.placement.id),
            title: format!(
                "{}, {}",
                v.employer_name,
                period(
                    ctx.locale,
                    v.placement.starts_on,
                    v.placement.ended_on.or(v.placement.ends_on)
                )
            ),
            months: months
                .iter()
                .map(|m| MonthRow {
                    month: format!("{}/{}", m.month, m.year),
                    hours: hours(ctx.locale, m.minutes),
                    checkins: i64::from(m.checkins),
                })
                .collect(),
        })
        .collect();
    render(&EvidencePage {
        ctx: &ctx,
        participant_href: format!("/participants/{id}"),
        evidence_participant: id.to_string(),
        evidence_back: format!("/participants/{id}/mentoring"),
        evidence,
        placements,
    })
}

#[derive(Debug, Deserialize)]
pub struct Decision {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    version: String,
    /// Where to return (the placement's page or the participant's mentoring page).
    #[serde(default)]
    back: String,
}

pub async fn decide(
    session: Session,
    State(state): State<AppState>,
    Path((id, evidence)): Path<(String, String)>,
    Form(form): Form<Decision>,
) -> WebResult<Response> {
    let id = parse_id(&id)?;
    let eid = EvidenceId::parse(&evidence).map_err(|_| WebError::NotFound)?;
    // Not the own coach: 404 whatever the form holds.
    state
        .service
        .require_editable_participant(&session.actor, id)
        .await?;
    let back = crate::html::local_path(&form.back)
        .map_or_else(|| format!("/participants/{id}/mentoring"), str::to_owned);
    // Without a decision (or the version read) nothing happens: back to the list.
    let accept = match form.decision.as_str() {
        "accept" => true,
        "reject" => false,
        _ => return Ok(crate::html::see_other(&back)),
    };
    let Ok(expected) = form.version.trim().parse::<i64>() else {
        return Ok(crate::html::see_other(&back));
    };
    match state
        .service
        .decide_evidence(&session.actor, id, eid, accept, expected)
        .await
    {
        Ok(_) => Ok(see_other_saved(
            &back,
            if accept {
                Notice::MentorEvidenceAccepted
            } else {
                Notice::MentorEvidenceRejected
            },
        )),
        // Decided meanwhile by someone else: back to the list, which shows the state now.
        Err(ServiceError::Conflict { .. } | ServiceError::Invalid(_)) => {
            Ok(crate::html::see_other(&back))
        }
        Err(e) => Err(e.into()),
    }
}
