//! Audit retention in verifiable segments (R38).
//!
//! The chain is cut into **monthly segments in UTC** (the time every entry is stamped with):
//! the segment of a month holds the entries after the previous segment up to the last one
//! stamped before the month ended. A segment is closed once its month is over; closing it
//! **seals a checkpoint** ([`AuditSegment`]: month, first and last entry, number of entries,
//! the hash before the first and of the last entry, and an HMAC-SHA256 over them under a
//! subkey of the audit key). The checkpoints live in their own table and outlive the entries.
//!
//! With a retention set ([`AuditRetention`]), a segment whose every entry is older than the
//! retention is deleted whole, oldest first, in one transaction with a `segment_deleted` entry
//! that names the segment and its checkpoint ([`Service::prune_audit`]). The remaining chain
//! verifies from the last deleted checkpoint: its first entry must link to that checkpoint's
//! hash ([`Service::verify_audit_report`]). A segment is sealed only after its entries were
//! verified, and deleted only after they were verified again against the checkpoint.

use crate::audit::{genesis_hash, timestamp, AuditChain, AuditEvent, Verifier, VerifyError};
use crate::crypto::hex_encode;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::DomainError;
use serde::Serialize;
use std::collections::HashMap;
use time::OffsetDateTime;

/// The action of the entry that records a segment's deletion.
pub const SEGMENT_DELETED: &str = "segment_deleted";

pub use crate::store::audit_segments::AuditSegment;

#[derive(Serialize)]
struct SealedFields<'a> {
    month: &'a str,
    first_seq: i64,
    last_seq: i64,
    entries: i64,
    prev_hash: &'a str,
    last_hash: &'a str,
    sealed_at: &'a str,
}

/// The seal of a checkpoint's fields.
pub fn seal(chain: &AuditChain, s: &AuditSegment) -> String {
    let fields = SealedFields {
        month: &s.month,
        first_seq: s.first_seq,
        last_seq: s.last_seq,
        entries: s.entries,
        prev_hash: &s.prev_hash,
        last_hash: &s.last_hash,
        sealed_at: &s.sealed_at,
    };
    let json = serde_json::to_vec(&fields).unwrap_or_default();
    hex_encode(&chain.key().derive(b"polku-audit-segment-v1").mac(&[&json]))
}

/// How long audit entries are kept (`audit_retention_months`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AuditRetention {
    /// Whole months after the end of its month a segment is kept; `None`: kept for ever.
    pub months: Option<u32>,
}

impl AuditRetention {
    /// From the configuration value: 0 means not set (nothing is deleted); 1–1200 months.
    pub fn from_months(months: i64) -> std::result::Result<Self, DomainError> {
        match months {
            0 => Ok(AuditRetention::default()),
            1..=1200 => Ok(AuditRetention {
                months: u32::try_from(months).ok(),
            }),
            _ => Err(DomainError::Invalid {
                field: "audit_retention_months",
                reason: "must be 0 (not set) or 1–1200 months".into(),
            }),
        }
    }

    /// Whether every entry of `month` (`YYYY-MM`) is older than the retention at `now`.
    pub fn expired(&self, month: &str, now: OffsetDateTime) -> bool {
        let (Some(keep), Some(m)) = (self.months, month_index(month)) else {
            return false;
        };
        m + 1 + i64::from(keep) <= now_index(now)
    }
}

/// Months since year 0 of a `YYYY-MM` text.
fn month_index(month: &str) -> Option<i64> {
    let (y, m) = month.split_once('-')?;
    let (y, m): (i64, i64) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&m).then_some(y * 12 + m - 1)
}

fn now_index(now: OffsetDateTime) -> i64 {
    let t = now.to_offset(time::UtcOffset::UTC);
    i64::from(t.year()) * 12 + i64::from(u8::from(t.month())) - 1
}

fn month_text(index: i64) -> String {
    format!(
        "{:04}-{:02}",
        index.div_euclid(12),
        index.rem_euclid(12) + 1
    )
}

/// What a prune run does, or would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditPrune {
    /// Closed months sealed by this run (with `--dry-run`: that would be sealed).
    pub sealed: Vec<AuditSegment>,
    /// Segments deleted (or due), oldest first, with their entries.
    pub deleted: Vec<AuditSegment>,
    /// Segments kept (sealed and not yet expired).
    pub kept: usize,
}

