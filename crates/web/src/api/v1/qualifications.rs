//! Opinnollistaminen through the API (`polku_service::qualifications`): the qualification units
//! with their requirement items (reference data), the mapping of an employer's tasks to
//! requirement items (coordinators), and the evidence per item the placement's mentor or the
//! participant's coach records. Polku does not award credit; the evidence is for the school's
//! HOKS process.

use super::io::service_err;
use super::placements::{json_body, placement_id};
use super::schemas::errors::{Forbidden, Invalid, NotFound, Unauthenticated, UnsupportedMediaType};
use crate::error::{WebError, WebResult};
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_domain::{
    CompetenceShown, EmployerId, LocalText, QualificationUnit, Requirement, RequirementId, TaskId,
};
use polku_service::qualifications::{EvidenceLine, NewQualificationEvidence};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// A text in Finnish, and in Swedish and English when the source has them.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = QualificationText)]
struct TextOut {
    fi: String,
    sv: Option<String>,
    en: Option<String>,
}

impl From<LocalText> for TextOut {
    fn from(t: LocalText) -> Self {
        TextOut {
            fi: t.fi,
            sv: t.sv,
            en: t.en,
        }
    }
}

/// One vocational skill requirement (ammattitaitovaatimus) of a unit.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = RequirementItem)]
struct RequirementOut {
    id: Uuid,
    /// The unit's Koodisto code, `tutkinnonosat_NNNNNN`.
    unit: String,
    diaarinumero: String,
    /// Its Koodisto code (`ammattitaitovaatimukset_NNNN`) or Polku's fallback key.
    key: String,
    position: u32,
    area: Option<TextOut>,
    text: TextOut,
}

impl From<Requirement> for RequirementOut {
    fn from(r: Requirement) -> Self {
        RequirementOut {
            id: r.id.0,
            unit: r.unit.to_string(),
            diaarinumero: r.diaarinumero,
            key: r.key,
            position: r.position,
            area: r.area.map(TextOut::from),
            text: r.text.into(),
        }
    }
}

/// A qualification unit (tutkinnon osa) in one version of a qualification.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = QualificationUnit)]
struct UnitOut {
    code: String,
    diaarinumero: String,
    peruste_id: i64,
    qualification_code: Option<String>,
    qualification_name: TextOut,
    name: TextOut,
    /// Competence points (osaamispiste).
    osp: Option<f64>,
    valid_from: Option<Date>,
    valid_to: Option<Date>,
    source: String,
    requirements: Vec<RequirementOut>,
}

fn unit_out(u: QualificationUnit, requirements: Vec<Requirement>) -> UnitOut {
    UnitOut {
        code: u.code.to_string(),
        diaarinumero: u.diaarinumero,
        peruste_id: u.peruste_id,
        qualification_code: u.qualification_code,
        qualification_name: u.qualification_name.into(),
        name: u.name.into(),
        osp: u.osp,
        valid_from: u.valid_from,
        valid_to: u.valid_to,
        source: u.source,
        requirements: requirements.into_iter().map(RequirementOut::from).collect(),
    }
}

/// Every imported unit with its requirement items.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = QualificationUnitList)]
struct UnitList {
    items: Vec<UnitOut>,
}

/// Qualification units.
///
/// Every unit imported from ePerusteet (`polku import eperusteet`), by code and diaarinumero,
/// each with its requirement items in source order. Reference data: no personal data.
#[utoipa::path(
    get,
    path = "/api/v1/qualification-units",
    operation_id = "listQualificationUnits",
    tag = "qualifications",
    responses(
        (status = 200, description = "The units.", body = UnitList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    ),
)]
pub async fn units(State(state): State<AppState>, session: Session) -> WebResult<Response> {
    let mut items = Vec::new();
    for u in state.service.qualification_units(&session.actor).await? {
        let (u, reqs) = state
            .service
            .qualification_unit(&session.actor, &u.code, &u.diaarinumero)
            .await?;
        items.push(unit_out(u, reqs));
    }
    Ok(Json(UnitList { items }).into_response())
}

