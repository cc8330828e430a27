//! A data-subject access request (R39): everything stored about one participant, and the audit
//! entries that name them (R37), read from one snapshot, and the export's own audit entry
//! appended before anything is returned (fail closed). How the snapshot is taken is a dialect
//! hook: on SQLite the write transaction (`BEGIN IMMEDIATE`) is the snapshot and the entry is
//! appended inside it; on PostgreSQL it is a `REPEATABLE READ`, read-only transaction (at the
//! default `READ COMMITTED` each statement would see a different one) and the entry follows in
//! its own transaction, since appending inside the snapshot could fail with a serialisation
//! error whenever another request moved the audit head meanwhile.

use super::{
    agreements, audit, consents, documents, erasure, esf, follow_ups, mentoring, participants,
    placements, restrictions,
};
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::ParticipantId;
use polku_service::audit::AuditEvent;
use polku_service::store::SubjectStore;
use polku_service::store::{AuditQuery, SubjectRecords};
use polku_service::Result;

#[async_trait]
impl SubjectStore for SqlStore {
    async fn subject_records(
        &self,
        id: ParticipantId,
        ev: &AuditEvent,
    ) -> Result<Option<SubjectRecords>> {
        let mut tx = self.snapshot().await?;
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
            placements: placements::placements_in(&mut tx, id).await?,
            follow_ups: follow_ups::follow_ups_in(&mut tx, id).await?,
            esf: esf::esf_record_in(&mut tx, id).await?,
            agreements: agreements::agreements_in(&mut tx, id).await?,
            agreement_acceptances: agreements::acceptances_in(&mut tx, id).await?,
            mentoring: mentoring::mentoring_in(&mut tx, id).await?,
            consents: consents::consents_in(&mut tx, id).await?,
            shares: participants::shares_in(&mut tx, id).await?,
            legal_holds: erasure::holds_in(&mut tx, id).await?,
            restrictions: restrictions::restrictions_in(&mut tx, id).await?,
            documents: documents::documents_in(&mut tx, id).await?,
            referrals: super::referrals::participant_referrals_in(&mut tx, id).await?,
            audit: audit::query(&mut tx, &about).await?,
            qualification_evidence: super::qualifications::participant_evidence_in(&mut tx, id)
                .await?,
        };
        let mut tx = self.write_after_snapshot(tx).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(Some(records))
    }
}
