//! Tests of the employers area: the register with business-ID validation and the version check,
//! project isolation, coordinator-only edits, task inventories with functioning demands,
//! openings, contacts and needs, and pseudonymous candidates.

use crate::harness::{
    count, field_value, has, has_text, has_value, select_attrs, select_text, select_texts, TestApp,
    User, PASSWORD,
};
use axum::http::StatusCode;
use polku_domain::{CooperationDepth, DemandProfile, Dimension, Email, EmployerId, Level, Role};
use polku_service::Actor;
use polku_store_tests::fixtures::{system, World};
use time::OffsetDateTime;

/// A signed-in user holding `role` in `world`'s project (another project than the app's).
pub async fn user_in(app: &TestApp, world: &World, role: Role) -> User {
    let svc = app.service();
    let email = format!(
        "{}-{}@example.fi",
        role.as_str(),
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    );
    let created = svc
        .add_user(
            &system(),
            Email::parse(&email).expect("email"),
            "Toinen Käyttäjä",
            role,
            Some(&world.project.code),
        )
        .await
        .expect("user");
    let now = OffsetDateTime::now_utc();
    svc.activate_account(&created.activation_token, PASSWORD, now)
        .await
        .expect("activate");
    let token = svc.sign_in(&email, PASSWORD, now).await.expect("sign in");
    User {
        actor: Actor::user(created.user.id, created.user.roles),
        email,
        token: token.token,
    }
}

/// An employer of the app's project, created by the operator.
async fn employer(app: &TestApp) -> EmployerId {
    app.service()
        .create_employer(&system(), app.world.employer())
        .await
        .expect("employer")
}

fn employer_fields(app: &TestApp, business_id: &str) -> Vec<(&'static str, String)> {
    vec![
        ("project", app.world.project.id.to_string()),
        ("name", "Hollolan Kone Oy".into()),
        ("business_id", business_id.into()),
        ("industry_tol", "28110".into()),
        ("size", "medium".into()),
        ("municipalities", "Lahti, 098".into()),
        ("cooperation", "contacted".into()),
        ("version", "1".into()),
    ]
}

fn pairs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

async fn a_bad_business_id_is_shown_next_to_the_field_with_the_values_kept(app: TestApp) {
    let coordinator = app.user(Role::Coordinator).await;
    let fields = employer_fields(&app, "1572860-1");
    let res = app
        .post_form("/employers/new", Some(&coordinator), &pairs(&fields))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&res.body, "#business_id-error"), "{}", res.body);
    assert!(res.body.contains("Tarkista Y-tunnus"));
    assert!(
        has(&res.body, "[aria-invalid=true][aria-describedby]")
            || res.body.contains("business_id-error\" aria-invalid")
    );
    assert!(
        has(&res.body, "a[href=\"#business_id\"]"),
        "error summary links to the field"
    );
    assert!(has_value(&res.body, "Hollolan Kone Oy"), "values kept");
    assert!(has_value(&res.body, "1572860-1"));
    assert!(app
        .service()
        .employers(&system(), app.world.project.id)
        .await
        .expect("list")
        .is_empty());

    let fields = employer_fields(&app, "1572860-0");
    let res = app
        .post_form("/employers/new", Some(&coordinator), &pairs(&fields))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    app.confirms(&res, &coordinator, "Työnantaja lisätty.")
        .await;
    let location = res.header("location").to_owned();
    let page = app.get(&location, Some(&coordinator)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Hollolan Kone Oy"));
    assert!(page.body.contains("Hollola"), "municipality names shown");
    let list = app.get("/employers", Some(&coordinator)).await;
    assert!(list.body.contains("Hollolan Kone Oy"));
    assert!(
        list.body.contains("Yhteys otettu"),
        "cooperation depth shown"
    );
    // The same business ID twice in a project is refused next to the field.
    let res = app
        .post_form("/employers/new", Some(&coordinator), &pairs(&fields))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&res.body, "#business_id-error"));
}

