//! Sharing trial places (`/allocation`, `POST /api/v1/projects/{id}/allocation`): the optimal
//! assignment from stored data, checked against a brute force over every assignment; who may
//! see it and how much; and accepting only the assignment that was shown.

use crate::harness::{count, has, on, select_attrs, TestApp, User};
use axum::http::{Method, StatusCode};
use polku_domain::{
    EscoUri, MunicipalityCode, Opening, OpeningId, OpeningKind, ParticipantId, PathStage, Role,
};
use polku_store_tests::fixtures::system;
use polku_store_tests::Backend;
use serde_json::json;
use std::collections::BTreeMap;
use time::macros::date;
use time::Date;

const SKILL: &str = "http://data.europa.eu/esco/skill/00090cc1-1f27-439e-a4e0-19a87a501bfc";

struct Setup {
    coordinator: User,
    coach: User,
    openings: Vec<(OpeningId, u16)>,
    people: Vec<(ParticipantId, Date)>,
    /// In the project but not looking for a trial (enrolled).
    enrolled: ParticipantId,
    /// A job, not a trial: never offered.
    job: OpeningId,
}

fn opening(
    employer: polku_domain::EmployerId,
    task: polku_domain::TaskId,
    kind: OpeningKind,
    title: &str,
    capacity: u16,
) -> Opening {
    Opening {
        id: OpeningId::new(),
        employer_id: employer,
        kind,
        title: title.into(),
        tasks: vec![task],
        municipality: MunicipalityCode::parse("398").expect("Lahti"),
        capacity,
        monthly_wage_eur: None,
        starts_on: None,
        ends_on: None,
        version: 1,
    }
}

/// Two trial openings (1 and 2 places) and four participants looking for a trial, who differ
/// in skills and waiting time.
async fn setup(app: &TestApp) -> Setup {
    let svc = app.service();
    let coordinator = app.user(Role::Coordinator).await;
    let coach = app.user(Role::Coach).await;
    let e = app.world.employer();
    svc.create_employer(&system(), e.clone())
        .await
        .expect("employer");
    let t1 = app.world.task(e.id, "Toimistosiivous");
    let mut t2 = app.world.task(e.id, "Varastoapulainen");
    t2.skills_optional = std::mem::take(&mut t2.skills_essential);
    t2.hours_per_week = 20;
    t2.days_per_week = 4;
    t2.value = 2;
    svc.add_task(&system(), t1.clone()).await.expect("task");
    svc.add_task(&system(), t2.clone()).await.expect("task");
    let a = opening(
        e.id,
        t1.id,
        OpeningKind::WorkTrial,
        "Siivoojan työkokeilu",
        1,
    );
    let b = opening(
        e.id,
        t2.id,
        OpeningKind::WorkTrial,
        "Varaston työkokeilu",
        2,
    );
    let job = opening(e.id, t1.id, OpeningKind::Job, "Siivooja", 3);
    for o in [&a, &b, &job] {
        svc.add_opening(&system(), o.clone())
            .await
            .expect("opening");
    }
    let mut people = Vec::new();
    for (skilled, waiting) in [
        (true, date!(2026 - 01 - 01)),
        (false, date!(2025 - 03 - 01)),
        (true, date!(2026 - 10 - 01)),
        (false, date!(2026 - 06 - 01)),
    ] {
        let mut n = app.world.new_participant();
        n.stage = PathStage::Coaching;
        n.waiting_since = waiting;
        if !skilled {
            n.personal.skills.clear();
        } else {
            n.personal.skills[0].skill = EscoUri::parse(SKILL).expect("uri");
        }
        let id = svc
            .create_participant(&coach.actor, n, "service_delivery")
            .await
            .expect("participant");
        people.push((id, waiting));
    }
    let enrolled = svc
        .create_participant(
            &coach.actor,
            app.world.new_participant(),
            "service_delivery",
        )
        .await
        .expect("participant");
    Setup {
        coordinator,
        coach,
        openings: vec![(a.id, 1), (b.id, 2)],
        people,
        enrolled,
        job: job.id,
    }
}

fn body(s: &Setup) -> serde_json::Value {
    json!({
        "openings": s.openings.iter().map(|(o, _)| o.to_string()).collect::<Vec<_>>(),
        "participants": s.people.iter().map(|(p, _)| p.to_string()).collect::<Vec<_>>(),
    })
}

