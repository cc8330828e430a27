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
    // Opinnollistaminen: mapped tasks and evidence on the demo trials, not doubled on a rerun.
    let evidence = s.sql("SELECT COUNT(*) FROM qualification_evidence");
    assert!(evidence > 0, "demo evidence");
    assert!(s.sql("SELECT COUNT(*) FROM task_requirements") > 0);
    let second = s.ok(DEMO);
    assert_eq!(
        s.sql("SELECT COUNT(*) FROM qualification_evidence"),
        evidence
    );
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
    // The 400 asked for, and in each of the five demo projects the student whose school
    // referral a coach accepted.
    assert_eq!(s.sql("SELECT count(*) FROM participants"), 405);
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
        // Written private, as polku writes key files (a readable one is refused first: D27).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(
                s.dir.join("keys.toml"),
                std::fs::Permissions::from_mode(0o600),
            )
            .unwrap();
        }
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

/// Starts `polku serve` with `args` and waits for its "listening" line; returns the child and
/// the address it listens on.
fn start_serve(s: &Scratch, args: &[&str]) -> (std::process::Child, String) {
    start_serve_with(s, args, &[])
}

/// [`start_serve`] with environment variables.
fn start_serve_with(
    s: &Scratch,
    args: &[&str],
    env: &[(&str, &str)],
) -> (std::process::Child, String) {
    use std::io::BufRead;
    let mut all = vec!["serve", "--listen", "127.0.0.1:0"];
    all.extend_from_slice(args);
    let mut child = s
        .cmd(&all)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let mut addr = None;
    for line in lines.by_ref() {
        let line = line.unwrap();
        if line.contains("is listening on") {
            addr = line
                .split_whitespace()
                .find(|w| w.starts_with("http://"))
                .map(|w| {
                    w.trim_start_matches("http://")
                        .trim_end_matches('/')
                        .to_owned()
                });
            break;
        }
    }
    let Some(addr) = addr else {
        let status = child.wait().unwrap();
        panic!("serve {args:?} did not start: {status:?}");
    };
    // Keep reading stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, addr)
}

/// Stops a server from [`start_serve`] with SIGTERM, once it answers (its signal handler is in
/// place by then), and checks it exits cleanly.
fn stop(mut child: std::process::Child, addr: &str) {
    let health = http(
        addr,
        "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    assert!(child.wait().unwrap().success());
}

/// D3: rotating the master key under a running server would leave it wrapping new data keys
/// with the old key. `keys rotate` (and `restore`) refuse while a server holds the key file,
/// change nothing, and work once it has stopped.
#[test]
fn keys_rotate_and_restore_refuse_while_serve_runs() {
    let s = Scratch::sqlite();
    s.ok(&["migrate"]);
    let backup = s.dir.join("b.db");
    s.ok(&["backup", backup.to_str().unwrap()]);
    let keys = std::fs::read_to_string(s.dir.join("keys.toml")).unwrap();
    let (child, addr) = start_serve(&s, &[]);
    let err = s.fails(&["keys", "rotate"], 5);
    assert!(err.contains("polku serve"), "{err}");
    assert_eq!(
        std::fs::read_to_string(s.dir.join("keys.toml")).unwrap(),
        keys
    );
    assert!(!s.dir.join("keys.toml.next").exists());
    assert!(!s.dir.join("keys.toml.previous").exists());
    let err = s.fails(&["restore", backup.to_str().unwrap()], 5);
    assert!(err.contains("polku serve"), "{err}");
    let health = http(
        &addr,
        "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    stop(child, &addr);
    assert!(s.ok(&["keys", "rotate"]).contains("re-wrapped"));
    assert_ne!(
        std::fs::read_to_string(s.dir.join("keys.toml")).unwrap(),
        keys
    );
    // The server starts with the new key and the audit chain is whole.
    let (child, addr) = start_serve(&s, &[]);
    stop(child, &addr);
    s.ok(&["audit", "verify"]);
}

/// SQL for "now" as the backend stores times.
fn now_sql(s: &Scratch) -> &'static str {
    if s.pg.is_some() {
        "now()"
    } else {
        "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
    }
}

/// D7: what was taken back after a backup stays taken back after restoring it: a withdrawn
/// consent, a revoked share and a released hold; every session ends and every unused
/// activation link stops working.
fn restore_keeps_withdrawn_access_withdrawn(s: &Scratch) {
    s.ok(&[
        "demo",
        "--participants",
        "5",
        "--employers",
        "2",
        "--seed",
        "4",
    ]);
    let id = first_participant(s);
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
        "Dnro 7/2026",
    ]);
    let hold = held.split_whitespace().nth(1).unwrap().to_owned();
    s.ok(&[
        "user",
        "add",
        "--email",
        "late@example.fi",
        "--role",
        "admin",
    ]);
    s.sql(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, stage) \
         SELECT 'restore-test', id, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2099-01-01T00:00:00Z', 'full' \
         FROM users WHERE email = 'admin@demo.polku.fi'",
    );
    let active_consents = "SELECT count(*) FROM consents WHERE withdrawn_at IS NULL";
    let active_shares = "SELECT count(*) FROM shares WHERE revoked_at IS NULL";
    let (consents, shares) = (s.sql(active_consents), s.sql(active_shares));
    assert!(consents > 0 && shares > 0, "{consents} {shares}");
    assert_eq!(s.sql("SELECT count(*) FROM sessions"), 1);
    assert!(s.sql("SELECT count(*) FROM activation_tokens WHERE used_at IS NULL") > 0);

    let backup = s.dir.join(if s.pg.is_some() { "b.dump" } else { "b.db" });
    s.ok(&["backup", backup.to_str().unwrap()]);
    // After the backup: one consent withdrawn, one share revoked, the hold released.
    let now = now_sql(s);
    s.sql(&format!(
        "UPDATE consents SET withdrawn_at = {now}, withdrawn_by = given_by \
         WHERE id = (SELECT id FROM consents WHERE withdrawn_at IS NULL ORDER BY id LIMIT 1)"
    ));
    s.sql(&format!(
        "UPDATE shares SET revoked_at = {now} \
         WHERE id = (SELECT id FROM shares WHERE revoked_at IS NULL ORDER BY id LIMIT 1)"
    ));
    s.ok(&[
        "subject",
        "release-hold",
        "--participant",
        &id,
        "--hold",
        &hold,
    ]);
    assert_eq!(s.sql(active_consents), consents - 1);
    assert_eq!(s.sql(active_shares), shares - 1);

    let out = s.ok(&["restore", backup.to_str().unwrap()]);
    assert!(
        out.contains(
            "1 consent withdrawal(s), 1 share revocation(s), 1 hold release(s); ended 1 session(s)"
        ),
        "{out}"
    );
    assert_eq!(s.sql(active_consents), consents - 1);
    assert_eq!(s.sql(active_shares), shares - 1);
    assert!(s
        .ok(&["subject", "holds", "--participant", &id])
        .contains("released"));
    assert_eq!(s.sql("SELECT count(*) FROM sessions"), 0);
    assert_eq!(
        s.sql("SELECT count(*) FROM activation_tokens WHERE used_at IS NULL"),
        0
    );
    assert_eq!(
        s.sql("SELECT count(*) FROM audit_events WHERE action = 'restore_replayed'"),
        1
    );
    s.ok(&["audit", "verify"]);
    // A second restore of the same backup comes to the same.
    s.ok(&["restore", backup.to_str().unwrap()]);
    assert_eq!(s.sql(active_consents), consents - 1);
    assert_eq!(s.sql(active_shares), shares - 1);
}

