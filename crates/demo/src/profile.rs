//! The parts of a participant's profile drawn independently: languages with CEFR levels, ESCO
//! skills and goals, availability, contact details and ESF+ entry data.

use super::esco_refs;
use super::names::{self, Background};
use super::rng::Rng;
use super::sector::Sector;
use polku_domain::participant::LabourMarketStatus;
use polku_domain::{
    Availability, CefrLevel, Email, EscoUri, EsfEntry, Evidence, HoursRange, LanguageCode,
    PathStage, SkillClaim,
};
use polku_service::Result;
use std::collections::{BTreeMap, BTreeSet};

const GOAL_SECTORS: &[(Sector, u32)] = &[
    (Sector::Cleaning, 18),
    (Sector::Kitchen, 15),
    (Sector::Warehouse, 15),
    (Sector::Retail, 14),
    (Sector::Care, 12),
    (Sector::Metal, 7),
    (Sector::Grounds, 8),
    (Sector::Laundry, 5),
    (Sector::Office, 6),
];
use CefrLevel::{A1, A2, B1, B2, C1, C2};

fn lang(map: &mut BTreeMap<LanguageCode, CefrLevel>, code: &str, level: CefrLevel) -> Result<()> {
    map.insert(LanguageCode::parse(code)?, level);
    Ok(())
}

pub fn languages(
    rng: &mut Rng,
    bg: Background,
    region: &str,
) -> Result<BTreeMap<LanguageCode, CefrLevel>> {
    let mut m = BTreeMap::new();
    lang(&mut m, names::table(bg).mother_tongue, C2)?;
    let fi: &[(CefrLevel, u32)] = match bg {
        Background::Finnish => &[(C2, 1)],
        Background::FinlandSwedish => &[(B1, 20), (B2, 40), (C1, 40)],
        Background::Estonian => &[(A2, 10), (B1, 30), (B2, 35), (C1, 25)],
        Background::Ukrainian => &[(A1, 30), (A2, 40), (B1, 25), (B2, 5)],
        _ => &[(A1, 15), (A2, 30), (B1, 30), (B2, 17), (C1, 8)],
    };
    lang(&mut m, "fi", *rng.weighted(fi))?;
    let en = match bg {
        Background::Finnish | Background::FinlandSwedish => 60,
        Background::Ukrainian | Background::Estonian => 45,
        _ => 30,
    };
    if rng.chance(en) {
        lang(
            &mut m,
            "en",
            *rng.weighted(&[(A2, 25), (B1, 40), (B2, 25), (C1, 10)]),
        )?;
    }
    let sv = if region == "KP" { 50 } else { 25 };
    if bg == Background::Finnish && rng.chance(sv) {
        lang(
            &mut m,
            "sv",
            *rng.weighted(&[(A1, 30), (A2, 40), (B1, 25), (B2, 5)]),
        )?;
    }
    if bg == Background::Ukrainian && rng.chance(60) {
        lang(&mut m, "ru", *rng.weighted(&[(B2, 30), (C1, 40), (C2, 30)]))?;
    }
    Ok(m)
}

pub fn skills_and_goals(
    rng: &mut Rng,
    stage: PathStage,
) -> Result<(Vec<SkillClaim>, Vec<EscoUri>)> {
    let primary = *rng.weighted(GOAL_SECTORS);
    let mut goals = rng.sample(&esco_refs::occupations_of(primary)?, 1);
    if rng.chance(40) {
        let other = *rng.weighted(GOAL_SECTORS);
        for g in rng.sample(&esco_refs::occupations_of(other)?, 1) {
            if !goals.contains(&g) {
                goals.push(g);
            }
        }
    }
    let n = rng.range_usize(1, 4);
    let mut uris = rng.sample(&esco_refs::skills_of(primary)?, n);
    let n = rng.range_usize(0, 2);
    uris.extend(rng.sample(&esco_refs::skills_of(Sector::General)?, n));
    if rng.chance(25) {
        let other = *rng.pick(&Sector::EMPLOYERS);
        uris.extend(rng.sample(&esco_refs::skills_of(other)?, 1));
    }
    let mut seen = BTreeSet::new();
    uris.retain(|u| seen.insert(u.clone()));
    let evidence: &[(Evidence, u32)] = if stage <= PathStage::Assessment {
        &[
            (Evidence::SelfAssessed, 80),
            (Evidence::CoachObserved, 10),
            (Evidence::Certificate, 10),
        ]
    } else {
        &[
            (Evidence::SelfAssessed, 35),
            (Evidence::CoachObserved, 30),
            (Evidence::WorkTrial, 25),
            (Evidence::Certificate, 10),
        ]
    };
    let skills = uris
        .into_iter()
        .map(|skill| SkillClaim {
            skill,
            evidence: *rng.weighted(evidence),
        })
        .collect();
    Ok((skills, goals))
}

