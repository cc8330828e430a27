//! `polku migrate`.

use crate::config::Config;
use crate::exit::CliResult;
use crate::open::{open, redact, Mode};

pub async fn run(cfg: &Config) -> CliResult {
    let svc = open(cfg, Mode::Migrate).await?;
    let applied = svc.store().applied_migrations().await?;
    println!(
        "database {} ({}) is at schema version {}",
        redact(&cfg.database_url),
        svc.store().backend(),
        applied.last().copied().unwrap_or_default()
    );
    svc.store().close().await;
    Ok(())
}
