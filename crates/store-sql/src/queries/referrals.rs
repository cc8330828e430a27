//! Referrals in and out (issue 14): the referral rows, the consent a school's referral carries
//! and its attached documents. State changes are version-checked (R50); an acceptance creates
//! the participant, its data key, its consents and documents and updates the referral in one
//! transaction, so a failure leaves nothing half-written.

use super::audit;
use crate::dialect::LOCK_ROWS;
use crate::Conn;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::{
    ConsentMethod, DataCategory, DocumentId, ParticipantId, ProjectId, ReferralDestination,
    ReferralDirection, ReferralId, ReferralSource, ReferralStatus, UserId,
};
use polku_service::audit::AuditEvent;
use polku_service::store::{
    Acceptance, ReferralChange, ReferralConsent, ReferralFilter, ReferralRecord, ReferralStore,
    StoredReferral, StoredReferralDocument, StoredReferralFacts,
};
use polku_service::{Result, ServiceError};
use polku_store_sql::rows::CONSENT_COLUMNS;
use sqlx::Row;
use uuid::Uuid;

const COLUMNS: &str = "id, direction, source, destination, organisation, referred_by, \
     project_id, participant_id, referred_on, reason, status, status_reason, outcome, \
     outcome_on, decided_by, decided_at, handover_sealed, wrapped_key, version, created_at";

/// The backend's row type (the module is compiled once per backend).
type DbRow = <<Conn as sqlx::Connection>::Database as sqlx::Database>::Row;

fn bad(what: &str, v: &str) -> ServiceError {
    ServiceError::Storage(format!("unknown referral {what} {v:?}"))
}

fn referral(r: &DbRow) -> Result<StoredReferral> {
    let direction: String = r.try_get("direction").map_err(db)?;
    let source: Option<String> = r.try_get("source").map_err(db)?;
    let destination: Option<String> = r.try_get("destination").map_err(db)?;
    let status: String = r.try_get("status").map_err(db)?;
    Ok(StoredReferral {
        id: ReferralId(r.try_get("id").map_err(db)?),
        direction: ReferralDirection::parse(&direction)
            .map_err(|_| bad("direction", &direction))?,
        source: source
            .map(|s| ReferralSource::parse(&s).map_err(|_| bad("source", &s)))
            .transpose()?,
        destination: destination
            .map(|s| ReferralDestination::parse(&s).map_err(|_| bad("destination", &s)))
            .transpose()?,
        organisation: r.try_get("organisation").map_err(db)?,
        referred_by: r
            .try_get::<Option<Uuid>, _>("referred_by")
            .map_err(db)?
            .map(UserId),
        project_id: ProjectId(r.try_get("project_id").map_err(db)?),
        participant_id: r
            .try_get::<Option<Uuid>, _>("participant_id")
            .map_err(db)?
            .map(ParticipantId),
        referred_on: r.try_get("referred_on").map_err(db)?,
        reason: r.try_get("reason").map_err(db)?,
        status: ReferralStatus::parse(&status).map_err(|_| bad("status", &status))?,
        status_reason: r.try_get("status_reason").map_err(db)?,
        outcome: r.try_get("outcome").map_err(db)?,
        outcome_on: r.try_get("outcome_on").map_err(db)?,
        decided_by: r
            .try_get::<Option<Uuid>, _>("decided_by")
            .map_err(db)?
            .map(UserId),
        decided_at: r.try_get("decided_at").map_err(db)?,
        handover_sealed: r.try_get("handover_sealed").map_err(db)?,
        wrapped_key: r.try_get("wrapped_key").map_err(db)?,
        version: r.try_get("version").map_err(db)?,
        created_at: r.try_get("created_at").map_err(db)?,
    })
}

fn consent(r: &DbRow) -> Result<ReferralConsent> {
    let category: String = r.try_get("category").map_err(db)?;
    let method: String = r.try_get("method").map_err(db)?;
    Ok(ReferralConsent {
        category: DataCategory::parse(&category).map_err(|_| bad("category", &category))?,
        text_version_hash: r.try_get("text_version_hash").map_err(db)?,
        given_at: r.try_get("given_at").map_err(db)?,
        given_by: UserId(r.try_get("given_by").map_err(db)?),
        method: ConsentMethod::parse(&method).map_err(|_| bad("method", &method))?,
        withdrawn_at: r.try_get("withdrawn_at").map_err(db)?,
        withdrawn_by: r
            .try_get::<Option<Uuid>, _>("withdrawn_by")
            .map_err(db)?
            .map(UserId),
    })
}

