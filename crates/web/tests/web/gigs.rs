//! Gigs: an employer user posts a gig for their employer (another employer's is not theirs), a
//! day in the past is a field error, the suitable participants respect the hard limits (no
//! evening gig for someone who cannot work evenings), the coach offers, the employer says yes,
//! the result is recorded and shows as work experience on the participant's page.

use crate::harness::{has_text, placement_world, select_attr, sqlite, PlacementWorld, TestApp};
use axum::http::{Method, StatusCode};
use polku_domain::{BusinessId, Employer, EmployerId};
use polku_service::participants::ParticipantChanges;
use serde_json::json;
use time::Date;

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Lets the participant work at any time (so a gig today fits whatever weekday it is), except
/// in the evening when `evenings` is false.
async fn availability(app: &TestApp, w: &PlacementWorld, evenings: bool) {
    let svc = app.service();
    let v = svc
        .get_participant(&w.coach.actor, w.participant, "service_delivery")
        .await
        .expect("participant");
    let mut personal = v.personal.clone();
    personal.availability.weekends = true;
    personal.availability.evenings = evenings;
    personal.availability.nights = false;
    svc.update_participant(
        &w.coach.actor,
        w.participant,
        v.version,
        ParticipantChanges {
            personal,
            sensitive: v.sensitive,
            stage: v.stage,
        },
        "service_delivery",
    )
    .await
    .expect("update");
}

async fn other_employer(app: &TestApp, w: &PlacementWorld) -> EmployerId {
    let e = Employer {
        id: EmployerId::new(),
        business_id: BusinessId::parse("0737546-2").expect("valid"),
        name: "Toinen Oy".into(),
        ..app.world.employer()
    };
    app.service()
        .create_employer(&w.coordinator.actor, e.clone())
        .await
        .expect("employer");
    e.id
}

fn gig_body(w: &PlacementWorld, employer: EmployerId, on: &str, start: &str) -> serde_json::Value {
    json!({
        "employer": employer.to_string(),
        "on": on,
        "starts_at": start,
        "hours": 4,
        "place": "Kauppakatu 1",
        "tasks": [w.tasks[0].to_string()],
        "places": 1
    })
}

#[test]
fn employer_user_posts_a_gig_for_their_own_employer_only() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let other = other_employer(&app, &w).await;
        let today = polku_service::today();
        let day = iso(today);
        // The form: the one employer the user represents, its tasks.
        let form = app.get("/gigs/new", Some(&w.employer_user)).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        assert_eq!(
            select_attr(&form.body, "input[name=employer]", "value"),
            Some(w.employer.to_string())
        );
        let fields = |employer: String, on: String| {
            vec![
                ("employer", employer),
                ("on", on),
                ("starts_at", "09:00".to_owned()),
                ("hours", "4,5".to_owned()),
                ("municipality", String::new()),
                ("place", "Kauppakatu 1".to_owned()),
                ("tasks", w.tasks[0].to_string()),
                ("places", "1".to_owned()),
            ]
        };
        let post = |f: Vec<(&'static str, String)>| {
            let app = &app;
            let user = w.employer_user.clone();
            async move {
                let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.post_form("/gigs/new", Some(&user), &pairs).await
            }
        };
        // Another employer's: not found, nothing stored.
        let res = post(fields(other.to_string(), day.clone())).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        // A day in the past: the field error next to the day.
        let res = post(fields(
            w.employer.to_string(),
            iso(today - time::Duration::days(1)),
        ))
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(
            has_text(
                &res.body,
                "#on-error",
                "Päivä on jo mennyt. Valitse tämä päivä tai myöhempi."
            ),
            "{}",
            res.body
        );
        let list = app
            .api(
                Method::GET,
                "/api/v1/gigs",
                Some(&w.employer_user),
                None,
                &[],
            )
            .await;
        assert_eq!(list.json()["items"].as_array().map(Vec::len), Some(0));
        // Posted: the confirmation on the gig's page.
        let res = post(fields(w.employer.to_string(), day.clone())).await;
        let page = app
            .confirms(&res, &w.employer_user, "Keikkatyö julkaistu.")
            .await;
        assert!(page.body.contains("Toimistosiivous"));
        assert!(page.body.contains("4,5"));
        // The API says the same: another employer's gig is not found, a past day names `on`.
        let res = app
            .api(
                Method::POST,
                "/api/v1/gigs",
                Some(&w.employer_user),
                Some(gig_body(&w, other, &day, "09:00")),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{}", res.body);
        let past = iso(today - time::Duration::days(1));
        let res = app
            .api(
                Method::POST,
                "/api/v1/gigs",
                Some(&w.employer_user),
                Some(gig_body(&w, w.employer, &past, "09:00")),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(
            res.json()["error"]["fields"]["on"].is_string(),
            "{}",
            res.body
        );
        // A coach may not post.
        let res = app
            .api(
                Method::POST,
                "/api/v1/gigs",
                Some(&w.coach),
                Some(gig_body(&w, w.employer, &day, "09:00")),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.body);
        // The nav shows the area to the employer user.
        let home = app.get("/gigs", Some(&w.employer_user)).await;
        assert!(has_text(&home.body, "nav a[href='/gigs']", "Keikkatyöt"));
    });
}

