//! ESF+ participant data (Regulation (EU) 2021/1057 Annex I): the entry data recorded when a
//! person starts, the result on leaving and the six-month follow-up, and the indicator
//! definitions (`data/esf-indicators.json`: codes, names, sources and validity are data, not
//! code). Every answer keeps "declined to answer" apart from "not known". How each indicator is
//! counted from the answers is [`Measure`]; docs/ESF.md gives the mapping.

use crate::{DomainError, MunicipalityCode, ParticipantId};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use time::Date;

macro_rules! coded {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $v),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            /// The stored and API code.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }
            pub fn parse(s: &str) -> Result<Self, DomainError> {
                Self::ALL.iter().copied().find(|x| x.as_str() == s).ok_or(DomainError::Invalid {
                    field: stringify!($name),
                    reason: format!("unknown value {s:?}"),
                })
            }
        }
    };
}

coded!(
    /// Gender as the Annex breaks figures down (women, men, non-binary persons).
    Gender {
        Woman = "woman",
        Man = "man",
        NonBinary = "non_binary",
        Declined = "declined",
        NotKnown = "not_known",
    }
);

coded!(
    /// Labour-market status on the day of entry.
    EntryStatus {
        Unemployed = "unemployed",
        /// Unemployed jobseeker for 12 months or more without a break (Finnish register rule).
        LongTermUnemployed = "long_term_unemployed",
        /// Neither working nor unemployed (e.g. studying, at home, on a pension).
        Inactive = "inactive",
        Employed = "employed",
        SelfEmployed = "self_employed",
        Declined = "declined",
        NotKnown = "not_known",
    }
);

coded!(
    /// The highest education completed before entry, asked in plain words; each maps to an
    /// ISCED 2011 level by the Finnish education classification (Statistics Finland).
    Education {
        /// Did not finish basic education, or none (ISCED 0–1).
        PrimaryOrLess = "primary_or_less",
        /// Basic education (peruskoulu) (ISCED 2).
        Basic = "basic",
        /// General upper secondary or a vocational upper secondary qualification (ISCED 3).
        UpperSecondary = "upper_secondary",
        /// Specialist vocational qualification (erikoisammattitutkinto) (ISCED 4).
        SpecialistVocational = "specialist_vocational",
        /// College-level (opistoaste) qualification (ISCED 5).
        College = "college",
        /// Bachelor's degree, university or university of applied sciences (ISCED 6).
        Bachelor = "bachelor",
        /// Master's degree (ISCED 7).
        Master = "master",
        /// Licentiate or doctorate (ISCED 8).
        Doctoral = "doctoral",
        Declined = "declined",
        NotKnown = "not_known",
    }
);

coded!(
    /// A yes/no question that may be declined or not known.
    Answer {
        Yes = "yes",
        No = "no",
        Declined = "declined",
        NotKnown = "not_known",
    }
);

coded!(
    /// The result on leaving, as the EURA 2021 exit form asks it.
    LeavingResult {
        JobSearching = "job_searching",
        InEducation = "in_education",
        /// At work (an apprenticeship included).
        Employed = "employed",
        SelfEmployed = "self_employed",
        /// None of the above.
        Other = "other",
    }
);

impl Education {
    /// The ISCED 2011 level (the lowest of ISCED 0–1 for `PrimaryOrLess`); `None` when not given.
    pub fn isced(self) -> Option<u8> {
        Some(match self {
            Education::PrimaryOrLess => 1,
            Education::Basic => 2,
            Education::UpperSecondary => 3,
            Education::SpecialistVocational => 4,
            Education::College => 5,
            Education::Bachelor => 6,
            Education::Master => 7,
            Education::Doctoral => 8,
            Education::Declined | Education::NotKnown => return None,
        })
    }

    /// The answers at ISCED levels `lo..=hi`.
    pub fn with_isced(lo: u8, hi: u8) -> Vec<Education> {
        Education::ALL
            .iter()
            .copied()
            .filter(|e| e.isced().is_some_and(|i| (lo..=hi).contains(&i)))
            .collect()
    }
}

impl EntryStatus {
    pub fn is_employed(self) -> bool {
        matches!(self, EntryStatus::Employed | EntryStatus::SelfEmployed)
    }
}

