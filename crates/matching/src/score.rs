//! The score of a person for an opening (or a set of tasks): eight named parts in millionths
//! that add up exactly to the score (0–1,000,000). One function serves both directions, so a
//! pair scores the same whichever side asks.
//!
//! Per task (weighted by its hours in the opening):
//! - essential skills: share of the task's essential skills the person has (1 if none);
//! - learnable gaps: that share plus the missing share when the task is learnable on the job;
//! - optional skills: share of optional skills the person has (1 if none);
//! - language margin: per required language 0.5 at the required level, +0.25 per level above,
//!   at most 1; the lowest over the task's languages (1 if none);
//! - functioning margin: per demanded dimension 0.5 at the demanded level, +0.25 per level of
//!   spare capacity, at most 1; 0.25 when an accommodation closes the gap; 0 when not assessed
//!   (so a fit that has to be checked ranks below a known one); the mean (1 if no demands);
//! - goal fit: 1 when the task's occupation is one of the person's goals.
//!
//! Per opening: accommodation cost `1000 / (1000 + euros)`; employer readiness 0.6 for a mentor
//! and 0.4 for offering trial places.

use crate::dict::BitSet;
use crate::index::{Index, NONE};
use crate::swar;
pub use crate::views::{pack_task, Packed, PersonView, TaskView};
use polku_domain::Dimension;

/// Names of the parts, in output order.
pub const PART_NAMES: [&str; 8] = [
    "essential_skills",
    "optional_skills",
    "learnable_gaps",
    "language_margin",
    "functioning_margin",
    "accommodation_cost",
    "goal_fit",
    "employer_readiness",
];

/// Maximum of each part in millionths; they add up to 1,000,000.
pub const WEIGHTS: [u32; 8] = [
    300_000, 100_000, 100_000, 100_000, 150_000, 100_000, 100_000, 50_000,
];

/// A scored pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Parts {
    pub micro: [u32; 8],
}

impl Parts {
    pub fn score(&self) -> u32 {
        self.micro.iter().sum()
    }
}

/// Per-task raw figures that the score is made of.
#[derive(Debug, Clone, Copy, Default)]
pub struct TaskFit {
    pub essential: (u32, u32),
    pub optional: (u32, u32),
    pub learnable: bool,
    pub language: f64,
    pub functioning: f64,
    pub goal: bool,
}

/// Skill coverage and credits of a person on a task; `skills` holds the person's skills.
#[inline]
pub fn fit(pv: &PersonView<'_>, tv: &TaskView<'_>, skills: &BitSet) -> TaskFit {
    let count = |row: &[u32]| {
        (
            row.iter().filter(|&&s| skills.contains(s)).count() as u32,
            row.len() as u32,
        )
    };
    let mut language = 1.0f64;
    let mut required = tv.lang;
    while required != 0 {
        let shift = required.trailing_zeros() / 8 * 8;
        let req = (required >> shift) & 0xFF;
        required &= !(0xFF << shift);
        let has = (pv.lang >> shift) & 0xFF;
        let m = has.saturating_sub(req) as f64;
        language = language.min((0.5 + 0.25 * m).min(1.0));
    }
    let functioning = if tv.demanded == 0 {
        1.0
    } else {
        f64::from(swar::functioning_quarters(
            &pv.cap,
            &tv.demand,
            &pv.assessed,
        )) / 4.0
            / f64::from(tv.demanded.count_ones())
    };
    TaskFit {
        essential: count(tv.essential),
        optional: count(tv.optional),
        learnable: tv.learnable,
        language,
        functioning,
        goal: tv.occupation != NONE && pv.goals.binary_search(&tv.occupation).is_ok(),
    }
}

/// Skill coverage and credits of person `p` on task `t`; `skills` holds `p`'s skills.
pub fn task_fit(ix: &Index, p: usize, t: usize, skills: &BitSet) -> TaskFit {
    fit(&PersonView::of(ix, p), &TaskView::of(ix, t), skills)
}

