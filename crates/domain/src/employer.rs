//! Employers, their task inventories, needs, interactions and openings.

use crate::{
    org::name, BusinessId, CefrLevel, DemandProfile, DomainError, EmployerId, EscoUri,
    InteractionId, LanguageCode, MunicipalityCode, NeedId, OpeningId, ProjectId, TaskId, UserId,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::{Date, OffsetDateTime};

/// How deep the cooperation with an employer is (DESIGN.md §6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CooperationDepth {
    Contacted,
    Engaged,
    Deeper,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployerSize {
    Micro,
    Small,
    Medium,
    Large,
}

/// The employer's legal form: which pay-subsidy rules an employer may get depends on it (the
/// 100 % rule only for associations, foundations and religious communities; municipalities only
/// for reduced work ability or 60+ long-term unemployed from 2025-01-01; nothing for the state).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalForm {
    Company,
    SoleTrader,
    Association,
    Foundation,
    ReligiousCommunity,
    /// A municipality or a joint municipal authority.
    Municipality,
    State,
    Other,
}

impl LegalForm {
    pub const ALL: [LegalForm; 8] = [
        LegalForm::Company,
        LegalForm::SoleTrader,
        LegalForm::Association,
        LegalForm::Foundation,
        LegalForm::ReligiousCommunity,
        LegalForm::Municipality,
        LegalForm::State,
        LegalForm::Other,
    ];

    /// The stored and serialised code, e.g. `religious_community`.
    pub fn code(self) -> &'static str {
        match self {
            LegalForm::Company => "company",
            LegalForm::SoleTrader => "sole_trader",
            LegalForm::Association => "association",
            LegalForm::Foundation => "foundation",
            LegalForm::ReligiousCommunity => "religious_community",
            LegalForm::Municipality => "municipality",
            LegalForm::State => "state",
            LegalForm::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    /// An association, foundation or registered religious community (the 100 % rule).
    pub fn is_nonprofit(self) -> bool {
        matches!(
            self,
            LegalForm::Association | LegalForm::Foundation | LegalForm::ReligiousCommunity
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Employer {
    pub id: EmployerId,
    pub project_id: ProjectId,
    pub coordinator_id: Option<UserId>,
    pub business_id: BusinessId,
    pub name: String,
    /// TOL 2008 industry code, e.g. `81210` (general cleaning of buildings).
    pub industry_tol: String,
    pub size: EmployerSize,
    pub municipalities: Vec<MunicipalityCode>,
    pub cooperation: CooperationDepth,
    pub mentor_available: bool,
    /// `None` while not recorded (the estimate then names it as the missing fact).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_form: Option<LegalForm>,
    pub version: i64,
}

pub use crate::industry::tol_code;

impl Employer {
    pub fn validate(&self) -> Result<(), DomainError> {
        name("name", &self.name, 200)?;
        tol_code(&self.industry_tol)?;
        if self.municipalities.is_empty() {
            return Err(DomainError::Invalid {
                field: "municipalities",
                reason: "at least one municipality".into(),
            });
        }
        Ok(())
    }
}

/// When a task is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Schedule {
    Daytime,
    Evenings,
    Nights,
    Weekends,
    Flexible,
}

/// A work task in an employer's inventory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: TaskId,
    pub employer_id: EmployerId,
    pub title: String,
    pub description: String,
    pub skills_essential: Vec<EscoUri>,
    pub skills_optional: Vec<EscoUri>,
    pub languages: BTreeMap<LanguageCode, CefrLevel>,
    pub demands: DemandProfile,
    pub hours_per_week: u8,
    pub days_per_week: u8,
    pub schedule: Schedule,
    pub municipality: MunicipalityCode,
    pub learnable_on_job: bool,
    /// Value to the employer, 1–5.
    pub value: u8,
    /// The ESCO occupation the task belongs to, for goal fit in matching.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation: Option<EscoUri>,
    pub version: i64,
}

impl Task {
    pub fn validate(&self) -> Result<(), DomainError> {
        name("title", &self.title, 200)?;
        if !(1..=40).contains(&self.hours_per_week) {
            return Err(DomainError::Invalid {
                field: "hours_per_week",
                reason: "1-40 hours".into(),
            });
        }
        if !(1..=7).contains(&self.days_per_week) {
            return Err(DomainError::Invalid {
                field: "days_per_week",
                reason: "1-7 days".into(),
            });
        }
        crate::language::check_known(self.languages.keys())?;
        if !(1..=5).contains(&self.value) {
            return Err(DomainError::Invalid {
                field: "value",
                reason: "1-5".into(),
            });
        }
        if self
            .skills_essential
            .iter()
            .chain(&self.skills_optional)
            .any(|s| s.kind() != crate::EscoKind::Skill)
        {
            return Err(DomainError::Invalid {
                field: "skills",
                reason: "ESCO skill URIs only".into(),
            });
        }
        if self
            .occupation
            .as_ref()
            .is_some_and(|o| o.kind() != crate::EscoKind::Occupation)
        {
            return Err(DomainError::Invalid {
                field: "occupation",
                reason: "an ESCO occupation URI".into(),
            });
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpeningKind {
    Job,
    WorkTrial,
    EducationTrial,
    Apprenticeship,
    Gig,
}

impl OpeningKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OpeningKind::Job => "job",
            OpeningKind::WorkTrial => "work_trial",
            OpeningKind::EducationTrial => "education_trial",
            OpeningKind::Apprenticeship => "apprenticeship",
            OpeningKind::Gig => "gig",
        }
    }
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        [
            Self::Job,
            Self::WorkTrial,
            Self::EducationTrial,
            Self::Apprenticeship,
            Self::Gig,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
        .ok_or(DomainError::Invalid {
            field: "kind",
            reason: format!("unknown opening kind {s:?}"),
        })
    }
}

/// A job made of tasks at one employer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opening {
    pub id: OpeningId,
    pub employer_id: EmployerId,
    pub kind: OpeningKind,
    pub title: String,
    pub tasks: Vec<TaskId>,
    pub municipality: MunicipalityCode,
    pub capacity: u16,
    pub monthly_wage_eur: Option<u32>,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
    pub version: i64,
}

impl Opening {
    pub fn validate(&self) -> Result<(), DomainError> {
        name("title", &self.title, 200)?;
        if self.tasks.is_empty() {
            return Err(DomainError::Invalid {
                field: "tasks",
                reason: "an opening needs at least one task".into(),
            });
        }
        if self.capacity == 0 {
            return Err(DomainError::Invalid {
                field: "capacity",
                reason: "at least 1".into(),
            });
        }
        if matches!(
            self.kind,
            OpeningKind::WorkTrial | OpeningKind::EducationTrial
        ) && self.monthly_wage_eur.is_some()
        {
            return Err(DomainError::Invalid {
                field: "monthly_wage_eur",
                reason: "trials are unpaid".into(),
            });
        }
        if let (Some(s), Some(e)) = (self.starts_on, self.ends_on) {
            if e < s {
                return Err(DomainError::Invalid {
                    field: "ends_on",
                    reason: "ends before it starts".into(),
                });
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InteractionKind {
    Call,
    Visit,
    Event,
    Email,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interaction {
    pub id: InteractionId,
    pub employer_id: EmployerId,
    pub by: UserId,
    pub kind: InteractionKind,
    pub at: OffsetDateTime,
    pub summary: String,
}

/// A need heard from an employer; `hidden` marks a job that was never advertised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need {
    pub id: NeedId,
    pub employer_id: EmployerId,
    pub description: String,
    pub hidden: bool,
    pub heard_at: Date,
}
