//! `craft`: the optimal job from one employer's tasks, with reasons and descriptions.

use super::{hits::person, CraftArgs, InputError};
use crate::craft;
use crate::describe::{self, Facts};
use crate::dict::BitSet;
use crate::explain;
use crate::index::Index;
use crate::input::Input;
use crate::output::{Crafted, Explained, HoursRange, PaySubsidy};
use crate::subsidy;
use crate::validate;
use serde_json::Value;
use time::Date;

/// The optimal crafted job for a participant at an employer.
pub fn craft(input: &Input, args: &CraftArgs, today: Date) -> Result<Crafted, InputError> {
    validate::validate(input)?;
    let ix = Index::build(input);
    let p = person(&ix, &args.participant)?;
    let e = *ix
        .employer_by_id
        .get(&args.employer)
        .ok_or_else(|| InputError::not_found("employer", "employer", &args.employer))?
        as usize;
    let hours = args.hours.unwrap_or(ix.people.hours[p]);
    if hours.0 > hours.1 {
        return Err(InputError::new(
            "hours",
            "invalid_value",
            format!("{}-{} is not a range", hours.0, hours.1),
        ));
    }
    let mut skills = BitSet::with_len(ix.skills.len());
    skills.set_all(ix.people.skills.row(p));
    let c = craft::craft(&ix, p, e, hours, &skills);
    let left_out = crate::craft_explain::left_out(&ix, p, &c, &skills);
    let emp = input.employers.iter().find(|x| x.id == args.employer);
    let name = emp
        .and_then(|x| x.name.clone())
        .unwrap_or_else(|| args.employer.clone());
    let parts = crate::score::parts(&ix, p, &c.tasks, &skills, c.acc_cost, e);
    let (parts_out, explanation) =
        explain::parts(&ix, p, &c.tasks, &skills, &parts, c.acc_cost, e, true);
    let subsidy = ix.employers.hourly_wage[e]
        .filter(|_| !c.tasks.is_empty())
        .map(|w| {
            let wage = w * f64::from(c.hours) * subsidy::WEEKS_PER_MONTH;
            subsidy::pay_estimate(
                &ix.people.subsidy[p],
                ix.employers.legal_form[e],
                wage,
                c.hours,
                today,
            )
        });
    let (days, sched) = c.tasks.iter().fold((0u8, 0u8), |(d, s), &t| {
        (
            d.max(ix.tasks.days[t as usize]),
            s | ix.tasks.sched[t as usize],
        )
    });
    let facts = Facts {
        employer: &name,
        tasks: c
            .tasks
            .iter()
            .map(|&t| ix.tasks.title[t as usize].as_str())
            .collect(),
        hours: c.hours,
        days,
        sched,
        accs: c.accs,
        acc_cost: c.acc_cost,
        mentor: ix.employers.mentor[e],
        subsidy_eur_month: subsidy.as_ref().and_then(|s| s.estimate_eur_month),
    };
    Ok(Crafted {
        participant: args.participant.clone(),
        employer: args.employer.clone(),
        found: c.found,
        tasks: c
            .tasks
            .iter()
            .map(|&t| ix.tasks.id[t as usize].clone())
            .collect(),
        hours_per_week: c.hours,
        hours_range: HoursRange {
            min: hours.0,
            max: hours.1,
        },
        accommodations: crate::accommodate::ids(&ix.accs, c.accs)
            .into_iter()
            .map(|a| a.to_owned())
            .collect(),
        accommodation_cost_eur: c.acc_cost,
        accommodation_subsidies: subsidy::for_accommodations(&ix, c.accs, today)
            .iter()
            .map(Into::into)
            .collect(),
        objective: c.objective as f64 / 1000.0,
        score: explain::micro(parts.score()).as_f64(),
        parts: parts_out.into(),
        explanation: explanation.iter().map(Explained::from).collect(),
        subsidy: subsidy.as_ref().map(PaySubsidy::from),
        left_out,
        description: describe::describe(&ix, &facts),
    })
}

/// [`craft`] on JSON text, answered as JSON (`polku craft`, `POST /api/v1/craft`).
pub fn craft_json(input: &str, args: &CraftArgs, today: Date) -> Result<Value, InputError> {
    craft(&validate::parse(input)?, args, today).map(|c| super::to_json(&c))
}
