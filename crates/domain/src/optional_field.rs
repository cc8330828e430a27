//! Minimisation by default (R42): the optional personal fields of the participant record, which
//! an organisation must switch on before its staff may record them. Off is the default; a field
//! that is off is not on the participant form and a new value for it is refused
//! (`field_not_enabled`). A value stored while the field was on stays, shown read-only, until it
//! is cleared or the participant's data is erased: switching a field off never loses data.
//!
//! The ESF+ answers (year of birth, foreign background, disability) feed the ESF+ common
//! indicators (Regulation (EU) 2021/1057 Annex I), so for a project with a funding programme
//! (every programme of `data/funding-programmes.json` is ESF+) they are required by the
//! reporting and are on whatever the switch says. See docs/SECURITY.md, "Minimisation by
//! default (R42)".

use crate::{DomainError, ParticipantPersonal};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One optional field of the participant record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OptionalField {
    /// The personal identity code (henkilötunnus).
    Hetu,
    Phone,
    /// ESF+: the year of birth (the age groups of the common indicators).
    BirthYear,
    /// ESF+: foreign background (special category, ethnic origin).
    ForeignBackground,
    /// ESF+: disability (special category, health).
    Disability,
}

impl OptionalField {
    pub const ALL: [OptionalField; 5] = [
        OptionalField::Hetu,
        OptionalField::Phone,
        OptionalField::BirthYear,
        OptionalField::ForeignBackground,
        OptionalField::Disability,
    ];

    /// The stable name (the API's and the database's spelling, and the domain field name).
    pub fn as_str(self) -> &'static str {
        match self {
            OptionalField::Hetu => "hetu",
            OptionalField::Phone => "phone",
            OptionalField::BirthYear => "birth_year",
            OptionalField::ForeignBackground => "foreign_background",
            OptionalField::Disability => "disability",
        }
    }

    pub fn parse(s: &str) -> Result<OptionalField, DomainError> {
        OptionalField::ALL
            .into_iter()
            .find(|f| f.as_str() == s.trim())
            .ok_or_else(|| DomainError::Invalid {
                field: "field",
                reason: "must be hetu, phone, birth_year, foreign_background or disability".into(),
            })
    }

    /// True for the answers the ESF+ common indicators need: on for every ESF+ project.
    pub fn esf_required(self) -> bool {
        matches!(
            self,
            OptionalField::BirthYear | OptionalField::ForeignBackground | OptionalField::Disability
        )
    }

    /// Whether `p` holds a value for this field.
    pub fn is_recorded(self, p: &ParticipantPersonal) -> bool {
        match self {
            OptionalField::Hetu => p.hetu.is_some(),
            OptionalField::Phone => p.phone.is_some(),
            OptionalField::BirthYear => p.esf.birth_year.is_some(),
            OptionalField::ForeignBackground => p.esf.foreign_background.is_some(),
            OptionalField::Disability => p.esf.disability.is_some(),
        }
    }

    /// Whether `a` and `b` hold the same value for this field.
    fn same(self, a: &ParticipantPersonal, b: &ParticipantPersonal) -> bool {
        match self {
            OptionalField::Hetu => a.hetu == b.hetu,
            OptionalField::Phone => a.phone == b.phone,
            OptionalField::BirthYear => a.esf.birth_year == b.esf.birth_year,
            OptionalField::ForeignBackground => {
                a.esf.foreign_background == b.esf.foreign_background
            }
            OptionalField::Disability => a.esf.disability == b.esf.disability,
        }
    }
}

/// The optional fields an organisation has switched on; empty (everything off) by default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldSettings {
    pub enabled: BTreeSet<OptionalField>,
}

impl FieldSettings {
    /// Every optional field on (the demo and the test world, whose data use them all).
    pub fn all() -> FieldSettings {
        FieldSettings {
            enabled: OptionalField::ALL.into_iter().collect(),
        }
    }