fn query(app: &TestApp, s: &Setup) -> String {
    let mut q = format!("project={}", app.world.project.id);
    for (o, _) in &s.openings {
        q.push_str(&format!("&opening={o}"));
    }
    for (p, _) in &s.people {
        q.push_str(&format!("&participant={p}"));
    }
    q
}

/// The best Σ (score + fairness bonus) in millionths over every assignment (each person in at
/// most one opening, each opening within its places), by trying them all.
fn brute_force(weights: &[BTreeMap<usize, i64>], caps: &mut [u16], p: usize) -> i64 {
    if p == weights.len() {
        return 0;
    }
    let mut best = brute_force(weights, caps, p + 1);
    for (&o, &w) in &weights[p] {
        if caps[o] > 0 {
            caps[o] -= 1;
            best = best.max(w + brute_force(weights, caps, p + 1));
            caps[o] += 1;
        }
    }
    best
}

/// Each person's weight for each chosen opening that fits, from the coach's suggestions (the
/// same engine, one person at a time) and the documented fairness bonus.
async fn weights(app: &TestApp, s: &Setup) -> Vec<BTreeMap<usize, i64>> {
    let today = polku_web::html::format::today();
    let mut out = Vec::new();
    for (id, waiting) in &s.people {
        let m = app
            .service()
            .match_participant(&s.coach.actor, *id, 100, false, today)
            .await
            .expect("suggestions");
        let days = (today - *waiting).whole_days().clamp(0, 365) as f64;
        let bonus = (0.2 * 1e6 * days / 365.0).round() as i64;
        let mut w = BTreeMap::new();
        for r in &m.results {
            if let Some(o) = s
                .openings
                .iter()
                .position(|(o, _)| o.to_string() == r.opening)
            {
                w.insert(o, (r.score * 1e6).round() as i64 + bonus);
            }
        }
        out.push(w);
    }
    out
}

