//! The industries of the demo employers, shared by the ESCO table ([`super::esco_table`]) and
//! the lookups into it ([`super::esco_refs`]).

use polku_service::{Result, ServiceError};

/// The industries of the demo employers; `General` skills fit every workplace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sector {
    Cleaning,
    Kitchen,
    Warehouse,
    Retail,
    Care,
    Metal,
    Grounds,
    Laundry,
    Office,
    General,
}

impl Sector {
    /// Every employer sector (not `General`).
    pub const EMPLOYERS: [Sector; 9] = [
        Sector::Cleaning,
        Sector::Kitchen,
        Sector::Warehouse,
        Sector::Retail,
        Sector::Care,
        Sector::Metal,
        Sector::Grounds,
        Sector::Laundry,
        Sector::Office,
    ];

    pub fn parse(s: &str) -> Result<Sector> {
        Sector::EMPLOYERS
            .into_iter()
            .chain([Sector::General])
            .find(|x| format!("{x:?}") == s)
            .ok_or_else(|| ServiceError::Config(format!("demo data: unknown sector {s:?}")))
    }
}
