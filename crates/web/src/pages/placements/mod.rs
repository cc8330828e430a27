//! The coach's and coordinator's pages for proposals and placements: the participant's
//! "placements" tab, the proposal form (from a suggestion, a crafted job, the tab, or a
//! coordinator's candidate row, then `prepared` for the coach to confirm), a placement's page
//! with the moves its state allows, the open proposals per employer and the employer users of
//! an employer. Every read and write goes through `polku_service::placements`, which decides
//! who may do what ("not yours" is 404). The employer user's own pages are elsewhere.

pub(crate) mod common;
mod detail;
mod employer_users;
mod form;
mod list;
mod open;
mod propose;

use crate::policy::{Policy, Routes};
use polku_domain::Role;

/// The participant's own coach (and the coordinator who prepared a proposal): the service
/// decides per placement.
const STAFF: Policy = Policy::AnyRole(&[Role::Coach, Role::Coordinator]);
const COACH: Policy = Policy::AnyRole(&[Role::Coach]);
const COORDINATOR: Policy = Policy::AnyRole(&[Role::Coordinator]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/participants/{id}/placements", COACH, list::show)
        .get(
            "/participants/{id}/placements/new",
            COACH,
            propose::new_form,
        )
        .post("/participants/{id}/placements/new", COACH, propose::create)
        .get("/placements/{id}", STAFF, detail::show)
        .post("/placements/{id}/state", STAFF, detail::move_state)
        .post("/placements/{id}/confirm", COACH, detail::confirm)
        .post("/placements/{id}/answer", STAFF, detail::record_answer)
        .get(
            "/employers/{id}/openings/{opening}/candidates/{participant}/prepare",
            COORDINATOR,
            propose::prepare_form,
        )
        .post(
            "/employers/{id}/openings/{opening}/candidates/{participant}/prepare",
            COORDINATOR,
            propose::prepare,
        )
        .get("/open-proposals", STAFF, open::list)
        .post("/employers/{id}/users", COORDINATOR, employer_users::link)
        .post(
            "/employers/{id}/users/{user}/unlink",
            COORDINATOR,
            employer_users::unlink,
        )
}
