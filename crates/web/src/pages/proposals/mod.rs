//! What an employer user sees and answers: the proposals and placements of the employers they
//! represent (waiting ones first), one proposal with its tasks, what the person can do in each
//! in plain words, the accommodations with euros and the subsidy estimate, and the answer form.
//! The participant's own coach opens the same page as a preview, without the form.
//! Everything shown is decided by the service (`Service::proposal_for_employer`); another
//! employer's proposal is "not found".

mod list;
mod show;

pub use list::{lists, Line, Lists};

use crate::policy::{Policy, Routes};
use polku_domain::Role;

const EMPLOYERS: Policy = Policy::AnyRole(&[Role::Employer]);
const VIEWERS: Policy = Policy::AnyRole(&[Role::Employer, Role::Coach]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/proposals", EMPLOYERS, list::index)
        .get("/proposals/{id}", VIEWERS, show::show)
        .post("/proposals/{id}/answer", EMPLOYERS, show::answer)
}
