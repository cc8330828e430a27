//! The full subsidy estimate in words: every pay-subsidy rule that may apply with its rate, cap,
//! months and euros, why it applies (or the fact that is missing), how sure the rules data is,
//! the work-arrangement subsidy for the person's accommodations, and the sum. Built from the
//! service's typed [`SubsidyEstimate`]; any page that has one can show it.

use super::explain::{tx, tx_euros};
use crate::html::ctx::Ctx;
use crate::html::format;
use crate::i18n::Arg;
use crate::pages::labels::InLocale;
use polku_matching::subsidies::{Reason, SubsidyOption};
use polku_service::subsidy::SubsidyEstimate;

/// One rule as a table row.
pub struct Row {
    pub name: String,
    pub best: bool,
    pub rate: String,
    pub cap: String,
    pub months: String,
    pub per_month: String,
    pub total: String,
    pub status: String,
    /// Why it applies and what is to be confirmed, or the missing fact.
    pub why: Vec<String>,
}

/// The estimate in words.
pub struct SubsidyShown {
    pub rows: Vec<Row>,
    /// Employer limits (state, municipality, legal form not recorded).
    pub notes: Vec<String>,
    pub arrangement: Vec<String>,
    pub arrangement_total: Option<String>,
    pub total: Option<String>,
}

fn reason(ctx: &Ctx, r: &Reason) -> String {
    let key = format!("p-sub-reason-{}", r.code());
    match *r {
        Reason::Age { at_least, .. } => tx(ctx, &key, &[("at_least", Arg::Num(at_least.into()))]),
        Reason::UnemployedMonths { months, at_least } => tx(
            ctx,
            &key,
            &[
                ("months", Arg::Num(months.into())),
                ("at_least", Arg::Num(at_least.into())),
            ],
        ),
        Reason::NonprofitEmployer { legal_form } => {
            let form = ctx.t(&format!("emp-legal-form-{}", legal_form.code()));
            tx(ctx, &key, &[("form", Arg::Str(&form))])
        }
        Reason::Hours { hours, at_least } => tx(
            ctx,
            &key,
            &[
                ("hours", Arg::Num(hours.into())),
                ("at_least", Arg::Num(at_least.into())),
            ],
        ),
        Reason::WorktimeCeiling { hours, factor } => {
            let hours = format::decimal(ctx.locale, hours, 1);
            let factor = format::decimal(ctx.locale, factor, 2);
            tx(
                ctx,
                &key,
                &[("hours", Arg::Str(&hours)), ("factor", Arg::Str(&factor))],
            )
        }
        _ => ctx.t(&key),
    }
}

fn eur_or_dash(ctx: &Ctx, eur: Option<f64>) -> String {
    eur.map_or_else(|| ctx.t("p-sub-no-eur"), |e| format::euros(ctx.locale, e))
}

fn row(ctx: &Ctx, o: &SubsidyOption, best: bool) -> Row {
    let mut why: Vec<String> = o.reasons.iter().map(|r| reason(ctx, r)).collect();
    if let Some(f) = o.missing {
        why.insert(0, ctx.t(&format!("p-sub-missing-{}", f.code())));
    }
    Row {
        name: o.label.get(ctx.locale).to_owned(),
        best,
        rate: format::percent(ctx.locale, o.rate),
        cap: o.cap_eur_month.map_or_else(
            || ctx.t("p-sub-no-cap"),
            |c| format::euros(ctx.locale, f64::from(c)),
        ),
        months: o.months.map_or_else(
            || ctx.t("p-sub-no-eur"),
            |m| ctx.tn("p-sub-months-n", "n", i64::from(m)),
        ),
        per_month: eur_or_dash(ctx, o.estimate_eur_month),
        total: eur_or_dash(ctx, o.estimate_eur_total),
        status: ctx.t(&format!("p-sub-status-{}", o.status.code())),
        why,
    }
}

/// The estimate in the page's language.
pub fn shown(ctx: &Ctx, e: &SubsidyEstimate) -> SubsidyShown {
    let rows = e
        .pay
        .options
        .iter()
        .map(|o| row(ctx, o, e.pay.best == Some(o.rule)))
        .collect();
    let notes = e
        .pay
        .notes
        .iter()
        .map(|n| ctx.t(&format!("p-sub-note-{}", n.code())))
        .collect();
    let arrangement = e
        .arrangement
        .iter()
        .map(|a| {
            let name = polku_domain::catalogue::accommodation(&a.accommodation)
                .map_or(a.accommodation.clone(), |c| {
                    c.label.get(ctx.locale).to_owned()
                });
            match (a.in_force, a.one_off_eur, a.eur_month) {
                (false, _, _) => tx(
                    ctx,
                    "p-sub-arrangement-not-in-force",
                    &[("name", Arg::Str(&name))],
                ),
                (true, _, Some(m)) => tx_euros(
                    ctx,
                    "p-sub-arrangement-monthly",
                    m,
                    &[
                        ("name", Arg::Str(&name)),
                        ("n", Arg::Num(f64::from(a.months.unwrap_or(1)))),
                    ],
                ),
                (true, one_off, None) => tx_euros(
                    ctx,
                    "p-sub-arrangement-one-off",
                    one_off.unwrap_or(0.0),
                    &[("name", Arg::Str(&name))],
                ),
            }
        })
        .collect::<Vec<_>>();
    let arrangement_total = (!arrangement.is_empty())
        .then(|| tx_euros(ctx, "p-sub-arrangement-total", e.arrangement_total_eur, &[]));
    let total = e
        .total_eur
        .filter(|t| *t > 0.0)
        .map(|t| tx_euros(ctx, "p-sub-total", t, &[]));
    SubsidyShown {
        rows,
        notes,
        arrangement,
        arrangement_total,
        total,
    }
}
