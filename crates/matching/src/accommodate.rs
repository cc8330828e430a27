//! The cheapest set of accommodations that closes every functioning gap. Reliefs on one
//! dimension do not add up: the largest relief chosen for a dimension is what counts, so a gap
//! of `g` levels on dimension `d` is closed by any chosen accommodation relieving `d` by `≥ g`.
//! Exact: dynamic programming over the subsets of gap dimensions (a set cover of a few
//! elements), with ties broken towards fewer and earlier accommodations.

use crate::index::Acc;
use polku_domain::Dimension;

/// A chosen set: bit `i` is accommodation `i` of the index (at most 64 are used).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cover {
    pub accs: u64,
    pub cost_eur: u64,
}

/// When every accommodation relieves a single dimension, the cheapest cover is the cheapest
/// accommodation per gap: `table[d][g]` is (cost, index) of the cheapest one relieving `d` by
/// at least `g` (lowest index on ties), as [`cheapest`] would choose.
#[derive(Debug, Clone)]
pub struct SingleTable {
    table: [[Option<(u64, u8)>; 5]; Dimension::COUNT],
}

impl SingleTable {
    /// `None` when some accommodation relieves more than one dimension.
    pub fn new(accs: &[Acc]) -> Option<Self> {
        let accs = &accs[..accs.len().min(MAX_ACCS)];
        if accs
            .iter()
            .any(|a| a.relieves.iter().filter(|&&r| r > 0).count() > 1)
        {
            return None;
        }
        let mut table = [[None; 5]; Dimension::COUNT];
        for (d, row) in table.iter_mut().enumerate() {
            for (g, cell) in row.iter_mut().enumerate().skip(1) {
                *cell = accs
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| usize::from(a.relieves[d]) >= g)
                    .map(|(i, a)| (u64::from(a.cost_eur), i as u8))
                    .min();
            }
        }
        Some(Self { table })
    }

    /// The cheapest cover of the gaps packed in lanes.
    #[inline]
    pub fn cover(&self, gaps: &[u64; 3]) -> Option<Cover> {
        let mut cover = Cover::default();
        for (w, word) in gaps.iter().enumerate() {
            let mut x = *word;
            while x != 0 {
                let bit = x.trailing_zeros() as usize;
                let lane = bit / 8;
                let g = ((x >> (lane * 8)) & 0xFF) as usize;
                x &= !(0xFF << (lane * 8));
                let (c, i) = self.table[w * 8 + lane][g.min(4)]?;
                cover.accs |= 1 << i;
                cover.cost_eur += c;
            }
        }
        Some(cover)
    }
}

/// Accommodations beyond this many in a list are ignored (documented limit).
pub const MAX_ACCS: usize = 64;

/// The cheapest cover of `gaps` (levels of relief needed per dimension), or `None`.
pub fn cheapest(accs: &[Acc], gaps: &[u8; Dimension::COUNT]) -> Option<Cover> {
    let mut dims = [0usize; Dimension::COUNT];
    let mut k = 0;
    for (d, &g) in gaps.iter().enumerate() {
        if g > 0 {
            dims[k] = d;
            k += 1;
        }
    }
    if k == 0 {
        return Some(Cover::default());
    }
    if k > 16 {
        return None;
    }
    // For each accommodation: which gap dimensions it closes.
    let mut masks = [(0usize, 0u32, 0u64); MAX_ACCS];
    let mut n = 0;
    for (i, a) in accs.iter().take(MAX_ACCS).enumerate() {
        let m = (0..k)
            .filter(|&j| a.relieves[dims[j]] >= gaps[dims[j]])
            .fold(0u32, |m, j| m | 1 << j);
        if m != 0 {
            masks[n] = (i, m, u64::from(a.cost_eur));
            n += 1;
        }
    }
    let masks = &masks[..n];
    if masks.iter().all(|m| m.1.is_power_of_two()) {
        return independent(masks, k);
    }
    const NONE: (u64, u32, u64) = (u64::MAX, 0, 0);
    match k {
        1 => dp(masks, &mut [NONE; 2]),
        2 => dp(masks, &mut [NONE; 4]),
        3 => dp(masks, &mut [NONE; 8]),
        4 => dp(masks, &mut [NONE; 16]),
        5 | 6 => dp(masks, &mut [NONE; 64][..1 << k]),
        _ => dp(masks, &mut vec![NONE; 1 << k]),
    }
}

/// When every accommodation closes a single gap, the cheapest cover takes the cheapest
/// accommodation (lowest index on ties) for each gap independently.
fn independent(masks: &[(usize, u32, u64)], k: usize) -> Option<Cover> {
    let mut cover = Cover::default();
    for j in 0..k {
        let (i, _, c) = masks
            .iter()
            .filter(|m| m.1 == 1 << j)
            .min_by_key(|m| (m.2, m.0))?;
        cover.accs |= 1 << i;
        cover.cost_eur += c;
    }
    Some(cover)
}

/// `best[s]` = (cost, count, set) of the cheapest way to close at least the gaps in `s`.
fn dp(masks: &[(usize, u32, u64)], best: &mut [(u64, u32, u64)]) -> Option<Cover> {
    let full = best.len() - 1;
    best[0] = (0, 0, 0);
    for s in 0..=full {
        let (c, n, set) = best[s];
        if c == u64::MAX {
            continue;
        }
        for &(i, m, cost) in masks {
            if set >> i & 1 == 1 {
                continue;
            }
            let t = s | m as usize;
            let cand = (c + cost, n + 1, set | 1 << i);
            if best[t].0 == u64::MAX || better(cand, best[t]) {
                best[t] = cand;
            }
        }
    }
    let (cost_eur, _, accs) = best[full];
    (cost_eur != u64::MAX).then_some(Cover { accs, cost_eur })
}

/// Remembers covers by gap vector (a cover depends only on the gaps and the list).
#[derive(Debug, Clone)]
pub struct CoverCache {
    slots: Vec<Option<([u64; 3], Option<Cover>)>>,
}

impl Default for CoverCache {
    fn default() -> Self {
        Self {
            slots: vec![None; 4096],
        }
    }
}

impl CoverCache {
    /// The cheapest cover of the gaps packed in lanes.
    pub fn get(&mut self, accs: &[Acc], gaps: &[u64; 3]) -> Option<Cover> {
        let h = (gaps[0] ^ gaps[1].rotate_left(21) ^ gaps[2].rotate_left(42))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            >> 52;
        let slot = &mut self.slots[h as usize];
        if let Some((k, v)) = slot {
            if k == gaps {
                return *v;
            }
        }
        let v = cheapest(accs, &crate::swar::unpack(gaps));
        *slot = Some((*gaps, v));
        v
    }
}

fn better(a: (u64, u32, u64), b: (u64, u32, u64)) -> bool {
    (a.0, a.1, a.2.reverse_bits()) < (b.0, b.1, b.2.reverse_bits())
}

/// Gap per dimension between a demand vector and capacities (not-assessed counts as no gap).
pub fn gaps(
    demand: &[u8; Dimension::COUNT],
    cap: &[u8; Dimension::COUNT],
) -> [u8; Dimension::COUNT] {
    let mut g = [0u8; Dimension::COUNT];
    for ((x, d), c) in g.iter_mut().zip(demand).zip(cap) {
        *x = d.saturating_sub(*c);
    }
    g
}

/// Ids of the accommodations in a cover.
pub fn ids(accs: &[Acc], cover: u64) -> Vec<&str> {
    (0..accs.len().min(MAX_ACCS))
        .filter(|i| cover >> i & 1 == 1)
        .map(|i| accs[i].id.as_str())
        .collect()
}
