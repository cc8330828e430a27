//! Why openings were left out of a participant's suggestions, and what would change that: the
//! engine's hard limits for every excluded opening, counted by kind, with the one change to
//! the participant's details that would bring back the most openings (for example "widen the
//! hours to 15–30"). Functioning is counted but never suggested as a change: a person's
//! functioning is assessed, not adjusted to fit a job.

use polku_matching::output::{Excluded, Limits};
use std::collections::{BTreeMap, BTreeSet};

/// A kind of hard limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    Hours,
    Days,
    Schedule,
    Municipality,
    Language,
    Functioning,
}

impl Reason {
    /// A stable code, e.g. for translation keys.
    pub fn code(self) -> &'static str {
        match self {
            Reason::Hours => "hours",
            Reason::Days => "days",
            Reason::Schedule => "schedule",
            Reason::Municipality => "municipality",
            Reason::Language => "language",
            Reason::Functioning => "functioning",
        }
    }

    fn of(l: &Limits) -> Reason {
        match l {
            Limits::Hours { .. } => Reason::Hours,
            Limits::Days { .. } => Reason::Days,
            Limits::Schedule { .. } => Reason::Schedule,
            Limits::Municipality { .. } => Reason::Municipality,
            Limits::Language { .. } => Reason::Language,
            Limits::Functioning { .. } => Reason::Functioning,
        }
    }
}

/// How many excluded openings break a kind of limit (`openings`), and how many break that
/// kind only (`only`: these come back if that limit alone changes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReasonCount {
    pub reason: Reason,
    pub openings: usize,
    pub only: usize,
}

/// A change to the participant's details that brings back `reveals` openings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Widen the weekly hours to `min`–`max`.
    Hours { min: u8, max: u8, reveals: usize },
    /// Allow up to `days` working days a week.
    Days { days: u8, reveals: usize },
    /// Allow work at these times (`evenings`, `nights`, `weekends`).
    Schedule {
        schedules: Vec<&'static str>,
        reveals: usize,
    },
    /// Add these municipalities (codes) to those the participant can reach.
    Municipalities { codes: Vec<String>, reveals: usize },
    /// Reach these language levels (language code, CEFR level).
    Languages {
        levels: Vec<(String, &'static str)>,
        reveals: usize,
    },
}

impl Change {
    pub fn reveals(&self) -> usize {
        match self {
            Change::Hours { reveals, .. }
            | Change::Days { reveals, .. }
            | Change::Schedule { reveals, .. }
            | Change::Municipalities { reveals, .. }
            | Change::Languages { reveals, .. } => *reveals,
        }
    }
}

/// Why openings were left out, most common reason first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Exclusions {
    /// Openings excluded by at least one hard limit.
    pub total: usize,
    pub reasons: Vec<ReasonCount>,
    /// The change that brings back the most openings, if any change would.
    pub best: Option<Change>,
}

fn cefr_rank(level: &str) -> u8 {
    ["A1", "A2", "B1", "B2", "C1", "C2"]
        .iter()
        .position(|l| *l == level)
        .map_or(0, |p| p as u8 + 1)
}

