//! Matching against the database: builds the engine's input from stored participants,
//! employers, tasks and openings, and runs the same engine as `polku match --input`, off the
//! async threads. The answers are the engine's typed values; JSON is made only at the edges.

use crate::audit::AuditEvent;
use crate::participants::ParticipantView;
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::{
    Employer, EmployerId, Opening, OpeningId, OpeningKind, ParticipantId, ProjectId, TaskId,
};
use polku_matching::api::{self, CraftArgs, List};
use polku_matching::input as mi;
use polku_matching::output::{Crafted, PersonMatches, Ranked};
use polku_matching::InputError;
use std::collections::BTreeMap;
use time::Date;

pub(crate) fn engine_error(e: InputError) -> ServiceError {
    ServiceError::Invalid(polku_domain::DomainError::Invalid {
        field: "matching",
        reason: e.to_string(),
    })
}

/// Runs the engine on the blocking pool: building the index, the search and the exact crafting
/// search are CPU work that must not hold an async thread.
pub(crate) async fn off_thread<T: Send + 'static>(
    f: impl FnOnce() -> std::result::Result<T, InputError> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| ServiceError::Internal("matching task failed"))?
        .map_err(engine_error)
}

/// A participant's ranked openings, with the names of the project's employers that the
/// engine's input was built from (so a page needs no second read to name them).
#[derive(Debug, Clone)]
pub struct MatchView {
    pub matches: PersonMatches,
    /// Employer name by the engine's employer id.
    pub employer_names: BTreeMap<String, String>,
    /// Why the other openings of the project were left out, and what would change that.
    pub exclusions: crate::exclusions::Exclusions,
    /// The full subsidy estimate of each paid result, by opening id.
    pub subsidies: BTreeMap<String, crate::subsidy::SubsidyEstimate>,
}

impl MatchView {
    /// The name of a result's employer (its id when the employer has no name).
    pub fn employer_name<'a>(&'a self, r: &'a Ranked) -> &'a str {
        self.employer_names
            .get(&r.employer)
            .map_or(r.employer.as_str(), String::as_str)
    }
}

/// The employer with its tasks and openings in the engine's shape (also used by the demo
/// generator to check its data against the engine).
pub fn employer_input(
    e: &Employer,
    tasks: Vec<polku_domain::Task>,
    openings: Vec<polku_domain::Opening>,
) -> Option<mi::Employer> {
    let municipality = e.municipalities.first()?.clone();
    Some(mi::Employer {
        id: e.id.to_string(),
        name: Some(e.name.clone()),
        municipality,
        mentor_available: e.mentor_available,
        hourly_wage_eur: None,
        legal_form: e.legal_form,
        tasks: tasks
            .into_iter()
            .map(|t| mi::Task {
                id: t.id.to_string(),
                title: t.title,
                hours_per_week: t.hours_per_week,
                days_per_week: Some(t.days_per_week),
                demands: t.demands.demands,
                skills_essential: t.skills_essential,
                skills_optional: t.skills_optional,
                languages: t.languages,
                learnable_on_job: t.learnable_on_job,
                value: t.value,
                schedule: Some(t.schedule),
                occupation: t.occupation,
            })
            .collect(),
        openings: openings
            .into_iter()
            .map(|o| mi::Opening {
                id: o.id.to_string(),
                title: Some(o.title),
                kind: o.kind,
                municipality: Some(o.municipality),
                capacity: o.capacity,
                tasks: o.tasks.iter().map(ToString::to_string).collect(),
                monthly_wage_eur: o.monthly_wage_eur,
            })
            .collect(),
    })
}

impl Service {
    /// The employers of a project in the engine's shape.
    pub(crate) async fn employers_input(
        &self,
        actor: &Actor,
        project: ProjectId,
    ) -> Result<Vec<mi::Employer>> {
        let employers = self.employers(actor, project).await?;
        // Two queries for the whole project instead of two per employer.
        let mut tasks: std::collections::HashMap<_, Vec<_>> = std::collections::HashMap::new();
        for t in self.store().list_project_tasks(project).await? {
            tasks.entry(t.employer_id).or_default().push(t);
        }
        let mut openings: std::collections::HashMap<_, Vec<_>> = std::collections::HashMap::new();
        for o in self.store().list_project_openings(project).await? {
            openings.entry(o.employer_id).or_default().push(o);
        }
        let mut out = Vec::new();
        for e in employers {
            let t = tasks.remove(&e.id).unwrap_or_default();
            let o = openings.remove(&e.id).unwrap_or_default();
            out.extend(employer_input(&e, t, o));
        }
        Ok(out)
    }

