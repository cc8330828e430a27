//! Byte-lane comparisons eight lanes at a time in plain `u64` arithmetic (SIMD within a
//! register): the 22 dimension levels of a demand or capacity fit in three words.

use polku_domain::Dimension;

/// 24 byte lanes (22 dimensions and two zero pads) in three little-endian words.
pub type Lanes = [u64; 3];

const HIGH: u64 = 0x8080_8080_8080_8080;

/// Packs per-dimension levels (each at most 127) into lanes.
pub fn pack(levels: &[u8; Dimension::COUNT]) -> Lanes {
    let mut bytes = [0u8; 24];
    bytes[..Dimension::COUNT].copy_from_slice(levels);
    let word = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[i * 8..i * 8 + 8]);
        u64::from_le_bytes(w)
    };
    [word(0), word(1), word(2)]
}

/// Unpacks lanes into per-dimension levels.
pub fn unpack(l: &Lanes) -> [u8; Dimension::COUNT] {
    let mut out = [0u8; Dimension::COUNT];
    for (d, o) in out.iter_mut().enumerate() {
        *o = lane(l, d);
    }
    out
}

#[inline]
pub fn lane(l: &Lanes, d: usize) -> u8 {
    (l[d / 8] >> ((d % 8) * 8)) as u8
}

/// Every lane of `a` is at most the same lane of `b` (all lanes at most 127).
#[inline]
pub fn all_le(a: &Lanes, b: &Lanes) -> bool {
    let m = (b[0] | HIGH).wrapping_sub(a[0])
        & (b[1] | HIGH).wrapping_sub(a[1])
        & (b[2] | HIGH).wrapping_sub(a[2]);
    m & HIGH == HIGH
}

/// The same test for one word.
#[inline]
pub fn word_le(a: u64, b: u64) -> bool {
    (b | HIGH).wrapping_sub(a) & HIGH == HIGH
}

/// [`all_le`] as 1 or 0, computed without a branch.
#[inline]
pub fn all_le_bit(a: &Lanes, b: &Lanes) -> u32 {
    let m = (b[0] | HIGH).wrapping_sub(a[0])
        & (b[1] | HIGH).wrapping_sub(a[1])
        & (b[2] | HIGH).wrapping_sub(a[2]);
    u32::from(!m & HIGH == 0)
}

/// [`word_le`] as 1 or 0, computed without a branch.
#[inline]
pub fn word_le_bit(a: u64, b: u64) -> u32 {
    u32::from(!(b | HIGH).wrapping_sub(a) & HIGH == 0)
}

/// Lane-wise `max(a - b, 0)` (all lanes at most 127).
#[inline]
pub fn saturating_sub(a: &Lanes, b: &Lanes) -> Lanes {
    let one = |a: u64, b: u64| {
        let d = (a | HIGH).wrapping_sub(b); // high bit set where a >= b
        let keep = (d & HIGH) >> 7; // 1 in lanes where a >= b
        (d & !HIGH) & (keep * 0xFF)
    };
    [one(a[0], b[0]), one(a[1], b[1]), one(a[2], b[2])]
}

/// 0xFF in lane `d` when bit `d` of `bits` is set (22 lanes).
pub fn lane_mask(bits: u32) -> Lanes {
    let mut out = [0u64; 3];
    for d in 0..Dimension::COUNT {
        if bits >> d & 1 == 1 {
            out[d / 8] |= 0xFF << ((d % 8) * 8);
        }
    }
    out
}

/// Functioning credit in quarters, summed over the demanded lanes of `demand` that are
/// `assessed`: 1 where capacity is below the demand (an accommodation closes it), otherwise
/// 2 plus the spare levels, at most 4.
#[inline]
pub fn functioning_quarters(cap: &Lanes, demand: &Lanes, assessed: &Lanes) -> u32 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut total = 0u32;
    for i in 0..3 {
        let (c, q) = (cap[i], demand[i]);
        let demanded = (((((q | HIGH).wrapping_sub(ONES)) & HIGH) >> 7) * 0xFF) & assessed[i];
        let ge = ((((c | HIGH).wrapping_sub(q)) & HIGH) >> 7) * 0xFF;
        let spare = saturating_sub(&[c, 0, 0], &[q, 0, 0])[0];
        let capped = spare - saturating_sub(&[spare, 0, 0], &[2 * ONES, 0, 0])[0];
        let credit = (((2 * ONES) + capped) & ge) | (ONES & !ge);
        let lanes = credit & demanded;
        total += (lanes.wrapping_mul(ONES) >> 56) as u32;
    }
    total
}

/// Lane-wise maximum.
pub fn max(a: &Lanes, b: &Lanes) -> Lanes {
    let mut x = unpack(a);
    let y = unpack(b);
    for (p, q) in x.iter_mut().zip(y) {
        *p = (*p).max(q);
    }
    pack(&x)
}

/// Lane-wise maximum of one word.
pub fn word_max(a: u64, b: u64) -> u64 {
    let mut out = 0u64;
    for i in 0..8 {
        let s = i * 8;
        out |= ((a >> s & 0xFF).max(b >> s & 0xFF)) << s;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn all_le_agrees_with_lanes(a in proptest::array::uniform22(0u8..=5), b in proptest::array::uniform22(0u8..=5)) {
            let naive = a.iter().zip(&b).all(|(x, y)| x <= y);
            prop_assert_eq!(all_le(&pack(&a), &pack(&b)), naive);
            prop_assert_eq!(all_le_bit(&pack(&a), &pack(&b)), u32::from(naive));
            let (wa, wb) = (pack(&a)[0], pack(&b)[0]);
            let naive8 = a[..8].iter().zip(&b[..8]).all(|(x, y)| x <= y);
            prop_assert_eq!(word_le(wa, wb), naive8);
            prop_assert_eq!(word_le_bit(wa, wb), u32::from(naive8));
            prop_assert_eq!(unpack(&pack(&a)), a);
            let sub: Vec<u8> = a.iter().zip(&b).map(|(x, y)| x.saturating_sub(*y)).collect();
            prop_assert_eq!(unpack(&saturating_sub(&pack(&a), &pack(&b))).to_vec(), sub);
            let assessed: u32 = a.iter().enumerate().fold(0, |m, (i, x)| if x % 2 == 0 { m | 1 << i } else { m });
            let naive: u32 = (0..22).filter(|&d| b[d] > 0 && assessed >> d & 1 == 1).map(|d| {
                let (c, q) = (a[d].min(4), b[d].min(4));
                if c >= q { (2 + u32::from(c - q)).min(4) } else { 1 }
            }).sum();
            let ca: Vec<u8> = a.iter().map(|x| (*x).min(4)).collect();
            let qa: Vec<u8> = b.iter().map(|x| (*x).min(4)).collect();
            let (mut c22, mut q22) = ([0u8; 22], [0u8; 22]);
            c22.copy_from_slice(&ca);
            q22.copy_from_slice(&qa);
            prop_assert_eq!(functioning_quarters(&pack(&c22), &pack(&q22), &lane_mask(assessed)), naive);
        }
    }
}
