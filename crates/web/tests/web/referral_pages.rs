//! The referral pages (issue 14): a school refers a student through the form (without the
//! student's consent nothing is sent), the project's coach sees it in the inbox with the waiting
//! time, reads what was handed over, cannot decline without a reason, and accepts it (the
//! student becomes the coach's participant); a decline shows its reason to the school; another
//! school's user gets "not found"; a withdrawn consent hides the handed-over data; the
//! participant's "Referrals" tab records a referral out.

use crate::harness::{
    coach_with_participant, has, has_text, select_attr, sqlite, Res, TestApp, User,
};
use axum::http::StatusCode;
use polku_domain::Role;

const SENT: &str = "Lähete lähetettiin. Hanke näkee sen nyt.";

/// The refer form of a school's referral of Aino Opiskelija to `project`, with the student's
/// written consent to contact details, goals and functioning, or without any consent.
pub(crate) fn referral_form(project: &str, consent: bool) -> Vec<(&str, &str)> {
    let mut f = vec![
        ("project", project),
        ("organisation", "Ammattiopisto Esimerkki"),
        ("reason", "Valmistuu keväällä, etsii työtä"),
        ("given_name", "Aino"),
        ("family_name", "Opiskelija"),
        ("email", "aino@example.fi"),
        ("home", "Lahti"),
        ("goals", "Työ logistiikassa"),
        ("strengths", "Täsmällinen"),
        ("support_needs", "Selkeät ohjeet kirjallisena auttavat"),
    ];
    if consent {
        f.extend([
            ("consent-contact", "on"),
            ("consent-goals", "on"),
            ("consent-functioning", "on"),
            ("method", "written"),
        ]);
    }
    f
}

/// A school user refers a student through the form; returns the school user and the referral's
/// page path.
async fn refer(app: &TestApp) -> (User, String) {
    let school = app.user(Role::Institution).await;
    let project = app.world.project.id.to_string();
    let res = app
        .post_form(
            "/referrals/new",
            Some(&school),
            &referral_form(&project, true),
        )
        .await;
    let page = app.confirms(&res, &school, SENT).await;
    assert!(page.body.contains("Aino Opiskelija"), "{}", page.body);
    (school, location_path(&res))
}

/// Where a redirect after a save leads, without the notice's query.
pub(crate) fn location_path(res: &Res) -> String {
    let to = res.header("location");
    to.split_once('?').expect("query").0.to_owned()
}

/// The version the form posting to `action` on `page` carries.
pub(crate) fn form_version(page: &str, action: &str) -> String {
    select_attr(
        page,
        &format!("form[action='{action}'] input[name=version]"),
        "value",
    )
    .expect("the form")
}

/// `coach` accepts the referral at `path` (at `version`) and is told so; the response and the
/// new participant's page it leads to.
pub(crate) async fn accept(app: &TestApp, coach: &User, path: &str, version: &str) -> (Res, Res) {
    let res = app
        .post_form(
            &format!("{path}/accept"),
            Some(coach),
            &[("version", version)],
        )
        .await;
    let participant = app
        .confirms(
            &res,
            coach,
            "Lähete otettiin vastaan. Henkilö on nyt osallistujasi.",
        )
        .await;
    (res, participant)
}

