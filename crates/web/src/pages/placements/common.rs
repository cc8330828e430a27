//! What the placement pages share: the names of states, kinds and field groups as catalogue
//! keys, a placement as a table row, and the field errors for the service's broken rules.

use crate::html::ctx::Ctx;
use crate::pages::form::FieldErrors;
use crate::pages::participants::common::fmt_date;
use polku_domain::{DataCategory, DomainError, OpeningKind, PlacementState};
use polku_service::placements::PlacementView;
use polku_service::ServiceError;

/// The catalogue key of a state's name.
pub fn state_key(s: PlacementState) -> &'static str {
    match s {
        PlacementState::Prepared => "pl-state-prepared",
        PlacementState::Proposed => "pl-state-proposed",
        PlacementState::Agreed => "pl-state-agreed",
        PlacementState::Active => "pl-state-active",
        PlacementState::Completed => "pl-state-completed",
        PlacementState::Interrupted => "pl-state-interrupted",
        PlacementState::Declined => "pl-state-declined",
        PlacementState::Withdrawn => "pl-state-withdrawn",
    }
}

/// The catalogue key of a kind's name (the same words as the suggestions).
pub fn kind_key(k: OpeningKind) -> &'static str {
    crate::pages::participants::explain::kind_key(k)
}

/// The catalogue key of a field group's name (the same words as the consents tab).
pub fn category_key(c: DataCategory) -> String {
    format!("p-consent-category-{}", c.as_str())
}

/// The catalogue key of a broken rule: `rule-<code with - for _>` (as the API's field message).
pub fn rule_key(rule: &str) -> String {
    format!("rule-{}", rule.replace('_', "-"))
}

/// The form field a service field names (the forms use the service's names; the ones with no
/// field of their own go to the top of the form).
fn form_field(field: &str) -> &'static str {
    match field {
        "kind" => "kind",
        "pay_subsidy" => "pay_subsidy",
        "tasks" => "tasks",
        "start" => "start",
        "end" => "end",
        "hours_per_day" => "hours_per_day",
        "days_per_week" => "days_per_week",
        "mentor" => "mentor",
        "categories" => "categories",
        "employer" | "opening" => "employer",
        "reason" => "reason",
        "on" => "on",
        "answer" => "answer",
        "contact" => "contact",
        "via" => "via",
        _ => "form",
    }
}

/// Field errors for a refused value from the service; any other error is passed on.
pub fn rule_errors(e: ServiceError) -> Result<FieldErrors, ServiceError> {
    let mut errors = FieldErrors::new();
    match e {
        ServiceError::Invalid(DomainError::Rule { field, rule }) => {
            errors.add(form_field(field), &rule_key(rule));
        }
        ServiceError::Invalid(DomainError::Invalid { field, .. }) => {
            errors.add(form_field(field), "pl-error-invalid");
        }
        ServiceError::Invalid(_) => errors.add("form", "pl-error-invalid"),
        other => return Err(other),
    }
    Ok(errors)
}

/// A placement as a row of a list.
#[derive(Debug, Clone)]
pub struct Row {
    pub href: String,
    pub employer: String,
    pub kind_key: &'static str,
    pub state_key: &'static str,
    pub starts: String,
    pub ends: String,
    /// Prepared by a coordinator and waiting for the coach.
    pub waiting_for_coach: bool,
}

impl Row {
    pub fn of(ctx: &Ctx, v: &PlacementView) -> Row {
        let p = &v.placement;
        Row {
            href: format!("/placements/{}", p.id),
            employer: v.employer_name.clone(),
            kind_key: kind_key(p.kind),
            state_key: state_key(p.state),
            starts: fmt_date(ctx.locale, p.starts_on),
            ends: p
                .ended_on
                .or(p.ends_on)
                .map(|d| fmt_date(ctx.locale, d))
                .unwrap_or_default(),
            waiting_for_coach: p.state == PlacementState::Prepared,
        }
    }
}
