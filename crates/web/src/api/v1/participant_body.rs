//! The bodies of `/api/v1/participants`: the caseload line it answers with, and the personal and
//! special-category documents it reads, each closed to unknown fields and turned into the
//! domain's types here. The OpenAPI schemas are derived from these types; they live apart from
//! the handlers so `schemas/views.rs` can name them without an import loop.

use super::io::domain_invalid;
use super::schemas::domain as schema;
use crate::error::WebResult;
use polku_domain::participant::LabourMarketStatus;
use polku_domain::{
    Availability, CefrLevel, Dimension, Email, EscoUri, EsfEntry, Evidence, FunctioningProfile,
    Hetu, HoursRange, LanguageCode, Level, Mobility, MunicipalityCode, ParticipantId,
    ParticipantPersonal, ParticipantSensitive, PathStage, ProjectId, SkillClaim,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::Date;
use utoipa::ToSchema;

/// One caseload line.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ParticipantSummary)]
pub struct Summary {
    #[schema(value_type = uuid::Uuid)]
    pub(crate) id: ParticipantId,
    #[schema(value_type = uuid::Uuid)]
    pub(crate) project_id: ProjectId,
    pub(crate) given_name: String,
    pub(crate) family_name: String,
    #[schema(value_type = schema::PathStage)]
    pub(crate) stage: String,
    pub(crate) waiting_since: Date,
    #[schema(value_type = schema::MunicipalityCode)]
    pub(crate) home_municipality: String,
}

/// Hours per week, from `min` to `max`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Hours)]
pub struct HoursIn {
    #[schema(maximum = 60)]
    pub(crate) min: u8,
    #[schema(maximum = 60)]
    pub(crate) max: u8,
}

/// When the participant can work.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Availability)]
pub struct AvailabilityIn {
    pub(crate) hours_per_week: HoursIn,
    #[schema(minimum = 1, maximum = 7)]
    pub(crate) days_per_week_max: u8,
    #[serde(default)]
    pub(crate) evenings: bool,
    #[serde(default)]
    pub(crate) nights: bool,
    #[serde(default)]
    pub(crate) weekends: bool,
}

/// Where the participant lives and can work.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Mobility)]
pub struct MobilityIn {
    #[schema(value_type = schema::MunicipalityCode)]
    pub(crate) home: MunicipalityCode,
    #[serde(default)]
    #[schema(value_type = Vec<schema::MunicipalityCode>)]
    pub(crate) acceptable: Vec<MunicipalityCode>,
    #[serde(default)]
    pub(crate) driving_licence: bool,
}

/// A skill (ESCO) and how it is evidenced.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Skill)]
pub struct SkillIn {
    #[schema(value_type = schema::EscoUri)]
    pub(crate) skill: EscoUri,
    #[schema(value_type = schema::Evidence)]
    pub(crate) evidence: Evidence,
}

/// ESF+ entry data; `foreign_background` and `disability` are special categories, stored
/// encrypted.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Esf)]
pub struct EsfIn {
    #[serde(default)]
    #[schema(value_type = Option<schema::LabourMarketStatus>)]
    pub(crate) labour_market_status: Option<LabourMarketStatus>,
    /// ISCED level of education, 0–8.
    #[serde(default)]
    #[schema(maximum = 8)]
    pub(crate) education_isced: Option<u8>,
    #[serde(default)]
    pub(crate) long_term_unemployed: bool,
    #[serde(default)]
    #[schema(minimum = 1900, maximum = 2100)]
    pub(crate) birth_year: Option<u16>,
    /// The day the current unemployment began (the pay-subsidy rules count the months
    /// unemployed of the last 28 from it); twelve months or more set `long_term_unemployed`.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub(crate) unemployed_since: Option<time::Date>,
    #[serde(default)]
    pub(crate) foreign_background: Option<bool>,
    #[serde(default)]
    pub(crate) disability: Option<bool>,
}

/// The participant's personal data (the identity code is sealed at rest).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Personal)]
pub struct PersonalIn {
    #[schema(min_length = 1, max_length = 100)]
    pub(crate) given_name: String,
    #[schema(min_length = 1, max_length = 100)]
    pub(crate) family_name: String,
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Email)]
    pub(crate) email: Option<Email>,
    #[serde(default)]
    pub(crate) phone: Option<String>,
    /// Finnish personal identity code.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub(crate) hetu: Option<Hetu>,
    /// Language code → CEFR level.
    #[serde(default)]
    #[schema(value_type = BTreeMap<String, schema::CefrLevel>)]
    pub(crate) languages: BTreeMap<LanguageCode, CefrLevel>,
    #[serde(default)]
    pub(crate) skills: Vec<SkillIn>,
    #[serde(default)]
    #[schema(value_type = Vec<schema::EscoUri>)]
    pub(crate) goals: Vec<EscoUri>,
    pub(crate) mobility: MobilityIn,
    pub(crate) availability: AvailabilityIn,
    #[serde(default)]
    pub(crate) esf: EsfIn,
}

