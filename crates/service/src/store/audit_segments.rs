//! Audit segments (R38) in the storage port: the sealed checkpoints of closed months of the
//! audit chain, and the deletion of a whole expired segment. The checkpoints outlive the
//! entries they seal, so the chain that remains still verifies from the last deleted one.

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use serde::Serialize;

#[async_trait]
pub trait AuditSegmentStore: Send + Sync {
    /// Every checkpoint, deleted segments included, in chain order.
    async fn audit_segments(&self) -> Result<Vec<AuditSegment>>;
    /// The last entry after `after` stamped before `before` (a UTC time or its prefix such as
    /// `2026-02`, compared as text by bytes), if any.
    async fn audit_last_before(&self, after: i64, before: &str) -> Result<Option<i64>>;
    /// Stores a new checkpoint. The database refuses one that does not continue the last
    /// checkpoint or does not match the entries it names.
    async fn insert_audit_segment(&self, segment: &AuditSegment) -> Result<()>;
    /// In one transaction: appends `audit` (the `segment_deleted` entry), marks the segment
    /// of `month` deleted by that entry, and deletes the segment's entries. Returns how many
    /// entries were deleted. Only the oldest segment still kept can be deleted.
    async fn delete_audit_segment(&self, month: &str, audit: &AuditEvent) -> Result<u64>;
}

/// The sealed checkpoint of one closed month of the audit chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditSegment {
    /// `YYYY-MM`, in UTC.
    pub month: String,
    pub first_seq: i64,
    pub last_seq: i64,
    pub entries: i64,
    /// The hash the first entry links to (the previous segment's `last_hash`, or the genesis).
    pub prev_hash: String,
    /// The hash of the last entry: where the chain continues.
    pub last_hash: String,
    /// When it was sealed (RFC 3339 UTC).
    pub sealed_at: String,
    /// HMAC-SHA256 of the fields above under the audit key's segment subkey.
    pub mac: String,
    /// When the segment's entries were deleted.
    pub deleted_at: Option<String>,
    /// The `segment_deleted` entry that records the deletion.
    pub deleted_seq: Option<i64>,
}

impl AuditSegment {
    /// How the `segment_deleted` entry names this segment and its checkpoint.
    pub fn audit_subject(&self) -> String {
        format!(
            "{}:{}-{}:{}",
            self.month, self.first_seq, self.last_seq, self.last_hash
        )
    }
}
