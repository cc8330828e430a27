//! The audit chain: appending inside the caller's transaction, and reading it.

use crate::dialect::LOCK_ROWS;
use crate::Conn;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_service::audit::{AuditChain, AuditEvent, AuditRow};
use polku_service::store::{AuditQuery, AuditStore};
use polku_service::Result;
use polku_store_sql::rows::{audit_row, AuditTuple};

#[async_trait]
impl AuditStore for SqlStore {
    async fn append_audit(&self, event: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        append(&mut tx, &self.chain, event).await?;
        tx.commit().await.map_err(db)
    }

    async fn audit_head(&self) -> Result<Option<(i64, String)>> {
        sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_optional(&self.pool)
            .await
            .map_err(db)
    }

    async fn audit_page(&self, after: i64, limit: i64) -> Result<Vec<AuditRow>> {
        let rows: Vec<AuditTuple> = sqlx::query_as(
            "SELECT seq, at, actor, actor_role, subject_kind, subject, action, purpose, prev_hash, entry_hash, \
             categories, outcome, request_id FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(rows.into_iter().map(audit_row).collect())
    }

    async fn audit_query(&self, q: &AuditQuery) -> Result<Vec<AuditRow>> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        query(&mut conn, q).await
    }

    async fn append_audits(&self, events: &[AuditEvent]) -> Result<()> {
        if events.is_empty() {
            return Ok(());
        }
        let mut tx = self.write().await?;
        for event in events {
            append(&mut tx, &self.chain, event).await?;
        }
        tx.commit().await.map_err(db)
    }
}

/// Appends `event` after the current head. The head row is read with the dialect's row lock
/// (`FOR UPDATE` on PostgreSQL; SQLite's `BEGIN IMMEDIATE` already holds the write lock), so
/// concurrent appends queue and the chain never forks.
pub(crate) async fn append(conn: &mut Conn, chain: &AuditChain, event: &AuditEvent) -> Result<()> {
    let head: Option<(i64, String)> = sqlx::query_as(&format!(
        "SELECT seq, hash FROM audit_head WHERE id = 1{LOCK_ROWS}"
    ))
    .fetch_optional(&mut *conn)
    .await
    .map_err(db)?;
    let (seq, prev) = head.ok_or_else(|| {
        polku_service::ServiceError::Storage("the audit head row is missing".into())
    })?;
    let row = chain.next_row(seq, &prev, event, chain.now());
    sqlx::query(
        "INSERT INTO audit_events (seq, at, actor, actor_role, subject_kind, subject, action, purpose, prev_hash, entry_hash, \
         categories, outcome, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(row.seq)
    .bind(&row.at)
    .bind(&row.actor)
    .bind(&row.actor_role)
    .bind(&row.subject_kind)
    .bind(&row.subject)
    .bind(&row.action)
    .bind(&row.purpose)
    .bind(&row.prev_hash)
    .bind(&row.entry_hash)
    .bind(&row.categories)
    .bind(&row.outcome)
    .bind(&row.request_id)
    .execute(&mut *conn)
    .await
    .map_err(db)?;
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(row.seq)
        .bind(&row.entry_hash)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
    Ok(())
}

/// Entries matching `q`, oldest first (R45). Only constant clauses are joined; every value is
/// bound (R20).
pub(crate) async fn query(conn: &mut Conn, q: &AuditQuery) -> Result<Vec<AuditRow>> {
    let mut sql = String::from(
        "SELECT seq, at, actor, actor_role, subject_kind, subject, action, purpose, prev_hash, entry_hash, \
         categories, outcome, request_id FROM audit_events WHERE true",
    );
    let mut n = 0;
    for (value, column) in [
        (&q.subject, " AND subject = $"),
        (&q.actor, " AND actor = $"),
        (&q.from, " AND at >= $"),
        (&q.to, " AND at < $"),
    ] {
        if value.is_some() {
            n += 1;
            sql.push_str(column);
            sql.push_str(&n.to_string());
        }
    }
    sql.push_str(&format!(" ORDER BY seq LIMIT ${}", n + 1));
    let mut query = sqlx::query_as::<_, AuditTuple>(&sql);
    for value in [&q.subject, &q.actor, &q.from, &q.to].into_iter().flatten() {
        query = query.bind(value);
    }
    let rows = query
        .bind(q.limit)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
    Ok(rows.into_iter().map(audit_row).collect())
}
