//! The documents tab: the participant's documents with every version to download, a form to
//! generate a document (kind, language, the coach's own words) and a form to upload a file
//! (`multipart/form-data`, no JavaScript). Each save answers 303 with a confirmation; a refused
//! file shows the reason at the file field (422) and stores nothing.

use super::common::{fmt_date, load, parse_id, Head};
use super::documents::{download_response, generate, kind_key};
use crate::api::v1::io::rule_key;
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other_saved, Notice};
use crate::i18n::Locale;
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{DocumentId, DocumentKind, DomainError};
use polku_service::documents::DocumentSave;
use polku_service::participants::ParticipantView;
use polku_service::ServiceError;
use serde::Deserialize;

/// The largest upload request of the page form: the file and the title.
pub const MAX_BODY: usize = polku_documents::upload::MAX_UPLOAD_BYTES + 64 * 1024;

pub struct VersionRow {
    pub version: i64,
    pub label: String,
}

pub struct DocRow {
    pub id: String,
    pub title: String,
    pub kind_key: &'static str,
    pub versions: Vec<VersionRow>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GenerateForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    note: String,
}

impl Default for GenerateForm {
    fn default() -> Self {
        GenerateForm {
            kind: "cv".into(),
            language: "fi".into(),
            note: String::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "participants/documents.html")]
struct DocumentsPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<super::common::Shown>>,
    docs: Vec<DocRow>,
    kinds: Vec<(&'static str, &'static str)>,
    languages: Vec<(&'static str, &'static str)>,
    form: GenerateForm,
    title: String,
}

fn size_text(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} kB", (bytes + 1023) / 1024)
    }
}

fn type_text(content_type: &str) -> &'static str {
    match content_type {
        "application/pdf" => "PDF",
        "image/png" => "PNG",
        "image/jpeg" => "JPEG",
        _ => "",
    }
}

/// What the page shows besides the documents: the forms' values and errors, and the status.
struct Shows {
    errors: FieldErrors,
    form: GenerateForm,
    title: String,
    status: StatusCode,
}

async fn page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    view: &ParticipantView,
    shows: Shows,
) -> WebResult<Response> {
    let Shows {
        errors,
        form,
        title,
        status,
    } = shows;
    let mut docs = Vec::new();
    for d in state
        .service
        .documents(&session.actor, view.id, super::common::PURPOSE)
        .await?
    {
        let h = state
            .service
            .document_history(&session.actor, view.id, d.id, super::common::PURPOSE)
            .await?;
        let versions = h
            .versions
            .iter()
            .rev()
            .map(|v| VersionRow {
                version: v.version,
                label: ctx.i18n.text_with(
                    ctx.locale,
                    "doc-version-link",
                    &[
                        ("version", crate::i18n::Arg::Num(v.version as f64)),
                        (
                            "date",
                            crate::i18n::Arg::Str(&fmt_date(ctx.locale, v.created_at.date())),
                        ),
                        ("type", crate::i18n::Arg::Str(type_text(&v.content_type))),
                        ("size", crate::i18n::Arg::Str(&size_text(v.size_bytes))),
                    ],
                ),
            })
            .collect();
        docs.push(DocRow {
            id: d.id.to_string(),
            title: d.title,
            kind_key: kind_key(d.kind),
            versions,
        });
    }
    render_status(
        status,
        &DocumentsPage {
            ctx,
            head: Head::new(view, "/documents"),
            title_key: "p-tab-documents",
            errors,
            conflict: None,
            docs,
            kinds: DocumentKind::GENERATED
                .iter()
                .chain(&[DocumentKind::CompetenceCertificate])
                .map(|k| (k.as_str(), kind_key(*k)))
                .collect(),
            languages: vec![
                ("fi", "doc-language-fi"),
                ("sv", "doc-language-sv"),
                ("en", "doc-language-en"),
                ("fi-x-selko", "doc-language-fi-x-selko"),
            ],
            form,
            title,
        },
    )
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let form = GenerateForm::default();
    let shows = Shows {
        errors: FieldErrors::new(),
        form,
        title: String::new(),
        status: StatusCode::OK,
    };
    page(&state, &session, &ctx, &view, shows).await
}

/// The field and catalogue key of a refused save.
fn field_error(e: &ServiceError) -> Option<(&'static str, String)> {
    match e {
        ServiceError::Invalid(DomainError::Rule { field, rule }) => Some((field, rule_key(rule))),
        ServiceError::Invalid(DomainError::Invalid { field: "title", .. }) => {
            Some(("title", "doc-error-title".into()))
        }
        ServiceError::Invalid(DomainError::Invalid { field: "note", .. }) => {
            Some(("note", "doc-error-note".into()))
        }
        _ => None,
    }
}

