//! The matching input file (`polku match|craft|allocate --input FILE.json`), documented with a
//! JSON Schema in `docs/matching.md`. The service builds the same structure from the database.
//! Value types come from the domain crate, so a parsed `Input` holds only well-formed levels,
//! CEFR levels, ESCO URIs and municipality codes; [`crate::validate`] checks the rest.

use polku_domain::{
    CefrLevel, Dimension, EscoUri, LanguageCode, Level, MunicipalityCode, OpeningKind, Schedule,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything one matching run needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// Optional JSON Schema reference; ignored.
    #[serde(default, rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub employers: Vec<Employer>,
    /// When given, replaces the built-in accommodation catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accommodations: Option<Vec<Accommodation>>,
    /// Settings of `allocate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation: Option<AllocationSettings>,
}

/// Hours per week, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    pub min: u8,
    pub max: u8,
}

fn yes() -> bool {
    true
}

/// A person as the engine sees them: capacities, languages, skills, availability and mobility.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub id: String,
    /// Home municipality (always acceptable).
    pub municipality: MunicipalityCode,
    #[serde(default)]
    pub acceptable_municipalities: Vec<MunicipalityCode>,
    pub hours_per_week: Hours,
    pub days_per_week_max: u8,
    #[serde(default)]
    pub languages: BTreeMap<LanguageCode, CefrLevel>,
    /// ESCO skill URIs.
    #[serde(default)]
    pub skills: Vec<EscoUri>,
    /// ESCO occupation URIs.
    #[serde(default)]
    pub goals: Vec<EscoUri>,
    /// Capacity per dimension; a missing key means "not assessed".
    #[serde(default)]
    pub capacity: BTreeMap<Dimension, Level>,
    #[serde(default)]
    pub waiting_days: u32,
    #[serde(default = "yes")]
    pub evenings: bool,
    #[serde(default = "yes")]
    pub nights: bool,
    #[serde(default = "yes")]
    pub weekends: bool,
    /// Reduced work ability (the 70 % pay-subsidy rule).
    #[serde(default)]
    pub reduced_work_ability: bool,
    /// Date of birth, when known (the 55+ and 60+ subsidy rules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<time::Date>,
    /// Year of birth, used when the date is not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_year: Option<u16>,
    /// Long-term unemployed (the 60+ rule).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub long_term_unemployed: bool,
    /// Months unemployed within the last 28 (the 100 % and 55+ rules), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unemployed_months_of_28: Option<u8>,
}

impl Participant {
    /// What the subsidy rules need of the person.
    pub fn subsidy_facts(&self) -> crate::subsidies::PersonFacts {
        crate::subsidies::PersonFacts {
            birth_date: self.birth_date,
            birth_year: self.birth_year,
            reduced_work_ability: self.reduced_work_ability,
            long_term_unemployed: self.long_term_unemployed,
            unemployed_months_of_28: self.unemployed_months_of_28,
        }
    }
}

/// An employer with its task inventory and openings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Employer {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub municipality: MunicipalityCode,
    #[serde(default)]
    pub mentor_available: bool,
    /// Hourly wage used for the subsidy estimate of a crafted job.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hourly_wage_eur: Option<f64>,
    /// Legal form (which pay-subsidy rules the employer may get); unknown when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_form: Option<polku_domain::LegalForm>,
    #[serde(default)]
    pub tasks: Vec<Task>,
    #[serde(default)]
    pub openings: Vec<Opening>,
}

/// One task of an employer's inventory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub id: String,
    pub title: String,
    pub hours_per_week: u8,
    /// Days per week the task needs; defaults to `ceil(hours / 8)`, at most 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_per_week: Option<u8>,
    #[serde(default)]
    pub demands: BTreeMap<Dimension, Level>,
    #[serde(default)]
    pub skills_essential: Vec<EscoUri>,
    #[serde(default)]
    pub skills_optional: Vec<EscoUri>,
    #[serde(default)]
    pub languages: BTreeMap<LanguageCode, CefrLevel>,
    #[serde(default)]
    pub learnable_on_job: bool,
    /// Value to the employer, 1–5.
    pub value: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    /// The ESCO occupation this task belongs to (for goal fit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation: Option<EscoUri>,
}

impl Task {
    /// Days per week, with the default applied.
    pub fn days(&self) -> u8 {
        self.days_per_week
            .unwrap_or_else(|| self.hours_per_week.div_ceil(8).clamp(1, 5))
    }
}

fn one() -> u16 {
    1
}

/// A job made of tasks at one employer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opening {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub kind: OpeningKind,
    /// Defaults to the employer's municipality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<MunicipalityCode>,
    #[serde(default = "one")]
    pub capacity: u16,
    /// Task ids of this employer.
    pub tasks: Vec<String>,
    /// Monthly pay for the opening's hours (none for trials).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_wage_eur: Option<u32>,
}

/// A workplace adjustment: relieves dimensions by levels at a cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accommodation {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub relieves: BTreeMap<Dimension, u8>,
    pub cost_eur: u32,
    /// Subsidy rule key that may pay for it, e.g. `jarjestelytuki.tools`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subsidy: Option<String>,
}

/// Settings of the allocation objective.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllocationSettings {
    /// Weight of waiting time: an assignment earns `fairness_weight × min(waiting_days, 365) / 365`
    /// on top of its score. Default 0.2.
    #[serde(default = "default_fairness")]
    pub fairness_weight: f64,
}

fn default_fairness() -> f64 {
    0.2
}

impl Default for AllocationSettings {
    fn default() -> Self {
        Self {
            fairness_weight: default_fairness(),
        }
    }
}

impl Input {
    /// The accommodations in force: the input's list, or the built-in catalogue.
    pub fn accommodation_list(&self) -> Vec<Accommodation> {
        match &self.accommodations {
            Some(list) => list.clone(),
            None => polku_domain::catalogue::accommodations()
                .iter()
                .map(|a| Accommodation {
                    id: a.id.clone(),
                    label: Some(a.label.en.clone()),
                    relieves: a.relieves.clone(),
                    cost_eur: a.cost_eur,
                    subsidy: a.subsidy.clone(),
                })
                .collect(),
        }
    }
}
