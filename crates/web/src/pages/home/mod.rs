//! The start page after sign-in: the user's areas, by role.

use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render, see_other};
use crate::policy::{Policy, Routes};
use askama::Template;
use axum::response::Response;

pub fn routes() -> Routes {
    Routes::new().get("/", Policy::Public, index)
}

#[derive(Template)]
#[template(path = "home/index.html")]
struct Home<'a> {
    ctx: &'a Ctx,
}

async fn index(ctx: Ctx) -> WebResult<Response> {
    if ctx.session.is_none() {
        return Ok(see_other("/sign-in"));
    }
    render(&Home { ctx: &ctx })
}
