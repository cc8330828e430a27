//! Identity codes (henkilötunnus) and business IDs (Y-tunnus): the parsers must agree with an
//! independent reading of the rules (`docs/finnish-rules.md` §9.1, §9.2), normalise stably, and
//! round-trip through text and JSON; codes built from the input's bytes by the rules must parse.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polku_domain::business_id::check_digit;
use polku_domain::hetu::{check_char, HetuKind, Sex};
use polku_domain::{BusinessId, Hetu};

const CHECK: &[u8] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";
const SIGNS: &[u8] = b"+-YXWVUABCDEF";

fn leap(y: u32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

fn num(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// The rules read afresh: `Some(normalised)` for a valid code.
fn reference_hetu(input: &str) -> Option<String> {
    let s = input.trim().to_ascii_uppercase();
    let b = s.as_bytes();
    if b.len() != 11 {
        return None;
    }
    let (d, m, yy) = (num(&b[0..2])?, num(&b[2..4])?, num(&b[4..6])?);
    let century = match b[6] {
        b'+' => 1800,
        b'-' | b'Y' | b'X' | b'W' | b'V' | b'U' => 1900,
        b'A'..=b'F' => 2000,
        _ => return None,
    };
    let n = num(&b[7..10])?;
    let y = century + yy;
    if !(1..=12).contains(&m) || d == 0 || d > days_in(y, m) || n < 2 {
        return None;
    }
    let nine = (d * 10_000 + m * 100 + yy) * 1000 + n;
    (b[10] == CHECK[(nine % 31) as usize]).then_some(s)
}

fn check_hetu(s: &str) {
    let parsed = Hetu::parse(s);
    let expected = reference_hetu(s);
    match (&parsed, &expected) {
        (Ok(h), Some(norm)) => {
            assert_eq!(h.as_str(), norm, "normalised form");
            assert_eq!(h.to_string(), *norm);
            assert_eq!(Hetu::parse(h.as_str()).as_ref(), Ok(h), "re-parse");
            let json = serde_json::to_string(h).expect("a code serialises");
            assert_eq!(serde_json::from_str::<Hetu>(&json).ok().as_ref(), Some(h));
            assert!(
                !format!("{h:?}").contains(h.as_str()),
                "Debug must not print the code"
            );
            let b = h.as_str().as_bytes();
            let date = h.birth_date();
            assert_eq!(u32::from(date.day()), num(&b[0..2]).expect("digits"));
            assert_eq!(
                u32::from(u8::from(date.month())),
                num(&b[2..4]).expect("digits")
            );
            assert_eq!(date.year() % 100, num(&b[4..6]).expect("digits") as i32);
            let n = num(&b[7..10]).expect("digits");
            assert_eq!(h.kind() == HetuKind::Temporary, n >= 900);
            assert_eq!(h.sex() == Sex::Male, n % 2 == 1);
        }
        (Err(_), None) => {}
        _ => panic!(
            "parser and rules disagree on {s:?}: parser {:?}, rules {:?}",
            parsed.is_ok(),
            expected.is_some()
        ),
    }
}

/// A code built by the rules from raw bytes: valid exactly when its date exists and the
/// individual number is 002–999; one with any other check character is refused.
fn built_hetu(data: &[u8]) {
    let d = u32::from(data[0] % 32);
    let m = u32::from(data[1] % 13);
    let yy = u32::from(data[2] % 100);
    let sign = SIGNS[usize::from(data[3]) % SIGNS.len()];
    let n = u32::from(u16::from_le_bytes([data[4], data[5]]) % 1000);
    let nine = (d * 10_000 + m * 100 + yy) * 1000 + n;
    let good = check_char(nine);
    let code = format!("{d:02}{m:02}{yy:02}{}{n:03}{good}", sign as char);
    let century = match sign {
        b'+' => 1800,
        b'A'..=b'F' => 2000,
        _ => 1900,
    };
    let valid = (1..=12).contains(&m) && d >= 1 && d <= days_in(century + yy, m) && n >= 2;
    assert_eq!(Hetu::parse(&code).is_ok(), valid, "{code}");
    assert_eq!(
        Hetu::parse(&code.to_ascii_lowercase()).is_ok(),
        valid,
        "lower case is accepted"
    );
    let bad = CHECK[(usize::from(data[6]) % 31 + 1 + (nine % 31) as usize) % 31] as char;
    if bad != good {
        let wrong = format!("{}{bad}", &code[..10]);
        assert!(Hetu::parse(&wrong).is_err(), "{wrong}");
    }
}

fn reference_business_id(input: &str) -> Option<String> {
    let s = input.trim();
    let (base, check) = s.split_once('-')?;
    if !(6..=7).contains(&base.len()) || check.len() != 1 {
        return None;
    }
    let padded = format!("{base:0>7}");
    let digits: Vec<u32> = padded
        .bytes()
        .chain(check.bytes())
        .map(|c| c.is_ascii_digit().then(|| u32::from(c - b'0')))
        .collect::<Option<_>>()?;
    let sum: u32 = digits[..7]
        .iter()
        .zip([7, 9, 10, 5, 8, 4, 2])
        .map(|(d, w)| d * w)
        .sum();
    let expected = match sum % 11 {
        0 => 0,
        1 => return None,
        r => 11 - r,
    };
    (digits[7] == expected).then(|| format!("{padded}-{check}"))
}

fn check_business_id(s: &str) {
    let parsed = BusinessId::parse(s);
    let expected = reference_business_id(s);
    match (&parsed, &expected) {
        (Ok(id), Some(norm)) => {
            assert_eq!(id.as_str(), norm);
            assert_eq!(id.to_string(), *norm);
            assert_eq!(BusinessId::parse(id.as_str()).as_ref(), Ok(id));
            let json = serde_json::to_string(id).expect("an ID serialises");
            assert_eq!(
                serde_json::from_str::<BusinessId>(&json).ok().as_ref(),
                Some(id)
            );
            let vat = id.vat_number();
            assert_eq!(vat.len(), 10);
            assert_eq!(&vat[2..9], &norm[..7]);
            assert_eq!(&vat[9..], &norm[8..]);
        }
        (Err(_), None) => {}
        _ => panic!(
            "parser and rules disagree on {s:?}: parser {:?}, rules {:?}",
            parsed.is_ok(),
            expected.is_some()
        ),
    }
}

fn built_business_id(data: &[u8]) {
    let base: [u8; 7] = std::array::from_fn(|i| data[i] % 10);
    let text: String = base.iter().map(|d| char::from(b'0' + d)).collect();
    for c in 0..10u8 {
        let id = format!("{text}-{c}");
        let ok = check_digit(&base) == Some(c);
        assert_eq!(BusinessId::parse(&id).is_ok(), ok, "{id}");
    }
    if base[0] == 0 {
        if let Some(c) = check_digit(&base) {
            let short = format!("{}-{c}", &text[1..]);
            let long = format!("{text}-{c}");
            assert_eq!(
                BusinessId::parse(&short).map(String::from),
                Ok(long),
                "six digits are padded"
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 {
        return;
    }
    if let Ok(s) = std::str::from_utf8(data) {
        check_hetu(s);
        check_business_id(s);
    }
    if data.len() >= 7 {
        built_hetu(data);
        built_business_id(data);
    }
});