pub async fn upload(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let mut errors = FieldErrors::new();
    let (mut title, mut file) = (String::new(), Vec::new());
    match form {
        Ok(mut form) => loop {
            match form.next_field().await {
                Ok(Some(field)) => match field.name() {
                    Some("title") => title = field.text().await.unwrap_or_default(),
                    Some("file") => match field.bytes().await {
                        Ok(b) => file = b.to_vec(),
                        Err(_) => {
                            errors.add("file", &rule_key("file_too_large"));
                            break;
                        }
                    },
                    _ => {}
                },
                Ok(None) => break,
                Err(e) => {
                    let key = if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                        rule_key("file_too_large")
                    } else {
                        rule_key("file_empty")
                    };
                    errors.add("file", &key);
                    break;
                }
            }
        },
        Err(_) => errors.add("file", &rule_key("file_empty")),
    }
    if errors.is_empty() {
        let save = DocumentSave {
            document: None,
            kind: DocumentKind::Upload,
            title: title.clone(),
            bytes: file,
            language: None,
            note: None,
        };
        match state
            .service
            .save_document(&session.actor, view.id, save, super::common::PURPOSE)
            .await
        {
            Ok(_) => {
                return Ok(see_other_saved(
                    &format!("/participants/{}/documents", view.id),
                    Notice::Saved,
                ))
            }
            Err(e) => match field_error(&e) {
                Some((field, key)) => errors.add(field, &key),
                None => return Err(e.into()),
            },
        }
    }
    let shows = Shows {
        errors,
        form: GenerateForm::default(),
        title,
        status: StatusCode::UNPROCESSABLE_ENTITY,
    };
    page(&state, &session, &ctx, &view, shows).await
}

pub async fn generate_submit(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<GenerateForm>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let mut errors = FieldErrors::new();
    let kind = DocumentKind::parse(&form.kind).ok().filter(|k| {
        DocumentKind::GENERATED.contains(k) || *k == DocumentKind::CompetenceCertificate
    });
    let locale = Locale::parse(&form.language);
    if kind.is_none() || locale.is_none() {
        errors.add("kind", "doc-error-kind");
    }
    if form.note.chars().count() > polku_service::documents::MAX_NOTE {
        errors.add("note", "doc-error-note");
    }
    if let (Some(kind), Some(locale), true) = (kind, locale, errors.is_empty()) {
        let note = Some(form.note.clone()).filter(|n| !n.trim().is_empty());
        // The osaamistodistus is built from the qualification evidence, not the profile; it is
        // stored as the next version of its one document (issue 14).
        let generated = if kind == DocumentKind::CompetenceCertificate {
            super::competence_certificate::render(&state, &session.actor, view.id, locale)
                .await
                .map(|_| ())
                .map_err(|e| match e {
                    WebError::Invalid(_) => {
                        crate::api::v1::io::invalid("kind", "doc-cert-error-no-evidence")
                    }
                    other => other,
                })
        } else {
            generate(&state, &session.actor, view.id, kind, locale, note, None)
                .await
                .map(|_| ())
        };
        match generated {
            Ok(_) => {
                return Ok(see_other_saved(
                    &format!("/participants/{}/documents", view.id),
                    Notice::Saved,
                ))
            }
            Err(WebError::Invalid(f)) => {
                for (field, key) in f {
                    errors.add(&field, &key);
                }
            }
            Err(e) => return Err(e),
        }
    }
    let shows = Shows {
        errors,
        form,
        title: String::new(),
        status: StatusCode::UNPROCESSABLE_ENTITY,
    };
    page(&state, &session, &ctx, &view, shows).await
}

pub async fn download(
    session: Session,
    State(state): State<AppState>,
    Path((id, document, version)): Path<(String, String, String)>,
) -> WebResult<Response> {
    let id = parse_id(&id)?;
    let document = DocumentId::parse(&document).map_err(|_| WebError::NotFound)?;
    let version: i64 = version
        .parse()
        .ok()
        .filter(|v| *v >= 1)
        .ok_or(WebError::NotFound)?;
    let file = state
        .service
        .download_document(
            &session.actor,
            id,
            document,
            Some(version),
            super::common::PURPOSE,
        )
        .await?;
    Ok(download_response(file))
}
