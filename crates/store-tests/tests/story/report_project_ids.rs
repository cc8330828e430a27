//! Migration 0039 on both databases: ESF+ records and follow-ups carry their participant's
//! project, so the reports reach it without joining participants and placements (issue 12 item
//! 7). The write paths set it; a database filled before the column existed gets it from the
//! participant when the migration's SQL runs (SQLite: the two tables rebuilt in one transaction
//! with foreign keys on), every row and figure kept, and afterwards the column refuses a missing
//! or unknown project.

use super::*;
use polku_domain::esf::{Condition, Window};
use polku_service::placements::NewPlacement;
use polku_service::store::{EsfScope, FigureScope};

const SQLITE_0039: &str =
    include_str!("../../../store-sqlite/migrations/0039_report_project_ids.sql");
const POSTGRES_0039: &str =
    include_str!("../../../store-postgres/migrations/0039_report_project_ids.sql");

/// One number from `sql` (bypassing the store).
async fn scalar(db: &TestDb, sql: &str) -> i64 {
    match db.backend {
        Backend::Sqlite => {
            let pool = sqlx::SqlitePool::connect(&db.url).await.expect("connect");
            let n = sqlx::query_scalar(sql).fetch_one(&pool).await.expect(sql);
            pool.close().await;
            n
        }
        Backend::Postgres => {
            let pool = sqlx::PgPool::connect(&db.url).await.expect("connect");
            let n = sqlx::query_scalar(sql).fetch_one(&pool).await.expect(sql);
            pool.close().await;
            n
        }
    }
}

fn entry(today: time::Date) -> EsfEntryData {
    EsfEntryData {
        entered_on: today,
        gender: Gender::Woman,
        status: EntryStatus::Unemployed,
        education: Education::Basic,
        third_country_national: Answer::No,
        foreign_background: Answer::No,
        homeless: Answer::No,
        special: EsfSpecial {
            disability: Answer::NotKnown,
            minority: Answer::NotKnown,
        },
    }
}

/// A participant of a new coach in `world`'s project, entered today with an ESF+ record, who left
/// today employed, and whose job started today, its first follow-up recorded today (still
/// working).
async fn participant_with_rows(svc: &Service, world: &World) -> (Actor, ParticipantId) {
    let today = polku_service::today();
    let coach = world.user(svc, Role::Coach).await;
    let coordinator = world.user(svc, Role::Coordinator).await;
    let id = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    svc.save_esf_entry(&coach, id, entry(today), 0, today)
        .await
        .unwrap();
    svc.record_leaving(
        &coach,
        id,
        Some(Leaving {
            left_on: today,
            result: LeavingResult::Employed,
            qualification: false,
        }),
        1,
        today,
    )
    .await
    .unwrap();
    // One employer per project (its business ID is the fixture's).
    let e = match svc
        .employers(&coordinator, world.project.id)
        .await
        .unwrap()
        .into_iter()
        .next()
    {
        Some(e) => e,
        None => {
            let e = world.employer();
            svc.create_employer(&coordinator, e.clone()).await.unwrap();
            e
        }
    };
    let task = world.task(e.id, "Hyllytys");
    svc.add_task(&coordinator, task.clone()).await.unwrap();
    give_consent(
        svc,
        &coach,
        id,
        RecipientClass::Employer,
        &[DataCategory::Contact],
    )
    .await;
    let p = svc
        .propose_placement(
            &coach,
            NewPlacement {
                participant: id,
                employer: e.id,
                opening: None,
                kind: OpeningKind::Job,
                pay_subsidy: false,
                tasks: vec![task.id],
                starts_on: today,
                ends_on: None,
                hours_per_day: 6,
                days_per_week: 4,
                mentor: None,
                categories: None,
                gig: None,
            },
        )
        .await
        .unwrap();
    svc.answer_proposal(&coach, p.id, EmployerAnswer::Yes, None, 1)
        .await
        .unwrap();
    svc.move_placement(&coach, p.id, PlacementState::Active, None, today, 2)
        .await
        .unwrap();
    let list = svc.participant_follow_ups(&coach, id, today).await.unwrap();
    assert_eq!(list.len(), 4, "a job that starts has four follow-ups");
    svc.record_follow_up(
        &coach,
        list[0].follow_up.id,
        FollowUpRecord {
            still_working: StillWorking::SameEmployer,
            hours_per_week: 20,
            support_given: String::new(),
            needs_recrafting: false,
            note: String::new(),
        },
        today,
        1,
    )
    .await
    .unwrap();
    (coach, id)
}

