//! Employers with invented but real-looking Finnish names, valid business IDs, TOL 2008 codes,
//! a task inventory of 4–12 tasks and 1–3 openings grouping those tasks.

use super::ids;
use super::names::{self, Background};
use super::openings;
use super::regions::RegionSpec;
use super::rng::Rng;
use super::sector::Sector;
use super::tasks::{self, Site, Template};
use polku_domain::{
    CooperationDepth, Employer, EmployerId, EmployerSize, LegalForm, MunicipalityCode, Opening,
    ProjectId, Task, UserId,
};
use polku_service::Result;
use std::collections::BTreeSet;

/// An employer with its inventory, in the order they are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedEmployer {
    pub employer: Employer,
    pub tasks: Vec<Task>,
    pub openings: Vec<Opening>,
}

/// Name patterns: `{G}` town genitive, `{R}` region genitive, `{N}` town, `{F}` family name,
/// `{W}` a word; with the TOL 2008 code that fits the name.
#[rustfmt::skip]
const NAMES: &[(Sector, &str, &str)] = &[
    (Sector::Cleaning, "{G} Puhdistuspalvelu Oy", "81210"), (Sector::Cleaning, "{R} Siivouspalvelu Oy", "81210"),
    (Sector::Cleaning, "Siivous {F} Oy", "81210"), (Sector::Cleaning, "{G} Kiinteistöpuhtaus Oy", "81210"),
    (Sector::Kitchen, "Ravintola {W} Oy", "56101"), (Sector::Kitchen, "{G} Lounaskeittiö Oy", "56101"),
    (Sector::Kitchen, "{R} Henkilöstöravintolat Oy", "56290"), (Sector::Kitchen, "Catering {F} Oy", "56290"),
    (Sector::Warehouse, "{R} Logistiikka Oy", "52100"), (Sector::Warehouse, "{G} Varastopalvelut Oy", "52100"),
    (Sector::Warehouse, "{N} Terminaali Oy", "52100"), (Sector::Warehouse, "Kuljetus ja Varasto {F} Oy", "52100"),
    (Sector::Retail, "Lähikauppa {W} Oy", "47111"), (Sector::Retail, "{G} Market Oy", "47111"),
    (Sector::Retail, "{F} Kauppa Oy", "47111"), (Sector::Retail, "{G} Rautakauppa Oy", "47521"),
    (Sector::Care, "Hoivakoti {W} Oy", "87301"), (Sector::Care, "Palvelukoti {W} sr", "87301"),
    (Sector::Care, "{G} Kotihoitopalvelut Oy", "88101"), (Sector::Care, "{R} Kotiapu Oy", "88101"),
    (Sector::Metal, "{G} Konepaja Oy", "25620"), (Sector::Metal, "{R} Metallityö Oy", "25620"),
    (Sector::Metal, "Hitsaus {F} Oy", "25110"), (Sector::Metal, "{N} Teräsrakenne Oy", "25110"),
    (Sector::Grounds, "{G} Viherpalvelu Oy", "81300"), (Sector::Grounds, "{R} Piha ja Puutarha Oy", "81300"),
    (Sector::Grounds, "Viherrakennus {F} Oy", "81300"),
    (Sector::Laundry, "{G} Pesula Oy", "96011"), (Sector::Laundry, "{R} Tekstiilihuolto Oy", "96011"),
    (Sector::Laundry, "Pesupalvelu {F} Oy", "96011"),
    (Sector::Office, "{G} Toimistopalvelut Oy", "82110"), (Sector::Office, "{R} Tilitoimisto Oy", "69201"),
    (Sector::Office, "Digitointipalvelu {F} Oy", "82110"), (Sector::Office, "{G} Asiakirjapalvelu Oy", "82110"),
];

const WORDS: &[&str] = &[
    "Kattila",
    "Pata",
    "Kielo",
    "Mäntylä",
    "Koivukoti",
    "Lepola",
    "Aurinkorinne",
    "Kulmakeittiö",
    "Satama",
    "Kotiranta",
    "Päivänsäde",
    "Puolukka",
    "Rantala",
    "Tähkä",
    "Kanerva",
    "Vaahtera",
];

/// The project an employer belongs to, and who can coordinate it.
#[derive(Debug, Clone, Copy)]
pub struct Area<'a> {
    pub region: &'a RegionSpec,
    pub codes: &'a [MunicipalityCode],
    pub project: ProjectId,
    pub coordinators: &'a [UserId],
}

/// Names and business IDs already used, so that every employer is distinct.
#[derive(Debug, Default)]
pub struct Taken {
    pub business_ids: BTreeSet<String>,
    pub names: BTreeSet<String>,
}

fn home_place(rng: &mut Rng, r: &RegionSpec, sector: Sector) -> usize {
    for (s, town, percent) in r.hotspots {
        if *s == sector && rng.chance(*percent) {
            if let Some(i) = r.places.iter().position(|p| p.0 == *town) {
                return i;
            }
        }
    }
    *rng.weighted(&r.place_weights())
}

