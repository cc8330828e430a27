//! Sentences kept as figures until the answer is written: a [`Text`] holds the message and its
//! figures (no `String`), and is rendered straight into the JSON writer when — and only when —
//! the answer asks for words. The same figures are always in the item's own fields, so an answer
//! without words carries the same information for an interface to render in any locale.

use crate::index::Acc;
use polku_domain::Dimension;
use serde::{Serialize, Serializer};
use std::fmt::{self, Display, Formatter, Write};
use std::sync::OnceLock;
use time::Date;

/// Demands and capacities of the dimensions in `dims` (a bit set), as a list of
/// `{dimension, demand, capacity}` when written.
#[derive(Debug, Clone, Copy)]
pub struct DimList {
    pub dims: u32,
    pub demand: [u8; Dimension::COUNT],
    pub capacity: [u8; Dimension::COUNT],
}

impl DimList {
    pub(crate) fn each(&self) -> impl Iterator<Item = (Dimension, u8, u8)> + '_ {
        crate::score::dims(self.dims).map(|d| (d, self.demand[d.index()], self.capacity[d.index()]))
    }
}

impl Serialize for DimList {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.each().map(|(d, demand, capacity)| super::DimFit {
            dimension: d.key(),
            demand,
            capacity,
        }))
    }
}

/// The lowest language margin over a job's tasks: margin, language code, required rank.
pub type LowestLanguage<'a> = Option<(u8, &'a str, u8)>;

/// A message and its figures.
#[derive(Debug, Clone, Copy)]
pub enum Msg<'a> {
    Hours {
        hours: u16,
        min: u8,
        max: u8,
    },
    Days {
        days: u8,
        max: u8,
    },
    Municipality(&'a str),
    Language {
        code: &'a str,
        has: &'static str,
        required: &'static str,
    },
    Functioning(DimList),
    Accommodated {
        dimension: Dimension,
        demand: u8,
        capacity: u8,
        accs: &'a [Acc],
        by: u64,
    },
    Check {
        dimension: Dimension,
        demand: u8,
    },
    Essential {
        have: u32,
        of: u32,
    },
    Optional {
        have: u32,
        of: u32,
    },
    Learnable {
        missing: u32,
        learnable: u32,
    },
    LanguageMargin(LowestLanguage<'a>),
    FunctioningMargin {
        spare: u32,
        demands: u32,
        not_assessed: u32,
    },
    AccommodationCost(u64),
    Goal(u32),
    Readiness {
        mentor: bool,
        trial_places: bool,
    },
    Pay {
        rate: f64,
        estimate: f64,
        max_months: Option<u32>,
    },
    NoPayRule {
        key: &'static str,
        today: Date,
    },
    /// No pay-subsidy rule applies to the person with this employer (e.g. a state employer).
    NoPaySubsidy {
        today: Date,
    },
}

/// A sentence in English, rendered when written; omitted when `words` is false.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    pub words: bool,
    pub msg: Msg<'a>,
}

impl<'a> Text<'a> {
    pub fn new(words: bool, msg: Msg<'a>) -> Self {
        Self { words, msg }
    }
    /// For `skip_serializing_if`.
    pub fn silent(&self) -> bool {
        !self.words
    }
}

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.msg)
    }
}

impl Display for Text<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.msg.fmt(f)
    }
}

/// English name of a language code.
#[derive(Debug, Clone, Copy)]
pub struct LangName<'a>(pub &'a str);

impl Display for LangName<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0 {
            "fi" => f.write_str("Finnish"),
            "sv" => f.write_str("Swedish"),
            "en" => f.write_str("English"),
            other => write!(f, "language {other}"),
        }
    }
}

/// English labels of the dimensions, as they are and in lower case, by index.
fn labels() -> &'static [(String, String)] {
    static CELL: OnceLock<Vec<(String, String)>> = OnceLock::new();
    CELL.get_or_init(|| {
        Dimension::ALL
            .iter()
            .map(|&d| {
                let l = crate::explain::label(d);
                (l.to_owned(), l.to_lowercase())
            })
            .collect()
    })
}

