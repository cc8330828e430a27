//! `polku`: the one binary. Run `polku --help` for the commands; exit codes are in
//! `docs/CLI.md` and [`exit`].

mod commands;
mod config;
mod exit;
mod files;
mod keys;
mod lock;
mod logs;
mod open;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "polku",
    version,
    about = "Polku — supported-employment platform: matching, job crafting, work trials."
)]
struct Cli {
    /// Database URL: sqlite://FILE (default sqlite://polku.db) or postgres://USER@HOST/DB.
    /// Overrides POLKU_DATABASE_URL and the configuration file.
    #[arg(long, global = true)]
    database: Option<String>,
    /// Configuration file (default: polku.toml if present).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Key file (default polku-keys.toml; POLKU_KEYS_FILE).
    #[arg(long, global = true)]
    keys_file: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web application and the JSON API.
    Serve(commands::serve::ServeArgs),
    /// Create or upgrade the database schema (creates the key file for a new database).
    Migrate,
    /// Organisations: add, edit, list.
    #[command(subcommand)]
    Org(commands::org::OrgCommand),
    /// Projects: add, edit, list, and the funding objectives they may name.
    #[command(subcommand)]
    Project(commands::project::ProjectCommand),
    /// Manage user accounts.
    #[command(subcommand)]
    User(commands::user::UserCommand),
    /// Import reference data.
    #[command(subcommand)]
    Import(commands::import::ImportCommand),
    /// Fill the database with realistic, deterministic demonstration data.
    Demo(commands::demo::DemoArgs),
    /// List projects, users, participants or employers.
    #[command(subcommand)]
    List(commands::list::ListCommand),
    /// Rank openings for a participant, or candidates for an opening.
    Match(commands::matching::MatchCmd),
    /// Craft the best job for a participant from one employer's tasks.
    Craft(commands::matching::CraftCmd),
    /// Assign participants to places fairly and optimally.
    Allocate(commands::matching::AllocateCmd),
    /// Verify or checkpoint the audit chain.
    #[command(subcommand)]
    Audit(commands::audit::AuditCommand),
    /// Answer a data-subject request (access and portability export).
    #[command(subcommand)]
    Subject(commands::subject::SubjectCommand),
    /// Reports: the funder's ESF+ indicator export.
    #[command(subcommand)]
    Report(commands::report::ReportCommand),
    /// Erase what has passed its retention period and delete expired sign-ins (R41);
    /// `--dry-run` only reports. `polku serve` runs it daily.
    Retention(commands::retention::RetentionArgs),
    /// Check the database's integrity.
    Integrity,
    /// Take a consistent online backup into FILE.
    Backup { file: PathBuf },
    /// Replace the database with the backup in FILE (stop `polku serve` first), then apply
    /// again the erasures, withdrawals and revocations made since, and end every session.
    Restore {
        file: PathBuf,
        /// Restore even though the live database does not open: consent withdrawals, share
        /// revocations and hold releases made after the backup are then lost (check them by
        /// hand); erasures are still applied again from the tombstone file.
        #[arg(long)]
        live_unreadable: bool,
    },
    /// Manage the encryption keys.
    #[command(subcommand)]
    Keys(commands::keys::KeysCommand),
    /// Print the register of processing (GDPR Art. 30) built from the data classification.
    Register,
    /// Configuration helpers.
    #[command(subcommand)]
    Config(commands::config::ConfigCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::from(exit::FAILURE);
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::from(exit::OK),
        Err(e) => {
            eprintln!("error: {}", e.message);
            ExitCode::from(e.code)
        }
    }
}

async fn run(cli: Cli) -> exit::CliResult {
    if let Command::Config(c) = &cli.command {
        return commands::config::run(c);
    }
    if let Command::Register = &cli.command {
        let text = serde_json::to_string_pretty(&polku_service::register::register())
            .map_err(|e| exit::CliError::new(exit::FAILURE, e.to_string()))?;
        return commands::emit(&format!("{text}\n"));
    }
    let mut cfg = config::load(cli.config.as_deref())?;
    if let Some(db) = cli.database {
        cfg.database_url = db;
    }
    if let Some(k) = cli.keys_file {
        cfg.keys_file = k;
    }
    logs::init(&cfg)?;
    match cli.command {
        Command::Migrate => commands::migrate::run(&cfg).await,
        Command::User(c) => commands::user::run(&cfg, c).await,
        Command::Org(c) => commands::org::run(&cfg, c).await,
        Command::Project(c) => commands::project::run(&cfg, c).await,
        Command::Import(c) => commands::import::run(&cfg, c).await,
        Command::Serve(a) => commands::serve::run(&cfg, a).await,
        Command::Demo(a) => commands::demo::run(&cfg, a).await,
        Command::List(c) => commands::list::run(&cfg, c).await,
        Command::Match(c) => commands::matching::run_match(&cfg, c).await,
        Command::Craft(c) => commands::matching::run_craft(c),
        Command::Allocate(c) => commands::matching::run_allocate(c),
        Command::Audit(c) => commands::audit::run(&cfg, c).await,
        Command::Subject(c) => commands::subject::run(&cfg, c).await,
        Command::Report(c) => commands::report::run(&cfg, c).await,
        Command::Retention(a) => commands::retention::run(&cfg, a).await,
        Command::Integrity => commands::backup::integrity(&cfg).await,
        Command::Backup { file } => commands::backup::backup(&cfg, &file).await,
        Command::Restore {
            file,
            live_unreadable,
        } => commands::backup::restore(&cfg, &file, live_unreadable).await,
        Command::Keys(c) => commands::keys::run(&cfg, c).await,
        Command::Config(_) | Command::Register => Ok(()),
    }
}