    /// Ranked openings of the participant's project for one participant, with explanations.
    /// Needs full access (the functioning profile is used); the read is audited as matching.
    pub async fn match_participant(
        &self,
        actor: &Actor,
        id: ParticipantId,
        top: usize,
        include_excluded: bool,
        today: Date,
    ) -> Result<PersonMatches> {
        let view = self.get_participant(actor, id, "matching").await?;
        let list = List {
            top,
            include_excluded,
        };
        Ok(self.match_view(actor, &view, list, today).await?.matches)
    }

    /// The same ranking for a participant already read (and audited) by this actor through
    /// `get_participant`, so a page that shows the participant reads and logs it once.
    pub async fn match_view(
        &self,
        actor: &Actor,
        view: &crate::participants::ParticipantView,
        list: List,
        today: Date,
    ) -> Result<MatchView> {
        let employers = self.employers_input(actor, view.project_id).await?;
        let employer_names = employers
            .iter()
            .filter_map(|e| Some((e.id.clone(), e.name.clone()?)))
            .collect();
        let legal_forms: BTreeMap<String, Option<polku_domain::LegalForm>> = employers
            .iter()
            .map(|e| (e.id.clone(), e.legal_form))
            .collect();
        let mut input = mi::Input {
            schema: None,
            participants: vec![participant_input(view, today)],
            employers,
            accommodations: None,
            allocation: None,
        };
        fit_languages(&mut input);
        let participant = view.id.to_string();
        // The excluded pairs are always worked out, for the summary of why openings were left
        // out; the answer lists them only when asked.
        let all = List {
            include_excluded: true,
            ..list
        };
        let mut matches =
            off_thread(move || api::match_person(&input, &participant, all, today)).await?;
        let wish = view.personal.availability.hours_per_week;
        let exclusions = crate::exclusions::summarise(&matches.excluded, (wish.min, wish.max));
        if !list.include_excluded {
            matches.excluded.clear();
        }
        let rules = polku_matching::subsidies::RuleSet::on(today);
        let subsidies = matches
            .results
            .iter()
            .filter_map(|r| {
                let wage = r.subsidy.as_ref()?.monthly_wage_eur?;
                let form = legal_forms.get(&r.employer).copied().flatten();
                let estimate = crate::subsidy::estimate_for(
                    view,
                    form,
                    Some(wage.round() as u32),
                    r.hours_per_week,
                    &rules,
                );
                Some((r.opening.clone(), estimate))
            })
            .collect();
        Ok(MatchView {
            matches,
            employer_names,
            exclusions,
            subsidies,
        })
    }

    /// The optimal job for the participant from one employer's task inventory (job crafting),
    /// with the reasons for every task left out and the description in each language. The
    /// employer must be in the participant's project; needs full access to the participant.
    pub async fn craft_for_participant(
        &self,
        actor: &Actor,
        id: ParticipantId,
        employer: EmployerId,
        today: Date,
    ) -> Result<Crafted> {
        let view = self.get_participant(actor, id, "matching").await?;
        let e = self
            .project_employer(actor, view.project_id, employer)
            .await?;
        let tasks = self.store().list_tasks(e.id).await?;
        let openings = self.store().list_openings(e.id).await?;
        let mut input = mi::Input {
            schema: None,
            participants: vec![participant_input(&view, today)],
            employers: employer_input(&e, tasks, openings).into_iter().collect(),
            accommodations: None,
            allocation: None,
        };
        fit_languages(&mut input);
        let args = CraftArgs {
            participant: id.to_string(),
            employer: e.id.to_string(),
            hours: None,
        };
        off_thread(move || api::craft(&input, &args, today)).await
    }

    /// An employer of `project` the actor may read; anything else is "not found".
    pub(crate) async fn project_employer(
        &self,
        actor: &Actor,
        project: ProjectId,
        employer: EmployerId,
    ) -> Result<Employer> {
        let e = self
            .store()
            .get_employer(employer)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if e.project_id != project || !authz::may_read_employers(actor, project) {
            return Err(ServiceError::NotFound);
        }
        Ok(e)
    }