/// The special-category answers, sealed with the participant's data key (GDPR Art. 9):
/// disability (health) and belonging to a minority (ethnic origin). Both are optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EsfSpecial {
    pub disability: Answer,
    pub minority: Answer,
}

impl Default for EsfSpecial {
    fn default() -> Self {
        Self {
            disability: Answer::NotKnown,
            minority: Answer::NotKnown,
        }
    }
}

/// The entry data (ESF+ output indicators), as recorded on the day the person started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EsfEntryData {
    /// The day the person entered (started in the project).
    pub entered_on: Date,
    pub gender: Gender,
    pub status: EntryStatus,
    pub education: Education,
    pub third_country_national: Answer,
    pub foreign_background: Answer,
    pub homeless: Answer,
    pub special: EsfSpecial,
}

/// Leaving the project: the day and the result (EURA 2021 exit data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leaving {
    pub left_on: Date,
    pub result: LeavingResult,
    /// Gained a qualification or professional competence thanks to the project.
    pub qualification: bool,
}

/// The situation six months after leaving.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SixMonths {
    /// The day the coach found out.
    pub checked_on: Date,
    /// In work or self-employed six months after leaving.
    pub employed: Answer,
    /// An improved labour-market situation (only someone employed at entry can have one).
    pub improved: Answer,
}

/// One participant's ESF+ record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EsfRecord {
    pub participant_id: ParticipantId,
    pub entry: EsfEntryData,
    /// Derived on saving: from the birth date in the identity code, else from the year of birth
    /// (then the age reached in the year of entry). `None`: not known.
    pub age_at_entry: Option<u8>,
    /// The home municipality on the day of entry.
    pub municipality: MunicipalityCode,
    /// Derived from the municipality where a classification exists: `NotKnown` otherwise.
    pub rural: Answer,
    pub leaving: Option<Leaving>,
    pub six_months: Option<SixMonths>,
    pub version: i64,
}

/// The day the six-month follow-up falls due.
pub fn six_months_after(left_on: Date) -> Date {
    crate::work::add_months(left_on, 6)
}

fn invalid(field: &'static str, reason: &str) -> DomainError {
    DomainError::Invalid {
        field,
        reason: reason.into(),
    }
}

impl EsfEntryData {
    /// The entry day must be plausible and not in the future.
    pub fn validate(&self, today: Date) -> Result<(), DomainError> {
        if self.entered_on.year() < 2000 {
            return Err(invalid("entered_on", "not a plausible date of entry"));
        }
        if self.entered_on > today {
            return Err(invalid("entered_on", "the date of entry is in the future"));
        }
        Ok(())
    }
}

impl Leaving {
    pub fn validate(&self, entry: &EsfEntryData, today: Date) -> Result<(), DomainError> {
        if self.left_on < entry.entered_on {
            return Err(invalid("left_on", "the person left before they entered"));
        }
        if self.left_on > today {
            return Err(invalid("left_on", "the date of leaving is in the future"));
        }
        Ok(())
    }
}

impl SixMonths {
    pub fn validate(
        &self,
        entry: &EsfEntryData,
        leaving: Option<&Leaving>,
        today: Date,
    ) -> Result<(), DomainError> {
        let Some(leaving) = leaving else {
            return Err(invalid("left_on", "record the leaving first"));
        };
        if self.checked_on < six_months_after(leaving.left_on) {
            return Err(invalid(
                "checked_on",
                "the follow-up is six months after leaving or later",
            ));
        }
        if self.checked_on > today {
            return Err(invalid("checked_on", "the date is in the future"));
        }
        if self.improved == Answer::Yes && !entry.status.is_employed() {
            return Err(invalid(
                "improved",
                "only someone employed at entry can have an improved situation",
            ));
        }
        if self.improved == Answer::Yes && self.employed != Answer::Yes {
            return Err(invalid(
                "improved",
                "an improved situation needs work six months after leaving",
            ));
        }
        Ok(())
    }
}

impl EsfRecord {
    pub fn validate(&self, today: Date) -> Result<(), DomainError> {
        self.entry.validate(today)?;
        if let Some(l) = &self.leaving {
            l.validate(&self.entry, today)?;
        }
        if let Some(s) = &self.six_months {
            s.validate(&self.entry, self.leaving.as_ref(), today)?;
        }
        Ok(())
    }

