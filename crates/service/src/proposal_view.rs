//! What an employer sees of a proposal: the crafted job as tasks with hours, and for each task
//! what the person can do, computed by the matching engine from only the field groups the
//! employer may see now (skills → skill fit, languages → language fit, functioning →
//! functioning fit and accommodations). A group that is not shared is not given to the engine
//! at all: neither the person's side nor the task's demands of it, so no answer can depend on
//! it. The answer carries codes, never levels or dimensions; pages word them.
//!
//! The participant's own coach gets the same answer ("how the employer sees the proposal"),
//! from the groups the proposal discloses and the participant's consents in force now.

use crate::authz::PlacementRole;
use crate::matching::off_thread;
use crate::placements::PlacementView;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{
    CefrLevel, DataCategory, Dimension, EscoUri, LanguageCode, Level, OpeningKind, PlacementId,
    PlacementState, RecipientClass, Schedule, Task, TaskId,
};
use polku_matching::api::{self, List};
use polku_matching::input as mi;
use polku_matching::output::{AccSubsidy, Fits, Limits, PaySubsidy, PersonMatches, Ranked};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use time::OffsetDateTime;

const PURPOSE: &str = "placement";

/// The field groups the employer view can use; the others say nothing about fit.
pub const FIT_GROUPS: [DataCategory; 3] = [
    DataCategory::Skills,
    DataCategory::Languages,
    DataCategory::Functioning,
];

/// A proposal as the employer sees it.
#[derive(Debug, Clone)]
pub struct EmployerProposal {
    pub view: PlacementView,
    /// The tasks in the placement's order, each with what the person can do.
    pub tasks: Vec<TaskFit>,
    /// Of [`FIT_GROUPS`], those used (shared with the employer now) and those not.
    pub shared: Vec<DataCategory>,
    pub not_shared: Vec<DataCategory>,
    /// The accommodations with euros; `None` when functioning is not shared.
    pub adjustments: Option<Adjustments>,
    pub subsidy: SubsidyEstimate,
}

/// One task of the proposed job.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskFit {
    pub id: TaskId,
    pub title: String,
    pub hours_per_week: u8,
    pub days_per_week: u8,
    pub schedule: Schedule,
    /// What the person can do in this task, as plain statements.
    pub fit: Vec<Plain>,
}

/// A plain statement about a person and a task: never a level, never a diagnosis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Plain {
    /// Has every skill the task needs.
    Independent,
    /// Lacks these skills, which the task lets one learn at work.
    NeedsInduction { skills: Vec<EscoUri> },
    /// Lacks these skills, which are needed before starting.
    NeedsTraining { skills: Vec<EscoUri> },
    /// Knows the language well enough for the task.
    LanguageEnough { language: LanguageCode },
    /// Needs support in the language for the task.
    LanguageSupport { language: LanguageCode },
    /// Suits the task as the workplace is.
    SuitsAsIs,
    /// Suits the task when the workplace has these accommodations.
    SuitsWith { accommodations: Vec<String> },
    /// How the work is arranged is agreed with the coach first.
    AgreeWithCoach,
}

/// The accommodations the whole job needs, with their costs and what may pay for them
/// (the work-arrangement subsidy).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Adjustments {
    /// Accommodation ids of the catalogue (`data/accommodations.json`).
    pub accommodations: Vec<String>,
    pub cost_eur: u64,
    pub subsidies: Vec<AccSubsidy>,
}

/// The pay-subsidy section: an estimate only, to be confirmed by the employment authority.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubsidyEstimate {
    /// The proposal is a job with pay subsidy.
    pub pay_subsidy: bool,
    /// The engine's estimate when the wage is known.
    pub pay: Option<PaySubsidy>,
}

/// The person's data the employer may see now, for the engine; `None`: not shared.
#[derive(Debug, Default)]
struct Shown {
    skills: Option<Vec<EscoUri>>,
    languages: Option<BTreeMap<LanguageCode, CefrLevel>>,
    capacity: Option<BTreeMap<Dimension, Level>>,
}

