//! Follow-ups after hiring (staying in work): the record form of one follow-up, and the lines
//! of the coach's start page. The participant's own coach only (the service answers 404 to
//! anyone else). After a save with "needs re-crafting" ticked the page offers a button that
//! opens the crafting page with the placement's employer and current tasks.

mod record;
pub mod text;

use crate::policy::{Policy, Routes};
use polku_domain::Role;

const COACH: Policy = Policy::AnyRole(&[Role::Coach]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/follow-ups/{id}", COACH, record::show)
        .post("/follow-ups/{id}", COACH, record::submit)
}