fn document(r: &DbRow, with_content: bool) -> Result<StoredReferralDocument> {
    Ok(StoredReferralDocument {
        id: DocumentId(r.try_get("id").map_err(db)?),
        referral_id: ReferralId(r.try_get("referral_id").map_err(db)?),
        title_sealed: r.try_get("title_sealed").map_err(db)?,
        content_type: r.try_get("content_type").map_err(db)?,
        size_bytes: r.try_get("size_bytes").map_err(db)?,
        content_sealed: if with_content {
            r.try_get("content_sealed").map_err(db)?
        } else {
            Vec::new()
        },
        created_by: r
            .try_get::<Option<Uuid>, _>("created_by")
            .map_err(db)?
            .map(UserId),
        created_at: r.try_get("created_at").map_err(db)?,
    })
}

async fn referral_in(
    conn: &mut Conn,
    id: ReferralId,
    lock: bool,
) -> Result<Option<StoredReferral>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM referrals WHERE id = $1{}",
        if lock { LOCK_ROWS } else { "" }
    );
    let row = sqlx::query(&sql)
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
    row.as_ref().map(referral).transpose()
}

async fn consents_in(conn: &mut Conn, id: ReferralId) -> Result<Vec<ReferralConsent>> {
    let rows = sqlx::query(
        "SELECT category, text_version_hash, given_at, given_by, method, withdrawn_at, \
         withdrawn_by FROM referral_consents WHERE referral_id = $1 ORDER BY category",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.iter().map(consent).collect()
}

async fn documents_in(conn: &mut Conn, id: ReferralId) -> Result<Vec<StoredReferralDocument>> {
    let rows = sqlx::query(
        "SELECT id, referral_id, title_sealed, content_type, size_bytes, created_by, created_at \
         FROM referral_documents WHERE referral_id = $1 ORDER BY created_at, id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.iter().map(|r| document(r, false)).collect()
}

/// Every referral of the participant, newest first (for the subject export).
pub(crate) async fn participant_referrals_in(
    conn: &mut Conn,
    participant: ParticipantId,
) -> Result<Vec<StoredReferral>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM referrals WHERE participant_id = $1 \
         ORDER BY referred_on DESC, created_at DESC, id"
    ))
    .bind(participant.0)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    rows.iter().map(referral).collect()
}

/// Deletes what a pending school referral held for the handover: its consent and documents.
async fn drop_handover(conn: &mut Conn, id: ReferralId) -> Result<()> {
    for table in ["referral_consents", "referral_documents"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE referral_id = $1"))
            .bind(id.0)
            .execute(&mut *conn)
            .await
            .map_err(db)?;
    }
    Ok(())
}

/// The locked referral at `expected`: `NotFound` when gone, `Conflict` when changed since.
async fn at_version(conn: &mut Conn, id: ReferralId, expected: i64) -> Result<StoredReferral> {
    let current = referral_in(conn, id, true)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if current.version != expected {
        return Err(ServiceError::Conflict {
            current: current.version,
        });
    }
    Ok(current)
}

