use super::*;
use proptest::prelude::*;

const ON: Date = date!(2025 - 06 - 15);

fn person() -> PersonFacts {
    PersonFacts {
        birth_date: Some(date!(1980 - 01 - 01)),
        ..PersonFacts::default()
    }
}

fn job(wage: u32, hours: u16) -> Job {
    Job {
        monthly_wage_eur: Some(f64::from(wage)),
        hours_per_week: hours,
    }
}

fn keys(s: &Selection) -> Vec<&'static str> {
    s.options.iter().map(|o| o.rule).collect()
}

fn applying(s: &Selection) -> Vec<&'static str> {
    s.options
        .iter()
        .filter(|o| o.applies())
        .map(|o| o.rule)
        .collect()
}

fn born_years_before(years: i32, on: Date) -> Date {
    on.replace_year(on.year() - years).expect("date")
}

#[test]
fn a_company_and_a_plain_jobseeker_get_the_general_rule() {
    let s = select(
        &person(),
        Some(LegalForm::Company),
        job(2000, 30),
        &RuleSet::on(ON),
    );
    assert_eq!(keys(&s), [GENERAL]);
    assert_eq!(s.best, Some(GENERAL));
    let g = s.best().expect("best");
    assert_eq!(g.estimate_eur_month, Some(1000.0));
    assert_eq!(g.estimate_eur_total, Some(10_000.0));
    assert_eq!(g.status, Status::Confirmed);
}

#[test]
fn age_55_needs_the_birthday_itself() {
    let on = ON;
    for (years, day_offset, expect) in [(55, 0, true), (55, 1, false), (54, 0, false)] {
        let born = born_years_before(years, on) + time::Duration::days(day_offset);
        let p = PersonFacts {
            birth_date: Some(born),
            unemployed_months_of_28: Some(24),
            ..PersonFacts::default()
        };
        let s = select(
            &p,
            Some(LegalForm::Company),
            job(2400, 30),
            &RuleSet::on(on),
        );
        assert_eq!(
            applying(&s).contains(&AGE55),
            expect,
            "{years} {day_offset}"
        );
    }
}

#[test]
fn age_60_and_long_term_unemployment_give_the_60_plus_rule() {
    for (years, expect) in [(59, false), (60, true)] {
        let p = PersonFacts {
            birth_date: Some(born_years_before(years, ON)),
            long_term_unemployed: true,
            ..PersonFacts::default()
        };
        let s = select(
            &p,
            Some(LegalForm::Company),
            job(2400, 30),
            &RuleSet::on(ON),
        );
        assert_eq!(applying(&s).contains(&AGE60_LTU), expect, "{years}");
    }
    // 60 but not long-term unemployed: not offered.
    let p = PersonFacts {
        birth_date: Some(born_years_before(61, ON)),
        unemployed_months_of_28: Some(11),
        ..PersonFacts::default()
    };
    let s = select(
        &p,
        Some(LegalForm::Company),
        job(2400, 30),
        &RuleSet::on(ON),
    );
    assert!(!keys(&s).contains(&AGE60_LTU));
    // Twelve months of unemployment count as long-term even without the mark.
    let p = PersonFacts {
        unemployed_months_of_28: Some(12),
        ..p
    };
    let s = select(
        &p,
        Some(LegalForm::Company),
        job(2400, 30),
        &RuleSet::on(ON),
    );
    assert!(applying(&s).contains(&AGE60_LTU));
    // The 60+ rule pays as the general one but longer, so it is the better one.
    assert_eq!(s.best, Some(AGE60_LTU));
}

#[test]
fn twenty_four_of_twenty_eight_months_is_the_threshold() {
    for (months, expect) in [(23, false), (24, true)] {
        let p = PersonFacts {
            unemployed_months_of_28: Some(months),
            ..person()
        };
        let s = select(
            &p,
            Some(LegalForm::Association),
            job(2000, 30),
            &RuleSet::on(ON),
        );
        assert_eq!(applying(&s).contains(&NONPROFIT100), expect, "{months}");
    }
}

#[test]
fn hours_24_and_25_decide_the_55_plus_subsidy() {
    let p = PersonFacts {
        birth_date: Some(born_years_before(57, ON)),
        unemployed_months_of_28: Some(28),
        ..PersonFacts::default()
    };
    for (hours, expect) in [(24, false), (25, true)] {
        let s = select(
            &p,
            Some(LegalForm::Company),
            job(2400, hours),
            &RuleSet::on(ON),
        );
        assert_eq!(applying(&s).contains(&AGE55), expect, "{hours}");
    }
    let s = select(
        &p,
        Some(LegalForm::Company),
        job(2400, 25),
        &RuleSet::on(ON),
    );
    let o = s.options.iter().find(|o| o.rule == AGE55).expect("55+");
    assert_eq!(o.estimate_eur_month, Some(1680.0));
    assert_eq!(o.estimate_eur_total, Some(16_800.0));
    assert_eq!(s.best, Some(AGE55));
}

