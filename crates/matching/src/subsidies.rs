//! Pay-subsidy rule selection: every rule of `data/subsidy-rules.json` that a person and an
//! employer may qualify for on a day, each with its euro estimate for a monthly wage and the
//! reasons it applies (or the one fact that is missing to tell), and the best of them; and the
//! work-arrangement subsidy for a person's accommodations. Pure: a function of the facts, the
//! job and the rules in force (`docs/matching.md`, "Subsidy rule selection").
//!
//! The rules (`docs/finnish-rules.md` §1–2):
//! * `palkkatuki.reduced_capacity`: reduced work ability.
//! * `palkkatuki.age60_ltu`: aged 60 or over and long-term unemployed.
//! * `palkkatuki.nonprofit100`: an association, foundation or religious community hires a person
//!   unemployed at least 24 of the last 28 months for non-business tasks; 100 % of the pay for
//!   at most 65 % of full working time, times 1.23 for indirect costs.
//! * `tyollistamistuki55`: aged 55 or over, unemployed at least 24 of the last 28 months, at
//!   least 25 hours a week.
//! * `palkkatuki.general`: an unemployed jobseeker in a disadvantaged group (to confirm).
//!
//! Municipal employers get only the first two from 2025-01-01; state employers get none.

use polku_domain::catalogue::{subsidy_rule, Localised, SubsidyRule};
use polku_domain::LegalForm;
use serde::Serialize;
use time::macros::date;
use time::Date;

pub const GENERAL: &str = "palkkatuki.general";
pub const REDUCED: &str = "palkkatuki.reduced_capacity";
pub const AGE60_LTU: &str = "palkkatuki.age60_ltu";
pub const NONPROFIT100: &str = "palkkatuki.nonprofit100";
pub const AGE55: &str = "tyollistamistuki55";
/// The pay-subsidy rules in the order they are listed.
pub const PAY_RULES: [&str; 5] = [REDUCED, NONPROFIT100, AGE55, AGE60_LTU, GENERAL];

/// Full working time a week that the 65 % ceiling of the 100 % rule is taken of.
pub const FULL_TIME_HOURS: f64 = 37.5;
/// The 100 % rule covers pay for at most this share of full working time.
pub const NONPROFIT_WORKTIME_SHARE: f64 = 0.65;
/// The 100 % rule multiplies the eligible pay by this factor (indirect costs).
pub const NONPROFIT_COST_FACTOR: f64 = 1.23;
/// The 55+ employment subsidy needs at least this many hours a week.
pub const AGE55_MIN_HOURS: u16 = 25;
/// Months of unemployment within the last 28 that the 100 % and 55+ rules need.
pub const MONTHS_OF_28: u8 = 24;
/// Months of unemployment that make a person long-term unemployed (60+ rule).
pub const LTU_MONTHS: u8 = 12;
/// From this day municipalities get pay subsidy only for reduced work ability or 60+ LTU.
pub const MUNICIPAL_RESTRICTION_FROM: Date = date!(2025 - 01 - 01);

/// What the rules need to know of a person.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PersonFacts {
    /// The exact date of birth (from the identity code), when known.
    pub birth_date: Option<Date>,
    /// The year of birth (ESF+ entry data), when the date is not known.
    pub birth_year: Option<u16>,
    pub reduced_work_ability: bool,
    /// The ESF+ long-term unemployed mark.
    pub long_term_unemployed: bool,
    /// Months unemployed within the 28 months before the day, when known.
    pub unemployed_months_of_28: Option<u8>,
}

/// The job the estimate is for.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Job {
    /// Gross monthly pay for the hours; `None` gives rates without euros.
    pub monthly_wage_eur: Option<f64>,
    pub hours_per_week: u16,
}

/// How sure the rules data is of a rule (as in `docs/finnish-rules.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Confirmed,
    PartlyConfirmed,
    Uncertain,
}

