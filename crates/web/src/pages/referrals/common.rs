//! What the referral pages share: the id from the path, the label keys of states, sources and
//! destinations, a referral as a list row, and the field and message key of a refused value.

use crate::error::{WebError, WebResult};
use crate::html::format;
use crate::i18n::Locale;
use polku_domain::{DomainError, ReferralDirection, ReferralId};
use polku_service::referrals::ReferralView;

pub fn referral_id(s: &str) -> WebResult<ReferralId> {
    ReferralId::parse(s).map_err(|_| WebError::NotFound)
}

/// `referral-status-pending` and so on.
pub fn status_key(v: &ReferralView) -> String {
    format!("referral-status-{}", v.status.as_str())
}

/// Where it came from or went to, as a label key.
pub fn way_key(v: &ReferralView) -> Option<String> {
    match v.direction {
        ReferralDirection::Incoming => v.source.map(|s| format!("referral-source-{}", s.as_str())),
        ReferralDirection::Outgoing => v
            .destination
            .map(|d| format!("referral-destination-{}", d.as_str())),
    }
}

/// A referral as a row of a list.
pub struct Row {
    pub id: String,
    pub incoming: bool,
    pub organisation: String,
    pub way_key: Option<String>,
    pub referred_on: String,
    pub reason: String,
    pub status_key: String,
    pub status_reason: Option<String>,
    pub outcome: Option<String>,
    pub outcome_on: Option<String>,
    pub waiting_days: Option<i64>,
}

impl Row {
    pub fn of(v: &ReferralView, locale: Locale) -> Row {
        Row {
            id: v.id.to_string(),
            incoming: v.direction == ReferralDirection::Incoming,
            organisation: v.organisation.clone(),
            way_key: way_key(v),
            referred_on: format::date(locale, v.referred_on),
            reason: v.reason.clone(),
            status_key: status_key(v),
            status_reason: v.status_reason.clone(),
            outcome: v.outcome.clone(),
            outcome_on: v.outcome_on.map(|d| format::date(locale, d)),
            waiting_days: v.waiting_days,
        }
    }
}

/// The catalogue key of a broken rule (`rule-referral-needs-consent`), as the API names it.
pub fn rule_key(rule: &str) -> String {
    format!("rule-{}", rule.replace('_', "-"))
}

/// The errors of a referral form the service refused: a consent refusal belongs to the
/// first consent box.
pub fn form_refusal(e: &DomainError) -> crate::pages::form::FieldErrors {
    let (field, key) = refused(e);
    let field = match field.as_str() {
        "consent" | "text_version_hash" => "consent-contact".to_owned(),
        _ => field,
    };
    let mut errors = crate::pages::form::FieldErrors::new();
    errors.add(&field, &key);
    errors
}

/// The form field and message key of a value the service refused.
pub fn refused(e: &DomainError) -> (String, String) {
    match e {
        DomainError::Rule { field, rule } => ((*field).to_owned(), rule_key(rule)),
        DomainError::InvalidEmail => ("email".into(), "p-error-email".into()),
        DomainError::UnknownMunicipality(_) => ("home".into(), "p-error-municipality".into()),
        DomainError::Invalid { field, .. } => {
            let field = field.rsplit('.').next().unwrap_or(field);
            let key = match field {
                "given_name" | "family_name" => "p-error-name",
                "phone" => "p-error-phone",
                "birth_year" => "p-error-birth-year",
                "organisation" => "referral-error-organisation",
                "text_version_hash" => "p-consent-error-wording",
                "referred_on" | "outcome_on" => "referral-error-date",
                "source" | "destination" | "direction" => "referral-error-way",
                "status" => "referral-error-status",
                _ => "referral-error-text",
            };
            (field.to_owned(), key.to_owned())
        }
        _ => ("form".into(), "p-error-invalid".into()),
    }
}

/// The projects where the user holds the institution role (where they may refer students).
pub fn institution_projects(actor: &polku_service::Actor) -> Vec<polku_domain::ProjectId> {
    let polku_service::Actor::User { grants, .. } = actor else {
        return Vec::new();
    };
    let mut out: Vec<polku_domain::ProjectId> = grants
        .iter()
        .filter(|g| g.role == polku_domain::Role::Institution)
        .filter_map(|g| g.project)
        .collect();
    out.sort_by_key(|p| p.0);
    out.dedup();
    out
}

/// The download of an attached file: never inline, never cached (as the API's download).
pub fn file_response(file: polku_service::referrals::ReferralFile) -> axum::response::Response {
    let name = file.file_name();
    crate::html::attachment(file.bytes, &file.info.content_type, &name)
}
