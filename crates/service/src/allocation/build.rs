//! The engine's explained allocation turned into the view, with participants by pseudonym.

use super::view::{
    self, AllocationView, Detail, Greedy, NoPlace, OpeningChoice, OpeningResult, PersonChoice,
    PersonResult, Placed, PlacedExplanation,
};
use crate::{Result, ServiceError};
use polku_domain::{OpeningId, ParticipantId};
use polku_matching::output::{AllocationExplained, Ranked, UnplacedReason};
use std::collections::BTreeMap;

fn explanation(r: &Ranked) -> PlacedExplanation {
    let mut fits: Vec<&'static str> = r.fits.iter().map(|f| f.why.code()).collect();
    fits.dedup();
    let mut to_check: Vec<_> = r.to_check.iter().map(|c| c.dimension).collect();
    to_check.dedup();
    PlacedExplanation {
        parts: r.explanation.clone(),
        fits,
        to_check,
    }
}

fn limit_code(l: &polku_matching::output::Limits) -> &'static str {
    use polku_matching::output::Limits as L;
    match l {
        L::Functioning { .. } => "functioning",
        L::Language { .. } => "language",
        L::Hours { .. } => "hours",
        L::Days { .. } => "days",
        L::Schedule { .. } => "schedule",
        L::Municipality { .. } => "municipality",
    }
}

/// The view of the engine's answer, with participants by pseudonym.
pub(super) fn build_view(
    detail: Detail,
    openings: &[&OpeningChoice],
    people: &[&PersonChoice],
    a: &AllocationExplained,
) -> Result<AllocationView> {
    let per_person = detail == Detail::PerPerson;
    let label: BTreeMap<String, &PersonChoice> =
        people.iter().map(|p| (p.id.to_string(), *p)).collect();
    let person = |id: &str| {
        label
            .get(id)
            .copied()
            .ok_or(ServiceError::Internal("allocation"))
    };
    let explained: BTreeMap<&str, &Ranked> = a
        .explained
        .iter()
        .map(|r| (r.participant.as_str(), r))
        .collect();
    let mut results: Vec<OpeningResult> = openings
        .iter()
        .map(|o| OpeningResult {
            opening: (*o).clone(),
            placed: Vec::new(),
        })
        .collect();
    let mut placed_in: BTreeMap<ParticipantId, OpeningId> = BTreeMap::new();
    let mut parts = Vec::new();
    for x in &a.allocation.assignments {
        let p = person(&x.participant)?;
        let o = OpeningId::parse(&x.opening)?;
        placed_in.insert(p.id, o);
        let ranked = explained.get(x.participant.as_str());
        parts.extend(ranked.map(|r| r.parts));
        if let Some(r) = results.iter_mut().find(|r| r.opening.id == o) {
            r.placed.push(Placed {
                participant: p.id,
                label: p.label.clone(),
                score: x.score,
                fairness_bonus: x.fairness_bonus,
                explanation: ranked.filter(|_| per_person).map(|r| explanation(r)),
            });
        }
    }
    for r in &mut results {
        r.placed.sort_by_key(|p| p.label.number);
    }
    let why: BTreeMap<&str, &UnplacedReason> = a
        .unplaced
        .iter()
        .map(|u| (u.participant.as_str(), &u.reason))
        .collect();
    let mut results_people = Vec::with_capacity(people.len());
    for p in people {
        let id = p.id.to_string();
        let no_place = why.get(id.as_str()).map(|r| match r {
            UnplacedReason::NoFit { excluded } => {
                let mut limits: Vec<&'static str> = if per_person {
                    excluded
                        .iter()
                        .flat_map(|e| e.excluded_by.iter().map(|l| limit_code(&l.limit)))
                        .collect()
                } else {
                    Vec::new()
                };
                limits.sort_unstable();
                limits.dedup();
                NoPlace::NoFit { limits }
            }
            UnplacedReason::PlacesTaken { feasible } => NoPlace::PlacesTaken {
                feasible: feasible.len(),
            },
        });
        results_people.push(PersonResult {
            participant: p.id,
            label: p.label.clone(),
            opening: placed_in.get(&p.id).copied(),
            no_place,
        });
    }
    let greedy_in: BTreeMap<&str, &str> = a
        .greedy
        .assignments
        .iter()
        .map(|x| (x.participant.as_str(), x.opening.as_str()))
        .collect();
    let differs = people
        .iter()
        .filter(|p| {
            let id = p.id.to_string();
            let optimal = placed_in.get(&p.id).map(ToString::to_string);
            optimal.as_deref() != greedy_in.get(id.as_str()).copied()
        })
        .count();
    let fingerprint = view::fingerprint(&results, &results_people);
    Ok(AllocationView {
        detail,
        openings: results,
        people: results_people,
        total: a.allocation.objective,
        total_micro: a.allocation.objective_micro,
        fairness_weight: a.allocation.fairness_weight,
        placed: a.allocation.assignments.len(),
        average_parts: if per_person || parts.len() >= view::MIN_AGGREGATE {
            view::average(&parts)
        } else {
            None
        },
        greedy: Greedy {
            total: a.greedy.objective,
            total_micro: a.greedy.objective_micro,
            placed: a.greedy.assignments.len(),
            differs,
        },
        fingerprint,
        may_accept: false,
    })
}