impl Status {
    fn of(rule: &SubsidyRule) -> Self {
        match rule.status.as_str() {
            "confirmed" => Status::Confirmed,
            "partly_confirmed" => Status::PartlyConfirmed,
            _ => Status::Uncertain,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::PartlyConfirmed => "partly_confirmed",
            Status::Uncertain => "uncertain",
        }
    }
}

/// A fact whose absence keeps a rule from being decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// Only the year of birth is known and the age threshold falls within that year.
    BirthDate,
    /// Neither the year nor the date of birth is recorded.
    Age,
    /// When the unemployment began is not recorded.
    UnemploymentHistory,
    /// The employer's legal form is not recorded.
    EmployerLegalForm,
}

impl Fact {
    pub fn code(self) -> &'static str {
        match self {
            Fact::BirthDate => "birth_date",
            Fact::Age => "age",
            Fact::UnemploymentHistory => "unemployment_history",
            Fact::EmployerLegalForm => "employer_legal_form",
        }
    }
}

/// Why a rule applies, or what must still be confirmed for it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    ReducedWorkAbility,
    /// At least `at_least` years old on the day (`age`: the lowest age the facts allow).
    Age {
        at_least: u8,
        age: u16,
    },
    LongTermUnemployed,
    /// Unemployed `months` of the last 28.
    UnemployedMonths {
        months: u8,
        at_least: u8,
    },
    NonprofitEmployer {
        legal_form: LegalForm,
    },
    /// `hours` a week, at least `at_least`.
    Hours {
        hours: u16,
        at_least: u16,
    },
    /// The 100 % rule pays for at most `hours` a week (65 % of full time) times 1.23.
    WorktimeCeiling {
        hours: f64,
        factor: f64,
    },
    /// To confirm: the tasks are not business activity (100 % rule).
    ConfirmNonBusinessTasks,
    /// To confirm: the person is in a disadvantaged group (general rule).
    ConfirmDisadvantagedGroup,
}

impl Reason {
    pub fn code(&self) -> &'static str {
        match self {
            Reason::ReducedWorkAbility => "reduced_work_ability",
            Reason::Age { .. } => "age",
            Reason::LongTermUnemployed => "long_term_unemployed",
            Reason::UnemployedMonths { .. } => "unemployed_months",
            Reason::NonprofitEmployer { .. } => "nonprofit_employer",
            Reason::Hours { .. } => "hours",
            Reason::WorktimeCeiling { .. } => "worktime_ceiling",
            Reason::ConfirmNonBusinessTasks => "confirm_non_business_tasks",
            Reason::ConfirmDisadvantagedGroup => "confirm_disadvantaged_group",
        }
    }
}

/// Something about the employer that limits every rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Note {
    /// State employers get no pay subsidy.
    StateEmployer,
    /// Municipalities get only the reduced-work-ability and 60+ rules (from 2025-01-01).
    MunicipalEmployer,
    /// The legal form is not recorded: the employer limits may change the answer.
    EmployerLegalFormUnknown,
}

impl Note {
    pub fn code(self) -> &'static str {
        match self {
            Note::StateEmployer => "state_employer",
            Note::MunicipalEmployer => "municipal_employer",
            Note::EmployerLegalFormUnknown => "employer_legal_form_unknown",
        }
    }
}

/// One rule the person and employer may qualify for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubsidyOption {
    pub rule: &'static str,
    pub label: &'static Localised,
    /// Share of the eligible pay (0–1).
    pub rate: f64,
    pub cap_eur_month: Option<u32>,
    /// Longest period of one decision.
    pub months: Option<u32>,
    pub status: Status,
    /// The pay the rate is applied to (for the 100 % rule: after the ceiling and the factor).
    pub eligible_pay_eur_month: Option<f64>,
    pub estimate_eur_month: Option<f64>,
    /// For the whole period (`months` months).
    pub estimate_eur_total: Option<f64>,
    pub reasons: Vec<Reason>,
    /// The one fact missing to decide; `None` when the rule applies on the facts given.
    pub missing: Option<Fact>,
}

