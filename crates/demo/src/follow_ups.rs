//! Placements with follow-ups after hiring, so the coach's start page and the follow-up form
//! have something to show in every state: in each project the first participant has a job that
//! started about three months ago (its 1-month follow-up recorded, with re-crafting asked for;
//! the 3-month one due this week; the 6- and 12-month ones ahead), and the second a work trial
//! that ended as completed six weeks ago (its follow-up overdue, the placement ended). Written
//! through the service use cases; a participant who already has placements is left alone.

use super::{DemoPlan, PlannedParticipant};
use polku_domain::{
    EmployerAnswer, FollowUpRecord, OpeningKind, PlacementState, Role, RoleGrant, StillWorking,
};
use polku_service::placements::NewPlacement;
use polku_service::{Actor, Result, Service};
use time::{Date, Duration};

fn coach(p: &PlannedParticipant) -> Actor {
    Actor::user(
        p.coach_id,
        vec![RoleGrant {
            role: Role::Coach,
            project: Some(p.project_id),
        }],
    )
}

/// A start about three months back whose 3-month follow-up falls due this week.
fn job_start(today: Date) -> Date {
    let sunday = polku_service::follow_ups::week_end(today);
    (80..120)
        .map(|d| today - Duration::days(d))
        .find(|s| {
            let due = polku_domain::work::add_months(*s, 3);
            due >= today && due <= sunday
        })
        .unwrap_or(today - Duration::days(90))
}

pub async fn seed_follow_ups(
    svc: &Service,
    operator: &Actor,
    plan: &DemoPlan,
    today: Date,
) -> Result<()> {
    for project in &plan.projects {
        let Some(employer) = plan
            .employers
            .iter()
            .find(|e| e.employer.project_id == project.id && e.tasks.len() >= 2)
        else {
            continue;
        };
        let tasks: Vec<_> = employer.tasks.iter().take(2).map(|t| t.id).collect();
        let people: Vec<&PlannedParticipant> = plan
            .participants
            .iter()
            .filter(|p| p.project_id == project.id)
            .take(2)
            .collect();
        for (i, p) in people.into_iter().enumerate() {
            let actor = coach(p);
            if svc.has_placements(operator, p.id).await? {
                continue;
            }
            let job = i == 0;
            let (starts_on, ends_on) = if job {
                (job_start(today), None)
            } else {
                (
                    today - Duration::days(100),
                    Some(today - Duration::days(42)),
                )
            };
            let placement = svc
                .propose_placement(
                    &actor,
                    NewPlacement {
                        participant: p.id,
                        employer: employer.employer.id,
                        opening: None,
                        kind: if job {
                            OpeningKind::Job
                        } else {
                            OpeningKind::WorkTrial
                        },
                        pay_subsidy: job,
                        tasks: tasks.clone(),
                        starts_on,
                        ends_on,
                        hours_per_day: 6,
                        days_per_week: 4,
                        mentor: None,
                        categories: None,
                        gig: None,
                    },
                )
                .await?;
            svc.answer_proposal(&actor, placement.id, EmployerAnswer::Yes, None, 1)
                .await?;
            if !job {
                super::placements::agree(svc, &actor, placement.id, starts_on).await?;
            }
            svc.move_placement(
                &actor,
                placement.id,
                PlacementState::Active,
                None,
                starts_on,
                2,
            )
            .await?;
            if let Some(end) = ends_on {
                svc.move_placement(
                    &actor,
                    placement.id,
                    PlacementState::Completed,
                    None,
                    end,
                    3,
                )
                .await?;
                continue;
            }
            let first = svc
                .participant_follow_ups(&actor, p.id, today)
                .await?
                .into_iter()
                .next();
            if let Some(first) = first {
                svc.record_follow_up(
                    &actor,
                    first.follow_up.id,
                    FollowUpRecord {
                        still_working: StillWorking::SameEmployer,
                        hours_per_week: 24,
                        support_given:
                            "Käynti työpaikalla, työtehtävien läpikäynti työpaikkaohjaajan kanssa."
                                .into(),
                        needs_recrafting: true,
                        note: "Hyllytys on raskasta iltapäivisin; kokeillaan kevyempiä tehtäviä."
                            .into(),
                    },
                    first.follow_up.due_on + Duration::days(2),
                    1,
                )
                .await?;
            }
        }
    }
    Ok(())
}
