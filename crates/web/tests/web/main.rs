//! The web crate's one integration-test binary: requests are sent in-process
//! (`Router::oneshot`) to the full application on a fresh database per test.

mod harness;
mod i18n;
mod security;
