//! What the referring institution user does with a pending referral besides sending it: attach a
//! document (PDF, PNG or JPEG up to 10 MB, its type checked from the content by the service),
//! withdraw the referral, or record that the student withdrew the consent. Both withdrawals ask
//! for a confirmation on a page of their own first (no JavaScript). Each save lands on the
//! referral's page with a confirmation; a refused one shows the page again with the reason.
//! The service decides who may: for anyone else the referral is "not found".

use super::common::{referral_id, rule_key};
use super::show::page;
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{DomainError, ReferralStatus};
use polku_service::referrals::ReferralRole;
use polku_service::ServiceError;

/// The largest request body of an upload: the file limit and room for the form fields.
pub const MAX_BODY: usize = polku_documents::upload::MAX_UPLOAD_BYTES + 64 * 1024;

#[derive(Template)]
#[template(path = "referrals/confirm.html")]
struct Confirm<'a> {
    ctx: &'a Ctx,
    id: String,
    organisation: String,
    title_key: &'static str,
    text_key: &'static str,
    button_key: &'static str,
    action: &'static str,
    version: i64,
}

/// The confirmation page of a withdrawal (`what`: "withdraw" or "consent/withdraw").
async fn confirm(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    id: &str,
    consent: bool,
) -> WebResult<Response> {
    let id = referral_id(id)?;
    let view = state.service.referral(&session.actor, id).await?;
    if view.role != ReferralRole::Referrer || view.status != ReferralStatus::Pending {
        return Err(crate::error::WebError::NotFound);
    }
    let (title_key, text_key, button_key, action) = if consent {
        (
            "referral-consent-withdraw-title",
            "referral-consent-withdraw-text",
            "referral-consent-withdraw-button",
            "consent/withdraw",
        )
    } else {
        (
            "referral-withdraw-title",
            "referral-withdraw-text",
            "referral-withdraw-button",
            "withdraw",
        )
    };
    render(&Confirm {
        ctx,
        id: view.id.to_string(),
        organisation: view.organisation.clone(),
        title_key,
        text_key,
        button_key,
        action,
        version: view.version,
    })
}

pub async fn withdraw_form(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    confirm(&state, &ctx, &session, &id, false).await
}

pub async fn consent_form(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    confirm(&state, &ctx, &session, &id, true).await
}

/// A refused action: the referral's page again with the reason next to `field`.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    id: polku_domain::ReferralId,
    field: &str,
    e: ServiceError,
) -> WebResult<Response> {
    let mut errors = FieldErrors::new();
    let status = match e {
        ServiceError::Invalid(DomainError::Rule { field: f, rule }) => {
            let f = if f == "title" { "title" } else { field };
            errors.add(f, &rule_key(rule));
            StatusCode::UNPROCESSABLE_ENTITY
        }
        ServiceError::Invalid(DomainError::Invalid { field: "title", .. }) => {
            errors.add("title", "doc-error-title");
            StatusCode::UNPROCESSABLE_ENTITY
        }
        ServiceError::Conflict { .. } => {
            errors.add(field, "referral-error-conflict");
            StatusCode::CONFLICT
        }
        other => return Err(other.into()),
    };
    page(state, ctx, session, id, String::new(), errors, status).await
}

fn version_of(fields: &Fields) -> i64 {
    fields.get("version").trim().parse().unwrap_or(0)
}

/// Withdraws a pending referral (the referrer, after the confirmation page).
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = referral_id(&id)?;
    match state
        .service
        .withdraw_referral(&session.actor, id, version_of(&fields))
        .await
    {
        Ok(()) => Ok(see_other_saved(
            &format!("/referrals/{id}"),
            Notice::ReferralWithdrawn,
        )),
        Err(e) => refused(&state, &ctx, &session, id, "withdraw", e).await,
    }
}

/// Records that the student withdrew the consent (the referrer, after the confirmation page):
/// from the next request the project no longer sees the handed-over data.
pub async fn withdraw_consent(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = referral_id(&id)?;
    match state
        .service
        .withdraw_referral_consent(&session.actor, id)
        .await
    {
        Ok(()) => Ok(see_other_saved(
            &format!("/referrals/{id}"),
            Notice::ReferralConsentWithdrawn,
        )),
        Err(e) => refused(&state, &ctx, &session, id, "withdraw", e).await,
    }
}

/// Attaches a document to a pending referral (`multipart/form-data`: `title`, `file`).
pub async fn attach(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    form: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> WebResult<Response> {
    let id = referral_id(&id)?;
    let (mut title, mut file) = (String::new(), Vec::new());
    let mut too_large = false;
    if let Ok(mut form) = form {
        loop {
            match form.next_field().await {
                Ok(Some(field)) => match field.name() {
                    Some("title") => title = field.text().await.unwrap_or_default(),
                    Some("file") => match field.bytes().await {
                        Ok(b) => file = b.to_vec(),
                        Err(_) => {
                            too_large = true;
                            break;
                        }
                    },
                    _ => {}
                },
                Ok(None) => break,
                Err(e) => {
                    too_large = e.status() == StatusCode::PAYLOAD_TOO_LARGE;
                    break;
                }
            }
        }
    }
    if too_large {
        let e = ServiceError::Invalid(DomainError::Rule {
            field: "file",
            rule: "file_too_large",
        });
        return refused(&state, &ctx, &session, id, "file", e).await;
    }
    match state
        .service
        .attach_referral_document(&session.actor, id, &title, &file)
        .await
    {
        Ok(_) => Ok(see_other_saved(
            &format!("/referrals/{id}"),
            Notice::ReferralDocument,
        )),
        Err(e) => refused(&state, &ctx, &session, id, "file", e).await,
    }
}
