//! ESCO concepts: idempotent upsert (the merge rule is [`esco_change`]).

use crate::dialect::LIKE;
use crate::{db, SqlStore};
use polku_service::store::{EscoConcept, UpsertCounts};
use polku_service::Result;
use polku_store_sql::rows::{esco, esco_change, EscoChange, EscoRow, ESCO_COLS};

/// Inserts new concepts, updates changed ones and counts the rest as unchanged, in one
/// transaction per batch.
pub(crate) async fn upsert(s: &SqlStore, batch: &[EscoConcept]) -> Result<UpsertCounts> {
    let mut tx = s.write().await?;
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
            "INSERT INTO esco_concepts (uri, kind, label_fi, label_sv, label_en, alt_labels) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (uri) DO UPDATE SET kind = excluded.kind, label_fi = excluded.label_fi, label_sv = excluded.label_sv, \
             label_en = excluded.label_en, alt_labels = excluded.alt_labels",
        )
        .bind(&next.uri)
        .bind(&next.kind)
        .bind(&next.label_fi)
        .bind(&next.label_sv)
        .bind(&next.label_en)
        .bind(&next.alt_labels)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    }
    tx.commit().await.map_err(db)?;
    Ok(counts)
}

pub(crate) async fn get(s: &SqlStore, uri: &str) -> Result<Option<EscoConcept>> {
    let row: Option<EscoRow> = sqlx::query_as(&format!("{ESCO_COLS} WHERE uri = $1"))
        .bind(uri)
        .fetch_optional(&s.pool)
        .await
        .map_err(db)?;
    Ok(row.map(esco))
}

/// Concepts of `kind` whose labels match all three patterns, case-insensitively.
pub(crate) async fn search(
    s: &SqlStore,
    kind: &str,
    patterns: &[String; 3],
    limit: i64,
) -> Result<Vec<EscoConcept>> {
    let rows: Vec<EscoRow> = sqlx::query_as(&format!(
        "{ESCO_COLS} WHERE kind = $1 AND (coalesce(label_fi, '') || ' ' || coalesce(label_sv, '') || ' ' || coalesce(label_en, '') || ' ' || alt_labels) {LIKE} $2 AND (coalesce(label_fi, '') || ' ' || coalesce(label_sv, '') || ' ' || coalesce(label_en, '') || ' ' || alt_labels) {LIKE} $3 AND (coalesce(label_fi, '') || ' ' || coalesce(label_sv, '') || ' ' || coalesce(label_en, '') || ' ' || alt_labels) {LIKE} $4 ORDER BY uri LIMIT $5"
    ))
    .bind(kind)
    .bind(&patterns[0])
    .bind(&patterns[1])
    .bind(&patterns[2])
    .bind(limit)
    .fetch_all(&s.pool)
    .await
    .map_err(db)?;
    Ok(rows.into_iter().map(esco).collect())
}
