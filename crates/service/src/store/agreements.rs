//! The trial agreements area of the storage port: the agreement of a work or education trial
//! and the parties' acceptances of its versions.

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::{AgreementAcceptance, AgreementParty, Placement, PlacementId, TrialAgreement};

/// A trial agreement with every acceptance ever given to it (older versions' ones included,
/// oldest first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementRecord {
    pub agreement: TrialAgreement,
    /// The free-text terms sealed under the participant's data key (`agreement.other_terms`
    /// is then empty); `None` for a row written before they were sealed.
    pub other_terms_sealed: Option<Vec<u8>>,
    pub acceptances: Vec<AgreementAcceptance>,
}

/// A trial agreement as stored (the subject export's snapshot, the sealing of old rows): its
/// free-text terms sealed, or in clear for a row written before they were sealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAgreement {
    pub agreement: TrialAgreement,
    pub other_terms_sealed: Option<Vec<u8>>,
}

#[async_trait]
pub trait AgreementStore: Send + Sync {
    /// The agreement of a placement and its acceptances; the read is audited in the same
    /// transaction.
    async fn get_agreement(
        &self,
        placement: PlacementId,
        audit: &AuditEvent,
    ) -> Result<Option<AgreementRecord>>;
    /// The agreement's current version and the parties who accepted that version (access facts
    /// for starting a trial, no personal data; not audited).
    async fn agreement_status(
        &self,
        placement: PlacementId,
    ) -> Result<Option<(i64, Vec<AgreementParty>)>>;
    /// Writes the agreement (whose `version` is the new version): inserted when `expected` is
    /// `None` (`Conflict { current }` when one exists), else updated if the stored version is
    /// `expected`. With `placement`, the placement's new terms are written in the same
    /// transaction, version-checked against its `expected` version. Appends `audit`.
    /// The free-text terms are written only as `other_terms_sealed` (nothing in clear).
    async fn save_agreement(
        &self,
        agreement: &TrialAgreement,
        other_terms_sealed: &[u8],
        expected: Option<i64>,
        placement: Option<(&Placement, i64)>,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// Records an acceptance if the agreement's version is still `acceptance.agreement_version`
    /// (`Conflict { current }` otherwise). False when the party had already accepted that version
    /// (then nothing is written or audited).
    async fn add_acceptance(
        &self,
        acceptance: &AgreementAcceptance,
        audit: &AuditEvent,
    ) -> Result<bool>;
    /// Agreements whose free-text terms are still in clear: for `polku migrate` to seal them.
    /// Not audited (the operator's maintenance; nothing is shown).
    async fn agreements_in_clear(&self) -> Result<Vec<StoredAgreement>>;
    /// Replaces the clear terms of the agreement's `version` by `sealed` (the version stays);
    /// appends `audit`. False when that version is no longer stored or already sealed.
    async fn seal_agreement_terms(
        &self,
        placement: PlacementId,
        version: i64,
        sealed: &[u8],
        audit: &AuditEvent,
    ) -> Result<bool>;
}
