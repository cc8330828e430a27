//! The matching engine's answers in plain words: the engine gives codes and figures, and every
//! sentence here comes from the catalogue in the page's language (never the engine's English).

use crate::html::ctx::Ctx;
use crate::html::format;
use crate::i18n::Arg;
use crate::pages::labels::{accommodation_label, dimension_label, municipality_name};
use polku_domain::catalogue;
use polku_domain::{MunicipalityCode, OpeningKind};
use polku_matching::output::{AccSubsidy, Check, Explained, Fit, Fits, Limit, Limits, Part as P};
use polku_matching::output::{LanguageMargin, PaySubsidy};

/// Text for `key` with named arguments.
pub fn tx(ctx: &Ctx, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    ctx.i18n.text_with(ctx.locale, key, args)
}

fn num(x: impl Into<f64>) -> Arg<'static> {
    Arg::Num(x.into())
}

/// Text for `key` with an amount of euros: `eur` as the locale writes it ("1 260 €", "€1,260")
/// and `amount`, the whole euros, so that a catalogue can word a zero amount differently
/// ("ei kustannuksia") instead of saying "0 €".
pub fn tx_euros(ctx: &Ctx, key: &str, eur: f64, rest: &[(&str, Arg<'_>)]) -> String {
    let shown = format::euros(ctx.locale, eur);
    let mut args = vec![("eur", Arg::Str(&shown)), ("amount", Arg::Num(eur.round()))];
    args.extend_from_slice(rest);
    tx(ctx, key, &args)
}

fn language_label(ctx: &Ctx, code: &str) -> String {
    polku_domain::language::language_name(code, crate::pages::labels::data_lang(ctx.locale))
}

fn municipality(ctx: &Ctx, code: &str) -> String {
    MunicipalityCode::parse(code)
        .map(|c| municipality_name(&c, ctx.locale))
        .unwrap_or_else(|_| code.to_owned())
}

fn list(items: Vec<String>) -> String {
    items.join(", ")
}

/// Why the pair fits, one sentence per item of `fits`.
pub fn fits(ctx: &Ctx, fits: &[Fit]) -> Vec<String> {
    fits.iter()
        .map(|f| match &f.why {
            Fits::Hours {
                hours_per_week,
                min,
                max,
            } => tx(
                ctx,
                "p-fit-hours",
                &[
                    ("hours", num(*hours_per_week)),
                    ("min", num(*min)),
                    ("max", num(*max)),
                ],
            ),
            Fits::Days { days_per_week, max } => tx(
                ctx,
                "p-fit-days",
                &[("days", num(*days_per_week)), ("max", num(*max))],
            ),
            Fits::Municipality { municipality: m } => {
                ctx.ts("p-fit-municipality", "place", &municipality(ctx, m))
            }
            Fits::Language {
                language,
                required,
                has,
            } => tx(
                ctx,
                "p-fit-language",
                &[
                    ("language", Arg::Str(&language_label(ctx, language))),
                    ("required", Arg::Str(required)),
                    ("has", Arg::Str(has)),
                ],
            ),
            Fits::Functioning { dimensions } => {
                let dims = dimensions
                    .iter()
                    .map(|d| dimension_label(d.dimension, ctx.locale))
                    .collect();
                ctx.ts("p-fit-functioning", "dimensions", &list(dims))
            }
            Fits::Accommodated {
                dimension,
                demand,
                capacity,
                accommodations,
            } => {
                let accs = accommodations
                    .iter()
                    .map(|id| accommodation_label(id, ctx.locale))
                    .collect();
                tx(
                    ctx,
                    "p-fit-accommodated",
                    &[
                        (
                            "dimension",
                            Arg::Str(&dimension_label(*dimension, ctx.locale)),
                        ),
                        ("demand", num(*demand)),
                        ("capacity", num(*capacity)),
                        ("accommodations", Arg::Str(&list(accs))),
                    ],
                )
            }
        })
        .collect()
}

/// What to check: demands on dimensions the person was not assessed on.
pub fn to_check(ctx: &Ctx, checks: &[Check]) -> Vec<String> {
    checks
        .iter()
        .map(|c| {
            tx(
                ctx,
                "p-check-dimension",
                &[
                    (
                        "dimension",
                        Arg::Str(&dimension_label(c.dimension, ctx.locale)),
                    ),
                    ("demand", num(c.demand)),
                ],
            )
        })
        .collect()
}

/// A broken hard limit.
pub fn limit(ctx: &Ctx, l: &Limit) -> String {
    match &l.limit {
        Limits::Functioning {
            dimension,
            demand,
            capacity,
        } => tx(
            ctx,
            "p-limit-functioning",
            &[
                (
                    "dimension",
                    Arg::Str(&dimension_label(*dimension, ctx.locale)),
                ),
                ("demand", num(*demand)),
                ("capacity", num(*capacity)),
            ],
        ),
        Limits::Language {
            language,
            required,
            has,
        } => tx(
            ctx,
            "p-limit-language",
            &[
                ("language", Arg::Str(&language_label(ctx, language))),
                ("required", Arg::Str(required)),
                ("has", Arg::Str(has)),
            ],
        ),
        Limits::Hours {
            hours_per_week,
            min,
            max,
        } => tx(
            ctx,
            "p-limit-hours",
            &[
                ("hours", num(*hours_per_week)),
                ("min", num(*min)),
                ("max", num(*max)),
            ],
        ),
        Limits::Days { days_per_week, max } => tx(
            ctx,
            "p-limit-days",
            &[("days", num(*days_per_week)), ("max", num(*max))],
        ),
        Limits::Schedule { schedule } => ctx.t(match *schedule {
            "evenings" => "p-limit-schedule-evenings",
            "nights" => "p-limit-schedule-nights",
            "weekends" => "p-limit-schedule-weekends",
            _ => "p-limit-schedule",
        }),
        Limits::Municipality { municipality: m } => {
            ctx.ts("p-limit-municipality", "place", &municipality(ctx, m))
        }
    }
}

/// One score part: its name, the sentence and the points.
#[derive(Debug)]
pub struct Part {
    pub name: String,
    pub text: String,
    pub points: String,
}

/// The score parts from the `explanation` list.
pub fn parts(ctx: &Ctx, explanation: &[Explained]) -> Vec<Part> {
    explanation
        .iter()
        .map(|e| {
            let (name_key, text) = match &e.part {
                P::EssentialSkills { have, of } => (
                    "p-part-essential-skills",
                    tx(
                        ctx,
                        "p-part-essential-skills-text",
                        &[("have", num(*have)), ("of", num(*of))],
                    ),
                ),
                P::OptionalSkills { have, of } => (
                    "p-part-optional-skills",
                    tx(
                        ctx,
                        "p-part-optional-skills-text",
                        &[("have", num(*have)), ("of", num(*of))],
                    ),
                ),
                P::LearnableGaps {
                    missing,
                    learnable_on_job,
                } => (
                    "p-part-learnable-gaps",
                    tx(
                        ctx,
                        "p-part-learnable-gaps-text",
                        &[
                            ("missing", num(*missing)),
                            ("learnable", num(*learnable_on_job)),
                        ],
                    ),
                ),
                P::LanguageMargin { lowest } => (
                    "p-part-language-margin",
                    match lowest {
                        None => ctx.t("p-part-language-margin-none"),
                        Some(LanguageMargin {
                            language,
                            required,
                            levels_above,
                        }) => tx(
                            ctx,
                            "p-part-language-margin-text",
                            &[
                                ("language", Arg::Str(&language_label(ctx, language))),
                                ("required", Arg::Str(required)),
                                ("above", num(*levels_above)),
                            ],
                        ),
                    },
                ),
                P::FunctioningMargin {
                    demands,
                    spare,
                    not_assessed,
                } => {
                    let mut text = tx(
                        ctx,
                        "p-part-functioning-margin-text",
                        &[("demands", num(*demands)), ("spare", num(*spare))],
                    );
                    // Only a count above zero is worth a sentence.
                    if *not_assessed > 0 {
                        text.push(' ');
                        text.push_str(&ctx.tn(
                            "p-part-functioning-unassessed",
                            "n",
                            i64::from(*not_assessed),
                        ));
                    }
                    ("p-part-functioning-margin", text)
                }
                P::AccommodationCost { cost_eur } => (
                    "p-part-accommodation-cost",
                    tx_euros(ctx, "p-part-accommodation-cost-text", *cost_eur as f64, &[]),
                ),
                P::GoalFit { goal_hours } => (
                    "p-part-goal-fit",
                    tx(ctx, "p-part-goal-fit-text", &[("hours", num(*goal_hours))]),
                ),
                P::EmployerReadiness {
                    mentor,
                    trial_places,
                } => (
                    "p-part-employer-readiness",
                    ctx.t(match (mentor, trial_places) {
                        (true, true) => "p-part-readiness-mentor-trials",
                        (true, false) => "p-part-readiness-mentor",
                        (false, true) => "p-part-readiness-trials",
                        (false, false) => "p-part-readiness-none",
                    }),
                ),
            };
            Part {
                name: ctx.t(name_key),
                text,
                // Points on the 0–100 scale of the score.
                points: format!("{:.0} / {:.0}", e.points * 100.0, e.max * 100.0),
            }
        })
        .collect()
}

/// Each accommodation with its cost, and what may pay for it.
pub fn accommodations(ctx: &Ctx, ids: &[String], subsidies: &[AccSubsidy]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            let cost = catalogue::accommodation(id).map_or(0.0, |a| f64::from(a.cost_eur));
            let mut s = tx_euros(
                ctx,
                "p-acc-item",
                cost,
                &[("name", Arg::Str(&accommodation_label(id, ctx.locale)))],
            );
            if let Some(sub) = subsidies
                .iter()
                .find(|x| x.accommodation == *id && x.in_force)
            {
                s.push(' ');
                s.push_str(&match sub.cap_eur_total {
                    Some(cap) => tx_euros(ctx, "p-acc-subsidy-cap", f64::from(cap), &[]),
                    None => ctx.t("p-acc-subsidy"),
                });
            }
            s
        })
        .collect()
}

