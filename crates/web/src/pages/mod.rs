//! Server-rendered pages, one folder per area. Each area exposes `routes()`; handlers parse and
//! validate the form, call the service with the session's actor and render an askama template.
//! This file is only the router: what pages share lives in [`crate::html`] (rendering, the page
//! context, redirects) and in [`labels`] (names of catalogue and domain values).

pub mod about;
pub mod account;
pub mod admin;
pub mod agreements;
pub mod allocation;
pub mod auth;
pub mod employers;
pub mod fidelity;
pub mod follow_ups;
pub mod form;
pub mod gigs;
pub mod home;
pub mod labels;
pub mod mentoring;
pub mod participants;
pub mod placements;
pub mod proposals;
pub mod qualifications;
pub mod reference;
pub mod referrals;
pub mod reports;
pub mod shared;

use crate::policy::Routes;

/// All page routes.
pub fn routes() -> Routes {
    Routes::new()
        .merge(auth::routes())
        .merge(account::routes())
        .merge(home::routes())
        .merge(about::routes())
        .merge(participants::routes())
        .merge(employers::routes())
        .merge(proposals::routes())
        .merge(placements::routes())
        .merge(fidelity::routes())
        .merge(follow_ups::routes())
        .merge(gigs::routes())
        .merge(reports::routes())
        .merge(allocation::routes())
        .merge(admin::routes())
        .merge(mentoring::routes())
        .merge(shared::routes())
        .merge(reference::routes())
        .merge(agreements::routes())
        .merge(referrals::routes())
        .merge(qualifications::routes())
}