    /// Saves the job crafted for a participant as an opening at the employer. The tasks are
    /// crafted again here from the stored data (never taken from the request). The participant's
    /// own coach may do this for an employer of the same project: proposing a crafted job is
    /// coaching work, while the rest of the employer register stays the coordinators' (see
    /// [`Service::add_opening`]).
    pub async fn add_crafted_opening(
        &self,
        actor: &Actor,
        id: ParticipantId,
        employer: EmployerId,
        kind: OpeningKind,
        title: &str,
        today: Date,
    ) -> Result<OpeningId> {
        let scope = self
            .store()
            .participant_scope(id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !authz::may_edit_participant(actor, &scope) {
            return Err(ServiceError::NotFound);
        }
        let crafted = self
            .craft_for_participant(actor, id, employer, today)
            .await?;
        let e = self
            .project_employer(actor, scope.project_id, employer)
            .await?;
        // The engine's task ids are the stored ones, so they parse.
        let tasks = crafted
            .tasks
            .iter()
            .map(|t| TaskId::parse(t))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let municipality = e
            .municipalities
            .first()
            .cloned()
            .ok_or(ServiceError::NotFound)?;
        let opening = Opening {
            id: OpeningId::new(),
            employer_id: e.id,
            kind,
            title: polku_domain::org::name("title", title, 200)?,
            tasks,
            municipality,
            capacity: 1,
            monthly_wage_eur: None,
            starts_on: None,
            ends_on: None,
            version: 1,
        };
        opening.validate()?;
        let audit = AuditEvent::new(
            actor,
            "opening",
            Some(opening.id.to_string()),
            "create",
            "matching",
        )?;
        self.store().insert_opening(&opening, &audit).await?;
        Ok(opening.id)
    }
}

/// The participant in the engine's shape.
pub fn participant_input(view: &ParticipantView, today: Date) -> mi::Participant {
    let p = &view.personal;
    mi::Participant {
        id: view.id.to_string(),
        municipality: p.mobility.home.clone(),
        acceptable_municipalities: p.mobility.acceptable.clone(),
        hours_per_week: mi::Hours {
            min: p.availability.hours_per_week.min,
            max: p.availability.hours_per_week.max,
        },
        days_per_week_max: p.availability.days_per_week_max,
        languages: p.languages.clone(),
        skills: p.skills.iter().map(|s| s.skill.clone()).collect(),
        goals: p.goals.clone(),
        capacity: view.sensitive.functioning.capacity.clone(),
        waiting_days: u32::try_from((today - view.waiting_since).whole_days().max(0))
            .unwrap_or(u32::MAX),
        evenings: p.availability.evenings,
        nights: p.availability.nights,
        weekends: p.availability.weekends,
        reduced_work_ability: p.esf.disability.unwrap_or(false),
        birth_date: p.hetu.as_ref().map(polku_domain::Hetu::birth_date),
        birth_year: p.esf.birth_year,
        long_term_unemployed: p.esf.long_term_unemployed,
        unemployed_months_of_28: p.esf.unemployed_months_of_28(today),
    }
}

/// The engine tells at most eight languages apart (fi, sv, en and five more); a project whose
/// tasks require more would make every matching answer 422 (D14). A required language that no
/// participant of `input` speaks makes each task requiring it infeasible for all of them, so
/// only one such language per task needs telling apart: this keeps every language someone
/// speaks, and for each task requiring unspoken languages keeps one of them (shared between
/// tasks where possible). A task for which no slot is left is infeasible for everyone and is
/// left out, with the openings that contain it. Feasibility and scores are unchanged.
pub fn fit_languages(input: &mut mi::Input) {
    const SLOTS: usize = 8;
    let base = ["fi", "sv", "en"];
    let required: std::collections::BTreeSet<String> = input
        .employers
        .iter()
        .flat_map(|e| &e.tasks)
        .flat_map(|t| t.languages.keys())
        .map(|c| c.as_str().to_owned())
        .chain(base.iter().map(|s| (*s).to_owned()))
        .collect();
    if required.len() <= SLOTS {
        return;
    }
    let spoken: std::collections::BTreeSet<String> = input
        .participants
        .iter()
        .flat_map(|p| p.languages.keys())
        .map(|c| c.as_str().to_owned())
        .collect();
    let told = |c: &str| base.contains(&c) || spoken.contains(c);
    let mut keep: std::collections::BTreeSet<String> =
        required.iter().filter(|c| told(c)).cloned().collect();
    // The unspoken languages by how many tasks require them, most first.
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for t in input.employers.iter().flat_map(|e| &e.tasks) {
        for c in t.languages.keys().filter(|c| !told(c.as_str())) {
            *counts.entry(c.as_str().to_owned()).or_default() += 1;
        }
    }
    let mut by_count: Vec<(String, usize)> = counts.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut dropped_tasks = std::collections::BTreeSet::new();
    for e in &mut input.employers {
        for t in &mut e.tasks {
            let unspoken: Vec<String> = t
                .languages
                .keys()
                .map(|c| c.as_str().to_owned())
                .filter(|c| !told(c))
                .collect();
            if unspoken.is_empty() {
                continue;
            }
            let chosen = unspoken
                .iter()
                .find(|c| keep.contains(*c))
                .cloned()
                .or_else(|| {
                    (keep.len() < SLOTS).then(|| {
                        let pick = by_count
                            .iter()
                            .map(|(c, _)| c)
                            .find(|c| unspoken.contains(*c))
                            .cloned()
                            .unwrap_or_else(|| unspoken[0].clone());
                        keep.insert(pick.clone());
                        pick
                    })
                });
            match chosen {
                Some(c) => t
                    .languages
                    .retain(|code, _| told(code.as_str()) || code.as_str() == c),
                None => {
                    dropped_tasks.insert((e.id.clone(), t.id.clone()));
                }
            }
        }
        let eid = e.id.clone();
        e.tasks
            .retain(|t| !dropped_tasks.contains(&(eid.clone(), t.id.clone())));
        e.openings.retain(|o| {
            !o.tasks
                .iter()
                .any(|t| dropped_tasks.contains(&(eid.clone(), t.clone())))
        });
    }
}

#[cfg(test)]
mod language_tests {
    use super::*;

