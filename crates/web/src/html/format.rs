//! Dates, times and numbers as a reader of the page's locale expects them, always in Finnish
//! time (Europe/Helsinki), whatever the server's clock or time zone.
//!
//! | | fi, fi-x-selko | sv | en |
//! |---|---|---|---|
//! | date | 6.12.2026 | 6.12.2026 | 6 Dec 2026 |
//! | date and time | 6.12.2026 klo 14.30 | 6.12.2026 kl. 14.30 | 6 Dec 2026, 14:30 |
//! | decimal | 0,84 | 0,84 | 0.84 |
//! | percentage | 70 % | 70 % | 70% |
//! | euros | 1 260 € | 1 260 € | €1,260 |
//!
//! The spaces inside numbers and before the unit are no-break spaces (U+00A0), so a number is
//! never split over two lines. The time-zone rules come from the IANA database bundled with
//! `jiff` (see `docs/ARCHITECTURE.md`), not from a hand-written summer-time rule.

use crate::i18n::Locale;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// The no-break space between digit groups and before a unit.
pub const NBSP: char = '\u{a0}';

use polku_service::clock::helsinki;
pub use polku_service::clock::{helsinki_offset, in_helsinki, today};

/// A Finnish wall-clock date and time as an instant. A time skipped when the clocks go forward
/// is read as if the clocks had not yet changed (03:30 on the spring morning is 04:30 EEST), and
/// a time that occurs twice in autumn is the earlier of the two, as most calendars do.
pub fn from_helsinki(date: Date, time: Time) -> OffsetDateTime {
    let naive = PrimitiveDateTime::new(date, time);
    let civil = jiff::civil::DateTime::new(
        i16::try_from(date.year()).unwrap_or(i16::MAX),
        i8::try_from(u8::from(date.month())).unwrap_or(1),
        i8::try_from(date.day()).unwrap_or(1),
        i8::try_from(time.hour()).unwrap_or(0),
        i8::try_from(time.minute()).unwrap_or(0),
        i8::try_from(time.second()).unwrap_or(0),
        0,
    );
    civil
        .ok()
        .and_then(|dt| helsinki().to_ambiguous_timestamp(dt).compatible().ok())
        .and_then(|ts| OffsetDateTime::from_unix_timestamp(ts.as_second()).ok())
        .map(in_helsinki)
        .unwrap_or_else(|| naive.assume_offset(UtcOffset::UTC))
}

fn month_abbr(m: Month) -> &'static str {
    match m {
        Month::January => "Jan",
        Month::February => "Feb",
        Month::March => "Mar",
        Month::April => "Apr",
        Month::May => "May",
        Month::June => "Jun",
        Month::July => "Jul",
        Month::August => "Aug",
        Month::September => "Sep",
        Month::October => "Oct",
        Month::November => "Nov",
        Month::December => "Dec",
    }
}

/// A month: "12/2026" in Finnish and Swedish, "Dec 2026" in English.
pub fn month(locale: Locale, d: Date) -> String {
    match locale {
        Locale::En => format!("{} {}", month_abbr(d.month()), d.year()),
        Locale::Fi | Locale::FiSelko | Locale::Sv => {
            format!("{}/{}", u8::from(d.month()), d.year())
        }
    }
}

/// A calendar date: "6.12.2026" in Finnish and Swedish, "6 Dec 2026" in English.
pub fn date(locale: Locale, d: Date) -> String {
    match locale {
        Locale::En => format!("{} {} {}", d.day(), month_abbr(d.month()), d.year()),
        Locale::Fi | Locale::FiSelko | Locale::Sv => {
            format!("{}.{}.{}", d.day(), u8::from(d.month()), d.year())
        }
    }
}

/// A time of day: "14.30" in Finnish and Swedish, "14:30" in English.
pub fn clock(locale: Locale, t: Time) -> String {
    let sep = if locale == Locale::En { ':' } else { '.' };
    format!("{:02}{sep}{:02}", t.hour(), t.minute())
}

/// An instant in Finnish time: "6.12.2026 klo 14.30", "6.12.2026 kl. 14.30" or
/// "6 Dec 2026, 14:30".
pub fn date_time(locale: Locale, at: OffsetDateTime) -> String {
    let local = in_helsinki(at);
    let (d, t) = (date(locale, local.date()), clock(locale, local.time()));
    match locale {
        Locale::Fi | Locale::FiSelko => format!("{d} klo{NBSP}{t}"),
        Locale::Sv => format!("{d} kl.{NBSP}{t}"),
        Locale::En => format!("{d}, {t}"),
    }
}

/// Digits of a whole number grouped by three: "1 260" (no-break spaces) or "1,260". Numbers
/// under 10 000 are grouped too, as in tables of euros.
pub fn integer(locale: Locale, n: i64) -> String {
    let sep = if locale == Locale::En { ',' } else { NBSP };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A number with `places` decimals: "0,84" in Finnish and Swedish, "0.84" in English.
pub fn decimal(locale: Locale, x: f64, places: usize) -> String {
    let s = format!("{:.*}", places, x);
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    let negative = whole.starts_with('-');
    let n: i64 = whole.trim_start_matches('-').parse().unwrap_or(0);
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&integer(locale, n));
    if !frac.is_empty() {
        out.push(if locale == Locale::En { '.' } else { ',' });
        out.push_str(frac);
    }
    out
}

/// A share (0.7 is 70 per cent) as a whole percentage: "70 %" or "70%".
pub fn percent(locale: Locale, share: f64) -> String {
    let n = decimal(locale, share * 100.0, 0);
    match locale {
        Locale::En => format!("{n}%"),
        Locale::Fi | Locale::FiSelko | Locale::Sv => format!("{n}{NBSP}%"),
    }
}