#[test]
fn a_referral_without_consent_is_refused_and_nothing_is_sent() {
    sqlite(|app| async move {
        let school = app.user(Role::Institution).await;
        let coach = app.user(Role::Coach).await;
        let project = app.world.project.id.to_string();
        let form = app.get("/referrals/new", Some(&school)).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        assert_eq!(
            select_attr(&form.body, "select#project option", "value").as_deref(),
            Some(project.as_str())
        );
        assert!(form.body.contains("Älä koskaan kirjoita diagnoosia."));
        let res = app
            .post_form(
                "/referrals/new",
                Some(&school),
                &referral_form(&project, false),
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(has_text(
            &res.body,
            ".error-summary a[href='#consent-contact']",
            "Rastita, mihin henkilö suostui. Ilman hänen suostumustaan mitään ei tallenneta eikä lähetetä."
        ));
        // What was typed stays on the form; nothing reached the project.
        assert!(res.body.contains("Ammattiopisto Esimerkki"));
        let inbox = app.get("/referrals", Some(&coach)).await;
        assert_eq!(inbox.status, StatusCode::OK);
        assert!(inbox.body.contains("Ei lähetteitä."), "{}", inbox.body);
        // Consent for contact details only does not cover goals and support needs: the
        // service refuses and nothing is stored either.
        let mut partial = referral_form(&project, false);
        partial.extend([("consent-contact", "on"), ("method", "written")]);
        let res = app
            .post_form("/referrals/new", Some(&school), &partial)
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(res.body.contains("Mitään ei tallennettu."), "{}", res.body);
        assert!(app
            .service()
            .referral_inbox(&school.actor)
            .await
            .expect("inbox")
            .is_empty());
    });
}

#[test]
fn the_coach_sees_waits_cannot_decline_without_a_reason_and_accepts() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let (school, path) = refer(&app).await;
        // The inbox: the school, the state and the waiting time in days.
        let inbox = app.get("/referrals", Some(&coach)).await;
        assert_eq!(inbox.status, StatusCode::OK, "{}", inbox.body);
        assert!(inbox.body.contains("Ammattiopisto Esimerkki"));
        assert!(inbox.body.contains("Odottaa vastausta"));
        assert!(inbox.body.contains("0 päivää"), "{}", inbox.body);
        assert!(has(&inbox.body, &format!("a[href='{path}']")));
        // The nav link is there for the coach.
        assert!(has(&inbox.body, "nav a[href='/referrals']"));
        // The page: what was handed over, with Accept and Decline.
        let page = app.get(&path, Some(&coach)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(has_text(
            &page.body,
            "#handover dd",
            "Selkeät ohjeet kirjallisena auttavat"
        ));
        let version = form_version(&page.body, &format!("{path}/accept"));
        // A decline without a reason: the error next to the field; nothing changes.
        let res = app
            .post_form(
                &format!("{path}/decline"),
                Some(&coach),
                &[("version", &version), ("reason", "  ")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(has_text(&res.body, "#reason-error", "Kirjoita syy."));
        assert!(has_text(&res.body, "#referral-status", "Odottaa vastausta"));
        // Accept: the student becomes the coach's participant.
        let (res, participant) = accept(&app, &coach, &path, &version).await;
        assert!(participant.body.contains("Aino"), "{}", participant.body);
        assert!(res.header("location").starts_with("/participants/"));
        // Accepting again is refused with the reason.
        let again = app
            .post_form(
                &format!("{path}/accept"),
                Some(&coach),
                &[("version", &version)],
            )
            .await;
        assert!(again.status.is_client_error(), "{}", again.body);
        // The school sees the new state.
        let mine = app.get("/referrals", Some(&school)).await;
        assert!(mine.body.contains("Otettu vastaan"), "{}", mine.body);
        assert!(has(&mine.body, "a[href='/referrals/new']"));
    });
}

#[test]
fn a_decline_shows_its_reason_and_another_school_gets_not_found() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let (school, path) = refer(&app).await;
        let other_school = app.user(Role::Institution).await;
        assert_eq!(
            app.get(&path, Some(&other_school)).await.status,
            StatusCode::NOT_FOUND
        );
        let theirs = app.get("/referrals", Some(&other_school)).await;
        assert!(!theirs.body.contains(&path), "{}", theirs.body);
        // A manager of the project may decline; a coach does here.
        let page = app.get(&path, Some(&coach)).await;
        let version = form_version(&page.body, &format!("{path}/decline"));
        let res = app
            .post_form(
                &format!("{path}/decline"),
                Some(&coach),
                &[("version", &version), ("reason", "Hanke on täynnä")],
            )
            .await;
        let page = app
            .confirms(
                &res,
                &coach,
                "Lähete hylättiin. Lähetteen tekijä näkee syyn.",
            )
            .await;
        assert!(has_text(
            &page.body,
            "#referral-status",
            "Hylätty: Hanke on täynnä"
        ));
        let mine = app.get(&path, Some(&school)).await;
        assert!(has_text(
            &mine.body,
            "#referral-status",
            "Hylätty: Hanke on täynnä"
        ));
        // The handed-over data was deleted with the decline.
        assert!(!mine.body.contains("Selkeät ohjeet"));
    });
}

#[test]
fn a_withdrawn_consent_hides_the_handover_on_the_next_request() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let (school, path) = refer(&app).await;
        let id =
            polku_domain::ReferralId::parse(path.trim_start_matches("/referrals/")).expect("id");
        app.service()
            .withdraw_referral_consent(&school.actor, id)
            .await
            .expect("withdraw");
        let page = app.get(&path, Some(&coach)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains("Selkeät ohjeet"), "{}", page.body);
        assert!(page.body.contains("Opiskelija perui suostumuksensa"));
        assert!(!has(&page.body, &format!("form[action='{path}/accept']")));
    });
}

#[test]
fn the_participant_tab_records_a_referral_out() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let tab = format!("/participants/{id}/referrals");
        let page = app.get(&tab, Some(&coach)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("Ei lähetteitä sisään tai ulos."));
        assert!(has(
            &page.body,
            &format!("a[href='{tab}'][aria-current=page]")
        ));
        let today = polku_service::today().to_string();
        // Without where it went: the error next to the field, nothing saved.
        let res = app
            .post_form(
                &tab,
                Some(&coach),
                &[
                    ("way", ""),
                    ("organisation", "Kuntoutuskeskus"),
                    ("referred_on", &today),
                    ("reason", "Työkyvyn arvio"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(has_text(
            &res.body,
            "#way-error",
            "Valitse, mistä lähete tuli tai minne se lähti."
        ));
        let res = app
            .post_form(
                &tab,
                Some(&coach),
                &[
                    ("way", "out:rehabilitation"),
                    ("organisation", "Kuntoutuskeskus"),
                    ("referred_on", &today),
                    ("reason", "Työkyvyn arvio"),
                ],
            )
            .await;
        let page = app.confirms(&res, &coach, "Lähete tallennettiin.").await;
        assert!(page.body.contains("Ulos: Kuntoutus"), "{}", page.body);
        assert!(page.body.contains("Kuntoutuskeskus"));
        assert!(page.body.contains("Lähetetty"));
        // Another coach's participant is not found.
        let other = app.user(Role::Coach).await;
        assert_eq!(
            app.get(&tab, Some(&other)).await.status,
            StatusCode::NOT_FOUND
        );
    });
}
