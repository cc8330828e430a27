//! The IPS-25 fidelity self-assessment (issue 12 item 6): the scale as data
//! (`data/ips-fidelity.json`: 25 items with fi/sv/en names, the fidelity bands, and the numeric
//! anchors of the items computed from the case log) and the pure computation of those items
//! from a [`CaseLog`] over a [`ReportFilter`] period, for one coach or a whole project.
//!
//! Pure: the store gathers the log (dates, kinds and ids only; no names, no free text), the
//! service decides who may ask and adds the manager's ratings.

use crate::{EmployerId, OpeningKind, ParticipantId, PlacementState, ReportFilter, UserId};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use time::Date;

/// A text in the three user languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localised {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

impl Localised {
    /// The text in `lang` (`fi`, `sv` or `en`; anything else is Finnish).
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "sv" => &self.sv,
            "en" => &self.en,
            _ => &self.fi,
        }
    }
}

/// One anchor of a computed item: the score given when the figure is at most / at least the
/// bound (none: the lowest score, 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Anchor {
    pub score: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<f64>,
}

/// What the case log can say about an item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Derived {
    pub metric: Metric,
    pub unit: String,
    /// Empty: the figure is evidence for the manager's rating, the scale gives no numeric anchor.
    #[serde(default)]
    pub anchors: Vec<Anchor>,
}

impl Derived {
    /// The score the anchors give `value`, if the scale defines numeric anchors.
    pub fn score(&self, value: f64) -> Option<u8> {
        if self.anchors.is_empty() {
            return None;
        }
        self.anchors
            .iter()
            .find(|a| match (a.at_most, a.at_least) {
                (Some(m), _) => value <= m,
                (None, Some(l)) => value >= l,
                (None, None) => true,
            })
            .map(|a| a.score)
    }
}

/// One item of the scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FidelityItem {
    pub number: u8,
    pub key: String,
    pub section: String,
    pub name: Localised,
    pub about: Localised,
    /// The anchors were checked against the cited scale text.
    pub anchors_verified: bool,
    #[serde(default)]
    pub derived: Option<Derived>,
}

impl FidelityItem {
    /// Whether the case log gives this item its score (the manager rates it otherwise, or when
    /// the log holds too little).
    pub fn is_computed(&self) -> bool {
        self.derived.as_ref().is_some_and(|d| !d.anchors.is_empty())
    }
}

/// A fidelity band of the total score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    pub key: String,
    pub min: u16,
    pub max: u16,
    pub name: Localised,
}

/// Where the scale comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScaleSource {
    pub name: String,
    pub edition: String,
    pub authors: String,
    pub publisher: String,
    pub sources: Vec<String>,
    pub licence: String,
}

/// The whole scale, as shipped in `data/ips-fidelity.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FidelityScale {
    pub scale: ScaleSource,
    pub min_total: u16,
    pub max_total: u16,
    pub bands: Vec<Band>,
    pub sections: BTreeMap<String, Localised>,
    pub items: Vec<FidelityItem>,
}

impl FidelityScale {
    /// The embedded scale (parsed once; a malformed file fails every test).
    pub fn get() -> &'static FidelityScale {
        static SCALE: OnceLock<FidelityScale> = OnceLock::new();
        SCALE.get_or_init(|| {
            serde_json::from_str(include_str!("../../../data/ips-fidelity.json"))
                .unwrap_or_else(|e| panic!("data/ips-fidelity.json is malformed: {e}"))
        })
    }

    pub fn item(&self, number: u8) -> Option<&FidelityItem> {
        self.items.iter().find(|i| i.number == number)
    }

    /// The band of a complete total.
    pub fn band(&self, total: u16) -> Option<&Band> {
        self.bands.iter().find(|b| b.min <= total && total <= b.max)
    }
}

