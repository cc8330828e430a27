//! `GET /participants/{id}/export`: the right-of-access / portability export (R39) as a JSON
//! download, in the coach's language. Linked from the consents tab; the service decides who may
//! take it (the own coach) and audits it. Staff are not named in it.

use super::common::parse_id;
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::middleware::session::Session;
use crate::state::AppState;
use crate::step_up::StepUp;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

pub async fn download(
    _fresh: StepUp,
    _quota: crate::export_limit::ExportQuota,
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = parse_id(&id)?;
    let export = state
        .service
        .export_subject(&session.actor, id, ctx.locale.tag(), false)
        .await?;
    let mut body = serde_json::to_string_pretty(&export)
        .map_err(|e| polku_service::ServiceError::Storage(e.to_string()))?;
    body.push('\n');
    let mut res = body.into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"polku-{}-{id}.json\"",
        export.generated_at.get(..10).unwrap_or("export")
    )) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}
