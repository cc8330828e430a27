//! Deterministic demonstration data for `polku demo [--participants N] [--employers N]
//! [--seed S]`: organisations, one project per region of the source articles, staff accounts,
//! participants with functioning profiles, and employers with task inventories and openings.
//!
//! [`plan`] computes everything from the seed alone. [`seed`] writes the plan through the
//! ordinary public use cases of `polku-service` (authorisation, validation, encryption, audit),
//! one entity per transaction, checking existence first with the operator's existence checks:
//! a second run writes nothing, and a run that was killed midway is completed by running it
//! again. A database seeded with another seed is refused. The generator never touches the
//! store directly.

mod agreements;
mod casework;
mod employers;
mod esco_refs;
mod esco_table;
pub mod fit;
mod follow_ups;
mod functioning;
mod gigs;
mod ids;
mod mentoring;
mod names;
mod openings;
mod people;
mod placements;
mod plan;
mod profile;
mod qualifications;
mod referrals;
mod regions;
mod rng;
mod sector;
mod staff;
mod task_table;
mod tasks;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_shape;

pub use employers::PlannedEmployer;
pub use people::{PlannedParticipant, REFERENCE_DATE};
pub use plan::{plan, DemoPlan};

use polku_domain::Role;
use polku_service::consents::NewConsent;
use polku_service::{Actor, Result, Service, ServiceError};
use std::collections::BTreeSet;

/// The meta key that records which seed the demo data in a database came from.
pub const META_SEED: &str = "demo_seed";
/// The purpose recorded in the audit log for participants written by the generator.
pub const PURPOSE: &str = "demo_seed";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    pub participants: usize,
    pub employers: usize,
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            participants: 200,
            employers: 60,
            seed: 1,
        }
    }
}

/// What a run found and did. `organisations`, `projects`, `users`, `tasks` and `openings` are
/// the totals of the demo data set (present after the run); participants and employers are split
/// into those this run created and those that were already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DemoSummary {
    pub organisations: usize,
    pub projects: usize,
    pub users: usize,
    pub participants_created: usize,
    pub participants_existing: usize,
    pub employers_created: usize,
    pub employers_existing: usize,
    pub tasks: usize,
    pub openings: usize,
}

/// Reported after each participant and after each employer (with its tasks and openings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoProgress {
    Participants { done: usize, total: usize },
    Employers { done: usize, total: usize },
}

fn foreign(what: &str) -> ServiceError {
    ServiceError::Config(format!(
        "{what} already exists but was not written by the demo generator; use a new database"
    ))
}

