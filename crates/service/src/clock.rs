//! Finnish time (Europe/Helsinki) for the whole service: "today" is the date in Finland, not
//! the server's UTC date. The time-zone rules come from the IANA database bundled with `jiff`.
//! The web layer's formatting (`crates/web/src/html/format.rs`) re-exports these.

use jiff::tz::TimeZone;
use std::sync::OnceLock;
use time::{Date, OffsetDateTime, UtcOffset};

/// Finland's time zone, from the bundled IANA database.
pub fn helsinki() -> &'static TimeZone {
    static TZ: OnceLock<TimeZone> = OnceLock::new();
    TZ.get_or_init(|| {
        // The database is compiled into the binary, so the zone is always there; a fixed
        // UTC+2 is only a guard against a broken build.
        TimeZone::get("Europe/Helsinki")
            .unwrap_or_else(|_| TimeZone::fixed(jiff::tz::Offset::constant(2)))
    })
}

/// Finland's offset from UTC at the instant `at` (+2 in winter, +3 in summer).
pub fn helsinki_offset(at: OffsetDateTime) -> UtcOffset {
    let seconds = jiff::Timestamp::from_second(at.unix_timestamp())
        .map(|ts| helsinki().to_offset(ts).seconds())
        .unwrap_or(2 * 3600);
    UtcOffset::from_whole_seconds(seconds).unwrap_or(UtcOffset::UTC)
}

/// The instant `at` as Finnish wall-clock time.
pub fn in_helsinki(at: OffsetDateTime) -> OffsetDateTime {
    at.to_offset(helsinki_offset(at))
}

/// Today's date in Finland (between midnight and 02:00/03:00 Finnish time the UTC date is
/// still yesterday's).
pub fn today() -> Date {
    in_helsinki(OffsetDateTime::now_utc()).date()
}

/// Where the current time comes from: the system clock, or, in tests, a clock that is set by
/// hand (injected clock), so that what depends on the date (audit segments, R38) can be run
/// on any day.
#[derive(Debug, Clone, Default)]
pub struct Clock(Option<std::sync::Arc<std::sync::Mutex<OffsetDateTime>>>);

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Clock(None)
    }

    /// A clock standing at `at` until [`Clock::set`] moves it.
    pub fn manual(at: OffsetDateTime) -> Self {
        Clock(Some(std::sync::Arc::new(std::sync::Mutex::new(at))))
    }

    /// Moves a manual clock (and every copy of it) to `at`; the system clock ignores it.
    pub fn set(&self, at: OffsetDateTime) {
        if let Some(t) = &self.0 {
            *t.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = at;
        }
    }

    /// The current time.
    pub fn now(&self) -> OffsetDateTime {
        match &self.0 {
            None => OffsetDateTime::now_utc(),
            Some(t) => *t.lock().unwrap_or_else(std::sync::PoisonError::into_inner),
        }
    }
}