    /// When the six-month follow-up is due (once the person has left).
    pub fn follow_up_due(&self) -> Option<Date> {
        self.leaving.map(|l| six_months_after(l.left_on))
    }
}

/// Age in whole years on `on` from a birth date.
pub fn age_on(birth: Date, on: Date) -> Option<u8> {
    if on < birth {
        return None;
    }
    let mut years = on.year() - birth.year();
    if (u8::from(on.month()), on.day()) < (u8::from(birth.month()), birth.day()) {
        years -= 1;
    }
    u8::try_from(years).ok()
}

/// Age at entry: from the birth date when known, else the age reached in the year of entry
/// from the year of birth.
pub fn age_at_entry(
    birth_date: Option<Date>,
    birth_year: Option<u16>,
    entered_on: Date,
) -> Option<u8> {
    match (birth_date, birth_year) {
        (Some(d), _) => age_on(d, entered_on),
        (None, Some(y)) => u8::try_from(entered_on.year() - i32::from(y)).ok(),
        (None, None) => None,
    }
}

/// Whether the municipality is rural. Polku ships no verified municipality-level urban–rural
/// classification (docs/ESF.md says why), so the answer is "not known" for every municipality.
pub fn rural(_municipality: &MunicipalityCode) -> Answer {
    Answer::NotKnown
}

// Indicator definitions.

/// Output indicators count who entered in the period; results count who left in it (or whose
/// six-month point falls in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    Output,
    Result,
}

/// Which date of the record puts a participant in a report period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    Entered,
    Left,
    SixMonths,
}

/// How an indicator is counted from the stored answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Total,
    Unemployed,
    LongTermUnemployed,
    Inactive,
    Employed,
    #[serde(rename = "under_18")]
    Under18,
    #[serde(rename = "age_18_29")]
    Age18To29,
    #[serde(rename = "age_55_plus")]
    Age55Plus,
    #[serde(rename = "isced_0_2")]
    Isced0To2,
    #[serde(rename = "isced_3_4")]
    Isced3To4,
    #[serde(rename = "isced_5_8")]
    Isced5To8,
    Disability,
    ThirdCountryNational,
    ForeignBackground,
    Minority,
    Homeless,
    Rural,
    JobSearchingOnLeaving,
    InEducationOnLeaving,
    QualificationOnLeaving,
    EmployedOnLeaving,
    EmployedSixMonths,
    ImprovedSixMonths,
}

/// A condition on the coded columns of a stored record, countable with `SUM(CASE …)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// Every record in the window.
    All,
    /// The column holds one of the codes.
    In(&'static str, Vec<&'static str>),
    /// `age_at_entry` within the bounds (both included).
    AgeBetween(u8, u8),
}

/// How a measure is counted: from coded columns, from the sealed special answers (in the
/// service only), or not at all (no data source: "not known").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Counting {
    Coded(Condition),
    Sealed(SealedItem),
    NotKnown,
}

/// A special-category answer, counted when it is "yes".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealedItem {
    Disability,
    Minority,
}

impl SealedItem {
    pub fn is_yes(self, s: &EsfSpecial) -> bool {
        match self {
            SealedItem::Disability => s.disability == Answer::Yes,
            SealedItem::Minority => s.minority == Answer::Yes,
        }
    }
}

