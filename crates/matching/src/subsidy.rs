//! Subsidy estimates from the dated rules data: the pay subsidy for a paid opening and the
//! work-arrangement subsidy that may pay for accommodations.

use crate::accommodate;
use crate::hit::{AccSubsidy, Msg, PaySubsidy, Text};
use crate::index::Index;
use polku_domain::catalogue::{subsidy_rule, SubsidyRule};
use polku_domain::OpeningKind;
use time::Date;

/// Weeks in an average month (52 / 12).
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// The pay-subsidy rule key for a person.
pub fn pay_rule_key(reduced_work_ability: bool) -> &'static str {
    if reduced_work_ability {
        "palkkatuki.reduced_capacity"
    } else {
        "palkkatuki.general"
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The rules an answer needs, in force on one day: looked up once for all its results.
#[derive(Debug, Clone)]
pub struct RulesOn {
    today: Date,
    /// The pay-subsidy rule without and with reduced work ability.
    pay: [Option<&'static SubsidyRule>; 2],
    /// The rule of each accommodation's subsidy (by position in the list).
    acc: Vec<Option<&'static SubsidyRule>>,
}

impl RulesOn {
    pub fn new(ix: &Index, today: Date) -> Self {
        Self {
            today,
            pay: [false, true].map(|r| subsidy_rule(pay_rule_key(r), today).ok()),
            acc: ix
                .accs
                .iter()
                .take(accommodate::MAX_ACCS)
                .map(|a| {
                    a.subsidy
                        .as_deref()
                        .and_then(|k| subsidy_rule(k, today).ok())
                })
                .collect(),
        }
    }
}

/// Pay-subsidy estimate for a monthly wage: `rate × wage`, at most the monthly cap.
pub fn pay_estimate(
    key: &'static str,
    monthly_wage_eur: f64,
    hours_per_week: u16,
    today: Date,
) -> PaySubsidy {
    pay_with(
        key,
        subsidy_rule(key, today).ok(),
        monthly_wage_eur,
        hours_per_week,
        today,
    )
}

/// [`pay_estimate`] with the rule already looked up (`None`: no version in force `today`).
fn pay_with(
    key: &'static str,
    rule: Option<&'static SubsidyRule>,
    monthly_wage_eur: f64,
    hours_per_week: u16,
    today: Date,
) -> PaySubsidy {
    let Some(rule) = rule else {
        return PaySubsidy {
            rule: key,
            available: false,
            label: None,
            rate: None,
            cap_eur_month: None,
            max_months: None,
            monthly_wage_eur: None,
            hours_per_week: None,
            estimate_eur_month: None,
            text: Text::new(true, Msg::NoPayRule { key, today }),
        };
    };
    let rate = rule.rate.unwrap_or(0.0);
    let mut estimate = rate * monthly_wage_eur;
    if let Some(cap) = rule.cap_eur_month {
        estimate = estimate.min(f64::from(cap));
    }
    let estimate = round2(estimate);
    PaySubsidy {
        rule: key,
        available: true,
        label: Some(rule.label.en.as_str()),
        rate: Some(rate),
        cap_eur_month: rule.cap_eur_month,
        max_months: rule.max_months,
        monthly_wage_eur: Some(round2(monthly_wage_eur)),
        hours_per_week: Some(hours_per_week),
        estimate_eur_month: Some(estimate),
        text: Text::new(
            true,
            Msg::Pay {
                rate,
                estimate,
                max_months: rule.max_months,
            },
        ),
    }
}

/// Pay subsidy for person `p` in opening `o` (none for trials and openings without a wage),
/// with the day's rules looked up already.
pub fn for_opening_on(ix: &Index, p: usize, o: usize, rules: &RulesOn) -> Option<PaySubsidy> {
    let op = &ix.openings;
    let paid = matches!(
        op.kind[o],
        OpeningKind::Job | OpeningKind::Apprenticeship | OpeningKind::Gig
    );
    let wage = op.wage[o].filter(|_| paid)?;
    let reduced = ix.people.reduced[p];
    Some(pay_with(
        pay_rule_key(reduced),
        rules.pay[usize::from(reduced)],
        f64::from(wage),
        op.hours[o],
        rules.today,
    ))
}

/// The subsidies that may pay for the accommodations in `cover`.
pub fn for_accommodations(ix: &Index, cover: u64, today: Date) -> Vec<AccSubsidy<'_>> {
    for_accommodations_on(ix, cover, &RulesOn::new(ix, today))
}

/// [`for_accommodations`] with the day's rules looked up already.
pub fn for_accommodations_on<'a>(
    ix: &'a Index,
    cover: u64,
    rules: &RulesOn,
) -> Vec<AccSubsidy<'a>> {
    if cover == 0 {
        return Vec::new();
    }
    ix.accs
        .iter()
        .take(accommodate::MAX_ACCS)
        .enumerate()
        .filter(|(i, _)| cover >> i & 1 == 1)
        .filter_map(|(i, a)| {
            let key = a.subsidy.as_deref()?;
            let rule = rules.acc.get(i).copied().flatten();
            Some(AccSubsidy {
                accommodation: &a.id,
                cost_eur: a.cost_eur,
                subsidy: key,
                label: rule.map(|r| r.label.en.as_str()),
                cap_eur_total: rule.and_then(|r| r.cap_eur_total),
                in_force: rule.is_some(),
            })
        })
        .collect()
}
