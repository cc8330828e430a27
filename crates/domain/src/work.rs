//! Placements: a participant at an employer in a work trial, an education trial, a job, an
//! apprenticeship or a gig, from the proposal to its end (DESIGN.md §6; the trial rules are in
//! `docs/finnish-rules.md` §3).
//!
//! A placement starts as a proposal. A coordinator may *prepare* one, which the participant's
//! coach confirms; the coach's own proposal goes out at once. The employer answers yes (the
//! placement is *agreed*), "let's meet first" (it stays *proposed*) or no with a reason
//! (*declined*). An agreed placement becomes *active* when it starts and *ended* when it is
//! completed or interrupted with a reason. Before it is agreed, the coach may withdraw it.

use crate::{
    DataCategory, DomainError, EmployerId, OpeningId, OpeningKind, ParticipantId, PlacementId,
    ProjectId, TaskId, UserId,
};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// The kinds of placement are the kinds of opening: work trial (työkokeilu), education trial
/// (koulutuskokeilu), job, apprenticeship (oppisopimus) and gig (keikka).
pub type PlacementKind = OpeningKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlacementState {
    /// Prepared by a coordinator; the participant's coach has not yet confirmed it.
    Prepared,
    /// Sent to the employer, waiting for the answer (or a meeting first).
    Proposed,
    /// The employer said yes; the terms (and for a trial the written agreement) are settled.
    Agreed,
    /// Started.
    Active,
    /// Ended as planned.
    Completed,
    /// Ended early, with a reason.
    Interrupted,
    /// The employer said no, with a reason.
    Declined,
    /// Withdrawn by the coach before it was agreed.
    Withdrawn,
}

impl PlacementState {
    pub const ALL: [PlacementState; 8] = [
        PlacementState::Prepared,
        PlacementState::Proposed,
        PlacementState::Agreed,
        PlacementState::Active,
        PlacementState::Completed,
        PlacementState::Interrupted,
        PlacementState::Declined,
        PlacementState::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PlacementState::Prepared => "prepared",
            PlacementState::Proposed => "proposed",
            PlacementState::Agreed => "agreed",
            PlacementState::Active => "active",
            PlacementState::Completed => "completed",
            PlacementState::Interrupted => "interrupted",
            PlacementState::Declined => "declined",
            PlacementState::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| DomainError::Invalid {
                field: "state",
                reason: format!("unknown placement state {s:?}"),
            })
    }

    /// Still going somewhere: prepared, proposed, agreed or active.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            PlacementState::Prepared
                | PlacementState::Proposed
                | PlacementState::Agreed
                | PlacementState::Active
        )
    }

    /// Ended after it was agreed: completed or interrupted.
    pub fn is_ended(self) -> bool {
        matches!(
            self,
            PlacementState::Completed | PlacementState::Interrupted
        )
    }

    /// Counts as time spent at the employer (for the trial limits): agreed, active or ended.
    pub fn counts(self) -> bool {
        matches!(
            self,
            PlacementState::Agreed
                | PlacementState::Active
                | PlacementState::Completed
                | PlacementState::Interrupted
        )
    }

    /// The moves the state machine allows. Answers (proposed → agreed, declined) and the coach's
    /// confirmation (prepared → proposed) have their own use cases but follow these edges too.
    pub fn may_move_to(self, to: PlacementState) -> bool {
        use PlacementState::*;
        matches!(
            (self, to),
            (Prepared, Proposed)
                | (Prepared, Withdrawn)
                | (Proposed, Agreed)
                | (Proposed, Declined)
                | (Proposed, Withdrawn)
                | (Agreed, Active)
                | (Agreed, Interrupted)
                | (Active, Completed)
                | (Active, Interrupted)
        )
    }
}

/// The employer's answer to a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployerAnswer {
    Yes,
    /// "Let's meet first": the proposal stays open.
    Meet,
    /// "No, because …": the reason is required.
    No,
}

