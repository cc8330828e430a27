//! The coach's and coordinator's placement pages: proposing from a suggestion (plain form posts,
//! no script), a broken rule of law shown on its field in Finnish and English, a coordinator
//! preparing from a candidate row and the coach confirming, state moves with a required reason
//! and a version check, another coach's 404, the caseload and path showing the placement, and
//! linking employer users.

use crate::harness::{
    has, has_text, placement_world, select_attr, select_attrs, select_text, sqlite, version_in,
    PlacementWorld, Res, TestApp, User, ORIGIN,
};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use polku_domain::{
    EmployerAnswer, MunicipalityCode, Opening, OpeningId, OpeningKind, PlacementId, PlacementState,
    Role,
};
use polku_store_tests::fixtures::system;

/// A work trial opening at the world's employer with both its tasks.
async fn opening(app: &TestApp, w: &PlacementWorld) -> OpeningId {
    let o = Opening {
        id: OpeningId::new(),
        employer_id: w.employer,
        kind: OpeningKind::WorkTrial,
        title: "Siivouksen työkokeilu".into(),
        tasks: w.tasks.clone(),
        municipality: MunicipalityCode::parse("398").expect("Lahti"),
        capacity: 2,
        monthly_wage_eur: None,
        starts_on: None,
        ends_on: None,
        version: 1,
    };
    let id = o.id;
    app.service()
        .add_opening(&system(), o)
        .await
        .expect("opening");
    id
}

/// The fields a browser would send for the form on `body` (inputs with values, checked
/// checkboxes that are not disabled, selected options), with `changes` applied.
fn form_fields(body: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let doc = crate::harness::html(body);
    let mut out: Vec<(String, String)> = Vec::new();
    let sel = scraper::Selector::parse("form#form input, form#form select").expect("css");
    let opt = scraper::Selector::parse("option[selected]").expect("css");
    for el in doc.select(&sel) {
        let v = el.value();
        let Some(name) = v.attr("name") else { continue };
        if v.attr("disabled").is_some() {
            continue;
        }
        match (v.name(), v.attr("type")) {
            ("input", Some("checkbox")) if v.attr("checked").is_some() => {
                out.push((name.into(), v.attr("value").unwrap_or("on").into()));
            }
            ("input", Some("checkbox")) => {}
            ("input", _) => out.push((name.into(), v.attr("value").unwrap_or("").into())),
            ("select", _) => {
                let chosen = el
                    .select(&opt)
                    .next()
                    .and_then(|o| o.value().attr("value"))
                    .unwrap_or("");
                out.push((name.into(), chosen.into()));
            }
            _ => {}
        }
    }
    for (k, v) in changes {
        out.retain(|(n, _)| n != k);
        out.push(((*k).into(), (*v).into()));
    }
    out
}

/// A form POST with the interface language chosen by cookie.
async fn post_in(
    app: &TestApp,
    path: &str,
    user: &User,
    lang: &str,
    fields: &[(String, String)],
) -> Res {
    let body = fields
        .iter()
        .map(|(k, v)| format!("{}={}", crate::harness::enc(k), crate::harness::enc(v)))
        .collect::<Vec<_>>()
        .join("&");
    let req = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::ORIGIN, ORIGIN)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(
            header::COOKIE,
            format!("{}; polku_lang={lang}", user.cookie()),
        )
        .body(Body::from(body))
        .expect("request");
    app.send(req).await
}

async fn get_in(app: &TestApp, path: &str, user: &User, lang: &str) -> Res {
    let req = Request::builder()
        .method(Method::GET)
        .uri(path)
        .header(
            header::COOKIE,
            format!("{}; polku_lang={lang}", user.cookie()),
        )
        .body(Body::empty())
        .expect("request");
    app.send(req).await
}

fn pairs(f: &[(&str, &str)]) -> Vec<(String, String)> {
    f.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect()
}

