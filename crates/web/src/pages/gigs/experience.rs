//! The "work experience" list on the participant's page: completed placements, gigs among
//! them, with the employer, tasks, dates and hours.

use super::common::hours_text;
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::format;
use crate::middleware::session::Session;
use crate::state::AppState;
use polku_domain::{OpeningKind, ParticipantId};
use polku_service::ServiceError;

fn kind_key(k: OpeningKind) -> &'static str {
    match k {
        OpeningKind::Job => "emp-kind-job",
        OpeningKind::WorkTrial => "emp-kind-work-trial",
        OpeningKind::EducationTrial => "emp-kind-education-trial",
        OpeningKind::Apprenticeship => "emp-kind-apprenticeship",
        OpeningKind::Gig => "emp-kind-gig",
    }
}

/// One completed placement as shown.
#[derive(Debug)]
pub struct ExperienceRow {
    pub kind_key: &'static str,
    pub employer: String,
    pub tasks: Vec<String>,
    /// "12.1.2027" or "12.1.2027–26.2.2027".
    pub dates: String,
    /// "3,5 h" for a gig, "6 h × 4 days a week" otherwise (as a catalogue text).
    pub hours: String,
}

/// The participant's work experience as the viewer may see it (empty for those who may see
/// the page but not the placements).
pub async fn experience(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    id: ParticipantId,
) -> WebResult<Vec<ExperienceRow>> {
    let list = match state.service.work_experience(&session.actor, id).await {
        Ok(l) => l,
        Err(ServiceError::NotFound) => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    Ok(list
        .into_iter()
        .map(|w| {
            let from = format::date(ctx.locale, w.from);
            let dates = match w.to {
                Some(to) if to != w.from => format!("{from}–{}", format::date(ctx.locale, to)),
                _ => from,
            };
            let hours = match w.gig_hours {
                Some(h) => ctx.ts("gig-experience-hours", "hours", &hours_text(ctx.locale, h)),
                None => ctx.ts2(
                    "gig-experience-hours-week",
                    "hours",
                    &w.hours_per_day.to_string(),
                    "days",
                    &w.days_per_week.to_string(),
                ),
            };
            ExperienceRow {
                kind_key: kind_key(w.kind),
                employer: w.employer,
                tasks: w.tasks,
                dates,
                hours,
            }
        })
        .collect())
}
