//! The footer's pages, public (readable without signing in): the accessibility statement
//! (Act 306/2019), the privacy notice built from the register of processing
//! (`data/data-classification.json`, the same register as `polku register`), and help and
//! contact.

use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::render;
use crate::pages::participants::common::fmt_date;
use crate::policy::{Policy, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use polku_service::register;
use time::macros::date;
use time::Date;

/// When the accessibility statement was last reviewed.
pub const STATEMENT_DATE: Date = date!(2026 - 12 - 06);

pub fn routes() -> Routes {
    Routes::new()
        .get("/accessibility", Policy::Public, accessibility)
        .get("/privacy", Policy::Public, privacy)
        .get("/help", Policy::Public, help)
}

/// Who to contact: the configured controller, or the organisation of the user's project.
#[derive(Debug)]
pub struct Contact {
    pub name: Option<String>,
    pub details: Option<String>,
}

fn contact(state: &AppState) -> Contact {
    let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    Contact {
        name: some(&state.config.controller),
        details: some(&state.config.controller_contact),
    }
}

#[derive(Template)]
#[template(path = "about/accessibility.html")]
struct Accessibility<'a> {
    ctx: &'a Ctx,
    contact: Contact,
    date: String,
}

async fn accessibility(ctx: Ctx, State(state): State<AppState>) -> WebResult<Response> {
    render(&Accessibility {
        contact: contact(&state),
        date: fmt_date(ctx.locale, STATEMENT_DATE),
        ctx: &ctx,
    })
}

/// One purpose of processing, in the page's language.
#[derive(Debug)]
pub struct Purpose {
    pub name: String,
    pub classes: Vec<String>,
    pub special: bool,
    pub retention: Vec<String>,
}

#[derive(Template)]
#[template(path = "about/privacy.html")]
struct Privacy<'a> {
    ctx: &'a Ctx,
    contact: Contact,
    purposes: Vec<Purpose>,
    recipients: Vec<String>,
}

/// The catalogue's text for `key`, else the register's own (English) words.
fn or(ctx: &Ctx, key: &str, fallback: &str) -> String {
    let t = ctx.t(key);
    if t == key {
        fallback.to_owned()
    } else {
        t
    }
}

async fn privacy(ctx: Ctx, State(state): State<AppState>) -> WebResult<Response> {
    let c = register::classification();
    let purposes = register::by_purpose()
        .into_iter()
        .map(|p| Purpose {
            name: or(&ctx, &format!("privacy-purpose-{}", p.code), &p.description),
            classes: p
                .classes
                .iter()
                .map(|k| {
                    let own = c.classes.get(k).map_or(k.as_str(), String::as_str);
                    or(&ctx, &format!("privacy-class-{k}"), own)
                })
                .collect(),
            special: p.special_category,
            retention: p
                .retention
                .iter()
                .map(|k| {
                    let own = c.retention.get(k).map_or(k.as_str(), String::as_str);
                    or(&ctx, &format!("privacy-retention-{k}"), own)
                })
                .collect(),
        })
        .collect();
    let recipients = c
        .recipients
        .iter()
        .filter_map(|r| {
            let kind = r.get("kind")?.as_str()?;
            let what = r.get("what").and_then(|w| w.as_str()).unwrap_or(kind);
            Some(or(&ctx, &format!("privacy-recipient-{kind}"), what))
        })
        .collect();
    render(&Privacy {
        contact: contact(&state),
        purposes,
        recipients,
        ctx: &ctx,
    })
}

#[derive(Template)]
#[template(path = "about/help.html")]
struct Help<'a> {
    ctx: &'a Ctx,
    contact: Contact,
}

async fn help(ctx: Ctx, State(state): State<AppState>) -> WebResult<Response> {
    render(&Help {
        contact: contact(&state),
        ctx: &ctx,
    })
}
