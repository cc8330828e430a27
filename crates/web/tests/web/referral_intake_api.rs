//! Intake referrals through the API (issue 14): a coach records an incoming referral of a person
//! who is not yet a participant (`POST /api/v1/referrals/intake`) with the person's consent to
//! the dedicated intake wording; it is listed as incoming and a coach of the project accepts it,
//! creating the participant. Refusals store nothing. The intake form shows the same wording and
//! carries its hash. Each test runs on SQLite, and on PostgreSQL when `POLKU_TEST_POSTGRES_URL`
//! is set.

use crate::employers::user_in;
use crate::harness::{has, select_attr, TestApp};
use axum::http::{Method, StatusCode};
use polku_domain::{ConsentPurpose, DataCategory, RecipientClass, Role};
use polku_service::consents::{intake_wording, wording};
use polku_store_tests::fixtures::World;
use serde_json::{json, Value};

const PATH: &str = "/api/v1/referrals/intake";

fn body(project: &str) -> Value {
    json!({
        "project": project,
        "source": "ohjaamo",
        "organisation": "Ohjaamo Lahti",
        "referred_on": polku_service::today().to_string(),
        "reason": "Etsii työkokeilupaikkaa",
        "handover": {
            "given_name": "Eetu",
            "family_name": "Tulija",
            "phone": "040 123 4567",
            "home_municipality": "398",
            "goals": "Työ varastossa"
        },
        "consent": {
            "categories": ["contact", "goals"],
            "method": "in_meeting",
            "shown": {
                "contact": intake_wording(DataCategory::Contact).hash,
                "goals": intake_wording(DataCategory::Goals).hash
            }
        }
    })
}

/// Asserts a 422 whose message on `path` is the Finnish text of the catalogue key `key` (the
/// requester's language: Finnish by default).
fn field(res: &crate::harness::Res, path: &str, key: &str) {
    let v = res.json();
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert_eq!(v["error"]["code"], "invalid_input", "{}", res.body);
    let i18n = polku_web::i18n::I18n::load().expect("catalogues");
    assert!(i18n.has(polku_web::i18n::Locale::Fi, key), "{key}");
    assert_eq!(
        v["error"]["fields"][path],
        i18n.text(polku_web::i18n::Locale::Fi, key),
        "{path}: {}",
        res.body
    );
}