#[async_trait]
impl ReferralStore for SqlStore {
    async fn insert_referral(
        &self,
        r: &StoredReferral,
        consents: &[ReferralConsent],
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query(&format!(
            "INSERT INTO referrals ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
             $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)"
        ))
        .bind(r.id.0)
        .bind(r.direction.as_str())
        .bind(r.source.map(ReferralSource::as_str))
        .bind(r.destination.map(ReferralDestination::as_str))
        .bind(&r.organisation)
        .bind(r.referred_by.map(|u| u.0))
        .bind(r.project_id.0)
        .bind(r.participant_id.map(|p| p.0))
        .bind(r.referred_on)
        .bind(&r.reason)
        .bind(r.status.as_str())
        .bind(&r.status_reason)
        .bind(&r.outcome)
        .bind(r.outcome_on)
        .bind(r.decided_by.map(|u| u.0))
        .bind(r.decided_at)
        .bind(&r.handover_sealed)
        .bind(&r.wrapped_key)
        .bind(r.version)
        .bind(r.created_at)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        for c in consents {
            sqlx::query(
                "INSERT INTO referral_consents (referral_id, category, text_version_hash, \
                 given_at, given_by, method, withdrawn_at, withdrawn_by) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(r.id.0)
            .bind(c.category.as_str())
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
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn referral_facts(&self, id: ReferralId) -> Result<Option<StoredReferralFacts>> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        Ok(referral_in(&mut conn, id, false)
            .await?
            .map(|r| StoredReferralFacts {
                direction: r.direction,
                source: r.source,
                project_id: r.project_id,
                referred_by: r.referred_by,
                participant_id: r.participant_id,
                status: r.status,
                version: r.version,
            }))
    }

    async fn referral(&self, id: ReferralId, ev: &AuditEvent) -> Result<Option<ReferralRecord>> {
        let mut tx = self.write().await?;
        let Some(referral) = referral_in(&mut tx, id, false).await? else {
            return Ok(None);
        };
        let consents = consents_in(&mut tx, id).await?;
        let documents = documents_in(&mut tx, id).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(Some(ReferralRecord {
            referral,
            consents,
            documents,
        }))
    }

    async fn referrals(
        &self,
        filter: &ReferralFilter,
        ev: &AuditEvent,
    ) -> Result<Vec<ReferralRecord>> {
        let mut tx = self.write().await?;
        let order = "ORDER BY referred_on DESC, created_at DESC, id";
        let rows = match filter {
            ReferralFilter::IncomingTo(projects) | ReferralFilter::IntakeTo(projects) => {
                let intake_only = if matches!(filter, ReferralFilter::IntakeTo(_)) {
                    "AND source <> 'institution'"
                } else {
                    ""
                };
                let mut out = Vec::new();
                for p in projects {
                    out.extend(
                        sqlx::query(&format!(
                            "SELECT {COLUMNS} FROM referrals WHERE project_id = $1 \
                             AND direction = 'incoming' AND (source = 'institution' \
                             OR participant_id IS NULL OR handover_sealed IS NOT NULL) \
                             {intake_only} {order}"
                        ))
                        .bind(p.0)
                        .fetch_all(&mut *tx)
                        .await
                        .map_err(db)?,
                    );
                }
                out
            }
            ReferralFilter::ReferredBy(user) => sqlx::query(&format!(
                "SELECT {COLUMNS} FROM referrals WHERE referred_by = $1 \
                 AND source = 'institution' {order}"
            ))
            .bind(user.0)
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?,
            ReferralFilter::Participant(p) => sqlx::query(&format!(
                "SELECT {COLUMNS} FROM referrals WHERE participant_id = $1 {order}"
            ))
            .bind(p.0)
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?,
        };
        let mut out = Vec::new();
        for row in &rows {
            let referral = referral(row)?;
            let consents = consents_in(&mut tx, referral.id).await?;
            let documents = documents_in(&mut tx, referral.id).await?;
            out.push(ReferralRecord {
                referral,
                consents,
                documents,
            });
        }
        out.sort_by(|a, b| {
            (b.referral.referred_on, b.referral.created_at)
                .cmp(&(a.referral.referred_on, a.referral.created_at))
                .then(a.referral.id.cmp(&b.referral.id))
        });
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn attach_referral_document(
        &self,
        d: &StoredReferralDocument,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let current = referral_in(&mut tx, d.referral_id, true)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if current.status != ReferralStatus::Pending || current.wrapped_key.is_none() {
            return Err(ServiceError::Conflict {
                current: current.version,
            });
        }
        sqlx::query(
            "INSERT INTO referral_documents (id, referral_id, title_sealed, content_type, \
             size_bytes, content_sealed, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(d.id.0)
        .bind(d.referral_id.0)
        .bind(&d.title_sealed)
        .bind(&d.content_type)
        .bind(d.size_bytes)
        .bind(&d.content_sealed)
        .bind(d.created_by.map(|u| u.0))
        .bind(d.created_at)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn referral_document(
        &self,
        referral: ReferralId,
        id: DocumentId,
        ev: &AuditEvent,
    ) -> Result<Option<StoredReferralDocument>> {
        let mut tx = self.write().await?;
        let row = sqlx::query(
            "SELECT id, referral_id, title_sealed, content_type, size_bytes, content_sealed, \
             created_by, created_at FROM referral_documents WHERE id = $1 AND referral_id = $2",
        )
        .bind(id.0)
        .bind(referral.0)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let doc = document(&row, true)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(Some(doc))
    }

    async fn accept_referral(
        &self,
        id: ReferralId,
        expected: i64,
        a: &Acceptance,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let current = at_version(&mut tx, id, expected).await?;
        if current.status != ReferralStatus::Pending {
            return Err(ServiceError::Conflict {
                current: current.version,
            });
        }
        let p = &a.participant;
        let now = a.decided_at;
        sqlx::query(
            "INSERT INTO participants (id, project_id, coach_id, user_id, family_name, \
             given_name, home_municipality, stage, waiting_since, personal_json, hetu_sealed, \
             hetu_lookup, sensitive_sealed, version, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
        )
        .bind(p.id.0)
        .bind(p.project_id.0)
        .bind(p.coach_id.map(|c| c.0))
        .bind(p.user_id.map(|c| c.0))
        .bind(&p.family_name)
        .bind(&p.given_name)
        .bind(&p.home_municipality)
        .bind(&p.stage)
        .bind(p.waiting_since)
        .bind(&p.personal_json)
        .bind(&p.hetu_sealed)
        .bind(&p.hetu_lookup)
        .bind(&p.sensitive_sealed)
        .bind(p.version)
        .bind(now)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query(
            "INSERT INTO participant_keys (participant_id, wrapped_key, created_at) \
             VALUES ($1, $2, $3)",
        )
        .bind(p.id.0)
        .bind(&a.wrapped_key)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        for c in &a.consents {
            sqlx::query(&format!(
                "INSERT INTO consents ({CONSENT_COLUMNS}) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
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
        for (d, v) in &a.documents {
            sqlx::query(
                "INSERT INTO participant_documents \
                 (id, participant_id, kind, title_sealed, version, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(d.id.0)
            .bind(d.participant_id.0)
            .bind(d.kind.as_str())
            .bind(&d.title_sealed)
            .bind(d.version)
            .bind(d.created_by.map(|u| u.0))
            .bind(d.created_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            sqlx::query(
                "INSERT INTO document_versions (document_id, participant_id, version, \
                 content_type, size_bytes, language, content_sealed, note_sealed, created_by, \
                 created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(v.document_id.0)
            .bind(d.participant_id.0)
            .bind(v.version)
            .bind(&v.content_type)
            .bind(v.size_bytes)
            .bind(&v.language)
            .bind(&v.content_sealed)
            .bind(&v.note_sealed)
            .bind(v.created_by.map(|u| u.0))
            .bind(v.created_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        drop_handover(&mut tx, id).await?;
        sqlx::query(
            "UPDATE referrals SET status = 'accepted', participant_id = $1, \
             handover_sealed = $2, wrapped_key = NULL, decided_by = $3, decided_at = $4, \
             version = version + 1 WHERE id = $5 AND version = $6",
        )
        .bind(p.id.0)
        .bind(&a.handover_sealed)
        .bind(a.decided_by.map(|u| u.0))
        .bind(now)
        .bind(id.0)
        .bind(expected)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn change_referral(
        &self,
        id: ReferralId,
        expected: i64,
        c: &ReferralChange,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let current = at_version(&mut tx, id, expected).await?;
        let ends_handover = current.direction == ReferralDirection::Incoming
            && current.participant_id.is_none()
            && c.status.is_final();
        if ends_handover {
            drop_handover(&mut tx, id).await?;
        }
        sqlx::query(&format!(
            "UPDATE referrals SET status = $1, status_reason = $2, outcome = $3, \
             outcome_on = $4, decided_by = $5, decided_at = $6, version = version + 1{} \
             WHERE id = $7 AND version = $8",
            if ends_handover {
                ", handover_sealed = NULL, wrapped_key = NULL"
            } else {
                ""
            }
        ))
        .bind(c.status.as_str())
        .bind(&c.status_reason)
        .bind(&c.outcome)
        .bind(c.outcome_on)
        .bind(c.decided_by.map(|u| u.0))
        .bind(c.decided_at)
        .bind(id.0)
        .bind(expected)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn withdraw_referral_consent(
        &self,
        id: ReferralId,
        at: time::OffsetDateTime,
        by: UserId,
        ev: &AuditEvent,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let n = sqlx::query(
            "UPDATE referral_consents SET withdrawn_at = $1, withdrawn_by = $2 \
             WHERE referral_id = $3 AND withdrawn_at IS NULL",
        )
        .bind(at)
        .bind(by.0)
        .bind(id.0)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if n == 0 {
            return Ok(false);
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }
}
