//! One hit explained, as views into the index: the shapes of the JSON answer
//! (`docs/matching.md`) without copying a string. The benchmark writes them straight to JSON
//! text; the API turns them into the owned answers of [`crate::output`].

use crate::index::{Acc, Tasks};
use polku_domain::{Dimension, OpeningKind};
use serde::{Serialize, Serializer};

pub mod text;

pub use text::{DimList, Msg, Text};

/// One ranked opening for a participant (or candidate for an opening).
#[derive(Debug, Clone, Serialize)]
pub struct MatchResult<'a> {
    pub participant: &'a str,
    pub opening: &'a str,
    pub employer: &'a str,
    pub kind: OpeningKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    pub score: Micro,
    pub parts: PartsOut,
    pub explanation: [PartText<'a>; 8],
    pub fits: Vec<Fit<'a>>,
    pub to_check: Vec<Check<'a>>,
    pub accommodations: AccIds<'a>,
    pub accommodation_cost_eur: u64,
    pub accommodation_subsidies: Vec<AccSubsidy<'a>>,
    pub subsidy: Option<PaySubsidy>,
    pub hours_per_week: u16,
    pub tasks: TaskRefs<'a>,
}

/// An excluded pair and the limits it breaks.
#[derive(Debug, Clone, Serialize)]
pub struct Excluded<'a> {
    pub participant: &'a str,
    pub opening: &'a str,
    pub excluded_by: Vec<LimitOut<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskRef<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub hours_per_week: u8,
}

/// A job's tasks, listed as [`TaskRef`]s when written rather than collected first.
#[derive(Debug, Clone, Copy)]
pub struct TaskRefs<'a> {
    tasks: &'a Tasks,
    row: &'a [u32],
}

impl<'a> TaskRefs<'a> {
    /// The tasks `row` (indices into `tasks`).
    pub fn new(tasks: &'a Tasks, row: &'a [u32]) -> Self {
        Self { tasks, row }
    }
    pub fn len(&self) -> usize {
        self.row.len()
    }
    pub fn is_empty(&self) -> bool {
        self.row.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = TaskRef<'a>> + 'a {
        let tasks = self.tasks;
        self.row.iter().map(move |&t| TaskRef {
            id: &tasks.id[t as usize],
            title: &tasks.title[t as usize],
            hours_per_week: tasks.hours[t as usize],
        })
    }
}

impl Serialize for TaskRefs<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// The ids of a set of accommodations (bit `k`: the `k`th of the list), listed when written
/// rather than collected first.
#[derive(Debug, Clone, Copy)]
pub struct AccIds<'a> {
    accs: &'a [Acc],
    set: u64,
}

impl<'a> AccIds<'a> {
    pub fn new(accs: &'a [Acc], set: u64) -> Self {
        let accs = &accs[..accs.len().min(crate::accommodate::MAX_ACCS)];
        Self { accs, set }
    }
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + 'a {
        let set = self.set;
        self.accs
            .iter()
            .enumerate()
            .filter(move |(k, _)| set >> k & 1 == 1)
            .map(|(_, a)| a.id.as_str())
    }
}

impl Serialize for AccIds<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// A figure kept in millionths and written as the decimal number it stands for (50,000 is
/// written 0.05): the scores and their parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Micro(pub u32);

impl Micro {
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 1e6
    }
}

impl Serialize for Micro {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_f64())
    }
}

/// The score parts; they add up to the score.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PartsOut {
    pub essential_skills: Micro,
    pub optional_skills: Micro,
    pub learnable_gaps: Micro,
    pub language_margin: Micro,
    pub functioning_margin: Micro,
    pub accommodation_cost: Micro,
    pub goal_fit: Micro,
    pub employer_readiness: Micro,
}

/// One part with the figures behind it, and in plain words.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "part", rename_all = "snake_case")]
pub enum PartText<'a> {
    EssentialSkills {
        points: Micro,
        max: Micro,
        have: u32,
        of: u32,
        #[serde(skip_serializing_if = "Text::silent")]
        text: Text<'a>,
    },
    OptionalSkills {
        points: Micro,
        max: Micro,
        have: u32,
        of: u32,
        #[serde(skip_serializing_if = "Text::silent")]
        text: Text<'a>,
    },
    LearnableGaps {
        points: Micro,
        max: Micro,
        missing: u32,
        learnable_on_job: u32,
        #[serde(skip_serializing_if = "Text::silent")]
        text: Text<'a>,
    },
    LanguageMargin {
        points: Micro,
        max: Micro,
        /// The language with the lowest margin (none when no language is required).
        #[serde(skip_serializing_if = "Option::is_none")]
        language: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        required: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        levels_above: Option<u8>,
        #[serde(skip_serializing_if = "Text::silent")]
        text: Text<'a>,
    },
    FunctioningMargin {
        points: Micro,
        max: Micro,
        demands: u32,
        spare: u32,
        not_assessed: u32,
        #[serde(skip_serializing_if = "Text::silent")]
        text: Text<'a>,
    },
    AccommodationCost {
        points: Micro,
        max: Micro,
        cost_eur: u64,
        #[serde(skip_serializing_if = "Text::silent")]
        text: Text<'a>,
    },
    GoalFit {
        points: Micro,
        max: Micro,
        goal_hours: u32,
        #[serde(skip_serializing_if = "Text::silent")]
        text: Text<'a>,
    },
    EmployerReadiness {
        points: Micro,
        max: Micro,
        mentor: bool,
        trial_places: bool,
        #[serde(skip_serializing_if = "Text::silent")]
        text: Text<'a>,
    },
}

