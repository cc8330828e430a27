//! A participant's documents, shared by the documents API and pages: generating a document
//! (CV, strengths description, competence summary, continuation plan, work certificate) from
//! the participant's structured data as a tagged PDF (`polku-documents`) in fi, sv, en or
//! plain-language Finnish, every word from the catalogue (`doc-…` keys in documents.ftl); and
//! the download response of a stored version (always an attachment, R25).

use crate::error::{WebError, WebResult};
use crate::html::format;
use crate::i18n::{Arg, I18n, Locale};
use crate::pages::labels::{data_lang, language_name};
use crate::state::AppState;
use axum::response::Response;
use polku_documents::{Document, Table};
use polku_domain::{DocumentKind, OpeningKind, ParticipantId};
use polku_service::documents::{DocumentFile, DocumentSave};
use polku_service::experience::WorkExperience;
use polku_service::participants::ParticipantView;
use polku_service::Actor;

/// What a generated document is built from: read once, with the caller's access.
#[derive(Debug)]
pub(crate) struct Facts {
    pub(crate) view: ParticipantView,
    pub(crate) skills: Vec<String>,
    pub(crate) goals: Vec<String>,
    pub(crate) experience: Vec<WorkExperience>,
}

/// The catalogue key naming a document kind.
pub fn kind_key(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Upload => "doc-kind-upload",
        DocumentKind::Cv => "doc-kind-cv",
        DocumentKind::StrengthsDescription => "doc-kind-strengths",
        DocumentKind::CompetenceSummary => "doc-kind-competence",
        DocumentKind::ContinuationPlan => "doc-kind-continuation-plan",
        DocumentKind::WorkCertificate => "doc-kind-work-certificate",
        DocumentKind::TrialAgreement => "doc-kind-trial-agreement",
        DocumentKind::CompetenceCertificate => "doc-kind-competence-certificate",
    }
}

pub(crate) fn experience_kind_key(kind: OpeningKind) -> &'static str {
    match kind {
        OpeningKind::Job => "p-kind-job",
        OpeningKind::WorkTrial => "p-kind-work-trial",
        OpeningKind::EducationTrial => "p-kind-education-trial",
        OpeningKind::Apprenticeship => "p-kind-apprenticeship",
        OpeningKind::Gig => "p-kind-gig",
    }
}

pub(crate) async fn facts(
    state: &AppState,
    actor: &Actor,
    id: ParticipantId,
    locale: Locale,
) -> WebResult<Facts> {
    let view = state
        .service
        .get_participant(actor, id, "service_delivery")
        .await?;
    let uris: Vec<_> = view
        .personal
        .skills
        .iter()
        .map(|s| s.skill.clone())
        .collect();
    let skills = state
        .service
        .esco_labels(&uris, data_lang(locale))
        .await?
        .into_iter()
        .map(|h| h.label)
        .collect();
    let goals = state
        .service
        .esco_labels(&view.personal.goals, data_lang(locale))
        .await?
        .into_iter()
        .map(|h| h.label)
        .collect();
    let experience = state.service.work_experience(actor, id).await?;
    Ok(Facts {
        view,
        skills,
        goals,
        experience,
    })
}

fn period(locale: Locale, e: &WorkExperience) -> String {
    match e.to {
        Some(to) => format!(
            "{}–{}",
            format::date(locale, e.from),
            format::date(locale, to)
        ),
        None => format::date(locale, e.from),
    }
}

