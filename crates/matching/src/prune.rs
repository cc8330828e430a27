//! An upper bound of a pair's score from a few words per opening, so a top-K query can skip
//! scoring openings that cannot enter its list (the bound is never below the true score, so the
//! result is exactly the same).
//!
//! Skill signatures: the 64 most frequent skills of the task inventory each have their own bit
//! (exact), every other skill sets one bit of 256 by hash. When a person's and an opening's
//! signatures share no bit, the person has none of the opening's skills and the skill parts are
//! exactly the opening's "no skills" parts, computed once at build time. Otherwise the bound
//! takes their maximum. Goals likewise with a 64-bit signature of occupations.

use crate::dict::BitSet;
use crate::index::{Index, NONE};
use crate::score::{self, PersonView, WEIGHTS};
use crate::views::Packed;

/// A set of skills as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sig {
    pub popular: u64,
    pub rare: [u64; 4],
}

impl Sig {
    /// Adds skill `s` given the popularity ranks (`rank[s] < 64` for the popular ones).
    #[inline]
    pub fn add(&mut self, rank: &[u8], s: u32) {
        match rank.get(s as usize) {
            Some(&r) if r < 64 => self.popular |= 1 << r,
            _ => {
                let h = (s.wrapping_mul(0x9E37_79B1) >> 24) as usize;
                self.rare[h >> 6] |= 1 << (h & 63);
            }
        }
    }
    #[inline]
    pub fn meets(&self, o: &Sig) -> bool {
        (self.popular & o.popular)
            | (self.rare[0] & o.rare[0])
            | (self.rare[1] & o.rare[1])
            | (self.rare[2] & o.rare[2])
            | (self.rare[3] & o.rare[3])
            != 0
    }
}

/// What the skill bound needs of one task of an opening: its popular skills as bits (exact)
/// and how many of its other skills there are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TaskSig {
    pub essential: u64,
    pub optional: u64,
    /// Essential and optional skills that are not popular (rare, or a repeated popular one).
    pub essential_other: u16,
    pub optional_other: u16,
    pub essential_n: u16,
    pub optional_n: u16,
    pub hours: u8,
    pub learnable: bool,
}

impl TaskSig {
    fn of(rank: &[u8], tv: &crate::views::TaskView<'_>) -> Self {
        let bits = |row: &[u32]| {
            row.iter().fold(0u64, |m, &s| match rank.get(s as usize) {
                Some(&r) if r < 64 => m | 1 << r,
                _ => m,
            })
        };
        let (essential, optional) = (bits(tv.essential), bits(tv.optional));
        let other = |row: &[u32], m: u64| {
            (row.len() - m.count_ones() as usize).min(u16::MAX as usize) as u16
        };
        TaskSig {
            essential,
            optional,
            essential_other: other(tv.essential, essential),
            optional_other: other(tv.optional, optional),
            essential_n: tv.essential.len().min(u16::MAX as usize) as u16,
            optional_n: tv.optional.len().min(u16::MAX as usize) as u16,
            hours: tv.hours,
            learnable: tv.learnable,
        }
    }
}

/// Everything the bound reads of an opening, in one cache line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[repr(align(64))]
pub struct OpeningBound {
    pub sig: Sig,
    pub occ: u64,
    /// The skill parts with no skill.
    pub skill_base: u32,
    /// Its tasks' [`TaskSig`]s: `task_sig[at..at + n]`.
    pub at: u32,
    /// Bit `d` set: some task demands dimension `d` (as `Openings::demanded`).
    pub demanded: u32,
    /// The employer-readiness part (at most 50,000 millionths).
    pub ready: u16,
    pub n: u16,
}

/// Per opening, its tasks' [`TaskSig`]s (opening `o`'s are `at[o]..at[o + 1]`).
pub fn task_sigs(ix: &Index, rank: &[u8]) -> (Vec<TaskSig>, Vec<OpeningBound>) {
    let mut sigs = Vec::with_capacity(ix.tasks.len() * 2);
    let op = &ix.openings;
    let mut bounds = Vec::with_capacity(op.len());
    for o in 0..op.len() {
        let at = sigs.len();
        sigs.extend(Packed(op.packed.row(o)).map(|tv| TaskSig::of(rank, &tv)));
        bounds.push(OpeningBound {
            sig: op.sig[o],
            occ: op.occ_sig[o],
            skill_base: op.skill_base[o],
            at: at as u32,
            demanded: op.demanded[o],
            ready: op.ready[o].min(u32::from(u16::MAX)) as u16,
            n: (sigs.len() - at).min(usize::from(u16::MAX)) as u16,
        });
    }
    (sigs, bounds)
}

