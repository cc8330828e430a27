//! `/api/v1`: the same use cases as the pages, for programs. Session cookie or
//! `Authorization: Bearer <session token>`; errors in the envelope of `docs/API.md`; the
//! contract is the OpenAPI document at `/api/v1/openapi.json` ([`openapi`]).

mod agreements;
mod allocation;
mod casework;
mod employers;
mod engine;
pub use engine::engine_slots;
pub mod envelope;
mod esf;
mod fidelity;
mod follow_ups;
mod gigs;
pub mod io;
mod me;
mod mentoring;
pub mod openapi;
mod organisations;
mod participant_body;
mod participant_documents;
mod participants;
pub mod placements;
mod privacy;
mod proposal;
mod qualifications;
mod referrals;
pub mod schemas;
mod sessions;

use crate::policy::{Policy, Routes};
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use polku_domain::Role;

const COACH: &[Role] = &[Role::Coach];
const EMPLOYER_READERS: &[Role] = &[Role::Coordinator, Role::Coach, Role::Manager];
const SHARE_RECIPIENTS: &[Role] = &[Role::Employer, Role::Mentor, Role::Institution];
const STAFF: &[Role] = &[Role::Admin, Role::Manager, Role::Coach, Role::Coordinator];
const ALLOCATORS: &[Role] = &[Role::Coordinator, Role::Manager];
const PROPOSERS: &[Role] = &[Role::Coach, Role::Coordinator];
const PLACEMENT_PARTIES: &[Role] = &[
    Role::Coach,
    Role::Coordinator,
    Role::Employer,
    Role::Mentor,
    Role::Participant,
];
const EMPLOYER_USERS: &[Role] = &[Role::Employer];
const AGREEMENT_ACCEPTERS: &[Role] = &[Role::Coach, Role::Employer, Role::Participant];
const MENTORS: &[Role] = &[Role::Mentor];
const MENTORING_PARTIES: &[Role] = &[Role::Coach, Role::Mentor, Role::Participant];
const GIG_POSTERS: &[Role] = &[Role::Employer, Role::Coordinator];
const GIG_READERS: &[Role] = &[Role::Employer, Role::Coordinator, Role::Coach];
const DOCUMENT_READERS: &[Role] = &[Role::Coach, Role::Employer, Role::Mentor, Role::Institution];
const INSTITUTIONS: &[Role] = &[Role::Institution];
const REFERRAL_READERS: &[Role] = &[Role::Institution, Role::Coach, Role::Manager];
const REFERRAL_RECEIVERS: &[Role] = &[Role::Coach, Role::Manager];

