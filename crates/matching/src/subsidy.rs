//! Subsidy estimates from the dated rules data: the pay subsidy for a paid opening and the
//! work-arrangement subsidy that may pay for accommodations.

use crate::accommodate;
use crate::index::Index;
use crate::output::{AccSubsidy, Msg, PaySubsidy, Text};
use polku_domain::catalogue::subsidy_rule;
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

/// Pay-subsidy estimate for a monthly wage: `rate × wage`, at most the monthly cap.
pub fn pay_estimate(
    key: &'static str,
    monthly_wage_eur: f64,
    hours_per_week: u16,
    today: Date,
) -> PaySubsidy {
    let Ok(rule) = subsidy_rule(key, today) else {
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

/// Pay subsidy for person `p` in opening `o` (none for trials and openings without a wage).
pub fn for_opening(ix: &Index, p: usize, o: usize, today: Date) -> Option<PaySubsidy> {
    let op = &ix.openings;
    let paid = matches!(
        op.kind[o],
        OpeningKind::Job | OpeningKind::Apprenticeship | OpeningKind::Gig
    );
    let wage = op.wage[o].filter(|_| paid)?;
    Some(pay_estimate(
        pay_rule_key(ix.people.reduced[p]),
        f64::from(wage),
        op.hours[o],
        today,
    ))
}

/// The subsidies that may pay for the accommodations in `cover`.
pub fn for_accommodations(ix: &Index, cover: u64, today: Date) -> Vec<AccSubsidy<'_>> {
    ix.accs
        .iter()
        .take(accommodate::MAX_ACCS)
        .enumerate()
        .filter(|(i, _)| cover >> i & 1 == 1)
        .filter_map(|(_, a)| {
            let key = a.subsidy.as_deref()?;
            let rule = subsidy_rule(key, today).ok();
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
