//! Follow-ups after hiring (staying in work): a job or apprenticeship that starts gets one at 1,
//! 3, 6 and 12 months from its start; a completed work trial gets one a month after it ended
//! ("what happened next"). The coach records whether the person is still working, how many
//! hours, the support given and whether the job needs crafting again.

use crate::{DomainError, FollowUpId, ParticipantId, PlacementId, UserId};
use serde::{Deserialize, Serialize};
use time::Date;

/// Retention checkpoints after hiring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

impl RetentionCheckpoint {
    pub const ALL: [RetentionCheckpoint; 4] = [
        RetentionCheckpoint::OneMonth,
        RetentionCheckpoint::ThreeMonths,
        RetentionCheckpoint::SixMonths,
        RetentionCheckpoint::TwelveMonths,
    ];

    /// Months from the start (or, after a trial, from its end).
    pub fn months(self) -> u8 {
        match self {
            RetentionCheckpoint::OneMonth => 1,
            RetentionCheckpoint::ThreeMonths => 3,
            RetentionCheckpoint::SixMonths => 6,
            RetentionCheckpoint::TwelveMonths => 12,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RetentionCheckpoint::OneMonth => "1m",
            RetentionCheckpoint::ThreeMonths => "3m",
            RetentionCheckpoint::SixMonths => "6m",
            RetentionCheckpoint::TwelveMonths => "12m",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| DomainError::Invalid {
                field: "checkpoint",
                reason: "unknown checkpoint".into(),
            })
    }
}

/// Whether the person is still working at the follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StillWorking {
    SameEmployer,
    OtherEmployer,
    NotWorking,
}

impl StillWorking {
    pub const ALL: [StillWorking; 3] = [
        StillWorking::SameEmployer,
        StillWorking::OtherEmployer,
        StillWorking::NotWorking,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StillWorking::SameEmployer => "same_employer",
            StillWorking::OtherEmployer => "other_employer",
            StillWorking::NotWorking => "not_working",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| DomainError::Invalid {
                field: "still_working",
                reason: "unknown answer".into(),
            })
    }
}

/// The most hours a week a follow-up records.
pub const MAX_HOURS_PER_WEEK: u8 = 60;
/// The longest support or note text.
pub const MAX_TEXT: usize = 2000;

/// What the coach records at a follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpRecord {
    pub still_working: StillWorking,
    pub hours_per_week: u8,
    pub support_given: String,
    pub needs_recrafting: bool,
    pub note: String,
}

impl FollowUpRecord {
    /// Hours 0–60, texts at most [`MAX_TEXT`] characters (trimmed).
    pub fn validate(&mut self) -> Result<(), DomainError> {
        if self.hours_per_week > MAX_HOURS_PER_WEEK {
            return Err(DomainError::Rule {
                field: "hours_per_week",
                rule: "follow_up_hours_out_of_range",
            });
        }
        if self.still_working == StillWorking::NotWorking && self.hours_per_week > 0 {
            return Err(DomainError::Rule {
                field: "hours_per_week",
                rule: "follow_up_hours_when_not_working",
            });
        }
        self.support_given = self.support_given.trim().to_owned();
        self.note = self.note.trim().to_owned();
        for (field, text) in [("support_given", &self.support_given), ("note", &self.note)] {
            if text.chars().count() > MAX_TEXT {
                return Err(DomainError::Rule {
                    field,
                    rule: "text_too_long",
                });
            }
        }
        Ok(())
    }
}

/// One follow-up of a placement: due on a date, done once recorded (then `record` is `Some`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub id: FollowUpId,
    pub placement_id: PlacementId,
    pub participant_id: ParticipantId,
    pub checkpoint: RetentionCheckpoint,
    pub due_on: Date,
    pub done_on: Option<Date>,
    pub record: Option<FollowUpRecord>,
    pub recorded_by: Option<UserId>,
    pub version: i64,
}

impl FollowUp {
    /// A new, open follow-up `checkpoint` months after `from`.
    pub fn due_after(
        placement_id: PlacementId,
        participant_id: ParticipantId,
        checkpoint: RetentionCheckpoint,
        from: Date,
    ) -> Self {
        Self {
            id: FollowUpId::new(),
            placement_id,
            participant_id,
            checkpoint,
            due_on: crate::work::add_months(from, checkpoint.months()),
            done_on: None,
            record: None,
            recorded_by: None,
            version: 1,
        }
    }

    /// Whole days past due on `today` (0 when not yet due or done).
    pub fn days_overdue(&self, today: Date) -> i64 {
        if self.done_on.is_some() || today <= self.due_on {
            0
        } else {
            (today - self.due_on).whole_days()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn checkpoints_clamp_to_the_month_end() {
        let f = |c| {
            FollowUp::due_after(
                PlacementId::new(),
                ParticipantId::new(),
                c,
                date!(2027 - 01 - 31),
            )
            .due_on
        };
        assert_eq!(f(RetentionCheckpoint::OneMonth), date!(2027 - 02 - 28));
        assert_eq!(f(RetentionCheckpoint::ThreeMonths), date!(2027 - 04 - 30));
        assert_eq!(f(RetentionCheckpoint::SixMonths), date!(2027 - 07 - 31));
        assert_eq!(f(RetentionCheckpoint::TwelveMonths), date!(2028 - 01 - 31));
    }

    #[test]
    fn hours_are_limited() {
        let mut r = FollowUpRecord {
            still_working: StillWorking::SameEmployer,
            hours_per_week: 61,
            support_given: String::new(),
            needs_recrafting: false,
            note: String::new(),
        };
        assert!(r.validate().is_err());
        r.hours_per_week = 60;
        assert!(r.validate().is_ok());
        r.still_working = StillWorking::NotWorking;
        assert!(r.validate().is_err());
    }
}
