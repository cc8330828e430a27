//! The storage port. Implemented once in `polku-store-sql` (compiled into `polku-store-sqlite`
//! and `polku-store-postgres`); both backends pass the same story in `polku-store-tests`. The
//! records it passes that use cases also work with are in [`records`].
//!
//! The port is one trait per area ([`DirectoryStore`], [`SessionStore`], [`ParticipantStore`],
//! …), each implemented by the store-sql module that owns the area's tables; [`Store`] is all
//! of them together, what the service holds as `Arc<dyn Store>`. The area methods can be
//! called on a `dyn Store` without importing the area traits; on a concrete store, bring them
//! into scope with `use polku_service::store::prelude::*;`.
//!
//! Rules every implementation follows:
//! - each method is one transaction (SQLite: `BEGIN IMMEDIATE`);
//! - a method that takes an [`AuditEvent`] appends it to the audit chain in that same
//!   transaction, and for reads before returning data (fail closed, R35);
//! - updates of mutable aggregates check the version: `WHERE id = ? AND version = ?`, and zero
//!   rows is [`ServiceError::Conflict`] (R50), never a silent overwrite;
//! - special-category data arrives already encrypted; the store never sees a key.

pub mod agreements;
pub mod audit_segments;
pub mod documents;
pub mod esf;
pub mod fidelity;
pub mod follow_ups;
pub mod gigs;
pub mod mentoring;
pub mod optional_fields;
pub mod placements;
pub mod qualifications;
pub mod records;
pub mod referrals;
pub mod restrictions;
pub mod retention;
pub mod staff;
pub mod subject_requests;

pub use agreements::{AgreementRecord, AgreementStore, StoredAgreement};
pub use audit_segments::AuditSegmentStore;
pub use documents::{DocumentStore, StoredDocument, StoredDocumentVersion};
pub use esf::{DueSixMonths, EsfRow, EsfScope, EsfStore, GenderCounts, SealedSpecial};
pub use fidelity::{FidelityRating, FidelityStore};
pub use follow_ups::{
    FollowUpScope, FollowUpStore, RetentionCount, SealedFollowUpTexts, StoredFollowUp,
};
pub use gigs::{GigFilter, GigStore};
pub use mentoring::{
    CheckinRecord, EvidenceRecord, MentoringRecords, MentoringStore, PlacementFeedbackRecord,
    TaskFeedbackRecord,
};
pub use optional_fields::OptionalFieldStore;
pub use placements::{PlacementFilter, PlacementScope, PlacementSideEffects, PlacementStore};
pub use qualifications::{ImportCounts, QualificationEvidenceRecord, QualificationStore};
pub use referrals::{
    Acceptance, ReferralChange, ReferralConsent, ReferralFilter, ReferralRecord, ReferralStore,
    StoredReferral, StoredReferralDocument, StoredReferralFacts,
};
pub use restrictions::{Restriction, RestrictionGround, RestrictionStore};
pub use retention::{LeftService, RetentionStore};
pub use staff::StaffStore;
pub use subject_requests::{SubjectRequest, SubjectRequestKind, SubjectRequestStore};

use crate::audit::{AuditEvent, AuditRow};
use crate::authz::ParticipantScope;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::{
    CooperationDepth, Employer, EmployerId, Interaction, Meeting, Need, Opening, Organisation,
    ParticipantId, Project, ProjectId, Share, Task, User, UserId,
};
pub use records::{
    AccessRevocations, EmployerContact, EraseOutcome, FigureRows, FigureScope, HoldGround,
    LegalHold, ParticipantRecord, ProjectCounts, RevocationsReplayed, StageChange,
};
use std::path::Path;
use time::{Date, OffsetDateTime};

/// One line of a caseload listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantSummary {
    pub id: ParticipantId,
    pub family_name: String,
    pub given_name: String,
    pub stage: String,
    pub waiting_since: Date,
    pub home_municipality: String,
}

/// A one-time account activation token, stored hashed (R5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activation {
    pub token_hash: String,
    pub expires_at: OffsetDateTime,
}

/// A server-side session (R8, R10); the token itself is never stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub user_id: UserId,
    pub created_at: OffsetDateTime,
    pub last_seen_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub stage: SessionStage,
    /// When the user last proved the second factor in this session (sign-in code or step-up,
    /// R19); `None` for accounts without a factor.
    pub second_factor_at: Option<OffsetDateTime>,
}

