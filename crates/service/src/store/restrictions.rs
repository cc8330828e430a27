//! Restriction of processing (GDPR Art. 18, R43) in the storage port. A restriction is a row of
//! its own, kept with its history (set, by whom, on what ground, lifted, by whom); while one is
//! in force the participant row carries `restricted_since`, which every listing, the matching
//! engine's input and the reports leave out.

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::{DomainError, ParticipantId};
use time::OffsetDateTime;

/// Why processing is restricted: the four cases of GDPR Art. 18(1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RestrictionGround {
    /// Art. 18(1)(a): the person contests the accuracy of the data, while it is checked.
    AccuracyContested,
    /// Art. 18(1)(b): processing is unlawful and the person asks for restriction, not erasure.
    UnlawfulProcessing,
    /// Art. 18(1)(c): the controller no longer needs the data, the person needs it for a claim.
    LegalClaims,
    /// Art. 18(1)(d): the person has objected (Art. 21(1)), while the grounds are weighed.
    ObjectionPending,
}

impl RestrictionGround {
    pub const ALL: [RestrictionGround; 4] = [
        RestrictionGround::AccuracyContested,
        RestrictionGround::UnlawfulProcessing,
        RestrictionGround::LegalClaims,
        RestrictionGround::ObjectionPending,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RestrictionGround::AccuracyContested => "accuracy_contested",
            RestrictionGround::UnlawfulProcessing => "unlawful_processing",
            RestrictionGround::LegalClaims => "legal_claims",
            RestrictionGround::ObjectionPending => "objection_pending",
        }
    }

    /// The article it rests on.
    pub fn article(self) -> &'static str {
        match self {
            RestrictionGround::AccuracyContested => "GDPR Art. 18(1)(a)",
            RestrictionGround::UnlawfulProcessing => "GDPR Art. 18(1)(b)",
            RestrictionGround::LegalClaims => "GDPR Art. 18(1)(c)",
            RestrictionGround::ObjectionPending => "GDPR Art. 18(1)(d)",
        }
    }

    pub fn parse(s: &str) -> std::result::Result<RestrictionGround, DomainError> {
        RestrictionGround::ALL
            .into_iter()
            .find(|g| g.as_str() == s.trim())
            .ok_or_else(|| DomainError::Invalid {
                field: "ground",
                reason: "must be accuracy_contested, unlawful_processing, legal_claims or \
                         objection_pending"
                    .into(),
            })
    }
}

/// One restriction of one participant's processing, in force until `lifted_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restriction {
    pub id: uuid::Uuid,
    pub participant_id: ParticipantId,
    pub ground: RestrictionGround,
    /// The controller's own reference (the request's case number).
    pub reference: String,
    pub set_at: OffsetDateTime,
    /// Audit id of who set it.
    pub set_by: String,
    pub lifted_at: Option<OffsetDateTime>,
    pub lifted_by: Option<String>,
}

#[async_trait]
pub trait RestrictionStore: Send + Sync {
    /// The participant's restrictions, newest first, lifted ones included.
    async fn restrictions(&self, id: ParticipantId) -> Result<Vec<Restriction>>;
    /// In one transaction: records `restriction` and marks the participant restricted, with
    /// `audit`. `false` (nothing written) when a restriction is already in force; `NotFound`
    /// when there is no such participant.
    async fn insert_restriction(
        &self,
        restriction: &Restriction,
        audit: &AuditEvent,
    ) -> Result<bool>;
    /// In one transaction: lifts the restriction in force and clears the participant's mark,
    /// with `audit`; `false` (nothing written) when none is in force.
    async fn lift_restriction(
        &self,
        id: ParticipantId,
        at: OffsetDateTime,
        by: &str,
        audit: &AuditEvent,
    ) -> Result<bool>;
}
