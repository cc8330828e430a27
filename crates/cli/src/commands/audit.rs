//! `polku audit verify` and `polku audit checkpoint`.

use crate::config::Config;
use crate::exit::{CliError, CliResult, AUDIT_BROKEN, INVALID_INPUT};
use crate::open::{open, Mode};
use clap::Subcommand;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute the chain; exit 0 if intact, 8 naming the first bad entry otherwise.
    Verify {
        /// A checkpoint written earlier by `polku audit checkpoint` (detects truncation even if
        /// the database's own head was rewritten).
        #[arg(long)]
        checkpoint: Option<PathBuf>,
    },
    /// Write the chain head (sequence number and hash) to FILE, to keep outside the database.
    Checkpoint { file: PathBuf },
}

fn read_checkpoint(path: &Path) -> CliResult<(i64, String)> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::new(
            INVALID_INPUT,
            format!("cannot read checkpoint {}: {e}", path.display()),
        )
    })?;
    let mut parts = text.split_whitespace();
    let seq = parts.next().and_then(|s| s.parse().ok());
    let hash = parts.next().filter(|h| h.len() == 64);
    match (seq, hash) {
        (Some(seq), Some(hash)) => Ok((seq, hash.to_owned())),
        _ => Err(CliError::new(
            INVALID_INPUT,
            format!(
                "{} is not a checkpoint (expected: SEQ HASH)",
                path.display()
            ),
        )),
    }
}

pub async fn run(cfg: &Config, c: AuditCommand) -> CliResult {
    let svc = open(cfg, Mode::Existing).await?;
    let result = match c {
        AuditCommand::Verify { checkpoint } => {
            let cp = checkpoint.as_deref().map(read_checkpoint).transpose();
            match cp {
                Err(e) => Err(e),
                Ok(cp) => match svc.verify_audit(cp).await {
                    Ok(Ok(n)) => {
                        println!("audit chain intact: {n} entries");
                        Ok(())
                    }
                    Ok(Err(e)) => Err(CliError::new(
                        AUDIT_BROKEN,
                        format!("audit chain broken at {e}"),
                    )),
                    Err(e) => Err(e.into()),
                },
            }
        }
        AuditCommand::Checkpoint { file } => match svc.store().audit_head().await {
            Ok(head) => {
                let (seq, hash) = head.unwrap_or((0, polku_service::audit::genesis_hash()));
                std::fs::write(&file, format!("{seq} {hash}\n"))
                    .map(|()| println!("checkpoint at entry {seq} written to {}", file.display()))
                    .map_err(|e| {
                        CliError::new(
                            INVALID_INPUT,
                            format!("cannot write {}: {e}", file.display()),
                        )
                    })
            }
            Err(e) => Err(e.into()),
        },
    };
    svc.store().close().await;
    result
}
