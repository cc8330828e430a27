//! Consents and shares and learning records (placements themselves are in [`crate::work`],
//! retention checkpoints in [`crate::follow_up`]).

use crate::{
    ConsentId, DomainError, LearningRecordId, ParticipantId, PlacementId, ShareId, TaskId, UserId,
};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// Field groups a consent or share covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataCategory {
    Contact,
    Skills,
    Languages,
    Goals,
    /// Special category: functioning profile and accommodation needs.
    Functioning,
    Documents,
}

impl DataCategory {
    pub const ALL: [DataCategory; 6] = [
        DataCategory::Contact,
        DataCategory::Skills,
        DataCategory::Languages,
        DataCategory::Goals,
        DataCategory::Functioning,
        DataCategory::Documents,
    ];

    pub fn is_special(self) -> bool {
        matches!(self, DataCategory::Functioning)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DataCategory::Contact => "contact",
            DataCategory::Skills => "skills",
            DataCategory::Languages => "languages",
            DataCategory::Goals => "goals",
            DataCategory::Functioning => "functioning",
            DataCategory::Documents => "documents",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| DomainError::Invalid {
                field: "category",
                reason: "unknown data category".into(),
            })
    }
}

/// Who a consent lets see the data: every user of one kind of recipient in the participant's
/// project (a share then names the one user).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecipientClass {
    Employer,
    Mentor,
    Institution,
}

impl RecipientClass {
    pub const ALL: [RecipientClass; 3] = [
        RecipientClass::Employer,
        RecipientClass::Mentor,
        RecipientClass::Institution,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecipientClass::Employer => "employer",
            RecipientClass::Mentor => "mentor",
            RecipientClass::Institution => "institution",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| DomainError::Invalid {
                field: "recipient",
                reason: "unknown kind of recipient".into(),
            })
    }
}

/// What the data may be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentPurpose {
    /// Proposing the participant for a job, a work trial or a gig, and its follow-up.
    Placement,
    /// Handing over plans and competence between school and work.
    Transition,
}

impl ConsentPurpose {
    pub const ALL: [ConsentPurpose; 2] = [ConsentPurpose::Placement, ConsentPurpose::Transition];

    pub fn as_str(self) -> &'static str {
        match self {
            ConsentPurpose::Placement => "placement",
            ConsentPurpose::Transition => "transition",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| DomainError::Invalid {
                field: "purpose",
                reason: "unknown purpose".into(),
            })
    }
}

/// How the participant gave the consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentMethod {
    /// Signed on paper, kept by the project.
    Written,
    /// Said in a meeting with the coach, who recorded it.
    InMeeting,
    /// Given by the participant in the service.
    Electronic,
}

impl ConsentMethod {
    pub const ALL: [ConsentMethod; 3] = [
        ConsentMethod::Written,
        ConsentMethod::InMeeting,
        ConsentMethod::Electronic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConsentMethod::Written => "written",
            ConsentMethod::InMeeting => "in_meeting",
            ConsentMethod::Electronic => "electronic",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| DomainError::Invalid {
                field: "method",
                reason: "unknown way of giving consent".into(),
            })
    }
}

/// One consent (R16): given for one data category, one kind of recipient and one purpose, with
/// the hash of the exact wording the participant was shown, who recorded it and how; withdrawn
/// at most once. Records are never changed otherwise or deleted, so the history shows both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub id: ConsentId,
    pub participant_id: ParticipantId,
    pub recipient: RecipientClass,
    pub category: DataCategory,
    pub purpose: ConsentPurpose,
    pub text_version_hash: String,
    pub given_at: OffsetDateTime,
    pub given_by: UserId,
    pub method: ConsentMethod,
    pub withdrawn_at: Option<OffsetDateTime>,
    pub withdrawn_by: Option<UserId>,
}

impl Consent {
    /// In force at `now`.
    pub fn active(&self, now: OffsetDateTime) -> bool {
        self.given_at <= now && self.withdrawn_at.is_none_or(|w| w > now)
    }
}

/// The longest a share may run: its last day is at most one year after the day it is made (D25).
/// A longer disclosure needs a new share, so the coach and participant review it at least yearly.
pub fn share_until_limit(today: Date) -> Date {
    today
        .replace_year(today.year() + 1)
        .or_else(|_| {
            today
                .replace_day(28)
                .and_then(|d| d.replace_year(today.year() + 1))
        })
        .unwrap_or(Date::MAX)
}

/// A share with an employer, mentor or institution; needs an active consent (R17).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub id: ShareId,
    pub participant_id: ParticipantId,
    pub recipient: UserId,
    pub categories: Vec<DataCategory>,
    pub until: Date,
    pub revoked_at: Option<OffsetDateTime>,
    /// What the share is for; the recipient sees only groups the participant consented to
    /// for this purpose (D24).
    pub purpose: ConsentPurpose,
}

/// A task done in a trial mapped to a qualification unit's competence requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearningRecord {
    pub id: LearningRecordId,
    pub placement_id: PlacementId,
    pub task_id: TaskId,
    /// Koodisto URI of the tutkinnon osa, e.g. `tutkinnonosat_106729`.
    pub qualification_unit: String,
    pub requirement: String,
    pub evidence: String,
    pub assessed_on: Date,
}

pub use crate::follow_up::RetentionCheckpoint;
