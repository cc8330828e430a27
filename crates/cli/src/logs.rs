//! The log: `tracing` events from every crate, written to stderr (stdout stays for a command's
//! output), timestamped in UTC, as text or one JSON object per line, filtered by the `log`
//! setting (`POLKU_LOG`, else `RUST_LOG`, else the configuration file, else `info`).
//!
//! The filter takes a level or `target=level` directives (`info,polku_web=debug,sqlx=warn`),
//! `tracing_subscriber`'s `Targets`, which needs no regular-expression engine; span- and
//! field-based directives of `EnvFilter` are not supported.

use crate::config::Config;
use crate::exit::{CliError, CliResult, CONFIG};
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// Reads the `log` and `log_format` settings.
pub fn settings(cfg: &Config) -> CliResult<(Targets, Format)> {
    let filter = cfg.log.trim();
    let filter = if filter.is_empty() { "info" } else { filter };
    let invalid = |why: String| {
        CliError::new(
            CONFIG,
            format!("log filter {filter:?} is not valid ({why}): write a level such as info, or target=level directives separated by commas"),
        )
    };
    // `Targets` reads a bare word as a target at every level, so a misspelt level would turn
    // the log off without a word: a directive without `=` must be a level.
    for d in filter
        .split(',')
        .map(str::trim)
        .filter(|d| !d.is_empty() && !d.contains('='))
    {
        d.parse::<LevelFilter>()
            .map_err(|_| invalid(format!("{d:?} is not a level")))?;
    }
    let targets = filter
        .parse::<Targets>()
        .map_err(|e| invalid(e.to_string()))?;
    let format = match cfg.log_format.trim() {
        "" | "text" => Format::Text,
        "json" => Format::Json,
        other => {
            return Err(CliError::new(
                CONFIG,
                format!("log_format {other:?} is not text or json"),
            ))
        }
    };
    Ok((targets, format))
}

/// Starts writing the log. Call once, before any work.
pub fn init(cfg: &Config) -> CliResult {
    let (targets, format) = settings(cfg)?;
    let registry = tracing_subscriber::registry().with(targets);
    let result = match format {
        Format::Text => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .with_writer(std::io::stderr)
                    .with_ansi(false),
            )
            .try_init(),
        Format::Json => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .with_current_span(false)
                    .with_span_list(true)
                    .with_writer(std::io::stderr),
            )
            .try_init(),
    };
    result.map_err(|e| CliError::new(CONFIG, format!("cannot start the log: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(log: &str, format: &str) -> Config {
        Config {
            log: log.into(),
            log_format: format.into(),
            ..Config::default()
        }
    }

    #[test]
    fn filters_and_formats() {
        assert!(settings(&Config::default()).is_ok());
        let (t, f) = settings(&cfg("warn,polku_web=debug", "json")).expect("valid");
        assert_eq!(f, Format::Json);
        assert!(t.would_enable("polku_web::error", &tracing::Level::DEBUG));
        assert!(!t.would_enable("sqlx::query", &tracing::Level::INFO));
        assert!(settings(&cfg("", "")).is_ok());
        assert!(settings(&cfg("loud", "text")).is_err());
        assert!(settings(&cfg("info,polku_web=noisy", "text")).is_err());
        assert!(settings(&cfg("info", "xml")).is_err());
    }
}
