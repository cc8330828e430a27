//! `polku subject …`: data-subject requests answered by the operator. `export` is the access /
//! portability export (GDPR Art. 15 and 20, R39); written to a file it gets mode 0600, as it
//! holds special-category data. `erase` is erasure (Art. 17, R40), refused while a legal `hold`
//! is in force; each erasure's tombstone is also appended to the tombstone file next to the key
//! file, so `polku restore` can apply it again even when the live database is lost.

use crate::config::Config;
use crate::exit::{CliError, CliResult, INVALID_INPUT};
use crate::open::{with_service, Mode};
use clap::Subcommand;
use polku_domain::ParticipantId;
use polku_service::erasure::HoldGround;
use polku_service::restrictions::RestrictionGround;
use polku_service::Actor;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum SubjectCommand {
    /// Everything stored about one participant as one JSON document (audited).
    Export {
        /// The participant's id.
        #[arg(long)]
        participant: String,
        /// Name the staff who read or recorded the data (left out by default).
        #[arg(long)]
        include_staff: bool,
        /// Language of the consent wordings: fi, sv, en or fi-x-selko.
        #[arg(long, default_value = "fi")]
        lang: String,
        /// Write to FILE (created with mode 0600; must not exist) instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Erase everything about one participant (refused while a legal hold is in force).
    Erase {
        #[arg(long)]
        participant: String,
    },
    /// Keep a participant's data from erasure on a ground of GDPR Art. 17(3) until a date.
    Hold {
        #[arg(long)]
        participant: String,
        /// legal_obligation (17(3)(b)), archiving_or_statistics (17(3)(d)) or legal_claims
        /// (17(3)(e)).
        #[arg(long)]
        ground: String,
        /// The last day of the hold (YYYY-MM-DD), after today.
        #[arg(long)]
        until: String,
        /// Your reference for the reason (a case or decision number).
        #[arg(long)]
        reference: String,
    },
    /// End a hold before its date.
    ReleaseHold {
        #[arg(long)]
        participant: String,
        #[arg(long)]
        hold: String,
    },
    /// List a participant's holds.
    Holds {
        #[arg(long)]
        participant: String,
    },
    /// Restrict processing of a participant's data (GDPR Art. 18): only storage, the operator
    /// and the person's own access export remain until the restriction is lifted.
    Restrict {
        #[arg(long)]
        participant: String,
        /// accuracy_contested (18(1)(a)), unlawful_processing (18(1)(b)), legal_claims
        /// (18(1)(c)) or objection_pending (18(1)(d)).
        #[arg(long)]
        ground: String,
        /// Your reference for the request (a case number).
        #[arg(long)]
        reference: String,
    },
    /// Lift the restriction of processing in force.
    LiftRestriction {
        #[arg(long)]
        participant: String,
    },
    /// List a participant's restrictions of processing, lifted ones included.
    Restrictions {
        #[arg(long)]
        participant: String,
    },
}

fn participant_id(text: &str) -> CliResult<ParticipantId> {
    ParticipantId::parse(text.trim()).map_err(|_| {
        CliError::new(
            INVALID_INPUT,
            format!("--participant: {text:?} is not a participant id (a UUID)"),
        )
    })
}

/// The tombstone file: one `ID ERASED_AT` line per erasure, beside the key file.
pub fn tombstone_file(cfg: &Config) -> PathBuf {
    let mut name = cfg.keys_file.clone().into_os_string();
    name.push(".erasures");
    PathBuf::from(name)
}

/// Appends a tombstone line and syncs the file (mode 0600 when created).
pub(crate) fn append_tombstone(
    cfg: &Config,
    id: ParticipantId,
    at: time::OffsetDateTime,
) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(tombstone_file(cfg))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    let at = at
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(std::io::Error::other)?;
    writeln!(file, "{id} {at}")?;
    file.sync_all()
}

/// The tombstones in the tombstone file (none when it does not exist).
pub fn read_tombstones(cfg: &Config) -> CliResult<Vec<(ParticipantId, time::OffsetDateTime)>> {
    let path = tombstone_file(cfg);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(CliError::new(
                INVALID_INPUT,
                format!("cannot read {}: {e}", path.display()),
            ))
        }
    };
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, line)| {
            let mut parts = line.split_whitespace();
            let id = parts.next().and_then(|p| ParticipantId::parse(p).ok());
            let at = parts.next().and_then(|t| {
                time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339).ok()
            });
            match (id, at) {
                (Some(id), Some(at)) => Ok((id, at)),
                _ => Err(CliError::new(
                    INVALID_INPUT,
                    format!("{} line {}: not `ID ERASED_AT`", path.display(), n + 1),
                )),
            }
        })
        .collect()
}

