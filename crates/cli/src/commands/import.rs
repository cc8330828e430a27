//! `polku import esco DIR`: the official ESCO CSV download (any of fi/sv/en present).

use crate::commands::progress;
use crate::config::Config;
use crate::exit::{CliError, CliResult, INVALID_INPUT};
use crate::open::{with_service, Mode};
use clap::Subcommand;
use polku_domain::EscoKind;
use polku_service::esco::{classify_file, merge, parse_csv, PerLanguage};
use polku_service::Actor;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import ESCO skills and occupations from the CSV files in DIR (skills_fi.csv,
    /// skills_sv.csv, skills_en.csv, occupations_*.csv). Running it again changes nothing.
    Esco { dir: PathBuf },
    /// Import one qualification (peruste) from FILE, an ePerusteet `/api/external/peruste/{id}`
    /// JSON response (current 2019 format or legacy HTML). Running it again changes nothing.
    Eperusteet { file: PathBuf },
}

pub async fn run(cfg: &Config, c: ImportCommand) -> CliResult {
    let dir = match c {
        ImportCommand::Esco { dir } => dir,
        ImportCommand::Eperusteet { file } => {
            return crate::commands::import_eperusteet::run(cfg, &file).await
        }
    };
    let entries = std::fs::read_dir(&dir).map_err(|e| {
        CliError::new(
            INVALID_INPUT,
            format!("cannot read directory {}: {e}", dir.display()),
        )
    })?;
    let mut files: Vec<(PathBuf, polku_service::esco::EscoFile)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            classify_file(&name).map(|f| (e.path(), f))
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    if files.is_empty() {
        return Err(CliError::new(
            INVALID_INPUT,
            format!("no ESCO files in {}: expected skills_fi.csv, skills_sv.csv, skills_en.csv or occupations_*.csv", dir.display()),
        ));
    }
    let mut per_kind: BTreeMap<&'static str, PerLanguage> = BTreeMap::new();
    for (path, file) in &files {
        let reader = std::fs::File::open(path).map_err(|e| {
            CliError::new(
                INVALID_INPUT,
                format!("cannot open {}: {e}", path.display()),
            )
        })?;
        let rows = parse_csv(std::io::BufReader::new(reader), file)
            .map_err(|e| CliError::new(INVALID_INPUT, format!("{}: {e}", path.display())))?;
        eprintln!("read {} concepts from {}", rows.len(), path.display());
        let kind = if file.kind == EscoKind::Skill {
            "skill"
        } else {
            "occupation"
        };
        per_kind
            .entry(kind)
            .or_default()
            .entry(file.lang.clone())
            .or_default()
            .extend(rows);
    }
    with_service(cfg, Mode::Existing, |svc| async move {
        import(&svc, &per_kind).await
    })
    .await
}

/// Writes the merged concepts of each kind, with a progress bar.
async fn import(
    svc: &polku_service::Service,
    per_kind: &BTreeMap<&'static str, PerLanguage>,
) -> CliResult {
    let actor = Actor::system("import esco");
    for (kind, per_lang) in per_kind {
        let k = if *kind == "skill" {
            EscoKind::Skill
        } else {
            EscoKind::Occupation
        };
        let concepts = merge(k, per_lang);
        let bar = progress(concepts.len() as u64, kind);
        let counts = svc
            .import_esco(&actor, &concepts, |done| bar.set_position(done as u64))
            .await;
        bar.finish_and_clear();
        let counts = counts?;
        println!(
            "{kind}s: {} new, {} updated, {} unchanged",
            counts.inserted, counts.updated, counts.unchanged
        );
    }
    Ok(())
}