fn share((have, of): (u32, u32)) -> f64 {
    if of == 0 {
        1.0
    } else {
        f64::from(have) / f64::from(of)
    }
}

/// The accommodation-cost part for a cost in euros, in millionths.
#[inline]
pub fn acc_part(cost_eur: u64) -> u32 {
    (u64::from(WEIGHTS[5]) * 1000 / (1000 + cost_eur)) as u32
}

/// The employer-readiness part of an employer, in millionths.
pub fn readiness(ix: &Index, employer: usize) -> u32 {
    let e = &ix.employers;
    (if e.mentor[employer] {
        WEIGHTS[7] * 6 / 10
    } else {
        0
    }) + if e.offers_trials[employer] {
        WEIGHTS[7] * 4 / 10
    } else {
        0
    }
}

/// The parts of a person for some tasks, given the accommodation cost and the readiness part.
#[inline]
pub fn parts_of<'a>(
    pv: &PersonView<'_>,
    tasks: impl Iterator<Item = TaskView<'a>>,
    skills: &BitSet,
    acc_cost_eur: u64,
    ready_micro: u32,
) -> Parts {
    let mut sums = [0.0f64; 5];
    let mut goal = 0.0f64;
    let mut hours = 0.0f64;
    for tv in tasks {
        let f = fit(pv, &tv, skills);
        let h = f64::from(tv.hours);
        let ess = share(f.essential);
        let learn = if f.learnable { 1.0 } else { ess };
        sums[0] += h * ess;
        sums[1] += h * share(f.optional);
        sums[2] += h * learn;
        sums[3] += h * f.language;
        sums[4] += h * f.functioning;
        if f.goal {
            goal += h;
        }
        hours += h;
    }
    let mut micro = [0u32; 8];
    let hours = hours.max(1.0);
    // Rounded half up (`floor(x + 0.5)`; x ≥ 0, so the cast truncates to the floor).
    for k in 0..5 {
        micro[k] = (f64::from(WEIGHTS[k]) * sums[k] / hours + 0.5) as u32;
    }
    micro[5] = acc_part(acc_cost_eur);
    micro[6] = (f64::from(WEIGHTS[6]) * goal / hours + 0.5) as u32;
    micro[7] = ready_micro;
    Parts { micro }
}

/// The parts of person `p` for the tasks `tasks` (crafting, explanations).
pub fn parts(
    ix: &Index,
    p: usize,
    tasks: &[u32],
    skills: &BitSet,
    acc_cost_eur: u64,
    employer: usize,
) -> Parts {
    let pv = PersonView::of(ix, p);
    let views = tasks.iter().map(|&t| TaskView::of(ix, t as usize));
    parts_of(&pv, views, skills, acc_cost_eur, readiness(ix, employer))
}

/// The parts of person `p` for opening `o`, read from the opening's packed tasks.
#[inline]
pub fn opening_parts(ix: &Index, p: usize, o: usize, skills: &BitSet, acc_cost_eur: u64) -> Parts {
    let pv = PersonView::of(ix, p);
    let packed = Packed(ix.openings.packed.row(o));
    parts_of(&pv, packed, skills, acc_cost_eur, ix.openings.ready[o])
}

/// Dimensions (as bits) demanded by `tasks` on which person `p` was not assessed.
pub fn to_check(ix: &Index, p: usize, tasks: &[u32]) -> u32 {
    let demanded = tasks
        .iter()
        .fold(0u32, |m, &t| m | ix.tasks.demanded[t as usize]);
    demanded & ix.people.not_assessed[p]
}

/// Number of dimensions in a bit set of dimensions.
pub fn dims(bits: u32) -> impl Iterator<Item = Dimension> {
    Dimension::ALL
        .iter()
        .copied()
        .filter(move |d| bits >> d.index() & 1 == 1)
}
