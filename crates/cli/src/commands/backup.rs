//! `polku backup FILE`, `polku restore FILE`, `polku integrity`.

use crate::config::Config;
use crate::exit::{CliError, CliResult, INTEGRITY};
use crate::open::{backend, open, Backend, Mode};
use polku_service::audit::AuditEvent;
use polku_service::Actor;
use std::path::Path;

pub async fn backup(cfg: &Config, file: &Path) -> CliResult {
    let svc = open(cfg, Mode::Existing).await?;
    let result = async {
        // Logged first, so the backup contains the record of its own making.
        let ev = AuditEvent::new(
            &Actor::system("backup"),
            "database",
            None,
            "backup",
            "maintenance",
        )?;
        svc.store().append_audit(&ev).await?;
        svc.store().backup(file).await
    }
    .await;
    svc.store().close().await;
    result?;
    println!("backup written to {}", file.display());
    Ok(())
}

pub async fn restore(cfg: &Config, file: &Path) -> CliResult {
    // Erasures made after the backup was taken must be applied again (R40): the tombstones of
    // the live database (when it still opens) and of the tombstone file.
    let mut tombstones = super::subject::read_tombstones(cfg)?;
    match open(cfg, Mode::Existing).await {
        Ok(live) => {
            let listed = live
                .erasures(&polku_service::Actor::system("restore"))
                .await;
            live.store().close().await;
            tombstones.extend(listed?);
        }
        Err(e) => eprintln!(
            "warning: the live database does not open ({}); only the tombstone file's {} erasure(s) will be applied again",
            e.message,
            tombstones.len()
        ),
    }
    // One per participant, the earliest time.
    let mut earliest = std::collections::BTreeMap::new();
    for (id, at) in tombstones {
        earliest
            .entry(id)
            .and_modify(|t: &mut time::OffsetDateTime| *t = (*t).min(at))
            .or_insert(at);
    }
    let tombstones: Vec<_> = earliest.into_iter().collect();
    match backend(&cfg.database_url)? {
        Backend::Sqlite => polku_store_sqlite::restore(file, &cfg.database_url).await?,
        Backend::Postgres => polku_store_postgres::restore(file, &cfg.database_url).await?,
    }
    // The restored database must open with the configured keys and verify.
    let svc = open(cfg, Mode::Existing).await?;
    // Erasures are applied again whatever the chain says: a broken chain is reported below,
    // but the restored database is in place and must not bring erased people back.
    let replayed = svc
        .replay_erasures(&polku_service::Actor::system("restore"), &tombstones)
        .await;
    let verified = svc.verify_audit(None).await;
    svc.store().close().await;
    let replayed = replayed?;
    match verified? {
        Ok(n) => {
            println!(
                "restored from {}; audit chain intact ({n} entries); {replayed} erasure(s) applied again from {} tombstone(s)",
                file.display(),
                tombstones.len()
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
    let svc = open(cfg, Mode::Existing).await?;
    let report = svc.store().integrity_check().await;
    svc.store().close().await;
    let report = report?;
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
