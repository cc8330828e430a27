//! The score parts in plain words.

use super::{lang_name, micro};
use crate::dict::BitSet;
use crate::feasible::cefr;
use crate::index::Index;
use crate::output::{PartText, PartsOut};
use crate::score::{self, Parts, PART_NAMES, WEIGHTS};
use crate::swar;

fn language_text(ix: &Index, p: usize, tasks: &[u32]) -> String {
    let mut lowest: Option<(u8, &str, u8)> = None;
    for &t in tasks {
        let req = ix.tasks.lang[t as usize];
        for (slot, code) in ix.languages.iter().enumerate() {
            let r = (req >> (slot * 8)) as u8;
            if r > 0 {
                let has = (ix.people.lang[p] >> (slot * 8)) as u8;
                let margin = has.saturating_sub(r);
                if lowest.is_none_or(|(m, _, _)| margin < m) {
                    lowest = Some((margin, code, r));
                }
            }
        }
    }
    match lowest {
        None => "The tasks need no particular language.".to_owned(),
        Some((0, code, r)) => format!(
            "{} is exactly at the level the work needs ({}).",
            lang_name(code),
            cefr(r)
        ),
        Some((m, code, r)) => format!(
            "{} is {m} level(s) above what the work needs ({}).",
            lang_name(code),
            cefr(r)
        ),
    }
}

/// The parts of a pair as numbers and in plain words.
pub fn parts(
    ix: &Index,
    p: usize,
    tasks: &[u32],
    skills: &BitSet,
    parts: &Parts,
    acc_cost: u64,
) -> (PartsOut, Vec<PartText>) {
    let (mut eh, mut et, mut oh, mut ot, mut learnable_missing, mut goal_hours) =
        (0, 0, 0, 0, 0, 0u32);
    let (mut spare, mut demanded, mut unknown) = (0u32, 0u32, 0u32);
    for &t in tasks {
        let f = score::task_fit(ix, p, t as usize, skills);
        eh += f.essential.0;
        et += f.essential.1;
        oh += f.optional.0;
        ot += f.optional.1;
        if f.learnable {
            learnable_missing += f.essential.1 - f.essential.0;
        }
        if f.goal {
            goal_hours += u32::from(ix.tasks.hours[t as usize]);
        }
        let dem = &ix.tasks.demand[t as usize];
        let mut bits = ix.tasks.demanded[t as usize];
        while bits != 0 {
            let d = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            demanded += 1;
            match ix.capacity(p, d) {
                None => unknown += 1,
                Some(c) if c > swar::lane(dem, d) => spare += 1,
                _ => {}
            }
        }
    }
    let texts = [
        format!("Has {eh} of the {et} essential skills."),
        if ot == 0 {
            "The work asks for no extra skills.".to_owned()
        } else {
            format!("Has {oh} of the {ot} useful extra skills.")
        },
        if et == eh {
            "No essential skill is missing.".to_owned()
        } else {
            format!(
                "{learnable_missing} of the {} missing skills can be learnt on the job.",
                et - eh
            )
        },
        language_text(ix, p, tasks),
        if demanded == 0 {
            "The work makes no particular physical, cognitive or social demands.".to_owned()
        } else {
            format!("Capacity to spare on {spare} of {demanded} demands; {unknown} not assessed.")
        },
        if acc_cost == 0 {
            "No accommodations are needed.".to_owned()
        } else {
            format!("Accommodations cost about €{acc_cost}.")
        },
        if goal_hours > 0 {
            format!("{goal_hours} hours a week are in work the person has set as a goal.")
        } else {
            "The work is not among the person's goals.".to_owned()
        },
        "The employer's readiness: a mentor (0.03), trial places (0.02).".to_owned(),
    ];
    let m = parts.micro.map(micro);
    let out = PartsOut {
        essential_skills: m[0],
        optional_skills: m[1],
        learnable_gaps: m[2],
        language_margin: m[3],
        functioning_margin: m[4],
        accommodation_cost: m[5],
        goal_fit: m[6],
        employer_readiness: m[7],
    };
    let list = texts
        .into_iter()
        .enumerate()
        .map(|(k, text)| PartText {
            part: PART_NAMES[k],
            points: m[k],
            max: micro(WEIGHTS[k]),
            text,
        })
        .collect();
    (out, list)
}
