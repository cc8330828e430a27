//! The service path tab: the stages in order with the current one marked, and a form to move to
//! the next or previous stage, or to exit (the moves the domain allows).

use super::common::{load, save, shown, stage_key, Head, Opt, Saved, Shown};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
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

fn page<'a>(
    ctx: &'a Ctx,
    view: &ParticipantView,
    history: Vec<Change>,
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
    let Ok(stage) = PathStage::parse(&form.stage) else {
        let mut errors = FieldErrors::new();
        errors.add("stage", "p-error-stage-choose");
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(
                &ctx,
                &view,
                history(&state, &session, &ctx, &view).await?,
                "",
                form.version,
                errors,
                None,
            ),
        );
    };
    let changes = ParticipantChanges {
        personal: view.personal.clone(),
        sensitive: view.sensitive.clone(),
        stage,
    };
    let version = form.version.parse::<i64>().unwrap_or(0);
    match save(&state, &session, &view, version, changes).await? {
        Saved::Done => Ok(see_other(&format!("/participants/{}/path", view.id))),
        Saved::Invalid(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(
                &ctx,
                &view,
                history(&state, &session, &ctx, &view).await?,
                &form.stage,
                form.version,
                errors,
                None,
            ),
        ),
        Saved::Conflict(current) => {
            let shown = vec![shown(
                ctx.t("p-stage-label"),
                ctx.t(stage_key(current.stage)),
            )];
            render_status(
                StatusCode::CONFLICT,
                &page(
                    &ctx,
                    &current,
                    history(&state, &session, &ctx, &current).await?,
                    &form.stage,
                    current.version.to_string(),
                    FieldErrors::new(),
                    Some(shown),
                ),
            )
        }
    }
}
