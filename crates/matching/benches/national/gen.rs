//! The seeded national-scale dataset: real ESCO skill and occupation ids and real municipality
//! codes in their regions, with skewed popularity (Zipf-like) and municipality weights from the
//! number of postcodes to the power 1.25 (a proxy for population: Helsinki gets 13 % and
//! Helsinki-Uusimaa 26.5 %, against 12 % and 31 % of the population in 2024).

use polku_domain::{
    CefrLevel, Dimension, EscoUri, LanguageCode, Level, MunicipalityCode, OpeningKind, Schedule,
};
use polku_matching::input::{Accommodation, Employer, Hours, Opening, Participant, Task};
use std::collections::{BTreeMap, HashMap};

/// SplitMix64: small, fast, good enough for data generation.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n.max(1))) >> 64) as u64
    }
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Samples indices with given weights (cumulative table and binary search).
pub struct Weighted {
    cdf: Vec<f64>,
}

impl Weighted {
    pub fn new(weights: impl IntoIterator<Item = f64>) -> Self {
        let mut acc = 0.0;
        let cdf = weights
            .into_iter()
            .map(|w| {
                acc += w;
                acc
            })
            .collect();
        Self { cdf }
    }
    /// Zipf-like popularity over `n` items in a shuffled order.
    pub fn zipf(n: usize, s: f64, r: &mut Rng) -> (Self, Vec<u32>) {
        let mut order: Vec<u32> = (0..n as u32).collect();
        for i in (1..n).rev() {
            order.swap(i, r.below(i as u64 + 1) as usize);
        }
        (Self::new((1..=n).map(|k| 1.0 / (k as f64).powf(s))), order)
    }
    pub fn sample(&self, r: &mut Rng) -> usize {
        let x = r.unit() * self.cdf.last().copied().unwrap_or(0.0);
        self.cdf
            .partition_point(|&c| c <= x)
            .min(self.cdf.len() - 1)
    }
}

/// Reference data read from `/work/shared/data` (or `POLKU_SHARED_DATA`).
pub struct World {
    pub skills: Vec<EscoUri>,
    pub occupations: Vec<EscoUri>,
    pub municipalities: Vec<MunicipalityCode>,
    pub region_of: Vec<usize>,
    pub regions: Vec<Vec<usize>>,
    pub muni_weight: Weighted,
    skill_pop: (Weighted, Vec<u32>),
    occ_pop: (Weighted, Vec<u32>),
}

fn ids(path: &str, kind: &str) -> Vec<EscoUri> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .filter(|id| id.contains(kind))
        .filter_map(|id| EscoUri::parse(id).ok())
        .collect()
}

impl World {
    pub fn load(dir: &str, r: &mut Rng) -> World {
        let skills = ids(&format!("{dir}/esco/skills_en_text.csv"), "/skill/");
        let occupations = ids(
            &format!("{dir}/esco/occupations_en_text.csv"),
            "/occupation/",
        );
        let text =
            std::fs::read_to_string(format!("{dir}/fi/postcodes.csv")).expect("postcodes.csv");
        let mut count: BTreeMap<(String, String), u32> = BTreeMap::new();
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            if f.len() > 6 {
                *count.entry((f[3].to_owned(), f[6].to_owned())).or_default() += 1;
            }
        }
        let mut region_ids: HashMap<String, usize> = HashMap::new();
        let mut municipalities = Vec::new();
        let mut region_of = Vec::new();
        let mut weights = Vec::new();
        let mut regions: Vec<Vec<usize>> = Vec::new();
        let mut seen = HashMap::new();
        for ((m, reg), c) in &count {
            if seen.contains_key(m) {
                continue;
            }
            seen.insert(m.clone(), ());
            let n = region_ids.len();
            let rid = *region_ids.entry(reg.clone()).or_insert(n);
            if rid == regions.len() {
                regions.push(Vec::new());
            }
            regions[rid].push(municipalities.len());
            region_of.push(rid);
            municipalities.push(MunicipalityCode::parse(m).expect("code"));
            weights.push(f64::from(*c).powf(1.25));
        }
        let skill_pop = Weighted::zipf(skills.len(), 1.0, r);
        let occ_pop = Weighted::zipf(occupations.len(), 1.0, r);
        World {
            skills,
            occupations,
            municipalities,
            region_of,
            regions,
            muni_weight: Weighted::new(weights),
            skill_pop,
            occ_pop,
        }
    }
    pub fn skill(&self, r: &mut Rng) -> EscoUri {
        self.skills[self.skill_pop.1[self.skill_pop.0.sample(r)] as usize].clone()
    }
    pub fn occupation(&self, r: &mut Rng) -> EscoUri {
        self.occupations[self.occ_pop.1[self.occ_pop.0.sample(r)] as usize].clone()
    }
}

/// The benchmark's accommodations: each relieves one dimension (see `docs/matching.md`).
pub fn accommodations() -> Vec<Accommodation> {
    let mut out = Vec::new();
    for (i, d) in Dimension::ALL.iter().enumerate() {
        for (k, relief) in [1u8, 2].into_iter().enumerate() {
            if (i + k) % 3 == 0 {
                continue;
            }
            out.push(Accommodation {
                id: format!("{}_aid_{relief}", d.key()),
                label: None,
                relieves: BTreeMap::from([(*d, relief)]),
                cost_eur: 150 + 400 * u32::from(relief) + 37 * i as u32,
                subsidy: Some("jarjestelytuki.tools".into()),
            });
        }
    }
    out
}