/// A proposal made through the service as the coach (proposed at once).
async fn proposed(app: &TestApp, w: &PlacementWorld) -> PlacementId {
    let new = polku_service::placements::NewPlacement {
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
    };
    app.service()
        .propose_placement(&w.coach.actor, new)
        .await
        .expect("proposal")
        .id
}

#[test]
fn the_coach_proposes_from_a_suggestion_with_plain_form_posts() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let o = opening(&app, &w).await;
        let pid = w.participant;
        // The suggestion links to the form prefilled from its opening.
        let page = app
            .get(&format!("/participants/{pid}/suggestions"), Some(&w.coach))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        let link = format!(
            "/participants/{pid}/placements/new?employer={}&opening={o}",
            w.employer
        );
        let hrefs = select_attrs(&page.body, "a.button", "href");
        assert!(hrefs.contains(&link), "no proposal link in {hrefs:?}");

        let form = app.get(&link, Some(&w.coach)).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        // The opening's tasks are ticked; the consented groups are offered and ticked, the
        // others disabled with "no consent".
        let ticked = select_attrs(&form.body, "input[name=tasks][checked]", "value");
        assert_eq!(ticked.len(), 2, "{ticked:?}");
        assert!(has(
            &form.body,
            "input[name=categories][value=skills][checked]"
        ));
        assert!(has(
            &form.body,
            "input[name=categories][value=functioning][disabled]"
        ));
        assert!(form.body.contains("ei suostumusta"));
        assert_eq!(
            select_attr(&form.body, "select[name=kind] option[selected]", "value").as_deref(),
            Some("work_trial")
        );

        // Sent as the browser would, without script.
        let fields = form_fields(&form.body, &[]);
        let res = post_in(
            &app,
            &format!("/participants/{pid}/placements/new"),
            &w.coach,
            "fi",
            &fields,
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let tab = app
            .confirms(&res, &w.coach, "Ehdotus lähetetty työnantajalle.")
            .await;
        assert!(
            has_text(&tab.body, "td .badge", "Ehdotettu"),
            "{}",
            tab.body
        );
        let list = app
            .service()
            .participant_placements(&w.coach.actor, pid)
            .await
            .expect("list");
        assert_eq!(list.len(), 1);
        let p = &list[0].placement;
        assert_eq!(p.state, PlacementState::Proposed);
        assert_eq!(p.opening_id, Some(o), "the opening is linked to the person");
        assert_eq!(p.tasks.len(), 2);

        // From the tab: first the employer, then the tasks.
        let first = app
            .get(
                &format!("/participants/{pid}/placements/new"),
                Some(&w.coach),
            )
            .await;
        assert_eq!(first.status, StatusCode::OK);
        assert!(has(&first.body, "form[method=get] select[name=employer]"));
        let second = app
            .get(
                &format!("/participants/{pid}/placements/new?employer={}", w.employer),
                Some(&w.coach),
            )
            .await;
        assert_eq!(second.status, StatusCode::OK);
        assert_eq!(
            select_attrs(&second.body, "input[name=tasks]", "value").len(),
            2
        );
        assert!(!has(&second.body, "input[name=tasks][checked]"));
    })
}

