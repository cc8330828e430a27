//! Valid, unique Finnish identifiers for demo data: business IDs (mod-11 rule) and personal
//! identity codes (mod-31 rule, permanent 002–899 or temporary 900–999).

use super::rng::Rng;
use polku_domain::{business_id::check_digit, hetu::check_char, BusinessId, Hetu};
use polku_service::{Result, ServiceError};
use std::collections::BTreeSet;
use time::Date;

const MAX_TRIES: usize = 10_000;

fn exhausted(what: &str) -> ServiceError {
    ServiceError::Config(format!("demo data: could not draw a unique {what}"))
}

/// A business ID not yet in `taken`. Bases whose remainder is 1 are never issued and are
/// skipped, as the register does.
pub fn business_id(rng: &mut Rng, taken: &mut BTreeSet<String>) -> Result<BusinessId> {
    for _ in 0..MAX_TRIES {
        let base = rng.range(100_000, 3_499_999);
        let text = format!("{base:07}");
        let mut digits = [0u8; 7];
        for (d, b) in digits.iter_mut().zip(text.bytes()) {
            *d = b - b'0';
        }
        let Some(check) = check_digit(&digits) else {
            continue;
        };
        let full = format!("{text}-{check}");
        if taken.insert(full.clone()) {
            return Ok(BusinessId::parse(&full)?);
        }
    }
    Err(exhausted("business ID"))
}

/// An identity code for someone born on `birth`, not yet in `taken`. The individual number is
/// odd for men and even for women; `temporary` draws from 900–999.
pub fn hetu(
    rng: &mut Rng,
    birth: Date,
    male: bool,
    temporary: bool,
    taken: &mut BTreeSet<String>,
) -> Result<Hetu> {
    let (lo, hi) = if temporary { (900, 999) } else { (2, 899) };
    let day = u32::from(birth.day());
    let month = u32::from(u8::from(birth.month()));
    let yy = birth.year().rem_euclid(100) as u32;
    let sign = match birth.year() {
        1900..=1999 => '-',
        2000..=2099 => 'A',
        _ => return Err(exhausted("identity code (birth year out of range)")),
    };
    for _ in 0..MAX_TRIES {
        let mut n = rng.range(lo, hi) as u32;
        if n.is_multiple_of(2) == male {
            n = if n.is_multiple_of(2) { n + 1 } else { n - 1 };
        }
        let nine = day * 10_000_000 + month * 100_000 + yy * 1_000 + n;
        let text = format!("{day:02}{month:02}{yy:02}{sign}{n:03}{}", check_char(nine));
        if taken.insert(text.clone()) {
            return Ok(Hetu::parse(&text)?);
        }
    }
    Err(exhausted("identity code"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use polku_domain::hetu::{HetuKind, Sex};
    use time::macros::date;

    #[test]
    fn drawn_identifiers_are_valid_and_unique() {
        let mut rng = Rng::new(3);
        let mut taken = BTreeSet::new();
        for _ in 0..500 {
            let b = business_id(&mut rng, &mut taken).expect("business id");
            assert!(BusinessId::parse(b.as_str()).is_ok());
        }
        assert_eq!(taken.len(), 500);
        let mut taken = BTreeSet::new();
        for (i, birth) in [
            date!(1962 - 02 - 28),
            date!(1999 - 12 - 31),
            date!(2004 - 01 - 09),
        ]
        .into_iter()
        .enumerate()
        {
            for k in 0..50 {
                let male = k % 2 == 0;
                let temporary = i == 1;
                let h = hetu(&mut rng, birth, male, temporary, &mut taken).expect("hetu");
                let again = Hetu::parse(h.as_str()).expect("parses");
                assert_eq!(again.birth_date(), birth);
                assert_eq!(again.sex() == Sex::Male, male);
                assert_eq!(again.kind() == HetuKind::Temporary, temporary);
            }
        }
        assert_eq!(taken.len(), 150);
    }
}
