//! Plan-level tests of the shape of the data: every entity validates, the data is spread
//! realistically, every template and catalogue id resolves.

use super::tests::default_plan;
use super::*;
use polku_domain::{catalogue, EscoKind, OpeningKind, PathStage, Role};
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn every_entity_validates() {
    let p = default_plan();
    assert_eq!(
        p.organisations.len(),
        10,
        "a lead and a partner per project"
    );
    assert_eq!(p.projects.len(), 5);
    for project in &p.projects {
        let f = project
            .funding
            .as_ref()
            .expect("every demo project is funded");
        assert_eq!(f.programme, "FI-ESF+-2021-2027");
        assert!(f.objective.starts_with("ESO4."), "{}", f.objective);
        assert_eq!(project.partners.len(), 1);
        assert!(p.organisations.iter().any(|o| o.id == project.partners[0]));
        assert!(!project.municipalities.is_empty());
        // Someone works for the partner, so its report filter shows participants.
        assert!(p.works_for.iter().any(|(_, o)| *o == project.partners[0]));
    }
    for x in &p.participants {
        x.personal.validate().expect("participant validates");
        assert!(x
            .personal
            .skills
            .iter()
            .all(|s| s.skill.kind() == EscoKind::Skill));
        assert!(!x.personal.goals.is_empty());
        let h = x.personal.availability.hours_per_week;
        assert!(h.min >= 8 && h.max <= 37 && h.min <= h.max);
        for a in &x.sensitive.accommodations {
            assert!(catalogue::accommodation(a).is_some(), "{a}");
        }
        assert!(!x.sensitive.functional_notes.is_empty());
        let notes = x.sensitive.functional_notes.to_lowercase();
        for word in [
            "diagno", "masennus", "sairaus", "adhd", "autis", "epilep", "skitso",
        ] {
            assert!(!notes.contains(word), "a note names a diagnosis: {notes}");
        }
        assert!(x.waiting_since <= REFERENCE_DATE);
        assert!(x.waiting_since >= REFERENCE_DATE - time::Duration::days(731));
    }
    for e in &p.employers {
        e.employer.validate().expect("employer validates");
        assert!((4..=12).contains(&e.tasks.len()));
        assert!((1..=3).contains(&e.openings.len()));
        for t in &e.tasks {
            t.validate().expect("task validates");
            assert_eq!(t.employer_id, e.employer.id);
            assert!(!t.skills_essential.is_empty());
            assert!((4..=20).contains(&t.hours_per_week) && t.days_per_week <= 5);
        }
        let task_ids: BTreeSet<_> = e.tasks.iter().map(|t| t.id).collect();
        for o in &e.openings {
            o.validate().expect("opening validates");
            assert!(o.tasks.iter().all(|t| task_ids.contains(t)));
            assert!((1..=3).contains(&o.capacity));
        }
    }
}

#[test]
fn data_is_spread_realistically() {
    let p = default_plan();
    let stages: BTreeSet<PathStage> = p.participants.iter().map(|x| x.stage).collect();
    assert_eq!(stages.len(), PathStage::ALL.len());
    let coaches: BTreeSet<_> = p
        .users
        .iter()
        .filter(|u| u.roles.iter().any(|g| g.role == Role::Coach))
        .map(|u| u.id)
        .collect();
    let mut caseload: BTreeMap<_, usize> = BTreeMap::new();
    for x in &p.participants {
        assert!(coaches.contains(&x.coach_id));
        *caseload.entry(x.coach_id).or_default() += 1;
    }
    let (lo, hi) = (caseload.values().min(), caseload.values().max());
    assert!(
        hi.zip(lo).is_some_and(|(h, l)| h - l <= 1),
        "even caseloads"
    );
    let langs: BTreeSet<_> = p
        .participants
        .iter()
        .flat_map(|x| x.personal.languages.keys().map(|l| l.as_str().to_owned()))
        .collect();
    for l in ["fi", "sv", "en", "so", "ar", "ru", "uk", "et"] {
        assert!(langs.contains(l), "language {l}");
    }
    let sectors: BTreeSet<_> = p
        .employers
        .iter()
        .map(|e| e.employer.industry_tol.clone())
        .collect();
    assert!(sectors.len() >= 7, "varied industries: {sectors:?}");
    let kinds: BTreeSet<_> = p
        .employers
        .iter()
        .flat_map(|e| e.openings.iter().map(|o| o.kind.as_str()))
        .collect();
    assert_eq!(kinds.len(), 5, "every opening kind: {kinds:?}");
    let unassessed = p
        .participants
        .iter()
        .filter(|x| x.sensitive.functioning.capacity.len() < polku_domain::Dimension::COUNT)
        .count();
    assert!(unassessed > 20, "some dimensions are not assessed");
    for e in &p.employers {
        for o in &e.openings {
            let trial = matches!(o.kind, OpeningKind::WorkTrial | OpeningKind::EducationTrial);
            assert_eq!(o.monthly_wage_eur.is_none(), trial);
            if let (Some(s), Some(end)) = (o.starts_on, o.ends_on) {
                assert!(!trial || end - s <= time::Duration::days(183));
            }
        }
    }
}

#[test]
fn every_template_parses_and_every_sector_has_enough() {
    let t = tasks::templates().expect("templates parse");
    assert!(t.len() >= 60);
    for s in sector::Sector::EMPLOYERS {
        let own = t.iter().filter(|x| x.sector == s).count();
        assert!(own >= 6, "{s:?} has {own} templates");
    }
    for c in functioning::CLUSTERS {
        for a in c.accommodations {
            assert!(catalogue::accommodation(a).is_some(), "{a}");
        }
    }
}

/// Every pay-subsidy rule occurs in the demo: some employers are associations, foundations or
/// municipal, and some participants are 55 or 60 and over and long-term unemployed.
#[test]
fn every_pay_subsidy_rule_occurs() {
    use polku_matching::subsidies::{self, Job, PersonFacts, RuleSet, PAY_RULES};
    let p = default_plan();
    let on = super::people::REFERENCE_DATE;
    let rules = RuleSet::on(on);
    let job = Job {
        monthly_wage_eur: Some(2000.0),
        hours_per_week: 30,
    };
    let mut seen = BTreeSet::new();
    let forms: BTreeSet<_> = p
        .employers
        .iter()
        .filter_map(|e| e.employer.legal_form)
        .collect();
    for person in &p.participants {
        let esf = &person.personal.esf;
        let facts = PersonFacts {
            birth_date: person
                .personal
                .hetu
                .as_ref()
                .map(polku_domain::Hetu::birth_date),
            birth_year: esf.birth_year,
            reduced_work_ability: esf.disability.unwrap_or(false),
            long_term_unemployed: esf.long_term_unemployed,
            unemployed_months_of_28: esf.unemployed_months_of_28(on),
        };
        for form in &forms {
            let s = subsidies::select(&facts, Some(*form), job, &rules);
            seen.extend(s.options.iter().filter(|o| o.applies()).map(|o| o.rule));
        }
    }
    for rule in PAY_RULES {
        assert!(seen.contains(rule), "{rule} never applies in the demo data");
    }
    for form in [
        polku_domain::LegalForm::Association,
        polku_domain::LegalForm::Foundation,
        polku_domain::LegalForm::Municipality,
    ] {
        assert!(
            forms.contains(&form),
            "no {form:?} among the demo employers"
        );
    }
}
