//! The owned answers from the engine's views into its index ([`crate::hit`]): the same fields,
//! with the strings copied and the sentences rendered.

use super::{
    AccSubsidy, Check, DimFit, Excluded, Explained, Fit, Fits, LanguageMargin, Limit, Limits, Part,
    Parts, PaySubsidy, Ranked, TaskLine,
};
use crate::hit;

fn strings<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    ids.map(str::to_owned).collect()
}

impl From<&hit::MatchResult<'_>> for Ranked {
    fn from(m: &hit::MatchResult<'_>) -> Self {
        Self {
            participant: m.participant.to_owned(),
            opening: m.opening.to_owned(),
            employer: m.employer.to_owned(),
            kind: m.kind,
            title: m.title.map(str::to_owned),
            score: m.score.as_f64(),
            parts: m.parts.into(),
            explanation: m.explanation.iter().map(Explained::from).collect(),
            fits: m.fits.iter().map(Fit::from).collect(),
            to_check: m.to_check.iter().map(Check::from).collect(),
            accommodations: strings(m.accommodations.iter()),
            accommodation_cost_eur: m.accommodation_cost_eur,
            accommodation_subsidies: m.accommodation_subsidies.iter().map(Into::into).collect(),
            subsidy: m.subsidy.as_ref().map(Into::into),
            hours_per_week: m.hours_per_week,
            tasks: m
                .tasks
                .iter()
                .map(|t| TaskLine {
                    id: t.id.to_owned(),
                    title: t.title.to_owned(),
                    hours_per_week: t.hours_per_week,
                })
                .collect(),
        }
    }
}

impl From<&hit::Excluded<'_>> for Excluded {
    fn from(e: &hit::Excluded<'_>) -> Self {
        Self {
            participant: e.participant.to_owned(),
            opening: e.opening.to_owned(),
            excluded_by: e.excluded_by.iter().map(Limit::from).collect(),
        }
    }
}

impl From<hit::PartsOut> for Parts {
    fn from(p: hit::PartsOut) -> Self {
        Self {
            essential_skills: p.essential_skills.as_f64(),
            optional_skills: p.optional_skills.as_f64(),
            learnable_gaps: p.learnable_gaps.as_f64(),
            language_margin: p.language_margin.as_f64(),
            functioning_margin: p.functioning_margin.as_f64(),
            accommodation_cost: p.accommodation_cost.as_f64(),
            goal_fit: p.goal_fit.as_f64(),
            employer_readiness: p.employer_readiness.as_f64(),
        }
    }
}

impl From<&hit::PartText<'_>> for Explained {
    fn from(p: &hit::PartText<'_>) -> Self {
        use hit::PartText as P;
        let (points, max, part, text) = match *p {
            P::EssentialSkills {
                points,
                max,
                have,
                of,
                text,
            } => (points, max, Part::EssentialSkills { have, of }, text),
            P::OptionalSkills {
                points,
                max,
                have,
                of,
                text,
            } => (points, max, Part::OptionalSkills { have, of }, text),
            P::LearnableGaps {
                points,
                max,
                missing,
                learnable_on_job,
                text,
            } => (
                points,
                max,
                Part::LearnableGaps {
                    missing,
                    learnable_on_job,
                },
                text,
            ),
            P::LanguageMargin {
                points,
                max,
                language,
                required,
                levels_above,
                text,
            } => {
                let lowest = match (language, required, levels_above) {
                    (Some(language), Some(required), Some(levels_above)) => Some(LanguageMargin {
                        language: language.to_owned(),
                        required,
                        levels_above,
                    }),
                    _ => None,
                };
                (points, max, Part::LanguageMargin { lowest }, text)
            }
            P::FunctioningMargin {
                points,
                max,
                demands,
                spare,
                not_assessed,
                text,
            } => (
                points,
                max,
                Part::FunctioningMargin {
                    demands,
                    spare,
                    not_assessed,
                },
                text,
            ),
            P::AccommodationCost {
                points,
                max,
                cost_eur,
                text,
            } => (points, max, Part::AccommodationCost { cost_eur }, text),
            P::GoalFit {
                points,
                max,
                goal_hours,
                text,
            } => (points, max, Part::GoalFit { goal_hours }, text),
            P::EmployerReadiness {
                points,
                max,
                mentor,
                trial_places,
                text,
            } => (
                points,
                max,
                Part::EmployerReadiness {
                    mentor,
                    trial_places,
                },
                text,
            ),
        };
        Self {
            points: points.as_f64(),
            max: max.as_f64(),
            part,
            text: text.to_string(),
        }
    }
}

