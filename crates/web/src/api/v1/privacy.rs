//! Consents (R16) and shares (R17) through the API: the same use cases as the consents tab and
//! `/shared`. The wording endpoint gives the exact text a participant must be shown and its hash;
//! recording a consent carries that hash per category, so a wording changed meanwhile is refused.
//! Only the own coach records, lists and withdraws consents and shares; share recipients list
//! what is shared with them.

use super::io::{
    created, invalid, participant_id, participant_write, service_err, FIELD_INVALID, FIELD_UNKNOWN,
};
use super::schemas::domain as schema;
use super::schemas::errors::{Forbidden, Invalid, NotFound, Unauthenticated, UnsupportedMediaType};
use super::schemas::params::WordingParams;
use super::schemas::views::{ConsentIds, Created, SharedList};
use crate::error::{WebError, WebResult};
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_domain::{
    ConsentId, ConsentMethod, ConsentPurpose, DataCategory, RecipientClass, Share, ShareId, UserId,
};
use polku_service::consents::NewConsent;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use time::{Date, OffsetDateTime};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

const PURPOSE: &str = "service_delivery";

/// The `purpose` of the consent-wording query that asks for the intake referral wording.
const INTAKE: &str = "intake";

/// The exact wording of one consent, in every language, and its hash.
#[derive(Debug, Serialize, ToSchema)]
struct ConsentWording {
    /// `placement` or `transition`, or `intake` for the consent to an intake referral.
    #[schema(value_type = schema::WordingPurpose)]
    purpose: &'static str,
    /// `null` for `intake` (its wording names the project's staff).
    #[schema(value_type = Option<schema::RecipientClass>, required = true)]
    recipient: Option<RecipientClass>,
    #[schema(value_type = schema::DataCategory)]
    category: DataCategory,
    /// Language (fi, sv, en, fi-x-selko) → text.
    texts: BTreeMap<&'static str, String>,
    /// SHA-256 of the wording; recording the consent carries it.
    #[schema(pattern = "^[0-9a-f]{64}$")]
    hash: String,
}

/// The wording of a consent.
///
/// The exact text a participant must be shown before consenting, in every language, and its
/// SHA-256 `hash`, which recording the consent carries (R16). `purpose=intake` (no
/// `recipient`) is the wording of a person's consent to an intake referral
/// (`POST /api/v1/referrals/intake`, `consent.shown`).
#[utoipa::path(
    get,
    path = "/api/v1/consent-wording",
    operation_id = "consentWording",
    tag = "consents",
    params(WordingParams),
    responses(
        (status = 200, description = "The wording.", body = ConsentWording),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 422, response = Invalid),
    ),
)]
pub async fn wording(Query(q): Query<HashMap<String, String>>) -> WebResult<Response> {
    let get = |k: &str| q.get(k).map(|s| s.trim()).unwrap_or("");
    let category =
        DataCategory::parse(get("category")).map_err(|_| invalid("category", FIELD_INVALID))?;
    let (purpose, recipient, w) = if get("purpose") == INTAKE {
        // The intake wording has no recipient kind: one given is a mistake, not ignored.
        if !get("recipient").is_empty() {
            return Err(invalid("recipient", FIELD_UNKNOWN));
        }
        (
            INTAKE,
            None,
            polku_service::consents::intake_wording(category),
        )
    } else {
        let purpose =
            ConsentPurpose::parse(get("purpose")).map_err(|_| invalid("purpose", FIELD_INVALID))?;
        let recipient = RecipientClass::parse(get("recipient"))
            .map_err(|_| invalid("recipient", FIELD_INVALID))?;
        let w = polku_service::consents::wording(purpose, recipient, category);
        (purpose.as_str(), Some(recipient), w)
    };
    let texts = w.texts.into_iter().collect();
    Ok(Json(ConsentWording {
        purpose,
        recipient,
        category,
        texts,
        hash: w.hash,
    })
    .into_response())
}

/// A consent given, perhaps withdrawn since.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Consent)]
struct ConsentOut {
    #[schema(value_type = uuid::Uuid)]
    id: ConsentId,
    #[schema(value_type = schema::DataCategory)]
    category: DataCategory,
    #[schema(value_type = schema::RecipientClass)]
    recipient: RecipientClass,
    #[schema(value_type = schema::ConsentPurpose)]
    purpose: ConsentPurpose,
    #[schema(value_type = schema::ConsentMethod)]
    method: ConsentMethod,
    /// SHA-256 of the wording shown.
    #[schema(pattern = "^[0-9a-f]{64}$")]
    text_version_hash: String,
    #[serde(with = "time::serde::rfc3339")]
    given_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(required = true)]
    withdrawn_at: Option<OffsetDateTime>,
    active: bool,
}

