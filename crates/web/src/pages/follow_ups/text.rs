//! The words of a follow-up: its checkpoint, the answer to "still working?" and the one-line
//! summary the start page and the record form show.

use crate::html::ctx::Ctx;
use crate::i18n::Arg;
use crate::pages::participants::common::fmt_date;
use polku_domain::{RetentionCheckpoint, StillWorking};
use polku_service::follow_ups::FollowUpView;

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

/// A start page line of a follow-up: (link to its record form, participant's name, detail).
pub fn line(ctx: &Ctx, v: &FollowUpView) -> (String, String, String) {
    (
        format!("/follow-ups/{}", v.follow_up.id),
        v.participant_name.clone(),
        detail(ctx, v),
    )
}
