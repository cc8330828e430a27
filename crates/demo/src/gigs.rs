//! Gigs of small employers, so every state of a gig shows in the demo: in each project the
//! coordinator posts a gig for today that a participant did (done, with the hours worked), one
//! for the next weekday that the employer has said yes to (filled), one still open with an
//! offer waiting for the employer's answer, and one cancelled. Offers go to the first
//! participants the engine finds suitable and who consented to disclosing to employers; where
//! none is, that gig stays open. Written once (a meta key marks it).

use super::casework::{coach, coordinator};
use super::DemoPlan;
use polku_domain::{EmployerAnswer, GigHours, GigId, ParticipantId};
use polku_service::gigs::{GigResult, NewGig};
use polku_service::{Actor, Result, Service};
use time::{Date, Duration, Time, Weekday};

const META: &str = "demo.gigs";

/// The next Monday–Friday after `d`.
fn next_weekday(d: Date) -> Date {
    let mut n = d + Duration::days(1);
    while matches!(n.weekday(), Weekday::Saturday | Weekday::Sunday) {
        n += Duration::days(1);
    }
    n
}

/// Offers the gig to the first of `people` it suits (and who consented); their coach's actor
/// and the placement.
async fn offer(
    svc: &Service,
    plan: &DemoPlan,
    gig: GigId,
    people: &[ParticipantId],
    today: Date,
) -> Result<Option<(Actor, polku_domain::Placement)>> {
    for pid in people {
        let Some(p) = plan.participants.iter().find(|p| p.id == *pid) else {
            continue;
        };
        let actor = coach(p);
        match svc.offer_gig(&actor, gig, *pid, today).await {
            Ok(placement) => return Ok(Some((actor, placement))),
            Err(polku_service::ServiceError::Invalid(_)) => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(None)
}

pub async fn seed_gigs(
    svc: &Service,
    operator: &Actor,
    plan: &DemoPlan,
    today: Date,
) -> Result<()> {
    if svc.meta(operator, META).await?.is_some() {
        return Ok(());
    }
    for project in &plan.projects {
        let Some((_, coordinator)) = coordinator(plan, project.id) else {
            continue;
        };
        let Some(e) = plan
            .employers
            .iter()
            .find(|e| e.employer.project_id == project.id && !e.tasks.is_empty())
        else {
            continue;
        };
        let people: Vec<ParticipantId> = plan
            .participants
            .iter()
            .filter(|p| p.project_id == project.id)
            .take(12)
            .map(|p| p.id)
            .collect();
        let next = next_weekday(today);
        let post = |on: Date, start: u8, hours: f64, places: u8| -> Result<NewGig> {
            Ok(NewGig {
                employer: e.employer.id,
                on,
                starts_at: Time::from_hms(start, 0, 0).unwrap_or(Time::MIDNIGHT),
                hours: GigHours::from_hours(hours)?,
                municipality: None,
                place: "Kauppakatu 5, takapiha".to_owned(),
                tasks: e.tasks.iter().take(1).map(|t| t.id).collect(),
                places,
            })
        };
        // Done: today, offered, agreed and recorded.
        let done = svc
            .post_gig(&coordinator, post(today, 9, 4.0, 1)?, today)
            .await?;
        if let Some((actor, p)) = offer(svc, plan, done.id, &people, today).await? {
            let p = svc
                .answer_proposal(&actor, p.id, EmployerAnswer::Yes, None, p.version)
                .await?;
            svc.record_gig_result(
                &actor,
                p.id,
                GigResult::Done(GigHours::from_hours(3.5)?),
                p.version,
                today,
            )
            .await?;
        }
        // Filled: the next weekday, one place, the employer said yes.
        let filled = svc
            .post_gig(&coordinator, post(next, 8, 5.0, 1)?, today)
            .await?;
        if let Some((actor, p)) = offer(svc, plan, filled.id, &people, today).await? {
            svc.answer_proposal(&actor, p.id, EmployerAnswer::Yes, None, p.version)
                .await?;
        }
        // Open: two places, one offer waiting for the answer.
        let open = svc
            .post_gig(&coordinator, post(next, 12, 3.5, 2)?, today)
            .await?;
        offer(svc, plan, open.id, &people, today).await?;
        // Cancelled.
        let cancelled = svc
            .post_gig(&coordinator, post(next, 10, 2.0, 1)?, today)
            .await?;
        svc.cancel_gig(&coordinator, cancelled.id, cancelled.version)
            .await?;
    }
    svc.meta_or_set(operator, META, "1").await?;
    Ok(())
}
