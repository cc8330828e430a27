//! Opinnollistaminen: qualification units (tutkinnon osat) of Finnish vocational qualifications,
//! their vocational skill requirements (ammattitaitovaatimukset), and the evidence a workplace
//! mentor records against a requirement during a work trial.
//!
//! Polku does not award credit. Only a vocational education provider recognises competence,
//! through the student's HOKS (Act 531/2017); the evidence here feeds that process.

use crate::{DomainError, ParticipantId, PlacementId, TaskId, UserId};
use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

crate::ids::id_type!(RequirementId, QualificationEvidenceId);

impl RequirementId {
    /// The stable id of a requirement: the same unit, peruste version and key always give the
    /// same id, so a re-import finds the row it wrote before.
    pub fn derive(unit: &UnitCode, diaarinumero: &str, key: &str) -> RequirementId {
        let name = format!("{}|{}|{}", unit.as_str(), diaarinumero, key);
        RequirementId(Uuid::new_v5(&REQUIREMENT_NAMESPACE, name.as_bytes()))
    }
}

/// Namespace of [`RequirementId::derive`] (a fixed random UUID, never change it).
const REQUIREMENT_NAMESPACE: Uuid = Uuid::from_u128(0x5f0e_9b1c_3a47_4f6e_9d2a_7c81_b0e4_d233);

/// A Koodisto code of the code list `tutkinnonosat`: `tutkinnonosat_` and six digits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UnitCode(String);

impl UnitCode {
    pub fn parse(s: &str) -> Result<UnitCode, DomainError> {
        let s = s.trim();
        let ok = s
            .strip_prefix("tutkinnonosat_")
            .is_some_and(|n| n.len() == 6 && n.bytes().all(|b| b.is_ascii_digit()));
        if ok {
            Ok(UnitCode(s.to_owned()))
        } else {
            Err(DomainError::Invalid {
                field: "unit_code",
                reason: format!("{s:?} is not a Koodisto code tutkinnonosat_NNNNNN"),
            })
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for UnitCode {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, DomainError> {
        UnitCode::parse(&s)
    }
}
impl From<UnitCode> for String {
    fn from(c: UnitCode) -> String {
        c.0
    }
}
impl fmt::Display for UnitCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A text in Finnish, and in Swedish and English when the source has them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalText {
    pub fi: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl LocalText {
    /// The text in `lang` (`fi`, `sv`, `en`), falling back to Finnish.
    pub fn get(&self, lang: &str) -> &str {
        let other = match lang {
            "sv" => self.sv.as_deref(),
            "en" => self.en.as_deref(),
            _ => None,
        };
        other.unwrap_or(&self.fi)
    }
}

/// One vocational skill requirement of a unit: one thing "the student" (opiskelija) can do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    pub id: RequirementId,
    pub unit: UnitCode,
    pub diaarinumero: String,
    /// Its Koodisto code (`ammattitaitovaatimukset_NNNN`) or, when the source has none, the
    /// fallback `k<area>-<position>` (2019 format) or `html-<position>` (legacy HTML list).
    pub key: String,
    /// 1-based, in the order of the source.
    pub position: u32,
    /// The requirement area (kohdealue) of the 2019 format.
    pub area: Option<LocalText>,
    pub text: LocalText,
}

/// A qualification unit in one version of a qualification (peruste).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QualificationUnit {
    pub code: UnitCode,
    /// The peruste version it comes from (diaarinumero, e.g. `OPH-456-2022`).
    pub diaarinumero: String,
    /// The ePerusteet id of that peruste.
    pub peruste_id: i64,
    /// The qualification (`koulutus_NNNNNN`), when the peruste names one.
    pub qualification_code: Option<String>,
    pub qualification_name: LocalText,
    pub name: LocalText,
    /// Competence points (osaamispiste), when known.
    pub osp: Option<f64>,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    /// ePerusteet `globalVersion.aikaleima` (epoch ms) of the import, to detect changes.
    pub source_version: Option<i64>,
    /// Where it came from, e.g. `ePerusteet /api/external/peruste/8505691`.
    pub source: String,
}

/// What the mentor saw. Deliberately not a grade: the 1–5 scale of the ePerusteet generic
/// assessment (geneerinen arviointiasteikko) belongs to the school's competence demonstration
/// (näyttö); a workplace only says whether the competence was shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompetenceShown {
    Shown,
    PartlyShown,
    NotYetShown,
}

impl CompetenceShown {
    pub const ALL: [CompetenceShown; 3] = [
        CompetenceShown::Shown,
        CompetenceShown::PartlyShown,
        CompetenceShown::NotYetShown,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            CompetenceShown::Shown => "shown",
            CompetenceShown::PartlyShown => "partly_shown",
            CompetenceShown::NotYetShown => "not_yet_shown",
        }
    }
    pub fn parse(s: &str) -> Result<CompetenceShown, DomainError> {
        CompetenceShown::ALL
            .into_iter()
            .find(|c| c.as_str() == s.trim())
            .ok_or_else(|| DomainError::Invalid {
                field: "assessment",
                reason: "must be shown, partly_shown or not_yet_shown".into(),
            })
    }
}

