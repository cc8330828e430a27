//! The coach's start page: today's meetings, overdue plan steps, long waits and the follow-ups
//! after hiring due this week or overdue, from the coach's own caseload only. The caseload listing is audited per hit as on the caseload page,
//! and each plan read is audited as a read of the participant's plan.

use crate::participants::CaseloadLine;
use crate::store::ParticipantSummary;
use crate::{Actor, Result, Service};
use polku_domain::{PlacementId, PlacementState, ProjectId, Role};
use time::{Date, OffsetDateTime};

/// Days without a meeting (and with none booked) after which a participant is a long wait.
pub const LONG_WAIT_DAYS: i64 = 30;

/// A meeting on the coach's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayMeeting {
    pub participant: ParticipantSummary,
    pub at: OffsetDateTime,
}

/// A plan step past its due date and not done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueStep {
    pub participant: ParticipantSummary,
    pub text: String,
    pub due: Date,
}

/// A participant with no meeting for [`LONG_WAIT_DAYS`] or more and none booked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongWait {
    pub participant: ParticipantSummary,
    /// Days since the last meeting, or since the path started when there has been none.
    pub days: i64,
    pub last_meeting: Option<OffsetDateTime>,
}

/// A proposal a coordinator prepared for one of the coach's participants, waiting for the
/// coach to confirm it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedProposal {
    pub participant: ParticipantSummary,
    pub placement: PlacementId,
    pub employer_name: String,
}

/// What the coach's start page shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CoachDay {
    pub meetings: Vec<DayMeeting>,
    pub overdue: Vec<OverdueStep>,
    pub waits: Vec<LongWait>,
    pub prepared: Vec<PreparedProposal>,
    /// Follow-ups after hiring: overdue and due this week (audited as `placement` reads).
    pub follow_ups: crate::follow_ups::DueFollowUps,
    /// ESF+ six-month follow-ups after leaving not yet recorded, overdue or due this week.
    pub esf_six_months: Vec<crate::store::DueSixMonths>,
}

/// The local day as UTC instants: from `start` (inclusive) to `end` (exclusive), with `today`
/// its date. The caller works these out in the user's time zone (Europe/Helsinki).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub today: Date,
    pub start: OffsetDateTime,
    pub end: OffsetDateTime,
}

impl Service {
    /// The coach's day across the projects where the actor is a coach. Others get an empty day.
    pub async fn coach_day(&self, actor: &Actor, day: Day, purpose: &str) -> Result<CoachDay> {
        let Actor::User { id, grants } = actor else {
            return Ok(CoachDay::default());
        };
        let projects: Vec<ProjectId> = grants
            .iter()
            .filter(|g| g.role == Role::Coach)
            .filter_map(|g| g.project)
            .collect();
        let now = OffsetDateTime::now_utc();
        let mut out = CoachDay::default();
        if !projects.is_empty() {
            out.follow_ups = self.due_follow_ups(actor, day.today).await?;
            out.esf_six_months = self.due_six_month_follow_ups(actor, day.today).await?;
        }
        for project in projects {
            let lines: Vec<CaseloadLine> =
                self.caseload_overview(actor, project, now, purpose).await?;
            // Start times only, for the people just listed (the listing above is the audited read).
            let times = self.store().meeting_times(project, Some(*id)).await?;
            for p in self.caseload_placements(actor, project).await? {
                if p.state != PlacementState::Prepared {
                    continue;
                }
                if let Some(line) = lines.iter().find(|l| l.summary.id == p.participant_id) {
                    out.prepared.push(PreparedProposal {
                        participant: line.summary.clone(),
                        placement: p.id,
                        employer_name: self
                            .store()
                            .get_employer(p.employer_id)
                            .await?
                            .map_or_else(String::new, |e| e.name),
                    });
                }
            }
            for line in lines.iter().filter(|l| !l.exited()) {
                let who = &line.summary;
                for (_, at) in times
                    .iter()
                    .filter(|(p, at)| *p == who.id && *at >= day.start && *at < day.end)
                {
                    out.meetings.push(DayMeeting {
                        participant: who.clone(),
                        at: *at,
                    });
                }
                for item in self.plan_items(actor, who.id, purpose).await? {
                    if let (None, Some(due)) = (item.done_at, item.due) {
                        if due < day.today {
                            out.overdue.push(OverdueStep {
                                participant: who.clone(),
                                text: item.text,
                                due,
                            });
                        }
                    }
                }
                if line.next_meeting.is_none() {
                    let since = line.last_meeting.map_or(who.waiting_since, |at| at.date());
                    let days = (day.today - since).whole_days();
                    if days >= LONG_WAIT_DAYS {
                        out.waits.push(LongWait {
                            participant: who.clone(),
                            days,
                            last_meeting: line.last_meeting,
                        });
                    }
                }
            }
        }
        out.meetings.sort_by_key(|m| m.at);
        out.overdue.sort_by_key(|s| s.due);
        out.waits.sort_by_key(|w| std::cmp::Reverse(w.days));
        Ok(out)
    }
}
