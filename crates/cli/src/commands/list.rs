//! `polku list …`: quick listings for operators, through the use cases. Listings of people
//! (users, participants) are audited like any other read of personal data.

use crate::config::Config;
use crate::exit::{CliError, CliResult, NOT_FOUND};
use crate::open::{with_service, Mode};
use clap::Subcommand;
use polku_service::{Actor, Service, ServiceError};

#[derive(Debug, Subcommand)]
pub enum ListCommand {
    Projects,
    Users,
    /// Participants of a project (audited).
    Participants {
        #[arg(long)]
        project: String,
    },
    /// Employers of a project with their tasks and openings counted.
    Employers {
        #[arg(long)]
        project: String,
    },
}

async fn project_id(
    svc: &Service,
    actor: &Actor,
    code: &str,
) -> CliResult<polku_domain::ProjectId> {
    match svc.project_by_code(actor, code).await {
        Ok(p) => Ok(p.id),
        Err(ServiceError::NotFound) => Err(CliError::new(
            NOT_FOUND,
            format!("no project with code {code:?}"),
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn run(cfg: &Config, c: ListCommand) -> CliResult {
    with_service(
        cfg,
        Mode::Existing,
        |svc| async move { list(&svc, c).await },
    )
    .await
}

async fn list(svc: &Service, c: ListCommand) -> CliResult {
    use std::fmt::Write;
    let actor = Actor::system("list");
    let mut out = String::new();
    match c {
        ListCommand::Projects => {
            for p in svc.list_projects(&actor).await? {
                let _ = writeln!(
                    out,
                    "{}\t{}\t{} – {}\t{}",
                    p.code,
                    p.name,
                    p.starts_on,
                    p.ends_on,
                    p.regions.join(", ")
                );
            }
        }
        ListCommand::Users => {
            let projects = svc.list_projects(&actor).await?;
            for u in svc.list_users(&actor).await? {
                let roles: Vec<String> = u
                    .roles
                    .iter()
                    .map(|g| {
                        match g
                            .project
                            .and_then(|id| projects.iter().find(|p| p.id == id))
                        {
                            Some(p) => format!("{}@{}", g.role.as_str(), p.code),
                            None => g.role.as_str().to_owned(),
                        }
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    u.email.as_str(),
                    u.display_name,
                    roles.join(","),
                    if u.deactivated {
                        "deactivated"
                    } else if u.active {
                        "active"
                    } else {
                        "not activated"
                    }
                );
            }
        }
        ListCommand::Participants { project } => {
            let id = project_id(svc, &actor, &project).await?;
            for p in svc.caseload(&actor, id, "maintenance").await? {
                let _ = writeln!(
                    out,
                    "{}\t{}, {}\t{}\twaiting since {}\t{}",
                    p.id,
                    p.family_name,
                    p.given_name,
                    p.stage,
                    p.waiting_since,
                    p.home_municipality
                );
            }
        }
        ListCommand::Employers { project } => {
            let id = project_id(svc, &actor, &project).await?;
            for line in svc.employer_overview(&actor, id).await? {
                let e = &line.employer;
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\tTOL {}\t{} tasks\t{} openings",
                    e.id, e.business_id, e.name, e.industry_tol, line.tasks, line.openings
                );
            }
        }
    }
    crate::commands::emit(&out)
}