#[test]
fn restore_keeps_withdrawn_access_withdrawn_on_sqlite() {
    restore_keeps_withdrawn_access_withdrawn(&Scratch::sqlite());
}

#[test]
fn restore_keeps_withdrawn_access_withdrawn_on_postgres() {
    let Some(s) = Scratch::postgres() else {
        eprintln!("POLKU_TEST_POSTGRES_URL is not set: PostgreSQL CLI test not run");
        return;
    };
    restore_keeps_withdrawn_access_withdrawn(&s);
}

/// D9: a restore whose result does not open with the configured key file fails, and what it
/// had to apply again stays in the restored database: the server started with the right key
/// file applies it before serving, so the erased participant does not come back.
#[test]
fn a_restore_that_does_not_open_leaves_its_erasures_to_the_next_start() {
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
    let backup = s.dir.join("before.db");
    s.ok(&["backup", backup.to_str().unwrap()]);
    s.ok(&["subject", "erase", "--participant", &id]);
    s.ok(&["keys", "rotate"]);
    // The backup was taken with the previous master key.
    let err = s.fails(&["restore", backup.to_str().unwrap()], 6);
    assert!(err.contains("applied when it is next opened"), "{err}");
    let uuid = uuid::Uuid::parse_str(&id).unwrap();
    let present = format!(
        "SELECT count(*) FROM participants WHERE id = x'{}'",
        uuid.simple()
    );
    assert_eq!(s.sql(&present), 1, "the restored copy still has them");
    // The operator switches to the previous key file and starts the server.
    std::fs::rename(s.dir.join("keys.toml"), s.dir.join("keys.toml.new")).unwrap();
    std::fs::rename(s.dir.join("keys.toml.previous"), s.dir.join("keys.toml")).unwrap();
    let (child, addr) = start_serve(&s, &[]);
    assert_eq!(s.sql(&present), 0, "erased again before serving");
    stop(child, &addr);
    s.fails(&["subject", "export", "--participant", &id], 4);
    s.ok(&["audit", "verify"]);
}

/// D20: the live database being corrupt does not stop the restore meant to fix it. Without the
/// live database the withdrawals made after the backup are unknown, so the restore asks for
/// `--live-unreadable` first; the erasures of the tombstone file are applied again all the same.
#[test]
fn restore_replaces_a_corrupt_live_database() {
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
    let backup = s.dir.join("good.db");
    s.ok(&["backup", backup.to_str().unwrap()]);
    s.ok(&["subject", "erase", "--participant", &id]);
    let db = s.dir.join("polku.db");
    let mut bytes = std::fs::read(&db).unwrap();
    for b in bytes.iter_mut().take(4096) {
        *b = 0x5a;
    }
    std::fs::write(&db, &bytes).unwrap();
    assert!(!s.polku(&["integrity"]).status.success());
    let err = s.fails(&["restore", backup.to_str().unwrap()], 6);
    assert!(err.contains("--live-unreadable"), "{err}");
    let out = s.ok(&["restore", "--live-unreadable", backup.to_str().unwrap()]);
    assert!(out.contains("1 erasure(s) applied again"), "{out}");
    assert!(s.dir.join("polku.before-restore").exists());
    s.ok(&["integrity"]);
    s.ok(&["audit", "verify"]);
    s.fails(&["subject", "export", "--participant", &id], 4);
}

