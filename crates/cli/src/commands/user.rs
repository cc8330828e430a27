//! `polku user add | activate | end-sessions | grant | revoke | deactivate | reactivate |
//! organisation`.

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
    /// Give a user one more role (a user may hold several: e.g. coach in one project and
    /// coordinator in another). Applies from their next request.
    Grant {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
        /// Project code (every role but admin belongs to a project).
        #[arg(long)]
        project: Option<String>,
    },
    /// Take a role away. The last active administrator keeps the admin role.
    Revoke {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
        #[arg(long)]
        project: Option<String>,
    },
    /// Deactivate an account: it cannot sign in and every session of it ends now; its history
    /// stays. The last active administrator cannot be deactivated.
    Deactivate {
        #[arg(long)]
        email: String,
    },
    /// Reactivate a deactivated account (it signs in with its old password).
    Reactivate {
        #[arg(long)]
        email: String,
    },
    /// Record which organisation a staff member works for (id, business ID or exact name), or
    /// clear it with `--none`. A partner organisation's reports count the participants and
    /// employers of its own staff (docs/ESF.md, "The organisation filter").
    Organisation {
        #[arg(long)]
        email: String,
        #[arg(long, required_unless_present = "none", conflicts_with = "none")]
        organisation: Option<String>,
        /// The organisation is not recorded (the project's lead organisation counts).
        #[arg(long)]
        none: bool,
    },
}

async fn user_id(
    svc: &polku_service::Service,
    actor: &Actor,
    email: &Email,
) -> CliResult<polku_domain::UserId> {
    match svc.admin_user_by_email(actor, email).await {
        Ok(u) => Ok(u.id),
        Err(polku_service::ServiceError::NotFound) => Err(crate::exit::CliError::new(
            crate::exit::NOT_FOUND,
            format!("no account with e-mail address {}", email.as_str()),
        )),
        Err(e) => Err(e.into()),
    }
}

async fn grant(
    svc: &polku_service::Service,
    role: Role,
    project: Option<&str>,
) -> CliResult<polku_domain::RoleGrant> {
    match svc.grant_for(role, project).await {
        Err(polku_service::ServiceError::NotFound) => Err(crate::exit::CliError::new(
            crate::exit::NOT_FOUND,
            format!("no project with code {:?}", project.unwrap_or_default()),
        )),
        other => Ok(other?),
    }
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
        UserCommand::Grant {
            email,
            role,
            project,
        } => {
            let email = Email::parse(&email)?;
            let role = Role::parse(&role)?;
            let line = with_service(cfg, Mode::Existing, |svc| async move {
                let actor = Actor::system("user grant");
                let id = user_id(&svc, &actor, &email).await?;
                let g = grant(&svc, role, project.as_deref()).await?;
                let added = svc.grant_role(&actor, id, g).await?;
                let scope = project.map(|p| format!(" in {p}")).unwrap_or_default();
                Ok(if added {
                    format!("{} is now {role}{scope}\n", email.as_str())
                } else {
                    format!(
                        "{} already is {role}{scope}; nothing changed\n",
                        email.as_str()
                    )
                })
            })
            .await?;
            super::emit(&line)
        }
        UserCommand::Revoke {
            email,
            role,
            project,
        } => {
            let email = Email::parse(&email)?;
            let role = Role::parse(&role)?;
            let line = with_service(cfg, Mode::Existing, |svc| async move {
                let actor = Actor::system("user revoke");
                let id = user_id(&svc, &actor, &email).await?;
                let g = grant(&svc, role, project.as_deref()).await?;
                let scope = project.map(|p| format!(" in {p}")).unwrap_or_default();
                if svc.revoke_role(&actor, id, g).await? {
                    Ok(format!("{} is no longer {role}{scope}\n", email.as_str()))
                } else {
                    Err(crate::exit::CliError::new(
                        crate::exit::NOT_FOUND,
                        format!("{} does not hold the role {role}{scope}", email.as_str()),
                    ))
                }
            })
            .await?;
            super::emit(&line)
        }
        UserCommand::Deactivate { email } => {
            let email = Email::parse(&email)?;
            let line = with_service(cfg, Mode::Existing, |svc| async move {
                let actor = Actor::system("user deactivate");
                let id = user_id(&svc, &actor, &email).await?;
                Ok(match svc.deactivate_user(&actor, id).await? {
                    Some(n) => format!("deactivated {}; ended {n} sessions\n", email.as_str()),
                    None => format!("{} was already deactivated\n", email.as_str()),
                })
            })
            .await?;
            super::emit(&line)
        }
        UserCommand::Reactivate { email } => {
            let email = Email::parse(&email)?;
            let line = with_service(cfg, Mode::Existing, |svc| async move {
                let actor = Actor::system("user reactivate");
                let id = user_id(&svc, &actor, &email).await?;
                Ok(if svc.reactivate_user(&actor, id).await? {
                    format!("reactivated {}\n", email.as_str())
                } else {
                    format!("{} was not deactivated; nothing changed\n", email.as_str())
                })
            })
            .await?;
            super::emit(&line)
        }
        UserCommand::Organisation {
            email,
            organisation,
            none: _,
        } => {
            let email = Email::parse(&email)?;
            let line = with_service(cfg, Mode::Existing, |svc| async move {
                let actor = Actor::system("user organisation");
                let id = user_id(&svc, &actor, &email).await?;
                let org = match &organisation {
                    Some(key) => Some(super::org::resolve(&svc, &actor, key).await?),
                    None => None,
                };
                let changed = svc
                    .set_staff_organisation(&actor, id, org.as_ref().map(|o| o.id))
                    .await?;
                Ok(match (org, changed) {
                    (Some(o), true) => format!("{} works for {}\n", email.as_str(), o.name),
                    (None, true) => format!("{} has no organisation recorded\n", email.as_str()),
                    (_, false) => format!("{}: nothing changed\n", email.as_str()),
                })
            })
            .await?;
            super::emit(&line)
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
