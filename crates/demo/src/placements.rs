//! Proposals and placements in every state, so the pages after the match have something to show:
//! in each project the employer users represent the employers that got proposals, and the first
//! participants of each project are proposed, answered, agreed, started, ended, declined,
//! prepared or withdrawn. Like [`super::casework`] the dates are relative to the day the demo is
//! written. Everything goes through the service's use cases as the coach, the coordinator or the
//! employer's user would do it.

use super::{DemoPlan, PlannedParticipant, PURPOSE};
use polku_domain::{
    ConsentMethod, ConsentPurpose, DataCategory, EmployerAnswer, Opening, OpeningKind, Placement,
    PlacementState, RecipientClass, Role, RoleGrant, UserId,
};
use polku_service::consents::NewConsent;
use polku_service::placements::NewPlacement;
use polku_service::{Actor, Result, Service};
use time::{Date, Duration};

/// What happens to the `i`-th participant of a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Story {
    Waiting,
    MeetFirst,
    Declined,
    Agreed,
    ActiveTrial,
    CompletedTrial,
    InterruptedTrial,
    JobOverdueFollowUp,
    JobFollowUpThisWeek,
    Prepared,
    Withdrawn,
    EducationTrial,
    Apprenticeship,
}

pub const STORIES: [Story; 13] = [
    Story::Waiting,
    Story::Agreed,
    Story::MeetFirst,
    Story::Declined,
    Story::ActiveTrial,
    Story::Prepared,
    Story::CompletedTrial,
    Story::InterruptedTrial,
    Story::Withdrawn,
    Story::JobOverdueFollowUp,
    Story::JobFollowUpThisWeek,
    Story::EducationTrial,
    Story::Apprenticeship,
];

impl Story {
    fn kind(self) -> OpeningKind {
        match self {
            Story::JobOverdueFollowUp | Story::JobFollowUpThisWeek => OpeningKind::Job,
            Story::EducationTrial => OpeningKind::EducationTrial,
            Story::Apprenticeship => OpeningKind::Apprenticeship,
            _ => OpeningKind::WorkTrial,
        }
    }

    /// Start and end relative to today.
    fn dates(self, today: Date) -> (Date, Option<Date>) {
        let d = |n: i64| today + Duration::days(n);
        match self {
            Story::Waiting | Story::MeetFirst | Story::Declined | Story::Prepared => {
                (d(14), Some(d(14 + 60)))
            }
            Story::Withdrawn => (d(21), Some(d(21 + 45))),
            Story::Agreed => (d(7), Some(d(7 + 56))),
            Story::ActiveTrial => (d(-20), Some(d(40))),
            Story::CompletedTrial => (d(-80), Some(d(-20))),
            Story::InterruptedTrial => (d(-50), Some(d(10))),
            Story::JobOverdueFollowUp => (d(-40), None),
            Story::JobFollowUpThisWeek => (d(-29), None),
            Story::EducationTrial => (d(10), Some(d(19))),
            Story::Apprenticeship => (d(-100), Some(d(600))),
        }
    }
}

fn grant(role: Role, p: &PlannedParticipant) -> Vec<RoleGrant> {
    vec![RoleGrant {
        role,
        project: Some(p.project_id),
    }]
}

/// The opening of `kind` (or, failing that, any opening) of the project's employers that suits
/// the participant's home municipality best; `n` spreads the participants over employers.
fn pick<'a>(
    plan: &'a DemoPlan,
    p: &PlannedParticipant,
    kind: OpeningKind,
    n: usize,
) -> Option<&'a Opening> {
    let openings: Vec<&Opening> = plan
        .employers
        .iter()
        .filter(|e| e.employer.project_id == p.project_id)
        .flat_map(|e| e.openings.iter())
        .collect();
    let home = &p.personal.mobility.home;
    let near = |o: &&&Opening| {
        o.municipality == *home || p.personal.mobility.acceptable.contains(&o.municipality)
    };
    let of_kind: Vec<&&Opening> = openings.iter().filter(|o| o.kind == kind).collect();
    let near_kind: Vec<&&Opening> = of_kind.iter().copied().filter(near).collect();
    let list = if !near_kind.is_empty() {
        near_kind
    } else if !of_kind.is_empty() {
        of_kind
    } else {
        openings.iter().collect()
    };
    list.get(n % list.len().max(1)).map(|o| **o)
}

