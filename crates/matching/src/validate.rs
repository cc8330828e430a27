//! Checks an [`Input`] beyond what its types guarantee: ranges, unique ids, references between
//! openings and tasks, ESCO kinds. Every error names the JSON path of the bad field.

use crate::error::InputError;
use crate::input::{Input, Participant, Task};
use polku_domain::{EscoKind, EscoUri, OpeningKind};
use std::collections::HashSet;

fn bad(path: String, message: impl Into<String>) -> InputError {
    InputError::new(path, "invalid_value", message)
}

fn range(path: impl Fn() -> String, v: u32, lo: u32, hi: u32) -> Result<(), InputError> {
    if (lo..=hi).contains(&v) {
        Ok(())
    } else {
        Err(bad(path(), format!("{v} is outside {lo}-{hi}")))
    }
}

fn uris(path: &str, list: &[EscoUri], kind: EscoKind) -> Result<(), InputError> {
    let want = match kind {
        EscoKind::Skill => "an ESCO skill URI",
        _ => "an ESCO occupation URI",
    };
    match list.iter().position(|u| u.kind() != kind) {
        Some(i) => Err(bad(format!("{path}[{i}]"), format!("expected {want}"))),
        None => Ok(()),
    }
}

fn unique<'a>(
    seen: &mut HashSet<&'a str>,
    id: &'a str,
    path: impl Fn() -> String,
) -> Result<(), InputError> {
    if id.is_empty() {
        return Err(bad(path(), "an id must not be empty"));
    }
    if seen.insert(id) {
        Ok(())
    } else {
        Err(InputError::new(
            path(),
            "duplicate_id",
            format!("id {id:?} is used twice"),
        ))
    }
}

fn participant(p: &Participant, at: &str) -> Result<(), InputError> {
    let h = p.hours_per_week;
    range(|| format!("{at}.hours_per_week.max"), h.max.into(), 0, 60)?;
    if h.min > h.max {
        return Err(bad(
            format!("{at}.hours_per_week.min"),
            format!("min {} is above max {}", h.min, h.max),
        ));
    }
    range(
        || format!("{at}.days_per_week_max"),
        p.days_per_week_max.into(),
        1,
        7,
    )?;
    if let Some(m) = p.unemployed_months_of_28 {
        range(|| format!("{at}.unemployed_months_of_28"), m.into(), 0, 28)?;
    }
    if let Some(y) = p.birth_year {
        range(|| format!("{at}.birth_year"), y.into(), 1900, 2100)?;
    }
    uris(&format!("{at}.skills"), &p.skills, EscoKind::Skill)?;
    uris(&format!("{at}.goals"), &p.goals, EscoKind::Occupation)
}

fn task(t: &Task, at: &str) -> Result<(), InputError> {
    if t.title.trim().is_empty() {
        return Err(bad(format!("{at}.title"), "a title must not be empty"));
    }
    range(
        || format!("{at}.hours_per_week"),
        t.hours_per_week.into(),
        1,
        40,
    )?;
    if let Some(d) = t.days_per_week {
        range(|| format!("{at}.days_per_week"), d.into(), 1, 7)?;
    }
    range(|| format!("{at}.value"), t.value.into(), 1, 5)?;
    uris(
        &format!("{at}.skills_essential"),
        &t.skills_essential,
        EscoKind::Skill,
    )?;
    uris(
        &format!("{at}.skills_optional"),
        &t.skills_optional,
        EscoKind::Skill,
    )?;
    if let Some(o) = &t.occupation {
        uris(
            &format!("{at}.occupation"),
            std::slice::from_ref(o),
            EscoKind::Occupation,
        )
        .map_err(|mut e| {
            e.path = format!("{at}.occupation");
            e
        })?;
    }
    Ok(())
}

