//! Documents for share recipients (issue 14 item 1 and 5): an institution user with a consented
//! share of the category "documents" sees the participant's documents on `/shared` and downloads
//! them as attachments (audited); a withdrawn consent hides them on the next request (404).

use crate::harness::*;
use axum::http::StatusCode;
use polku_domain::{
    ConsentMethod, ConsentPurpose, DataCategory, DocumentKind, RecipientClass, Role, Share, ShareId,
};

#[test]
fn an_institution_with_a_documents_share_lists_and_downloads_until_consent_is_withdrawn() {
    sqlite(|app| async move {
        let coach = app.user(Role::Coach).await;
        let institution = app.user(Role::Institution).await;
        let svc = app.service().clone();
        let id = svc
            .create_participant(
                &coach.actor,
                app.world.new_participant(),
                "service_delivery",
            )
            .await
            .expect("participant");
        let doc = svc
            .save_document(
                &coach.actor,
                id,
                polku_service::documents::DocumentSave {
                    document: None,
                    kind: DocumentKind::Upload,
                    title: "Päättötodistus".into(),
                    bytes: polku_documents::Document::new("fi", "Todistus")
                        .h1("Todistus")
                        .render()
                        .expect("renders"),
                    language: None,
                    note: None,
                },
                "service_delivery",
            )
            .await
            .expect("document");
        let href = format!("/shared/{id}/documents/{}", doc.id);

        // No share yet: nothing listed, the download is 404.
        let page = app.get("/shared", Some(&institution)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains(&href));
        assert_eq!(
            app.get(&href, Some(&institution)).await.status,
            StatusCode::NOT_FOUND
        );

        let consent = svc
            .give_consent(
                &coach.actor,
                id,
                polku_service::consents::NewConsent {
                    recipient: RecipientClass::Institution,
                    purpose: ConsentPurpose::Transition,
                    categories: vec![DataCategory::Documents],
                    method: ConsentMethod::Written,
                    shown: Default::default(),
                },
                "service_delivery",
            )
            .await
            .expect("consent");
        svc.share_participant(
            &coach.actor,
            Share {
                id: ShareId::new(),
                participant_id: id,
                recipient: institution.actor.user_id().expect("a user"),
                categories: vec![DataCategory::Documents],
                until: polku_service::clock::today() + time::Duration::days(30),
                revoked_at: None,
                purpose: ConsentPurpose::Transition,
            },
            "service_delivery",
        )
        .await
        .expect("share");

        let page = app.get("/shared", Some(&institution)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&href), "{}", page.body);
        assert!(page.body.contains("Päättötodistus"));
        let file = app.get(&href, Some(&institution)).await;
        assert_eq!(file.status, StatusCode::OK);
        assert!(file.header("content-disposition").starts_with("attachment"));
        assert_eq!(file.header("content-type"), "application/pdf");
        assert!(file.body.starts_with("%PDF"));
        // Another participant's document id under this participant is not found.
        assert_eq!(
            app.get(
                &format!("/shared/{id}/documents/{}", polku_domain::DocumentId::new()),
                Some(&institution)
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        // The list and the download are audited as the institution's reads.
        let audit = app
            .db
            .store
            .audit_query(&polku_service::store::AuditQuery {
                subject: Some(id.to_string()),
                limit: 200,
                ..Default::default()
            })
            .await
            .expect("audit");
        let by_institution: Vec<&str> = audit
            .iter()
            .filter(|r| {
                r.actor
                    .contains(&institution.actor.user_id().expect("user").to_string())
            })
            .map(|r| r.action.as_str())
            .collect();
        assert!(
            by_institution.contains(&"list_documents"),
            "{by_institution:?}"
        );
        assert!(
            by_institution
                .iter()
                .any(|a| a.starts_with("download_document:")),
            "{by_institution:?}"
        );

        svc.withdraw_consent(&coach.actor, id, consent[0], "service_delivery")
            .await
            .expect("withdraw");
        assert_eq!(
            app.get(&href, Some(&institution)).await.status,
            StatusCode::NOT_FOUND
        );
        let page = app.get("/shared", Some(&institution)).await;
        assert!(!page.body.contains(&href));
        // Staff do not use the recipients' route.
        let staff = app.get(&href, Some(&coach)).await.status;
        assert!(
            matches!(staff, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
            "{staff}"
        );
    });
}