pub(crate) async fn rows_carry_their_participants_project_and_0039_backfills_it(db: Arc<TestDb>) {
    let svc = &db.service;
    let today = polku_service::today();
    let a = World::new(svc).await;
    let b = World::new(svc).await;
    let (coach_a, pa) = participant_with_rows(svc, &a).await;
    let (_, pb) = participant_with_rows(svc, &b).await;
    participant_with_rows(svc, &b).await;
    let (ida, idb) = (a.project.id, b.project.id);

    // Rows whose project is not their participant's, and rows per project.
    let stray = |table: &'static str| {
        let db = db.clone();
        async move {
            scalar(
                &db,
                &format!(
                    "SELECT COUNT(*) FROM {table} x JOIN participants p \
                     ON p.id = x.participant_id WHERE x.project_id <> p.project_id"
                ),
            )
            .await
        }
    };
    let rows = |db: Arc<TestDb>| async move {
        let mut out = Vec::new();
        for (table, p) in [
            ("esf_records", pa),
            ("esf_records", pb),
            ("follow_ups", pa),
            ("follow_ups", pb),
        ] {
            out.push(db.count_where(table, "participant_id", p.0).await);
        }
        for table in ["esf_records", "follow_ups"] {
            for project in [ida, idb] {
                out.push(db.count_where(table, "project_id", project.0).await);
            }
        }
        out
    };
    let written = rows(db.clone()).await;
    assert_eq!(written, [1, 1, 4, 4, 1, 2, 4, 8], "the write paths set it");
    assert_eq!(stray("esf_records").await, 0);
    assert_eq!(stray("follow_ups").await, 0);

    // The figures and an ESF+ count of project b alone, and of both.
    let figures = |projects: Vec<ProjectId>| {
        let db = db.clone();
        async move {
            db.store
                .figure_counts(&FigureScope {
                    projects,
                    municipalities: None,
                    from: today,
                    to: today,
                    organisation: None,
                })
                .await
                .unwrap()
        }
    };
    let entered = |projects: Option<Vec<ProjectId>>| {
        let db = db.clone();
        async move {
            db.store
                .esf_counts(
                    &EsfScope {
                        window: Window::Left,
                        from: today,
                        to: today,
                        projects,
                        organisation: None,
                        municipalities: None,
                    },
                    &[Condition::All],
                )
                .await
                .unwrap()
        }
    };
    let only_b = figures(vec![b.project.id]).await;
    assert_eq!(only_b.leavings, vec![(today, "employed".to_owned(), 2)]);
    assert_eq!(
        only_b.retention,
        vec![("1m".to_owned(), "same_employer".to_owned(), 2)]
    );
    let both = figures(vec![a.project.id, b.project.id]).await;
    assert_eq!(
        both.retention,
        vec![("1m".to_owned(), "same_employer".to_owned(), 3)]
    );
    let esf_b = entered(Some(vec![b.project.id])).await;
    assert_eq!(esf_b[0].counts, [2]);
    assert_eq!(entered(None).await[0].counts, [3]);

    // A database filled before 0039: the column is not there (SQLite: the tables as they were,
    // without it; PostgreSQL: dropped with its indexes). Then the migration's SQL, in one
    // transaction.
    let before_0039 = match db.backend {
        Backend::Sqlite => {
            "CREATE TABLE follow_ups_old AS SELECT id, placement_id, participant_id, checkpoint, \
             due_on, done_on, still_working, hours_per_week, support_given, needs_recrafting, \
             note, recorded_by, version, support_given_sealed, note_sealed FROM follow_ups;
             DROP TABLE follow_ups;
             ALTER TABLE follow_ups_old RENAME TO follow_ups;
             CREATE TABLE esf_records_old AS SELECT participant_id, entered_on, gender, \
             labour_status, education, age_at_entry, municipality, rural, third_country, \
             foreign_background, homeless, special_sealed, left_on, leaving_result, \
             qualification, follow_up_due, six_checked_on, six_employed, six_improved, version, \
             updated_at FROM esf_records;
             DROP TABLE esf_records;
             ALTER TABLE esf_records_old RENAME TO esf_records;
             CREATE INDEX placements_report_project ON placements(id, kind, project_id);"
        }
        Backend::Postgres => {
            "ALTER TABLE follow_ups DROP COLUMN project_id;
             ALTER TABLE esf_records DROP COLUMN project_id;"
        }
    };
    db.raw(before_0039).await.expect("the schema before 0039");
    assert!(!db
        .schema_columns()
        .await
        .get("follow_ups")
        .unwrap()
        .contains("project_id"));
    let sql = match db.backend {
        Backend::Sqlite => SQLITE_0039,
        Backend::Postgres => POSTGRES_0039,
    };
    db.raw(&format!("BEGIN;\n{sql}\nCOMMIT;"))
        .await
        .expect("0039 on a filled database");
    assert_eq!(rows(db.clone()).await, written, "every row, its project");
    assert_eq!(stray("esf_records").await, 0);
    assert_eq!(stray("follow_ups").await, 0);
    assert_eq!(figures(vec![b.project.id]).await, only_b);
    assert_eq!(figures(vec![a.project.id, b.project.id]).await, both);
    assert_eq!(entered(Some(vec![b.project.id])).await, esf_b);
    // Still read and written through the store: the subject export, and a new record, which
    // carries its participant's project.
    let export = svc.export_subject(&coach_a, pa, "fi", false).await.unwrap();
    assert_eq!(export.follow_ups.len(), 4);
    assert!(export.esf.is_some());
    let id = svc
        .create_participant(&coach_a, a.new_participant(), "service_delivery")
        .await
        .unwrap();
    svc.save_esf_entry(&coach_a, id, entry(today), 0, today)
        .await
        .unwrap();
    assert_eq!(
        db.count_where("esf_records", "project_id", a.project.id.0)
            .await,
        2
    );
    assert_eq!(stray("esf_records").await, 0);
    // NOT NULL and the foreign key hold.
    let quoted = |u: uuid::Uuid| match db.backend {
        Backend::Sqlite => format!("X'{}'", u.simple()),
        Backend::Postgres => format!("'{u}'"),
    };
    for table in ["esf_records", "follow_ups"] {
        assert!(db
            .raw(&format!(
                "UPDATE {table} SET project_id = NULL WHERE participant_id = {}",
                quoted(pa.0)
            ))
            .await
            .is_err());
        assert!(db
            .raw(&format!(
                "UPDATE {table} SET project_id = {} WHERE participant_id = {}",
                quoted(uuid::Uuid::new_v4()),
                quoted(pa.0)
            ))
            .await
            .is_err());
    }
    let mut with_new = written.clone();
    with_new[4] += 1;
    assert_eq!(
        rows(db.clone()).await,
        with_new,
        "the refused changes changed nothing"
    );
    // The indexes the reports read.
    let index = |name: &str| match db.backend {
        Backend::Sqlite => {
            format!("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = '{name}'")
        }
        Backend::Postgres => format!("SELECT COUNT(*) FROM pg_indexes WHERE indexname = '{name}'"),
    };
    for name in [
        "follow_ups_report",
        "follow_ups_participant",
        "follow_ups_open",
        "esf_records_project_entered",
        "esf_records_project_left",
        "esf_records_project_six",
        "esf_records_entered_counts",
        "esf_records_left_counts",
        "esf_records_six_counts",
    ] {
        assert_eq!(scalar(&db, &index(name)).await, 1, "{name}");
    }
    assert_eq!(
        scalar(&db, &index("placements_report_project")).await,
        0,
        "the retention join's index is gone"
    );
    // Erasure still removes the person's rows (and only theirs).
    svc.erase_subject(&system(), pb).await.unwrap();
    for table in ["esf_records", "follow_ups"] {
        assert_eq!(db.count_where(table, "participant_id", pb.0).await, 0);
    }
    assert_eq!(db.count_where("esf_records", "project_id", idb.0).await, 1);
    assert_eq!(db.count_where("follow_ups", "project_id", idb.0).await, 4);
}