impl Service {
    /// The proposal as the employer sees it: for a user of the employer (role `Employer`), or
    /// for the participant's own coach as a preview. Anyone else: not found. The reads are
    /// audited with the purpose `placement`.
    pub async fn proposal_for_employer(
        &self,
        actor: &Actor,
        id: PlacementId,
    ) -> Result<EmployerProposal> {
        let view = self.placement(actor, id).await?;
        let shown = match view.role {
            PlacementRole::Employer => self.shown_to_employer(actor, &view).await?,
            PlacementRole::Coach => self.shown_in_preview(actor, &view).await?,
            _ => return Err(ServiceError::NotFound),
        };
        let p = &view.placement;
        let all_tasks = self.store().list_tasks(p.employer_id).await?;
        let tasks: Vec<Task> = p
            .tasks
            .iter()
            .filter_map(|t| all_tasks.iter().find(|k| k.id == *t).cloned())
            .collect();
        let municipality = match self.store().get_employer(p.employer_id).await? {
            Some(e) => e.municipalities.first().cloned(),
            None => None,
        }
        .or_else(|| tasks.first().map(|t| t.municipality.clone()))
        .ok_or(ServiceError::NotFound)?;
        // Only paid work has a wage (trials and gigs offered as trials are unpaid).
        let paid = matches!(p.kind, OpeningKind::Job | OpeningKind::Apprenticeship);
        let wage = match p.opening_id {
            Some(o) if paid => self
                .store()
                .list_openings(p.employer_id)
                .await?
                .into_iter()
                .find(|k| k.id == o)
                .and_then(|k| k.monthly_wage_eur),
            _ => None,
        };
        let input = engine_input(&shown, &tasks, municipality, p.kind, wage);
        let today = crate::today();
        let top = tasks.len() + 2;
        let matches = off_thread(move || {
            api::match_person(
                &input,
                "p",
                List {
                    top,
                    include_excluded: true,
                },
                today,
            )
        })
        .await?;
        let fits = tasks
            .iter()
            .enumerate()
            .map(|(i, t)| TaskFit {
                id: t.id,
                title: t.title.clone(),
                hours_per_week: t.hours_per_week,
                days_per_week: t.days_per_week,
                schedule: t.schedule,
                fit: plain(&shown, t, &matches, &format!("o{i}")),
            })
            .collect();
        let adjustments = shown.capacity.as_ref().map(|_| {
            ranked(&matches, "all").map_or(
                Adjustments {
                    accommodations: Vec::new(),
                    cost_eur: 0,
                    subsidies: Vec::new(),
                },
                |r| Adjustments {
                    accommodations: r.accommodations.clone(),
                    cost_eur: r.accommodation_cost_eur,
                    subsidies: r.accommodation_subsidies.clone(),
                },
            )
        });
        let subsidy = subsidy_section(p.pay_subsidy, &matches);
        let used = |c: DataCategory| match c {
            DataCategory::Skills => shown.skills.is_some(),
            DataCategory::Languages => shown.languages.is_some(),
            _ => shown.capacity.is_some(),
        };
        Ok(EmployerProposal {
            shared: FIT_GROUPS.into_iter().filter(|&c| used(c)).collect(),
            not_shared: FIT_GROUPS.into_iter().filter(|&c| !used(c)).collect(),
            tasks: fits,
            adjustments,
            subsidy,
            view,
        })
    }

    /// What the employer user may see now (`authz::participant_access` through the shares
    /// and consents in force); nothing when no share is in force any more.
    async fn shown_to_employer(&self, actor: &Actor, view: &PlacementView) -> Result<Shown> {
        let pid = view.placement.participant_id;
        match self
            .shared_participant_if_visible(actor, pid, PURPOSE)
            .await
        {
            Ok(s) => Ok(Shown {
                skills: s.skills.map(|v| v.into_iter().map(|c| c.skill).collect()),
                languages: s.languages,
                capacity: s.functioning.map(|f| f.capacity),
            }),
            Err(ServiceError::NotFound) => Ok(Shown::default()),
            Err(e) => Err(e),
        }
    }

