//! What the gig pages share: the id from the path, the rule message key, and a gig as a row.

use crate::error::{WebError, WebResult};
use crate::html::format;
use crate::i18n::Locale;
use crate::pages::labels::municipality_name;
use polku_domain::GigId;
use polku_service::gigs::GigView;

pub fn gig_id(s: &str) -> WebResult<GigId> {
    GigId::parse(s).map_err(|_| WebError::NotFound)
}

/// The catalogue key of a broken rule (`rule-gig-date-in-past`), as the API names it.
pub fn rule_key(rule: &str) -> String {
    format!("rule-{}", rule.replace('_', "-"))
}

/// The label key of a gig's state.
pub fn state_key(s: polku_domain::GigState) -> &'static str {
    match s {
        polku_domain::GigState::Open => "gig-state-open",
        polku_domain::GigState::Filled => "gig-state-filled",
        polku_domain::GigState::Cancelled => "gig-state-cancelled",
        polku_domain::GigState::Done => "gig-state-done",
    }
}

/// A gig as the pages show it.
pub struct GigRow {
    pub id: String,
    pub employer: String,
    pub day: String,
    /// "9.00–13.00" in the locale's clock.
    pub time: String,
    /// Hours as the locale writes decimals ("4,5").
    pub hours: String,
    pub municipality: String,
    pub place: String,
    pub tasks: Vec<String>,
    pub places: u8,
    pub state_key: &'static str,
}

pub fn hours_text(locale: Locale, h: polku_domain::GigHours) -> String {
    if h.minutes().is_multiple_of(60) {
        format::integer(locale, i64::from(h.minutes() / 60))
    } else {
        format::decimal(locale, h.hours(), 1)
    }
}

impl GigRow {
    pub fn of(v: &GigView, locale: Locale) -> GigRow {
        let g = &v.gig;
        GigRow {
            id: g.id.to_string(),
            employer: v.employer_name.clone(),
            day: format::date(locale, g.on),
            time: format!(
                "{}–{}",
                format::clock(locale, g.starts_at),
                format::clock(locale, g.ends_at())
            ),
            hours: hours_text(locale, g.hours),
            municipality: municipality_name(&g.municipality, locale),
            place: g.place.clone(),
            tasks: v.tasks.iter().map(|(_, t)| t.clone()).collect(),
            places: g.places,
            state_key: state_key(g.state),
        }
    }
}
