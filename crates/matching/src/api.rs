//! The operations behind `polku match|craft|allocate` and the service layer: JSON in, JSON out.

use crate::allocate::{self, Problem};
use crate::craft;
use crate::describe::{self, Facts};
use crate::dict::BitSet;
pub use crate::error::InputError;
use crate::explain;
use crate::feasible::Job;
use crate::index::Index;
use crate::input::Input;
use crate::output::{Excluded, MatchResult, TaskRef};
use crate::search::{self, Hit, Scratch};
use crate::subsidy;
use crate::validate;
use serde_json::{json, Value};
use time::Date;

/// Arguments of `polku match`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchArgs {
    pub participant: Option<String>,
    pub opening: Option<String>,
    pub top: usize,
    pub include_excluded: bool,
}

impl Default for MatchArgs {
    fn default() -> Self {
        Self {
            participant: None,
            opening: None,
            top: 20,
            include_excluded: false,
        }
    }
}

/// Arguments of `polku craft`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CraftArgs {
    pub participant: String,
    pub employer: String,
    pub hours: Option<(u8, u8)>,
}

fn person(ix: &Index, id: &str) -> Result<usize, InputError> {
    ix.person_by_id
        .get(id)
        .map(|&p| p as usize)
        .ok_or_else(|| InputError::not_found("participant", "participant", id))
}

/// One feasible pair with its explanation, typed; `skills` holds the person's skills.
pub fn hit_out<'a>(ix: &'a Index, h: &Hit, skills: &BitSet, today: Date) -> MatchResult<'a> {
    let (p, o) = (h.person as usize, h.opening as usize);
    let tasks = ix.openings.tasks.row(o);
    let job = Job::opening(ix, o);
    let (parts, explanation) = explain::parts(ix, p, tasks, skills, &h.parts, h.cover.cost_eur);
    MatchResult {
        participant: &ix.people.id[p],
        opening: &ix.openings.id[o],
        employer: &ix.employers.id[ix.openings.employer[o] as usize],
        kind: ix.openings.kind[o].as_str(),
        title: ix.openings.title[o].as_deref(),
        score: explain::micro(h.score()),
        parts,
        explanation,
        fits: explain::fits(ix, p, &job, h.cover.accs),
        to_check: explain::to_check(&job, h.to_check),
        accommodations: crate::accommodate::ids(&ix.accs, h.cover.accs),
        accommodation_cost_eur: h.cover.cost_eur,
        accommodation_subsidies: subsidy::for_accommodations(ix, h.cover.accs, today),
        subsidy: subsidy::for_opening(ix, p, o, today),
        hours_per_week: ix.openings.hours[o],
        tasks: tasks
            .iter()
            .map(|&t| TaskRef {
                id: &ix.tasks.id[t as usize],
                title: &ix.tasks.title[t as usize],
                hours_per_week: ix.tasks.hours[t as usize],
            })
            .collect(),
    }
}

/// One feasible pair with its explanation, as in `match` output.
pub fn hit_value(ix: &Index, h: &Hit, skills: &BitSet, today: Date) -> Value {
    serde_json::to_value(hit_out(ix, h, skills, today)).unwrap_or(Value::Null)
}

fn excluded_json(ix: &Index, p: usize, o: usize) -> Option<Value> {
    let job = Job::opening(ix, o);
    let why = explain::excluded_by(ix, p, &job, true);
    (!why.is_empty()).then(|| {
        serde_json::to_value(Excluded {
            participant: &ix.people.id[p],
            opening: &ix.openings.id[o],
            excluded_by: why,
        })
        .unwrap_or(Value::Null)
    })
}

fn for_person(
    ix: &Index,
    p: usize,
    args: &MatchArgs,
    scratch: &mut Scratch,
    skills: &mut BitSet,
    today: Date,
) -> Value {
    let hits = search::top_openings(ix, p, args.top, scratch);
    let row = ix.people.skills.row(p);
    skills.set_all(row);
    let mut results: Vec<Value> = hits
        .iter()
        .map(|h| hit_value(ix, h, skills, today))
        .collect();
    skills.clear_all(row);
    if args.include_excluded {
        let mut ex: Vec<(String, Value)> = (0..ix.openings.len())
            .filter_map(|o| excluded_json(ix, p, o).map(|v| (ix.openings.id[o].clone(), v)))
            .collect();
        ex.sort_by(|a, b| a.0.cmp(&b.0));
        results.extend(ex.into_iter().map(|x| x.1));
    }
    json!({"participant": ix.people.id[p], "results": results})
}