async fn a_coach_records_an_intake_referral_through_the_api_and_a_coach_accepts_it(app: TestApp) {
    let coach = app.user(Role::Coach).await;
    let project = app.world.project.id.to_string();
    let stored = || async {
        app.service()
            .referral_inbox(&coach.actor)
            .await
            .expect("inbox")
            .len()
    };

    // Without the person's consent: 422 on `consent`, nothing stored.
    let mut b = body(&project);
    b.as_object_mut().expect("object").remove("consent");
    let res = app
        .api(Method::POST, PATH, Some(&coach), Some(b), &[])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    field(&res, "consent", "rule-referral-needs-consent");
    // A consent that does not cover the goals recorded: refused the same way.
    let mut b = body(&project);
    b["consent"]["categories"] = json!(["contact"]);
    let res = app
        .api(Method::POST, PATH, Some(&coach), Some(b), &[])
        .await;
    field(&res, "consent", "rule-referral-needs-consent");
    // The school handover's wording is not the intake's: a stale hash, 422 on `consent.shown`.
    let mut b = body(&project);
    b["consent"]["shown"]["contact"] = json!(
        wording(
            ConsentPurpose::Transition,
            RecipientClass::Institution,
            DataCategory::Contact
        )
        .hash
    );
    let res = app
        .api(Method::POST, PATH, Some(&coach), Some(b), &[])
        .await;
    field(&res, "consent.shown", "api-field-invalid");
    // A school as the source is refused with its own code; an unknown source is invalid.
    let mut b = body(&project);
    b["source"] = json!("institution");
    let res = app
        .api(Method::POST, PATH, Some(&coach), Some(b), &[])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    field(&res, "source", "rule-referral-intake-school");
    let mut b = body(&project);
    b["source"] = json!("school");
    let res = app
        .api(Method::POST, PATH, Some(&coach), Some(b), &[])
        .await;
    field(&res, "source", "api-field-invalid");
    // A closed body: an unknown field is 422 naming it.
    let mut b = body(&project);
    b["participant"] = json!(project);
    let res = app
        .api(Method::POST, PATH, Some(&coach), Some(b), &[])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    // Another project's coach may not record one for this project (the project is named in
    // the body, as for the school referral: 422 on `project`); a school or a manager may not
    // call the operation at all (403); without a token, 401.
    let other_world = World::new(app.service()).await;
    let stranger = user_in(&app, &other_world, Role::Coach).await;
    let res = app
        .api(
            Method::POST,
            PATH,
            Some(&stranger),
            Some(body(&project)),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    field(&res, "project", "rule-referral-unknown-project");
    for role in [Role::Institution, Role::Manager] {
        let u = app.user(role).await;
        let res = app
            .api(Method::POST, PATH, Some(&u), Some(body(&project)), &[])
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{role:?}: {}", res.body);
        assert_eq!(res.json()["error"]["code"], "forbidden");
    }
    let res = app
        .api(Method::POST, PATH, None, Some(body(&project)), &[])
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED, "{}", res.body);
    assert_eq!(stored().await, 0, "nothing was stored by a refusal");

    // Recorded: 201 with the ETag, pending, the intake wording's hashes.
    let res = app
        .api(Method::POST, PATH, Some(&coach), Some(body(&project)), &[])
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(res.header("etag"), "\"1\"");
    let r = res.json();
    let id = r["id"].as_str().expect("id").to_owned();
    assert_eq!(r["direction"], "incoming");
    assert_eq!(r["source"], "ohjaamo");
    assert_eq!(r["status"], "pending");
    assert_eq!(r["project"], project.as_str());
    assert_eq!(r["participant"], Value::Null);
    assert_eq!(r["handover"]["given_name"], "Eetu");
    let hashes: Vec<(&str, &str)> = r["consents"]
        .as_array()
        .expect("consents")
        .iter()
        .map(|c| {
            (
                c["category"].as_str().expect("category"),
                c["text_version_hash"].as_str().expect("hash"),
            )
        })
        .collect();
    let contact = intake_wording(DataCategory::Contact).hash;
    let goals = intake_wording(DataCategory::Goals).hash;
    assert_eq!(
        hashes,
        vec![("contact", contact.as_str()), ("goals", goals.as_str())]
    );
    // Listed as incoming for the project's coaches, with the waiting time.
    let list = app
        .api(Method::GET, "/api/v1/referrals", Some(&coach), None, &[])
        .await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    let items = list.json()["items"].as_array().expect("items").clone();
    let listed = items
        .iter()
        .find(|i| i["id"] == id.as_str())
        .expect("listed");
    assert_eq!(listed["direction"], "incoming");
    assert_eq!(listed["waiting_days"], 0);
    // Another project's coach: not in their list, 404 on read and on accept.
    let theirs = app
        .api(Method::GET, "/api/v1/referrals", Some(&stranger), None, &[])
        .await;
    assert!(!theirs.body.contains(&id), "{}", theirs.body);
    let one = format!("/api/v1/referrals/{id}");
    let res = app.api(Method::GET, &one, Some(&stranger), None, &[]).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND, "{}", res.body);
    let accept = format!("{one}/accept");
    let res = app
        .api(
            Method::POST,
            &accept,
            Some(&stranger),
            None,
            &[("if-match", "\"1\"")],
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND, "{}", res.body);

    // A coach of the project accepts it: the participant is created with the person's data.
    let other_coach = app.user(Role::Coach).await;
    let res = app
        .api(Method::POST, &accept, Some(&other_coach), None, &[])
        .await;
    assert_eq!(
        res.status,
        StatusCode::PRECONDITION_REQUIRED,
        "{}",
        res.body
    );
    let res = app
        .api(
            Method::POST,
            &accept,
            Some(&other_coach),
            None,
            &[("if-match", "\"1\"")],
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let participant = res.json()["participant"]
        .as_str()
        .expect("participant")
        .to_owned();
    let p = app
        .api(
            Method::GET,
            &format!("/api/v1/participants/{participant}"),
            Some(&other_coach),
            None,
            &[],
        )
        .await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    assert_eq!(p.json()["personal"]["given_name"], "Eetu");
    assert_eq!(p.json()["project_id"], project.as_str());
    let r = app
        .api(Method::GET, &one, Some(&other_coach), None, &[])
        .await;
    assert_eq!(r.json()["status"], "accepted");
    assert_eq!(r.json()["participant"], participant.as_str());
    // Accepted once only.
    let res = app
        .api(
            Method::POST,
            &accept,
            Some(&other_coach),
            None,
            &[("if-match", r.header("etag"))],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    field(&res, "status", "rule-referral-not-pending");
}

async fn the_intake_form_shows_the_intake_wording_and_carries_its_hash(app: TestApp) {
    let coach = app.user(Role::Coach).await;
    for (lang, locale) in [("fi", "fi"), ("sv", "sv"), ("en", "en")] {
        let req = axum::http::Request::builder()
            .uri("/referrals/intake")
            .header(axum::http::header::COOKIE, coach.cookie())
            .header(axum::http::header::ACCEPT_LANGUAGE, lang)
            .body(axum::body::Body::empty())
            .expect("request");
        let form = app.send(req).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        for c in [
            DataCategory::Contact,
            DataCategory::Goals,
            DataCategory::Functioning,
        ] {
            let w = intake_wording(c);
            let text = &w.texts.iter().find(|(l, _)| *l == locale).expect("text").1;
            let shown =
                crate::harness::select_text(&form.body, &format!("#wording-{}", c.as_str()))
                    .expect("the wording is shown");
            assert_eq!(&shown, text, "{lang}");
            assert_eq!(
                select_attr(
                    &form.body,
                    &format!("input[name=hash-{}]", c.as_str()),
                    "value"
                )
                .as_deref(),
                Some(w.hash.as_str())
            );
            assert!(has(
                &form.body,
                &format!(
                    "#consent-{}[aria-describedby=wording-{}]",
                    c.as_str(),
                    c.as_str()
                )
            ));
        }
    }
}

/// How many times `user` listed incoming referrals (audited list reads).
async fn incoming_list_reads(app: &TestApp, user: &crate::harness::User) -> usize {
    let id = user.actor.user_id().expect("user").to_string();
    app.db
        .store
        .audit_query(&polku_service::store::AuditQuery {
            limit: 1000,
            ..Default::default()
        })
        .await
        .expect("audit")
        .iter()
        .filter(|r| r.actor.contains(&id) && r.action == "list_incoming_referrals")
        .count()
}

async fn the_api_serves_the_intake_wording_and_lists_the_intake_referrals(app: TestApp) {
    let coach = app.user(Role::Coach).await;
    let project = app.world.project.id.to_string();

    // The intake wording, in every language, with the hash the intake operation checks; it
    // names no recipient kind, so one given is refused; an unknown category is refused.
    let mut shown = serde_json::Map::new();
    for c in [DataCategory::Contact, DataCategory::Goals] {
        let res = app
            .api(
                Method::GET,
                &format!(
                    "/api/v1/consent-wording?purpose=intake&category={}",
                    c.as_str()
                ),
                Some(&coach),
                None,
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let w = res.json();
        let expected = intake_wording(c);
        assert_eq!(w["purpose"], "intake");
        assert_eq!(w["recipient"], Value::Null);
        assert_eq!(w["category"], c.as_str());
        assert_eq!(w["hash"], expected.hash.as_str());
        for (lang, text) in &expected.texts {
            assert_eq!(w["texts"][lang], text.as_str(), "{lang}");
        }
        assert_eq!(w["texts"].as_object().map(|o| o.len()), Some(4));
        assert_ne!(
            expected.hash,
            wording(ConsentPurpose::Transition, RecipientClass::Institution, c).hash
        );
        shown.insert(c.as_str().to_owned(), w["hash"].clone());
    }
    let res = app
        .api(
            Method::GET,
            "/api/v1/consent-wording?purpose=intake&recipient=institution&category=contact",
            Some(&coach),
            None,
            &[],
        )
        .await;
    field(&res, "recipient", "api-field-unknown");
    let res = app
        .api(
            Method::GET,
            "/api/v1/consent-wording?purpose=intake&category=secrets",
            Some(&coach),
            None,
            &[],
        )
        .await;
    field(&res, "category", "api-field-invalid");
    // The placement and transition wordings still need their recipient.
    let res = app
        .api(
            Method::GET,
            "/api/v1/consent-wording?purpose=transition&category=contact",
            Some(&coach),
            None,
            &[],
        )
        .await;
    field(&res, "recipient", "api-field-invalid");

    // The hashes served are the ones an intake referral carries.
    let mut b = body(&project);
    b["consent"]["shown"] = Value::Object(shown);
    let res = app
        .api(Method::POST, PATH, Some(&coach), Some(b), &[])
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let intake = res.json()["id"].as_str().expect("id").to_owned();
    // A school's referral to the same project.
    let school = app.user(Role::Institution).await;
    let res = app
        .post_form(
            "/referrals/new",
            Some(&school),
            &crate::referral_pages::referral_form(&project, true),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let from_school = crate::referral_pages::location_path(&res)
        .trim_start_matches("/referrals/")
        .to_owned();
    let ids = |res: &crate::harness::Res| -> Vec<String> {
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        res.json()["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| i["id"].as_str().expect("id").to_owned())
            .collect()
    };
    let all = app
        .api(Method::GET, "/api/v1/referrals", Some(&coach), None, &[])
        .await;
    let all = ids(&all);
    assert!(
        all.contains(&intake) && all.contains(&from_school),
        "{all:?}"
    );

    // `GET …/referrals/intake`: the intake referrals only, for the project's coaches and
    // managers, as the full list shows them; one audited list read.
    let before = incoming_list_reads(&app, &coach).await;
    let res = app.api(Method::GET, PATH, Some(&coach), None, &[]).await;
    assert_eq!(ids(&res), vec![intake.clone()]);
    let item = &res.json()["items"][0];
    assert_eq!(item["source"], "ohjaamo");
    assert_eq!(item["status"], "pending");
    assert_eq!(item["waiting_days"], 0);
    assert_eq!(item["handover"]["given_name"], "Eetu");
    assert_eq!(incoming_list_reads(&app, &coach).await, before + 1);
    let manager = app.user(Role::Manager).await;
    let res = app.api(Method::GET, PATH, Some(&manager), None, &[]).await;
    assert_eq!(ids(&res), vec![intake.clone()]);
    // Another project's coach: an empty list; a school user: 403; without a token: 401.
    let other_world = World::new(app.service()).await;
    let stranger = user_in(&app, &other_world, Role::Coach).await;
    let res = app.api(Method::GET, PATH, Some(&stranger), None, &[]).await;
    assert!(ids(&res).is_empty(), "{}", res.body);
    let res = app.api(Method::GET, PATH, Some(&school), None, &[]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.body);
    let res = app.api(Method::GET, PATH, None, None, &[]).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED, "{}", res.body);
    // Once accepted it stays in the list with its new state, as in the full list.
    let res = app
        .api(
            Method::POST,
            &format!("/api/v1/referrals/{intake}/accept"),
            Some(&coach),
            None,
            &[("if-match", "\"1\"")],
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let res = app.api(Method::GET, PATH, Some(&coach), None, &[]).await;
    assert_eq!(ids(&res), vec![intake.clone()]);
    assert_eq!(res.json()["items"][0]["status"], "accepted");
}

/// Each test runs on SQLite, and on PostgreSQL when `POLKU_TEST_POSTGRES_URL` is set.
macro_rules! on_both {
    ($($name:ident),+ $(,)?) => {
        mod sqlite { $( #[test] fn $name() { crate::harness::sqlite(super::$name) } )+ }
        mod postgres { $( #[test] fn $name() { crate::harness::on(polku_store_tests::Backend::Postgres, super::$name) } )+ }
    };
}

on_both!(
    a_coach_records_an_intake_referral_through_the_api_and_a_coach_accepts_it,
    the_intake_form_shows_the_intake_wording_and_carries_its_hash,
    the_api_serves_the_intake_wording_and_lists_the_intake_referrals
);
