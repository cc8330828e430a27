//! The score parts with the figures behind them, and in plain words (rendered when written).

use super::micro;
use crate::dict::BitSet;
use crate::hit::text::LowestLanguage;
use crate::hit::{Msg, PartText, PartsOut, Text};
use crate::index::Index;
use crate::score::{self, Parts, PersonView, TaskView, WEIGHTS};
use crate::swar;

/// The parts of person `p` for the tasks `tasks` of employer `employer` as numbers, with
/// their figures and sentences (see [`parts_of`]).
#[allow(clippy::too_many_arguments)]
pub fn parts<'a>(
    ix: &'a Index,
    p: usize,
    tasks: &[u32],
    skills: &BitSet,
    parts: &Parts,
    acc_cost: u64,
    employer: usize,
    words: bool,
) -> (PartsOut, [PartText<'a>; 8]) {
    let views = tasks.iter().map(|&t| TaskView::of(ix, t as usize));
    parts_of(ix, p, views, skills, parts, acc_cost, employer, words)
}

/// The parts of a pair as numbers, and each part with the figures behind it and (when `words`)
/// its sentence; `tasks` are the job's tasks (an opening's packed copy in the hot path).
#[allow(clippy::too_many_arguments)]
pub fn parts_of<'a, 't>(
    ix: &'a Index,
    p: usize,
    tasks: impl Iterator<Item = TaskView<'t>>,
    skills: &BitSet,
    parts: &Parts,
    acc_cost: u64,
    employer: usize,
    words: bool,
) -> (PartsOut, [PartText<'a>; 8]) {
    let pv = PersonView::of(ix, p);
    let (mut eh, mut et, mut oh, mut ot, mut learnable_missing, mut goal_hours) =
        (0, 0, 0, 0, 0, 0u32);
    let (mut spare, mut demanded, mut unknown) = (0u32, 0u32, 0u32);
    let mut lowest: LowestLanguage<'a> = None;
    let na = ix.people.not_assessed[p];
    for tv in tasks {
        let f = score::fit(&pv, &tv, skills);
        eh += f.essential.0;
        et += f.essential.1;
        oh += f.optional.0;
        ot += f.optional.1;
        if f.learnable {
            learnable_missing += f.essential.1 - f.essential.0;
        }
        if f.goal {
            goal_hours += u32::from(tv.hours);
        }
        let mut req = tv.lang;
        while req != 0 {
            let slot = (req.trailing_zeros() / 8) as usize;
            let r = (req >> (slot * 8)) as u8;
            req &= !(0xFF << (slot * 8));
            let has = (pv.lang >> (slot * 8)) as u8;
            let margin = has.saturating_sub(r);
            // Slots in order, strict improvement: the first lowest wins, as task by task.
            if lowest.is_none_or(|(m, _, _)| margin < m) {
                lowest = Some((margin, ix.languages[slot].as_str(), r));
            }
        }
        let mut bits = tv.demanded;
        demanded += bits.count_ones();
        unknown += (bits & na).count_ones();
        bits &= !na;
        while bits != 0 {
            let d = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if swar::lane(&pv.cap, d) > swar::lane(&tv.demand, d) {
                spare += 1;
            }
        }
    }
    let m = parts.micro.map(micro);
    let max = WEIGHTS.map(micro);
    let t = |msg| Text::new(words, msg);
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
    let list = [
        PartText::EssentialSkills {
            points: m[0],
            max: max[0],
            have: eh,
            of: et,
            text: t(Msg::Essential { have: eh, of: et }),
        },
        PartText::OptionalSkills {
            points: m[1],
            max: max[1],
            have: oh,
            of: ot,
            text: t(Msg::Optional { have: oh, of: ot }),
        },
        PartText::LearnableGaps {
            points: m[2],
            max: max[2],
            missing: et - eh,
            learnable_on_job: learnable_missing,
            text: t(Msg::Learnable {
                missing: et - eh,
                learnable: learnable_missing,
            }),
        },
        PartText::LanguageMargin {
            points: m[3],
            max: max[3],
            language: lowest.map(|l| l.1),
            required: lowest.map(|l| crate::feasible::cefr(l.2)),
            levels_above: lowest.map(|l| l.0),
            text: t(Msg::LanguageMargin(lowest)),
        },
        PartText::FunctioningMargin {
            points: m[4],
            max: max[4],
            demands: demanded,
            spare,
            not_assessed: unknown,
            text: t(Msg::FunctioningMargin {
                spare,
                demands: demanded,
                not_assessed: unknown,
            }),
        },
        PartText::AccommodationCost {
            points: m[5],
            max: max[5],
            cost_eur: acc_cost,
            text: t(Msg::AccommodationCost(acc_cost)),
        },
        PartText::GoalFit {
            points: m[6],
            max: max[6],
            goal_hours,
            text: t(Msg::Goal(goal_hours)),
        },
        PartText::EmployerReadiness {
            points: m[7],
            max: max[7],
            mentor: ix.employers.mentor[employer],
            trial_places: ix.employers.offers_trials[employer],
            text: t(Msg::Readiness {
                mentor: ix.employers.mentor[employer],
                trial_places: ix.employers.offers_trials[employer],
            }),
        },
    ];
    (out, list)
}
