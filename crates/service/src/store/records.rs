//! The records the storage port reads and writes that use cases also work with: the port owns
//! them, so `store` depends on no use-case module. The use-case modules re-export them under
//! their old paths.

use polku_domain::{org::name, DomainError, Email, EmployerId, ParticipantId, ProjectId, UserId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::authz::ParticipantScope;
use crate::Result;

/// One change of a participant's service-path stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageChange {
    pub from: String,
    pub to: String,
    pub at: OffsetDateTime,
}

/// Raw counts per category as the store computes them (categories with no rows are absent).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectCounts {
    pub participants_by_stage: Vec<(String, i64)>,
    pub employers_by_depth: Vec<(String, i64)>,
    pub openings_by_kind: Vec<(String, i64)>,
}

/// What the manager's figures count (`ReportStore::figure_counts`): the participants of
/// `projects` whose home municipality is in `municipalities` (all when `None`), the employers
/// of those projects working in one of them, over the days `from..=to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureScope {
    pub projects: Vec<ProjectId>,
    pub municipalities: Option<Vec<String>>,
    pub from: Date,
    pub to: Date,
    /// Only the participants and employers that count for this organisation (its staff's, in
    /// the projects it leads or is a partner of; docs/ESF.md, "The organisation filter").
    pub organisation: Option<polku_domain::OrganisationId>,
}

/// The counts the manager's figures are made of, computed by the store with `COUNT … GROUP BY`
/// (by day; the service puts the days into months): no row of a person leaves the store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FigureRows {
    /// Participants in scope, whatever the period.
    pub participants: i64,
    /// Participants in scope enrolled (their record created, UTC day) in the period.
    pub enrolled: i64,
    /// ESF+ results on leaving in the period: day, stored result, count.
    pub leavings: Vec<(Date, String, i64)>,
    /// Work and education trials that started (active, completed or interrupted) in the
    /// period, by start day.
    pub trials_started: Vec<(Date, i64)>,
    /// Work and education trials completed in the period, by end day.
    pub trials_completed: Vec<(Date, i64)>,
    /// Follow-ups done in the period with an answer: checkpoint, `still_working`, count.
    pub retention: Vec<(String, String, i64)>,
    /// The employers in scope by depth of cooperation (stored name), whatever the period.
    pub employers_by_depth: Vec<(String, i64)>,
    /// Needs heard in the period from the employers in scope: day, never advertised, count.
    pub needs: Vec<(Date, bool, i64)>,
    /// For participants enrolled in the period: days from enrolment to the first proposal to
    /// an employer about them, and how many participants took that many days.
    pub days_to_first_contact: Vec<(i64, i64)>,
    /// The same to the start of their first placement that started.
    pub days_to_first_placement: Vec<(i64, i64)>,
}

/// One contact person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerContact {
    pub id: Uuid,
    pub employer_id: EmployerId,
    pub name: String,
    /// Job title or role at the employer ("" when not known).
    pub title: String,
    pub email: Option<Email>,
    pub phone: Option<String>,
}

impl EmployerContact {
    pub fn validate(&self) -> Result<(), DomainError> {
        name("contact_name", &self.name, 200)?;
        if self.title.chars().count() > 200 {
            return Err(DomainError::Invalid {
                field: "contact_title",
                reason: "at most 200 characters".into(),
            });
        }
        if let Some(p) = &self.phone {
            let ok = (5..=30).contains(&p.chars().count())
                && p.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')'));
            if !ok {
                return Err(DomainError::Invalid {
                    field: "contact_phone",
                    reason: "a phone number of digits, spaces and + - ( )".into(),
                });
            }
        }
        Ok(())
    }
}

/// The row a store reads for a contact: id, employer, name, title, e-mail, phone.
/// Why erasure may be refused (GDPR Art. 17(3)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HoldGround {
    /// Art. 17(3)(b): a legal obligation, e.g. keeping a funded project's records for audit.
    LegalObligation,
    /// Art. 17(3)(d): archiving in the public interest, research or statistics.
    ArchivingOrStatistics,
    /// Art. 17(3)(e): establishing, exercising or defending legal claims.
    LegalClaims,
}