impl SubsidyOption {
    pub fn applies(&self) -> bool {
        self.missing.is_none()
    }
}

/// Every rule that may apply, and the best one that does.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Selection {
    pub on: Date,
    pub options: Vec<SubsidyOption>,
    /// The rule key of the option with the highest estimate among those that apply.
    pub best: Option<&'static str>,
    pub notes: Vec<Note>,
}

impl Selection {
    pub fn best(&self) -> Option<&SubsidyOption> {
        let key = self.best?;
        self.options.iter().find(|o| o.rule == key)
    }
}

/// The pay-subsidy rules in force on one day, looked up once.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub on: Date,
    rules: [Option<&'static SubsidyRule>; 5],
}

impl RuleSet {
    pub fn on(on: Date) -> Self {
        Self {
            on,
            rules: PAY_RULES.map(|k| subsidy_rule(k, on).ok()),
        }
    }
    fn get(&self, key: &str) -> Option<&'static SubsidyRule> {
        let i = PAY_RULES.iter().position(|k| *k == key)?;
        self.rules[i]
    }
}

/// Yes, no, or unknown for want of a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tri {
    Yes,
    No,
    Unknown(Fact),
}

/// Full years from `born` to `on`.
pub fn age_on(born: Date, on: Date) -> u16 {
    let mut years = on.year() - born.year();
    if (u8::from(on.month()), on.day()) < (u8::from(born.month()), born.day()) {
        years -= 1;
    }
    u16::try_from(years.max(0)).unwrap_or(0)
}

/// The lowest and highest age the facts allow on `on`.
fn age_range(p: &PersonFacts, on: Date) -> Option<(u16, u16)> {
    if let Some(b) = p.birth_date {
        let a = age_on(b, on);
        return Some((a, a));
    }
    let y = i32::from(p.birth_year?);
    let hi = u16::try_from((on.year() - y).max(0)).unwrap_or(0);
    Some((hi.saturating_sub(1), hi))
}

fn age_at_least(p: &PersonFacts, on: Date, years: u8) -> (Tri, u16) {
    let t = u16::from(years);
    match age_range(p, on) {
        None => (Tri::Unknown(Fact::Age), 0),
        Some((lo, _)) if lo >= t => (Tri::Yes, lo),
        Some((_, hi)) if hi < t => (Tri::No, hi),
        Some((lo, _)) => (Tri::Unknown(Fact::BirthDate), lo),
    }
}

