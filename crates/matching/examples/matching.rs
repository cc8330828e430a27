//! A small driver of the engine on a JSON file (the `polku` CLI is the real front end):
//! `matching match FILE [--participant ID | --opening ID] [--top K] [--include-excluded]`,
//! `matching craft FILE --participant ID --employer ID [--hours MIN-MAX]`,
//! `matching allocate FILE`.

use polku_matching::api::{self, CraftArgs, MatchArgs};
use std::process::ExitCode;

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(cmd), Some(file)) = (args.first(), args.get(1)) else {
        eprintln!("usage: matching match|craft|allocate FILE [options]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(2);
        }
    };
    let today = time::OffsetDateTime::now_utc().date();
    let result = match cmd.as_str() {
        "match" => api::match_json(
            &text,
            &MatchArgs {
                participant: arg(&args, "--participant"),
                opening: arg(&args, "--opening"),
                top: arg(&args, "--top")
                    .and_then(|k| k.parse().ok())
                    .unwrap_or(20),
                include_excluded: args.iter().any(|a| a == "--include-excluded"),
            },
            today,
        ),
        "craft" => api::craft_json(
            &text,
            &CraftArgs {
                participant: arg(&args, "--participant").unwrap_or_default(),
                employer: arg(&args, "--employer").unwrap_or_default(),
                hours: arg(&args, "--hours").and_then(|h| {
                    let (a, b) = h.split_once('-')?;
                    Some((a.parse().ok()?, b.parse().ok()?))
                }),
            },
            today,
        ),
        "allocate" => api::allocate_json(&text),
        other => {
            eprintln!("unknown command {other}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(v) => {
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
