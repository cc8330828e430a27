//! `GET /participants/{id}/documents/europass.xml`: the CV as Europass XML v3.4
//! (`polku_documents::europass`, docs/europass.md), built from the same facts as the generated
//! CV (profile, ESCO skills, completed placements, education, languages) in the user's language, and sent
//! as an attachment. Reading the facts is audited like the CV (`service_delivery`).

use super::common::parse_id;
use super::documents::{experience_kind_key, facts};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::middleware::session::Session;
use crate::pages::labels::{data_lang, language_name};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use polku_documents::europass::{Cv, Education, Experience, ForeignLanguage};

/// The highest completed education as a Europass entry: the answer's words as the title (the
/// ESF+ question's option at that ISCED level) and the ISCED 2011 level as the level's label.
fn education(ctx: &Ctx, isced: Option<u8>) -> Vec<Education> {
    let Some(level) = isced else {
        return Vec::new();
    };
    let title = polku_domain::Education::ALL
        .iter()
        .find(|e| e.isced() == Some(level))
        .map_or_else(
            || ctx.ts("doc-education-isced", "level", &level.to_string()),
            |e| ctx.t(&format!("esf-education-{}", e.as_str())),
        );
    vec![Education {
        from: None,
        to: None,
        title,
        organisation: None,
        level: Some(format!("ISCED 2011: {level}")),
    }]
}

pub async fn download(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = parse_id(&id)?;
    let f = facts(&state, &session.actor, id, ctx.locale).await?;
    let p = &f.view.personal;
    let cv = Cv {
        locale: data_lang(ctx.locale).to_owned(),
        first_name: p.given_name.clone(),
        surname: p.family_name.clone(),
        email: p.email.as_ref().map(|e| e.as_str().to_owned()),
        phone: p.phone.clone(),
        experience: f
            .experience
            .iter()
            .map(|e| Experience {
                from: e.from,
                to: e.to,
                position: ctx.t(experience_kind_key(e.kind)),
                activities: e.tasks.join(", "),
                employer: e.employer.clone(),
            })
            .collect(),
        education: education(&ctx, p.esf.education_isced),
        skills: f.skills.clone(),
        languages: p
            .languages
            .iter()
            .map(|(code, level)| ForeignLanguage {
                code: code.as_str().to_owned(),
                label: language_name(code.as_str(), ctx.locale),
                level: level.as_str().to_owned(),
            })
            .collect(),
        created: time::OffsetDateTime::now_utc(),
    };
    let mut res = cv.to_xml().into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/xml; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"europass-cv.xml\""),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}