/// The figures the case log gives, by name (`data/ips-fidelity.json` `derived.metric`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Item 1: active participants per coach at the end of the period.
    Caseload,
    /// Item 7: coaches with an active caseload.
    Coaches,
    /// Item 15: mean days from enrolment to the first employer contact about a placement.
    DaysToFirstEmployerContact,
    /// Item 17: face-to-face employer contacts (visits, events) per coach per week.
    EmployerContactsPerWeek,
    /// Item 19: distinct job types among the jobs started, in per cent of the jobs.
    JobTypeDiversity,
    /// Item 20: distinct employers among the jobs started, in per cent of the jobs.
    EmployerDiversity,
    /// Item 21: competitive jobs (job, apprenticeship) among the workplace placements started.
    CompetitiveShare,
    /// Item 22: jobs started with a done follow-up that records the support given.
    FollowAlongSupportShare,
    /// Item 23: jobs started 4–12 months before the period's end with contact after four months.
    FollowAlongFourMonthsShare,
    /// Item 24: meeting time out in the community (outside the office, pop-up points).
    CommunityShare,
}

/// A participant as the log knows them: no name, no personal details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogParticipant {
    pub id: ParticipantId,
    pub coach: Option<UserId>,
    pub enrolled_on: Date,
    /// The day the participant left the service (stage `exited`), if they have.
    pub exited_on: Option<Date>,
}

/// A contact with an employer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogInteraction {
    pub by: UserId,
    pub employer: EmployerId,
    /// `call`, `visit`, `event` or `email`.
    pub kind: String,
    pub on: Date,
}

/// A placement (a work trial, job, apprenticeship, education trial or gig).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogPlacement {
    pub participant: ParticipantId,
    pub coach: UserId,
    pub employer: EmployerId,
    pub kind: OpeningKind,
    pub state: PlacementState,
    pub starts_on: Date,
    /// The day it was sent to the employer (`None` while prepared or when agreed directly).
    pub proposed_on: Option<Date>,
    pub created_on: Date,
    /// The kind of work: the opening's title, else the employer's industry.
    pub job_type: String,
    /// Follow-ups of this placement: when done (if done) and whether support was recorded.
    pub follow_ups: Vec<LogFollowUp>,
}

impl LogPlacement {
    /// The day the employer heard about the person: when it was proposed, or (agreed without a
    /// proposal) when it was recorded. A placement still being prepared is no contact yet.
    pub fn contact_on(&self) -> Option<Date> {
        match (self.proposed_on, self.state) {
            (Some(d), _) => Some(d),
            (None, PlacementState::Prepared) => None,
            (None, _) => Some(self.created_on),
        }
    }

    /// Whether it started (work began): active, completed or interrupted.
    pub fn started(&self) -> bool {
        matches!(
            self.state,
            PlacementState::Active | PlacementState::Completed | PlacementState::Interrupted
        )
    }

    /// A competitive job: paid work on the open labour market (job, apprenticeship).
    pub fn competitive(&self) -> bool {
        matches!(self.kind, OpeningKind::Job | OpeningKind::Apprenticeship)
    }

    /// Work at a workplace (everything but an education trial).
    pub fn at_workplace(&self) -> bool {
        self.kind != OpeningKind::EducationTrial
    }
}

/// A follow-up after hiring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogFollowUp {
    pub done_on: Option<Date>,
    pub support_recorded: bool,
}

/// A meeting with a participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogMeeting {
    pub participant: ParticipantId,
    pub coach: UserId,
    pub on: Date,
    pub minutes: u16,
    /// `office`, `outside_office`, `remote` or `pop_up`.
    pub place: String,
}

impl LogMeeting {
    fn in_community(&self) -> bool {
        matches!(self.place.as_str(), "outside_office" | "pop_up")
    }
    fn face_to_face(&self) -> bool {
        self.place != "remote"
    }
}

/// What the case log holds of one project, for the fidelity figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseLog {
    pub participants: Vec<LogParticipant>,
    pub interactions: Vec<LogInteraction>,
    pub placements: Vec<LogPlacement>,
    pub meetings: Vec<LogMeeting>,
}