#[test]
fn a_broken_rule_is_shown_on_its_field_in_finnish_and_english() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let o = opening(&app, &w).await;
        let pid = w.participant;
        let link = format!(
            "/participants/{pid}/placements/new?employer={}&opening={o}",
            w.employer
        );
        let form = get_in(&app, &link, &w.coach, "en").await;
        assert!(form.body.contains("(no consent)"), "{}", form.body);
        let fields = form_fields(
            &form.body,
            &[
                ("hours_per_day", "9"),
                ("start", "2027-02-01"),
                ("end", "2027-03-31"),
            ],
        );
        let url = format!("/participants/{pid}/placements/new");
        for (lang, text) in [("fi", "4–8 tuntia"), ("en", "4–8 hours")] {
            let res = post_in(&app, &url, &w.coach, lang, &fields).await;
            assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
            let next_to = select_text(&res.body, "#hours_per_day-error").unwrap_or_default();
            assert!(next_to.contains(text), "{lang}: {next_to}");
            assert_eq!(
                select_attr(&res.body, ".error-summary a", "href").as_deref(),
                Some("#hours_per_day")
            );
            // The typed values are kept.
            assert!(has(&res.body, "input[name=hours_per_day][value='9']"));
        }
        // No tasks: the rule's error is next to the tasks.
        let mut none = form_fields(
            &form.body,
            &[("start", "2027-02-01"), ("end", "2027-03-31")],
        );
        none.retain(|(k, _)| k != "tasks");
        let res = post_in(&app, &url, &w.coach, "en", &none).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            select_text(&res.body, "#tasks-error").as_deref(),
            Some("Choose at least one task.")
        );
        let stored = app
            .service()
            .participant_placements(&w.coach.actor, pid)
            .await
            .expect("list");
        assert!(stored.is_empty(), "a refused proposal stores nothing");
    })
}

#[test]
fn a_coordinator_prepares_from_a_candidate_row_and_the_coach_confirms() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let o = opening(&app, &w).await;
        let candidates = format!("/employers/{}/openings/{o}/candidates", w.employer);
        let page = app.get(&candidates, Some(&w.coordinator)).await;
        assert_eq!(page.status, StatusCode::OK);
        let prepare = select_attrs(&page.body, "a[href$='/prepare']", "href");
        let mine = format!("{candidates}/{}/prepare", w.participant);
        assert!(prepare.contains(&mine), "{prepare:?} {}", page.body);
        // A coach reading the candidates gets no such action.
        let as_coach = app.get(&candidates, Some(&w.coach)).await;
        assert!(!has(&as_coach.body, "a[href$='/prepare']"));

        let form = app.get(&mine, Some(&w.coordinator)).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        assert!(
            !has(&form.body, "input[name=categories]"),
            "no consent choice"
        );
        let fields = form_fields(
            &form.body,
            &[("start", "2027-02-01"), ("end", "2027-03-31")],
        );
        let res = post_in(&app, &mine, &w.coordinator, "fi", &fields).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let open = app
            .confirms(
                &res,
                &w.coordinator,
                "Ehdotus valmisteltu. Työhönvalmentaja vahvistaa sen.",
            )
            .await;
        assert!(open.body.contains("Valmisteltu"), "{}", open.body);
        assert!(has(
            &open.body,
            &format!("a[href='/employers/{}']", w.employer)
        ));

        // The coach sees it waiting on the home page and the tab, and confirms it.
        let home = app.get("/", Some(&w.coach)).await;
        let href = select_attr(&home.body, "#prepared a", "href").expect("prepared on home");
        let tab = app
            .get(
                &format!("/participants/{}/placements", w.participant),
                Some(&w.coach),
            )
            .await;
        assert!(tab.body.contains("Odottaa vahvistustasi"));
        let detail = app.get(&href, Some(&w.coach)).await;
        assert_eq!(detail.status, StatusCode::OK);
        assert!(has(
            &detail.body,
            "input[name=categories][value=contact][checked]"
        ));
        assert!(has(
            &detail.body,
            "input[name=categories][value=functioning][disabled]"
        ));
        let version = version_in(&detail.body);
        let confirm = format!("{href}/confirm");
        // Nothing chosen: refused on the field.
        let bad = app
            .post_form(
                &confirm,
                Some(&w.coach),
                &[("version", &version), ("to", "proposed")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&bad.body, "#categories-error"));
        let ok = app
            .post_form(
                &confirm,
                Some(&w.coach),
                &[
                    ("version", &version),
                    ("to", "proposed"),
                    ("categories", "skills"),
                ],
            )
            .await;
        let page = app
            .confirms(
                &ok,
                &w.coach,
                "Ehdotus vahvistettu ja lähetetty työnantajalle.",
            )
            .await;
        assert_eq!(
            select_text(&page.body, "#state").as_deref(),
            Some("Ehdotettu")
        );
        let id = PlacementId::parse(href.trim_start_matches("/placements/")).expect("id");
        let p = app
            .service()
            .placement(&w.coach.actor, id)
            .await
            .expect("placement")
            .placement;
        assert_eq!(p.categories, vec![polku_domain::DataCategory::Skills]);
        // The employer user now sees it through the API.
        let api = app
            .api(
                Method::GET,
                &format!("/api/v1/placements/{id}"),
                Some(&w.employer_user),
                None,
                &[],
            )
            .await;
        assert_eq!(api.status, StatusCode::OK);
    })
}

