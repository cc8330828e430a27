//! Trial agreements over HTTP: the coach writes it (a broken trial limit is 422 on its field),
//! the parties accept it, a trial cannot start before, and the PDF (application/pdf, extractable
//! text) names the participant, the organiser, the tasks, the hours and the dates in Finnish and
//! Swedish. Who is not a party gets 404.

use crate::harness::{placement_world, sqlite, PlacementWorld, TestApp, User};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use polku_domain::{EmployerAnswer, OpeningKind, PlacementId, Role};
use serde_json::{json, Value};
use tower::ServiceExt;

/// An agreed work trial (1.2.–31.3.2027, 6 h a day, 5 days a week) of the placement world.
pub async fn agreed_trial(app: &TestApp, w: &PlacementWorld) -> PlacementId {
    let svc = app.service();
    let p = svc
        .propose_placement(
            &w.coach.actor,
            polku_service::placements::NewPlacement {
                participant: w.participant,
                employer: w.employer,
                opening: None,
                kind: OpeningKind::WorkTrial,
                pay_subsidy: false,
                tasks: w.tasks.clone(),
                starts_on: time::macros::date!(2027 - 02 - 01),
                ends_on: Some(time::macros::date!(2027 - 03 - 31)),
                hours_per_day: 6,
                days_per_week: 5,
                mentor: None,
                categories: None,
                gig: None,
            },
        )
        .await
        .expect("proposal");
    svc.answer_proposal(&w.employer_user.actor, p.id, EmployerAnswer::Yes, None, 1)
        .await
        .expect("yes");
    p.id
}

fn agreement_body() -> Value {
    json!({
        "objective": "Selvittää, sopiiko toimistosiivous osallistujalle",
        "signatory_name": "Eeva Esimies",
        "signatory_title": "Toimitusjohtaja",
        "authority_name": "Tarja Virkailija",
        "authority_organisation": "Tampereen seudun työllisyysalue",
        "authority_contact": "040 123 4567",
        "mentor_name": "Olli Ohjaaja",
        "allowance_per_day": 9,
        "allowance_payer": "kela"
    })
}

