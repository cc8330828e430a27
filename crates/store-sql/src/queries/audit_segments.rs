//! Audit segments (R38): the sealed checkpoints of closed months, and deleting a whole expired
//! segment together with the entry that records it.

use super::audit;
use crate::dialect::{delete_audit_entries, BYTE_ORDER};
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_service::audit::{timestamp, AuditEvent};
use polku_service::audit_segments::AuditSegment;
use polku_service::store::AuditSegmentStore;
use polku_service::{Result, ServiceError};

type SegmentTuple = (
    String,
    i64,
    i64,
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<i64>,
);

fn segment(
    (
        month,
        first_seq,
        last_seq,
        entries,
        prev_hash,
        last_hash,
        sealed_at,
        mac,
        deleted_at,
        deleted_seq,
    ): SegmentTuple,
) -> AuditSegment {
    AuditSegment {
        month,
        first_seq,
        last_seq,
        entries,
        prev_hash,
        last_hash,
        sealed_at,
        mac,
        deleted_at,
        deleted_seq,
    }
}

#[async_trait]
impl AuditSegmentStore for SqlStore {
    async fn audit_segments(&self) -> Result<Vec<AuditSegment>> {
        let rows: Vec<SegmentTuple> = sqlx::query_as(
            "SELECT month, first_seq, last_seq, entries, prev_hash, last_hash, sealed_at, mac, \
             deleted_at, deleted_seq FROM audit_segments ORDER BY first_seq",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(rows.into_iter().map(segment).collect())
    }

    async fn audit_last_before(&self, after: i64, before: &str) -> Result<Option<i64>> {
        sqlx::query_scalar(&format!(
            "SELECT MAX(seq) FROM audit_events WHERE seq > $1 AND at{BYTE_ORDER} < $2"
        ))
        .bind(after)
        .bind(before)
        .fetch_one(&self.pool)
        .await
        .map_err(db)
    }

    async fn insert_audit_segment(&self, s: &AuditSegment) -> Result<()> {
        sqlx::query(
            "INSERT INTO audit_segments (month, first_seq, last_seq, entries, prev_hash, last_hash, \
             sealed_at, mac) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&s.month)
        .bind(s.first_seq)
        .bind(s.last_seq)
        .bind(s.entries)
        .bind(&s.prev_hash)
        .bind(&s.last_hash)
        .bind(&s.sealed_at)
        .bind(&s.mac)
        .execute(&self.pool)
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn delete_audit_segment(&self, month: &str, ev: &AuditEvent) -> Result<u64> {
        let mut tx = self.write().await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        let marked = sqlx::query(
            "UPDATE audit_segments SET deleted_at = $1, \
             deleted_seq = (SELECT seq FROM audit_head WHERE id = 1) \
             WHERE month = $2 AND deleted_at IS NULL",
        )
        .bind(timestamp(self.chain.now()))
        .bind(month)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if marked != 1 {
            return Err(ServiceError::NotFound);
        }
        let deleted = delete_audit_entries(&mut tx, month).await?;
        tx.commit().await.map_err(db)?;
        Ok(deleted)
    }
}
