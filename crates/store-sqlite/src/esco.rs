//! ESCO concepts: idempotent upsert.

use crate::{db, SqliteStore};
use polku_service::store::{EscoConcept, UpsertCounts};
use polku_service::Result;

type Row = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

fn concept((uri, kind, label_fi, label_sv, label_en, alt_labels): Row) -> EscoConcept {
    EscoConcept {
        uri,
        kind,
        label_fi,
        label_sv,
        label_en,
        alt_labels,
    }
}

/// Inserts new concepts, updates changed ones and counts the rest as unchanged. Labels present
/// in the batch replace stored ones; a language missing from the batch keeps its stored label.
pub(crate) async fn upsert(s: &SqliteStore, batch: &[EscoConcept]) -> Result<UpsertCounts> {
    let mut tx = s.write().await?;
    let mut counts = UpsertCounts::default();
    for c in batch {
        let old: Option<Row> = sqlx::query_as("SELECT uri, kind, label_fi, label_sv, label_en, alt_labels FROM esco_concepts WHERE uri = ?")
            .bind(&c.uri)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
        let merged = match old.map(concept) {
            None => {
                counts.inserted += 1;
                c.clone()
            }
            Some(old) => {
                let merged = EscoConcept {
                    uri: c.uri.clone(),
                    kind: c.kind.clone(),
                    label_fi: c.label_fi.clone().or(old.label_fi.clone()),
                    label_sv: c.label_sv.clone().or(old.label_sv.clone()),
                    label_en: c.label_en.clone().or(old.label_en.clone()),
                    alt_labels: if c.alt_labels.is_empty() {
                        old.alt_labels.clone()
                    } else {
                        c.alt_labels.clone()
                    },
                };
                if merged == old {
                    counts.unchanged += 1;
                    continue;
                }
                counts.updated += 1;
                merged
            }
        };
        sqlx::query(
            "INSERT INTO esco_concepts (uri, kind, label_fi, label_sv, label_en, alt_labels) VALUES (?, ?, ?, ?, ?, ?) \
             ON CONFLICT (uri) DO UPDATE SET kind = excluded.kind, label_fi = excluded.label_fi, label_sv = excluded.label_sv, \
             label_en = excluded.label_en, alt_labels = excluded.alt_labels",
        )
        .bind(&merged.uri)
        .bind(&merged.kind)
        .bind(&merged.label_fi)
        .bind(&merged.label_sv)
        .bind(&merged.label_en)
        .bind(&merged.alt_labels)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    }
    tx.commit().await.map_err(db)?;
    Ok(counts)
}

pub(crate) async fn get(s: &SqliteStore, uri: &str) -> Result<Option<EscoConcept>> {
    let row: Option<Row> = sqlx::query_as("SELECT uri, kind, label_fi, label_sv, label_en, alt_labels FROM esco_concepts WHERE uri = ?")
        .bind(uri)
        .fetch_optional(&s.pool)
        .await
        .map_err(db)?;
    Ok(row.map(concept))
}
