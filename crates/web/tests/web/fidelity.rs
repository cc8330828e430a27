//! The IPS-25 fidelity profile (issue 12 item 6): the project's manager and admins see all 25
//! items with the source of each score, a coach or another project's manager gets 404; a
//! rating is saved with a confirmation, bad input is an error on its field and changes
//! nothing, and a rating saved meanwhile is refused. The API likewise (If-Match).

use crate::employers::user_in;
use crate::harness::{coach_with_participant, count, has, select_text, sqlite};
use axum::http::{Method, StatusCode};
use polku_domain::Role;
use polku_store_tests::fixtures::World;
use serde_json::json;

#[test]
fn only_the_projects_managers_and_admins_see_the_profile_of_all_25_items() {
    sqlite(|app| async move {
        let (coach, _) = coach_with_participant(&app).await;
        let project = app.world.project.id;
        let path = format!("/projects/{project}/fidelity");
        let manager = app.user(Role::Manager).await;
        let res = app.get(&path, Some(&manager)).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(count(&res.body, "tr[id^=item-]"), 25);
        // One person on one coach's caseload: 1 per coach, within 20 → 5, computed.
        let caseload = select_text(&res.body, "tr#item-1").expect("item 1");
        assert!(caseload.contains("Laskettu"), "{caseload}");
        assert_eq!(select_text(&res.body, "tr#item-1 td").as_deref(), Some("5"));
        assert!(caseload.contains("1 aktiivista"), "{caseload}");
        // An item only the manager can rate: no score yet.
        let zero = select_text(&res.body, "tr#item-9").expect("item 9");
        assert!(zero.contains("Ei vielä arvioitu"), "{zero}");
        assert!(res.body.contains("Mukaisuusluokka näytetään"));
        assert!(
            !res.body.contains("Virtanen") && !res.body.contains("Aino"),
            "no participant is named"
        );
        assert!(has(&res.body, "table > caption"));
        // The coach's own figures.
        let coach_id = coach.actor.user_id().expect("coach");
        let res = app
            .get(&format!("{path}?coach={coach_id}"), Some(&manager))
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(count(&res.body, "tr[id^=item-]"), 25);
        // Someone who is not a coach of the project: not found.
        let manager_id = manager.actor.user_id().expect("manager");
        assert_eq!(
            app.get(&format!("{path}?coach={manager_id}"), Some(&manager))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        // Admins see it; the coach, a coordinator and another project's manager get 404.
        let admin = app.user(Role::Admin).await;
        assert_eq!(app.get(&path, Some(&admin)).await.status, StatusCode::OK);
        assert_eq!(
            app.get(&path, Some(&coach)).await.status,
            StatusCode::NOT_FOUND
        );
        let coordinator = app.user(Role::Coordinator).await;
        assert_eq!(
            app.get(&path, Some(&coordinator)).await.status,
            StatusCode::NOT_FOUND
        );
        let other = World::new(app.service()).await;
        let elsewhere = user_in(&app, &other, Role::Manager).await;
        assert_eq!(
            app.get(&path, Some(&elsewhere)).await.status,
            StatusCode::NOT_FOUND
        );
        // The manager's overview links to it.
        let overview = app.get("/reports", Some(&manager)).await;
        assert!(
            has(&overview.body, &format!("a[href='{path}']")),
            "{}",
            overview.body
        );
        // A period that ends before it starts is an error on the field.
        let res = app
            .get(
                &format!("{path}?from=2026-03-01&to=2026-02-01"),
                Some(&manager),
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&res.body, "#to-error"), "{}", res.body);
    });
}

