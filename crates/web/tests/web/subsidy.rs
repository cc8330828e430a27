//! The subsidy facts and the full estimate in the pages: the employer's legal form on the
//! register form, when unemployment began on the participant's background form, and every
//! rule that may apply on the suggestions page.

use crate::harness::{field_value, has, sqlite, version_in, TestApp, User};
use axum::http::StatusCode;
use polku_domain::*;
use polku_store_tests::fixtures::system;

/// An association (when `association`) with a paid 10-hour cleaning opening (€1,200 a month).
async fn employer(app: &TestApp, legal_form: Option<LegalForm>) -> EmployerId {
    let svc = app.service();
    let e = Employer {
        legal_form,
        ..app.world.employer()
    };
    svc.create_employer(&system(), e.clone())
        .await
        .expect("employer");
    let t = app.world.task(e.id, "Toimistosiivous");
    svc.add_task(&system(), t.clone()).await.expect("task");
    let o = Opening {
        id: OpeningId::new(),
        employer_id: e.id,
        kind: OpeningKind::Job,
        title: "Siivooja, osa-aika".into(),
        tasks: vec![t.id],
        municipality: MunicipalityCode::parse("398").expect("Lahti"),
        capacity: 1,
        monthly_wage_eur: Some(1200),
        starts_on: None,
        ends_on: None,
        version: 1,
    };
    svc.add_opening(&system(), o).await.expect("opening");
    e.id
}

/// A coach and a participant born in 1985, without reduced work ability, unemployed since
/// `since`.
async fn participant(app: &TestApp, since: Option<time::Date>) -> (User, ParticipantId) {
    let coach = app.user(Role::Coach).await;
    let mut p = app.world.new_participant();
    p.personal.hetu = None;
    p.personal.esf = EsfEntry {
        birth_year: Some(1985),
        disability: Some(false),
        unemployed_since: since,
        ..EsfEntry::default()
    };
    let id = app
        .service()
        .create_participant(&coach.actor, p, "service_delivery")
        .await
        .expect("participant");
    (coach, id)
}

#[test]
fn the_legal_form_is_chosen_on_the_register_form_and_checked() {
    sqlite(|app| async move {
        let id = employer(&app, None).await;
        let coordinator = app.user(Role::Coordinator).await;
        let url = format!("/employers/{id}/edit");
        let form = app.get(&url, Some(&coordinator)).await;
        assert!(has(
            &form.body,
            "select#legal_form option[value=association]"
        ));
        let fields = |form: &'static str| {
            vec![
                ("name", "Lahden Siivouspalvelu ry"),
                ("business_id", "1572860-0"),
                ("industry_tol", "81210"),
                ("size", "small"),
                ("municipalities", "398"),
                ("cooperation", "engaged"),
                ("legal_form", form),
                ("version", "1"),
            ]
        };
        let bad = app
            .post_form(&url, Some(&coordinator), &fields("pirate"))
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        assert!(has(&bad.body, "#legal_form-error"), "{}", bad.body);
        let e = app
            .service()
            .employer(&system(), id)
            .await
            .expect("employer");
        assert_eq!(
            (e.legal_form, e.version),
            (None, 1),
            "a refusal changes nothing"
        );
        let ok = app
            .post_form(&url, Some(&coordinator), &fields("association"))
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let e = app
            .service()
            .employer(&system(), id)
            .await
            .expect("employer");
        assert_eq!(e.legal_form, Some(LegalForm::Association));
        let show = app
            .get(&format!("/employers/{id}"), Some(&coordinator))
            .await;
        assert!(show.body.contains("Yhdistys"), "{}", show.body);
        // The API answers with it too.
        let api = app
            .api(
                axum::http::Method::GET,
                &format!("/api/v1/employers/{id}"),
                Some(&coordinator),
                None,
                &[],
            )
            .await;
        assert_eq!(api.json()["legal_form"], "association");
    });
}

