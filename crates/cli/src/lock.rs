//! The key file lock (D3): `polku serve` holds a shared lock on the key file for as long as it
//! runs; `polku keys rotate` and `polku restore` take it exclusively and refuse while any
//! server holds it. A server keeps the master key it read at start, so rotating underneath it
//! would leave new participants wrapped with the old key; replacing its database underneath it
//! would keep serving from deleted files.
//!
//! The lock is an advisory `flock` on the key file itself, so it needs no writable directory
//! and disappears with the process, however it ends. It covers the processes of one host that
//! use the same key file: servers on other hosts must be stopped by hand (docs/SECURITY.md).

use crate::exit::{CliError, CliResult, CONFIG, CONFLICT};
use std::fs::{File, TryLockError};
use std::path::Path;

fn open(path: &Path) -> CliResult<Option<File>> {
    match File::open(path) {
        Ok(f) => Ok(Some(f)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(CliError::new(
            CONFIG,
            format!("cannot open key file {}: {e}", path.display()),
        )),
    }
}

/// `polku serve`: a shared lock, held while the returned file lives. `None` when the key file
/// does not exist (yet).
pub fn serving(path: &Path) -> CliResult<Option<File>> {
    let Some(f) = open(path)? else {
        return Ok(None);
    };
    match f.try_lock_shared() {
        Ok(()) => Ok(Some(f)),
        Err(TryLockError::WouldBlock) => Err(CliError::new(
            CONFLICT,
            format!(
                "key file {} is locked by `polku keys rotate` or `polku restore`: start the server when it has finished",
                path.display()
            ),
        )),
        Err(TryLockError::Error(e)) => Err(CliError::new(
            CONFIG,
            format!("cannot lock key file {}: {e}", path.display()),
        )),
    }
}

/// `polku keys rotate` and `polku restore` (named by `what`): an exclusive lock, refused while
/// a server (or another such command) holds the key file.
pub fn exclusive(path: &Path, what: &str) -> CliResult<Option<File>> {
    let Some(f) = open(path)? else {
        return Ok(None);
    };
    match f.try_lock() {
        Ok(()) => Ok(Some(f)),
        Err(TryLockError::WouldBlock) => Err(CliError::new(
            CONFLICT,
            format!(
                "`polku serve` (or another `polku keys rotate` or `polku restore`) is running with key file {}: stop it before `{what}`, and start it again afterwards",
                path.display()
            ),
        )),
        Err(TryLockError::Error(e)) => Err(CliError::new(
            CONFIG,
            format!("cannot lock key file {}: {e}", path.display()),
        )),
    }
}
