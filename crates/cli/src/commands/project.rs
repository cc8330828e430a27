//! `polku project add | edit | list`: projects with their funding programme and specific
//! objective (checked against `data/funding-programmes.json`), period, municipalities (checked
//! against the embedded register) and organisations (one lead, any number of partners).

use crate::config::Config;
use crate::exit::{CliError, CliResult, INVALID_INPUT, NOT_FOUND};
use crate::open::{with_service, Mode};
use clap::{Args, Subcommand};
use polku_domain::{geo, Funding, MunicipalityCode, Project, ProjectId};
use polku_service::{Actor, Service, ServiceError};
use time::Date;

#[derive(Debug, Args)]
pub struct ProjectFields {
    /// Name of the project.
    #[arg(long)]
    name: Option<String>,
    /// The lead organisation (administers the project): id, business ID or exact name.
    #[arg(long)]
    lead: Option<String>,
    /// A partner organisation (repeat for each): id, business ID or exact name.
    #[arg(long = "partner")]
    partners: Vec<String>,
    /// Funding programme code from `data/funding-programmes.json`, e.g. FI-ESF+-2021-2027.
    #[arg(long)]
    programme: Option<String>,
    /// Specific objective of the programme, e.g. ESO4.1 (see `polku project objectives`).
    #[arg(long)]
    objective: Option<String>,
    /// First day, YYYY-MM-DD.
    #[arg(long)]
    start: Option<String>,
    /// Last day, YYYY-MM-DD.
    #[arg(long)]
    end: Option<String>,
    /// A municipality the project works in (Statistics Finland code such as 398, or its
    /// Finnish or Swedish name; repeat or separate with commas).
    #[arg(long = "municipality")]
    municipalities: Vec<String>,
    /// A target group (repeat for each), free text.
    #[arg(long = "target-group")]
    target_groups: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// Create a project. Needs --code, --name, --lead, --programme, --objective, --start,
    /// --end and at least one --municipality.
    Add {
        /// Short code used everywhere else, e.g. MOMENTUM-PH (letters, digits, - and _).
        #[arg(long)]
        code: String,
        #[command(flatten)]
        fields: ProjectFields,
    },
    /// Change a project; what is given replaces what was there (`--partner` and
    /// `--municipality` replace the whole list; `--no-partners` removes every partner).
    Edit {
        code: String,
        #[command(flatten)]
        fields: ProjectFields,
        #[arg(long)]
        no_partners: bool,
    },
    /// Every project: code, name, period, programme and objective, lead, partners, municipalities.
    List,
    /// The funding programmes and their specific objectives that projects may name.
    Objectives,
}

fn date(field: &str, s: &str) -> CliResult<Date> {
    Date::parse(
        s.trim(),
        &time::format_description::well_known::Iso8601::DATE,
    )
    .map_err(|_| {
        CliError::new(
            INVALID_INPUT,
            format!("--{field}: {s:?} is not a date YYYY-MM-DD [invalid_value]"),
        )
    })
}

/// Municipality codes from codes or names (Finnish or Swedish), checked against the register.
fn municipalities(given: &[String]) -> CliResult<Vec<String>> {
    let mut out = Vec::new();
    for item in given.iter().flat_map(|s| s.split(',')) {
        let t = item.trim();
        if t.is_empty() {
            continue;
        }
        let code = match MunicipalityCode::known(t) {
            Ok(c) => c,
            Err(_) => match geo::municipality_by_name(t) {
                Some(m) => m.code.clone(),
                None => {
                    return Err(CliError::new(
                        INVALID_INPUT,
                        format!("--municipality: {t:?} is not a municipality in the register (give its code, e.g. 398, or its name) [unknown_municipality]"),
                    ))
                }
            },
        };
        out.push(code.as_str().to_owned());
    }
    Ok(out)
}

fn missing(what: &str) -> CliError {
    CliError::new(crate::exit::USAGE, format!("--{what} is required"))
}

