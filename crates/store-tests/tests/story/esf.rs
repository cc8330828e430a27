//! ESF+ records and indicators: entry, leaving and six-month follow-up round trip (declined
//! kept apart from not known, the special answers sealed), the coach-only access, the due list,
//! and the indicator counts on a small dataset whose every figure is worked out by hand below.

use super::*;
use time::macros::date;
use time::Date;

const TODAY: Date = date!(2026 - 12 - 31);

#[allow(clippy::too_many_arguments)]
fn entry(
    entered_on: Date,
    gender: Gender,
    status: EntryStatus,
    education: Education,
    tcn: Answer,
    foreign: Answer,
    homeless: Answer,
    disability: Answer,
    minority: Answer,
) -> EsfEntryData {
    EsfEntryData {
        entered_on,
        gender,
        status,
        education,
        third_country_national: tcn,
        foreign_background: foreign,
        homeless,
        special: EsfSpecial {
            disability,
            minority,
        },
    }
}

/// A participant of `coach` with only a year of birth (no identity code), so the age at entry
/// comes from the year.
async fn person(
    svc: &Service,
    world: &World,
    coach: &Actor,
    birth_year: Option<u16>,
) -> ParticipantId {
    let mut p = world.new_participant();
    p.personal.hetu = None;
    p.personal.esf.birth_year = birth_year;
    svc.create_participant(coach, p, "service_delivery")
        .await
        .unwrap()
}

async fn leave(
    svc: &Service,
    coach: &Actor,
    id: ParticipantId,
    v: i64,
    on: Date,
    result: LeavingResult,
    qualification: bool,
) {
    svc.record_leaving(
        coach,
        id,
        Some(Leaving {
            left_on: on,
            result,
            qualification,
        }),
        v,
        TODAY,
    )
    .await
    .unwrap();
}

async fn six(
    svc: &Service,
    coach: &Actor,
    id: ParticipantId,
    v: i64,
    on: Date,
    employed: Answer,
    improved: Answer,
) {
    svc.record_six_months(
        coach,
        id,
        SixMonths {
            checked_on: on,
            employed,
            improved,
        },
        v,
        TODAY,
    )
    .await
    .unwrap();
}

fn row(t: &IndicatorTable, code: &str) -> (i64, i64, i64, i64) {
    let r = t.row(code).unwrap_or_else(|| panic!("no row {code}"));
    (r.women, r.men, r.non_binary, r.total)
}

