//! `polku config print-default`.

use crate::exit::CliResult;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the default configuration as a commented polku.toml.
    PrintDefault,
}

pub fn run(c: &ConfigCommand) -> CliResult {
    match c {
        ConfigCommand::PrintDefault => print!("{}", crate::config::default_toml()),
    }
    Ok(())
}
