//! Audit segments (R38) in the storage port: the sealed checkpoints of closed months of the
//! audit chain, and the deletion of a whole expired segment. The checkpoints outlive the
//! entries they seal, so the chain that remains still verifies from the last deleted one.

use crate::audit::AuditEvent;
use crate::audit_segments::AuditSegment;
use crate::error::Result;
use async_trait::async_trait;

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
