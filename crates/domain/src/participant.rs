//! The participant aggregate: contact, identity, ESF+ entry data, languages, skills, goals,
//! functioning profile (special category), accommodation needs, mobility and availability.
//! Functional limitations only — there is deliberately no diagnosis field anywhere (DESIGN.md §7).

use crate::{
    org::name, CefrLevel, DomainError, EscoUri, FunctioningProfile, Hetu, LanguageCode,
    MunicipalityCode, ParticipantId, ProjectId, UserId,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Hours per week a person can work, `min ≤ max ≤ 60`. Deserialising checks the rule too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawHours")]
pub struct HoursRange {
    pub min: u8,
    pub max: u8,
}

impl HoursRange {
    pub fn new(min: u8, max: u8) -> Result<Self, DomainError> {
        if min > max || max > 60 {
            return Err(DomainError::Invalid {
                field: "hours_per_week",
                reason: format!("{min}-{max} is not a range within 0-60"),
            });
        }
        Ok(Self { min, max })
    }
}

#[derive(Deserialize)]
struct RawHours {
    min: u8,
    max: u8,
}

impl TryFrom<RawHours> for HoursRange {
    type Error = DomainError;
    fn try_from(r: RawHours) -> Result<Self, DomainError> {
        HoursRange::new(r.min, r.max)
    }
}

/// When the person can work. Deserialising checks the rules too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawAvailability")]
pub struct Availability {
    pub hours_per_week: HoursRange,
    pub days_per_week_max: u8,
    pub evenings: bool,
    pub nights: bool,
    pub weekends: bool,
}

impl Availability {
    pub fn new(
        hours: HoursRange,
        days_max: u8,
        evenings: bool,
        nights: bool,
        weekends: bool,
    ) -> Result<Self, DomainError> {
        if !(1..=7).contains(&days_max) {
            return Err(DomainError::Invalid {
                field: "days_per_week_max",
                reason: "must be 1-7".into(),
            });
        }
        Ok(Self {
            hours_per_week: hours,
            days_per_week_max: days_max,
            evenings,
            nights,
            weekends,
        })
    }
}

#[derive(Deserialize)]
struct RawAvailability {
    hours_per_week: HoursRange,
    days_per_week_max: u8,
    evenings: bool,
    nights: bool,
    weekends: bool,
}

impl TryFrom<RawAvailability> for Availability {
    type Error = DomainError;
    fn try_from(r: RawAvailability) -> Result<Self, DomainError> {
        Availability::new(
            r.hours_per_week,
            r.days_per_week_max,
            r.evenings,
            r.nights,
            r.weekends,
        )
    }
}

/// Where the person lives and where they can commute to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mobility {
    pub home: MunicipalityCode,
    pub acceptable: Vec<MunicipalityCode>,
    pub driving_licence: bool,
}

/// How a skill is evidenced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    SelfAssessed,
    CoachObserved,
    WorkTrial,
    Certificate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillClaim {
    pub skill: EscoUri,
    pub evidence: Evidence,
}

/// ESF+ entry characteristics (Regulation (EU) 2021/1057 Annex I), recorded at intake.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EsfEntry {
    pub labour_market_status: Option<LabourMarketStatus>,
    pub education_isced: Option<u8>,
    pub long_term_unemployed: bool,
    pub birth_year: Option<u16>,
    /// The day the current spell of unemployment began, when known: the pay-subsidy rules count
    /// the months unemployed within the last 28 from it (see [`EsfEntry::unemployed_months_of_28`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unemployed_since: Option<time::Date>,
    /// Special category (ethnic origin); stored encrypted with the profile.
    pub foreign_background: Option<bool>,
    /// Special category (disability); stored encrypted with the profile.
    pub disability: Option<bool>,
}

/// Whole calendar months from `from` to `to` (0 when `to` is earlier).
pub fn whole_months(from: time::Date, to: time::Date) -> u32 {
    if to < from {
        return 0;
    }
    let months = (to.year() - from.year()) * 12 + i32::from(u8::from(to.month()))
        - i32::from(u8::from(from.month()));
    let months = if to.day() < from.day() {
        months - 1
    } else {
        months
    };
    u32::try_from(months.max(0)).unwrap_or(0)
}

impl EsfEntry {
    /// Months unemployed within the 28 months before `on`, counted from
    /// [`EsfEntry::unemployed_since`] (`None` when that is not recorded).
    pub fn unemployed_months_of_28(&self, on: time::Date) -> Option<u8> {
        let since = self.unemployed_since?;
        Some(whole_months(since, on).min(28) as u8)
    }

