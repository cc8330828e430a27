//! The service path tab: the stages in order with the current one marked, and a form to move to
//! the next or previous stage, or to exit (the moves the domain allows).

use super::common::{load, shown, stage_key, Head, Opt, Shown};
use super::tab::{respond, save};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render_status, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::placements::common::Row as PlacementRow;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::PathStage;
use polku_service::participants::{ParticipantChanges, ParticipantView};
use serde::Deserialize;

/// One row of the path history.
pub struct Change {
    pub when: String,
    pub from_key: &'static str,
    pub to_key: &'static str,
}

pub struct Step {
    pub key: &'static str,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "participants/path.html")]
struct PathPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    version: String,
    steps: Vec<Step>,
    moves: Vec<Opt>,
    history: Vec<Change>,
    placements: Vec<PlacementRow>,
}

/// The participant's placements with dates and states, newest first.
async fn placements(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    view: &ParticipantView,
) -> WebResult<Vec<PlacementRow>> {
    Ok(state
        .service
        .participant_placements(&session.actor, view.id)
        .await?
        .iter()
        .map(|v| PlacementRow::of(ctx, v))
        .collect())
}

/// The path history in words, newest first.
async fn history(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    view: &ParticipantView,
) -> WebResult<Vec<Change>> {
    let key = |s: &str| {
        PathStage::parse(s)
            .map(stage_key)
            .unwrap_or("p-stage-enrolled")
    };
    Ok(state
        .service
        .stage_changes(&session.actor, view.id, super::common::PURPOSE)
        .await?
        .into_iter()
        .rev()
        .map(|c| Change {
            when: super::common::fmt_datetime(ctx.locale, c.at),
            from_key: key(&c.from),
            to_key: key(&c.to),
        })
        .collect())
}

#[expect(
    clippy::too_many_arguments,
    reason = "the tab is shown from show and from submit with the form's values"
)]
fn page<'a>(
    ctx: &'a Ctx,
    view: &ParticipantView,
    history: Vec<Change>,
    placements: Vec<PlacementRow>,
    chosen: &str,
    version: String,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
) -> PathPage<'a> {
    PathPage {
        head: Head::new(view, "/path"),
        title_key: "p-tab-path",
        errors,
        conflict,
        version,
        steps: PathStage::ALL
            .iter()
            .map(|s| Step {
                key: stage_key(*s),
                current: *s == view.stage,
            })
            .collect(),
        moves: PathStage::ALL
            .iter()
            .filter(|s| **s != view.stage && view.stage.may_move_to(**s))
            .map(|s| Opt {
                value: s.as_str().to_owned(),
                label: ctx.t(stage_key(*s)),
                selected: s.as_str() == chosen,
            })
            .collect(),
        history,
        placements,
        ctx,
    }
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let version = view.version.to_string();
    render_status(
        StatusCode::OK,
        &page(
            &ctx,
            &view,
            history(&state, &session, &ctx, &view).await?,
            placements(&state, &session, &ctx, &view).await?,
            "",
            version,
            FieldErrors::new(),
            None,
        ),
    )
}

#[derive(Debug, Default, Deserialize)]
pub struct PathForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    stage: String,
}

pub async fn submit(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<PathForm>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let parsed = match PathStage::parse(&form.stage) {
        Ok(stage) => Ok(ParticipantChanges {
            personal: view.personal.clone(),
            sensitive: view.sensitive.clone(),
            stage,
        }),
        Err(_) => {
            let mut errors = FieldErrors::new();
            errors.add("stage", "p-error-stage-choose");
            Err(errors)
        }
    };
    // A stage that did not parse is not offered again as chosen.
    let chosen = if parsed.is_ok() {
        form.stage.as_str()
    } else {
        ""
    };
    let saved = save(&state, &session, &view, &form.version, parsed).await?;
    let done = format!("/participants/{}/path", view.id);
    let stored = async |current: &ParticipantView| {
        Ok(vec![shown(
            ctx.t("p-stage-label"),
            ctx.t(stage_key(current.stage)),
        )])
    };
    respond(
        saved,
        view,
        &form.version,
        &done,
        Notice::Path,
        stored,
        async |again| {
            let history = history(&state, &session, &ctx, &again.view).await?;
            let placements = placements(&state, &session, &ctx, &again.view).await?;
            render_status(
                again.status,
                &page(
                    &ctx,
                    &again.view,
                    history,
                    placements,
                    chosen,
                    again.version,
                    again.errors,
                    again.conflict,
                ),
            )
        },
    )
    .await
}