fn codes<T: Copy>(xs: &[T], f: fn(T) -> &'static str) -> Vec<&'static str> {
    xs.iter().map(|x| f(*x)).collect()
}

impl Measure {
    pub fn window(self) -> Window {
        use Measure::*;
        match self {
            JobSearchingOnLeaving
            | InEducationOnLeaving
            | QualificationOnLeaving
            | EmployedOnLeaving => Window::Left,
            EmployedSixMonths | ImprovedSixMonths => Window::SixMonths,
            _ => Window::Entered,
        }
    }

    pub fn counting(self) -> Counting {
        use Condition::*;
        use Measure::*;
        let status = |xs: &[EntryStatus]| In("labour_status", codes(xs, EntryStatus::as_str));
        let education = |lo, hi| {
            In(
                "education",
                codes(&Education::with_isced(lo, hi), Education::as_str),
            )
        };
        let yes = |col| In(col, vec![Answer::Yes.as_str()]);
        let leaving = |xs: &[LeavingResult]| In("leaving_result", codes(xs, LeavingResult::as_str));
        Counting::Coded(match self {
            Total => All,
            Unemployed => status(&[EntryStatus::Unemployed, EntryStatus::LongTermUnemployed]),
            LongTermUnemployed => status(&[EntryStatus::LongTermUnemployed]),
            Inactive => status(&[EntryStatus::Inactive]),
            Employed => status(&[EntryStatus::Employed, EntryStatus::SelfEmployed]),
            Under18 => AgeBetween(0, 17),
            Age18To29 => AgeBetween(18, 29),
            Age55Plus => AgeBetween(55, u8::MAX),
            Isced0To2 => education(0, 2),
            Isced3To4 => education(3, 4),
            Isced5To8 => education(5, 8),
            ThirdCountryNational => yes("third_country"),
            ForeignBackground => yes("foreign_background"),
            Homeless => yes("homeless"),
            Rural => return Counting::NotKnown,
            Disability => return Counting::Sealed(SealedItem::Disability),
            Minority => return Counting::Sealed(SealedItem::Minority),
            JobSearchingOnLeaving => leaving(&[LeavingResult::JobSearching]),
            InEducationOnLeaving => leaving(&[LeavingResult::InEducation]),
            QualificationOnLeaving => yes("qualification"),
            EmployedOnLeaving => leaving(&[LeavingResult::Employed, LeavingResult::SelfEmployed]),
            EmployedSixMonths => yes("six_employed"),
            ImprovedSixMonths => yes("six_improved"),
        })
    }
}

/// Names of an indicator in the three languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

impl Names {
    /// The name in `lang` (`fi`, `sv`, `en`); English otherwise.
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "fi" => &self.fi,
            "sv" => &self.sv,
            _ => &self.en,
        }
    }
}

/// Whether a code is the SFC2021 code or Polku's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeStatus {
    Sfc2021,
    Polku,
}

/// One indicator definition from `data/esf-indicators.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDef {
    pub code: String,
    pub code_status: CodeStatus,
    /// The likely SFC2021 code of a Polku code, until an SFC2021 text confirms it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sfc2021_candidate: Option<String>,
    pub kind: IndicatorKind,
    pub measure: Measure,
    pub names: Names,
    pub definition: String,
    pub source: String,
    pub valid_from: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Date>,
}

