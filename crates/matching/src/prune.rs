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
    let skills = if ix.people.sig[p].meets(&op.sig[o]) {
        WEIGHTS[0] + WEIGHTS[1] + WEIGHTS[2]
    } else {
        op.skill_base[o]
    };
    let goal = if ix.people.goal_sig[p] & op.occ_sig[o] != 0 {
        WEIGHTS[6]
    } else {
        0
    };
    skills + WEIGHTS[3] + WEIGHTS[4] + goal + score::acc_part(acc_cost) + op.ready[o]
}