/// D11 and D27: the database and its log, backups, restored copies and audit checkpoints are
/// readable by their owner only, whatever the umask; a checkpoint is replaced whole.
#[cfg(unix)]
#[test]
fn database_backup_and_checkpoint_files_are_private() {
    let s = Scratch::sqlite();
    s.ok(&["migrate"]);
    let private = |p: &std::path::Path| {
        let mode = std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} is {mode:o}", p.display());
    };
    use std::os::unix::fs::PermissionsExt;
    let (child, addr) = start_serve(&s, &[]);
    let mut seen = 0;
    for entry in std::fs::read_dir(&s.dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("polku.db") {
            private(&path);
            seen += 1;
        }
    }
    assert!(seen >= 2, "the database and its -wal file");
    let backup = s.dir.join("b.db");
    s.ok(&["backup", backup.to_str().unwrap()]);
    private(&backup);
    stop(child, &addr);
    // A backup copied around with a wide mode is still restored private.
    std::fs::set_permissions(&backup, std::fs::Permissions::from_mode(0o644)).unwrap();
    s.ok(&["restore", backup.to_str().unwrap()]);
    private(&s.dir.join("polku.db"));
    let cp = s.dir.join("checkpoint");
    std::fs::write(&cp, "stale\n").unwrap();
    std::fs::set_permissions(&cp, std::fs::Permissions::from_mode(0o644)).unwrap();
    s.ok(&["audit", "checkpoint", cp.to_str().unwrap()]);
    private(&cp);
    assert_ne!(std::fs::read_to_string(&cp).unwrap(), "stale\n");
    s.ok(&["audit", "verify", "--checkpoint", cp.to_str().unwrap()]);
    let leftovers: Vec<_> = std::fs::read_dir(&s.dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// D27: a key file every user of the host can read is refused, naming the fix; one its group
/// can read is used with a warning.
#[cfg(unix)]
#[test]
fn a_key_file_others_can_read_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::sqlite();
    s.ok(&["migrate"]);
    let keys = s.dir.join("keys.toml");
    std::fs::set_permissions(&keys, std::fs::Permissions::from_mode(0o644)).unwrap();
    let err = s.fails(&["audit", "verify"], 6);
    assert!(err.contains("chmod 600"), "{err}");
    std::fs::set_permissions(&keys, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = s.polku(&["audit", "verify"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: key file"));
    std::fs::set_permissions(&keys, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = s.polku(&["audit", "verify"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"));
}

/// D18: on PostgreSQL `serve` does not migrate: with an old schema it refuses, naming
/// `polku migrate`; after the owner migrates, it serves as an application role that has data
/// rights only (docs/SECURITY.md), and that role cannot rewrite the audit log.
#[test]
fn serve_on_postgres_needs_only_data_rights() {
    let Some(s) = Scratch::postgres() else {
        eprintln!("POLKU_TEST_POSTGRES_URL is not set: PostgreSQL CLI test not run");
        return;
    };
    let err = s.fails(&["serve", "--listen", "127.0.0.1:0"], 6);
    assert!(err.contains("polku migrate"), "{err}");
    s.ok(&["migrate"]);
    let (admin, name) = s.pg.clone().unwrap();
    let role = format!("{name}_app");
    let grants = format!(
        "CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;\
         REVOKE ALL ON DATABASE {name} FROM PUBLIC;\
         GRANT CONNECT ON DATABASE {name} TO {role};\
         REVOKE CREATE ON SCHEMA public FROM PUBLIC;\
         GRANT USAGE ON SCHEMA public TO {role};\
         GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};\
         REVOKE INSERT, UPDATE, DELETE ON _sqlx_migrations FROM {role};\
         REVOKE UPDATE, DELETE ON audit_events FROM {role};\
         GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};"
    );
    let owner = s.url.clone();
    block_on(async {
        let pool = sqlx::PgPool::connect(&owner).await.unwrap();
        sqlx::raw_sql(&grants).execute(&pool).await.unwrap();
        pool.close().await;
    });
    let app_url = {
        let base = admin.rsplit_once('/').unwrap().0;
        let host = base.rsplit_once('@').map_or(base, |(_, h)| h);
        let host = host
            .trim_start_matches("postgres://")
            .trim_start_matches("postgresql://");
        format!("postgres://{role}@{host}/{name}")
    };
    let mut app = Scratch::sqlite();
    std::fs::copy(s.dir.join("keys.toml"), app.dir.join("keys.toml")).unwrap();
    app.url = app_url.clone();
    // The application role adds a user (data rights) and serves.
    let token = app
        .ok(&[
            "user",
            "add",
            "--email",
            "admin@example.fi",
            "--role",
            "admin",
        ])
        .lines()
        .last()
        .unwrap()
        .to_owned();
    let (child, addr) = start_serve(&app, &[]);
    let health = http(
        &addr,
        "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    let body = format!(
        "token={token}&password=kissa+istuu+ikkunalla&password_confirm=kissa+istuu+ikkunalla"
    );
    let activated = http(
        &addr,
        &format!(
            "POST /activate HTTP/1.1\r\nHost: x\r\nOrigin: http://{addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    assert!(activated.starts_with("HTTP/1.1 303"), "{activated}");
    stop(child, &addr);
    let denied = block_on(async {
        let pool = sqlx::PgPool::connect(&app_url).await.unwrap();
        let r = sqlx::raw_sql("DROP TRIGGER audit_events_no_update ON audit_events")
            .execute(&pool)
            .await;
        pool.close().await;
        r
    });
    assert!(
        denied.is_err(),
        "the application role must not alter the audit log"
    );
    app.ok(&["audit", "verify"]);
    drop(app);
    drop(s);
    block_on(async {
        let pool = sqlx::PgPool::connect(&admin).await.unwrap();
        sqlx::raw_sql(&format!("DROP ROLE IF EXISTS {role}"))
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
    });
}

/// D19: on PostgreSQL an erased participant's clear-text name does not stay in the table's
/// file (a plain DELETE leaves it there as a dead tuple until the table is rewritten).
#[test]
fn erasure_on_postgres_leaves_no_clear_text_in_the_table_file() {
    let Some(s) = Scratch::postgres() else {
        eprintln!("POLKU_TEST_POSTGRES_URL is not set: PostgreSQL CLI test not run");
        return;
    };
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
    // Statistics now, so that no automatic ANALYZE holds a snapshot during the erasure (a
    // snapshot older than the erasure keeps the dead row: docs/SECURITY.md, D19).
    s.sql("ANALYZE");
    // Nor an automatic one of any table while the suite loads the machine: no automatic
    // ANALYZE then holds a snapshot across the erasure.
    s.sql(
        "DO $$DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables \
         WHERE schemaname = current_schema() LOOP \
         EXECUTE format('ALTER TABLE %I SET (autovacuum_enabled = false)', t); \
         END LOOP; END$$",
    );
    s.sql(&format!(
        "UPDATE participants SET family_name = 'Kanarialintu' WHERE id = '{id}'"
    ));
    s.sql("VACUUM FULL participants");
    let in_file = "SELECT position('Kanarialintu'::bytea in \
                   pg_read_binary_file(pg_relation_filepath('participants')))::bigint";
    s.sql("CHECKPOINT");
    assert!(s.sql(in_file) > 0, "the canary is in the file before");
    let erased = s.polku(&["subject", "erase", "--participant", &id]);
    let log = String::from_utf8_lossy(&erased.stderr).into_owned();
    assert!(erased.status.success(), "{log}");
    s.sql("CHECKPOINT");
    assert_eq!(s.sql(in_file), 0, "the canary is gone from the file: {log}");
}

/// R36: with `audit_checkpoint` set, the server writes the chain head at start (and then every
/// 1,000 entries or daily), privately; `audit verify --checkpoint` accepts it.
#[cfg(unix)]
#[test]
fn serve_keeps_an_audit_checkpoint() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::sqlite();
    s.ok(&["migrate"]);
    s.ok(&["user", "add", "--email", "a@example.fi", "--role", "admin"]);
    let cp = s.dir.join("head.checkpoint");
    let (child, addr) =
        start_serve_with(&s, &[], &[("POLKU_AUDIT_CHECKPOINT", cp.to_str().unwrap())]);
    let started = Instant::now();
    while !cp.exists() && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(100));
    }
    stop(child, &addr);
    let text = std::fs::read_to_string(&cp).unwrap();
    let seq: i64 = text.split_whitespace().next().unwrap().parse().unwrap();
    assert!(seq > 0, "{text}");
    assert_eq!(
        std::fs::metadata(&cp).unwrap().permissions().mode() & 0o777,
        0o600
    );
    s.ok(&["audit", "verify", "--checkpoint", cp.to_str().unwrap()]);
}

/// A real installation without `--demo`, as the README describes it: organisations, a project
/// with its funding programme, specific objective, municipalities and partners; an admin; a
/// user with two grants; revoking, deactivating and reactivating; each refusal with its code.
#[test]
fn a_real_installation_is_set_up_from_the_command_line() {
    use std::io::Write;
    let s = Scratch::sqlite();
    s.ok(&["migrate"]);
    assert!(s
        .ok(&[
            "org",
            "add",
            "--name",
            "Lahden Seudun Kehitys",
            "--business-id",
            "1234567-1"
        ])
        .starts_with("created organisation"));
    s.ok(&["org", "add", "--name", "Koulutuskeskus Salpaus"]);
    s.ok(&["org", "add", "--name", "Kymenlaakson Ammattiopisto"]);
    // A bad business id is refused (3), a taken one too (5).
    s.fails(
        &["org", "add", "--name", "X", "--business-id", "1234567-8"],
        3,
    );
    s.fails(
        &["org", "add", "--name", "X", "--business-id", "1234567-1"],
        5,
    );
    assert!(s.ok(&["org", "list"]).contains("Koulutuskeskus Salpaus\t-"));
    assert!(s.ok(&["project", "objectives"]).contains("ESO4.12"));

    let project = |code: &str, extra: &[&str]| -> Vec<String> {
        let mut a: Vec<String> = [
            "project",
            "add",
            "--code",
            code,
            "--name",
            "Momentum",
            "--lead",
            "1234567-1",
            "--partner",
            "Koulutuskeskus Salpaus",
            "--programme",
            "FI-ESF+-2021-2027",
            "--objective",
            "ESO4.1",
            "--start",
            "2024-09-01",
            "--end",
            "2027-08-31",
            "--municipality",
            "Lahti,098",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        a.extend(extra.iter().map(|s| (*s).to_owned()));
        a
    };
    let run = |args: Vec<String>| args;
    let with = |args: Vec<String>, flag: &str, value: &str| {
        let mut args = args;
        let i = args.iter().position(|a| a == flag).unwrap();
        args[i + 1] = value.to_owned();
        args
    };
    fn refs(a: &[String]) -> Vec<&str> {
        a.iter().map(String::as_str).collect()
    }
    // Each bad value is named, with the code docs/CLI.md gives.
    let err = s.fails(&refs(&with(project("M", &[]), "--objective", "ESO4.13")), 3);
    assert!(
        err.contains("ESO4.13") && err.contains("objective"),
        "{err}"
    );
    let err = s.fails(&refs(&with(project("M", &[]), "--programme", "ERDF")), 3);
    assert!(err.contains("unknown funding programme"), "{err}");
    let err = s.fails(
        &refs(&with(project("M", &[]), "--municipality", "Atlantis")),
        3,
    );
    assert!(
        err.contains("Atlantis") && err.contains("unknown_municipality"),
        "{err}"
    );
    s.fails(&refs(&with(project("M", &[]), "--end", "2024-08-01")), 3);
    s.fails(&refs(&with(project("M", &[]), "--start", "1.9.2024")), 3);
    s.fails(&refs(&with(project("M", &[]), "--start", "2020-01-01")), 3);
    s.fails(&refs(&with(project("M", &[]), "--lead", "Ei Ole Oy")), 4);
    s.fails(&refs(&project("M", &["--partner", "1234567-1"])), 3);
    s.fails(&["project", "add", "--code", "M", "--name", "Momentum"], 2);
    assert!(!s.ok(&["project", "list"]).contains("Momentum"));

    s.ok(&refs(&run(project("MOMENTUM-PH", &[]))));
    s.fails(&refs(&project("MOMENTUM-PH", &[])), 5);
    s.ok(&refs(&with(
        with(project("KOHTAANTOA", &[]), "--objective", "ESO4.9"),
        "--municipality",
        "Kotka",
    )));
    let list = s.ok(&["project", "list"]);
    let line = list.lines().find(|l| l.starts_with("MOMENTUM-PH")).unwrap();
    assert!(line.contains("FI-ESF+-2021-2027 ESO4.1"), "{line}");
    assert!(line.contains("lead: Lahden Seudun Kehitys"), "{line}");
    assert!(line.contains("partners: Koulutuskeskus Salpaus"), "{line}");
    assert!(line.contains("municipalities: 098,398"), "{line}");
    // Editing replaces what is given: a second partner, another objective.
    s.ok(&[
        "project",
        "edit",
        "MOMENTUM-PH",
        "--partner",
        "Koulutuskeskus Salpaus",
        "--partner",
        "Kymenlaakson Ammattiopisto",
        "--objective",
        "ESO4.8",
    ]);
    let list = s.ok(&["project", "list"]);
    let line = list.lines().find(|l| l.starts_with("MOMENTUM-PH")).unwrap();
    assert!(
        line.contains("ESO4.8") && line.contains("Kymenlaakson Ammattiopisto"),
        "{line}"
    );
    s.fails(&["project", "edit", "NOPE", "--name", "x"], 4);

    // The first admin, activated from standard input.
    let token = s
        .ok(&[
            "user",
            "add",
            "--email",
            "admin@example.fi",
            "--role",
            "admin",
        ])
        .lines()
        .last()
        .unwrap()
        .to_owned();
    let mut child = s
        .cmd(&["user", "activate"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{token}\nkolme iloista kirahvia\n").as_bytes())
        .unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    // A user with two grants in two projects.
    s.ok(&[
        "user",
        "add",
        "--email",
        "piret@example.fi",
        "--role",
        "coach",
        "--project",
        "MOMENTUM-PH",
    ]);
    assert!(s
        .ok(&[
            "user",
            "grant",
            "--email",
            "piret@example.fi",
            "--role",
            "coordinator",
            "--project",
            "KOHTAANTOA"
        ])
        .contains("is now coordinator in KOHTAANTOA"));
    assert!(s
        .ok(&[
            "user",
            "grant",
            "--email",
            "piret@example.fi",
            "--role",
            "coordinator",
            "--project",
            "KOHTAANTOA"
        ])
        .contains("nothing changed"));
    let users = s.ok(&["list", "users"]);
    let line = users.lines().find(|l| l.starts_with("piret@")).unwrap();
    assert!(
        line.contains("coach@MOMENTUM-PH") && line.contains("coordinator@KOHTAANTOA"),
        "{line}"
    );
    s.fails(
        &[
            "user",
            "grant",
            "--email",
            "piret@example.fi",
            "--role",
            "coach",
        ],
        3,
    );
    s.fails(
        &[
            "user",
            "grant",
            "--email",
            "piret@example.fi",
            "--role",
            "coach",
            "--project",
            "NOPE",
        ],
        4,
    );
    s.fails(
        &[
            "user",
            "grant",
            "--email",
            "nobody@example.fi",
            "--role",
            "admin",
        ],
        4,
    );
    s.fails(
        &[
            "user",
            "grant",
            "--email",
            "piret@example.fi",
            "--role",
            "root",
        ],
        3,
    );
    s.ok(&[
        "user",
        "revoke",
        "--email",
        "piret@example.fi",
        "--role",
        "coordinator",
        "--project",
        "KOHTAANTOA",
    ]);
    s.fails(
        &[
            "user",
            "revoke",
            "--email",
            "piret@example.fi",
            "--role",
            "coordinator",
            "--project",
            "KOHTAANTOA",
        ],
        4,
    );
    // Deactivation and reactivation.
    assert!(s
        .ok(&["user", "deactivate", "--email", "piret@example.fi"])
        .contains("deactivated"));
    assert!(s
        .ok(&["list", "users"])
        .lines()
        .any(|l| l.starts_with("piret@") && l.ends_with("\tdeactivated")));
    assert!(s
        .ok(&["user", "reactivate", "--email", "piret@example.fi"])
        .contains("reactivated"));
    // The last active admin stays (5).
    let err = s.fails(&["user", "deactivate", "--email", "admin@example.fi"], 5);
    assert!(err.contains("last_admin"), "{err}");
    s.fails(
        &[
            "user",
            "revoke",
            "--email",
            "admin@example.fi",
            "--role",
            "admin",
        ],
        5,
    );
    // Every change is in the chain, which verifies.
    s.ok(&["audit", "verify"]);
    let audit = s.ok(&["audit", "query", "--actor", "system:user deactivate"]);
    assert!(audit.contains("\"action\":\"deactivate\""), "{audit}");
}

#[test]
fn report_esf_writes_the_funders_csv_exact_or_suppressed_and_is_audited() {
    let s = Scratch::sqlite();
    s.ok(&["migrate"]);
    s.ok(DEMO);
    let code =
        sqlite_text(&s, "SELECT code FROM projects ORDER BY code LIMIT 1").expect("a project");
    let args = |extra: &[&'static str]| {
        let mut a: Vec<String> = [
            "report",
            "esf",
            "--project",
            &code,
            "--from",
            "2020-01-01",
            "--to",
            "2030-12-31",
        ]
        .iter()
        .map(|x| x.to_string())
        .collect();
        a.extend(extra.iter().map(|x| x.to_string()));
        a
    };
    let run = |extra: &[&'static str]| {
        let a = args(extra);
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        s.ok(&refs)
    };
    let exact = run(&[]);
    let mut lines = exact.lines();
    assert_eq!(
        lines.next(),
        Some("code,indicator,women,men,non_binary,total")
    );
    let rows: Vec<&str> = lines.collect();
    assert!(rows.len() >= 5, "one row per indicator: {exact}");
    assert!(rows.iter().all(|r| r.split(',').count() >= 6), "{exact}");
    assert!(!exact.contains(".."), "exact by default: {exact}");
    let suppressed = run(&["--suppress"]);
    assert!(suppressed.starts_with("code,indicator,women,men,non_binary,total\n"));
    assert!(
        suppressed.contains(",.."),
        "small figures become ..: {suppressed}"
    );
    assert_eq!(suppressed.lines().count(), exact.lines().count());
    let json = run(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["project"], code.as_str());
    assert!(v["indicators"]
        .as_array()
        .is_some_and(|a| a.len() == rows.len()));
    // Audited with the funder's purpose.
    assert!(s.sql("SELECT COUNT(*) FROM audit_events WHERE purpose = 'funder_reporting'") >= 3);
    // Bad input: wrong order, unknown project, bad format.
    let bad = s.fails(
        &[
            "report",
            "esf",
            "--project",
            &code,
            "--from",
            "2026-02-01",
            "--to",
            "2026-01-01",
        ],
        3,
    );
    assert!(bad.contains("before it starts"), "{bad}");
    let bad = s.fails(
        &[
            "report",
            "esf",
            "--project",
            "NOPE",
            "--from",
            "2026-01-01",
            "--to",
            "2026-02-01",
        ],
        4,
    );
    assert!(bad.contains("no project has the code"), "{bad}");
    let bad = s.fails(
        &[
            "report",
            "esf",
            "--project",
            &code,
            "--from",
            "2026-01-01",
            "--to",
            "2026-02-01",
            "--format",
            "doc",
        ],
        3,
    );
    assert!(bad.contains("--format"), "{bad}");
    // A period with no data: every indicator 0, and a note on stderr that says why.
    let out = s.polku(&[
        "report",
        "esf",
        "--project",
        &code,
        "--from",
        "2019-01-01",
        "--to",
        "2019-12-31",
    ]);
    assert!(out.status.success(), "{out:?}");
    let note = String::from_utf8_lossy(&out.stderr);
    assert!(
        note.contains("nobody entered or left") && note.contains("every indicator is 0"),
        "{note}"
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(
        csv.lines().skip(1).all(|l| l.ends_with(",0,0,0,0")),
        "{csv}"
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

/// Appends `n` entries stamped on each of `days` to the scratch database, through the store
/// with an injected clock (the binary always uses the system clock).
fn append_dated_entries(s: &Scratch, days: &[(time::OffsetDateTime, usize)]) {
    use polku_service::audit::{AuditChain, AuditEvent};
    use polku_service::clock::Clock;
    let text = std::fs::read_to_string(s.dir.join("keys.toml")).unwrap();
    let hex = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("audit_key"))
        .and_then(|l| l.split_once('='))
        .map(|(_, v)| v.trim().trim_matches('"').to_owned())
        .unwrap();
    let clock = Clock::manual(days[0].0);
    let chain = AuditChain::new(polku_service::crypto::Key::from_hex(&hex).unwrap())
        .with_clock(clock.clone());
    let url = s.url.clone();
    let days = days.to_vec();
    block_on(async move {
        let store: std::sync::Arc<dyn polku_service::Store> = if url.starts_with("sqlite") {
            std::sync::Arc::new(
                polku_store_sqlite::SqliteStore::connect(&url, chain, false)
                    .await
                    .unwrap(),
            )
        } else {
            std::sync::Arc::new(
                polku_store_postgres::PgStore::connect(
                    &url,
                    chain,
                    polku_store_postgres::Durability::AllowUnsafe,
                )
                .await
                .unwrap(),
            )
        };
        let ev = AuditEvent::new(
            &polku_service::Actor::system("test"),
            "database",
            None,
            "backup",
            "maintenance",
        )
        .unwrap();
        for (day, n) in days {
            clock.set(day);
            for _ in 0..n {
                store.append_audit(&ev).await.unwrap();
            }
        }
        store.close().await;
    });
}

/// R38 through the binary: the dry run says what would be sealed and deleted and changes
/// nothing; the run deletes the expired months whole and records it; `audit verify` passes
/// from the retained checkpoint and names the deleted segments; an altered checkpoint or a
/// kept entry fails it; a bad setting is refused. `app` runs the prune (on PostgreSQL: the
/// application role with data rights only).
fn audit_prune_deletes_expired_months_and_verify_continues(s: &Scratch, app: &Scratch) {
    use time::macros::datetime;
    append_dated_entries(
        s,
        &[
            (datetime!(2025-01-15 10:00 UTC), 3),
            (datetime!(2025-02-15 10:00 UTC), 2),
            (datetime!(2025-03-15 10:00 UTC), 2),
        ],
    );
    let bad = s
        .cmd(&["audit", "prune"])
        .env("POLKU_AUDIT_RETENTION_MONTHS", "-1")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(6), "{bad:?}");
    assert!(String::from_utf8_lossy(&bad.stderr).contains("audit_retention_months"));
    let run = |args: &[&str]| {
        let out = app
            .cmd(args)
            .env("POLKU_AUDIT_RETENTION_MONTHS", "12")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{:?}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    // On 15 March 2026, twelve months: January and February 2025 are due, March is not.
    let plan = run(&["audit", "prune", "--dry-run", "--today", "2026-03-15"]);
    assert!(
        plan.contains("would seal segment 2025-01: entries 1–3"),
        "{plan}"
    );
    assert!(
        plan.contains("would delete segment 2025-02: entries 4–5"),
        "{plan}"
    );
    assert!(!plan.contains("would delete segment 2025-03"), "{plan}");
    assert_eq!(s.sql("SELECT count(*) FROM audit_segments"), 0);
    assert_eq!(s.sql("SELECT count(*) FROM audit_events"), 7);
    // Today (December 2026 or later) every month of 2025 is past twelve months.
    let done = run(&["audit", "prune"]);
    assert!(
        done.contains("deleted segment 2025-01: entries 1–3"),
        "{done}"
    );
    assert!(
        done.contains("deleted segment 2025-03: entries 6–7"),
        "{done}"
    );
    assert_eq!(s.sql("SELECT count(*) FROM audit_events WHERE seq <= 7"), 0);
    assert_eq!(
        s.sql("SELECT count(*) FROM audit_events WHERE action = 'segment_deleted'"),
        3
    );
    let verified = s.ok(&["audit", "verify"]);
    assert!(
        verified.contains("audit chain intact: 3 entries"),
        "{verified}"
    );
    assert!(
        verified.contains("verified from entry 8, after 3 deleted segments"),
        "{verified}"
    );
    assert!(
        verified.contains("deleted segment 2025-02: entries 4–5"),
        "{verified}"
    );
    assert!(run(&["audit", "prune"]).contains("0 segments sealed, 0 deleted"));
    // Tampering, with the protections removed.
    let disable = if s.url.starts_with("sqlite") {
        "DROP TRIGGER audit_segments_mark_deleted_only; DROP TRIGGER audit_events_no_update"
    } else {
        "ALTER TABLE audit_segments DISABLE TRIGGER USER; ALTER TABLE audit_events DISABLE TRIGGER USER"
    };
    s.sql(disable);
    s.sql("UPDATE audit_segments SET last_seq = 6, entries = 1 WHERE month = '2025-03'");
    let err = s.fails(&["audit", "verify"], 8);
    assert!(err.contains("segment 2025-03"), "{err}");
    s.sql("UPDATE audit_segments SET last_seq = 7, entries = 2 WHERE month = '2025-03'");
    s.ok(&["audit", "verify"]);
    s.sql("UPDATE audit_events SET actor = 'system:other' WHERE seq = 9");
    assert!(s.fails(&["audit", "verify"], 8).contains("audit entry 9"));
}

#[test]
fn audit_prune_on_sqlite() {
    let s = Scratch::sqlite();
    s.ok(&["migrate"]);
    audit_prune_deletes_expired_months_and_verify_continues(&s, &s);
}

/// On PostgreSQL the prune runs as the application role of docs/SECURITY.md, which has no
/// `DELETE` on `audit_events`: it deletes through the `SECURITY DEFINER` function only.
#[test]
fn audit_prune_on_postgres_as_the_application_role() {
    let Some(s) = Scratch::postgres() else {
        eprintln!("POLKU_TEST_POSTGRES_URL is not set: PostgreSQL CLI test not run");
        return;
    };
    s.ok(&["migrate"]);
    let (admin, name) = s.pg.clone().unwrap();
    let role = format!("{name}_app");
    s.sql(&format!(
        "CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;\
         GRANT USAGE ON SCHEMA public TO {role};\
         GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};\
         REVOKE INSERT, UPDATE, DELETE ON _sqlx_migrations FROM {role};\
         REVOKE UPDATE, DELETE ON audit_events FROM {role};\
         GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};"
    ));
    let base = admin.rsplit_once('/').unwrap().0;
    let host = base.rsplit_once('@').map_or(base, |(_, h)| h);
    let host = host
        .trim_start_matches("postgres://")
        .trim_start_matches("postgresql://");
    let mut app = Scratch::sqlite();
    std::fs::copy(s.dir.join("keys.toml"), app.dir.join("keys.toml")).unwrap();
    app.url = format!("postgres://{role}@{host}/{name}");
    audit_prune_deletes_expired_months_and_verify_continues(&s, &app);
    // The role itself cannot delete a kept entry.
    let denied = block_on(async {
        let pool = sqlx::PgPool::connect(&app.url).await.unwrap();
        let r = sqlx::raw_sql("DELETE FROM audit_events")
            .execute(&pool)
            .await;
        pool.close().await;
        r
    });
    assert!(denied.is_err());
    drop(app);
    drop(s);
    block_on(async {
        let pool = sqlx::PgPool::connect(&admin).await.unwrap();
        sqlx::raw_sql(&format!("DROP ROLE IF EXISTS {role}"))
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
    });
}

fn eperusteet_sample(name: &str) -> String {
    format!(
        "{}/../../data/qualifications/samples/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn eperusteet_import_reads_every_sample_is_idempotent_and_refuses_bad_files_whole() {
    let s = Scratch::sqlite();
    s.ok(&["migrate"]);
    let synthetic = eperusteet_sample("sample-synthetic-peruste.json");
    let out = s.ok(&["import", "eperusteet", &synthetic]);
    assert!(
        out.contains("units: 3 new, 0 updated, 0 unchanged; requirement items written: 8"),
        "{out}"
    );
    let out = s.ok(&["import", "eperusteet", &synthetic]);
    assert!(
        out.contains("units: 0 new, 0 updated, 3 unchanged"),
        "{out}"
    );
    for (file, units, items) in [
        (
            "sample-real-yhteiset-tutkinnonosat-OPH-456-2022.json",
            3,
            54,
        ),
        (
            "sample-real-puutarha-alan-perustutkinto-OPH-901-2020.json",
            2,
            51,
        ),
        ("sample-real-sote-perustutkinto-79-011-2014.json", 3, 41),
    ] {
        let out = s.ok(&["import", "eperusteet", &eperusteet_sample(file)]);
        assert!(
            out.contains(&format!(
                "units: {units} new, 0 updated, 0 unchanged; requirement items written: {items}"
            )),
            "{file}: {out}"
        );
    }
    assert_eq!(s.sql("SELECT COUNT(*) FROM qualification_units"), 11);
    let before = s.sql("SELECT COUNT(*) FROM qualification_requirements");
    assert_eq!(before, 8 + 54 + 51 + 41);
    // A malformed file: the JSON path in the message, exit code 3, nothing written.
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&synthetic).unwrap()).unwrap();
    v["diaarinumero"] = serde_json::json!("ESIMERKKI-0001-2000");
    v["tutkinnonOsat"][2]["ammattitaitovaatimukset"] = serde_json::json!(["not", "text"]);
    let bad = s.dir.join("bad.json");
    std::fs::write(&bad, v.to_string()).unwrap();
    let err = s.fails(&["import", "eperusteet", bad.to_str().unwrap()], 3);
    assert!(
        err.contains("$.tutkinnonOsat[2].ammattitaitovaatimukset: must be a text object"),
        "{err}"
    );
    std::fs::write(&bad, "{\"id\": 1,").unwrap();
    let err = s.fails(&["import", "eperusteet", bad.to_str().unwrap()], 3);
    assert!(err.contains("is not JSON"), "{err}");
    assert_eq!(s.sql("SELECT COUNT(*) FROM qualification_units"), 11);
    assert_eq!(
        s.sql("SELECT COUNT(*) FROM qualification_requirements"),
        before
    );
    s.fails(&["import", "eperusteet", "/nonexistent/peruste.json"], 3);
}

impl Scratch {
    /// One text value from the database (the first column of the first row, or empty).
    fn text(&self, sql: &str) -> String {
        let url = self.url.clone();
        let sql = sql.to_owned();
        block_on(async move {
            let first =
                |rows: Vec<Option<String>>| rows.into_iter().next().flatten().unwrap_or_default();
            if url.starts_with("sqlite") {
                let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
                let v: Vec<Option<String>> =
                    sqlx::query_scalar(&sql).fetch_all(&pool).await.unwrap();
                pool.close().await;
                first(v)
            } else {
                let pool = sqlx::PgPool::connect(&url).await.unwrap();
                let v: Vec<Option<String>> =
                    sqlx::query_scalar(&sql).fetch_all(&pool).await.unwrap();
                pool.close().await;
                first(v)
            }
        })
    }

    /// The schema as text (tables, columns, indexes, triggers, views) and the applied
    /// migration versions, for comparing two databases.
    fn schema(&self) -> String {
        if self.pg.is_none() {
            self.text(
                "SELECT group_concat(type || ' ' || name || ' ' || coalesce(sql, ''), char(10)) \
                 FROM (SELECT type, name, sql FROM sqlite_master \
                       WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name)",
            ) + &self.text(
                "SELECT group_concat(version || ':' || success, ',') \
                 FROM (SELECT version, success FROM _sqlx_migrations ORDER BY version)",
            )
        } else {
            [
                "SELECT string_agg(table_name || '.' || column_name || ' ' || data_type || ' ' \
                 || is_nullable || ' ' || coalesce(column_default, ''), ',' \
                 ORDER BY table_name, column_name) \
                 FROM information_schema.columns WHERE table_schema = 'public'",
                "SELECT string_agg(indexdef, ',' ORDER BY indexname) FROM pg_indexes \
                 WHERE schemaname = 'public'",
                "SELECT string_agg(tgname, ',' ORDER BY tgname) FROM pg_trigger \
                 WHERE NOT tgisinternal",
                "SELECT string_agg(version || ':' || success, ',' ORDER BY version) \
                 FROM _sqlx_migrations",
            ]
            .iter()
            .map(|q| self.text(q))
            .collect::<Vec<_>>()
            .join("\n")
        }
    }

    /// Applied migrations as (successful, failed), or `None` before the table exists.
    fn migration_rows(&self) -> Option<(i64, i64)> {
        let exists = if self.pg.is_none() {
            self.sql("SELECT count(*) FROM sqlite_master WHERE name = '_sqlx_migrations'")
        } else {
            self.sql(
                "SELECT count(*) FROM information_schema.tables \
                 WHERE table_name = '_sqlx_migrations'",
            )
        };
        (exists == 1).then(|| {
            (
                self.sql("SELECT count(*) FROM _sqlx_migrations WHERE success"),
                self.sql("SELECT count(*) FROM _sqlx_migrations WHERE NOT success"),
            )
        })
    }
}

/// R53: `polku migrate` killed with SIGKILL at moments spread over a clean run's length leaves
/// the database at a whole number of migrations (the first N shipped, each applied in full, none
/// marked failed), and a rerun completes to exactly the schema of an uninterrupted run. At least
/// one kill must land between the first and the last migration, or the test proves nothing.
fn migrate_killed_midway(fresh: impl Fn() -> Scratch, migrations_dir: &str) {
    let shipped: Vec<i64> = {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(migrations_dir);
        let mut v: Vec<i64> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().into_string().unwrap();
                name.split('_').next()?.parse().ok()
            })
            .collect();
        v.sort_unstable();
        v
    };
    let total = i64::try_from(shipped.len()).unwrap();
    let clean = fresh();
    let start = Instant::now();
    clean.ok(&["migrate"]);
    let length = start.elapsed();
    let expected = clean.schema();
    assert_eq!(clean.migration_rows(), Some((total, 0)));

    let attempts: u32 = 16;
    let mut midway = 0;
    for i in 0..attempts {
        let s = fresh();
        let mut child = s
            .cmd(&["migrate"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Half the kills at moments spread over the clean run's length; the other half as soon
        // as at least k migrations are recorded (k spread over the list), polling the database.
        if i % 2 == 0 {
            std::thread::sleep(length.mul_f64((f64::from(i) + 0.5) * 1.2 / f64::from(attempts)));
        } else {
            let k = 1 + i64::from(i) * (total - 2) / i64::from(attempts);
            let begun = Instant::now();
            while child.try_wait().unwrap().is_none() && begun.elapsed() < length * 3 {
                let ready = s.pg.is_some() || s.dir.join("polku.db").exists();
                if ready && s.migration_rows().is_some_and(|(applied, _)| applied >= k) {
                    break;
                }
            }
        }
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        if let Some((applied, failed)) = s.migration_rows() {
            assert_eq!(failed, 0, "attempt {i}: a migration is recorded as failed");
            if applied > 0 {
                let last = shipped[usize::try_from(applied).unwrap() - 1];
                assert_eq!(
                    s.sql(&format!(
                        "SELECT count(*) FROM _sqlx_migrations WHERE success AND version <= {last}"
                    )),
                    applied,
                    "attempt {i}: the applied migrations are not the first {applied} shipped"
                );
            }
            if applied > 0 && applied < total {
                midway += 1;
            }
        }
        s.ok(&["migrate"]);
        assert_eq!(
            s.schema(),
            expected,
            "attempt {i}: the rerun did not reach the schema of an uninterrupted run"
        );
    }
    assert!(
        midway > 0,
        "no kill landed between the first and the last migration (clean run took {length:?})"
    );
}

#[test]
fn migrate_killed_midway_on_sqlite() {
    migrate_killed_midway(Scratch::sqlite, "../store-sqlite/migrations");
}

#[test]
fn migrate_killed_midway_on_postgres() {
    if Scratch::postgres().is_none() {
        eprintln!("POLKU_TEST_POSTGRES_URL not set; skipped");
        return;
    }
    migrate_killed_midway(
        || Scratch::postgres().unwrap(),
        "../store-postgres/migrations",
    );
}