    /// What the employer's users see (or will see): the groups the proposal discloses (all
    /// consented ones while it is only prepared), of those only the ones consented now.
    async fn shown_in_preview(&self, actor: &Actor, view: &PlacementView) -> Result<Shown> {
        let p = &view.placement;
        let v = self
            .get_participant(actor, p.participant_id, PURPOSE)
            .await?;
        let consents = self.store().consents_for(p.participant_id).await?;
        let now = OffsetDateTime::now_utc();
        let disclosed: BTreeSet<DataCategory> = if p.state == PlacementState::Prepared {
            DataCategory::ALL.into_iter().collect()
        } else {
            p.categories.iter().copied().collect()
        };
        let on = |c: DataCategory| {
            disclosed.contains(&c)
                && crate::consents::consented(&consents, RecipientClass::Employer, c, now)
        };
        Ok(Shown {
            skills: on(DataCategory::Skills)
                .then(|| v.personal.skills.iter().map(|s| s.skill.clone()).collect()),
            languages: on(DataCategory::Languages).then(|| v.personal.languages.clone()),
            capacity: on(DataCategory::Functioning)
                .then(|| v.sensitive.functioning.capacity.clone()),
        })
    }
}

/// The engine's input: the person with only the shared groups and nothing else that could
/// exclude a task (the placement's hours, days and place are already agreed terms), and the
/// tasks three times: `t*` with the demands of the shared groups (one opening `o*` each), `c*`
/// with only the functioning demands (the whole job `all`, for its accommodations), and `s*`
/// with none (the whole job `pay`, for the pay-subsidy estimate).
fn engine_input(
    shown: &Shown,
    tasks: &[Task],
    municipality: polku_domain::MunicipalityCode,
    kind: polku_domain::OpeningKind,
    wage: Option<u32>,
) -> mi::Input {
    let task = |prefix: &str, i: usize, t: &Task, skills: bool, langs: bool, func: bool| mi::Task {
        id: format!("{prefix}{i}"),
        title: t.title.clone(),
        hours_per_week: t.hours_per_week,
        days_per_week: Some(t.days_per_week),
        demands: if func {
            t.demands.demands.clone()
        } else {
            BTreeMap::new()
        },
        skills_essential: if skills {
            t.skills_essential.clone()
        } else {
            Vec::new()
        },
        skills_optional: if skills {
            t.skills_optional.clone()
        } else {
            Vec::new()
        },
        languages: if langs {
            t.languages.clone()
        } else {
            BTreeMap::new()
        },
        learnable_on_job: t.learnable_on_job,
        value: t.value,
        schedule: None,
        occupation: None,
    };
    let (s, l, f) = (
        shown.skills.is_some(),
        shown.languages.is_some(),
        shown.capacity.is_some(),
    );
    let mut engine_tasks = Vec::new();
    let mut openings = Vec::new();
    let opening = |id: String, tasks: Vec<String>, wage: Option<u32>| mi::Opening {
        id,
        title: None,
        kind,
        municipality: None,
        capacity: 1,
        tasks,
        monthly_wage_eur: wage,
    };
    for (i, t) in tasks.iter().enumerate() {
        engine_tasks.push(task("t", i, t, s, l, f));
        engine_tasks.push(task("c", i, t, false, false, f));
        engine_tasks.push(task("s", i, t, false, false, false));
        openings.push(opening(format!("o{i}"), vec![format!("t{i}")], None));
    }
    let ids = |prefix: &str| (0..tasks.len()).map(|i| format!("{prefix}{i}")).collect();
    openings.push(opening("all".into(), ids("c"), None));
    openings.push(opening("pay".into(), ids("s"), wage));
    mi::Input {
        schema: None,
        participants: vec![mi::Participant {
            id: "p".into(),
            municipality: municipality.clone(),
            acceptable_municipalities: Vec::new(),
            hours_per_week: mi::Hours { min: 0, max: 60 },
            days_per_week_max: 7,
            languages: shown.languages.clone().unwrap_or_default(),
            skills: shown.skills.clone().unwrap_or_default(),
            goals: Vec::new(),
            capacity: shown.capacity.clone().unwrap_or_default(),
            waiting_days: 0,
            evenings: true,
            nights: true,
            weekends: true,
            // Reduced work ability is special-category data the employer does not get.
            reduced_work_ability: false,
            birth_date: None,
            birth_year: None,
            long_term_unemployed: false,
            unemployed_months_of_28: None,
        }],
        employers: vec![mi::Employer {
            id: "e".into(),
            name: None,
            municipality,
            mentor_available: false,
            hourly_wage_eur: None,
            legal_form: None,
            tasks: engine_tasks,
            openings,
        }],
        accommodations: None,
        allocation: None,
    }
}

