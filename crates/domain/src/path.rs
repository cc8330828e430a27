//! The service path (palvelupolku): stages, meetings and plan items.

use crate::{DomainError, MeetingId, ParticipantId, UserId};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PathStage {
    Enrolled,
    Assessment,
    Coaching,
    Trial,
    JobOrEducation,
    Retention,
    Exited,
}

impl PathStage {
    pub const ALL: [PathStage; 7] = [
        PathStage::Enrolled,
        PathStage::Assessment,
        PathStage::Coaching,
        PathStage::Trial,
        PathStage::JobOrEducation,
        PathStage::Retention,
        PathStage::Exited,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            PathStage::Enrolled => "enrolled",
            PathStage::Assessment => "assessment",
            PathStage::Coaching => "coaching",
            PathStage::Trial => "trial",
            PathStage::JobOrEducation => "job_or_education",
            PathStage::Retention => "retention",
            PathStage::Exited => "exited",
        }
    }
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        PathStage::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or(DomainError::Invalid {
                field: "stage",
                reason: format!("unknown stage {s:?}"),
            })
    }
    /// A path moves forward or back one step at a time, or exits from anywhere; an exited path
    /// may be re-opened at `enrolled`.
    pub fn may_move_to(self, next: PathStage) -> bool {
        let (a, b) = (self as i8, next as i8);
        match self {
            PathStage::Exited => next == PathStage::Enrolled,
            _ => next == PathStage::Exited || (b - a).abs() == 1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceType {
    Office,
    OutsideOffice,
    Remote,
    PopUp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub participant_id: ParticipantId,
    pub coach_id: UserId,
    pub starts_at: OffsetDateTime,
    pub duration_min: u16,
    pub place: PlaceType,
    pub notes: String,
}

impl Meeting {
    pub fn validate(&self) -> Result<(), DomainError> {
        if !(5..=480).contains(&self.duration_min) {
            return Err(DomainError::Invalid {
                field: "duration_min",
                reason: "between 5 and 480 minutes".into(),
            });
        }
        if self.notes.chars().count() > 10_000 {
            return Err(DomainError::Invalid {
                field: "notes",
                reason: "at most 10,000 characters".into(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn transitions() {
        assert!(PathStage::Enrolled.may_move_to(PathStage::Assessment));
        assert!(!PathStage::Enrolled.may_move_to(PathStage::Trial));
        assert!(PathStage::Trial.may_move_to(PathStage::Exited));
        assert!(PathStage::Exited.may_move_to(PathStage::Enrolled));
        assert!(!PathStage::Exited.may_move_to(PathStage::Retention));
        for s in PathStage::ALL {
            assert_eq!(PathStage::parse(s.as_str()), Ok(s));
        }
    }
}

/// One item of the participant's plan (a step agreed with the coach).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    pub id: crate::PlanItemId,
    pub participant_id: ParticipantId,
    pub text: String,
    pub due: Option<time::Date>,
    pub done_at: Option<OffsetDateTime>,
    pub version: i64,
}

impl PlanItem {
    pub fn validate(&self) -> Result<(), DomainError> {
        crate::org::name("text", &self.text, 2000).map(|_| ())
    }
}

/// Documents of the service model (DESIGN.md §2, §6.7): a participant's uploaded files and the
/// documents generated from their structured data (issue 14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A file uploaded by the coach or handed over by a school (PDF, PNG, JPEG).
    Upload,
    Cv,
    /// vahvuuskuvaus
    StrengthsDescription,
    /// osaamisen koonti
    CompetenceSummary,
    /// jatkosuunnitelma
    ContinuationPlan,
    /// työtodistus
    WorkCertificate,
    TrialAgreement,
    CompetenceCertificate,
}

impl DocumentKind {
    /// The kinds generated from structured data (the documents tab offers these).
    pub const GENERATED: [DocumentKind; 5] = [
        DocumentKind::Cv,
        DocumentKind::StrengthsDescription,
        DocumentKind::CompetenceSummary,
        DocumentKind::ContinuationPlan,
        DocumentKind::WorkCertificate,
    ];

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Upload => "upload",
            DocumentKind::Cv => "cv",
            DocumentKind::StrengthsDescription => "strengths",
            DocumentKind::CompetenceSummary => "competence",
            DocumentKind::ContinuationPlan => "continuation_plan",
            DocumentKind::WorkCertificate => "work_certificate",
            DocumentKind::TrialAgreement => "trial_agreement",
            DocumentKind::CompetenceCertificate => "competence_certificate",
        }
    }

    /// Parses a stored or API name; the kinds Polku keeps as documents only (uploads, the
    /// generated kinds and the competence certificate of opinnollistaminen, migration 0038).
    pub fn parse(s: &str) -> Result<DocumentKind, crate::DomainError> {
        [DocumentKind::Upload]
            .into_iter()
            .chain(DocumentKind::GENERATED)
            .chain([DocumentKind::CompetenceCertificate])
            .find(|k| k.as_str() == s)
            .ok_or_else(|| crate::DomainError::Invalid {
                field: "kind",
                reason: format!("unknown document kind {s:?}"),
            })
    }

    /// Whether the coach's free text goes into this document (the continuation plan's next
    /// steps, the strengths description's and the certificate's own words).
    pub fn takes_note(self) -> bool {
        matches!(
            self,
            DocumentKind::ContinuationPlan
                | DocumentKind::StrengthsDescription
                | DocumentKind::CompetenceSummary
                | DocumentKind::WorkCertificate
        )
    }
}

/// A participant's document: its newest version is `version`; every version is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: crate::DocumentId,
    pub participant_id: ParticipantId,
    pub kind: DocumentKind,
    pub title: String,
    pub version: i64,
    pub created_at: OffsetDateTime,
    pub created_by: Option<UserId>,
}

#[cfg(test)]
mod plan_tests {
    use super::*;

    #[test]
    fn a_blank_plan_step_is_refused() {
        let item = PlanItem {
            id: crate::PlanItemId::new(),
            participant_id: ParticipantId::new(),
            text: " ".into(),
            due: None,
            done_at: None,
            version: 1,
        };
        assert!(item.validate().is_err());
    }
}