pub fn routes() -> Routes {
    let big = || DefaultBodyLimit::max(engine::MAX_BODY);
    Routes::new()
        .get("/api/v1/openapi.json", Policy::Public, openapi::serve)
        .get("/api/v1/me", Policy::SignedIn, me::show)
        .post("/api/v1/sessions", Policy::Public, sessions::create)
        .delete(
            "/api/v1/sessions/current",
            Policy::SignedIn,
            sessions::delete,
        )
        .post(
            "/api/v1/sessions/current/step-up",
            Policy::SignedIn,
            sessions::step_up,
        )
        .get(
            "/api/v1/participants",
            Policy::AnyRole(COACH),
            participants::index,
        )
        .post(
            "/api/v1/participants",
            Policy::AnyRole(COACH),
            participants::create,
        )
        .get(
            "/api/v1/participants/{id}",
            Policy::AnyRole(COACH),
            participants::show,
        )
        .patch(
            "/api/v1/participants/{id}",
            Policy::AnyRole(COACH),
            participants::update,
        )
        .get(
            "/api/v1/participants/{id}/meetings",
            Policy::AnyRole(COACH),
            casework::meetings,
        )
        .post(
            "/api/v1/participants/{id}/meetings",
            Policy::AnyRole(COACH),
            casework::add_meeting,
        )
        .get(
            "/api/v1/participants/{id}/plan",
            Policy::AnyRole(COACH),
            casework::plan,
        )
        .post(
            "/api/v1/participants/{id}/plan",
            Policy::AnyRole(COACH),
            casework::add_plan_item,
        )
        .get(
            "/api/v1/participants/{id}/consents",
            Policy::AnyRole(COACH),
            privacy::consents,
        )
        .post(
            "/api/v1/participants/{id}/consents",
            Policy::AnyRole(COACH),
            privacy::give_consent,
        )
        .post(
            "/api/v1/participants/{id}/consents/{consent}/withdraw",
            Policy::AnyRole(COACH),
            privacy::withdraw_consent,
        )
        .get(
            "/api/v1/participants/{id}/shares",
            Policy::AnyRole(COACH),
            privacy::shares,
        )
        .post(
            "/api/v1/participants/{id}/shares",
            Policy::AnyRole(COACH),
            privacy::share,
        )
        .post(
            "/api/v1/participants/{id}/shares/{share}/revoke",
            Policy::AnyRole(COACH),
            privacy::revoke_share,
        )
        .get(
            "/api/v1/consent-wording",
            Policy::AnyRole(COACH),
            privacy::wording,
        )
        .get(
            "/api/v1/shared",
            Policy::AnyRole(SHARE_RECIPIENTS),
            privacy::shared,
        )
        .get(
            "/api/v1/participants/{id}/export",
            Policy::AnyRole(COACH),
            participants::export,
        )
        .get(
            "/api/v1/participants/{id}/suggestions",
            Policy::AnyRole(COACH),
            participants::suggestions,
        )
        .post(
            "/api/v1/placements",
            Policy::AnyRole(PROPOSERS),
            placements::create,
        )
        .get(
            "/api/v1/placements/{id}",
            Policy::AnyRole(PLACEMENT_PARTIES),
            placements::show,
        )
        .get(
            "/api/v1/placements/{id}/proposal",
            Policy::AnyRole(&[Role::Employer, Role::Coach]),
            proposal::show,
        )
        .post(
            "/api/v1/placements/{id}/answer",
            Policy::AnyRole(&[Role::Employer, Role::Coach, Role::Coordinator]),
            placements::answer,
        )
        .post(
            "/api/v1/placements/{id}/confirm",
            Policy::AnyRole(COACH),
            placements::confirm,
        )
        .post(
            "/api/v1/placements/{id}/state",
            Policy::AnyRole(PROPOSERS),
            placements::move_to,
        )
        .get(
            "/api/v1/placements/{id}/agreement",
            Policy::AnyRole(PLACEMENT_PARTIES),
            agreements::show,
        )
        .put(
            "/api/v1/placements/{id}/agreement",
            Policy::AnyRole(COACH),
            agreements::put,
        )
        .post(
            "/api/v1/placements/{id}/agreement/acceptances",
            Policy::AnyRole(AGREEMENT_ACCEPTERS),
            agreements::accept,
        )
        .get(
            "/api/v1/placements/{id}/agreement.pdf",
            Policy::AnyRole(PLACEMENT_PARTIES),
            agreements::pdf_file,
        )
        .get(
            "/api/v1/participants/{id}/placements",
            Policy::AnyRole(COACH),
            placements::of_participant,
        )
        .get(
            "/api/v1/employer-placements",
            Policy::AnyRole(EMPLOYER_USERS),
            placements::mine,
        )
        .get(
            "/api/v1/projects/{id}/proposals",
            Policy::AnyRole(PROPOSERS),
            placements::open_proposals,
        )
        .post(
            "/api/v1/placements/{id}/mentor",
            Policy::AnyRole(COACH),
            mentoring::assign,
        )
        .get(
            "/api/v1/placements/{id}/checkins",
            Policy::AnyRole(MENTORING_PARTIES),
            mentoring::checkins,
        )
        .post(
            "/api/v1/placements/{id}/checkins",
            Policy::AnyRole(MENTORS),
            mentoring::add_checkin,
        )
        .post(
            "/api/v1/placements/{id}/feedback",
            Policy::AnyRole(MENTORS),
            mentoring::feedback,
        )
        .post(
            "/api/v1/placements/{id}/final-feedback",
            Policy::AnyRole(MENTORS),
            mentoring::final_feedback,
        )
        .get(
            "/api/v1/mentor/placements",
            Policy::AnyRole(MENTORS),
            mentoring::mine,
        )
        .get(
            "/api/v1/participants/{id}/evidence",
            Policy::AnyRole(COACH),
            mentoring::evidence,
        )
        .post(
            "/api/v1/participants/{id}/evidence/{evidence}",
            Policy::AnyRole(COACH),
            mentoring::decide,
        )
        .get(
            "/api/v1/projects/{id}/fidelity",
            Policy::AnyRole(STAFF),
            fidelity::profile,
        )
        .put(
            "/api/v1/projects/{id}/fidelity/items/{item}/rating",
            Policy::AnyRole(STAFF),
            fidelity::rate,
        )
        .get(
            "/api/v1/participants/{id}/esf",
            Policy::AnyRole(COACH),
            esf::show,
        )
        .put(
            "/api/v1/participants/{id}/esf/entry",
            Policy::AnyRole(COACH),
            esf::put_entry,
        )
        .put(
            "/api/v1/participants/{id}/esf/leaving",
            Policy::AnyRole(COACH),
            esf::put_leaving,
        )
        .put(
            "/api/v1/participants/{id}/esf/six-months",
            Policy::AnyRole(COACH),
            esf::put_six_months,
        )
        .get(
            "/api/v1/follow-ups",
            Policy::AnyRole(COACH),
            follow_ups::due,
        )
        .get(
            "/api/v1/participants/{id}/follow-ups",
            Policy::AnyRole(COACH),
            follow_ups::of_participant,
        )
        .post(
            "/api/v1/follow-ups/{id}",
            Policy::AnyRole(COACH),
            follow_ups::record,
        )
        .post("/api/v1/gigs", Policy::AnyRole(GIG_POSTERS), gigs::create)
        .get("/api/v1/gigs", Policy::AnyRole(GIG_READERS), gigs::index)
        .get(
            "/api/v1/gigs/{id}",
            Policy::AnyRole(GIG_READERS),
            gigs::show,
        )
        .get(
            "/api/v1/gigs/{id}/candidates",
            Policy::AnyRole(PROPOSERS),
            gigs::candidates,
        )
        .post(
            "/api/v1/gigs/{id}/cancel",
            Policy::AnyRole(GIG_POSTERS),
            gigs::cancel,
        )
        .post(
            "/api/v1/gigs/{id}/offers",
            Policy::AnyRole(COACH),
            gigs::offer,
        )
        .post(
            "/api/v1/placements/{id}/gig-result",
            Policy::AnyRole(&[Role::Coach, Role::Employer]),
            gigs::result,
        )
        .get(
            "/api/v1/employers",
            Policy::AnyRole(EMPLOYER_READERS),
            employers::index,
        )
        .get(
            "/api/v1/employers/{id}",
            Policy::AnyRole(EMPLOYER_READERS),
            employers::show,
        )
        .get(
            "/api/v1/employers/{id}/tasks",
            Policy::AnyRole(EMPLOYER_READERS),
            employers::tasks,
        )
        .get(
            "/api/v1/employers/{id}/openings",
            Policy::AnyRole(EMPLOYER_READERS),
            employers::openings,
        )
        .post(
            "/api/v1/projects/{id}/allocation",
            Policy::AnyRole(ALLOCATORS),
            allocation::compute,
        )
        .post(
            "/api/v1/match",
            Policy::AnyRole(STAFF),
            engine::match_.layer(big()),
        )
        .post(
            "/api/v1/craft",
            Policy::AnyRole(STAFF),
            engine::craft.layer(big()),
        )
        .post(
            "/api/v1/allocate",
            Policy::AnyRole(STAFF),
            engine::allocate.layer(big()),
        )
        .merge(document_routes())
        .merge(qualification_routes())
        .merge(referral_routes())
        .merge(organisation_routes())
}