fn months_at_least(p: &PersonFacts, months: u8) -> Tri {
    match p.unemployed_months_of_28 {
        None => Tri::Unknown(Fact::UnemploymentHistory),
        Some(m) if m >= months => Tri::Yes,
        Some(_) => Tri::No,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Combines conditions: `None` when one is false or more than one fact is missing, otherwise
/// the one missing fact (if any).
fn decide(tests: &[Tri]) -> Option<Option<Fact>> {
    let mut missing = None;
    for t in tests {
        match t {
            Tri::No => return None,
            Tri::Unknown(_) if missing.is_some() => return None,
            Tri::Unknown(f) => missing = Some(*f),
            Tri::Yes => {}
        }
    }
    Some(missing)
}

fn option(
    rule: &'static SubsidyRule,
    key: &'static str,
    job: Job,
    reasons: Vec<Reason>,
    missing: Option<Fact>,
) -> SubsidyOption {
    let rate = rule.rate.unwrap_or(0.0);
    let eligible = job.monthly_wage_eur.map(|wage| {
        if key == NONPROFIT100 && job.hours_per_week > 0 {
            let ceiling = FULL_TIME_HOURS * NONPROFIT_WORKTIME_SHARE;
            let share = (ceiling / f64::from(job.hours_per_week)).min(1.0);
            wage * share * NONPROFIT_COST_FACTOR
        } else {
            wage
        }
    });
    let per_month = eligible.map(|e| {
        let x = rate * e;
        round2(rule.cap_eur_month.map_or(x, |c| x.min(f64::from(c))))
    });
    SubsidyOption {
        rule: key,
        label: &rule.label,
        rate,
        cap_eur_month: rule.cap_eur_month,
        months: rule.max_months,
        status: Status::of(rule),
        eligible_pay_eur_month: eligible.map(round2),
        estimate_eur_month: per_month,
        estimate_eur_total: per_month
            .zip(rule.max_months)
            .map(|(m, n)| round2(m * f64::from(n))),
        reasons,
        missing,
    }
}

/// Every pay-subsidy rule in force on `rules.on` that the person may qualify for with an
/// employer of `employer` legal form in `job`, and the best one that applies.
pub fn select(
    person: &PersonFacts,
    employer: Option<LegalForm>,
    job: Job,
    rules: &RuleSet,
) -> Selection {
    let on = rules.on;
    let mut notes = Vec::new();
    let mut options = Vec::new();
    if employer == Some(LegalForm::State) {
        notes.push(Note::StateEmployer);
        return Selection {
            on,
            options,
            best: None,
            notes,
        };
    }
    if employer.is_none() {
        notes.push(Note::EmployerLegalFormUnknown);
    }
    let municipal = employer == Some(LegalForm::Municipality) && on >= MUNICIPAL_RESTRICTION_FROM;
    if municipal {
        notes.push(Note::MunicipalEmployer);
    }
    let ltu = if person.long_term_unemployed {
        Tri::Yes
    } else {
        match months_at_least(person, LTU_MONTHS) {
            // Not marked long-term unemployed and no history: taken as not.
            Tri::Unknown(_) => Tri::No,
            t => t,
        }
    };
    let months = person.unemployed_months_of_28.unwrap_or(0);
    let mut push = |key: &'static str, tests: &[Tri], reasons: Vec<Reason>| {
        if let (Some(rule), Some(missing)) = (rules.get(key), decide(tests)) {
            options.push(option(rule, key, job, reasons, missing));
        }
    };

    if person.reduced_work_ability {
        push(REDUCED, &[], vec![Reason::ReducedWorkAbility]);
    }
    if !municipal {
        let nonprofit = match employer {
            Some(f) if f.is_nonprofit() => Tri::Yes,
            Some(_) => Tri::No,
            None => Tri::Unknown(Fact::EmployerLegalForm),
        };
        let mut reasons = Vec::new();
        if let Some(f) = employer.filter(|f| f.is_nonprofit()) {
            reasons.push(Reason::NonprofitEmployer { legal_form: f });
        }
        if person.unemployed_months_of_28.is_some() {
            reasons.push(Reason::UnemployedMonths {
                months,
                at_least: MONTHS_OF_28,
            });
        }
        reasons.push(Reason::WorktimeCeiling {
            hours: FULL_TIME_HOURS * NONPROFIT_WORKTIME_SHARE,
            factor: NONPROFIT_COST_FACTOR,
        });
        reasons.push(Reason::ConfirmNonBusinessTasks);
        push(
            NONPROFIT100,
            &[nonprofit, months_at_least(person, MONTHS_OF_28)],
            reasons,
        );

        let (age55, age) = age_at_least(person, on, 55);
        let hours = if job.hours_per_week >= AGE55_MIN_HOURS {
            Tri::Yes
        } else {
            Tri::No
        };
        let mut reasons = vec![Reason::Age { at_least: 55, age }];
        if person.unemployed_months_of_28.is_some() {
            reasons.push(Reason::UnemployedMonths {
                months,
                at_least: MONTHS_OF_28,
            });
        }
        reasons.push(Reason::Hours {
            hours: job.hours_per_week,
            at_least: AGE55_MIN_HOURS,
        });
        push(
            AGE55,
            &[hours, age55, months_at_least(person, MONTHS_OF_28)],
            reasons,
        );
    }
    let (age60, age) = age_at_least(person, on, 60);
    push(
        AGE60_LTU,
        &[ltu, age60],
        vec![
            Reason::Age { at_least: 60, age },
            Reason::LongTermUnemployed,
        ],
    );
    if !municipal {
        push(GENERAL, &[], vec![Reason::ConfirmDisadvantagedGroup]);
    }
    let best = options
        .iter()
        .filter(|o| o.applies())
        .max_by(|a, b| rank(a).total_cmp(&rank(b)))
        .map(|o| o.rule);
    Selection {
        on,
        options,
        best,
        notes,
    }
}

/// What "best" compares: the estimate for the whole period, or without a wage the most a
/// rule can pay (rate, cap and months).
fn rank(o: &SubsidyOption) -> f64 {
    let months = f64::from(o.months.unwrap_or(1));
    match o.estimate_eur_total {
        Some(t) => t + o.rate * 1e-3 + months * 1e-6,
        None => o.rate * f64::from(o.cap_eur_month.unwrap_or(0)) * months + o.rate * 1e-3,
    }
}

/// The work-arrangement subsidy (työolosuhteiden järjestelytuki) that may pay for one
/// accommodation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArrangementSubsidy {
    /// Accommodation catalogue id.
    pub accommodation: String,
    pub cost_eur: u32,
    pub rule: String,
    pub label: Option<&'static Localised>,
    pub status: Option<Status>,
    /// Tools and alterations: the one-off sum, at most the cap per person.
    pub one_off_eur: Option<f64>,
    /// Assistance from another employee: hourly rate × hours a month, for `months` months.
    pub eur_month: Option<f64>,
    pub months: Option<u32>,
    /// Everything over the whole period.
    pub total_eur: f64,
    pub in_force: bool,
}

