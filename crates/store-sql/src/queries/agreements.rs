//! Trial agreements and the parties' acceptances of their versions.

use super::audit;
use crate::Conn;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::{
    AcceptanceMethod, AgreementAcceptance, AgreementParty, AllowancePayer, ParticipantId,
    Placement, PlacementId, TrialAgreement, UserId,
};
use polku_service::audit::AuditEvent;
use polku_service::store::{AgreementRecord, AgreementStore, StoredAgreement};
use polku_service::{Result, ServiceError};
use polku_store_sql::rows::json;
use sqlx::Row;
use uuid::Uuid;

const AGREEMENT_COLS: &str = "SELECT placement_id, participant_id, objective, signatory_name, signatory_title, \
     authority_name, authority_organisation, authority_contact, mentor_name, allowance_per_day, allowance_payer, \
     other_terms, other_terms_sealed, version, updated_at FROM trial_agreements";

const ACCEPTANCE_COLS: &str =
    "SELECT placement_id, participant_id, party, accepted_by, signer_name, method, \
     accepted_at, agreement_version FROM agreement_acceptances";

fn bad(what: &str) -> ServiceError {
    ServiceError::Storage(format!("stored trial agreement has an invalid {what}"))
}

/// The backend's row type (the module is compiled once per backend).
type DbRow = <<Conn as sqlx::Connection>::Database as sqlx::Database>::Row;

fn agreement(r: &DbRow) -> Result<TrialAgreement> {
    let g = |e: sqlx::Error| db(e);
    Ok(TrialAgreement {
        placement_id: PlacementId(r.try_get("placement_id").map_err(g)?),
        participant_id: ParticipantId(r.try_get("participant_id").map_err(g)?),
        objective: r.try_get("objective").map_err(g)?,
        signatory_name: r.try_get("signatory_name").map_err(g)?,
        signatory_title: r.try_get("signatory_title").map_err(g)?,
        authority_name: r.try_get("authority_name").map_err(g)?,
        authority_organisation: r.try_get("authority_organisation").map_err(g)?,
        authority_contact: r.try_get("authority_contact").map_err(g)?,
        mentor_name: r.try_get("mentor_name").map_err(g)?,
        allowance_per_day: u8::try_from(r.try_get::<i64, _>("allowance_per_day").map_err(g)?)
            .map_err(|_| bad("allowance"))?,
        allowance_payer: AllowancePayer::parse(
            &r.try_get::<String, _>("allowance_payer").map_err(g)?,
        )
        .map_err(|_| bad("allowance payer"))?,
        other_terms: r.try_get("other_terms").map_err(g)?,
        version: r.try_get("version").map_err(g)?,
        updated_at: r.try_get("updated_at").map_err(g)?,
    })
}

/// An agreement with its sealed terms (the clear column is empty once they are sealed).
fn stored(r: &DbRow) -> Result<StoredAgreement> {
    let sealed: Option<Vec<u8>> = r.try_get("other_terms_sealed").map_err(db)?;
    let mut agreement = agreement(r)?;
    if sealed.is_some() {
        agreement.other_terms.clear();
    }
    Ok(StoredAgreement {
        agreement,
        other_terms_sealed: sealed,
    })
}

fn acceptance(r: &DbRow) -> Result<AgreementAcceptance> {
    let g = |e: sqlx::Error| db(e);
    Ok(AgreementAcceptance {
        placement_id: PlacementId(r.try_get("placement_id").map_err(g)?),
        participant_id: ParticipantId(r.try_get("participant_id").map_err(g)?),
        party: AgreementParty::parse(&r.try_get::<String, _>("party").map_err(g)?)
            .map_err(|_| bad("party"))?,
        accepted_by: r
            .try_get::<Option<Uuid>, _>("accepted_by")
            .map_err(g)?
            .map(UserId),
        signer_name: r.try_get("signer_name").map_err(g)?,
        method: AcceptanceMethod::parse(&r.try_get::<String, _>("method").map_err(g)?)
            .map_err(|_| bad("method"))?,
        accepted_at: r.try_get("accepted_at").map_err(g)?,
        agreement_version: r.try_get("agreement_version").map_err(g)?,
    })
}

