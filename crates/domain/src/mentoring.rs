//! Workplace mentoring (työpaikkaohjaaja): check-ins a workplace mentor logs during a
//! placement, per-task feedback, and the evidence that feedback offers the coach for the
//! participant's skills or functioning profile. Nothing here changes a profile: evidence is a
//! proposal that the coach accepts or rejects.

use crate::ids::id_type;
use crate::{Dimension, DomainError, EscoUri, Level, ParticipantId, PlacementId, TaskId, UserId};
use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

id_type!(CheckinId, TaskFeedbackId, EvidenceId);

/// The longest note, written feedback or self-assessment, in characters.
pub const TEXT_MAX: usize = 4000;

fn rule(field: &'static str, rule: &'static str) -> DomainError {
    DomainError::Rule { field, rule }
}

/// Checks a free text: at most [`TEXT_MAX`] characters.
pub fn check_text(field: &'static str, text: &str) -> Result<(), DomainError> {
    if text.chars().count() > TEXT_MAX {
        Err(rule(field, "mentor_text_too_long"))
    } else {
        Ok(())
    }
}

/// One check-in (ohjauskerta): when, how long, and a note that may touch on health (sealed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkin {
    pub id: CheckinId,
    pub placement_id: PlacementId,
    pub participant_id: ParticipantId,
    pub mentor_id: UserId,
    pub on: Date,
    /// 1–600.
    pub minutes: u16,
    pub note: String,
    pub created_at: OffsetDateTime,
}

impl Checkin {
    /// The minutes are 1–600, the date within the placement (`starts_on` … `ends_on`, not in
    /// the future), the note at most [`TEXT_MAX`] characters.
    pub fn validate(
        &self,
        starts_on: Date,
        ends_on: Option<Date>,
        today: Date,
    ) -> Result<(), DomainError> {
        if !(1..=600).contains(&self.minutes) {
            return Err(rule("minutes", "checkin_minutes_range"));
        }
        if self.on < starts_on || ends_on.is_some_and(|e| self.on > e) {
            return Err(rule("on", "checkin_outside_placement"));
        }
        if self.on > today {
            return Err(rule("on", "checkin_in_future"));
        }
        check_text("note", &self.note)
    }
}

/// How the participant manages a task, in the workplace mentor's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackLevel {
    /// Does it independently.
    Independent,
    /// Does it with support.
    WithSupport,
    /// Not yet.
    NotYet,
}

impl FeedbackLevel {
    pub const ALL: [FeedbackLevel; 3] = [
        FeedbackLevel::Independent,
        FeedbackLevel::WithSupport,
        FeedbackLevel::NotYet,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FeedbackLevel::Independent => "independent",
            FeedbackLevel::WithSupport => "with_support",
            FeedbackLevel::NotYet => "not_yet",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| rule("level", "feedback_level_unknown"))
    }
}

/// Feedback on one task of a placement (the latest one counts; earlier ones stay on record).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskFeedback {
    pub id: TaskFeedbackId,
    pub placement_id: PlacementId,
    pub participant_id: ParticipantId,
    pub task_id: TaskId,
    pub level: FeedbackLevel,
    pub note: String,
    pub given_by: UserId,
    pub given_at: OffsetDateTime,
}

/// What a piece of evidence is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Skill,
    Functioning,
}

impl EvidenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Skill => "skill",
            EvidenceKind::Functioning => "functioning",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        match s {
            "skill" => Ok(EvidenceKind::Skill),
            "functioning" => Ok(EvidenceKind::Functioning),
            _ => Err(rule("kind", "evidence_kind_unknown")),
        }
    }
}

/// What the evidence proposes: a skill to add (with work-trial evidence), or a level on a
/// functioning dimension (special category: stored sealed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum EvidenceWhat {
    Skill { skill: EscoUri },
    Functioning { dimension: Dimension, level: Level },
}

impl EvidenceWhat {
    pub fn kind(&self) -> EvidenceKind {
        match self {
            EvidenceWhat::Skill { .. } => EvidenceKind::Skill,
            EvidenceWhat::Functioning { .. } => EvidenceKind::Functioning,
        }
    }
}

/// Whether the coach has decided on a piece of evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceState {
    Open,
    Accepted,
    Rejected,
}

impl EvidenceState {
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceState::Open => "open",
            EvidenceState::Accepted => "accepted",
            EvidenceState::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        match s {
            "open" => Ok(EvidenceState::Open),
            "accepted" => Ok(EvidenceState::Accepted),
            "rejected" => Ok(EvidenceState::Rejected),
            _ => Err(rule("state", "evidence_state_unknown")),
        }
    }
}

/// Evidence for the coach: what was observed, where (`source`, e.g. "observed in the work trial
/// at X, 3.2.–28.2.2027" as facts: employer name and dates), and the coach's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceItem {
    pub id: EvidenceId,
    pub participant_id: ParticipantId,
    pub placement_id: PlacementId,
    pub what: EvidenceWhat,
    /// The employer's name and the placement's dates, as the source is shown.
    pub source_employer: String,
    pub source_from: Date,
    pub source_to: Option<Date>,
    pub state: EvidenceState,
    pub decided_by: Option<UserId>,
    pub decided_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn checkin(minutes: u16, on: Date) -> Checkin {
        Checkin {
            id: CheckinId::new(),
            placement_id: PlacementId::new(),
            participant_id: ParticipantId::new(),
            mentor_id: UserId::new(),
            on,
            minutes,
            note: String::new(),
            created_at: datetime!(2027-02-10 12:00 UTC),
        }
    }

    #[test]
    fn checkin_minutes_and_dates() {
        let (s, e, today) = (
            date!(2027 - 02 - 01),
            Some(date!(2027 - 02 - 28)),
            date!(2027 - 02 - 10),
        );
        assert!(checkin(1, s).validate(s, e, today).is_ok());
        assert!(checkin(600, s).validate(s, e, today).is_ok());
        for m in [0, 601] {
            assert_eq!(
                checkin(m, s).validate(s, e, today),
                Err(rule("minutes", "checkin_minutes_range"))
            );
        }
        assert!(checkin(30, date!(2027 - 01 - 31))
            .validate(s, e, today)
            .is_err());
        assert!(checkin(30, date!(2027 - 02 - 11))
            .validate(s, e, today)
            .is_err());
    }

    #[test]
    fn levels_round_trip() {
        for l in FeedbackLevel::ALL {
            assert_eq!(FeedbackLevel::parse(l.as_str()), Ok(l));
        }
        assert!(FeedbackLevel::parse("great").is_err());
    }
}
