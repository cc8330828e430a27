//! Workplace mentoring pages (työpaikkaohjaaja): the mentor's trialists, a placement's
//! mentoring page (tasks with feedback, check-ins, hours per month, written feedback) for the
//! mentor and the coach, and the coach's evidence page per participant. The service decides
//! every access (`polku_service::mentoring`); these handlers parse forms and render.

mod common;
mod evidence;
mod list;
mod placement;
mod qualifications;

pub use list::{cards, Card};

use crate::policy::{Policy, Routes};
use polku_domain::Role;

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
        .get(
            "/mentoring/{id}/qualifications",
            PARTIES,
            qualifications::show,
        )
        .post(
            "/mentoring/{id}/qualifications",
            PARTIES,
            qualifications::record,
        )
}
