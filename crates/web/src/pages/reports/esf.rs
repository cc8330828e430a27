//! The ESF+ indicators for the report pages and their exports.

use crate::error::WebResult;
use crate::state::AppState;

/// The ESF+ indicators over the figures' (snapped) filter, audited with purpose `reporting`;
/// `None` when the filter covers none of the actor's projects.
pub async fn esf_for(
    state: &AppState,
    actor: &polku_service::Actor,
    f: &polku_service::reports::Figures,
) -> WebResult<Option<polku_domain::IndicatorTable>> {
    if f.projects.is_empty() {
        return Ok(None);
    }
    match state.service.esf_indicators(actor, &f.filter).await {
        Ok(t) => Ok(Some(t)),
        Err(polku_service::ServiceError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}
