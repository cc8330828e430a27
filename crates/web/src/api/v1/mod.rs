//! `/api/v1`: the same use cases as the pages, for programs. Session cookie or
//! `Authorization: Bearer <session token>`; errors in the envelope of `docs/API.md`.

pub mod envelope;
mod me;

use crate::policy::{Policy, Routes};

pub fn routes() -> Routes {
    Routes::new().get("/api/v1/me", Policy::SignedIn, me::show)
}