/// The pay-subsidy estimate in euros a month, in words; `None` for an unpaid opening.
pub fn subsidy(ctx: &Ctx, s: Option<&PaySubsidy>) -> String {
    let Some(s) = s else {
        return ctx.t("p-subsidy-unpaid");
    };
    let (true, Some(rate)) = (s.available, s.rate) else {
        return ctx.t("p-subsidy-none");
    };
    let rate = format::percent(ctx.locale, rate);
    match s.estimate_eur_month {
        // A zero estimate (a zero wage) says nothing in euros: give the rate alone.
        Some(eur) if eur.round() > 0.0 => {
            let base = tx_euros(ctx, "p-subsidy-estimate", eur, &[("rate", Arg::Str(&rate))]);
            match s.max_months {
                Some(m) => format!("{base} {}", ctx.tn("p-subsidy-months", "n", i64::from(m))),
                None => base,
            }
        }
        _ => tx(ctx, "p-subsidy-rate", &[("rate", Arg::Str(&rate))]),
    }
}

/// The catalogue key of an opening kind.
pub fn kind_key(kind: OpeningKind) -> &'static str {
    match kind {
        OpeningKind::Job => "p-kind-job",
        OpeningKind::WorkTrial => "p-kind-work-trial",
        OpeningKind::EducationTrial => "p-kind-education-trial",
        OpeningKind::Apprenticeship => "p-kind-apprenticeship",
        OpeningKind::Gig => "p-kind-gig",
    }
}

