//! The coach's and the coordinator's everyday work, so the pages have something to show:
//! meetings before and after today (some today, in Helsinki time), plan steps (some overdue),
//! and for each employer a contact person and a visit with the needs heard, hidden jobs among
//! them. Unlike [`super::plan`] this depends on the day the demo is written: the dates are
//! relative to it, so a demo started today has meetings today.

use super::{DemoPlan, PlannedParticipant, PURPOSE};
use polku_domain::{Email, InteractionKind, PathStage, PlaceType, Role, RoleGrant, UserId};
use polku_service::contacts::EmployerContact;
use polku_service::interactions::NewInteraction;
use polku_service::meetings::NewMeeting;
use polku_service::{Actor, Result, Service};
use std::collections::BTreeSet;
use time::{Date, Duration, Month, OffsetDateTime, Time, UtcOffset, Weekday};

/// The last Sunday of a month, the day the EU changes the clocks (March and October).
fn last_sunday(year: i32, month: Month) -> Option<Date> {
    let mut d = Date::from_calendar_date(year, month, month.length(year)).ok()?;
    while d.weekday() != Weekday::Sunday {
        d = d.previous_day()?;
    }
    Some(d)
}

/// Finland's offset from UTC at `at`: +3 in summer time (from 01:00 UTC on the last Sunday
/// of March to 01:00 UTC on the last Sunday of October), +2 otherwise. A minimal private helper
/// for the demo's meeting times; the pages format times with their own.
pub(crate) fn helsinki_offset(at: OffsetDateTime) -> UtcOffset {
    let at = at.to_offset(UtcOffset::UTC);
    let change = |m| {
        last_sunday(at.year(), m).map(|d| {
            d.with_time(Time::from_hms(1, 0, 0).unwrap_or(Time::MIDNIGHT))
                .assume_utc()
        })
    };
    let summer = match (change(Month::March), change(Month::October)) {
        (Some(start), Some(end)) => at >= start && at < end,
        _ => false,
    };
    UtcOffset::from_hms(if summer { 3 } else { 2 }, 0, 0).unwrap_or(UtcOffset::UTC)
}

/// `day` at `hour`:00 Helsinki time.
fn local(day: Date, hour: u8) -> OffsetDateTime {
    let t = Time::from_hms(hour, 0, 0).unwrap_or(Time::MIDNIGHT);
    let guess = day.with_time(t).assume_utc();
    day.with_time(t).assume_offset(helsinki_offset(guess))
}

pub(crate) fn coach(p: &PlannedParticipant) -> Actor {
    Actor::user(
        p.coach_id,
        vec![RoleGrant {
            role: Role::Coach,
            project: Some(p.project_id),
        }],
    )
}

const PAST_NOTES: &[&str] = &[
    "Tutustuimme toisiimme ja kävimme läpi toiveet työstä.",
    "Kävimme läpi toimintakyvyn kartoituksen ja sovimme seuraavista askelista.",
    "Päivitimme ansioluettelon yhdessä.",
    "Kävimme tutustumassa työpaikkaan.",
];
const STEPS: &[&str] = &[
    "Päivitä ansioluettelo",
    "Tutustu työkokeilupaikkaan",
    "Varaa aika työterveyshuoltoon",
    "Hae hygieniapassia",
    "Sovi kokeilun aloituspäivä työnantajan kanssa",
];

/// Meetings and plan steps for every participant who has no meeting yet. Participant `i`:
/// a past meeting; an upcoming one unless the path has ended or `i` is a multiple of five (those
/// are the long waits: the last meeting was 45 or more days ago); every fourth of each coach's
/// participants meets the coach today. Steps: an overdue one for every third, and one due in two weeks.
pub async fn seed_casework(
    svc: &Service,
    operator: &Actor,
    plan: &DemoPlan,
    today: Date,
) -> Result<()> {
    let mut done: BTreeSet<polku_domain::ParticipantId> = BTreeSet::new();
    for project in &plan.projects {
        done.extend(svc.participants_with_meetings(operator, project.id).await?);
    }
    // The how-manieth of its coach's participants each one is: every coach meets some today
    // (counted before the skip, so an interrupted run picks the same ones).
    let mut per_coach: std::collections::BTreeMap<_, usize> = std::collections::BTreeMap::new();
    for (i, p) in plan.participants.iter().enumerate() {
        let nth = per_coach.entry(p.coach_id).or_insert(0);
        *nth += 1;
        let nth = *nth;
        if done.contains(&p.id) {
            continue;
        }
        let actor = coach(p);
        let ended = p.stage == PathStage::Exited;
        let long_wait = i % 5 == 0 || ended;
        // Steps first: the meeting written last marks the participant done.
        if !ended {
            if i % 3 == 0 {
                let due = today - Duration::days(3 + (i % 20) as i64);
                svc.add_plan_item(&actor, p.id, STEPS[i % STEPS.len()], Some(due), PURPOSE)
                    .await?;
            }
            let due = today + Duration::days(14);
            svc.add_plan_item(
                &actor,
                p.id,
                STEPS[(i + 1) % STEPS.len()],
                Some(due),
                PURPOSE,
            )
            .await?;
        }
        if !long_wait {
            let (day, hour) = if nth % 4 == 2 {
                (today, 9 + (nth / 4 % 6) as u8)
            } else {
                (
                    today + Duration::days(1 + (i % 13) as i64),
                    9 + (i % 6) as u8,
                )
            };
            svc.record_meeting(
                &actor,
                NewMeeting {
                    participant_id: p.id,
                    starts_at: local(day, hour),
                    duration_min: 60,
                    place: if i % 2 == 0 {
                        PlaceType::Office
                    } else {
                        PlaceType::Remote
                    },
                    notes: String::new(),
                },
                PURPOSE,
            )
            .await?;
        }
        let ago = if long_wait {
            45 + (i % 40)
        } else {
            3 + (i % 25)
        };
        svc.record_meeting(
            &actor,
            NewMeeting {
                participant_id: p.id,
                starts_at: local(today - Duration::days(ago as i64), 10 + (i % 5) as u8),
                duration_min: 60,
                place: if i % 3 == 0 {
                    PlaceType::OutsideOffice
                } else {
                    PlaceType::Office
                },
                notes: PAST_NOTES[i % PAST_NOTES.len()].to_owned(),
            },
            PURPOSE,
        )
        .await?;
    }
    Ok(())
}

