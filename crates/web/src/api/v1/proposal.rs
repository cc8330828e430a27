//! `GET /api/v1/placements/{id}/proposal`: a proposal as the employer sees it
//! (`Service::proposal_for_employer`), for a user of the employer or the participant's own
//! coach. The fit of each task is given as plain codes built only from the field groups the
//! employer may see now; never levels, never functioning dimensions.

use super::io::tagged;
use super::placements::PlacementOut;
use super::schemas::domain as schema;
use super::schemas::errors::{Forbidden, NotFound, Unauthenticated};
use crate::error::{WebError, WebResult};
use crate::middleware::session::Session;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use polku_domain::{DataCategory, PlacementId};
use polku_service::proposal_view::{EmployerProposal, Plain};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// What the person can do in a task, as a plain statement.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ProposalFit)]
struct FitOut {
    /// `independent`, `needs_induction`, `needs_training`, `language_enough`,
    /// `language_support`, `suits_as_is`, `suits_with` or `agree_with_coach`.
    code: &'static str,
    /// ESCO skill URIs (`needs_induction`, `needs_training`).
    #[serde(skip_serializing_if = "Option::is_none")]
    skills: Option<Vec<String>>,
    /// A language code (`language_enough`, `language_support`).
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<String>,
    /// Workplace adjustment ids of the catalogue (`suits_with`).
    #[serde(skip_serializing_if = "Option::is_none")]
    accommodations: Option<Vec<String>>,
}

impl FitOut {
    fn of(p: &Plain) -> FitOut {
        let mut f = FitOut {
            code: "",
            skills: None,
            language: None,
            accommodations: None,
        };
        let uris = |v: &[polku_domain::EscoUri]| v.iter().map(|u| u.as_str().to_owned()).collect();
        match p {
            Plain::Independent => f.code = "independent",
            Plain::NeedsInduction { skills } => {
                f.code = "needs_induction";
                f.skills = Some(uris(skills));
            }
            Plain::NeedsTraining { skills } => {
                f.code = "needs_training";
                f.skills = Some(uris(skills));
            }
            Plain::LanguageEnough { language } => {
                f.code = "language_enough";
                f.language = Some(language.as_str().to_owned());
            }
            Plain::LanguageSupport { language } => {
                f.code = "language_support";
                f.language = Some(language.as_str().to_owned());
            }
            Plain::SuitsAsIs => f.code = "suits_as_is",
            Plain::SuitsWith { accommodations } => {
                f.code = "suits_with";
                f.accommodations = Some(accommodations.clone());
            }
            Plain::AgreeWithCoach => f.code = "agree_with_coach",
        }
        f
    }
}

/// One task of the proposed job.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ProposalTask)]
struct TaskOut {
    id: Uuid,
    title: String,
    hours_per_week: u8,
    days_per_week: u8,
    /// `daytime`, `evenings`, `nights`, `weekends` or `flexible`.
    schedule: String,
    fit: Vec<FitOut>,
}

/// One workplace adjustment with its cost and what may pay for it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ProposalAdjustment)]
struct AdjustmentOut {
    id: String,
    cost_eur: u32,
    /// The subsidy rule that may pay for it (subsidy for arranging working conditions).
    #[schema(required = true)]
    subsidy: Option<String>,
    #[schema(required = true)]
    subsidy_cap_eur: Option<u32>,
}

/// The workplace adjustments of the whole job (only when functioning is shared).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ProposalAdjustments)]
struct AdjustmentsOut {
    items: Vec<AdjustmentOut>,
    cost_eur: u64,
}

/// The pay-subsidy estimate: an estimate only, to confirm with the employment authority.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ProposalSubsidy)]
struct SubsidyOut {
    pay_subsidy: bool,
    #[schema(required = true)]
    rate: Option<f64>,
    #[schema(required = true)]
    estimate_eur_month: Option<f64>,
    #[schema(required = true)]
    max_months: Option<u32>,
}

/// A proposal as the employer sees it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = EmployerProposal)]
struct ProposalOut {
    placement: PlacementOut,
    tasks: Vec<TaskOut>,
    /// Of skills, languages and functioning: the groups used (shared with the employer now).
    #[schema(value_type = Vec<schema::DataCategory>)]
    shared: Vec<DataCategory>,
    /// Of the same: the groups not shared, so not used.
    #[schema(value_type = Vec<schema::DataCategory>)]
    not_shared: Vec<DataCategory>,
    #[schema(required = true)]
    adjustments: Option<AdjustmentsOut>,
    subsidy: SubsidyOut,
}

fn schedule(s: polku_domain::Schedule) -> &'static str {
    use polku_domain::Schedule as S;
    match s {
        S::Daytime => "daytime",
        S::Evenings => "evenings",
        S::Nights => "nights",
        S::Weekends => "weekends",
        S::Flexible => "flexible",
    }
}

impl ProposalOut {
    fn of(e: EmployerProposal) -> ProposalOut {
        let adjustments = e.adjustments.map(|a| AdjustmentsOut {
            items: a
                .accommodations
                .iter()
                .map(|id| {
                    let sub = a
                        .subsidies
                        .iter()
                        .find(|s| s.accommodation == *id && s.in_force);
                    AdjustmentOut {
                        id: id.clone(),
                        cost_eur: polku_domain::catalogue::accommodation(id)
                            .map_or(0, |x| x.cost_eur),
                        subsidy: sub.map(|s| s.subsidy.clone()),
                        subsidy_cap_eur: sub.and_then(|s| s.cap_eur_total),
                    }
                })
                .collect(),
            cost_eur: a.cost_eur,
        });
        let pay = e.subsidy.pay.as_ref();
        ProposalOut {
            tasks: e
                .tasks
                .iter()
                .map(|t| TaskOut {
                    id: t.id.0,
                    title: t.title.clone(),
                    hours_per_week: t.hours_per_week,
                    days_per_week: t.days_per_week,
                    schedule: schedule(t.schedule).to_owned(),
                    fit: t.fit.iter().map(FitOut::of).collect(),
                })
                .collect(),
            shared: e.shared,
            not_shared: e.not_shared,
            adjustments,
            subsidy: SubsidyOut {
                pay_subsidy: e.subsidy.pay_subsidy,
                rate: pay.and_then(|p| p.rate),
                estimate_eur_month: pay.and_then(|p| p.estimate_eur_month),
                max_months: pay.and_then(|p| p.max_months),
            },
            placement: PlacementOut::from_view(e.view),
        }
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/placements/{id}/proposal",
    operation_id = "getEmployerProposal",
    tag = "placements",
    params(("id" = uuid::Uuid, Path, description = "The placement's id.")),
    responses(
        (status = 200, description = "The proposal as the employer sees it.", body = ProposalOut, headers(
            ("ETag" = String, description = "The placement's version."),
        )),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = PlacementId::parse(&id).map_err(|_| WebError::NotFound)?;
    let e = state
        .service
        .proposal_for_employer(&session.actor, id)
        .await?;
    let version = e.view.placement.version;
    Ok(tagged(StatusCode::OK, version, &ProposalOut::of(e)))
}