#[test]
fn the_100_percent_rule_is_for_associations_not_companies() {
    let p = PersonFacts {
        unemployed_months_of_28: Some(26),
        ..person()
    };
    for form in [
        LegalForm::Association,
        LegalForm::Foundation,
        LegalForm::ReligiousCommunity,
    ] {
        let s = select(&p, Some(form), job(1500, 30), &RuleSet::on(ON));
        assert_eq!(s.best, Some(NONPROFIT100), "{form:?}");
    }
    for form in [LegalForm::Company, LegalForm::SoleTrader, LegalForm::Other] {
        let s = select(&p, Some(form), job(1500, 30), &RuleSet::on(ON));
        assert!(!keys(&s).contains(&NONPROFIT100), "{form:?}");
    }
}

#[test]
fn the_100_percent_rule_applies_the_ceiling_and_the_factor() {
    let p = PersonFacts {
        unemployed_months_of_28: Some(28),
        ..person()
    };
    // 20 h is under the 65 % ceiling (24.375 h): 1,000 × 1.23 = 1,230.
    let s = select(
        &p,
        Some(LegalForm::Association),
        job(1000, 20),
        &RuleSet::on(ON),
    );
    let o = s.best().expect("best");
    assert_eq!(o.rule, NONPROFIT100);
    assert_eq!(o.estimate_eur_month, Some(1230.0));
    assert_eq!(o.estimate_eur_total, Some(14_760.0));
    assert_eq!(o.status, Status::PartlyConfirmed);
    // 37.5 h: only 65 % of the pay counts: 2,000 × 0.65 × 1.23 = 1,599.
    let s = select(
        &p,
        Some(LegalForm::Association),
        job(2000, 37),
        &RuleSet::on(ON),
    );
    let o = s.best().expect("best");
    let expect = round2(2000.0 * (24.375 / 37.0) * 1.23);
    assert_eq!(o.estimate_eur_month, Some(expect));
    // A high wage meets the €2,020 cap.
    let s = select(
        &p,
        Some(LegalForm::Association),
        job(4000, 24),
        &RuleSet::on(ON),
    );
    assert_eq!(s.best().expect("best").estimate_eur_month, Some(2020.0));
}

#[test]
fn municipalities_get_only_reduced_ability_and_60_plus_from_2025() {
    let p = PersonFacts {
        birth_date: Some(date!(1960 - 01 - 01)),
        unemployed_months_of_28: Some(28),
        ..PersonFacts::default()
    };
    let after = select(
        &p,
        Some(LegalForm::Municipality),
        job(2000, 30),
        &RuleSet::on(date!(2025 - 01 - 01)),
    );
    assert_eq!(keys(&after), [AGE60_LTU]);
    assert_eq!(after.notes, [Note::MunicipalEmployer]);
    let before = select(
        &p,
        Some(LegalForm::Municipality),
        job(2000, 30),
        &RuleSet::on(date!(2024 - 12 - 31)),
    );
    assert!(keys(&before).contains(&GENERAL));
    assert!(keys(&before).contains(&AGE55));
    // A plain jobseeker gets nothing from a municipality after 2025-01-01.
    let s = select(
        &person(),
        Some(LegalForm::Municipality),
        job(2000, 30),
        &RuleSet::on(ON),
    );
    assert!(s.options.is_empty());
    assert_eq!(s.best, None);
    let reduced = PersonFacts {
        reduced_work_ability: true,
        ..person()
    };
    let s = select(
        &reduced,
        Some(LegalForm::Municipality),
        job(2000, 30),
        &RuleSet::on(ON),
    );
    assert_eq!(keys(&s), [REDUCED]);
}

#[test]
fn state_employers_get_nothing() {
    let p = PersonFacts {
        reduced_work_ability: true,
        ..person()
    };
    let s = select(&p, Some(LegalForm::State), job(2000, 30), &RuleSet::on(ON));
    assert!(s.options.is_empty());
    assert_eq!(s.notes, [Note::StateEmployer]);
}

