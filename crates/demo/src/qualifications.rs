//! Opinnollistaminen in the demo: the real ePerusteet sample of the common units of 2022
//! (OPH-456-2022, "Yrityksessä toimiminen" and others) is imported, each project's mentoring
//! employer has its first two tasks mapped to requirement items of "Yrityksessä toimiminen", and
//! the mentor has recorded evidence on the demo work trials. Idempotent: once the sample's units
//! are stored, a second run changes and audits nothing.

use super::DemoPlan;
use polku_domain::{CompetenceShown, PlacementState, Role, RoleGrant};
use polku_service::qualifications::eperusteet::parse;
use polku_service::qualifications::NewQualificationEvidence;
use polku_service::{Actor, Result, Service, ServiceError};
use time::{Date, Duration};

const SAMPLE: &str = include_str!(
    "../../../data/qualifications/samples/sample-real-yhteiset-tutkinnonosat-OPH-456-2022.json"
);

fn actor(user: polku_domain::UserId, role: Role, project: polku_domain::ProjectId) -> Actor {
    Actor::user(
        user,
        vec![RoleGrant {
            role,
            project: Some(project),
        }],
    )
}

pub async fn seed_qualifications(
    svc: &Service,
    operator: &Actor,
    plan: &DemoPlan,
    today: Date,
) -> Result<()> {
    let peruste = parse(SAMPLE)
        .map_err(|_| ServiceError::Internal("the demo ePerusteet sample is malformed"))?;
    // A second run writes nothing (not one audit entry): the sample's units are there already,
    // so the mapping and the evidence were seeded with them. Reading reference data is not
    // audited.
    let stored = svc.qualification_units(operator).await?;
    if peruste.units.iter().all(|(u, _)| {
        stored
            .iter()
            .any(|s| s.code == u.code && s.diaarinumero == u.diaarinumero)
    }) {
        return Ok(());
    }
    svc.import_qualification(&Actor::system("demo"), &peruste)
        .await?;
    // "Yrityksessä toimiminen": its items on customers, sales and the workplace.
    let Some((_, items)) = peruste
        .units
        .iter()
        .find(|(u, _)| u.code.as_str() == "tutkinnonosat_106733")
    else {
        return Ok(());
    };
    for project in &plan.projects {
        let (Some(coordinator), Some(mentor)) = (
            plan.users.iter().find(|u| {
                u.roles
                    .iter()
                    .any(|g| g.role == Role::Coordinator && g.project == Some(project.id))
            }),
            plan.users.iter().find(|u| {
                u.roles
                    .iter()
                    .any(|g| g.role == Role::Mentor && g.project == Some(project.id))
            }),
        ) else {
            continue;
        };
        let Some(employer) = plan
            .employers
            .iter()
            .find(|e| e.employer.project_id == project.id && !e.tasks.is_empty())
        else {
            continue;
        };
        let coordinator = actor(coordinator.id, Role::Coordinator, project.id);
        let mentor_actor = actor(mentor.id, Role::Mentor, project.id);
        // Task 1: the first five items; task 2: the next four.
        let tasks: Vec<_> = employer.tasks.iter().take(2).map(|t| t.id).collect();
        for (i, t) in tasks.iter().enumerate() {
            let ids: Vec<_> = items.iter().skip(i * 5).take(5 - i).map(|r| r.id).collect();
            svc.map_task_requirements(&coordinator, employer.employer.id, *t, &ids)
                .await?;
        }
        for p in plan
            .participants
            .iter()
            .filter(|p| p.project_id == project.id)
        {
            for view in svc.participant_placements(operator, p.id).await? {
                let pl = &view.placement;
                if pl.mentor_id != Some(mentor.id)
                    || !matches!(pl.state, PlacementState::Active | PlacementState::Completed)
                {
                    continue;
                }
                let (_, have) = svc.qualification_evidence(operator, pl.id).await?;
                if !have.is_empty() {
                    continue;
                }
                let last = pl.ended_on.or(pl.ends_on).unwrap_or(today).min(today);
                for (k, (task, assessment)) in [
                    (0, CompetenceShown::Shown),
                    (0, CompetenceShown::PartlyShown),
                    (1, CompetenceShown::NotYetShown),
                ]
                .into_iter()
                .enumerate()
                {
                    let Some(task_id) = pl.tasks.get(task).copied() else {
                        continue;
                    };
                    let on = (pl.starts_on + Duration::days(7 * (k as i64 + 1))).min(last);
                    svc.record_qualification_evidence(
                        &mentor_actor,
                        pl.id,
                        NewQualificationEvidence {
                            requirement_id: items[task * 5 + k].id,
                            task_id,
                            shown_on: on,
                            assessment,
                            note: "Näytti ohjatusti, työpaikan ohjeiden mukaan.".into(),
                        },
                    )
                    .await?;
                }
            }
        }
    }
    Ok(())
}
