//! The whole demo data set as a pure function of the options: no database, no clock, no OS
//! randomness. Writing it is [`super`]'s job.

use super::employers::{self, Area, PlannedEmployer, Taken};
use super::people::{self, Home, PlannedParticipant};
use super::regions::REGIONS;
use super::staff;
use super::tasks;
use super::DemoOptions;
use polku_domain::{MunicipalityCode, Organisation, Project, User, UserId};
use polku_service::{Result, ServiceError};
use std::collections::BTreeSet;

/// Everything the demo writes, in writing order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoPlan {
    pub organisations: Vec<Organisation>,
    pub projects: Vec<Project>,
    pub users: Vec<User>,
    /// Which organisation a staff member works for (written after the users).
    pub works_for: Vec<(UserId, polku_domain::OrganisationId)>,
    pub participants: Vec<PlannedParticipant>,
    pub employers: Vec<PlannedEmployer>,
    /// Work trials crafted for participants the generated openings leave with too few
    /// suggestions (see [`super::fit`]); written after the employers.
    pub crafted: super::fit::Crafted,
}

impl DemoPlan {
    pub fn task_count(&self) -> usize {
        self.employers.iter().map(|e| e.tasks.len()).sum::<usize>() + self.crafted.tasks.len()
    }

    pub fn opening_count(&self) -> usize {
        self.employers
            .iter()
            .map(|e| e.openings.len())
            .sum::<usize>()
            + self.crafted.openings.len()
    }
}

/// The demo data for `opts`. Participant `i` is the same whatever the total, and likewise
/// employer `j`: each has its own random stream. Participants go round the coaches of all
/// projects in turn, so caseloads differ by at most one; employers go round the projects.
pub fn plan(opts: &DemoOptions) -> Result<DemoPlan> {
    let seed = opts.seed;
    let mut business_ids = BTreeSet::new();
    let staff = staff::staff(seed, REGIONS, &mut business_ids)?;
    let codes: Vec<Vec<MunicipalityCode>> =
        REGIONS.iter().map(|r| r.codes()).collect::<Result<_>>()?;
    let slots: Vec<(usize, UserId)> = staff
        .projects
        .iter()
        .enumerate()
        .flat_map(|(p, ps)| ps.coaches.iter().map(move |c| (p, *c)))
        .collect();
    if slots.is_empty() {
        return Err(ServiceError::Config("demo data: no coaches".into()));
    }
    let mut hetus = BTreeSet::new();
    let mut participants = Vec::with_capacity(opts.participants);
    for i in 0..opts.participants {
        let (p, coach) = slots[i % slots.len()];
        let home = Home {
            region: &REGIONS[p],
            codes: &codes[p],
            project: staff.projects[p].project.id,
            coach,
        };
        participants.push(people::participant(seed, i, home, &mut hetus)?);
    }
    let templates = tasks::templates()?;
    let mut taken = Taken {
        business_ids,
        names: BTreeSet::new(),
    };
    let mut employers = Vec::with_capacity(opts.employers);
    for j in 0..opts.employers {
        let p = j % REGIONS.len();
        let area = Area {
            region: &REGIONS[p],
            codes: &codes[p],
            project: staff.projects[p].project.id,
            coordinators: &staff.projects[p].coordinators,
        };
        employers.push(employers::employer(seed, j, area, &templates, &mut taken)?);
    }
    let crafted = super::fit::crafted_openings(seed, &participants, &employers)?;
    Ok(DemoPlan {
        organisations: staff.organisations,
        projects: staff.projects.into_iter().map(|p| p.project).collect(),
        users: staff.users,
        works_for: staff.works_for,
        participants,
        employers,
        crafted,
    })
}
