//! The web crate's one integration-test binary: requests are sent in-process
//! (`Router::oneshot`) to the full application on a fresh database per test.

mod agreements;
mod allocation;
mod api;
mod api_casework;
mod api_placements;
mod api_privacy;
mod consents;
mod employers;
mod follow_ups;
mod forms_participant;
mod gigs;
mod glossary;
mod harness;
mod home_footer;
mod i18n;
mod logs;
mod matrix;
mod mentoring;
mod openings_edit;
mod participants;
mod pickers;
mod placements_pages;
mod plan;
mod proposals;
mod reference;
mod reports_admin;
mod second_factor;
mod security;
mod sign_in_hardening;
mod subject_export;
mod subsidy;