const CONTACTS: &[(&str, &str)] = &[
    ("Sari Laaksonen", "Esihenkilö"),
    ("Mikko Heikkilä", "Toimitusjohtaja"),
    ("Anne Rautio", "Henkilöstöpäällikkö"),
    ("Jukka Vainio", "Työnjohtaja"),
    ("Leena Aalto", "Palvelupäällikkö"),
];
const NEEDS: &[(&str, bool)] = &[
    (
        "Aamuvuoroon tarvittaisiin lisää käsiä, mutta paikkaa ei ole ilmoitettu.",
        true,
    ),
    (
        "Kiireaikoina apua tavaroiden vastaanottoon ja hyllytykseen.",
        true,
    ),
    ("Kesäsijaisuudet kesä–elokuussa.", false),
    (
        "Pienet korjaus- ja huoltotyöt, joita kukaan ei nyt ehdi tehdä.",
        true,
    ),
];

pub(crate) fn coordinator(
    plan: &DemoPlan,
    project: polku_domain::ProjectId,
) -> Option<(UserId, Actor)> {
    let u = plan.users.iter().find(|u| {
        u.roles
            .iter()
            .any(|g| g.role == Role::Coordinator && g.project == Some(project))
    })?;
    Some((u.id, Actor::user(u.id, u.roles.clone())))
}

/// For every employer with no recorded contact yet: a contact person, and a visit by the
/// project's coordinator with the needs heard (hidden jobs among them).
pub async fn seed_employer_work(
    svc: &Service,
    operator: &Actor,
    plan: &DemoPlan,
    today: Date,
) -> Result<()> {
    for (j, e) in plan.employers.iter().enumerate() {
        let id = e.employer.id;
        if !svc
            .employer_relations(operator, id)
            .await?
            .interactions
            .is_empty()
        {
            continue;
        }
        let Some((_, actor)) = coordinator(plan, e.employer.project_id) else {
            continue;
        };
        let (name, title) = CONTACTS[j % CONTACTS.len()];
        let local_part: String = name
            .to_lowercase()
            .replace(' ', ".")
            .replace('ä', "a")
            .replace('ö', "o");
        svc.add_contact(
            &actor,
            EmployerContact {
                id: uuid::Uuid::from_u128(u128::from_be_bytes(*id.0.as_bytes()) ^ 0xC0),
                employer_id: id,
                name: name.to_owned(),
                title: title.to_owned(),
                email: Email::parse(&format!("{local_part}@example.com")).ok(),
                phone: Some(format!(
                    "040 {:03} {:04}",
                    100 + j % 900,
                    1000 + (j * 37) % 9000
                )),
            },
        )
        .await?;
        let needs = vec![NEEDS[j % NEEDS.len()], NEEDS[(j + 1) % NEEDS.len()]]
            .into_iter()
            .map(|(d, h)| (d.to_owned(), h))
            .collect();
        svc.record_interaction(
            &actor,
            NewInteraction {
                employer_id: id,
                kind: if j % 2 == 0 {
                    InteractionKind::Visit
                } else {
                    InteractionKind::Call
                },
                at: local(today - Duration::days(5 + (j % 30) as i64), 13),
                summary: "Kävimme läpi työtehtävät ja mahdollisuudet työkokeiluun.".to_owned(),
                needs,
                cooperation: e.employer.cooperation,
            },
        )
        .await?;
    }
    Ok(())
}