impl EmployerAnswer {
    pub const ALL: [EmployerAnswer; 3] = [
        EmployerAnswer::Yes,
        EmployerAnswer::Meet,
        EmployerAnswer::No,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EmployerAnswer::Yes => "yes",
            EmployerAnswer::Meet => "meet",
            EmployerAnswer::No => "no",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| DomainError::Invalid {
                field: "answer",
                reason: format!("unknown answer {s:?}"),
            })
    }
}

/// How the employer's answer reached Polku: given in the service by an employer user, or told
/// to the coach (or a coordinator) by phone or e-mail and recorded by them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerChannel {
    Service,
    Phone,
    Email,
}

impl AnswerChannel {
    pub const ALL: [AnswerChannel; 3] = [
        AnswerChannel::Service,
        AnswerChannel::Phone,
        AnswerChannel::Email,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AnswerChannel::Service => "service",
            AnswerChannel::Phone => "phone",
            AnswerChannel::Email => "email",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| DomainError::Invalid {
                field: "via",
                reason: format!("unknown channel {s:?}"),
            })
    }
}

/// A placement with its terms and history facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    pub id: PlacementId,
    pub project_id: ProjectId,
    pub participant_id: ParticipantId,
    pub employer_id: EmployerId,
    /// The opening it fills, if any (a crafted job or a gig may have none).
    pub opening_id: Option<OpeningId>,
    pub kind: PlacementKind,
    /// A job with pay subsidy (palkkatuki).
    pub pay_subsidy: bool,
    pub state: PlacementState,
    /// The tasks, from the employer's inventory.
    pub tasks: Vec<TaskId>,
    pub starts_on: Date,
    /// Required for trials and gigs; `None` for an open-ended job.
    pub ends_on: Option<Date>,
    pub hours_per_day: u8,
    pub days_per_week: u8,
    pub mentor_id: Option<UserId>,
    /// The participant's coach when it was proposed.
    pub coach_id: UserId,
    /// Who prepared or proposed it.
    pub proposed_by: UserId,
    /// When it was sent to the employer (`None` while prepared).
    pub proposed_at: Option<OffsetDateTime>,
    /// The field groups disclosed to the employer with it.
    pub categories: Vec<DataCategory>,
    pub answer: Option<EmployerAnswer>,
    pub answer_reason: Option<String>,
    /// When the employer answered (for an answer told by phone or e-mail, the day given, at
    /// noon UTC, unless it is today).
    pub answered_at: Option<OffsetDateTime>,
    /// Who gave the answer in the service, or who recorded an answer told another way.
    pub answered_by: Option<UserId>,
    /// How the answer came (`None` before an answer, and for answers stored before this was
    /// recorded).
    #[serde(default)]
    pub answer_via: Option<AnswerChannel>,
    /// For an answer told by phone or e-mail: the employer's person who gave it.
    #[serde(default)]
    pub answer_contact: Option<String>,
    /// Why it was interrupted, declined or withdrawn.
    pub end_reason: Option<String>,
    pub ended_on: Option<Date>,
    /// The gig it fills, for a placement of kind gig offered from a posted gig.
    #[serde(default)]
    pub gig_id: Option<crate::GigId>,
    /// A gig's result: the hours actually worked (`None` until recorded, or when it did not
    /// happen).
    #[serde(default)]
    pub gig_hours: Option<crate::GigHours>,
    pub created_at: OffsetDateTime,
    pub version: i64,
}

/// A broken rule: the field it concerns and a stable rule code (the API's error key, and
/// `rule-<code>` in the web catalogues).
fn rule(field: &'static str, code: &'static str) -> DomainError {
    DomainError::Rule { field, rule: code }
}

impl Placement {
    /// Days the placement lasts (both ends counted), `None` when open-ended.
    pub fn days(&self) -> Option<i64> {
        self.ends_on.map(|e| (e - self.starts_on).whole_days() + 1)
    }