/// Why few openings were suggested, in words: how many were left out, the most common
/// reasons with their counts, and the change that would bring back the most.
#[derive(Debug)]
pub struct WhyFew {
    pub lead: String,
    pub reasons: Vec<String>,
    pub change: String,
}

/// `None` when nothing was left out.
pub fn why_few(ctx: &Ctx, e: &polku_service::exclusions::Exclusions) -> Option<WhyFew> {
    use polku_service::exclusions::Change;
    if e.total == 0 {
        return None;
    }
    let n = |x: usize| num(x as f64);
    let reasons = e
        .reasons
        .iter()
        .take(3)
        .map(|r| {
            let reason = ctx.t(&format!("p-reason-{}", r.reason.code()));
            tx(
                ctx,
                "p-left-out-reason",
                &[("reason", Arg::Str(&reason)), ("n", n(r.openings))],
            )
        })
        .collect();
    let change = match &e.best {
        None => ctx.t("p-change-none"),
        Some(Change::Hours { min, max, reveals }) => tx(
            ctx,
            "p-change-hours",
            &[("min", num(*min)), ("max", num(*max)), ("n", n(*reveals))],
        ),
        Some(Change::Days { days, reveals }) => tx(
            ctx,
            "p-change-days",
            &[("days", num(*days)), ("n", n(*reveals))],
        ),
        Some(Change::Schedule { schedules, reveals }) => {
            let times = list(
                schedules
                    .iter()
                    .map(|s| ctx.t(&format!("p-when-{s}")))
                    .collect(),
            );
            tx(
                ctx,
                "p-change-schedule",
                &[("times", Arg::Str(&times)), ("n", n(*reveals))],
            )
        }
        Some(Change::Municipalities { codes, reveals }) => {
            let places = list(codes.iter().map(|c| municipality(ctx, c)).collect());
            tx(
                ctx,
                "p-change-municipalities",
                &[("places", Arg::Str(&places)), ("n", n(*reveals))],
            )
        }
        Some(Change::Languages { levels, reveals }) => {
            let levels = list(
                levels
                    .iter()
                    .map(|(l, level)| format!("{} {level}", language_label(ctx, l)))
                    .collect(),
            );
            tx(
                ctx,
                "p-change-languages",
                &[("levels", Arg::Str(&levels)), ("n", n(*reveals))],
            )
        }
    };
    Some(WhyFew {
        lead: tx(ctx, "p-left-out", &[("n", n(e.total))]),
        reasons,
        change,
    })
}

#[cfg(test)]
#[path = "explain_tests.rs"]
mod tests;
