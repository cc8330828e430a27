//! Random small inputs from a seed (a tiny xorshift generator, so every case is reproducible).

use polku_domain::{
    CefrLevel, Dimension, EscoUri, LanguageCode, Level, MunicipalityCode, OpeningKind, Schedule,
};
use polku_matching::input::{Accommodation, Employer, Hours, Input, Opening, Participant, Task};
use std::collections::BTreeMap;

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

pub fn skill(i: u64) -> EscoUri {
    EscoUri::parse(&format!("http://data.europa.eu/esco/skill/s{i}")).expect("uri")
}
pub fn occupation(i: u64) -> EscoUri {
    EscoUri::parse(&format!("http://data.europa.eu/esco/occupation/o{i}")).expect("uri")
}
fn muni(i: u64) -> MunicipalityCode {
    MunicipalityCode::parse(&format!("{:03}", 100 + i)).expect("code")
}
fn lvl(v: u64) -> Level {
    Level::new(v as i64).expect("level")
}
const DIMS: [Dimension; 5] = [
    Dimension::Lifting,
    Dimension::Standing,
    Dimension::Bending,
    Dimension::CustomerContact,
    Dimension::Pace,
];

fn langs(r: &mut Rng, required: bool) -> BTreeMap<LanguageCode, CefrLevel> {
    let mut m = BTreeMap::new();
    for code in ["fi", "sv", "en"] {
        if r.chance(if required { 20 } else { 70 }) {
            let level = if required { r.below(4) } else { 1 + r.below(5) };
            m.insert(
                LanguageCode::parse(code).expect("code"),
                CefrLevel::ALL[level as usize],
            );
        }
    }
    m
}

pub fn task(r: &mut Rng, id: String) -> Task {
    let mut demands = BTreeMap::new();
    for d in DIMS {
        if r.chance(40) {
            demands.insert(d, lvl(r.below(5)));
        }
    }
    Task {
        id,
        title: "Tehtävä".into(),
        hours_per_week: 1 + r.below(12) as u8,
        days_per_week: r.chance(30).then(|| 1 + r.below(5) as u8),
        demands,
        skills_essential: (0..r.below(4)).map(|_| skill(r.below(12))).collect(),
        skills_optional: (0..r.below(3)).map(|_| skill(r.below(12))).collect(),
        languages: langs(r, true),
        learnable_on_job: r.chance(40),
        value: 1 + r.below(5) as u8,
        schedule: match r.below(8) {
            0 => Some(Schedule::Nights),
            1 => Some(Schedule::Evenings),
            2 => Some(Schedule::Weekends),
            3 => Some(Schedule::Daytime),
            _ => None,
        },
        occupation: r.chance(50).then(|| occupation(r.below(4))),
    }
}

pub fn participant(r: &mut Rng, id: String) -> Participant {
    let mut capacity = BTreeMap::new();
    for d in DIMS {
        if r.chance(80) {
            capacity.insert(d, lvl(1 + r.below(4)));
        }
    }
    let min = r.below(12) as u8;
    Participant {
        id,
        municipality: muni(r.below(3)),
        acceptable_municipalities: (0..r.below(4)).map(|_| muni(r.below(4))).collect(),
        hours_per_week: Hours {
            min,
            max: min + 8 + r.below(30) as u8,
        },
        days_per_week_max: 2 + r.below(4) as u8,
        languages: langs(r, false),
        skills: (0..r.below(8)).map(|_| skill(r.below(12))).collect(),
        goals: (0..r.below(2)).map(|_| occupation(r.below(4))).collect(),
        capacity,
        waiting_days: r.below(800) as u32,
        evenings: r.chance(80),
        nights: r.chance(60),
        weekends: r.chance(80),
        reduced_work_ability: r.chance(50),
        birth_date: None,
        birth_year: None,
        long_term_unemployed: false,
        unemployed_months_of_28: None,
    }
}

pub fn accommodations(r: &mut Rng) -> Vec<Accommodation> {
    (0..r.below(5))
        .map(|i| {
            let mut relieves = BTreeMap::new();
            relieves.insert(DIMS[r.below(5) as usize], 1 + r.below(3) as u8);
            if r.chance(30) {
                relieves.insert(DIMS[r.below(5) as usize], 1 + r.below(2) as u8);
            }
            Accommodation {
                id: format!("acc{i}"),
                label: None,
                relieves,
                cost_eur: r.below(2000) as u32,
                subsidy: None,
            }
        })
        .collect()
}

pub fn employer(r: &mut Rng, e: usize, tasks: usize) -> Employer {
    let tasks: Vec<Task> = (0..tasks).map(|t| task(r, format!("e{e}t{t}"))).collect();
    let openings = (0..1 + r.below(3))
        .map(|o| {
            let ids: Vec<String> = tasks
                .iter()
                .filter(|_| r.chance(30))
                .map(|t| t.id.clone())
                .collect();
            let ids = if ids.is_empty() {
                vec![tasks[0].id.clone()]
            } else {
                ids
            };
            let kind =
                [OpeningKind::Job, OpeningKind::WorkTrial, OpeningKind::Gig][r.below(3) as usize];
            Opening {
                id: format!("e{e}o{o}"),
                title: None,
                kind,
                municipality: r.chance(30).then(|| muni(r.below(4))),
                capacity: 1 + r.below(3) as u16,
                tasks: ids,
                monthly_wage_eur: (kind != OpeningKind::WorkTrial)
                    .then(|| 500 + r.below(2500) as u32),
            }
        })
        .collect();
    Employer {
        id: format!("e{e}"),
        name: None,
        municipality: muni(r.below(4)),
        mentor_available: r.chance(50),
        hourly_wage_eur: r.chance(50).then_some(13.0),
        legal_form: None,
        tasks,
        openings,
    }
}

/// A random input with `people` participants and `employers` employers of up to 6 tasks.
pub fn input(seed: u64, people: usize, employers: usize) -> Input {
    let mut r = Rng::new(seed);
    let employers = (0..employers)
        .map(|e| {
            let n = 1 + r.below(6) as usize;
            employer(&mut r, e, n)
        })
        .collect();
    Input {
        participants: (0..people)
            .map(|p| participant(&mut r, format!("p{p}")))
            .collect(),
        employers,
        accommodations: Some(accommodations(&mut r)),
        ..Input::default()
    }
}
