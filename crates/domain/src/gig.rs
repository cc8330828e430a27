//! Gigs (keikkatyö): a small employer's one-off work for a few hours on one day, with tasks
//! from the employer's inventory. A coach offers a gig to a participant as a placement of kind
//! gig; its result (done, actual hours) is the participant's work experience.

use crate::{
    DomainError, EmployerId, GigId, MunicipalityCode, ProjectId, Schedule, TaskId, UserId,
};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime, Time, Weekday};

/// Hours of a gig, in half hours from 0.5 to 12 (stored as minutes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct GigHours(u16);

impl GigHours {
    pub const MIN_MINUTES: u16 = 30;
    pub const MAX_MINUTES: u16 = 12 * 60;

    /// From hours given as a number: a multiple of half an hour from 0.5 to 12.
    pub fn from_hours(h: f64) -> Result<Self, DomainError> {
        let minutes = h * 60.0;
        if !minutes.is_finite() || minutes.fract() != 0.0 {
            return Err(rule("hours", "gig_hours_range"));
        }
        if !(f64::from(Self::MIN_MINUTES)..=f64::from(Self::MAX_MINUTES)).contains(&minutes) {
            return Err(rule("hours", "gig_hours_range"));
        }
        Self::from_minutes(minutes as u16)
    }

    /// From hours as typed in a form: `4`, `4.5` or `4,5`.
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        s.trim()
            .replace(',', ".")
            .parse::<f64>()
            .map_err(|_| rule("hours", "gig_hours_range"))
            .and_then(Self::from_hours)
    }

    pub fn from_minutes(m: u16) -> Result<Self, DomainError> {
        if (Self::MIN_MINUTES..=Self::MAX_MINUTES).contains(&m) && m.is_multiple_of(30) {
            Ok(Self(m))
        } else {
            Err(rule("hours", "gig_hours_range"))
        }
    }

    pub fn minutes(self) -> u16 {
        self.0
    }

    pub fn hours(self) -> f64 {
        f64::from(self.0) / 60.0
    }

    /// Whole hours, rounded up (what the engine's hour-based limits see).
    pub fn whole_hours_up(self) -> u8 {
        u8::try_from(self.0.div_ceil(60)).unwrap_or(u8::MAX)
    }
}

impl TryFrom<f64> for GigHours {
    type Error = DomainError;
    fn try_from(h: f64) -> Result<Self, Self::Error> {
        Self::from_hours(h)
    }
}

impl From<GigHours> for f64 {
    fn from(h: GigHours) -> f64 {
        h.hours()
    }
}

impl std::fmt::Display for GigHours {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_multiple_of(60) {
            write!(f, "{}", self.0 / 60)
        } else {
            write!(f, "{}.5", self.0 / 60)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GigState {
    /// Posted; places are still free.
    Open,
    /// Every place has an agreed participant.
    Filled,
    Cancelled,
    /// The day is over and the results are recorded.
    Done,
}

impl GigState {
    pub const ALL: [GigState; 4] = [
        GigState::Open,
        GigState::Filled,
        GigState::Cancelled,
        GigState::Done,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            GigState::Open => "open",
            GigState::Filled => "filled",
            GigState::Cancelled => "cancelled",
            GigState::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| DomainError::Invalid {
                field: "state",
                reason: format!("unknown gig state {s:?}"),
            })
    }
}

/// A gig as posted by an employer user or a coordinator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gig {
    pub id: GigId,
    pub project_id: ProjectId,
    pub employer_id: EmployerId,
    pub posted_by: UserId,
    pub on: Date,
    pub starts_at: Time,
    pub hours: GigHours,
    pub municipality: MunicipalityCode,
    /// Address or place, as the employer writes it.
    pub place: String,
    /// The tasks, from the employer's inventory.
    pub tasks: Vec<TaskId>,
    /// How many people.
    pub places: u8,
    pub state: GigState,
    pub created_at: OffsetDateTime,
    pub version: i64,
}

fn rule(field: &'static str, code: &'static str) -> DomainError {
    DomainError::Rule { field, rule: code }
}

