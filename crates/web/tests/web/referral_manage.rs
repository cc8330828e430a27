//! What the referral pages add to the school handover (issue 14 items 2 and 3): the "Refer a
//! student" form names its projects; the school attaches a document (checked from its content)
//! and withdraws a referral or records a withdrawn consent, each after a confirmation page; and a
//! coach records an incoming referral of a person who is not yet a participant, which a coach
//! of the project accepts (creating the participant). Another school's or another project's
//! user gets "not found" for all of it. Each test runs on SQLite, and on PostgreSQL when
//! `POLKU_TEST_POSTGRES_URL` is set.

use crate::employers::user_in;
use crate::harness::{has, has_text, select_attr, select_texts, TestApp, User, ORIGIN};
use crate::referral_pages::{accept, form_version, location_path, referral_form};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use polku_domain::Role;
use polku_store_tests::fixtures::World;

const BOUNDARY: &str = "polku-referral-boundary";

/// A browser's `multipart/form-data` POST of a title and a file.
async fn upload(
    app: &TestApp,
    path: &str,
    user: &User,
    title: &str,
    bytes: &[u8],
) -> crate::harness::Res {
    let mut b = Vec::new();
    b.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n{title}\r\n"
        )
        .as_bytes(),
    );
    b.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
        )
        .as_bytes(),
    );
    b.extend_from_slice(bytes);
    b.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let req = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::ORIGIN, ORIGIN)
        .header(header::COOKIE, user.cookie())
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(b))
        .expect("request");
    app.send(req).await
}

/// The smallest file the upload check takes as a PNG.
fn png() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    b.extend_from_slice(&[
        0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE,
    ]);
    b
}

/// The school's refer form with the student's consent to documents as well.
fn school_form(project: &str) -> Vec<(&str, &str)> {
    let mut form = referral_form(project, true);
    form.push(("consent-documents", "on"));
    form
}

/// A school refers a student with consent for documents too; the referral's page path.
async fn refer(app: &TestApp, school: &User) -> String {
    let project = app.world.project.id.to_string();
    let res = app
        .post_form("/referrals/new", Some(school), &school_form(&project))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    location_path(&res)
}

async fn the_refer_form_names_each_project(app: TestApp) {
    let school = app.user(Role::Institution).await;
    let form = app.get("/referrals/new", Some(&school)).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let p = &app.world.project;
    assert_eq!(
        select_texts(&form.body, "select#project option[value]")
            .into_iter()
            .filter(|o| !o.is_empty())
            .collect::<Vec<_>>(),
        vec![format!("{} ({})", p.name, p.code)],
        "{}",
        form.body
    );
    let listed = app
        .service()
        .referral_projects(&school.actor)
        .await
        .expect("projects");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, p.id);
    // A coach holds no institution role: no projects to refer to, and no form.
    let coach = app.user(Role::Coach).await;
    assert!(app
        .service()
        .referral_projects(&coach.actor)
        .await
        .expect("projects")
        .is_empty());
    assert_eq!(
        app.get("/referrals/new", Some(&coach)).await.status,
        StatusCode::FORBIDDEN
    );
}

