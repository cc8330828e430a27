//! The compiled, struct-of-arrays form of an [`Input`]: byte vectors for demands and capacities
//! (checked eight lanes at a time), interned skill ids in sorted rows, openings grouped by
//! municipality so a query scans only the municipalities a person accepts.

use crate::dict::{Interner, Rows};
use crate::input::{Accommodation, Employer, Input, Participant};
use crate::swar::{self, Lanes};
use polku_domain::{Dimension, OpeningKind, Schedule};
use std::collections::HashMap;

/// Schedule bits: a task done in the evening, at night or at weekends.
pub const EVENINGS: u8 = 1;
pub const NIGHTS: u8 = 2;
pub const WEEKENDS: u8 = 4;
/// Sentinel for "no occupation".
pub const NONE: u32 = u32::MAX;

pub fn schedule_bits(s: Option<Schedule>) -> u8 {
    match s {
        Some(Schedule::Evenings) => EVENINGS,
        Some(Schedule::Nights) => NIGHTS,
        Some(Schedule::Weekends) => WEEKENDS,
        _ => 0,
    }
}

/// An accommodation with its relief as a dimension vector.
#[derive(Debug, Clone)]
pub struct Acc {
    pub id: String,
    pub relieves: [u8; Dimension::COUNT],
    pub cost_eur: u32,
    pub subsidy: Option<String>,
}

/// Participants, struct of arrays.
#[derive(Debug, Default)]
pub struct People {
    pub id: Vec<String>,
    /// Capacity per dimension; "not assessed" counts as 4 here (see `not_assessed`).
    pub cap: Vec<Lanes>,
    /// Capacity plus the largest relief any accommodation gives, at most 4.
    pub cap_plus: Vec<Lanes>,
    /// Bit `d` set: dimension `d` was not assessed.
    pub not_assessed: Vec<u32>,
    /// 0xFF in the lanes of assessed dimensions.
    pub assessed: Vec<Lanes>,
    pub hours: Vec<(u8, u8)>,
    pub days_max: Vec<u8>,
    /// Schedule bits the person cannot do.
    pub cannot: Vec<u8>,
    /// CEFR rank (1–6) per language slot.
    pub lang: Vec<u64>,
    pub skills: Rows,
    pub goals: Rows,
    pub home: Vec<u32>,
    pub acceptable: Rows,
    pub waiting_days: Vec<u32>,
    pub reduced: Vec<bool>,
    /// What the subsidy rules need of each person.
    pub subsidy: Vec<crate::subsidies::PersonFacts>,
    /// Skill and goal signatures ([`crate::prune`]).
    pub sig: Vec<crate::prune::Sig>,
    pub goal_sig: Vec<u64>,
}

/// Tasks, struct of arrays; an employer's tasks are contiguous.
#[derive(Debug, Default)]
pub struct Tasks {
    pub id: Vec<String>,
    pub title: Vec<String>,
    pub employer: Vec<u32>,
    pub hours: Vec<u8>,
    pub days: Vec<u8>,
    pub sched: Vec<u8>,
    pub lang: Vec<u64>,
    pub demand: Vec<Lanes>,
    /// Bit `d` set: demand on dimension `d` is above 0.
    pub demanded: Vec<u32>,
    pub learnable: Vec<bool>,
    pub value: Vec<u8>,
    pub occupation: Vec<u32>,
    pub essential: Rows,
    pub optional: Rows,
}

/// Openings, struct of arrays, sorted by municipality.
#[derive(Debug, Default)]
pub struct Openings {
    pub id: Vec<String>,
    pub title: Vec<Option<String>>,
    pub employer: Vec<u32>,
    pub kind: Vec<OpeningKind>,
    pub municipality: Vec<u32>,
    pub capacity: Vec<u16>,
    pub wage: Vec<Option<u32>>,
    pub hours: Vec<u16>,
    pub days: Vec<u8>,
    pub sched: Vec<u8>,
    /// Highest requirement per language slot over the tasks.
    pub lang: Vec<u64>,
    /// Highest demand per dimension over the tasks.
    pub demand: Vec<Lanes>,
    /// Bit `d` set: some task demands dimension `d`.
    pub demanded: Vec<u32>,
    pub tasks: Rows,
    /// The employer-readiness part of the opening's employer, in millionths.
    pub ready: Vec<u32>,
    /// Skill signature, occupation signature and skill parts with no skill ([`crate::prune`]).
    pub sig: Vec<crate::prune::Sig>,
    pub occ_sig: Vec<u64>,
    pub skill_base: Vec<u32>,
    /// What the score bound reads of an opening, one cache line each ([`crate::prune`]).
    pub bound: Vec<crate::prune::OpeningBound>,
    /// The openings' tasks' popular-skill bits, for a tighter skill bound.
    pub task_sig: Vec<crate::prune::TaskSig>,
    /// The opening's tasks packed for scoring in one place (see [`crate::score::Packed`]).
    pub packed: Rows,
}

/// What the hard filter needs of a person, copied into each posting of
/// [`Index::accepting`] so an opening's candidates are filtered in one sequential pass.
#[derive(Debug, Clone, Copy, Default)]
pub struct PersonFilter {
    pub cap_plus: Lanes,
    pub lang: u64,
    pub person: u32,
    pub hours: (u8, u8),
    pub days_max: u8,
    pub cannot: u8,
}

/// Employers.
#[derive(Debug, Default)]
pub struct Employers {
    pub id: Vec<String>,
    pub municipality: Vec<u32>,
    pub mentor: Vec<bool>,
    pub offers_trials: Vec<bool>,
    pub hourly_wage: Vec<Option<f64>>,
    pub legal_form: Vec<Option<polku_domain::LegalForm>>,
    /// First task and one past the last task.
    pub tasks: Vec<(u32, u32)>,
}