#[test]
fn unemployed_since_is_saved_from_the_background_form() {
    sqlite(|app| async move {
        let (coach, id) = participant(&app, None).await;
        let url = format!("/participants/{id}");
        let page = app.get(&url, Some(&coach)).await;
        assert!(has(&page.body, "input#unemployed_since[type=date]"));
        let save = |since: &str, version: &str| {
            let f = [
                ("version", version),
                ("action", "save"),
                ("given_name", "Aino"),
                ("family_name", "Virtanen"),
                ("birth_year", "1985"),
                ("unemployed_since", since),
            ];
            f.map(|(k, v)| (k, v.to_owned()))
        };
        let version = version_in(&page.body);
        let fields = save("32.13.2020", &version);
        let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let bad = app.post_form(&url, Some(&coach), &f).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        assert!(has(&bad.body, "#unemployed_since-error"));
        let fields = save("1.3.2020", &version);
        let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let ok = app.post_form(&url, Some(&coach), &f).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let view = app
            .service()
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("view");
        assert_eq!(
            view.personal.esf.unemployed_since,
            Some(time::macros::date!(2020 - 03 - 01))
        );
        assert!(view.personal.esf.long_term_unemployed, "the mark follows");
        let page = app.get(&url, Some(&coach)).await;
        assert_eq!(
            field_value(&page.body, "unemployed_since").as_deref(),
            Some("2020-03-01")
        );
    });
}

#[test]
fn suggestions_show_every_rule_with_euros_and_the_status_note() {
    sqlite(|app| async move {
        employer(&app, Some(LegalForm::Association)).await;
        let since = polku_service::clock::today() - time::Duration::days(800);
        let (coach, id) = participant(&app, Some(since)).await;
        let res = app
            .get(&format!("/participants/{id}/suggestions"), Some(&coach))
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let b = &res.body;
        assert!(b.contains("Tuet, jotka voivat sopia"), "{b}");
        assert!(
            b.contains("Palkkatuki 100 %, yhdistys, säätiö tai uskonnollinen yhdyskunta"),
            "{b}"
        );
        assert!(b.contains("Palkkatuki, ammatillisen osaamisen parantaminen"));
        // 100 % of €1,200 × 1.23 = €1,476 a month, for 12 months €17,712; it is the best.
        assert!(b.contains("1\u{a0}476\u{a0}€"), "{b}");
        assert!(b.contains("17\u{a0}712\u{a0}€"), "{b}");
        assert!(b.contains("paras"));
        assert!(b.contains("Tarkista: tehtävät eivät ole liiketoimintaa."));
        assert!(b.contains("Sääntö on osittain vahvistettu"));
        assert!(b.contains("Varmista tuki työvoimaviranomaiselta."));
        // The lifting trolley from the work-arrangement subsidy, and the sum.
        assert!(b.contains("Työolosuhteiden järjestelytuki"));
        assert!(b.contains("18\u{a0}062\u{a0}€"), "{b}");
        // In English too.
        let en = app
            .send(
                axum::http::Request::get(format!("/participants/{id}/suggestions"))
                    .header("cookie", format!("{}; polku_lang=en", coach.cookie()))
                    .body(axum::body::Body::empty())
                    .expect("request"),
            )
            .await;
        assert!(en.body.contains("Subsidies that may apply"), "{}", en.body);
        assert!(en
            .body
            .contains("Confirm the subsidy with the employment authority."));
    });
}

#[test]
fn the_api_takes_unemployed_since_and_refuses_a_future_day() {
    sqlite(|app| async move {
        use axum::http::Method;
        let (coach, id) = participant(&app, None).await;
        let path = format!("/api/v1/participants/{id}");
        let future = (polku_service::clock::today() + time::Duration::days(40)).to_string();
        let res = app
            .api(
                Method::PATCH,
                &path,
                Some(&coach),
                Some(serde_json::json!({"personal": {"esf": {"unemployed_since": future}}})),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        let fields = res.json()["error"]["fields"].clone();
        assert!(
            fields.get("personal.esf.unemployed_since").is_some(),
            "{fields}"
        );
        let res = app
            .api(
                Method::PATCH,
                &path,
                Some(&coach),
                Some(serde_json::json!({"personal": {"esf": {"unemployed_since": "2021-05-01"}}})),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let esf = res.json()["personal"]["esf"].clone();
        assert_eq!(esf["unemployed_since"], "2021-05-01");
        assert_eq!(esf["long_term_unemployed"], true);
    });
}
