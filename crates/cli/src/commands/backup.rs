//! `polku backup FILE`, `polku restore FILE`, `polku integrity`.

use crate::config::Config;
use crate::exit::{CliError, CliResult, CONFIG, INTEGRITY};
use crate::open::{backend, open, open_unreplayed, store, with_service, Backend, Mode};
use crate::{keys, lock};
use polku_service::erasure::{record_pending_replay, PendingReplay};
use polku_service::Actor;
use std::path::Path;

pub async fn backup(cfg: &Config, file: &Path) -> CliResult {
    with_service(cfg, Mode::Existing, |svc| async move {
        Ok(svc.backup(&Actor::system("backup"), file).await?)
    })
    .await?;
    println!("backup written to {}", file.display());
    Ok(())
}

pub async fn restore(cfg: &Config, file: &Path, live_unreadable: bool) -> CliResult {
    // No server may run on the database being replaced (D3): it would go on serving from the
    // replaced files, and its sessions would survive the restore.
    let _lock = lock::exclusive(&cfg.keys_file, "polku restore")?;
    // What was erased or taken back after the backup was taken must not come back (R40, D7):
    // the tombstones of the tombstone file, and of the live database with its withdrawals,
    // revocations and releases, when it still opens.
    let mut pending = PendingReplay {
        erasures: super::subject::read_tombstones(cfg)?
            .into_iter()
            .map(|(id, at)| (id.0, at))
            .collect(),
        ..PendingReplay::default()
    };
    let actor = Actor::system("restore");
    // Not `with_service`: a live database that does not open is a decision for the operator,
    // while one that opens but cannot list what it took back must stop the restore.
    match open(cfg, Mode::Existing).await {
        Ok(live) => {
            let listed = async {
                let erasures = live.erasures(&actor).await?;
                let revocations = live.access_revocations(&actor).await?;
                Ok::<_, polku_service::ServiceError>(PendingReplay {
                    erasures: erasures.into_iter().map(|(id, at)| (id.0, at)).collect(),
                    revocations,
                })
            }
            .await;
            live.close().await;
            pending.merge(listed?);
        }
        Err(e) if live_unreadable => eprintln!(
            "warning: the live database does not open ({}); only the tombstone file's {} erasure(s) will be applied again, and withdrawals or revocations made after the backup are lost",
            e.message,
            pending.erasures.len()
        ),
        Err(e) => {
            return Err(CliError::new(
                CONFIG,
                format!(
                    "the live database does not open ({}), so the consent withdrawals, share revocations and hold releases made after the backup cannot be applied again (the erasures in {} can). Check them by hand afterwards, and run `polku restore --live-unreadable {}` to restore anyway",
                    e.message,
                    super::subject::tombstone_file(cfg).display(),
                    file.display()
                ),
            ))
        }
    }
    match backend(&cfg.database_url)? {
        Backend::Sqlite => polku_store_sqlite::restore(file, &cfg.database_url).await?,
        Backend::Postgres => polku_store_postgres::restore(file, &cfg.database_url).await?,
    }
    // The replays go into the restored database first, so that they are not lost if it does
    // not open with the configured keys (D9): whatever opens it next applies them.
    let counts = (pending.erasures.len(), pending.revocations.len());
    let probe_keys =
        keys::read(&cfg.keys_file)?.unwrap_or_else(polku_service::crypto::Keys::random);
    let restored = store(cfg, &probe_keys, Mode::Existing).await?;
    let recorded = record_pending_replay(restored.as_ref(), pending).await;
    restored.close().await;
    recorded.map_err(|e| {
        CliError::new(
            crate::exit::STORAGE,
            format!("restored, but the erasures and withdrawals to apply again could not be recorded in it: {e}; do not start `polku serve` on it, restore again"),
        )
    })?;
    // The restored database must open with the configured keys and verify.
    let svc = match open_unreplayed(cfg, Mode::Existing).await {
        Ok(svc) => svc,
        Err(e) => {
            return Err(CliError::new(
                e.code,
                format!(
                    "restored, but the database does not open: {}. The {} erasure(s) and {} withdrawal(s) or revocation(s) to apply again are kept in the restored database and are applied when it is next opened with the right key file (`polku serve` or any other command)",
                    e.message, counts.0, counts.1
                ),
            ))
        }
    };
    let outcome = async {
        // Applied whatever the chain says: a broken chain is reported below, but the restored
        // database is in place and must not bring back erased people or withdrawn access.
        let applied = svc.apply_pending_replay(&actor).await?;
        Ok::<_, CliError>((applied, svc.verify_audit(None).await?))
    }
    .await;
    svc.close().await;
    let (applied, verified) = outcome?;
    let (erased, r) = applied.unwrap_or_default();
    match verified {
        Ok(n) => {
            println!(
                "restored from {}; audit chain intact ({n} entries); {erased} erasure(s) applied again from {} tombstone(s)",
                file.display(),
                counts.0
            );
            println!(
                "applied again: {} consent withdrawal(s), {} share revocation(s), {} hold release(s); ended {} session(s) and {} unused activation link(s): everyone signs in again",
                r.consents, r.shares, r.holds, r.sessions, r.activations
            );
            Ok(())
        }
        Err(e) => Err(CliError::new(
            INTEGRITY,
            format!("restored, but the audit chain is broken at {e}"),
        )),
    }
}

pub async fn integrity(cfg: &Config) -> CliResult {
    let report = with_service(cfg, Mode::Existing, |svc| async move {
        Ok(svc.integrity_check(&Actor::system("integrity")).await?)
    })
    .await?;
    if report.ok {
        println!("integrity check: ok");
        Ok(())
    } else {
        Err(CliError::new(
            INTEGRITY,
            format!("integrity check failed: {}", report.details.join("; ")),
        ))
    }
}
