//! Configuration in layers: built-in defaults → `polku.toml` (or `--config FILE`) → `POLKU_*`
//! environment variables → command-line flags. Unknown keys are warned about.

use crate::exit::{CliError, CliResult, CONFIG};
use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// `sqlite://FILE` (default `sqlite://polku.db`) or `postgres://…`.
    pub database_url: String,
    /// The key file: master key (wraps data keys), audit key, lookup key. Created with mode
    /// 0600 on first use of a new database; back it up separately from the database.
    pub keys_file: PathBuf,
    /// Run on a PostgreSQL server with unsafe durability settings (not recommended).
    pub allow_unsafe_durability: bool,
    /// Address and port `polku serve` listens on.
    pub listen: String,
    /// The origin browsers use, e.g. `https://polku.example.fi`; empty means `http://<listen>`.
    /// Unsafe requests from any other origin are refused.
    pub public_origin: String,
    /// The reverse proxy whose `X-Forwarded-For` is trusted for the client address; empty: none.
    pub trusted_proxy: String,
    /// Which log lines to write to stderr: a level (`info`) or `target=level` directives
    /// (`info,polku_web=debug,sqlx=warn`). `POLKU_LOG`, else `RUST_LOG`, overrides it.
    pub log: String,
    /// `text` (one readable line per event) or `json` (one JSON object per line).
    pub log_format: String,
    /// The controller of the personal data, named on the privacy notice (the organisation that
    /// runs the service); empty: the notice says the organisation of the user's project.
    pub controller: String,
    /// How to reach the controller and its data protection officer (address, e-mail, phone).
    pub controller_contact: String,
    /// A file `polku serve` keeps the audit chain head in (R36): written at start, then after
    /// every 1,000 entries and at least daily; empty: none.
    pub audit_checkpoint: String,
    /// The suppression threshold k of the manager's reports (R46): counts below it are not
    /// shown. Default 5; never below 3.
    pub report_min_cell: i64,
    /// Whole months a participant's case records are kept after they left the service, then
    /// erased by the daily retention job (R41); 0: not set, nothing is erased automatically.
    pub retention_case_months: i64,
    /// Whole months audit entries are kept after the end of the month they were written in,
    /// then deleted a whole monthly segment at a time by the daily job (`polku audit prune`,
    /// R38); 0: not set, the audit log is kept whole.
    pub audit_retention_months: i64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database_url: "sqlite://polku.db".into(),
            keys_file: PathBuf::from("polku-keys.toml"),
            allow_unsafe_durability: false,
            listen: "127.0.0.1:8080".into(),
            public_origin: String::new(),
            trusted_proxy: String::new(),
            log: "info".into(),
            log_format: "text".into(),
            controller: String::new(),
            controller_contact: String::new(),
            audit_checkpoint: String::new(),
            report_min_cell: polku_service::reports::suppression::DEFAULT_K,
            retention_case_months: 0,
            audit_retention_months: 0,
        }
    }
}

pub const KNOWN_KEYS: &[&str] = &[
    "database_url",
    "keys_file",
    "allow_unsafe_durability",
    "listen",
    "public_origin",
    "trusted_proxy",
    "log",
    "log_format",
    "controller",
    "controller_contact",
    "audit_checkpoint",
    "report_min_cell",
    "retention_case_months",
    "audit_retention_months",
];

/// Loads the layers. `file` is `--config`; without it `polku.toml` is read if present.
pub fn load(file: Option<&Path>) -> CliResult<Config> {
    let path = file
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("polku.toml"));
    if file.is_some() && !path.is_file() {
        return Err(CliError::new(
            CONFIG,
            format!("configuration file {} does not exist", path.display()),
        ));
    }
    if let Ok(text) = std::fs::read_to_string(&path) {
        warn_unknown(&path, &text);
    }
    let env = Env::prefixed("POLKU_").only(&[
        "DATABASE_URL",
        "KEYS_FILE",
        "ALLOW_UNSAFE_DURABILITY",
        "LISTEN",
        "PUBLIC_ORIGIN",
        "TRUSTED_PROXY",
        "LOG",
        "LOG_FORMAT",
        "AUDIT_CHECKPOINT",
        "REPORT_MIN_CELL",
        "RETENTION_CASE_MONTHS",
        "AUDIT_RETENTION_MONTHS",
    ]);
    let mut cfg: Config = Figment::from(Serialized::defaults(Config::default()))
        .merge(Toml::file(&path))
        .merge(env)
        .extract()
        .map_err(|e| CliError::new(CONFIG, format!("configuration error: {e}")))?;
    // The usual variable of Rust programs counts too, below Polku's own.
    if std::env::var_os("POLKU_LOG").is_none() {
        if let Ok(filter) = std::env::var("RUST_LOG") {
            cfg.log = filter;
        }
    }
    Ok(cfg)
}

