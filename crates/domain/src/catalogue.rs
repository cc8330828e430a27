//! Reference catalogues shipped as versioned data files in `data/` and embedded at build time:
//! the functioning-dimension catalogue, the accommodation catalogue and the subsidy rules.
//! Parsed once on first use; a malformed file is a build defect caught by the tests.

use crate::{Dimension, DomainError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use time::Date;

/// Text in each product locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localised {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DimensionGroup {
    Physical,
    SensesEnvironment,
    Cognitive,
    Social,
}

/// One entry of `data/functioning-dimensions.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DimensionInfo {
    pub key: Dimension,
    pub group: DimensionGroup,
    pub label: Localised,
    /// The questionnaire question; `fi_selko` is plain-language Finnish for participants.
    pub question: Question,
    /// What each level 0–4 means as a demand of a task ("Ajoittain 5–10 kg"), per locale (five
    /// entries each). Task forms and the engine's explanations use these.
    pub levels: LevelTexts,
    /// The same levels 0–4 said about the person, in the first person ("En jaksa seistä",
    /// "Jaksan seistä alle 30 minuuttia kerrallaan"): the answer options of the questionnaire.
    pub capacity: CapacityTexts,
}

/// Level texts written about the person; `fi_selko` is plain-language Finnish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapacityTexts {
    pub fi: [String; 5],
    pub fi_selko: [String; 5],
    pub sv: [String; 5],
    pub en: [String; 5],
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub fi: String,
    pub fi_selko: String,
    pub sv: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelTexts {
    pub fi: [String; 5],
    pub sv: [String; 5],
    pub en: [String; 5],
}

/// One entry of `data/accommodations.json`: a workplace adjustment that relieves dimensions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accommodation {
    pub id: String,
    pub label: Localised,
    /// Levels of relief per dimension (the demand the person can meet rises by this much).
    pub relieves: BTreeMap<Dimension, u8>,
    /// Typical one-off or monthly cost in euros.
    pub cost_eur: u32,
    /// Subsidy rule key (see [`SubsidyRule::key`]) that may pay for it.
    pub subsidy: Option<String>,
}

/// One dated, sourced subsidy rule of `data/subsidy-rules.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubsidyRule {
    /// e.g. `palkkatuki.reduced_capacity`, `jarjestelytuki.tools`.
    pub key: String,
    pub label: Localised,
    /// Share of pay costs (0–1), when the subsidy is a rate.
    pub rate: Option<f64>,
    pub cap_eur_month: Option<u32>,
    /// A one-off cap per person (e.g. tools up to €4,000).
    pub cap_eur_total: Option<u32>,
    pub hourly_eur: Option<u32>,
    pub max_hours_month: Option<u32>,
    pub max_months: Option<u32>,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
    /// `confirmed`, `partly_confirmed` or `uncertain` as in `docs/finnish-rules.md`.
    pub status: String,
    pub sources: Vec<String>,
}

impl SubsidyRule {
    pub fn in_force(&self, on: Date) -> bool {
        self.valid_from <= on && self.valid_to.is_none_or(|t| on <= t)
    }
}

#[derive(Debug, Deserialize)]
struct SubsidyFile {
    rules: Vec<SubsidyRule>,
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> T {
    match serde_json::from_str(text) {
        Ok(v) => v,
        // The files are embedded at build time and checked by tests; failing here is a build defect.
        Err(e) => panic!("embedded catalogue {name} is malformed: {e}"),
    }
}

/// The functioning-dimension catalogue in catalogue order.
pub fn dimensions() -> &'static [DimensionInfo] {
    static CELL: OnceLock<Vec<DimensionInfo>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse(
            "functioning-dimensions.json",
            include_str!("../../../data/functioning-dimensions.json"),
        )
    })
}

pub fn dimension(d: Dimension) -> Option<&'static DimensionInfo> {
    dimensions().iter().find(|i| i.key == d)
}

/// The built-in accommodation catalogue.
pub fn accommodations() -> &'static [Accommodation] {
    static CELL: OnceLock<Vec<Accommodation>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse(
            "accommodations.json",
            include_str!("../../../data/accommodations.json"),
        )
    })
}

pub fn accommodation(id: &str) -> Option<&'static Accommodation> {
    accommodations().iter().find(|a| a.id == id)
}

/// All subsidy rules, every version.
pub fn subsidy_rules() -> &'static [SubsidyRule] {
    static CELL: OnceLock<Vec<SubsidyRule>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse::<SubsidyFile>(
            "subsidy-rules.json",
            include_str!("../../../data/subsidy-rules.json"),
        )
        .rules
    })
}

