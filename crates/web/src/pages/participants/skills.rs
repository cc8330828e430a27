//! The skills tab: the person's ESCO skills with how each is evidenced, and adding skills by
//! typing: a GET search form lists matching ESCO skills in the user's language (Finnish and
//! Swedish word forms are reduced to their stems), each with its own small form to add it; and
//! the essential skills of the person's goal occupations, offered with checkboxes in one form
//! per goal. Labels that are Polku's working translations carry a quiet marker.

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
    pub working: bool,
    /// The label's language when it is not the page's (a fallback), for `lang`.
    pub other_lang: Option<&'static str>,
    pub evidence_key: &'static str,
}

/// A search hit.
pub struct Hit {
    pub uri: String,
    pub label: String,
    pub working: bool,
    /// As in [`Have`].
    pub other_lang: Option<&'static str>,
    pub have: bool,
}

/// A goal occupation and its essential skills the person does not have yet.
pub struct GoalSkills {
    pub label: String,
    pub working: bool,
    pub skills: Vec<Hit>,
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
    goals: Vec<GoalSkills>,
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
            other_lang: (l.lang != data_lang(ctx.locale)).then_some(l.lang),
            label: l.label,
            working: l.working,
            evidence_key: evidence_key(s.evidence),
        })
        .collect())
}

/// Each goal occupation with its essential skills that the person does not have yet (goals
/// with none left are left out); all labels in one lookup.
async fn goal_skills(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    view: &ParticipantView,
) -> WebResult<Vec<GoalSkills>> {
    let mut per_goal = Vec::new();
    let mut uris: Vec<EscoUri> = Vec::new();
    for goal in &view.personal.goals {
        let skills: Vec<EscoUri> = state
            .service
            .essential_skills(&session.actor, goal)
            .await?
            .into_iter()
            .filter(|u| !view.personal.skills.iter().any(|s| s.skill == *u))
            .collect();
        if skills.is_empty() {
            continue;
        }
        uris.push(goal.clone());
        uris.extend(skills.iter().cloned());
        per_goal.push(skills.len());
    }
    let mut labels = state
        .service
        .esco_labels(&uris, data_lang(ctx.locale))
        .await?
        .into_iter();
    let mut out = Vec::new();
    for n in per_goal {
        let Some(goal) = labels.next() else { break };
        let mut skills: Vec<Hit> = labels
            .by_ref()
            .take(n)
            .map(|h| Hit {
                uri: h.uri.to_string(),
                other_lang: (h.lang != data_lang(ctx.locale)).then_some(h.lang),
                label: h.label,
                working: h.working,
                have: false,
            })
            .collect();
        skills.sort_by(|a, b| a.label.cmp(&b.label));
        out.push(GoalSkills {
            label: goal.label,
            working: goal.working,
            skills,
        });
    }
    Ok(out)
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
                other_lang: (h.lang != data_lang(ctx.locale)).then_some(h.lang),
                label: h.label,
                working: h.working,
            })
            .collect()
    };
    let goals = goal_skills(state, session, ctx, view).await?;
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
            goals,
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

#[derive(Debug, Default)]
pub struct SkillForm {
    version: String,
    action: String,
    uri: String,
    evidence: String,
    q: String,
}

impl SkillForm {
    /// The form's fields, and the values of its repeated `skill` checkboxes.
    fn from_pairs(pairs: Vec<(String, String)>) -> (Self, Vec<String>) {
        let mut f = SkillForm::default();
        let mut skills = Vec::new();
        for (k, v) in pairs {
            match k.as_str() {
                "version" => f.version = v,
                "action" => f.action = v,
                "uri" => f.uri = v,
                "evidence" => f.evidence = v,
                "q" => f.q = v,
                "skill" => skills.push(v),
                _ => {}
            }
        }
        (f, skills)
    }
}

pub async fn submit(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let (form, chosen) = SkillForm::from_pairs(pairs);
    let view = load(&state, &session, &id).await?;
    let url = format!("/participants/{}/skills", view.id);
    let mut personal = view.personal.clone();
    if form.action == "add_goal_skills" {
        // The checked essential skills of a goal; nothing checked changes nothing.
        let chosen: Vec<EscoUri> = chosen
            .iter()
            .filter_map(|u| EscoUri::parse(u).ok())
            .collect();
        if chosen.is_empty() {
            return Ok(see_other(&url));
        }
        for uri in chosen {
            if !personal.skills.iter().any(|s| s.skill == uri) {
                personal.skills.push(SkillClaim {
                    skill: uri,
                    evidence: parse_evidence(&form.evidence),
                });
            }
        }
    } else {
        let Ok(uri) = EscoUri::parse(&form.uri) else {
            return Ok(see_other(&url));
        };
        personal.skills.retain(|s| s.skill != uri);
        if form.action == "add" {
            personal.skills.push(SkillClaim {
                skill: uri,
                evidence: parse_evidence(&form.evidence),
            });
        }
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
