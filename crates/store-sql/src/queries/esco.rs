//! ESCO concepts: idempotent upsert (the merge rule is [`esco_change`]).

use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_service::analyzer::QueryTerm;
use polku_service::store::EscoStore;
use polku_service::store::{EscoConcept, EscoReference, UpsertCounts};
use polku_service::Result;
use polku_store_sql::rows::{
    esco, esco_change, esco_reference_merge, esco_search_text, EscoChange, EscoRow, ESCO_COLS,
};
use std::collections::HashMap;

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
            insert_concepts(&mut tx, std::slice::from_ref(&next)).await?;
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

    async fn get_esco_many(&self, uris: &[String]) -> Result<Vec<EscoConcept>> {
        let mut out = Vec::with_capacity(uris.len());
        for chunk in uris.chunks(500) {
            let mut q = sqlx::QueryBuilder::new(format!("{ESCO_COLS} WHERE uri IN ("));
            let mut list = q.separated(", ");
            for u in chunk {
                list.push_bind(u);
            }
            q.push(")");
            let rows: Vec<EscoRow> = q.build_query_as().fetch_all(&self.pool).await.map_err(db)?;
            out.extend(rows.into_iter().map(esco));
        }
        Ok(out)
    }

    /// Every term is an `OR` of alternatives, each an `AND` of `LIKE '% prefix%'` on the
    /// space-framed tokens of `search_text`.
    async fn search_esco(
        &self,
        kind: &str,
        terms: &[QueryTerm],
        limit: i64,
    ) -> Result<Vec<EscoConcept>> {
        let like = |p: &str| format!("% {}%", p.to_lowercase());
        let mut q = sqlx::QueryBuilder::new(format!("{ESCO_COLS} WHERE kind = "));
        q.push_bind(kind.to_owned());
        for t in terms {
            q.push(" AND (");
            for (i, alt) in t.alternatives.iter().enumerate() {
                if i > 0 {
                    q.push(" OR ");
                }
                q.push("(");
                for (j, p) in alt.iter().enumerate() {
                    if j > 0 {
                        q.push(" AND ");
                    }
                    q.push("search_text LIKE ");
                    q.push_bind(like(p));
                }
                q.push(")");
            }
            q.push(")");
        }
        q.push(" ORDER BY CASE WHEN search_text LIKE ");
        q.push_bind(like(terms.first().map_or("", |t| t.word.as_str())));
        q.push(" THEN 0 ELSE 1 END, uri LIMIT ");
        q.push_bind(limit);
        let rows: Vec<EscoRow> = q.build_query_as().fetch_all(&self.pool).await.map_err(db)?;
        Ok(rows.into_iter().map(esco).collect())
    }

    /// One transaction: one read of the stored concepts, the merged concepts and the relations
    /// written with multi-row inserts, and the version.
    async fn load_esco_reference(
        &self,
        data: &EscoReference,
        version_key: &str,
        version: i64,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let stored: Vec<EscoRow> = sqlx::query_as(ESCO_COLS)
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
        let stored: HashMap<String, EscoConcept> = stored
            .into_iter()
            .map(esco)
            .map(|c| (c.uri.clone(), c))
            .collect();
        let merged: Vec<EscoConcept> = data
            .concepts
            .iter()
            .map(|c| esco_reference_merge(c, stored.get(&c.uri)))
            .collect();
        for chunk in merged.chunks(400) {
            insert_concepts(&mut tx, chunk).await?;
        }
        for table in [
            "esco_broader",
            "esco_skill_relations",
            "esco_occupation_skills",
        ] {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        for chunk in data.broader.chunks(1000) {
            let mut q = sqlx::QueryBuilder::new("INSERT INTO esco_broader (uri, broader_uri) ");
            q.push_values(chunk, |mut b, (u, br)| {
                b.push_bind(u).push_bind(br);
            });
            q.push(" ON CONFLICT DO NOTHING");
            q.build().execute(&mut *tx).await.map_err(db)?;
        }
        for chunk in data.related.chunks(1000) {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO esco_skill_relations (skill_uri, relation_type, related_uri) ",
            );
            q.push_values(chunk, |mut b, (s, t, r)| {
                b.push_bind(s).push_bind(t).push_bind(r);
            });
            q.push(" ON CONFLICT DO NOTHING");
            q.build().execute(&mut *tx).await.map_err(db)?;
        }
        for chunk in data.occupation_skills.chunks(1000) {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO esco_occupation_skills (occupation_uri, relation_type, skill_uri) ",
            );
            q.push_values(chunk, |mut b, (o, t, s)| {
                b.push_bind(o).push_bind(t).push_bind(s);
            });
            q.push(" ON CONFLICT DO NOTHING");
            q.build().execute(&mut *tx).await.map_err(db)?;
        }
        sqlx::query(
            "INSERT INTO meta (key, value) VALUES ($1, $2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(version_key)
        .bind(version.to_string())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn occupation_skills(&self, occupation: &str, relation: &str) -> Result<Vec<String>> {
        sqlx::query_scalar(
            "SELECT skill_uri FROM esco_occupation_skills WHERE occupation_uri = $1 AND relation_type = $2 ORDER BY skill_uri",
        )
        .bind(occupation)
        .bind(relation)
        .fetch_all(&self.pool)
        .await
        .map_err(db)
    }

    async fn skill_occupations(&self, skill: &str, relation: &str) -> Result<Vec<String>> {
        sqlx::query_scalar(
            "SELECT occupation_uri FROM esco_occupation_skills WHERE skill_uri = $1 AND relation_type = $2 ORDER BY occupation_uri",
        )
        .bind(skill)
        .bind(relation)
        .fetch_all(&self.pool)
        .await
        .map_err(db)
    }

    async fn related_skills(&self, skill: &str) -> Result<Vec<String>> {
        sqlx::query_scalar(
            "SELECT related_uri FROM esco_skill_relations WHERE skill_uri = $1 \
             UNION SELECT skill_uri FROM esco_skill_relations WHERE related_uri = $1 ORDER BY 1",
        )
        .bind(skill)
        .fetch_all(&self.pool)
        .await
        .map_err(db)
    }

    async fn count_esco(&self, kind: &str) -> Result<i64> {
        sqlx::query_scalar("SELECT count(*) FROM esco_concepts WHERE kind = $1")
            .bind(kind)
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }
}

/// Inserts or replaces concepts with one multi-row statement (their search text computed here).
async fn insert_concepts(conn: &mut crate::Conn, batch: &[EscoConcept]) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let mut q = sqlx::QueryBuilder::new(
        "INSERT INTO esco_concepts (uri, kind, label_fi, label_sv, label_en, alt_labels, working_fi, working_sv, search_text) ",
    );
    q.push_values(batch, |mut b, c| {
        b.push_bind(&c.uri)
            .push_bind(&c.kind)
            .push_bind(&c.label_fi)
            .push_bind(&c.label_sv)
            .push_bind(&c.label_en)
            .push_bind(&c.alt_labels)
            .push_bind(&c.working_fi)
            .push_bind(&c.working_sv)
            .push_bind(esco_search_text(c));
    });
    q.push(
        " ON CONFLICT (uri) DO UPDATE SET kind = excluded.kind, label_fi = excluded.label_fi, \
         label_sv = excluded.label_sv, label_en = excluded.label_en, alt_labels = excluded.alt_labels, \
         working_fi = excluded.working_fi, working_sv = excluded.working_sv, search_text = excluded.search_text",
    );
    q.build().execute(conn).await.map_err(db)?;
    Ok(())
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