/// How far sign-in has got (R3): only `Full` sessions act for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionStage {
    Full,
    /// The password was right; the second-factor code is still missing.
    SecondFactor,
    /// The password was right; the user must set up a second factor first.
    Enrol,
}

impl SessionStage {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionStage::Full => "full",
            SessionStage::SecondFactor => "second_factor",
            SessionStage::Enrol => "enrol",
        }
    }

    pub fn parse(s: &str) -> Option<SessionStage> {
        [
            SessionStage::Full,
            SessionStage::SecondFactor,
            SessionStage::Enrol,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }
}

/// A user's TOTP registration (R3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotpRecord {
    pub secret_sealed: Vec<u8>,
    pub confirmed: bool,
    pub last_step: i64,
}

/// The outcome of using an activation token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivationOutcome {
    Activated(UserId),
    /// Unknown, already used or expired — deliberately indistinguishable to the caller.
    Refused,
}

/// A meeting whose notes are sealed with the participant's data key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRecord {
    pub meeting: Meeting,
    pub notes_sealed: Vec<u8>,
}

/// A plan item as stored: the text is sealed with the participant's data key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItemRecord {
    /// The item with an empty `text`.
    pub item: polku_domain::PlanItem,
    pub text_sealed: Vec<u8>,
}

/// Everything stored about one participant, read in one transaction for a data-subject access
/// request (R39): records still sealed, plus every audit entry that names the participant (R37).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectRecords {
    pub participant: ParticipantRecord,
    /// `None` after crypto-erasure.
    pub wrapped_key: Option<Vec<u8>>,
    /// Stage changes, oldest first, with the audit id of who made each.
    pub stage_changes: Vec<(StageChange, String)>,
    pub meetings: Vec<MeetingRecord>,
    pub plan_items: Vec<PlanItemRecord>,
    /// Proposals and placements, oldest first.
    pub placements: Vec<polku_domain::Placement>,
    /// Follow-ups after hiring, by due date.
    pub follow_ups: Vec<StoredFollowUp>,
    /// The ESF+ record (entry data, leaving, six-month follow-up), special answers sealed.
    pub esf: Option<EsfRow>,
    /// Trial agreements, oldest first.
    pub agreements: Vec<StoredAgreement>,
    /// Acceptances of the trial agreements, every version, oldest first.
    pub agreement_acceptances: Vec<polku_domain::AgreementAcceptance>,
    /// Check-ins, task feedback, final feedback and evidence of the placements.
    pub mentoring: MentoringRecords,
    /// Given and withdrawn, oldest first.
    pub consents: Vec<polku_domain::Consent>,
    /// Revoked and expired ones included.
    pub shares: Vec<Share>,
    /// Holds on erasing the participant, released ones included.
    pub legal_holds: Vec<LegalHold>,
    /// Restrictions of processing (R43), lifted ones included, newest first.
    pub restrictions: Vec<Restriction>,
    /// Documents, newest first, each with its versions (oldest first, contents not read).
    pub documents: Vec<(StoredDocument, Vec<StoredDocumentVersion>)>,
    /// Referrals in and out of the participant, newest first.
    pub referrals: Vec<StoredReferral>,
    /// Audit entries whose subject is the participant, oldest first, read before the export's
    /// own entry is appended.
    pub audit: Vec<AuditRow>,
    /// Qualification evidence of the placements (opinnollistaminen), oldest first.
    pub qualification_evidence: Vec<QualificationEvidenceRecord>,
}

/// A search of the audit log (R45): entries about `subject`, or by `actor`, or both, within
/// `[from, to)`, oldest first, at most `limit`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    pub subject: Option<String>,
    pub actor: Option<String>,
    /// RFC 3339 UTC as stored in `at` (see [`crate::audit::timestamp`]).
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: i64,
}

/// One ESCO concept with labels in the languages present in the import.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EscoConcept {
    pub uri: String,
    pub kind: String,
    pub label_fi: Option<String>,
    pub label_sv: Option<String>,
    pub label_en: Option<String>,
    /// Alternative labels, newline-separated, all languages.
    pub alt_labels: String,
    /// `Some` when `label_fi` is Polku's working translation, not official ESCO: its
    /// alternative labels, newline-separated. An official import clears it.
    pub working_fi: Option<String>,
    /// The same for `label_sv`.
    pub working_sv: Option<String>,
}

