//! What employer, mentor and institution users see: the participants shared with them, and of
//! each only the kinds of information the share covers and the participant's consent is in
//! force for (decided by the service on every request; each read is audited).

use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::render;
use crate::i18n::Arg;
use crate::middleware::session::Session;
use crate::pages::labels::{accommodation_label, data_lang, dimension_label};
use crate::policy::{Policy, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use polku_domain::{DataCategory, Role};

const RECIPIENTS: Policy = Policy::AnyRole(&[Role::Employer, Role::Mentor, Role::Institution]);

pub fn routes() -> Routes {
    Routes::new().get("/shared", RECIPIENTS, index)
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
        cards.push(Card {
            heading,
            contact,
            skills,
            languages,
            goals,
            availability,
            functioning,
            accommodations,
        });
    }
    render(&SharedPage { ctx: &ctx, cards })
}
