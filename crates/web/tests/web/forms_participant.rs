//! Participant forms that fit the work: municipalities by name, former ones mapped to today's
//! with a notice; unknown names refused by name; education in plain words; the functioning
//! questionnaire one group per page with progress, each save keeping the other groups.

use crate::harness::{
    coach_with_participant, count, field_value, has, select_texts, sqlite, version_in,
};
use axum::http::StatusCode;
use polku_domain::*;

fn status_texts(body: &str) -> String {
    select_texts(body, "[role=status].notice-success").join(" ")
}

#[test]
fn a_former_municipality_is_saved_as_todays_with_a_notice() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let url = format!("/participants/{id}/availability");
        let page = app.get(&url, Some(&coach)).await;
        // Today's names are offered; a municipality that has ceased is not.
        assert!(has(&page.body, "input#home[list=home-names]"));
        assert!(has(&page.body, "datalist#home-names option[value=Lahti]"));
        assert!(!has(
            &page.body,
            "datalist#home-names option[value=Pertunmaa]"
        ));
        assert!(!has(
            &page.body,
            "datalist#home-names option[value=Nastola]"
        ));
        let version = version_in(&page.body);
        let res = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("version", &version),
                    ("hours_min", "10"),
                    ("hours_max", "20"),
                    ("days_max", "5"),
                    ("home", "nastola"),
                    ("acceptable", "Hollola, Nastola"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let view = app
            .service()
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("view");
        let m = &view.personal.mobility;
        assert_eq!(m.home.as_str(), "398", "Nastola is saved as Lahti");
        let acceptable: Vec<&str> = m.acceptable.iter().map(|c| c.as_str()).collect();
        assert_eq!(acceptable, ["098", "398"], "Hollola and Lahti");

        let to = res.header("location").to_owned();
        let shown = app.get(&to, Some(&coach)).await;
        let text = status_texts(&shown.body);
        assert!(text.contains("Saatavuus tallennettu."), "{text}");
        assert!(
            text.contains("Nastola yhdistettiin toiseen kuntaan vuonna 2016.")
                && text.contains("Nykyinen kunta on Lahti"),
            "{text}"
        );
        assert_eq!(text.matches("Nastola").count(), 1, "told once: {text}");
        assert_eq!(field_value(&shown.body, "home").as_deref(), Some("Lahti"));
        // The notice comes only with the confirmation, and only for codes on the merger list.
        let again = app.get(&url, Some(&coach)).await;
        assert!(!status_texts(&again.body).contains("Nastola"));
        let forged = app
            .get(
                &format!("{url}?saved=availability&merged=398"),
                Some(&coach),
            )
            .await;
        assert_eq!(status_texts(&forged.body), "Saatavuus tallennettu.");
    });
}

#[test]
fn enrolling_with_a_former_home_municipality_tells_which_was_saved() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let res = app
            .post_form(
                "/participants/new",
                Some(&coach),
                &[
                    ("given_name", "Matti"),
                    ("family_name", "Meikäläinen"),
                    ("home", "Nastola"),
                    ("hours_min", "10"),
                    ("hours_max", "20"),
                    ("days_max", "4"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let to = res.header("location").to_owned();
        let page = app.get(&to, Some(&coach)).await;
        let text = status_texts(&page.body);
        assert!(text.contains("Osallistuja lisätty."), "{text}");
        assert!(text.contains("Nykyinen kunta on Lahti"), "{text}");
        let path = to.split('?').next().unwrap_or_default();
        let id = ParticipantId::parse(path.trim_start_matches("/participants/")).expect("id");
        let view = app
            .service()
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("stored");
        assert_eq!(view.personal.mobility.home.as_str(), "398");
    });
}

#[test]
fn an_unknown_municipality_is_refused_by_name() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let url = format!("/participants/{id}/availability");
        let page = app.get(&url, Some(&coach)).await;
        let version = version_in(&page.body);
        let res = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("version", &version),
                    ("hours_min", "10"),
                    ("hours_max", "20"),
                    ("days_max", "5"),
                    ("home", "Lahti"),
                    ("acceptable", "Hollola, Nastolx, Atlantis"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        let error = select_texts(&res.body, "#acceptable-error").join(" ");
        assert_eq!(
            error,
            "Kuntaa ei tunnistettu: Nastolx, Atlantis. Tarkista nimi, esimerkiksi Lahti."
        );
        assert!(
            select_texts(&res.body, ".error-summary a[href=\"#acceptable\"]")
                .iter()
                .any(|t| t.contains("Nastolx")),
            "the summary names it too"
        );
        let home = app
            .post_form(
                "/participants/new",
                Some(&coach),
                &[
                    ("given_name", "Matti"),
                    ("family_name", "M"),
                    ("home", "Lahden kaupunki"),
                    ("hours_min", "10"),
                    ("hours_max", "20"),
                    ("days_max", "4"),
                ],
            )
            .await;
        assert_eq!(home.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(select_texts(&home.body, "#home-error")
            .concat()
            .contains("Lahden kaupunki"));
        // The unchanged participant still lives in Lahti.
        let view = app
            .service()
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("view");
        assert!(view.personal.mobility.acceptable.is_empty());
    });
}

