//! What the mentoring pages share: names of states and levels, dates and hours as shown, and
//! the evidence rows both the placement page and the coach's page list.

use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::middleware::session::Session;
use crate::pages::labels::{data_lang, dimension_label};
use crate::state::AppState;
use polku_domain::{
    EvidenceState, EvidenceWhat, FeedbackLevel, ParticipantId, PlacementId, PlacementState,
};

pub struct MonthRow {
    pub month: String,
    pub hours: String,
    pub checkins: i64,
}

pub struct EvidenceRow {
    pub id: String,
    pub what: String,
    pub source: String,
    pub version: i64,
}

/// The catalogue key of a feedback level.
pub fn level_key(l: FeedbackLevel) -> &'static str {
    match l {
        FeedbackLevel::Independent => "mentor-level-independent",
        FeedbackLevel::WithSupport => "mentor-level-with-support",
        FeedbackLevel::NotYet => "mentor-level-not-yet",
    }
}

/// The catalogue key of a placement state.
pub fn state_key(s: PlacementState) -> &'static str {
    match s {
        PlacementState::Prepared => "mentor-state-prepared",
        PlacementState::Proposed => "mentor-state-proposed",
        PlacementState::Agreed => "mentor-state-agreed",
        PlacementState::Active => "mentor-state-active",
        PlacementState::Completed => "mentor-state-completed",
        PlacementState::Interrupted => "mentor-state-interrupted",
        PlacementState::Declined => "mentor-state-declined",
        PlacementState::Withdrawn => "mentor-state-withdrawn",
    }
}

/// "3.2.2027–28.2.2027" (or from the start on, when open-ended).
pub fn period(locale: crate::i18n::Locale, from: time::Date, to: Option<time::Date>) -> String {
    let f = crate::html::format::date(locale, from);
    match to {
        Some(t) => format!("{f}–{}", crate::html::format::date(locale, t)),
        None => format!("{f}–"),
    }
}

/// Minutes as hours with one decimal ("1,5 h" / "1.5 h").
pub fn hours(locale: crate::i18n::Locale, minutes: u32) -> String {
    format!(
        "{}{}h",
        crate::html::format::decimal(locale, f64::from(minutes) / 60.0, 1),
        crate::html::format::NBSP
    )
}

/// The participant's open evidence (of one placement, or all), as rows.
pub async fn evidence_rows(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    participant: ParticipantId,
    placement: Option<PlacementId>,
) -> WebResult<Vec<EvidenceRow>> {
    let items: Vec<_> = state
        .service
        .evidence(&session.actor, participant)
        .await?
        .into_iter()
        .filter(|e| e.state == EvidenceState::Open)
        .filter(|e| placement.is_none_or(|p| e.placement_id == p))
        .collect();
    let uris: Vec<_> = items
        .iter()
        .filter_map(|e| match &e.what {
            EvidenceWhat::Skill { skill } => Some(skill.clone()),
            EvidenceWhat::Functioning { .. } => None,
        })
        .collect();
    let labels = if uris.is_empty() {
        Vec::new()
    } else {
        state
            .service
            .esco_labels(&uris, data_lang(ctx.locale))
            .await?
    };
    Ok(items
        .into_iter()
        .map(|e| {
            let what = match &e.what {
                EvidenceWhat::Skill { skill } => {
                    let name = labels
                        .iter()
                        .find(|h| h.uri == *skill)
                        .map_or_else(|| skill.as_str().to_owned(), |h| h.label.clone());
                    ctx.ts("mentor-evidence-skill", "skill", &name)
                }
                EvidenceWhat::Functioning { dimension, level } => ctx.ts2(
                    "mentor-evidence-functioning",
                    "dimension",
                    &dimension_label(*dimension, ctx.locale),
                    "level",
                    &level.get().to_string(),
                ),
            };
            EvidenceRow {
                id: e.id.to_string(),
                what,
                source: ctx.ts2(
                    "mentor-evidence-source",
                    "employer",
                    &e.source_employer,
                    "period",
                    &period(ctx.locale, e.source_from, e.source_to),
                ),
                version: e.version,
            }
        })
        .collect())
}
