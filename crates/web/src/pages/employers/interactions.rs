//! Contacts with an employer (calls, visits, events, e-mails), the needs heard — hidden jobs
//! included — and the cooperation depth after the contact.

use super::common::{employer_id, tabs, Tab};
use super::register::{key_of, parse_depth, DEPTHS};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{format, render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::form::Fields;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{Employer, EmployerId, InteractionKind};
use polku_service::interactions::{NewInteraction, MAX_NEED_CHARS, MAX_SUMMARY_CHARS};
use polku_service::reports::depth_str;
use time::macros::format_description;
use time::{Date, Time};

/// (value, label key) of each kind of contact.
pub const KINDS: [(&str, &str); 4] = [
    ("call", "emp-contact-call"),
    ("visit", "emp-contact-visit"),
    ("event", "emp-contact-event"),
    ("email", "emp-contact-email"),
];

/// How many need rows the form offers.
const NEED_ROWS: usize = 3;

fn kind_str(k: InteractionKind) -> &'static str {
    match k {
        InteractionKind::Call => "call",
        InteractionKind::Visit => "visit",
        InteractionKind::Event => "event",
        InteractionKind::Email => "email",
    }
}

fn parse_kind(s: &str) -> Option<InteractionKind> {
    Some(match s {
        "call" => InteractionKind::Call,
        "visit" => InteractionKind::Visit,
        "event" => InteractionKind::Event,
        "email" => InteractionKind::Email,
        _ => return None,
    })
}

/// One contact as listed.
pub struct ContactRow {
    pub date: String,
    pub kind_key: &'static str,
    pub summary: String,
}

/// One need as listed.
pub struct NeedRow {
    pub date: String,
    pub description: String,
    pub hidden: bool,
}

/// The form's values.
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub kind: String,
    pub date: String,
    pub summary: String,
    /// (description, hidden job?)
    pub needs: Vec<(String, bool)>,
    pub cooperation: String,
}

#[derive(Template)]
#[template(path = "employers/interactions.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    name: String,
    id: String,
    tabs: Vec<Tab>,
    depth_key: &'static str,
    contacts: Vec<ContactRow>,
    needs: Vec<NeedRow>,
    may_edit: bool,
    values: Values,
    errors: FieldErrors,
    kinds: [(&'static str, &'static str); 4],
    depths: [(&'static str, &'static str); 3],
}

async fn page_for(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    e: Employer,
    values: Values,
    errors: FieldErrors,
) -> WebResult<Response> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let rel = state
        .service
        .employer_relations(&session.actor, e.id)
        .await?;
    let page = Page {
        ctx,
        id: e.id.to_string(),
        tabs: tabs(e.id, "interactions"),
        depth_key: key_of(&DEPTHS, depth_str(e.cooperation)),
        contacts: rel
            .interactions
            .into_iter()
            .map(|i| ContactRow {
                // A contact is recorded for a day (stored as that day's 00:00 UTC).
                date: format::date(ctx.locale, i.at.date()),
                kind_key: key_of(&KINDS, kind_str(i.kind)),
                summary: i.summary,
            })
            .collect(),
        needs: rel
            .needs
            .into_iter()
            .map(|n| NeedRow {
                date: format::date(ctx.locale, n.heard_at),
                description: n.description,
                hidden: n.hidden,
            })
            .collect(),
        may_edit: state.service.may_edit_employer(&session.actor, &e),
        name: e.name,
        values,
        errors,
        kinds: KINDS,
        depths: DEPTHS,
    };
    render_status(status, &page)
}

fn blank(e: &Employer) -> Values {
    Values {
        kind: "call".into(),
        date: format::today()
            .format(format_description!("[year]-[month]-[day]"))
            .unwrap_or_default(),
        summary: String::new(),
        needs: vec![(String::new(), false); NEED_ROWS],
        cooperation: depth_str(e.cooperation).into(),
    }
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id: EmployerId = employer_id(&id)?;
    let e = state.service.employer(&session.actor, id).await?;
    let values = blank(&e);
    page_for(&state, &ctx, &session, e, values, FieldErrors::new()).await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = employer_id(&id)?;
    let e = super::common::editable(&state, &session, id).await?;
    let values = Values {
        kind: fields.get("kind"),
        date: fields.get("date"),
        summary: fields.get("summary"),
        needs: (1..=NEED_ROWS)
            .map(|i| {
                (
                    fields.get(&format!("need_{i}")),
                    fields.checked(&format!("need_{i}_hidden")),
                )
            })
            .collect(),
        cooperation: fields.get("cooperation"),
    };
    let mut errors = FieldErrors::new();
    let kind = parse_kind(&values.kind);
    if kind.is_none() {
        errors.add("kind", "emp-error-choose");
    }
    let date = Date::parse(&values.date, format_description!("[year]-[month]-[day]")).ok();
    if date.is_none() {
        errors.add("date", "emp-error-date");
    }
    if values.summary.is_empty() || values.summary.chars().count() > MAX_SUMMARY_CHARS {
        errors.add("summary", "emp-error-summary");
    }
    for (i, (d, _)) in values.needs.iter().enumerate() {
        if d.chars().count() > MAX_NEED_CHARS {
            errors.add(&format!("need_{}", i + 1), "emp-error-too-long");
        }
    }
    let depth = parse_depth(&values.cooperation);
    if depth.is_none() {
        errors.add("cooperation", "emp-error-choose");
    }
    let (Some(kind), Some(date), Some(cooperation)) = (kind, date, depth) else {
        return page_for(&state, &ctx, &session, e, values, errors).await;
    };
    if !errors.is_empty() {
        return page_for(&state, &ctx, &session, e, values, errors).await;
    }
    let saved = state
        .service
        .record_interaction(
            &session.actor,
            NewInteraction {
                employer_id: id,
                kind,
                at: date.with_time(Time::MIDNIGHT).assume_utc(),
                summary: values.summary.clone(),
                needs: values.needs.clone(),
                cooperation,
            },
        )
        .await;
    match saved {
        Ok(_) => Ok(see_other_saved(
            &format!("/employers/{id}/interactions"),
            Notice::Interaction,
        )),
        // The employer changed between reading and saving: nothing was stored; keep what the
        // user wrote and let them send it again (R50).
        Err(polku_service::ServiceError::Conflict { .. }) => {
            let e = state.service.employer(&session.actor, id).await?;
            errors.add("cooperation", "emp-error-depth-conflict");
            page_for(&state, &ctx, &session, e, values, errors).await
        }
        Err(err) => Err(err.into()),
    }
}
