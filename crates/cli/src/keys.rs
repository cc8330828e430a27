//! The key file: read, or created for a new database (R29, R30).

use crate::exit::{CliError, CliResult, CONFIG};
use polku_service::crypto::{Key, Keys};
use std::io::Write;
use std::path::Path;

/// Reads the key file. Missing is `Ok(None)`; malformed is an error, and so is a key file that
/// other users of the host may read (D27): it must be mode 0600 (or 0400). A file its group
/// may read gets a warning (some secret stores mount files so on purpose).
pub fn read(path: &Path) -> CliResult<Option<Keys>> {
    if let Some(mode) = crate::files::mode(path) {
        if mode & 0o007 != 0 {
            return Err(CliError::new(
                CONFIG,
                format!(
                    "key file {} can be read by every user of this host (mode {mode:o}): run `chmod 600 {}`, and rotate the keys if others may have read it",
                    path.display(),
                    path.display()
                ),
            ));
        }
        if mode & 0o070 != 0 {
            eprintln!(
                "warning: key file {} can be read by its group (mode {mode:o}); `chmod 600 {}` unless that is intended",
                path.display(),
                path.display()
            );
        }
    }
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(CliError::new(
                CONFIG,
                format!("cannot read key file {}: {e}", path.display()),
            ))
        }
    };
    let value = |name: &str| -> CliResult<Key> {
        let line = text
            .lines()
            .map(str::trim)
            .find(|l| l.split('=').next().map(str::trim) == Some(name))
            .ok_or_else(|| {
                CliError::new(CONFIG, format!("key file {} has no {name}", path.display()))
            })?;
        let hex = line
            .split_once('=')
            .map(|(_, v)| v.trim().trim_matches('"'))
            .unwrap_or_default();
        Key::from_hex(hex)
            .map_err(|e| CliError::new(CONFIG, format!("key file {}: {name}: {e}", path.display())))
    };
    Ok(Some(Keys {
        master: value("master_key")?,
        audit: value("audit_key")?,
        lookup: value("lookup_key")?,
    }))
}

/// Creates a new key file readable only by its owner. Fails if it exists.
pub fn create(path: &Path) -> CliResult<Keys> {
    let keys = Keys::random();
    write_new(path, &keys)?;
    Ok(keys)
}

/// Writes `keys` to a new file (mode 0600), synced to disk. Fails if the file exists.
pub fn write_new(path: &Path, keys: &Keys) -> CliResult {
    let text = format!(
        "# Polku keys. Keep secret; back up separately from the database.\n\
         # Without master_key the encrypted participant data cannot be read.\n\
         master_key = \"{}\"\naudit_key = \"{}\"\nlookup_key = \"{}\"\n",
        keys.master.to_hex(),
        keys.audit.to_hex(),
        keys.lookup.to_hex()
    );
    let mut f = crate::files::private_options().open(path).map_err(|e| {
        CliError::new(
            CONFIG,
            format!("cannot create key file {}: {e}", path.display()),
        )
    })?;
    f.write_all(text.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(|e| {
            CliError::new(
                CONFIG,
                format!("cannot write key file {}: {e}", path.display()),
            )
        })
}
