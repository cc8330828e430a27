//! One referral: what was handed over (while the student's consent is in force), the attached
//! documents as downloads (always as attachments), and for the receiving project the Accept
//! (coach) and Decline (reason required) forms. A refused action shows the page again with the
//! reason next to the field and changes nothing.

use super::common::{referral_id, refused, status_key, way_key};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{format, render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::pages::labels::municipality_name;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{DataCategory, DocumentId, ReferralId, ReferralStatus, Role};
use polku_service::referrals::{ReferralRole, ReferralView};
use polku_service::ServiceError;

/// The handed-over data as shown.
pub struct HandoverRow {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub municipality: String,
    pub birth_year: Option<u16>,
    pub goals: String,
    pub strengths: String,
    pub support_needs: String,
}

/// An attached document as shown.
pub struct DocumentRow {
    pub id: String,
    pub title: String,
    pub content_type: String,
    pub size_kb: String,
    pub created: String,
}

/// A consent record as shown.
pub struct ConsentRow {
    pub category_key: String,
    pub method_key: String,
    pub given: String,
    pub withdrawn: Option<String>,
}

#[derive(Template)]
#[template(path = "referrals/show.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    id: String,
    organisation: String,
    way_key: Option<String>,
    referred_on: String,
    reason: String,
    status_key: String,
    status_reason: Option<String>,
    waiting_days: Option<i64>,
    handover: Option<HandoverRow>,
    handover_hidden: bool,
    documents: Vec<DocumentRow>,
    consents: Vec<ConsentRow>,
    /// A school's referral (the handover), rather than an intake referral from elsewhere.
    from_school: bool,
    may_accept: bool,
    may_decline: bool,
    /// The referrer may withdraw it (pending).
    may_withdraw: bool,
    /// The referrer may attach a document (pending, consent for documents in force).
    may_attach: bool,
    /// The referrer may record that the student withdrew the consent (pending, in force).
    may_withdraw_consent: bool,
    version: i64,
    decline_reason: String,
    errors: FieldErrors,
}

fn page_of<'a>(
    ctx: &'a Ctx,
    session: &Session,
    v: ReferralView,
    decline_reason: String,
    errors: FieldErrors,
) -> Page<'a> {
    let locale = ctx.locale;
    let receiver = v.role == ReferralRole::Receiver && v.status == ReferralStatus::Pending;
    let referrer = v.role == ReferralRole::Referrer && v.status == ReferralStatus::Pending;
    let documents_consent = v
        .consents
        .iter()
        .any(|c| c.category == DataCategory::Documents && c.withdrawn_at.is_none());
    Page {
        ctx,
        id: v.id.to_string(),
        organisation: v.organisation.clone(),
        way_key: way_key(&v),
        referred_on: format::date(locale, v.referred_on),
        reason: v.reason.clone(),
        status_key: status_key(&v),
        status_reason: v.status_reason.clone(),
        waiting_days: v.waiting_days,
        handover: v.handover.as_ref().map(|h| HandoverRow {
            name: format!("{} {}", h.given_name, h.family_name),
            email: h.email.as_ref().map(|e| e.as_str().to_owned()),
            phone: h.phone.clone(),
            municipality: municipality_name(&h.home_municipality, locale),
            birth_year: h.birth_year,
            goals: h.goals.clone(),
            strengths: h.strengths.clone(),
            support_needs: h.support_needs.clone(),
        }),
        handover_hidden: v.handover_hidden,
        documents: v
            .documents
            .iter()
            .map(|d| DocumentRow {
                id: d.id.to_string(),
                title: d.title.clone(),
                content_type: d.content_type.clone(),
                size_kb: format::integer(locale, (d.size_bytes + 1023) / 1024),
                created: format::date_time(locale, d.created_at),
            })
            .collect(),
        consents: v
            .consents
            .iter()
            .map(|c| ConsentRow {
                category_key: format!("p-consent-category-{}", c.category.as_str()),
                method_key: format!("p-consent-method-{}", c.method.as_str()),
                given: format::date_time(locale, c.given_at),
                withdrawn: c.withdrawn_at.map(|w| format::date_time(locale, w)),
            })
            .collect(),
        may_accept: receiver && v.consent_active && session.actor.has(Role::Coach, v.project_id),
        from_school: v.source == Some(polku_domain::ReferralSource::Institution),
        may_decline: receiver,
        may_withdraw: referrer,
        may_attach: referrer && v.consent_active && documents_consent,
        may_withdraw_consent: referrer && v.consent_active && !v.consents.is_empty(),
        version: v.version,
        decline_reason,
        errors,
    }
}

pub(super) async fn page(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    id: ReferralId,
    decline_reason: String,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let view = state.service.referral(&session.actor, id).await?;
    render_status(status, &page_of(ctx, session, view, decline_reason, errors))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = referral_id(&id)?;
    page(
        &state,
        &ctx,
        &session,
        id,
        String::new(),
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// A refused decision: the page again with the reason (422), or with the conflict message
/// when someone else decided first (409); anything else as usual.
async fn refused_decision(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    id: ReferralId,
    decline_reason: String,
    field: &str,
    e: ServiceError,
) -> WebResult<Response> {
    let mut errors = FieldErrors::new();
    let status = match e {
        ServiceError::Invalid(e) => {
            let (f, key) = refused(&e);
            let f = if f == "reason" { f } else { field.to_owned() };
            errors.add(&f, &key);
            StatusCode::UNPROCESSABLE_ENTITY
        }
        ServiceError::Conflict { .. } => {
            errors.add(field, "referral-error-conflict");
            StatusCode::CONFLICT
        }
        other => return Err(other.into()),
    };
    page(state, ctx, session, id, decline_reason, errors, status).await
}

fn version_of(fields: &Fields) -> i64 {
    fields.get("version").trim().parse().unwrap_or(0)
}

/// Accepts a pending school referral (a coach of the target project): the service creates the
/// participant with the handed-over data; the coach lands on the new participant's page.
pub async fn accept(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = referral_id(&id)?;
    match state
        .service
        .accept_referral(&session.actor, id, version_of(&fields))
        .await
    {
        Ok(participant) => Ok(see_other_saved(
            &format!("/participants/{participant}"),
            Notice::ReferralAccepted,
        )),
        Err(e) => refused_decision(&state, &ctx, &session, id, String::new(), "accept", e).await,
    }
}

/// Declines a pending school referral with a reason (required).
pub async fn decline(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = referral_id(&id)?;
    let reason = fields.get("reason");
    match state
        .service
        .decline_referral(&session.actor, id, version_of(&fields), &reason)
        .await
    {
        Ok(()) => Ok(see_other_saved(
            &format!("/referrals/{id}"),
            Notice::ReferralDeclined,
        )),
        Err(e) => refused_decision(&state, &ctx, &session, id, reason, "reason", e).await,
    }
}

/// Downloads an attached document: always as an attachment, never cached (audited by the
/// service; a withdrawn consent makes it "not found").
pub async fn download(
    State(state): State<AppState>,
    session: Session,
    Path((id, document)): Path<(String, String)>,
) -> WebResult<Response> {
    let document = DocumentId::parse(&document).map_err(|_| WebError::NotFound)?;
    let file = state
        .service
        .referral_document(&session.actor, referral_id(&id)?, document)
        .await?;
    Ok(super::common::file_response(file))
}
