//! The start page after sign-in. A coach sees the day: today's meetings (Helsinki time),
//! overdue plan steps, long waits and follow-ups after hiring (overdue and due this week), each linked to the participant, from the coach's own
//! caseload (the reads are audited as service delivery). A participant gets a plain-language
//! page of what they can do; everyone else the links to their areas.

use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::format;
use crate::html::{render, see_other};
use crate::pages::participants::common::{fmt_date, from_helsinki, PURPOSE};
use crate::policy::{has_any_role, Policy, Routes};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use polku_domain::Role;
use polku_service::home::{CoachDay, Day};
use time::{OffsetDateTime, Time};

pub fn routes() -> Routes {
    Routes::new().get("/", Policy::Public, index)
}

/// One line of a list on the coach's day, linked to the participant.
#[derive(Debug)]
pub struct Line {
    pub href: String,
    pub name: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "home/index.html")]
struct Home<'a> {
    ctx: &'a Ctx,
    coach: Option<CoachLists>,
    /// A workplace mentor's trialists (`None` for everyone else).
    trialists: Option<Vec<crate::pages::mentoring::Card>>,
    participant: bool,
    /// An employer user's proposals waiting for their answer.
    proposals: Option<Vec<crate::pages::proposals::Line>>,
}

struct CoachLists {
    meetings: Vec<Line>,
    overdue: Vec<Line>,
    waits: Vec<Line>,
    /// Proposals a coordinator prepared, waiting for the coach to confirm.
    prepared: Vec<Line>,
    /// Follow-ups after hiring: overdue, and due this week.
    follow_ups_overdue: Vec<Line>,
    follow_ups_week: Vec<Line>,
}

fn time_of_day(ctx: &Ctx, at: OffsetDateTime) -> String {
    format::clock(ctx.locale, format::in_helsinki(at).time())
}

fn follow_up_lines(ctx: &Ctx, list: &[polku_service::follow_ups::FollowUpView]) -> Vec<Line> {
    list.iter()
        .map(|v| {
            let (href, name, detail) = crate::pages::follow_ups::text::line(ctx, v);
            Line { href, name, detail }
        })
        .collect()
}

/// The ESF+ six-month follow-ups whose due day passes `keep`, as lines to the ESF+ tab.
fn esf_lines(
    ctx: &Ctx,
    list: &[polku_service::store::DueSixMonths],
    keep: impl Fn(time::Date) -> bool,
) -> Vec<Line> {
    list.iter()
        .filter(|d| keep(d.due_on))
        .map(|d| Line {
            href: format!("/participants/{}/esf#six-months", d.participant_id),
            name: format!("{} {}", d.given_name, d.family_name),
            detail: ctx.ts("esf-home-due", "date", &format::date(ctx.locale, d.due_on)),
        })
        .collect()
}

fn lists(ctx: &Ctx, day: CoachDay) -> CoachLists {
    let today = format::today();
    let name = |s: &polku_service::store::ParticipantSummary| {
        (
            format!("/participants/{}", s.id),
            format!("{} {}", s.given_name, s.family_name),
        )
    };
    CoachLists {
        prepared: day
            .prepared
            .iter()
            .map(|p| {
                let (_, name) = name(&p.participant);
                Line {
                    href: format!("/placements/{}", p.placement),
                    name,
                    detail: p.employer_name.clone(),
                }
            })
            .collect(),
        follow_ups_overdue: follow_up_lines(ctx, &day.follow_ups.overdue)
            .into_iter()
            .chain(esf_lines(ctx, &day.esf_six_months, |due| due < today))
            .collect(),
        follow_ups_week: follow_up_lines(ctx, &day.follow_ups.this_week)
            .into_iter()
            .chain(esf_lines(ctx, &day.esf_six_months, |due| due >= today))
            .collect(),
        meetings: day
            .meetings
            .iter()
            .map(|m| {
                let (href, name) = name(&m.participant);
                Line {
                    href: format!("{href}/meetings"),
                    name,
                    detail: time_of_day(ctx, m.at),
                }
            })
            .collect(),
        overdue: day
            .overdue
            .iter()
            .map(|s| {
                let (href, name) = name(&s.participant);
                Line {
                    href: format!("{href}/plan"),
                    name,
                    detail: ctx.ts2(
                        "home-overdue-step",
                        "step",
                        &s.text,
                        "date",
                        &fmt_date(ctx.locale, s.due),
                    ),
                }
            })
            .collect(),
        waits: day
            .waits
            .iter()
            .map(|w| {
                let (href, name) = name(&w.participant);
                Line {
                    href,
                    name,
                    detail: ctx.tn("home-wait-days", "n", w.days),
                }
            })
            .collect(),
    }
}

async fn index(ctx: Ctx, State(state): State<AppState>) -> WebResult<Response> {
    let Some(session) = ctx.session.clone() else {
        return Ok(see_other("/sign-in"));
    };
    let coach = if has_any_role(&session, &[Role::Coach]) {
        let today = format::today();
        let day = Day {
            today,
            start: from_helsinki(today, Time::MIDNIGHT),
            end: from_helsinki(today.next_day().unwrap_or(today), Time::MIDNIGHT),
        };
        let d = state
            .service
            .coach_day(&session.actor, day, PURPOSE)
            .await?;
        Some(lists(&ctx, d))
    } else {
        None
    };
    let trialists = if has_any_role(&session, &[Role::Mentor]) {
        let list = state.service.my_trialists(&session.actor).await?;
        Some(crate::pages::mentoring::cards(&ctx, list))
    } else {
        None
    };
    let participant = ctx.nav.is_empty() && has_any_role(&session, &[Role::Participant]);
    let proposals = if has_any_role(&session, &[Role::Employer]) {
        let all = state.service.my_employer_placements(&session.actor).await?;
        Some(crate::pages::proposals::lists(&ctx, all).waiting)
    } else {
        None
    };
    render(&Home {
        ctx: &ctx,
        coach,
        trialists,
        participant,
        proposals,
    })
}