/// `Ok(None)` for a record that is not there, so an existence check can go through a reading
/// use case that answers "not found".
fn found<T>(r: Result<T>) -> Result<Option<T>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(ServiceError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether the database holds demo data (of any seed).
pub async fn is_seeded(svc: &Service, actor: &Actor) -> Result<bool> {
    Ok(svc.meta(actor, META_SEED).await?.is_some())
}

/// Writes the demo data for `opts` through `svc`, skipping what is already there. Only the
/// operator (a system actor) may run it: it writes participants into other people's caseloads.
pub async fn seed(
    svc: &Service,
    actor: &Actor,
    opts: &DemoOptions,
    progress: &mut (dyn FnMut(DemoProgress) + Send),
) -> Result<DemoSummary> {
    if !actor.is_system() {
        return Err(ServiceError::Forbidden);
    }
    let plan = plan(opts)?;
    let seed = opts.seed.to_string();
    let stored = svc.meta_or_set(actor, META_SEED, &seed).await?;
    if stored != seed {
        return Err(ServiceError::Config(format!(
            "this database already holds demo data generated with seed {stored}; \
             use that seed or a new database"
        )));
    }
    for org in &plan.organisations {
        if !svc.organisation_exists(actor, org.id).await? {
            svc.create_organisation(actor, org.clone()).await?;
        }
        // The demo's people have identity codes, phones and the ESF+ answers: their
        // organisations switch those optional fields on (R42). Outside the `if` so that a run
        // stopped between the two steps is completed by the next one; a no-op when set.
        svc.set_optional_fields(actor, org.id, polku_domain::FieldSettings::all())
            .await?;
    }
    for project in &plan.projects {
        match found(svc.project_by_code(actor, &project.code).await)? {
            Some(p) if p.id == project.id => {}
            Some(_) => return Err(foreign(&format!("project {}", project.code))),
            None => {
                svc.create_project(actor, project.clone()).await?;
            }
        }
    }
    for user in &plan.users {
        match svc.user_id_by_email(actor, user.email.as_str()).await? {
            Some(id) if id == user.id => {}
            Some(_) => return Err(foreign(&format!("user {}", user.email.as_str()))),
            None => svc.insert_user_record(actor, user).await?,
        }
    }
    for (user, organisation) in &plan.works_for {
        svc.set_staff_organisation(actor, *user, Some(*organisation))
            .await?;
    }
    let mut summary = DemoSummary {
        organisations: plan.organisations.len(),
        projects: plan.projects.len(),
        users: plan.users.len(),
        tasks: plan.task_count(),
        openings: plan.opening_count(),
        ..DemoSummary::default()
    };
    let total = plan.participants.len();
    progress(DemoProgress::Participants { done: 0, total });
    for (i, p) in plan.participants.iter().enumerate() {
        if svc.participant_exists(actor, p.id).await? {
            summary.participants_existing += 1;
        } else {
            svc.create_participant(actor, p.to_new(), PURPOSE).await?;
            summary.participants_created += 1;
        }
        progress(DemoProgress::Participants { done: i + 1, total });
    }
    let total = plan.employers.len();
    progress(DemoProgress::Employers { done: 0, total });
    for (i, e) in plan.employers.iter().enumerate() {
        if found(svc.employer(actor, e.employer.id).await)?.is_some() {
            summary.employers_existing += 1;
        } else {
            svc.create_employer(actor, e.employer.clone()).await?;
            summary.employers_created += 1;
        }
        let have: BTreeSet<_> = svc
            .tasks(actor, e.employer.id)
            .await?
            .iter()
            .map(|t| t.id)
            .collect();
        let carved = plan
            .crafted
            .tasks
            .iter()
            .filter(|t| t.employer_id == e.employer.id);
        for t in e
            .tasks
            .iter()
            .chain(carved)
            .filter(|t| !have.contains(&t.id))
        {
            svc.add_task(actor, t.clone()).await?;
        }
        let have: BTreeSet<_> = svc
            .openings(actor, e.employer.id)
            .await?
            .iter()
            .map(|o| o.id)
            .collect();
        let crafted = plan
            .crafted
            .openings
            .iter()
            .filter(|o| o.employer_id == e.employer.id);
        for o in e
            .openings
            .iter()
            .chain(crafted)
            .filter(|o| !have.contains(&o.id))
        {
            svc.add_opening(actor, o.clone()).await?;
        }
        progress(DemoProgress::Employers { done: i + 1, total });
    }
    seed_sharing(svc, actor, &plan).await?;
    // Meetings, plan steps and employer contacts are dated from today (Helsinki time).
    let now = time::OffsetDateTime::now_utc();
    let today = now.to_offset(casework::helsinki_offset(now)).date();
    casework::seed_casework(svc, actor, &plan, today).await?;
    casework::seed_employer_work(svc, actor, &plan, today).await?;
    placements::seed_placements(svc, actor, &plan, today).await?;
    follow_ups::seed_follow_ups(svc, actor, &plan, today).await?;
    agreements::seed_agreements(svc, actor, &plan, today).await?;
    mentoring::seed_mentoring(svc, actor, &plan, today).await?;
    gigs::seed_gigs(svc, actor, &plan, today).await?;
    qualifications::seed_qualifications(svc, actor, &plan, today).await?;
    referrals::seed_referrals(svc, actor, &plan, today).await?;
    Ok(summary)
}

/// In each project, the first two participants have consented to showing their contact
/// details, skills and languages to employers, and their coach has shared those with the
/// project's first employer user for a month, so the recipient's page has something to show.
/// Consents already in force and existing shares are left as they are.
async fn seed_sharing(svc: &Service, operator: &Actor, plan: &DemoPlan) -> Result<()> {
    use polku_domain::{ConsentMethod, ConsentPurpose, DataCategory, RecipientClass};
    let categories = vec![
        DataCategory::Contact,
        DataCategory::Skills,
        DataCategory::Languages,
    ];
    for project in &plan.projects {
        let Some(employer) = plan.users.iter().find(|u| {
            u.roles
                .iter()
                .any(|g| g.role == Role::Employer && g.project == Some(project.id))
        }) else {
            continue;
        };
        for p in plan
            .participants
            .iter()
            .filter(|p| p.project_id == project.id)
            .take(2)
        {
            let coach = Actor::user(
                p.coach_id,
                vec![polku_domain::RoleGrant {
                    role: Role::Coach,
                    project: Some(project.id),
                }],
            );
            svc.give_consent(
                &coach,
                p.id,
                NewConsent {
                    recipient: RecipientClass::Employer,
                    purpose: ConsentPurpose::Placement,
                    categories: categories.clone(),
                    method: ConsentMethod::Written,
                    shown: Default::default(),
                },
                PURPOSE,
            )
            .await?;
            if svc.has_share_with(operator, p.id, employer.id).await? {
                continue;
            }
            let until = time::OffsetDateTime::now_utc().date() + time::Duration::days(30);
            svc.share_participant(
                &coach,
                polku_domain::Share {
                    id: polku_domain::ShareId::new(),
                    participant_id: p.id,
                    recipient: employer.id,
                    categories: categories.clone(),
                    until,
                    revoked_at: None,
                    purpose: polku_domain::ConsentPurpose::Placement,
                },
                "matching",
            )
            .await?;
        }
    }
    Ok(())
}