    /// Keeps `long_term_unemployed` consistent with the recorded start of unemployment: a spell
    /// of twelve months or more on `today` makes the person long-term unemployed.
    pub fn normalise(&mut self, today: time::Date) {
        if self
            .unemployed_since
            .is_some_and(|s| whole_months(s, today) >= 12)
        {
            self.long_term_unemployed = true;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabourMarketStatus {
    Unemployed,
    Inactive,
    Employed,
    InEducation,
}

/// The non-special personal data of a participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantPersonal {
    pub given_name: String,
    pub family_name: String,
    pub email: Option<crate::Email>,
    pub phone: Option<String>,
    pub hetu: Option<Hetu>,
    pub languages: BTreeMap<LanguageCode, CefrLevel>,
    pub skills: Vec<SkillClaim>,
    pub goals: Vec<EscoUri>,
    pub mobility: Mobility,
    pub availability: Availability,
    pub esf: EsfEntry,
}

/// Special-category data (GDPR Art. 9): encrypted at rest with the participant's data key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantSensitive {
    pub functioning: FunctioningProfile,
    /// Accommodation catalogue ids the person needs.
    pub accommodations: Vec<String>,
    /// Health-related free text (functional notes, never a diagnosis).
    pub functional_notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub id: ParticipantId,
    pub project_id: ProjectId,
    pub coach_id: Option<UserId>,
    pub personal: ParticipantPersonal,
    pub sensitive: ParticipantSensitive,
    pub stage: crate::PathStage,
    pub waiting_since: time::Date,
    pub version: i64,
}

/// The longest functional notes, in characters (the web form's limit too).
pub const MAX_FUNCTIONAL_NOTES: usize = 10_000;

impl ParticipantSensitive {
    /// Bounded notes and known, distinct accommodation ids from the catalogue (D26).
    pub fn validate(&self) -> Result<(), DomainError> {
        if self.functional_notes.chars().count() > MAX_FUNCTIONAL_NOTES {
            return Err(DomainError::Invalid {
                field: "functional_notes",
                reason: format!("at most {MAX_FUNCTIONAL_NOTES} characters"),
            });
        }
        let mut seen = std::collections::BTreeSet::new();
        for id in &self.accommodations {
            if crate::catalogue::accommodation(id).is_none() {
                return Err(DomainError::Invalid {
                    field: "accommodations",
                    reason: "not an accommodation of the catalogue".into(),
                });
            }
            if !seen.insert(id.as_str()) {
                return Err(DomainError::Invalid {
                    field: "accommodations",
                    reason: "an accommodation is listed twice".into(),
                });
            }
        }
        Ok(())
    }
}

impl ParticipantPersonal {
    /// Checks the parts that the component types cannot check on their own.
    pub fn validate(&self) -> Result<(), DomainError> {
        name("given_name", &self.given_name, 100)?;
        name("family_name", &self.family_name, 100)?;
        let a = &self.availability;
        let hours = HoursRange::new(a.hours_per_week.min, a.hours_per_week.max)?;
        Availability::new(hours, a.days_per_week_max, a.evenings, a.nights, a.weekends)?;
        crate::language::check_known(self.languages.keys())?;
        if self.esf.education_isced.is_some_and(|i| i > 8) {
            return Err(DomainError::Invalid {
                field: "education_isced",
                reason: "ISCED levels are 0-8".into(),
            });
        }
        if self
            .esf
            .birth_year
            .is_some_and(|y| !(1900..=2100).contains(&y))
        {
            return Err(DomainError::Invalid {
                field: "birth_year",
                reason: "not a plausible year of birth".into(),
            });
        }
        if self.esf.unemployed_since.is_some_and(|d| d.year() < 1950) {
            return Err(DomainError::Invalid {
                field: "unemployed_since",
                reason: "not a plausible date".into(),
            });
        }
        if let Some(p) = &self.phone {
            let digits = p.chars().filter(char::is_ascii_digit).count();
            if !(5..=15).contains(&digits)
                || !p.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
            {
                return Err(DomainError::Invalid {
                    field: "phone",
                    reason: "use digits, spaces and + - ( ) only".into(),
                });
            }
        }
        if self
            .skills
            .iter()
            .any(|s| s.skill.kind() != crate::EscoKind::Skill)
        {
            return Err(DomainError::Invalid {
                field: "skills",
                reason: "every skill must be an ESCO skill URI".into(),
            });
        }
        if self
            .goals
            .iter()
            .any(|s| s.kind() != crate::EscoKind::Occupation)
        {
            return Err(DomainError::Invalid {
                field: "goals",
                reason: "every goal must be an ESCO occupation URI".into(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_count_whole_calendar_months() {
        use time::macros::date;
        assert_eq!(
            whole_months(date!(2024 - 01 - 15), date!(2025 - 01 - 14)),
            11
        );
        assert_eq!(
            whole_months(date!(2024 - 01 - 15), date!(2025 - 01 - 15)),
            12
        );
        assert_eq!(
            whole_months(date!(2025 - 01 - 15), date!(2024 - 01 - 15)),
            0
        );
        let mut e = EsfEntry {
            unemployed_since: Some(date!(2020 - 03 - 01)),
            ..EsfEntry::default()
        };
        assert_eq!(e.unemployed_months_of_28(date!(2025 - 03 - 01)), Some(28));
        e.normalise(date!(2020 - 12 - 31));
        assert!(!e.long_term_unemployed);
        e.normalise(date!(2021 - 03 - 01));
        assert!(e.long_term_unemployed);
    }

    #[test]
    fn deserialising_cannot_bypass_the_rules() {
        assert!(serde_json::from_str::<HoursRange>(r#"{"min": 30, "max": 10}"#).is_err());
        assert!(serde_json::from_str::<HoursRange>(r#"{"min": 10, "max": 30}"#).is_ok());
        let bad_days = r#"{"hours_per_week": {"min": 1, "max": 2}, "days_per_week_max": 0, "evenings": false, "nights": false, "weekends": false}"#;
        assert!(serde_json::from_str::<Availability>(bad_days).is_err());
    }
}