    /// Whether staff may record `field` in a project; `esf_project` is true for a project with
    /// a funding programme, where the ESF+ answers are always on.
    pub fn allows(&self, field: OptionalField, esf_project: bool) -> bool {
        self.enabled.contains(&field) || (esf_project && field.esf_required())
    }

    /// Refuses a value of a field that is off: `next` may keep what `current` holds (a value
    /// stored while the field was on) or clear it, never set a new one. `current` is `None` for
    /// a new participant. The error is the rule `field_not_enabled` on the field.
    pub fn check(
        &self,
        esf_project: bool,
        next: &ParticipantPersonal,
        current: Option<&ParticipantPersonal>,
    ) -> Result<(), DomainError> {
        for f in OptionalField::ALL {
            if self.allows(f, esf_project) || !f.is_recorded(next) {
                continue;
            }
            if current.is_some_and(|c| f.same(c, next)) {
                continue;
            }
            return Err(DomainError::Rule {
                field: f.as_str(),
                rule: "field_not_enabled",
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Availability, EsfEntry, Hetu, HoursRange, Mobility, MunicipalityCode};
    use std::collections::BTreeMap;

    fn person() -> ParticipantPersonal {
        ParticipantPersonal {
            given_name: "Aino".into(),
            family_name: "Testi".into(),
            email: None,
            phone: None,
            hetu: None,
            languages: BTreeMap::new(),
            skills: Vec::new(),
            goals: Vec::new(),
            mobility: Mobility {
                home: MunicipalityCode::parse("398").expect("Lahti"),
                acceptable: Vec::new(),
                driving_licence: false,
            },
            availability: Availability::new(
                HoursRange::new(10, 20).expect("hours"),
                5,
                false,
                false,
                false,
            )
            .expect("availability"),
            esf: EsfEntry::default(),
        }
    }

    #[test]
    fn names_round_trip() {
        for f in OptionalField::ALL {
            assert_eq!(OptionalField::parse(f.as_str()).expect("known"), f);
        }
        assert!(OptionalField::parse("email").is_err());
    }

    #[test]
    fn off_fields_refuse_new_values_but_keep_stored_ones() {
        let off = FieldSettings::default();
        assert!(off.check(false, &person(), None).is_ok());
        let mut with_phone = person();
        with_phone.phone = Some("040 123 4567".into());
        assert_eq!(
            off.check(false, &with_phone, None),
            Err(DomainError::Rule {
                field: "phone",
                rule: "field_not_enabled"
            })
        );
        // Kept as stored, or cleared: allowed. Changed: refused.
        assert!(off.check(false, &with_phone, Some(&with_phone)).is_ok());
        assert!(off.check(false, &person(), Some(&with_phone)).is_ok());
        let mut changed = with_phone.clone();
        changed.phone = Some("040 765 4321".into());
        assert!(off.check(false, &changed, Some(&with_phone)).is_err());
        let mut settings = FieldSettings::default();
        settings.enabled.insert(OptionalField::Phone);
        assert!(settings.check(false, &changed, Some(&with_phone)).is_ok());
        let mut with_hetu = person();
        with_hetu.hetu = Some(Hetu::parse("131052-308T").expect("valid"));
        assert!(settings.check(false, &with_hetu, None).is_err());
        assert!(FieldSettings::all().check(false, &with_hetu, None).is_ok());
    }

    #[test]
    fn esf_projects_always_take_the_esf_answers() {
        let mut p = person();
        p.esf.birth_year = Some(1990);
        p.esf.disability = Some(false);
        p.esf.foreign_background = Some(true);
        let off = FieldSettings::default();
        assert!(off.check(true, &p, None).is_ok());
        assert_eq!(
            off.check(false, &p, None),
            Err(DomainError::Rule {
                field: "birth_year",
                rule: "field_not_enabled"
            })
        );
        p.esf = EsfEntry::default();
        p.hetu = Some(Hetu::parse("131052-308T").expect("valid"));
        assert!(off.check(true, &p, None).is_err());
    }
}
