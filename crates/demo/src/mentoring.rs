//! Workplace mentoring in the demo, so the mentor's and the coach's pages have something to
//! show: in each project two participants on work trials with the project's workplace mentor
//! (työpaikkaohjaaja): one active, with check-ins last month and this month and feedback that
//! leaves evidence open; one completed, with the written feedback, the participant's
//! self-assessment and evidence accepted and rejected. Dated from today, written through the
//! use cases as the coach and the mentor would; a participant who already has a placement is
//! left as it is.

use super::{DemoPlan, PlannedParticipant};
use polku_domain::{
    ConsentMethod, ConsentPurpose, DataCategory, EmployerAnswer, FeedbackLevel, OpeningKind,
    PlacementState, RecipientClass, Role, RoleGrant,
};
use polku_service::consents::NewConsent;
use polku_service::mentoring::NewCheckin;
use polku_service::placements::NewPlacement;
use polku_service::{Actor, Result, Service};
use time::{Date, Duration};

const NOTES: &[&str] = &[
    "Perehdytys hyllytykseen ja työturvallisuuteen.",
    "Työtahti löytyi, tauot sovittu.",
    "Asiakaspalvelu kassalla sujui hyvin.",
    "Sovittiin seuraavan viikon tehtävistä.",
];

fn actor(user: polku_domain::UserId, role: Role, project: polku_domain::ProjectId) -> Actor {
    Actor::user(
        user,
        vec![RoleGrant {
            role,
            project: Some(project),
        }],
    )
}

pub async fn seed_mentoring(
    svc: &Service,
    operator: &Actor,
    plan: &DemoPlan,
    today: Date,
) -> Result<()> {
    for project in &plan.projects {
        let Some(mentor_user) = plan.users.iter().find(|u| {
            u.roles
                .iter()
                .any(|g| g.role == Role::Mentor && g.project == Some(project.id))
        }) else {
            continue;
        };
        let Some(employer) = plan
            .employers
            .iter()
            .find(|e| e.employer.project_id == project.id && !e.tasks.is_empty())
        else {
            continue;
        };
        let people: Vec<&PlannedParticipant> = plan
            .participants
            .iter()
            .filter(|p| p.project_id == project.id)
            .skip(2)
            .take(2)
            .collect();
        let mentor = actor(mentor_user.id, Role::Mentor, project.id);
        for (n, p) in people.into_iter().enumerate() {
            let coach = actor(p.coach_id, Role::Coach, project.id);
            if svc.has_placements(operator, p.id).await? {
                continue;
            }
            let completed = n == 1;
            let start = if completed {
                today - Duration::days(70)
            } else {
                today - Duration::days(35)
            };
            let end = if completed {
                today - Duration::days(7)
            } else {
                today + Duration::days(50)
            };
            consent(
                svc,
                &coach,
                p,
                RecipientClass::Employer,
                &[DataCategory::Contact, DataCategory::Skills],
            )
            .await?;
            consent(
                svc,
                &coach,
                p,
                RecipientClass::Mentor,
                &[DataCategory::Contact],
            )
            .await?;
            let tasks: Vec<_> = employer.tasks.iter().take(2).map(|t| t.id).collect();
            let placement = svc
                .propose_placement(
                    &coach,
                    NewPlacement {
                        participant: p.id,
                        employer: employer.employer.id,
                        opening: None,
                        kind: OpeningKind::WorkTrial,
                        pay_subsidy: false,
                        tasks: tasks.clone(),
                        starts_on: start,
                        ends_on: Some(end),
                        hours_per_day: 6,
                        days_per_week: 4,
                        mentor: None,
                        categories: None,
                        gig: None,
                    },
                )
                .await?;
            let id = placement.id;
            svc.answer_proposal(&coach, id, EmployerAnswer::Yes, None, 1)
                .await?;
            super::placements::agree(svc, &coach, id, start).await?;
            svc.move_placement(&coach, id, PlacementState::Active, None, start, 2)
                .await?;
            svc.assign_mentor(&coach, id, Some(mentor_user.id), 3)
                .await?;
            // Check-ins every ten days from the start, up to the end or today.
            let last = end.min(today);
            let mut on = start;
            let mut k = 0;
            while on <= last {
                svc.add_checkin(
                    &mentor,
                    id,
                    NewCheckin {
                        on,
                        minutes: [45, 60, 30, 90][k % 4],
                        note: NOTES[k % NOTES.len()].into(),
                    },
                )
                .await?;
                on += Duration::days(10);
                k += 1;
            }
            for (i, t) in tasks.iter().enumerate() {
                let level = if i == 0 || completed {
                    FeedbackLevel::Independent
                } else {
                    FeedbackLevel::WithSupport
                };
                svc.give_task_feedback(&mentor, id, *t, level, "Tekee tehtävän ohjeiden mukaan.")
                    .await?;
            }
            if completed {
                svc.move_placement(&coach, id, PlacementState::Completed, None, end, 4)
                    .await?;
                svc.give_final_feedback(
                    &mentor,
                    id,
                    "Luotettava ja oma-aloitteinen. Oppi kassatyön ja hyllytyksen nopeasti.",
                    "Palkkatuettu työ samalla alalla.",
                    None,
                )
                .await?;
                svc.record_self_assessment(
                    &coach,
                    id,
                    "Työ sopi minulle. Haluan jatkaa kaupan alalla.",
                    Some(1),
                )
                .await?;
                // The coach decides: the first piece accepted, the second rejected.
                let open: Vec<_> = svc
                    .evidence(&coach, p.id)
                    .await?
                    .into_iter()
                    .filter(|e| e.placement_id == id)
                    .collect();
                for (i, e) in open.iter().take(2).enumerate() {
                    svc.decide_evidence(&coach, p.id, e.id, i == 0, e.version)
                        .await?;
                }
            }
        }
    }
    Ok(())
}

async fn consent(
    svc: &Service,
    coach: &Actor,
    p: &PlannedParticipant,
    recipient: RecipientClass,
    categories: &[DataCategory],
) -> Result<()> {
    svc.give_consent(
        coach,
        p.id,
        NewConsent {
            recipient,
            purpose: ConsentPurpose::Placement,
            categories: categories.to_vec(),
            method: ConsentMethod::Written,
            shown: Default::default(),
        },
        super::PURPOSE,
    )
    .await?;
    Ok(())
}
