//! `polku audit verify` and `polku audit checkpoint`.

use crate::config::Config;
use crate::exit::{CliError, CliResult, AUDIT_BROKEN, INVALID_INPUT, NOT_FOUND};
use crate::open::{with_service, Mode};
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

pub async fn run(cfg: &Config, c: AuditCommand) -> CliResult {
    with_service(
        cfg,
        Mode::Existing,
        |svc| async move { audit(&svc, c).await },
    )
    .await
}

async fn audit(svc: &polku_service::Service, c: AuditCommand) -> CliResult {
    match c {
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
        AuditCommand::Query {
            subject,
            actor,
            from,
            to,
            limit,
        } => search(svc, subject, actor, from, to, limit).await,
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
