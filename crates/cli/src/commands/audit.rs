//! `polku audit verify`, `polku audit checkpoint`, `polku audit query` and `polku audit prune`.

use crate::config::Config;
use crate::exit::{CliError, CliResult, AUDIT_BROKEN, CONFIG, INVALID_INPUT, NOT_FOUND};
use crate::open::{with_service, Mode};
use clap::Subcommand;
use polku_service::audit_segments::{AuditPrune, AuditRetention};
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
    /// Who accessed whom, when (breach assessment): entries about a participant and/or by an
    /// actor within a time window, oldest first, one JSON object per line. The query is audited.
    Query {
        /// A participant id: entries about this participant.
        #[arg(long)]
        subject: Option<String>,
        /// A user's e-mail address or an audit actor id (`user:…`, `system:…`): entries by them.
        #[arg(long)]
        actor: Option<String>,
        /// From this time on (RFC 3339, or a date meaning its start in UTC).
        #[arg(long)]
        from: Option<String>,
        /// Before this time (RFC 3339, or a date meaning its start in UTC).
        #[arg(long)]
        to: Option<String>,
        /// At most this many entries (1–100000).
        #[arg(long)]
        limit: Option<i64>,
    },
    /// Delete the audit entries past `audit_retention_months`, a whole month (UTC) at a time,
    /// oldest first, each with a `segment_deleted` entry; closed months get a sealed
    /// checkpoint first, which stays, so the rest of the chain still verifies (R38).
    Prune {
        /// Print what would be sealed and deleted; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// With --dry-run: the day to plan for (YYYY-MM-DD) instead of today.
        #[arg(long, requires = "dry_run")]
        today: Option<String>,
    },
}

/// An RFC 3339 time, or a date meaning its midnight in UTC.
fn parse_time(flag: &str, text: &str) -> CliResult<time::OffsetDateTime> {
    use time::format_description::well_known::Rfc3339;
    let text = text.trim();
    if let Ok(t) = time::OffsetDateTime::parse(text, &Rfc3339) {
        return Ok(t);
    }
    let date_format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text, &date_format)
        .map(|d| d.midnight().assume_utc())
        .map_err(|_| {
            CliError::new(
                INVALID_INPUT,
                format!("{flag}: {text:?} is neither an RFC 3339 time nor a date (YYYY-MM-DD)"),
            )
        })
}