async fn another_projects_coordinator_gets_not_found_and_a_coach_cannot_edit(app: TestApp) {
    let id = employer(&app).await;
    let other_world = World::new(app.service()).await;
    let stranger = user_in(&app, &other_world, Role::Coordinator).await;
    for path in [
        format!("/employers/{id}"),
        format!("/employers/{id}/edit"),
        format!("/employers/{id}/tasks"),
        format!("/employers/{id}/openings"),
        format!("/employers/{id}/interactions"),
    ] {
        let res = app.get(&path, Some(&stranger)).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{path}");
    }
    let list = app.get("/employers", Some(&stranger)).await;
    assert!(!list.body.contains("Lahden Siivouspalvelu"));

    let coach = app.user(Role::Coach).await;
    let page = app.get(&format!("/employers/{id}"), Some(&coach)).await;
    assert_eq!(page.status, StatusCode::OK, "coaches of the project read");
    assert!(!page.body.contains("/edit\""), "no edit link for a coach");
    let res = app
        .get(&format!("/employers/{id}/edit"), Some(&coach))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = app
        .post_form(
            &format!("/employers/{id}/edit"),
            Some(&coach),
            &[("name", "Kaapattu Oy")],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = app
        .post_form(
            &format!("/employers/{id}/interactions"),
            Some(&coach),
            &[("kind", "call"), ("date", "2026-11-01"), ("summary", "x")],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let e = app
        .service()
        .employer(&system(), id)
        .await
        .expect("employer");
    assert_eq!(e.name, "Lahden Siivouspalvelu Oy");
    assert_eq!(e.version, 1);
}

async fn a_stale_version_shows_the_stored_values_next_to_the_users(app: TestApp) {
    let id = employer(&app).await;
    let coordinator = app.user(Role::Coordinator).await;
    let form = app
        .get(&format!("/employers/{id}/edit"), Some(&coordinator))
        .await;
    assert!((field_value(&form.body, "version").as_deref() == Some("1")));
    let edit = |name: &'static str, version: &'static str| {
        vec![
            ("name", name),
            ("business_id", "1572860-0"),
            ("industry_tol", "81210"),
            ("size", "small"),
            ("municipalities", "398"),
            ("cooperation", "engaged"),
            ("version", version),
        ]
    };
    let first = app
        .post_form(
            &format!("/employers/{id}/edit"),
            Some(&coordinator),
            &edit("Ensimmäinen Oy", "1"),
        )
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let second = app
        .post_form(
            &format!("/employers/{id}/edit"),
            Some(&coordinator),
            &edit("Toinen Oy", "1"),
        )
        .await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert!(second.body.contains("Joku muu muutti tietoja välillä"));
    assert!(second.body.contains("Ensimmäinen Oy"), "stored value shown");
    assert!(
        has_value(&second.body, "Toinen Oy"),
        "the user's value kept"
    );
    assert!((field_value(&second.body, "version").as_deref() == Some("2")));
    let e = app
        .service()
        .employer(&system(), id)
        .await
        .expect("employer");
    assert_eq!(e.name, "Ensimmäinen Oy");
    // Saving again, knowingly, on top of version 2 applies.
    let third = app
        .post_form(
            &format!("/employers/{id}/edit"),
            Some(&coordinator),
            &edit("Toinen Oy", "2"),
        )
        .await;
    assert_eq!(third.status, StatusCode::SEE_OTHER);
    let e = app
        .service()
        .employer(&system(), id)
        .await
        .expect("employer");
    assert_eq!((e.name.as_str(), e.version), ("Toinen Oy", 3));
}

const SKILL: &str = "http://data.europa.eu/esco/skill/00090cc1-1f27-439e-a4e0-19a87a501bfc";

async fn a_task_with_demands_round_trips_and_can_be_edited(app: TestApp) {
    let id = employer(&app).await;
    let coordinator = app.user(Role::Coordinator).await;
    let form = app
        .get(&format!("/employers/{id}/tasks/new"), Some(&coordinator))
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("Nostaminen ja kantaminen"),
        "catalogue labels"
    );
    assert!(has(&form.body, "legend"), "grouped fields have legends");
    let base = vec![
        ("title", "Varaston keräily"),
        ("description", "Tilausten keräily"),
        ("hours_per_week", "20"),
        ("days_per_week", "4"),
        ("schedule", "daytime"),
        ("municipality", "Lahti"),
        ("learnable_on_job", "1"),
        ("value", "4"),
        ("essential", SKILL),
        ("lang_code", "fi"),
        ("demand_lifting", "3"),
        ("demand_vision", "0"),
        ("demand_pace", ""),
        ("version", "1"),
        ("lang_level", "A2"),
    ];
    let mut bad = base.clone();
    bad[2] = ("hours_per_week", "60");
    let res = app
        .post_form(
            &format!("/employers/{id}/tasks/new"),
            Some(&coordinator),
            &bad,
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&res.body, "#hours_per_week-error"));
    assert!(has_value(&res.body, "Varaston keräily"));
    let res = app
        .post_form(
            &format!("/employers/{id}/tasks/new"),
            Some(&coordinator),
            &base,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    app.confirms(&res, &coordinator, "Tehtävä lisätty.").await;
    let tasks = app.service().tasks(&system(), id).await.expect("tasks");
    assert_eq!(tasks.len(), 1);
    let t = &tasks[0];
    let mut want = DemandProfile::default();
    want.demands
        .insert(Dimension::Lifting, Level::new(3).expect("level"));
    want.demands
        .insert(Dimension::Vision, Level::new(0).expect("level"));
    assert_eq!(t.demands, want);
    assert_eq!((t.hours_per_week, t.days_per_week, t.value), (20, 4, 4));
    assert!(t.learnable_on_job);
    assert_eq!(t.skills_essential[0].as_str(), SKILL);
    assert_eq!(t.municipality.as_str(), "398");
    let list = app
        .get(&format!("/employers/{id}/tasks"), Some(&coordinator))
        .await;
    assert!(list.body.contains("Nostaminen ja kantaminen 3"));

    let edit_path = format!("/employers/{id}/tasks/{}/edit", t.id);
    let form = app.get(&edit_path, Some(&coordinator)).await;
    assert!(has(&form.body, "option[value=\"3\"][selected]"));
    let mut changed = base.clone();
    changed[10] = ("demand_lifting", "1");
    let res = app
        .post_form(&edit_path, Some(&coordinator), &changed)
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let stale = app
        .post_form(&edit_path, Some(&coordinator), &changed)
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "version 1 is stale now");
    assert!(stale.body.contains("Joku muu muutti tietoja välillä"));
    assert!((field_value(&stale.body, "version").as_deref() == Some("2")));
    assert!(
        has_text(
            &stale.body,
            "td",
            "Nostaminen ja kantaminen 1, Tarkka näkeminen 0"
        ),
        "stored demands shown next to the user's: {}",
        stale.body
    );
    let t = &app.service().tasks(&system(), id).await.expect("tasks")[0];
    assert_eq!(t.demands.get(Dimension::Lifting).get(), 1);
    assert_eq!(t.version, 2);
}