    fn input(task_langs: &[&[&str]], person: &[&str]) -> mi::Input {
        let tasks: Vec<serde_json::Value> = task_langs
            .iter()
            .enumerate()
            .map(|(i, langs)| {
                let l: serde_json::Map<String, serde_json::Value> = langs
                    .iter()
                    .map(|c| ((*c).to_owned(), serde_json::json!("B1")))
                    .collect();
                serde_json::json!({"id": format!("t{i}"), "title": "T", "hours_per_week": 10,
                    "languages": l, "value": 3})
            })
            .collect();
        let openings: Vec<serde_json::Value> = (0..task_langs.len())
            .map(|i| serde_json::json!({"id": format!("o{i}"), "kind": "job", "tasks": [format!("t{i}")]}))
            .collect();
        let langs: serde_json::Map<String, serde_json::Value> = person
            .iter()
            .map(|c| ((*c).to_owned(), serde_json::json!("C1")))
            .collect();
        serde_json::from_value(serde_json::json!({
            "participants": [{"id": "p", "municipality": "398", "hours_per_week": {"min": 5, "max": 40},
                "days_per_week_max": 5, "languages": langs}],
            "employers": [{"id": "e", "municipality": "398", "tasks": tasks, "openings": openings}],
        }))
        .expect("input")
    }

    fn ranked(i: &mi::Input) -> Vec<String> {
        let today = time::macros::date!(2026 - 01 - 15);
        let list = List {
            top: 50,
            include_excluded: true,
        };
        api::match_person(i, "p", list, today)
            .expect("matches")
            .results
            .into_iter()
            .map(|r| r.opening)
            .collect()
    }

    /// Six languages besides fi, sv and en made the engine refuse the whole input.
    #[test]
    fn many_required_languages_still_match() {
        let langs: &[&[&str]] = &[
            &["fi"],
            &["de"],
            &["fr"],
            &["es", "it"],
            &["it"],
            &["ru"],
            &["et"],
            &["pl"],
            &["fi", "ru"],
        ];
        let mut i = input(langs, &["fi", "ru"]);
        let today = time::macros::date!(2026 - 01 - 15);
        let list = List {
            top: 50,
            include_excluded: true,
        };
        assert!(
            api::match_person(&i, "p", list, today).is_err(),
            "the engine's limit"
        );
        fit_languages(&mut i);
        let mut got = ranked(&i);
        got.sort();
        // Only the openings whose languages the person speaks are feasible, as before.
        assert_eq!(got, vec!["o0".to_owned(), "o5".to_owned(), "o8".to_owned()]);
    }

    #[test]
    fn few_languages_are_left_alone() {
        let langs: &[&[&str]] = &[&["fi", "de"], &["sv"]];
        let mut i = input(langs, &["fi"]);
        let before = serde_json::to_value(&i).expect("json");
        fit_languages(&mut i);
        assert_eq!(serde_json::to_value(&i).expect("json"), before);
    }
}
