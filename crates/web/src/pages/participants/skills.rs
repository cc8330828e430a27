//! The skills tab: the person's ESCO skills with how each is evidenced, and adding skills by
//! typing: a GET search form lists matching ESCO skills in the user's language (Finnish and
//! Swedish word forms are reduced to their stems), each with its own small form to add it.

use super::common::{load, opt, shown, Head, Opt, Shown};
use super::tab::{respond, save, Saved};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::labels::data_lang;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{EscoUri, Evidence, SkillClaim};
use polku_service::participants::{ParticipantChanges, ParticipantView};
use serde::Deserialize;

/// A skill the person has, labelled.
pub struct Have {
    pub uri: String,
    pub label: String,
    pub evidence_key: &'static str,
}

/// A search hit.
pub struct Hit {
    pub uri: String,
    pub label: String,
    pub have: bool,
}

fn evidence_key(e: Evidence) -> &'static str {
    match e {
        Evidence::SelfAssessed => "p-evidence-self-assessed",
        Evidence::CoachObserved => "p-evidence-coach-observed",
        Evidence::WorkTrial => "p-evidence-work-trial",
        Evidence::Certificate => "p-evidence-certificate",
    }
}

fn parse_evidence(s: &str) -> Evidence {
    match s {
        "self_assessed" => Evidence::SelfAssessed,
        "work_trial" => Evidence::WorkTrial,
        "certificate" => Evidence::Certificate,
        _ => Evidence::CoachObserved,
    }
}

#[derive(Template)]
#[template(path = "participants/skills.html")]
struct SkillsPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<Shown>>,
    version: String,
    have: Vec<Have>,
    q: String,
    hits: Vec<Hit>,
    hit_count: i64,
    evidence: Vec<Opt>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

async fn labelled(state: &AppState, ctx: &Ctx, view: &ParticipantView) -> WebResult<Vec<Have>> {
    let uris: Vec<EscoUri> = view
        .personal
        .skills
        .iter()
        .map(|s| s.skill.clone())
        .collect();
    let labels = state
        .service
        .esco_labels(&uris, data_lang(ctx.locale))
        .await?;
    Ok(view
        .personal
        .skills
        .iter()
        .zip(labels)
        .map(|(s, l)| Have {
            uri: s.skill.to_string(),
            label: l.label,
            evidence_key: evidence_key(s.evidence),
        })
        .collect())
}

#[expect(
    clippy::too_many_arguments,
    reason = "the page shows the search, the stored skills and the outcome of a save"
)]
async fn show_page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    view: &ParticipantView,
    q: String,
    conflict: Option<Vec<Shown>>,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let have = labelled(state, ctx, view).await?;
    let hits = if q.trim().is_empty() {
        Vec::new()
    } else {
        state
            .service
            .search_skills(&session.actor, &q, data_lang(ctx.locale), 20)
            .await?
            .into_iter()
            .map(|h| Hit {
                have: view.personal.skills.iter().any(|s| s.skill == h.uri),
                uri: h.uri.to_string(),
                label: h.label,
            })
            .collect()
    };
    let evidence = [
        ("coach_observed", "p-evidence-coach-observed"),
        ("self_assessed", "p-evidence-self-assessed"),
        ("work_trial", "p-evidence-work-trial"),
        ("certificate", "p-evidence-certificate"),
    ]
    .into_iter()
    .map(|(v, k)| opt(v, ctx.t(k), "coach_observed"))
    .collect();
    render_status(
        status,
        &SkillsPage {
            ctx,
            head: Head::new(view, "/skills"),
            title_key: "p-tab-skills",
            errors,
            conflict,
            version: view.version.to_string(),
            have,
            q,
            hit_count: hits.len() as i64,
            hits,
            evidence,
        },
    )
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<SearchQuery>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    show_page(
        &state,
        &session,
        &ctx,
        &view,
        q.q,
        None,
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
pub struct SkillForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    uri: String,
    #[serde(default)]
    evidence: String,
    #[serde(default)]
    q: String,
}

pub async fn submit(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<SkillForm>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let url = format!("/participants/{}/skills", view.id);
    let Ok(uri) = EscoUri::parse(&form.uri) else {
        return Ok(see_other(&url));
    };
    let mut personal = view.personal.clone();
    personal.skills.retain(|s| s.skill != uri);
    if form.action == "add" {
        personal.skills.push(SkillClaim {
            skill: uri,
            evidence: parse_evidence(&form.evidence),
        });
    }
    let changes = ParticipantChanges {
        personal,
        sensitive: view.sensitive.clone(),
        stage: view.stage,
    };
    let saved = match save(&state, &session, &view, &form.version, Ok(changes)).await? {
        // Whatever the service refused, the coach's way on is the skill search.
        Saved::Invalid(_) => {
            let mut errors = FieldErrors::new();
            errors.add("q", "p-error-skill");
            Saved::Invalid(errors)
        }
        saved => saved,
    };
    let done = if form.q.is_empty() {
        url
    } else {
        format!("{url}?q={}", crate::html::url_encode(&form.q))
    };
    let stored = async |current: &ParticipantView| {
        Ok(labelled(&state, &ctx, current)
            .await?
            .into_iter()
            .map(|h| shown(h.label, ctx.t(h.evidence_key)))
            .collect())
    };
    respond(
        saved,
        view,
        &form.version,
        &done,
        Notice::Skills,
        stored,
        async |again| {
            // The page carries the version of the participant it shows.
            show_page(
                &state,
                &session,
                &ctx,
                &again.view,
                form.q.clone(),
                again.conflict,
                again.errors,
                again.status,
            )
            .await
        },
    )
    .await
}
