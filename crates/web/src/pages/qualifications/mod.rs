//! Opinnollistaminen pages outside the employer and mentoring areas (issue 14):
//! - `/qualifications`: the qualification units (tutkinnon osat) as reference data, for the
//!   roles that use them (coordinators map tasks, coaches and mentors follow evidence, the
//!   referring institution reads it): Koodisto code, version (diaarinumero and validity), name
//!   in the user's language, the qualification(s) the unit belongs to, the requirement items and
//!   the source; filtered by qualification and searched by words. Not personal data: not
//!   audited.
//! - `/shared/{id}/qualifications`: the referring institution's view of the competence shown by
//!   a participant shared with it for the purpose "transition", with the pointer to the school's
//!   HOKS process. The service decides on every request (active share and consent, audited);
//!   anything else, a withdrawn consent included, is 404.

mod common;
mod shared;
mod units;

use crate::policy::{Policy, Routes};
use polku_domain::Role;

/// Who browses the units.
const UNIT_READERS: Policy = Policy::AnyRole(&[
    Role::Coordinator,
    Role::Coach,
    Role::Mentor,
    Role::Institution,
]);
/// The referring institution.
const INSTITUTION: Policy = Policy::AnyRole(&[Role::Institution]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/qualifications", UNIT_READERS, units::index)
        .get("/shared/{id}/qualifications", INSTITUTION, shared::show)
}