fn warn_unknown(path: &Path, text: &str) {
    for line in text.lines() {
        let key = line.split('=').next().unwrap_or_default().trim();
        if line.contains('=')
            && !key.starts_with('#')
            && !key.is_empty()
            && !KNOWN_KEYS.contains(&key)
        {
            eprintln!(
                "warning: {}: unknown configuration key {key:?} is ignored",
                path.display()
            );
        }
    }
}

/// The defaults as a commented TOML file (`polku config print-default`).
pub fn default_toml() -> String {
    let d = Config::default();
    format!(
        "# Polku configuration. Every key can also be set as an environment variable\n\
         # POLKU_<KEY IN UPPER CASE>, e.g. POLKU_DATABASE_URL.\n\n\
         # sqlite://FILE (embedded default) or postgres://USER@HOST:PORT/DATABASE\n\
         database_url = \"{}\"\n\n\
         # Master, audit and lookup keys. Created (mode 0600) when a new database is first used.\n\
         # Keep it secret and back it up separately: without it the encrypted data is lost.\n\
         keys_file = \"{}\"\n\n\
         # Refuse PostgreSQL servers with fsync/full_page_writes off or synchronous_commit = off.\n\
         allow_unsafe_durability = {}\n\n\
         # Address and port of `polku serve`.\n\
         listen = \"{}\"\n\n\
         # The origin browsers use (https://polku.example.fi); empty means http://<listen>.\n\
         public_origin = \"\"\n\n\
         # IP address of a reverse proxy whose X-Forwarded-For and X-Request-Id are trusted;\n\
         # empty means none.\n\
         trusted_proxy = \"\"\n\n\
         # Log lines on stderr: a level (error, warn, info, debug, trace) or target=level\n\
         # directives, e.g. \"info,sqlx=warn\". POLKU_LOG, else RUST_LOG, overrides it.\n\
         log = \"{}\"\n\n\
         # Log format: text (one readable line per event) or json (one object per line).\n\
         log_format = \"{}\"\n\n\
         # The controller named on the privacy notice, and how to reach it and its data\n\
         # protection officer; empty means the organisation running the user's project.\n\
         controller = \"\"\n\
         controller_contact = \"\"\n\n\
         # A file `polku serve` keeps the audit chain head in (SEQ HASH), for\n\
         # `polku audit verify --checkpoint`: written at start, after every 1000 entries and\n\
         # at least daily. Put it on storage the database host cannot rewrite; empty: none.\n\
         audit_checkpoint = \"\"\n\n\
         # The suppression threshold k of the manager's reports (R46): counts below it are\n\
         # not shown. 3 to 100.\n\
         report_min_cell = {}\n\n\
         # Whole months a participant's case records are kept after they left the service;\n\
         # then `polku serve`'s daily retention job (or `polku retention`) erases them, unless\n\
         # a legal hold or a restriction of processing is in force. 0: not set (kept until\n\
         # erased by hand). Try `polku retention --dry-run` first.\n\
         retention_case_months = {}\n\n\
         # Whole months audit entries are kept after the end of their month (UTC); then\n\
         # `polku serve`'s daily job (or `polku audit prune`) deletes each expired month whole,\n\
         # keeping its sealed checkpoint so the rest of the chain still verifies (R38). 0: not\n\
         # set (the audit log is kept whole). Set it from your information management plan;\n\
         # try `polku audit prune --dry-run` first.\n\
         audit_retention_months = {}\n",
        d.database_url,
        d.keys_file.display(),
        d.allow_unsafe_durability,
        d.listen,
        d.log,
        d.log_format,
        d.report_min_cell,
        d.retention_case_months,
        d.audit_retention_months
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_printed_defaults_are_the_defaults_and_name_every_key() {
        let text = default_toml();
        let parsed: Config = Figment::from(Toml::string(&text))
            .extract()
            .expect("the printed defaults parse");
        assert_eq!(parsed, Config::default());
        for key in KNOWN_KEYS {
            assert!(
                text.contains(&format!("\n{key} = ")),
                "{key} is not printed"
            );
        }
    }
}
