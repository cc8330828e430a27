//! Proposals and placements through the API: the contract outside checks rely on
//! (`POST /api/v1/placements` → 201 with `id`; a broken limit → 422 naming the field), the
//! employer's answer with `If-Match`, and who sees what.

use crate::harness::{placement_world, sqlite};
use axum::http::{Method, StatusCode};
use polku_domain::Role;
use serde_json::json;

#[test]
fn propose_answer_and_move_a_work_trial() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let body = |hours: u8, end: &str| {
            json!({
                "participant": w.participant.to_string(),
                "employer": w.employer.to_string(),
                "kind": "work_trial",
                "tasks": w.tasks.iter().map(|t| t.to_string()).collect::<Vec<_>>(),
                "start": "2027-02-01",
                "end": end,
                "hours_per_day": hours,
                "days_per_week": 5,
                "mentor": null
            })
        };
        // A broken limit: 422, the field named, nothing stored.
        let res = app
            .api(
                Method::POST,
                "/api/v1/placements",
                Some(&w.coach),
                Some(body(9, "2027-03-31")),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        let fields = &res.json()["error"]["fields"];
        assert!(
            fields["hours_per_day"]
                .as_str()
                .is_some_and(|t| t.contains("4–8")),
            "{}",
            res.body
        );
        let res = app
            .api(
                Method::POST,
                "/api/v1/placements",
                Some(&w.coach),
                Some(body(6, "2027-09-30")),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.json()["error"]["fields"]["end"].is_string(),
            "{}",
            res.body
        );
        let list = format!("/api/v1/participants/{}/placements", w.participant);
        let res = app.api(Method::GET, &list, Some(&w.coach), None, &[]).await;
        assert_eq!(res.json()["items"].as_array().map(Vec::len), Some(0));
        // An unknown field is refused (no mass assignment).
        let mut extra = body(6, "2027-03-31");
        extra["state"] = json!("active");
        let res = app
            .api(
                Method::POST,
                "/api/v1/placements",
                Some(&w.coach),
                Some(extra),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);

        let res = app
            .api(
                Method::POST,
                "/api/v1/placements",
                Some(&w.coach),
                Some(body(6, "2027-03-31")),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        let placement = res.json();
        let id = placement["id"].as_str().expect("id").to_owned();
        assert_eq!(placement["state"], "proposed");
        assert_eq!(placement["hours_per_day"], 6);
        assert_eq!(res.header("etag"), "\"1\"");
        assert_eq!(res.header("location"), format!("/api/v1/placements/{id}"));
        let one = format!("/api/v1/placements/{id}");

        // The employer user sees it with the participant's name (contact details consented).
        let res = app
            .api(Method::GET, &one, Some(&w.employer_user), None, &[])
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert!(res.json()["participant_name"].is_string());
        // Another employer user, another coach and a manager get nothing.
        for role in [Role::Employer, Role::Coach, Role::Mentor] {
            let other = app.user(role).await;
            let res = app.api(Method::GET, &one, Some(&other), None, &[]).await;
            assert_eq!(res.status, StatusCode::NOT_FOUND, "{role:?}");
        }
        let manager = app.user(Role::Manager).await;
        let res = app.api(Method::GET, &one, Some(&manager), None, &[]).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);

        // Answering needs If-Match; a stale one changes nothing.
        let answer = format!("{one}/answer");
        let res = app
            .api(
                Method::POST,
                &answer,
                Some(&w.employer_user),
                Some(json!({"answer": "no"})),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_REQUIRED);
        let res = app
            .api(
                Method::POST,
                &answer,
                Some(&w.employer_user),
                Some(json!({"answer": "no"})),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(res.json()["error"]["fields"]["reason"].is_string());
        let res = app
            .api(
                Method::POST,
                &answer,
                Some(&w.employer_user),
                Some(json!({"answer": "yes"})),
                &[("if-match", "\"7\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_FAILED);
        let res = app
            .api(
                Method::POST,
                &answer,
                Some(&w.employer_user),
                Some(json!({"answer": "yes"})),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.json()["state"], "agreed");
        assert_eq!(res.header("etag"), "\"2\"");
        // The employer cannot move it on; the coach can.
        let move_to = format!("{one}/state");
        let res = app
            .api(
                Method::POST,
                &move_to,
                Some(&w.employer_user),
                Some(json!({"to": "active"})),
                &[("if-match", "\"2\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        // A trial starts under an agreement every party has accepted.
        let pid = polku_domain::PlacementId::parse(&id).expect("id");
        crate::agreements::accept_all_on_paper(&app, &w.coach, pid).await;
        let res = app
            .api(
                Method::POST,
                &move_to,
                Some(&w.coach),
                Some(json!({"to": "active", "on": "2027-02-01"})),
                &[("if-match", "\"2\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.json()["state"], "active");
        // Coordinators see the project's open proposals; this one is no longer open.
        let project = app.world.project.id;
        let res = app
            .api(
                Method::GET,
                &format!("/api/v1/projects/{project}/proposals"),
                Some(&w.coordinator),
                None,
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.json()["items"].as_array().map(Vec::len), Some(0));
        let res = app
            .api(
                Method::GET,
                "/api/v1/employer-placements",
                Some(&w.employer_user),
                None,
                &[],
            )
            .await;
        assert_eq!(res.json()["items"][0]["state"], "active");
    });
}
