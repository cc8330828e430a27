//! Subsidy estimates from the dated rules data: the pay subsidy for a paid opening (the best
//! rule of [`crate::subsidies::select`]) and the work-arrangement subsidy that may pay for
//! accommodations.

use crate::accommodate;
use crate::hit::{AccSubsidy, Msg, PaySubsidy, Text};
use crate::index::Index;
use crate::subsidies::{self, Job, PersonFacts, RuleSet};
use polku_domain::catalogue::{subsidy_rule, SubsidyRule};
use polku_domain::{LegalForm, OpeningKind};
use time::Date;

/// Weeks in an average month (52 / 12).
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The rules an answer needs, in force on one day: looked up once for all its results.
#[derive(Debug, Clone)]
pub struct RulesOn {
    /// The pay-subsidy rules.
    pay: RuleSet,
    /// The rule of each accommodation's subsidy (by position in the list).
    acc: Vec<Option<&'static SubsidyRule>>,
}

impl RulesOn {
    pub fn new(ix: &Index, today: Date) -> Self {
        Self {
            pay: RuleSet::on(today),
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

/// Pay-subsidy estimate for a monthly wage: the best rule the person may get from an employer
/// of this legal form, `rate × eligible pay`, at most the monthly cap.
pub fn pay_estimate(
    person: &PersonFacts,
    employer: Option<LegalForm>,
    monthly_wage_eur: f64,
    hours_per_week: u16,
    today: Date,
) -> PaySubsidy {
    pay_with(
        person,
        employer,
        monthly_wage_eur,
        hours_per_week,
        &RuleSet::on(today),
    )
}

/// [`pay_estimate`] with the day's rules looked up already.
fn pay_with(
    person: &PersonFacts,
    employer: Option<LegalForm>,
    monthly_wage_eur: f64,
    hours_per_week: u16,
    rules: &RuleSet,
) -> PaySubsidy {
    let today = rules.on;
    let job = Job {
        monthly_wage_eur: Some(monthly_wage_eur),
        hours_per_week,
    };
    let selection = subsidies::select(person, employer, job, rules);
    let Some(best) = selection.best() else {
        return PaySubsidy {
            rule: subsidies::GENERAL,
            available: false,
            label: None,
            rate: None,
            cap_eur_month: None,
            max_months: None,
            monthly_wage_eur: Some(round2(monthly_wage_eur)),
            hours_per_week: Some(hours_per_week),
            estimate_eur_month: None,
            text: Text::new(
                true,
                if selection.notes.is_empty() {
                    Msg::NoPayRule {
                        key: subsidies::GENERAL,
                        today,
                    }
                } else {
                    Msg::NoPaySubsidy { today }
                },
            ),
        };
    };
    let estimate = best.estimate_eur_month.unwrap_or(0.0);
    PaySubsidy {
        rule: best.rule,
        available: true,
        label: Some(best.label.en.as_str()),
        rate: Some(best.rate),
        cap_eur_month: best.cap_eur_month,
        max_months: best.months,
        monthly_wage_eur: Some(round2(monthly_wage_eur)),
        hours_per_week: Some(hours_per_week),
        estimate_eur_month: Some(estimate),
        text: Text::new(
            true,
            Msg::Pay {
                rate: best.rate,
                estimate,
                max_months: best.months,
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
    Some(pay_with(
        &ix.people.subsidy[p],
        ix.employers.legal_form[op.employer[o] as usize],
        f64::from(wage),
        op.hours[o],
        &rules.pay,
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
