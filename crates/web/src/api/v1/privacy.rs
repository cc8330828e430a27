//! Consents (R16) and shares (R17) through the API: the same use cases as the consents tab and
//! `/shared`. The wording endpoint gives the exact text a participant must be shown and its hash;
//! recording a consent carries that hash per category, so a wording changed meanwhile is refused.
//! Only the own coach records, lists and withdraws consents and shares; share recipients list
//! what is shared with them.

use super::io::{created, invalid, participant_id, participant_write, service_err, FIELD_INVALID};
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

const PURPOSE: &str = "service_delivery";

/// `GET /api/v1/consent-wording?purpose=&recipient=&category=`: the wording in every language
/// and its hash.
pub async fn wording(Query(q): Query<HashMap<String, String>>) -> WebResult<Response> {
    let get = |k: &str| q.get(k).map(|s| s.trim()).unwrap_or("");
    let purpose =
        ConsentPurpose::parse(get("purpose")).map_err(|_| invalid("purpose", FIELD_INVALID))?;
    let recipient =
        RecipientClass::parse(get("recipient")).map_err(|_| invalid("recipient", FIELD_INVALID))?;
    let category =
        DataCategory::parse(get("category")).map_err(|_| invalid("category", FIELD_INVALID))?;
    let w = polku_service::consents::wording(purpose, recipient, category);
    let texts: BTreeMap<&str, String> = w.texts.into_iter().collect();
    Ok(Json(
        json!({"purpose": purpose, "recipient": recipient, "category": category,
        "texts": texts, "hash": w.hash}),
    )
    .into_response())
}

#[derive(Debug, Serialize)]
struct ConsentOut {
    id: ConsentId,
    category: DataCategory,
    recipient: RecipientClass,
    purpose: ConsentPurpose,
    method: ConsentMethod,
    text_version_hash: String,
    #[serde(with = "time::serde::rfc3339")]
    given_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    withdrawn_at: Option<OffsetDateTime>,
    active: bool,
}

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
    Ok(Json(json!({ "items": items })).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConsentIn {
    purpose: ConsentPurpose,
    recipient: RecipientClass,
    method: ConsentMethod,
    /// Category → the hash of the wording the participant was shown (from `consent-wording`).
    shown: BTreeMap<DataCategory, String>,
}

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

#[derive(Debug, Serialize)]
struct ShareOut {
    id: ShareId,
    recipient: UserId,
    recipient_name: String,
    categories: Vec<DataCategory>,
    until: Date,
    #[serde(with = "time::serde::rfc3339::option")]
    revoked_at: Option<OffsetDateTime>,
    active: bool,
}

pub async fn shares(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let today = OffsetDateTime::now_utc().date();
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
        })
        .collect();
    Ok(Json(json!({ "items": items })).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ShareIn {
    recipient: UserId,
    categories: Vec<DataCategory>,
    until: String,
}

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

/// `GET /api/v1/shared`: the participants shared with the caller (employer, mentor,
/// institution), each with only the shared, consented field groups.
pub async fn shared(State(state): State<AppState>, session: Session) -> WebResult<Response> {
    let items = state
        .service
        .shared_with_me(&session.actor, "matching")
        .await?;
    Ok(Json(json!({ "items": items })).into_response())
}
