//! The ESF+ tab: the questions are asked in plain words, the entry form refuses bad input on the
//! fields and saves nothing, keeps "declined to answer" apart from "not known", the leaving and
//! six-month forms check their dates and answers, every save is confirmed, another coach gets
//! "not found", and a six-month follow-up that is due shows on the coach's home page.

use crate::harness::{coach_with_participant, has, has_text, select_texts, sqlite, version_in};
use axum::http::StatusCode;
use polku_domain::*;

const ENTRY: [(&str, &str); 8] = [
    ("gender", "woman"),
    ("status", "long_term_unemployed"),
    ("education", "basic"),
    ("third_country", "no"),
    ("foreign_background", "declined"),
    ("homeless", "not_known"),
    ("disability", "yes"),
    ("minority", "declined"),
];

#[test]
fn the_forms_ask_plainly_check_input_on_the_fields_and_confirm_saving() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let url = format!("/participants/{id}/esf");
        let page = app.get(&url, Some(&coach)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(has(&page.body, "form[action$='/esf/entry']"));
        assert!(has(&page.body, "input[name=gender][value=declined]"));
        assert!(has(&page.body, "input[name=gender][value=not_known]"));
        assert!(has(
            &page.body,
            "input[name=education][value=specialist_vocational]"
        ));
        assert!(
            !has(&page.body, "form[action$='/esf/leaving']"),
            "entry first"
        );
        let version = version_in(&page.body);
        assert_eq!(version, "0");
        // The questions are asked in plain words, each with its own answers.
        let legends = select_texts(&page.body, "fieldset > legend");
        for q in [
            "Korkein koulutus, joka on suoritettu ennen aloitusta",
            "Onko henkilö EU:n ulkopuolisen maan kansalainen?",
            "Onko henkilö asunnoton tai vaarassa jäädä ilman asuntoa?",
            "Arkaluonteiset tiedot (vapaaehtoiset)",
        ] {
            assert!(legends.iter().any(|l| l == q), "{q}: {legends:?}");
        }
        assert!(has_text(
            &page.body,
            "label",
            "Pitkäaikaistyötön (työttömänä yhtäjaksoisesti vähintään 12 kuukautta)"
        ));
        assert!(has_text(&page.body, "label", "Ei halua vastata"));
        assert!(!page.body.contains("esf-q-"), "a message key shows");

        // A value that is none of the answers is refused on its field.
        let mut fields: Vec<(&str, &str)> = vec![("version", "0"), ("entered_on", "2026-01-12")];
        fields.extend(ENTRY.iter().filter(|(k, _)| *k != "education"));
        fields.push(("education", "phd_in_everything"));
        let res = app
            .post_form(&format!("{url}/entry"), Some(&coach), &fields)
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has_text(
            &res.body,
            "#education-error",
            "Valitse yksi vaihtoehto."
        ));
        assert!(has(&res.body, "input[name=gender][value=woman][checked]"));

        // No gender and a malformed date: errors on those fields, nothing saved.
        let res = app
            .post_form(
                &format!("{url}/entry"),
                Some(&coach),
                &[
                    ("version", "0"),
                    ("entered_on", "15.3.2026"),
                    ("status", "unemployed"),
                    ("education", "basic"),
                    ("third_country", "no"),
                    ("foreign_background", "no"),
                    ("homeless", "no"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(has_text(
            &res.body,
            "#entered_on-error",
            "Anna päivämäärä muodossa vvvv-kk-pp."
        ));
        assert!(has_text(
            &res.body,
            "#gender-error",
            "Valitse yksi vaihtoehto."
        ));
        assert!(app
            .service()
            .esf_record(&coach.actor, id)
            .await
            .unwrap()
            .is_none());

        // A future date is refused by the service, on its field.
        let tomorrow = (polku_service::today() + time::Duration::days(1)).to_string();
        let mut fields: Vec<(&str, &str)> = vec![("version", "0"), ("entered_on", &tomorrow)];
        fields.extend(ENTRY);
        let res = app
            .post_form(&format!("{url}/entry"), Some(&coach), &fields)
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has_text(
            &res.body,
            "#entered_on-error",
            "Päivämäärä ei voi olla tulevaisuudessa."
        ));

        let mut fields: Vec<(&str, &str)> = vec![("version", "0"), ("entered_on", "2026-01-12")];
        fields.extend(ENTRY);
        let res = app
            .post_form(&format!("{url}/entry"), Some(&coach), &fields)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(res.header("location"), format!("{url}?saved=esf-entry"));
        let r = app
            .service()
            .esf_record(&coach.actor, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(r.entry.foreign_background, Answer::Declined);
        assert_eq!(r.entry.homeless, Answer::NotKnown);
        assert_eq!(r.entry.special.disability, Answer::Yes);
        assert_eq!(r.entry.special.minority, Answer::Declined);
        assert_eq!(r.entry.status, EntryStatus::LongTermUnemployed);
        let shown = app.get(res.header("location"), Some(&coach)).await;
        let notice = select_texts(&shown.body, "[role=status].notice-success").join(" ");
        assert!(notice.contains("Aloitustiedot tallennettu."), "{notice}");
        assert!(has(
            &shown.body,
            "input[name=foreign_background][value=declined][checked]"
        ));
        assert!(has(
            &shown.body,
            "input[name=homeless][value=not_known][checked]"
        ));

        // Leaving before entering is refused on the date; a stale version is a conflict.
        let res = app
            .post_form(
                &format!("{url}/leaving"),
                Some(&coach),
                &[
                    ("version", "1"),
                    ("left_on", "2026-01-11"),
                    ("result", "employed"),
                    ("qualification", "no"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has_text(
            &res.body,
            "#left_on-error",
            "Lopetuspäivä ei voi olla ennen aloituspäivää."
        ));
        let res = app
            .post_form(
                &format!("{url}/leaving"),
                Some(&coach),
                &[
                    ("version", "0"),
                    ("left_on", "2026-02-11"),
                    ("result", "employed"),
                    ("qualification", "no"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::CONFLICT);
        let res = app
            .post_form(
                &format!("{url}/leaving"),
                Some(&coach),
                &[
                    ("version", "1"),
                    ("left_on", "2026-02-11"),
                    ("result", "self_employed"),
                    ("qualification", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let r = app
            .service()
            .esf_record(&coach.actor, id)
            .await
            .unwrap()
            .unwrap();
        let l = r.leaving.unwrap();
        assert_eq!(
            (l.result, l.qualification),
            (LeavingResult::SelfEmployed, true)
        );
        let shown = app.get(res.header("location"), Some(&coach)).await;
        let notice = select_texts(&shown.body, "[role=status].notice-success").join(" ");
        assert!(notice.contains("Lopetustiedot tallennettu."), "{notice}");
        assert!(has(&shown.body, "form[action$='/esf/six-months']"));

        // The six-month follow-up: too early and an improvement for someone who was not
        // working at entry are refused on their fields and change nothing; then it is saved.
        let six = |checked_on: &'static str, improved: &'static str| {
            vec![
                ("version", "2"),
                ("checked_on", checked_on),
                ("employed", "yes"),
                ("improved", improved),
            ]
        };
        let res = app
            .post_form(
                &format!("{url}/six-months"),
                Some(&coach),
                &six("2026-08-10", "no"),
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has_text(
            &res.body,
            "#checked_on-error",
            "Seuranta tehdään aikaisintaan kuusi kuukautta lopetuksen jälkeen."
        ));
        let res = app
            .post_form(
                &format!("{url}/six-months"),
                Some(&coach),
                &six("2026-08-11", "yes"),
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has_text(
            &res.body,
            "#improved-error",
            "Tilanne voi parantua vain, jos henkilö oli töissä jo aloittaessaan."
        ));
        let stored = app.service().esf_record(&coach.actor, id).await.unwrap();
        assert_eq!(stored.as_ref().map(|r| r.version), Some(2));
        assert!(stored.unwrap().six_months.is_none(), "nothing saved");
        let res = app
            .post_form(
                &format!("{url}/six-months"),
                Some(&coach),
                &six("2026-08-11", "no"),
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(
            res.header("location"),
            format!("{url}?saved=esf-six-months")
        );
        let shown = app.get(res.header("location"), Some(&coach)).await;
        let notice = select_texts(&shown.body, "[role=status].notice-success").join(" ");
        assert!(notice.contains("Seuranta tallennettu."), "{notice}");
        let r = app
            .service()
            .esf_record(&coach.actor, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            r.six_months.map(|s| (s.employed, s.improved)),
            Some((Answer::Yes, Answer::No))
        );

        // Another coach: not found.
        let other = app.user(Role::Coach).await;
        assert_eq!(
            app.get(&url, Some(&other)).await.status,
            StatusCode::NOT_FOUND
        );
    });
}

#[test]
fn a_due_six_month_follow_up_shows_on_the_coach_home_page() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let today = polku_service::today();
        let svc = app.service();
        svc.save_esf_entry(
            &coach.actor,
            id,
            EsfEntryData {
                entered_on: today - time::Duration::days(400),
                gender: Gender::Man,
                status: EntryStatus::Unemployed,
                education: Education::NotKnown,
                third_country_national: Answer::NotKnown,
                foreign_background: Answer::NotKnown,
                homeless: Answer::NotKnown,
                special: EsfSpecial::default(),
            },
            0,
            today,
        )
        .await
        .unwrap();
        let home = app.get("/", Some(&coach)).await;
        assert!(!home.body.contains("ESR+-seuranta"), "not left yet");
        svc.record_leaving(
            &coach.actor,
            id,
            Some(Leaving {
                left_on: today - time::Duration::days(200),
                result: LeavingResult::JobSearching,
                qualification: false,
            }),
            1,
            today,
        )
        .await
        .unwrap();
        let home = app.get("/", Some(&coach)).await;
        assert!(home.body.contains("ESR+-seuranta"), "{}", home.body);
        assert!(has(
            &home.body,
            &format!("a[href='/participants/{id}/esf#six-months']")
        ));
    });
}

#[test]
fn the_api_reads_and_writes_the_record_with_etags() {
    use axum::http::Method;
    use serde_json::json;
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let base = format!("/api/v1/participants/{id}/esf");
        assert_eq!(
            app.api(Method::GET, &base, Some(&coach), None, &[])
                .await
                .status,
            StatusCode::NOT_FOUND,
            "nothing recorded yet"
        );
        let entry = json!({
            "entered_on": "2026-01-12", "gender": "non_binary", "status": "employed",
            "education": "college", "third_country_national": "declined",
            "foreign_background": "not_known", "homeless": "no", "disability": "declined"
        });
        let put = format!("{base}/entry");
        let res = app
            .api(Method::PUT, &put, Some(&coach), Some(entry.clone()), &[])
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_REQUIRED);
        let res = app
            .api(
                Method::PUT,
                &put,
                Some(&coach),
                Some(entry.clone()),
                &[("if-match", "\"0\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.header("etag"), "\"1\"");
        let j = res.json();
        assert_eq!(j["entry"]["third_country_national"], "declined");
        assert_eq!(j["entry"]["foreign_background"], "not_known");
        assert_eq!(j["entry"]["minority"], "not_known", "left out: not known");
        assert_eq!(j["rural"], "not_known");
        // A second "first" entry is a stale version.
        let res = app
            .api(
                Method::PUT,
                &put,
                Some(&coach),
                Some(entry),
                &[("if-match", "\"0\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::PRECONDITION_FAILED);
        // Leaving before entering: 422 on the field.
        let res = app
            .api(
                Method::PUT,
                &format!("{base}/leaving"),
                Some(&coach),
                Some(
                    json!({"left_on": "2026-01-01", "result": "employed", "qualification": false}),
                ),
                &[("if-match", "\"1\"")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(
            res.json()["error"]["fields"]["left_on"].is_string(),
            "{}",
            res.body
        );
        let other = app.user(Role::Coach).await;
        assert_eq!(
            app.api(Method::GET, &base, Some(&other), None, &[])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    });
}
