//! `polku backup FILE`, `polku restore FILE`, `polku integrity`.

use crate::config::Config;
use crate::exit::{CliError, CliResult, INTEGRITY};
use crate::open::{backend, open, with_service, Backend, Mode};
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

pub async fn restore(cfg: &Config, file: &Path) -> CliResult {
    // Erasures made after the backup was taken must be applied again (R40): the tombstones of
    // the live database (when it still opens) and of the tombstone file.
    let mut tombstones = super::subject::read_tombstones(cfg)?;
    // Not `with_service`: a live database that does not open is only a warning here, while
    // one that opens but cannot list its tombstones must stop the restore.
    match open(cfg, Mode::Existing).await {
        Ok(live) => {
            let listed = live
                .erasures(&Actor::system("restore"))
                .await;
            live.close().await;
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
    let replay = &tombstones;
    let (replayed, verified) = with_service(cfg, Mode::Existing, |svc| async move {
        // Erasures are applied again whatever the chain says: a broken chain is reported
        // below, but the restored database is in place and must not bring erased people back.
        let replayed = svc
            .replay_erasures(&Actor::system("restore"), replay)
            .await?;
        Ok((replayed, svc.verify_audit(None).await?))
    })
    .await?;
    match verified {
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
