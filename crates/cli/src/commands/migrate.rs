//! `polku migrate`.

use crate::config::Config;
use crate::exit::CliResult;
use crate::open::{redact, with_service, Mode};
use polku_service::Actor;

pub async fn run(cfg: &Config) -> CliResult {
    let schema = with_service(cfg, Mode::Migrate, |svc| async move {
        Ok(svc.schema(&Actor::system("migrate")).await?)
    })
    .await?;
    println!(
        "database {} ({}) is at schema version {}",
        redact(&cfg.database_url),
        schema.backend,
        schema.applied.last().copied().unwrap_or_default()
    );
    Ok(())
}
