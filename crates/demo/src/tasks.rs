//! Parses the task templates of [`super::task_table`] and turns a template into one employer's
//! task, with small variations (hours, days, schedule, one demand, value) drawn from the
//! employer's stream.

use super::esco_refs;
use super::rng::Rng;
use super::sector::Sector;
use super::task_table::TASKS;
use polku_domain::{
    CefrLevel, DemandProfile, Dimension, EmployerId, EscoUri, LanguageCode, Level,
    MunicipalityCode, Schedule, Task, TaskId,
};
use polku_service::{Result, ServiceError};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub sector: Sector,
    pub title: &'static str,
    pub description: &'static str,
    pub demands: BTreeMap<Dimension, Level>,
    pub essential: Vec<EscoUri>,
    pub optional: Vec<EscoUri>,
    pub languages: BTreeMap<LanguageCode, CefrLevel>,
    pub hours: (u8, u8),
    pub days: u8,
    pub schedules: Vec<Schedule>,
    pub learnable: bool,
    pub value: u8,
}

fn bad(line: usize, what: &str) -> ServiceError {
    ServiceError::Config(format!("demo task table line {}: {what}", line + 1))
}

fn number(line: usize, s: &str) -> Result<u8> {
    s.trim()
        .parse()
        .map_err(|_| bad(line, &format!("{s:?} is not a number")))
}

fn schedule(line: usize, s: &str) -> Result<Schedule> {
    Ok(match s {
        "daytime" => Schedule::Daytime,
        "evenings" => Schedule::Evenings,
        "nights" => Schedule::Nights,
        "weekends" => Schedule::Weekends,
        "flexible" => Schedule::Flexible,
        other => return Err(bad(line, &format!("unknown schedule {other:?}"))),
    })
}

fn parse_line(line: usize, text: &'static str) -> Result<Template> {
    let f: Vec<&'static str> = text.split('|').collect();
    if f.len() != 12 {
        return Err(bad(line, "expected 12 fields"));
    }
    let mut demands = BTreeMap::new();
    for pair in f[3].split_whitespace() {
        let (k, v) = pair.split_once('=').ok_or_else(|| bad(line, pair))?;
        demands.insert(
            Dimension::parse(k)?,
            Level::new(i64::from(number(line, v)?))?,
        );
    }
    let skills =
        |s: &str| -> Result<Vec<EscoUri>> { s.split_whitespace().map(esco_refs::skill).collect() };
    let mut languages = BTreeMap::new();
    for pair in f[6].split(',').filter(|p| *p != "-" && !p.is_empty()) {
        let (code, level) = pair.split_once(':').ok_or_else(|| bad(line, pair))?;
        languages.insert(LanguageCode::parse(code)?, CefrLevel::parse(level)?);
    }
    let (lo, hi) = f[7].split_once('-').ok_or_else(|| bad(line, "hours"))?;
    let hours = (number(line, lo)?, number(line, hi)?);
    if hours.0 < 4 || hours.0 > hours.1 || hours.1 > 20 {
        return Err(bad(line, "hours must be a range within 4-20"));
    }
    let schedules = f[9]
        .split_whitespace()
        .map(|s| schedule(line, s))
        .collect::<Result<Vec<_>>>()?;
    if schedules.is_empty() {
        return Err(bad(line, "no schedule"));
    }
    Ok(Template {
        sector: Sector::parse(f[0])?,
        title: f[1],
        description: f[2],
        demands,
        essential: skills(f[4])?,
        optional: skills(f[5])?,
        languages,
        hours,
        days: number(line, f[8])?,
        schedules,
        learnable: f[10] == "1",
        value: number(line, f[11])?,
    })
}

/// Every template, in table order.
pub fn templates() -> Result<Vec<Template>> {
    TASKS
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| parse_line(i, l))
        .collect()
}

/// Where and for whom a task is made.
#[derive(Debug, Clone, Copy)]
pub struct Site<'a> {
    pub employer: EmployerId,
    pub municipalities: &'a [MunicipalityCode],
    /// Swedish is asked for in some customer-facing tasks (bilingual Kokkola).
    pub swedish_percent: u64,
}

/// One employer's task from `t`.
pub fn task(rng: &mut Rng, t: &Template, site: Site<'_>) -> Result<Task> {
    let id = TaskId(rng.uuid());
    let hours = rng.range(u64::from(t.hours.0), u64::from(t.hours.1)) as u8;
    // At least about three hours a day: few people come in for one hour.
    let days = t.days.min((hours / 3).max(1));
    let mut demands = t.demands.clone();
    let keys: Vec<Dimension> = demands.keys().copied().collect();
    if !keys.is_empty() && rng.chance(40) {
        let d = *rng.pick(&keys);
        let v = i64::from(demands[&d].get());
        let nudged = if rng.chance(50) { v + 1 } else { v - 1 };
        demands.insert(d, Level::new(nudged.clamp(1, 4))?);
    }
    let mut languages = t.languages.clone();
    let facing = demands
        .get(&Dimension::CustomerContact)
        .is_some_and(|l| l.get() >= 2);
    if facing && rng.chance(site.swedish_percent) {
        languages.insert(LanguageCode::parse("sv")?, CefrLevel::A2);
    }
    let value = match rng.below(10) {
        0 => t.value.saturating_sub(1).max(1),
        1 => (t.value + 1).min(5),
        _ => t.value,
    };
    Ok(Task {
        id,
        employer_id: site.employer,
        title: t.title.to_owned(),
        description: t.description.to_owned(),
        skills_essential: t.essential.clone(),
        skills_optional: t.optional.clone(),
        languages,
        demands: DemandProfile { demands },
        hours_per_week: hours,
        days_per_week: days,
        schedule: *rng.pick(&t.schedules),
        municipality: rng.pick(site.municipalities).clone(),
        learnable_on_job: t.learnable,
        value,
        // The sector's general occupation (listed first in the table), for goal fit.
        occupation: super::esco_refs::occupations_of(t.sector)?
            .into_iter()
            .next(),
        version: 1,
    })
}
