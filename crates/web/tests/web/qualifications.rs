//! Opinnollistaminen through the API: the imported units with their requirement items, a
//! coordinator maps a task to items (an unknown item is a field error and changes nothing), the
//! placement's mentor records evidence per item (another mentor and a bad item get 404), and
//! the coach reads it.

use crate::documents::{get_bytes, pdf_text};
use crate::harness::{sqlite, TestApp, User};
use crate::mentoring::{mentored, Mentored};
use axum::http::{Method, StatusCode};
use polku_domain::{
    ConsentId, ConsentMethod, ConsentPurpose, DataCategory, RecipientClass, Role, Share, ShareId,
};
use polku_store_tests::fixtures::system;
use serde_json::json;

const SYNTHETIC: &str =
    include_str!("../../../../data/qualifications/samples/sample-synthetic-peruste.json");

/// Imports the synthetic ePerusteet sample (three units) through the service.
pub(crate) async fn import_synthetic(app: &TestApp) {
    let peruste = polku_service::qualifications::eperusteet::parse(SYNTHETIC).expect("synthetic");
    app.service()
        .import_qualification(&system(), &peruste)
        .await
        .expect("import");
}

/// The mentored participant's coach records their written consent to an institution seeing
/// "skills" for `purpose` and shares "skills" with `school` for it for 30 days; the consents
/// recorded, to withdraw.
pub(crate) async fn share_skills(
    app: &TestApp,
    m: &Mentored,
    school: &User,
    purpose: ConsentPurpose,
) -> Vec<ConsentId> {
    let svc = app.service();
    let consents = svc
        .give_consent(
            &m.w.coach.actor,
            m.w.participant,
            polku_service::consents::NewConsent {
                recipient: RecipientClass::Institution,
                purpose,
                categories: vec![DataCategory::Skills],
                method: ConsentMethod::Written,
                shown: Default::default(),
            },
            "service_delivery",
        )
        .await
        .expect("consent");
    svc.share_participant(
        &m.w.coach.actor,
        Share {
            id: ShareId::new(),
            participant_id: m.w.participant,
            recipient: school.actor.user_id().expect("id"),
            categories: vec![DataCategory::Skills],
            until: polku_service::today() + time::Duration::days(30),
            revoked_at: None,
            purpose,
        },
        "service_delivery",
    )
    .await
    .expect("share");
    consents
}