async fn search(
    svc: &polku_service::Service,
    subject: Option<String>,
    actor: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<i64>,
) -> CliResult {
    use polku_service::subject::AuditSearch;
    let subject = subject
        .map(|s| {
            polku_domain::ParticipantId::parse(s.trim()).map_err(|_| {
                CliError::new(
                    INVALID_INPUT,
                    format!("--subject: {s:?} is not a participant id (a UUID)"),
                )
            })
        })
        .transpose()?;
    let operator = polku_service::Actor::system("audit");
    let actor = match actor {
        Some(a) if a.contains('@') && !a.contains(':') => {
            let user = svc
                .user_id_by_email(&operator, a.trim())
                .await?
                .ok_or_else(|| CliError::new(NOT_FOUND, format!("--actor: no user {a:?}")))?;
            Some(format!("user:{user}"))
        }
        other => other,
    };
    let search = AuditSearch {
        subject,
        actor,
        from: from
            .as_deref()
            .map(|t| parse_time("--from", t))
            .transpose()?,
        to: to.as_deref().map(|t| parse_time("--to", t)).transpose()?,
        limit,
    };
    let rows = svc.query_audit(&operator, &search).await?;
    let mut out = String::new();
    for r in &rows {
        let line = serde_json::json!({
            "seq": r.seq, "at": r.at, "actor": r.actor, "actor_role": r.actor_role,
            "subject_kind": r.subject_kind, "subject": r.subject, "action": r.action,
            "purpose": r.purpose,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    eprintln!("{} entries", rows.len());
    super::emit(&out)
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

/// The configured audit retention, or a configuration error naming the key.
pub fn retention(cfg: &Config) -> CliResult<AuditRetention> {
    AuditRetention::from_months(cfg.audit_retention_months)
        .map_err(|e| CliError::new(CONFIG, format!("audit_retention_months: {e}")))
}

pub async fn run(cfg: &Config, c: AuditCommand) -> CliResult {
    if let AuditCommand::Prune { dry_run, today } = c {
        let keep = retention(cfg)?;
        let now = match today.as_deref() {
            None => time::OffsetDateTime::now_utc(),
            Some(text) => parse_day("--today", text)?
                .with_time(time::macros::time!(12:00))
                .assume_utc(),
        };
        return with_service(cfg, Mode::Existing, |svc| async move {
            let done = prune(&svc, keep, now, dry_run).await?;
            super::emit(&render_prune(&done, keep, dry_run))
        })
        .await;
    }
    with_service(
        cfg,
        Mode::Existing,
        |svc| async move { audit(&svc, c).await },
    )
    .await
}

/// Runs the audit retention job now (also `polku serve`'s daily task).
pub async fn prune(
    svc: &polku_service::Service,
    keep: AuditRetention,
    now: time::OffsetDateTime,
    dry_run: bool,
) -> CliResult<AuditPrune> {
    Ok(svc
        .prune_audit(
            &polku_service::Actor::system("retention"),
            keep,
            now,
            dry_run,
        )
        .await?)
}

/// A date (YYYY-MM-DD).
fn parse_day(flag: &str, text: &str) -> CliResult<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text.trim(), &format).map_err(|_| {
        CliError::new(
            INVALID_INPUT,
            format!("{flag}: {text:?} is not a date (YYYY-MM-DD)"),
        )
    })
}

fn render_prune(done: &AuditPrune, keep: AuditRetention, dry_run: bool) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let (seal, delete) = if dry_run {
        ("would seal", "would delete")
    } else {
        ("sealed", "deleted")
    };
    match keep.months {
        Some(m) => {
            let _ = writeln!(
                out,
                "audit retention: {m} months after the end of each month (UTC)"
            );
        }
        None => {
            let _ = writeln!(
                out,
                "audit retention: not set (audit_retention_months = 0); nothing is deleted"
            );
        }
    }
    for s in &done.sealed {
        let _ = writeln!(
            out,
            "{seal} segment {}: entries {}–{} ({} entries), last hash {}",
            s.month, s.first_seq, s.last_seq, s.entries, s.last_hash
        );
    }
    for s in &done.deleted {
        let _ = writeln!(
            out,
            "{delete} segment {}: entries {}–{} ({} entries), checkpoint hash {}",
            s.month, s.first_seq, s.last_seq, s.entries, s.last_hash
        );
    }
    let _ = writeln!(
        out,
        "{} segments {seal}, {} {delete}, {} kept",
        done.sealed.len(),
        done.deleted.len(),
        done.kept
    );
    out
}

async fn audit(svc: &polku_service::Service, c: AuditCommand) -> CliResult {
    match c {
        AuditCommand::Verify { checkpoint } => {
            let cp = checkpoint.as_deref().map(read_checkpoint).transpose();
            match cp {
                Err(e) => Err(e),
                Ok(cp) => match svc.verify_audit_report(cp).await {
                    Ok(Ok(report)) => {
                        println!("audit chain intact: {} entries", report.entries);
                        if !report.deleted.is_empty() {
                            println!(
                                "verified from entry {}, after {} deleted segments (R38):",
                                report.first_seq,
                                report.deleted.len()
                            );
                            for s in &report.deleted {
                                println!(
                                    "  deleted segment {}: entries {}–{}, checkpoint hash {}, deleted {} (entry {})",
                                    s.month,
                                    s.first_seq,
                                    s.last_seq,
                                    s.last_hash,
                                    s.deleted_at.as_deref().unwrap_or("?"),
                                    s.deleted_seq.unwrap_or(0)
                                );
                            }
                        }
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
        AuditCommand::Query {
            subject,
            actor,
            from,
            to,
            limit,
        } => search(svc, subject, actor, from, to, limit).await,
        // Handled by `run`, which reads its setting.
        AuditCommand::Prune { .. } => Ok(()),
        AuditCommand::Checkpoint { file } => match svc
            .audit_head(&polku_service::Actor::system("audit"))
            .await
        {
            Ok(head) => {
                let (seq, hash) = head.unwrap_or((0, polku_service::audit::genesis_hash()));
                crate::files::write_private_atomically(&file, format!("{seq} {hash}\n").as_bytes())
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
    }
}