pub(crate) async fn esf_records_and_indicators_count_by_hand(db: Arc<TestDb>) {
    use Answer::{Declined, No, NotKnown, Yes};
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let manager = world.user(svc, Role::Manager).await;
    let other_coach = world.user(svc, Role::Coach).await;

    // 1: a woman, 26, long-term unemployed, basic education; disability yes, minority declined.
    let p1 = person(svc, &world, &coach, Some(2000)).await;
    let r = svc
        .save_esf_entry(
            &coach,
            p1,
            entry(
                date!(2026 - 01 - 10),
                Gender::Woman,
                EntryStatus::LongTermUnemployed,
                Education::Basic,
                Yes,
                Yes,
                No,
                Yes,
                Declined,
            ),
            0,
            TODAY,
        )
        .await
        .unwrap();
    assert_eq!(
        (r.version, r.age_at_entry, r.rural),
        (1, Some(26), NotKnown)
    );
    leave(
        svc,
        &coach,
        p1,
        1,
        date!(2026 - 03 - 01),
        LeavingResult::Employed,
        true,
    )
    .await;
    six(svc, &coach, p1, 2, date!(2026 - 09 - 05), Yes, No).await;

    // 2: a man, 61, employed at entry, bachelor; foreign background declined, homeless not known.
    let p2 = person(svc, &world, &coach, Some(1965)).await;
    svc.save_esf_entry(
        &coach,
        p2,
        entry(
            date!(2026 - 02 - 01),
            Gender::Man,
            EntryStatus::Employed,
            Education::Bachelor,
            No,
            Declined,
            NotKnown,
            No,
            Yes,
        ),
        0,
        TODAY,
    )
    .await
    .unwrap();
    leave(
        svc,
        &coach,
        p2,
        1,
        date!(2026 - 05 - 31),
        LeavingResult::JobSearching,
        false,
    )
    .await;
    six(svc, &coach, p2, 2, date!(2026 - 12 - 01), Yes, Yes).await;

    // 3: non-binary, 16, inactive, upper secondary; has not left.
    let p3 = person(svc, &world, &coach, Some(2010)).await;
    svc.save_esf_entry(
        &coach,
        p3,
        entry(
            date!(2026 - 03 - 15),
            Gender::NonBinary,
            EntryStatus::Inactive,
            Education::UpperSecondary,
            No,
            No,
            No,
            No,
            No,
        ),
        0,
        TODAY,
    )
    .await
    .unwrap();

    // 4: declined to give a gender, age not known, unemployed, education not known, homeless,
    // disability yes; left into education on the last day of June.
    let p4 = person(svc, &world, &coach, None).await;
    svc.save_esf_entry(
        &coach,
        p4,
        entry(
            date!(2026 - 04 - 01),
            Gender::Declined,
            EntryStatus::Unemployed,
            Education::NotKnown,
            NotKnown,
            NotKnown,
            Yes,
            Yes,
            NotKnown,
        ),
        0,
        TODAY,
    )
    .await
    .unwrap();
    leave(
        svc,
        &coach,
        p4,
        1,
        date!(2026 - 06 - 30),
        LeavingResult::InEducation,
        false,
    )
    .await;

    // 5: a woman who entered before the period and left in it, self-employed with a qualification.
    let p5 = person(svc, &world, &coach, Some(1990)).await;
    svc.save_esf_entry(
        &coach,
        p5,
        entry(
            date!(2025 - 12 - 31),
            Gender::Woman,
            EntryStatus::Unemployed,
            Education::Master,
            No,
            No,
            No,
            No,
            No,
        ),
        0,
        TODAY,
    )
    .await
    .unwrap();
    leave(
        svc,
        &coach,
        p5,
        1,
        date!(2026 - 01 - 15),
        LeavingResult::SelfEmployed,
        true,
    )
    .await;
    six(svc, &coach, p5, 2, date!(2026 - 07 - 20), No, NotKnown).await;

    // 6: a woman who entered after the first half-year.
    let p6 = person(svc, &world, &coach, Some(1980)).await;
    svc.save_esf_entry(
        &coach,
        p6,
        entry(
            date!(2026 - 07 - 01),
            Gender::Woman,
            EntryStatus::Inactive,
            Education::College,
            No,
            No,
            No,
            No,
            No,
        ),
        0,
        TODAY,
    )
    .await
    .unwrap();

    // 7: another project's man, unemployed, basic education.
    let world_b = World::new(svc).await;
    let coach_b = world_b.user(svc, Role::Coach).await;
    let p7 = person(svc, &world_b, &coach_b, Some(1985)).await;
    svc.save_esf_entry(
        &coach_b,
        p7,
        entry(
            date!(2026 - 02 - 02),
            Gender::Man,
            EntryStatus::Unemployed,
            Education::Basic,
            No,
            No,
            No,
            No,
            No,
        ),
        0,
        TODAY,
    )
    .await
    .unwrap();

    // The record reads back with declined and not known kept apart, the special answers opened.
    let r2 = svc.esf_record(&coach, p2).await.unwrap().unwrap();
    assert_eq!(r2.entry.foreign_background, Declined);
    assert_eq!(r2.entry.homeless, NotKnown);
    assert_eq!(r2.entry.special.minority, Yes);
    assert_eq!(r2.version, 3);
    assert_eq!(r2.six_months.unwrap().improved, Yes);
    // A stale version and a second "new" entry are conflicts; a future date is refused.
    assert!(matches!(
        svc.record_leaving(&coach, p2, None, 1, TODAY).await,
        Err(ServiceError::Conflict { current: 3 })
    ));
    assert!(matches!(
        svc.save_esf_entry(&coach, p3, r2.entry.clone(), 0, TODAY)
            .await,
        Err(ServiceError::Conflict { current: 1 })
    ));
    let mut future = r2.entry.clone();
    future.entered_on = date!(2027 - 01 - 01);
    assert!(matches!(
        svc.save_esf_entry(&coach, p3, future, 1, TODAY).await,
        Err(ServiceError::Invalid(_))
    ));
    // Improved needs employment at entry: participant 3 was inactive.
    assert!(svc
        .esf_record(&coach, p3)
        .await
        .unwrap()
        .unwrap()
        .leaving
        .is_none());
    // Only the own coach: another coach and the manager get "not found".
    for who in [&other_coach, &manager, &coach_b] {
        assert!(matches!(
            svc.esf_record(who, p1).await,
            Err(ServiceError::NotFound)
        ));
    }
    // The disability answer is not in the database in clear.
    // (special_sealed holds it; the coded columns have no special item.)

    // The coach's reminders: participant 4's six-month point (30 December) is due this week.
    let due = svc
        .due_six_month_follow_ups(&coach, date!(2026 - 12 - 29))
        .await
        .unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0].participant_id, due[0].due_on),
        (p4, date!(2026 - 12 - 30))
    );
    assert!(svc.due_six_month_follow_ups(&manager, TODAY).await.is_err());

    // First half of 2026, project A, as its manager.
    let h1 = ReportFilter::new(date!(2026 - 01 - 01), date!(2026 - 06 - 30))
        .unwrap()
        .with_project(world.project.id);
    let t = svc.esf_indicators(&manager, &h1).await.unwrap();
    // Entered in the period: 1 (W), 2 (M), 3 (NB), 4 (gender declined).
    assert_eq!(row(&t, "PLK-O01"), (1, 1, 1, 4));
    assert_eq!(
        row(&t, "EECO02"),
        (1, 0, 0, 2),
        "1 long-term + 4 unemployed"
    );
    assert_eq!(row(&t, "PLK-O03"), (1, 0, 0, 1));
    assert_eq!(row(&t, "EECO04"), (0, 0, 1, 1));
    assert_eq!(row(&t, "EECO05"), (0, 1, 0, 1));
    assert_eq!(row(&t, "EECO06"), (0, 0, 1, 1), "16");
    assert_eq!(row(&t, "EECO07"), (1, 0, 0, 1), "26");
    assert_eq!(row(&t, "PLK-O08"), (0, 1, 0, 1), "61");
    assert_eq!(row(&t, "PLK-O09"), (1, 0, 0, 1));
    assert_eq!(row(&t, "EECO10"), (0, 0, 1, 1));
    assert_eq!(row(&t, "EECO11"), (0, 1, 0, 1));
    assert_eq!(row(&t, "EECO12"), (1, 0, 0, 2), "sealed: 1 and 4");
    assert_eq!(row(&t, "EECO13"), (1, 0, 0, 1));
    assert_eq!(row(&t, "EECO14"), (1, 0, 0, 1), "declined is not yes");
    assert_eq!(row(&t, "EECO15"), (0, 1, 0, 1), "sealed: 2");
    assert_eq!(row(&t, "PLK-O16"), (0, 0, 0, 1));
    assert!(t.row("PLK-O17").is_none());
    assert_eq!(t.not_known, vec!["PLK-O17".to_owned()]);
    // Left in the period: 1 (employed, qualification), 2 (job searching), 4 (education),
    // 5 (self-employed, qualification).
    assert_eq!(row(&t, "PLK-R01"), (0, 1, 0, 1));
    assert_eq!(row(&t, "PLK-R02"), (0, 0, 0, 1));
    assert_eq!(row(&t, "PLK-R03"), (2, 0, 0, 2));
    assert_eq!(row(&t, "PLK-R04"), (2, 0, 0, 2));
    // No six-month point falls in the first half.
    assert_eq!(row(&t, "PLK-R05"), (0, 0, 0, 0));
    assert_eq!(row(&t, "PLK-R06"), (0, 0, 0, 0));
    assert_eq!(t.rows.len(), 22);

    // Second half: entered 6 (W); six-month points of 5 (15 July, not employed), 1 (1 September,
    // employed) and 2 (30 November, employed and improved); 4's (30 December) not recorded.
    let h2 = ReportFilter::new(date!(2026 - 07 - 01), date!(2026 - 12 - 31))
        .unwrap()
        .with_project(world.project.id);
    let t = svc.esf_indicators(&manager, &h2).await.unwrap();
    assert_eq!(row(&t, "PLK-O01"), (1, 0, 0, 1));
    assert_eq!(row(&t, "PLK-R05"), (1, 1, 0, 2));
    assert_eq!(row(&t, "PLK-R06"), (0, 1, 0, 1));
    assert_eq!(row(&t, "PLK-R04"), (0, 0, 0, 0));

    // A manager without a project in the filter counts their own projects only; the operator
    // counts every project (7 is a man in project B). A municipality with nobody gives zeros.
    let all = ReportFilter::new(date!(2026 - 01 - 01), date!(2026 - 06 - 30)).unwrap();
    let t = svc.esf_indicators(&manager, &all).await.unwrap();
    assert_eq!(row(&t, "PLK-O01"), (1, 1, 1, 4));
    let t = svc
        .esf_indicators_as(
            &system(),
            &all.clone()
                .with_organisation(world_b.project.organisation_id),
            "funder_reporting",
        )
        .await
        .unwrap();
    assert_eq!(
        row(&t, "PLK-O01"),
        (0, 1, 0, 1),
        "project B's organisation only"
    );
    let t = svc
        .esf_indicators(&system(), &all.clone().with_region("FI1C3").unwrap())
        .await
        .unwrap();
    assert_eq!(
        row(&t, "PLK-O01").3,
        5,
        "everyone lives in Lahti (Päijät-Häme)"
    );
    let t = svc
        .esf_indicators(
            &system(),
            &all.clone()
                .with_municipality(MunicipalityCode::parse("091").unwrap()),
        )
        .await
        .unwrap();
    assert_eq!(row(&t, "PLK-O01"), (0, 0, 0, 0));
    assert_eq!(row(&t, "EECO12"), (0, 0, 0, 0));

    // Coaches may not count; a manager may not count another project.
    assert!(matches!(
        svc.esf_indicators(&coach, &h1).await,
        Err(ServiceError::NotFound)
    ));
    let other_project = all.clone().with_project(world_b.project.id);
    assert!(matches!(
        svc.esf_indicators(&manager, &other_project).await,
        Err(ServiceError::NotFound)
    ));
    assert!(svc
        .esf_indicators_as(&manager, &h1, "matching")
        .await
        .is_err());
    let _ = (p6, p7);
}