#[test]
fn state_moves_need_a_reason_and_a_current_version() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let id = proposed(&app, &w).await;
        app.service()
            .answer_proposal(&w.employer_user.actor, id, EmployerAnswer::Yes, None, 1)
            .await
            .expect("yes");
        // A trial starts under an agreement every party has accepted.
        crate::agreements::accept_all_on_paper(&app, &w.coach, id).await;
        let url = format!("/placements/{id}");
        let page = app.get(&url, Some(&w.coach)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(
            select_text(&page.body, "#state").as_deref(),
            Some("Sovittu")
        );
        let version = version_in(&page.body);
        assert_eq!(version, "2");
        let state = format!("{url}/state");
        // Interrupting needs a reason: the error is next to that form's reason.
        let res = post_in(
            &app,
            &state,
            &w.coach,
            "en",
            &pairs(&[
                ("version", "2"),
                ("to", "interrupted"),
                ("on", "2027-02-10"),
                ("reason", " "),
            ]),
        )
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            select_text(&res.body, "#interrupted-reason-error").as_deref(),
            Some("Give the reason.")
        );
        // Started.
        let res = app
            .post_form(
                &state,
                Some(&w.coach),
                &[("version", "2"), ("to", "active"), ("on", "2027-02-01")],
            )
            .await;
        let page = app
            .confirms(&res, &w.coach, "Työjakson tila tallennettu.")
            .await;
        assert_eq!(
            select_text(&page.body, "#state").as_deref(),
            Some("Käynnissä")
        );
        // A stale version: the conflict message, nothing changed.
        let stale = app
            .post_form(
                &state,
                Some(&w.coach),
                &[("version", "2"), ("to", "completed"), ("on", "2027-03-31")],
            )
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        assert!(stale.body.contains("Työjaksoa on muutettu sillä välin"));
        assert_eq!(version_in(&stale.body), "3");
        let p = app
            .service()
            .placement(&w.coach.actor, id)
            .await
            .expect("placement")
            .placement;
        assert_eq!(p.state, PlacementState::Active);
        // Interrupted with a reason.
        let res = app
            .post_form(
                &state,
                Some(&w.coach),
                &[
                    ("version", "3"),
                    ("to", "interrupted"),
                    ("on", "2027-02-20"),
                    ("reason", "Työtehtävät loppuivat"),
                ],
            )
            .await;
        let page = app
            .confirms(&res, &w.coach, "Työjakson tila tallennettu.")
            .await;
        assert_eq!(
            select_text(&page.body, "#state").as_deref(),
            Some("Keskeytynyt")
        );
        assert!(page.body.contains("Työtehtävät loppuivat"));
        assert!(
            !has(&page.body, "form[action$='/state']"),
            "no moves after the end"
        );
    })
}