/// Whole euros: "1 260 €" in Finnish and Swedish, "€1,260" in English.
pub fn euros(locale: Locale, eur: f64) -> String {
    // Whole euros: the figures are estimates, never invoices (and far below i64::MAX).
    let n = integer(locale, eur.round() as i64);
    match locale {
        Locale::En => format!("€{n}"),
        Locale::Fi | Locale::FiSelko | Locale::Sv => format!("{n}{NBSP}€"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime, time};

    const ALL: [Locale; 4] = Locale::ALL;

    #[test]
    fn dates_are_in_each_locales_form() {
        let d = date!(2026 - 12 - 06);
        assert_eq!(date(Locale::Fi, d), "6.12.2026");
        assert_eq!(date(Locale::FiSelko, d), "6.12.2026");
        assert_eq!(date(Locale::Sv, d), "6.12.2026");
        assert_eq!(date(Locale::En, d), "6 Dec 2026");
        assert_eq!(date(Locale::Fi, date!(2026 - 01 - 05)), "5.1.2026");
    }

    #[test]
    fn date_times_are_helsinki_time_in_each_locales_form() {
        // 12:30 UTC in December is 14:30 in Helsinki (EET, UTC+2).
        let at = datetime!(2026-12-06 12:30 UTC);
        assert_eq!(date_time(Locale::Fi, at), "6.12.2026 klo\u{a0}14.30");
        assert_eq!(date_time(Locale::Sv, at), "6.12.2026 kl.\u{a0}14.30");
        assert_eq!(date_time(Locale::En, at), "6 Dec 2026, 14:30");
        // 11:30 UTC in June is 14:30 in Helsinki (EEST, UTC+3).
        let summer = datetime!(2026-06-15 11:30 UTC);
        assert_eq!(date_time(Locale::Fi, summer), "15.6.2026 klo\u{a0}14.30");
    }

    #[test]
    fn a_late_utc_evening_is_the_next_day_in_finland() {
        let at = datetime!(2026-12-05 23:48 UTC);
        assert_eq!(date_time(Locale::Fi, at), "6.12.2026 klo\u{a0}01.48");
        assert_eq!(in_helsinki(at).date(), date!(2026 - 12 - 06));
    }

    #[test]
    fn the_offset_changes_at_the_spring_and_autumn_boundaries() {
        // 2026: summer time starts on Sunday 29 March at 01:00 UTC and ends on Sunday
        // 25 October at 01:00 UTC.
        let h = |at| helsinki_offset(at).whole_hours();
        assert_eq!(h(datetime!(2026-03-29 00:59:59 UTC)), 2);
        assert_eq!(h(datetime!(2026-03-29 01:00 UTC)), 3);
        assert_eq!(h(datetime!(2026-10-25 00:59:59 UTC)), 3);
        assert_eq!(h(datetime!(2026-10-25 01:00 UTC)), 2);
        assert_eq!(
            date_time(Locale::Fi, datetime!(2026-03-29 00:59 UTC)),
            "29.3.2026 klo\u{a0}02.59"
        );
        assert_eq!(
            date_time(Locale::Fi, datetime!(2026-03-29 01:00 UTC)),
            "29.3.2026 klo\u{a0}04.00"
        );
    }

    #[test]
    fn finnish_wall_clock_times_become_the_right_instants() {
        let winter = from_helsinki(date!(2026 - 12 - 06), time!(14:30));
        assert_eq!(winter, datetime!(2026-12-06 12:30 UTC));
        let summer = from_helsinki(date!(2026 - 06 - 15), time!(14:30));
        assert_eq!(summer, datetime!(2026-06-15 11:30 UTC));
        // 03:30 on 29 March 2026 does not exist in Finland; it is read as 04:30 EEST.
        let gap = from_helsinki(date!(2026 - 03 - 29), time!(03:30));
        assert_eq!(gap, datetime!(2026-03-29 01:30 UTC));
        // 03:30 on 25 October 2026 happens twice; the earlier (EEST) one is meant.
        let fold = from_helsinki(date!(2026 - 10 - 25), time!(03:30));
        assert_eq!(fold, datetime!(2026-10-25 00:30 UTC));
        // Round trip through the formatter.
        assert_eq!(date_time(Locale::Sv, fold), "25.10.2026 kl.\u{a0}03.30");
    }

    #[test]
    fn numbers_use_the_locales_separators() {
        assert_eq!(decimal(Locale::Fi, 0.84, 2), "0,84");
        assert_eq!(decimal(Locale::Sv, 0.845, 1), "0,8");
        assert_eq!(decimal(Locale::En, 0.84, 2), "0.84");
        assert_eq!(decimal(Locale::Fi, 12345.5, 1), "12\u{a0}345,5");
        assert_eq!(decimal(Locale::En, -1234.25, 2), "-1,234.25");
        assert_eq!(integer(Locale::Fi, 999), "999");
        assert_eq!(integer(Locale::Fi, 1_000_000), "1\u{a0}000\u{a0}000");
        assert_eq!(integer(Locale::En, 1260), "1,260");
        assert_eq!(percent(Locale::Fi, 0.7), "70\u{a0}%");
        assert_eq!(percent(Locale::En, 0.5), "50%");
    }

    #[test]
    fn euros_are_whole_with_the_sign_where_the_locale_puts_it() {
        assert_eq!(euros(Locale::Fi, 1260.0), "1\u{a0}260\u{a0}€");
        assert_eq!(euros(Locale::Sv, 1259.6), "1\u{a0}260\u{a0}€");
        assert_eq!(euros(Locale::En, 1260.0), "€1,260");
        assert_eq!(euros(Locale::En, 40.0), "€40");
        for l in ALL {
            assert!(!euros(l, 300_000.0).contains(' '), "{l:?}: plain space");
        }
    }
}
