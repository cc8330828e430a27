//! `POST /api/v1/projects/{id}/allocation`: the optimal assignment of chosen participants to
//! chosen trial openings of a project, from the stored data (`Service::allocation`), as the
//! allocation page shows it: participants by pseudonym, each person's explanation only for
//! coordinators. Computing records nothing; the `fingerprint` names the assignment answered.

use super::io::{not_json, parse, service_err, text};
use super::schemas::errors::{Forbidden, Invalid, NotFound, Unauthenticated, UnsupportedMediaType};
use crate::error::{WebError, WebResult};
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_domain::{OpeningId, ParticipantId, ProjectId};
use polku_service::allocation::{AllocationView, Detail, NoPlace, Pseudonym, Selection};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// The chosen openings and participants.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = AllocationRequest)]
pub struct AllocationIn {
    /// Trial openings of the project (current ones).
    openings: Vec<Uuid>,
    /// Participants of the project in the coaching or trial stage.
    participants: Vec<Uuid>,
}

/// A participant as the caller may see them.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = AllocationPerson)]
pub struct PersonOut {
    participant: Uuid,
    /// "Participant 3": the place in the project's list of people looking for a trial,
    /// longest waiting first.
    pseudonym: u64,
    /// Only when an active share to the caller includes contact details.
    #[schema(required = true)]
    name: Option<String>,
}

/// One score part.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = AllocationPart)]
pub struct PartOut {
    /// `essential_skills`, `optional_skills`, … (docs/matching.md).
    part: String,
    points: f64,
    max: f64,
    /// In English.
    text: String,
}

/// Why the person fits the opening (coordinators only): the score parts, what fits as codes
/// and the demanded dimensions to check, never functioning levels.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = AllocationExplanation)]
pub struct ExplanationOut {
    parts: Vec<PartOut>,
    fits: Vec<String>,
    #[schema(value_type = Vec<super::schemas::domain::Dimension>)]
    to_check: Vec<String>,
}

/// A person placed in an opening.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = AllocationPlaced)]
pub struct PlacedOut {
    #[serde(flatten)]
    person: PersonOut,
    score: f64,
    fairness_bonus: f64,
    /// Null for managers.
    #[schema(required = true)]
    explanation: Option<ExplanationOut>,
}

/// An opening and the people placed in it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = AllocationOpening)]
pub struct OpeningOut {
    id: Uuid,
    employer: String,
    title: String,
    #[schema(value_type = super::schemas::domain::OpeningKind)]
    kind: String,
    /// The places offered.
    places: u16,
    placed: Vec<PlacedOut>,
}

/// A chosen person without a place.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = AllocationUnplaced)]
pub struct UnplacedOut {
    #[serde(flatten)]
    person: PersonOut,
    /// `no_fit` (no chosen opening fits) or `places_taken` (openings fit, but their places
    /// give a higher total to others).
    reason: String,
    /// For `no_fit`, the kinds of hard limit broken (coordinators only).
    limits: Vec<String>,
    /// For `places_taken`, how many chosen openings fit.
    feasible: u64,
}

/// The same choice shared first come, first served.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = AllocationGreedy)]
pub struct GreedyOut {
    total: f64,
    total_micro: i64,
    placed: u64,
    /// People whose outcome differs from the optimal assignment.
    differs: u64,
}

/// The optimal assignment, explained.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Allocation)]
pub struct AllocationOut {
    /// `per_person` (coordinators) or `aggregate` (managers).
    detail: String,
    openings: Vec<OpeningOut>,
    unplaced: Vec<UnplacedOut>,
    /// Σ (score + fairness bonus).
    total: f64,
    total_micro: i64,
    fairness_weight: f64,
    placed: u64,
    greedy: GreedyOut,
    /// SHA-256 (hex) of the assignment: the allocation page accepts only the one it showed.
    fingerprint: String,
}

fn person(id: ParticipantId, p: &Pseudonym) -> PersonOut {
    PersonOut {
        participant: id.0,
        pseudonym: p.number as u64,
        name: p.name.clone(),
    }
}

