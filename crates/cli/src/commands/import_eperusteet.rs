//! `polku import eperusteet FILE`: one qualification (peruste) in ePerusteet's JSON form, the
//! response of `/api/external/peruste/{id}`. Re-importing the same version changes nothing.

use crate::config::Config;
use crate::exit::{CliError, CliResult, INVALID_INPUT};
use crate::open::{with_service, Mode};
use polku_service::qualifications::eperusteet::parse;
use polku_service::Actor;
use std::path::Path;

/// Files larger than this are refused before reading (a full peruste is a few MB).
const MAX_BYTES: u64 = 64 * 1024 * 1024;

pub async fn run(cfg: &Config, file: &Path) -> CliResult {
    let size = std::fs::metadata(file)
        .map_err(|e| {
            CliError::new(
                INVALID_INPUT,
                format!("cannot read {}: {e}", file.display()),
            )
        })?
        .len();
    if size > MAX_BYTES {
        return Err(CliError::new(
            INVALID_INPUT,
            format!("{}: larger than {MAX_BYTES} bytes", file.display()),
        ));
    }
    let text = std::fs::read_to_string(file).map_err(|e| {
        CliError::new(
            INVALID_INPUT,
            format!("cannot read {}: {e}", file.display()),
        )
    })?;
    let peruste = parse(&text).map_err(|e| {
        CliError::new(
            INVALID_INPUT,
            format!("{}: {e} [eperusteet_malformed]", file.display()),
        )
    })?;
    let requirements: usize = peruste.units.iter().map(|(_, r)| r.len()).sum();
    eprintln!(
        "read {} ({}): {} units, {} requirement items",
        peruste.diaarinumero,
        peruste.name.fi,
        peruste.units.len(),
        requirements
    );
    with_service(cfg, Mode::Existing, |svc| async move {
        let actor = Actor::system("import eperusteet");
        let counts = svc.import_qualification(&actor, &peruste).await?;
        println!(
            "units: {} new, {} updated, {} unchanged; requirement items written: {}",
            counts.added, counts.updated, counts.unchanged, counts.requirements
        );
        Ok(())
    })
    .await
}