fn ranked<'a>(m: &'a PersonMatches, opening: &str) -> Option<&'a Ranked> {
    m.results.iter().find(|r| r.opening == opening)
}

/// The engine's answer for one task turned into plain statements, from the shared groups only.
fn plain(shown: &Shown, t: &Task, m: &PersonMatches, opening: &str) -> Vec<Plain> {
    let mut out = Vec::new();
    if let Some(have) = &shown.skills {
        let missing: Vec<EscoUri> = t
            .skills_essential
            .iter()
            .filter(|s| !have.contains(s))
            .cloned()
            .collect();
        out.push(match (missing.is_empty(), t.learnable_on_job) {
            (true, _) => Plain::Independent,
            (false, true) => Plain::NeedsInduction { skills: missing },
            (false, false) => Plain::NeedsTraining { skills: missing },
        });
    }
    let mut agree = false;
    if let Some(r) = ranked(m, opening) {
        let mut accs: Vec<String> = Vec::new();
        let mut suits = false;
        for f in &r.fits {
            match &f.why {
                Fits::Language { language, .. } => {
                    if let Ok(code) = LanguageCode::parse(language) {
                        out.push(Plain::LanguageEnough { language: code });
                    }
                }
                Fits::Functioning { .. } => suits = true,
                Fits::Accommodated { accommodations, .. } => {
                    for a in accommodations {
                        if !accs.contains(a) {
                            accs.push(a.clone());
                        }
                    }
                }
                _ => {}
            }
        }
        agree = !r.to_check.is_empty();
        if !accs.is_empty() {
            out.push(Plain::SuitsWith {
                accommodations: accs,
            });
        } else if suits && !agree {
            out.push(Plain::SuitsAsIs);
        }
    } else if let Some(e) = m.excluded.iter().find(|e| e.opening == opening) {
        for l in &e.excluded_by {
            match &l.limit {
                Limits::Language { language, .. } => {
                    if let Ok(code) = LanguageCode::parse(language) {
                        out.push(Plain::LanguageSupport { language: code });
                    }
                }
                Limits::Functioning { .. } => agree = true,
                _ => {}
            }
        }
    }
    if agree && shown.capacity.is_some() {
        out.push(Plain::AgreeWithCoach);
    }
    out
}

/// The subsidy section in one place, so that the rules of `Service::subsidy_estimate`
/// (55+/60+/100 %) can replace the engine's estimate here alone.
fn subsidy_section(pay_subsidy: bool, m: &PersonMatches) -> SubsidyEstimate {
    SubsidyEstimate {
        pay_subsidy,
        pay: if pay_subsidy {
            ranked(m, "pay").and_then(|r| r.subsidy.clone())
        } else {
            None
        },
    }
}
