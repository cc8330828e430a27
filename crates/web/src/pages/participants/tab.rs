//! The save cycle every participant tab shares (R50): write the changes only if the stored
//! version is still the one the form was read at, then answer 303 back to the tab; or show the
//! tab again, 422 with the field errors next to the fields, or 409 with the stored values and
//! the stored version, so the coach sees what changed and can decide. Each tab keeps only its
//! parser and its page.

use super::common::{domain_error, Shown, PURPOSE};
use crate::error::WebResult;
use crate::html::{see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::state::AppState;
use axum::http::StatusCode;
use axum::response::Response;
use polku_service::participants::{ParticipantChanges, ParticipantView};
use polku_service::ServiceError;

/// What happened to an edit.
pub enum Saved {
    Done,
    /// Someone changed the participant after the form was read: their current data.
    Conflict(Box<ParticipantView>),
    /// A value was refused, by the tab's parser or by the service: field errors to show next
    /// to the fields.
    Invalid(FieldErrors),
}

/// Writes the parsed changes if the stored version is still `version` (the form's hidden
/// field); a parse that failed is `Saved::Invalid` without a write.
pub async fn save(
    state: &AppState,
    session: &Session,
    view: &ParticipantView,
    version: &str,
    parsed: Result<ParticipantChanges, FieldErrors>,
) -> WebResult<Saved> {
    let changes = match parsed {
        Ok(changes) => changes,
        Err(errors) => return Ok(Saved::Invalid(errors)),
    };
    let version = version.parse::<i64>().unwrap_or(0);
    match state
        .service
        .update_participant(&session.actor, view.id, version, changes, PURPOSE)
        .await
    {
        Ok(_) => Ok(Saved::Done),
        Err(ServiceError::Conflict { .. }) => {
            let current = state
                .service
                .get_participant(&session.actor, view.id, PURPOSE)
                .await?;
            Ok(Saved::Conflict(Box::new(current)))
        }
        Err(ServiceError::Invalid(e)) => {
            let mut errors = FieldErrors::new();
            let (field, key) = domain_error(&e);
            errors.add(field, key);
            Ok(Saved::Invalid(errors))
        }
        Err(e) => Err(e.into()),
    }
}

/// A tab shown again after a submit that did not go through.
pub struct Again {
    /// 422 for refused values, 409 for a conflict.
    pub status: StatusCode,
    /// The participant to show: the stored one after a conflict, the one read otherwise.
    pub view: ParticipantView,
    /// The version the form carries next: the stored one after a conflict (saving again then
    /// overwrites deliberately), the submitted one otherwise.
    pub version: String,
    pub errors: FieldErrors,
    /// After a conflict: the stored values, as `stored` names them.
    pub conflict: Option<Vec<Shown>>,
}

impl Again {
    /// Whether this is the conflict answer.
    pub fn is_conflict(&self) -> bool {
        self.conflict.is_some()
    }
}

/// Answers a save: 303 to `done` with the confirmation `notice`, or the tab again through `page` (422 or 409, see [`Again`]).
/// `view` is the participant the form was read from and `version` the submitted version;
/// `stored` lists the stored values shown after a conflict.
pub async fn respond(
    saved: Saved,
    view: ParticipantView,
    version: &str,
    done: &str,
    notice: Notice,
    stored: impl AsyncFnOnce(&ParticipantView) -> WebResult<Vec<Shown>>,
    page: impl AsyncFnOnce(Again) -> WebResult<Response>,
) -> WebResult<Response> {
    let again = match saved {
        Saved::Done => return Ok(see_other_saved(done, notice)),
        Saved::Invalid(errors) => Again {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            view,
            version: version.to_owned(),
            errors,
            conflict: None,
        },
        Saved::Conflict(current) => Again {
            status: StatusCode::CONFLICT,
            conflict: Some(stored(&current).await?),
            version: current.version.to_string(),
            view: *current,
            errors: FieldErrors::new(),
        },
    };
    page(again).await
}