/// Why a pair fits.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Fit<'a> {
    Hours {
        hours_per_week: u16,
        min: u8,
        max: u8,
        #[serde(skip_serializing_if = "Text::silent")]
        text: Text<'a>,
    },
    Days {
        days_per_week: u8,
        max: u8,
        #[serde(skip_serializing_if = "Text::silent")]
        text: Text<'a>,
    },
    Municipality {
        municipality: &'a str,
        #[serde(skip_serializing_if = "Text::silent")]
        text: Text<'a>,
    },
    Language {
        language: &'a str,
        required: &'static str,
        has: &'static str,
        #[serde(skip_serializing_if = "Text::silent")]
        text: Text<'a>,
    },
    /// Every demanded, assessed dimension the person manages without support.
    Functioning {
        dimensions: DimList,
        #[serde(skip_serializing_if = "Text::silent")]
        text: Text<'a>,
    },
    Accommodated {
        dimension: Dimension,
        demand: u8,
        capacity: u8,
        accommodations: AccIds<'a>,
        #[serde(skip_serializing_if = "Text::silent")]
        text: Text<'a>,
    },
}

/// Demand and capacity on one dimension.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct DimFit {
    pub dimension: &'static str,
    pub demand: u8,
    pub capacity: u8,
}

/// A demand on a dimension the person was not assessed on.
#[derive(Debug, Clone, Serialize)]
pub struct Check<'a> {
    pub dimension: Dimension,
    pub demand: u8,
    #[serde(skip_serializing_if = "Text::silent")]
    pub text: Text<'a>,
}

/// A broken hard limit.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "limit", rename_all = "snake_case")]
pub enum LimitOut<'a> {
    Functioning {
        dimension: Dimension,
        demand: u8,
        capacity: u8,
        text: String,
    },
    Language {
        language: &'a str,
        required: &'static str,
        has: &'static str,
        text: String,
    },
    Hours {
        hours_per_week: u16,
        min: u8,
        max: u8,
        text: String,
    },
    Days {
        days_per_week: u8,
        max: u8,
        text: String,
    },
    Schedule {
        schedule: &'static str,
        text: String,
    },
    Municipality {
        municipality: &'a str,
        text: String,
    },
}

impl LimitOut<'_> {
    pub fn text(&self) -> &str {
        match self {
            LimitOut::Functioning { text, .. }
            | LimitOut::Language { text, .. }
            | LimitOut::Hours { text, .. }
            | LimitOut::Days { text, .. }
            | LimitOut::Schedule { text, .. }
            | LimitOut::Municipality { text, .. } => text,
        }
    }
}

/// A subsidy that may pay for an accommodation.
#[derive(Debug, Clone, Serialize)]
pub struct AccSubsidy<'a> {
    pub accommodation: &'a str,
    pub cost_eur: u32,
    pub subsidy: &'a str,
    pub label: Option<&'static str>,
    pub cap_eur_total: Option<u32>,
    pub in_force: bool,
}

/// The pay-subsidy estimate for a paid job.
#[derive(Debug, Clone, Serialize)]
pub struct PaySubsidy {
    pub rule: &'static str,
    pub available: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap_eur_month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_wage_eur: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours_per_week: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimate_eur_month: Option<f64>,
    #[serde(skip_serializing_if = "Text::silent")]
    pub text: Text<'static>,
}

/// `match --participant`: ranked openings.
#[derive(Debug, Clone, Serialize)]
pub struct PersonResults<'a> {
    pub participant: &'a str,
    pub results: Vec<MatchResult<'a>>,
}

/// `match --opening`: ranked candidates.
#[derive(Debug, Clone, Serialize)]
pub struct OpeningCandidates<'a> {
    pub opening: &'a str,
    pub candidates: Vec<MatchResult<'a>>,
}