/// The participant's consents, oldest first.
#[derive(Debug, Serialize, ToSchema)]
struct ConsentList {
    items: Vec<ConsentOut>,
}

/// The participant's consents.
///
/// Every consent given or withdrawn, oldest first, with the hash of the wording shown. Own coach
/// only; audited.
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/consents",
    operation_id = "listConsents",
    tag = "consents",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    responses(
        (status = 200, description = "The consents.", body = ConsentList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn consents(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let now = OffsetDateTime::now_utc();
    let items: Vec<ConsentOut> = state
        .service
        .consents(&session.actor, id, PURPOSE)
        .await?
        .into_iter()
        .map(|c| ConsentOut {
            active: c.active(now),
            id: c.id,
            category: c.category,
            recipient: c.recipient,
            purpose: c.purpose,
            method: c.method,
            text_version_hash: c.text_version_hash,
            given_at: c.given_at,
            withdrawn_at: c.withdrawn_at,
        })
        .collect();
    Ok(Json(ConsentList { items }).into_response())
}

/// Category → the `hash` of the wording shown: at least one category.
fn shown_schema() -> Schema {
    let hash = ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some("^[0-9a-f]{64}$"));
    let category = match schema::DataCategory::schema() {
        RefOr::T(s) => s,
        RefOr::Ref(_) => Schema::default(),
    };
    Schema::Object(
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .min_properties(Some(1))
            .property_names(Some(category))
            .additional_properties(Some(hash))
            .build(),
    )
}

/// A consent to record: one per category in `shown`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewConsent)]
struct ConsentIn {
    #[schema(value_type = schema::ConsentPurpose)]
    purpose: ConsentPurpose,
    #[schema(value_type = schema::RecipientClass)]
    recipient: RecipientClass,
    #[schema(value_type = schema::ConsentMethod)]
    method: ConsentMethod,
    /// Category → the hash of the wording the participant was shown (from `consent-wording`).
    #[schema(schema_with = shown_schema)]
    shown: BTreeMap<DataCategory, String>,
}

/// Record a consent.
///
/// One consent per category in `shown`, each with the hash of the wording the participant was
/// shown (`consent-wording`); a wording changed since is 422 on `shown` and nothing is recorded.
/// Categories already consented to are not recorded twice. All or nothing.
#[utoipa::path(
    post,
    path = "/api/v1/participants/{id}/consents",
    operation_id = "giveConsent",
    tag = "consents",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    request_body = ConsentIn,
    responses(
        (status = 201, description = "Recorded (`ids` is empty when all were already in force).",
            body = ConsentIds, headers(("Location" = String, description = "The participant's consents."))),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn give_consent(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let c: ConsentIn = match participant_write(&state, &session.actor, id, &headers, &body).await? {
        Ok(body) => body,
        Err(res) => return Ok(res),
    };
    if c.shown.is_empty() {
        return Err(invalid("shown", FIELD_INVALID));
    }
    let ids = state
        .service
        .give_consent(
            &session.actor,
            id,
            NewConsent {
                recipient: c.recipient,
                purpose: c.purpose,
                categories: c.shown.keys().copied().collect(),
                method: c.method,
                shown: c.shown,
            },
            PURPOSE,
        )
        .await
        .map_err(|e| {
            service_err(e, |f| match f {
                "text_version_hash" => "shown".to_owned(),
                other => other.to_owned(),
            })
        })?;
    Ok(created(
        format!("/api/v1/participants/{id}/consents"),
        json!({ "ids": ids }),
    ))
}

/// Withdraw a consent.
///
/// Takes effect on the very next request; the record stays in the history. Unknown or already
/// withdrawn: 404.
#[utoipa::path(
    post,
    path = "/api/v1/participants/{id}/consents/{consent}/withdraw",
    operation_id = "withdrawConsent",
    tag = "consents",
    params(
        ("id" = uuid::Uuid, Path, description = "The participant's id."),
        ("consent" = uuid::Uuid, Path, description = "The consent's id."),
    ),
    responses(
        (status = 204, description = "Withdrawn."),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn withdraw_consent(
    State(state): State<AppState>,
    session: Session,
    Path((id, consent)): Path<(String, String)>,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let consent = ConsentId::parse(&consent).map_err(|_| WebError::NotFound)?;
    state
        .service
        .withdraw_consent(&session.actor, id, consent, PURPOSE)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Information shared with one recipient until a date, perhaps revoked since.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Share)]
struct ShareOut {
    #[schema(value_type = uuid::Uuid)]
    id: ShareId,
    #[schema(value_type = uuid::Uuid)]
    recipient: UserId,
    recipient_name: String,
    #[schema(value_type = Vec<schema::DataCategory>)]
    categories: Vec<DataCategory>,
    until: Date,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(required = true)]
    revoked_at: Option<OffsetDateTime>,
    active: bool,
    /// What the share is for; only consents for this purpose open its groups.
    #[schema(value_type = schema::ConsentPurpose)]
    purpose: ConsentPurpose,
}

/// The participant's shares, the latest end date first.
#[derive(Debug, Serialize, ToSchema)]
struct ShareList {
    items: Vec<ShareOut>,
}

/// The participant's shares.
///
/// Who the participant's information is shared with, the latest end date first. Own coach only;
/// audited.
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/shares",
    operation_id = "listShares",
    tag = "consents",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    responses(
        (status = 200, description = "The shares.", body = ShareList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn shares(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let today = crate::html::format::today();
    let items: Vec<ShareOut> = state
        .service
        .shares(&session.actor, id, PURPOSE)
        .await?
        .into_iter()
        .map(|s| ShareOut {
            active: s.share.revoked_at.is_none() && s.share.until >= today,
            id: s.share.id,
            recipient: s.share.recipient,
            recipient_name: s.recipient_name,
            categories: s.share.categories,
            until: s.share.until,
            revoked_at: s.share.revoked_at,
            purpose: s.share.purpose,
        })
        .collect();
    Ok(Json(ShareList { items }).into_response())
}

/// What to share with whom, and until when.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewShare)]
struct ShareIn {
    /// An employer, mentor or institution user of the project.
    #[schema(value_type = uuid::Uuid)]
    recipient: UserId,
    #[schema(value_type = Vec<schema::DataCategory>, min_items = 1)]
    categories: Vec<DataCategory>,
    /// The last day of the share, today or later and at most one year from today.
    #[schema(format = Date)]
    until: String,
    /// What the share is for (default `placement`); each group needs the participant's
    /// consent for this purpose.
    #[serde(default)]
    #[schema(value_type = Option<schema::ConsentPurpose>)]
    purpose: Option<ConsentPurpose>,
}

/// Share information.
///
/// Shares field groups with one employer, mentor or institution user of the project until a
/// date (R17). Every group needs the participant's consent in force to that kind of recipient;
/// there is no override.
#[utoipa::path(
    post,
    path = "/api/v1/participants/{id}/shares",
    operation_id = "shareParticipant",
    tag = "consents",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    request_body = ShareIn,
    responses(
        (status = 201, description = "Shared.", body = Created, headers(
            ("Location" = String, description = "The participant's shares."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn share(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let s: ShareIn = match participant_write(&state, &session.actor, id, &headers, &body).await? {
        Ok(body) => body,
        Err(res) => return Ok(res),
    };
    let until = Date::parse(
        s.until.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map_err(|_| invalid("until", FIELD_INVALID))?;
    let share = Share {
        id: ShareId::new(),
        participant_id: id,
        recipient: s.recipient,
        categories: s.categories,
        until,
        revoked_at: None,
        purpose: s.purpose.unwrap_or(ConsentPurpose::Placement),
    };
    let share_id = share.id;
    state
        .service
        .share_participant(&session.actor, share, PURPOSE)
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    Ok(created(
        format!("/api/v1/participants/{id}/shares"),
        json!({ "id": share_id }),
    ))
}

/// Stop sharing.
///
/// Takes effect on the very next request. Unknown or already revoked: 404.
#[utoipa::path(
    post,
    path = "/api/v1/participants/{id}/shares/{share}/revoke",
    operation_id = "revokeShare",
    tag = "consents",
    params(
        ("id" = uuid::Uuid, Path, description = "The participant's id."),
        ("share" = uuid::Uuid, Path, description = "The share's id."),
    ),
    responses(
        (status = 204, description = "Revoked."),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn revoke_share(
    State(state): State<AppState>,
    session: Session,
    Path((id, share)): Path<(String, String)>,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let share = ShareId::parse(&share).map_err(|_| WebError::NotFound)?;
    state
        .service
        .revoke_share(&session.actor, id, share, PURPOSE)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Participants shared with me.
///
/// For employer, mentor and institution users: each participant shared with the caller, with
/// only the shared field groups that are consented to; every read is audited.
#[utoipa::path(
    get,
    path = "/api/v1/shared",
    operation_id = "sharedWithMe",
    tag = "consents",
    responses(
        (status = 200, description = "The participants.", body = SharedList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    ),
)]
pub async fn shared(State(state): State<AppState>, session: Session) -> WebResult<Response> {
    let items = state
        .service
        .shared_with_me(&session.actor, "matching")
        .await?;
    Ok(Json(json!({ "items": items })).into_response())
}