fn level(v: u64) -> Level {
    Level::new(v as i64).unwrap_or(Level::MAX)
}

fn lang(code: &str) -> LanguageCode {
    LanguageCode::parse(code).expect("code")
}

/// One employer with `tasks` tasks and `openings` openings.
pub fn employer(
    w: &World,
    r: &mut Rng,
    e: usize,
    tasks: usize,
    openings: usize,
    demand_scale: u64,
) -> Employer {
    let muni = w.muni_weight.sample(r);
    let id = format!("E{e:06}");
    let tasks: Vec<Task> = (0..tasks)
        .map(|t| {
            let mut demands = BTreeMap::new();
            for d in Dimension::ALL {
                if r.chance(300) {
                    let l = [1, 1, 2, 2, 2, 3, 3, 4][r.below(8) as usize];
                    demands.insert(*d, level((l * demand_scale / 100).clamp(1, 4)));
                }
            }
            let mut languages = BTreeMap::new();
            if r.chance(600) {
                languages.insert(lang("fi"), CefrLevel::ALL[r.range(1, 3) as usize]);
            }
            if r.chance(50) {
                languages.insert(lang("sv"), CefrLevel::ALL[r.range(1, 3) as usize]);
            }
            if r.chance(100) {
                languages.insert(lang("en"), CefrLevel::ALL[r.range(1, 3) as usize]);
            }
            Task {
                id: format!("{id}-T{t:02}"),
                title: format!("Tehtävä {t}"),
                hours_per_week: r.range(2, 12) as u8,
                days_per_week: None,
                demands,
                skills_essential: (0..r.range(1, 4)).map(|_| w.skill(r)).collect(),
                skills_optional: (0..r.range(0, 3)).map(|_| w.skill(r)).collect(),
                languages,
                learnable_on_job: r.chance(400),
                value: r.range(1, 5) as u8,
                schedule: match r.below(100) {
                    0..=9 => Some(Schedule::Evenings),
                    10..=12 => Some(Schedule::Nights),
                    13..=19 => Some(Schedule::Weekends),
                    _ => None,
                },
                occupation: r.chance(700).then(|| w.occupation(r)),
            }
        })
        .collect();
    let openings = (0..openings)
        .map(|o| {
            let k = r.range(2, 5) as usize;
            let start = r.below(tasks.len() as u64) as usize;
            let ids: Vec<String> = (0..k.min(tasks.len()))
                .map(|j| tasks[(start + j) % tasks.len()].id.clone())
                .collect();
            let kind = match r.below(100) {
                0..=59 => OpeningKind::Job,
                60..=84 => OpeningKind::WorkTrial,
                85..=89 => OpeningKind::Apprenticeship,
                _ => OpeningKind::Gig,
            };
            Opening {
                id: format!("{id}-O{o}"),
                title: None,
                kind,
                municipality: None,
                capacity: r.range(1, 3) as u16,
                tasks: ids,
                monthly_wage_eur: (kind != OpeningKind::WorkTrial)
                    .then(|| r.range(900, 3200) as u32),
            }
        })
        .collect();
    Employer {
        id,
        name: None,
        municipality: w.municipalities[muni].clone(),
        mentor_available: r.chance(400),
        hourly_wage_eur: Some(13.0 + r.below(10) as f64),
        legal_form: None,
        tasks,
        openings,
    }
}

/// One participant.
pub fn participant(w: &World, r: &mut Rng, p: usize) -> Participant {
    let home = w.muni_weight.sample(r);
    let region = &w.regions[w.region_of[home]];
    let acceptable = (0..r.range(0, 6))
        .map(|_| w.municipalities[region[r.below(region.len() as u64) as usize]].clone())
        .collect();
    let mut capacity = BTreeMap::new();
    for d in Dimension::ALL {
        if r.chance(850) {
            capacity.insert(
                *d,
                level([1, 2, 2, 3, 3, 3, 4, 4, 4, 4][r.below(10) as usize]),
            );
        }
    }
    let mut languages = BTreeMap::new();
    languages.insert(lang("fi"), CefrLevel::ALL[r.range(0, 5) as usize]);
    if r.chance(150) {
        languages.insert(lang("sv"), CefrLevel::ALL[r.range(0, 5) as usize]);
    }
    if r.chance(500) {
        languages.insert(lang("en"), CefrLevel::ALL[r.range(0, 5) as usize]);
    }
    let min = r.range(8, 25) as u8;
    Participant {
        id: format!("P{p:07}"),
        municipality: w.municipalities[home].clone(),
        acceptable_municipalities: acceptable,
        hours_per_week: Hours {
            min,
            max: (min + r.range(5, 20) as u8).min(45),
        },
        days_per_week_max: r.range(3, 5) as u8,
        languages,
        skills: (0..r.range(5, 30)).map(|_| w.skill(r)).collect(),
        goals: (0..r.range(0, 3)).map(|_| w.occupation(r)).collect(),
        capacity,
        waiting_days: r.below(1000) as u32,
        evenings: r.chance(700),
        nights: r.chance(300),
        weekends: r.chance(600),
        reduced_work_ability: r.chance(500),
        birth_date: None,
        birth_year: None,
        long_term_unemployed: false,
        unemployed_months_of_28: None,
    }
}
