//! One gig: its terms, the offers the viewer has a role in (with the result form once the
//! employer has said yes), and for a coach the suitable participants of their caseload with
//! the engine's short reasons and a "Tarjoa keikkaa" button each.

use super::common::{gig_id, hours_text, rule_key, GigRow};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{format, render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::Fields;
use crate::pages::labels::dimension_label;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{
    Dimension, DomainError, GigHours, GigId, ParticipantId, PlacementId, PlacementState,
};
use polku_service::authz::PlacementRole;
use polku_service::gigs::GigResult;
use polku_service::ServiceError;

const TOP: usize = 20;

/// One offer as shown.
pub struct OfferRow {
    pub id: String,
    pub who: String,
    pub state_key: &'static str,
    pub hours: Option<String>,
    pub reason: Option<String>,
    /// The viewer may record the result now.
    pub may_record: bool,
    pub version: i64,
}

/// One suitable participant as shown.
pub struct CandidateRow {
    pub rank: usize,
    pub participant: Option<String>,
    pub name: Option<String>,
    pub fits: Vec<&'static str>,
    pub to_check: Vec<String>,
}

#[derive(Template)]
#[template(path = "gigs/show.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    gig: GigRow,
    offers: Vec<OfferRow>,
    show_candidates: bool,
    candidates: Vec<CandidateRow>,
    may_offer: bool,
    /// The cancel form (with the gig's version) for an employer user or a coordinator.
    cancel_version: Option<i64>,
    /// A refused action's message key.
    error: Option<String>,
}

fn fit_key(code: &str) -> Option<&'static str> {
    Some(match code {
        "hours" => "emp-fit-hours",
        "days" => "emp-fit-days",
        "municipality" => "emp-fit-municipality",
        "language" => "emp-fit-language",
        "functioning" => "emp-fit-functioning",
        "accommodated" => "emp-fit-accommodated",
        _ => return None,
    })
}

fn state_key(s: PlacementState) -> &'static str {
    match s {
        PlacementState::Prepared => "gig-offer-prepared",
        PlacementState::Proposed => "gig-offer-proposed",
        PlacementState::Agreed | PlacementState::Active => "gig-offer-agreed",
        PlacementState::Completed => "gig-offer-done",
        PlacementState::Interrupted => "gig-offer-did-not-happen",
        PlacementState::Declined => "gig-offer-declined",
        PlacementState::Withdrawn => "gig-offer-withdrawn",
    }
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    id: GigId,
    error: Option<String>,
    status: StatusCode,
) -> WebResult<Response> {
    let view = state.service.gig(&session.actor, id).await?;
    let today = format::today();
    let offers = view
        .offers
        .iter()
        .map(|o| {
            let p = &o.placement;
            OfferRow {
                id: p.id.to_string(),
                who: o.participant_name.clone().unwrap_or_default(),
                state_key: state_key(p.state),
                hours: p.gig_hours.map(|h| hours_text(ctx.locale, h)),
                reason: p.end_reason.clone(),
                may_record: matches!(o.role, PlacementRole::Coach | PlacementRole::Employer)
                    && matches!(p.state, PlacementState::Agreed | PlacementState::Active)
                    && p.starts_on <= today,
                version: p.version,
            }
        })
        .collect();
    let show_candidates = view.may_offer;
    let candidates = if show_candidates {
        state
            .service
            .gig_candidates(&session.actor, id, TOP, today)
            .await?
            .into_iter()
            .map(|c| {
                let mut fits: Vec<&'static str> =
                    c.candidate.fits.iter().filter_map(|f| fit_key(f)).collect();
                fits.dedup();
                CandidateRow {
                    rank: c.candidate.rank,
                    participant: c.participant.as_ref().map(|(p, _)| p.to_string()),
                    name: c.participant.map(|(_, n)| n),
                    fits,
                    to_check: c
                        .candidate
                        .to_check
                        .iter()
                        .filter_map(|d| Dimension::parse(d).ok())
                        .map(|d| dimension_label(d, ctx.locale))
                        .collect(),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    render_status(
        status,
        &Page {
            ctx,
            gig: GigRow::of(&view, ctx.locale),
            may_offer: view.may_offer && view.gig.state == polku_domain::GigState::Open,
            cancel_version: view.may_cancel.then_some(view.gig.version),
            offers,
            show_candidates,
            candidates,
            error,
        },
    )
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
) -> WebResult<Response> {
    page(&state, &ctx, &session, gig_id(&id)?, None, StatusCode::OK).await
}

/// A refused action: the page again with the rule's message (422); anything else as usual.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    id: GigId,
    e: ServiceError,
) -> WebResult<Response> {
    let key = match e {
        ServiceError::Invalid(DomainError::Rule { rule, .. }) => rule_key(rule),
        ServiceError::Conflict { .. } => "gig-error-conflict".to_owned(),
        other => return Err(other.into()),
    };
    page(
        state,
        ctx,
        session,
        id,
        Some(key),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

pub async fn offer(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = gig_id(&id)?;
    let participant =
        ParticipantId::parse(&fields.get("participant")).map_err(|_| WebError::NotFound)?;
    match state
        .service
        .offer_gig(&session.actor, id, participant, format::today())
        .await
    {
        Ok(_) => Ok(see_other_saved(&format!("/gigs/{id}"), Notice::GigOffer)),
        Err(e) => refused(&state, &ctx, &session, id, e).await,
    }
}

pub async fn result(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path((id, placement)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = gig_id(&id)?;
    let placement = PlacementId::parse(&placement).map_err(|_| WebError::NotFound)?;
    let version: i64 = fields
        .get("version")
        .parse()
        .map_err(|_| WebError::NotFound)?;
    let result = match fields.get("done").as_str() {
        "yes" => match GigHours::parse(&fields.get("hours")) {
            Ok(h) => GigResult::Done(h),
            Err(_) => {
                return page(
                    &state,
                    &ctx,
                    &session,
                    id,
                    Some("rule-gig-hours-range".into()),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
        },
        "no" => GigResult::DidNotHappen(fields.get("reason")),
        _ => {
            return page(
                &state,
                &ctx,
                &session,
                id,
                Some("gig-error-choose-result".into()),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    match state
        .service
        .record_gig_result(&session.actor, placement, result, version, format::today())
        .await
    {
        Ok(_) => Ok(see_other_saved(&format!("/gigs/{id}"), Notice::GigResult)),
        Err(e) => refused(&state, &ctx, &session, id, e).await,
    }
}

/// Cancels the gig (an employer user of the employer or a coordinator): version-checked and
/// audited by the service; a gig no longer open or a stale version shows the page again with
/// the reason and changes nothing.
pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> WebResult<Response> {
    let id = gig_id(&id)?;
    let version: i64 = fields.get("version").parse().unwrap_or(0);
    match state.service.cancel_gig(&session.actor, id, version).await {
        Ok(_) => Ok(see_other_saved(
            &format!("/gigs/{id}"),
            Notice::GigCancelled,
        )),
        Err(e) => refused(&state, &ctx, &session, id, e).await,
    }
}
