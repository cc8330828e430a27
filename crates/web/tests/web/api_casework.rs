//! Meetings and the plan through the API: created and listed by the own coach, field errors
//! name the field, and another coach gets 404 whatever the request says.

use crate::harness::sqlite;
use axum::http::{Method, StatusCode};
use polku_domain::Role;
use serde_json::json;

#[test]
fn meetings_and_plan_round_trip_for_the_own_coach_only() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let id = app
            .service()
            .create_participant(
                &coach.actor,
                app.world.new_participant(),
                "service_delivery",
            )
            .await
            .expect("participant");
        let meetings = format!("/api/v1/participants/{id}/meetings");
        let plan = format!("/api/v1/participants/{id}/plan");

        let meeting = json!({"starts_at": "2026-11-30T09:00:00+02:00", "duration_min": 45, "place": "pop_up", "notes": "Kirjaston pop-up: CV:n päivitys"});
        let res = app
            .api(
                Method::POST,
                &meetings,
                Some(&coach),
                Some(meeting.clone()),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        assert!(res.json()["id"].is_string());
        let bad = json!({"starts_at": "30.11.2026 9:00", "duration_min": 45, "place": "pop_up"});
        let res = app
            .api(Method::POST, &meetings, Some(&coach), Some(bad), &[])
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.json()["error"]["fields"]["starts_at"].is_string());
        let far = json!({"starts_at": "9999-12-31T23:59:59-23:59", "duration_min": 45, "place": "office"});
        let res = app
            .api(Method::POST, &meetings, Some(&coach), Some(far), &[])
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(res.json()["error"]["fields"]["starts_at"].is_string());
        let extra = json!({"starts_at": "2026-11-30T09:00:00Z", "duration_min": 45, "place": "office", "coach_id": "x"});
        let res = app
            .api(Method::POST, &meetings, Some(&coach), Some(extra), &[])
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        let list = app
            .api(Method::GET, &meetings, Some(&coach), None, &[])
            .await;
        assert_eq!(list.status, StatusCode::OK);
        let items = list.json()["items"].as_array().cloned().expect("items");
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["place"], "pop_up");
        assert_eq!(items[0]["notes"], "Kirjaston pop-up: CV:n päivitys");
        assert_eq!(items[0]["starts_at"], "2026-11-30T07:00:00Z");
        // The page shows the meeting in Finnish time (UTC+2 in November), in the Finnish form.
        let page = app
            .get(&format!("/participants/{id}/meetings"), Some(&coach))
            .await;
        assert!(
            page.body.contains("30.11.2026 klo\u{a0}09.00"),
            "{}",
            page.body
        );
        assert!(!page.body.contains("07.00"), "no UTC time on the page");

        let res = app
            .api(
                Method::POST,
                &plan,
                Some(&coach),
                Some(json!({"text": "Työkokeilupaikan haku", "due": "2026-12-15"})),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        let res = app
            .api(
                Method::POST,
                &plan,
                Some(&coach),
                Some(json!({"text": " ", "due": "15.12."})),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        // An empty string is not a date (R54: schemathesis' negative data found it accepted).
        for due in ["", " 2026-12-15"] {
            let res = app
                .api(
                    Method::POST,
                    &plan,
                    Some(&coach),
                    Some(json!({"text": "Tyhjä päivä", "due": due})),
                    &[],
                )
                .await;
            assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{due:?}");
            assert!(res.json()["error"]["fields"]["due"].is_string());
        }
        let list = app.api(Method::GET, &plan, Some(&coach), None, &[]).await;
        let items = list.json()["items"].as_array().cloned().expect("items");
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["text"], "Työkokeilupaikan haku");
        assert_eq!(items[0]["due"], "2026-12-15");
        assert!(items[0]["done_at"].is_null());

        let other = app.user(Role::Coach).await;
        for path in [&meetings, &plan] {
            let res = app.api(Method::GET, path, Some(&other), None, &[]).await;
            assert_eq!(res.status, StatusCode::NOT_FOUND);
            let res = app
                .api(Method::POST, path, Some(&other), Some(json!({})), &[])
                .await;
            assert_eq!(
                res.status,
                StatusCode::NOT_FOUND,
                "refused before the body is read"
            );
        }
        let list = app.api(Method::GET, &plan, Some(&coach), None, &[]).await;
        assert_eq!(list.json()["items"].as_array().map(Vec::len), Some(1));
    });
}
