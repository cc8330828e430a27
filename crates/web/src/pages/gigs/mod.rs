//! Pages of the gigs area (keikkatyöt): the list, posting a gig (employer users and
//! coordinators), the gig page with the suitable participants for coaches and the offer
//! button, and the result form. The service decides who sees which gig (404 otherwise).

mod common;
mod experience;
mod list;
mod post;
mod show;

pub use experience::{experience, ExperienceRow};

use crate::policy::{Policy, Routes};
use polku_domain::Role;

/// Who reads gigs (the service decides per gig).
pub const READERS: Policy = Policy::AnyRole(&[Role::Coach, Role::Coordinator, Role::Employer]);
/// Who posts gigs.
pub const POSTERS: Policy = Policy::AnyRole(&[Role::Coordinator, Role::Employer]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/gigs", READERS, list::list)
        .get("/gigs/new", POSTERS, post::new_form)
        .post("/gigs/new", POSTERS, post::create)
        .get("/gigs/{id}", READERS, show::show)
        .post("/gigs/{id}/cancel", POSTERS, show::cancel)
        .post(
            "/gigs/{id}/offers",
            Policy::AnyRole(&[Role::Coach]),
            show::offer,
        )
        .post(
            "/gigs/{id}/offers/{placement}/result",
            Policy::AnyRole(&[Role::Coach, Role::Employer]),
            show::result,
        )
}
