//! Every participant of the demo has something to show: where the generated openings leave a
//! participant with fewer than [`MIN_SUGGESTIONS`] suggestions, the participant's coach would
//! craft a job at an employer of the project, and so does the plan. The matching engine itself
//! decides what fits (the job-crafting search, then the ranking that the suggestions page uses),
//! so the demo data is tuned to the engine and never the other way round.

use super::employers::PlannedEmployer;
use super::people::{PlannedParticipant, REFERENCE_DATE};
use super::rng::Rng;
use polku_domain::{DemandProfile, Level, Opening, OpeningId, OpeningKind, Schedule, Task, TaskId};
use polku_matching::api::{self, CraftArgs, List};
use polku_matching::input as mi;
use polku_service::matching::{employer_input, participant_input};
use polku_service::participants::ParticipantView;
use polku_service::{Result, ServiceError};
use time::Duration;

/// The fewest suggestions a demo participant has.
pub const MIN_SUGGESTIONS: usize = 3;

fn engine(e: polku_matching::InputError) -> ServiceError {
    ServiceError::Config(format!("demo data: the matching engine refused it: {e}"))
}

fn view(p: &PlannedParticipant) -> ParticipantView {
    ParticipantView {
        id: p.id,
        project_id: p.project_id,
        coach_id: Some(p.coach_id),
        stage: p.stage,
        waiting_since: p.waiting_since,
        version: 1,
        personal: p.personal.clone(),
        sensitive: p.sensitive.clone(),
    }
}

fn employer_of(e: &PlannedEmployer, extra: &[Opening], carved: &[Task]) -> Option<mi::Employer> {
    let tasks = e
        .tasks
        .iter()
        .chain(carved.iter().filter(|t| t.employer_id == e.employer.id))
        .cloned()
        .collect();
    let openings = e
        .openings
        .iter()
        .chain(extra.iter().filter(|o| o.employer_id == e.employer.id))
        .cloned()
        .collect();
    employer_input(&e.employer, tasks, openings)
}

fn input(p: &PlannedParticipant, employers: Vec<mi::Employer>) -> mi::Input {
    mi::Input {
        schema: None,
        participants: vec![participant_input(&view(p), REFERENCE_DATE)],
        employers,
        accommodations: None,
        allocation: None,
    }
}

/// The crafted openings to add so that every participant has at least [`MIN_SUGGESTIONS`]
/// suggestions: unpaid work trials at employers of the participant's project, each made of the
/// tasks the job-crafting search chose for a participant who had too few. Deterministic: the
/// employers are tried in an order drawn from the participant's own stream.
pub fn crafted_openings(
    seed: u64,
    participants: &[PlannedParticipant],
    employers: &[PlannedEmployer],
) -> Result<Crafted> {
    let mut extra: Vec<Opening> = Vec::new();
    let mut carved: Vec<Task> = Vec::new();
    let mut short = Vec::new();
    for (i, p) in participants.iter().enumerate() {
        let local: Vec<&PlannedEmployer> = employers
            .iter()
            .filter(|e| e.employer.project_id == p.project_id)
            .collect();
        // No employer in the project (a run with few employers): nothing to match or craft at,
        // and the participant is not "short" (the check below is for projects with employers).
        if local.is_empty() {
            continue;
        }
        let all = |extra: &[Opening], carved: &[Task]| -> Vec<mi::Employer> {
            local
                .iter()
                .filter_map(|e| employer_of(e, extra, carved))
                .collect()
        };
        let list = List {
            top: MIN_SUGGESTIONS,
            include_excluded: false,
        };
        let have = api::match_person(
            &input(p, all(&extra, &carved)),
            &p.id.to_string(),
            list,
            REFERENCE_DATE,
        )
        .map_err(engine)?
        .results;
        if have.len() >= MIN_SUGGESTIONS {
            continue;
        }
        let mut need = MIN_SUGGESTIONS - have.len();
        let mut rng = Rng::stream(seed, "crafted-opening", i as u64);
        let mut order: Vec<usize> = (0..local.len()).collect();
        rng.shuffle(&mut order);
        for e in order.into_iter().map(|k| local[k]) {
            if need == 0 {
                break;
            }
            let Some(one) = employer_of(e, &extra, &carved) else {
                continue;
            };
            let args = CraftArgs {
                participant: p.id.to_string(),
                employer: e.employer.id.to_string(),
                hours: None,
            };
            let crafted =
                api::craft(&input(p, vec![one]), &args, REFERENCE_DATE).map_err(engine)?;
            if !crafted.found || crafted.tasks.is_empty() {
                continue;
            }
            let tasks = crafted
                .tasks
                .iter()
                .map(|t| TaskId::parse(t))
                .collect::<std::result::Result<Vec<_>, _>>()?;
            let Some(first) = e.tasks.iter().find(|t| t.id == tasks[0]) else {
                continue;
            };
            let Some(municipality) = e.employer.municipalities.first().cloned() else {
                continue;
            };
            let starts_on = REFERENCE_DATE + Duration::days(rng.range(14, 60) as i64);
            extra.push(Opening {
                id: OpeningId(rng.uuid()),
                employer_id: e.employer.id,
                kind: OpeningKind::WorkTrial,
                title: format!(
                    "Työkokeilu: {}, {} h/vko",
                    first.title, crafted.hours_per_week
                ),
                tasks,
                municipality,
                capacity: 1,
                monthly_wage_eur: None,
                starts_on: Some(starts_on),
                ends_on: Some(starts_on + Duration::days(rng.range(60, 182) as i64)),
                version: 1,
            });
            need -= 1;
        }
        // Job carving: where no existing task fits, the coordinator has heard a need the
        // employer never advertised, and the job is carved to the person (their hours and days,
        // daytime, no more demand than they manage, no language beyond theirs).
        // Each carved job is checked with the engine and kept only if it adds a suggestion; a
        // second round carves jobs with no functional demands at all.
        let count = |extra: &[Opening], carved: &[Task]| -> Result<usize> {
            let m = api::match_person(
                &input(p, all(extra, carved)),
                &p.id.to_string(),
                list,
                REFERENCE_DATE,
            )
            .map_err(engine)?;
            Ok(m.results.len())
        };
        let mut now = MIN_SUGGESTIONS - need;
        let rounds = local.len().max(MIN_SUGGESTIONS);
        for attempt in 0..rounds * 2 {
            if now >= MIN_SUGGESTIONS {
                break;
            }
            let e = local[attempt % local.len()];
            let (task, opening) = carve(&mut rng, p, e, attempt >= rounds)?;
            carved.push(task);
            extra.push(opening);
            let after = count(&extra, &carved)?;
            if after > now {
                now = after;
            } else {
                carved.pop();
                extra.pop();
            }
        }
        need = MIN_SUGGESTIONS.saturating_sub(now);
        if need > 0 && !local.is_empty() {
            short.push(i.to_string());
        }
    }
    if !short.is_empty() {
        return Err(ServiceError::Config(format!(
            "demo data: participants {} have fewer than {MIN_SUGGESTIONS} suggestions even \
             with crafted jobs",
            short.join(", ")
        )));
    }
    Ok(Crafted {
        tasks: carved,
        openings: extra,
    })
}

