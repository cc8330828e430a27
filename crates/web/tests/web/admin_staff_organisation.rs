//! Issue 12 leftover: the administrator's user page sets, changes and clears the organisation a
//! staff member works for (`staff_organisations`, before only `polku user organisation`): each
//! save is confirmed in the user's language and audited (`set_organisation`), an organisation
//! that does not exist is a field error that stores nothing, other roles are refused, and the
//! page needs a fresh second factor (step-up) like the other administration pages.

use crate::harness::{select_attr, select_text, TestApp};
use crate::second_factor::strict;
use axum::http::StatusCode;
use polku_domain::{Organisation, OrganisationId, Role};
use polku_store_tests::fixtures::system;

async fn organisation(app: &TestApp, name: &str) -> Organisation {
    app.service()
        .create_organisation(
            &system(),
            Organisation {
                id: OrganisationId::new(),
                name: name.into(),
                business_id: None,
            },
        )
        .await
        .expect("organisation")
}

async fn set_organisations(app: TestApp) {
    let admin = app.user(Role::Admin).await;
    let coach = app.user(Role::Coach).await;
    let id = coach.actor.user_id().expect("user");
    let partner = organisation(&app, "Kumppani <Oy> & \"Ry\"").await;
    let other = organisation(&app, "Toinen säätiö").await;
    let page = format!("/admin/users/{id}");
    let action = format!("/admin/users/{id}/organisation");

    let shown = app.get(&page, Some(&admin)).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert_eq!(
        select_attr(
            &shown.body,
            "form[action$='/organisation'] select#organisation option[selected]",
            "value"
        )
        .as_deref(),
        Some(""),
        "nothing recorded yet"
    );
    assert!(
        shown
            .body
            .contains("Kumppani &#60;Oy&#62; &#38; &#34;Ry&#34;")
            || shown
                .body
                .contains("Kumppani &lt;Oy&gt; &amp; &quot;Ry&quot;")
    );

    let head = app
        .db
        .store
        .audit_head()
        .await
        .expect("audit")
        .map_or(0, |(seq, _)| seq);
    let res = app
        .post_form(
            &action,
            Some(&admin),
            &[("organisation", &partner.id.to_string())],
        )
        .await;
    let confirmed = app
        .confirms(&res, &admin, "Organisaatio tallennettu.")
        .await;
    assert_eq!(
        select_attr(
            &confirmed.body,
            "select#organisation option[selected]",
            "value"
        ),
        Some(partner.id.to_string())
    );
    assert_eq!(
        app.service()
            .staff_organisation(&system(), id)
            .await
            .expect("read"),
        Some(partner.id)
    );
    // Changed, then cleared with the empty choice.
    let res = app
        .post_form(
            &action,
            Some(&admin),
            &[("organisation", &other.id.to_string())],
        )
        .await;
    app.confirms(&res, &admin, "Organisaatio tallennettu.")
        .await;
    assert_eq!(
        app.service()
            .staff_organisation(&system(), id)
            .await
            .expect("read"),
        Some(other.id)
    );
    let rows = app.db.store.audit_page(head, 1000).await.expect("audit");
    let sets: Vec<_> = rows
        .iter()
        .filter(|r| r.action == "set_organisation")
        .collect();
    assert_eq!(sets.len(), 2, "each change is audited");
    let admin_id = admin.actor.user_id().expect("admin").to_string();
    for r in &sets {
        assert_eq!(r.subject.as_deref(), Some(id.to_string().as_str()));
        assert!(r.actor.contains(&admin_id), "{}", r.actor);
        assert_eq!(r.purpose, "administration");
    }

    // An organisation that does not exist: a field error in the user's language, nothing stored.
    for bad in [uuid::Uuid::new_v4().to_string(), "ei-tunniste".to_owned()] {
        let res = app
            .post_form(&action, Some(&admin), &[("organisation", &bad)])
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert_eq!(
            select_text(&res.body, "#organisation-error").as_deref(),
            Some("Valitse luettelosta organisaatio, joka on olemassa.")
        );
        assert_eq!(
            select_attr(&res.body, "select#organisation", "aria-invalid").as_deref(),
            Some("true")
        );
    }
    assert_eq!(
        app.service()
            .staff_organisation(&system(), id)
            .await
            .expect("read"),
        Some(other.id)
    );

    let res = app
        .post_form(&action, Some(&admin), &[("organisation", "")])
        .await;
    app.confirms(&res, &admin, "Organisaatio tallennettu.")
        .await;
    assert_eq!(
        app.service()
            .staff_organisation(&system(), id)
            .await
            .expect("read"),
        None
    );

    // Swedish and English.
    let sv = app
        .send(
            axum::http::Request::builder()
                .uri(format!("{page}?saved=staff-organisation"))
                .header("cookie", format!("{}; polku_lang=sv", admin.cookie()))
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await;
    assert!(
        sv.body.contains("Organisationen har sparats."),
        "{}",
        sv.body
    );
    assert!(sv.body.contains("Organisationen där personen arbetar"));

    // Not an administrator: refused, nothing stored.
    let res = app
        .post_form(
            &action,
            Some(&coach),
            &[("organisation", &partner.id.to_string())],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.service()
            .staff_organisation(&system(), id)
            .await
            .expect("read"),
        None
    );
}

#[test]
fn staff_organisation_on_the_user_page() {
    crate::harness::sqlite(set_organisations);
}

#[test]
fn staff_organisation_on_the_user_page_on_postgres() {
    crate::harness::on(polku_store_tests::Backend::Postgres, set_organisations);
}

/// Step-up: without a second factor proved in the last 10 minutes the page and the save go to
/// `/step-up`, and nothing is stored.
#[test]
fn staff_organisation_needs_a_fresh_second_factor() {
    crate::harness::sqlite(|app| async move {
        let app = strict(app);
        let (email, secret, _) = crate::second_factor::enrolled_as(&app, Role::Admin).await;
        let pending = crate::second_factor::password_step(&app, &email).await;
        let res = crate::second_factor::post(
            &app,
            "/sign-in/code",
            &pending,
            &format!(
                "code={}",
                crate::second_factor::code(&secret, time::OffsetDateTime::now_utc(), 1)
            ),
        )
        .await;
        let cookie = format!(
            "__Host-polku_session={}",
            crate::harness::cookie_value(&res, "__Host-polku_session").expect("session")
        );
        let coach = app.user(Role::Coach).await;
        let id = coach.actor.user_id().expect("user");
        let partner = organisation(&app, "Kumppani").await;
        app.db
            .raw("UPDATE sessions SET second_factor_at = NULL")
            .await
            .expect("raw");
        let page =
            crate::harness::get_with_cookie(&app, &format!("/admin/users/{id}"), &cookie).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
        assert!(page.header("location").starts_with("/step-up?next="));
        let res = crate::second_factor::post(
            &app,
            &format!("/admin/users/{id}/organisation"),
            &cookie,
            &format!("organisation={}", partner.id),
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(res.header("location"), "/step-up?next=/admin");
        assert_eq!(
            app.service()
                .staff_organisation(&system(), id)
                .await
                .expect("read"),
            None
        );
    });
}
