//! Sign-in, second factor, activation, sign-out and the language switch.

pub mod activate;
mod language;
pub mod second_factor;
mod sign_in;
mod sign_out;

use crate::policy::{Policy, Routes};

pub fn routes() -> Routes {
    Routes::new()
        .get("/sign-in", Policy::Public, sign_in::show)
        .post("/sign-in", Policy::Public, sign_in::submit)
        .get("/sign-in/code", Policy::Public, second_factor::show_code)
        .post("/sign-in/code", Policy::Public, second_factor::submit_code)
        .get("/sign-in/setup", Policy::Public, second_factor::show_setup)
        .post(
            "/sign-in/setup",
            Policy::Public,
            second_factor::submit_setup,
        )
        .post(
            "/sign-in/setup/new",
            Policy::Public,
            second_factor::new_setup,
        )
        .post("/sign-out", Policy::SignedIn, sign_out::submit)
        .get("/activate", Policy::Public, activate::show)
        .post("/activate", Policy::Public, activate::submit)
        .post("/language", Policy::Public, language::submit)
}