fn label(d: Dimension) -> &'static str {
    labels().get(d.index()).map_or(d.key(), |l| l.0.as_str())
}

fn lower(d: Dimension) -> &'static str {
    labels().get(d.index()).map_or(d.key(), |l| l.1.as_str())
}

/// Appends an integer's decimal digits.
fn num(out: &mut String, x: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut x = x;
    loop {
        i -= 1;
        buf[i] = b'0' + (x % 10) as u8;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    out.extend(buf[i..].iter().map(|&b| b as char));
}

fn lang(out: &mut String, code: &str) {
    match code {
        "fi" => out.push_str("Finnish"),
        "sv" => out.push_str("Swedish"),
        "en" => out.push_str("English"),
        other => {
            out.push_str("language ");
            out.push_str(other);
        }
    }
}

impl Msg<'_> {
    /// Appends the English sentence (the common messages without `core::fmt`).
    pub fn render(&self, out: &mut String) {
        let n = |out: &mut String, x: u32| num(out, u64::from(x));
        match *self {
            Msg::Hours { hours, min, max } => {
                n(out, u32::from(hours));
                out.push_str(" hours a week is within the person's ");
                n(out, u32::from(min));
                out.push('–');
                n(out, u32::from(max));
                out.push('.');
            }
            Msg::Days { days, max } => {
                n(out, u32::from(days));
                out.push_str(" days a week, at most ");
                n(out, u32::from(max));
                out.push_str(" possible.");
            }
            Msg::Municipality(m) => {
                out.push_str("Located in municipality ");
                out.push_str(m);
                out.push_str(", which the person can reach.");
            }
            Msg::Language {
                code,
                has,
                required,
            } => {
                lang(out, code);
                out.push_str(": has ");
                out.push_str(has);
                out.push_str(", the work needs ");
                out.push_str(required);
                out.push('.');
            }
            Msg::Functioning(list) => {
                out.push_str("Manages what the work demands (level managed for level needed): ");
                for (k, (d, demand, cap)) in list.each().enumerate() {
                    if k > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(lower(d));
                    out.push(' ');
                    n(out, u32::from(cap));
                    out.push_str(" for ");
                    n(out, u32::from(demand));
                }
                out.push('.');
            }
            Msg::Accommodated {
                dimension,
                demand,
                capacity,
                accs,
                by,
            } => {
                out.push_str(label(dimension));
                out.push_str(": the work needs ");
                n(out, u32::from(demand));
                out.push_str(", the person manages ");
                n(out, u32::from(capacity));
                out.push_str("; ");
                let ids = accs
                    .iter()
                    .take(64)
                    .enumerate()
                    .filter(|(i, _)| by >> i & 1 == 1);
                for (k, (_, a)) in ids.enumerate() {
                    if k > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&a.id);
                }
                out.push_str(" closes the gap.");
            }
            Msg::Check { dimension, demand } => {
                out.push_str(label(dimension));
                out.push_str(" has not been assessed; the work needs level ");
                n(out, u32::from(demand));
                out.push_str(". Check before proposing.");
            }
            Msg::Essential { of: 0, .. } => out.push_str("The work lists no essential skills."),
            Msg::Essential { have, of } => {
                out.push_str("Has ");
                n(out, have);
                out.push_str(" of the ");
                n(out, of);
                out.push_str(" essential skills.");
            }
            Msg::Optional { of: 0, .. } => out.push_str("The work asks for no extra skills."),
            Msg::Optional { have, of } => {
                out.push_str("Has ");
                n(out, have);
                out.push_str(" of the ");
                n(out, of);
                out.push_str(" useful extra skills.");
            }
            Msg::Learnable { missing: 0, .. } => out.push_str("No essential skill is missing."),
            Msg::Learnable {
                missing: 1,
                learnable: 0,
            } => out.push_str("The one missing skill cannot be learnt on the job."),
            Msg::Learnable { missing: 1, .. } => {
                out.push_str("The one missing skill can be learnt on the job.")
            }
            Msg::Learnable {
                missing,
                learnable: 0,
            } => {
                out.push_str("None of the ");
                n(out, missing);
                out.push_str(" missing skills can be learnt on the job.");
            }
            Msg::Learnable { missing, learnable } => {
                n(out, learnable);
                out.push_str(" of the ");
                n(out, missing);
                out.push_str(" missing skills can be learnt on the job.");
            }
            Msg::LanguageMargin(None) => out.push_str("The tasks need no particular language."),
            Msg::LanguageMargin(Some((m, code, r))) => {
                lang(out, code);
                if m == 0 {
                    out.push_str(" is exactly at the level the work needs (");
                } else {
                    out.push_str(" is ");
                    n(out, u32::from(m));
                    out.push_str(" level(s) above what the work needs (");
                }
                out.push_str(crate::feasible::cefr(r));
                out.push_str(").");
            }
            Msg::FunctioningMargin { demands: 0, .. } => {
                out.push_str("The work makes no particular physical, cognitive or social demands.")
            }
            Msg::FunctioningMargin {
                spare,
                demands,
                not_assessed,
            } => {
                if spare == 0 {
                    out.push_str("No capacity to spare on the ");
                    n(out, demands);
                    out.push_str(" demands");
                } else {
                    out.push_str("Capacity to spare on ");
                    n(out, spare);
                    out.push_str(" of ");
                    n(out, demands);
                    out.push_str(" demands");
                }
                // A zero count is left unsaid.
                if not_assessed > 0 {
                    out.push_str("; ");
                    n(out, not_assessed);
                    out.push_str(" not assessed");
                }
                out.push('.');
            }
            Msg::AccommodationCost(0) => out.push_str("No accommodations are needed."),
            Msg::AccommodationCost(eur) => {
                out.push_str("Accommodations cost about €");
                num(out, eur);
                out.push('.');
            }
            Msg::Goal(0) => out.push_str("The work is not among the person's goals."),
            Msg::Goal(h) => {
                n(out, h);
                out.push_str(" hours a week are in work the person has set as a goal.");
            }
            Msg::Readiness {
                mentor,
                trial_places,
            } => out.push_str(match (mentor, trial_places) {
                (true, true) => "The employer offers a mentor (0.03) and trial places (0.02).",
                (true, false) => "The employer offers a mentor (0.03) but no trial places.",
                (false, true) => "The employer offers trial places (0.02) but no mentor.",
                (false, false) => "The employer offers neither a mentor nor trial places.",
            }),
            Msg::Pay { .. } | Msg::NoPayRule { .. } | Msg::NoPaySubsidy { .. } => {
                let _ = write!(out, "{}", Formatted(self));
            }
        }
    }
}

/// A message through `core::fmt` (the rare ones with decimals and dates).
struct Formatted<'m, 'a>(&'m Msg<'a>);

impl Display for Formatted<'_, '_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match *self.0 {
            Msg::Pay {
                rate,
                estimate,
                max_months,
            } => {
                write!(
                    f,
                    "Pay subsidy may cover {:.0} % of the wage: about €{:.0} a month",
                    rate * 100.0,
                    estimate
                )?;
                if let Some(m) = max_months {
                    write!(f, " for up to {m} months")?;
                }
                f.write_str(".")
            }
            Msg::NoPayRule { key, today } => {
                write!(f, "No pay-subsidy rule {key} is in force on {today}.")
            }
            Msg::NoPaySubsidy { today } => {
                write!(
                    f,
                    "No pay-subsidy rule applies with this employer on {today}."
                )
            }
            _ => Ok(()),
        }
    }
}

impl Display for Msg<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(96);
        self.render(&mut s);
        f.write_str(&s)
    }
}