impl From<&AllocationView> for AllocationOut {
    fn from(v: &AllocationView) -> Self {
        let openings = v
            .openings
            .iter()
            .map(|o| OpeningOut {
                id: o.opening.id.0,
                employer: o.opening.employer.clone(),
                title: o.opening.title.clone(),
                kind: o.opening.kind.as_str().to_owned(),
                places: o.opening.capacity,
                placed: o
                    .placed
                    .iter()
                    .map(|p| PlacedOut {
                        person: person(p.participant, &p.label),
                        score: p.score,
                        fairness_bonus: p.fairness_bonus,
                        explanation: p.explanation.as_ref().map(|e| ExplanationOut {
                            parts: e
                                .parts
                                .iter()
                                .map(|x| PartOut {
                                    part: part_name(&x.part).to_owned(),
                                    points: x.points,
                                    max: x.max,
                                    text: x.text.clone(),
                                })
                                .collect(),
                            fits: e.fits.iter().map(|f| (*f).to_owned()).collect(),
                            to_check: e.to_check.iter().map(|d| d.key().to_owned()).collect(),
                        }),
                    })
                    .collect(),
            })
            .collect();
        let unplaced = v
            .people
            .iter()
            .filter_map(|p| {
                let (reason, limits, feasible) = match p.no_place.as_ref()? {
                    NoPlace::NoFit { limits } => (
                        "no_fit",
                        limits.iter().map(|l| (*l).to_owned()).collect(),
                        0,
                    ),
                    NoPlace::PlacesTaken { feasible } => {
                        ("places_taken", Vec::new(), *feasible as u64)
                    }
                };
                Some(UnplacedOut {
                    person: person(p.participant, &p.label),
                    reason: reason.to_owned(),
                    limits,
                    feasible,
                })
            })
            .collect();
        AllocationOut {
            detail: match v.detail {
                Detail::PerPerson => "per_person",
                Detail::Aggregate => "aggregate",
            }
            .to_owned(),
            openings,
            unplaced,
            total: v.total,
            total_micro: v.total_micro,
            fairness_weight: v.fairness_weight,
            placed: v.placed as u64,
            greedy: GreedyOut {
                total: v.greedy.total,
                total_micro: v.greedy.total_micro,
                placed: v.greedy.placed as u64,
                differs: v.greedy.differs as u64,
            },
            fingerprint: v.fingerprint.clone(),
        }
    }
}

fn part_name(p: &polku_matching::output::Part) -> &'static str {
    use polku_matching::output::Part as P;
    match p {
        P::EssentialSkills { .. } => "essential_skills",
        P::OptionalSkills { .. } => "optional_skills",
        P::LearnableGaps { .. } => "learnable_gaps",
        P::LanguageMargin { .. } => "language_margin",
        P::FunctioningMargin { .. } => "functioning_margin",
        P::AccommodationCost { .. } => "accommodation_cost",
        P::GoalFit { .. } => "goal_fit",
        P::EmployerReadiness { .. } => "employer_readiness",
    }
}

/// Compute an allocation of trial places.
///
/// The optimal assignment of the chosen participants to the chosen trial openings of the
/// project (each person at most one place, each opening at most its places, maximising fit
/// plus a bonus for waiting time), beside first come, first served. Coordinators and managers
/// of the project; participants appear by pseudonym, and managers get no explanation per
/// person. Each participant's read is audited; nothing else is recorded.
#[utoipa::path(
    post,
    path = "/api/v1/projects/{id}/allocation",
    operation_id = "computeAllocation",
    tag = "allocation",
    params(("id" = uuid::Uuid, Path, description = "The project's id.")),
    request_body = AllocationIn,
    responses(
        (status = 200, description = "The assignment.", body = AllocationOut),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Invalid),
    ),
)]
pub async fn compute(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let project = ProjectId::parse(&id).map_err(|_| WebError::NotFound)?;
    // Decided before the body is read, so another project's id is 404 whatever the body.
    let mine = state.service.allocation_projects(&session.actor).await?;
    if !mine.iter().any(|p| p.id == project) {
        return Err(WebError::NotFound);
    }
    if let Some(res) = not_json(&headers) {
        return Ok(res);
    }
    let req: AllocationIn = parse(text(&body)?)?;
    let selection = Selection {
        openings: req.openings.into_iter().map(OpeningId).collect(),
        participants: req.participants.into_iter().map(ParticipantId).collect(),
    };
    let view = state
        .service
        .allocation(
            &session.actor,
            project,
            &selection,
            crate::html::format::today(),
        )
        .await
        .map_err(|e| service_err(e, str::to_owned))?;
    Ok(Json(AllocationOut::from(&view)).into_response())
}
