//! The web crate's one integration-test binary: requests are sent in-process
//! (`Router::oneshot`) to the full application on a fresh database per test.

mod api;
mod api_casework;
mod api_placements;
mod api_privacy;
mod consents;
mod employers;
mod forms_participant;
mod gigs;
mod glossary;
mod harness;
mod home_footer;
mod i18n;
mod logs;
mod matrix;
mod openings_edit;
mod participants;
mod pickers;
mod plan;
mod reference;
mod reports_admin;
mod second_factor;
mod security;
mod subject_export;
