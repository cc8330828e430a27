//! Hard limits. A job (an opening, one task, or a crafted set of tasks) is summarised as a
//! [`Job`]; [`quick`] is the branch-light filter used while scanning, and [`limits`] names every
//! limit a job breaks, for explanations.

use crate::accommodate::{self, Cover};
use crate::index::{Index, EVENINGS, NIGHTS, WEEKENDS};
use crate::swar::{self, Lanes};
use polku_domain::{CefrLevel, Dimension};

/// What the hard limits look at.
#[derive(Debug, Clone, Copy, Default)]
pub struct Job {
    pub hours: u16,
    pub days: u8,
    pub sched: u8,
    pub lang: u64,
    pub demand: Lanes,
    pub municipality: u32,
}

impl Job {
    pub fn opening(ix: &Index, o: usize) -> Job {
        let op = &ix.openings;
        Job {
            hours: op.hours[o],
            days: op.days[o],
            sched: op.sched[o],
            lang: op.lang[o],
            demand: op.demand[o],
            municipality: op.municipality[o],
        }
    }

    /// One task on its own (hours are not checked for a single task while crafting).
    pub fn task(ix: &Index, t: usize) -> Job {
        let tk = &ix.tasks;
        Job {
            hours: u16::from(tk.hours[t]),
            days: tk.days[t],
            sched: tk.sched[t],
            lang: tk.lang[t],
            demand: tk.demand[t],
            municipality: ix.employers.municipality[tk.employer[t] as usize],
        }
    }
}

/// A broken hard limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Limit<'a> {
    Functioning {
        dimension: Dimension,
        demand: u8,
        capacity: u8,
        best_relief: u8,
    },
    Language {
        language: &'a str,
        required: u8,
        has: u8,
    },
    Hours {
        hours: u16,
        min: u8,
        max: u8,
    },
    Days {
        days: u8,
        max: u8,
    },
    Schedule {
        schedule: &'static str,
    },
    Municipality {
        municipality: &'a str,
    },
}

/// Everything but the municipality and (when `check_hours` is false) the hours.
#[inline]
pub fn quick(ix: &Index, p: usize, job: &Job, check_hours: bool) -> bool {
    let pe = &ix.people;
    let (lo, hi) = pe.hours[p];
    (!check_hours || (job.hours >= u16::from(lo) && job.hours <= u16::from(hi)))
        & (job.days <= pe.days_max[p])
        & (job.sched & pe.cannot[p] == 0)
        & swar::word_le(job.lang, pe.lang[p])
        & swar::all_le(&job.demand, &pe.cap_plus[p])
}

pub fn municipality_ok(ix: &Index, p: usize, municipality: u32) -> bool {
    ix.people
        .acceptable
        .row(p)
        .binary_search(&municipality)
        .is_ok()
}

/// The accommodations a feasible job needs (an empty cover when none).
pub fn cover(ix: &Index, p: usize, demand: &Lanes) -> Option<Cover> {
    if swar::all_le(demand, &ix.people.cap[p]) {
        return Some(Cover::default());
    }
    let gaps = accommodate::gaps(&swar::unpack(demand), &swar::unpack(&ix.people.cap[p]));
    accommodate::cheapest(&ix.accs, &gaps)
}

/// [`cover`] through a cache of covers by gap vector.
#[inline]
pub fn cover_cached(
    ix: &Index,
    p: usize,
    demand: &Lanes,
    cache: &mut accommodate::CoverCache,
) -> Option<Cover> {
    let cap = &ix.people.cap[p];
    if swar::all_le(demand, cap) {
        return Some(Cover::default());
    }
    let gaps = swar::saturating_sub(demand, cap);
    match &ix.acc_single {
        Some(table) => table.cover(&gaps),
        None => cache.get(&ix.accs, &gaps),
    }
}

/// Every hard limit that `job` breaks for person `p`.
pub fn limits<'a>(ix: &'a Index, p: usize, job: &Job, check_hours: bool) -> Vec<Limit<'a>> {
    let pe = &ix.people;
    let mut out = Vec::new();
    let dem = swar::unpack(&job.demand);
    let plus = swar::unpack(&pe.cap_plus[p]);
    for d in Dimension::ALL {
        let i = d.index();
        if dem[i] > plus[i] {
            out.push(Limit::Functioning {
                dimension: *d,
                demand: dem[i],
                capacity: swar::lane(&pe.cap[p], i),
                best_relief: ix.relief_max[i],
            });
        }
    }
    for (slot, code) in ix.languages.iter().enumerate() {
        let req = (job.lang >> (slot * 8)) as u8;
        let has = (pe.lang[p] >> (slot * 8)) as u8;
        if req > has {
            out.push(Limit::Language {
                language: code,
                required: req,
                has,
            });
        }
    }
    let (lo, hi) = pe.hours[p];
    if check_hours && (job.hours < u16::from(lo) || job.hours > u16::from(hi)) {
        out.push(Limit::Hours {
            hours: job.hours,
            min: lo,
            max: hi,
        });
    }
    if job.days > pe.days_max[p] {
        out.push(Limit::Days {
            days: job.days,
            max: pe.days_max[p],
        });
    }
    for (bit, name) in [
        (EVENINGS, "evenings"),
        (NIGHTS, "nights"),
        (WEEKENDS, "weekends"),
    ] {
        if job.sched & pe.cannot[p] & bit != 0 {
            out.push(Limit::Schedule { schedule: name });
        }
    }
    if !municipality_ok(ix, p, job.municipality) {
        out.push(Limit::Municipality {
            municipality: ix.municipalities.name(job.municipality),
        });
    }
    out
}

/// CEFR name of a rank 1–6 ("none" for 0).
pub fn cefr(rank: u8) -> &'static str {
    match rank {
        1..=6 => CefrLevel::ALL[usize::from(rank - 1)].as_str(),
        _ => "none",
    }
}
