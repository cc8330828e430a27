//! Proposals and placements in every state, so the placements tab, a placement's page, the
//! open proposals, the caseload and the employer's pages have something to show. In each
//! project the first employer user is linked to the first employer with tasks; the first two
//! participants (who consented to disclosing information to employers, see `seed_sharing`) are
//! proposed there by their coach, and the employer answers: one job completed, one work trial
//! active, one job interrupted, one education trial agreed, one work trial waiting for an
//! answer, one declined, one withdrawn; the third participant has a proposal a coordinator
//! prepared for the coach. Dates are relative to today. Written once: a project whose employer
//! user is already linked to that employer is left as it is.

use super::{DemoPlan, PlannedParticipant};
use polku_domain::{EmployerAnswer, OpeningKind, PlacementState, Role, RoleGrant, TaskId};
use polku_service::placements::NewPlacement;
use polku_service::{Actor, Result, Service};
use time::{Date, Duration};

fn user_with(plan: &DemoPlan, role: Role, project: polku_domain::ProjectId) -> Option<Actor> {
    let u = plan.users.iter().find(|u| {
        u.roles
            .iter()
            .any(|g| g.role == role && g.project == Some(project))
    })?;
    Some(Actor::user(u.id, u.roles.clone()))
}

fn coach(p: &PlannedParticipant) -> Actor {
    Actor::user(
        p.coach_id,
        vec![RoleGrant {
            role: Role::Coach,
            project: Some(p.project_id),
        }],
    )
}

/// One placement to write: kind, start and end (days from today), and where it ends up.
struct Story {
    kind: OpeningKind,
    start: i64,
    end: Option<i64>,
    to: PlacementState,
    reason: Option<&'static str>,
}

const FIRST: &[Story] = &[
    Story {
        kind: OpeningKind::Job,
        start: -200,
        end: None,
        to: PlacementState::Completed,
        reason: None,
    },
    Story {
        kind: OpeningKind::WorkTrial,
        start: 30,
        end: Some(60),
        to: PlacementState::Declined,
        reason: Some("Emme pysty tarjoamaan perehdytystä tänä syksynä."),
    },
    Story {
        kind: OpeningKind::WorkTrial,
        start: 21,
        end: Some(80),
        to: PlacementState::Proposed,
        reason: None,
    },
    Story {
        kind: OpeningKind::EducationTrial,
        start: 100,
        end: Some(105),
        to: PlacementState::Agreed,
        reason: None,
    },
];

const SECOND: &[Story] = &[
    Story {
        kind: OpeningKind::Job,
        start: -150,
        end: None,
        to: PlacementState::Interrupted,
        reason: Some("Työtehtävät loppuivat yrityksen muutoksissa."),
    },
    Story {
        kind: OpeningKind::Job,
        start: 40,
        end: None,
        to: PlacementState::Withdrawn,
        reason: Some("Osallistuja sai toisen työpaikan."),
    },
    Story {
        kind: OpeningKind::WorkTrial,
        start: -20,
        end: Some(70),
        to: PlacementState::Active,
        reason: None,
    },
];

pub async fn seed_placements(svc: &Service, plan: &DemoPlan, today: Date) -> Result<()> {
    for project in &plan.projects {
        let people: Vec<&PlannedParticipant> = plan
            .participants
            .iter()
            .filter(|p| p.project_id == project.id)
            .take(3)
            .collect();
        let (Some(coordinator), Some(employer_user), Some(_)) = (
            user_with(plan, Role::Coordinator, project.id),
            user_with(plan, Role::Employer, project.id),
            people.first(),
        ) else {
            continue;
        };
        let Some(e) = plan
            .employers
            .iter()
            .find(|e| e.employer.project_id == project.id && !e.tasks.is_empty())
        else {
            continue;
        };
        // Written once: the link is made first, so a linked employer user means done (an
        // unaudited check, so that a second run writes nothing at all).
        let Some(uid) = employer_user.user_id() else {
            continue;
        };
        if svc
            .employers_of_user(&employer_user, uid)
            .await?
            .contains(&e.employer.id)
        {
            continue;
        }
        svc.link_employer_user(&coordinator, uid, e.employer.id)
            .await?;
        let tasks: Vec<TaskId> = e.tasks.iter().take(2).map(|t| t.id).collect();
        let new = |p: &PlannedParticipant, s: &Story| NewPlacement {
            participant: p.id,
            employer: e.employer.id,
            opening: None,
            kind: s.kind,
            pay_subsidy: false,
            tasks: tasks.clone(),
            starts_on: today + Duration::days(s.start),
            ends_on: s.end.map(|d| today + Duration::days(d)),
            hours_per_day: 6,
            days_per_week: if s.kind == OpeningKind::Job { 5 } else { 4 },
            mentor: None,
            categories: None,
        };
        for (p, stories) in people.iter().zip([FIRST, SECOND]) {
            let by = coach(p);
            for s in stories {
                let placement = svc.propose_placement(&by, new(p, s)).await?;
                let id = placement.id;
                let mut v = placement.version;
                let reason = s.reason.map(str::to_owned);
                match s.to {
                    PlacementState::Proposed => continue,
                    PlacementState::Withdrawn => {
                        svc.move_placement(&by, id, s.to, reason, today, v).await?;
                        continue;
                    }
                    PlacementState::Declined => {
                        svc.answer_proposal(&employer_user, id, EmployerAnswer::No, reason, v)
                            .await?;
                        continue;
                    }
                    _ => {}
                }
                v = svc
                    .answer_proposal(&employer_user, id, EmployerAnswer::Yes, None, v)
                    .await?
                    .version;
                if s.to == PlacementState::Agreed {
                    continue;
                }
                let started = today + Duration::days(s.start);
                v = svc
                    .move_placement(&by, id, PlacementState::Active, None, started, v)
                    .await?
                    .version;
                if s.to == PlacementState::Active {
                    continue;
                }
                svc.move_placement(&by, id, s.to, reason, today - Duration::days(10), v)
                    .await?;
            }
        }
        // A proposal the coordinator prepared for the third participant's coach.
        if let Some(third) = people.get(2) {
            let s = Story {
                kind: OpeningKind::WorkTrial,
                start: 28,
                end: Some(88),
                to: PlacementState::Prepared,
                reason: None,
            };
            svc.propose_placement(&coordinator, new(third, &s)).await?;
        }
    }
    Ok(())
}
