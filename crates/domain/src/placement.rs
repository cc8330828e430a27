//! Placements (participant × opening), consents and shares, learning records, outcomes.

use crate::{
    ConsentId, DomainError, LearningRecordId, OpeningId, OpeningKind, ParticipantId, PlacementId,
    ShareId, TaskId, UserId,
};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlacementStatus {
    Proposed,
    Agreed,
    Ongoing,
    Completed,
    Interrupted,
}

/// The written agreement of a work or education trial.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrialAgreement {
    pub goal: String,
    pub tasks: Vec<TaskId>,
    pub starts_on: Date,
    pub ends_on: Date,
    pub hours_per_day: u8,
    pub days_per_week: u8,
    pub supervisor: UserId,
}

impl TrialAgreement {
    /// Work trial: 4–8 h/day, at most 5 days/week, at most 6 months per host; education trial at
    /// most 10 days (`docs/finnish-rules.md` §3).
    pub fn validate(&self, kind: OpeningKind) -> Result<(), DomainError> {
        let bad = |field, reason: &str| {
            Err(DomainError::Invalid {
                field,
                reason: reason.into(),
            })
        };
        if self.ends_on < self.starts_on {
            return bad("ends_on", "ends before it starts");
        }
        if !(4..=8).contains(&self.hours_per_day) {
            return bad("hours_per_day", "a trial day is 4-8 hours");
        }
        if !(1..=5).contains(&self.days_per_week) {
            return bad("days_per_week", "at most 5 days a week");
        }
        let days = (self.ends_on - self.starts_on).whole_days() + 1;
        match kind {
            OpeningKind::WorkTrial => {
                if self.ends_on >= add_months(self.starts_on, 6) {
                    return bad(
                        "ends_on",
                        "a work trial lasts at most 6 months with one host",
                    );
                }
            }
            OpeningKind::EducationTrial if days > 10 => {
                return bad("ends_on", "an education trial lasts at most 10 days")
            }
            OpeningKind::EducationTrial
            | OpeningKind::Job
            | OpeningKind::Apprenticeship
            | OpeningKind::Gig => {}
        }
        if self.goal.trim().is_empty() {
            return bad("goal", "a trial needs a written goal");
        }
        Ok(())
    }
}

/// The same day `n` months later, clamped to the month's last day (31 Aug + 6 → 28/29 Feb).
pub fn add_months(d: Date, n: u8) -> Date {
    let m0 = d.month() as i32 - 1 + i32::from(n);
    let year = d.year() + m0 / 12;
    let month = time::Month::try_from((m0 % 12 + 1) as u8).unwrap_or(time::Month::January);
    let day = d.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(d)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    pub id: PlacementId,
    pub participant_id: ParticipantId,
    pub opening_id: OpeningId,
    pub coach_id: UserId,
    pub mentor_id: Option<UserId>,
    pub status: PlacementStatus,
    pub agreement: Option<TrialAgreement>,
    pub version: i64,
}

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

/// A share with an employer, mentor or institution; needs an active consent (R17).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub id: ShareId,
    pub participant_id: ParticipantId,
    pub recipient: UserId,
    pub categories: Vec<DataCategory>,
    pub until: Date,
    pub revoked_at: Option<OffsetDateTime>,
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

/// Retention checkpoints after hiring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RetentionCheckpoint {
    #[serde(rename = "1m")]
    OneMonth,
    #[serde(rename = "3m")]
    ThreeMonths,
    #[serde(rename = "6m")]
    SixMonths,
    #[serde(rename = "12m")]
    TwelveMonths,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn agreement(start: Date, end: Date, h: u8, d: u8) -> TrialAgreement {
        TrialAgreement {
            goal: "learn".into(),
            tasks: vec![],
            starts_on: start,
            ends_on: end,
            hours_per_day: h,
            days_per_week: d,
            supervisor: UserId::new(),
        }
    }

    #[test]
    fn work_trial_limits() {
        assert!(
            agreement(date!(2026 - 01 - 01), date!(2026 - 06 - 30), 6, 5)
                .validate(OpeningKind::WorkTrial)
                .is_ok()
        );
        assert!(
            agreement(date!(2026 - 01 - 01), date!(2026 - 07 - 01), 6, 5)
                .validate(OpeningKind::WorkTrial)
                .is_err()
        );
        assert!(
            agreement(date!(2026 - 09 - 01), date!(2027 - 02 - 28), 6, 5)
                .validate(OpeningKind::WorkTrial)
                .is_ok()
        );
        assert!(
            agreement(date!(2026 - 09 - 01), date!(2027 - 03 - 01), 6, 5)
                .validate(OpeningKind::WorkTrial)
                .is_err()
        );
        assert!(
            agreement(date!(2026 - 01 - 01), date!(2026 - 02 - 01), 3, 5)
                .validate(OpeningKind::WorkTrial)
                .is_err()
        );
        assert!(
            agreement(date!(2026 - 01 - 01), date!(2026 - 02 - 01), 4, 6)
                .validate(OpeningKind::WorkTrial)
                .is_err()
        );
        assert!(
            agreement(date!(2026 - 01 - 01), date!(2026 - 01 - 10), 4, 5)
                .validate(OpeningKind::EducationTrial)
                .is_ok()
        );
        assert!(
            agreement(date!(2026 - 01 - 01), date!(2026 - 01 - 11), 4, 5)
                .validate(OpeningKind::EducationTrial)
                .is_err()
        );
    }
}
