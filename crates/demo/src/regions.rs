//! The regions of the source articles (Momentum in Päijät-Häme and Kymenlaakso, Kohtaantoa in
//! Northern Ostrobothnia, KP OTE in Central Ostrobothnia, Hämeen malli in Kanta-Häme), one demo
//! project each. Municipalities are named here and resolved through `polku_domain::geo`; no
//! code is hard-wired.

use super::sector::Sector;
use polku_domain::geo::{self, Municipality};
use polku_domain::MunicipalityCode;
use polku_service::{Result, ServiceError};

/// A municipality of a region: Finnish name, genitive (for company names), weight as a home.
pub type Place = (&'static str, &'static str, u32);

#[derive(Debug)]
pub struct RegionSpec {
    /// Suffix of the project code, e.g. `PH` gives `DEMO-PH` and `coach1.ph@demo.polku.fi`.
    pub key: &'static str,
    pub region_genitive: &'static str,
    pub project_name: &'static str,
    pub organisation: &'static str,
    pub target_groups: &'static [&'static str],
    /// Share of participants with an immigrant background, per cent.
    pub immigrant_percent: u64,
    /// Where people live and employers work; the first four are the article towns.
    pub places: &'static [Place],
    /// Employer industries in this region, by weight.
    pub sectors: &'static [(Sector, u32)],
    /// Local emphasis from the articles: (sector, town, per cent of that sector's employers).
    pub hotspots: &'static [(Sector, &'static str, u64)],
}

use Sector::*;