/// Writes the placements of the first participants of each project (skipping a participant who
/// already has one, so a second run writes nothing).
pub async fn seed_placements(
    svc: &Service,
    operator: &Actor,
    plan: &DemoPlan,
    today: Date,
) -> Result<()> {
    for (k, project) in plan.projects.iter().enumerate() {
        let staff = |role: Role| -> Vec<&polku_domain::User> {
            let mut v: Vec<&polku_domain::User> = plan
                .users
                .iter()
                .filter(|u| {
                    u.roles
                        .iter()
                        .any(|g| g.role == role && g.project == Some(project.id))
                })
                .collect();
            v.sort_by(|a, b| a.email.as_str().cmp(b.email.as_str()));
            v
        };
        let employer_users = staff(Role::Employer);
        let mentor = staff(Role::Mentor).first().map(|u| u.id);
        let coordinator = staff(Role::Coordinator).first().map(|u| u.id);
        let people: Vec<&PlannedParticipant> = plan
            .participants
            .iter()
            .filter(|p| p.project_id == project.id)
            // The first four are the follow-up and mentoring demos' (follow_ups.rs, mentoring.rs).
            .skip(4)
            .take(STORIES.len())
            .collect();
        // A small demo has few participants per project: each project starts where the last
        // one's stories ended, so every story still occurs somewhere.
        let offset = k * people.len();
        for (i, p) in people.iter().enumerate() {
            let story = STORIES[(offset + i) % STORIES.len()];
            let coach = Actor::user(p.coach_id, grant(Role::Coach, p));
            if svc.has_placements(operator, p.id).await? {
                continue;
            }
            let Some(opening) = pick(plan, p, story.kind(), i) else {
                continue;
            };
            // Every employer user of the project represents the employers that get proposals,
            // so the first one (who gets a sign-in link) has proposals to answer.
            for u in &employer_users {
                if !svc.represents(operator, u.id, opening.employer_id).await? {
                    svc.link_employer_user(operator, u.id, opening.employer_id)
                        .await?;
                }
            }
            consent(svc, &coach, p, i).await?;
            let placement =
                propose(svc, &coach, p, opening, story, mentor, coordinator, today).await?;
            let Some(placement) = placement else {
                continue;
            };
            let answerer = employer_users
                .first()
                .map(|u| Actor::user(u.id, u.roles.clone()))
                .unwrap_or_else(|| coach.clone());
            play(svc, &coach, &answerer, placement, story, today).await?;
        }
    }
    Ok(())
}