fn name(rng: &mut Rng, r: &RegionSpec, sector: Sector, place: usize) -> (String, &'static str) {
    let patterns: Vec<&(Sector, &str, &str)> = NAMES.iter().filter(|n| n.0 == sector).collect();
    let (_, pattern, tol) = **rng.pick(&patterns);
    let (town, genitive, _) = r.places[place];
    let family = names::name(rng, Background::Finnish, true).1;
    let text = pattern
        .replace("{G}", genitive)
        .replace("{R}", r.region_genitive)
        .replace("{N}", town)
        .replace("{F}", &family)
        .replace("{W}", rng.pick::<&str>(WORDS));
    (text, tol)
}

/// The legal form of employer `index`, drawn from a stream of its own (so the rest of the demo
/// data stays as it was): mostly companies, and associations, foundations, sole traders and
/// municipal enterprises so that every pay-subsidy rule occurs. A name ending in "sr" is a
/// foundation's.
fn legal_form(seed: u64, index: usize, name: &str) -> LegalForm {
    if name.ends_with(" sr") {
        return LegalForm::Foundation;
    }
    let mut rng = Rng::stream(seed, "legal_form", index as u64);
    *rng.weighted(&[
        (LegalForm::Company, 62),
        (LegalForm::SoleTrader, 6),
        (LegalForm::Association, 16),
        (LegalForm::Foundation, 8),
        (LegalForm::Municipality, 8),
    ])
}

/// The name as an employer of that legal form would carry it ("Oy" is a company's).
fn formed_name(name: &str, form: LegalForm) -> String {
    let Some(base) = name.strip_suffix(" Oy") else {
        return name.to_owned();
    };
    match form {
        LegalForm::Association => format!("{base} ry"),
        LegalForm::Foundation => format!("{base} sr"),
        LegalForm::SoleTrader => format!("Tmi {base}"),
        LegalForm::Municipality => format!("{base} liikelaitos"),
        _ => name.to_owned(),
    }
}

/// Employer `index` of the demo data, drawn from its own stream.
pub fn employer(
    seed: u64,
    index: usize,
    area: Area<'_>,
    templates: &[Template],
    taken: &mut Taken,
) -> Result<PlannedEmployer> {
    let mut rng = Rng::stream(seed, "employer", index as u64);
    let r = area.region;
    let id = EmployerId(rng.uuid());
    let sector = *rng.weighted(r.sectors);
    let place = home_place(&mut rng, r, sector);
    let (mut display, mut tol) = name(&mut rng, r, sector, place);
    for _ in 0..20 {
        if !taken.names.contains(&display) {
            break;
        }
        (display, tol) = name(&mut rng, r, sector, place);
    }
    let legal_form = legal_form(seed, index, &display);
    let formed = formed_name(&display, legal_form);
    if !taken.names.contains(&formed) {
        display = formed;
    }
    taken.names.insert(display.clone());
    let size = *rng.weighted(&[
        (EmployerSize::Micro, 25),
        (EmployerSize::Small, 40),
        (EmployerSize::Medium, 25),
        (EmployerSize::Large, 10),
    ]);
    let mut municipalities = vec![area.codes[place].clone()];
    let extra = match size {
        EmployerSize::Micro | EmployerSize::Small => 0,
        EmployerSize::Medium => rng.range_usize(0, 1),
        EmployerSize::Large => rng.range_usize(1, 2),
    };
    for c in rng.sample(area.codes, extra + 1) {
        if municipalities.len() <= extra && !municipalities.contains(&c) {
            municipalities.push(c);
        }
    }
    let cooperation = *rng.weighted(&[
        (CooperationDepth::Contacted, 30),
        (CooperationDepth::Engaged, 45),
        (CooperationDepth::Deeper, 25),
    ]);
    let mentor_available = rng.chance(match cooperation {
        CooperationDepth::Contacted => 20,
        CooperationDepth::Engaged => 50,
        CooperationDepth::Deeper => 80,
    });
    let employer = Employer {
        id,
        project_id: area.project,
        coordinator_id: area
            .coordinators
            .first()
            .map(|_| *rng.pick(area.coordinators)),
        business_id: ids::business_id(&mut rng, &mut taken.business_ids)?,
        name: display,
        industry_tol: tol.to_owned(),
        size,
        municipalities,
        cooperation,
        mentor_available,
        legal_form: Some(legal_form),
        version: 1,
    };
    let own: Vec<&Template> = templates.iter().filter(|t| t.sector == sector).collect();
    let general: Vec<&Template> = templates
        .iter()
        .filter(|t| t.sector == Sector::General)
        .collect();
    let mut chosen = rng.sample(&own, own.len());
    chosen.extend(rng.sample(&general, general.len()));
    chosen.truncate(rng.range_usize(4, 12));
    let site = Site {
        employer: id,
        municipalities: &employer.municipalities,
        swedish_percent: if r.key == "KP" { 25 } else { 0 },
    };
    let tasks = chosen
        .into_iter()
        .map(|t| tasks::task(&mut rng, t, site))
        .collect::<Result<Vec<_>>>()?;
    let openings = openings::openings(&mut rng, &employer, sector, &tasks)?;
    Ok(PlannedEmployer {
        employer,
        tasks,
        openings,
    })
}
