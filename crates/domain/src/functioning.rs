//! The functioning-dimension keys shared by a person's capacity profile and a task's demand
//! profile (DESIGN.md §5), and the 0–4 level scale. Labels and questions live in the catalogue
//! data file (`data/functioning-dimensions.json`, see [`crate::catalogue`]).

use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

macro_rules! dimensions {
    ($($variant:ident => $key:literal),+ $(,)?) => {
        /// One functioning dimension. The order is the catalogue order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Dimension { $($variant),+ }

        impl Dimension {
            pub const ALL: &'static [Dimension] = &[$(Dimension::$variant),+];
            pub fn key(self) -> &'static str {
                match self { $(Dimension::$variant => $key),+ }
            }
            pub fn parse(s: &str) -> Result<Self, DomainError> {
                match s { $($key => Ok(Dimension::$variant),)+ _ => Err(DomainError::UnknownDimension(s.to_owned())) }
            }
        }
    };
}

dimensions! {
    Lifting => "lifting", Standing => "standing", Walking => "walking", Sitting => "sitting",
    FineMotor => "fine_motor", Bending => "bending", Overhead => "overhead", Vision => "vision",
    Hearing => "hearing", Noise => "noise", Temperature => "temperature", Dust => "dust",
    Concentration => "concentration", Instructions => "instructions", Pace => "pace",
    Change => "change", Multitasking => "multitasking", Literacy => "literacy",
    CustomerContact => "customer_contact", Teamwork => "teamwork", Phone => "phone",
    Independence => "independence",
}

impl Dimension {
    pub const COUNT: usize = 22;
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A level 0–4. For a demand: none … very high. For a capacity: the highest level the person
/// manages without support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Level(u8);

impl Level {
    pub const MAX: Level = Level(4);
    pub fn new(v: i64) -> Result<Self, DomainError> {
        if (0..=4).contains(&v) {
            Ok(Level(v as u8))
        } else {
            Err(DomainError::LevelOutOfRange(v))
        }
    }
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Level {
    type Error = DomainError;
    fn try_from(v: i64) -> Result<Self, Self::Error> {
        Level::new(v)
    }
}

impl From<Level> for u8 {
    fn from(l: Level) -> u8 {
        l.0
    }
}

/// A capacity assessment on one dimension. "Not assessed" is a value of its own: it shows up as
/// *to check*, never as a silent fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status", content = "level")]
pub enum Assessment {
    NotAssessed,
    Assessed(Level),
}

/// A person's capacity on every dimension (missing = not assessed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunctioningProfile {
    pub capacity: BTreeMap<Dimension, Level>,
}

impl FunctioningProfile {
    pub fn get(&self, d: Dimension) -> Assessment {
        self.capacity
            .get(&d)
            .map_or(Assessment::NotAssessed, |l| Assessment::Assessed(*l))
    }
    pub fn set(&mut self, d: Dimension, a: Assessment) {
        match a {
            Assessment::NotAssessed => self.capacity.remove(&d),
            Assessment::Assessed(l) => self.capacity.insert(d, l),
        };
    }
}

/// A task's demand on each dimension (missing = none, level 0).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemandProfile {
    pub demands: BTreeMap<Dimension, Level>,
}

impl DemandProfile {
    pub fn get(&self, d: Dimension) -> Level {
        self.demands.get(&d).copied().unwrap_or(Level(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn keys_round_trip_and_count() {
        assert_eq!(Dimension::ALL.len(), Dimension::COUNT);
        for d in Dimension::ALL {
            assert_eq!(Dimension::parse(d.key()), Ok(*d));
            assert_eq!(
                serde_json::to_string(d).unwrap(),
                format!("\"{}\"", d.key())
            );
        }
        assert!(Dimension::parse("diagnosis").is_err());
        assert!(Level::new(5).is_err());
        assert!(serde_json::from_str::<Level>("-1").is_err());
        let mut p = FunctioningProfile::default();
        assert_eq!(p.get(Dimension::Lifting), Assessment::NotAssessed);
        p.set(
            Dimension::Lifting,
            Assessment::Assessed(Level::new(2).unwrap()),
        );
        assert_eq!(p.get(Dimension::Lifting), Assessment::Assessed(Level(2)));
    }
}