/// Consent to disclosing contact details, skills, languages and goals to employers (and, for
/// every other participant, functioning), and contact details and skills to workplace mentors.
async fn consent(svc: &Service, coach: &Actor, p: &PlannedParticipant, i: usize) -> Result<()> {
    let mut to_employers = vec![
        DataCategory::Contact,
        DataCategory::Skills,
        DataCategory::Languages,
        DataCategory::Goals,
    ];
    if i.is_multiple_of(2) {
        to_employers.push(DataCategory::Functioning);
    }
    for (recipient, categories) in [
        (RecipientClass::Employer, to_employers),
        (
            RecipientClass::Mentor,
            vec![DataCategory::Contact, DataCategory::Skills],
        ),
    ] {
        svc.give_consent(
            coach,
            p.id,
            NewConsent {
                recipient,
                purpose: ConsentPurpose::Placement,
                categories,
                method: ConsentMethod::Written,
                shown: Default::default(),
            },
            PURPOSE,
        )
        .await?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn propose(
    svc: &Service,
    coach: &Actor,
    p: &PlannedParticipant,
    opening: &Opening,
    story: Story,
    mentor: Option<UserId>,
    coordinator: Option<UserId>,
    today: Date,
) -> Result<Option<Placement>> {
    let (starts_on, ends_on) = story.dates(today);
    let kind = story.kind();
    let trial = matches!(kind, OpeningKind::WorkTrial | OpeningKind::EducationTrial);
    let new = NewPlacement {
        participant: p.id,
        employer: opening.employer_id,
        opening: Some(opening.id),
        kind,
        pay_subsidy: story == Story::JobOverdueFollowUp,
        tasks: opening.tasks.clone(),
        starts_on,
        ends_on,
        hours_per_day: if trial { 6 } else { 7 },
        days_per_week: if story == Story::EducationTrial { 5 } else { 4 },
        mentor: mentor.filter(|_| kind != OpeningKind::EducationTrial),
        categories: None,
        gig: None,
    };
    let by = match (story, coordinator) {
        (Story::Prepared, Some(c)) => Actor::user(c, grant(Role::Coordinator, p)),
        _ => coach.clone(),
    };
    svc.propose_placement(&by, new).await.map(Some)
}

/// Moves the placement along its story.
async fn play(
    svc: &Service,
    coach: &Actor,
    employer: &Actor,
    p: Placement,
    story: Story,
    today: Date,
) -> Result<()> {
    let id = p.id;
    let mut v = p.version;
    let (starts_on, ends_on) = story.dates(today);
    let answer = |a: EmployerAnswer, reason: Option<&str>, v: i64| {
        svc.answer_proposal(employer, id, a, reason.map(str::to_owned), v)
    };
    match story {
        Story::Waiting | Story::Prepared => {}
        Story::MeetFirst => {
            answer(EmployerAnswer::Meet, Some("Tavataan ensin työpaikalla."), v).await?;
        }
        Story::Declined => {
            answer(
                EmployerAnswer::No,
                Some("Meillä ei ole tällä hetkellä perehdyttäjää, joka ehtisi ohjata."),
                v,
            )
            .await?;
        }
        Story::Withdrawn => {
            svc.move_placement(
                coach,
                id,
                PlacementState::Withdrawn,
                Some("Osallistuja valitsi toisen työkokeilupaikan.".into()),
                today,
                v,
            )
            .await?;
        }
        Story::Agreed | Story::EducationTrial => {
            answer(EmployerAnswer::Yes, None, v).await?;
        }
        Story::ActiveTrial
        | Story::CompletedTrial
        | Story::InterruptedTrial
        | Story::JobOverdueFollowUp
        | Story::JobFollowUpThisWeek
        | Story::Apprenticeship => {
            v = answer(EmployerAnswer::Yes, None, v).await?.version;
            if matches!(
                story.kind(),
                OpeningKind::WorkTrial | OpeningKind::EducationTrial
            ) {
                agree(svc, coach, id, starts_on).await?;
            }
            v = svc
                .move_placement(coach, id, PlacementState::Active, None, starts_on, v)
                .await?
                .version;
            match story {
                Story::CompletedTrial => {
                    svc.move_placement(
                        coach,
                        id,
                        PlacementState::Completed,
                        None,
                        ends_on.unwrap_or(today),
                        v,
                    )
                    .await?;
                }
                Story::InterruptedTrial => {
                    svc.move_placement(
                        coach,
                        id,
                        PlacementState::Interrupted,
                        Some(
                            "Työmatka osoittautui liian pitkäksi julkisilla kulkuneuvoilla.".into(),
                        ),
                        today - Duration::days(12),
                        v,
                    )
                    .await?;
                }
                Story::Apprenticeship => {
                    // A hundred days in: the first follow-up was done on time.
                    let first = svc
                        .participant_follow_ups(coach, p.participant_id, today)
                        .await?
                        .into_iter()
                        .find(|f| f.follow_up.placement_id == id);
                    if let Some(first) = first {
                        svc.record_follow_up(
                            coach,
                            first.follow_up.id,
                            polku_domain::FollowUpRecord {
                                still_working: polku_domain::StillWorking::SameEmployer,
                                hours_per_week: 30,
                                support_given: "Puhelu työpaikkaohjaajalle ja käynti työpaikalla."
                                    .into(),
                                needs_recrafting: false,
                                note: "Työ sujuu; oppisopimuksen teoriajaksot alkavat keväällä."
                                    .into(),
                            },
                            first.follow_up.due_on + Duration::days(1),
                            first.follow_up.version,
                        )
                        .await?;
                    }
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// The written trial agreement, accepted on paper by every party before the start (the law's
/// order; the service refuses to start a trial without it).
pub(crate) async fn agree(
    svc: &Service,
    coach: &Actor,
    id: polku_domain::PlacementId,
    on: Date,
) -> Result<()> {
    use polku_domain::{AgreementParty, AllowancePayer};
    let a = svc
        .save_agreement(
            coach,
            id,
            polku_service::agreements::AgreementInput {
                objective: "Kokeillaan, sopivatko tehtävät ja työaika, ja harjoitellaan tehtäviä \
                            työpaikkaohjaajan tuella."
                    .into(),
                signatory_name: "Eeva Esimies".into(),
                signatory_title: "Toimitusjohtaja".into(),
                authority_name: "Tarja Virkailija".into(),
                authority_organisation: "Työllisyysalue".into(),
                authority_contact: "040 123 4567".into(),
                mentor_name: None,
                allowance_per_day: 9,
                allowance_payer: AllowancePayer::Kela,
                other_terms: String::new(),
                terms: None,
            },
            None,
        )
        .await?;
    let signed = (on - Duration::days(7)).min(polku_service::today());
    for (party, name) in [
        (AgreementParty::Participant, "Osallistuja (paperilla)"),
        (AgreementParty::Organiser, "Eeva Esimies"),
        (AgreementParty::Authority, "Tarja Virkailija"),
    ] {
        svc.record_paper_acceptance(coach, id, party, name, signed, a.version)
            .await?;
    }
    Ok(())
}