/// The work-arrangement subsidies for `accommodations` (catalogue id, cost, rule key) on `on`,
/// and their sum in euros. The tools cap (€4,000) is per person, so the one-off sums share it.
pub fn arrangement<'a>(
    accommodations: impl IntoIterator<Item = (&'a str, u32, Option<&'a str>)>,
    on: Date,
) -> (Vec<ArrangementSubsidy>, f64) {
    let mut out = Vec::new();
    let mut tools_left: Option<f64> = None;
    let mut sum = 0.0;
    for (id, cost, key) in accommodations {
        let Some(key) = key else { continue };
        let rule = subsidy_rule(key, on).ok();
        let mut s = ArrangementSubsidy {
            accommodation: id.to_owned(),
            cost_eur: cost,
            rule: key.to_owned(),
            label: rule.map(|r| &r.label),
            status: rule.map(Status::of),
            one_off_eur: None,
            eur_month: None,
            months: rule.and_then(|r| r.max_months),
            total_eur: 0.0,
            in_force: rule.is_some(),
        };
        if let Some(r) = rule {
            if let (Some(h), Some(n)) = (r.hourly_eur, r.max_hours_month) {
                let month = f64::from(h) * f64::from(n);
                s.eur_month = Some(month);
                s.total_eur = round2(month * f64::from(r.max_months.unwrap_or(1)));
            } else if let Some(cap) = r.cap_eur_total {
                let left = tools_left.get_or_insert(f64::from(cap));
                let paid = f64::from(cost).min(*left);
                *left -= paid;
                s.one_off_eur = Some(round2(paid));
                s.total_eur = round2(paid);
            } else {
                s.one_off_eur = Some(f64::from(cost));
                s.total_eur = f64::from(cost);
            }
        }
        sum += s.total_eur;
        out.push(s);
    }
    (out, round2(sum))
}

#[cfg(test)]
#[path = "subsidies_tests.rs"]
mod tests;
