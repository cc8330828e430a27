//! Query parameters of the operations. The handlers read the query themselves, so that a bad
//! value is a 422 naming the parameter; these types only describe it (the API tests send every
//! documented parameter).

use super::domain::{DataCategory, Language, RecipientClass, WordingPurpose};
use utoipa::IntoParams;

/// `?limit=&cursor=` of a paginated list, and the project it covers.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Items per page (1–100).
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page (opaque).
    pub cursor: Option<String>,
    /// Project code.
    pub project: Option<String>,
}

/// `GET /api/v1/participants/{id}/suggestions`.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SuggestionParams {
    /// How many openings (1–100).
    #[param(minimum = 1, maximum = 100, default = 10)]
    pub top: Option<u32>,
    /// Also list excluded openings with the limits that exclude them.
    #[param(default = false)]
    pub include_excluded: Option<bool>,
}

/// `GET /api/v1/participants/{id}/export`.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// Language of consent wordings and ESCO names.
    pub lang: Option<Language>,
}

/// `GET /api/v1/consent-wording`.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WordingParams {
    /// What the data may be used for, or `intake` for the consent to an intake referral.
    pub purpose: WordingPurpose,
    /// The kind of recipient; required for `placement` and `transition`, not given for
    /// `intake` (`422` on `recipient` otherwise).
    pub recipient: Option<RecipientClass>,
    /// The kind of information.
    pub category: DataCategory,
}

/// `POST /api/v1/match`: the options of `polku match`.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MatchParams {
    /// Rank openings for this participant id.
    pub participant: Option<String>,
    /// Rank candidates for this opening id.
    pub opening: Option<String>,
    /// How many results (1–1000).
    #[param(minimum = 1, maximum = 1000, default = 20)]
    pub top: Option<u32>,
    /// Also list the excluded ones with their limits.
    #[param(default = false)]
    pub include_excluded: Option<bool>,
}

/// `POST /api/v1/craft`: the options of `polku craft`.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CraftParams {
    /// Participant id in the document.
    pub participant: String,
    /// Employer id in the document.
    pub employer: String,
    /// Hours per week, MIN-MAX within 0–60 (default: the participant's own range).
    #[param(pattern = "^[0-9]{1,2}-[0-9]{1,2}$")]
    pub hours: Option<String>,
}
