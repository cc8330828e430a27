//! Workplace mentoring on the pages and the API: a mentor sees only their own placements and
//! only what the participant consented to sharing with mentors (withdrawing the consent hides
//! it on the next request), another mentor gets 404, check-in minutes outside 1–600 are a field
//! error, and task feedback offers the coach evidence that changes the profile only when
//! accepted.

use crate::harness::{placement_world, sqlite, PlacementWorld, TestApp, User};
use axum::http::{Method, StatusCode};
use polku_domain::{
    ConsentMethod, ConsentPurpose, DataCategory, EmployerAnswer, EscoUri, PlacementState,
    RecipientClass, Role,
};
use serde_json::json;

const SKILL: &str = "http://data.europa.eu/esco/skill/0a1b2c3d-0000-4000-8000-0000000000aa";

pub(crate) struct Mentored {
    pub(crate) w: PlacementWorld,
    pub(crate) mentor: User,
    pub(crate) other_mentor: User,
    pub(crate) placement: String,
    pub(crate) task: String,
}

/// An active work trial of the placement world's participant, who consented to sharing
/// contact details (only) with mentors; `mentor` assigned through the API.
pub(crate) async fn mentored(app: &TestApp) -> Mentored {
    let w = placement_world(app).await;
    let svc = app.service();
    let mentor = app.user(Role::Mentor).await;
    let other_mentor = app.user(Role::Mentor).await;
    let mut task = app.world.task(w.employer, "Hyllytys");
    task.skills_essential = vec![EscoUri::parse(SKILL).expect("uri")];
    svc.add_task(&w.coordinator.actor, task.clone())
        .await
        .expect("task");
    svc.give_consent(
        &w.coach.actor,
        w.participant,
        polku_service::consents::NewConsent {
            recipient: RecipientClass::Mentor,
            purpose: ConsentPurpose::Placement,
            categories: vec![DataCategory::Contact],
            method: ConsentMethod::Written,
            shown: Default::default(),
        },
        "service_delivery",
    )
    .await
    .expect("consent");
    let today = polku_service::today();
    let start = today - time::Duration::days(10);
    let p = svc
        .propose_placement(
            &w.coach.actor,
            polku_service::placements::NewPlacement {
                participant: w.participant,
                employer: w.employer,
                opening: None,
                kind: polku_domain::OpeningKind::WorkTrial,
                pay_subsidy: false,
                tasks: vec![task.id],
                starts_on: start,
                ends_on: Some(today + time::Duration::days(20)),
                hours_per_day: 6,
                days_per_week: 4,
                mentor: None,
                categories: None,
                gig: None,
            },
        )
        .await
        .expect("proposal");
    svc.answer_proposal(&w.coach.actor, p.id, EmployerAnswer::Yes, None, 1)
        .await
        .expect("yes");
    crate::agreements::accept_all_on_paper(app, &w.coach, p.id).await;
    svc.move_placement(&w.coach.actor, p.id, PlacementState::Active, None, start, 2)
        .await
        .expect("active");
    // The coach assigns the mentor through the API, with If-Match.
    let path = format!("/api/v1/placements/{}/mentor", p.id);
    let body = json!({ "mentor": mentor.actor.user_id().expect("id").to_string() });
    let res = app
        .api(
            Method::POST,
            &path,
            Some(&w.coach),
            Some(body.clone()),
            &[("if-match", "\"2\"")],
        )
        .await;
    assert_eq!(res.status, StatusCode::PRECONDITION_FAILED, "{}", res.body);
    let res = app
        .api(
            Method::POST,
            &path,
            Some(&w.coach),
            Some(body),
            &[("if-match", "\"3\"")],
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.header("etag"), "\"4\"");
    Mentored {
        w,
        mentor,
        other_mentor,
        placement: p.id.to_string(),
        task: task.id.to_string(),
    }
}

