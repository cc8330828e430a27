//! `polku demo`: deterministic demonstration data, resumable and idempotent.

use crate::commands::progress;
use crate::config::Config;
use crate::exit::CliResult;
use crate::open::{with_service, Mode};
use clap::Args;
use polku_demo::{DemoOptions, DemoProgress};
use polku_service::Actor;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Number of participants.
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    participants: u32,
    /// Number of employers.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..=20_000))]
    employers: u32,
    /// Seed: the same seed always produces the same data.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

pub async fn run(cfg: &Config, a: DemoArgs) -> CliResult {
    let opts = DemoOptions {
        participants: a.participants as usize,
        employers: a.employers as usize,
        seed: a.seed,
    };
    let people = progress(opts.participants as u64, "participants");
    let firms = progress(opts.employers as u64, "employers");
    let mut report = |p: DemoProgress| match p {
        DemoProgress::Participants { done, .. } => people.set_position(done as u64),
        DemoProgress::Employers { done, .. } => firms.set_position(done as u64),
    };
    let result = with_service(cfg, Mode::Migrate, |svc| async move {
        Ok(polku_demo::seed(&svc, &Actor::system("demo"), &opts, &mut report).await?)
    })
    .await;
    people.finish_and_clear();
    firms.finish_and_clear();
    let s = result?;
    println!(
        "demo data (seed {}): {} organisations, {} projects, {} users; participants {} new + {} existing; employers {} new + {} existing; {} tasks, {} openings",
        a.seed, s.organisations, s.projects, s.users, s.participants_created, s.participants_existing, s.employers_created, s.employers_existing, s.tasks, s.openings
    );
    Ok(())
}