pub async fn run(cfg: &Config, c: SubjectCommand) -> CliResult {
    match c {
        SubjectCommand::Export {
            participant,
            include_staff,
            lang,
            out,
        } => export(cfg, &participant, include_staff, &lang, out).await,
        SubjectCommand::Erase { participant } => erase(cfg, participant_id(&participant)?).await,
        SubjectCommand::Hold {
            participant,
            ground,
            until,
            reference,
        } => {
            let id = participant_id(&participant)?;
            let ground = HoldGround::parse(&ground)?;
            let format = time::macros::format_description!("[year]-[month]-[day]");
            let until = time::Date::parse(until.trim(), &format).map_err(|_| {
                CliError::new(
                    INVALID_INPUT,
                    format!("--until: {until:?} is not a date (YYYY-MM-DD)"),
                )
            })?;
            as_operator(cfg, |svc, actor| async move {
                let hold = svc
                    .set_legal_hold(&actor, id, ground, &reference, until)
                    .await?;
                super::emit(&format!(
                    "hold {hold} on {id} until {until} ({})\n",
                    ground.article()
                ))
            })
            .await
        }
        SubjectCommand::ReleaseHold { participant, hold } => {
            let id = participant_id(&participant)?;
            let hold = uuid_arg("--hold", &hold)?;
            as_operator(cfg, |svc, actor| async move {
                svc.release_legal_hold(&actor, id, hold).await?;
                super::emit(&format!("hold {hold} released\n"))
            })
            .await
        }
        SubjectCommand::Holds { participant } => {
            let id = participant_id(&participant)?;
            as_operator(cfg, |svc, actor| async move {
                let mut out = String::new();
                for h in svc.legal_holds(&actor, id).await? {
                    let state = match h.released_at {
                        Some(at) => format!("released {}", at.date()),
                        None => "in force".to_owned(),
                    };
                    out.push_str(&format!(
                        "{}\t{}\t{}\tuntil {}\t{}\t{}\n",
                        h.id,
                        h.ground.as_str(),
                        h.ground.article(),
                        h.until,
                        h.reference,
                        state
                    ));
                }
                super::emit(&out)
            })
            .await
        }
        SubjectCommand::Restrict {
            participant,
            ground,
            reference,
        } => {
            let id = participant_id(&participant)?;
            let ground = RestrictionGround::parse(&ground)?;
            as_operator(cfg, |svc, actor| async move {
                let r = svc
                    .restrict_processing(&actor, id, ground, &reference)
                    .await?;
                super::emit(&format!(
                    "restriction {r} on {id} ({}): only storage and this command line's access \
                     remain until `polku subject lift-restriction`\n",
                    ground.article()
                ))
            })
            .await
        }
        SubjectCommand::LiftRestriction { participant } => {
            let id = participant_id(&participant)?;
            as_operator(cfg, |svc, actor| async move {
                svc.lift_restriction(&actor, id).await?;
                super::emit(&format!("restriction on {id} lifted\n"))
            })
            .await
        }
        SubjectCommand::Restrictions { participant } => {
            let id = participant_id(&participant)?;
            as_operator(cfg, |svc, actor| async move {
                let mut out = String::new();
                for r in svc.restrictions(&actor, id).await? {
                    let state = match r.lifted_at {
                        Some(at) => format!("lifted {}", at.date()),
                        None => "in force".to_owned(),
                    };
                    out.push_str(&format!(
                        "{}\t{}\t{}\tsince {}\t{}\t{}\n",
                        r.id,
                        r.ground.as_str(),
                        r.ground.article(),
                        r.set_at.date(),
                        r.reference,
                        state
                    ));
                }
                super::emit(&out)
            })
            .await
        }
    }
}

fn uuid_arg(flag: &str, text: &str) -> CliResult<uuid::Uuid> {
    uuid::Uuid::parse_str(text.trim()).map_err(|_| {
        CliError::new(
            INVALID_INPUT,
            format!("{flag}: {text:?} is not an id (a UUID)"),
        )
    })
}

/// Runs `f` as the operator on the service ([`with_service`] opens and closes it).
async fn as_operator<T, F, Fut>(cfg: &Config, f: F) -> CliResult<T>
where
    F: FnOnce(polku_service::Service, Actor) -> Fut,
    Fut: std::future::Future<Output = CliResult<T>>,
{
    with_service(cfg, Mode::Existing, |svc| f(svc, Actor::system("subject"))).await
}

async fn erase(cfg: &Config, id: ParticipantId) -> CliResult {
    as_operator(cfg, |svc, actor| async move {
        svc.erase_subject(&actor, id).await?;
        let at = svc
            .erasures(&actor)
            .await?
            .into_iter()
            .find(|(t, _)| *t == id)
            .map_or_else(time::OffsetDateTime::now_utc, |(_, at)| at);
        append_tombstone(cfg, id, at).map_err(|e| {
            CliError::new(
                crate::exit::FAILURE,
                format!(
                    "erased, but the tombstone file {} could not be written: {e}; \
                     add the line `{id} <time>` by hand",
                    tombstone_file(cfg).display()
                ),
            )
        })?;
        super::emit(&format!("erased {id}\n"))
    })
    .await
}

async fn export(
    cfg: &Config,
    participant: &str,
    include_staff: bool,
    lang: &str,
    out: Option<PathBuf>,
) -> CliResult {
    let id = participant_id(participant)?;
    if !polku_domain::catalogue::CONSENT_LOCALES.contains(&lang) {
        return Err(CliError::new(
            INVALID_INPUT,
            format!("--lang: {lang:?} is not one of fi, sv, en, fi-x-selko"),
        ));
    }
    if let Some(path) = &out {
        if path.exists() {
            return Err(CliError::new(
                INVALID_INPUT,
                format!(
                    "--out: {} exists already; not overwriting it",
                    path.display()
                ),
            ));
        }
    }
    let export = as_operator(cfg, |svc, actor| async move {
        Ok(svc.export_subject(&actor, id, lang, include_staff).await?)
    })
    .await?;
    let mut text = serde_json::to_string_pretty(&export)
        .map_err(|e| CliError::new(crate::exit::FAILURE, e.to_string()))?;
    text.push('\n');
    match out {
        None => super::emit(&text),
        Some(path) => write_private(&path, text.as_bytes()).map_err(|e| {
            CliError::new(
                crate::exit::FAILURE,
                format!("cannot write {}: {e}", path.display()),
            )
        }),
    }
}

/// Creates `path` (which must not exist) readable by its owner only, and syncs it.
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if written.is_err() {
        // No half-written copy of special-category data is left behind.
        drop(file);
        let _ = std::fs::remove_file(path);
    }
    written
}
