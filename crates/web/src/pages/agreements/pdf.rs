//! The trial agreement as a tagged PDF (`polku-documents`) in Finnish, Swedish or English: every
//! word from the Fluent catalogue (`agreement-…` keys in placements.ftl), dates and times by
//! `html::format`. Rendering runs on the blocking pool.

use crate::api::v1::io::{invalid, FIELD_INVALID};
use crate::error::{WebError, WebResult};
use crate::html::format;
use crate::i18n::{Arg, I18n, Locale};
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use polku_documents::{Document, Signature, Table};
use polku_domain::{AcceptanceMethod, AgreementParty, AllowancePayer, OpeningKind, PlacementId};
use polku_service::agreements::{AcceptanceView, AgreementView};

/// The languages the agreement is written in (`?lang=`); plain-language Finnish is not one.
pub fn pdf_locale(lang: Option<&str>, fallback: Locale) -> Option<Locale> {
    match lang {
        None => Some(match fallback {
            Locale::FiSelko => Locale::Fi,
            other => other,
        }),
        Some(tag) => Locale::parse(tag).filter(|l| Locale::STAFF.contains(l)),
    }
}

/// The catalogue key naming a party.
pub fn party_key(party: AgreementParty) -> &'static str {
    match party {
        AgreementParty::Participant => "agreement-party-participant",
        AgreementParty::Organiser => "agreement-party-organiser",
        AgreementParty::Authority => "agreement-party-authority",
        AgreementParty::Coach => "agreement-party-coach",
    }
}

/// "Accepted in the service 2.3.2027 klo 14.05, Name" or "Signed on paper …".
pub fn acceptance_text(i18n: &I18n, locale: Locale, a: &AcceptanceView) -> String {
    let when = format::date_time(locale, a.acceptance.accepted_at);
    let key = match a.acceptance.method {
        AcceptanceMethod::Service => "agreement-accepted-service",
        AcceptanceMethod::Paper => "agreement-accepted-paper",
    };
    i18n.text_with(
        locale,
        key,
        &[("when", Arg::Str(&when)), ("name", Arg::Str(&a.name))],
    )
}

