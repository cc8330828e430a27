//! Funding programmes and their specific objectives, from the dated list in
//! `data/funding-programmes.json` (ESF+: Regulation (EU) 2021/1057 Article 4(1); see
//! `data/README.md`). A project names the programme and the one specific objective it is funded
//! under; both are checked against the list here, not against code constants.

use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use time::Date;

#[derive(Debug, Clone, Deserialize)]
pub struct ProgrammeName {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Objective {
    /// `ESO4.1` … `ESO4.12`.
    pub code: String,
    /// The point of Article 4(1), e.g. `4(1)(a)`.
    pub point: String,
    pub en: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Programme {
    pub code: String,
    pub name: ProgrammeName,
    pub fund: String,
    #[serde(with = "iso_date")]
    pub valid_from: Date,
    #[serde(with = "iso_date")]
    pub valid_to: Date,
    pub source: String,
    pub objectives: Vec<Objective>,
}

impl Programme {
    pub fn objective(&self, code: &str) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.code == code.trim())
    }
    /// The programme's name in `lang` (`fi`, `sv`, anything else English).
    pub fn name_in(&self, lang: &str) -> &str {
        match lang {
            "fi" | "fi-x-selko" => &self.name.fi,
            "sv" => &self.name.sv,
            _ => &self.name.en,
        }
    }
}

#[derive(Debug, Deserialize)]
struct ProgrammeFile {
    version: String,
    programmes: Vec<Programme>,
}

mod iso_date {
    use serde::{Deserialize, Deserializer};
    use time::Date;
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s, &time::format_description::well_known::Iso8601::DATE)
            .map_err(serde::de::Error::custom)
    }
}

fn file() -> &'static ProgrammeFile {
    static CELL: OnceLock<ProgrammeFile> = OnceLock::new();
    CELL.get_or_init(|| {
        match serde_json::from_str(include_str!("../../../data/funding-programmes.json")) {
            Ok(v) => v,
            // Embedded at build time and checked by the tests below: failing is a build defect.
            Err(e) => panic!("embedded data/funding-programmes.json is malformed: {e}"),
        }
    })
}

/// Every funding programme in the list.
pub fn programmes() -> &'static [Programme] {
    &file().programmes
}

/// The version (date) of the list.
pub fn list_version() -> &'static str {
    &file().version
}

pub fn programme(code: &str) -> Option<&'static Programme> {
    programmes().iter().find(|p| p.code == code.trim())
}

/// A project's funding: a programme of the list and one of its specific objectives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funding {
    pub programme: String,
    pub objective: String,
}

impl Funding {
    /// Checks that the programme is in the list, that the objective is one of its own, and that
    /// the project's period starts while the programme is in force.
    pub fn new(programme: &str, objective: &str, starts_on: Date) -> Result<Self, DomainError> {
        let p = self::programme(programme).ok_or_else(|| DomainError::Invalid {
            field: "programme",
            reason: format!(
                "unknown funding programme {:?} (known: {})",
                programme.trim(),
                programmes()
                    .iter()
                    .map(|p| p.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })?;
        let o = p.objective(objective).ok_or_else(|| DomainError::Invalid {
            field: "objective",
            reason: format!(
                "{:?} is not a specific objective of {} (known: {})",
                objective.trim(),
                p.code,
                p.objectives
                    .iter()
                    .map(|o| o.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })?;
        if starts_on < p.valid_from || starts_on > p.valid_to {
            return Err(DomainError::Invalid {
                field: "starts_on",
                reason: format!(
                    "{} runs from {} to {}: the project must start within it",
                    p.code, p.valid_from, p.valid_to
                ),
            });
        }
        Ok(Funding {
            programme: p.code.clone(),
            objective: o.code.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_list_loads_and_checks_programme_objective_and_period() {
        assert!(!list_version().is_empty());
        let p = programme("FI-ESF+-2021-2027").expect("the Finnish ESF+ programme");
        assert_eq!(p.name.fi, "Uudistuva ja osaava Suomi 2021–2027");
        let codes: Vec<&str> = p.objectives.iter().map(|o| o.code.as_str()).collect();
        assert_eq!(codes.len(), 12);
        assert_eq!(codes[0], "ESO4.1");
        assert_eq!(codes[11], "ESO4.12");
        assert!(p.objective("ESO4.8").is_some_and(|o| o.point == "4(1)(h)"));

        let ok = Funding::new(" FI-ESF+-2021-2027", "ESO4.1 ", date!(2025 - 01 - 01)).unwrap();
        assert_eq!(ok.objective, "ESO4.1");
        let field = |r: Result<Funding, DomainError>| match r {
            Err(DomainError::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            field(Funding::new("ERDF", "ESO4.1", date!(2025 - 01 - 01))),
            "programme"
        );
        assert_eq!(
            field(Funding::new(
                "FI-ESF+-2021-2027",
                "ESO4.13",
                date!(2025 - 01 - 01)
            )),
            "objective"
        );
        assert_eq!(
            field(Funding::new(
                "FI-ESF+-2021-2027",
                "ESO4.1",
                date!(2020 - 12 - 31)
            )),
            "starts_on"
        );
    }
}
