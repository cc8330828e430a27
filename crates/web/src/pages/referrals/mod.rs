//! Pages of the referrals area (issue 14): the school-to-work handover and a participant's
//! referrals in and out. A coach or manager sees the school referrals to their projects and
//! accepts (coach) or declines (with a reason) one; an institution user sees their own
//! referrals and refers a student with the student's consent; a participant's own coach records
//! referrals in and out on the participant's "Referrals" tab. The referrer attaches documents,
//! withdraws a referral or records a withdrawn consent (manage.rs; the confirmation pages are
//! open to every reader, the service answers "not found" to anyone but the referrer); a coach
//! records an incoming referral of a person who is not yet a participant (intake.rs). The
//! service decides who sees which referral: anything else is "not found".

mod common;
mod intake;
mod list;
mod manage;
mod new;
mod participant;
mod show;

use crate::policy::{Policy, Routes};
use axum::handler::Handler;
use polku_domain::Role;

/// Who reads referrals (the service decides per referral).
const READERS: Policy = Policy::AnyRole(&[Role::Coach, Role::Manager, Role::Institution]);
/// Who refers students.
const REFERRERS: Policy = Policy::AnyRole(&[Role::Institution]);
/// Who receives them (the service checks the project).
const RECEIVERS: Policy = Policy::AnyRole(&[Role::Coach, Role::Manager]);
/// A participant's pages (as in the participants area: the service decides per participant).
const STAFF: Policy =
    Policy::AnyRole(&[Role::Coach, Role::Coordinator, Role::Manager, Role::Admin]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/referrals", READERS, list::list)
        .get("/referrals/new", REFERRERS, new::new_form)
        .post("/referrals/new", REFERRERS, new::create)
        .get("/referrals/{id}", READERS, show::show)
        .post(
            "/referrals/{id}/accept",
            Policy::AnyRole(&[Role::Coach]),
            show::accept,
        )
        .post("/referrals/{id}/decline", RECEIVERS, show::decline)
        .get(
            "/referrals/{id}/documents/{document}",
            READERS,
            show::download,
        )
        .get("/participants/{id}/referrals", STAFF, participant::show)
        .post("/participants/{id}/referrals", STAFF, participant::record)
        .get(
            "/referrals/intake",
            Policy::AnyRole(&[Role::Coach]),
            intake::form,
        )
        .post(
            "/referrals/intake",
            Policy::AnyRole(&[Role::Coach]),
            intake::create,
        )
        .get("/referrals/{id}/withdraw", READERS, manage::withdraw_form)
        .post("/referrals/{id}/withdraw", REFERRERS, manage::withdraw)
        .get(
            "/referrals/{id}/consent/withdraw",
            READERS,
            manage::consent_form,
        )
        .post(
            "/referrals/{id}/consent/withdraw",
            REFERRERS,
            manage::withdraw_consent,
        )
        .post(
            "/referrals/{id}/documents",
            REFERRERS,
            manage::attach.layer(axum::extract::DefaultBodyLimit::max(manage::MAX_BODY)),
        )
}