/// The agreement as a document. `None` when it has not been written yet.
pub fn document(i18n: &I18n, locale: Locale, v: &AgreementView) -> Option<Document> {
    let a = v.agreement.as_ref()?;
    let p = &v.placement.placement;
    let t = |key: &str| i18n.text(locale, key);
    let title = t(match p.kind {
        OpeningKind::EducationTrial => "agreement-title-education-trial",
        _ => "agreement-title-work-trial",
    });
    let participant = v
        .placement
        .participant_name
        .clone()
        .unwrap_or_else(|| t("agreement-name-not-shared"));
    let organiser = format!("{} ({})", v.placement.employer_name, v.employer_business_id);
    let signatory = format!("{}, {}", a.signatory_name, a.signatory_title);
    let authority = format!(
        "{}, {}, {}",
        a.authority_name, a.authority_organisation, a.authority_contact
    );
    let mentor = v
        .placement
        .mentor_name
        .clone()
        .or_else(|| a.mentor_name.clone())
        .unwrap_or_else(|| t("agreement-mentor-none"));
    let period = match p.ends_on {
        Some(end) => format!(
            "{}–{}",
            format::date(locale, p.starts_on),
            format::date(locale, end)
        ),
        None => format::date(locale, p.starts_on),
    };
    let n = |x: u8| Arg::Num(f64::from(x));
    let hours = i18n.text_with(
        locale,
        "agreement-working-time",
        &[("hours", n(p.hours_per_day)), ("days", n(p.days_per_week))],
    );
    let mut tasks = Table::new([t("agreement-task"), t("agreement-task-hours")]);
    for (_, task, per_week) in &v.placement.tasks {
        tasks = tasks.row([task.clone(), per_week.to_string()]);
    }
    let amount = format::euros(locale, f64::from(a.allowance_per_day));
    let allowance = i18n.text_with(
        locale,
        match a.allowance_payer {
            AllowancePayer::Kela => "agreement-allowance-kela",
            AllowancePayer::Authority => "agreement-allowance-authority",
        },
        &[("amount", Arg::Str(&amount))],
    );
    let mut terms = vec![t("agreement-not-employment")];
    if !a.other_terms.is_empty() {
        terms.push(a.other_terms.clone());
    }
    let caption = t("agreement-sign-caption");
    let signatures = [
        AgreementParty::Participant,
        AgreementParty::Organiser,
        AgreementParty::Authority,
        AgreementParty::Coach,
    ]
    .into_iter()
    .map(|party| {
        let name = match party {
            AgreementParty::Participant => participant.clone(),
            AgreementParty::Organiser => v.placement.employer_name.clone(),
            AgreementParty::Authority => a.authority_organisation.clone(),
            AgreementParty::Coach => v.placement.coach_name.clone(),
        };
        let role = t(party_key(party));
        match v
            .acceptances
            .iter()
            .find(|c| c.current && c.acceptance.party == party)
        {
            Some(c) => Signature::accepted(name, role, acceptance_text(i18n, locale, c)),
            None => Signature::on_paper(name, role, caption.clone()),
        }
    });
    let void: Vec<String> = v
        .acceptances
        .iter()
        .filter(|c| !c.current)
        .map(|c| {
            i18n.text_with(
                locale,
                "agreement-void-acceptance",
                &[
                    ("party", Arg::Str(&t(party_key(c.acceptance.party)))),
                    ("text", Arg::Str(&acceptance_text(i18n, locale, c))),
                    ("version", Arg::Num(c.acceptance.agreement_version as f64)),
                ],
            )
        })
        .collect();
    let version = i18n.text_with(
        locale,
        "agreement-version",
        &[("version", Arg::Num(a.version as f64))],
    );
    let mut doc = Document::new(locale.html_lang(), format!("{title} – {participant}"))
        .author(v.placement.coach_name.clone())
        .created(a.updated_at)
        .h1(title)
        .paragraph(version)
        .h2(t("agreement-section-parties"))
        .key_values([
            (t("agreement-party-participant"), participant.clone()),
            (t("agreement-party-organiser"), organiser),
            (t("agreement-signatory"), signatory),
            (t("agreement-mentor"), mentor),
            (t("agreement-party-authority"), authority),
            (t("agreement-party-coach"), v.placement.coach_name.clone()),
        ])
        .h2(t("agreement-section-objective"))
        .paragraph(a.objective.clone())
        .h3(t("agreement-section-tasks"))
        .table(tasks)
        .h2(t("agreement-section-time"))
        .key_values([
            (t("agreement-period"), period),
            (t("agreement-hours"), hours),
        ])
        .h2(t("agreement-section-allowance"))
        .paragraph(allowance)
        .h2(t("agreement-section-terms"))
        .bullets(terms)
        .h2(t("agreement-section-acceptances"))
        .signatures(signatures);
    if !void.is_empty() {
        doc = doc.h3(t("agreement-section-void")).bullets(void);
    }
    Some(doc)
}

/// Renders the document off the async threads.
pub async fn render(doc: Document) -> WebResult<Vec<u8>> {
    tokio::task::spawn_blocking(move || doc.render())
        .await
        .map_err(|e| WebError::Internal(format!("agreement pdf task: {e}")))?
        .map_err(|e| WebError::Internal(format!("agreement pdf: {e}")))
}

/// The PDF as a download.
pub fn response(bytes: Vec<u8>, file_stem: &str) -> Response {
    let mut res = bytes.into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file_stem}.pdf\"")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Renders the agreement of `id` as a PDF download in `lang` (`fi`, `sv` or `en`; another is
/// 422 on `lang`), or in the `fallback` language: the API's and the page's download.
pub async fn download(
    state: &AppState,
    session: &Session,
    id: PlacementId,
    lang: Option<&str>,
    fallback: Locale,
) -> WebResult<Response> {
    let Some(locale) = pdf_locale(lang, fallback) else {
        return Err(invalid("lang", FIELD_INVALID));
    };
    let view = state.service.agreement(&session.actor, id).await?;
    let Some(doc) = document(&state.i18n, locale, &view) else {
        return Err(WebError::NotFound);
    };
    let bytes = render(doc).await?;
    Ok(response(bytes, &format!("agreement-{id}-{}", locale.tag())))
}