#[test]
fn education_is_asked_in_words() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        for url in [
            "/participants/new".to_owned(),
            format!("/participants/{id}"),
        ] {
            let page = app.get(&url, Some(&coach)).await;
            assert_eq!(page.status, StatusCode::OK, "{url}");
            let options = select_texts(&page.body, "select#education_isced option");
            assert_eq!(options.len(), 10, "{url}: not recorded and nine levels");
            assert!(options.iter().all(|o| !o.contains("ISCED")), "{options:?}");
            assert!(options.contains(&"Peruskoulu".to_owned()), "{options:?}");
            assert!(options.contains(&"Lukio tai ammatillinen perustutkinto".to_owned()));
            assert!(has(
                &page.body,
                "select#education_isced option[value=\"6\"]"
            ));
        }
    });
}

#[test]
fn the_questionnaire_is_one_group_per_page_and_keeps_the_others() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let url = format!("/participants/{id}/functioning");
        let page = app.get(&url, Some(&coach)).await;
        assert_eq!(page.status, StatusCode::OK);
        // Step 1 of 5: the seven physical questions only, with the progress shown.
        assert_eq!(
            select_texts(&page.body, "h3#step-progress"),
            ["Osa 1/5: Keho ja liikkuminen"]
        );
        assert_eq!(count(&page.body, "ol.steps > li"), 5);
        assert_eq!(count(&page.body, "ol.steps [aria-current=step]"), 1);
        assert_eq!(count(&page.body, "ol.steps a"), 4);
        assert_eq!(count(&page.body, "form fieldset"), 7);
        assert!(has(&page.body, "input[name=dim-lifting]"));
        assert!(!has(&page.body, "input[name=dim-vision]"));
        assert!(!has(&page.body, "input[name=acc]"));
        // Options are said about the person.
        assert!(page.body.contains("0: En jaksa seistä"), "{}", page.body);

        // Step 2 first, so saving step 1 must keep it.
        let two = app.get(&format!("{url}?step=2"), Some(&coach)).await;
        assert_eq!(
            select_texts(&two.body, "h3#step-progress"),
            ["Osa 2/5: Aistit ja työympäristö"]
        );
        assert!(has(&two.body, "input[name=dim-vision]"));
        let res = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("version", &version_in(&two.body)),
                    ("step", "2"),
                    ("go", "next"),
                    ("dim-vision", "3"),
                    ("dim-noise", "1"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert!(res.header("location").contains("step=3"));
        let three = app
            .confirms(&res, &coach, "Toimintakyky tallennettu.")
            .await;
        assert!(has(&three.body, "input[name=dim-concentration]"));

        let one = app.get(&url, Some(&coach)).await;
        let res = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("version", &version_in(&one.body)),
                    ("step", "1"),
                    ("go", "next"),
                    ("dim-lifting", "2"),
                    ("dim-standing", "0"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert!(res.header("location").contains("step=2"));
        let view = app
            .service()
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("view");
        let f = &view.sensitive.functioning;
        let level = |n| Assessment::Assessed(Level::new(n).expect("level"));
        assert_eq!(f.get(Dimension::Lifting), level(2));
        assert_eq!(f.get(Dimension::Standing), level(0));
        assert_eq!(f.get(Dimension::Vision), level(3), "group 2 kept");
        assert_eq!(f.get(Dimension::Noise), level(1), "group 2 kept");

        // The last step holds accommodations and notes; "back" goes to step 4.
        let five = app.get(&format!("{url}?step=5"), Some(&coach)).await;
        assert!(has(&five.body, "input[name=acc]"));
        assert!(!has(&five.body, "input[name=dim-lifting]"));
        let res = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("version", &version_in(&five.body)),
                    ("step", "5"),
                    ("go", "prev"),
                    ("acc", "lifting_trolley"),
                    ("notes", "Tarvitsee taukoja"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert!(res.header("location").contains("step=4"));
        let view = app
            .service()
            .get_participant(&coach.actor, id, "service_delivery")
            .await
            .expect("view");
        assert_eq!(view.sensitive.accommodations, ["lifting_trolley"]);
        assert_eq!(view.sensitive.functional_notes, "Tarvitsee taukoja");
        assert_eq!(
            view.sensitive.functioning.get(Dimension::Lifting),
            level(2),
            "the questions are kept when the last step is saved"
        );
        // A stale version is a conflict, as on every tab.
        let stale = app
            .post_form(
                &url,
                Some(&coach),
                &[
                    ("version", &version_in(&one.body)),
                    ("step", "1"),
                    ("dim-lifting", "4"),
                ],
            )
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
    });
}
