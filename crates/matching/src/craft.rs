//! Job crafting: the best set of one employer's tasks for one person.
//!
//! Objective (integer units, 1,000 units = one value point = €1,000):
//! `Σ (1000 × value + 1000 × skill fit) − Σ accommodation cost in euros`, where each
//! accommodation is counted once however many tasks use it, skill fit is
//! `0.6 × essential share + 0.2 × learnable share + 0.2 × optional share`, and the total hours
//! must be within the person's range (or the range asked for).
//!
//! Exact: a branch and bound over the accommodations that could matter (include or leave out
//! each; bound = best knapsack with every still-possible task, minus the cost already chosen),
//! and for each accommodation set a 0/1 knapsack over hours (at most 63), solved by dynamic
//! programming. Tasks that break a hard limit even with every accommodation never enter.

use crate::accommodate;
use crate::dict::BitSet;
use crate::feasible::{self, Job};
use crate::index::Index;
use crate::score;
use crate::swar;
use polku_domain::Dimension;

/// The crafted job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crafted {
    /// Chosen task indices, ascending.
    pub tasks: Vec<u32>,
    pub hours: u16,
    /// Accommodations (bits of the index's list) and their cost.
    pub accs: u64,
    pub acc_cost: u64,
    pub objective: i64,
    /// Gain per task of the employer (0 for infeasible ones).
    pub gains: Vec<(u32, i64)>,
    /// Tasks that break a hard limit on their own.
    pub infeasible: Vec<u32>,
    pub hours_range: (u8, u8),
    /// False when no set of tasks reaches the minimum hours.
    pub found: bool,
}

/// Largest hour total the knapsack handles.
pub const MAX_HOURS: u8 = 63;

/// Gain of one task for person `p` (skills in `skills`).
pub fn gain(ix: &Index, p: usize, t: usize, skills: &BitSet) -> i64 {
    let f = score::task_fit(ix, p, t, skills);
    let share = |(h, n): (u32, u32)| {
        if n == 0 {
            1.0
        } else {
            f64::from(h) / f64::from(n)
        }
    };
    let ess = share(f.essential);
    let learn = if f.learnable { 1.0 } else { ess };
    let fit = 0.6 * ess + 0.2 * learn + 0.2 * share(f.optional);
    1000 * i64::from(ix.tasks.value[t]) + (1000.0 * fit).round() as i64
}

struct Item {
    task: u32,
    hours: u8,
    gain: i64,
    gaps: [u8; Dimension::COUNT],
}

/// Best gain reaching a total in `lo..=hi` hours with `items[i]` allowed when `allowed(i)`;
/// returns (gain, chosen flags over `items`).
fn knapsack(items: &[Item], allowed: &[bool], lo: u8, hi: u8) -> Option<(i64, Vec<bool>)> {
    const NEG: i64 = i64::MIN / 4;
    let hi = usize::from(hi.min(MAX_HOURS));
    let mut dp = [NEG; MAX_HOURS as usize + 1];
    dp[0] = 0;
    let mut take = vec![0u64; items.len()];
    for (i, it) in items.iter().enumerate() {
        if !allowed[i] {
            continue;
        }
        let h = usize::from(it.hours);
        for s in (h..=hi).rev() {
            let c = dp[s - h] + it.gain;
            if dp[s - h] > NEG && c > dp[s] {
                dp[s] = c;
                take[i] |= 1 << s;
            }
        }
    }
    let best = (usize::from(lo)..=hi)
        .filter(|&s| dp[s] > NEG)
        .max_by_key(|&s| (dp[s], std::cmp::Reverse(s)))?;
    let mut chosen = vec![false; items.len()];
    let mut s = best;
    for i in (0..items.len()).rev() {
        if take[i] >> s & 1 == 1 {
            chosen[i] = true;
            s -= usize::from(items[i].hours);
        }
    }
    Some((dp[best], chosen))
}

fn allowed(items: &[Item], relief: &[u8; Dimension::COUNT]) -> Vec<bool> {
    items
        .iter()
        .map(|it| (0..Dimension::COUNT).all(|d| it.gaps[d] <= relief[d]))
        .collect()
}

