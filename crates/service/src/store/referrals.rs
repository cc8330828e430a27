//! The referrals area of the storage port (issue 14 items 2 and 3): referrals in and out, the
//! consent a school's referral carries and the documents attached to it. Handed-over data and
//! documents arrive sealed; the store never sees a key. Every state change is version-checked
//! (R50) and audited in its transaction; every read that returns personal data is audited
//! before it returns.

use super::documents::{StoredDocument, StoredDocumentVersion};
use super::records::ParticipantRecord;
use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::{
    Consent, ConsentMethod, DataCategory, DocumentId, ParticipantId, ProjectId,
    ReferralDestination, ReferralDirection, ReferralId, ReferralSource, ReferralStatus, UserId,
};
use time::{Date, OffsetDateTime};

/// A referral as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReferral {
    pub id: ReferralId,
    pub direction: ReferralDirection,
    pub source: Option<ReferralSource>,
    pub destination: Option<ReferralDestination>,
    /// The referring (incoming) or receiving (outgoing) organisation.
    pub organisation: String,
    pub referred_by: Option<UserId>,
    pub project_id: ProjectId,
    pub participant_id: Option<ParticipantId>,
    pub referred_on: Date,
    pub reason: String,
    pub status: ReferralStatus,
    pub status_reason: Option<String>,
    pub outcome: Option<String>,
    pub outcome_on: Option<Date>,
    pub decided_by: Option<UserId>,
    pub decided_at: Option<OffsetDateTime>,
    /// The handed-over data: under the referral's key while pending, under the participant's
    /// after acceptance; `None` for a coach's record or after a decline or withdrawal.
    pub handover_sealed: Option<Vec<u8>>,
    /// The referral's data key, wrapped by the master key: only while it is pending.
    pub wrapped_key: Option<Vec<u8>>,
    pub version: i64,
    pub created_at: OffsetDateTime,
}

/// The student's consent to a school's referral, for one category (purpose `transition`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralConsent {
    pub category: DataCategory,
    pub text_version_hash: String,
    pub given_at: OffsetDateTime,
    pub given_by: UserId,
    pub method: ConsentMethod,
    pub withdrawn_at: Option<OffsetDateTime>,
    pub withdrawn_by: Option<UserId>,
}

/// A document attached to a pending referral. `content_sealed` is empty in listings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReferralDocument {
    pub id: DocumentId,
    pub referral_id: ReferralId,
    pub title_sealed: Vec<u8>,
    pub content_type: String,
    pub size_bytes: i64,
    pub content_sealed: Vec<u8>,
    pub created_by: Option<UserId>,
    pub created_at: OffsetDateTime,
}

/// A referral with its consent and attached documents (without content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralRecord {
    pub referral: StoredReferral,
    pub consents: Vec<ReferralConsent>,
    pub documents: Vec<StoredReferralDocument>,
}

/// Which referrals a listing returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferralFilter {
    /// Incoming referrals to these projects: the schools' handovers and the intake referrals
    /// of people who were not yet participants (not those recorded on a participant).
    IncomingTo(Vec<ProjectId>),
    /// The referrals this user made or recorded.
    ReferredBy(UserId),
    /// A participant's referrals in and out.
    Participant(ParticipantId),
    /// Only the intake referrals among [`ReferralFilter::IncomingTo`]: incoming from anyone
    /// but a school, of people who were not yet participants.
    IntakeTo(Vec<ProjectId>),
}

/// Everything an acceptance writes, in one transaction: the new participant with its data key,
/// the consents and documents moved over, and the handed-over data sealed again under the
/// participant's key.
#[derive(Debug, Clone)]
pub struct Acceptance {
    pub participant: ParticipantRecord,
    pub wrapped_key: Vec<u8>,
    pub consents: Vec<Consent>,
    pub documents: Vec<(StoredDocument, StoredDocumentVersion)>,
    pub handover_sealed: Option<Vec<u8>>,
    pub decided_by: Option<UserId>,
    pub decided_at: OffsetDateTime,
}

/// A change of state (and for outgoing referrals, the outcome).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralChange {
    pub status: ReferralStatus,
    pub status_reason: Option<String>,
    pub outcome: Option<String>,
    pub outcome_on: Option<Date>,
    pub decided_by: Option<UserId>,
    pub decided_at: OffsetDateTime,
}

#[async_trait]
pub trait ReferralStore: Send + Sync {
    /// Saves a new referral with the consent it carries; audited.
    async fn insert_referral(
        &self,
        referral: &StoredReferral,
        consents: &[ReferralConsent],
        audit: &AuditEvent,
    ) -> Result<()>;
    /// The referral's access facts (no personal data; not audited).
    async fn referral_facts(&self, id: ReferralId) -> Result<Option<StoredReferralFacts>>;
    /// A referral with its consent and documents; audited before it is returned.
    async fn referral(&self, id: ReferralId, audit: &AuditEvent) -> Result<Option<ReferralRecord>>;
    /// Referrals matching `filter`, newest first, with their consents and documents (without content);
    /// audited before they are returned.
    async fn referrals(
        &self,
        filter: &ReferralFilter,
        audit: &AuditEvent,
    ) -> Result<Vec<ReferralRecord>>;
    /// Attaches a document to a referral that is still pending (`Conflict` otherwise).
    async fn attach_referral_document(
        &self,
        document: &StoredReferralDocument,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// One attached document with its content; audited before it is returned.
    async fn referral_document(
        &self,
        referral: ReferralId,
        document: DocumentId,
        audit: &AuditEvent,
    ) -> Result<Option<StoredReferralDocument>>;
    /// Accepts a pending referral at version `expected` (`Conflict` otherwise): creates the
    /// participant, moves the consents and documents, stores the re-sealed handover, drops the
    /// referral's key. One transaction with `audit`.
    async fn accept_referral(
        &self,
        id: ReferralId,
        expected: i64,
        acceptance: &Acceptance,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// Changes the state at version `expected` (`Conflict` otherwise). A final state of an
    /// incoming referral deletes the handed-over data, the referral's key, its consent and its
    /// documents. Audited.
    async fn change_referral(
        &self,
        id: ReferralId,
        expected: i64,
        change: &ReferralChange,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// Records the withdrawal of the student's consent on a referral (every category still in
    /// force); `false` when none was. Audited.
    async fn withdraw_referral_consent(
        &self,
        id: ReferralId,
        at: OffsetDateTime,
        by: UserId,
        audit: &AuditEvent,
    ) -> Result<bool>;
}

/// Who a referral concerns, for access decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredReferralFacts {
    pub direction: ReferralDirection,
    pub source: Option<ReferralSource>,
    pub project_id: ProjectId,
    pub referred_by: Option<UserId>,
    pub participant_id: Option<ParticipantId>,
    pub status: ReferralStatus,
    pub version: i64,
}
