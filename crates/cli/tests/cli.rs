//! End-to-end tests of the `polku` binary on real databases.
#![expect(clippy::unwrap_used, reason = "test helpers should fail loudly")]

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A scratch directory with a database URL and key file, removed afterwards.
struct Scratch {
    dir: PathBuf,
    url: String,
    pg: Option<(String, String)>,
}

impl Scratch {
    fn sqlite() -> Scratch {
        let dir = std::env::temp_dir().join(format!("polku-cli-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        let url = format!("sqlite://{}", dir.join("polku.db").display());
        Scratch { dir, url, pg: None }
    }

    fn postgres() -> Option<Scratch> {
        let admin = std::env::var("POLKU_TEST_POSTGRES_URL")
            .ok()
            .filter(|s| !s.is_empty())?;
        let name = format!("polku_cli_{}", uuid::Uuid::new_v4().simple());
        block_on(async {
            let pool = sqlx::PgPool::connect(&admin).await.unwrap();
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&pool)
                .await
                .unwrap();
            pool.close().await;
        });
        let base = admin.rsplit_once('/').map(|(b, _)| b.to_owned()).unwrap();
        let mut s = Scratch::sqlite();
        s.url = format!("{base}/{name}");
        s.pg = Some((admin, name));
        Some(s)
    }

    fn polku(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_polku"));
        c.current_dir(&self.dir)
            .env_remove("POLKU_DATABASE_URL")
            .env_remove("POLKU_KEYS_FILE")
            .arg("--database")
            .arg(&self.url)
            .arg("--keys-file")
            .arg(self.dir.join("keys.toml"))
            .args(args);
        c
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.polku(args);
        assert!(
            out.status.success(),
            "polku {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.polku(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "polku {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).unwrap()
    }

    fn sql(&self, sql: &str) -> i64 {
        let url = self.url.clone();
        let sql = sql.to_owned();
        block_on(async move {
            if url.starts_with("sqlite") {
                let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
                let v: i64 = sqlx::raw_sql(&sql)
                    .fetch_all(&pool)
                    .await
                    .unwrap()
                    .first()
                    .map_or(0, |r| sqlx::Row::try_get(r, 0).unwrap_or(0));
                pool.close().await;
                v
            } else {
                let pool = sqlx::PgPool::connect(&url).await.unwrap();
                let v: i64 = sqlx::raw_sql(&sql)
                    .fetch_all(&pool)
                    .await
                    .unwrap()
                    .first()
                    .map_or(0, |r| sqlx::Row::try_get(r, 0).unwrap_or(0));
                pool.close().await;
                v
            }
        })
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        if let Some((admin, name)) = self.pg.take() {
            block_on(async move {
                if let Ok(pool) = sqlx::PgPool::connect(&admin).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&pool)
                        .await;
                    pool.close().await;
                }
            });
        }
    }
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

const DEMO: &[&str] = &[
    "demo",
    "--participants",
    "30",
    "--employers",
    "8",
    "--seed",
    "7",
];

fn demo_story(s: &Scratch) {
    s.ok(&["migrate"]);
    let first = s.ok(DEMO);
    assert!(
        first.contains("participants 30 new + 0 existing"),
        "{first}"
    );
    let second = s.ok(DEMO);
    assert!(
        second.contains("participants 0 new + 30 existing"),
        "{second}"
    );
    assert!(s.ok(&["audit", "verify"]).contains("audit chain intact"));
    s.ok(&["integrity"]);
    let err = s.fails(&["demo", "--seed", "8"], 6);
    assert!(err.contains("seed 7"), "{err}");
}

#[test]
fn demo_is_idempotent_deterministic_and_audited_on_sqlite() {
    let a = Scratch::sqlite();
    demo_story(&a);
    let b = Scratch::sqlite();
    b.ok(DEMO);
    for project in ["DEMO-PH", "DEMO-KY"] {
        let la = a.ok(&["list", "participants", "--project", project]);
        assert!(!la.is_empty());
        assert_eq!(
            la,
            b.ok(&["list", "participants", "--project", project]),
            "same seed, same data"
        );
        assert_eq!(
            a.ok(&["list", "employers", "--project", project]),
            b.ok(&["list", "employers", "--project", project])
        );
    }
}

#[test]
fn demo_is_idempotent_on_postgres() {
    let Some(s) = Scratch::postgres() else {
        eprintln!("POLKU_TEST_POSTGRES_URL is not set: PostgreSQL CLI test not run");
        return;
    };
    demo_story(&s);
    let backup = s.dir.join("pg.dump");
    s.ok(&["backup", backup.to_str().unwrap()]);
    s.ok(&[
        "user",
        "add",
        "--email",
        "late@example.fi",
        "--role",
        "admin",
    ]);
    s.ok(&["restore", backup.to_str().unwrap()]);
    assert!(!s.ok(&["list", "users"]).contains("late@example.fi"));
    s.ok(&["audit", "verify"]);
}

#[test]
fn editing_any_audit_row_breaks_verification() {
    let s = Scratch::sqlite();
    s.ok(&["demo", "--participants", "5", "--employers", "2"]);
    let n = s.sql("SELECT count(*) FROM audit_events");
    assert!(n > 20);
    s.sql("DROP TRIGGER audit_events_no_update");
    s.sql("DROP TRIGGER audit_events_no_delete");
    for (edit, undo) in [
        (
            "UPDATE audit_events SET actor = 'user:someone-else' WHERE seq = 10",
            "UPDATE audit_events SET actor = 'system:demo' WHERE seq = 10",
        ),
        (
            "UPDATE audit_events SET at = '2020-01-01T00:00:00.000000Z' WHERE seq = 1",
            "",
        ),
    ] {
        let before =
            s.sql("SELECT count(*) FROM audit_events WHERE actor = 'system:demo' AND seq = 10");
        s.sql(edit);
        let err = s.fails(&["audit", "verify"], 8);
        assert!(err.contains("audit entry"), "{err}");
        if undo.is_empty() || before == 0 {
            return;
        }
        s.sql(undo);
        s.ok(&["audit", "verify"]);
    }
}

#[test]
fn deleted_reordered_or_truncated_entries_are_named() {
    let s = Scratch::sqlite();
    s.ok(&["demo", "--participants", "5", "--employers", "2"]);
    let cp = s.dir.join("checkpoint");
    s.ok(&["audit", "checkpoint", cp.to_str().unwrap()]);
    s.sql("DROP TRIGGER audit_events_no_delete");
    s.sql("DROP TRIGGER audit_events_no_update");
    s.sql("DROP TRIGGER audit_head_forward_only");
    let last = s.sql("SELECT max(seq) FROM audit_events");
    // Truncate the tail and rewrite the head: only the external checkpoint notices.
    s.sql(&format!("DELETE FROM audit_events WHERE seq = {last}"));
    s.sql(&format!("UPDATE audit_head SET seq = {0}, hash = (SELECT entry_hash FROM audit_events WHERE seq = {0})", last - 1));
    s.ok(&["audit", "verify"]);
    let err = s.fails(
        &["audit", "verify", "--checkpoint", cp.to_str().unwrap()],
        8,
    );
    assert!(err.contains(&format!("audit entry {last}")), "{err}");
    // Reorder two entries.
    s.sql("UPDATE audit_events SET seq = -3 WHERE seq = 3; UPDATE audit_events SET seq = 3 WHERE seq = 4; UPDATE audit_events SET seq = 4 WHERE seq = -3;");
    assert!(s.fails(&["audit", "verify"], 8).contains("audit entry 3"));
    // Delete a middle entry.
    let s2 = Scratch::sqlite();
    s2.ok(&["demo", "--participants", "3", "--employers", "1"]);
    s2.sql("DROP TRIGGER audit_events_no_delete");
    s2.sql("DELETE FROM audit_events WHERE seq = 7");
    assert!(s2.fails(&["audit", "verify"], 8).contains("audit entry 7"));
}

#[test]
fn sigkill_midway_leaves_a_consistent_database_that_demo_completes() {
    let s = Scratch::sqlite();
    s.ok(&["migrate"]);
    let args = [
        "demo",
        "--participants",
        "400",
        "--employers",
        "20",
        "--seed",
        "3",
    ];
    let mut child = s
        .cmd(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let db = s.dir.join("polku.db");
    loop {
        std::thread::sleep(Duration::from_millis(50));
        let n = if db.exists() {
            s.sql("SELECT count(*) FROM participants")
        } else {
            0
        };
        if n >= 20 || start.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    let partial = s.sql("SELECT count(*) FROM participants");
    assert!(partial < 400, "demo finished before it could be killed");
    // No half-written participant: every participant has its key and its audit event.
    assert_eq!(s.sql("SELECT count(*) FROM participants p LEFT JOIN participant_keys k ON k.participant_id = p.id WHERE k.participant_id IS NULL"), 0);
    assert_eq!(
        s.sql("SELECT count(*) FROM participants p WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.action = 'create' AND a.subject = lower(substr(hex(p.id), 1, 8) || '-' || substr(hex(p.id), 9, 4) || '-' || substr(hex(p.id), 13, 4) || '-' || substr(hex(p.id), 17, 4) || '-' || substr(hex(p.id), 21)))"),
        0
    );
    s.ok(&["audit", "verify"]);
    s.ok(&["integrity"]);
    s.ok(&args);
    assert_eq!(s.sql("SELECT count(*) FROM participants"), 400);
    s.ok(&["audit", "verify"]);
}

#[test]
fn backup_and_restore_round_trip_on_sqlite() {
    let s = Scratch::sqlite();
    s.ok(&["demo", "--participants", "5", "--employers", "2"]);
    let backup = s.dir.join("backup.db");
    s.ok(&["backup", backup.to_str().unwrap()]);
    s.fails(&["backup", backup.to_str().unwrap()], 6);
    s.ok(&[
        "user",
        "add",
        "--email",
        "late@example.fi",
        "--role",
        "admin",
    ]);
    assert!(s.ok(&["list", "users"]).contains("late@example.fi"));
    s.ok(&["restore", backup.to_str().unwrap()]);
    assert!(!s.ok(&["list", "users"]).contains("late@example.fi"));
    s.ok(&["audit", "verify"]);
    std::fs::write(s.dir.join("garbage.db"), b"not a database").unwrap();
    s.fails(&["restore", s.dir.join("garbage.db").to_str().unwrap()], 6);
    s.ok(&["integrity"]);
}

#[test]
fn bad_input_gets_specific_errors_and_codes() {
    let s = Scratch::sqlite();
    s.fails(&["user", "add", "--email", "a@b", "--role", "coach"], 3);
    s.ok(&["migrate"]);
    assert!(s
        .fails(
            &["user", "add", "--email", "x@example.fi", "--role", "root"],
            3
        )
        .contains("unknown_role"));
    s.fails(
        &[
            "user",
            "add",
            "--email",
            "x@example.fi",
            "--role",
            "coach",
            "--project",
            "NOPE",
        ],
        4,
    );
    s.fails(
        &["user", "add", "--email", "x@example.fi", "--role", "coach"],
        3,
    );
    let out = s.ok(&[
        "user",
        "add",
        "--email",
        "admin@example.fi",
        "--role",
        "admin",
    ]);
    let token = out.lines().last().unwrap();
    assert_eq!(token.len(), 64, "{out}");
    s.fails(
        &[
            "user",
            "add",
            "--email",
            "ADMIN@example.fi",
            "--role",
            "admin",
        ],
        5,
    );
    s.fails(&["import", "esco", "/nonexistent"], 3);
    s.fails(&["match", "--top", "5"], 2);
    let other = Command::new(env!("CARGO_BIN_EXE_polku"))
        .current_dir(&s.dir)
        .args(["--database", "mysql://x/y", "migrate"])
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(6));
    assert!(String::from_utf8_lossy(&other.stderr).contains("unsupported database URL"));
    s.fails(&["match", "--participant", "not-a-uuid"], 3);
    s.fails(&["list", "participants", "--project", "NOPE"], 4);
    // The key file is required once the database has been initialised.
    std::fs::rename(s.dir.join("keys.toml"), s.dir.join("keys.moved")).unwrap();
    assert!(s.fails(&["audit", "verify"], 6).contains("key file"));
    // A well-formed but different key is refused at the key check, for each of the three keys,
    // before anything is written.
    let original = std::fs::read_to_string(s.dir.join("keys.moved")).unwrap();
    for name in ["master_key", "audit_key", "lookup_key"] {
        let line = original.lines().find(|l| l.starts_with(name)).unwrap();
        let wrong = format!("{name} = \"{}\"", "ab".repeat(32));
        std::fs::write(s.dir.join("keys.toml"), original.replace(line, &wrong)).unwrap();
        let err = s.fails(
            &["user", "add", "--email", "k@example.fi", "--role", "admin"],
            6,
        );
        assert!(err.contains(&name.replace('_', " ")), "{err}");
    }
    std::fs::write(s.dir.join("keys.toml"), &original).unwrap();
    s.ok(&["audit", "verify"]);
    assert!(!s.ok(&["list", "users"]).contains("k@example.fi"));
    // A project-scoped admin is refused rather than silently made instance-wide.
    s.ok(&["demo", "--participants", "2", "--employers", "1"]);
    assert!(s
        .fails(
            &[
                "user",
                "add",
                "--email",
                "pa@example.fi",
                "--role",
                "admin",
                "--project",
                "DEMO-PH"
            ],
            3
        )
        .contains("instance-wide"));
    // A mistyped database path does not create an empty database.
    let typo = s.dir.join("typo.db");
    let out = Command::new(env!("CARGO_BIN_EXE_polku"))
        .current_dir(&s.dir)
        .args([
            "--database",
            &format!("sqlite://{}", typo.display()),
            "list",
            "projects",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert!(!typo.exists());
    // A schema that is not current is refused by ordinary commands.
    let fresh = Scratch::sqlite();
    fresh.fails(&["list", "projects"], 6);
}

/// One value from the scratch SQLite database.
fn sqlite_text(s: &Scratch, sql: &str) -> Option<String> {
    block_on(async {
        let pool = sqlx::SqlitePool::connect(&s.url).await.unwrap();
        let v: Option<Option<String>> =
            sqlx::query_scalar(sql).fetch_optional(&pool).await.unwrap();
        pool.close().await;
        v.flatten()
    })
}

#[test]
fn esco_import_is_idempotent() {
    let s = Scratch::sqlite();
    s.ok(&["migrate"]);
    // `migrate` loaded the shipped reference data once.
    assert_eq!(
        sqlite_text(
            &s,
            "SELECT value FROM meta WHERE key = 'esco_reference_version'"
        )
        .as_deref(),
        Some("1")
    );
    s.ok(&["migrate"]);
    let dir = s.dir.join("esco");
    std::fs::create_dir_all(&dir).unwrap();
    let header = "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description\n";
    let uri = "http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab";
    std::fs::write(dir.join("skills_fi.csv"), format!("{header}KnowledgeSkillCompetence,{uri},skill/competence,sector-specific,johtaa musiikkihenkilöstöä,\"johtaa\nmusiikki\",,released,2023-01-01,,,,\n")).unwrap();
    std::fs::write(dir.join("skills_en.csv"), format!("{header}KnowledgeSkillCompetence,{uri},skill/competence,sector-specific,manage musical staff,,,released,2023-01-01,,,,\n")).unwrap();
    // The skill is already there in English (reference data): the Finnish label updates it.
    let first = s.ok(&["import", "esco", dir.to_str().unwrap()]);
    assert!(
        first.contains("skills: 0 new, 1 updated, 0 unchanged"),
        "{first}"
    );
    assert!(s
        .ok(&["import", "esco", dir.to_str().unwrap()])
        .contains("skills: 0 new, 0 updated, 1 unchanged"));

    // An official Finnish occupation file replaces Polku's working label and clears its mark.
    let cleaner = "http://data.europa.eu/esco/occupation/303a1e34-cb16-4054-b323-81e5eec17397";
    let working = format!("SELECT working_fi FROM esco_concepts WHERE uri = '{cleaner}'");
    assert!(
        sqlite_text(&s, &working).is_some(),
        "a working label before the import"
    );
    let official = s.dir.join("official");
    std::fs::create_dir_all(&official).unwrap();
    std::fs::write(
        official.join("occupations_fi.csv"),
        format!("conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code\n\
                 Occupation,{cleaner},9112,virallinen siivoojan nimike,\"siivooja\nlaitoshuoltaja\",,released,2024-01-25T11:28:50.295Z,,,,,,9112.1\n"),
    )
    .unwrap();
    let out = s.ok(&["import", "esco", official.to_str().unwrap()]);
    assert!(out.contains("occupations: 0 new, 1 updated"), "{out}");
    assert_eq!(
        sqlite_text(
            &s,
            &format!("SELECT label_fi FROM esco_concepts WHERE uri = '{cleaner}'")
        )
        .as_deref(),
        Some("virallinen siivoojan nimike")
    );
    assert_eq!(sqlite_text(&s, &working), None, "the mark is cleared");

    std::fs::write(
        dir.join("skills_sv.csv"),
        format!("{header}KnowledgeSkillCompetence,not-a-uri,x,y,z,,,,,,,,\n"),
    )
    .unwrap();
    let err = s.fails(&["import", "esco", dir.to_str().unwrap()], 3);
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn match_from_a_file_and_from_the_database() {
    let s = Scratch::sqlite();
    let input = s.dir.join("input.json");
    std::fs::write(&input, include_str!("fixtures/match.json")).unwrap();
    let out = s.ok(&[
        "match",
        "--input",
        input.to_str().unwrap(),
        "--participant",
        "p1",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["participant"], "p1");
    assert!(v["results"].is_array());
    std::fs::write(&input, "{\"participants\": [{\"id\": 1}]}").unwrap();
    let err = s.fails(&["match", "--input", input.to_str().unwrap()], 3);
    assert!(err.contains("participants[0]"), "{err}");
    std::fs::write(&input, include_str!("fixtures/match.json")).unwrap();
    let alloc: serde_json::Value =
        serde_json::from_str(&s.ok(&["allocate", "--input", input.to_str().unwrap()])).unwrap();
    assert!(
        alloc["assignments"].is_array() && alloc["objective"].is_number(),
        "{alloc}"
    );
    let craft: serde_json::Value = serde_json::from_str(&s.ok(&[
        "craft",
        "--input",
        input.to_str().unwrap(),
        "--participant",
        "p1",
        "--employer",
        "e1",
        "--hours",
        "5-20",
    ]))
    .unwrap();
    assert!(craft["description"]["fi"].is_string(), "{craft}");
    // Against the database: a demo participant gets ranked openings of their project.
    s.ok(&["demo", "--participants", "5", "--employers", "6"]);
    let list = s.ok(&["list", "participants", "--project", "DEMO-PH"]);
    let id = list.split('\t').next().unwrap();
    let out = s.ok(&[
        "match",
        "--participant",
        id,
        "--top",
        "3",
        "--include-excluded",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["participant"], id);
    assert!(v["results"].as_array().is_some());
}

#[test]
fn master_key_rotation_keeps_data_readable_without_the_old_key() {
    let s = Scratch::sqlite();
    s.ok(&["demo", "--participants", "5", "--employers", "3"]);
    let id = s
        .ok(&["list", "participants", "--project", "DEMO-PH"])
        .split('\t')
        .next()
        .unwrap()
        .to_owned();
    let before = s.ok(&["match", "--participant", &id, "--top", "3"]);
    let old_keys = std::fs::read_to_string(s.dir.join("keys.toml")).unwrap();
    let out = s.ok(&["keys", "rotate"]);
    assert!(out.contains("re-wrapped"), "{out}");
    let new_keys = std::fs::read_to_string(s.dir.join("keys.toml")).unwrap();
    assert_ne!(old_keys, new_keys);
    // The old key file can be deleted: everything still opens and decrypts.
    std::fs::remove_file(s.dir.join("keys.toml.previous")).unwrap();
    assert_eq!(s.ok(&["match", "--participant", &id, "--top", "3"]), before);
    s.ok(&["audit", "verify"]);
    // The old master key no longer opens the database.
    std::fs::write(s.dir.join("keys.toml"), &old_keys).unwrap();
    assert!(s.fails(&["audit", "verify"], 6).contains("master key"));
}

#[test]
fn an_account_is_activated_once_from_standard_input() {
    use std::io::Write;
    let s = Scratch::sqlite();
    s.ok(&["migrate"]);
    let out = s.ok(&[
        "user",
        "add",
        "--email",
        "admin@example.fi",
        "--role",
        "admin",
    ]);
    let token = out.lines().last().unwrap().to_owned();
    let activate = |input: String| {
        let mut child = s
            .cmd(&["user", "activate"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let weak = activate(format!("{token}\nsalasana\n"));
    assert_eq!(
        weak.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&weak.stderr)
    );
    let ok = activate(format!("{token}\nkolme iloista kirahvia\n"));
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(s.ok(&["list", "users"]).contains("\tactive"));
    let again = activate(format!("{token}\nkolme iloista kirahvia\n"));
    assert_eq!(again.status.code(), Some(1));
    assert!(s
        .ok(&["user", "end-sessions", "--email", "admin@example.fi"])
        .contains("ended 0 sessions"));
    s.fails(&["user", "end-sessions", "--email", "nobody@example.fi"], 4);
}

/// The operator's listings and session ends go through the use cases: `list employers` counts
/// each employer's tasks and openings right (the counts add up to what the demo wrote), listing
/// users (names and addresses) is audited, and so is ending a user's sessions.
#[test]
fn operator_listings_and_ending_sessions_are_counted_right_and_audited() {
    let s = Scratch::sqlite();
    let demo = s.ok(DEMO);
    let totals = demo.trim().rsplit("; ").next().unwrap().to_owned();
    let (mut tasks, mut openings) = (0, 0);
    for project in s.ok(&["list", "projects"]).lines() {
        let code = project.split('\t').next().unwrap();
        for line in s.ok(&["list", "employers", "--project", code]).lines() {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 6, "{line}");
            assert!(f[3].starts_with("TOL "), "{line}");
            let n: i64 = f[4].strip_suffix(" tasks").unwrap().parse().unwrap();
            let m: i64 = f[5].strip_suffix(" openings").unwrap().parse().unwrap();
            let id = f[0].replace('-', "");
            let count = |table: &str| {
                s.sql(&format!(
                    "SELECT count(*) FROM {table} WHERE hex(employer_id) = upper('{id}')"
                ))
            };
            assert_eq!((n, m), (count("tasks"), count("openings")), "{line}");
            tasks += n;
            openings += m;
        }
    }
    assert_eq!(format!("{tasks} tasks, {openings} openings"), totals);

    let audited = |what: &str| s.sql(&format!("SELECT count(*) FROM audit_events WHERE {what}"));
    let listings = audited("subject_kind = 'user' AND action = 'list'");
    assert!(s.ok(&["list", "users"]).contains("admin@demo.polku.fi"));
    assert_eq!(
        audited("subject_kind = 'user' AND action = 'list'"),
        listings + 1
    );
    assert!(s
        .ok(&["user", "end-sessions", "--email", "admin@demo.polku.fi"])
        .contains("ended 0 sessions"));
    assert_eq!(
        audited("action = 'end_sessions' AND actor = 'system:user end-sessions'"),
        1
    );
    assert!(s.ok(&["audit", "verify"]).contains("audit chain intact"));
}

/// One raw HTTP/1.1 request on loopback; returns the whole response as text.
fn http(addr: &str, request: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut out = String::new();
    stream.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn serve_demo_prints_sign_in_links_serves_and_drains_on_sigterm() {
    use std::io::BufRead;
    let s = Scratch::sqlite();
    s.ok(&["demo", "--participants", "6", "--employers", "3"]);
    let mut child = s
        .cmd(&["serve", "--demo", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let mut out = Vec::new();
    while let Some(Ok(line)) = lines.next() {
        let done = line.trim_start().starts_with("admin");
        out.push(line);
        if done {
            break;
        }
    }
    let origin = out[0]
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap()
        .trim_end_matches('/')
        .to_owned();
    let addr = origin.trim_start_matches("http://").to_owned();
    for role in ["coach", "coordinator", "manager", "admin"] {
        assert!(
            out.iter()
                .any(|l| l.trim_start().starts_with(role) && l.contains("/activate?token=")),
            "no link for {role}: {out:?}"
        );
    }
    let health = http(
        &addr,
        "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.to_lowercase().contains("content-security-policy:"));

    // The coach's link signs in once.
    let link = out
        .iter()
        .find(|l| l.trim_start().starts_with("coach"))
        .unwrap();
    let token = link.rsplit("token=").next().unwrap();
    let body = format!(
        "token={token}&password=kissa+istuu+ikkunalla&password_confirm=kissa+istuu+ikkunalla"
    );
    let post = |body: &str| {
        http(
            &addr,
            &format!(
                "POST /activate HTTP/1.1\r\nHost: x\r\nOrigin: {origin}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            ),
        )
    };
    let first = post(&body);
    assert!(first.starts_with("HTTP/1.1 303"), "{first}");
    assert!(first.contains("__Host-polku_session="));
    let second = post(&body);
    assert!(
        second.starts_with("HTTP/1.1 401"),
        "a link works once: {second}"
    );

    // SIGTERM: stop accepting, finish, exit cleanly (R52).
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    s.ok(&["audit", "verify"]);
}

/// The id of the first participant of the first project that has one.
fn first_participant(s: &Scratch) -> String {
    s.ok(&["list", "projects"])
        .lines()
        .filter_map(|p| {
            let code = p.split('\t').next()?;
            let caseload = s.ok(&["list", "participants", "--project", code]);
            Some(caseload.split('\t').next()?.trim().to_owned())
        })
        .find(|id| !id.is_empty())
        .expect("a participant")
}

/// R39 and R45 from the command line: an export to a private file (never over an existing one),
/// the access log of the export in the breach query, and specific errors for bad input.
#[test]
fn subject_export_and_audit_query() {
    let s = Scratch::sqlite();
    s.ok(&[
        "demo",
        "--participants",
        "5",
        "--employers",
        "2",
        "--seed",
        "3",
    ]);
    let id = first_participant(&s);
    let out = s.dir.join("export.json");
    s.ok(&[
        "subject",
        "export",
        "--participant",
        &id,
        "--out",
        out.to_str().unwrap(),
    ]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let export: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(export["format"], "polku.subject-export.v1");
    assert_eq!(export["subject"], id.as_str());
    assert!(export["personal"]["given_name"].is_string());
    assert!(export["access_events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["actor"].is_null()));
    let again = s.fails(
        &[
            "subject",
            "export",
            "--participant",
            &id,
            "--out",
            out.to_str().unwrap(),
        ],
        3,
    );
    assert!(again.contains("exists already"), "{again}");
    assert!(s
        .fails(&["subject", "export", "--participant", "nobody"], 3)
        .contains("not a participant id"));
    assert!(s
        .fails(
            &["subject", "export", "--participant", &id, "--lang", "de"],
            3
        )
        .contains("--lang"));
    s.fails(
        &[
            "subject",
            "export",
            "--participant",
            "00000000-0000-0000-0000-000000000000",
        ],
        4,
    );

    // The breach query finds the export, one JSON object per line.
    let lines = s.ok(&["audit", "query", "--subject", &id]);
    let rows: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rows.iter().all(|r| r["subject"] == id.as_str()));
    assert!(rows
        .iter()
        .any(|r| r["action"] == "export" && r["actor"] == "system:subject"));
    let by = s.ok(&[
        "audit",
        "query",
        "--actor",
        "system:subject",
        "--from",
        "2020-01-01",
    ]);
    assert_eq!(by.lines().count(), 1, "{by}");
    assert!(s
        .fails(&["audit", "query", "--from", "yesterday"], 3)
        .contains("--from"));
    assert!(s
        .fails(&["audit", "query"], 3)
        .contains("give a subject, an actor or a start time"));
    s.fails(&["audit", "query", "--actor", "nobody@example.fi"], 4);
    // The queries themselves are in the log, and the chain still verifies.
    assert!(s
        .ok(&["audit", "query", "--actor", "system:audit"])
        .contains("breach_investigation"));
    s.ok(&["audit", "verify"]);
}

/// R40 from the command line: a hold refuses erasure (exit 5, naming the ground) until
/// released; erasure writes the tombstone file; restoring a backup taken before the erasure
/// applies it again, so the participant stays erased; the chain still verifies.
#[test]
fn erasure_survives_a_restore_and_respects_holds() {
    let s = Scratch::sqlite();
    s.ok(&[
        "demo",
        "--participants",
        "5",
        "--employers",
        "2",
        "--seed",
        "4",
    ]);
    let id = first_participant(&s);
    let backup = s.dir.join("before-erasure.db");
    s.ok(&["backup", backup.to_str().unwrap()]);

    let held = s.ok(&[
        "subject",
        "hold",
        "--participant",
        &id,
        "--ground",
        "legal_claims",
        "--until",
        "2099-12-31",
        "--reference",
        "Dnro 5/2026",
    ]);
    let hold = held.split_whitespace().nth(1).unwrap().to_owned();
    assert!(s
        .fails(&["subject", "erase", "--participant", &id], 5)
        .contains("17(3)(e)"));
    assert!(s
        .ok(&["subject", "holds", "--participant", &id])
        .contains("in force"));
    assert!(s
        .fails(
            &[
                "subject",
                "hold",
                "--participant",
                &id,
                "--ground",
                "whim",
                "--until",
                "2099-12-31",
                "--reference",
                "x"
            ],
            3
        )
        .contains("ground"));
    s.ok(&[
        "subject",
        "release-hold",
        "--participant",
        &id,
        "--hold",
        &hold,
    ]);
    assert!(s
        .ok(&["subject", "erase", "--participant", &id])
        .contains("erased"));
    s.fails(&["subject", "erase", "--participant", &id], 4);
    let tombstones = std::fs::read_to_string(s.dir.join("keys.toml.erasures")).unwrap();
    assert!(tombstones.starts_with(&id), "{tombstones}");
    let uuid = uuid::Uuid::parse_str(&id).unwrap();
    let gone = format!(
        "SELECT count(*) FROM participants WHERE id = x'{}'",
        uuid.simple()
    );
    assert_eq!(s.sql(&gone), 0);

    // The backup from before the erasure brings the participant back; the replay removes them.
    let restored = s.ok(&["restore", backup.to_str().unwrap()]);
    assert!(
        restored.contains("1 erasure(s) applied again"),
        "{restored}"
    );
    assert_eq!(s.sql(&gone), 0);
    s.fails(&["subject", "export", "--participant", &id], 4);
    s.ok(&["audit", "verify"]);
    s.ok(&["integrity"]);
}

/// A backup whose audit chain does not verify is reported (exit 9), but the erasures made after
/// it are applied again all the same: the restored database is in place by then.
#[test]
fn restore_with_a_broken_chain_still_applies_erasures() {
    let s = Scratch::sqlite();
    s.ok(&[
        "demo",
        "--participants",
        "5",
        "--employers",
        "2",
        "--seed",
        "5",
    ]);
    let id = first_participant(&s);
    s.sql("DROP TRIGGER audit_events_no_update");
    s.sql("UPDATE audit_events SET action = action || 'x' WHERE seq = 10");
    let backup = s.dir.join("broken.db");
    s.ok(&["backup", backup.to_str().unwrap()]);
    s.ok(&["subject", "erase", "--participant", &id]);
    let err = s.fails(&["restore", backup.to_str().unwrap()], 9);
    assert!(err.contains("audit chain is broken"), "{err}");
    let uuid = uuid::Uuid::parse_str(&id).unwrap();
    assert_eq!(
        s.sql(&format!(
            "SELECT count(*) FROM participants WHERE id = x'{}'",
            uuid.simple()
        )),
        0
    );
}

/// D17: `serve --demo` refuses a database with accounts the demo did not create (it would turn
/// the second factor off and print a real administrator's sign-in link), and prints no link.
#[test]
fn serve_demo_refuses_a_database_with_real_accounts() {
    let s = Scratch::sqlite();
    s.ok(&["migrate"]);
    s.ok(&[
        "user",
        "add",
        "--email",
        "oikea.admin@example.fi",
        "--role",
        "admin",
    ]);
    let out = s.polku(&["serve", "--demo", "--listen", "127.0.0.1:0"]);
    assert_eq!(out.status.code(), Some(6), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stdout.contains("token="), "{stdout}");
    assert!(stderr.contains("refusing --demo"), "{stderr}");
}
