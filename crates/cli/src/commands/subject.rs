//! `polku subject export`: a data-subject access / portability request (GDPR Art. 15 and 20,
//! R39), answered by the operator. The export holds special-category data: written to a file it
//! gets mode 0600.

use crate::config::Config;
use crate::exit::{CliError, CliResult, INVALID_INPUT};
use crate::open::{open, Mode};
use clap::Subcommand;
use polku_domain::ParticipantId;
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
}

pub async fn run(cfg: &Config, c: SubjectCommand) -> CliResult {
    let SubjectCommand::Export {
        participant,
        include_staff,
        lang,
        out,
    } = c;
    let id = ParticipantId::parse(participant.trim()).map_err(|_| {
        CliError::new(
            INVALID_INPUT,
            format!("--participant: {participant:?} is not a participant id (a UUID)"),
        )
    })?;
    if !polku_domain::catalogue::CONSENT_LOCALES.contains(&lang.as_str()) {
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
    let svc = open(cfg, Mode::Existing).await?;
    let result = svc
        .export_subject(&Actor::system("subject"), id, &lang, include_staff)
        .await;
    svc.store().close().await;
    let export = result?;
    let mut text = serde_json::to_string_pretty(&export)
        .map_err(|e| CliError::new(crate::exit::FAILURE, e.to_string()))?;
    text.push('\n');
    match out {
        None => super::emit(&text),
        Some(path) => write_private(&path, text.as_bytes()).map_err(|e| {
            CliError::new(
                INVALID_INPUT,
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
    file.write_all(bytes)?;
    file.sync_all()
}