/// A computed figure with the counts it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub metric: Metric,
    /// `None`: the log holds nothing to compute it from (the denominator is zero).
    pub value: Option<f64>,
    /// What was counted (e.g. participants, jobs, contacts) …
    pub numerator: u64,
    /// … out of what (e.g. coaches, jobs, weeks × 10).
    pub denominator: u64,
    /// How many records of the log it was computed from.
    pub records: u64,
}

/// Whose figures: one coach, or the whole project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Project,
    Coach(UserId),
}

impl Scope {
    fn covers(self, coach: Option<UserId>) -> bool {
        match self {
            Scope::Project => true,
            Scope::Coach(c) => coach == Some(c),
        }
    }
}

fn ratio(n: u64, d: u64) -> Option<f64> {
    (d > 0).then(|| n as f64 / d as f64)
}

fn percent(n: u64, d: u64) -> Option<f64> {
    ratio(n, d).map(|r| r * 100.0)
}

fn active_at(p: &LogParticipant, day: Date) -> bool {
    p.enrolled_on <= day && p.exited_on.is_none_or(|e| e > day)
}

/// Every figure the log gives for `scope` over the period of `filter` (its other fields are
/// applied by the store when it gathers the log).
pub fn compute(log: &CaseLog, filter: &ReportFilter, scope: Scope) -> BTreeMap<Metric, Figure> {
    let mut out = BTreeMap::new();
    let mut put = |f: Figure| {
        out.insert(f.metric, f);
    };
    let end = filter.to;

    // Items 1 and 7: caseload at the end of the period.
    let active: Vec<&LogParticipant> = log
        .participants
        .iter()
        .filter(|p| p.coach.is_some() && active_at(p, end) && scope.covers(p.coach))
        .collect();
    let coaches: BTreeSet<UserId> = active.iter().filter_map(|p| p.coach).collect();
    let n_active = active.len() as u64;
    let n_coaches = coaches.len() as u64;
    put(Figure {
        metric: Metric::Caseload,
        value: ratio(n_active, n_coaches),
        numerator: n_active,
        denominator: n_coaches,
        records: n_active,
    });
    put(Figure {
        metric: Metric::Coaches,
        value: Some(n_coaches as f64),
        numerator: n_coaches,
        denominator: 1,
        records: n_active,
    });

    // Item 15: participants enrolled in the period, days to their first employer contact.
    let mut first_contact: BTreeMap<ParticipantId, Date> = BTreeMap::new();
    for pl in &log.placements {
        if let Some(d) = pl.contact_on() {
            first_contact
                .entry(pl.participant)
                .and_modify(|e| *e = (*e).min(d))
                .or_insert(d);
        }
    }
    let enrolled: Vec<&LogParticipant> = log
        .participants
        .iter()
        .filter(|p| filter.covers(p.enrolled_on) && scope.covers(p.coach))
        .collect();
    let days: Vec<i64> = enrolled
        .iter()
        .filter_map(|p| {
            first_contact
                .get(&p.id)
                .filter(|d| **d <= end)
                .map(|d| (*d - p.enrolled_on).whole_days().max(0))
        })
        .collect();
    let sum: i64 = days.iter().sum();
    put(Figure {
        metric: Metric::DaysToFirstEmployerContact,
        value: (!days.is_empty()).then(|| sum as f64 / days.len() as f64),
        numerator: days.len() as u64,
        denominator: enrolled.len() as u64,
        records: enrolled.len() as u64,
    });

    // Item 17: face-to-face employer contacts per coach per week.
    let weeks10 = (((end - filter.from).whole_days() + 1) as u64 * 10).div_ceil(7);
    let contacts = log
        .interactions
        .iter()
        .filter(|i| {
            filter.covers(i.on)
                && matches!(i.kind.as_str(), "visit" | "event")
                && match scope {
                    Scope::Project => true,
                    Scope::Coach(c) => i.by == c,
                }
        })
        .count() as u64;
    let per_coach = match scope {
        Scope::Project => n_coaches,
        Scope::Coach(_) => 1,
    };
    put(Figure {
        metric: Metric::EmployerContactsPerWeek,
        value: ratio(contacts * 10, weeks10 * per_coach),
        numerator: contacts,
        denominator: per_coach,
        records: contacts,
    });

    // Items 19–21: placements that started in the period.
    let started: Vec<&LogPlacement> = log
        .placements
        .iter()
        .filter(|p| p.started() && filter.covers(p.starts_on) && scope.covers(Some(p.coach)))
        .collect();
    let jobs: Vec<&&LogPlacement> = started.iter().filter(|p| p.competitive()).collect();
    let n_jobs = jobs.len() as u64;
    let types: BTreeSet<String> = jobs
        .iter()
        .map(|p| p.job_type.trim().to_lowercase())
        .collect();
    let employers: BTreeSet<EmployerId> = jobs.iter().map(|p| p.employer).collect();
    put(Figure {
        metric: Metric::JobTypeDiversity,
        value: percent(types.len() as u64, n_jobs),
        numerator: types.len() as u64,
        denominator: n_jobs,
        records: n_jobs,
    });
    put(Figure {
        metric: Metric::EmployerDiversity,
        value: percent(employers.len() as u64, n_jobs),
        numerator: employers.len() as u64,
        denominator: n_jobs,
        records: n_jobs,
    });
    let workplace = started.iter().filter(|p| p.at_workplace()).count() as u64;
    put(Figure {
        metric: Metric::CompetitiveShare,
        value: percent(n_jobs, workplace),
        numerator: n_jobs,
        denominator: workplace,
        records: workplace,
    });

    // Item 22: jobs started with a done follow-up that records support.
    let supported = jobs
        .iter()
        .filter(|p| {
            p.follow_ups
                .iter()
                .any(|f| f.support_recorded && f.done_on.is_some_and(|d| d <= end))
        })
        .count() as u64;
    put(Figure {
        metric: Metric::FollowAlongSupportShare,
        value: percent(supported, n_jobs),
        numerator: supported,
        denominator: n_jobs,
        records: n_jobs,
    });

    // Item 23: competitive jobs that started between a year and four months (120 days) before
    // the period's end, with a face-to-face contact (a done follow-up or a meeting not held
    // remotely) 120 days or more after the start and not after the period's end.
    let long_enough: Vec<&LogPlacement> = log
        .placements
        .iter()
        .filter(|p| {
            let age = (end - p.starts_on).whole_days();
            p.started()
                && p.competitive()
                && (120..=365).contains(&age)
                && scope.covers(Some(p.coach))
        })
        .collect();
    let kept_contact = long_enough
        .iter()
        .filter(|p| {
            let from = p.starts_on + time::Duration::days(120);
            let in_window = |d: Date| from <= d && d <= end;
            p.follow_ups
                .iter()
                .any(|f| f.done_on.is_some_and(in_window))
                || log
                    .meetings
                    .iter()
                    .any(|m| m.participant == p.participant && m.face_to_face() && in_window(m.on))
        })
        .count() as u64;
    put(Figure {
        metric: Metric::FollowAlongFourMonthsShare,
        value: percent(kept_contact, long_enough.len() as u64),
        numerator: kept_contact,
        denominator: long_enough.len() as u64,
        records: long_enough.len() as u64,
    });

    // Item 24: meeting minutes in the community.
    let meetings: Vec<&LogMeeting> = log
        .meetings
        .iter()
        .filter(|m| filter.covers(m.on) && scope.covers(Some(m.coach)))
        .collect();
    let all: u64 = meetings.iter().map(|m| u64::from(m.minutes)).sum();
    let out_there: u64 = meetings
        .iter()
        .filter(|m| m.in_community())
        .map(|m| u64::from(m.minutes))
        .sum();
    put(Figure {
        metric: Metric::CommunityShare,
        value: percent(out_there, all),
        numerator: out_there,
        denominator: all,
        records: meetings.len() as u64,
    });
    out
}

#[cfg(test)]
mod tests;
