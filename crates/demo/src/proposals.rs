//! Proposals as the employer sees them: in each project the first employer user represents the
//! first employer with tasks, and five participants are proposed to it for a work trial, so the
//! employer's list and pages show every answer: two waiting (one with functioning shared, so
//! the workplace adjustments with euros show), one answered "let's meet first", one agreed and
//! one declined with a reason about the work. A project whose employer user is linked already
//! was seeded before and is left as it is, so seeding twice adds nothing.

use super::{DemoPlan, PURPOSE};
use polku_domain::{
    ConsentMethod, ConsentPurpose, DataCategory, EmployerAnswer, OpeningKind, RecipientClass, Role,
    RoleGrant,
};
use polku_service::consents::NewConsent;
use polku_service::placements::NewPlacement;
use polku_service::{Actor, Result, Service, ServiceError};
use time::{Date, Duration};

/// The answer each of the five proposals gets (`None`: still waiting).
const ANSWERS: [Option<(EmployerAnswer, Option<&str>)>; 5] = [
    None,
    None,
    Some((EmployerAnswer::Meet, None)),
    Some((EmployerAnswer::Yes, None)),
    Some((
        EmployerAnswer::No,
        Some("Emme pysty järjestämään perehdytystä ennen kesää."),
    )),
];

pub async fn seed_proposals(
    svc: &Service,
    operator: &Actor,
    plan: &DemoPlan,
    today: Date,
) -> Result<()> {
    for project in &plan.projects {
        let Some(user) = plan.users.iter().find(|u| {
            u.roles
                .iter()
                .any(|g| g.role == Role::Employer && g.project == Some(project.id))
        }) else {
            continue;
        };
        let Some(e) = plan
            .employers
            .iter()
            .find(|e| e.employer.project_id == project.id && e.tasks.len() >= 2)
        else {
            continue;
        };
        // Linked already: seeded before (checked without a read of anyone's data, so a second
        // run writes not one audit entry).
        if svc
            .employers_of_user(operator, user.id)
            .await?
            .contains(&e.employer.id)
        {
            continue;
        }
        svc.link_employer_user(operator, user.id, e.employer.id)
            .await?;
        let employer_actor = Actor::user(user.id, user.roles.clone());
        let participants = plan
            .participants
            .iter()
            .filter(|p| p.project_id == project.id)
            .skip(2)
            .take(ANSWERS.len());
        for (k, p) in participants.enumerate() {
            let coach = Actor::user(
                p.coach_id,
                vec![RoleGrant {
                    role: Role::Coach,
                    project: Some(project.id),
                }],
            );
            let mut categories = vec![
                DataCategory::Contact,
                DataCategory::Skills,
                DataCategory::Languages,
            ];
            if k == 1 {
                categories.push(DataCategory::Functioning);
            }
            svc.give_consent(
                &coach,
                p.id,
                NewConsent {
                    recipient: RecipientClass::Employer,
                    purpose: ConsentPurpose::Placement,
                    categories,
                    method: ConsentMethod::Written,
                    shown: Default::default(),
                },
                PURPOSE,
            )
            .await?;
            let start = today + Duration::days(14 + 7 * k as i64);
            let proposed = svc
                .propose_placement(
                    &coach,
                    NewPlacement {
                        participant: p.id,
                        employer: e.employer.id,
                        opening: None,
                        kind: OpeningKind::WorkTrial,
                        pay_subsidy: false,
                        tasks: e.tasks.iter().take(2).map(|t| t.id).collect(),
                        starts_on: start,
                        ends_on: Some(start + Duration::days(60)),
                        hours_per_day: 4,
                        days_per_week: 4,
                        mentor: None,
                        categories: None,
                    },
                )
                .await;
            // A participant the law's limits rule out is simply not proposed.
            let placement = match proposed {
                Ok(p) => p,
                Err(ServiceError::Invalid(_)) => continue,
                Err(e) => return Err(e),
            };
            if let Some((answer, reason)) = ANSWERS[k] {
                svc.answer_proposal(
                    &employer_actor,
                    placement.id,
                    answer,
                    reason.map(str::to_owned),
                    placement.version,
                )
                .await?;
            }
        }
    }
    Ok(())
}