/// An upper bound of the three skill parts (millionths) of a person with popular skills
/// `popular` for the tasks `tasks`, counting every other skill as held when `rare` (the
/// person's rare signature meets the opening's). Computed with the very operations of
/// [`score::parts_of`] on shares at least as large, so it is never below the true parts.
#[inline]
pub fn skill_bound(tasks: &[TaskSig], popular: u64, rare: bool) -> u32 {
    let share = |have: u32, of: u16| {
        if of == 0 {
            1.0
        } else {
            f64::from(have) / f64::from(of)
        }
    };
    let mut sums = [0.0f64; 3];
    let mut hours = 0.0f64;
    for t in tasks {
        let eh = (t.essential & popular).count_ones()
            + if rare {
                u32::from(t.essential_other)
            } else {
                0
            };
        let oh = (t.optional & popular).count_ones()
            + if rare { u32::from(t.optional_other) } else { 0 };
        let h = f64::from(t.hours);
        let ess = share(eh.min(u32::from(t.essential_n)), t.essential_n);
        let learn = if t.learnable { 1.0 } else { ess };
        sums[0] += h * ess;
        sums[1] += h * share(oh.min(u32::from(t.optional_n)), t.optional_n);
        sums[2] += h * learn;
        hours += h;
    }
    let hours = hours.max(1.0);
    (0..3)
        .map(|k| (f64::from(WEIGHTS[k]) * sums[k] / hours + 0.5) as u32)
        .sum()
}

/// One bit of 64 for an occupation id.
#[inline]
pub fn occupation_bit(occ: u32) -> u64 {
    1 << (occ.wrapping_mul(0x9E37_79B1) >> 26)
}

/// Popularity rank (0–63) of the 64 most frequent skills in tasks, 255 for the others.
pub fn ranks(ix: &Index) -> Vec<u8> {
    let mut count = vec![0u32; ix.skills.len()];
    let tk = &ix.tasks;
    for t in 0..tk.len() {
        for &s in tk.essential.row(t).iter().chain(tk.optional.row(t)) {
            count[s as usize] += 1;
        }
    }
    let mut order: Vec<u32> = (0..count.len() as u32).collect();
    order.sort_by_key(|&s| (std::cmp::Reverse(count[s as usize]), s));
    let mut rank = vec![255u8; count.len()];
    for (r, &s) in order.iter().take(64).enumerate() {
        rank[s as usize] = r as u8;
    }
    rank
}

/// Per opening: skill signature, occupation signature and the skill parts with no skill.
pub fn openings(ix: &Index, rank: &[u8]) -> (Vec<Sig>, Vec<u64>, Vec<u32>) {
    let empty = BitSet::default();
    let nobody = PersonView {
        lang: 0,
        cap: [0; 3],
        assessed: [0; 3],
        goals: &[],
    };
    let n = ix.openings.len();
    let (mut sigs, mut occs, mut base) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for o in 0..n {
        let mut sig = Sig::default();
        let mut occ = 0u64;
        for tv in Packed(ix.openings.packed.row(o)) {
            for &s in tv.essential.iter().chain(tv.optional) {
                sig.add(rank, s);
            }
            if tv.occupation != NONE {
                occ |= occupation_bit(tv.occupation);
            }
        }
        let parts = score::parts_of(&nobody, Packed(ix.openings.packed.row(o)), &empty, 0, 0);
        sigs.push(sig);
        occs.push(occ);
        base.push(parts.micro[0] + parts.micro[1] + parts.micro[2]);
    }
    (sigs, occs, base)
}

/// Per person: skill signature and goal signature.
pub fn people(ix: &Index, rank: &[u8]) -> (Vec<Sig>, Vec<u64>) {
    let pe = &ix.people;
    (0..pe.len())
        .map(|p| {
            let mut sig = Sig::default();
            for &s in pe.skills.row(p) {
                sig.add(rank, s);
            }
            let goals = pe
                .goals
                .row(p)
                .iter()
                .fold(0u64, |m, &g| m | occupation_bit(g));
            (sig, goals)
        })
        .unzip()
}

/// An upper bound of person `p`'s score for opening `o` with accommodation cost `acc_cost`.
#[inline]
pub fn bound(ix: &Index, p: usize, o: usize, acc_cost: u64) -> u32 {
    let op = &ix.openings;
    let ob = &op.bound[o];
    let (ps, os) = (&ix.people.sig[p], &ob.sig);
    let skills = if ps.meets(os) {
        let rare = (ps.rare[0] & os.rare[0])
            | (ps.rare[1] & os.rare[1])
            | (ps.rare[2] & os.rare[2])
            | (ps.rare[3] & os.rare[3])
            != 0;
        let at = ob.at as usize;
        skill_bound(&op.task_sig[at..at + ob.n as usize], ps.popular, rare)
    } else {
        ob.skill_base
    };
    let goal = if ix.people.goal_sig[p] & ob.occ != 0 {
        WEIGHTS[6]
    } else {
        0
    };
    skills + WEIGHTS[3] + WEIGHTS[4] + goal + score::acc_part(acc_cost) + u32::from(ob.ready)
}
