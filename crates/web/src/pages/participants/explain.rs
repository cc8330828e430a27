//! The matching engine's answers in plain words: the engine gives codes and figures, and every
//! sentence here comes from the catalogue in the page's language (never the engine's English).

use crate::html::ctx::Ctx;
use crate::i18n::Arg;
use crate::pages::labels::untyped::{accommodation_label, dimension_label, municipality_name};
use polku_domain::catalogue;
use polku_domain::MunicipalityCode;
use serde_json::Value;

/// Text for `key` with named arguments.
pub fn tx(ctx: &Ctx, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    ctx.i18n.text_with(ctx.locale, key, args)
}

fn num(v: &Value, field: &str) -> f64 {
    v.get(field).and_then(Value::as_f64).unwrap_or(0.0)
}

fn text<'a>(v: &'a Value, field: &str) -> &'a str {
    v.get(field).and_then(Value::as_str).unwrap_or("")
}

/// Whole euros for display.
pub fn euros(x: f64) -> f64 {
    x.round()
}

fn language_label(ctx: &Ctx, code: &str) -> String {
    let key = format!("p-lang-{code}");
    let t = ctx.t(&key);
    if t == key {
        code.to_owned()
    } else {
        t
    }
}

fn municipality(ctx: &Ctx, code: &str) -> String {
    MunicipalityCode::parse(code)
        .map(|c| municipality_name(ctx.locale, &c))
        .unwrap_or_else(|_| code.to_owned())
}

fn list(items: Vec<String>) -> String {
    items.join(", ")
}