#[test]
fn tasks_map_to_requirement_items_and_the_mentor_records_evidence() {
    sqlite(|app: TestApp| async move {
        let m = mentored(&app).await;
        import_synthetic(&app).await;
        // The units and their items, for any signed-in user.
        let res = app
            .api(
                Method::GET,
                "/api/v1/qualification-units",
                Some(&m.mentor),
                None,
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let units = res.json();
        let items = units["items"].as_array().expect("items");
        assert_eq!(items.len(), 3);
        assert_eq!(items[0]["code"], "tutkinnonosat_999901");
        assert_eq!(items[0]["requirements"].as_array().map(Vec::len), Some(4));
        let item = items[0]["requirements"][0]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        assert_eq!(
            items[0]["requirements"][0]["key"],
            "ammattitaitovaatimukset_99901"
        );

        // The coordinator maps the trial's task; an unknown item is a field error.
        let map = format!(
            "/api/v1/employers/{}/tasks/{}/requirements",
            m.w.employer, m.task
        );
        let res = app
            .api(
                Method::PUT,
                &map,
                Some(&m.w.coordinator),
                Some(json!({ "requirement_ids": [item, uuid::Uuid::new_v4()] })),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        let body = res.json();
        assert_eq!(body["error"]["code"], "invalid_input");
        assert_eq!(
            body["error"]["fields"]["requirement_ids"]
                .as_str()
                .map(|s| !s.is_empty()),
            Some(true),
            "{body}"
        );
        let listing = format!("/api/v1/employers/{}/task-requirements", m.w.employer);
        let res = app
            .api(Method::GET, &listing, Some(&m.w.coordinator), None, &[])
            .await;
        assert!(res.json()["items"]
            .as_array()
            .expect("tasks")
            .iter()
            .all(|t| t["requirements"].as_array().is_some_and(Vec::is_empty)));
        let res = app
            .api(
                Method::PUT,
                &map,
                Some(&m.w.coordinator),
                Some(json!({ "requirement_ids": [item] })),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let mapped = res.json();
        let task = mapped["items"]
            .as_array()
            .expect("tasks")
            .iter()
            .find(|t| t["task"] == m.task.as_str())
            .cloned()
            .expect("the task");
        assert_eq!(task["requirements"][0]["id"], item.as_str());
        // The coach may read the mapping but not change it.
        let res = app
            .api(
                Method::PUT,
                &map,
                Some(&m.w.coach),
                Some(json!({ "requirement_ids": [] })),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);

        // The mentor records evidence.
        let path = format!("/api/v1/placements/{}/qualification-evidence", m.placement);
        let today = polku_service::today().to_string();
        let evidence = |req: &str| {
            json!({
                "requirement": req, "task": m.task, "shown_on": today,
                "assessment": "partly_shown", "note": "Tarkisti lähetysluettelon ohjatusti",
            })
        };
        let res = app
            .api(
                Method::POST,
                &path,
                Some(&m.mentor),
                Some(evidence(&item)),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        let list = res.json();
        assert_eq!(list["items"][0]["assessment"], "partly_shown");
        assert_eq!(list["items"][0]["requirement"]["id"], item.as_str());
        // A bad item: 404; another mentor: 404; a grade instead of the scale: 422.
        let unknown = uuid::Uuid::new_v4().to_string();
        let res = app
            .api(
                Method::POST,
                &path,
                Some(&m.mentor),
                Some(evidence(&unknown)),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{}", res.body);
        let res = app
            .api(
                Method::POST,
                &path,
                Some(&m.other_mentor),
                Some(evidence(&item)),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        let mut graded = evidence(&item);
        graded["assessment"] = json!(5);
        let res = app
            .api(Method::POST, &path, Some(&m.mentor), Some(graded), &[])
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        // The coach reads it; nothing but the one record was written.
        let res = app
            .api(Method::GET, &path, Some(&m.w.coach), None, &[])
            .await;
        assert_eq!(res.status, StatusCode::OK);
        let list = res.json();
        assert_eq!(list["items"].as_array().map(Vec::len), Some(1));
        assert_eq!(
            list["items"][0]["note"],
            "Tarkisti lähetysluettelon ohjatusti"
        );
        let res = app
            .api(Method::GET, &path, Some(&m.other_mentor), None, &[])
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);

        // The page: the mentor sees the mapped items and records one more; a bad choice is a
        // field error in the user's language and changes nothing.
        let page_path = format!("/mentoring/{}/qualifications", m.placement);
        let page = app.get(&page_path, Some(&m.mentor)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page
            .body
            .contains("ESIMERKKI: tarkistaa esimerkkilähetyksen asiakirjat"));
        let mut fields = vec![
            ("requirement", item.as_str()),
            ("task", m.task.as_str()),
            ("shown_on", today.as_str()),
            ("assessment", "5"),
            ("note", ""),
        ];
        let res = app.post_form(&page_path, Some(&m.mentor), &fields).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.body.contains("Valitse, näyttikö henkilö osaamisen."),
            "{}",
            res.body
        );
        fields[3] = ("assessment", "shown");
        let res = app.post_form(&page_path, Some(&m.mentor), &fields).await;
        app.confirms(&res, &m.mentor, "Tallennettu.").await;
        let res = app.get(&page_path, Some(&m.other_mentor)).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);

        // The osaamistodistus: a PDF with extractable text, in Swedish too.
        for (language, partly, requirement) in [
            ("fi", "Näytti osittain", "ESIMERKKI: tarkistaa"),
            ("sv", "Visade delvis", "EXEMPEL: kontrollerar"),
        ] {
            let (status, headers, bytes) = get_bytes(
                &app,
                &format!(
                    "/api/v1/participants/{}/competence-certificate?language={language}",
                    m.w.participant
                ),
                &m.w.coach,
            )
            .await;
            assert_eq!(status, StatusCode::OK);
            assert_eq!(headers["content-type"], "application/pdf");
            assert!(headers["content-disposition"]
                .to_str()
                .expect("ascii")
                .starts_with("attachment"));
            let text = pdf_text(&bytes);
            assert!(text.contains(requirement), "{text}");
            assert!(text.contains(partly), "{text}");
            assert!(text.contains("HOKS") || text.contains("PUK"), "{text}");
        }
        let text = pdf_text(
            &get_bytes(
                &app,
                &format!(
                    "/api/v1/participants/{}/competence-certificate?language=en",
                    m.w.participant
                ),
                &m.w.coach,
            )
            .await
            .2,
        );
        assert!(text.contains("Partly shown"), "{text}");
        assert!(text.contains("tutkinnonosat_999901"), "{text}");
        // Each generation is kept: one competence-certificate document, one version per
        // download (fi, sv, en), the newest in English, readable back as the same PDF kind.
        let docs = app
            .service()
            .documents(&m.w.coach.actor, m.w.participant, "service_delivery")
            .await
            .expect("documents");
        let certs: Vec<_> = docs
            .iter()
            .filter(|d| d.kind == polku_domain::DocumentKind::CompetenceCertificate)
            .collect();
        assert_eq!(certs.len(), 1, "{docs:?}");
        assert_eq!(certs[0].version, 3);
        let file = app
            .service()
            .download_document(
                &m.w.coach.actor,
                m.w.participant,
                certs[0].id,
                Some(3),
                "service_delivery",
            )
            .await
            .expect("the stored version");
        assert_eq!(file.version.content_type, "application/pdf");
        assert!(pdf_text(&file.bytes).contains("Partly shown"));
        let (status, _, _) = get_bytes(
            &app,
            &format!(
                "/api/v1/participants/{}/competence-certificate",
                m.w.participant
            ),
            &m.mentor,
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        // The referring institution: nothing without a share and consent for "transition".
        let svc = app.service();
        let school = app.user(Role::Institution).await;
        let shared = format!(
            "/api/v1/shared/participants/{}/qualification-evidence",
            m.w.participant
        );
        let res = app
            .api(Method::GET, &shared, Some(&school), None, &[])
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        let consents = share_skills(&app, &m, &school, ConsentPurpose::Transition).await;
        let res = app
            .api(Method::GET, &shared, Some(&school), None, &[])
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let body = res.json();
        assert_eq!(
            body["placements"][0]["items"][0]["requirement"]["id"],
            item.as_str()
        );
        assert!(body["hoks_notice"]["fi"]
            .as_str()
            .is_some_and(|t| t.contains("HOKS")));
        // Another school user of the project without a share: 404.
        let other_school = app.user(Role::Institution).await;
        let res = app
            .api(Method::GET, &shared, Some(&other_school), None, &[])
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        // The consent is withdrawn: hidden on the next request.
        for c in consents {
            svc.withdraw_consent(&m.w.coach.actor, m.w.participant, c, "service_delivery")
                .await
                .expect("withdraw");
        }
        let res = app
            .api(Method::GET, &shared, Some(&school), None, &[])
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
    });
}