/// Evidence of one requirement, recorded during a placement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualificationEvidence {
    pub id: QualificationEvidenceId,
    pub participant_id: ParticipantId,
    pub placement_id: PlacementId,
    pub requirement_id: RequirementId,
    pub task_id: TaskId,
    pub shown_on: Date,
    pub assessment: CompetenceShown,
    /// Empty when none; at most 2,000 characters.
    pub note: String,
    pub recorded_by: UserId,
    #[serde(with = "time::serde::rfc3339")]
    pub recorded_at: OffsetDateTime,
}

impl QualificationEvidence {
    /// The date lies within the placement (`from`..=`to`) and not in the future.
    pub fn validate(&self, from: Date, to: Option<Date>, today: Date) -> Result<(), DomainError> {
        let rule = |rule| DomainError::Rule {
            field: "shown_on",
            rule,
        };
        if self.shown_on > today {
            return Err(rule("evidence_date_future"));
        }
        if self.shown_on < from || to.is_some_and(|t| self.shown_on > t) {
            return Err(rule("evidence_date_outside_placement"));
        }
        if self.note.chars().count() > 2000 {
            return Err(DomainError::Invalid {
                field: "note",
                reason: "at most 2000 characters".into(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_codes_are_six_digits_of_the_tutkinnonosat_list() {
        assert!(UnitCode::parse("tutkinnonosat_106733").is_ok());
        for bad in [
            "tutkinnonosat_10673",
            "koulutus_371101",
            "tutkinnonosat_10673x",
            "",
        ] {
            assert!(UnitCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn requirement_ids_are_stable_and_distinct() {
        let u = UnitCode::parse("tutkinnonosat_106733").expect("code");
        let a = RequirementId::derive(&u, "OPH-456-2022", "ammattitaitovaatimukset_1");
        assert_eq!(
            a,
            RequirementId::derive(&u, "OPH-456-2022", "ammattitaitovaatimukset_1")
        );
        assert_ne!(
            a,
            RequirementId::derive(&u, "OPH-456-2023", "ammattitaitovaatimukset_1")
        );
        assert_ne!(
            a,
            RequirementId::derive(&u, "OPH-456-2022", "ammattitaitovaatimukset_2")
        );
    }

    #[test]
    fn the_scale_round_trips_and_refuses_grades() {
        for c in CompetenceShown::ALL {
            assert_eq!(CompetenceShown::parse(c.as_str()), Ok(c));
        }
        assert!(CompetenceShown::parse("5").is_err());
    }
}

/// Which trial field a Koodisto unit code was listed under in `data/qualifications/koodisto-units.csv`.
/// The listing is by contiguous code block and name only: it does not say which qualification
/// a code belongs to (see `data/qualifications/README.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TrialField {
    SocialAndHealthCare,
    RestaurantAndCatering,
    Business,
    CleaningAndProperty,
    Logistics,
}

impl TrialField {
    pub const ALL: [TrialField; 5] = [
        TrialField::SocialAndHealthCare,
        TrialField::RestaurantAndCatering,
        TrialField::Business,
        TrialField::CleaningAndProperty,
        TrialField::Logistics,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            TrialField::SocialAndHealthCare => "social_and_health_care",
            TrialField::RestaurantAndCatering => "restaurant_and_catering",
            TrialField::Business => "business",
            TrialField::CleaningAndProperty => "cleaning_and_property",
            TrialField::Logistics => "logistics",
        }
    }
}

/// A unit code with its Koodisto names (no requirement items: those come from
/// `polku import eperusteet`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KoodistoUnit {
    pub field: TrialField,
    pub code: UnitCode,
    pub version: u32,
    pub name: LocalText,
}

/// A unit verified as part of a named qualification version (`data/qualifications/units.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedUnit {
    /// `koulutus_NNNNNN`.
    pub qualification_code: String,
    pub qualification_name_fi: String,
    pub code: UnitCode,
    pub name: LocalText,
    pub osp: Option<f64>,
    pub source_url: String,
}

const KOODISTO_UNITS: &str = include_str!("../../../data/qualifications/koodisto-units.csv");
const VERIFIED_UNITS: &str = include_str!("../../../data/qualifications/units.csv");

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// The Koodisto unit codes and names of the five trial fields (Koodisto `tutkinnonosat`,
/// October 2022 snapshot).
pub fn koodisto_units() -> Result<Vec<KoodistoUnit>, DomainError> {
    let bad = |line: usize, what: &str| {
        DomainError::Catalogue(format!("koodisto-units.csv line {line}: {what}"))
    };
    let mut out = Vec::new();
    for (i, row) in csv::Reader::from_reader(KOODISTO_UNITS.as_bytes())
        .records()
        .enumerate()
    {
        let line = i + 2;
        let row = row.map_err(|e| bad(line, &e.to_string()))?;
        let field = TrialField::ALL
            .into_iter()
            .find(|f| f.as_str() == &row[0])
            .ok_or_else(|| bad(line, "unknown field"))?;
        out.push(KoodistoUnit {
            field,
            code: UnitCode::parse(&row[1]).map_err(|e| bad(line, &e.to_string()))?,
            version: row[2].parse().map_err(|_| bad(line, "version"))?,
            name: LocalText {
                fi: opt(&row[3]).ok_or_else(|| bad(line, "no Finnish name"))?,
                sv: opt(&row[4]),
                en: opt(&row[5]),
            },
        });
    }
    Ok(out)
}

/// The units verified as parts of named qualification versions (Sosiaali- ja terveysalan and
/// Liiketalouden perustutkinto), from `data/qualifications/units.csv`.
pub fn verified_units() -> Result<Vec<VerifiedUnit>, DomainError> {
    let bad =
        |line: usize, what: &str| DomainError::Catalogue(format!("units.csv line {line}: {what}"));
    let mut out = Vec::new();
    for (i, row) in csv::Reader::from_reader(VERIFIED_UNITS.as_bytes())
        .records()
        .enumerate()
    {
        let line = i + 2;
        let row = row.map_err(|e| bad(line, &e.to_string()))?;
        if row[0].len() != 6 || !row[0].bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad(line, "qualification code"));
        }
        out.push(VerifiedUnit {
            qualification_code: format!("koulutus_{}", &row[0]),
            qualification_name_fi: row[1].to_owned(),
            code: UnitCode::parse(&row[2]).map_err(|e| bad(line, &e.to_string()))?,
            name: LocalText {
                fi: opt(&row[3]).ok_or_else(|| bad(line, "no Finnish name"))?,
                sv: opt(&row[4]),
                en: None,
            },
            osp: match opt(&row[5]) {
                None => None,
                Some(s) => Some(s.parse().map_err(|_| bad(line, "osp"))?),
            },
            source_url: row[6].to_owned(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod catalogue_tests {
    use super::*;

    #[test]
    fn every_trial_field_has_koodisto_units_and_codes_are_unique() {
        let units = koodisto_units().expect("koodisto-units.csv");
        for f in TrialField::ALL {
            assert!(units.iter().filter(|u| u.field == f).count() >= 15, "{f:?}");
        }
        let mut codes: Vec<&UnitCode> = units.iter().map(|u| &u.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), units.len());
        let warehouse = units
            .iter()
            .find(|u| u.code.as_str() == "tutkinnonosat_106977")
            .expect("106977");
        assert_eq!(warehouse.field, TrialField::Logistics);
        assert_eq!(warehouse.name.fi, "Tavaran vastaanotto ja säilyttäminen");
    }

    #[test]
    fn verified_units_name_their_qualification_and_source() {
        let units = verified_units().expect("units.csv");
        assert_eq!(units.len(), 64);
        assert!(units.iter().all(|u| u.source_url.starts_with("https://")));
        let care = units
            .iter()
            .find(|u| u.code.as_str() == "tutkinnonosat_100833")
            .expect("Hoito ja huolenpito");
        assert_eq!(care.qualification_code, "koulutus_371101");
        assert_eq!(care.osp, Some(30.0));
    }
}