impl Gig {
    /// Checks the terms (the tasks against the inventory are checked by the use case).
    pub fn validate(&self, today: Date) -> Result<(), DomainError> {
        if self.on < today {
            return Err(rule("on", "gig_date_in_past"));
        }
        if self.tasks.is_empty() {
            return Err(rule("tasks", "placement_needs_tasks"));
        }
        if !(1..=20).contains(&self.places) {
            return Err(rule("places", "gig_places_range"));
        }
        if self.place.trim().is_empty() {
            return Err(rule("place", "gig_place_required"));
        }
        if self.place.chars().count() > 300 {
            return Err(rule("place", "text_too_long"));
        }
        Ok(())
    }

    /// When the work ends (may be past midnight: then the next day).
    pub fn ends_at(&self) -> Time {
        self.starts_at + time::Duration::minutes(i64::from(self.hours.minutes()))
    }

    /// The hard-limit schedule of the gig: at night when any of it falls between 22 and 6,
    /// in the evening when it goes on past 18, at a weekend on Saturday or Sunday, else daytime.
    pub fn schedule(&self) -> Schedule {
        let start = u32::from(self.starts_at.hour()) * 60 + u32::from(self.starts_at.minute());
        let end = start + u32::from(self.hours.minutes());
        if start < 6 * 60 || end > 22 * 60 {
            Schedule::Nights
        } else if end > 18 * 60 {
            Schedule::Evenings
        } else if matches!(self.on.weekday(), Weekday::Saturday | Weekday::Sunday) {
            Schedule::Weekends
        } else {
            Schedule::Daytime
        }
    }
}

/// Parses a start time typed as `HH:MM`.
pub fn parse_start(s: &str) -> Result<Time, DomainError> {
    let t = s.trim();
    let (h, m) = t
        .split_once(':')
        .ok_or(rule("starts_at", "gig_start_time"))?;
    let h: u8 = h.parse().map_err(|_| rule("starts_at", "gig_start_time"))?;
    let m: u8 = m.parse().map_err(|_| rule("starts_at", "gig_start_time"))?;
    Time::from_hms(h, m, 0).map_err(|_| rule("starts_at", "gig_start_time"))
}

/// `HH:MM`.
pub fn format_start(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, time};

    fn gig(on: Date, start: Time, hours: f64) -> Gig {
        Gig {
            id: GigId::new(),
            project_id: ProjectId::new(),
            employer_id: EmployerId::new(),
            posted_by: UserId::new(),
            on,
            starts_at: start,
            hours: GigHours::from_hours(hours).unwrap(),
            municipality: MunicipalityCode::parse("091").unwrap(),
            place: "Kauppakatu 1".into(),
            tasks: vec![TaskId::new()],
            places: 1,
            state: GigState::Open,
            created_at: OffsetDateTime::UNIX_EPOCH,
            version: 1,
        }
    }

    #[test]
    fn hours_are_half_hours_from_half_to_twelve() {
        assert_eq!(GigHours::parse("4,5").unwrap().minutes(), 270);
        assert_eq!(GigHours::parse("0.5").unwrap().to_string(), "0.5");
        assert_eq!(GigHours::parse("12").unwrap().to_string(), "12");
        for bad in ["0", "12.5", "4.25", "-1", "x", "NaN"] {
            assert!(GigHours::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn schedule_follows_the_clock_and_the_weekday() {
        let monday = date!(2027 - 01 - 11);
        assert_eq!(gig(monday, time!(9:00), 4.0).schedule(), Schedule::Daytime);
        assert_eq!(
            gig(monday, time!(16:00), 4.0).schedule(),
            Schedule::Evenings
        );
        assert_eq!(gig(monday, time!(20:00), 4.0).schedule(), Schedule::Nights);
        assert_eq!(gig(monday, time!(5:00), 2.0).schedule(), Schedule::Nights);
        let saturday = date!(2027 - 01 - 16);
        assert_eq!(
            gig(saturday, time!(9:00), 4.0).schedule(),
            Schedule::Weekends
        );
    }

    #[test]
    fn a_gig_in_the_past_is_refused() {
        let g = gig(date!(2027 - 01 - 11), time!(9:00), 4.0);
        assert!(g.validate(date!(2027 - 01 - 11)).is_ok());
        assert_eq!(
            g.validate(date!(2027 - 01 - 12)),
            Err(rule("on", "gig_date_in_past"))
        );
    }
}
