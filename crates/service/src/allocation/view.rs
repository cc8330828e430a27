//! What the allocation use case answers: the choices for the form and the computed view, built
//! from the engine's explained allocation with participants shown pseudonymously.

use polku_domain::{Dimension, OpeningId, OpeningKind, ParticipantId, PathStage};
use polku_matching::output::{Explained, Parts};
use sha2::{Digest, Sha256};
use time::Date;

/// The stages of a path that is looking for a trial place: coaching (preparing for one) and
/// trial (the trial phase, which may need another host).
pub const LOOKING_FOR_TRIAL: [PathStage; 2] = [PathStage::Coaching, PathStage::Trial];

/// What the form sent: the chosen openings and people.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    pub openings: Vec<OpeningId>,
    pub participants: Vec<ParticipantId>,
}

/// How a person is shown: "Participant 3" (their place in the project's list of people looking
/// for a trial, longest waiting first), or a name an active share to the viewer allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pseudonym {
    pub number: usize,
    pub name: Option<String>,
}

/// A trial opening that can be chosen, with its free places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpeningChoice {
    pub id: OpeningId,
    pub employer: String,
    pub title: String,
    pub kind: OpeningKind,
    /// Places offered (the opening's capacity less places known to be taken).
    pub capacity: u16,
}

/// A participant who can be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonChoice {
    pub id: ParticipantId,
    pub label: Pseudonym,
    pub stage: PathStage,
    pub waiting_since: Date,
}

/// What the form offers: the project's trial openings and the people looking for a trial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllocationChoices {
    pub openings: Vec<OpeningChoice>,
    pub people: Vec<PersonChoice>,
}

/// How much of each person's explanation the viewer gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Score parts, what fits (codes) and what to check, per person (coordinators).
    PerPerson,
    /// Totals and averages only (managers, R13/R18).
    Aggregate,
}

/// One assignment's explanation as a coordinator sees it: the score parts (the suggestions
/// page's explanation), what fits as codes and the demanded dimensions to check, never the
/// person's functioning levels.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedExplanation {
    pub parts: Vec<Explained>,
    pub fits: Vec<&'static str>,
    pub to_check: Vec<Dimension>,
}

/// A person placed in an opening.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub participant: ParticipantId,
    pub label: Pseudonym,
    pub score: f64,
    pub fairness_bonus: f64,
    /// `None` for [`Detail::Aggregate`].
    pub explanation: Option<PlacedExplanation>,
}

/// An opening with the people placed in it.
#[derive(Debug, Clone, PartialEq)]
pub struct OpeningResult {
    pub opening: OpeningChoice,
    pub placed: Vec<Placed>,
}

/// Why a chosen person got no place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoPlace {
    /// No chosen opening fits; the kinds of hard limit broken (`hours`, `functioning`, …),
    /// without figures. Empty for [`Detail::Aggregate`].
    NoFit { limits: Vec<&'static str> },
    /// Openings fit (this many), but their places give a higher total to others.
    PlacesTaken { feasible: usize },
}

/// A chosen person and where they go.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonResult {
    pub participant: ParticipantId,
    pub label: Pseudonym,
    pub opening: Option<OpeningId>,
    pub no_place: Option<NoPlace>,
}

/// The same people and places shared "first come, first served" (longest waiting first, each
/// taking their best opening with a free place), for comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Greedy {
    pub total: f64,
    pub total_micro: i64,
    pub placed: usize,
    /// People whose outcome differs from the optimal assignment.
    pub differs: usize,
}

/// The optimal assignment of the chosen people to the chosen openings, explained.
#[derive(Debug, Clone, PartialEq)]
pub struct AllocationView {
    pub detail: Detail,
    pub openings: Vec<OpeningResult>,
    pub people: Vec<PersonResult>,
    /// Σ (score + fairness bonus), in score units; `total_micro` is the exact integer.
    pub total: f64,
    pub total_micro: i64,
    pub fairness_weight: f64,
    pub placed: usize,
    /// The average score parts over the placed people (the aggregate explanation); for
    /// [`Detail::Aggregate`] only when at least [`MIN_AGGREGATE`] are placed.
    pub average_parts: Option<Parts>,
    pub greedy: Greedy,
    /// SHA-256 (hex) of the assignment shown: accepting it later is refused if it changed.
    pub fingerprint: String,
    /// Whether the viewer may accept it (coordinators).
    pub may_accept: bool,
}

impl AllocationView {
    /// The opening a person was placed in, for the page.
    pub fn opening(&self, id: OpeningId) -> Option<&OpeningChoice> {
        self.openings
            .iter()
            .map(|o| &o.opening)
            .find(|o| o.id == id)
    }
}

/// The fingerprint of an assignment: its pairs (sorted) and the offered places.
pub fn fingerprint(openings: &[OpeningResult], people: &[PersonResult]) -> String {
    let mut lines: Vec<String> = openings
        .iter()
        .map(|o| format!("o {} {}", o.opening.id, o.opening.capacity))
        .chain(people.iter().map(|p| {
            let to = p.opening.map_or_else(|| "-".to_owned(), |o| o.to_string());
            format!("p {} {to}", p.participant)
        }))
        .collect();
    lines.sort();
    crate::crypto::hex_encode(&Sha256::digest(lines.join("\n").as_bytes()))
}

/// Fewer placed people than this: no averages for a manager (as the reports suppress cells
/// under five), so that no one person's figures can be read from them.
pub const MIN_AGGREGATE: usize = 5;

/// The average of the score parts.
pub fn average(parts: &[Parts]) -> Option<Parts> {
    let n = parts.len() as f64;
    let sum = |f: fn(&Parts) -> f64| parts.iter().map(f).sum::<f64>() / n;
    (!parts.is_empty()).then(|| Parts {
        essential_skills: sum(|p| p.essential_skills),
        optional_skills: sum(|p| p.optional_skills),
        learnable_gaps: sum(|p| p.learnable_gaps),
        language_margin: sum(|p| p.language_margin),
        functioning_margin: sum(|p| p.functioning_margin),
        accommodation_cost: sum(|p| p.accommodation_cost),
        goal_fit: sum(|p| p.goal_fit),
        employer_readiness: sum(|p| p.employer_readiness),
    })
}