#[rustfmt::skip]
pub const REGIONS: &[RegionSpec] = &[
    RegionSpec {
        key: "PH",
        region_genitive: "Päijät-Hämeen",
        project_name: "Polku-demo: täsmätyökykyiset työhön Päijät-Hämeessä",
        organisation: "Työpolku-säätiö sr",
        target_groups: &["partial_work_ability", "immigrant_background"],
        immigrant_percent: 30,
        places: &[("Lahti", "Lahden", 50), ("Hollola", "Hollolan", 15), ("Heinola", "Heinolan", 12), ("Orimattila", "Orimattilan", 12), ("Asikkala", "Asikkalan", 5), ("Kärkölä", "Kärkölän", 3), ("Iitti", "Iitin", 3)],
        sectors: &[(Cleaning, 20), (Kitchen, 15), (Warehouse, 12), (Retail, 15), (Care, 12), (Metal, 6), (Grounds, 8), (Laundry, 5), (Office, 7)],
        hotspots: &[],
    },
    RegionSpec {
        key: "KY",
        region_genitive: "Kymenlaakson",
        project_name: "Polku-demo: maahanmuuttajataustaiset työhön Kymenlaaksossa",
        organisation: "Kymen Työvalmennus ry",
        target_groups: &["immigrant_background", "partial_work_ability"],
        immigrant_percent: 60,
        places: &[("Kouvola", "Kouvolan", 40), ("Kotka", "Kotkan", 35), ("Hamina", "Haminan", 15), ("Pyhtää", "Pyhtään", 5), ("Miehikkälä", "Miehikkälän", 2), ("Virolahti", "Virolahden", 3)],
        sectors: &[(Cleaning, 18), (Kitchen, 12), (Warehouse, 20), (Retail, 12), (Care, 12), (Metal, 8), (Grounds, 8), (Laundry, 5), (Office, 5)],
        hotspots: &[(Warehouse, "Kotka", 60)],
    },
    RegionSpec {
        key: "PP",
        region_genitive: "Pohjois-Pohjanmaan",
        project_name: "Polku-demo: kohtaanto Pohjois-Pohjanmaalla",
        organisation: "Pohjolan Kohtaamo Oy",
        target_groups: &["partial_work_ability", "long_term_unemployed"],
        immigrant_percent: 20,
        places: &[("Oulu", "Oulun", 45), ("Raahe", "Raahen", 15), ("Haapavesi", "Haapaveden", 10), ("Ylivieska", "Ylivieskan", 12), ("Kempele", "Kempeleen", 6), ("Liminka", "Limingan", 4), ("Siikajoki", "Siikajoen", 2), ("Pyhäjoki", "Pyhäjoen", 2), ("Oulainen", "Oulaisten", 2), ("Nivala", "Nivalan", 2)],
        sectors: &[(Cleaning, 12), (Kitchen, 10), (Warehouse, 10), (Retail, 10), (Care, 20), (Metal, 20), (Grounds, 8), (Laundry, 5), (Office, 5)],
        hotspots: &[(Metal, "Raahe", 60), (Care, "Haapavesi", 45)],
    },
    RegionSpec {
        key: "KP",
        region_genitive: "Keski-Pohjanmaan",
        project_name: "Polku-demo: osatyökykyiset työhön Keski-Pohjanmaalla",
        organisation: "Keski-Pohjanmaan Ote-palvelut ry",
        target_groups: &["partial_work_ability", "long_term_unemployed"],
        immigrant_percent: 20,
        places: &[("Kokkola", "Kokkolan", 60), ("Kannus", "Kannuksen", 15), ("Kaustinen", "Kaustisen", 10), ("Toholampi", "Toholammin", 8), ("Veteli", "Vetelin", 7)],
        sectors: &[(Cleaning, 14), (Kitchen, 12), (Warehouse, 10), (Retail, 10), (Care, 20), (Metal, 15), (Grounds, 8), (Laundry, 5), (Office, 6)],
        hotspots: &[],
    },
    RegionSpec {
        key: "KH",
        region_genitive: "Hämeen",
        project_name: "Polku-demo: Hämeen malli, työ- ja koulutuskokeilut",
        organisation: "Hämeen Työkokeilukeskus ry",
        target_groups: &["long_term_unemployed", "partial_work_ability"],
        immigrant_percent: 25,
        places: &[("Hämeenlinna", "Hämeenlinnan", 45), ("Riihimäki", "Riihimäen", 25), ("Forssa", "Forssan", 15), ("Janakkala", "Janakkalan", 6), ("Hattula", "Hattulan", 4), ("Hausjärvi", "Hausjärven", 3), ("Tammela", "Tammelan", 2)],
        sectors: &[(Cleaning, 15), (Kitchen, 12), (Warehouse, 18), (Retail, 12), (Care, 12), (Metal, 8), (Grounds, 8), (Laundry, 8), (Office, 7)],
        hotspots: &[(Warehouse, "Riihimäki", 50), (Laundry, "Forssa", 50)],
    },
];

/// The municipality named `name` in the embedded register.
pub fn municipality(name: &str) -> Result<&'static Municipality> {
    geo::municipality_by_name(name).ok_or_else(|| {
        ServiceError::Config(format!(
            "demo data: municipality {name:?} is not in the register"
        ))
    })
}

impl RegionSpec {
    pub fn project_code(&self) -> String {
        format!("DEMO-{}", self.key)
    }

    /// The region (maakunta) of the first, main town.
    pub fn region_name(&self) -> Result<&'static str> {
        Ok(municipality(self.places[0].0)?.region.name_fi)
    }

    /// Resolves every place; all must be in the same region as the main town.
    pub fn codes(&self) -> Result<Vec<MunicipalityCode>> {
        let region = municipality(self.places[0].0)?.region.code;
        self.places
            .iter()
            .map(|(name, _, _)| {
                let m = municipality(name)?;
                if m.region.code != region {
                    return Err(ServiceError::Config(format!(
                        "demo data: {name} is not in the region of {}",
                        self.places[0].0
                    )));
                }
                Ok(m.code.clone())
            })
            .collect()
    }

    /// Weighted table of place indices.
    pub fn place_weights(&self) -> Vec<(usize, u32)> {
        self.places
            .iter()
            .enumerate()
            .map(|(i, p)| (i, p.2))
            .collect()
    }
}
