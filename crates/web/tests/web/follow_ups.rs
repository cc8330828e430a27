//! Follow-ups after hiring (staying in work): the coach's start page lists the overdue ones and
//! those due this week, the record form saves with a confirmation and takes the follow-up off
//! the list, "needs re-crafting" leads to the crafting page with the job's current tasks, a
//! bad number of hours is a field error, and another coach gets 404. The API likewise.

use crate::harness::{
    count, has, placement_world, select_attr, sqlite, version_in, PlacementWorld,
};
use axum::http::{Method, StatusCode};
use polku_domain::{work::add_months, EmployerAnswer, OpeningKind, PlacementState, Role};
use polku_service::follow_ups::week_end;
use polku_service::placements::NewPlacement;
use serde_json::json;
use time::{Date, Duration};

/// A job that started so that today its 1-month follow-up is overdue and its 3-month one is
/// due this week. Returns the start.
async fn started_job(app: &crate::harness::TestApp, w: &PlacementWorld) -> Date {
    let today = polku_service::today();
    let start = (80..120)
        .map(|d| today - Duration::days(d))
        .find(|s| {
            let due = add_months(*s, 3);
            due >= today && due <= week_end(today)
        })
        .expect("a start date");
    let svc = app.service();
    let p = svc
        .propose_placement(
            &w.coach.actor,
            NewPlacement {
                participant: w.participant,
                employer: w.employer,
                opening: None,
                kind: OpeningKind::Job,
                pay_subsidy: true,
                tasks: w.tasks.clone(),
                starts_on: start,
                ends_on: None,
                hours_per_day: 6,
                days_per_week: 5,
                mentor: None,
                categories: None,
                gig: None,
            },
        )
        .await
        .expect("proposal");
    svc.answer_proposal(&w.coach.actor, p.id, EmployerAnswer::Yes, None, 1)
        .await
        .expect("agreed");
    svc.move_placement(&w.coach.actor, p.id, PlacementState::Active, None, start, 2)
        .await
        .expect("active");
    start
}

#[test]
fn home_lists_due_follow_ups_and_recording_one_removes_it() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        started_job(&app, &w).await;
        let home = app.get("/", Some(&w.coach)).await;
        assert_eq!(home.status, StatusCode::OK);
        assert!(has(&home.body, "#follow-ups-title"), "{}", home.body);
        assert_eq!(
            count(&home.body, "#follow-ups-overdue li"),
            1,
            "{}",
            home.body
        );
        assert_eq!(count(&home.body, "#follow-ups-week li"), 1);
        assert!(home.body.contains("päivää myöhässä"), "{}", home.body);
        let href = select_attr(&home.body, "#follow-ups-overdue li a", "href").expect("a link");
        assert!(href.starts_with("/follow-ups/"), "{href}");

        // Another coach: not found, page and form.
        let other = app.user(Role::Coach).await;
        assert_eq!(
            app.get(&href, Some(&other)).await.status,
            StatusCode::NOT_FOUND
        );
        let res = app
            .post_form(
                &href,
                Some(&other),
                &[
                    ("still_working", "same_employer"),
                    ("hours_per_week", "30"),
                    ("version", "1"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        assert_eq!(
            count(
                &app.get("/", Some(&other)).await.body,
                "#follow-ups-overdue li"
            ),
            0
        );

        // 61 hours: a field error next to the field, nothing saved.
        let form = app.get(&href, Some(&w.coach)).await;
        assert_eq!(form.status, StatusCode::OK);
        let version = version_in(&form.body);
        let res = app
            .post_form(
                &href,
                Some(&w.coach),
                &[
                    ("still_working", "same_employer"),
                    ("hours_per_week", "61"),
                    ("needs_recrafting", "on"),
                    ("version", &version),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&res.body, "#hours_per_week-error"), "{}", res.body);
        assert!(res.body.contains("0–60"));
        assert_eq!(
            count(
                &app.get("/", Some(&w.coach)).await.body,
                "#follow-ups-overdue li"
            ),
            1
        );

        // Saved: the confirmation, then the button that crafts the job again.
        let res = app
            .post_form(
                &href,
                Some(&w.coach),
                &[
                    ("still_working", "same_employer"),
                    ("hours_per_week", "30"),
                    ("support_given", "Käynti työpaikalla"),
                    ("needs_recrafting", "on"),
                    ("version", &version),
                ],
            )
            .await;
        let page = app.confirms(&res, &w.coach, "Tallennettu.").await;
        assert!(
            page.body.contains("Räätälöi työ uudelleen"),
            "{}",
            page.body
        );
        let action = select_attr(&page.body, ".recraft form", "action").expect("a form");
        assert_eq!(action, format!("/participants/{}/craft", w.participant));
        let employer = select_attr(&page.body, ".recraft input[name=employer]", "value").unwrap();
        let tasks = select_attr(&page.body, ".recraft input[name=tasks]", "value").unwrap();
        assert_eq!(employer, w.employer.to_string());
        let craft = app
            .get(
                &format!("{action}?employer={employer}&tasks={tasks}"),
                Some(&w.coach),
            )
            .await;
        assert_eq!(craft.status, StatusCode::OK);
        assert_eq!(count(&craft.body, "#craft-current li"), 2, "{}", craft.body);
        assert!(craft.body.contains("Toimistosiivous") && craft.body.contains("Ikkunanpesu"));
        // Without the parameters the page has no starting point.
        let plain = app
            .get(&format!("{action}?employer={employer}"), Some(&w.coach))
            .await;
        assert!(!has(&plain.body, "#craft-current"));

        // Off the list; the one due this week stays.
        let home = app.get("/", Some(&w.coach)).await;
        assert_eq!(
            count(&home.body, "#follow-ups-overdue li"),
            0,
            "{}",
            home.body
        );
        assert_eq!(count(&home.body, "#follow-ups-week li"), 1);
    });
}

