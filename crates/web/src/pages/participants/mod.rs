//! Pages of the participants area: the coach's caseload, enrolling a participant, the
//! participant's pages as tabs (background, functioning, skills, languages, availability,
//! service path, meetings), suggested work and job crafting. Every read and write goes through
//! the service with the signed-in coach as the actor; another coach's participant is "not found".

mod availability;
mod caseload;
pub(crate) mod common;
pub mod competence_certificate;
mod consents;
mod craft;
pub mod documents;
mod documents_tab;
mod esf;
mod europass;
pub mod explain;
mod export;
mod fields_on;
mod functioning;
mod languages;
mod meetings;
mod new;
mod path;
mod place;
mod plan;
mod profile;
mod skills;
mod subsidy;
mod suggestions;
mod tab;

use crate::policy::{Policy, Routes};
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use polku_domain::Role;

/// The caseload and enrolling: coaches.
const COACH: Policy = Policy::AnyRole(&[Role::Coach]);
/// One participant's pages: staff roles reach the handler, and the service decides per
/// participant (only the own coach has full access); everyone else gets "not found", the same
/// answer as for an id that does not exist (R14).
const STAFF: Policy =
    Policy::AnyRole(&[Role::Coach, Role::Coordinator, Role::Manager, Role::Admin]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/participants", COACH, caseload::show)
        .get("/participants/new", COACH, new::show)
        .post("/participants/new", COACH, new::submit)
        .get("/participants/{id}", STAFF, profile::show)
        .post("/participants/{id}", STAFF, profile::submit)
        .get("/participants/{id}/functioning", STAFF, functioning::show)
        .post("/participants/{id}/functioning", STAFF, functioning::submit)
        .get("/participants/{id}/skills", STAFF, skills::show)
        .post("/participants/{id}/skills", STAFF, skills::submit)
        .get("/participants/{id}/languages", STAFF, languages::show)
        .post("/participants/{id}/languages", STAFF, languages::submit)
        .get("/participants/{id}/availability", STAFF, availability::show)
        .post(
            "/participants/{id}/availability",
            STAFF,
            availability::submit,
        )
        .get("/participants/{id}/esf", STAFF, esf::show)
        .post("/participants/{id}/esf/entry", STAFF, esf::entry)
        .post("/participants/{id}/esf/leaving", STAFF, esf::leaving)
        .post("/participants/{id}/esf/six-months", STAFF, esf::six_months)
        .get("/participants/{id}/path", STAFF, path::show)
        .post("/participants/{id}/path", STAFF, path::submit)
        .get("/participants/{id}/meetings", STAFF, meetings::show)
        .post("/participants/{id}/meetings", STAFF, meetings::submit)
        .get("/participants/{id}/plan", STAFF, plan::show)
        .post("/participants/{id}/plan", STAFF, plan::add)
        .post("/participants/{id}/plan/{item}", STAFF, plan::toggle)
        .get("/participants/{id}/consents", STAFF, consents::show)
        .post("/participants/{id}/consents", STAFF, consents::give)
        .post(
            "/participants/{id}/consents/{consent}/withdraw",
            STAFF,
            consents::withdraw,
        )
        .post("/participants/{id}/shares", STAFF, consents::share)
        .post(
            "/participants/{id}/shares/{share}/revoke",
            STAFF,
            consents::revoke,
        )
        .get("/participants/{id}/export", STAFF, export::download)
        .get("/participants/{id}/suggestions", STAFF, suggestions::show)
        .get("/participants/{id}/craft", STAFF, craft::show)
        .post("/participants/{id}/craft", STAFF, craft::submit)
        .get("/participants/{id}/craft/saved", STAFF, craft::saved)
        .get("/participants/{id}/documents", STAFF, documents_tab::show)
        .post(
            "/participants/{id}/documents/upload",
            STAFF,
            documents_tab::upload.layer(DefaultBodyLimit::max(documents_tab::MAX_BODY)),
        )
        .post(
            "/participants/{id}/documents/generate",
            STAFF,
            documents_tab::generate_submit,
        )
        .get(
            "/participants/{id}/documents/{document}/versions/{version}",
            STAFF,
            documents_tab::download,
        )
        .get(
            "/participants/{id}/documents/europass.xml",
            STAFF,
            europass::download,
        )
}
