//! A data-subject access request (R39): everything stored about one participant, and the audit
//! entries that name them (R37), read from one snapshot (a `REPEATABLE READ`, read-only
//! transaction; at PostgreSQL's default `READ COMMITTED` each statement would see a different
//! one). The export's own audit entry is appended right after, in its own transaction, before
//! anything is returned (fail closed); appending inside the snapshot could fail with a
//! serialisation error whenever another request moved the audit head meanwhile.

use crate::{audit, consents, db, erasure, participants, PgStore};
use polku_domain::ParticipantId;
use polku_service::audit::AuditEvent;
use polku_service::store::{AuditQuery, SubjectRecords};
use polku_service::Result;

pub(crate) async fn records(
    s: &PgStore,
    id: ParticipantId,
    ev: &AuditEvent,
) -> Result<Option<SubjectRecords>> {
    let mut tx = s.pool.begin().await.map_err(db)?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    let Some((participant, wrapped_key)) = participants::record_in(&mut tx, id).await? else {
        return Ok(None);
    };
    let about = AuditQuery {
        subject: Some(id.to_string()),
        limit: i64::MAX,
        ..AuditQuery::default()
    };
    let records = SubjectRecords {
        participant,
        wrapped_key,
        stage_changes: participants::stage_changes_in(&mut tx, id).await?,
        meetings: participants::meetings_in(&mut tx, id).await?,
        plan_items: participants::plan_items_in(&mut tx, id).await?,
        consents: consents::consents_in(&mut tx, id).await?,
        shares: participants::shares_in(&mut tx, id).await?,
        legal_holds: erasure::holds_in(&mut tx, id).await?,
        audit: audit::query(&mut tx, &about).await?,
    };
    tx.commit().await.map_err(db)?;
    let mut tx = s.write().await?;
    audit::append(&mut tx, &s.chain, ev).await?;
    tx.commit().await.map_err(db)?;
    Ok(Some(records))
}