/// The version of rule `key` in force on `on`.
pub fn subsidy_rule(key: &str, on: Date) -> Result<&'static SubsidyRule, DomainError> {
    subsidy_rules()
        .iter()
        .find(|r| r.key == key && r.in_force(on))
        .ok_or_else(|| DomainError::Catalogue(format!("no subsidy rule {key:?} in force on {on}")))
}

/// The consent wordings of `data/consent-texts.json`: one per purpose with the recipient and the
/// data category filled in, in each locale (fi, sv, en and plain-language Finnish).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ConsentTexts {
    pub version: String,
    purposes: BTreeMap<String, BTreeMap<String, String>>,
    recipients: BTreeMap<String, BTreeMap<String, String>>,
    categories: BTreeMap<String, BTreeMap<String, String>>,
    /// The wording of an intake referral's consent (a person referred to a project by
    /// Ohjaamo, the employment services and others agrees to the referral), per locale.
    #[serde(default)]
    intake: BTreeMap<String, String>,
}

/// The locales every consent wording exists in, in the order they are hashed.
pub const CONSENT_LOCALES: [&str; 4] = ["fi", "sv", "en", "fi-x-selko"];

impl ConsentTexts {
    /// The wording for a purpose, recipient class and category in `locale` (one of
    /// [`CONSENT_LOCALES`]; anything else falls back to Finnish).
    pub fn text(
        &self,
        purpose: crate::ConsentPurpose,
        recipient: crate::RecipientClass,
        category: crate::DataCategory,
        locale: &str,
    ) -> String {
        let pick = |m: &BTreeMap<String, BTreeMap<String, String>>, key: &str| -> String {
            m.get(key)
                .and_then(|t| t.get(locale).or_else(|| t.get("fi")))
                .cloned()
                .unwrap_or_default()
        };
        pick(&self.purposes, purpose.as_str())
            .replace("{recipient}", &pick(&self.recipients, recipient.as_str()))
            .replace("{category}", &pick(&self.categories, category.as_str()))
    }

    /// The wording of an intake referral's consent for `category` in `locale` (one of
    /// [`CONSENT_LOCALES`]; anything else falls back to Finnish).
    pub fn intake_text(&self, category: crate::DataCategory, locale: &str) -> String {
        let label = self
            .categories
            .get(category.as_str())
            .and_then(|t| t.get(locale).or_else(|| t.get("fi")))
            .map_or(category.as_str(), String::as_str);
        self.intake
            .get(locale)
            .or_else(|| self.intake.get("fi"))
            .map_or_else(String::new, |t| t.replace("{category}", label))
    }

    /// The label of a data category in `locale`.
    pub fn category(&self, category: crate::DataCategory, locale: &str) -> &str {
        self.categories
            .get(category.as_str())
            .and_then(|t| t.get(locale).or_else(|| t.get("fi")))
            .map_or(category.as_str(), String::as_str)
    }
}

/// The consent wordings.
pub fn consent_texts() -> &'static ConsentTexts {
    static CELL: OnceLock<ConsentTexts> = OnceLock::new();
    CELL.get_or_init(|| {
        parse(
            "consent-texts.json",
            include_str!("../../../data/consent-texts.json"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_consent_wording_exists_in_every_locale() {
        let t = consent_texts();
        for purpose in crate::ConsentPurpose::ALL {
            for recipient in crate::RecipientClass::ALL {
                for category in crate::DataCategory::ALL {
                    for locale in CONSENT_LOCALES {
                        let key = (purpose.as_str(), locale);
                        assert!(t.purposes[purpose.as_str()].contains_key(locale), "{key:?}");
                        assert!(t.recipients[recipient.as_str()].contains_key(locale));
                        assert!(t.categories[category.as_str()].contains_key(locale));
                        let text = t.text(purpose, recipient, category, locale);
                        assert!(!text.contains('{'), "{text}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_intake_wording_exists_in_every_locale() {
        let t = consent_texts();
        for category in crate::DataCategory::ALL {
            for locale in CONSENT_LOCALES {
                let text = t.intake_text(category, locale);
                assert!(!text.is_empty(), "{locale}");
                assert!(!text.contains('{'), "{text}");
                assert!(text.contains(t.category(category, locale)), "{text}");
            }
        }
    }

    #[test]
    fn embedded_catalogues_parse() {
        assert!(!dimensions().is_empty());
        assert!(!accommodations().is_empty());
        let on = Date::from_calendar_date(2026, time::Month::January, 1).expect("date");
        let rule = subsidy_rule("palkkatuki.reduced_capacity", on).expect("rule in force");
        assert_eq!(rule.cap_eur_month, Some(1770));
    }
}