/// Summarises the engine's excluded pairs for one participant whose wished hours are
/// `hours` (min, max).
pub fn summarise(excluded: &[Excluded], hours: (u8, u8)) -> Exclusions {
    let mut counts: BTreeMap<Reason, (usize, usize)> = BTreeMap::new();
    // For the openings that break one kind of limit only: what it would take.
    let (mut lo, mut hi, mut n_hours) = (hours.0, hours.1, 0);
    let (mut days, mut n_days) = (0u8, 0);
    let (mut schedules, mut n_sched) = (BTreeSet::new(), 0);
    let (mut places, mut n_places) = (BTreeSet::new(), 0);
    let (mut langs, mut n_langs) = (BTreeMap::<String, &'static str>::new(), 0);
    for e in excluded {
        let kinds: BTreeSet<Reason> = e.excluded_by.iter().map(|l| Reason::of(&l.limit)).collect();
        let only = kinds.len() == 1;
        for k in &kinds {
            let c = counts.entry(*k).or_default();
            c.0 += 1;
            c.1 += usize::from(only);
        }
        if !only {
            continue;
        }
        for l in &e.excluded_by {
            match &l.limit {
                Limits::Hours { hours_per_week, .. } => {
                    let h = u8::try_from(*hours_per_week).unwrap_or(u8::MAX);
                    lo = lo.min(h);
                    hi = hi.max(h);
                }
                Limits::Days { days_per_week, .. } => days = days.max(*days_per_week),
                Limits::Schedule { schedule } => {
                    schedules.insert(*schedule);
                }
                Limits::Municipality { municipality } => {
                    places.insert(municipality.clone());
                }
                Limits::Language {
                    language, required, ..
                } => {
                    let have = langs.entry(language.clone()).or_insert(required);
                    if cefr_rank(required) > cefr_rank(have) {
                        *have = required;
                    }
                }
                Limits::Functioning { .. } => {}
            }
        }
        match kinds.first() {
            Some(Reason::Hours) => n_hours += 1,
            Some(Reason::Days) => n_days += 1,
            Some(Reason::Schedule) => n_sched += 1,
            Some(Reason::Municipality) => n_places += 1,
            Some(Reason::Language) => n_langs += 1,
            _ => {}
        }
    }
    let mut reasons: Vec<ReasonCount> = counts
        .into_iter()
        .map(|(reason, (openings, only))| ReasonCount {
            reason,
            openings,
            only,
        })
        .collect();
    reasons.sort_by(|a, b| b.openings.cmp(&a.openings).then(a.reason.cmp(&b.reason)));
    let candidates = [
        (n_hours > 0).then_some(Change::Hours {
            min: lo,
            max: hi,
            reveals: n_hours,
        }),
        (n_days > 0).then_some(Change::Days {
            days,
            reveals: n_days,
        }),
        (n_sched > 0).then(|| Change::Schedule {
            schedules: schedules.into_iter().collect(),
            reveals: n_sched,
        }),
        (n_places > 0).then(|| Change::Municipalities {
            codes: places.into_iter().collect(),
            reveals: n_places,
        }),
        (n_langs > 0).then(|| Change::Languages {
            levels: langs.into_iter().collect(),
            reveals: n_langs,
        }),
    ];
    // The first of equals wins: hours before days before schedule, and so on.
    let best = candidates
        .into_iter()
        .flatten()
        .fold(None::<Change>, |best, c| match best {
            Some(b) if b.reveals() >= c.reveals() => Some(b),
            _ => Some(c),
        });
    Exclusions {
        total: excluded.len(),
        reasons,
        best,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polku_matching::output::Limit;

    fn ex(limits: Vec<Limits>) -> Excluded {
        Excluded {
            participant: "p".into(),
            opening: "o".into(),
            excluded_by: limits
                .into_iter()
                .map(|limit| Limit {
                    limit,
                    text: String::new(),
                })
                .collect(),
        }
    }

    fn hours(h: u16) -> Limits {
        Limits::Hours {
            hours_per_week: h,
            min: 20,
            max: 25,
        }
    }

    #[test]
    fn counts_by_reason_and_suggests_the_change_that_reveals_most() {
        let place = || Limits::Municipality {
            municipality: "398".into(),
        };
        let excluded = vec![
            ex(vec![hours(15)]),
            ex(vec![hours(30)]),
            ex(vec![hours(12), place()]),
            ex(vec![place()]),
        ];
        let s = summarise(&excluded, (20, 25));
        assert_eq!(s.total, 4);
        assert_eq!(
            s.reasons,
            vec![
                ReasonCount {
                    reason: Reason::Hours,
                    openings: 3,
                    only: 2
                },
                ReasonCount {
                    reason: Reason::Municipality,
                    openings: 2,
                    only: 1
                },
            ]
        );
        // The 12-hour opening also needs another municipality, so it does not widen the range.
        assert_eq!(
            s.best,
            Some(Change::Hours {
                min: 15,
                max: 30,
                reveals: 2
            })
        );
    }

    #[test]
    fn functioning_is_never_the_change() {
        let f = Limits::Functioning {
            dimension: polku_domain::Dimension::Pace,
            demand: 3,
            capacity: 1,
        };
        let s = summarise(&[ex(vec![f.clone()]), ex(vec![f])], (20, 25));
        assert_eq!(s.reasons[0].reason, Reason::Functioning);
        assert_eq!(s.best, None);
    }
}
