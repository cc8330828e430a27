//! Organisations, projects and staff accounts: one project per region, run by the region's
//! organisation (the first is the lead), with a manager, coaches, coordinators, employer users,
//! a mentor and a school's user (institution role) each, plus one administrator. Accounts are inactive and have no activation token.
//! Each project is funded under a specific objective of the ESF+ programme
//! (`data/funding-programmes.json`), works in its region's municipalities and has one partner,
//! the main town's employment services, whose staff include the project's last coach (and its
//! last coordinator when there are two), so the reports' organisation filter shows something.

use super::ids;
use super::names::{self, Background};
use super::regions::RegionSpec;
use super::rng::Rng;
use polku_domain::{
    Email, Funding, Organisation, OrganisationId, Project, ProjectId, Role, RoleGrant, User, UserId,
};
use polku_service::Result;
use std::collections::BTreeSet;
use time::macros::date;

pub const EMAIL_DOMAIN: &str = "demo.polku.fi";

/// A project with its people, as the rest of the plan needs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectStaff {
    pub project: Project,
    pub coaches: Vec<UserId>,
    pub coordinators: Vec<UserId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub organisations: Vec<Organisation>,
    pub projects: Vec<ProjectStaff>,
    pub users: Vec<User>,
    /// Which organisation a staff member works for (only those at a partner or, for one coach
    /// per project, explicitly at the lead; the rest are not recorded and count for the lead).
    pub works_for: Vec<(UserId, OrganisationId)>,
}

/// The programme every demo project is funded from.
pub const PROGRAMME: &str = "FI-ESF+-2021-2027";

/// The specific objective that fits the region's project (Regulation (EU) 2021/1057 Art. 4(1)):
/// (i) integration of third-country nationals for Kymenlaakso's immigrant-background project,
/// (h) active inclusion for the partial-work-ability projects, (a) access to employment for the
/// rest.
fn objective(key: &str) -> &'static str {
    match key {
        "KY" => "ESO4.9",
        "PH" | "KP" => "ESO4.8",
        _ => "ESO4.1",
    }
}

fn user(
    rng: &mut Rng,
    local: &str,
    role: Role,
    project: Option<ProjectId>,
    label: &str,
) -> Result<User> {
    let id = UserId(rng.uuid());
    let bg = if rng.chance(12) {
        *rng.weighted(names::IMMIGRANT_WEIGHTS)
    } else {
        Background::Finnish
    };
    let male = rng.chance(45);
    let (given, family) = names::name(rng, bg, male);
    Ok(User {
        id,
        email: Email::parse(&format!("{local}@{EMAIL_DOMAIN}"))?,
        display_name: format!("{given} {family} ({label})"),
        roles: vec![RoleGrant::new(role, project)?],
        active: false,
        deactivated: false,
    })
}

/// Everyone who works in the demo projects. `business_ids` collects the IDs drawn.
pub fn staff(
    seed: u64,
    regions: &[RegionSpec],
    business_ids: &mut BTreeSet<String>,
) -> Result<Staff> {
    let mut out = Staff {
        organisations: Vec::new(),
        projects: Vec::new(),
        users: Vec::new(),
        works_for: Vec::new(),
    };
    let mut rng = Rng::stream(seed, "admin", 0);
    out.users
        .push(user(&mut rng, "admin", Role::Admin, None, "ylläpitäjä")?);
    for (i, r) in regions.iter().enumerate() {
        let mut rng = Rng::stream(seed, "region", i as u64);
        let org = Organisation {
            id: OrganisationId(rng.uuid()),
            name: r.organisation.to_owned(),
            business_id: Some(ids::business_id(&mut rng, business_ids)?),
        };
        let project = Project::new(
            ProjectId(rng.uuid()),
            org.id,
            &r.project_code(),
            r.project_name,
            vec![r.region_name()?.to_owned()],
            r.target_groups.iter().map(|s| (*s).to_owned()).collect(),
            date!(2024 - 09 - 01),
            date!(2027 - 08 - 31),
        )?;
        // The partner and the funding come from a stream of their own, so the rest of the
        // region's data stays what the seed gave before they were added.
        let mut prng = Rng::stream(seed, "partner", i as u64);
        let partner = Organisation {
            id: OrganisationId(prng.uuid()),
            name: format!("{} kaupungin työllisyyspalvelut", r.places[0].1),
            business_id: Some(ids::business_id(&mut prng, business_ids)?),
        };
        let municipalities: Vec<String> =
            r.codes()?.iter().map(|c| c.as_str().to_owned()).collect();
        let funding = Funding::new(PROGRAMME, objective(r.key), project.starts_on)?;
        let project = project.with_setup(Some(funding), &municipalities, &[partner.id])?;
        let key = r.key.to_lowercase();
        let pid = Some(project.id);
        let mut users = vec![user(
            &mut rng,
            &format!("manager.{key}"),
            Role::Manager,
            pid,
            "projektipäällikkö",
        )?];
        let n_coaches = if rng.chance(40) { 3 } else { 2 };
        let n_coordinators = if rng.chance(50) { 2 } else { 1 };
        let mut coaches = Vec::new();
        for n in 1..=n_coaches {
            let u = user(
                &mut rng,
                &format!("coach{n}.{key}"),
                Role::Coach,
                pid,
                "työhönvalmentaja",
            )?;
            coaches.push(u.id);
            users.push(u);
        }
        let mut coordinators = Vec::new();
        for n in 1..=n_coordinators {
            let u = user(
                &mut rng,
                &format!("coordinator{n}.{key}"),
                Role::Coordinator,
                pid,
                "työnantajakoordinaattori",
            )?;
            coordinators.push(u.id);
            users.push(u);
        }
        for n in 1..=2 {
            let local = format!("employer{n}.{key}");
            users.push(user(&mut rng, &local, Role::Employer, pid, "työnantaja")?);
        }
        users.push(user(
            &mut rng,
            &format!("mentor1.{key}"),
            Role::Mentor,
            pid,
            "työpaikkamentori",
        )?);
        // The school that refers final-year students to the project (the school-to-work
        // handover), from a stream of its own so the rest stays what the seed gave before.
        let mut srng = Rng::stream(seed, "school", i as u64);
        users.push(user(
            &mut srng,
            &format!("school1.{key}"),
            Role::Institution,
            pid,
            "oppilaitos",
        )?);
        out.works_for.push((coaches[0], org.id));
        if let Some(c) = coaches.last() {
            out.works_for.push((*c, partner.id));
        }
        if coordinators.len() > 1 {
            if let Some(c) = coordinators.last() {
                out.works_for.push((*c, partner.id));
            }
        }
        out.organisations.push(org);
        out.organisations.push(partner);
        out.projects.push(ProjectStaff {
            project,
            coaches,
            coordinators,
        });
        out.users.extend(users);
    }
    Ok(out)
}
