//! The engine's answers as owned, typed values (`docs/matching.md` documents their JSON). They
//! serialise to exactly the JSON of `polku match|craft` (the reviewed snapshots in
//! `tests/snapshots/` prove it), and a caller in Rust reads their fields instead of JSON keys,
//! so a renamed field is a compile error rather than an empty cell on a page.

use polku_domain::{Dimension, OpeningKind};
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

mod allocation;
mod from_hit;

pub use allocation::{Allocation, AllocationExplained, Assignment, Unplaced, UnplacedReason};

/// `match --participant`: the participant's ranked openings, then (when asked for) the
/// openings excluded by a hard limit, by opening id. Written as `{participant, results}` with
/// the excluded entries after the ranked ones.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonMatches {
    pub participant: String,
    pub results: Vec<Ranked>,
    pub excluded: Vec<Excluded>,
}

/// `match --opening`: the opening's ranked candidates, then (when asked for) the people
/// excluded by a hard limit. Written as `{opening, candidates}`.
#[derive(Debug, Clone, PartialEq)]
pub struct OpeningMatches {
    pub opening: String,
    pub candidates: Vec<Ranked>,
    pub excluded: Vec<Excluded>,
}

/// The answer of `polku match`, in the direction it was asked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Matches {
    Person(PersonMatches),
    Opening(OpeningMatches),
    /// Without `--participant` and `--opening`: every participant's ranked openings.
    Everyone {
        participants: Vec<PersonMatches>,
    },
}

/// Ranked entries followed by excluded ones, as one JSON array.
struct Entries<'a>(&'a [Ranked], &'a [Excluded]);

impl Serialize for Entries<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len() + self.1.len()))?;
        for r in self.0 {
            seq.serialize_element(r)?;
        }
        for e in self.1 {
            seq.serialize_element(e)?;
        }
        seq.end()
    }
}

impl Serialize for PersonMatches {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("PersonMatches", 2)?;
        m.serialize_field("participant", &self.participant)?;
        m.serialize_field("results", &Entries(&self.results, &self.excluded))?;
        m.end()
    }
}

impl Serialize for OpeningMatches {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("OpeningMatches", 2)?;
        m.serialize_field("opening", &self.opening)?;
        m.serialize_field("candidates", &Entries(&self.candidates, &self.excluded))?;
        m.end()
    }
}

/// One feasible (participant, opening) pair, scored and explained.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    pub participant: String,
    pub opening: String,
    pub employer: String,
    pub kind: OpeningKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// In [0, 1]; the parts add up to it.
    pub score: f64,
    pub parts: Parts,
    /// Every part with the figures behind it, in the order of [`Parts`].
    pub explanation: Vec<Explained>,
    pub fits: Vec<Fit>,
    pub to_check: Vec<Check>,
    pub accommodations: Vec<String>,
    pub accommodation_cost_eur: u64,
    pub accommodation_subsidies: Vec<AccSubsidy>,
    /// The pay-subsidy estimate; none for an unpaid opening.
    pub subsidy: Option<PaySubsidy>,
    pub hours_per_week: u16,
    pub tasks: Vec<TaskLine>,
}

/// A pair excluded by hard limits, and the limits it breaks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Excluded {
    pub participant: String,
    pub opening: String,
    pub excluded_by: Vec<Limit>,
}

/// One task of a job.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskLine {
    pub id: String,
    pub title: String,
    pub hours_per_week: u8,
}

/// The score parts; they add up to the score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Parts {
    pub essential_skills: f64,
    pub optional_skills: f64,
    pub learnable_gaps: f64,
    pub language_margin: f64,
    pub functioning_margin: f64,
    pub accommodation_cost: f64,
    pub goal_fit: f64,
    pub employer_readiness: f64,
}

/// One score part with its points, its maximum, the figures behind it and an English sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explained {
    pub points: f64,
    pub max: f64,
    #[serde(flatten)]
    pub part: Part,
    pub text: String,
}

/// Which part, with the figures behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "part", rename_all = "snake_case")]
pub enum Part {
    EssentialSkills {
        have: u32,
        of: u32,
    },
    OptionalSkills {
        have: u32,
        of: u32,
    },
    LearnableGaps {
        missing: u32,
        learnable_on_job: u32,
    },
    /// The required language with the lowest margin; `None` when no language is required.
    LanguageMargin {
        #[serde(flatten)]
        lowest: Option<LanguageMargin>,
    },
    FunctioningMargin {
        demands: u32,
        spare: u32,
        not_assessed: u32,
    },
    AccommodationCost {
        cost_eur: u64,
    },
    GoalFit {
        goal_hours: u32,
    },
    EmployerReadiness {
        mentor: bool,
        trial_places: bool,
    },
}

/// The required language with the lowest margin over a job's tasks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LanguageMargin {
    pub language: String,
    /// The CEFR level required.
    pub required: &'static str,
    pub levels_above: u8,
}