/// A task with the requirement items mapped to it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = TaskRequirements)]
struct TaskMapOut {
    task: Uuid,
    title: String,
    requirements: Vec<RequirementOut>,
}

/// The employer's tasks and their requirement items.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = TaskRequirementMap)]
struct TaskMapList {
    items: Vec<TaskMapOut>,
}

fn employer_id(id: &str) -> WebResult<EmployerId> {
    EmployerId::parse(id).map_err(|_| WebError::NotFound)
}

/// Task–requirement mapping of an employer.
///
/// Each task of the employer's inventory with the requirement items it gives a chance to show.
/// Another project's employer is 404.
#[utoipa::path(
    get,
    path = "/api/v1/employers/{id}/task-requirements",
    operation_id = "listTaskRequirements",
    tag = "qualifications",
    params(("id" = uuid::Uuid, Path, description = "The employer's id.")),
    responses(
        (status = 200, description = "The mapping.", body = TaskMapList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn task_map(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let map = state
        .service
        .task_requirement_map(&session.actor, employer_id(&id)?)
        .await?;
    Ok(Json(TaskMapList {
        items: map
            .into_iter()
            .map(|t| TaskMapOut {
                task: t.task.id.0,
                title: t.task.title,
                requirements: t
                    .requirements
                    .into_iter()
                    .map(RequirementOut::from)
                    .collect(),
            })
            .collect(),
    })
    .into_response())
}

/// The requirement items a task is mapped to (the whole set; an empty list unmaps all).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = TaskRequirementsIn)]
struct MapIn {
    #[schema(max_items = 200)]
    requirement_ids: Vec<Uuid>,
}

/// Map a task to requirement items.
///
/// A coordinator of the employer's project replaces the requirement items the task is mapped
/// to. An item that does not exist is 422 with `requirement_ids: rule-unknown-requirement`, and
/// nothing changes.
#[utoipa::path(
    put,
    path = "/api/v1/employers/{id}/tasks/{task}/requirements",
    operation_id = "mapTaskRequirements",
    tag = "qualifications",
    params(
        ("id" = uuid::Uuid, Path, description = "The employer's id."),
        ("task" = uuid::Uuid, Path, description = "The task's id."),
    ),
    request_body = MapIn,
    responses(
        (status = 200, description = "Mapped; the employer's whole mapping.", body = TaskMapList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn map_task(
    State(state): State<AppState>,
    session: Session,
    Path((id, task)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let employer = employer_id(&id)?;
    let task = TaskId::parse(&task).map_err(|_| WebError::NotFound)?;
    // Who may not map gets 404 before the body is looked at.
    if !state
        .service
        .task_requirement_map(&session.actor, employer)
        .await?
        .iter()
        .any(|t| t.task.id == task)
    {
        return Err(WebError::NotFound);
    }
    let m: MapIn = match json_body(&headers, &body)? {
        Ok(m) => m,
        Err(res) => return Ok(res),
    };
    let ids: Vec<RequirementId> = m.requirement_ids.into_iter().map(RequirementId).collect();
    state
        .service
        .map_task_requirements(&session.actor, employer, task, &ids)
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    task_map(State(state), session, Path(id)).await
}

/// What the mentor saw: shown, partly shown or not yet shown. Not a grade: grading belongs to
/// the school's competence demonstration.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = CompetenceShown)]
enum ShownIo {
    Shown,
    PartlyShown,
    NotYetShown,
}

impl From<ShownIo> for CompetenceShown {
    fn from(s: ShownIo) -> Self {
        match s {
            ShownIo::Shown => CompetenceShown::Shown,
            ShownIo::PartlyShown => CompetenceShown::PartlyShown,
            ShownIo::NotYetShown => CompetenceShown::NotYetShown,
        }
    }
}

impl From<CompetenceShown> for ShownIo {
    fn from(s: CompetenceShown) -> Self {
        match s {
            CompetenceShown::Shown => ShownIo::Shown,
            CompetenceShown::PartlyShown => ShownIo::PartlyShown,
            CompetenceShown::NotYetShown => ShownIo::NotYetShown,
        }
    }
}

/// Evidence of one requirement item to record.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewQualificationEvidence)]
struct EvidenceIn {
    requirement: Uuid,
    /// One of the placement's tasks.
    task: Uuid,
    /// `YYYY-MM-DD`, within the placement, not in the future.
    shown_on: Date,
    assessment: ShownIo,
    #[serde(default)]
    #[schema(max_length = 2000)]
    note: String,
}

/// A piece of qualification evidence.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = QualificationEvidence)]
struct EvidenceOut {
    id: Uuid,
    requirement: RequirementOut,
    unit_name: Option<TextOut>,
    task: Uuid,
    shown_on: Date,
    assessment: ShownIo,
    note: String,
    recorded_by: Uuid,
    #[serde(with = "time::serde::rfc3339")]
    recorded_at: OffsetDateTime,
}

impl From<EvidenceLine> for EvidenceOut {
    fn from(l: EvidenceLine) -> Self {
        EvidenceOut {
            id: l.evidence.id.0,
            unit_name: l.unit.map(|u| u.name.into()),
            requirement: l.requirement.into(),
            task: l.evidence.task_id.0,
            shown_on: l.evidence.shown_on,
            assessment: l.evidence.assessment.into(),
            note: l.evidence.note,
            recorded_by: l.evidence.recorded_by.0,
            recorded_at: l.evidence.recorded_at,
        }
    }
}

/// A placement's qualification evidence, oldest first.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = QualificationEvidenceList)]
struct EvidenceList {
    items: Vec<EvidenceOut>,
}

/// A placement's qualification evidence.
///
/// For the workplace mentor, the participant's coach and the participant: the competence shown
/// per requirement item, oldest first. The read is audited.
#[utoipa::path(
    get,
    path = "/api/v1/placements/{id}/qualification-evidence",
    operation_id = "listQualificationEvidence",
    tag = "qualifications",
    params(("id" = uuid::Uuid, Path, description = "The placement's id.")),
    responses(
        (status = 200, description = "The evidence.", body = EvidenceList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn evidence(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let (_, lines) = state
        .service
        .qualification_evidence(&session.actor, placement_id(&id)?)
        .await?;
    Ok(Json(EvidenceList {
        items: lines.into_iter().map(EvidenceOut::from).collect(),
    })
    .into_response())
}

/// Record qualification evidence.
///
/// The placement's workplace mentor or the participant's coach records that a requirement item
/// was shown (or partly, or not yet) on a day, in one of the placement's tasks. A requirement
/// item that does not exist is 404.
#[utoipa::path(
    post,
    path = "/api/v1/placements/{id}/qualification-evidence",
    operation_id = "recordQualificationEvidence",
    tag = "qualifications",
    params(("id" = uuid::Uuid, Path, description = "The placement's id.")),
    request_body = EvidenceIn,
    responses(
        (status = 201, description = "Recorded; the placement's evidence.", body = EvidenceList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn record(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = placement_id(&id)?;
    // Who may not record gets 404 before the body is looked at.
    state
        .service
        .qualification_evidence(&session.actor, id)
        .await?;
    let e: EvidenceIn = match json_body(&headers, &body)? {
        Ok(e) => e,
        Err(res) => return Ok(res),
    };
    state
        .service
        .record_qualification_evidence(
            &session.actor,
            id,
            NewQualificationEvidence {
                requirement_id: RequirementId(e.requirement),
                task_id: TaskId(e.task),
                shown_on: e.shown_on,
                assessment: e.assessment.into(),
                note: e.note,
            },
        )
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    let (_, lines) = state
        .service
        .qualification_evidence(&session.actor, id)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(EvidenceList {
            items: lines.into_iter().map(EvidenceOut::from).collect(),
        }),
    )
        .into_response())
}

/// A placement's evidence as the referring institution sees it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = SharedPlacementEvidence)]
struct SharedPlacementOut {
    placement: Uuid,
    starts_on: Date,
    ends_on: Option<Date>,
    items: Vec<EvidenceOut>,
}

/// The participant's qualification evidence for the referring institution.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = SharedQualificationEvidence)]
struct SharedOut {
    placements: Vec<SharedPlacementOut>,
    /// Polku does not award credit: the school recognises competence in its own HOKS process.
    hoks_notice: TextOut,
}

/// Qualification evidence shared with the institution.
///
/// For an institution user with an active share of the category `skills` for the purpose
/// `transition`, and the participant's active consent for it: the competence shown in each
/// placement. Without them (or after the consent is withdrawn) 404. The read is audited.
#[utoipa::path(
    get,
    path = "/api/v1/shared/participants/{id}/qualification-evidence",
    operation_id = "sharedQualificationEvidence",
    tag = "qualifications",
    params(("id" = uuid::Uuid, Path, description = "The participant's id.")),
    responses(
        (status = 200, description = "The evidence.", body = SharedOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn shared(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = polku_domain::ParticipantId::parse(&id).map_err(|_| WebError::NotFound)?;
    let list = state
        .service
        .shared_qualification_evidence(&session.actor, id)
        .await?;
    Ok(Json(SharedOut {
        placements: list
            .into_iter()
            .map(|(p, lines)| SharedPlacementOut {
                placement: p.id.0,
                starts_on: p.starts_on,
                ends_on: p.ended_on.or(p.ends_on),
                items: lines.into_iter().map(EvidenceOut::from).collect(),
            })
            .collect(),
        hoks_notice: {
            use crate::i18n::Locale;
            let t = |l| state.i18n.text(l, "qualification-hoks-notice");
            TextOut {
                fi: t(Locale::Fi),
                sv: Some(t(Locale::Sv)),
                en: Some(t(Locale::En)),
            }
        },
    })
    .into_response())
}

/// The certificate's language.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CertificateQuery {
    /// `fi`, `sv`, `en` or `fi-x-selko` (plain-language Finnish, for the participant).
    language: Option<String>,
}

/// The competence certificate (osaamistodistus).
///
/// For the participant's own coach: a PDF (text extractable) listing, per placement, the
/// workplace, the mentor, the period and each requirement item shown with its day, task and
/// assessment, with a pointer to the school's HOKS process. Each certificate is also stored as
/// the next version of the participant's `competence_certificate` document (sealed, versioned).
/// `422` on `participant` when no placement has evidence yet. Always an attachment.
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}/competence-certificate",
    operation_id = "competenceCertificate",
    tag = "qualifications",
    params(("id" = uuid::Uuid, Path, description = "The participant's id."), CertificateQuery),
    responses(
        (status = 200, description = "The PDF.", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Invalid),
    ),
)]
pub async fn certificate(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    axum::extract::Query(q): axum::extract::Query<CertificateQuery>,
) -> WebResult<Response> {
    use axum::http::{header, HeaderValue};
    let id = polku_domain::ParticipantId::parse(&id).map_err(|_| WebError::NotFound)?;
    let locale = match q.language.as_deref() {
        None => crate::i18n::Locale::Fi,
        Some(l) => crate::i18n::Locale::parse(l)
            .ok_or_else(|| super::io::invalid("language", super::io::FIELD_INVALID))?,
    };
    let pdf = crate::pages::participants::competence_certificate::render(
        &state,
        &session.actor,
        id,
        locale,
    )
    .await?;
    let mut res = pdf.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"osaamistodistus-{id}-{}.pdf\"",
        locale.tag()
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}
