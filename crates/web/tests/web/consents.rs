//! The consents tab (R16): two steps with the wording shown and nothing pre-ticked, the
//! wording's hash carried and checked, one click to withdraw, and the history keeping both
//! events; a share stops showing the field group on the very next request.

use crate::harness::{on, TestApp};
use axum::http::StatusCode;
use polku_domain::{DataCategory, Role, Share, ShareId};
use polku_service::ServiceError;
use polku_store_tests::Backend;

/// The value of `name="hash-<category>"` on the page.
fn hash_of(body: &str, category: &str) -> String {
    let key = format!("name=\"hash-{category}\" value=\"");
    let at = body.find(&key).expect("hash field") + key.len();
    body[at..at + body[at..].find('"').expect("end")].to_owned()
}

async fn consent_story(app: TestApp) {
    let coach = app.user(Role::Coach).await;
    let other = app.user(Role::Coach).await;
    let employer = app.user(Role::Employer).await;
    let svc = app.service().clone();
    let id = svc
        .create_participant(
            &coach.actor,
            app.world.new_participant(),
            "service_delivery",
        )
        .await
        .expect("participant");
    let url = format!("/participants/{id}/consents");

    // Step one: purpose and recipient, nothing chosen in advance.
    let page = app.get(&url, Some(&coach)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("aria-current=\"page\""));
    assert!(!page.body.contains(" checked"), "nothing is pre-selected");
    let bad = app
        .get(
            &format!("{url}?purpose=spying&recipient=employer"),
            Some(&coach),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("href=\"#purpose\""));

    // Step two: each kind of information with its wording, every box unticked.
    let step = app
        .get(
            &format!("{url}?purpose=placement&recipient=employer"),
            Some(&coach),
        )
        .await;
    assert_eq!(step.status, StatusCode::OK);
    assert!(step.body.contains("type=\"checkbox\" name=\"category\""));
    assert!(!step.body.contains(" checked"), "no box is pre-ticked");
    let skills_hash = hash_of(&step.body, "skills");
    let expected = polku_service::consents::wording(
        polku_domain::ConsentPurpose::Placement,
        polku_domain::RecipientClass::Employer,
        DataCategory::Skills,
    );
    assert_eq!(skills_hash, expected.hash);
    // The wording shown is the one hashed (in the page's language, Finnish here).
    assert_eq!(expected.texts[0].0, "fi");
    assert!(
        step.body.contains(&expected.texts[0].1),
        "{}",
        expected.texts[0].1
    );

    // Missing method and no box: errors next to the fields, nothing recorded.
    let none = app
        .post_form(
            &url,
            Some(&coach),
            &[("purpose", "placement"), ("recipient", "employer")],
        )
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.body.contains("href=\"#category-contact\""));
    assert!(none.body.contains("href=\"#method-written\""));
    // A wording the participant was not shown is refused.
    let stale = app
        .post_form(
            &url,
            Some(&coach),
            &[
                ("purpose", "placement"),
                ("recipient", "employer"),
                ("category", "skills"),
                ("hash-skills", &"0".repeat(64)),
                ("method", "written"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(svc
        .consents(&coach.actor, id, "service_delivery")
        .await
        .expect("history")
        .is_empty());

    // Another coach cannot record one: not found.
    let foreign = app
        .post_form(
            &url,
            Some(&other),
            &[
                ("purpose", "placement"),
                ("recipient", "employer"),
                ("category", "skills"),
                ("hash-skills", &skills_hash),
                ("method", "written"),
            ],
        )
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);

    let ok = app
        .post_form(
            &url,
            Some(&coach),
            &[
                ("purpose", "placement"),
                ("recipient", "employer"),
                ("category", "skills"),
                ("hash-skills", &skills_hash),
                ("method", "in_meeting"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let history = svc
        .consents(&coach.actor, id, "service_delivery")
        .await
        .expect("history");
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].text_version_hash, skills_hash);

    // The share now shows the skills to the employer.
    svc.share_participant(
        &coach.actor,
        Share {
            id: ShareId::new(),
            participant_id: id,
            recipient: employer.actor.user_id().expect("user"),
            categories: vec![DataCategory::Skills],
            until: time::OffsetDateTime::now_utc().date(),
            revoked_at: None,
        },
        "matching",
    )
    .await
    .expect("share");
    assert!(svc
        .shared_participant(&employer.actor, id, "matching")
        .await
        .is_ok());

    // Withdrawing is one button; the next request already sees it.
    let page = app.get(&url, Some(&coach)).await;
    let withdraw = format!("{url}/{}/withdraw", history[0].id);
    assert!(page.body.contains(&format!("action=\"{withdraw}\"")));
    let foreign = app.post_form(&withdraw, Some(&other), &[]).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    let done = app.post_form(&withdraw, Some(&coach), &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(matches!(
        svc.shared_participant(&employer.actor, id, "matching")
            .await,
        Err(ServiceError::NotFound)
    ));
    let again = app.post_form(&withdraw, Some(&coach), &[]).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    // The history keeps the consent, now withdrawn, with its wording's code.
    let page = app.get(&url, Some(&coach)).await;
    assert!(page.body.contains("Peruttu"));
    assert!(page.body.contains(&skills_hash[..12]));
    assert!(!page.body.contains(&format!("action=\"{withdraw}\"")));
}

#[test]
fn consents_on_sqlite() {
    on(Backend::Sqlite, consent_story);
}

#[test]
fn consents_on_postgres() {
    on(Backend::Postgres, consent_story);
}