async fn the_school_attaches_a_document_checked_from_its_content(app: TestApp) {
    let school = app.user(Role::Institution).await;
    let coach = app.user(Role::Coach).await;
    let path = refer(&app, &school).await;
    let page = app.get(&path, Some(&school)).await;
    assert!(
        has(
            &page.body,
            &format!("form[action='{path}/documents'][enctype='multipart/form-data']")
        ),
        "{}",
        page.body
    );
    // The coach does not attach: no form, and the route refuses.
    let theirs = app.get(&path, Some(&coach)).await;
    assert!(!has(
        &theirs.body,
        &format!("form[action='{path}/documents']")
    ));
    assert_eq!(
        upload(
            &app,
            &format!("{path}/documents"),
            &coach,
            "Todistus",
            &png()
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    // HTML named .pdf: refused from its content, nothing attached.
    let res = upload(
        &app,
        &format!("{path}/documents"),
        &school,
        "Todistus",
        b"<html><script>alert(1)</script></html>",
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(has_text(
        &res.body,
        "#file-error",
        "Vain PDF-, PNG- ja JPEG-tiedostoja voi ladata. Tiedoston sisältö ei ole mikään näistä."
    ));
    assert!(!res.body.contains("/documents/"), "{}", res.body);
    // Another school: not found.
    let other_school = app.user(Role::Institution).await;
    assert_eq!(
        upload(
            &app,
            &format!("{path}/documents"),
            &other_school,
            "Todistus",
            &png()
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    // A PNG: attached, with the confirmation; the project sees it as a download.
    let res = upload(
        &app,
        &format!("{path}/documents"),
        &school,
        "Todistus",
        &png(),
    )
    .await;
    app.confirms(&res, &school, "Asiakirja liitettiin. Hanke näkee sen nyt.")
        .await;
    let seen = app.get(&path, Some(&coach)).await;
    let href = select_attr(&seen.body, "a[download][href*='/documents/']", "href")
        .expect("the document's download link");
    assert!(has_text(&seen.body, "a[download]", "Todistus"));
    let file = app.get(&href, Some(&coach)).await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(file.header("content-disposition").starts_with("attachment"));
    assert_eq!(file.header("content-type"), "image/png");
}

async fn the_school_withdraws_a_referral_after_a_confirmation(app: TestApp) {
    let school = app.user(Role::Institution).await;
    let coach = app.user(Role::Coach).await;
    let path = refer(&app, &school).await;
    let page = app.get(&path, Some(&school)).await;
    assert!(
        has(&page.body, &format!("a[href='{path}/withdraw']")),
        "{}",
        page.body
    );
    // The confirmation page asks first; nothing has changed yet.
    let confirm = app.get(&format!("{path}/withdraw"), Some(&school)).await;
    assert_eq!(confirm.status, StatusCode::OK, "{}", confirm.body);
    assert!(has_text(&confirm.body, "h1", "Peru lähete"));
    let version = form_version(&confirm.body, &format!("{path}/withdraw"));
    assert!(has_text(
        &app.get(&path, Some(&coach)).await.body,
        "#referral-status",
        "Odottaa vastausta"
    ));
    // Another school: not found, on the page and the action.
    let other_school = app.user(Role::Institution).await;
    assert_eq!(
        app.get(&format!("{path}/withdraw"), Some(&other_school))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post_form(
            &format!("{path}/withdraw"),
            Some(&other_school),
            &[("version", &version)]
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    let res = app
        .post_form(
            &format!("{path}/withdraw"),
            Some(&school),
            &[("version", &version)],
        )
        .await;
    let done = app
        .confirms(
            &res,
            &school,
            "Lähete peruttiin. Sen tiedot ja asiakirjat poistettiin.",
        )
        .await;
    assert!(has_text(&done.body, "#referral-status", "Peruttu"));
    // No more withdraw link, and the project no longer sees what was handed over.
    assert!(!has(&done.body, &format!("a[href='{path}/withdraw']")));
    let theirs = app.get(&path, Some(&coach)).await;
    assert!(!theirs.body.contains("Selkeät ohjeet"), "{}", theirs.body);
    assert!(!has(&theirs.body, &format!("form[action='{path}/accept']")));
    // The list shows the state.
    let mine = app.get("/referrals", Some(&school)).await;
    assert!(mine.body.contains("Peruttu"), "{}", mine.body);
}

async fn a_consent_withdrawn_on_the_page_hides_the_handover_next_time(app: TestApp) {
    let school = app.user(Role::Institution).await;
    let coach = app.user(Role::Coach).await;
    let path = refer(&app, &school).await;
    assert!(app
        .get(&path, Some(&coach))
        .await
        .body
        .contains("Selkeät ohjeet"));
    let confirm = app
        .get(&format!("{path}/consent/withdraw"), Some(&school))
        .await;
    assert_eq!(confirm.status, StatusCode::OK, "{}", confirm.body);
    assert!(has(
        &confirm.body,
        &format!("form[action='{path}/consent/withdraw']")
    ));
    let res = app
        .post_form(&format!("{path}/consent/withdraw"), Some(&school), &[])
        .await;
    app.confirms(
        &res,
        &school,
        "Suostumuksen peruminen kirjattiin. Hanke ei enää näe siirrettyjä tietoja.",
    )
    .await;
    let theirs = app.get(&path, Some(&coach)).await;
    assert!(!theirs.body.contains("Selkeät ohjeet"), "{}", theirs.body);
    assert!(theirs.body.contains("Opiskelija perui suostumuksensa"));
    assert!(!has(&theirs.body, &format!("form[action='{path}/accept']")));
    // The school can no longer attach documents either.
    let mine = app.get(&path, Some(&school)).await;
    assert!(!has(
        &mine.body,
        &format!("form[action='{path}/documents']")
    ));
    let refused = upload(
        &app,
        &format!("{path}/documents"),
        &school,
        "Todistus",
        &png(),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
}

fn intake_form<'a>(project: &'a str, today: &'a str, consent: bool) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("project", project),
        ("source", "ohjaamo"),
        ("organisation", "Ohjaamo Lahti"),
        ("referred_on", today),
        ("reason", "Etsii työkokeilupaikkaa"),
        ("given_name", "Eetu"),
        ("family_name", "Tulija"),
        ("phone", "040 123 4567"),
        ("home", "Lahti"),
        ("goals", "Työ varastossa"),
        ("strengths", ""),
        ("support_needs", ""),
    ];
    if consent {
        f.extend([
            ("consent-contact", "on"),
            ("consent-goals", "on"),
            ("method", "in_meeting"),
        ]);
    }
    f
}

async fn a_coach_records_an_incoming_referral_of_a_new_person_and_accepts_it(app: TestApp) {
    let coach = app.user(Role::Coach).await;
    let project = app.world.project.id.to_string();
    let today = polku_service::today().to_string();
    let list = app.get("/referrals", Some(&coach)).await;
    assert!(
        has(&list.body, "a[href='/referrals/intake']"),
        "{}",
        list.body
    );
    let form = app.get("/referrals/intake", Some(&coach)).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(has(&form.body, "select#source option[value=ohjaamo]"));
    assert!(!has(&form.body, "select#source option[value=institution]"));
    assert!(!has(&form.body, "#consent-documents"));
    // Without the person's consent: refused, nothing stored.
    let res = app
        .post_form(
            "/referrals/intake",
            Some(&coach),
            &intake_form(&project, &today, false),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(has(&res.body, ".error-summary a[href='#consent-contact']"));
    assert!(app
        .service()
        .referral_inbox(&coach.actor)
        .await
        .expect("inbox")
        .is_empty());
    // A school as the source is refused too.
    let mut school_source = intake_form(&project, &today, true);
    school_source[1] = ("source", "institution");
    let res = app
        .post_form("/referrals/intake", Some(&coach), &school_source)
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(has(&res.body, "#source-error"));
    // Recorded: the confirmation, the source and the person's details.
    let res = app
        .post_form(
            "/referrals/intake",
            Some(&coach),
            &intake_form(&project, &today, true),
        )
        .await;
    let page = app.confirms(&res, &coach, "Lähete tallennettiin.").await;
    let path = location_path(&res);
    assert!(
        page.body.contains("Ohjaamo Lahti (Ohjaamo)"),
        "{}",
        page.body
    );
    assert!(has_text(&page.body, "#handover dd", "Eetu Tulija"));
    let inbox = app.get("/referrals", Some(&coach)).await;
    assert!(
        has(&inbox.body, &format!("a[href='{path}']")),
        "{}",
        inbox.body
    );
    // Another project's coach and a school: not found.
    let other_world = World::new(app.service()).await;
    let stranger = user_in(&app, &other_world, Role::Coach).await;
    assert_eq!(
        app.get(&path, Some(&stranger)).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!app
        .get("/referrals", Some(&stranger))
        .await
        .body
        .contains(&path));
    let school = app.user(Role::Institution).await;
    assert_eq!(
        app.get(&path, Some(&school)).await.status,
        StatusCode::NOT_FOUND
    );
    // Another project's coach cannot record one for this project.
    let res = app
        .post_form(
            "/referrals/intake",
            Some(&stranger),
            &intake_form(&project, &today, true),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    // A coach of the project accepts it: the person becomes a participant, and the referral
    // is on their path.
    let other_coach = app.user(Role::Coach).await;
    let page = app.get(&path, Some(&other_coach)).await;
    let version = form_version(&page.body, &format!("{path}/accept"));
    let (res, participant) = accept(&app, &other_coach, &path, &version).await;
    assert!(participant.body.contains("Eetu"), "{}", participant.body);
    let to = location_path(&res);
    let tab = app
        .get(&format!("{to}/referrals"), Some(&other_coach))
        .await;
    assert_eq!(tab.status, StatusCode::OK, "{}", tab.body);
    assert!(tab.body.contains("Sisään: Ohjaamo"), "{}", tab.body);
    assert!(tab.body.contains("Otettu vastaan"), "{}", tab.body);
    // The intake's consent covered the referral only: no sharing consent with a school.
    let pid = polku_domain::ParticipantId::parse(to.trim_start_matches("/participants/"))
        .expect("participant id");
    let consents = app
        .service()
        .consents(&other_coach.actor, pid, "service_delivery")
        .await
        .expect("consents");
    assert!(consents.is_empty(), "{consents:?}");
}

/// Each test runs on SQLite, and on PostgreSQL when `POLKU_TEST_POSTGRES_URL` is set.
macro_rules! on_both {
    ($($name:ident),+ $(,)?) => {
        mod sqlite { $( #[test] fn $name() { crate::harness::sqlite(super::$name) } )+ }
        mod postgres { $( #[test] fn $name() { crate::harness::on(polku_store_tests::Backend::Postgres, super::$name) } )+ }
    };
}

on_both!(
    the_refer_form_names_each_project,
    the_school_attaches_a_document_checked_from_its_content,
    the_school_withdraws_a_referral_after_a_confirmation,
    a_consent_withdrawn_on_the_page_hides_the_handover_next_time,
    a_coach_records_an_incoming_referral_of_a_new_person_and_accepts_it
);