async fn optimal_story(app: TestApp) {
    let s = setup(&app).await;
    let path = format!("/api/v1/projects/{}/allocation", app.world.project.id);
    let res = app
        .api(
            Method::POST,
            &path,
            Some(&s.coordinator),
            Some(body(&s)),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let v = res.json();
    assert_eq!(v["detail"], "per_person");
    let w = weights(&app, &s).await;
    let mut caps: Vec<u16> = s.openings.iter().map(|(_, c)| *c).collect();
    let best = brute_force(&w, &mut caps, 0);
    assert_eq!(v["total_micro"].as_i64(), Some(best), "{v:#}");
    // The answer is an assignment: within places, each person once, only pairs that fit, and
    // its pairs add up to the total.
    let mut sum = 0;
    let mut seen = Vec::new();
    for (i, o) in v["openings"]
        .as_array()
        .expect("openings")
        .iter()
        .enumerate()
    {
        let placed = o["placed"].as_array().expect("placed");
        assert!(placed.len() <= usize::from(s.openings[i].1), "{o:#}");
        assert_eq!(o["id"], s.openings[i].0.to_string());
        for p in placed {
            let who = s
                .people
                .iter()
                .position(|(id, _)| id.to_string() == p["participant"].as_str().expect("id"))
                .expect("a chosen person");
            assert!(!seen.contains(&who), "placed twice");
            seen.push(who);
            sum += w[who][&i];
            assert!(p["explanation"]["parts"]
                .as_array()
                .is_some_and(|a| !a.is_empty()));
            assert!(p["name"].is_null(), "no share: no name");
        }
    }
    assert_eq!(sum, best);
    assert_eq!(v["placed"].as_u64(), Some(seen.len() as u64));
    assert!(seen.len() >= 2, "the example must place people: {v:#}");
    assert!(v["greedy"]["total_micro"].as_i64().expect("greedy") <= best);
    assert_eq!(
        v["unplaced"].as_array().expect("unplaced").len() + seen.len(),
        s.people.len()
    );
    assert!(!res.body.contains("Virtanen") && !res.body.contains("Aino"));

    // The form offers the trial openings (not the job) and the people looking for a trial.
    let form = app
        .get(
            &format!("/allocation?project={}", app.world.project.id),
            Some(&s.coordinator),
        )
        .await;
    assert_eq!(form.status, StatusCode::OK);
    let offered = select_attrs(&form.body, "input[name=opening]", "value");
    assert_eq!(offered.len(), 2, "{offered:?}");
    assert!(!offered.contains(&s.job.to_string()));
    let people = select_attrs(&form.body, "input[name=participant]", "value");
    assert_eq!(people.len(), 4);
    assert!(!people.contains(&s.enrolled.to_string()));
    assert_eq!(count(&form.body, "input[type=checkbox][checked]"), 6);
    assert!(!form.body.contains("Virtanen"));

    // The page shows the same assignment, with each placed person's explanation.
    let page = app
        .get(
            &format!("/allocation/result?{}", query(&app, &s)),
            Some(&s.coordinator),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(count(&page.body, "details.explanation"), seen.len());
    assert!(has(&page.body, "input[name=fingerprint]"));
    assert_eq!(
        crate::harness::field_value(&page.body, "fingerprint"),
        v["fingerprint"].as_str().map(str::to_owned)
    );
    assert!(!page.body.contains("Virtanen"));
}

#[test]
fn a_coordinator_gets_the_optimal_assignment_on_sqlite() {
    on(Backend::Sqlite, optimal_story);
}

#[test]
fn a_coordinator_gets_the_optimal_assignment_on_postgres() {
    on(Backend::Postgres, optimal_story);
}

async fn roles_story(app: TestApp) {
    let s = setup(&app).await;
    let manager = app.user(Role::Manager).await;
    let path = format!("/api/v1/projects/{}/allocation", app.world.project.id);
    // A manager: pseudonyms and aggregates only.
    let res = app
        .api(Method::POST, &path, Some(&manager), Some(body(&s)), &[])
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let v = res.json();
    assert_eq!(v["detail"], "aggregate");
    for o in v["openings"].as_array().expect("openings") {
        for p in o["placed"].as_array().expect("placed") {
            assert!(p["explanation"].is_null());
            assert!(p["name"].is_null());
        }
    }
    for u in v["unplaced"].as_array().expect("unplaced") {
        assert_eq!(u["limits"], json!([]));
    }
    let page = app
        .get(
            &format!("/allocation/result?{}", query(&app, &s)),
            Some(&manager),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for name in ["Aino", "Virtanen", "aino@example.fi"] {
        assert!(!page.body.contains(name), "a manager sees {name}");
    }
    assert_eq!(count(&page.body, "details"), 0);
    // Fewer than five placed: no averages either (one table per opening, none more).
    assert_eq!(count(&page.body, "table"), 2);
    assert!(v["placed"].as_u64().is_some_and(|n| n < 5));
    assert!(page.body.contains("Osallistuja 1") || page.body.contains("Osallistuja 2"));
    // A coach and an employer: refused by the route policy, page and API alike.
    let employer = app.user(Role::Employer).await;
    for u in [&s.coach, &employer] {
        assert_eq!(
            app.get("/allocation", Some(u)).await.status,
            StatusCode::FORBIDDEN
        );
        let r = app
            .api(Method::POST, &path, Some(u), Some(body(&s)), &[])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    }
    // A coordinator of another project: not found.
    let other = polku_store_tests::fixtures::World::new(app.service()).await;
    let stranger = crate::employers::user_in(&app, &other, Role::Coordinator).await;
    let r = app
        .api(Method::POST, &path, Some(&stranger), Some(body(&s)), &[])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    // A participant not looking for a trial cannot be chosen.
    let mut bad = body(&s);
    bad["participants"][0] = json!(s.enrolled.to_string());
    let r = app
        .api(Method::POST, &path, Some(&s.coordinator), Some(bad), &[])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.json()["error"]["fields"]["participants"].is_string(),
        "{}",
        r.body
    );
}

#[test]
fn managers_see_no_names_and_others_are_refused_on_sqlite() {
    on(Backend::Sqlite, roles_story);
}

#[test]
fn managers_see_no_names_and_others_are_refused_on_postgres() {
    on(Backend::Postgres, roles_story);
}

async fn accept_story(app: TestApp) {
    let s = setup(&app).await;
    let page = app
        .get(
            &format!("/allocation/result?{}", query(&app, &s)),
            Some(&s.coordinator),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let shown = crate::harness::field_value(&page.body, "fingerprint").expect("fingerprint");
    let mut fields: Vec<(String, String)> =
        vec![("project".into(), app.world.project.id.to_string())];
    fields.extend(
        s.openings
            .iter()
            .map(|(o, _)| ("opening".into(), o.to_string())),
    );
    fields.extend(
        s.people
            .iter()
            .map(|(p, _)| ("participant".into(), p.to_string())),
    );
    let with = |fp: &str| {
        let mut f = fields.clone();
        f.push(("fingerprint".into(), fp.to_owned()));
        f
    };
    let as_refs = |f: &[(String, String)]| -> Vec<(String, String)> { f.to_vec() };
    let decisions = |rows: &[polku_service::audit::AuditRow]| {
        rows.iter()
            .filter(|r| r.action == "accept" || r.action == "accept_allocation")
            .count()
    };
    let head = app
        .db
        .store
        .audit_head()
        .await
        .expect("head")
        .map_or(0, |(seq, _)| seq);
    // A stale (or forged) fingerprint: refused with the assignment computed now, nothing
    // recorded.
    let stale = with(&"0".repeat(64));
    let stale = as_refs(&stale);
    let pairs: Vec<(&str, &str)> = stale
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let res = app
        .post_form("/allocation/accept", Some(&s.coordinator), &pairs)
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
    assert!(has(&res.body, ".error-summary[role=alert]"));
    assert_eq!(
        crate::harness::field_value(&res.body, "fingerprint").as_deref(),
        Some(shown.as_str()),
        "the page offers the assignment computed now"
    );
    let rows = app.db.store.audit_page(head, 1000).await.expect("audit");
    assert_eq!(
        decisions(&rows),
        0,
        "a refused acceptance recorded a decision"
    );
    // A manager sees the assignment but cannot accept it.
    let manager = app.user(Role::Manager).await;
    let ok = with(&shown);
    let pairs: Vec<(&str, &str)> = ok.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app
        .post_form("/allocation/accept", Some(&manager), &pairs)
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND, "{}", res.body);
    let rows = app.db.store.audit_page(head, 1000).await.expect("audit");
    assert_eq!(
        decisions(&rows),
        0,
        "a manager's acceptance recorded a decision"
    );
    // The assignment shown: the decision recorded, and one proposal prepared per placed person
    // for the coach to confirm, each linked.
    let res = app
        .post_form("/allocation/accept", Some(&s.coordinator), &pairs)
        .await;
    let done = app
        .confirms(&res, &s.coordinator, "Jako hyväksytty ja kirjattu.")
        .await;
    let rows = app.db.store.audit_page(head, 1000).await.expect("audit");
    assert_eq!(decisions(&rows), 1);
    let placed = count(&page.body, "details.explanation");
    let proposals = app
        .service()
        .open_proposals(&s.coordinator.actor, app.world.project.id)
        .await
        .expect("proposals");
    assert_eq!(proposals.len(), placed);
    for p in &proposals {
        assert_eq!(p.placement.state, polku_domain::PlacementState::Prepared);
        assert_eq!(p.placement.kind, OpeningKind::WorkTrial);
        assert!(s
            .people
            .iter()
            .any(|(id, _)| *id == p.placement.participant_id));
        let href = format!("/api/v1/placements/{}", p.placement.id);
        assert!(has(&done.body, &format!("a[href=\"{href}\"]")), "{href}");
    }
    // The places are taken and the people proposed: they are not offered again.
    let form = app
        .get(
            &format!("/allocation?project={}", app.world.project.id),
            Some(&s.coordinator),
        )
        .await;
    let people = select_attrs(&form.body, "input[name=participant]", "value");
    assert_eq!(people.len(), s.people.len() - placed);
    let free: usize = 3 - placed;
    assert_eq!(
        !select_attrs(&form.body, "input[name=opening]", "value").is_empty(),
        free > 0
    );
}

#[test]
fn accepting_a_changed_assignment_is_refused_on_sqlite() {
    on(Backend::Sqlite, accept_story);
}

#[test]
fn accepting_a_changed_assignment_is_refused_on_postgres() {
    on(Backend::Postgres, accept_story);
}
