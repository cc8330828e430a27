//! `polku list …`: quick listings for operators. Participant listings are audited like any
//! other read of personal data.

use crate::config::Config;
use crate::exit::{CliError, CliResult, NOT_FOUND};
use crate::open::{open, Mode};
use clap::Subcommand;
use polku_service::{Actor, Service};

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

async fn project_id(svc: &Service, code: &str) -> CliResult<polku_domain::ProjectId> {
    Ok(svc
        .store()
        .get_project_by_code(code)
        .await?
        .ok_or_else(|| CliError::new(NOT_FOUND, format!("no project with code {code:?}")))?
        .id)
}

pub async fn run(cfg: &Config, c: ListCommand) -> CliResult {
    let svc = open(cfg, Mode::Existing).await?;
    let result = list(&svc, c).await;
    svc.store().close().await;
    result
}

async fn list(svc: &Service, c: ListCommand) -> CliResult {
    use std::fmt::Write;
    let actor = Actor::system("list");
    let mut out = String::new();
    match c {
        ListCommand::Projects => {
            for p in svc.store().list_projects().await? {
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
            for u in svc.store().list_users().await? {
                let roles: Vec<String> =
                    u.roles.iter().map(|g| g.role.as_str().to_owned()).collect();
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    u.email.as_str(),
                    u.display_name,
                    roles.join(","),
                    if u.active { "active" } else { "not activated" }
                );
            }
        }
        ListCommand::Participants { project } => {
            let id = project_id(svc, &project).await?;
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
            let id = project_id(svc, &project).await?;
            for e in svc.employers(&actor, id).await? {
                let tasks = svc.store().list_tasks(e.id).await?.len();
                let openings = svc.store().list_openings(e.id).await?.len();
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\tTOL {}\t{tasks} tasks\t{openings} openings",
                    e.id, e.business_id, e.name, e.industry_tol
                );
            }
        }
    }
    crate::commands::emit(&out)
}