/// Why the pair fits, one sentence per item of `fits`.
pub fn fits(ctx: &Ctx, fits: &Value) -> Vec<String> {
    let empty = Vec::new();
    fits.as_array()
        .unwrap_or(&empty)
        .iter()
        .map(|f| match text(f, "code") {
            "hours" => tx(
                ctx,
                "p-fit-hours",
                &[
                    ("hours", Arg::Num(num(f, "hours_per_week"))),
                    ("min", Arg::Num(num(f, "min"))),
                    ("max", Arg::Num(num(f, "max"))),
                ],
            ),
            "days" => tx(
                ctx,
                "p-fit-days",
                &[
                    ("days", Arg::Num(num(f, "days_per_week"))),
                    ("max", Arg::Num(num(f, "max"))),
                ],
            ),
            "municipality" => ctx.ts(
                "p-fit-municipality",
                "place",
                &municipality(ctx, text(f, "municipality")),
            ),
            "language" => tx(
                ctx,
                "p-fit-language",
                &[
                    (
                        "language",
                        Arg::Str(&language_label(ctx, text(f, "language"))),
                    ),
                    ("required", Arg::Str(text(f, "required"))),
                    ("has", Arg::Str(text(f, "has"))),
                ],
            ),
            "functioning" => {
                let dims = f
                    .get("dimensions")
                    .and_then(Value::as_array)
                    .map(|ds| {
                        ds.iter()
                            .map(|d| dimension_label(ctx, text(d, "dimension")))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default();
                ctx.ts("p-fit-functioning", "dimensions", &list(dims))
            }
            "accommodated" => {
                let accs = f
                    .get("accommodations")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(|id| accommodation_label(ctx, id))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default();
                tx(
                    ctx,
                    "p-fit-accommodated",
                    &[
                        (
                            "dimension",
                            Arg::Str(&dimension_label(ctx, text(f, "dimension"))),
                        ),
                        ("demand", Arg::Num(num(f, "demand"))),
                        ("capacity", Arg::Num(num(f, "capacity"))),
                        ("accommodations", Arg::Str(&list(accs))),
                    ],
                )
            }
            _ => ctx.t("p-fit-other"),
        })
        .collect()
}

/// What to check: demands on dimensions the person was not assessed on.
pub fn to_check(ctx: &Ctx, checks: &Value) -> Vec<String> {
    let empty = Vec::new();
    checks
        .as_array()
        .unwrap_or(&empty)
        .iter()
        .map(|c| {
            tx(
                ctx,
                "p-check-dimension",
                &[
                    (
                        "dimension",
                        Arg::Str(&dimension_label(ctx, text(c, "dimension"))),
                    ),
                    ("demand", Arg::Num(num(c, "demand"))),
                ],
            )
        })
        .collect()
}

/// A broken hard limit.
pub fn limit(ctx: &Ctx, l: &Value) -> String {
    match text(l, "limit") {
        "functioning" => tx(
            ctx,
            "p-limit-functioning",
            &[
                (
                    "dimension",
                    Arg::Str(&dimension_label(ctx, text(l, "dimension"))),
                ),
                ("demand", Arg::Num(num(l, "demand"))),
                ("capacity", Arg::Num(num(l, "capacity"))),
            ],
        ),
        "language" => tx(
            ctx,
            "p-limit-language",
            &[
                (
                    "language",
                    Arg::Str(&language_label(ctx, text(l, "language"))),
                ),
                ("required", Arg::Str(text(l, "required"))),
                ("has", Arg::Str(text(l, "has"))),
            ],
        ),
        "hours" => tx(
            ctx,
            "p-limit-hours",
            &[
                ("hours", Arg::Num(num(l, "hours_per_week"))),
                ("min", Arg::Num(num(l, "min"))),
                ("max", Arg::Num(num(l, "max"))),
            ],
        ),
        "days" => tx(
            ctx,
            "p-limit-days",
            &[
                ("days", Arg::Num(num(l, "days_per_week"))),
                ("max", Arg::Num(num(l, "max"))),
            ],
        ),
        "schedule" => ctx.t(match text(l, "schedule") {
            "evenings" => "p-limit-schedule-evenings",
            "nights" => "p-limit-schedule-nights",
            "weekends" => "p-limit-schedule-weekends",
            _ => "p-limit-schedule",
        }),
        "municipality" => ctx.ts(
            "p-limit-municipality",
            "place",
            &municipality(ctx, text(l, "municipality")),
        ),
        _ => ctx.t("p-limit-other"),
    }
}

/// One score part: its name, the sentence and the points.
pub struct Part {
    pub name: String,
    pub text: String,
    pub points: String,
}

/// Points of a part on the 0–100 scale of the score.
fn points(v: &Value) -> String {
    format!(
        "{:.0} / {:.0}",
        num(v, "points") * 100.0,
        num(v, "max") * 100.0
    )
}

/// The score parts from the `explanation` array.
pub fn parts(ctx: &Ctx, explanation: &Value) -> Vec<Part> {
    let empty = Vec::new();
    explanation
        .as_array()
        .unwrap_or(&empty)
        .iter()
        .map(|p| {
            let (name_key, text) = match text(p, "part") {
                "essential_skills" => (
                    "p-part-essential-skills",
                    tx(
                        ctx,
                        "p-part-essential-skills-text",
                        &[
                            ("have", Arg::Num(num(p, "have"))),
                            ("of", Arg::Num(num(p, "of"))),
                        ],
                    ),
                ),
                "optional_skills" => (
                    "p-part-optional-skills",
                    tx(
                        ctx,
                        "p-part-optional-skills-text",
                        &[
                            ("have", Arg::Num(num(p, "have"))),
                            ("of", Arg::Num(num(p, "of"))),
                        ],
                    ),
                ),
                "learnable_gaps" => (
                    "p-part-learnable-gaps",
                    tx(
                        ctx,
                        "p-part-learnable-gaps-text",
                        &[
                            ("missing", Arg::Num(num(p, "missing"))),
                            ("learnable", Arg::Num(num(p, "learnable_on_job"))),
                        ],
                    ),
                ),
                "language_margin" => (
                    "p-part-language-margin",
                    match p.get("language").and_then(Value::as_str) {
                        None => ctx.t("p-part-language-margin-none"),
                        Some(code) => tx(
                            ctx,
                            "p-part-language-margin-text",
                            &[
                                ("language", Arg::Str(&language_label(ctx, code))),
                                ("required", Arg::Str(text(p, "required"))),
                                ("above", Arg::Num(num(p, "levels_above"))),
                            ],
                        ),
                    },
                ),
                "functioning_margin" => (
                    "p-part-functioning-margin",
                    tx(
                        ctx,
                        "p-part-functioning-margin-text",
                        &[
                            ("demands", Arg::Num(num(p, "demands"))),
                            ("spare", Arg::Num(num(p, "spare"))),
                            ("unassessed", Arg::Num(num(p, "not_assessed"))),
                        ],
                    ),
                ),
                "accommodation_cost" => (
                    "p-part-accommodation-cost",
                    tx(
                        ctx,
                        "p-part-accommodation-cost-text",
                        &[("eur", Arg::Num(euros(num(p, "cost_eur"))))],
                    ),
                ),
                "goal_fit" => (
                    "p-part-goal-fit",
                    tx(
                        ctx,
                        "p-part-goal-fit-text",
                        &[("hours", Arg::Num(num(p, "goal_hours")))],
                    ),
                ),
                _ => (
                    "p-part-employer-readiness",
                    ctx.t(
                        match (
                            p.get("mentor").and_then(Value::as_bool).unwrap_or(false),
                            p.get("trial_places")
                                .and_then(Value::as_bool)
                                .unwrap_or(false),
                        ) {
                            (true, true) => "p-part-readiness-mentor-trials",
                            (true, false) => "p-part-readiness-mentor",
                            (false, true) => "p-part-readiness-trials",
                            (false, false) => "p-part-readiness-none",
                        },
                    ),
                ),
            };
            Part {
                name: ctx.t(name_key),
                text,
                points: points(p),
            }
        })
        .collect()
}

/// Each accommodation with its cost, and what may pay for it.
pub fn accommodations(ctx: &Ctx, ids: &Value, subsidies: &Value) -> Vec<String> {
    let empty = Vec::new();
    ids.as_array()
        .unwrap_or(&empty)
        .iter()
        .filter_map(Value::as_str)
        .map(|id| {
            let cost = catalogue::accommodation(id).map_or(0.0, |a| f64::from(a.cost_eur));
            let mut s = tx(
                ctx,
                "p-acc-item",
                &[
                    ("name", Arg::Str(&accommodation_label(ctx, id))),
                    ("eur", Arg::Num(cost)),
                ],
            );
            let sub = subsidies.as_array().and_then(|a| {
                a.iter().find(|x| {
                    text(x, "accommodation") == id && x["in_force"].as_bool() == Some(true)
                })
            });
            if let Some(sub) = sub {
                s.push(' ');
                s.push_str(&match sub.get("cap_eur_total").and_then(Value::as_f64) {
                    Some(cap) => tx(ctx, "p-acc-subsidy-cap", &[("eur", Arg::Num(cap))]),
                    None => ctx.t("p-acc-subsidy"),
                });
            }
            s
        })
        .collect()
}

/// The pay-subsidy estimate in euros a month, in words.
pub fn subsidy(ctx: &Ctx, s: &Value) -> String {
    if s.is_null() {
        return ctx.t("p-subsidy-unpaid");
    }
    if s.get("available").and_then(Value::as_bool) != Some(true) {
        return ctx.t("p-subsidy-none");
    }
    let rate = num(s, "rate") * 100.0;
    match s.get("estimate_eur_month").and_then(Value::as_f64) {
        Some(eur) => {
            let months = s.get("max_months").and_then(Value::as_f64);
            let base = tx(
                ctx,
                "p-subsidy-estimate",
                &[
                    ("eur", Arg::Num(euros(eur))),
                    ("rate", Arg::Num(rate.round())),
                ],
            );
            match months {
                Some(m) => format!("{base} {}", ctx.tn("p-subsidy-months", "n", m as i64)),
                None => base,
            }
        }
        None => tx(ctx, "p-subsidy-rate", &[("rate", Arg::Num(rate.round()))]),
    }
}

/// The catalogue key of an opening kind.
pub fn kind_key(kind: &str) -> &'static str {
    match kind {
        "job" => "p-kind-job",
        "work_trial" => "p-kind-work-trial",
        "education_trial" => "p-kind-education-trial",
        "apprenticeship" => "p-kind-apprenticeship",
        _ => "p-kind-gig",
    }
}