async fn version_of(conn: &mut Conn, placement: PlacementId) -> Result<Option<i64>> {
    sqlx::query_scalar("SELECT version FROM trial_agreements WHERE placement_id = $1")
        .bind(placement.0)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)
}

async fn acceptances_of(
    conn: &mut Conn,
    placement: PlacementId,
) -> Result<Vec<AgreementAcceptance>> {
    let rows = sqlx::query(&format!(
        "{ACCEPTANCE_COLS} WHERE placement_id = $1 ORDER BY accepted_at, party"
    ))
    .bind(placement.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.iter().map(acceptance).collect()
}

#[async_trait]
impl AgreementStore for SqlStore {
    async fn get_agreement(
        &self,
        placement: PlacementId,
        ev: &AuditEvent,
    ) -> Result<Option<AgreementRecord>> {
        let mut tx = self.write().await?;
        let row = sqlx::query(&format!("{AGREEMENT_COLS} WHERE placement_id = $1"))
            .bind(placement.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
        let Some(row) = row else {
            tx.commit().await.map_err(db)?;
            return Ok(None);
        };
        let a = stored(&row)?;
        let record = AgreementRecord {
            agreement: a.agreement,
            other_terms_sealed: a.other_terms_sealed,
            acceptances: acceptances_of(&mut tx, placement).await?,
        };
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(Some(record))
    }

    async fn agreement_status(
        &self,
        placement: PlacementId,
    ) -> Result<Option<(i64, Vec<AgreementParty>)>> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        let Some(version) = version_of(&mut conn, placement).await? else {
            return Ok(None);
        };
        let parties: Vec<String> = sqlx::query_scalar(
            "SELECT party FROM agreement_acceptances WHERE placement_id = $1 AND agreement_version = $2 \
             ORDER BY party",
        )
        .bind(placement.0)
        .bind(version)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let parties = parties
            .iter()
            .map(|p| AgreementParty::parse(p).map_err(|_| bad("party")))
            .collect::<Result<_>>()?;
        Ok(Some((version, parties)))
    }

    async fn save_agreement(
        &self,
        a: &TrialAgreement,
        other_terms_sealed: &[u8],
        expected: Option<i64>,
        placement: Option<(&Placement, i64)>,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        match expected {
            None => {
                if let Some(current) = version_of(&mut tx, a.placement_id).await? {
                    return Err(ServiceError::Conflict { current });
                }
                sqlx::query(
                    "INSERT INTO trial_agreements (placement_id, participant_id, objective, signatory_name, \
                     signatory_title, authority_name, authority_organisation, authority_contact, mentor_name, \
                     allowance_per_day, allowance_payer, other_terms, version, updated_at, other_terms_sealed) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '', $12, $13, $14)",
                )
                .bind(a.placement_id.0)
                .bind(a.participant_id.0)
                .bind(&a.objective)
                .bind(&a.signatory_name)
                .bind(&a.signatory_title)
                .bind(&a.authority_name)
                .bind(&a.authority_organisation)
                .bind(&a.authority_contact)
                .bind(a.mentor_name.as_deref())
                .bind(i64::from(a.allowance_per_day))
                .bind(a.allowance_payer.as_str())
                .bind(a.version)
                .bind(a.updated_at)
                .bind(other_terms_sealed)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            }
            Some(expected) => {
                let n = sqlx::query(
                    "UPDATE trial_agreements SET objective = $1, signatory_name = $2, signatory_title = $3, \
                     authority_name = $4, authority_organisation = $5, authority_contact = $6, mentor_name = $7, \
                     allowance_per_day = $8, allowance_payer = $9, other_terms = '', other_terms_sealed = $10, \
                     version = $11, updated_at = $12 WHERE placement_id = $13 AND version = $14",
                )
                .bind(&a.objective)
                .bind(&a.signatory_name)
                .bind(&a.signatory_title)
                .bind(&a.authority_name)
                .bind(&a.authority_organisation)
                .bind(&a.authority_contact)
                .bind(a.mentor_name.as_deref())
                .bind(i64::from(a.allowance_per_day))
                .bind(a.allowance_payer.as_str())
                .bind(other_terms_sealed)
                .bind(a.version)
                .bind(a.updated_at)
                .bind(a.placement_id.0)
                .bind(expected)
                .execute(&mut *tx)
                .await
                .map_err(db)?
                .rows_affected();
                if n == 0 {
                    return Err(super::changed_or_gone(
                        &mut tx,
                        "SELECT version FROM trial_agreements WHERE placement_id = $1",
                        &[a.placement_id.0],
                    )
                    .await);
                }
            }
        }
        if let Some((p, expected)) = placement {
            let n = sqlx::query(
                "UPDATE placements SET tasks_json = $1, starts_on = $2, ends_on = $3, hours_per_day = $4, \
                 days_per_week = $5, version = $6 WHERE id = $7 AND version = $8",
            )
            .bind(json(&p.tasks)?)
            .bind(p.starts_on)
            .bind(p.ends_on)
            .bind(i64::from(p.hours_per_day))
            .bind(i64::from(p.days_per_week))
            .bind(p.version)
            .bind(p.id.0)
            .bind(expected)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
            if n == 0 {
                return Err(super::changed_or_gone(
                    &mut tx,
                    "SELECT version FROM placements WHERE id = $1",
                    &[p.id.0],
                )
                .await);
            }
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn add_acceptance(&self, acc: &AgreementAcceptance, ev: &AuditEvent) -> Result<bool> {
        let mut tx = self.write().await?;
        match version_of(&mut tx, acc.placement_id).await? {
            None => return Err(ServiceError::NotFound),
            Some(current) if current != acc.agreement_version => {
                return Err(ServiceError::Conflict { current })
            }
            Some(_) => {}
        }
        let n = sqlx::query(
            "INSERT INTO agreement_acceptances (placement_id, participant_id, party, accepted_by, signer_name, \
             method, accepted_at, agreement_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT DO NOTHING",
        )
        .bind(acc.placement_id.0)
        .bind(acc.participant_id.0)
        .bind(acc.party.as_str())
        .bind(acc.accepted_by.map(|u| u.0))
        .bind(acc.signer_name.as_deref())
        .bind(acc.method.as_str())
        .bind(acc.accepted_at)
        .bind(acc.agreement_version)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if n > 0 {
            audit::append(&mut tx, &self.chain, ev).await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(n > 0)
    }

    async fn agreements_in_clear(&self) -> Result<Vec<StoredAgreement>> {
        let rows = sqlx::query(&format!(
            "{AGREEMENT_COLS} WHERE other_terms_sealed IS NULL ORDER BY placement_id"
        ))
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter().map(stored).collect()
    }

    async fn seal_agreement_terms(
        &self,
        placement: PlacementId,
        version: i64,
        sealed: &[u8],
        ev: &AuditEvent,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let n = sqlx::query(
            "UPDATE trial_agreements SET other_terms = '', other_terms_sealed = $1 \
             WHERE placement_id = $2 AND version = $3 AND other_terms_sealed IS NULL",
        )
        .bind(sealed)
        .bind(placement.0)
        .bind(version)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if n > 0 {
            audit::append(&mut tx, &self.chain, ev).await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(n > 0)
    }
}

/// Every trial agreement of a participant, oldest first (the subject export's snapshot).
pub(crate) async fn agreements_in(
    conn: &mut Conn,
    participant: ParticipantId,
) -> Result<Vec<StoredAgreement>> {
    let rows = sqlx::query(&format!(
        "{AGREEMENT_COLS} WHERE participant_id = $1 ORDER BY updated_at, placement_id"
    ))
    .bind(participant.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.iter().map(stored).collect()
}

/// Every acceptance of a participant's trial agreements, oldest first.
pub(crate) async fn acceptances_in(
    conn: &mut Conn,
    participant: ParticipantId,
) -> Result<Vec<AgreementAcceptance>> {
    let rows = sqlx::query(&format!(
        "{ACCEPTANCE_COLS} WHERE participant_id = $1 ORDER BY accepted_at, placement_id, party"
    ))
    .bind(participant.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.iter().map(acceptance).collect()
}