    /// Checks the terms against the law and against the participant's `earlier` placements
    /// (any state; those that never started are ignored). Field names are the API's.
    pub fn validate_terms(&self, earlier: &[Placement]) -> Result<(), DomainError> {
        if self.tasks.is_empty() {
            return Err(rule("tasks", "placement_needs_tasks"));
        }
        if let Some(end) = self.ends_on {
            if end < self.starts_on {
                return Err(rule("end", "end_before_start"));
            }
        }
        if !(1..=7).contains(&self.days_per_week) {
            return Err(rule("days_per_week", "days_per_week_range"));
        }
        if !(1..=12).contains(&self.hours_per_day) {
            return Err(rule("hours_per_day", "hours_per_day_range"));
        }
        let others: Vec<&Placement> = earlier
            .iter()
            .filter(|p| p.id != self.id && p.state.counts())
            .collect();
        match self.kind {
            OpeningKind::WorkTrial => {
                if !(4..=8).contains(&self.hours_per_day) {
                    return Err(rule("hours_per_day", "work_trial_hours_per_day"));
                }
                if self.days_per_week > 5 {
                    return Err(rule("days_per_week", "work_trial_days_per_week"));
                }
                let Some(end) = self.ends_on else {
                    return Err(rule("end", "trial_needs_end"));
                };
                if others.iter().any(|p| {
                    p.employer_id == self.employer_id
                        && matches!(p.kind, OpeningKind::Job | OpeningKind::Apprenticeship)
                        && matches!(p.state, PlacementState::Agreed | PlacementState::Active)
                }) {
                    return Err(rule("employer", "work_trial_at_own_workplace"));
                }
                let trials = |same_employer: bool| -> Vec<(Date, Date)> {
                    others
                        .iter()
                        .filter(|p| p.kind == OpeningKind::WorkTrial)
                        .filter(|p| !same_employer || p.employer_id == self.employer_id)
                        .map(|p| (p.starts_on, p.ended_on.or(p.ends_on).unwrap_or(p.starts_on)))
                        .chain([(self.starts_on, end)])
                        .collect()
                };
                if exceeds_months(&trials(true), 6) {
                    return Err(rule("end", "work_trial_six_months_per_organiser"));
                }
                if exceeds_months(&trials(false), 12) {
                    return Err(rule("end", "work_trial_twelve_months_total"));
                }
            }
            OpeningKind::EducationTrial => {
                let Some(days) = self.days() else {
                    return Err(rule("end", "trial_needs_end"));
                };
                if days > 10 {
                    return Err(rule("end", "education_trial_ten_days"));
                }
                if self.days_per_week > 5 {
                    return Err(rule("days_per_week", "work_trial_days_per_week"));
                }
            }
            OpeningKind::Gig => {
                if self.ends_on.is_none() {
                    return Err(rule("end", "gig_needs_end"));
                }
            }
            OpeningKind::Job | OpeningKind::Apprenticeship => {}
        }
        if self.pay_subsidy && self.kind != OpeningKind::Job {
            return Err(rule("pay_subsidy", "pay_subsidy_only_for_jobs"));
        }
        Ok(())
    }
}

/// Days covered by the union of the periods (inclusive).
fn days_covered(periods: &[(Date, Date)]) -> i64 {
    union(periods)
        .iter()
        .map(|(a, b)| (*b - *a).whole_days() + 1)
        .sum()
}