pub fn availability(rng: &mut Rng) -> Result<Availability> {
    let max = *rng.weighted(&[(10u8, 10), (15, 20), (20, 25), (25, 15), (30, 15), (37, 15)]);
    // A range, not one figure: a person who hopes for 25 hours can usually do 15–25, and an
    // exact figure would leave most jobs out.
    let min = max
        .saturating_sub(rng.range(1, 3) as u8 * 5)
        .max(8)
        .min(max);
    let days_floor = max.div_ceil(8).max(3);
    let days = rng.range(u64::from(days_floor), 5) as u8;
    Ok(Availability::new(
        HoursRange::new(min, max)?,
        days,
        rng.chance(30),
        rng.chance(8),
        rng.chance(25),
    )?)
}

/// E-mail (reserved example domain) and a mobile number, each for most people.
pub fn contact(
    rng: &mut Rng,
    given: &str,
    family: &str,
) -> Result<(Option<Email>, Option<String>)> {
    let email = if rng.chance(60) {
        let local = names::ascii_local(given, family);
        Some(Email::parse(&format!(
            "{local}{}@example.com",
            rng.range(1, 99)
        ))?)
    } else {
        None
    };
    let phone = rng.chance(75).then(|| {
        let prefix = *rng.pick(&["040", "044", "045", "050"]);
        format!(
            "{prefix} {:03} {:04}",
            rng.range(100, 999),
            rng.range(0, 9999)
        )
    });
    Ok((email, phone))
}

/// ESF+ entry data; the special-category answers are sometimes declined (`None`).
pub fn esf(rng: &mut Rng, immigrant: bool, birth_year: i32, disability: bool) -> EsfEntry {
    let status = *rng.weighted(&[
        (LabourMarketStatus::Unemployed, 75),
        (LabourMarketStatus::Inactive, 15),
        (LabourMarketStatus::InEducation, 7),
        (LabourMarketStatus::Employed, 3),
    ]);
    let isced: &[(u8, u32)] = if immigrant {
        &[(1, 15), (2, 30), (3, 30), (6, 20), (7, 5)]
    } else {
        &[(1, 3), (2, 40), (3, 45), (4, 5), (6, 7)]
    };
    let education = *rng.weighted(isced);
    let long_term = status == LabourMarketStatus::Unemployed && rng.chance(50);
    EsfEntry {
        labour_market_status: Some(status),
        education_isced: Some(education),
        long_term_unemployed: long_term,
        birth_year: u16::try_from(birth_year).ok(),
        unemployed_since: None,
        foreign_background: rng.chance(90).then_some(immigrant),
        disability: rng.chance(90).then_some(disability),
    }
}

/// When an unemployed person's unemployment began: long-term unemployed people mostly 24 months
/// or more before the reference date (so the 100 % and 55+ subsidy rules occur), the others
/// within the last year; some histories are not recorded.
pub fn unemployment(rng: &mut Rng, esf: &mut EsfEntry) {
    if esf.labour_market_status != Some(LabourMarketStatus::Unemployed) || rng.chance(15) {
        return;
    }
    let months = if esf.long_term_unemployed {
        if rng.chance(35) {
            rng.range(12, 23)
        } else {
            rng.range(24, 60)
        }
    } else {
        rng.range(1, 11)
    };
    let since =
        super::people::REFERENCE_DATE - time::Duration::days((months * 365 / 12) as i64 + 3);
    esf.unemployed_since = Some(since);
    esf.normalise(super::people::REFERENCE_DATE);
}