#[test]
fn a_missing_fact_is_named_and_the_rule_is_not_chosen() {
    // Unknown legal form: the 100 % rule may apply, missing the legal form.
    let p = PersonFacts {
        unemployed_months_of_28: Some(28),
        ..person()
    };
    let s = select(&p, None, job(1000, 20), &RuleSet::on(ON));
    let o = s
        .options
        .iter()
        .find(|o| o.rule == NONPROFIT100)
        .expect("100 %");
    assert_eq!(o.missing, Some(Fact::EmployerLegalForm));
    assert_eq!(s.best, Some(GENERAL));
    assert!(s.notes.contains(&Note::EmployerLegalFormUnknown));
    // Only the birth year, and the 55th birthday falls within the year: the date is missing.
    let p = PersonFacts {
        birth_date: None,
        birth_year: Some(1970),
        unemployed_months_of_28: Some(28),
        ..PersonFacts::default()
    };
    let s = select(
        &p,
        Some(LegalForm::Company),
        job(2000, 30),
        &RuleSet::on(ON),
    );
    let o = s.options.iter().find(|o| o.rule == AGE55).expect("55+");
    assert_eq!(o.missing, Some(Fact::BirthDate));
    // A year later it is certain.
    let s = select(
        &p,
        Some(LegalForm::Company),
        job(2000, 30),
        &RuleSet::on(date!(2026 - 06 - 15)),
    );
    assert!(applying(&s).contains(&AGE55));
    // No history: 55+ is missing the unemployment history.
    let p = PersonFacts {
        birth_date: Some(date!(1960 - 01 - 01)),
        ..PersonFacts::default()
    };
    let s = select(
        &p,
        Some(LegalForm::Company),
        job(2000, 30),
        &RuleSet::on(ON),
    );
    let o = s.options.iter().find(|o| o.rule == AGE55).expect("55+");
    assert_eq!(o.missing, Some(Fact::UnemploymentHistory));
    // Two facts missing: not listed.
    let s = select(&p, None, job(2000, 30), &RuleSet::on(ON));
    assert!(!keys(&s).contains(&NONPROFIT100));
}

#[test]
fn without_a_wage_there_are_rates_but_no_euros() {
    let p = PersonFacts {
        reduced_work_ability: true,
        ..person()
    };
    let s = select(
        &p,
        Some(LegalForm::Company),
        Job {
            monthly_wage_eur: None,
            hours_per_week: 30,
        },
        &RuleSet::on(ON),
    );
    assert_eq!(s.best, Some(REDUCED));
    assert!(s.options.iter().all(|o| o.estimate_eur_month.is_none()));
}

#[test]
fn arrangement_sums_tools_under_one_cap_and_assistance_monthly() {
    let (list, sum) = arrangement(
        [
            ("lift_table", 3000, Some("jarjestelytuki.tools")),
            ("screen_magnifier", 1500, Some("jarjestelytuki.tools")),
            (
                "coworker_assistance",
                400,
                Some("jarjestelytuki.assistance"),
            ),
            ("quiet_workspace", 0, None),
        ],
        ON,
    );
    assert_eq!(list.len(), 3);
    assert_eq!(list[0].one_off_eur, Some(3000.0));
    assert_eq!(list[1].one_off_eur, Some(1000.0));
    assert_eq!(list[2].eur_month, Some(400.0));
    assert_eq!(list[2].total_eur, 7200.0);
    assert_eq!(sum, 11_200.0);
}

fn legal_form() -> impl Strategy<Value = Option<LegalForm>> {
    prop_oneof![
        Just(None),
        proptest::sample::select(LegalForm::ALL.to_vec()).prop_map(Some)
    ]
}

proptest! {
    /// Estimates never exceed a cap, the best applies and pays the most, and the employer
    /// limits hold.
    #[test]
    fn selection_invariants(
        birth in proptest::option::of(1940u16..2008),
        reduced: bool,
        ltu: bool,
        months in proptest::option::of(0u8..=28),
        form in legal_form(),
        wage in proptest::option::of(0u32..6000),
        hours in 1u16..=40,
        day in 0i64..1200,
    ) {
        let on = date!(2023 - 07 - 01) + time::Duration::days(day);
        let p = PersonFacts {
            birth_date: None,
            birth_year: birth,
            reduced_work_ability: reduced,
            long_term_unemployed: ltu,
            unemployed_months_of_28: months,
        };
        let s = select(&p, form, Job { monthly_wage_eur: wage.map(f64::from), hours_per_week: hours }, &RuleSet::on(on));
        for o in &s.options {
            if let (Some(e), Some(c)) = (o.estimate_eur_month, o.cap_eur_month) {
                prop_assert!(e <= f64::from(c) + 1e-9);
            }
            if o.rule == AGE55 && o.applies() {
                prop_assert!(hours >= AGE55_MIN_HOURS);
            }
            if o.rule == NONPROFIT100 && o.applies() {
                prop_assert!(form.is_some_and(LegalForm::is_nonprofit));
                prop_assert!(months.unwrap_or(0) >= 24);
            }
        }
        if form == Some(LegalForm::State) {
            prop_assert!(s.options.is_empty());
        }
        if form == Some(LegalForm::Municipality) && on >= MUNICIPAL_RESTRICTION_FROM {
            prop_assert!(s.options.iter().all(|o| o.rule == REDUCED || o.rule == AGE60_LTU));
        }
        if let Some(best) = s.best() {
            prop_assert!(best.applies());
            for o in s.options.iter().filter(|o| o.applies()) {
                prop_assert!(o.estimate_eur_total.unwrap_or(0.0) <= best.estimate_eur_total.unwrap_or(f64::MAX) + 1e-6);
            }
        } else {
            prop_assert!(s.options.iter().all(|o| !o.applies()));
        }
    }
}
