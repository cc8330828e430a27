//! Top-K queries in both directions with a bounded heap. A person's query scans only the
//! openings of the municipalities they accept (openings are stored grouped by municipality);
//! an opening's query scans only the people who accept its municipality.

use crate::accommodate::{Cover, CoverCache};
use crate::dict::BitSet;
use crate::feasible::{self, Job};
use crate::index::Index;
use crate::prune;
use crate::score::{self, Parts};
use crate::swar;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// A feasible, scored pair.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub person: u32,
    pub opening: u32,
    pub parts: Parts,
    pub cover: Cover,
    pub to_check: u32,
}

impl Hit {
    pub fn score(&self) -> u32 {
        self.parts.score()
    }
    /// Higher ranks first: score, then fewer dimensions to check.
    fn key(&self) -> u64 {
        u64::from(self.score()) << 8 | u64::from(255 - self.to_check.count_ones())
    }
}

struct Ranked(Hit, u32);
impl PartialEq for Ranked {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Ranked {
    /// Greater is better; ties go to the lower index.
    fn cmp(&self, o: &Self) -> Ordering {
        self.0.key().cmp(&o.0.key()).then(o.1.cmp(&self.1))
    }
}

/// Keeps the `k` best hits.
struct TopK {
    k: usize,
    heap: BinaryHeap<Reverse<Ranked>>,
}

impl TopK {
    fn new(k: usize) -> Self {
        Self {
            k,
            heap: BinaryHeap::with_capacity(k + 1),
        }
    }
    #[inline]
    fn push(&mut self, hit: Hit, tie: u32) {
        if self.k == 0 {
            return;
        }
        let r = Ranked(hit, tie);
        if self.heap.len() < self.k {
            self.heap.push(Reverse(r));
        } else if self.heap.peek().is_some_and(|w| r > w.0) {
            self.heap.pop();
            self.heap.push(Reverse(r));
        }
    }
    fn into_sorted(self) -> Vec<Hit> {
        let mut v: Vec<Ranked> = self.heap.into_iter().map(|r| r.0).collect();
        v.sort_by(|a, b| b.cmp(a));
        v.into_iter().map(|r| r.0).collect()
    }
}

/// Scratch space reused between queries.
#[derive(Debug)]
pub struct Scratch {
    skills: BitSet,
    covers: CoverCache,
    passed: Vec<u32>,
    /// Candidates ordered by their score bound: `bound << 32 | position`, and their covers.
    ranked: Vec<u64>,
    covers_of: Vec<(u32, Cover)>,
}

impl Scratch {
    /// The opening of a ranked candidate.
    #[inline]
    fn passed_of(&self, r: u64) -> u32 {
        self.covers_of[(r & 0xFFFF_FFFF) as usize].0
    }
    pub fn new(ix: &Index) -> Self {
        Self {
            skills: BitSet::with_len(ix.skills.len()),
            covers: CoverCache::default(),
            passed: Vec::new(),
            ranked: Vec::new(),
            covers_of: Vec::new(),
        }
    }
}

/// Scores person `p` for opening `o`, whose hard limits (but for accommodations) passed.
#[inline]
fn score_passed(
    ix: &Index,
    p: usize,
    o: usize,
    skills: &BitSet,
    covers: &mut CoverCache,
) -> Option<Hit> {
    let cover = feasible::cover_cached(ix, p, &ix.openings.demand[o], covers)?;
    Some(scored(ix, p, o, skills, cover))
}

/// Scores a feasible pair with its accommodation cover.
#[inline]
fn scored(ix: &Index, p: usize, o: usize, skills: &BitSet, cover: Cover) -> Hit {
    let ob = &ix.openings.bound[o];
    let pv = score::PersonView::of(ix, p);
    let packed = crate::views::Packed(ix.openings.packed.row(o));
    // The readiness and demanded bits come from the bound record (one cache line, already
    // read by the bound) rather than from their own arrays.
    let parts = score::parts_of(&pv, packed, skills, cover.cost_eur, u32::from(ob.ready));
    Hit {
        person: p as u32,
        opening: o as u32,
        parts,
        cover,
        to_check: ix.people.not_assessed[p] & ob.demanded,
    }
}

/// Scores person `p` for opening `o` if no hard limit is broken; `skills` holds `p`'s skills.
pub fn evaluate(ix: &Index, p: usize, o: usize, skills: &BitSet) -> Option<Hit> {
    let job = Job::opening(ix, o);
    if !feasible::quick(ix, p, &job, true) || !feasible::municipality_ok(ix, p, job.municipality) {
        return None;
    }
    score_passed(ix, p, o, skills, &mut CoverCache::default())
}

impl TopK {
    /// A pair scoring below this cannot enter.
    fn floor(&self) -> Option<u32> {
        (self.heap.len() == self.k)
            .then(|| self.heap.peek().map(|w| w.0 .0.score()))
            .flatten()
    }
}

/// Candidates handled together: their data is loaded first so their cache misses overlap.
const BLOCK: usize = 16;
/// The same for bounding, whose data per candidate is smaller (a line and its task signatures).
const BOUND_BLOCK: usize = 64;

/// Every feasible opening of person `p`, scored, in index order.
fn each_opening(ix: &Index, p: usize, scratch: &mut Scratch, out: &mut Vec<Hit>) {
    let skills = ix.people.skills.row(p);
    scratch.skills.set_all(skills);
    scratch.passed.clear();
    for &m in ix.people.acceptable.row(p) {
        filter_range(ix, p, ix.opening_range(m), &mut scratch.passed);
    }
    let mut touch = 0u32;
    for block in scratch.passed.chunks(BLOCK) {
        for &o in block {
            for w in ix.openings.packed.row(o as usize).iter().step_by(16) {
                touch ^= *w;
            }
        }
        for &o in block {
            let demand = &ix.openings.demand[o as usize];
            if let Some(cover) = feasible::cover_cached(ix, p, demand, &mut scratch.covers) {
                out.push(scored(ix, p, o as usize, &scratch.skills, cover));
            }
        }
    }
    std::hint::black_box(touch);
    scratch.skills.clear_all(skills);
}

/// Appends the openings of `range` that pass person `p`'s hard filter (all limits but the
/// municipality, which the range stands for): one pass over parallel arrays without branches
/// (every row is written, and the end moves only past the ones that pass).
#[inline]
fn filter_range(ix: &Index, p: usize, range: std::ops::Range<usize>, out: &mut Vec<u32>) {
    let op = &ix.openings;
    let pe = &ix.people;
    let (lo, hi) = (u16::from(pe.hours[p].0), u16::from(pe.hours[p].1));
    let (days, cannot, lang, plus) = (pe.days_max[p], pe.cannot[p], pe.lang[p], pe.cap_plus[p]);
    let start = range.start;
    let mut n = out.len();
    out.resize(n + range.len(), 0);
    let rows = op.hours[range.clone()]
        .iter()
        .zip(&op.days[range.clone()])
        .zip(&op.sched[range.clone()])
        .zip(&op.lang[range.clone()])
        .zip(&op.demand[range]);
    for (k, ((((h, d), s), l), dm)) in rows.enumerate() {
        let ok = u32::from(*h >= lo)
            & u32::from(*h <= hi)
            & u32::from(*d <= days)
            & u32::from(*s & cannot == 0)
            & swar::word_le_bit(*l, lang)
            & swar::all_le_bit(dm, &plus);
        out[n] = (start + k) as u32;
        n += ok as usize;
    }
    out.truncate(n);
}

/// The `k` best openings for person `p`: the feasible openings are bounded first (see
/// [`crate::prune`]) and scored in order of falling bound, so the list fills with the likeliest
/// openings first and the scan stops at the first bound below the list's floor (every later
/// bound is lower still).
pub fn top_openings(ix: &Index, p: usize, k: usize, scratch: &mut Scratch) -> Vec<Hit> {
    let mut top = TopK::new(k);
    if k == 0 {
        return Vec::new();
    }
    let skills = ix.people.skills.row(p);
    scratch.passed.clear();
    for &m in ix.people.acceptable.row(p) {
        filter_range(ix, p, ix.opening_range(m), &mut scratch.passed);
    }
    scratch.ranked.clear();
    scratch.covers_of.clear();
    let op = &ix.openings;
    let mut touch = 0u64;
    for block in scratch.passed.chunks(BOUND_BLOCK) {
        // The candidates are scattered: load each one's bound data first (its line, then the
        // lines of its tasks' signatures), so the cache misses of the block overlap instead of
        // following one another.
        for &o in block {
            touch ^= op.bound[o as usize].sig.popular;
        }
        for &o in block {
            let b = &op.bound[o as usize];
            let at = b.at as usize;
            for t in op.task_sig[at..at + b.n as usize].iter().step_by(2) {
                touch ^= t.essential;
            }
        }
        for &o in block {
            let Some(cover) =
                feasible::cover_cached(ix, p, &op.demand[o as usize], &mut scratch.covers)
            else {
                continue;
            };
            let b = prune::bound(ix, p, o as usize, cover.cost_eur);
            let i = scratch.covers_of.len() as u64;
            scratch.covers_of.push((o, cover));
            scratch.ranked.push(u64::from(b) << 32 | i);
        }
    }
    // Falling bound (equal bounds in reverse scan order: the order cannot change the list,
    // whose ties are broken by opening index).
    scratch.ranked.sort_unstable_by(|a, b| b.cmp(a));
    scratch.skills.set_all(skills);
    'blocks: for block in scratch.ranked.chunks(BLOCK) {
        let floor = top.floor();
        let mut n = block.len();
        if let Some(f) = floor {
            n = block.partition_point(|&r| (r >> 32) as u32 >= f);
        }
        for &r in &block[..n] {
            let o = scratch.passed_of(r);
            for w in ix.openings.packed.row(o as usize).iter().step_by(16) {
                touch ^= u64::from(*w);
            }
        }
        for &r in &block[..n] {
            let o = scratch.passed_of(r);
            if top.floor().is_some_and(|f| ((r >> 32) as u32) < f) {
                break 'blocks;
            }
            let cover = scratch.covers_of[(r & 0xFFFF_FFFF) as usize].1;
            top.push(scored(ix, p, o as usize, &scratch.skills, cover), o);
        }
        if n < block.len() {
            break;
        }
    }
    std::hint::black_box(touch);
    scratch.skills.clear_all(skills);
    top.into_sorted()
}