/// What `polku audit verify` found on an intact chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    /// Entries checked (those kept).
    pub entries: i64,
    /// The first entry kept: 1 unless segments were deleted.
    pub first_seq: i64,
    /// Segments whose entries were deleted, with their checkpoints, oldest first.
    pub deleted: Vec<AuditSegment>,
    /// Segments sealed and still kept.
    pub sealed: usize,
}

fn broken(seq: i64, reason: String) -> VerifyError {
    VerifyError { seq, reason }
}

/// Checks every checkpoint's seal and that they follow one another from the first entry, and
/// that the deleted ones are the oldest. Returns where the kept chain starts.
fn check_checkpoints(
    chain: &AuditChain,
    segments: &[AuditSegment],
) -> std::result::Result<(i64, String), VerifyError> {
    let (mut next, mut prev) = (1, genesis_hash());
    let mut start = (0, genesis_hash());
    let mut kept_one = false;
    for s in segments {
        if seal(chain, s) != s.mac {
            return Err(broken(
                s.first_seq,
                format!(
                    "the checkpoint of segment {} does not match its seal (altered checkpoint or wrong audit key)",
                    s.month
                ),
            ));
        }
        if s.first_seq != next || s.prev_hash != prev || s.entries != s.last_seq - s.first_seq + 1 {
            return Err(broken(
                s.first_seq,
                format!(
                    "the checkpoint of segment {} does not continue the previous one",
                    s.month
                ),
            ));
        }
        if s.deleted_at.is_some() {
            if kept_one || s.deleted_seq.is_none() {
                return Err(broken(
                    s.first_seq,
                    format!("segment {} is marked deleted out of order", s.month),
                ));
            }
            start = (s.last_seq, s.last_hash.clone());
        } else {
            kept_one = true;
        }
        next = s.last_seq + 1;
        prev = s.last_hash.clone();
    }
    Ok(start)
}

impl Service {
    fn audit_chain(&self) -> AuditChain {
        AuditChain::new(self.keys().audit.clone())
    }

    /// Verifies the entries `after.0 + 1 ..= last` link from `after.1`; returns the last hash.
    async fn check_range(
        &self,
        chain: &AuditChain,
        after: (i64, String),
        last: i64,
    ) -> Result<std::result::Result<String, VerifyError>> {
        let mut verifier = Verifier::resume(chain, after.0, after.1.clone(), None);
        let mut at = after.0;
        let mut hash = after.1;
        while at < last {
            let page = self.store().audit_page(at, 5000).await?;
            if page.is_empty() {
                break;
            }
            for row in page.iter().take_while(|r| r.seq <= last) {
                if let Err(e) = verifier.push(row) {
                    return Ok(Err(e));
                }
                at = row.seq;
                hash = row.entry_hash.clone();
            }
            if page.last().is_some_and(|r| r.seq > last) {
                break;
            }
        }
        if at != last {
            return Ok(Err(broken(
                at + 1,
                format!("entries {}–{last} are missing", at + 1),
            )));
        }
        Ok(Ok(hash))
    }

    /// The checkpoints of the months closed by `now` that are not sealed yet, after verifying
    /// their entries. Writes nothing.
    async fn due_seals(
        &self,
        chain: &AuditChain,
        now: OffsetDateTime,
    ) -> Result<Vec<AuditSegment>> {
        let existing = self.store().audit_segments().await?;
        let mut after = existing
            .last()
            .map_or((0, genesis_hash()), |s| (s.last_seq, s.last_hash.clone()));
        let current = now_index(now);
        let mut out = Vec::new();
        loop {
            let Some(first) = self.store().audit_page(after.0, 1).await?.pop() else {
                break;
            };
            let Some(month) = first.at.get(..7).and_then(month_index) else {
                return Err(ServiceError::Storage(format!(
                    "audit entry {} has an unreadable time",
                    first.seq
                )));
            };
            if month >= current {
                break;
            }
            let bound = month_text(month + 1);
            let last = self
                .store()
                .audit_last_before(after.0, &bound)
                .await?
                .unwrap_or(first.seq);
            let last_hash = self
                .check_range(chain, after.clone(), last)
                .await?
                .map_err(|e| {
                    ServiceError::Storage(format!("cannot seal the audit segment: {e}"))
                })?;
            let mut s = AuditSegment {
                month: month_text(month),
                first_seq: after.0 + 1,
                last_seq: last,
                entries: last - after.0,
                prev_hash: after.1.clone(),
                last_hash: last_hash.clone(),
                sealed_at: timestamp(now),
                mac: String::new(),
                deleted_at: None,
                deleted_seq: None,
            };
            s.mac = seal(chain, &s);
            out.push(s);
            after = (last, last_hash);
        }
        Ok(out)
    }

