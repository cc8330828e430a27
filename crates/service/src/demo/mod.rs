//! Deterministic demonstration data for `polku demo [--participants N] [--employers N]
//! [--seed S]`: organisations, one project per region of the source articles, staff accounts,
//! participants with functioning profiles, and employers with task inventories and openings.
//!
//! [`plan`] computes everything from the seed alone. [`Service::seed_demo`] writes the plan
//! through the ordinary use cases (authorisation, validation, encryption, audit), one entity per
//! transaction, checking existence first: a second run writes nothing, and a run that was killed
//! midway is completed by running it again. A database seeded with another seed is refused.

mod employers;
mod esco_refs;
mod esco_table;
mod functioning;
mod ids;
mod names;
mod openings;
mod people;
mod plan;
mod profile;
mod regions;
mod rng;
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

use crate::{Actor, Result, Service, ServiceError};
use polku_domain::Role;
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

impl Service {
    /// Writes the demo data for `opts`, skipping what is already there. Only the operator
    /// (a system actor) may run it: it writes participants into other people's caseloads.
    pub async fn seed_demo(
        &self,
        actor: &Actor,
        opts: &DemoOptions,
        progress: &mut (dyn FnMut(DemoProgress) + Send),
    ) -> Result<DemoSummary> {
        if !actor.is_system() {
            return Err(ServiceError::Forbidden);
        }
        let plan = plan(opts)?;
        let seed = opts.seed.to_string();
        self.store().set_meta_if_absent(META_SEED, &seed).await?;
        match self.store().get_meta(META_SEED).await? {
            Some(stored) if stored == seed => {}
            Some(stored) => {
                return Err(ServiceError::Config(format!(
                    "this database already holds demo data generated with seed {stored}; \
                     use that seed or a new database"
                )))
            }
            None => {
                return Err(ServiceError::Storage(
                    "the demo seed was not recorded".into(),
                ))
            }
        }
        let store = self.store();
        for org in &plan.organisations {
            if store.get_organisation(org.id).await?.is_none() {
                self.create_organisation(actor, org.clone()).await?;
            }
        }
        for project in &plan.projects {
            match store.get_project_by_code(&project.code).await? {
                Some(p) if p.id == project.id => {}
                Some(_) => return Err(foreign(&format!("project {}", project.code))),
                None => {
                    self.create_project(actor, project.clone()).await?;
                }
            }
        }
        for user in &plan.users {
            match store.get_user_by_email(user.email.as_str()).await? {
                Some(u) if u.id == user.id => {}
                Some(_) => return Err(foreign(&format!("user {}", user.email.as_str()))),
                None => self.insert_user_record(actor, user).await?,
            }
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
            if store.participant_scope(p.id).await?.is_some() {
                summary.participants_existing += 1;
            } else {
                self.create_participant(actor, p.to_new(), PURPOSE).await?;
                summary.participants_created += 1;
            }
            progress(DemoProgress::Participants { done: i + 1, total });
        }
        let total = plan.employers.len();
        progress(DemoProgress::Employers { done: 0, total });
        for (i, e) in plan.employers.iter().enumerate() {
            if store.get_employer(e.employer.id).await?.is_some() {
                summary.employers_existing += 1;
            } else {
                self.create_employer(actor, e.employer.clone()).await?;
                summary.employers_created += 1;
            }
            let have: BTreeSet<_> = store
                .list_tasks(e.employer.id)
                .await?
                .iter()
                .map(|t| t.id)
                .collect();
            for t in e.tasks.iter().filter(|t| !have.contains(&t.id)) {
                self.add_task(actor, t.clone()).await?;
            }
            let have: BTreeSet<_> = store
                .list_openings(e.employer.id)
                .await?
                .iter()
                .map(|o| o.id)
                .collect();
            for o in e.openings.iter().filter(|o| !have.contains(&o.id)) {
                self.add_opening(actor, o.clone()).await?;
            }
            progress(DemoProgress::Employers { done: i + 1, total });
        }
        self.seed_demo_sharing(&plan).await?;
        Ok(summary)
    }

    /// In each project, the first two participants have consented to showing their contact
    /// details, skills and languages to employers, and their coach has shared those with the
    /// project's first employer user for a month, so the recipient's page has something to show.
    /// Consents already in force and existing shares are left as they are.
    async fn seed_demo_sharing(&self, plan: &DemoPlan) -> Result<()> {
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
                self.give_consent(
                    &coach,
                    p.id,
                    crate::consents::NewConsent {
                        recipient: RecipientClass::Employer,
                        purpose: ConsentPurpose::Placement,
                        categories: categories.clone(),
                        method: ConsentMethod::Written,
                        shown: Default::default(),
                    },
                    PURPOSE,
                )
                .await?;
                if self
                    .store()
                    .shares_for(p.id)
                    .await?
                    .iter()
                    .any(|s| s.recipient == employer.id)
                {
                    continue;
                }
                let until = time::OffsetDateTime::now_utc().date() + time::Duration::days(30);
                self.share_participant(
                    &coach,
                    polku_domain::Share {
                        id: polku_domain::ShareId::new(),
                        participant_id: p.id,
                        recipient: employer.id,
                        categories: categories.clone(),
                        until,
                        revoked_at: None,
                    },
                    "matching",
                )
                .await?;
            }
        }
        Ok(())
    }
}