/// What [`crafted_openings`] adds: carved tasks (written before the openings) and openings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Crafted {
    pub tasks: Vec<Task>,
    pub openings: Vec<Opening>,
}

fn carve(
    rng: &mut Rng,
    p: &PlannedParticipant,
    e: &PlannedEmployer,
    no_demands: bool,
) -> Result<(Task, Opening)> {
    let like = e
        .tasks
        .first()
        .ok_or_else(|| ServiceError::Config("demo data: an employer without tasks".into()))?;
    let capacity = &p.sensitive.functioning.capacity;
    let mut demands = std::collections::BTreeMap::new();
    for (d, level) in like.demands.demands.iter().filter(|_| !no_demands) {
        let most = capacity
            .get(d)
            .map_or(level.get(), |c| c.get().min(level.get()));
        if most > 0 {
            demands.insert(*d, Level::new(i64::from(most))?);
        }
    }
    let hours = p.personal.availability.hours_per_week;
    // Where the employer works within the person's reach, else near the person's home (a
    // carved job can be done at a branch or on a client's site).
    let mobility = &p.personal.mobility;
    let reachable = |c: &&polku_domain::MunicipalityCode| {
        **c == mobility.home || mobility.acceptable.contains(c)
    };
    let municipality = e
        .employer
        .municipalities
        .iter()
        .find(reachable)
        .cloned()
        .unwrap_or_else(|| mobility.home.clone());
    let task = Task {
        id: TaskId(rng.uuid()),
        employer_id: e.employer.id,
        title: format!("{} (räätälöity)", like.title),
        description: like.description.clone(),
        skills_essential: Vec::new(),
        skills_optional: like.skills_essential.clone(),
        languages: std::collections::BTreeMap::new(),
        demands: DemandProfile { demands },
        hours_per_week: hours.min.max(4),
        days_per_week: p.personal.availability.days_per_week_max.clamp(1, 5),
        schedule: Schedule::Daytime,
        municipality: municipality.clone(),
        learnable_on_job: true,
        value: 3,
        occupation: like.occupation.clone(),
        version: 1,
    };
    let starts_on = REFERENCE_DATE + Duration::days(rng.range(14, 60) as i64);
    let opening = Opening {
        id: OpeningId(rng.uuid()),
        employer_id: e.employer.id,
        kind: OpeningKind::WorkTrial,
        title: format!("Työkokeilu: {}, {} h/vko", task.title, task.hours_per_week),
        tasks: vec![task.id],
        municipality,
        capacity: 1,
        monthly_wage_eur: None,
        starts_on: Some(starts_on),
        ends_on: Some(starts_on + Duration::days(90)),
        version: 1,
    };
    Ok((task, opening))
}