    /// Seals a checkpoint for every month closed by `now` (UTC) that has none. Operator only.
    pub async fn seal_audit_segments(
        &self,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<Vec<AuditSegment>> {
        if !actor.is_system() {
            return Err(ServiceError::Forbidden);
        }
        let chain = self.audit_chain();
        let due = self.due_seals(&chain, now).await?;
        for s in &due {
            self.store().insert_audit_segment(s).await?;
        }
        Ok(due)
    }

    /// The audit retention job (R38): seals the closed months, then deletes every segment
    /// past `retention` at `now`, oldest first, each in its own transaction with its
    /// `segment_deleted` entry. With `dry_run`, changes nothing and says what it would do.
    /// A segment whose entries no longer match its checkpoint is not deleted: the run stops
    /// with an error and the evidence stays. Operator only.
    pub async fn prune_audit(
        &self,
        actor: &Actor,
        retention: AuditRetention,
        now: OffsetDateTime,
        dry_run: bool,
    ) -> Result<AuditPrune> {
        if !actor.is_system() {
            return Err(ServiceError::Forbidden);
        }
        let chain = self.audit_chain();
        let sealed = if dry_run {
            self.due_seals(&chain, now).await?
        } else {
            self.seal_audit_segments(actor, now).await?
        };
        let mut segments = self.store().audit_segments().await?;
        if dry_run {
            segments.extend(sealed.iter().cloned());
        }
        let mut deleted = Vec::new();
        let mut kept = 0;
        for s in segments.into_iter().filter(|s| s.deleted_at.is_none()) {
            if !retention.expired(&s.month, now) || kept > 0 {
                kept += 1;
                continue;
            }
            if !dry_run {
                let hash = self
                    .check_range(&chain, (s.first_seq - 1, s.prev_hash.clone()), s.last_seq)
                    .await?;
                if hash.as_deref() != Ok(s.last_hash.as_str()) {
                    return Err(ServiceError::Storage(format!(
                        "audit segment {} no longer matches its checkpoint; it is kept as evidence ({})",
                        s.month,
                        hash.err().map_or_else(String::new, |e| e.to_string())
                    )));
                }
                let event = AuditEvent::new(
                    actor,
                    "audit_segment",
                    Some(s.audit_subject()),
                    SEGMENT_DELETED,
                    "retention",
                )?
                .with_categories("audit");
                self.store().delete_audit_segment(&s.month, &event).await?;
            }
            deleted.push(s);
        }
        Ok(AuditPrune {
            sealed,
            deleted,
            kept,
        })
    }

    /// Recomputes the chain that is kept, from the checkpoint of the last deleted segment (or
    /// the first entry), up to the head read at the start; checks every checkpoint's seal, the
    /// sealed segments still kept against their entries, and that each deletion is recorded
    /// by its `segment_deleted` entry while that entry is kept. `checkpoint` is an external
    /// `(seq, hash)` (`polku audit checkpoint`); one inside a deleted segment can only be
    /// checked when it is that segment's last entry.
    pub async fn verify_audit_report(
        &self,
        checkpoint: Option<(i64, String)>,
    ) -> Result<std::result::Result<VerifyReport, VerifyError>> {
        let chain = self.audit_chain();
        let head = self.store().audit_head().await?;
        let segments = self.store().audit_segments().await?;
        let start = match check_checkpoints(&chain, &segments) {
            Ok(s) => s,
            Err(e) => return Ok(Err(e)),
        };
        let checkpoint = match checkpoint {
            Some((seq, hash)) if seq <= start.0 => {
                if seq == start.0 && hash != start.1 {
                    return Ok(Err(broken(
                        seq,
                        "differs from the external checkpoint".into(),
                    )));
                }
                None
            }
            other => other,
        };
        let sealed_ends: HashMap<i64, &AuditSegment> = segments
            .iter()
            .filter(|s| s.deleted_at.is_none())
            .map(|s| (s.last_seq, s))
            .collect();
        let deletions: HashMap<i64, &AuditSegment> = segments
            .iter()
            .filter_map(|s| s.deleted_seq.filter(|d| *d > start.0).map(|d| (d, s)))
            .collect();
        let end = head.as_ref().map_or(0, |(seq, _)| *seq);
        let mut verifier = Verifier::resume(&chain, start.0, start.1.clone(), checkpoint);
        let mut after = start.0;
        'pages: while after < end {
            let page = self.store().audit_page(after, 5000).await?;
            let Some(last) = page.last() else { break };
            after = last.seq;
            for row in &page {
                if row.seq > end {
                    break 'pages;
                }
                if let Err(e) = verifier.push(row) {
                    return Ok(Err(e));
                }
                if let Some(s) = sealed_ends.get(&row.seq) {
                    if row.entry_hash != s.last_hash {
                        return Ok(Err(broken(
                            row.seq,
                            format!("differs from the sealed checkpoint of segment {}", s.month),
                        )));
                    }
                }
                if let Some(s) = deletions.get(&row.seq) {
                    if row.action != SEGMENT_DELETED
                        || row.subject.as_deref() != Some(s.audit_subject().as_str())
                    {
                        return Ok(Err(broken(
                            row.seq,
                            format!(
                                "segment {} is marked deleted by this entry, which does not record its deletion",
                                s.month
                            ),
                        )));
                    }
                }
            }
        }
        let last = match verifier.finish(head) {
            Ok(n) => n,
            Err(e) => return Ok(Err(e)),
        };
        let deleted: Vec<AuditSegment> = segments
            .iter()
            .filter(|s| s.deleted_at.is_some())
            .cloned()
            .collect();
        Ok(Ok(VerifyReport {
            entries: last - start.0,
            first_seq: start.0 + 1,
            sealed: segments.len() - deleted.len(),
            deleted,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_month_expires_when_its_last_entry_is_older_than_the_retention() {
        let keep = AuditRetention::from_months(12).expect("valid");
        // January 2025 ends on 1 February 2025; twelve months later is 1 February 2026.
        assert!(!keep.expired("2025-01", datetime!(2026-01-31 23:59:59 UTC)));
        assert!(keep.expired("2025-01", datetime!(2026-02-01 00:00:00 UTC)));
        assert!(!keep.expired("2025-02", datetime!(2026-02-01 00:00:00 UTC)));
        assert!(!AuditRetention::default().expired("2000-01", datetime!(2026-02-01 0:00 UTC)));
        assert!(AuditRetention::from_months(0)
            .expect("valid")
            .months
            .is_none());
        assert!(AuditRetention::from_months(-1).is_err());
        assert!(AuditRetention::from_months(1201).is_err());
        assert_eq!(
            month_text(month_index("2025-12").expect("month") + 1),
            "2026-01"
        );
        assert_eq!(month_index("2025-13"), None);
    }

    #[test]
    fn the_seal_covers_every_field_and_the_key() {
        let chain = AuditChain::new(crate::crypto::Key::from_bytes([3; 32]));
        let mut s = AuditSegment {
            month: "2026-01".into(),
            first_seq: 1,
            last_seq: 10,
            entries: 10,
            prev_hash: genesis_hash(),
            last_hash: "ab".repeat(32),
            sealed_at: "2026-02-01T00:00:00.000000Z".into(),
            mac: String::new(),
            deleted_at: None,
            deleted_seq: None,
        };
        s.mac = seal(&chain, &s);
        assert_eq!(
            check_checkpoints(&chain, std::slice::from_ref(&s)),
            Ok((0, genesis_hash()))
        );
        for tamper in [
            |s: &mut AuditSegment| s.month = "2026-02".into(),
            |s: &mut AuditSegment| s.last_seq = 9,
            |s: &mut AuditSegment| s.entries = 9,
            |s: &mut AuditSegment| s.last_hash = "cd".repeat(32),
            |s: &mut AuditSegment| s.sealed_at = "2026-03-01T00:00:00.000000Z".into(),
        ] {
            let mut t = s.clone();
            tamper(&mut t);
            assert!(check_checkpoints(&chain, &[t]).is_err());
        }
        let other = AuditChain::new(crate::crypto::Key::from_bytes([4; 32]));
        assert!(check_checkpoints(&other, &[s]).is_err());
    }
}