/// A participant's documents: the upload routes alone take bodies up to 10 MiB.
fn document_routes() -> Routes {
    let upload = || DefaultBodyLimit::max(participant_documents::MAX_UPLOAD_BODY);
    Routes::new()
        .get(
            "/api/v1/participants/{id}/documents",
            Policy::AnyRole(DOCUMENT_READERS),
            participant_documents::index,
        )
        .post(
            "/api/v1/participants/{id}/documents",
            Policy::AnyRole(COACH),
            participant_documents::upload.layer(upload()),
        )
        .post(
            "/api/v1/participants/{id}/documents/generated",
            Policy::AnyRole(COACH),
            participant_documents::generate_document,
        )
        .get(
            "/api/v1/participants/{id}/documents/{document}",
            Policy::AnyRole(DOCUMENT_READERS),
            participant_documents::show,
        )
        .post(
            "/api/v1/participants/{id}/documents/{document}/versions",
            Policy::AnyRole(COACH),
            participant_documents::upload_version.layer(upload()),
        )
        .get(
            "/api/v1/participants/{id}/documents/{document}/versions/{version}/content",
            Policy::AnyRole(DOCUMENT_READERS),
            participant_documents::download,
        )
}

/// Opinnollistaminen: qualification units, task mapping, qualification evidence.
fn qualification_routes() -> Routes {
    const MAPPERS: &[Role] = &[Role::Coordinator];
    const RECORDERS: &[Role] = &[Role::Coach, Role::Mentor];
    Routes::new()
        .get(
            "/api/v1/qualification-units",
            Policy::SignedIn,
            qualifications::units,
        )
        .get(
            "/api/v1/employers/{id}/task-requirements",
            Policy::AnyRole(EMPLOYER_READERS),
            qualifications::task_map,
        )
        .put(
            "/api/v1/employers/{id}/tasks/{task}/requirements",
            Policy::AnyRole(MAPPERS),
            qualifications::map_task,
        )
        .get(
            "/api/v1/placements/{id}/qualification-evidence",
            Policy::AnyRole(MENTORING_PARTIES),
            qualifications::evidence,
        )
        .post(
            "/api/v1/placements/{id}/qualification-evidence",
            Policy::AnyRole(RECORDERS),
            qualifications::record,
        )
        .get(
            "/api/v1/shared/participants/{id}/qualification-evidence",
            Policy::AnyRole(&[Role::Institution]),
            qualifications::shared,
        )
        .get(
            "/api/v1/participants/{id}/competence-certificate",
            Policy::AnyRole(COACH),
            qualifications::certificate,
        )
}