/// The periods merged where they overlap or touch, sorted.
fn union(periods: &[(Date, Date)]) -> Vec<(Date, Date)> {
    let mut v: Vec<(Date, Date)> = periods.iter().map(|&(a, b)| (a.min(b), a.max(b))).collect();
    v.sort();
    let mut out: Vec<(Date, Date)> = Vec::new();
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if a <= last.1.next_day().unwrap_or(last.1) => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Whether the periods together last longer than `months` calendar months: the days covered
/// are compared with the days from the first start to the same day `months` months later (so
/// one unbroken trial from 1 Jan may run to 30 Jun, not to 1 Jul).
fn exceeds_months(periods: &[(Date, Date)], months: u8) -> bool {
    let merged = union(periods);
    let Some(&(first, _)) = merged.first() else {
        return false;
    };
    let allowed = (add_months(first, months) - first).whole_days();
    days_covered(&merged) > allowed
}

/// The same day `n` months later, clamped to the month's last day (31 Aug + 6 → 28/29 Feb).
pub fn add_months(d: Date, n: u8) -> Date {
    let m0 = d.month() as i32 - 1 + i32::from(n);
    let year = d.year() + m0 / 12;
    let month = time::Month::try_from((m0 % 12 + 1) as u8).unwrap_or(time::Month::January);
    let day = d.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn trial(start: Date, end: Date, h: u8, d: u8) -> Placement {
        Placement {
            id: PlacementId::new(),
            project_id: ProjectId(uuid::Uuid::nil()),
            participant_id: ParticipantId(uuid::Uuid::nil()),
            employer_id: EmployerId(uuid::Uuid::nil()),
            opening_id: None,
            kind: OpeningKind::WorkTrial,
            pay_subsidy: false,
            state: PlacementState::Proposed,
            tasks: vec![TaskId::new()],
            starts_on: start,
            ends_on: Some(end),
            hours_per_day: h,
            days_per_week: d,
            mentor_id: None,
            coach_id: UserId(uuid::Uuid::nil()),
            proposed_by: UserId(uuid::Uuid::nil()),
            proposed_at: None,
            categories: vec![],
            answer: None,
            answer_reason: None,
            answered_at: None,
            answered_by: None,
            answer_via: None,
            answer_contact: None,
            gig_id: None,
            gig_hours: None,
            end_reason: None,
            ended_on: None,
            created_at: datetime!(2026-01-01 0:00 UTC),
            version: 1,
        }
    }

    fn code(p: &Placement, earlier: &[Placement]) -> Option<(&'static str, &'static str)> {
        match p.validate_terms(earlier) {
            Ok(()) => None,
            Err(DomainError::Rule { field, rule }) => Some((field, rule)),
            Err(e) => panic!("unexpected {e}"),
        }
    }

    #[test]
    fn work_trial_hours_days_and_six_months() {
        assert_eq!(
            code(
                &trial(date!(2026 - 01 - 01), date!(2026 - 06 - 30), 6, 5),
                &[]
            ),
            None
        );
        assert_eq!(
            code(
                &trial(date!(2026 - 01 - 01), date!(2026 - 07 - 01), 6, 5),
                &[]
            ),
            Some(("end", "work_trial_six_months_per_organiser"))
        );
        assert_eq!(
            code(
                &trial(date!(2026 - 09 - 01), date!(2027 - 02 - 28), 6, 5),
                &[]
            ),
            None
        );
        assert_eq!(
            code(
                &trial(date!(2026 - 09 - 01), date!(2027 - 03 - 01), 6, 5),
                &[]
            ),
            Some(("end", "work_trial_six_months_per_organiser"))
        );
        assert_eq!(
            code(
                &trial(date!(2026 - 01 - 01), date!(2026 - 02 - 01), 3, 5),
                &[]
            ),
            Some(("hours_per_day", "work_trial_hours_per_day"))
        );
        assert_eq!(
            code(
                &trial(date!(2026 - 01 - 01), date!(2026 - 02 - 01), 9, 5),
                &[]
            ),
            Some(("hours_per_day", "work_trial_hours_per_day"))
        );
        assert_eq!(
            code(
                &trial(date!(2026 - 01 - 01), date!(2026 - 02 - 01), 4, 6),
                &[]
            ),
            Some(("days_per_week", "work_trial_days_per_week"))
        );
        assert_eq!(
            code(
                &trial(date!(2026 - 02 - 01), date!(2026 - 01 - 01), 4, 5),
                &[]
            ),
            Some(("end", "end_before_start"))
        );
    }

    #[test]
    fn earlier_trials_count_towards_both_limits() {
        let mut earlier = trial(date!(2026 - 01 - 01), date!(2026 - 03 - 31), 6, 5);
        earlier.state = PlacementState::Completed;
        // Three months earlier + four now at the same organiser: over six.
        let now = trial(date!(2026 - 05 - 01), date!(2026 - 08 - 31), 6, 5);
        assert_eq!(
            code(&now, std::slice::from_ref(&earlier)),
            Some(("end", "work_trial_six_months_per_organiser"))
        );
        // At another organiser the six-month limit does not apply, the total does not bite yet.
        let mut elsewhere = now.clone();
        elsewhere.employer_id = EmployerId::new();
        assert_eq!(code(&elsewhere, std::slice::from_ref(&earlier)), None);
        // Six months elsewhere before, and seven months now in three other places: over twelve.
        let mut long = trial(date!(2025 - 01 - 01), date!(2025 - 06 - 30), 6, 5);
        long.employer_id = EmployerId::new();
        long.state = PlacementState::Completed;
        let mut mid = trial(date!(2025 - 07 - 01), date!(2025 - 12 - 31), 6, 5);
        mid.employer_id = EmployerId::new();
        mid.state = PlacementState::Completed;
        let mut next = trial(date!(2026 - 01 - 01), date!(2026 - 01 - 31), 6, 5);
        next.employer_id = EmployerId::new();
        assert_eq!(
            code(&next, &[long.clone(), mid.clone()]),
            Some(("end", "work_trial_twelve_months_total"))
        );
        // A declined or withdrawn proposal never started and does not count.
        mid.state = PlacementState::Declined;
        assert_eq!(code(&next, &[long, mid]), None);
        // An interrupted trial counts only until it ended.
        let mut cut = trial(date!(2026 - 01 - 01), date!(2026 - 06 - 30), 6, 5);
        cut.state = PlacementState::Interrupted;
        cut.ended_on = Some(date!(2026 - 01 - 31));
        let after = trial(date!(2026 - 03 - 01), date!(2026 - 07 - 15), 6, 5);
        assert_eq!(code(&after, &[cut]), None);
    }

    #[test]
    fn no_work_trial_where_the_person_already_works() {
        let mut job = trial(date!(2025 - 01 - 01), date!(2027 - 01 - 01), 8, 5);
        job.kind = OpeningKind::Job;
        job.state = PlacementState::Active;
        let t = trial(date!(2026 - 03 - 01), date!(2026 - 04 - 30), 6, 5);
        assert_eq!(
            code(&t, std::slice::from_ref(&job)),
            Some(("employer", "work_trial_at_own_workplace"))
        );
        job.state = PlacementState::Completed;
        assert_eq!(code(&t, &[job]), None);
    }

    #[test]
    fn education_trial_ten_days() {
        let mut t = trial(date!(2026 - 01 - 01), date!(2026 - 01 - 10), 4, 5);
        t.kind = OpeningKind::EducationTrial;
        assert_eq!(code(&t, &[]), None);
        t.ends_on = Some(date!(2026 - 01 - 11));
        assert_eq!(code(&t, &[]), Some(("end", "education_trial_ten_days")));
    }

    #[test]
    fn jobs_may_be_open_ended_and_only_jobs_get_pay_subsidy() {
        let mut j = trial(date!(2026 - 01 - 01), date!(2026 - 01 - 10), 8, 5);
        j.kind = OpeningKind::Job;
        j.ends_on = None;
        j.pay_subsidy = true;
        assert_eq!(code(&j, &[]), None);
        j.kind = OpeningKind::Gig;
        assert_eq!(code(&j, &[]), Some(("end", "gig_needs_end")));
        j.ends_on = Some(date!(2026 - 01 - 01));
        assert_eq!(
            code(&j, &[]),
            Some(("pay_subsidy", "pay_subsidy_only_for_jobs"))
        );
    }

    #[test]
    fn state_machine() {
        use PlacementState::*;
        assert!(Prepared.may_move_to(Proposed));
        assert!(Proposed.may_move_to(Agreed));
        assert!(Agreed.may_move_to(Active));
        assert!(Active.may_move_to(Completed));
        assert!(Active.may_move_to(Interrupted));
        assert!(!Proposed.may_move_to(Active));
        assert!(!Completed.may_move_to(Active));
        assert!(!Declined.may_move_to(Agreed));
        assert!(!Active.may_move_to(Withdrawn));
        for s in PlacementState::ALL {
            assert_eq!(PlacementState::parse(s.as_str()).unwrap(), s);
        }
    }
}
