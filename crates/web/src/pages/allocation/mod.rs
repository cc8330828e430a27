//! Sharing scarce trial places (`/allocation`): a coordinator or manager chooses the project's
//! trial openings and the participants looking for a trial, computes the optimal assignment
//! (`Service::allocation`) and accepts it. Participants appear by pseudonym ("Participant 3");
//! a manager sees no explanation per person. Nothing is recorded until someone accepts, and an
//! assignment that changed since it was shown is refused.

mod accepted;
mod form;
mod result;

use crate::policy::{Policy, Routes};
use polku_domain::Role;

/// Coordinators and managers; the service decides per project.
const STAFF: Policy = Policy::AnyRole(&[Role::Coordinator, Role::Manager]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/allocation", STAFF, form::show)
        .get("/allocation/result", STAFF, result::show)
        .post("/allocation/accept", STAFF, result::accept)
        .get("/allocation/accepted", STAFF, accepted::show)
}