/// Referrals: the school-to-work handover and a participant's referrals in and out. Which
/// referral a caller sees is decided by the service (another school's is 404).
fn referral_routes() -> Routes {
    let upload = || DefaultBodyLimit::max(referrals::MAX_UPLOAD_BODY);
    Routes::new()
        .get(
            "/api/v1/referrals",
            Policy::AnyRole(REFERRAL_READERS),
            referrals::index,
        )
        .post(
            "/api/v1/referrals",
            Policy::AnyRole(INSTITUTIONS),
            referrals::create,
        )
        .get(
            "/api/v1/referrals/{id}",
            Policy::AnyRole(REFERRAL_READERS),
            referrals::show,
        )
        .post(
            "/api/v1/referrals/{id}/accept",
            Policy::AnyRole(COACH),
            referrals::accept,
        )
        .post(
            "/api/v1/referrals/{id}/decline",
            Policy::AnyRole(REFERRAL_RECEIVERS),
            referrals::decline,
        )
        .post(
            "/api/v1/referrals/{id}/withdraw",
            Policy::AnyRole(INSTITUTIONS),
            referrals::withdraw,
        )
        .post(
            "/api/v1/referrals/{id}/consent/withdraw",
            Policy::AnyRole(INSTITUTIONS),
            referrals::withdraw_consent,
        )
        .post(
            "/api/v1/referrals/{id}/documents",
            Policy::AnyRole(INSTITUTIONS),
            referrals::attach.layer(upload()),
        )
        .get(
            "/api/v1/referrals/{id}/documents/{document}",
            Policy::AnyRole(REFERRAL_READERS),
            referrals::download,
        )
        .get(
            "/api/v1/participants/{id}/referrals",
            Policy::AnyRole(COACH),
            referrals::participant_index,
        )
        .post(
            "/api/v1/participants/{id}/referrals",
            Policy::AnyRole(COACH),
            referrals::participant_create,
        )
        .post(
            "/api/v1/participants/{id}/referrals/{referral}",
            Policy::AnyRole(COACH),
            referrals::participant_update,
        )
        .post(
            "/api/v1/referrals/intake",
            Policy::AnyRole(COACH),
            referrals::create_intake,
        )
        .get(
            "/api/v1/referrals/intake",
            Policy::AnyRole(REFERRAL_RECEIVERS),
            referrals::intake_index,
        )
}

/// Administration: an organisation's optional participant fields (R42).
fn organisation_routes() -> Routes {
    const ADMINS: &[Role] = &[Role::Admin];
    Routes::new()
        .get(
            "/api/v1/organisations/{id}/optional-fields",
            Policy::AnyRole(ADMINS),
            organisations::show,
        )
        .put(
            "/api/v1/organisations/{id}/optional-fields",
            Policy::AnyRole(ADMINS),
            organisations::update,
        )
}