async fn build(
    svc: &Service,
    actor: &Actor,
    base: Option<Project>,
    code: &str,
    f: ProjectFields,
    no_partners: bool,
) -> CliResult<Project> {
    let lead = match (&f.lead, &base) {
        (Some(l), _) => super::org::resolve(svc, actor, l).await?.id,
        (None, Some(b)) => b.organisation_id,
        (None, None) => return Err(missing("lead")),
    };
    let mut partners = Vec::new();
    for p in &f.partners {
        partners.push(super::org::resolve(svc, actor, p).await?.id);
    }
    if f.partners.is_empty() && !no_partners {
        if let Some(b) = &base {
            partners = b.partners.clone();
        }
    }
    let name = f
        .name
        .or_else(|| base.as_ref().map(|b| b.name.clone()))
        .ok_or_else(|| missing("name"))?;
    let starts_on = match (&f.start, &base) {
        (Some(s), _) => date("start", s)?,
        (None, Some(b)) => b.starts_on,
        (None, None) => return Err(missing("start")),
    };
    let ends_on = match (&f.end, &base) {
        (Some(s), _) => date("end", s)?,
        (None, Some(b)) => b.ends_on,
        (None, None) => return Err(missing("end")),
    };
    let old_funding = base.as_ref().and_then(|b| b.funding.clone());
    let programme = f
        .programme
        .or_else(|| old_funding.as_ref().map(|x| x.programme.clone()))
        .ok_or_else(|| missing("programme"))?;
    let objective = f
        .objective
        .or_else(|| old_funding.as_ref().map(|x| x.objective.clone()))
        .ok_or_else(|| missing("objective"))?;
    let funding = Funding::new(&programme, &objective, starts_on)?;
    let munis = if f.municipalities.is_empty() {
        base.as_ref()
            .map(|b| {
                b.municipalities
                    .iter()
                    .map(|m| m.as_str().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    } else {
        municipalities(&f.municipalities)?
    };
    if munis.is_empty() {
        return Err(missing("municipality"));
    }
    let target_groups = if f.target_groups.is_empty() {
        base.as_ref()
            .map(|b| b.target_groups.clone())
            .unwrap_or_default()
    } else {
        f.target_groups
    };
    let project = Project::new(
        base.as_ref().map_or_else(ProjectId::new, |b| b.id),
        lead,
        code,
        &name,
        Vec::new(),
        target_groups,
        starts_on,
        ends_on,
    )?
    .with_setup(Some(funding), &munis, &partners)?;
    Ok(polku_service::users::with_regions(project))
}

pub async fn run(cfg: &Config, c: ProjectCommand) -> CliResult {
    if let ProjectCommand::Objectives = c {
        let mut out = String::new();
        for p in polku_domain::funding::programmes() {
            out.push_str(&format!(
                "{}\t{}\t{} – {}\n",
                p.code, p.name.fi, p.valid_from, p.valid_to
            ));
            for o in &p.objectives {
                out.push_str(&format!("  {}\t{}\t{}\n", o.code, o.point, o.en));
            }
        }
        return super::emit(&out);
    }
    with_service(cfg, Mode::Existing, |svc| async move {
        let actor = Actor::system("project");
        let out = match c {
            ProjectCommand::Add { code, fields } => {
                let p = build(&svc, &actor, None, &code, fields, false).await?;
                let p = match svc.create_project(&actor, p).await {
                    Err(ServiceError::NotFound) => {
                        return Err(CliError::new(
                            NOT_FOUND,
                            "the lead organisation does not exist",
                        ))
                    }
                    other => other?,
                };
                format!("created project {} ({})\n", p.code, p.id)
            }
            ProjectCommand::Edit {
                code,
                fields,
                no_partners,
            } => {
                let base = match svc.admin_project(&actor, &code).await {
                    Err(ServiceError::NotFound) => {
                        return Err(CliError::new(
                            NOT_FOUND,
                            format!("no project with code {code:?}"),
                        ))
                    }
                    other => other?,
                };
                let code = base.code.clone();
                let p = build(&svc, &actor, Some(base), &code, fields, no_partners).await?;
                let p = svc.update_project(&actor, p).await?;
                format!("updated project {} ({})\n", p.code, p.id)
            }
            ProjectCommand::List => {
                let orgs = svc.list_organisations(&actor).await?;
                let org_name = |id| {
                    orgs.iter()
                        .find(|o| o.id == id)
                        .map_or_else(|| id.to_string(), |o| o.name.clone())
                };
                let mut out = String::new();
                for p in svc.list_projects(&actor).await? {
                    let funding = p.funding.as_ref().map_or_else(
                        || "-".to_owned(),
                        |f| format!("{} {}", f.programme, f.objective),
                    );
                    let partners: Vec<String> = p.partners.iter().map(|o| org_name(*o)).collect();
                    let munis: Vec<&str> = p.municipalities.iter().map(|m| m.as_str()).collect();
                    out.push_str(&format!(
                        "{}\t{}\t{} – {}\t{}\tlead: {}\tpartners: {}\tmunicipalities: {}\n",
                        p.code,
                        p.name,
                        p.starts_on,
                        p.ends_on,
                        funding,
                        org_name(p.organisation_id),
                        if partners.is_empty() {
                            "-".to_owned()
                        } else {
                            partners.join(", ")
                        },
                        if munis.is_empty() {
                            "-".to_owned()
                        } else {
                            munis.join(",")
                        },
                    ));
                }
                out
            }
            ProjectCommand::Objectives => String::new(),
        };
        super::emit(&out)
    })
    .await
}
