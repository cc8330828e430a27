//! Skills and occupations (ESCO) for every signed-in user: search by words in the user's
//! language, and each concept by name. Reference data, not personal data: nothing is audited.

use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::render;
use crate::pages::labels::data_lang;
use crate::policy::{Policy, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use polku_domain::{EscoKind, EscoUri};
use serde::Deserialize;

pub fn routes() -> Routes {
    Routes::new().get("/esco", Policy::SignedIn, search).get(
        "/esco/{kind}/{id}",
        Policy::SignedIn,
        concept,
    )
}

/// How many hits a search shows.
const LIMIT: usize = 30;

#[derive(Debug, Default, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    kind: String,
}

/// One concept to link to: its page, its name, and whether the name is Polku's working
/// translation.
#[derive(Debug)]
pub struct Hit {
    pub href: String,
    pub label: String,
    pub working: bool,
    /// The label's language when it is not the page's (a fallback), for `lang`.
    pub other_lang: Option<&'static str>,
}

impl Hit {
    fn of(h: polku_service::skill_search::SkillHit, page_lang: &str) -> Hit {
        Hit {
            href: href(&h.uri),
            other_lang: (h.lang != page_lang).then_some(h.lang),
            label: h.label,
            working: h.working,
        }
    }
}

#[derive(Template)]
#[template(path = "reference/search.html")]
struct SearchPage<'a> {
    ctx: &'a Ctx,
    q: String,
    occupations: bool,
    searched: bool,
    count: i64,
    hits: Vec<Hit>,
}

/// The page of a concept: `/esco/skill/<id>` or `/esco/occupation/<id>`.
pub fn href(uri: &EscoUri) -> String {
    let path = uri
        .as_str()
        .trim_start_matches("http://data.europa.eu/esco/");
    format!("/esco/{path}")
}

async fn search(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<SearchQuery>,
) -> WebResult<Response> {
    let session = ctx.session.as_ref().ok_or(WebError::NotFound)?;
    let occupations = q.kind == "occupation";
    let kind = if occupations {
        EscoKind::Occupation
    } else {
        EscoKind::Skill
    };
    let query = q.q.trim().to_owned();
    let hits = if query.is_empty() {
        Vec::new()
    } else {
        state
            .service
            .search_esco_concepts(&session.actor, kind, &query, data_lang(ctx.locale), LIMIT)
            .await?
            .into_iter()
            .map(|h| Hit::of(h, data_lang(ctx.locale)))
            .collect()
    };
    render(&SearchPage {
        ctx: &ctx,
        searched: !query.is_empty(),
        q: query,
        occupations,
        count: hits.len() as i64,
        hits,
    })
}

#[derive(Template)]
#[template(path = "reference/concept.html")]
struct ConceptPage<'a> {
    ctx: &'a Ctx,
    label: String,
    working: bool,
    kind_key: &'static str,
    /// The names in fi, sv and en, with the language's catalogue key.
    names: Vec<(&'static str, String)>,
    uri: String,
    /// Linked concepts: the heading's catalogue key and the concepts.
    links: Vec<(&'static str, Vec<Hit>)>,
}

async fn concept(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((kind, id)): Path<(String, String)>,
) -> WebResult<Response> {
    let session = ctx.session.as_ref().ok_or(WebError::NotFound)?;
    if !matches!(kind.as_str(), "skill" | "occupation") {
        return Err(WebError::NotFound);
    }
    let uri = EscoUri::parse(&format!("http://data.europa.eu/esco/{kind}/{id}"))
        .map_err(|_| WebError::NotFound)?;
    let lang = data_lang(ctx.locale);
    // The concept in each language; the one in the page's language is the heading.
    let mut names = Vec::new();
    let mut shown = None;
    for (l, key) in [
        ("fi", "ref-lang-fi"),
        ("sv", "ref-lang-sv"),
        ("en", "ref-lang-en"),
    ] {
        let hit = state
            .service
            .esco_labels(std::slice::from_ref(&uri), l)
            .await?
            .pop()
            .ok_or(WebError::NotFound)?;
        // A concept Polku does not have is not a page.
        if hit.label == uri.as_str() {
            return Err(WebError::NotFound);
        }
        names.push((key, hit.label.clone()));
        if l == lang {
            shown = Some(hit);
        }
    }
    let shown = shown.ok_or(WebError::NotFound)?;
    let l = state.service.esco_links(&session.actor, &uri, lang).await?;
    let hits = |v: Vec<polku_service::skill_search::SkillHit>| {
        v.into_iter().map(|h| Hit::of(h, lang)).collect()
    };
    let links: Vec<(&'static str, Vec<Hit>)> = vec![
        ("ref-essential-skills", hits(l.essential_skills)),
        ("ref-optional-skills", hits(l.optional_skills)),
        ("ref-essential-for", hits(l.essential_for)),
        ("ref-optional-for", hits(l.optional_for)),
        ("ref-related", hits(l.related)),
    ]
    .into_iter()
    .filter(|(_, v): &(&str, Vec<Hit>)| !v.is_empty())
    .collect();
    render(&ConceptPage {
        ctx: &ctx,
        label: shown.label,
        working: shown.working,
        kind_key: if kind == "skill" {
            "ref-kind-skill"
        } else {
            "ref-kind-occupation"
        },
        names,
        uri: uri.to_string(),
        links,
    })
}
