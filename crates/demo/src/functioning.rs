//! Functioning profiles in realistic clusters, the accommodations that go with them and neutral
//! functional notes. Functional limitations only — never a diagnosis (DESIGN.md §7).

use super::rng::Rng;
use polku_domain::{
    catalogue, Dimension, FunctioningProfile, Level, ParticipantSensitive, PathStage,
};

use Dimension::*;

/// A typical pattern of limitations: capacity ranges per dimension, the accommodations that
/// relieve them (catalogue ids) and a note in plain Finnish.
#[derive(Debug)]
pub struct Cluster {
    pub weight: u32,
    pub caps: &'static [(Dimension, u8, u8)],
    pub accommodations: &'static [&'static str],
    pub note: &'static str,
}

#[rustfmt::skip]
pub const CLUSTERS: &[Cluster] = &[
    Cluster { weight: 25, caps: &[(Lifting, 0, 1), (Bending, 0, 1), (Overhead, 1, 2), (Standing, 2, 3), (Sitting, 2, 3)],
        accommodations: &["lift_table", "lifting_trolley", "long_handled_tools", "sit_stand_desk"],
        note: "Yli 5–10 kilon nostot ja pitkään kumarassa tai kurkotellen tehtävä työ kuormittavat. Asennon vaihtelu ja nostoapuvälineet auttavat." },
    Cluster { weight: 20, caps: &[(Concentration, 1, 2), (Pace, 0, 1), (Multitasking, 0, 1), (Change, 1, 2), (Instructions, 2, 3)],
        accommodations: &["quiet_workspace", "shorter_shifts_breaks", "task_checklist_app", "fixed_routine"],
        note: "Työskentelee parhaiten rauhallisessa ympäristössä selkeän työjärjestyksen mukaan. Kiire, keskeytykset ja monen asian yhtäaikainen hoitaminen heikentävät suoriutumista." },
    Cluster { weight: 8, caps: &[(Hearing, 0, 1), (Phone, 0, 1), (Noise, 1, 2)],
        accommodations: &["speech_to_text", "hearing_loop", "written_channels_instead_of_phone", "noise_cancelling_headphones"],
        note: "Puheen erottaminen taustamelussa ja puhelimessa on vaikeaa. Kirjalliset ohjeet ja viestit toimivat; kasvokkain keskustelu onnistuu rauhallisessa tilassa." },
    Cluster { weight: 15, caps: &[(CustomerContact, 0, 1), (Teamwork, 1, 2), (Phone, 0, 1), (Change, 1, 2)],
        accommodations: &["back_office_arrangement", "named_workplace_mentor", "job_coach_on_site", "written_channels_instead_of_phone"],
        note: "Uudet sosiaaliset tilanteet ja asiakaspalvelu kuormittavat. Toimii hyvin tutussa, pienessä työryhmässä nimetyn ohjaajan tuella." },
    Cluster { weight: 15, caps: &[(Standing, 1, 2), (Walking, 1, 2), (Pace, 1, 2), (Temperature, 2, 3)],
        accommodations: &["anti_fatigue_mat", "saddle_chair", "work_area_nearby", "shorter_shifts_breaks"],
        note: "Pitkäkestoinen seisominen ja pitkät kävelymatkat väsyttävät. Lyhyemmät työpäivät, istumamahdollisuus ja lisätauot tukevat jaksamista." },
    Cluster { weight: 5, caps: &[(Vision, 0, 1), (Literacy, 1, 2), (FineMotor, 2, 3)],
        accommodations: &["screen_magnifier", "magnifier_lamp", "text_to_speech"],
        note: "Pienen tekstin ja yksityiskohtien näkeminen on vaikeaa. Suurennus, hyvä valaistus ja puhesynteesi auttavat." },
    Cluster { weight: 15, caps: &[(Literacy, 0, 1), (Instructions, 1, 2), (Multitasking, 1, 2)],
        accommodations: &["picture_instructions", "text_to_speech", "coworker_assistance", "job_coach_on_site"],
        note: "Pitkien kirjallisten ohjeiden lukeminen vie aikaa. Näyttämällä opettaminen ja kuvalliset vaihe vaiheelta -ohjeet toimivat hyvin." },
    Cluster { weight: 7, caps: &[(FineMotor, 1, 2), (Lifting, 1, 2), (Temperature, 1, 2)],
        accommodations: &["ergonomic_hand_tools", "thermal_clothing"],
        note: "Tarkkuutta vaativa käsien työ ja kylmässä työskentely kuormittavat käsiä. Ergonomiset työvälineet ja lämpimät käsineet auttavat." },
    Cluster { weight: 5, caps: &[(Dust, 0, 1), (Temperature, 1, 2), (Noise, 1, 2)],
        accommodations: &["respirator_ventilation", "thermal_clothing", "noise_cancelling_headphones"],
        note: "Pölyiset ja voimakkaan hajuiset tilat sekä suuret lämpötilan vaihtelut kuormittavat. Hyvä ilmanvaihto ja suojaimet auttavat." },
    Cluster { weight: 10, caps: &[(Independence, 1, 2), (Change, 0, 1), (Instructions, 2, 2)],
        accommodations: &["fixed_routine", "named_workplace_mentor", "task_checklist_app", "coworker_assistance"],
        note: "Tarvitsee tukea työtehtävien aloittamiseen ja ennakoimattomiin muutoksiin. Vakiintunut päiväjärjestys ja ennalta kerrotut muutokset auttavat." },
];

