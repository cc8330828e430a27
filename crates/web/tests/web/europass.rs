//! The CV as Europass XML v3.4 from the Documents tab (issue 14 item 1): the own coach downloads
//! it as an attachment built from the participant's data; others get nothing.

use crate::harness::*;
use axum::http::StatusCode;
use polku_domain::Role;

#[test]
fn the_own_coach_downloads_the_cv_as_europass_xml() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let other = app.user(Role::Coordinator).await;
        let svc = app.service().clone();
        let new = app.world.new_participant();
        let given = new.personal.given_name.clone();
        let family = new.personal.family_name.clone();
        let id = svc
            .create_participant(&coach.actor, new, "service_delivery")
            .await
            .expect("participant");
        let tab = app
            .get(&format!("/participants/{id}/documents"), Some(&coach))
            .await;
        assert_eq!(tab.status, StatusCode::OK);
        let href = format!("/participants/{id}/documents/europass.xml");
        assert!(tab.body.contains(&href), "the Documents tab links it");
        let res = app.get(&href, Some(&coach)).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.header("content-type"), "application/xml; charset=utf-8");
        assert!(res.header("content-disposition").starts_with("attachment"));
        let xml = &res.body;
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assert!(
            xml.contains("<SkillsPassport xmlns=\"http://europass.cedefop.europa.eu/Europass\"")
        );
        assert!(xml.contains("<XSDVersion>V3.4</XSDVersion>"));
        assert!(
            xml.contains(&format!("<FirstName>{given}</FirstName>")),
            "{xml}"
        );
        assert!(
            xml.contains(&format!("<Surname>{family}</Surname>")),
            "{xml}"
        );
        let denied = app.get(&href, Some(&other)).await.status;
        assert!(
            matches!(denied, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
            "{denied}"
        );
    });
}