/// The `k` best candidates for opening `o`.
pub fn top_people(ix: &Index, o: usize, k: usize, scratch: &mut Scratch) -> Vec<Hit> {
    let job = Job::opening(ix, o);
    let mut top = TopK::new(k);
    let (offsets, _) = ix.accepting.raw();
    let m = job.municipality as usize;
    let postings = &ix.accepting_filter[offsets[m] as usize..offsets[m + 1] as usize];
    scratch.passed.clear();
    for f in postings {
        let ok = (job.hours >= u16::from(f.hours.0))
            & (job.hours <= u16::from(f.hours.1))
            & (job.days <= f.days_max)
            & (job.sched & f.cannot == 0)
            & swar::word_le(job.lang, f.lang)
            & swar::all_le(&job.demand, &f.cap_plus);
        if ok {
            scratch.passed.push(f.person);
        }
    }
    // The candidates' data is scattered: touch a block of them first so the misses overlap.
    let mut touch = 0u64;
    let pe = &ix.people;
    for block in scratch.passed.chunks(BLOCK) {
        for &p in block {
            let p = p as usize;
            touch ^=
                pe.cap[p][0] ^ pe.assessed[p][0] ^ pe.lang[p] ^ pe.sig[p].popular ^ pe.goal_sig[p];
            touch ^= u64::from(pe.skills.row(p).first().copied().unwrap_or(0));
            touch ^= u64::from(pe.goals.row(p).len() as u32);
        }
        for &p in block {
            let p = p as usize;
            let Some(cover) = feasible::cover_cached(ix, p, &job.demand, &mut scratch.covers)
            else {
                continue;
            };
            if top
                .floor()
                .is_some_and(|f| prune::bound(ix, p, o, cover.cost_eur) < f)
            {
                continue;
            }
            let skills = pe.skills.row(p);
            scratch.skills.set_all(skills);
            top.push(scored(ix, p, o, &scratch.skills, cover), p as u32);
            scratch.skills.clear_all(skills);
        }
    }
    std::hint::black_box(touch);
    top.into_sorted()
}

/// Every feasible pair of person `p` (no cut-off), for allocation.
pub fn all_openings(ix: &Index, p: usize, scratch: &mut Scratch, out: &mut Vec<Hit>) {
    each_opening(ix, p, scratch, out);
}