const NO_LIMITS: &str = "Työtehtäviä rajoittavia toimintakyvyn tekijöitä ei ole tunnistettu.";
const LANGUAGE_SUPPORT: &str = "Tukea tarvitaan lähinnä suomen kielessä ja työelämän käytännöissä.";
const IN_PROGRESS: &str =
    "Toimintakyvyn kartoitus on kesken; osa osa-alueista arvioidaan työkokeilussa.";

fn level(v: u8) -> Level {
    Level::new(i64::from(v.min(4))).unwrap_or(Level::MAX)
}

/// Share (per cent) of dimensions not yet assessed at each stage.
fn unassessed_percent(stage: PathStage) -> u64 {
    match stage {
        PathStage::Enrolled => 65,
        PathStage::Assessment => 30,
        _ => 8,
    }
}

/// The special-category part of a participant, and whether they report a disability.
pub fn sensitive(rng: &mut Rng, immigrant: bool, stage: PathStage) -> (ParticipantSensitive, bool) {
    let n_clusters = if immigrant {
        *rng.weighted(&[(0usize, 55), (1, 35), (2, 10)])
    } else {
        *rng.weighted(&[(0usize, 15), (1, 55), (2, 30)])
    };
    let table: Vec<(usize, u32)> = CLUSTERS
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.weight))
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < n_clusters {
        let c = *rng.weighted(&table);
        if !chosen.contains(&c) {
            chosen.push(c);
        }
    }
    // Baseline: most people manage high demands; physical ones vary more.
    let mut profile = FunctioningProfile::default();
    for d in Dimension::ALL {
        let base = match d {
            Lifting | Overhead | Temperature | Pace | Multitasking => rng.range(2, 4),
            _ => rng.range(3, 4),
        };
        profile.capacity.insert(*d, level(base as u8));
    }
    let mut accommodations: Vec<String> = Vec::new();
    let mut notes: Vec<&str> = Vec::new();
    for c in chosen.iter().map(|i| &CLUSTERS[*i]) {
        for (d, lo, hi) in c.caps {
            let v = level(rng.range(u64::from(*lo), u64::from(*hi)) as u8);
            let slot = profile.capacity.entry(*d).or_insert(v);
            *slot = (*slot).min(v);
        }
        let k = rng.range_usize(1, 2);
        for a in rng.sample(c.accommodations, k) {
            if catalogue::accommodation(a).is_some() && !accommodations.iter().any(|x| x == a) {
                accommodations.push(a.to_owned());
            }
        }
        notes.push(c.note);
    }
    if chosen.is_empty() {
        notes.push(NO_LIMITS);
        if immigrant {
            notes.push(LANGUAGE_SUPPORT);
        }
    }
    let gap = unassessed_percent(stage);
    for d in Dimension::ALL {
        if rng.chance(gap) {
            profile.capacity.remove(d);
        }
    }
    if stage <= PathStage::Assessment {
        notes.push(IN_PROGRESS);
    }
    let disability = !chosen.is_empty() && rng.chance(60);
    (
        ParticipantSensitive {
            functioning: profile,
            accommodations,
            functional_notes: notes.join(" "),
        },
        disability,
    )
}
