//! `/api/v1/organisations/{id}/optional-fields`: which optional fields of the participant record
//! an organisation has switched on (R42 minimisation by default). Administrators only; a change
//! needs a fresh second factor (step-up), like the administration pages, and is audited.

use super::io::{not_json, parse, service_err, text};
use super::schemas::domain as schema;
use super::schemas::errors::{Forbidden, Invalid, NotFound, Unauthenticated, UnsupportedMediaType};
use crate::error::{WebError, WebResult};
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_domain::{FieldSettings, OptionalField, OrganisationId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The optional fields an organisation has switched on.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OptionalFields)]
pub struct FieldsOut {
    #[schema(value_type = uuid::Uuid)]
    organisation_id: OrganisationId,
    /// The fields that are on; every other optional field is off (the default).
    #[schema(value_type = Vec<schema::OptionalField>)]
    enabled: Vec<OptionalField>,
    /// The fields a project with a funding programme (ESF+) records whatever the switch says,
    /// because the ESF+ common indicators need them.
    #[schema(value_type = Vec<schema::OptionalField>)]
    esf_required: Vec<OptionalField>,
}

/// The whole set of fields to switch on; those not listed are switched off.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = OptionalFieldsIn)]
struct FieldsIn {
    #[schema(value_type = Vec<schema::OptionalField>, max_items = 5)]
    enabled: Vec<OptionalField>,
}

fn organisation_id(id: &str) -> WebResult<OrganisationId> {
    OrganisationId::parse(id).map_err(|_| WebError::NotFound)
}

fn out(organisation_id: OrganisationId, s: FieldSettings) -> Response {
    Json(FieldsOut {
        organisation_id,
        enabled: s.enabled.into_iter().collect(),
        esf_required: OptionalField::ALL
            .into_iter()
            .filter(|f| f.esf_required())
            .collect(),
    })
    .into_response()
}

/// The organisation's optional fields.
///
/// An administrator reads which optional participant fields the organisation has switched on
/// (R42). A field that is off is not on the participant forms, and a new value for it is
/// `422 field_not_enabled` naming the field.
#[utoipa::path(
    get,
    path = "/api/v1/organisations/{id}/optional-fields",
    operation_id = "getOptionalFields",
    tag = "administration",
    params(("id" = uuid::Uuid, Path, description = "The organisation's id.")),
    responses(
        (status = 200, description = "The switched-on fields.", body = FieldsOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = organisation_id(&id)?;
    let s = state.service.optional_fields(&session.actor, id).await?;
    Ok(out(id, s))
}

/// Switch the organisation's optional fields.
///
/// An administrator with a fresh second factor (step-up) replaces the set of switched-on
/// fields; the change is audited. Switching a field off keeps the values already stored: they
/// stay, read-only, until cleared or erased. An unknown field name is 422.
#[utoipa::path(
    put,
    path = "/api/v1/organisations/{id}/optional-fields",
    operation_id = "setOptionalFields",
    tag = "administration",
    params(("id" = uuid::Uuid, Path, description = "The organisation's id.")),
    request_body = FieldsIn,
    responses(
        (status = 200, description = "Switched; the fields now on.", body = FieldsOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn update(
    _fresh: crate::step_up::StepUp,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = organisation_id(&id)?;
    // Who may not see the organisation gets 403/404 before the body is looked at.
    state.service.optional_fields(&session.actor, id).await?;
    if let Some(res) = not_json(&headers) {
        return Ok(res);
    }
    let b: FieldsIn = parse(text(&body)?)?;
    let settings = FieldSettings {
        enabled: b.enabled.into_iter().collect(),
    };
    state
        .service
        .set_optional_fields(&session.actor, id, settings)
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    let s = state.service.optional_fields(&session.actor, id).await?;
    Ok(out(id, s))
}
