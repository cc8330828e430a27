//! Consent records (R16): append-only; a record changes only when it is withdrawn, once (the
//! database's triggers refuse anything else).

use crate::{audit, db, SqliteStore};
use polku_domain::{Consent, ConsentId, ParticipantId, UserId};
use polku_service::audit::AuditEvent;
use polku_service::store::rows::{consent, ConsentRow, CONSENT_COLUMNS};
use polku_service::Result;
use time::OffsetDateTime;

pub(crate) async fn consents_for(s: &SqliteStore, id: ParticipantId) -> Result<Vec<Consent>> {
    let mut conn = s.pool.acquire().await.map_err(db)?;
    consents_in(&mut conn, id).await
}

pub(crate) async fn consents_in(
    conn: &mut sqlx::SqliteConnection,
    id: ParticipantId,
) -> Result<Vec<Consent>> {
    let rows: Vec<ConsentRow> = sqlx::query_as(&format!(
        "SELECT {CONSENT_COLUMNS} FROM consents WHERE participant_id = ? ORDER BY given_at, id"
    ))
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.into_iter().map(consent).collect()
}

pub(crate) async fn insert_consents(
    s: &SqliteStore,
    consents: &[Consent],
    ev: &AuditEvent,
) -> Result<()> {
    let mut tx = s.write().await?;
    for c in consents {
        sqlx::query(&format!(
            "INSERT INTO consents ({CONSENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        ))
        .bind(c.id.0)
        .bind(c.participant_id.0)
        .bind(c.recipient.as_str())
        .bind(c.category.as_str())
        .bind(c.purpose.as_str())
        .bind(&c.text_version_hash)
        .bind(c.given_at)
        .bind(c.given_by.0)
        .bind(c.method.as_str())
        .bind(c.withdrawn_at)
        .bind(c.withdrawn_by.map(|u| u.0))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    }
    audit::append(&mut tx, &s.chain, ev).await?;
    tx.commit().await.map_err(db)
}

pub(crate) async fn withdraw_consent(
    s: &SqliteStore,
    participant: ParticipantId,
    id: ConsentId,
    at: OffsetDateTime,
    by: UserId,
    ev: &AuditEvent,
) -> Result<bool> {
    let mut tx = s.write().await?;
    let done = sqlx::query(
        "UPDATE consents SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ? AND participant_id = ? AND withdrawn_at IS NULL",
    )
    .bind(at)
    .bind(by.0)
    .bind(id.0)
    .bind(participant.0)
    .execute(&mut *tx)
    .await
    .map_err(db)?
    .rows_affected();
    if done == 0 {
        return Ok(false);
    }
    audit::append(&mut tx, &s.chain, ev).await?;
    tx.commit().await.map_err(db)?;
    Ok(true)
}