#[test]
fn a_mentor_sees_only_their_trialists_and_what_is_shared_with_mentors() {
    sqlite(|app| async move {
        let m = mentored(&app).await;
        // The list, page and API: the placement and the contact details, nothing else.
        let page = app.get("/mentoring", Some(&m.mentor)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&m.placement), "{}", page.body);
        assert!(page.body.contains("Aino Virtanen"));
        assert!(page.body.contains("aino@example.fi"));
        let api = app
            .api(
                Method::GET,
                "/api/v1/mentor/placements",
                Some(&m.mentor),
                None,
                &[],
            )
            .await;
        let items = api.json()["items"].as_array().cloned().expect("items");
        assert_eq!(items.len(), 1);
        let shared = &items[0]["participant"];
        assert_eq!(shared["given_name"], "Aino");
        assert!(shared["skills"].is_null() && shared["functioning"].is_null());
        // The home page lists them too; the nav has the entry.
        let home = app.get("/", Some(&m.mentor)).await;
        assert!(home.body.contains(&format!("/mentoring/{}", m.placement)));
        // Another mentor: nothing listed, 404 on the placement, page and API.
        let other = app.get("/mentoring", Some(&m.other_mentor)).await;
        assert!(!other.body.contains(&m.placement));
        let path = format!("/mentoring/{}", m.placement);
        assert_eq!(
            app.get(&path, Some(&m.other_mentor)).await.status,
            StatusCode::NOT_FOUND
        );
        let checkins = format!("/api/v1/placements/{}/checkins", m.placement);
        assert_eq!(
            app.api(Method::GET, &checkins, Some(&m.other_mentor), None, &[])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let res = app
            .api(
                Method::POST,
                &checkins,
                Some(&m.other_mentor),
                Some(json!({ "on": polku_service::today().to_string(), "minutes": 30 })),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        // The own mentor's page shows the task and the name.
        let mine = app.get(&path, Some(&m.mentor)).await;
        assert_eq!(mine.status, StatusCode::OK);
        assert!(mine.body.contains("Hyllytys") && mine.body.contains("Aino Virtanen"));
        // Withdrawing the consent to mentors hides the participant on the very next request.
        let svc = app.service();
        let consents = svc
            .consents(&m.w.coach.actor, m.w.participant, "service_delivery")
            .await
            .expect("consents");
        let to_mentors = consents
            .iter()
            .find(|c| c.recipient == RecipientClass::Mentor)
            .expect("mentor consent");
        svc.withdraw_consent(
            &m.w.coach.actor,
            m.w.participant,
            to_mentors.id,
            "service_delivery",
        )
        .await
        .expect("withdraw");
        let page = app.get("/mentoring", Some(&m.mentor)).await;
        assert!(page.body.contains(&m.placement));
        assert!(!page.body.contains("Aino") && !page.body.contains("aino@example.fi"));
        let api = app
            .api(
                Method::GET,
                "/api/v1/mentor/placements",
                Some(&m.mentor),
                None,
                &[],
            )
            .await;
        assert!(
            api.json()["items"][0]["participant"].is_null(),
            "{}",
            api.body
        );
        assert!(!app.get(&path, Some(&m.mentor)).await.body.contains("Aino"));
    });
}

#[test]
fn checkin_minutes_outside_1_to_600_are_a_field_error() {
    sqlite(|app| async move {
        let m = mentored(&app).await;
        let today = polku_service::today().to_string();
        let form = format!("/mentoring/{}/checkins", m.placement);
        for minutes in ["0", "601"] {
            let res = app
                .post_form(
                    &form,
                    Some(&m.mentor),
                    &[("on", &today), ("minutes", minutes), ("note", "")],
                )
                .await;
            assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert!(res.body.contains("id=\"minutes-error\""), "{}", res.body);
            assert!(res.body.contains("1–600"));
        }
        let api = format!("/api/v1/placements/{}/checkins", m.placement);
        for minutes in [0, 601] {
            let res = app
                .api(
                    Method::POST,
                    &api,
                    Some(&m.mentor),
                    Some(json!({ "on": today, "minutes": minutes })),
                    &[],
                )
                .await;
            assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
            assert!(
                res.json()["error"]["fields"]["minutes"]
                    .as_str()
                    .is_some_and(|t| t.contains("1–600")),
                "{}",
                res.body
            );
        }
        // Nothing was stored; a valid one is, with a confirmation, and summed per month.
        let list = app.api(Method::GET, &api, Some(&m.mentor), None, &[]).await;
        assert_eq!(list.json()["items"].as_array().map(Vec::len), Some(0));
        let res = app
            .post_form(
                &form,
                Some(&m.mentor),
                &[("on", &today), ("minutes", "90"), ("note", "Perehdytys")],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert!(res.header("location").ends_with("saved=mentor-checkin"));
        let list = app
            .api(Method::GET, &api, Some(&m.w.coach), None, &[])
            .await;
        let json = list.json();
        assert_eq!(json["items"][0]["note"], "Perehdytys");
        assert_eq!(json["months"][0]["minutes"], 90);
        // The coach's page shows the hours per month.
        let page = app
            .get(
                &format!("/participants/{}/mentoring", m.w.participant),
                Some(&m.w.coach),
            )
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("1,5"), "{}", page.body);
        // The skills tab links to it.
        let skills = app
            .get(
                &format!("/participants/{}/skills", m.w.participant),
                Some(&m.w.coach),
            )
            .await;
        assert!(skills
            .body
            .contains(&format!("/participants/{}/mentoring", m.w.participant)));
    });
}

#[test]
fn task_feedback_offers_evidence_that_changes_the_profile_only_when_accepted() {
    sqlite(|app| async move {
        let m = mentored(&app).await;
        let res = app
            .api(
                Method::POST,
                &format!("/api/v1/placements/{}/feedback", m.placement),
                Some(&m.mentor),
                Some(json!({ "task": m.task, "level": "independent", "note": "Sujuu" })),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        assert_eq!(res.json()["evidence_created"], 1);
        let list = format!("/api/v1/participants/{}/evidence", m.w.participant);
        // The mentor may not see or decide it.
        assert_eq!(
            app.api(Method::GET, &list, Some(&m.mentor), None, &[])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let res = app
            .api(Method::GET, &list, Some(&m.w.coach), None, &[])
            .await;
        let item = res.json()["items"][0].clone();
        assert_eq!(item["skill"], SKILL);
        assert_eq!(item["state"], "open");
        let svc = app.service();
        let before = svc
            .get_participant(&m.w.coach.actor, m.w.participant, "service_delivery")
            .await
            .expect("view");
        assert!(!before
            .personal
            .skills
            .iter()
            .any(|c| c.skill.as_str() == SKILL));
        let decide = format!("{list}/{}", item["id"].as_str().expect("id"));
        let res = app
            .api(
                Method::POST,
                &decide,
                Some(&m.w.coach),
                Some(json!({ "decision": "accept" })),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_REQUIRED);
        let res = app
            .api(
                Method::POST,
                &decide,
                Some(&m.w.coach),
                Some(json!({ "decision": "accept" })),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.json()["state"], "accepted");
        let after = svc
            .get_participant(&m.w.coach.actor, m.w.participant, "service_delivery")
            .await
            .expect("view");
        assert_eq!(after.version, before.version + 1);
        let claim = after
            .personal
            .skills
            .iter()
            .find(|c| c.skill.as_str() == SKILL)
            .expect("skill added");
        assert_eq!(claim.evidence, polku_domain::Evidence::WorkTrial);
        // The written feedback: mentor writes it, the coach reads it on the page.
        let res = app
            .post_form(
                &format!("/mentoring/{}/final", m.placement),
                Some(&m.mentor),
                &[
                    ("feedback", "Hyvä työote"),
                    ("next_steps", "Palkkatuki"),
                    ("version", ""),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let page = app
            .get(&format!("/mentoring/{}", m.placement), Some(&m.w.coach))
            .await;
        assert!(page.body.contains("Hyvä työote"));
    });
}
