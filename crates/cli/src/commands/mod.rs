//! One module per command.

pub mod audit;
pub mod backup;
pub mod config;
pub mod demo;
pub mod import;
pub mod import_eperusteet;
pub mod keys;
pub mod list;
pub mod matching;
pub mod migrate;
pub mod org;
pub mod project;
pub mod report;
pub mod report_bench;
pub mod retention;
pub mod serve;
pub mod subject;
pub mod user;

/// A progress bar on stderr (hidden when stderr is not a terminal).
pub fn progress(total: u64, what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(total);
    let style = indicatif::ProgressStyle::with_template("{msg:>14} [{bar:40}] {pos}/{len} ({eta})")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(what.to_owned());
    bar
}

/// Writes to stdout; a closed pipe (`polku list … | head`) is not an error.
pub fn emit(text: &str) -> crate::exit::CliResult {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(crate::exit::CliError::new(
            crate::exit::FAILURE,
            format!("cannot write output: {e}"),
        )),
        _ => Ok(()),
    }
}