#[test]
fn candidates_respect_the_evening_limit_and_an_offer_ends_as_work_experience() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        availability(&app, &w, false).await;
        let day = iso(polku_service::today());
        let post = |start: &'static str| {
            let app = &app;
            let body = gig_body(&w, w.employer, &day, start);
            let user = w.coordinator.clone();
            async move {
                let res = app
                    .api(Method::POST, "/api/v1/gigs", Some(&user), Some(body), &[])
                    .await;
                assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
                res.json()["id"].as_str().expect("id").to_owned()
            }
        };
        let daytime = post("09:00").await;
        let evening = post("17:00").await;
        let candidates = |gig: String| {
            let app = &app;
            let coach = w.coach.clone();
            async move {
                let res = app
                    .api(
                        Method::GET,
                        &format!("/api/v1/gigs/{gig}/candidates"),
                        Some(&coach),
                        None,
                        &[],
                    )
                    .await;
                assert_eq!(res.status, StatusCode::OK, "{}", res.body);
                res.json()["items"].as_array().cloned().unwrap_or_default()
            }
        };
        // Not for an evening gig: the participant cannot work evenings.
        assert!(candidates(evening.clone()).await.is_empty());
        let found = candidates(daytime.clone()).await;
        assert_eq!(found.len(), 1);
        assert_eq!(found[0]["participant"], w.participant.to_string());
        // On the page: the name, the reasons, the button; none for the evening gig.
        let page = app.get(&format!("/gigs/{evening}"), Some(&w.coach)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(!page.body.contains("Tarjoa keikkaa"));
        let res = app
            .post_form(
                &format!("/gigs/{evening}/offers"),
                Some(&w.coach),
                &[("participant", &w.participant.to_string())],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.body.contains("Keikkatyö ei sovi osallistujalle"));
        let page = app.get(&format!("/gigs/{daytime}"), Some(&w.coach)).await;
        assert!(page.body.contains("Tarjoa keikkaa"), "{}", page.body);
        assert!(page.body.contains("Työtunnit sopivat") || page.body.contains("Kunta sopii"));
        // The coordinator sees the candidate without a name.
        let res = app
            .api(
                Method::GET,
                &format!("/api/v1/gigs/{daytime}/candidates"),
                Some(&w.coordinator),
                None,
                &[],
            )
            .await;
        assert_eq!(res.json()["items"][0]["name"], serde_json::Value::Null);

        // The coach offers from the page.
        let res = app
            .post_form(
                &format!("/gigs/{daytime}/offers"),
                Some(&w.coach),
                &[("participant", &w.participant.to_string())],
            )
            .await;
        app.confirms(
            &res,
            &w.coach,
            "Keikkaa tarjottu. Työnantaja saa ehdotuksen.",
        )
        .await;
        let gig = app
            .api(
                Method::GET,
                &format!("/api/v1/gigs/{daytime}"),
                Some(&w.employer_user),
                None,
                &[],
            )
            .await
            .json();
        let offer = gig["offers"][0]["id"].as_str().expect("offer").to_owned();
        assert_eq!(gig["offers"][0]["kind"], "gig");
        assert_eq!(gig["offers"][0]["gig"], daytime.as_str());
        // The employer answers as for any proposal.
        let res = app
            .api(
                Method::POST,
                &format!("/api/v1/placements/{offer}/answer"),
                Some(&w.employer_user),
                Some(json!({"answer": "yes"})),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        // The result needs If-Match; recorded from the page, it is the participant's work
        // experience.
        let res = app
            .api(
                Method::POST,
                &format!("/api/v1/placements/{offer}/gig-result"),
                Some(&w.coach),
                Some(json!({"done": true, "hours": 3.5})),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_REQUIRED);
        let page = app.get(&format!("/gigs/{daytime}"), Some(&w.coach)).await;
        let version = select_attr(
            &page.body,
            &format!("form[action='/gigs/{daytime}/offers/{offer}/result'] input[name=version]"),
            "value",
        )
        .expect("result form");
        let res = app
            .post_form(
                &format!("/gigs/{daytime}/offers/{offer}/result"),
                Some(&w.coach),
                &[("version", &version), ("done", "yes"), ("hours", "3,5")],
            )
            .await;
        app.confirms(&res, &w.coach, "Keikan tulos tallennettu.")
            .await;
        let res = app
            .api(
                Method::GET,
                &format!("/api/v1/placements/{offer}"),
                Some(&w.coach),
                None,
                &[],
            )
            .await;
        assert_eq!(res.json()["state"], "completed");
        assert_eq!(res.json()["gig_hours"], 3.5);
        let profile = app
            .get(&format!("/participants/{}", w.participant), Some(&w.coach))
            .await;
        assert_eq!(profile.status, StatusCode::OK);
        assert!(has_text(&profile.body, "#experience-title", "Työkokemus"));
        let experience = crate::harness::select_texts(&profile.body, "ul.experience li");
        assert_eq!(experience.len(), 1, "{experience:?}");
        assert!(
            experience[0].contains("Lahden Siivouspalvelu Oy"),
            "{experience:?}"
        );
        assert!(experience[0].contains("Keikkatyö"), "{experience:?}");
        assert!(experience[0].contains("3,5 h"), "{experience:?}");
        assert!(experience[0].contains("Toimistosiivous"), "{experience:?}");
    });
}

