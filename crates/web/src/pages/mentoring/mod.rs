//! Workplace mentoring pages (työpaikkaohjaaja): the mentor's trialists, a placement's
//! mentoring page (tasks with feedback, check-ins, hours per month, written feedback) for the
//! mentor and the coach, and the coach's evidence page per participant. The service decides
//! every access (`polku_service::mentoring`); these handlers parse forms and render.

mod evidence;
mod list;
mod placement;

pub use list::{cards, Card};

use crate::policy::{Policy, Routes};
use polku_domain::{FeedbackLevel, PlacementState, Role};

const MENTOR: Policy = Policy::AnyRole(&[Role::Mentor]);
const COACH: Policy = Policy::AnyRole(&[Role::Coach]);
const PARTIES: Policy = Policy::AnyRole(&[Role::Mentor, Role::Coach]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/mentoring", MENTOR, list::index)
        .get("/mentoring/{id}", PARTIES, placement::show)
        .post("/mentoring/{id}/checkins", MENTOR, placement::add_checkin)
        .post("/mentoring/{id}/feedback", MENTOR, placement::feedback)
        .post("/mentoring/{id}/final", MENTOR, placement::final_feedback)
        .post(
            "/mentoring/{id}/self-assessment",
            COACH,
            placement::self_assessment,
        )
        .post("/mentoring/{id}/mentor", COACH, placement::assign)
        .get("/participants/{id}/mentoring", COACH, evidence::show)
        .post(
            "/participants/{id}/evidence/{evidence}",
            COACH,
            evidence::decide,
        )
}

/// The catalogue key of a feedback level.
pub fn level_key(l: FeedbackLevel) -> &'static str {
    match l {
        FeedbackLevel::Independent => "mentor-level-independent",
        FeedbackLevel::WithSupport => "mentor-level-with-support",
        FeedbackLevel::NotYet => "mentor-level-not-yet",
    }
}

/// The catalogue key of a placement state.
pub fn state_key(s: PlacementState) -> &'static str {
    match s {
        PlacementState::Prepared => "mentor-state-prepared",
        PlacementState::Proposed => "mentor-state-proposed",
        PlacementState::Agreed => "mentor-state-agreed",
        PlacementState::Active => "mentor-state-active",
        PlacementState::Completed => "mentor-state-completed",
        PlacementState::Interrupted => "mentor-state-interrupted",
        PlacementState::Declined => "mentor-state-declined",
        PlacementState::Withdrawn => "mentor-state-withdrawn",
    }
}

/// "3.2.2027–28.2.2027" (or from the start on, when open-ended).
pub fn period(locale: crate::i18n::Locale, from: time::Date, to: Option<time::Date>) -> String {
    let f = crate::html::format::date(locale, from);
    match to {
        Some(t) => format!("{f}–{}", crate::html::format::date(locale, t)),
        None => format!("{f}–"),
    }
}

/// Minutes as hours with one decimal ("1,5 h" / "1.5 h").
pub fn hours(locale: crate::i18n::Locale, minutes: u32) -> String {
    format!(
        "{}{}h",
        crate::html::format::decimal(locale, f64::from(minutes) / 60.0, 1),
        crate::html::format::NBSP
    )
}
