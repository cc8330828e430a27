//! `polku user add | activate | end-sessions`.

use crate::config::Config;
use crate::exit::CliResult;
use crate::open::{with_service, Mode};
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
    /// Set the first password with the one-time activation token. Reads two lines from standard
    /// input — the token, then the password — so neither appears on the command line.
    Activate,
    /// End every session of a user (e.g. a lost laptop).
    EndSessions {
        #[arg(long)]
        email: String,
    },
}

fn read_line(what: &str) -> CliResult<String> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(|e| {
        crate::exit::CliError::new(
            crate::exit::INVALID_INPUT,
            format!("cannot read the {what}: {e}"),
        )
    })?;
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}

pub async fn run(cfg: &Config, c: UserCommand) -> CliResult {
    match c {
        UserCommand::Activate => {
            let token = read_line("token")?;
            let password = read_line("password")?;
            let user = with_service(cfg, Mode::Existing, |svc| async move {
                Ok(svc
                    .activate_account(token.trim(), &password, time::OffsetDateTime::now_utc())
                    .await?)
            })
            .await?;
            println!(
                "account {user} is active; sign in with its e-mail address and the new password"
            );
            Ok(())
        }
        UserCommand::EndSessions { email } => {
            let email = Email::parse(&email)?;
            let ended = with_service(cfg, Mode::Existing, |svc| {
                let email = email.clone();
                async move {
                    Ok(svc
                        .end_sessions(&Actor::system("user end-sessions"), &email)
                        .await?)
                }
            })
            .await?;
            println!("ended {ended} sessions of {}", email.as_str());
            Ok(())
        }
        UserCommand::Add {
            email,
            role,
            project,
            name,
        } => {
            let email = Email::parse(&email)?;
            let role = Role::parse(&role)?;
            let display = name.unwrap_or_else(|| {
                email
                    .as_str()
                    .split('@')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            });
            let created = with_service(cfg, Mode::Existing, |svc| async move {
                Ok(svc
                    .add_user(
                        &Actor::system("user add"),
                        email,
                        &display,
                        role,
                        project.as_deref(),
                    )
                    .await?)
            })
            .await?;
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