/// An employer of the app's project with one undemanding task (fits the fixture participant).
async fn employer_with_task(app: &TestApp) -> (EmployerId, polku_domain::TaskId) {
    let id = employer(app).await;
    let mut task = app.world.task(id, "Toimistosiivous");
    task.demands = DemandProfile::default();
    let task_id = task.id;
    app.service().add_task(&system(), task).await.expect("task");
    (id, task_id)
}

async fn an_opening_is_made_of_inventory_tasks(app: TestApp) {
    let (id, task) = employer_with_task(&app).await;
    let coordinator = app.user(Role::Coordinator).await;
    let form = app
        .get(&format!("/employers/{id}/openings/new"), Some(&coordinator))
        .await;
    assert!(has(&form.body, "input[type=checkbox][name=tasks]"));
    assert!(form.body.contains("Toimistosiivous"));
    let task_s = task.to_string();
    let trial_with_wage = [
        ("title", "Siivouksen työkokeilu"),
        ("kind", "work_trial"),
        ("tasks", task_s.as_str()),
        ("municipality", "398"),
        ("capacity", "2"),
        ("monthly_wage_eur", "1800"),
    ];
    let res = app
        .post_form(
            &format!("/employers/{id}/openings/new"),
            Some(&coordinator),
            &trial_with_wage,
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&res.body, "#monthly_wage_eur-error"));
    assert!(res.body.contains("checked"), "chosen task kept");
    let mut ok = trial_with_wage;
    ok[5] = ("monthly_wage_eur", "");
    let res = app
        .post_form(
            &format!("/employers/{id}/openings/new"),
            Some(&coordinator),
            &ok,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let openings = app
        .service()
        .openings(&system(), id)
        .await
        .expect("openings");
    assert_eq!(openings.len(), 1);
    assert_eq!(openings[0].tasks, vec![task]);
    assert_eq!(openings[0].capacity, 2);
    let list = app
        .get(&format!("/employers/{id}/openings"), Some(&coordinator))
        .await;
    assert!(list.body.contains("Siivouksen työkokeilu"));
    assert!(list.body.contains("Työkokeilu"));
    let register = app.get("/employers", Some(&coordinator)).await;
    assert!(has_text(&register.body, "td", "1"), "one open opening");
    // A task of another employer cannot be slipped in.
    let other = app
        .service()
        .create_employer(
            &system(),
            polku_domain::Employer {
                id: EmployerId::new(),
                business_id: polku_domain::BusinessId::parse("0112038-9").expect("valid"),
                ..app.world.employer()
            },
        )
        .await
        .expect("employer");
    let res = app
        .post_form(
            &format!("/employers/{other}/openings/new"),
            Some(&coordinator),
            &ok,
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&res.body, "#tasks-error"));
}

