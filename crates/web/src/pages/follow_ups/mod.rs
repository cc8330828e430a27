//! Follow-ups after hiring (staying in work): the record form of one follow-up, and the lines
//! of the coach's start page. The participant's own coach only (the service answers 404 to
//! anyone else). After a save with "needs re-crafting" ticked the page offers a button that
//! opens the crafting page with the placement's employer and current tasks.

mod record;

use crate::html::ctx::Ctx;
use crate::i18n::Arg;
use crate::pages::home::Line;
use crate::pages::participants::common::fmt_date;
use crate::policy::{Policy, Routes};
use polku_domain::{RetentionCheckpoint, Role, StillWorking};
use polku_service::follow_ups::FollowUpView;

const COACH: Policy = Policy::AnyRole(&[Role::Coach]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/follow-ups/{id}", COACH, record::show)
        .post("/follow-ups/{id}", COACH, record::submit)
}

/// The catalogue key of a checkpoint's name.
pub fn checkpoint_key(c: RetentionCheckpoint) -> &'static str {
    match c {
        RetentionCheckpoint::OneMonth => "follow-up-checkpoint-1m",
        RetentionCheckpoint::ThreeMonths => "follow-up-checkpoint-3m",
        RetentionCheckpoint::SixMonths => "follow-up-checkpoint-6m",
        RetentionCheckpoint::TwelveMonths => "follow-up-checkpoint-12m",
    }
}

/// The catalogue key of an answer to "still working?".
pub fn still_working_key(s: StillWorking) -> &'static str {
    match s {
        StillWorking::SameEmployer => "follow-up-still-same-employer",
        StillWorking::OtherEmployer => "follow-up-still-other-employer",
        StillWorking::NotWorking => "follow-up-still-not-working",
    }
}

/// "Employer, 3 months, due 28.2.2027" with how late it is and whether the placement ended.
pub fn detail(ctx: &Ctx, v: &FollowUpView) -> String {
    let due = fmt_date(ctx.locale, v.follow_up.due_on);
    let checkpoint = ctx.t(checkpoint_key(v.follow_up.checkpoint));
    let mut out = ctx.i18n.text_with(
        ctx.locale,
        "follow-up-line",
        &[
            ("employer", Arg::Str(&v.employer_name)),
            ("checkpoint", Arg::Str(&checkpoint)),
            ("due", Arg::Str(&due)),
        ],
    );
    if v.days_overdue > 0 {
        out.push_str(", ");
        out.push_str(&ctx.tn("follow-up-days-overdue", "n", v.days_overdue));
    }
    if let Some(ended) = v.placement_ended_on {
        out.push_str(". ");
        out.push_str(&ctx.ts(
            "follow-up-placement-ended",
            "date",
            &fmt_date(ctx.locale, ended),
        ));
    }
    out
}

/// The start page's lines for a list of follow-ups, each linked to its record form.
pub fn lines(ctx: &Ctx, list: &[FollowUpView]) -> Vec<Line> {
    list.iter()
        .map(|v| Line {
            href: format!("/follow-ups/{}", v.follow_up.id),
            name: v.participant_name.clone(),
            detail: detail(ctx, v),
        })
        .collect()
}