impl HoldGround {
    pub const ALL: [HoldGround; 3] = [
        HoldGround::LegalObligation,
        HoldGround::ArchivingOrStatistics,
        HoldGround::LegalClaims,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HoldGround::LegalObligation => "legal_obligation",
            HoldGround::ArchivingOrStatistics => "archiving_or_statistics",
            HoldGround::LegalClaims => "legal_claims",
        }
    }

    /// The article it rests on.
    pub fn article(self) -> &'static str {
        match self {
            HoldGround::LegalObligation => "GDPR Art. 17(3)(b)",
            HoldGround::ArchivingOrStatistics => "GDPR Art. 17(3)(d)",
            HoldGround::LegalClaims => "GDPR Art. 17(3)(e)",
        }
    }

    pub fn parse(s: &str) -> std::result::Result<HoldGround, DomainError> {
        HoldGround::ALL
            .into_iter()
            .find(|g| g.as_str() == s.trim())
            .ok_or_else(|| DomainError::Invalid {
                field: "ground",
                reason: "must be legal_obligation, archiving_or_statistics or legal_claims".into(),
            })
    }
}

/// A hold on erasing one participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalHold {
    pub id: uuid::Uuid,
    pub participant_id: ParticipantId,
    pub ground: HoldGround,
    /// The controller's own reference for the reason (a case or decision number).
    pub reference: String,
    /// The hold ends after this day.
    pub until: Date,
    pub set_at: OffsetDateTime,
    /// Audit id of who set it.
    pub set_by: String,
    pub released_at: Option<OffsetDateTime>,
}

impl LegalHold {
    /// Blocks erasure on `today`.
    pub fn active(&self, today: Date) -> bool {
        self.released_at.is_none() && self.until >= today
    }
}

/// Access taken back in a database: consents withdrawn, shares revoked, legal holds released,
/// each with when it happened. A restore reads these from the live database and applies them
/// again to the older copy, as it does with the erasures' tombstones (D7).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AccessRevocations {
    /// Withdrawn consents: id, when, by whom.
    pub consents: Vec<(Uuid, OffsetDateTime, Uuid)>,
    /// Revoked shares: id, when.
    pub shares: Vec<(Uuid, OffsetDateTime)>,
    /// Released legal holds: id, when.
    pub holds: Vec<(Uuid, OffsetDateTime)>,
}

impl AccessRevocations {
    /// Adds `other`'s entries that `self` does not have yet.
    pub fn merge(&mut self, other: AccessRevocations) {
        for c in other.consents {
            if !self.consents.iter().any(|x| x.0 == c.0) {
                self.consents.push(c);
            }
        }
        for s in other.shares {
            if !self.shares.iter().any(|x| x.0 == s.0) {
                self.shares.push(s);
            }
        }
        for h in other.holds {
            if !self.holds.iter().any(|x| x.0 == h.0) {
                self.holds.push(h);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.consents.len() + self.shares.len() + self.holds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What replaying [`AccessRevocations`] changed in the restored database.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RevocationsReplayed {
    pub consents: u64,
    pub shares: u64,
    pub holds: u64,
    /// Sessions ended (all of them).
    pub sessions: u64,
    /// Unused activation tokens made unusable (all of them).
    pub activations: u64,
}

/// What the store did with an erasure request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EraseOutcome {
    Erased,
    /// Nothing was changed: this hold is in force.
    Held(LegalHold),
    /// No such participant (perhaps erased already).
    Missing,
}

/// A participant as stored: personal data in clear JSON, special-category data sealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantRecord {
    pub id: ParticipantId,
    pub project_id: ProjectId,
    pub coach_id: Option<UserId>,
    pub user_id: Option<UserId>,
    pub family_name: String,
    pub given_name: String,
    pub home_municipality: String,
    pub stage: String,
    pub waiting_since: Date,
    /// `ParticipantPersonal` without the identity code, as JSON.
    pub personal_json: String,
    /// The identity code sealed with the participant's data key.
    pub hetu_sealed: Option<Vec<u8>>,
    /// Keyed hash of the identity code, for finding duplicates without decrypting.
    pub hetu_lookup: Option<String>,
    /// `ParticipantSensitive` as JSON, sealed with the participant's data key.
    pub sensitive_sealed: Vec<u8>,
    pub version: i64,
    /// Processing is restricted (R43). Read from the store; an update never changes it (only
    /// [`RestrictionStore`](super::RestrictionStore) does).
    pub restricted: bool,
}

impl ParticipantRecord {
    pub fn scope(&self) -> ParticipantScope {
        ParticipantScope {
            id: self.id,
            project_id: self.project_id,
            coach_id: self.coach_id,
            user_id: self.user_id,
            restricted: self.restricted,
        }
    }
}
