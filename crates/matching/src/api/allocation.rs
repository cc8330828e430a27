//! `allocate`: participants to openings, exactly, with a fairness weight for waiting time.

use super::InputError;
use crate::allocate::{self, Problem};
use crate::explain;
use crate::index::Index;
use crate::input::Input;
use crate::search::{self, Scratch};
use crate::validate;
use serde_json::{json, Value};

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

/// Assigns participants to openings, maximising total score plus the fairness bonus.
pub fn allocate_input(input: &Input) -> Result<Value, InputError> {
    validate::validate(input)?;
    let ix = Index::build(input);
    let problem = allocation_problem(&ix);
    let sol = allocate::solve(&problem);
    let mut assignments = Vec::new();
    let mut unassigned = Vec::new();
    for (p, a) in sol.assignment.iter().enumerate() {
        match a {
            Some(o) => {
                let k = (problem.starts[p]..problem.starts[p + 1])
                    .find(|&k| problem.heads[k as usize] == *o)
                    .map_or(0, |k| problem.weights[k as usize]);
                let bonus = fairness_micro(&ix, p);
                assignments.push(json!({
                    "participant": ix.people.id[p],
                    "opening": ix.openings.id[*o as usize],
                    "score": explain::micro((k - bonus) as u32),
                    "fairness_bonus": bonus as f64 / 1e6,
                }));
            }
            None => unassigned.push(ix.people.id[p].clone()),
        }
    }
    Ok(json!({
        "assignments": assignments,
        "unassigned": unassigned,
        "objective": sol.objective as f64 / 1e6,
        "objective_micro": sol.objective,
        "fairness_weight": ix.fairness_weight,
    }))
}

/// [`allocate_input`] on JSON text.
pub fn allocate_json(input: &str) -> Result<Value, InputError> {
    allocate_input(&validate::parse(input)?)
}
