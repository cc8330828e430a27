//! Every sentence the explanations can produce, rendered in every locale over generated engine
//! answers (each score part, fit, limit and cost with zero, one and larger figures), and checked
//! for zero amounts said aloud ("0 €", "0 tasolla", "0 levels"), for known grammar slips and for
//! unresolved catalogue arguments.

use super::*;
use crate::i18n::{I18n, Locale};
use polku_domain::Dimension;
use polku_matching::output::DimFit;
use std::sync::Arc;

fn ctx(locale: Locale) -> Ctx {
    Ctx {
        locale,
        nonce: String::new(),
        i18n: Arc::new(I18n::load().expect("catalogues")),
        session: None,
        path: String::new(),
        nav: Vec::new(),
        notice: None,
        merged: Vec::new(),
    }
}

fn explained(part: P) -> Explained {
    Explained {
        part,
        points: 0.1,
        max: 0.2,
        text: String::new(),
    }
}

/// Score parts with every small combination of figures, zeros included.
fn parts_over_figures() -> Vec<Explained> {
    let mut out = Vec::new();
    for of in 0..=3u32 {
        for have in 0..=of {
            out.push(explained(P::EssentialSkills { have, of }));
            out.push(explained(P::OptionalSkills { have, of }));
        }
    }
    for missing in 0..=3u32 {
        for learnable_on_job in 0..=missing {
            out.push(explained(P::LearnableGaps {
                missing,
                learnable_on_job,
            }));
        }
    }
    out.push(explained(P::LanguageMargin { lowest: None }));
    for levels_above in 0..=3u8 {
        out.push(explained(P::LanguageMargin {
            lowest: Some(LanguageMargin {
                language: "fi".into(),
                required: "B1",
                levels_above,
            }),
        }));
    }
    for demands in 0..=3u32 {
        for spare in 0..=demands {
            for not_assessed in 0..=(demands - spare) {
                out.push(explained(P::FunctioningMargin {
                    demands,
                    spare,
                    not_assessed,
                }));
            }
        }
    }
    for cost_eur in [0, 1, 90, 1500, 12_600] {
        out.push(explained(P::AccommodationCost { cost_eur }));
    }
    for goal_hours in [0, 1, 2, 20] {
        out.push(explained(P::GoalFit { goal_hours }));
    }
    for (mentor, trial_places) in [(true, true), (true, false), (false, true), (false, false)] {
        out.push(explained(P::EmployerReadiness {
            mentor,
            trial_places,
        }));
    }
    out
}

fn fits_over_figures() -> Vec<Fit> {
    let fit = |why| Fit {
        why,
        text: String::new(),
    };
    vec![
        fit(Fits::Hours {
            hours_per_week: 20,
            min: 15,
            max: 30,
        }),
        fit(Fits::Days {
            days_per_week: 4,
            max: 5,
        }),
        fit(Fits::Municipality {
            municipality: "398".into(),
        }),
        fit(Fits::Language {
            language: "fi".into(),
            required: "A2",
            has: "B1",
        }),
        fit(Fits::Functioning {
            dimensions: vec![DimFit {
                dimension: Dimension::ALL[0],
                demand: 2,
                capacity: 3,
            }],
        }),
        fit(Fits::Accommodated {
            dimension: Dimension::ALL[0],
            demand: 3,
            capacity: 2,
            accommodations: vec!["quiet_workspace".into(), "sit_stand_desk".into()],
        }),
    ]
}

fn limits_over_figures() -> Vec<Limit> {
    let limit = |limit| Limit {
        limit,
        text: String::new(),
    };
    let mut out = vec![
        limit(Limits::Functioning {
            dimension: Dimension::ALL[1],
            demand: 4,
            capacity: 2,
        }),
        limit(Limits::Language {
            language: "sv".into(),
            required: "B2",
            has: "A1",
        }),
        limit(Limits::Hours {
            hours_per_week: 37,
            min: 10,
            max: 20,
        }),
        limit(Limits::Days {
            days_per_week: 5,
            max: 3,
        }),
        limit(Limits::Municipality {
            municipality: "091".into(),
        }),
    ];
    for schedule in ["evenings", "nights", "weekends", "other"] {
        out.push(limit(Limits::Schedule { schedule }));
    }
    out
}

fn subsidies() -> Vec<Option<PaySubsidy>> {
    let mut out = vec![None];
    for (available, rate, estimate, months) in [
        (true, Some(0.5), Some(630.0), Some(10)),
        (true, Some(0.7), Some(1260.4), Some(24)),
        (true, Some(0.7), Some(1770.0), Some(1)),
        (true, Some(0.5), Some(0.0), None),
        (true, Some(1.0), None, None),
        (false, None, None, None),
    ] {
        out.push(Some(PaySubsidy {
            rule: "palkkatuki.general",
            available,
            label: None,
            rate,
            cap_eur_month: None,
            max_months: months,
            monthly_wage_eur: None,
            hours_per_week: None,
            estimate_eur_month: estimate,
            text: String::new(),
        }));
    }
    out
}