/// The participant's capacity on each dimension of functioning (missing: not assessed).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Functioning)]
pub struct FunctioningIn {
    #[serde(default)]
    #[schema(value_type = BTreeMap<schema::Dimension, schema::Level>)]
    pub(crate) capacity: BTreeMap<Dimension, Level>,
}

/// Special-category data, encrypted at rest.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Sensitive)]
pub struct SensitiveIn {
    #[serde(default)]
    pub(crate) functioning: FunctioningIn,
    #[serde(default)]
    pub(crate) accommodations: Vec<String>,
    #[serde(default)]
    pub(crate) functional_notes: String,
}

/// A new participant (`POST /api/v1/participants`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewParticipant)]
pub(crate) struct CreateIn {
    /// Needed when the caller coaches in more than one project.
    #[serde(default)]
    #[schema(value_type = Option<uuid::Uuid>)]
    pub(crate) project_id: Option<ProjectId>,
    pub(crate) personal: PersonalIn,
    #[serde(default)]
    pub(crate) sensitive: SensitiveIn,
    #[serde(default)]
    #[schema(value_type = Option<schema::PathStage>)]
    pub(crate) stage: Option<PathStage>,
    #[serde(default)]
    pub(crate) waiting_since: Option<Date>,
}

/// The editable document a `PATCH` is merged into.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EditableIn {
    pub(crate) personal: PersonalIn,
    pub(crate) sensitive: SensitiveIn,
    pub(crate) stage: PathStage,
}

/// Where a domain field name of the personal part sits in the request.
pub(crate) fn personal_path(field: &str) -> String {
    match field {
        "hours_per_week" | "days_per_week_max" => format!("personal.availability.{field}"),
        "education_isced" | "birth_year" | "unemployed_since" | "foreign_background"
        | "disability" => format!("personal.esf.{field}"),
        "stage" => "stage".to_owned(),
        "functional_notes" | "accommodations" => format!("sensitive.{field}"),
        f => format!("personal.{f}"),
    }
}

impl PersonalIn {
    pub(crate) fn into_domain(self) -> WebResult<ParticipantPersonal> {
        let a = self.availability;
        let hours = HoursRange::new(a.hours_per_week.min, a.hours_per_week.max)
            .map_err(|e| domain_invalid(&e, personal_path))?;
        let availability =
            Availability::new(hours, a.days_per_week_max, a.evenings, a.nights, a.weekends)
                .map_err(|e| domain_invalid(&e, personal_path))?;
        let p = ParticipantPersonal {
            given_name: self.given_name,
            family_name: self.family_name,
            email: self.email,
            phone: self.phone,
            hetu: self.hetu,
            languages: self.languages,
            skills: self
                .skills
                .into_iter()
                .map(|s| SkillClaim {
                    skill: s.skill,
                    evidence: s.evidence,
                })
                .collect(),
            goals: self.goals,
            mobility: Mobility {
                home: self.mobility.home,
                acceptable: self.mobility.acceptable,
                driving_licence: self.mobility.driving_licence,
            },
            availability,
            esf: EsfEntry {
                labour_market_status: self.esf.labour_market_status,
                education_isced: self.esf.education_isced,
                long_term_unemployed: self.esf.long_term_unemployed,
                birth_year: self.esf.birth_year,
                unemployed_since: self.esf.unemployed_since,
                foreign_background: self.esf.foreign_background,
                disability: self.esf.disability,
            },
        };
        p.validate()
            .map_err(|e| domain_invalid(&e, personal_path))?;
        Ok(p)
    }
}

impl SensitiveIn {
    pub(crate) fn into_domain(self) -> ParticipantSensitive {
        ParticipantSensitive {
            functioning: FunctioningProfile {
                capacity: self.functioning.capacity,
            },
            accommodations: self.accommodations,
            functional_notes: self.functional_notes,
        }
    }
}
