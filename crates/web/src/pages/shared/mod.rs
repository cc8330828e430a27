//! What employer, mentor and institution users see: the participants shared with them, and of
//! each only the kinds of information the share covers and the participant's consent is in
//! force for (decided by the service on every request; each read is audited). With the
//! category "documents" the card lists the participant's documents, each downloaded as an
//! attachment (R25) through `/shared/{id}/documents/{document}` (audited; 404 as soon as the
//! consent or the share ends).

use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::render;
use crate::i18n::Arg;
use crate::middleware::session::Session;
use crate::pages::labels::{accommodation_label, data_lang, dimension_label};
use crate::policy::{Policy, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use polku_domain::{DataCategory, DocumentId, ParticipantId, Role};

const RECIPIENTS: Policy = Policy::AnyRole(&[Role::Employer, Role::Mentor, Role::Institution]);

pub fn routes() -> Routes {
    Routes::new().get("/shared", RECIPIENTS, index).get(
        "/shared/{id}/documents/{document}",
        RECIPIENTS,
        document,
    )
}

/// The audit purpose of a share recipient's reads of documents (as in the documents API).
const DOCUMENTS_PURPOSE: &str = "placement";

/// A shared document as listed on the card: its title and where to download it.
#[derive(Debug)]
pub struct SharedDocument {
    pub title: String,
    pub href: String,
}

/// `GET /shared/{id}/documents/{document}`: the newest version of a shared document, as an
/// attachment. Without a consented share of the category "documents" it is 404.
async fn document(
    session: Session,
    State(state): State<AppState>,
    Path((id, document)): Path<(String, String)>,
) -> WebResult<Response> {
    let (Ok(id), Ok(document)) = (ParticipantId::parse(&id), DocumentId::parse(&document)) else {
        return Err(crate::error::WebError::NotFound);
    };
    let file = state
        .service
        .download_document(&session.actor, id, document, None, DOCUMENTS_PURPOSE)
        .await?;
    Ok(crate::pages::participants::documents::download_response(
        file,
    ))
}

/// One participant as the recipient sees them.
#[derive(Debug)]
pub struct Card {
    pub heading: String,
    pub contact: Option<Vec<String>>,
    pub skills: Option<Vec<String>>,
    pub languages: Option<Vec<String>>,
    pub goals: Option<Vec<String>>,
    pub availability: Option<String>,
    pub functioning: Option<Vec<String>>,
    pub accommodations: Option<Vec<String>>,
    /// With the category "documents": the documents, newest first (may be empty).
    pub documents: Option<Vec<SharedDocument>>,
    /// For an institution user with the category "skills" shared for the purpose "transition":
    /// the competence shown at work (`/shared/{id}/qualifications`), offered only when that
    /// page would show it (`Service::may_see_shared_qualification_evidence`).
    pub qualifications_href: Option<String>,
}

#[derive(Template)]
#[template(path = "shared/index.html")]
struct SharedPage<'a> {
    ctx: &'a Ctx,
    cards: Vec<Card>,
}

/// The ESCO labels of `uris` in `lang`.
async fn labels(
    state: &AppState,
    uris: &[polku_domain::EscoUri],
    lang: &str,
) -> WebResult<Vec<String>> {
    Ok(state
        .service
        .esco_labels(uris, lang)
        .await?
        .into_iter()
        .map(|h| h.label)
        .collect())
}

async fn index(ctx: Ctx, session: Session, State(state): State<AppState>) -> WebResult<Response> {
    let shared = state
        .service
        .shared_with_me(&session.actor, "matching")
        .await?;
    let lang = data_lang(ctx.locale);
    let mut cards = Vec::new();
    for (n, p) in shared.into_iter().enumerate() {
        let heading = match (&p.given_name, &p.family_name) {
            (Some(g), Some(f)) => format!("{g} {f}"),
            _ => ctx.ts("shared-participant-n", "n", &(n + 1).to_string()),
        };
        let skills = match p.skills {
            Some(s) => {
                let uris: Vec<_> = s.into_iter().map(|c| c.skill).collect();
                Some(labels(&state, &uris, lang).await?)
            }
            None => None,
        };
        let goals = match p.goals {
            Some(g) => Some(labels(&state, &g, lang).await?),
            None => None,
        };
        let contact = p.categories.contains(&DataCategory::Contact).then(|| {
            [p.email.map(|e| e.as_str().to_owned()), p.phone]
                .into_iter()
                .flatten()
                .collect()
        });
        let languages = p.languages.map(|m| {
            m.into_iter()
                .map(|(code, level)| {
                    let name = crate::pages::labels::language_name(code.as_str(), ctx.locale);
                    format!("{name} {}", level.as_str())
                })
                .collect()
        });
        let availability = p.availability.map(|a| {
            let n = |v: u8| Arg::Num(f64::from(v));
            ctx.i18n.text_with(
                ctx.locale,
                "shared-availability",
                &[
                    ("min", n(a.hours_per_week.min)),
                    ("max", n(a.hours_per_week.max)),
                    ("days", n(a.days_per_week_max)),
                ],
            )
        });
        let functioning = p.functioning.map(|f| {
            f.capacity
                .iter()
                .map(|(d, l)| format!("{}: {}/4", dimension_label(*d, ctx.locale), l.get()))
                .collect()
        });
        let accommodations = p.accommodations.map(|ids| {
            ids.iter()
                .map(|id| accommodation_label(id, ctx.locale))
                .collect()
        });
        let documents = if p.categories.contains(&DataCategory::Documents) {
            let docs = state
                .service
                .documents(&session.actor, p.id, DOCUMENTS_PURPOSE)
                .await?;
            Some(
                docs.into_iter()
                    .map(|d| SharedDocument {
                        title: d.title,
                        href: format!("/shared/{}/documents/{}", p.id, d.id),
                    })
                    .collect(),
            )
        } else {
            None
        };
        // The evidence page's own rule (a share for the purpose "transition"), asked only for
        // an institution user with the category "skills": a placement share gets no link.
        let qualifications_href = if p.categories.contains(&DataCategory::Skills)
            && session
                .user
                .roles
                .iter()
                .any(|g| g.role == Role::Institution)
            && state
                .service
                .may_see_shared_qualification_evidence(&session.actor, p.id)
                .await?
        {
            Some(format!("/shared/{}/qualifications", p.id))
        } else {
            None
        };
        cards.push(Card {
            heading,
            contact,
            skills,
            languages,
            goals,
            availability,
            functioning,
            accommodations,
            documents,
            qualifications_href,
        });
    }
    render(&SharedPage { ctx: &ctx, cards })
}