impl IndicatorDef {
    /// Whether the definition is in force on any day of `from..=to`.
    pub fn valid_during(&self, from: Date, to: Date) -> bool {
        self.valid_from <= to && self.valid_to.is_none_or(|end| end >= from)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorFile {
    #[allow(dead_code)]
    about: String,
    #[allow(dead_code)]
    version: String,
    indicators: Vec<IndicatorDef>,
}

/// Every indicator definition, in the file's order (embedded at build time; a malformed file is
/// a build defect caught by the tests).
pub fn indicators() -> &'static [IndicatorDef] {
    static CELL: OnceLock<Vec<IndicatorDef>> = OnceLock::new();
    CELL.get_or_init(|| {
        let file: IndicatorFile =
            serde_json::from_str(include_str!("../../../data/esf-indicators.json"))
                .unwrap_or_else(|e| panic!("data/esf-indicators.json is malformed: {e}"));
        file.indicators
    })
}

/// The definition with `code`.
pub fn indicator(code: &str) -> Option<&'static IndicatorDef> {
    indicators().iter().find(|d| d.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn entry() -> EsfEntryData {
        EsfEntryData {
            entered_on: date!(2026 - 01 - 15),
            gender: Gender::Woman,
            status: EntryStatus::Employed,
            education: Education::Basic,
            third_country_national: Answer::No,
            foreign_background: Answer::Declined,
            homeless: Answer::NotKnown,
            special: EsfSpecial::default(),
        }
    }

    #[test]
    fn codes_round_trip_and_declined_is_not_not_known() {
        for g in Gender::ALL {
            assert_eq!(Gender::parse(g.as_str()), Ok(*g));
        }
        for a in Answer::ALL {
            assert_eq!(Answer::parse(a.as_str()), Ok(*a));
        }
        assert_ne!(Answer::Declined.as_str(), Answer::NotKnown.as_str());
        assert!(Education::parse("isced_3").is_err());
        assert_eq!(
            serde_json::to_string(&Gender::NonBinary).unwrap(),
            "\"non_binary\""
        );
    }

    #[test]
    fn education_maps_to_isced_bands() {
        assert_eq!(
            Education::with_isced(0, 2),
            vec![Education::PrimaryOrLess, Education::Basic]
        );
        assert_eq!(
            Education::with_isced(3, 4),
            vec![Education::UpperSecondary, Education::SpecialistVocational]
        );
        assert_eq!(Education::with_isced(5, 8).len(), 4);
        assert_eq!(Education::Declined.isced(), None);
    }

    #[test]
    fn age_at_entry_counts_whole_years() {
        let on = date!(2026 - 03 - 10);
        assert_eq!(age_on(date!(2008 - 03 - 11), on), Some(17));
        assert_eq!(age_on(date!(2008 - 03 - 10), on), Some(18));
        assert_eq!(
            age_at_entry(Some(date!(1970 - 12 - 31)), Some(1900), on),
            Some(55)
        );
        assert_eq!(age_at_entry(None, Some(1996), on), Some(30));
        assert_eq!(age_at_entry(None, None, on), None);
        assert_eq!(age_on(date!(2027 - 01 - 01), on), None);
    }

    #[test]
    fn leaving_and_follow_up_dates_are_checked() {
        let today = date!(2026 - 12 - 01);
        let e = entry();
        assert!(e.validate(today).is_ok());
        assert!(
            entry().validate(date!(2026 - 01 - 14)).is_err(),
            "future entry"
        );
        let early = Leaving {
            left_on: date!(2026 - 01 - 14),
            result: LeavingResult::Employed,
            qualification: false,
        };
        assert!(early.validate(&e, today).is_err());
        let l = Leaving {
            left_on: date!(2026 - 02 - 28),
            ..early
        };
        assert!(l.validate(&e, today).is_ok());
        assert_eq!(six_months_after(l.left_on), date!(2026 - 08 - 28));
        let s = |checked_on, employed, improved| SixMonths {
            checked_on,
            employed,
            improved,
        };
        let ok = s(date!(2026 - 08 - 28), Answer::Yes, Answer::Yes);
        assert!(ok.validate(&e, Some(&l), today).is_ok());
        assert!(ok.validate(&e, None, today).is_err(), "no leaving");
        assert!(s(date!(2026 - 08 - 27), Answer::Yes, Answer::No)
            .validate(&e, Some(&l), today)
            .is_err());
        assert!(s(date!(2026 - 08 - 28), Answer::No, Answer::Yes)
            .validate(&e, Some(&l), today)
            .is_err());
        let unemployed = EsfEntryData {
            status: EntryStatus::Unemployed,
            ..entry()
        };
        assert!(ok.validate(&unemployed, Some(&l), today).is_err());
    }

    #[test]
    fn the_definitions_load_with_unique_codes_and_every_measure_once() {
        let defs = indicators();
        assert_eq!(defs.len(), 23);
        let mut codes: Vec<&str> = defs.iter().map(|d| d.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), defs.len());
        for d in defs {
            assert_eq!(
                d.kind == IndicatorKind::Output,
                d.measure.window() == Window::Entered,
                "{} kind and window disagree",
                d.code
            );
            assert_eq!(
                d.code_status == CodeStatus::Polku,
                d.sfc2021_candidate.is_some(),
                "{}",
                d.code
            );
            assert!(!d.names.fi.is_empty() && !d.names.sv.is_empty() && !d.source.is_empty());
        }
        assert_eq!(indicator("EECO02").unwrap().measure, Measure::Unemployed);
        assert!(indicator("EECO02")
            .unwrap()
            .valid_during(date!(2026 - 01 - 01), date!(2026 - 12 - 31)));
        assert_eq!(
            indicator("PLK-O17").unwrap().measure.counting(),
            Counting::NotKnown
        );
    }
}
