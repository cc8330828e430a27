//! Explanations in plain words: what each score part means for this pair, why it fits, what to
//! check, which limits exclude it. Items carry a stable `code` and figures, so a user interface
//! can render them in any locale; `text` is the English wording.

use crate::accommodate;
use crate::feasible::{self, cefr, Job, Limit};
use crate::hit::{Check, DimList, Fit, LimitOut, Msg, Text};
use crate::index::Index;
use crate::score;
use crate::swar;
use polku_domain::Dimension;

mod parts;

pub use parts::{parts, parts_of};

/// English label of a dimension, from the catalogue when it has one (else its key).
pub fn label(d: Dimension) -> &'static str {
    polku_domain::catalogue::dimension(d).map_or(d.key(), |i| i.label.en.as_str())
}

pub(crate) fn lang_name(code: &str) -> crate::hit::text::LangName<'_> {
    crate::hit::text::LangName(code)
}

/// Millionths, written as the decimal number they stand for.
pub fn micro(v: u32) -> crate::hit::Micro {
    crate::hit::Micro(v)
}

/// Why the pair fits: hours, days, place, languages, functioning (sentences when `words`).
pub fn fits<'a>(ix: &'a Index, p: usize, job: &Job, cover: u64, words: bool) -> Vec<Fit<'a>> {
    let pe = &ix.people;
    let (lo, hi) = pe.hours[p];
    let muni = ix.municipalities.name(job.municipality);
    let t = |msg| Text::new(words, msg);
    let mut out = Vec::with_capacity(8);
    out.extend([
        Fit::Hours {
            hours_per_week: job.hours,
            min: lo,
            max: hi,
            text: t(Msg::Hours {
                hours: job.hours,
                min: lo,
                max: hi,
            }),
        },
        Fit::Days {
            days_per_week: job.days,
            max: pe.days_max[p],
            text: t(Msg::Days {
                days: job.days,
                max: pe.days_max[p],
            }),
        },
        Fit::Municipality {
            municipality: muni,
            text: t(Msg::Municipality(muni)),
        },
    ]);
    let mut req = job.lang;
    while req != 0 {
        let slot = (req.trailing_zeros() / 8) as usize;
        let r = (req >> (slot * 8)) as u8;
        req &= !(0xFF << (slot * 8));
        let has = cefr((pe.lang[p] >> (slot * 8)) as u8);
        let code = ix.languages[slot].as_str();
        out.push(Fit::Language {
            language: code,
            required: cefr(r),
            has,
            text: t(Msg::Language {
                code,
                has,
                required: cefr(r),
            }),
        });
    }
    let demand = swar::unpack(&job.demand);
    let capacity = swar::unpack(&pe.cap[p]);
    let mut managed = 0u32;
    let demanded = demand
        .iter()
        .enumerate()
        .fold(0u32, |m, (i, &l)| m | u32::from(l > 0) << i);
    let mut bits = demanded & !pe.not_assessed[p];
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        let (need, cap) = (demand[i], capacity[i]);
        if cap >= need {
            managed |= 1 << i;
            continue;
        }
        let mut by = 0u64;
        for (k, a) in ix.accs.iter().take(accommodate::MAX_ACCS).enumerate() {
            if cover >> k & 1 == 1 && a.relieves[i] >= need - cap {
                by |= 1 << k;
            }
        }
        let d = Dimension::ALL[i];
        out.push(Fit::Accommodated {
            dimension: d,
            demand: need,
            capacity: cap,
            accommodations: crate::hit::AccIds::new(&ix.accs, by),
            text: t(Msg::Accommodated {
                dimension: d,
                demand: need,
                capacity: cap,
                accs: &ix.accs,
                by,
            }),
        });
    }
    if managed != 0 {
        let list = DimList {
            dims: managed,
            demand,
            capacity,
        };
        out.push(Fit::Functioning {
            dimensions: list,
            text: t(Msg::Functioning(list)),
        });
    }
    out
}

/// Demands on dimensions the person was not assessed on.
pub fn to_check<'a>(job: &Job, bits: u32, words: bool) -> Vec<Check<'a>> {
    score::dims(bits)
        .map(|d| {
            let need = swar::lane(&job.demand, d.index());
            Check {
                dimension: d,
                demand: need,
                text: Text::new(
                    words,
                    Msg::Check {
                        dimension: d,
                        demand: need,
                    },
                ),
            }
        })
        .collect()
}

/// One broken limit in plain words.
pub fn limit<'a>(l: &Limit<'a>) -> LimitOut<'a> {
    match l {
        Limit::Functioning {
            dimension,
            demand,
            capacity,
            best_relief,
        } => LimitOut::Functioning {
            dimension: *dimension,
            demand: *demand,
            capacity: *capacity,
            text: if *best_relief == 0 {
                format!("{}: the work needs level {demand}, the person manages {capacity}, and no accommodation relieves it.", label(*dimension))
            } else {
                format!("{}: the work needs level {demand}, the person manages {capacity}; accommodations relieve at most {best_relief} level(s).", label(*dimension))
            },
        },
        Limit::Language {
            language,
            required,
            has,
        } => LimitOut::Language {
            language,
            required: cefr(*required),
            has: cefr(*has),
            text: format!(
                "{}: the work needs {}, the person has {}.",
                lang_name(language),
                cefr(*required),
                cefr(*has)
            ),
        },
        Limit::Hours { hours, min, max } => LimitOut::Hours {
            hours_per_week: *hours,
            min: *min,
            max: *max,
            text: format!("{hours} hours a week is outside the person's {min}–{max}."),
        },
        Limit::Days { days, max } => LimitOut::Days {
            days_per_week: *days,
            max: *max,
            text: format!("{days} days a week; the person can work at most {max}."),
        },
        Limit::Schedule { schedule } => LimitOut::Schedule {
            schedule,
            text: format!("The work is done at {schedule}; the person cannot work at {schedule}."),
        },
        Limit::Municipality { municipality } => LimitOut::Municipality {
            municipality,
            text: format!("Municipality {municipality} is not one the person can reach."),
        },
    }
}

/// All limits a job breaks, in plain words.
pub fn excluded_by<'a>(ix: &'a Index, p: usize, job: &Job, check_hours: bool) -> Vec<LimitOut<'a>> {
    feasible::limits(ix, p, job, check_hours)
        .iter()
        .map(limit)
        .collect()
}