/// The shipped ESCO reference data (`crate::reference`), as the store loads it.
#[derive(Debug, Clone, Default)]
pub struct EscoReference {
    pub concepts: Vec<EscoConcept>,
    /// (concept, broader concept)
    pub broader: Vec<(String, String)>,
    /// (skill, relation type, related skill)
    pub related: Vec<(String, String, String)>,
    /// (occupation, `essential` or `optional`, skill)
    pub occupation_skills: Vec<(String, String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UpsertCounts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// What a database integrity check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntegrityReport {
    pub ok: bool,
    pub details: Vec<String>,
}

/// The whole storage port: every area trait below, so `Arc<dyn Store>` carries them all. It has
/// no methods of its own and is implemented for every type that implements the areas. The area
/// methods can be called on a `dyn Store` as they are; on a concrete store, import [`prelude`].
pub trait Store:
    AdminStore
    + DirectoryStore
    + SessionStore
    + ParticipantStore
    + ConsentStore
    + EmployerStore
    + ReportStore
    + EscoStore
    + AuditStore
    + ErasureStore
    + SubjectStore
    + PlacementStore
    + FollowUpStore
    + AgreementStore
    + MentoringStore
    + GigStore
    + EsfStore
    + FidelityStore
    + RestrictionStore
    + RetentionStore
    + DocumentStore
    + AuditSegmentStore
    + StaffStore
    + QualificationStore
    + ReferralStore
    + SubjectRequestStore
    + OptionalFieldStore
    + std::fmt::Debug
{
}

impl<T> Store for T where
    T: AdminStore
        + DirectoryStore
        + SessionStore
        + ParticipantStore
        + ConsentStore
        + EmployerStore
        + ReportStore
        + EscoStore
        + AuditStore
        + ErasureStore
        + SubjectStore
        + PlacementStore
        + FollowUpStore
        + AgreementStore
        + MentoringStore
        + GigStore
        + EsfStore
        + FidelityStore
        + RestrictionStore
        + RetentionStore
        + DocumentStore
        + AuditSegmentStore
        + StaffStore
        + QualificationStore
        + ReferralStore
        + SubjectRequestStore
        + OptionalFieldStore
        + std::fmt::Debug
{
}

/// `use polku_service::store::prelude::*;` brings [`Store`] and every area trait into scope, for
/// calling the area methods on a concrete store (on a `dyn Store` they need no import).
pub mod prelude {
    pub use super::AuditSegmentStore;
    pub use super::OptionalFieldStore;
    pub use super::QualificationStore;
    pub use super::ReferralStore;
    pub use super::StaffStore;
    pub use super::SubjectRequestStore;
    pub use super::{
        AdminStore, AgreementStore, AuditStore, ConsentStore, DirectoryStore, DocumentStore,
        EmployerStore, ErasureStore, EscoStore, EsfStore, FidelityStore, FollowUpStore, GigStore,
        MentoringStore, ParticipantStore, PlacementStore, ReportStore, RestrictionStore,
        RetentionStore, SessionStore, Store, SubjectStore,
    };
}

/// The database itself: migrations, settings, metadata, backup and closing.
#[async_trait]
pub trait AdminStore: Send + Sync {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;
    /// Migration versions this build ships for its backend, ascending.
    fn shipped_migrations(&self) -> Vec<i64>;
    /// Applies pending migrations, each in its own transaction.
    async fn migrate(&self) -> Result<()>;
    /// Applied migration versions, ascending.
    async fn applied_migrations(&self) -> Result<Vec<i64>>;
    /// Durability settings read back from the server (R47, R49).
    async fn durability_settings(&self) -> Result<Vec<(String, String)>>;
    async fn integrity_check(&self) -> Result<IntegrityReport>;

    async fn get_meta(&self, key: &str) -> Result<Option<String>>;
    /// Sets `key` unless present; returns whether it was set.
    async fn set_meta_if_absent(&self, key: &str, value: &str) -> Result<bool>;
    /// Sets `key` to `value`, replacing what was there; `None` removes it.
    async fn replace_meta(&self, key: &str, value: Option<&str>) -> Result<()>;

    /// A consistent online copy of the whole database into `path` (must not exist).
    async fn backup(&self, path: &Path) -> Result<()>;
    /// Closes connections (checkpointing the WAL on SQLite).
    async fn close(&self);
}

/// Organisations, projects and users.
#[async_trait]
pub trait DirectoryStore: Send + Sync {
    async fn insert_organisation(&self, org: &Organisation, audit: &AuditEvent) -> Result<()>;
    async fn get_organisation(
        &self,
        id: polku_domain::OrganisationId,
    ) -> Result<Option<Organisation>>;
    async fn list_organisations(&self) -> Result<Vec<Organisation>>;
    async fn insert_project(&self, project: &Project, audit: &AuditEvent) -> Result<()>;
    async fn get_project(&self, id: ProjectId) -> Result<Option<Project>>;
    async fn get_project_by_code(&self, code: &str) -> Result<Option<Project>>;
    async fn list_projects(&self) -> Result<Vec<Project>>;

