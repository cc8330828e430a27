//! The composition root: picks the store from the database URL, loads the keys and opens the
//! service.

use crate::config::Config;
use crate::exit::{CliError, CliResult, CONFIG};
use crate::keys;
use polku_service::audit::AuditChain;
use polku_service::crypto::Keys;
use polku_service::{Service, Store};
use polku_store_postgres::{Durability, PgStore};
use polku_store_sqlite::SqliteStore;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Apply pending migrations; create the key file for a brand-new database.
    Migrate,
    /// The schema must be current; the key file must exist.
    Existing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub fn backend(url: &str) -> CliResult<Backend> {
    if url.starts_with("sqlite:") {
        Ok(Backend::Sqlite)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Backend::Postgres)
    } else {
        Err(CliError::new(
            CONFIG,
            format!(
                "unsupported database URL {:?}: use sqlite://FILE or postgres://…",
                redact(url)
            ),
        ))
    }
}

/// The URL without a password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

pub async fn store(cfg: &Config, keys: &Keys, mode: Mode) -> CliResult<Arc<dyn Store>> {
    let chain = AuditChain::new(keys.audit.clone());
    Ok(match backend(&cfg.database_url)? {
        Backend::Sqlite => {
            Arc::new(SqliteStore::connect(&cfg.database_url, chain, mode == Mode::Migrate).await?)
        }
        Backend::Postgres => {
            let d = if cfg.allow_unsafe_durability {
                Durability::AllowUnsafe
            } else {
                Durability::Require
            };
            Arc::new(PgStore::connect(&cfg.database_url, chain, d).await?)
        }
    })
}

async fn check_migrations(store: &dyn Store) -> CliResult<()> {
    let shipped = store.shipped_migrations();
    let applied = store.applied_migrations().await.unwrap_or_default();
    if let Some(v) = applied.iter().find(|v| !shipped.contains(v)) {
        return Err(CliError::new(CONFIG, format!("the database has migration {v}, which this polku does not know: it is newer than this program")));
    }
    if applied.len() < shipped.len() {
        return Err(CliError::new(
            CONFIG,
            "the database schema is not current: run `polku migrate` first",
        ));
    }
    Ok(())
}

/// Opens the service for a command. Replays a restore left pending in the database (D9) are
/// applied first: no command works on a restored database that still has them to do.
pub async fn open(cfg: &Config, mode: Mode) -> CliResult<Service> {
    let svc = open_unreplayed(cfg, mode).await?;
    match svc
        .apply_pending_replay(&polku_service::Actor::system("restore replay"))
        .await
    {
        Ok(None) => Ok(svc),
        Ok(Some((erased, r))) => {
            eprintln!(
                "applied what a restore left pending: {erased} erasure(s), {} consent withdrawal(s), {} share revocation(s), {} hold release(s); {} session(s) ended",
                r.consents, r.shares, r.holds, r.sessions
            );
            Ok(svc)
        }
        Err(e) => {
            svc.close().await;
            Err(CliError::new(
                crate::exit::STORAGE,
                format!("a restore left erasures and withdrawals to apply again, and applying them failed: {e}"),
            ))
        }
    }
}

/// [`open`] without applying pending replays (`polku restore` applies them itself).
pub async fn open_unreplayed(cfg: &Config, mode: Mode) -> CliResult<Service> {
    let threshold = polku_service::reports::Threshold::new(cfg.report_min_cell)
        .map_err(|e| CliError::new(CONFIG, format!("report_min_cell: {e}")))?;
    let existing = keys::read(&cfg.keys_file)?;
    let probe_keys = existing.clone().unwrap_or_else(Keys::random);
    let store = store(cfg, &probe_keys, mode).await?;
    match mode {
        Mode::Migrate => store.migrate().await?,
        Mode::Existing => check_migrations(store.as_ref()).await?,
    }
    let svc = match existing {
        Some(k) => Service::open(store, k).await?,
        None => {
            let initialised = store.get_meta("master_key_check").await?.is_some();
            store.close().await;
            if initialised {
                return Err(CliError::new(
                    CONFIG,
                    format!("key file {} is missing, but this database was initialised with keys: restore the key file", cfg.keys_file.display()),
                ));
            }
            if mode != Mode::Migrate {
                return Err(CliError::new(
                    CONFIG,
                    format!(
                        "key file {} is missing: run `polku migrate` to initialise a new database",
                        cfg.keys_file.display()
                    ),
                ));
            }
            let k = keys::create(&cfg.keys_file)?;
            eprintln!(
                "created key file {} (mode 0600); back it up separately from the database",
                cfg.keys_file.display()
            );
            Service::open(self::store(cfg, &k, mode).await?, k).await?
        }
    };
    let svc = svc.with_report_threshold(threshold);
    if mode == Mode::Migrate {
        load_reference(&svc).await?;
        // Free texts stored in clear before they were sealed at rest (migration 0025).
        let sealed = svc
            .seal_free_texts(&polku_service::Actor::system("migrate"))
            .await?;
        if sealed > 0 {
            eprintln!("sealed {sealed} stored free texts (follow-up notes, agreement terms)");
        }
    }
    Ok(svc)
}

/// Loads the shipped ESCO reference data when the database lacks this version (first start,
/// `polku migrate`, or after an upgrade that ships newer data); otherwise does nothing.
async fn load_reference(svc: &Service) -> CliResult {
    let started = std::time::Instant::now();
    if let polku_service::reference::ReferenceLoad::Loaded {
        version,
        concepts,
        relations,
        ..
    } = svc.load_reference_data().await?
    {
        eprintln!(
            "loaded ESCO reference data version {version}: {concepts} skills and occupations, {relations} relations ({:.1} s)",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// Opens the service, runs `f` on it and closes the store whatever `f` returned: the one
/// open → run → close ritual of every command that uses the database.
pub async fn with_service<T, F, Fut>(cfg: &Config, mode: Mode, f: F) -> CliResult<T>
where
    F: FnOnce(Service) -> Fut,
    Fut: std::future::Future<Output = CliResult<T>>,
{
    let svc = open(cfg, mode).await?;
    let result = f(svc.clone()).await;
    svc.close().await;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(backend("sqlite://polku.db").unwrap(), Backend::Sqlite);
        assert_eq!(backend("postgresql://u@h/db").unwrap(), Backend::Postgres);
        assert!(backend("mysql://h/db").is_err());
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
    }
}
