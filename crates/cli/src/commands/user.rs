//! `polku user add`.

use crate::config::Config;
use crate::exit::CliResult;
use crate::open::{open, Mode};
use clap::Subcommand;
use polku_domain::{Email, Role};
use polku_service::Actor;

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account; prints a one-time activation token that expires in 72 hours.
    Add {
        #[arg(long)]
        email: String,
        /// admin, manager, coach, coordinator, employer, mentor, institution or participant.
        #[arg(long)]
        role: String,
        /// Project code (every role but admin belongs to a project).
        #[arg(long)]
        project: Option<String>,
        /// Display name (defaults to the part of the e-mail before @).
        #[arg(long)]
        name: Option<String>,
    },
}

pub async fn run(cfg: &Config, c: UserCommand) -> CliResult {
    match c {
        UserCommand::Add {
            email,
            role,
            project,
            name,
        } => {
            let email = Email::parse(&email)?;
            let role = Role::parse(&role)?;
            let svc = open(cfg, Mode::Existing).await?;
            let display = name.unwrap_or_else(|| {
                email
                    .as_str()
                    .split('@')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            });
            let created = svc
                .add_user(
                    &Actor::system("user add"),
                    email,
                    &display,
                    role,
                    project.as_deref(),
                )
                .await;
            svc.store().close().await;
            let created = created?;
            println!(
                "created {} ({}) with role {role}",
                created.user.email.as_str(),
                created.user.id
            );
            println!(
                "one-time activation token (expires {}):",
                created.expires_at
            );
            println!("{}", created.activation_token);
            Ok(())
        }
    }
}
