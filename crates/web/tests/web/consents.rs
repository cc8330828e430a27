//! The consents tab (R16): two steps with the wording shown and nothing pre-ticked, the
//! wording's hash carried and checked, one click to withdraw, and the history keeping both
//! events; a share stops showing the field group on the very next request.

use crate::harness::{field_value, has, on, select_attr, TestApp};
use axum::http::StatusCode;
use polku_domain::{DataCategory, Role, Share, ShareId};
use polku_service::ServiceError;
use polku_store_tests::Backend;

/// The value of `name="hash-<category>"` on the page.
fn hash_of(body: &str, category: &str) -> String {
    field_value(body, &format!("hash-{category}")).expect("hash field")
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
    assert!(has(&page.body, "[aria-current=page]"));
    assert!(!page.body.contains(" checked"), "nothing is pre-selected");
    let bad = app
        .get(
            &format!("{url}?purpose=spying&recipient=employer"),
            Some(&coach),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&bad.body, "a[href=\"#purpose\"]"));

    // Step two: each kind of information with its wording, every box unticked.
    let step = app
        .get(
            &format!("{url}?purpose=placement&recipient=employer"),
            Some(&coach),
        )
        .await;
    assert_eq!(step.status, StatusCode::OK);
    assert!(has(&step.body, "input[type=checkbox][name=category]"));
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
    assert!(has(&none.body, "a[href=\"#category-contact\"]"));
    assert!(has(&none.body, "a[href=\"#method-written\"]"));
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
    app.confirms(&ok, &coach, "Suostumus kirjattu.").await;
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
            until: polku_service::clock::today(),
            revoked_at: None,
            purpose: polku_domain::ConsentPurpose::Placement,
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
    assert!(has(&page.body, &format!("form[action=\"{withdraw}\"]")));
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
    assert!(!has(&page.body, &format!("form[action=\"{withdraw}\"]")));
}

/// R17 through the pages: the coach shares only what is consented, the recipient's page shows
/// exactly that, and revoking or withdrawing hides it on the next request.
async fn sharing_story(app: TestApp) {
    let coach = app.user(Role::Coach).await;
    let employer = app.user(Role::Employer).await;
    let coordinator = app.user(Role::Coordinator).await;
    let svc = app.service().clone();
    let id = svc
        .create_participant(
            &coach.actor,
            app.world.new_participant(),
            "service_delivery",
        )
        .await
        .expect("participant");
    let recipient = employer.actor.user_id().expect("user").to_string();
    let shares = format!("/participants/{id}/shares");
    let until = polku_service::clock::today().to_string();

    // The recipient's page: empty at first; not for other roles.
    let page = app.get("/shared", Some(&employer)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        app.get("/shared", Some(&coordinator)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/shared", Some(&coach)).await.status,
        StatusCode::FORBIDDEN
    );

    // The employer is offered as a recipient; sharing without consent is refused.
    let tab = app
        .get(&format!("/participants/{id}/consents"), Some(&coach))
        .await;
    assert!(has(&tab.body, &format!("option[value=\"{recipient}\"]")));
    let fields = [
        ("recipient", recipient.as_str()),
        ("category", "contact"),
        ("category", "skills"),
        ("until", until.as_str()),
    ];
    let refused = app.post_form(&shares, Some(&coach), &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&refused.body, "a[href=\"#share-category-contact\"]"));
    let bad = app
        .post_form(
            &shares,
            Some(&coach),
            &[("recipient", "nobody"), ("until", "yesterday")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&bad.body, "a[href=\"#share-recipient\"]"));
    assert!(has(&bad.body, "a[href=\"#share-until\"]"));

    // With consent to contact details and skills, the share is made and the page shows them.
    svc.give_consent(
        &coach.actor,
        id,
        polku_service::consents::NewConsent {
            recipient: polku_domain::RecipientClass::Employer,
            purpose: polku_domain::ConsentPurpose::Placement,
            categories: vec![DataCategory::Contact, DataCategory::Skills],
            method: polku_domain::ConsentMethod::Written,
            shown: Default::default(),
        },
        "service_delivery",
    )
    .await
    .expect("consent");
    let made = app.post_form(&shares, Some(&coach), &fields).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let view = svc
        .get_participant(&coach.actor, id, "service_delivery")
        .await
        .expect("view");
    let name = format!("{} {}", view.personal.given_name, view.personal.family_name);
    let page = app.get("/shared", Some(&employer)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&name), "the shared name is shown");
    assert!(
        !page.body.contains("Toimintakyky"),
        "functioning is not shared"
    );

    // Withdrawing the contact consent hides the name on the next request.
    let contact = svc
        .consents(&coach.actor, id, "service_delivery")
        .await
        .expect("history")
        .into_iter()
        .find(|c| c.category == DataCategory::Contact)
        .expect("contact consent");
    svc.withdraw_consent(&coach.actor, id, contact.id, "service_delivery")
        .await
        .expect("withdraw");
    let page = app.get("/shared", Some(&employer)).await;
    assert!(!page.body.contains(&name));
    assert!(page.body.contains("Osallistuja 1"));

    // Revoking the share (one button on the tab) empties the recipient's page.
    let tab = app
        .get(&format!("/participants/{id}/consents"), Some(&coach))
        .await;
    let revoke =
        select_attr(&tab.body, "form[action$=\"/revoke\"]", "action").expect("a revoke form");
    let done = app.post_form(&revoke, Some(&coach), &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let page = app.get("/shared", Some(&employer)).await;
    assert!(!page.body.contains("Osallistuja 1"));
    assert_eq!(
        app.post_form(&revoke, Some(&coach), &[]).await.status,
        StatusCode::NOT_FOUND
    );
}

#[test]
fn sharing_on_sqlite() {
    on(Backend::Sqlite, sharing_story);
}

#[test]
fn sharing_on_postgres() {
    on(Backend::Postgres, sharing_story);
}

#[test]
fn consents_on_sqlite() {
    on(Backend::Sqlite, consent_story);
}

#[test]
fn consents_on_postgres() {
    on(Backend::Postgres, consent_story);
}
