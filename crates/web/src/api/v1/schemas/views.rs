//! Schemas of what the API answers with that other crates build: the service's views of
//! participants, employers, tasks and openings, and what is shared with a recipient. The service
//! and the domain stay free of web traits, so these types describe the JSON and are never built.
//! Keep them in step with `polku_service` and `polku_domain` (schemathesis checks real answers
//! against them, `scripts/api-fuzz.sh`).

use super::domain::{
    BusinessId, CefrLevel, Cooperation, DataCategory, Dimension, EmployerSize, EscoUri, LegalForm,
    Level, MunicipalityCode, OpeningKind, PathStage, Schedule,
};
use crate::api::v1::participant_body::{
    AvailabilityIn, FunctioningIn, MobilityIn, PersonalIn, SensitiveIn, SkillIn, Summary,
};
use std::collections::BTreeMap;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;

/// One page of a list, ordered by id.
macro_rules! page {
    ($(#[doc = $doc:literal])+ $name:ident of $item:ty) => {
        $(#[doc = $doc])+
        #[derive(Debug, ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            /// Pass as `cursor` for the next page; null on the last page.
            #[schema(required = true)]
            pub next_cursor: Option<String>,
        }
    };
}

page! {
    /// One page of the caller's caseload.
    ParticipantList of Summary
}
page! {
    /// One page of the employer register.
    EmployerList of Employer
}
page! {
    /// An employer's task inventory (one page: every task).
    TaskList of Task
}
page! {
    /// An employer's openings (one page: every opening).
    OpeningList of Opening
}

/// A participant's whole record, for their own coach. `version` is also the `ETag`.
#[derive(Debug, ToSchema)]
pub struct Participant {
    pub id: Uuid,
    pub project_id: Uuid,
    #[schema(required = true)]
    pub coach_id: Option<Uuid>,
    pub stage: PathStage,
    pub waiting_since: Date,
    #[schema(minimum = 1)]
    pub version: i64,
    pub personal: PersonalIn,
    pub sensitive: SensitiveIn,
}

/// A JSON Merge Patch (RFC 7396) of the editable parts: present keys change, `null` removes an
/// optional value. Unknown or forbidden keys are refused.
// `Serialize` only carries `deny_unknown_fields` (closed, like the body the handler parses).
#[derive(Debug, serde::Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ParticipantPatch {
    /// Merged into `personal` (see `Personal`).
    #[schema(value_type = Object, required = false)]
    pub personal: BTreeMap<String, serde_json::Value>,
    /// Merged into `sensitive` (see `Sensitive`).
    #[schema(value_type = Object, required = false)]
    pub sensitive: BTreeMap<String, serde_json::Value>,
    #[schema(required = false)]
    pub stage: PathStage,
}

/// An employer of the register, with a strong `ETag` of its version.
#[derive(Debug, ToSchema)]
pub struct Employer {
    pub id: Uuid,
    pub project_id: Uuid,
    #[schema(required = true)]
    pub coordinator_id: Option<Uuid>,
    pub business_id: BusinessId,
    pub name: String,
    /// TOL 2008 industry code, e.g. `81210`.
    pub industry_tol: String,
    pub size: EmployerSize,
    pub municipalities: Vec<MunicipalityCode>,
    pub cooperation: Cooperation,
    pub mentor_available: bool,
    /// Left out while not recorded.
    pub legal_form: Option<LegalForm>,
    pub version: i64,
}

/// A task's demand on each dimension of functioning (missing: none).
#[derive(Debug, ToSchema)]
pub struct Demands {
    pub demands: BTreeMap<Dimension, Level>,
}

/// A work task of an employer's inventory.
#[derive(Debug, ToSchema)]
pub struct Task {
    pub id: Uuid,
    pub employer_id: Uuid,
    pub title: String,
    pub description: String,
    pub skills_essential: Vec<EscoUri>,
    pub skills_optional: Vec<EscoUri>,
    /// Language code → CEFR level.
    pub languages: BTreeMap<String, CefrLevel>,
    pub demands: Demands,
    pub hours_per_week: u8,
    pub days_per_week: u8,
    pub schedule: Schedule,
    pub municipality: MunicipalityCode,
    pub learnable_on_job: bool,
    /// Value to the employer, 1–5.
    #[schema(minimum = 1, maximum = 5)]
    pub value: u8,
    /// The ESCO occupation the task belongs to; left out when there is none.
    pub occupation: Option<EscoUri>,
    pub version: i64,
}

/// An opening: a job, trial, apprenticeship or gig built from an employer's tasks.
#[derive(Debug, ToSchema)]
pub struct Opening {
    pub id: Uuid,
    pub employer_id: Uuid,
    pub kind: OpeningKind,
    pub title: String,
    pub tasks: Vec<Uuid>,
    pub municipality: MunicipalityCode,
    pub capacity: u16,
    #[schema(required = true)]
    pub monthly_wage_eur: Option<u32>,
    #[schema(required = true)]
    pub starts_on: Option<Date>,
    #[schema(required = true)]
    pub ends_on: Option<Date>,
    pub version: i64,
}

/// A participant as a share recipient sees them: only the shared field groups that are
/// consented to are filled; the rest are null.
#[derive(Debug, ToSchema)]
pub struct SharedParticipant {
    pub id: Uuid,
    pub categories: Vec<DataCategory>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub skills: Option<Vec<SkillIn>>,
    /// Language code → CEFR level.
    pub languages: Option<BTreeMap<String, CefrLevel>>,
    pub goals: Option<Vec<EscoUri>>,
    pub availability: Option<AvailabilityIn>,
    pub mobility: Option<MobilityIn>,
    pub functioning: Option<FunctioningIn>,
    pub accommodations: Option<Vec<String>>,
}

/// The participants shared with the caller.
#[derive(Debug, ToSchema)]
pub struct SharedList {
    pub items: Vec<SharedParticipant>,
}

/// The id of what was created.
#[derive(Debug, ToSchema)]
pub struct Created {
    pub id: Uuid,
}

/// The consents recorded (`ids` is empty when all were already in force).
#[derive(Debug, ToSchema)]
pub struct ConsentIds {
    pub ids: Vec<Uuid>,
}