/// Every sentence for one locale.
fn sentences(ctx: &Ctx) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in parts(ctx, &parts_over_figures()) {
        out.push(p.text);
    }
    out.extend(fits(ctx, &fits_over_figures()));
    out.extend(limits_over_figures().iter().map(|l| limit(ctx, l)));
    out.extend(to_check(
        ctx,
        &[Check {
            dimension: Dimension::ALL[2],
            demand: 3,
            text: String::new(),
        }],
    ));
    // Every accommodation of the catalogue, free ones included, with and without a subsidy.
    let ids: Vec<String> = catalogue::accommodations()
        .iter()
        .map(|a| a.id.clone())
        .collect();
    let subs: Vec<AccSubsidy> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| AccSubsidy {
            accommodation: id.clone(),
            cost_eur: 0,
            subsidy: "jarjestelytuki.tools".into(),
            label: None,
            cap_eur_total: (i % 2 == 0).then_some(4000),
            in_force: true,
        })
        .collect();
    out.extend(accommodations(ctx, &ids, &subs));
    for s in subsidies() {
        out.push(subsidy(ctx, s.as_ref()));
    }
    for eur in [0.0, 40.0, 1260.0] {
        out.push(tx_euros(ctx, "p-acc-total", eur, &[]));
    }
    out.push(tx_euros(ctx, "p-left-out-accommodation-cost", 350.0, &[]));
    for hours in [1, 2, 15, 40] {
        out.push(ctx.tn("p-left-out-hours", "hours", hours));
    }
    out
}

/// Phrases that say a zero aloud, or a known slip, per locale.
fn forbidden(locale: Locale) -> &'static [&'static str] {
    match locale {
        Locale::Fi | Locale::FiSelko => &[
            "tasolla 0",
            " 0 tasolla",
            " 0 tasoa",
            "0 / 0",
            " 0 tuntia",
            "arvioimatta 0",
            "Arvioimatta 0",
            "joista 0 ",
            "tuntia eivät",
            "taitoa puuttuvat",
            "vaatimusta ovat",
            "Sen 1",
        ],
        Locale::Sv => &[
            " 0 nivå",
            "0 av 0",
            " 0 timmar",
            "bedömt: 0",
            " 0 med marginal",
            "1 nivåer",
            "1 timmar",
        ],
        Locale::En => &[
            " 0 level",
            "0 of 0",
            " 0 hours",
            "assessed: 0",
            " 0 with room",
            "1 levels",
            "1 hours",
            "1 skills",
            "Its 1",
            "€0",
        ],
    }
}

/// True when an amount next to a euro sign is zero: "0 €" before the sign, "€0" after it.
fn says_zero_euros(s: &str) -> bool {
    let is_part = |c: char| c.is_ascii_digit() || matches!(c, '\u{a0}' | ' ' | ',');
    s.match_indices('€').any(|(i, _)| {
        let before: String = s[..i].chars().rev().take_while(|c| is_part(*c)).collect();
        let after: String = s[i + '€'.len_utf8()..]
            .chars()
            .take_while(|c| is_part(*c))
            .collect();
        [before, after].iter().any(|n| {
            let digits: String = n.chars().filter(char::is_ascii_digit).collect();
            !digits.is_empty() && digits.chars().all(|c| c == '0')
        })
    })
}

#[test]
fn the_zero_euro_check_can_fail() {
    assert!(says_zero_euros("Järjestelyt maksavat noin 0 €."));
    assert!(says_zero_euros("noin 0\u{a0}€"));
    assert!(says_zero_euros("about €0."));
    assert!(!says_zero_euros("noin 1\u{a0}260\u{a0}€"));
    assert!(!says_zero_euros("about €40."));
}

#[test]
fn explanations_never_say_zero_amounts_or_known_slips_in_any_locale() {
    for locale in Locale::ALL {
        let ctx = ctx(locale);
        let all = sentences(&ctx);
        assert!(all.len() > 80, "{locale:?}: {} sentences", all.len());
        for s in &all {
            assert!(!s.trim().is_empty(), "{locale:?}: an empty sentence");
            assert!(
                !s.contains('{')
                    && ![
                        "p-part-",
                        "p-acc-",
                        "p-fit-",
                        "p-limit-",
                        "p-left-",
                        "p-subsidy-"
                    ]
                    .iter()
                    .any(|k| s.contains(k)),
                "{locale:?}: unresolved text: {s}"
            );
            // Zero euros in any form ("0 €", "0\u{a0}€", "€0").
            assert!(!says_zero_euros(s), "{locale:?}: zero euros said: {s}");
            // A plain space inside an amount would let it break over two lines.
            if locale != Locale::En {
                assert!(
                    !s.contains(" €"),
                    "{locale:?}: breakable space before €: {s}"
                );
            }
            for bad in forbidden(locale) {
                assert!(!s.contains(bad), "{locale:?}: {bad:?} in {s}");
            }
        }
    }
}

#[test]
fn the_numeral_subject_takes_a_singular_verb_in_finnish() {
    let ctx = ctx(Locale::Fi);
    assert_eq!(
        ctx.tn("p-left-out-hours", "hours", 15),
        "Tehtävän 15 tuntia ei mahdu viikkotunteihin."
    );
    let text = |part| parts(&ctx, &[explained(part)]).remove(0).text;
    assert_eq!(
        text(P::LanguageMargin {
            lowest: Some(LanguageMargin {
                language: "fi".into(),
                required: "B1",
                levels_above: 0,
            })
        }),
        format!(
            "Kieli {}: vaaditaan B1, ja osallistujan taito täyttää vaatimuksen.",
            "suomi"
        )
    );
    assert_eq!(
        text(P::AccommodationCost { cost_eur: 0 }),
        "Työjärjestelyistä ei aiheudu kustannuksia."
    );
    assert_eq!(
        text(P::AccommodationCost { cost_eur: 1260 }),
        "Työjärjestelyt maksavat noin 1\u{a0}260\u{a0}€."
    );
}
