//! `allocate`: participants to openings, exactly, with a fairness weight for waiting time.

use super::hits::hit_out;
use super::{excluded_pair, InputError};
use crate::allocate::{self, Problem, Solution};
use crate::dict::BitSet;
use crate::explain;
use crate::index::Index;
use crate::input::Input;
use crate::output::{
    Allocation, AllocationExplained, Assignment, Ranked, Unplaced, UnplacedReason,
};
use crate::search::{self, Scratch};
use crate::validate;
use serde_json::Value;
use time::Date;

/// Fairness bonus of person `p` in millionths.
pub fn fairness_micro(ix: &Index, p: usize) -> i64 {
    let days = f64::from(ix.people.waiting_days[p].min(365));
    (ix.fairness_weight * 1e6 * days / 365.0).round() as i64
}

/// The allocation problem of an index: every feasible pair, weight = score + fairness bonus.
pub fn allocation_problem(ix: &Index) -> Problem {
    let mut problem = Problem::new(ix.openings.capacity.iter().map(|&c| u32::from(c)).collect());
    let mut scratch = Scratch::new(ix);
    let mut hits = Vec::new();
    for p in 0..ix.people.len() {
        hits.clear();
        search::all_openings(ix, p, &mut scratch, &mut hits);
        let bonus = fairness_micro(ix, p);
        problem.push_person(
            hits.iter()
                .map(|h| (h.opening, i64::from(h.score()) + bonus)),
        );
    }
    problem
}

/// A solution of `problem` as the typed answer.
fn answer(ix: &Index, problem: &Problem, sol: &Solution) -> Allocation {
    let mut assignments = Vec::new();
    let mut unassigned = Vec::new();
    for (p, a) in sol.assignment.iter().enumerate() {
        match a {
            Some(o) => {
                let k = (problem.starts[p]..problem.starts[p + 1])
                    .find(|&k| problem.heads[k as usize] == *o)
                    .map_or(0, |k| problem.weights[k as usize]);
                let bonus = fairness_micro(ix, p);
                assignments.push(Assignment {
                    participant: ix.people.id[p].clone(),
                    opening: ix.openings.id[*o as usize].clone(),
                    score: explain::micro((k - bonus) as u32).as_f64(),
                    fairness_bonus: bonus as f64 / 1e6,
                });
            }
            None => unassigned.push(ix.people.id[p].clone()),
        }
    }
    Allocation {
        assignments,
        unassigned,
        objective: sol.objective as f64 / 1e6,
        objective_micro: sol.objective,
        fairness_weight: ix.fairness_weight,
    }
}

/// Assigns participants to openings, maximising total score plus the fairness bonus.
pub fn allocate(input: &Input) -> Result<Allocation, InputError> {
    validate::validate(input)?;
    let ix = Index::build(input);
    let problem = allocation_problem(&ix);
    Ok(answer(&ix, &problem, &allocate::solve(&problem)))
}

/// [`allocate`], with every assignment explained as `match` explains the pair (scored on
/// `today`'s subsidy rules), the reason each unassigned person has no place, and the "first
/// come, first served" assignment (longest waiting first, ties in input order) for comparison.
pub fn allocate_explained(input: &Input, today: Date) -> Result<AllocationExplained, InputError> {
    validate::validate(input)?;
    let ix = Index::build(input);
    let problem = allocation_problem(&ix);
    let sol = allocate::solve(&problem);
    let allocation = answer(&ix, &problem, &sol);
    let mut skills = BitSet::with_len(ix.skills.len());
    let mut explained = Vec::new();
    let mut unplaced = Vec::new();
    for (p, a) in sol.assignment.iter().enumerate() {
        let row = ix.people.skills.row(p);
        skills.set_all(row);
        match a {
            Some(o) => {
                if let Some(h) = search::evaluate(&ix, p, *o as usize, &skills) {
                    explained.push(Ranked::from(&hit_out(&ix, &h, &skills, today)));
                }
            }
            None => {
                let arcs = problem.starts[p] as usize..problem.starts[p + 1] as usize;
                let reason = if arcs.is_empty() {
                    UnplacedReason::NoFit {
                        excluded: (0..ix.openings.len())
                            .filter_map(|o| excluded_pair(&ix, p, o))
                            .collect(),
                    }
                } else {
                    let mut feasible: Vec<String> = arcs
                        .map(|k| ix.openings.id[problem.heads[k] as usize].clone())
                        .collect();
                    feasible.sort();
                    UnplacedReason::PlacesTaken { feasible }
                };
                unplaced.push(Unplaced {
                    participant: ix.people.id[p].clone(),
                    reason,
                });
            }
        }
        skills.clear_all(row);
    }
    let mut order: Vec<usize> = (0..ix.people.len()).collect();
    order.sort_by_key(|&p| std::cmp::Reverse(ix.people.waiting_days[p]));
    let greedy = answer(&ix, &problem, &allocate::greedy(&problem, &order));
    Ok(AllocationExplained {
        allocation,
        explained,
        unplaced,
        greedy,
    })
}

/// [`allocate`] as JSON, the contract of `polku allocate --input` and `POST /api/v1/allocate`.
pub fn allocate_input(input: &Input) -> Result<Value, InputError> {
    allocate(input).map(|a| super::to_json(&a))
}

/// [`allocate_input`] on JSON text.
pub fn allocate_json(input: &str) -> Result<Value, InputError> {
    allocate_input(&validate::parse(input)?)
}