/// Builds the document of `kind` from the facts. `None` for a work certificate without any
/// completed placement to certify, and for the kinds that are not generated here.
fn build(
    i18n: &I18n,
    locale: Locale,
    kind: DocumentKind,
    f: &Facts,
    note: Option<&str>,
) -> Option<Document> {
    let t = |key: &str| i18n.text(locale, key);
    let p = &f.view.personal;
    let name = format!("{} {}", p.given_name, p.family_name);
    let title = t(kind_key(kind));
    let mut d = Document::new(locale.tag(), format!("{title}: {name}"))
        .author("Polku")
        .h1(title.clone())
        .key_values([(t("doc-field-name"), name.clone())]);
    let none = t("doc-none");
    let list_or_none = |items: &[String]| -> Vec<String> {
        if items.is_empty() {
            vec![none.clone()]
        } else {
            items.to_vec()
        }
    };
    let experience_table = |rows: &[WorkExperience]| {
        let mut table = Table::new([
            t("doc-col-kind"),
            t("doc-col-employer"),
            t("doc-col-period"),
            t("doc-col-tasks"),
        ]);
        for e in rows {
            table = table.row([
                t(experience_kind_key(e.kind)),
                e.employer.clone(),
                period(locale, e),
                e.tasks.join(", "),
            ]);
        }
        table
    };
    let languages: Vec<String> = p
        .languages
        .iter()
        .map(|(code, level)| {
            format!(
                "{}: {}",
                language_name(code.as_str(), locale),
                level.as_str()
            )
        })
        .collect();
    let education = p.esf.education_isced.map_or_else(
        || none.clone(),
        |n| {
            i18n.text_with(
                locale,
                "doc-education-isced",
                &[("level", Arg::Num(f64::from(n)))],
            )
        },
    );
    let coach_words = note.map(str::trim).filter(|n| !n.is_empty());
    match kind {
        DocumentKind::Cv => {
            let mut contact = Vec::new();
            if let Some(e) = &p.email {
                contact.push((t("doc-field-email"), e.as_str().to_owned()));
            }
            if let Some(ph) = &p.phone {
                contact.push((t("doc-field-phone"), ph.clone()));
            }
            if !contact.is_empty() {
                d = d.h2(t("doc-section-contact")).key_values(contact);
            }
            d = d.h2(t("doc-section-experience"));
            d = if f.experience.is_empty() {
                d.paragraph(&none)
            } else {
                d.table(experience_table(&f.experience))
            };
            d = d
                .h2(t("doc-section-skills"))
                .bullets(list_or_none(&f.skills))
                .h2(t("doc-section-languages"))
                .bullets(list_or_none(&languages))
                .h2(t("doc-section-education"))
                .paragraph(&education);
        }
        DocumentKind::StrengthsDescription => {
            d = d
                .h2(t("doc-section-strengths"))
                .bullets(list_or_none(&f.skills));
            if let Some(n) = coach_words {
                d = d.h2(t("doc-section-coach-words")).paragraph(n);
            }
            d = d
                .h2(t("doc-section-languages"))
                .bullets(list_or_none(&languages));
        }
        DocumentKind::CompetenceSummary => {
            d = d
                .h2(t("doc-section-skills"))
                .bullets(list_or_none(&f.skills))
                .h2(t("doc-section-experience"));
            d = if f.experience.is_empty() {
                d.paragraph(&none)
            } else {
                d.table(experience_table(&f.experience))
            };
            d = d
                .h2(t("doc-section-languages"))
                .bullets(list_or_none(&languages))
                .h2(t("doc-section-education"))
                .paragraph(&education);
            if let Some(n) = coach_words {
                d = d.h2(t("doc-section-coach-words")).paragraph(n);
            }
        }
        DocumentKind::ContinuationPlan => {
            d = d
                .h2(t("doc-section-goals"))
                .bullets(list_or_none(&f.goals))
                .h2(t("doc-section-next-steps"))
                .paragraph(coach_words.unwrap_or(&none))
                .h2(t("doc-section-skills"))
                .bullets(list_or_none(&f.skills));
        }
        DocumentKind::WorkCertificate => {
            let e = f.experience.first()?;
            let hours = e.gig_hours.map_or_else(
                || {
                    i18n.text_with(
                        locale,
                        "doc-certificate-hours",
                        &[
                            ("hours", Arg::Num(f64::from(e.hours_per_day))),
                            ("days", Arg::Num(f64::from(e.days_per_week))),
                        ],
                    )
                },
                |g| {
                    i18n.text_with(
                        locale,
                        "doc-certificate-gig-hours",
                        &[("hours", Arg::Num(f64::from(g.minutes()) / 60.0))],
                    )
                },
            );
            d = d
                .key_values([
                    (t("doc-col-employer"), e.employer.clone()),
                    (t("doc-col-kind"), t(experience_kind_key(e.kind))),
                    (t("doc-col-period"), period(locale, e)),
                    (t("doc-certificate-working-time"), hours),
                ])
                .h2(t("doc-col-tasks"))
                .bullets(list_or_none(&e.tasks));
            if let Some(n) = coach_words {
                d = d.h2(t("doc-section-coach-words")).paragraph(n);
            }
        }
        DocumentKind::Upload
        | DocumentKind::TrialAgreement
        | DocumentKind::CompetenceCertificate => return None,
    }
    Some(d)
}

/// Generates a document of `kind` in `locale` from the participant's data and saves it as a
/// new document (`document: None`) or the next version of one. The PDF is rendered on the
/// blocking pool. A work certificate with no completed placement is a field error on `kind`.
pub async fn generate(
    state: &AppState,
    actor: &Actor,
    id: ParticipantId,
    kind: DocumentKind,
    locale: Locale,
    note: Option<String>,
    document: Option<(polku_domain::DocumentId, i64)>,
) -> WebResult<polku_domain::Document> {
    // Only the own coach generates: checked before any data is read.
    state
        .service
        .require_editable_participant(actor, id)
        .await?;
    let f = facts(state, actor, id, locale).await?;
    let doc = build(&state.i18n, locale, kind, &f, note.as_deref())
        .ok_or_else(|| crate::api::v1::io::invalid("kind", "doc-error-nothing-to-certify"))?;
    let pdf = tokio::task::spawn_blocking(move || doc.render())
        .await
        .map_err(|_| WebError::Internal("rendering the document did not finish".into()))?
        .map_err(|e| WebError::Internal(format!("rendering the document failed: {e}")))?;
    let title = format!(
        "{} {} {}",
        state.i18n.text(locale, kind_key(kind)),
        f.view.personal.given_name,
        f.view.personal.family_name
    );
    let saved = state
        .service
        .save_document(
            actor,
            id,
            DocumentSave {
                document,
                kind,
                title,
                bytes: pdf,
                language: Some(locale.tag().to_owned()),
                note,
            },
            "service_delivery",
        )
        .await?;
    Ok(saved)
}

/// A stored version as a download: always `attachment` (never shown inline), with the stored
/// media type; the middleware adds `nosniff` and, for attachments, `Content-Security-Policy:
/// sandbox` (R25).
pub fn download_response(file: DocumentFile) -> Response {
    let name = file.file_name();
    crate::html::attachment(file.bytes, &file.version.content_type, &name)
}
