//! Pages of the employers area: the employer register, task inventories, openings, contacts and
//! needs, and the pseudonymous candidates for an opening. Coordinators edit; coaches of the
//! project read. Which employer an actor may see is decided by the service (404 otherwise).

mod candidates;
mod common;
mod interactions;
mod openings;
mod qualifications;
mod register;
mod tasks;

use crate::policy::{Policy, Routes};
use polku_domain::Role;

/// Readers of the register (the service decides per project).
pub const READERS: Policy = Policy::AnyRole(&[Role::Coordinator, Role::Coach]);
/// Editors of the register.
pub const EDITORS: Policy = Policy::AnyRole(&[Role::Coordinator]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/employers", READERS, register::list)
        .get("/employers/new", EDITORS, register::new_form)
        .post("/employers/new", EDITORS, register::create)
        .get("/employers/{id}", READERS, register::show)
        .post("/employers/{id}/contacts", EDITORS, register::add_contact)
        .post(
            "/employers/{id}/contacts/{contact}/delete",
            EDITORS,
            register::remove_contact,
        )
        .get("/employers/{id}/edit", EDITORS, register::edit_form)
        .post("/employers/{id}/edit", EDITORS, register::update)
        .get("/employers/{id}/tasks", READERS, tasks::list)
        .get("/employers/{id}/tasks/new", EDITORS, tasks::new_form)
        .post("/employers/{id}/tasks/new", EDITORS, tasks::create)
        .get(
            "/employers/{id}/tasks/{task}/edit",
            EDITORS,
            tasks::edit_form,
        )
        .post("/employers/{id}/tasks/{task}/edit", EDITORS, tasks::update)
        .get("/employers/{id}/openings", READERS, openings::list)
        .get("/employers/{id}/openings/new", EDITORS, openings::new_form)
        .post("/employers/{id}/openings/new", EDITORS, openings::create)
        .get(
            "/employers/{id}/openings/{opening}/edit",
            EDITORS,
            openings::edit_form,
        )
        .post(
            "/employers/{id}/openings/{opening}/edit",
            EDITORS,
            openings::update,
        )
        .get(
            "/employers/{id}/openings/{opening}/candidates",
            READERS,
            candidates::list,
        )
        .get("/employers/{id}/interactions", READERS, interactions::list)
        .post(
            "/employers/{id}/interactions",
            EDITORS,
            interactions::create,
        )
        .get(
            "/employers/{id}/qualifications",
            READERS,
            qualifications::show,
        )
        .post(
            "/employers/{id}/qualifications",
            EDITORS,
            qualifications::map,
        )
        .post(
            "/employers/{id}/qualifications/remove",
            EDITORS,
            qualifications::remove,
        )
}