#[test]
fn another_coach_gets_not_found() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let id = proposed(&app, &w).await;
        let other = app.user(Role::Coach).await;
        for path in [
            format!("/placements/{id}"),
            format!("/participants/{}/placements", w.participant),
            format!("/participants/{}/placements/new", w.participant),
        ] {
            assert_eq!(
                app.get(&path, Some(&other)).await.status,
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        let res = app
            .post_form(
                &format!("/placements/{id}/state"),
                Some(&other),
                &[
                    ("version", "1"),
                    ("to", "withdrawn"),
                    ("on", "2027-01-10"),
                    ("reason", "x"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        let p = app
            .service()
            .placement(&w.coach.actor, id)
            .await
            .expect("placement")
            .placement;
        assert_eq!(p.state, PlacementState::Proposed, "nothing changed");
        // The employer user does not get the coach's page either.
        assert_ne!(
            app.get(&format!("/placements/{id}"), Some(&w.employer_user))
                .await
                .status,
            StatusCode::OK
        );
    })
}

#[test]
fn the_caseload_and_the_path_show_the_placement() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        proposed(&app, &w).await;
        let employer = app
            .service()
            .employer(&w.coordinator.actor, w.employer)
            .await
            .expect("employer")
            .name;
        let caseload = app.get("/participants", Some(&w.coach)).await;
        let cell = select_text(&caseload.body, "td.placement").expect("placement cell");
        assert!(
            cell.contains("Ehdotettu") && cell.contains(&employer),
            "{cell}"
        );
        let path = app
            .get(
                &format!("/participants/{}/path", w.participant),
                Some(&w.coach),
            )
            .await;
        assert_eq!(path.status, StatusCode::OK);
        assert!(has_text(&path.body, "td .badge", "Ehdotettu"));
        assert!(path.body.contains("1.2.2027"));
    })
}

#[test]
fn a_coordinator_links_and_unlinks_employer_users() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let other = app.user(Role::Employer).await;
        let url = format!("/employers/{}", w.employer);
        let page = app.get(&url, Some(&w.coordinator)).await;
        assert!(has(&page.body, "#employer-users"));
        let other_id = other.actor.user_id().expect("id").to_string();
        assert!(has(
            &page.body,
            &format!("select[name=user] option[value='{other_id}']")
        ));
        let res = app
            .post_form(
                &format!("{url}/users"),
                Some(&w.coordinator),
                &[("user", &other_id)],
            )
            .await;
        let page = app
            .confirms(&res, &w.coordinator, "Käyttäjä linkitetty työnantajaan.")
            .await;
        assert!(has(
            &page.body,
            &format!("form[action='{url}/users/{other_id}/unlink']")
        ));
        assert_eq!(
            app.service()
                .employers_of_user(&other.actor, other.actor.user_id().expect("id"))
                .await
                .expect("links"),
            vec![w.employer]
        );
        let res = app
            .post_form(
                &format!("{url}/users/{other_id}/unlink"),
                Some(&w.coordinator),
                &[],
            )
            .await;
        app.confirms(&res, &w.coordinator, "Käyttäjän linkitys poistettu.")
            .await;
        assert!(app
            .service()
            .employers_of_user(&other.actor, other.actor.user_id().expect("id"))
            .await
            .expect("links")
            .is_empty());
        // A coach reading the employer sees no such section.
        let as_coach = app.get(&url, Some(&w.coach)).await;
        assert!(!has(&as_coach.body, "#employer-users"));
    })
}