    async fn insert_user(
        &self,
        user: &User,
        activation: Option<&Activation>,
        audit: &AuditEvent,
    ) -> Result<()>;
    async fn get_user(&self, id: UserId) -> Result<Option<User>>;
    async fn get_user_by_email(&self, email: &str) -> Result<Option<User>>;
    async fn list_users(&self) -> Result<Vec<User>>;

    /// Replaces an organisation's name and business id.
    async fn update_organisation(&self, org: &Organisation, audit: &AuditEvent) -> Result<()>;
    /// Replaces a project's details, funding, municipalities and partners (the code stays).
    async fn update_project(&self, project: &Project, audit: &AuditEvent) -> Result<()>;
    /// Adds a role grant; `false` (and nothing written) when the user already holds it.
    async fn add_grant(
        &self,
        user: UserId,
        grant: &polku_domain::RoleGrant,
        audit: &AuditEvent,
    ) -> Result<bool>;
    /// Removes a role grant; `false` (and nothing written) when the user does not hold it.
    /// Refused with [`crate::ServiceError::LastAdmin`] when it is the admin grant of the last
    /// active administrator (checked in the same transaction).
    async fn remove_grant(
        &self,
        user: UserId,
        grant: &polku_domain::RoleGrant,
        audit: &AuditEvent,
    ) -> Result<bool>;
    /// Deactivates (`Some(at)`) or reactivates (`None`) an account, with `audit`, in one
    /// transaction. Deactivation makes the account unable to sign in and voids its unused
    /// activation tokens, and is refused with [`crate::ServiceError::LastAdmin`] for the last
    /// active administrator; reactivation makes it active again if it has a password. Returns
    /// `false` (nothing written) when the account is already in that state. Sessions are ended
    /// separately ([`SessionStore::end_sessions_of_user`]).
    async fn set_user_deactivated(
        &self,
        user: UserId,
        at: Option<OffsetDateTime>,
        audit: &AuditEvent,
    ) -> Result<bool>;
}

/// Activation, credentials, sessions and the second factor.
#[async_trait]
pub trait SessionStore: Send + Sync {
    /// Uses a one-time activation token: if it exists, is unused and has not expired at `now`,
    /// marks it used, activates the user and stores the password hash, in one transaction.
    /// Exactly one of concurrent uses succeeds (D13). Every other unused token of the user is
    /// revoked and every session of the user ended (D15).
    async fn activate_user(
        &self,
        token_hash: &str,
        password_phc: &str,
        now: OffsetDateTime,
        audit: &AuditEvent,
    ) -> Result<ActivationOutcome>;
    /// Whether an activation token exists, is unused and has not expired at `now` (checked
    /// before any password is hashed, D2). Reads nothing personal.
    async fn activation_usable(&self, token_hash: &str, now: OffsetDateTime) -> Result<bool>;
    /// Adds a one-time activation token for an existing user (a new sign-in link), revoking
    /// the user's older unused tokens and ending the user's sessions (D15).
    async fn issue_activation(
        &self,
        user: UserId,
        activation: &Activation,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// `(user id, password hash, active)` for an e-mail address.
    async fn credentials_for(&self, email: &str) -> Result<Option<(UserId, String, bool)>>;
    /// Replaces a user's password hash (e.g. upgraded parameters at sign-in).
    async fn set_password(
        &self,
        user: UserId,
        password_phc: &str,
        now: OffsetDateTime,
    ) -> Result<()>;
    async fn create_session(&self, token_hash: &str, session: &SessionRecord) -> Result<()>;
    async fn session(&self, token_hash: &str) -> Result<Option<SessionRecord>>;
    async fn touch_session(&self, token_hash: &str, now: OffsetDateTime) -> Result<()>;
    async fn delete_session(&self, token_hash: &str) -> Result<()>;
    /// Ends every session of a user and appends `audit`, in one transaction; returns how many.
    async fn delete_user_sessions(&self, user: UserId, audit: &AuditEvent) -> Result<u64>;
    /// Ends every session of a user (the caller audits the action that required it, e.g. a
    /// deactivation); returns how many.
    async fn end_sessions_of_user(&self, user: UserId) -> Result<u64>;
    /// The user's own password change (R11): replaces the hash, revokes unused activation
    /// tokens and ends every other session of the user (all but `keep`), with `audit`, in one
    /// transaction. Returns how many sessions ended.
    async fn change_password(
        &self,
        user: UserId,
        password_phc: &str,
        now: OffsetDateTime,
        keep: &str,
        audit: &AuditEvent,
    ) -> Result<u64>;
    /// Records a fresh second factor in one session (step-up, R19).
    async fn mark_second_factor(&self, token_hash: &str, now: OffsetDateTime) -> Result<()>;

    // Second factor (R3).
    async fn totp(&self, user: UserId) -> Result<Option<TotpRecord>>;
    /// Stores a new, unconfirmed TOTP secret, replacing an unconfirmed one. Refuses (returns
    /// false) when a confirmed secret exists.
    async fn begin_totp(
        &self,
        user: UserId,
        secret_sealed: &[u8],
        audit: &AuditEvent,
    ) -> Result<bool>;
    /// Confirms the secret at `step` and stores the hashed recovery codes, replacing old ones.
    async fn confirm_totp(
        &self,
        user: UserId,
        step: i64,
        recovery_hashes: &[String],
        now: OffsetDateTime,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// The user's own change of authenticator app (R11): replaces a confirmed secret by a new
    /// confirmed one at `step`, replaces the recovery codes and ends every other session of the
    /// user (all but `keep`), with `audit`, in one transaction. Returns how many sessions ended.
    #[allow(clippy::too_many_arguments)]
    async fn replace_totp(
        &self,
        user: UserId,
        secret_sealed: &[u8],
        step: i64,
        recovery_hashes: &[String],
        now: OffsetDateTime,
        keep: &str,
        audit: &AuditEvent,
    ) -> Result<u64>;
    /// Accepts `step` only if it is later than the last accepted one (each code works once).
    async fn use_totp_step(&self, user: UserId, step: i64) -> Result<bool>;
    /// Marks a recovery code used; false when unknown or already used.
    async fn use_recovery_code(
        &self,
        user: UserId,
        code_hash: &str,
        now: OffsetDateTime,
    ) -> Result<bool>;
}

/// Participants, their data keys, shares, meetings, plans and path history.
#[async_trait]
pub trait ParticipantStore: Send + Sync {
    async fn insert_participant(
        &self,
        rec: &ParticipantRecord,
        wrapped_key: &[u8],
        audit: &AuditEvent,
    ) -> Result<()>;
    /// Access facts only (no personal data; not audited).
    async fn participant_scope(&self, id: ParticipantId) -> Result<Option<ParticipantScope>>;
    /// The record and its wrapped data key (`None` after crypto-erasure). Audited.
    async fn get_participant(
        &self,
        id: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Option<(ParticipantRecord, Option<Vec<u8>>)>>;
    /// Writes `rec` (whose `version` is the new version) if the stored version is `expected`;
    /// a change of stage is recorded in the path history in the same transaction.
    async fn update_participant(
        &self,
        rec: &ParticipantRecord,
        expected: i64,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// Participants of a project, optionally one coach's caseload; one audit event per hit,
    /// `audit.subject` being filled in with each hit.
    async fn list_participants(
        &self,
        project: ProjectId,
        coach: Option<UserId>,
        audit: &AuditEvent,
    ) -> Result<Vec<ParticipantSummary>>;
    /// The ids of a project's participants, optionally one coach's caseload, in no particular
    /// order. Identifiers only (no personal data), so not audited: a caller pages through them
    /// and reads the page with [`ParticipantStore::participant_summaries`], which audits (D16).
    async fn participant_ids(
        &self,
        project: ProjectId,
        coach: Option<UserId>,
    ) -> Result<Vec<ParticipantId>>;
    /// The summaries of `ids` that belong to `project` (and `coach`'s caseload, when given), in
    /// one transaction with one audit event per returned summary.
    async fn participant_summaries(
        &self,
        project: ProjectId,
        coach: Option<UserId>,
        ids: &[ParticipantId],
        audit: &AuditEvent,
    ) -> Result<Vec<ParticipantSummary>>;
    /// The records (with wrapped keys) of those of `ids` who have not exited, read in one
    /// transaction that appends one audit event per record read (`audit.subject` filled in),
    /// for ranking many participants at once without a write transaction per person (D4).
    async fn participants_for_matching(
        &self,
        ids: &[ParticipantId],
        audit: &AuditEvent,
    ) -> Result<Vec<(ParticipantRecord, Option<Vec<u8>>)>>;
    async fn count_participants(&self) -> Result<i64>;
    /// The participant's wrapped data key (`None` after crypto-erasure). Key material only, no
    /// personal data; not audited.
    async fn wrapped_key(&self, id: ParticipantId) -> Result<Option<Vec<u8>>>;
    /// Re-wraps every participant data key with `rewrap`, and the data key of every referral
    /// still holding one (a pending school referral) with `rewrap_referral`, and replaces the
    /// stored master-key check value, in one transaction (all keys or none). Returns how many
    /// keys were re-wrapped.
    async fn rewrap_keys(
        &self,
        rewrap: &(dyn for<'k> Fn(ParticipantId, &'k [u8]) -> Result<Vec<u8>> + Send + Sync),
        rewrap_referral: &(dyn for<'k> Fn(uuid::Uuid, &'k [u8]) -> Result<Vec<u8>> + Send + Sync),
        master_key_check: &str,
        audit: &AuditEvent,
    ) -> Result<u64>;
    /// Destroys the participant's data key: sealed fields become unreadable.
    async fn destroy_participant_key(&self, id: ParticipantId, audit: &AuditEvent) -> Result<bool>;
    async fn shares_for(&self, id: ParticipantId) -> Result<Vec<Share>>;
    async fn insert_share(&self, share: &Share, audit: &AuditEvent) -> Result<()>;
    /// Every share addressed to `recipient`, revoked and expired ones included. Decides what a
    /// recipient may list, before anything is read (so not audited itself).
    async fn shares_to(&self, recipient: UserId) -> Result<Vec<Share>>;
    /// Revokes share `id` of `participant` at `at`; `false` when there is no such share or it
    /// was revoked already (then nothing changes and nothing is audited).
    async fn revoke_share(
        &self,
        participant: ParticipantId,
        id: polku_domain::ShareId,
        at: OffsetDateTime,
        audit: &AuditEvent,
    ) -> Result<bool>;

    async fn insert_meeting(&self, m: &MeetingRecord, audit: &AuditEvent) -> Result<()>;
    async fn list_meetings(
        &self,
        participant: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Vec<MeetingRecord>>;
    // Plan items (web: the plan tab).
    async fn insert_plan_item(&self, rec: &PlanItemRecord, audit: &AuditEvent) -> Result<()>;
    /// The participant's plan, oldest first; the read is audited in the same transaction.
    async fn list_plan_items(
        &self,
        participant: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Vec<PlanItemRecord>>;
    /// Marks an item done (`Some(time)`) or open again (`None`) if it is at `expected`
    /// version; `Conflict { current }` otherwise, `NotFound` when it is not this participant's.
    async fn set_plan_item_done(
        &self,
        participant: ParticipantId,
        item: polku_domain::PlanItemId,
        done_at: Option<OffsetDateTime>,
        expected: i64,
        audit: &AuditEvent,
    ) -> Result<()>;
    // Coach pages (web).
    /// Start times of the meetings of a project's participants (one coach's caseload when
    /// `coach` is given), for the caseload's "next meeting" column. No notes; not audited on its
    /// own: the service calls it only together with the audited caseload listing.
    async fn meeting_times(
        &self,
        project: ProjectId,
        coach: Option<UserId>,
    ) -> Result<Vec<(ParticipantId, OffsetDateTime)>>;
    /// The participant's stage changes, oldest first (recorded by `update_participant` when the
    /// stage changes). Audited.
    async fn stage_changes(
        &self,
        participant: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Vec<StageChange>>;
}

/// Consent records (R16): append-only; a record changes only when it is withdrawn, once.
#[async_trait]
pub trait ConsentStore: Send + Sync {
    /// Every consent record of a participant, given or withdrawn, oldest first. Used by the
    /// access decision before anything is read (so, like `shares_for`, not audited itself).
    async fn consents_for(&self, id: ParticipantId) -> Result<Vec<polku_domain::Consent>>;
    /// Every consent record of a project's participants, in one query (access decisions for
    /// many people at once; not audited, like [`ConsentStore::consents_for`]).
    async fn project_consents(&self, project: ProjectId) -> Result<Vec<polku_domain::Consent>>;
    /// Records consents given together (one per category) in one transaction: all or none.
    async fn insert_consents(
        &self,
        consents: &[polku_domain::Consent],
        audit: &AuditEvent,
    ) -> Result<()>;
    /// Marks consent `id` of `participant` withdrawn; `false` when there is no such consent or
    /// it was withdrawn already (then nothing changes and nothing is audited).
    async fn withdraw_consent(
        &self,
        participant: ParticipantId,
        id: polku_domain::ConsentId,
        at: OffsetDateTime,
        by: UserId,
        audit: &AuditEvent,
    ) -> Result<bool>;
}

/// Employers, their task inventories, openings, interactions, needs and contacts.
#[async_trait]
pub trait EmployerStore: Send + Sync {
    async fn insert_employer(&self, e: &Employer, audit: &AuditEvent) -> Result<()>;
    async fn get_employer(&self, id: EmployerId) -> Result<Option<Employer>>;
    async fn update_employer(&self, e: &Employer, expected: i64, audit: &AuditEvent) -> Result<()>;
    async fn list_employers(&self, project: ProjectId) -> Result<Vec<Employer>>;
    async fn count_employers(&self) -> Result<i64>;
    async fn insert_task(&self, t: &Task, audit: &AuditEvent) -> Result<()>;
    async fn list_tasks(&self, employer: EmployerId) -> Result<Vec<Task>>;
    async fn insert_opening(&self, o: &Opening, audit: &AuditEvent) -> Result<()>;
    async fn list_openings(&self, employer: EmployerId) -> Result<Vec<Opening>>;
    /// Replaces an opening if it is at `expected` version (`Conflict { current }` otherwise).
    async fn update_opening(&self, o: &Opening, expected: i64, audit: &AuditEvent) -> Result<()>;
    /// Every task of every employer in a project (one query, for matching).
    async fn list_project_tasks(&self, project: ProjectId) -> Result<Vec<Task>>;
    /// Every opening of every employer in a project (one query, for matching).
    async fn list_project_openings(&self, project: ProjectId) -> Result<Vec<Opening>>;

    // Employer pages (web).
    /// Writes `t` (whose `version` is the new version) if the stored version is `expected`.
    async fn update_task(&self, t: &Task, expected: i64, audit: &AuditEvent) -> Result<()>;
    /// Records an interaction and the needs heard in it; with `cooperation = (depth, expected)`
    /// the employer's cooperation depth is set too (version checked and bumped), all in one
    /// transaction.
    async fn insert_interaction(
        &self,
        interaction: &Interaction,
        needs: &[Need],
        cooperation: Option<(CooperationDepth, i64)>,
        audit: &AuditEvent,
    ) -> Result<()>;
    /// Interactions with an employer, newest first.
    async fn list_interactions(&self, employer: EmployerId) -> Result<Vec<Interaction>>;
    /// Needs heard from an employer, newest first.
    async fn list_needs(&self, employer: EmployerId) -> Result<Vec<Need>>;
    async fn insert_contact(&self, c: &EmployerContact, audit: &AuditEvent) -> Result<()>;
    /// Deletes one contact of `employer`; returns whether it existed.
    async fn delete_contact(
        &self,
        employer: EmployerId,
        id: uuid::Uuid,
        audit: &AuditEvent,
    ) -> Result<bool>;
    /// Contacts of an employer; audited before returning them.
    async fn list_contacts(
        &self,
        employer: EmployerId,
        audit: &AuditEvent,
    ) -> Result<Vec<EmployerContact>>;
}

/// Aggregates for reporting.
#[async_trait]
pub trait ReportStore: Send + Sync {
    /// Counts of a project's participants, employers and openings by category, computed with
    /// `COUNT … GROUP BY` (no rows leave the store).
    async fn project_counts(&self, project: ProjectId) -> Result<ProjectCounts>;
    /// The counts the manager's figures are made of over `scope`, by day and category
    /// (`COUNT … GROUP BY`: no rows of people leave the store).
    async fn figure_counts(&self, scope: &FigureScope) -> Result<FigureRows>;
}

/// ESCO reference data (not personal data, not audited).
#[async_trait]
pub trait EscoStore: Send + Sync {
    async fn upsert_esco(&self, batch: &[EscoConcept]) -> Result<UpsertCounts>;
    async fn count_esco(&self, kind: &str) -> Result<i64>;
    async fn get_esco(&self, uri: &str) -> Result<Option<EscoConcept>>;
    /// The stored concepts among `uris`, in one query per few hundred URIs.
    async fn get_esco_many(&self, uris: &[String]) -> Result<Vec<EscoConcept>>;
    /// Concepts of `kind` whose search text (`crate::analyzer::index_text`) matches every term:
    /// a term matches when one of its alternatives does, an alternative when the text has a
    /// token starting with each of its prefixes. Those with a token starting with the first
    /// term's word come first; at most `limit`. Reference data, not audited.
    async fn search_esco(
        &self,
        kind: &str,
        terms: &[crate::analyzer::QueryTerm],
        limit: i64,
    ) -> Result<Vec<EscoConcept>>;
    /// Writes the shipped reference data in one transaction: concepts merged with what is stored
    /// (official fi/sv labels from an import stay; working labels replace only working or
    /// missing ones), relations replaced, and `meta[version_key] = version`.
    async fn load_esco_reference(
        &self,
        data: &EscoReference,
        version_key: &str,
        version: i64,
    ) -> Result<()>;
    /// The skills related to an occupation as `relation` (`essential` or `optional`).
    async fn occupation_skills(&self, occupation: &str, relation: &str) -> Result<Vec<String>>;
    /// The occupations for which `skill` is `relation` (`essential` or `optional`).
    async fn skill_occupations(&self, skill: &str, relation: &str) -> Result<Vec<String>>;
    /// The skills ESCO relates to `skill`, in either direction.
    async fn related_skills(&self, skill: &str) -> Result<Vec<String>>;
}

/// The audit chain read and appended on its own (other areas append inside their writes).
#[async_trait]
pub trait AuditStore: Send + Sync {
    /// Appends an event that is not tied to another write (e.g. a backup was taken).
    async fn append_audit(&self, audit: &AuditEvent) -> Result<()>;
    async fn audit_head(&self) -> Result<Option<(i64, String)>>;
    /// Entries with `seq > after`, ascending, at most `limit`.
    async fn audit_page(&self, after: i64, limit: i64) -> Result<Vec<AuditRow>>;
    /// Entries matching `q`, ascending (R45). Uses the subject and actor indexes.
    async fn audit_query(&self, q: &AuditQuery) -> Result<Vec<AuditRow>>;
    /// Appends several events that are not tied to another write, in order, in one
    /// transaction: all or none (e.g. a national report audited once per project counted).
    async fn append_audits(&self, audits: &[AuditEvent]) -> Result<()>;
}

/// Erasure with legal holds (R40).
#[async_trait]
pub trait ErasureStore: Send + Sync {
    /// The participant's legal holds, newest first.
    async fn legal_holds(&self, id: ParticipantId) -> Result<Vec<LegalHold>>;
    async fn insert_legal_hold(&self, hold: &LegalHold, audit: &AuditEvent) -> Result<()>;
    /// Releases an unreleased hold; `false` (nothing changed or audited) otherwise.
    async fn release_legal_hold(
        &self,
        participant: ParticipantId,
        hold: uuid::Uuid,
        at: OffsetDateTime,
        audit: &AuditEvent,
    ) -> Result<bool>;
    /// In one transaction: unless a hold is in force on `today`, writes the tombstone, deletes
    /// every row that refers to the participant and the participant, and appends `audit`.
    async fn erase_subject(
        &self,
        id: ParticipantId,
        today: Date,
        audit: &AuditEvent,
    ) -> Result<EraseOutcome>;
    /// Every tombstone, oldest first.
    async fn erasures(&self) -> Result<Vec<(ParticipantId, OffsetDateTime)>>;
    /// Records the tombstone and erases the participant if still present, holds or not;
    /// `true` (and `audit` appended) when something was erased.
    async fn replay_erasure(
        &self,
        id: ParticipantId,
        erased_at: OffsetDateTime,
        audit: &AuditEvent,
    ) -> Result<bool>;
    /// Every consent withdrawal, share revocation and hold release, oldest first.
    async fn access_revocations(&self) -> Result<AccessRevocations>;
    /// In one transaction (after a restore): applies `revocations` to the rows that exist and
    /// are still in force, ends every session, makes every unused activation token unusable,
    /// and appends `audit`.
    async fn replay_access_revocations(
        &self,
        revocations: &AccessRevocations,
        now: OffsetDateTime,
        audit: &AuditEvent,
    ) -> Result<RevocationsReplayed>;
}

/// A data-subject access request (R39).
#[async_trait]
pub trait SubjectStore: Send + Sync {
    /// Everything stored about the participant, in one transaction that also appends `audit`
    /// (R39); `None` when there is no such participant (then nothing is audited).
    async fn subject_records(
        &self,
        id: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Option<SubjectRecords>>;
}
