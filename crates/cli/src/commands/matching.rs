//! `polku match`, `polku craft`, `polku allocate`: the matching engine from a JSON file or,
//! for `match --participant`, against the database. JSON on stdout.

use crate::config::Config;
use crate::exit::{CliError, CliResult, INVALID_INPUT, NOT_FOUND, USAGE};
use crate::open::{with_service, Mode};
use clap::Args;
use polku_matching::api::{allocate_json, craft_json, match_json, CraftArgs, MatchArgs};
use polku_matching::InputError;
use polku_service::Actor;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct MatchCmd {
    /// Input file (see docs/matching.md). Without it, matches against the database.
    #[arg(long)]
    input: Option<PathBuf>,
    /// Participant id: rank openings for this participant.
    #[arg(long, conflicts_with = "opening")]
    participant: Option<String>,
    /// Opening id: rank candidates for this opening (input file only).
    #[arg(long)]
    opening: Option<String>,
    /// How many results.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=1000))]
    top: u32,
    /// Also list the excluded openings or candidates with the limits that exclude them.
    #[arg(long)]
    include_excluded: bool,
}

#[derive(Debug, Args)]
pub struct CraftCmd {
    #[arg(long)]
    input: PathBuf,
    #[arg(long)]
    participant: String,
    #[arg(long)]
    employer: String,
    /// Hours per week, MIN-MAX (default: the participant's own range).
    #[arg(long, value_parser = parse_hours)]
    hours: Option<(u8, u8)>,
}

#[derive(Debug, Args)]
pub struct AllocateCmd {
    #[arg(long)]
    input: PathBuf,
}

fn parse_hours(s: &str) -> Result<(u8, u8), String> {
    let (a, b) = s
        .split_once('-')
        .ok_or_else(|| format!("{s:?}: expected MIN-MAX, e.g. 10-25"))?;
    let min: u8 = a
        .trim()
        .parse()
        .map_err(|_| format!("{a:?} is not a number of hours"))?;
    let max: u8 = b
        .trim()
        .parse()
        .map_err(|_| format!("{b:?} is not a number of hours"))?;
    if min > max || max > 60 {
        return Err(format!("{s}: the range must be within 0-60 with MIN ≤ MAX"));
    }
    Ok((min, max))
}

fn read(path: &Path) -> CliResult<String> {
    std::fs::read_to_string(path).map_err(|e| {
        CliError::new(
            INVALID_INPUT,
            format!("cannot read {}: {e}", path.display()),
        )
    })
}

fn input_error(path: &Path, e: InputError) -> CliError {
    let code = if e.code == "not_found" {
        NOT_FOUND
    } else {
        INVALID_INPUT
    };
    CliError::new(code, format!("{}: {e}", path.display()))
}

fn print(v: &serde_json::Value) -> CliResult {
    let text =
        serde_json::to_string_pretty(v).map_err(|e| CliError::new(INVALID_INPUT, e.to_string()))?;
    crate::commands::emit(&format!("{text}\n"))
}

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

pub async fn run_match(cfg: &Config, c: MatchCmd) -> CliResult {
    let top = c.top as usize;
    match (&c.input, &c.participant) {
        (Some(path), _) => {
            let args = MatchArgs {
                participant: c.participant.clone(),
                opening: c.opening.clone(),
                top,
                include_excluded: c.include_excluded,
            };
            print(&match_json(&read(path)?, &args, today()).map_err(|e| input_error(path, e))?)
        }
        (None, Some(id)) => {
            if c.opening.is_some() {
                return Err(CliError::new(USAGE, "--opening needs --input"));
            }
            let id = polku_domain::ParticipantId::parse(id)?;
            let result = with_service(cfg, Mode::Existing, |svc| async move {
                Ok(svc
                    .match_participant(
                        &Actor::system("match"),
                        id,
                        top,
                        c.include_excluded,
                        today(),
                    )
                    .await?)
            })
            .await?;
            print(&polku_matching::api::to_json(&result))
        }
        (None, None) => Err(CliError::new(
            USAGE,
            "give --input FILE, or --participant ID to match against the database",
        )),
    }
}

pub fn run_craft(c: CraftCmd) -> CliResult {
    let args = CraftArgs {
        participant: c.participant,
        employer: c.employer,
        hours: c.hours,
    };
    print(&craft_json(&read(&c.input)?, &args, today()).map_err(|e| input_error(&c.input, e))?)
}

pub fn run_allocate(c: AllocateCmd) -> CliResult {
    print(&allocate_json(&read(&c.input)?).map_err(|e| input_error(&c.input, e))?)
}

#[cfg(test)]
mod tests {
    use super::parse_hours;

    #[test]
    fn hours() {
        assert_eq!(parse_hours("10-25"), Ok((10, 25)));
        assert!(parse_hours("25-10").is_err());
        assert!(parse_hours("10").is_err());
        assert!(parse_hours("x-3").is_err());
        assert!(parse_hours("0-61").is_err());
    }
}