#[test]
fn the_coach_records_an_answer_told_by_phone_with_who_when_and_how() {
    sqlite(|app| async move {
        let w = placement_world(&app).await;
        let id = proposed(&app, &w).await;
        let url = format!("/placements/{id}");
        let page = get_in(&app, &url, &w.coach, "sv").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(has_text(
            &page.body,
            "#told-title",
            "Registrera arbetsgivarens svar"
        ));
        let answer = format!("{url}/answer");
        let head = app
            .db
            .store
            .audit_head()
            .await
            .expect("head")
            .map_or(0, |(seq, _)| seq);
        // Refused, each error on its field in the user's language, nothing changed: no
        // channel, nobody named, a day in the future.
        let res = post_in(
            &app,
            &answer,
            &w.coach,
            "en",
            &pairs(&[("version", "1"), ("answer", "yes"), ("on", "2027-01-10")]),
        )
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            select_text(&res.body, "#via-error").as_deref(),
            Some("Choose whether the answer came by phone or by e-mail.")
        );
        let res = post_in(
            &app,
            &answer,
            &w.coach,
            "en",
            &pairs(&[
                ("version", "1"),
                ("answer", "yes"),
                ("via", "phone"),
                ("contact", " "),
                ("on", "2027-01-10"),
            ]),
        )
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            select_text(&res.body, "#contact-error").as_deref(),
            Some("Write who answered for the employer.")
        );
        let future = (polku_service::today() + time::Duration::days(3)).to_string();
        let res = post_in(
            &app,
            &answer,
            &w.coach,
            "fi",
            &pairs(&[
                ("version", "1"),
                ("answer", "yes"),
                ("via", "phone"),
                ("contact", "Maija Esimerkki"),
                ("on", &future),
            ]),
        )
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            select_text(&res.body, "#answer-on-error").as_deref(),
            Some("Vastauspäivä ei voi olla tulevaisuudessa.")
        );
        // A no needs its reason, on the form's own reason field.
        let today = polku_service::today().to_string();
        let res = post_in(
            &app,
            &answer,
            &w.coach,
            "fi",
            &pairs(&[
                ("version", "1"),
                ("answer", "no"),
                ("via", "email"),
                ("contact", "Maija Esimerkki"),
                ("on", &today),
            ]),
        )
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            select_text(&res.body, "#answer-reason-error").as_deref(),
            Some("Kerro, miksi vastaus on ei.")
        );
        let p = app
            .service()
            .placement(&w.coach.actor, id)
            .await
            .expect("placement")
            .placement;
        assert_eq!(
            (p.state, p.version, p.answer),
            (PlacementState::Proposed, 1, None)
        );
        // Recorded: agreed, with who, when and how, audited with the channel.
        let res = post_in(
            &app,
            &answer,
            &w.coach,
            "fi",
            &pairs(&[
                ("version", "1"),
                ("answer", "yes"),
                ("via", "phone"),
                ("contact", "Maija Esimerkki"),
                ("on", &today),
            ]),
        )
        .await;
        let page = app
            .confirms(&res, &w.coach, "Työnantajan vastaus kirjattu.")
            .await;
        assert_eq!(
            select_text(&page.body, "#state").as_deref(),
            Some("Sovittu")
        );
        let how = select_text(&page.body, "#answer-how").expect("how");
        assert!(
            how.starts_with("Vastasi puhelimessa: Maija Esimerkki"),
            "{how}"
        );
        assert!(!has(&page.body, "#told"), "the form is gone once answered");
        let p = app
            .service()
            .placement(&w.coach.actor, id)
            .await
            .expect("placement")
            .placement;
        assert_eq!(p.state, PlacementState::Agreed);
        assert_eq!(p.answer_via, Some(polku_domain::AnswerChannel::Phone));
        assert_eq!(p.answer_contact.as_deref(), Some("Maija Esimerkki"));
        assert_eq!(p.answered_by, w.coach.actor.user_id());
        let rows = app.db.store.audit_page(head, 1000).await.expect("audit");
        assert_eq!(
            rows.iter()
                .filter(|r| r.action == format!("placement_answer_yes_phone:{id}"))
                .count(),
            1
        );
        // Another coach's: not found.
        let other = app.user(Role::Coach).await;
        let res = app
            .post_form(
                &answer,
                Some(&other),
                &[
                    ("version", "2"),
                    ("answer", "no"),
                    ("via", "phone"),
                    ("contact", "X"),
                    ("on", &today),
                    ("reason", "x"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        // The employer's own answer in the service is shown as such.
        let id = proposed(&app, &w).await;
        app.service()
            .answer_proposal(&w.employer_user.actor, id, EmployerAnswer::Meet, None, 1)
            .await
            .expect("meet");
        let page = get_in(&app, &format!("/placements/{id}"), &w.coach, "en").await;
        let how = select_text(&page.body, "#answer-how").expect("how");
        assert!(how.starts_with("Answered in the service on"), "{how}");
    })
}