/// Writes the agreement through the API and records every required party's paper acceptance,
/// so that the coach may start the trial.
pub async fn accept_all_on_paper(app: &TestApp, coach: &User, id: PlacementId) {
    let path = format!("/api/v1/placements/{id}/agreement");
    let res = app
        .api(Method::PUT, &path, Some(coach), Some(agreement_body()), &[])
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let etag = res.header("etag").to_owned();
    for party in ["participant", "organiser", "authority"] {
        let res = app
            .api(
                Method::POST,
                &format!("{path}/acceptances"),
                Some(coach),
                Some(json!({"method": "paper", "party": party, "signer_name": "Allekirjoittaja"})),
                &[("if-match", etag.as_str())],
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    }
}

/// A GET with the bearer token, the body as bytes.
async fn get_bytes(
    app: &TestApp,
    path: &str,
    user: &User,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let req = Request::builder()
        .method(Method::GET)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {}", user.token))
        .body(Body::empty())
        .expect("request");
    let res = app.app.clone().oneshot(req).await.expect("infallible");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    (status, headers, bytes.to_vec())
}

/// The PDF's text, whitespace collapsed.
fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text extracts");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_trial_starts_only_once_every_party_accepted_the_agreement() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let id = agreed_trial(&app, &w).await;
        let path = format!("/api/v1/placements/{id}/agreement");
        let start = format!("/api/v1/placements/{id}/state");
        // Not written yet: nothing to show, and the trial cannot start.
        let res = app.api(Method::GET, &path, Some(&w.coach), None, &[]).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        let res = app
            .api(
                Method::POST,
                &start,
                Some(&w.coach),
                Some(json!({"to": "active", "on": "2027-02-01"})),
                &[("if-match", "\"2\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(res.json()["error"]["fields"]["agreement"].is_string());
        // 9 hours a day breaks the work trial's limit: 422 on the field, nothing stored.
        let mut nine = agreement_body();
        nine["hours_per_day"] = json!(9);
        let res = app
            .api(Method::PUT, &path, Some(&w.coach), Some(nine), &[])
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(
            res.json()["error"]["fields"]["hours_per_day"]
                .as_str()
                .is_some_and(|t| t.contains("4–8")),
            "{}",
            res.body
        );
        let res = app.api(Method::GET, &path, Some(&w.coach), None, &[]).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        // The employer's user may not write it.
        let res = app
            .api(
                Method::PUT,
                &path,
                Some(&w.employer_user),
                Some(agreement_body()),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        let res = app
            .api(
                Method::PUT,
                &path,
                Some(&w.coach),
                Some(agreement_body()),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        assert_eq!(res.header("etag"), "\"1\"");
        assert_eq!(
            res.json()["missing"],
            json!(["participant", "organiser", "authority"])
        );
        // A second write needs If-Match.
        let res = app
            .api(
                Method::PUT,
                &path,
                Some(&w.coach),
                Some(agreement_body()),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_REQUIRED);
        // The organiser accepts in the service; the coach records the others' paper signatures.
        let accept = format!("{path}/acceptances");
        let res = app
            .api(
                Method::POST,
                &accept,
                Some(&w.employer_user),
                Some(json!({})),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        assert_eq!(res.json()["acceptances"][0]["party"], "organiser");
        assert_eq!(res.json()["acceptances"][0]["method"], "service");
        let res = app
            .api(
                Method::POST,
                &accept,
                Some(&w.coach),
                Some(json!({"method": "paper", "party": "participant", "signer_name": "Osallistuja"})),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        let res = app
            .api(
                Method::POST,
                &start,
                Some(&w.coach),
                Some(json!({"to": "active", "on": "2027-02-01"})),
                &[("if-match", "\"2\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert_eq!(
            res.json()["error"]["fields"]["agreement"],
            "Kokeilu voi alkaa vasta, kun osallistuja, järjestäjä ja työllisyysviranomainen ovat hyväksyneet kokeilusopimuksen nykyisen version."
        );
        let res = app
            .api(
                Method::POST,
                &accept,
                Some(&w.coach),
                Some(json!({"method": "paper", "party": "authority", "signer_name": "Tarja Virkailija"})),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        assert_eq!(res.json()["missing"], json!([]));
        let res = app
            .api(
                Method::POST,
                &start,
                Some(&w.coach),
                Some(json!({"to": "active", "on": "2027-02-01"})),
                &[("if-match", "\"2\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.json()["state"], "active");
    });
}

#[test]
fn the_agreement_pdf_names_parties_tasks_hours_and_dates_in_finnish_and_swedish() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let id = agreed_trial(&app, &w).await;
        let pdf = format!("/api/v1/placements/{id}/agreement.pdf");
        // Before it is written there is no PDF.
        let (status, _, _) = get_bytes(&app, &format!("{pdf}?lang=fi"), &w.coach).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        accept_all_on_paper(&app, &w.coach, id).await;
        let svc = app.service();
        let person = svc
            .get_participant(&w.coach.actor, w.participant, "service_delivery")
            .await
            .expect("participant");
        let name = format!(
            "{} {}",
            person.personal.given_name, person.personal.family_name
        );
        let employer = svc
            .employer(&w.coordinator.actor, w.employer)
            .await
            .expect("employer");
        for (lang, hours, who) in [
            (
                "fi",
                "6 tuntia päivässä, 5 päivänä viikossa",
                &w.employer_user,
            ),
            ("sv", "6 timmar per dag, 5 dagar per vecka", &w.coach),
        ] {
            let (status, headers, bytes) =
                get_bytes(&app, &format!("{pdf}?lang={lang}"), who).await;
            assert_eq!(status, StatusCode::OK, "{lang}");
            assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
            assert!(headers[header::CONTENT_DISPOSITION]
                .to_str()
                .expect("ascii")
                .starts_with("attachment"));
            assert!(bytes.starts_with(b"%PDF"), "{lang}");
            let text = pdf_text(&bytes);
            for expected in [
                name.as_str(),
                employer.name.as_str(),
                "Toimistosiivous",
                "Ikkunanpesu",
                hours,
                "1.2.2027–31.3.2027",
                "Eeva Esimies",
                "Tarja Virkailija",
                "Allekirjoittaja",
            ] {
                assert!(
                    text.contains(expected),
                    "{lang}: {expected:?} not in {text}"
                );
            }
        }
        // English too; another language is 422 on `lang`.
        let (status, _, _) = get_bytes(&app, &format!("{pdf}?lang=en"), &w.coach).await;
        assert_eq!(status, StatusCode::OK);
        let res = app
            .api(
                Method::GET,
                &format!("{pdf}?lang=de"),
                Some(&w.coach),
                None,
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.json()["error"]["fields"]["lang"].is_string());
        // The page's download link gives the same document.
        let res = app
            .get(
                &format!("/placements/{id}/agreement.pdf?lang=sv"),
                Some(&w.coach),
            )
            .await;
        assert_eq!(res.status, StatusCode::OK);
        assert_eq!(res.header("content-type"), "application/pdf");
        // Strangers — another employer's user, another coach, the coordinator — get 404.
        let strangers = [
            app.user(Role::Employer).await,
            app.user(Role::Coach).await,
            w.coordinator,
        ];
        for who in &strangers {
            let (status, _, _) = get_bytes(&app, &format!("{pdf}?lang=fi"), who).await;
            assert_eq!(status, StatusCode::NOT_FOUND);
            let res = app
                .api(
                    Method::GET,
                    &format!("/api/v1/placements/{id}/agreement"),
                    Some(who),
                    None,
                    &[],
                )
                .await;
            assert_eq!(res.status, StatusCode::NOT_FOUND);
        }
    });
}

#[test]
fn the_employer_accepts_on_the_page_and_a_change_asks_again() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let id = agreed_trial(&app, &w).await;
        let page = format!("/placements/{id}/agreement");
        // The coach's form is prefilled with the placement's tasks; 9 hours is refused on the field.
        let res = app.get(&format!("{page}/edit"), Some(&w.coach)).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert!(res.body.contains("Toimistosiivous, Ikkunanpesu"));
        let form = |hours: &'static str, version: &'static str| {
            vec![
                ("version", version),
                ("objective", "Selvittää siivoustyön sopivuus"),
                ("start", "2027-02-01"),
                ("end", "2027-03-31"),
                ("hours_per_day", hours),
                ("days_per_week", "5"),
                ("signatory_name", "Eeva Esimies"),
                ("signatory_title", "Toimitusjohtaja"),
                ("mentor_name", ""),
                ("authority_name", "Tarja Virkailija"),
                ("authority_organisation", "Työllisyysalue"),
                ("authority_contact", "040 123 4567"),
                ("allowance_per_day", "9"),
                ("allowance_payer", "kela"),
                ("other_terms", ""),
            ]
        };
        let res = app
            .post_form(&format!("{page}/edit"), Some(&w.coach), &form("9", ""))
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res
            .body
            .contains("Työkokeilussa ollaan 4–8 tuntia päivässä."));
        let res = app
            .post_form(&format!("{page}/edit"), Some(&w.coach), &form("6", ""))
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        // The employer's user sees the button and accepts.
        let res = app.get(&page, Some(&w.employer_user)).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert!(res.body.contains("Hyväksyn sopimuksen"));
        let res = app
            .post_form(
                &format!("{page}/accept"),
                Some(&w.employer_user),
                &[("version", "1")],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let res = app.get(&page, Some(&w.employer_user)).await;
        assert!(!res.body.contains("Hyväksyn sopimuksen"));
        assert!(res.body.contains("Hyväksytty palvelussa"));
        // The coach changes the hours: the acceptance no longer counts, the button is back.
        let res = app
            .post_form(&format!("{page}/edit"), Some(&w.coach), &form("5", "1"))
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let res = app.get(&page, Some(&w.employer_user)).await;
        assert!(res.body.contains("Hyväksyn sopimuksen"));
        assert!(res.body.contains("Aiempien versioiden hyväksynnät"));
        // A stranger gets 404.
        let stranger = app.user(Role::Employer).await;
        let res = app.get(&page, Some(&stranger)).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
    });
}
