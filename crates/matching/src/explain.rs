//! Explanations in plain words: what each score part means for this pair, why it fits, what to
//! check, which limits exclude it. Items carry a stable `code` and figures, so a user interface
//! can render them in any locale; `text` is the English wording.

use crate::accommodate;
use crate::feasible::{self, cefr, Job, Limit};
use crate::index::Index;
use crate::output::{Check, DimFit, Fit, LimitOut};
use crate::score;
use crate::swar;
use polku_domain::Dimension;

mod parts;

pub use parts::parts;

/// English label of a dimension, from the catalogue when it has one (else its key).
pub fn label(d: Dimension) -> &'static str {
    polku_domain::catalogue::dimension(d).map_or(d.key(), |i| i.label.en.as_str())
}

pub(crate) fn lang_name(code: &str) -> String {
    match code {
        "fi" => "Finnish".into(),
        "sv" => "Swedish".into(),
        "en" => "English".into(),
        other => format!("language {other}"),
    }
}

/// Millionths as a number.
pub fn micro(v: u32) -> f64 {
    f64::from(v) / 1e6
}

/// Why the pair fits: hours, days, place, languages, functioning.
pub fn fits<'a>(ix: &'a Index, p: usize, job: &Job, cover: u64) -> Vec<Fit<'a>> {
    let pe = &ix.people;
    let (lo, hi) = pe.hours[p];
    let muni = ix.municipalities.name(job.municipality);
    let mut out = Vec::with_capacity(8);
    out.extend([
        Fit::Hours {
            hours_per_week: job.hours,
            min: lo,
            max: hi,
            text: format!(
                "{} hours a week is within the person's {lo}–{hi}.",
                job.hours
            ),
        },
        Fit::Days {
            days_per_week: job.days,
            max: pe.days_max[p],
            text: format!(
                "{} days a week, at most {} possible.",
                job.days, pe.days_max[p]
            ),
        },
        Fit::Municipality {
            municipality: muni,
            text: format!("Located in municipality {muni}, which the person can reach."),
        },
    ]);
    for (slot, code) in ix.languages.iter().enumerate() {
        let req = (job.lang >> (slot * 8)) as u8;
        if req > 0 {
            let has = (pe.lang[p] >> (slot * 8)) as u8;
            out.push(Fit::Language {
                language: code,
                required: cefr(req),
                has: cefr(has),
                text: format!(
                    "{}: has {}, the work needs {}.",
                    lang_name(code),
                    cefr(has),
                    cefr(req)
                ),
            });
        }
    }
    let dem = swar::unpack(&job.demand);
    let mut managed = Vec::new();
    let mut words = String::new();
    for d in Dimension::ALL {
        let i = d.index();
        let Some(cap) = ix.capacity(p, i) else {
            continue;
        };
        if dem[i] == 0 {
            continue;
        }
        if cap >= dem[i] {
            managed.push(DimFit {
                dimension: d.key(),
                demand: dem[i],
                capacity: cap,
            });
            if !words.is_empty() {
                words.push_str(", ");
            }
            words.push_str(&format!(
                "{} {cap} for {}",
                label(*d).to_lowercase(),
                dem[i]
            ));
        } else {
            let by: Vec<&str> = accommodate::ids(&ix.accs, cover)
                .into_iter()
                .filter(|id| {
                    ix.accs
                        .iter()
                        .any(|a| a.id == *id && a.relieves[i] >= dem[i] - cap)
                })
                .collect();
            let text = format!(
                "{}: the work needs {}, the person manages {cap}; {} closes the gap.",
                label(*d),
                dem[i],
                by.join(", ")
            );
            out.push(Fit::Accommodated {
                dimension: d.key(),
                demand: dem[i],
                capacity: cap,
                accommodations: by,
                text,
            });
        }
    }
    if !managed.is_empty() {
        let text =
            format!("Manages what the work demands (level managed for level needed): {words}.");
        out.push(Fit::Functioning {
            dimensions: managed,
            text,
        });
    }
    out
}

/// Demands on dimensions the person was not assessed on.
pub fn to_check(job: &Job, bits: u32) -> Vec<Check> {
    score::dims(bits)
        .map(|d| {
            let need = swar::lane(&job.demand, d.index());
            Check {
                dimension: d.key(),
                demand: need,
                text: format!(
                    "{} has not been assessed; the work needs level {need}. Check before proposing.",
                    label(d)
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
            dimension: dimension.key(),
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
