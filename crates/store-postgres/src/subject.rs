//! A data-subject access request (R39): everything stored about one participant, read in one
//! transaction together with the audit entries that name them (R37).

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
    let mut tx = s.write().await?;
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
    audit::append(&mut tx, &s.chain, ev).await?;
    tx.commit().await.map_err(db)?;
    Ok(Some(records))
}
