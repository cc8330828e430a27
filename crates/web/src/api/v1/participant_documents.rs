//! A participant's documents through the API (`polku_service::documents`): list, upload
//! (multipart, 10 MiB, type from the content), generate from the structured data, versions and
//! downloads. The own coach lists, saves and downloads; an employer, mentor or institution user
//! lists and downloads only through a consented share of the category `documents`. A
//! document's newest `version` is its `ETag`; a new version takes `If-Match`.

use super::io::{
    invalid, not_json, ok_tagged, parse, participant_id, require_version, rule_key, service_err,
    tagged, text, write_error, FIELD_INVALID, FIELD_MISSING, FIELD_SYNTAX,
};
use super::schemas::errors::{
    Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired, Unauthenticated,
    UnsupportedMediaType,
};
use crate::error::{WebError, WebResult};
use crate::i18n::Locale;
use crate::middleware::session::Session;
use crate::pages::participants::documents::{download_response, generate};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_domain::{Document, DocumentId, DocumentKind};
use polku_service::documents::{DocumentHistory, DocumentSave};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// The largest upload request: the 10 MiB file plus the form's other parts.
pub const MAX_UPLOAD_BODY: usize = polku_documents::upload::MAX_UPLOAD_BYTES + 64 * 1024;

/// A document. `version` (its newest version) is also the `ETag`.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ParticipantDocument)]
struct DocumentOut {
    id: Uuid,
    participant: Uuid,
    /// `upload`, `cv`, `strengths`, `competence`, `continuation_plan`, `work_certificate` or
    /// `competence_certificate` (the osaamistodistus, stored each time
    /// `GET /api/v1/participants/{id}/competence-certificate` makes one).
    kind: String,
    title: String,
    #[schema(minimum = 1)]
    version: i64,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
}

impl From<Document> for DocumentOut {
    fn from(d: Document) -> Self {
        DocumentOut {
            id: d.id.0,
            participant: d.participant_id.0,
            kind: d.kind.as_str().to_owned(),
            title: d.title,
            version: d.version,
            created_at: d.created_at,
        }
    }
}

/// The participant's documents, newest first.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ParticipantDocumentList)]
struct DocumentList {
    items: Vec<DocumentOut>,
}

/// One version of a document (its content is downloaded separately).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ParticipantDocumentVersion)]
struct VersionOut {
    version: i64,
    /// `application/pdf`, `image/png` or `image/jpeg`.
    content_type: String,
    size_bytes: i64,
    /// The language of a generated document (`fi`, `sv`, `en`, `fi-x-selko`).
    #[schema(required = true)]
    language: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
}

/// A document with its versions, oldest first.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ParticipantDocumentHistory)]
struct HistoryOut {
    document: DocumentOut,
    versions: Vec<VersionOut>,
}

impl From<DocumentHistory> for HistoryOut {
    fn from(h: DocumentHistory) -> Self {
        HistoryOut {
            document: h.document.into(),
            versions: h
                .versions
                .into_iter()
                .map(|v| VersionOut {
                    version: v.version,
                    content_type: v.content_type,
                    size_bytes: v.size_bytes,
                    language: v.language,
                    created_at: v.created_at,
                })
                .collect(),
        }
    }
}

/// What to generate.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = GenerateDocument)]
struct GenerateIn {
    /// `cv`, `strengths`, `competence`, `continuation_plan` or `work_certificate`.
    kind: String,
    /// `fi`, `sv`, `en` or `fi-x-selko` (plain-language Finnish).
    language: String,
    /// The coach's own words where the document has them (the continuation plan's next steps,
    /// the strengths description, the competence summary, the work certificate); sealed.
    #[serde(default)]
    #[schema(max_length = 10000)]
    note: Option<String>,
    /// A document of the same kind to add this as the next version of; then `If-Match` names
    /// its newest version.
    #[serde(default)]
    document: Option<Uuid>,
}

/// The multipart upload form (`multipart/form-data`).
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
#[schema(as = DocumentUpload)]
struct UploadForm {
    /// The document's title (1–200 characters).
    title: String,
    /// The file: PDF, PNG or JPEG, at most 10 MiB; its type is read from the content.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

fn document_id(s: &str) -> WebResult<DocumentId> {
    DocumentId::parse(s).map_err(|_| WebError::NotFound)
}

/// Reads the title and the file of a multipart upload. A body over the limit is the field error
/// `file: rule-file-too-large`.
async fn read_upload(mut form: Multipart) -> WebResult<(String, Vec<u8>)> {
    let too_large = || invalid("file", &rule_key("file_too_large"));
    let bad = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            invalid("", FIELD_SYNTAX)
        }
    };
    let (mut title, mut file) = (None, None);
    while let Some(field) = form.next_field().await.map_err(bad)? {
        match field.name() {
            Some("title") => title = Some(field.text().await.map_err(bad)?),
            Some("file") => file = Some(field.bytes().await.map_err(bad)?.to_vec()),
            _ => {
                return Err(invalid(
                    field.name().unwrap_or(""),
                    super::io::FIELD_UNKNOWN,
                ))
            }
        }
    }
    let file = file.ok_or_else(|| invalid("file", FIELD_MISSING))?;
    Ok((title.unwrap_or_default(), file))
}