/// Ranked openings for a participant, ranked candidates for an opening, or every participant's
/// ranked openings.
pub fn match_input(input: &Input, args: &MatchArgs, today: Date) -> Result<Value, InputError> {
    validate::validate(input)?;
    let ix = Index::build(input);
    let mut scratch = Scratch::new(&ix);
    let mut skills = BitSet::with_len(ix.skills.len());
    if let Some(id) = &args.opening {
        if args.participant.is_some() {
            return Err(InputError::new(
                "",
                "invalid_arguments",
                "give --participant or --opening, not both",
            ));
        }
        let o = *ix
            .opening_by_id
            .get(id)
            .ok_or_else(|| InputError::not_found("opening", "opening", id))?
            as usize;
        let hits = search::top_people(&ix, o, args.top, &mut scratch);
        let mut candidates: Vec<Value> = hits
            .iter()
            .map(|h| {
                let row = ix.people.skills.row(h.person as usize);
                skills.set_all(row);
                let v = hit_value(&ix, h, &skills, today);
                skills.clear_all(row);
                v
            })
            .collect();
        if args.include_excluded {
            candidates.extend((0..ix.people.len()).filter_map(|p| excluded_json(&ix, p, o)));
        }
        return Ok(json!({"opening": id, "candidates": candidates}));
    }
    if let Some(id) = &args.participant {
        let p = person(&ix, id)?;
        return Ok(for_person(&ix, p, args, &mut scratch, &mut skills, today));
    }
    let all: Vec<Value> = (0..ix.people.len())
        .map(|p| for_person(&ix, p, args, &mut scratch, &mut skills, today))
        .collect();
    Ok(json!({"participants": all}))
}

/// [`match_input`] on JSON text.
pub fn match_json(input: &str, args: &MatchArgs, today: Date) -> Result<Value, InputError> {
    match_input(&validate::parse(input)?, args, today)
}

/// The optimal crafted job for a participant at an employer.
pub fn craft_input(input: &Input, args: &CraftArgs, today: Date) -> Result<Value, InputError> {
    validate::validate(input)?;
    let ix = Index::build(input);
    let p = person(&ix, &args.participant)?;
    let e = *ix
        .employer_by_id
        .get(&args.employer)
        .ok_or_else(|| InputError::not_found("employer", "employer", &args.employer))?
        as usize;
    let hours = args.hours.unwrap_or(ix.people.hours[p]);
    if hours.0 > hours.1 {
        return Err(InputError::new(
            "hours",
            "invalid_value",
            format!("{}-{} is not a range", hours.0, hours.1),
        ));
    }
    let mut skills = BitSet::with_len(ix.skills.len());
    skills.set_all(ix.people.skills.row(p));
    let c = craft::craft(&ix, p, e, hours, &skills);
    let left_out = crate::craft_explain::left_out(&ix, p, &c, &skills);
    let emp = input.employers.iter().find(|x| x.id == args.employer);
    let name = emp
        .and_then(|x| x.name.clone())
        .unwrap_or_else(|| args.employer.clone());
    let parts = crate::score::parts(&ix, p, &c.tasks, &skills, c.acc_cost, e);
    let (parts_json, explanation) = explain::parts(&ix, p, &c.tasks, &skills, &parts, c.acc_cost);
    let subsidy = ix.employers.hourly_wage[e]
        .filter(|_| !c.tasks.is_empty())
        .map(|w| {
            let wage = w * f64::from(c.hours) * subsidy::WEEKS_PER_MONTH;
            subsidy::pay_estimate(
                subsidy::pay_rule_key(ix.people.reduced[p]),
                wage,
                c.hours,
                today,
            )
        });
    let (days, sched) = c.tasks.iter().fold((0u8, 0u8), |(d, s), &t| {
        (
            d.max(ix.tasks.days[t as usize]),
            s | ix.tasks.sched[t as usize],
        )
    });
    let facts = Facts {
        employer: &name,
        tasks: c
            .tasks
            .iter()
            .map(|&t| ix.tasks.title[t as usize].as_str())
            .collect(),
        hours: c.hours,
        days,
        sched,
        accs: c.accs,
        acc_cost: c.acc_cost,
        mentor: ix.employers.mentor[e],
        subsidy_eur_month: subsidy.as_ref().and_then(|s| s.estimate_eur_month),
    };
    Ok(json!({
        "participant": args.participant,
        "employer": args.employer,
        "found": c.found,
        "tasks": c.tasks.iter().map(|&t| ix.tasks.id[t as usize].as_str()).collect::<Vec<_>>(),
        "hours_per_week": c.hours,
        "hours_range": {"min": hours.0, "max": hours.1},
        "accommodations": crate::accommodate::ids(&ix.accs, c.accs),
        "accommodation_cost_eur": c.acc_cost,
        "accommodation_subsidies": subsidy::for_accommodations(&ix, c.accs, today),
        "objective": c.objective as f64 / 1000.0,
        "score": explain::micro(parts.score()),
        "parts": parts_json,
        "explanation": explanation,
        "subsidy": subsidy,
        "left_out": left_out,
        "description": describe::describe(&ix, &facts),
    }))
}

/// [`craft_input`] on JSON text.
pub fn craft_json(input: &str, args: &CraftArgs, today: Date) -> Result<Value, InputError> {
    craft_input(&validate::parse(input)?, args, today)
}

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