/// Why a pair fits, with an English sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fit {
    #[serde(flatten)]
    pub why: Fits,
    pub text: String,
}

/// What fits, with its figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Fits {
    Hours {
        hours_per_week: u16,
        min: u8,
        max: u8,
    },
    Days {
        days_per_week: u8,
        max: u8,
    },
    Municipality {
        municipality: String,
    },
    Language {
        language: String,
        required: &'static str,
        has: &'static str,
    },
    /// Every demanded, assessed dimension the person manages without support.
    Functioning {
        dimensions: Vec<DimFit>,
    },
    /// A gap on one dimension that the listed accommodations close.
    Accommodated {
        dimension: Dimension,
        demand: u8,
        capacity: u8,
        accommodations: Vec<String>,
    },
}

impl Fits {
    /// The item's `code` in the JSON answer.
    pub fn code(&self) -> &'static str {
        match self {
            Fits::Hours { .. } => "hours",
            Fits::Days { .. } => "days",
            Fits::Municipality { .. } => "municipality",
            Fits::Language { .. } => "language",
            Fits::Functioning { .. } => "functioning",
            Fits::Accommodated { .. } => "accommodated",
        }
    }
}

/// Demand and capacity on one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DimFit {
    pub dimension: Dimension,
    pub demand: u8,
    pub capacity: u8,
}

/// A demand on a dimension the person was not assessed on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub dimension: Dimension,
    pub demand: u8,
    pub text: String,
}

/// A broken hard limit, with an English sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Limit {
    #[serde(flatten)]
    pub limit: Limits,
    pub text: String,
}

/// Which hard limit, with its figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "limit", rename_all = "snake_case")]
pub enum Limits {
    Functioning {
        dimension: Dimension,
        demand: u8,
        capacity: u8,
    },
    Language {
        language: String,
        required: &'static str,
        has: &'static str,
    },
    Hours {
        hours_per_week: u16,
        min: u8,
        max: u8,
    },
    Days {
        days_per_week: u8,
        max: u8,
    },
    /// `evenings`, `nights` or `weekends`.
    Schedule {
        schedule: &'static str,
    },
    Municipality {
        municipality: String,
    },
}

/// A subsidy that may pay for an accommodation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AccSubsidy {
    pub accommodation: String,
    pub cost_eur: u32,
    /// The rule key, e.g. `jarjestelytuki.tools`.
    pub subsidy: String,
    pub label: Option<&'static str>,
    pub cap_eur_total: Option<u32>,
    pub in_force: bool,
}

/// The pay-subsidy estimate for a paid job.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PaySubsidy {
    pub rule: &'static str,
    /// False when the rule is missing from the rules data on the day.
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
    pub text: String,
}

/// `craft`: the best job from one employer's tasks for one participant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Crafted {
    pub participant: String,
    pub employer: String,
    /// False when no set of feasible tasks reaches the minimum hours.
    pub found: bool,
    /// The chosen tasks' ids.
    pub tasks: Vec<String>,
    pub hours_per_week: u16,
    pub hours_range: HoursRange,
    pub accommodations: Vec<String>,
    pub accommodation_cost_eur: u64,
    pub accommodation_subsidies: Vec<AccSubsidy>,
    /// The crafting objective (1 = one value point = €1,000).
    pub objective: f64,
    pub score: f64,
    pub parts: Parts,
    pub explanation: Vec<Explained>,
    pub subsidy: Option<PaySubsidy>,
    pub left_out: Vec<LeftOut>,
    pub description: Descriptions,
}

/// The hours per week a crafted job had to fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HoursRange {
    pub min: u8,
    pub max: u8,
}

/// A task of the employer that the crafted job leaves out, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut {
    pub task: String,
    #[serde(flatten)]
    pub reason: Reason,
    pub text: String,
}

/// Why a task was left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// On its own it breaks these hard limits.
    HardLimit { excluded_by: Vec<Limit> },
    /// Its hours do not fit (alone, or beside the chosen tasks).
    Hours,
    /// No set of feasible tasks reaches the minimum hours.
    MinHours,
    /// It would need accommodations costing more than it adds.
    AccommodationCost { extra_cost_eur: u64 },
    /// A set without it gives more value.
    LowerValue,
}

/// The crafted job described in each language the engine writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Descriptions {
    pub fi: String,
    pub sv: String,
    pub en: String,
    /// Plain-language Finnish.
    #[serde(rename = "fi-x-selko")]
    pub fi_x_selko: String,
}

impl Descriptions {
    /// The description for a locale tag (`fi`, `sv`, `en`, `fi-x-selko`); Finnish otherwise.
    pub fn get(&self, tag: &str) -> &str {
        match tag {
            "sv" => &self.sv,
            "en" => &self.en,
            "fi-x-selko" => &self.fi_x_selko,
            _ => &self.fi,
        }
    }
}
