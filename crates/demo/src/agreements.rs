//! Trial agreements in the demo: in each project the two participants who consented to
//! disclosing to employers get a work trial at the project's first employer, agreed by the
//! employer. The first one's agreement was accepted by the organiser on paper and then changed
//! (version 2: the earlier acceptance is shown as void, the parties are asked again); the
//! second one's was accepted by every party and the trial has started. Written through the
//! service use cases as the participant's coach; a participant with placements is left as is.

use super::DemoPlan;
use polku_domain::{
    AgreementParty, AllowancePayer, EmployerAnswer, OpeningKind, PlacementState, Role, RoleGrant,
};
use polku_service::agreements::{AgreementInput, TermsChange};
use polku_service::placements::NewPlacement;
use polku_service::{Actor, Result, Service};
use time::{Date, Duration};

fn input(terms: Option<TermsChange>) -> AgreementInput {
    AgreementInput {
        objective: "Tutustua työtehtäviin ja selvittää, sopiiko ala osallistujalle.".into(),
        signatory_name: "Riitta Rantanen".into(),
        signatory_title: "Toimitusjohtaja".into(),
        authority_name: "Pekka Palvelu".into(),
        authority_organisation: "Työllisyysalue".into(),
        authority_contact: "0295 000 000".into(),
        mentor_name: Some("Olli Ohjaaja".into()),
        allowance_per_day: 9,
        allowance_payer: AllowancePayer::Kela,
        other_terms: String::new(),
        terms,
    }
}

/// Seeds the trials and their agreements (see the module).
pub async fn seed_agreements(
    svc: &Service,
    operator: &Actor,
    plan: &DemoPlan,
    today: Date,
) -> Result<()> {
    for project in &plan.projects {
        let Some(employer) = plan
            .employers
            .iter()
            .find(|e| e.employer.project_id == project.id && !e.tasks.is_empty())
        else {
            continue;
        };
        let people = plan
            .participants
            .iter()
            .filter(|p| p.project_id == project.id)
            .take(2);
        for (n, p) in people.enumerate() {
            let coach = Actor::user(
                p.coach_id,
                vec![RoleGrant {
                    role: Role::Coach,
                    project: Some(project.id),
                }],
            );
            if svc.participant_has_placements(operator, p.id).await? {
                continue;
            }
            let starts_on = today + Duration::days(14);
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
                        starts_on,
                        ends_on: Some(starts_on + Duration::days(59)),
                        hours_per_day: 6,
                        days_per_week: 4,
                        mentor: None,
                        categories: None,
                        gig: None,
                    },
                )
                .await?;
            svc.answer_proposal(&coach, placement.id, EmployerAnswer::Yes, None, 1)
                .await?;
            let a = svc
                .save_agreement(&coach, placement.id, input(None), None)
                .await?;
            if n == 0 {
                svc.record_paper_acceptance(
                    &coach,
                    placement.id,
                    AgreementParty::Organiser,
                    "Riitta Rantanen",
                    today,
                    a.version,
                )
                .await?;
                let shorter = TermsChange {
                    tasks,
                    starts_on,
                    ends_on: Some(starts_on + Duration::days(59)),
                    hours_per_day: 5,
                    days_per_week: 4,
                };
                svc.save_agreement(&coach, placement.id, input(Some(shorter)), Some(a.version))
                    .await?;
            } else {
                for (party, name) in [
                    (AgreementParty::Participant, p.personal.given_name.as_str()),
                    (AgreementParty::Organiser, "Riitta Rantanen"),
                    (AgreementParty::Authority, "Pekka Palvelu"),
                ] {
                    svc.record_paper_acceptance(
                        &coach,
                        placement.id,
                        party,
                        name,
                        today,
                        a.version,
                    )
                    .await?;
                }
                svc.move_placement(&coach, placement.id, PlacementState::Active, None, today, 2)
                    .await?;
            }
        }
    }
    Ok(())
}