impl From<&hit::Fit<'_>> for Fit {
    fn from(f: &hit::Fit<'_>) -> Self {
        use hit::Fit as F;
        let (why, text) = match f {
            F::Hours {
                hours_per_week,
                min,
                max,
                text,
            } => (
                Fits::Hours {
                    hours_per_week: *hours_per_week,
                    min: *min,
                    max: *max,
                },
                text,
            ),
            F::Days {
                days_per_week,
                max,
                text,
            } => (
                Fits::Days {
                    days_per_week: *days_per_week,
                    max: *max,
                },
                text,
            ),
            F::Municipality { municipality, text } => (
                Fits::Municipality {
                    municipality: (*municipality).to_owned(),
                },
                text,
            ),
            F::Language {
                language,
                required,
                has,
                text,
            } => (
                Fits::Language {
                    language: (*language).to_owned(),
                    required,
                    has,
                },
                text,
            ),
            F::Functioning { dimensions, text } => (
                Fits::Functioning {
                    dimensions: dimensions
                        .each()
                        .map(|(dimension, demand, capacity)| DimFit {
                            dimension,
                            demand,
                            capacity,
                        })
                        .collect(),
                },
                text,
            ),
            F::Accommodated {
                dimension,
                demand,
                capacity,
                accommodations,
                text,
            } => (
                Fits::Accommodated {
                    dimension: *dimension,
                    demand: *demand,
                    capacity: *capacity,
                    accommodations: strings(accommodations.iter()),
                },
                text,
            ),
        };
        Self {
            why,
            text: text.to_string(),
        }
    }
}

impl From<&hit::Check<'_>> for Check {
    fn from(c: &hit::Check<'_>) -> Self {
        Self {
            dimension: c.dimension,
            demand: c.demand,
            text: c.text.to_string(),
        }
    }
}

impl From<&hit::LimitOut<'_>> for Limit {
    fn from(l: &hit::LimitOut<'_>) -> Self {
        use hit::LimitOut as L;
        let limit = match l {
            L::Functioning {
                dimension,
                demand,
                capacity,
                ..
            } => Limits::Functioning {
                dimension: *dimension,
                demand: *demand,
                capacity: *capacity,
            },
            L::Language {
                language,
                required,
                has,
                ..
            } => Limits::Language {
                language: (*language).to_owned(),
                required,
                has,
            },
            L::Hours {
                hours_per_week,
                min,
                max,
                ..
            } => Limits::Hours {
                hours_per_week: *hours_per_week,
                min: *min,
                max: *max,
            },
            L::Days {
                days_per_week, max, ..
            } => Limits::Days {
                days_per_week: *days_per_week,
                max: *max,
            },
            L::Schedule { schedule, .. } => Limits::Schedule { schedule },
            L::Municipality { municipality, .. } => Limits::Municipality {
                municipality: (*municipality).to_owned(),
            },
        };
        Self {
            limit,
            text: l.text().to_owned(),
        }
    }
}

impl From<&hit::AccSubsidy<'_>> for AccSubsidy {
    fn from(a: &hit::AccSubsidy<'_>) -> Self {
        Self {
            accommodation: a.accommodation.to_owned(),
            cost_eur: a.cost_eur,
            subsidy: a.subsidy.to_owned(),
            label: a.label,
            cap_eur_total: a.cap_eur_total,
            in_force: a.in_force,
        }
    }
}

impl From<&hit::PaySubsidy> for PaySubsidy {
    fn from(s: &hit::PaySubsidy) -> Self {
        Self {
            rule: s.rule,
            available: s.available,
            label: s.label,
            rate: s.rate,
            cap_eur_month: s.cap_eur_month,
            max_months: s.max_months,
            monthly_wage_eur: s.monthly_wage_eur,
            hours_per_week: s.hours_per_week,
            estimate_eur_month: s.estimate_eur_month,
            text: s.text.to_string(),
        }
    }
}
