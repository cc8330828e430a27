//! ESCO concepts: idempotent upsert (the merge rule is [`esco_change`]).

use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_service::store::EscoStore;
use polku_service::store::{EscoConcept, UpsertCounts};
use polku_service::Result;
use polku_store_sql::rows::{esco, esco_change, esco_search_text, EscoChange, EscoRow, ESCO_COLS};

#[async_trait]
impl EscoStore for SqlStore {
    /// Inserts new concepts, updates changed ones and counts the rest as unchanged, in one
    /// transaction per batch.
    async fn upsert_esco(&self, batch: &[EscoConcept]) -> Result<UpsertCounts> {
        let mut tx = self.write().await?;
        let mut counts = UpsertCounts::default();
        for c in batch {
            let old: Option<EscoRow> = sqlx::query_as(&format!("{ESCO_COLS} WHERE uri = $1"))
                .bind(&c.uri)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            let next = match esco_change(c, old.map(esco)) {
                EscoChange::Unchanged => {
                    counts.unchanged += 1;
                    continue;
                }
                EscoChange::Insert(n) => {
                    counts.inserted += 1;
                    n
                }
                EscoChange::Update(n) => {
                    counts.updated += 1;
                    n
                }
            };
            sqlx::query(
                "INSERT INTO esco_concepts (uri, kind, label_fi, label_sv, label_en, alt_labels, search_text) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (uri) DO UPDATE SET kind = excluded.kind, label_fi = excluded.label_fi, label_sv = excluded.label_sv, \
                 label_en = excluded.label_en, alt_labels = excluded.alt_labels, search_text = excluded.search_text",
            )
            .bind(&next.uri)
            .bind(&next.kind)
            .bind(&next.label_fi)
            .bind(&next.label_sv)
            .bind(&next.label_en)
            .bind(&next.alt_labels)
            .bind(esco_search_text(&next))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)?;
        Ok(counts)
    }

    async fn get_esco(&self, uri: &str) -> Result<Option<EscoConcept>> {
        let row: Option<EscoRow> = sqlx::query_as(&format!("{ESCO_COLS} WHERE uri = $1"))
            .bind(uri)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?;
        Ok(row.map(esco))
    }

    /// Concepts of `kind` whose labels contain all three lower-case patterns (see
    /// [`esco_search_text`]).
    async fn search_esco(
        &self,
        kind: &str,
        patterns: &[String; 3],
        limit: i64,
    ) -> Result<Vec<EscoConcept>> {
        let rows: Vec<EscoRow> = sqlx::query_as(&format!(
            "{ESCO_COLS} WHERE kind = $1 AND search_text LIKE $2 AND search_text LIKE $3 AND search_text LIKE $4 \
             ORDER BY uri LIMIT $5"
        ))
        .bind(kind)
        .bind(patterns[0].to_lowercase())
        .bind(patterns[1].to_lowercase())
        .bind(patterns[2].to_lowercase())
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(rows.into_iter().map(esco).collect())
    }

    async fn count_esco(&self, kind: &str) -> Result<i64> {
        sqlx::query_scalar("SELECT count(*) FROM esco_concepts WHERE kind = $1")
            .bind(kind)
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }
}

/// Fills `search_text` for concepts stored before it existed (migration 0009), in one
/// transaction; run by `migrate`, and a no-op once every row has it.
pub(crate) async fn fill_search_text(s: &SqlStore) -> Result<()> {
    let mut tx = s.write().await?;
    let rows: Vec<EscoRow> = sqlx::query_as(&format!("{ESCO_COLS} WHERE search_text IS NULL"))
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
    for c in rows.into_iter().map(esco) {
        sqlx::query("UPDATE esco_concepts SET search_text = $1 WHERE uri = $2")
            .bind(esco_search_text(&c))
            .bind(&c.uri)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
    }
    tx.commit().await.map_err(db)
}
