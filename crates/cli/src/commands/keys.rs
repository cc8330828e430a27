//! `polku keys rotate`: a new master key, with every participant data key re-wrapped.

use crate::config::Config;
use crate::exit::{CliError, CliResult, CONFIG};
use crate::keys;
use crate::open::{with_service, Mode};
use clap::Subcommand;
use polku_service::crypto::{Key, Keys};
use polku_service::Actor;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Replace the master key. The new key file is written (as FILE.next) before the database
    /// changes; afterwards the old one is kept as FILE.previous for backups taken with it.
    /// Refused while `polku serve` runs with the key file: stop it first.
    Rotate,
}

fn with_suffix(path: &std::path::Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

pub async fn run(cfg: &Config, c: KeysCommand) -> CliResult {
    let KeysCommand::Rotate = c;
    // A running server keeps the master key it read at start: it would wrap new participants'
    // keys with the old one (unreadable after its restart) and fail on re-wrapped ones (D3).
    // So no server may hold the key file while it is rotated; the lock is kept to the end.
    let _lock = crate::lock::exclusive(&cfg.keys_file, "polku keys rotate")?;
    let next_path = with_suffix(&cfg.keys_file, ".next");
    let next = &next_path;
    let n = with_service(cfg, Mode::Existing, |svc| async move {
        let planned = Keys {
            master: Key::random(),
            ..svc.keys().clone()
        };
        if let Err(e) = keys::write_new(next, &planned) {
            return Err(CliError::new(
                CONFIG,
                format!("{} (remove a stale {} first)", e.message, next.display()),
            ));
        }
        match svc
            .rotate_master_key(&Actor::system("keys rotate"), planned.master.clone())
            .await
        {
            Ok((_, n)) => Ok(n),
            Err(e) => {
                let _ = std::fs::remove_file(next);
                Err(e.into())
            }
        }
    })
    .await?;
    let previous = with_suffix(&cfg.keys_file, ".previous");
    let swap = std::fs::rename(&cfg.keys_file, &previous)
        .and_then(|()| std::fs::rename(&next_path, &cfg.keys_file));
    if let Err(e) = swap {
        return Err(CliError::new(
            CONFIG,
            format!("the database now uses the new master key in {}, but moving it into place failed: {e}; move it to {} by hand", next_path.display(), cfg.keys_file.display()),
        ));
    }
    println!("re-wrapped {n} participant data keys with a new master key");
    println!("the previous key file is {}: keep it while backups taken before now are needed, then delete it", previous.display());
    Ok(())
}