fn upload_save(title: String, bytes: Vec<u8>, document: Option<(DocumentId, i64)>) -> DocumentSave {
    DocumentSave {
        document,
        kind: DocumentKind::Upload,
        title,
        bytes,
        language: None,
        note: None,
    }
}

/// A participant's documents.
///
/// Uploaded and generated documents, newest first. For the own coach, and for an employer,
/// mentor or institution user with a share of the category `documents` that the participant's
/// consent covers (checked on every request). Audited.
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/documents",
    operation_id = "listParticipantDocuments",
    tag = "documents",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    responses(
        (status = 200, description = "The documents.", body = DocumentList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn index(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let items = state
        .service
        .documents(&session.actor, id, purpose(&session))
        .await?
        .into_iter()
        .map(DocumentOut::from)
        .collect();
    Ok(Json(DocumentList { items }).into_response())
}

/// The audit purpose of the caller's reads: the coach's service delivery, a share recipient's
/// placement.
fn purpose(session: &Session) -> &'static str {
    if crate::policy::has_any_role(session, &[polku_domain::Role::Coach]) {
        "service_delivery"
    } else {
        "placement"
    }
}

/// Upload a document.
///
/// `multipart/form-data` with `title` and `file`: a PDF, PNG or JPEG of at most 10 MiB. The
/// type is read from the content, not the name or the part's `Content-Type`; a PDF with active
/// content (JavaScript, automatic or launch actions, embedded files, XFA forms, rich media) is
/// refused with the reason as the field error of `file` (`rule-pdf-javascript`, …), and nothing
/// is stored. Own coach only.
#[utoipa::path(
    post,
    path = "/api/v1/participants/{id}/documents",
    operation_id = "uploadParticipantDocument",
    tag = "documents",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored as version 1.", body = DocumentOut, headers(
            ("ETag" = String, description = "Its version."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn upload(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    form: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    state
        .service
        .require_editable_participant(&session.actor, id)
        .await?;
    let Ok(form) = form else {
        return Ok(StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response());
    };
    let (title, bytes) = read_upload(form).await?;
    let doc = state
        .service
        .save_document(
            &session.actor,
            id,
            upload_save(title, bytes, None),
            "service_delivery",
        )
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    Ok(tagged(
        StatusCode::CREATED,
        doc.version,
        &DocumentOut::from(doc),
    ))
}

/// A document and its versions.
///
/// Every version with its media type, size and language (oldest first). Audited.
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/documents/{document}",
    operation_id = "getParticipantDocument",
    tag = "documents",
    params(
        ("id" = uuid::Uuid, Path, description = "The participant's id."),
        ("document" = uuid::Uuid, Path, description = "The document's id."),
    ),
    responses(
        (status = 200, description = "The document.", body = HistoryOut, headers(
            ("ETag" = String, description = "Its newest version."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Path((id, document)): Path<(String, String)>,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let document = document_id(&document)?;
    let h = state
        .service
        .document_history(&session.actor, id, document, purpose(&session))
        .await?;
    let version = h.document.version;
    Ok(ok_tagged(version, &HistoryOut::from(h)))
}

/// Upload a new version.
///
/// The same form and checks as an upload; `If-Match` names the document's newest version.
/// Own coach only.
#[utoipa::path(
    post,
    path = "/api/v1/participants/{id}/documents/{document}/versions",
    operation_id = "uploadParticipantDocumentVersion",
    tag = "documents",
    params(
        ("id" = uuid::Uuid, Path, description = "The participant's id."),
        ("document" = uuid::Uuid, Path, description = "The document's id."),
        ("If-Match" = String, Header, description = "The document's ETag."),
    ),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 200, description = "Stored as the next version.", body = DocumentOut, headers(
            ("ETag" = String, description = "Its new version."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 412, response = PreconditionFailed),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
        (status = 428, response = PreconditionRequired),
    ),
)]
pub async fn upload_version(
    State(state): State<AppState>,
    session: Session,
    Path((id, document)): Path<(String, String)>,
    headers: HeaderMap,
    form: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let document = document_id(&document)?;
    state
        .service
        .require_editable_participant(&session.actor, id)
        .await?;
    let current = state
        .service
        .document_history(&session.actor, id, document, "service_delivery")
        .await?;
    if current.document.kind != DocumentKind::Upload {
        return Err(invalid("document", FIELD_INVALID));
    }
    require_version(&headers, current.document.version)?;
    let Ok(form) = form else {
        return Ok(StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response());
    };
    let (title, bytes) = read_upload(form).await?;
    let title = if title.trim().is_empty() {
        current.document.title
    } else {
        title
    };
    let doc = state
        .service
        .save_document(
            &session.actor,
            id,
            upload_save(title, bytes, Some((document, current.document.version))),
            "service_delivery",
        )
        .await
        .map_err(write_error)?;
    Ok(ok_tagged(doc.version, &DocumentOut::from(doc)))
}

/// Generate a document.
///
/// Builds a CV, strengths description, competence summary, continuation plan or work
/// certificate from the participant's profile, skills (ESCO names), work experience (trials,
/// jobs and gigs), education and languages, as a tagged PDF in `fi`, `sv`, `en` or `fi-x-selko`,
/// and stores it as a new document or, with `document` and `If-Match`, as that document's next
/// version. Own coach only.
#[utoipa::path(
    post,
    path = "/api/v1/participants/{id}/documents/generated",
    operation_id = "generateParticipantDocument",
    tag = "documents",
    params(
        ("id" = uuid::Uuid, Path, description = "The participant's id."),
        ("If-Match" = Option<String>, Header, description = "With `document`: its ETag."),
    ),
    request_body = GenerateIn,
    responses(
        (status = 201, description = "Generated and stored.", body = DocumentOut, headers(
            ("ETag" = String, description = "Its version."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 412, response = PreconditionFailed),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
        (status = 428, response = PreconditionRequired),
    ),
)]
pub async fn generate_document(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    state
        .service
        .require_editable_participant(&session.actor, id)
        .await?;
    if let Some(res) = not_json(&headers) {
        return Ok(res);
    }
    let g: GenerateIn = parse(text(&body)?)?;
    let kind = DocumentKind::parse(&g.kind)
        .ok()
        .filter(|k| DocumentKind::GENERATED.contains(k))
        .ok_or_else(|| invalid("kind", FIELD_INVALID))?;
    let locale = Locale::parse(&g.language).ok_or_else(|| invalid("language", FIELD_INVALID))?;
    let document = match g.document {
        None => None,
        Some(d) => {
            let current = state
                .service
                .document_history(&session.actor, id, DocumentId(d), "service_delivery")
                .await
                .map_err(|e| match e {
                    polku_service::ServiceError::NotFound => invalid("document", FIELD_INVALID),
                    other => WebError::Service(other),
                })?;
            if current.document.kind != kind {
                return Err(invalid("document", FIELD_INVALID));
            }
            require_version(&headers, current.document.version)?;
            Some((DocumentId(d), current.document.version))
        }
    };
    let doc = generate(&state, &session.actor, id, kind, locale, g.note, document)
        .await
        .map_err(|e| match e {
            WebError::Service(s) => write_error(s),
            other => other,
        })?;
    Ok(tagged(
        StatusCode::CREATED,
        doc.version,
        &DocumentOut::from(doc),
    ))
}

/// Download a version.
///
/// The content of one version, always as an attachment with its media type
/// (`X-Content-Type-Options: nosniff`, `Content-Security-Policy: sandbox`), never inline.
/// Audited before the content is sent.
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/documents/{document}/versions/{version}/content",
    operation_id = "downloadParticipantDocumentVersion",
    tag = "documents",
    params(
        ("id" = uuid::Uuid, Path, description = "The participant's id."),
        ("document" = uuid::Uuid, Path, description = "The document's id."),
        ("version" = i64, Path, description = "The version (1, 2, …)."),
    ),
    responses(
        (status = 200, description = "The file.", content(
            (Vec<u8> = "application/pdf"),
            (Vec<u8> = "image/png"),
            (Vec<u8> = "image/jpeg"),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn download(
    State(state): State<AppState>,
    session: Session,
    Path((id, document, version)): Path<(String, String, String)>,
) -> WebResult<Response> {
    let id = participant_id(&id)?;
    let document = document_id(&document)?;
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
            purpose(&session),
        )
        .await?;
    Ok(download_response(file))
}
