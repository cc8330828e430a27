//! Participants: names by background, identity codes (most permanent, some
//! temporary, some none), ESCO skills and goals, availability, mobility within the region,
//! ESF+ entry data, a stage on the path and a waiting time relative to a fixed date.

use super::functioning;
use super::ids;
use super::names::{self, Background};
use super::profile;
use super::regions::RegionSpec;
use super::rng::Rng;
use polku_domain::{
    Mobility, MunicipalityCode, ParticipantId, ParticipantPersonal, ParticipantSensitive,
    PathStage, ProjectId, UserId,
};
use polku_service::participants::NewParticipant;
use polku_service::{Result, ServiceError};
use std::collections::BTreeSet;
use time::{macros::date, Date, Duration};

/// "Today" for the demo data: waiting times and openings are relative to this, never the clock.
pub const REFERENCE_DATE: Date = date!(2026 - 11 - 01);

/// A participant as planned; `to_new` gives what `create_participant` takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedParticipant {
    pub id: ParticipantId,
    pub project_id: ProjectId,
    pub coach_id: UserId,
    pub personal: ParticipantPersonal,
    pub sensitive: ParticipantSensitive,
    pub stage: PathStage,
    pub waiting_since: Date,
}

impl PlannedParticipant {
    pub fn to_new(&self) -> NewParticipant {
        NewParticipant {
            id: self.id,
            project_id: self.project_id,
            coach_id: Some(self.coach_id),
            personal: self.personal.clone(),
            sensitive: self.sensitive.clone(),
            stage: self.stage,
            waiting_since: self.waiting_since,
        }
    }
}

/// Where a participant belongs.
#[derive(Debug, Clone, Copy)]
pub struct Home<'a> {
    pub region: &'a RegionSpec,
    pub codes: &'a [MunicipalityCode],
    pub project: ProjectId,
    pub coach: UserId,
}

const STAGES: &[(PathStage, u32, i64, i64)] = &[
    (PathStage::Enrolled, 10, 0, 60),
    (PathStage::Assessment, 15, 20, 150),
    (PathStage::Coaching, 30, 60, 400),
    (PathStage::Trial, 15, 120, 500),
    (PathStage::JobOrEducation, 12, 200, 600),
    (PathStage::Retention, 10, 250, 700),
    (PathStage::Exited, 8, 300, 730),
];

/// Participant `index` of the demo data, drawn from its own stream.
pub fn participant(
    seed: u64,
    index: usize,
    home: Home<'_>,
    hetus: &mut BTreeSet<String>,
) -> Result<PlannedParticipant> {
    let mut rng = Rng::stream(seed, "participant", index as u64);
    let id = ParticipantId(rng.uuid());
    let r = home.region;
    let immigrant = rng.chance(r.immigrant_percent);
    let bg = match (immigrant, r.key) {
        (true, _) => *rng.weighted(names::IMMIGRANT_WEIGHTS),
        (false, "KP") if rng.chance(15) => Background::FinlandSwedish,
        (false, _) => Background::Finnish,
    };
    let male = rng.chance(55);
    let (given_name, family_name) = names::name(&mut rng, bg, male);
    let age = *rng.weighted(&[((18, 29), 35), ((30, 49), 40), ((50, 63), 25)]);
    let year = REFERENCE_DATE.year() - rng.range(age.0, age.1) as i32;
    let birth = Date::from_ordinal_date(year, 1)
        .map_err(|e| ServiceError::Config(e.to_string()))?
        + Duration::days(rng.range(0, 364) as i64);
    let (permanent, temporary) = match bg {
        Background::Finnish | Background::FinlandSwedish => (97, 0),
        Background::Ukrainian => (35, 25),
        _ => (60, 15),
    };
    let draw = rng.below(100);
    let hetu = if draw < permanent {
        Some(ids::hetu(&mut rng, birth, male, false, hetus)?)
    } else if draw < permanent + temporary {
        Some(ids::hetu(&mut rng, birth, male, true, hetus)?)
    } else {
        None
    };
    let (stage, _, lo, hi) = *rng.weighted(&STAGES.iter().map(|s| (*s, s.1)).collect::<Vec<_>>());
    let waiting_since = REFERENCE_DATE - Duration::days(rng.range(lo as u64, hi as u64) as i64);
    let (email, phone) = profile::contact(&mut rng, &given_name, &family_name)?;
    let languages = profile::languages(&mut rng, bg, r.key)?;
    let (skills, goals) = profile::skills_and_goals(&mut rng, stage)?;
    let home_ix = *rng.weighted(&r.place_weights());
    let others: Vec<usize> = (0..home.codes.len()).filter(|i| *i != home_ix).collect();
    let k = rng.range_usize(0, 3);
    // The region's main town (the first place) is within reach of everyone: that is where
    // most of the work is.
    let mut picked = rng.sample(&others, k);
    if home_ix != 0 && !picked.contains(&0) {
        picked.truncate(2);
        picked.insert(0, 0);
    }
    let acceptable = picked.into_iter().map(|i| home.codes[i].clone()).collect();
    let licence = rng.chance(if immigrant { 25 } else { 50 });
    let mobility = Mobility {
        home: home.codes[home_ix].clone(),
        acceptable,
        driving_licence: licence,
    };
    let availability = profile::availability(&mut rng)?;
    let (sensitive, disability) = functioning::sensitive(&mut rng, immigrant, stage);
    let mut esf = profile::esf(&mut rng, immigrant, year, disability);
    // From a stream of its own, so the rest of the person stays as it was.
    profile::unemployment(
        &mut Rng::stream(seed, "unemployment", index as u64),
        &mut esf,
    );
    let personal = ParticipantPersonal {
        given_name,
        family_name,
        email,
        phone,
        hetu,
        languages,
        skills,
        goals,
        mobility,
        availability,
        esf,
    };
    Ok(PlannedParticipant {
        id,
        project_id: home.project,
        coach_id: home.coach,
        personal,
        sensitive,
        stage,
        waiting_since,
    })
}