/// Checks the whole input.
pub fn validate(input: &Input) -> Result<(), InputError> {
    let mut ids = HashSet::new();
    for (i, p) in input.participants.iter().enumerate() {
        let at = format!("participants[{i}]");
        unique(&mut ids, &p.id, || format!("{at}.id"))?;
        participant(p, &at)?;
    }
    let mut employers = HashSet::new();
    let mut openings = HashSet::new();
    for (e, emp) in input.employers.iter().enumerate() {
        let at = format!("employers[{e}]");
        unique(&mut employers, &emp.id, || format!("{at}.id"))?;
        if let Some(w) = emp.hourly_wage_eur {
            if !(w.is_finite() && (0.0..=1000.0).contains(&w)) {
                return Err(bad(format!("{at}.hourly_wage_eur"), "must be 0-1000"));
            }
        }
        let mut tasks = HashSet::new();
        for (t, tk) in emp.tasks.iter().enumerate() {
            let tat = format!("{at}.tasks[{t}]");
            unique(&mut tasks, &tk.id, || format!("{tat}.id"))?;
            task(tk, &tat)?;
        }
        for (o, op) in emp.openings.iter().enumerate() {
            let oat = format!("{at}.openings[{o}]");
            unique(&mut openings, &op.id, || format!("{oat}.id"))?;
            range(|| format!("{oat}.capacity"), op.capacity.into(), 1, 10_000)?;
            if op.tasks.is_empty() {
                return Err(bad(format!("{oat}.tasks"), "an opening needs a task"));
            }
            let mut seen = HashSet::new();
            for (k, id) in op.tasks.iter().enumerate() {
                if !tasks.contains(id.as_str()) {
                    return Err(InputError::not_found(
                        &format!("{oat}.tasks[{k}]"),
                        "task of this employer",
                        id,
                    ));
                }
                unique(&mut seen, id, || format!("{oat}.tasks[{k}]"))?;
            }
            let trial = matches!(
                op.kind,
                OpeningKind::WorkTrial | OpeningKind::EducationTrial
            );
            if trial && op.monthly_wage_eur.is_some() {
                return Err(bad(
                    format!("{oat}.monthly_wage_eur"),
                    "trials are unpaid: leave the wage out",
                ));
            }
        }
    }
    let mut languages: HashSet<&str> = ["fi", "sv", "en"].into_iter().collect();
    for (e, emp) in input.employers.iter().enumerate() {
        for (t, tk) in emp.tasks.iter().enumerate() {
            for code in tk.languages.keys() {
                if languages.insert(code.as_str()) && languages.len() > 8 {
                    return Err(bad(
                        format!("employers[{e}].tasks[{t}].languages.{}", code.as_str()),
                        "at most eight different languages (fi, sv, en and five more) can be required",
                    ));
                }
            }
        }
    }
    if let Some(list) = &input.accommodations {
        if list.len() > crate::accommodate::MAX_ACCS {
            return Err(bad(
                format!("accommodations[{}]", crate::accommodate::MAX_ACCS),
                format!("at most {} accommodations", crate::accommodate::MAX_ACCS),
            ));
        }
        let mut seen = HashSet::new();
        for (a, acc) in list.iter().enumerate() {
            let at = format!("accommodations[{a}]");
            unique(&mut seen, &acc.id, || format!("{at}.id"))?;
            for (d, lv) in &acc.relieves {
                range(|| format!("{at}.relieves.{}", d.key()), (*lv).into(), 1, 4)?;
            }
        }
    }
    if let Some(s) = &input.allocation {
        if !(s.fairness_weight.is_finite() && (0.0..=10.0).contains(&s.fairness_weight)) {
            return Err(bad(
                "allocation.fairness_weight".into(),
                "must be between 0 and 10",
            ));
        }
    }
    Ok(())
}

/// Parses and validates JSON text.
pub fn parse(text: &str) -> Result<Input, InputError> {
    let input: Input =
        serde_json::from_str(text).map_err(|e| crate::error::from_serde(text, &e))?;
    validate(&input)?;
    Ok(input)
}
