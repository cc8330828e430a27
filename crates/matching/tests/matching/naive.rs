//! Independent, obviously-correct reference checks written straight from the input types.

use polku_domain::{Dimension, Schedule};
use polku_matching::input::{Accommodation, Employer, Input, Participant, Task};
use std::collections::BTreeSet;

/// Gap per dimension that accommodations must close, or `None` if one is beyond every relief.
pub fn gaps(
    p: &Participant,
    tasks: &[&Task],
    accs: &[Accommodation],
) -> Option<Vec<(Dimension, u8)>> {
    let mut out = Vec::new();
    for d in Dimension::ALL {
        let demand = tasks
            .iter()
            .map(|t| t.demands.get(d).map_or(0, |l| l.get()))
            .max()
            .unwrap_or(0);
        let Some(cap) = p.capacity.get(d) else {
            continue;
        };
        if demand > cap.get() {
            let gap = demand - cap.get();
            if !accs
                .iter()
                .any(|a| a.relieves.get(d).copied().unwrap_or(0) >= gap)
            {
                return None;
            }
            out.push((*d, gap));
        }
    }
    Some(out)
}

/// Cheapest accommodation cost closing `gaps`, by trying every subset.
pub fn min_cover_cost(gaps: &[(Dimension, u8)], accs: &[Accommodation]) -> Option<u64> {
    let mut best: Option<u64> = None;
    for mask in 0u32..(1 << accs.len()) {
        let chosen: Vec<&Accommodation> = (0..accs.len())
            .filter(|i| mask >> i & 1 == 1)
            .map(|i| &accs[i])
            .collect();
        let ok = gaps.iter().all(|(d, g)| {
            chosen
                .iter()
                .any(|a| a.relieves.get(d).copied().unwrap_or(0) >= *g)
        });
        if ok {
            let c: u64 = chosen.iter().map(|a| u64::from(a.cost_eur)).sum();
            best = Some(best.map_or(c, |b| b.min(c)));
        }
    }
    best
}

/// Every hard limit but hours, for tasks at an employer located in `municipality`.
pub fn tasks_ok(
    p: &Participant,
    tasks: &[&Task],
    municipality: &str,
    accs: &[Accommodation],
) -> bool {
    let reachable = p.municipality.as_str() == municipality
        || p.acceptable_municipalities
            .iter()
            .any(|m| m.as_str() == municipality);
    let days = tasks.iter().map(|t| t.days()).max().unwrap_or(0);
    let sched = tasks.iter().all(|t| match t.schedule {
        Some(Schedule::Nights) => p.nights,
        Some(Schedule::Evenings) => p.evenings,
        Some(Schedule::Weekends) => p.weekends,
        _ => true,
    });
    let lang = tasks.iter().all(|t| {
        t.languages
            .iter()
            .all(|(c, l)| p.languages.get(c).is_some_and(|h| h >= l))
    });
    reachable && days <= p.days_per_week_max && sched && lang && gaps(p, tasks, accs).is_some()
}

pub fn opening_tasks<'a>(e: &'a Employer, ids: &[String]) -> Vec<&'a Task> {
    ids.iter()
        .filter_map(|id| e.tasks.iter().find(|t| &t.id == id))
        .collect()
}

/// Whether `p` may take opening `o` of employer `e`, and the cheapest accommodation cost.
pub fn feasible(input: &Input, p: &Participant, e: &Employer, o: usize) -> Option<u64> {
    let op = &e.openings[o];
    let tasks = opening_tasks(e, &op.tasks);
    let hours: u32 = tasks.iter().map(|t| u32::from(t.hours_per_week)).sum();
    let muni = op.municipality.as_ref().unwrap_or(&e.municipality);
    let accs = input.accommodations.clone().unwrap_or_default();
    if hours < u32::from(p.hours_per_week.min) || hours > u32::from(p.hours_per_week.max) {
        return None;
    }
    if !tasks_ok(p, &tasks, muni.as_str(), &accs) {
        return None;
    }
    min_cover_cost(&gaps(p, &tasks, &accs)?, &accs)
}

/// Dimensions demanded but not assessed.
pub fn to_check(p: &Participant, tasks: &[&Task]) -> BTreeSet<String> {
    tasks
        .iter()
        .flat_map(|t| {
            t.demands
                .iter()
                .filter(|(_, l)| l.get() > 0)
                .map(|(d, _)| *d)
        })
        .filter(|d| !p.capacity.contains_key(d))
        .map(|d| d.key().to_owned())
        .collect()
}

/// The crafting gain of one task, as documented in `craft.rs`.
pub fn gain(p: &Participant, t: &Task) -> i64 {
    let has: BTreeSet<&str> = p.skills.iter().map(|s| s.as_str()).collect();
    let share = |list: &[polku_domain::EscoUri]| {
        let set: BTreeSet<&str> = list.iter().map(|s| s.as_str()).collect();
        if set.is_empty() {
            1.0
        } else {
            set.iter().filter(|s| has.contains(*s)).count() as f64 / set.len() as f64
        }
    };
    let ess = share(&t.skills_essential);
    let learn = if t.learnable_on_job { 1.0 } else { ess };
    let fit = 0.6 * ess + 0.2 * learn + 0.2 * share(&t.skills_optional);
    1000 * i64::from(t.value) + (1000.0 * fit).round() as i64
}

/// Brute-force crafting: the best objective over every subset of the employer's tasks.
pub fn craft(input: &Input, p: &Participant, e: &Employer, lo: u8, hi: u8) -> Option<i64> {
    let accs = input.accommodations.clone().unwrap_or_default();
    let n = e.tasks.len();
    let ok: Vec<bool> = e
        .tasks
        .iter()
        .map(|t| tasks_ok(p, &[t], e.municipality.as_str(), &accs))
        .collect();
    let mut best: Option<i64> = None;
    for mask in 0u32..(1 << n) {
        if (0..n).any(|i| mask >> i & 1 == 1 && !ok[i]) {
            continue;
        }
        let tasks: Vec<&Task> = (0..n)
            .filter(|i| mask >> i & 1 == 1)
            .map(|i| &e.tasks[i])
            .collect();
        let hours: u32 = tasks.iter().map(|t| u32::from(t.hours_per_week)).sum();
        if hours < u32::from(lo) || hours > u32::from(hi) {
            continue;
        }
        let Some(g) = gaps(p, &tasks, &accs) else {
            continue;
        };
        let Some(cost) = min_cover_cost(&g, &accs) else {
            continue;
        };
        let val = tasks.iter().map(|t| gain(p, t)).sum::<i64>() - cost as i64;
        best = Some(best.map_or(val, |b| b.max(val)));
    }
    best
}