/// The whole compiled input.
#[derive(Debug, Default)]
pub struct Index {
    pub skills: Interner,
    pub occupations: Interner,
    pub municipalities: Interner,
    /// Language codes by slot (at most 8 slots).
    pub languages: Vec<String>,
    pub accs: Vec<Acc>,
    /// Largest relief per dimension over all accommodations.
    pub relief_max: [u8; Dimension::COUNT],
    /// Cheapest single accommodation per gap, when each relieves one dimension.
    pub acc_single: Option<crate::accommodate::SingleTable>,
    pub people: People,
    pub tasks: Tasks,
    pub openings: Openings,
    pub employers: Employers,
    /// Openings of municipality `m` are `by_municipality[m]..by_municipality[m+1]`.
    pub by_municipality: Vec<u32>,
    /// Participants who accept municipality `m`.
    pub accepting: Rows,
    /// The filter record of each posting of `accepting`, in the same order.
    pub accepting_filter: Vec<PersonFilter>,
    pub person_by_id: HashMap<String, u32>,
    pub opening_by_id: HashMap<String, u32>,
    pub employer_by_id: HashMap<String, u32>,
    pub fairness_weight: f64,
}

impl Index {
    /// Compiles a validated input.
    pub fn build(input: &Input) -> Index {
        let mut b = crate::build::Builder::new(&input.accommodation_list());
        b.fairness_weight(input.allocation.map_or(
            crate::input::AllocationSettings::default().fairness_weight,
            |s| s.fairness_weight,
        ));
        for e in &input.employers {
            b.add_employer(e);
        }
        for p in &input.participants {
            b.add_participant(p);
        }
        b.finish()
    }

    pub fn opening_range(&self, municipality: u32) -> std::ops::Range<usize> {
        let m = municipality as usize;
        match (self.by_municipality.get(m), self.by_municipality.get(m + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }

    pub fn task_range(&self, opening: usize) -> &[u32] {
        self.openings.tasks.row(opening)
    }

    /// Capacity of person `p` on dimension `d`, or `None` when not assessed.
    pub fn capacity(&self, p: usize, d: usize) -> Option<u8> {
        if self.people.not_assessed[p] >> d & 1 == 1 {
            None
        } else {
            Some(swar::lane(&self.people.cap[p], d))
        }
    }

    /// Approximate heap size of the index in bytes (for the benchmark report).
    pub fn heap_bytes(&self) -> usize {
        let s = |v: &Vec<String>| v.iter().map(|x| x.capacity() + 24).sum::<usize>();
        let p = &self.people;
        let t = &self.tasks;
        let o = &self.openings;
        s(&p.id)
            + p.cap.len() * 24 * 2
            + p.len() * 40
            + p.skills.heap_bytes()
            + p.goals.heap_bytes()
            + p.acceptable.heap_bytes()
            + s(&t.id)
            + s(&t.title)
            + t.len() * (24 + 8 + 4 * 4 + 8)
            + t.essential.heap_bytes()
            + t.optional.heap_bytes()
            + s(&o.id)
            + o.len() * (24 + 8 + 40 + 24)
            + o.tasks.heap_bytes()
            + self.accepting.heap_bytes()
            + self.accepting_filter.capacity() * std::mem::size_of::<PersonFilter>()
            + o.packed.heap_bytes()
            + o.task_sig.capacity() * std::mem::size_of::<crate::prune::TaskSig>()
            + o.bound.capacity() * std::mem::size_of::<crate::prune::OpeningBound>()
            + (self.person_by_id.len() + self.opening_by_id.len()) * 48
    }
}

impl People {
    pub fn len(&self) -> usize {
        self.id.len()
    }
    pub fn is_empty(&self) -> bool {
        self.id.is_empty()
    }
}
impl Tasks {
    pub fn len(&self) -> usize {
        self.id.len()
    }
    pub fn is_empty(&self) -> bool {
        self.id.is_empty()
    }
}
impl Openings {
    pub fn len(&self) -> usize {
        self.id.len()
    }
    pub fn is_empty(&self) -> bool {
        self.id.is_empty()
    }
}

/// What [`crate::build::Builder`] needs to know of an accommodation list.
pub(crate) fn compile_accs(list: &[Accommodation]) -> (Vec<Acc>, [u8; Dimension::COUNT]) {
    let mut max = [0u8; Dimension::COUNT];
    let accs = list
        .iter()
        .map(|a| {
            let mut relieves = [0u8; Dimension::COUNT];
            for (d, l) in &a.relieves {
                relieves[d.index()] = (*l).min(4);
                max[d.index()] = max[d.index()].max(relieves[d.index()]);
            }
            Acc {
                id: a.id.clone(),
                relieves,
                cost_eur: a.cost_eur,
                subsidy: a.subsidy.clone(),
            }
        })
        .collect();
    (accs, max)
}

/// Whether an employer offers trial places (part of its readiness).
pub(crate) fn offers_trials(e: &Employer) -> bool {
    e.openings.iter().any(|o| {
        matches!(
            o.kind,
            OpeningKind::WorkTrial | OpeningKind::EducationTrial | OpeningKind::Apprenticeship
        )
    })
}

/// Participant helpers used by the builder.
pub(crate) fn cannot_bits(p: &Participant) -> u8 {
    (if p.evenings { 0 } else { EVENINGS })
        | (if p.nights { 0 } else { NIGHTS })
        | (if p.weekends { 0 } else { WEEKENDS })
}