#[test]
fn a_rating_is_saved_with_a_confirmation_and_bad_input_is_an_error_on_its_field() {
    sqlite(|app| async move {
        let (coach, _) = coach_with_participant(&app).await;
        let project = app.world.project.id;
        let path = format!("/projects/{project}/fidelity");
        let manager = app.user(Role::Manager).await;
        let ratings = || async {
            app.service()
                .fidelity_rating_version(&manager.actor, project, 8)
                .await
                .expect("version")
        };

        // A score outside 1–5: an error on the score, nothing saved.
        let res = app
            .post_form(
                &path,
                Some(&manager),
                &[
                    ("item", "8"),
                    ("score", "9"),
                    ("note", "x"),
                    ("seen", "8:0"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(has(&res.body, "#score-error"), "{}", res.body);
        assert!(has(&res.body, ".error-summary a[href='#score']"));
        assert_eq!(ratings().await, 0);
        // No item chosen: an error on the item.
        let res = app
            .post_form(
                &path,
                Some(&manager),
                &[("item", ""), ("score", "3"), ("seen", "")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&res.body, "#item-error"));
        // A coach cannot rate: 404, nothing saved.
        let res = app
            .post_form(
                &path,
                Some(&coach),
                &[("item", "8"), ("score", "4"), ("seen", "8:0")],
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        assert_eq!(ratings().await, 0);

        // Saved: the confirmation, and the item shows the score and who rated it.
        let res = app
            .post_form(
                &path,
                Some(&manager),
                &[
                    ("item", "8"),
                    ("score", "4"),
                    ("note", "Viikoittainen tapausten läpikäynti"),
                    ("seen", "8:0"),
                ],
            )
            .await;
        let page = app.confirms(&res, &manager, "Tallennettu.").await;
        assert_eq!(
            select_text(&page.body, "tr#item-8 td").as_deref(),
            Some("4")
        );
        let row = select_text(&page.body, "tr#item-8").expect("item 8");
        assert!(row.contains("Arvioinut Testi Käyttäjä"), "{row}");
        assert!(row.contains("Viikoittainen tapausten läpikäynti"), "{row}");
        assert_eq!(ratings().await, 1);

        // A form read before that save is refused, and nothing changes.
        let res = app
            .post_form(
                &path,
                Some(&manager),
                &[("item", "8"), ("score", "2"), ("seen", "8:0")],
            )
            .await;
        assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
        assert!(has(&res.body, "#item-error"));
        assert_eq!(ratings().await, 1);
        // The next version from the page as it is now.
        let res = app
            .post_form(
                &path,
                Some(&manager),
                &[("item", "8"), ("score", "5"), ("seen", "8:1")],
            )
            .await;
        app.confirms(&res, &manager, "Tallennettu.").await;
        assert_eq!(ratings().await, 2);
    });
}

#[test]
fn the_api_gives_the_profile_and_saves_a_rating_with_if_match() {
    sqlite(|app| async move {
        let (coach, _) = coach_with_participant(&app).await;
        let project = app.world.project.id;
        let manager = app.user(Role::Manager).await;
        let path = format!("/api/v1/projects/{project}/fidelity");
        let res = app.api(Method::GET, &path, Some(&manager), None, &[]).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let v = res.json();
        assert_eq!(v["items"].as_array().map(Vec::len), Some(25));
        assert_eq!(v["items"][0]["source"], "computed");
        assert_eq!(v["items"][0]["score"], 5);
        assert_eq!(v["items"][0]["figure"]["metric"], "caseload");
        assert_eq!(v["items"][0]["figure"]["value"], 1.0);
        assert_eq!(v["items"][11]["source"], "unscored");
        assert!(v["band"].is_null());
        assert!(!res.body.contains("Virtanen"));
        assert_eq!(
            app.api(Method::GET, &path, Some(&coach), None, &[])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let bad = app
            .api(
                Method::GET,
                &format!("{path}?from=2026-02-30"),
                Some(&manager),
                None,
                &[],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.json()["error"]["fields"]["from"].is_string(),
            "{}",
            bad.body
        );

        let rating = format!("{path}/items/12/rating");
        let body = json!({"score": 3, "note": "Etuusneuvoja käy kerran kuussa"});
        let res = app
            .api(
                Method::PUT,
                &rating,
                Some(&manager),
                Some(body.clone()),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_REQUIRED);
        let res = app
            .api(
                Method::PUT,
                &rating,
                Some(&coach),
                Some(body.clone()),
                &[("if-match", "\"0\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        let res = app
            .api(
                Method::PUT,
                &rating,
                Some(&manager),
                Some(json!({"score": 7})),
                &[("if-match", "\"0\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(
            res.json()["error"]["fields"]["score"].is_string(),
            "{}",
            res.body
        );
        let res = app
            .api(
                Method::PUT,
                &format!("{path}/items/26/rating"),
                Some(&manager),
                Some(body.clone()),
                &[("if-match", "\"0\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.json()["error"]["fields"]["item"].is_string(),
            "{}",
            res.body
        );
        let res = app
            .api(
                Method::PUT,
                &rating,
                Some(&manager),
                Some(body.clone()),
                &[("if-match", "\"0\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.header("etag"), "\"1\"");
        assert_eq!(res.json()["version"], 1);
        let res = app
            .api(
                Method::PUT,
                &rating,
                Some(&manager),
                Some(body),
                &[("if-match", "\"0\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_FAILED);
        let v = app
            .api(Method::GET, &path, Some(&manager), None, &[])
            .await
            .json();
        assert_eq!(v["items"][11]["source"], "rated");
        assert_eq!(v["items"][11]["score"], 3);
        assert_eq!(v["items"][11]["rating"]["version"], 1);
        assert_eq!(v["scored"], 3, "items 1 and 17 computed, 12 rated");
    });
}