#[test]
fn a_gig_is_cancelled_from_its_page_or_the_api_version_checked_and_audited() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let day = iso(polku_service::today() + time::Duration::days(2));
        let post = |start: &'static str| {
            let app = &app;
            let body = gig_body(&w, w.employer, &day, start);
            let user = w.employer_user.clone();
            async move {
                let res = app
                    .api(Method::POST, "/api/v1/gigs", Some(&user), Some(body), &[])
                    .await;
                assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
                res.json()["id"].as_str().expect("id").to_owned()
            }
        };
        let head = app
            .db
            .store
            .audit_head()
            .await
            .expect("head")
            .map_or(0, |(seq, _)| seq);
        // On the page: the employer user sees the cancel button, a coach does not and is refused.
        let id = post("09:00").await;
        let url = format!("/gigs/{id}");
        let page = app.get(&url, Some(&w.employer_user)).await;
        assert!(has_text(&page.body, "#cancel-title", "Peru keikkatyö"));
        let coach_page = app.get(&url, Some(&w.coach)).await;
        assert_eq!(coach_page.status, StatusCode::OK);
        assert!(!has_text(&coach_page.body, "#cancel-title", "Peru"));
        let res = app
            .post_form(
                &format!("{url}/cancel"),
                Some(&w.coach),
                &[("version", "1")],
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        // A stale version changes nothing.
        let res = app
            .post_form(
                &format!("{url}/cancel"),
                Some(&w.employer_user),
                &[("version", "7")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        let res = app
            .post_form(
                &format!("{url}/cancel"),
                Some(&w.employer_user),
                &[("version", "1")],
            )
            .await;
        let page = app
            .confirms(&res, &w.employer_user, "Keikkatyö peruttu.")
            .await;
        assert!(has_text(&page.body, "#gig-state", "Peruttu"));
        assert!(!has_text(&page.body, "#cancel-title", "Peru"));
        // Once cancelled it cannot be cancelled again.
        let res = app
            .post_form(
                &format!("{url}/cancel"),
                Some(&w.employer_user),
                &[("version", "2")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has_text(
            &res.body,
            ".error-summary p",
            "Keikkatyö ei ole enää avoinna."
        ));
        // Through the API: If-Match required and checked, the new ETag returned.
        let id = post("13:00").await;
        let path = format!("/api/v1/gigs/{id}/cancel");
        let res = app
            .api(Method::POST, &path, Some(&w.coordinator), None, &[])
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_REQUIRED);
        let res = app
            .api(
                Method::POST,
                &path,
                Some(&w.coordinator),
                None,
                &[("If-Match", "\"5\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_FAILED);
        let res = app
            .api(
                Method::POST,
                &path,
                Some(&w.coach),
                None,
                &[("If-Match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        let res = app
            .api(
                Method::POST,
                &path,
                Some(&w.coordinator),
                None,
                &[("If-Match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.json()["state"], "cancelled");
        assert_eq!(res.header("etag"), "\"2\"");
        let rows = app.db.store.audit_page(head, 1000).await.expect("audit");
        assert_eq!(
            rows.iter()
                .filter(|r| r.action.starts_with("gig_cancelled:"))
                .count(),
            2
        );
    })
}
