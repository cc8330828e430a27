//! Openings: 1–3 per employer, each grouping 1–4 of its tasks, as a job, work trial, education
//! trial, apprenticeship or small gig. Trials are unpaid and last at most six months; paid
//! openings carry a monthly wage scaled from a full-time wage by the hours.

use super::people::REFERENCE_DATE;
use super::rng::Rng;
use super::sector::Sector;
use polku_domain::{CooperationDepth, Employer, Opening, OpeningId, OpeningKind, Task};
use polku_service::Result;
use time::Duration;

/// Job title and the vocational qualification (perustutkinto) a trial or apprenticeship leads to.
fn titles(sector: Sector) -> (&'static str, &'static str) {
    match sector {
        Sector::Cleaning => (
            "Siivooja",
            "puhtaus- ja kiinteistöpalvelualan perustutkinto",
        ),
        Sector::Kitchen => (
            "Keittiöapulainen",
            "ravintola- ja catering-alan perustutkinto",
        ),
        Sector::Warehouse => ("Varastotyöntekijä", "logistiikan perustutkinto"),
        Sector::Retail => ("Myyjä", "liiketoiminnan perustutkinto"),
        Sector::Care => ("Hoiva-avustaja", "sosiaali- ja terveysalan perustutkinto"),
        Sector::Metal => (
            "Konepajatyöntekijä",
            "kone- ja tuotantotekniikan perustutkinto",
        ),
        Sector::Grounds => ("Viheralueiden hoitaja", "puutarha-alan perustutkinto"),
        Sector::Laundry => ("Pesulatyöntekijä", "tekstiili- ja muotialan perustutkinto"),
        Sector::Office | Sector::General => ("Toimistoavustaja", "liiketoiminnan perustutkinto"),
    }
}

/// Full-time (37.5 h) monthly wage range in euros for the sector.
fn full_time_wage(sector: Sector) -> (u64, u64) {
    match sector {
        Sector::Care | Sector::Metal => (2200, 2600),
        Sector::Warehouse | Sector::Office => (2050, 2450),
        _ => (1900, 2300),
    }
}

pub fn openings(
    rng: &mut Rng,
    employer: &Employer,
    sector: Sector,
    tasks: &[Task],
) -> Result<Vec<Opening>> {
    let count = rng.range_usize(1, 3).min(tasks.len());
    let mut order: Vec<usize> = (0..tasks.len()).collect();
    rng.shuffle(&mut order);
    let (job_title, qualification) = titles(sector);
    let mut out = Vec::with_capacity(count);
    let mut next = 0;
    for n in 0..count {
        let mut kind = *rng.weighted(&[
            (OpeningKind::Job, 25),
            (OpeningKind::WorkTrial, 30),
            (OpeningKind::EducationTrial, 10),
            (OpeningKind::Apprenticeship, 10),
            (OpeningKind::Gig, 25),
        ]);
        // An employer only contacted so far offers trials and gigs, not yet jobs.
        if employer.cooperation == CooperationDepth::Contacted
            && matches!(kind, OpeningKind::Job | OpeningKind::Apprenticeship)
        {
            kind = OpeningKind::WorkTrial;
        }
        // A gig is a few hours of one task; the others group up to four tasks.
        let left_after = count - n - 1;
        let most = (order.len() - next - left_after).min(4);
        let take = if kind == OpeningKind::Gig {
            1
        } else {
            rng.range_usize(1, most.max(1))
        };
        let group: Vec<&Task> = order[next..next + take]
            .iter()
            .map(|i| &tasks[*i])
            .collect();
        next += take;
        let hours: u64 = group
            .iter()
            .map(|t| u64::from(t.hours_per_week))
            .sum::<u64>()
            .min(37);
        let (lo, hi) = full_time_wage(sector);
        let full = rng.range(lo / 10, hi / 10) * 10;
        // Euros a month for `hours` of 37.5, at `share` per cent, rounded up to tens.
        let scaled = |share: u64| {
            let euros = full * hours * share * 10 / (375 * 100);
            Some(u32::try_from(euros.div_ceil(10) * 10).unwrap_or(u32::MAX))
        };
        let (monthly_wage_eur, capacity, title) = match kind {
            OpeningKind::Job => (scaled(100), 1, format!("{job_title}, {hours} h/vko")),
            OpeningKind::Apprenticeship => (scaled(85), 1, format!("Oppisopimus: {qualification}")),
            OpeningKind::Gig => (
                scaled(100),
                rng.range(1, 3),
                format!("Keikkatyö: {}", group[0].title),
            ),
            OpeningKind::WorkTrial => (None, rng.range(1, 3), format!("Työkokeilu: {job_title}")),
            OpeningKind::EducationTrial => (
                None,
                rng.range(1, 2),
                format!("Koulutuskokeilu: {qualification}"),
            ),
        };
        let starts_on = REFERENCE_DATE + Duration::days(rng.range(7, 90) as i64);
        let length = match kind {
            OpeningKind::Job => None,
            OpeningKind::WorkTrial | OpeningKind::EducationTrial => Some(rng.range(30, 182)),
            OpeningKind::Apprenticeship => Some(rng.range(365, 730)),
            OpeningKind::Gig => Some(rng.range(1, 14)),
        };
        out.push(Opening {
            id: OpeningId(rng.uuid()),
            employer_id: employer.id,
            kind,
            title,
            tasks: group.iter().map(|t| t.id).collect(),
            municipality: group[0].municipality.clone(),
            capacity: capacity as u16,
            monthly_wage_eur,
            starts_on: Some(starts_on),
            ends_on: length.map(|d| starts_on + Duration::days(d as i64)),
            version: 1,
        });
    }
    Ok(out)
}
