//! `polku org add | edit | list`: the organisations that run projects (the lead and partners).

use crate::config::Config;
use crate::exit::{CliError, CliResult, NOT_FOUND};
use crate::open::{with_service, Mode};
use clap::Subcommand;
use polku_domain::{BusinessId, Organisation, OrganisationId};
use polku_service::{Actor, Service};

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Create an organisation; prints its id.
    Add {
        #[arg(long)]
        name: String,
        /// Business ID (Y-tunnus), e.g. 1234567-8; checked, and unique.
        #[arg(long)]
        business_id: Option<String>,
    },
    /// Change an organisation's name or business ID.
    Edit {
        /// The organisation: its id, business ID or exact name.
        org: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        business_id: Option<String>,
    },
    /// Every organisation: id, name, business ID.
    List,
}

/// An organisation named by its id, business ID or exact name (exit 4 when none matches).
pub async fn resolve(svc: &Service, actor: &Actor, key: &str) -> CliResult<Organisation> {
    let key = key.trim();
    let all = svc.list_organisations(actor).await?;
    let id = OrganisationId::parse(key).ok();
    let bid = BusinessId::parse(key).ok();
    let found: Vec<&Organisation> = all
        .iter()
        .filter(|o| {
            Some(o.id) == id
                || (bid.is_some() && o.business_id == bid)
                || o.name.eq_ignore_ascii_case(key)
        })
        .collect();
    match found.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(CliError::new(
            NOT_FOUND,
            format!(
                "no organisation {key:?} (give its id, business ID or name; see `polku org list`)"
            ),
        )),
        _ => Err(CliError::new(
            crate::exit::INVALID_INPUT,
            format!("{key:?} names several organisations: give the id"),
        )),
    }
}

pub async fn run(cfg: &Config, c: OrgCommand) -> CliResult {
    with_service(cfg, Mode::Existing, |svc| async move {
        let actor = Actor::system("org");
        let out = match c {
            OrgCommand::Add { name, business_id } => {
                let business_id = business_id.as_deref().map(BusinessId::parse).transpose()?;
                let org = svc
                    .create_organisation(
                        &actor,
                        Organisation {
                            id: OrganisationId::new(),
                            name,
                            business_id,
                        },
                    )
                    .await?;
                format!("created organisation {} ({})\n", org.name, org.id)
            }
            OrgCommand::Edit {
                org,
                name,
                business_id,
            } => {
                let mut o = resolve(&svc, &actor, &org).await?;
                if let Some(n) = name {
                    o.name = n;
                }
                if let Some(b) = business_id {
                    o.business_id = if b.trim().is_empty() {
                        None
                    } else {
                        Some(BusinessId::parse(&b)?)
                    };
                }
                let o = svc.update_organisation(&actor, o).await?;
                format!("updated organisation {} ({})\n", o.name, o.id)
            }
            OrgCommand::List => {
                let mut out = String::new();
                for o in svc.list_organisations(&actor).await? {
                    out.push_str(&format!(
                        "{}\t{}\t{}\n",
                        o.id,
                        o.name,
                        o.business_id.as_ref().map(|b| b.as_str()).unwrap_or("-")
                    ));
                }
                out
            }
        };
        super::emit(&out)
    })
    .await
}