fn relief_of(ix: &Index, set: u64) -> [u8; Dimension::COUNT] {
    let mut r = [0u8; Dimension::COUNT];
    for (i, a) in ix.accs.iter().enumerate().take(accommodate::MAX_ACCS) {
        if set >> i & 1 == 1 {
            for (x, y) in r.iter_mut().zip(a.relieves) {
                *x = (*x).max(y);
            }
        }
    }
    r
}

struct Search<'a> {
    ix: &'a Index,
    items: &'a [Item],
    relevant: Vec<usize>,
    lo: u8,
    hi: u8,
    best: Option<(i64, Vec<bool>)>,
}

impl Search<'_> {
    fn cost(&self, set: u64) -> i64 {
        (0..self.ix.accs.len().min(64))
            .filter(|i| set >> i & 1 == 1)
            .map(|i| i64::from(self.ix.accs[i].cost_eur))
            .sum()
    }

    fn go(&mut self, k: usize, chosen: u64, open: u64) {
        let cost = self.cost(chosen);
        let optimistic = allowed(self.items, &relief_of(self.ix, chosen | open));
        let Some((ub, set)) = knapsack(self.items, &optimistic, self.lo, self.hi) else {
            return;
        };
        if self.best.as_ref().is_some_and(|(b, _)| ub - cost <= *b) {
            return;
        }
        if k == self.relevant.len() {
            self.best = Some((ub - cost, set));
            return;
        }
        let a = 1u64 << self.relevant[k];
        self.go(k + 1, chosen, open & !a);
        self.go(k + 1, chosen | a, open & !a);
    }
}

/// Crafts the best job of employer `e`'s tasks for person `p` within `hours` (inclusive).
pub fn craft(ix: &Index, p: usize, e: usize, hours: (u8, u8), skills: &BitSet) -> Crafted {
    let (first, last) = ix.employers.tasks[e];
    let cap = swar::unpack(&ix.people.cap[p]);
    let mut items = Vec::new();
    let mut infeasible = Vec::new();
    let mut gains = Vec::new();
    for t in first..last {
        let job = Job::task(ix, t as usize);
        let ok = feasible::quick(ix, p, &job, false)
            && feasible::municipality_ok(ix, p, job.municipality)
            && ix.tasks.hours[t as usize] <= hours.1.min(MAX_HOURS);
        if !ok {
            infeasible.push(t);
            gains.push((t, 0));
            continue;
        }
        let g = gain(ix, p, t as usize, skills);
        gains.push((t, g));
        items.push(Item {
            task: t,
            hours: ix.tasks.hours[t as usize],
            gain: g,
            gaps: accommodate::gaps(&swar::unpack(&ix.tasks.demand[t as usize]), &cap),
        });
    }
    // Accommodations that close some gap of some feasible task.
    let relevant: Vec<usize> = (0..ix.accs.len().min(accommodate::MAX_ACCS))
        .filter(|&i| {
            items.iter().any(|it| {
                (0..Dimension::COUNT)
                    .any(|d| it.gaps[d] > 0 && ix.accs[i].relieves[d] >= it.gaps[d])
            })
        })
        .collect();
    let open = relevant.iter().fold(0u64, |m, &i| m | 1 << i);
    let mut s = Search {
        ix,
        items: &items,
        relevant,
        lo: hours.0,
        hi: hours.1,
        best: None,
    };
    s.go(0, 0, open);
    let found = s.best.is_some();
    let (objective, set) = s.best.unwrap_or((0, vec![false; items.len()]));
    let tasks: Vec<u32> = (0..items.len())
        .filter(|&i| set[i])
        .map(|i| items[i].task)
        .collect();
    // The cheapest cover of exactly the chosen tasks (equal in cost to the chosen set).
    let mut need = [0u8; Dimension::COUNT];
    for i in (0..items.len()).filter(|&i| set[i]) {
        for (x, y) in need.iter_mut().zip(items[i].gaps) {
            *x = (*x).max(y);
        }
    }
    let cover = accommodate::cheapest(&ix.accs, &need).unwrap_or_default();
    let hours_total = tasks
        .iter()
        .map(|&t| u16::from(ix.tasks.hours[t as usize]))
        .sum();
    Crafted {
        tasks,
        hours: hours_total,
        accs: cover.accs,
        acc_cost: cover.cost_eur,
        objective,
        found,
        gains,
        infeasible,
        hours_range: hours,
    }
}