#[test]
fn api_lists_and_records_follow_ups_with_if_match() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        started_job(&app, &w).await;
        let res = app
            .api(Method::GET, "/api/v1/follow-ups", Some(&w.coach), None, &[])
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let due = res.json();
        assert_eq!(due["overdue"].as_array().map(Vec::len), Some(1), "{due}");
        assert_eq!(due["this_week"].as_array().map(Vec::len), Some(1));
        assert_eq!(due["overdue"][0]["checkpoint"], "1m");
        assert_eq!(due["this_week"][0]["checkpoint"], "3m");
        let id = due["overdue"][0]["id"].as_str().unwrap().to_owned();
        let list = format!("/api/v1/participants/{}/follow-ups", w.participant);
        let res = app.api(Method::GET, &list, Some(&w.coach), None, &[]).await;
        assert_eq!(res.json()["items"].as_array().map(Vec::len), Some(4));
        let other = app.user(Role::Coach).await;
        assert_eq!(
            app.api(Method::GET, &list, Some(&other), None, &[])
                .await
                .status,
            StatusCode::NOT_FOUND
        );

        let path = format!("/api/v1/follow-ups/{id}");
        let body = |hours: u8| {
            json!({
                "still_working": "other_employer",
                "hours_per_week": hours,
                "support_given": "Puhelu",
                "needs_recrafting": false,
                "note": ""
            })
        };
        let res = app
            .api(Method::POST, &path, Some(&w.coach), Some(body(20)), &[])
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_REQUIRED);
        let res = app
            .api(
                Method::POST,
                &path,
                Some(&other),
                Some(body(20)),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        let res = app
            .api(
                Method::POST,
                &path,
                Some(&w.coach),
                Some(body(61)),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(
            res.json()["error"]["fields"]["hours_per_week"].is_string(),
            "{}",
            res.body
        );
        let res = app
            .api(
                Method::POST,
                &path,
                Some(&w.coach),
                Some(body(20)),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.header("etag"), "\"2\"");
        assert_eq!(res.json()["record"]["still_working"], "other_employer");
        let res = app
            .api(
                Method::POST,
                &path,
                Some(&w.coach),
                Some(body(25)),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_FAILED);
        let due = app
            .api(Method::GET, "/api/v1/follow-ups", Some(&w.coach), None, &[])
            .await
            .json();
        assert_eq!(due["overdue"].as_array().map(Vec::len), Some(0));
    });
}