async fn a_contact_with_needs_is_recorded_and_raises_the_cooperation_depth(app: TestApp) {
    let id = employer(&app).await;
    let coordinator = app.user(Role::Coordinator).await;
    let path = format!("/employers/{id}/interactions");
    let res = app
        .post_form(
            &path,
            Some(&coordinator),
            &[
                ("kind", "visit"),
                ("date", "2026-11-20"),
                ("summary", ""),
                ("cooperation", "deeper"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&res.body, "#summary-error"));
    let res = app
        .post_form(
            &path,
            Some(&coordinator),
            &[
                ("kind", "visit"),
                ("date", "2026-11-20"),
                ("summary", "Kävimme läpi kevään rekrytoinnit"),
                ("need_1", "Keittiöapulainen aamuvuoroon"),
                ("need_1_hidden", "1"),
                ("need_2", "Kesätyöntekijä varastoon"),
                ("need_3", ""),
                ("cooperation", "deeper"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = app.get(&path, Some(&coordinator)).await;
    assert!(page.body.contains("Kävimme läpi kevään rekrytoinnit"));
    assert!(page.body.contains("20.11.2026"));
    assert!(page.body.contains("Keittiöapulainen aamuvuoroon"));
    assert!(page.body.contains("Syvempi yhteistyö"));
    let rel = app
        .service()
        .employer_relations(&system(), id)
        .await
        .expect("relations");
    assert_eq!(rel.interactions.len(), 1);
    assert_eq!(rel.needs.len(), 2, "the empty need row is skipped");
    assert_eq!(rel.needs.iter().filter(|n| n.hidden).count(), 1);
    let e = app
        .service()
        .employer(&system(), id)
        .await
        .expect("employer");
    assert_eq!(e.cooperation, CooperationDepth::Deeper);
    assert_eq!(e.version, 2);
    // A coach of the project reads the history but gets no form.
    let coach = app.user(Role::Coach).await;
    let page = app.get(&path, Some(&coach)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Keittiöapulainen aamuvuoroon"));
    assert!(!has(&page.body, "[name=summary]"));
}

async fn candidates_for_an_opening_are_pseudonymous(app: TestApp) {
    let (id, task) = employer_with_task(&app).await;
    let opening = polku_domain::Opening {
        id: polku_domain::OpeningId::new(),
        employer_id: id,
        kind: polku_domain::OpeningKind::Job,
        title: "Siivooja".into(),
        tasks: vec![task],
        municipality: polku_domain::MunicipalityCode::parse("398").expect("Lahti"),
        capacity: 1,
        monthly_wage_eur: Some(1200),
        starts_on: None,
        ends_on: None,
        version: 1,
    };
    let oid = opening.id;
    app.service()
        .add_opening(&system(), opening)
        .await
        .expect("opening");
    let coach_actor = app.world.user(app.service(), Role::Coach).await;
    for _ in 0..3 {
        app.service()
            .create_participant(
                &coach_actor,
                app.world.new_participant(),
                "service_delivery",
            )
            .await
            .expect("participant");
    }
    let coordinator = app.user(Role::Coordinator).await;
    let res = app
        .get(
            &format!("/employers/{id}/openings/{oid}/candidates"),
            Some(&coordinator),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    for n in 1..=3 {
        assert!(res.body.contains(&format!("Ehdokas {n}")), "{}", res.body);
    }
    for secret in [
        "Aino",
        "Virtanen",
        "aino@example.fi",
        polku_store_tests::fixtures::CANARY,
    ] {
        assert!(!res.body.contains(secret), "{secret} leaked");
    }
    assert!(
        res.body.contains("Työtunnit sopivat"),
        "fits in plain words"
    );
    // Scores with a decimal comma in Finnish ("0,84"), never a decimal point.
    let scores = select_texts(&res.body, ".score");
    assert!(scores.iter().any(|s| s.starts_with("0,")), "{scores:?}");
    assert!(!scores.iter().any(|s| s.contains('.')), "{scores:?}");
    // Another project's coordinator: not found.
    let other_world = World::new(app.service()).await;
    let stranger = user_in(&app, &other_world, Role::Coordinator).await;
    let res = app
        .get(
            &format!("/employers/{id}/openings/{oid}/candidates"),
            Some(&stranger),
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    // The participants' own coach has full access and sees whom the ranks are about.
    let own_coach = app.user(Role::Coach).await;
    let mut p = app.world.new_participant();
    p.personal.given_name = "Oma".into();
    p.personal.family_name = "Asiakas".into();
    app.service()
        .create_participant(&own_coach.actor, p, "service_delivery")
        .await
        .expect("participant");
    let res = app
        .get(
            &format!("/employers/{id}/openings/{oid}/candidates"),
            Some(&own_coach),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("Oma Asiakas"), "own participant named");
    assert!(
        !res.body.contains("Aino"),
        "other coaches' participants stay pseudonymous"
    );
    let res = app
        .get(
            &format!("/employers/{id}/openings/{oid}/candidates"),
            Some(&coordinator),
        )
        .await;
    assert!(
        !res.body.contains("Asiakas"),
        "the coordinator still sees no names"
    );
}

async fn contact_persons_are_added_listed_and_removed(app: TestApp) {
    let id = employer(&app).await;
    let coordinator = app.user(Role::Coordinator).await;
    let path = format!("/employers/{id}/contacts");
    let res = app
        .post_form(
            &path,
            Some(&coordinator),
            &[
                ("contact_name", "Maija Meikäläinen"),
                ("contact_title", "Henkilöstöpäällikkö"),
                ("contact_email", "maija@"),
                ("contact_phone", "+358 40 765 4321"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&res.body, "#contact_email-error"));
    assert!(has_value(&res.body, "Maija Meikäläinen"), "values kept");
    let res = app
        .post_form(
            &path,
            Some(&coordinator),
            &[
                ("contact_name", "Maija Meikäläinen"),
                ("contact_title", "Henkilöstöpäällikkö"),
                ("contact_email", "maija@example.fi"),
                ("contact_phone", "+358 40 765 4321"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = app
        .get(&format!("/employers/{id}"), Some(&coordinator))
        .await;
    assert!(page.body.contains("Maija Meikäläinen"));
    assert!(page.body.contains("mailto:maija@example.fi"));
    let coach = app.user(Role::Coach).await;
    let page = app.get(&format!("/employers/{id}"), Some(&coach)).await;
    assert!(
        page.body.contains("Maija Meikäläinen"),
        "coaches of the project read"
    );
    assert!(!has(&page.body, "[name=contact_name]"), "but get no form");
    let contact = app
        .service()
        .contacts(&system(), id)
        .await
        .expect("contacts")[0]
        .id;
    let res = app
        .post_form(
            &format!("/employers/{id}/contacts/{contact}/delete"),
            Some(&coach),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let other_world = World::new(app.service()).await;
    let stranger = user_in(&app, &other_world, Role::Coordinator).await;
    let res = app
        .post_form(
            &format!("/employers/{id}/contacts/{contact}/delete"),
            Some(&stranger),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let res = app
        .post_form(
            &format!("/employers/{id}/contacts/{contact}/delete"),
            Some(&coordinator),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(app
        .service()
        .contacts(&system(), id)
        .await
        .expect("contacts")
        .is_empty());
}

/// A confirmation is shown only for a key on the allow-list, in the page's language, and never
/// echoes the URL: an unknown or forged `saved=` shows nothing.
async fn only_allow_listed_confirmations_are_shown(app: TestApp) {
    let coordinator = app.user(Role::Coordinator).await;
    let ok = app.get("/employers?saved=task", Some(&coordinator)).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(
        select_texts(&ok.body, "[role=status].notice-success"),
        vec!["Tehtävä lisätty.".to_owned()]
    );
    for forged in [
        "/employers?saved=nonsense",
        "/employers?saved=%3Cb%3Ehei%3C%2Fb%3E",
        "/employers?saved=",
        "/employers?saved=notice-saved",
        "/employers?saved=Saved",
    ] {
        let res = app.get(forged, Some(&coordinator)).await;
        assert_eq!(res.status, StatusCode::OK, "{forged}");
        assert!(!has(&res.body, ".notice-success"), "{forged}");
        assert!(!res.body.contains("hei"), "{forged} echoed");
    }
    // A form refused after a POST never confirms, whatever URL it was posted to.
    let refused = app
        .post_form(
            "/employers/new?saved=employer",
            Some(&coordinator),
            &[("project", &app.world.project.id.to_string())],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!has(&refused.body, ".notice-success"));
}

/// Each test runs on SQLite, and on PostgreSQL when `POLKU_TEST_POSTGRES_URL` is set.
macro_rules! on_both {
    ($($name:ident),+ $(,)?) => {
        mod sqlite { $( #[test] fn $name() { crate::harness::sqlite(super::$name) } )+ }
        mod postgres { $( #[test] fn $name() { crate::harness::on(polku_store_tests::Backend::Postgres, super::$name) } )+ }
    };
}

on_both!(
    a_bad_business_id_is_shown_next_to_the_field_with_the_values_kept,
    another_projects_coordinator_gets_not_found_and_a_coach_cannot_edit,
    a_stale_version_shows_the_stored_values_next_to_the_users,
    a_task_with_demands_round_trips_and_can_be_edited,
    an_opening_is_made_of_inventory_tasks,
    a_contact_with_needs_is_recorded_and_raises_the_cooperation_depth,
    candidates_for_an_opening_are_pseudonymous,
    contact_persons_are_added_listed_and_removed,
    only_allow_listed_confirmations_are_shown
);

/// Structural accessibility checks of a page: one h1, a title, labelled fields, captions,
/// error-summary links that lead somewhere, and header cells with a scope.
pub fn assert_accessible(path: &str, body: &str) {
    assert_eq!(count(body, "h1"), 1, "{path}: exactly one h1");
    let title = select_text(body, "title").unwrap_or_default();
    assert!(!title.starts_with('–'), "{path}: empty title {title:?}");
    let fields = "input:not([type=hidden]):not([type=submit]), select, textarea";
    assert_eq!(
        count(body, fields),
        select_attrs(body, fields, "id").len(),
        "{path}: a field without id"
    );
    for id in select_attrs(body, fields, "id") {
        assert!(
            has(body, &format!("label[for=\"{id}\"]")),
            "{path}: field {id} has no label"
        );
    }
    assert_eq!(
        count(body, "table"),
        count(body, "table > caption"),
        "{path}: every table has a caption"
    );
    for href in select_attrs(body, ".error-summary a[href^=\"#\"]", "href") {
        let target = &href[1..];
        assert!(
            has(body, &format!("[id=\"{target}\"]")),
            "{path}: the error summary links to a missing #{target}"
        );
    }
    assert_eq!(
        count(body, "th"),
        count(body, "th[scope]"),
        "{path}: a header cell without scope"
    );
}

#[test]
fn every_page_of_the_area_is_structurally_accessible() {
    crate::harness::sqlite(|app| async move {
        let (id, task) = employer_with_task(&app).await;
        let coordinator = app.user(Role::Coordinator).await;
        let task_s = task.to_string();
        let res = app
            .post_form(
                &format!("/employers/{id}/openings/new"),
                Some(&coordinator),
                &[
                    ("title", "Siivooja"),
                    ("kind", "job"),
                    ("tasks", &task_s),
                    ("municipality", "398"),
                    ("capacity", "1"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let opening = app
            .service()
            .openings(&system(), id)
            .await
            .expect("openings")[0]
            .id;
        let manager = app.user(Role::Manager).await;
        let admin = app.user(Role::Admin).await;
        let pages = [
            ("/employers".to_owned(), &coordinator),
            ("/employers/new".to_owned(), &coordinator),
            (format!("/employers/{id}"), &coordinator),
            (format!("/employers/{id}/edit"), &coordinator),
            (format!("/employers/{id}/tasks"), &coordinator),
            (format!("/employers/{id}/tasks/new"), &coordinator),
            (format!("/employers/{id}/tasks/{task}/edit"), &coordinator),
            (format!("/employers/{id}/openings"), &coordinator),
            (format!("/employers/{id}/openings/new"), &coordinator),
            (
                format!("/employers/{id}/openings/{opening}/candidates"),
                &coordinator,
            ),
            (format!("/employers/{id}/interactions"), &coordinator),
            ("/reports".to_owned(), &manager),
            ("/admin".to_owned(), &admin),
        ];
        for (path, user) in pages {
            let res = app.get(&path, Some(user)).await;
            assert_eq!(res.status, StatusCode::OK, "{path}");
            assert_accessible(&path, &res.body);
        }
        // Forms shown again with errors too.
        let res = app
            .post_form(
                &format!("/employers/{id}/tasks/new"),
                Some(&coordinator),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_accessible("task form with errors", &res.body);
        let res = app
            .post_form(
                &format!("/employers/{id}/openings/new"),
                Some(&coordinator),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_accessible("opening form with errors", &res.body);
        let res = app
            .post_form(
                &format!("/employers/{id}/interactions"),
                Some(&coordinator),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_accessible("contact form with errors", &res.body);
        let res = app
            .post_form(
                "/employers/new",
                Some(&coordinator),
                &[("project", &app.world.project.id.to_string())],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_accessible("employer form with errors", &res.body);
        let res = app.post_form("/admin/users", Some(&admin), &[]).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_accessible("admin form with errors", &res.body);
    });
}
