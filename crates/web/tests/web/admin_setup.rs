//! Administration of a real installation: organisations and projects (funding, municipalities,
//! partners) created and edited on the admin pages, several role grants per user, and
//! deactivation, which ends the user's session on its next request.

use crate::harness::*;
use axum::http::{Method, StatusCode};
use polku_domain::Role;
use polku_store_tests::fixtures::{system, World};

async fn an_admin_sets_up_organisations_and_a_project(app: TestApp) {
    let admin = app.user(Role::Admin).await;
    let page = app.get("/admin", Some(&admin)).await;
    assert!(has(&page.body, "a[href='/admin/projects/new']"));
    // A bad business id is refused on its field, the name kept; nothing is saved.
    let res = app
        .post_form(
            "/admin/organisations",
            Some(&admin),
            &[
                ("name", "Koulutuskeskus Salpaus"),
                ("business_id", "1234567-8"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&res.body, "#business_id-error"));
    assert!(has_value(&res.body, "Koulutuskeskus Salpaus"));
    let before = app
        .service()
        .list_organisations(&system())
        .await
        .expect("the test set-up works")
        .len();
    assert_eq!(before, 1);
    let res = app
        .post_form(
            "/admin/organisations",
            Some(&admin),
            &[
                ("name", "Koulutuskeskus Salpaus"),
                ("business_id", "1234567-1"),
            ],
        )
        .await;
    app.confirms(&res, &admin, "Organisaatio tallennettu.")
        .await;
    let orgs = app
        .service()
        .list_organisations(&system())
        .await
        .expect("the test set-up works");
    let school = orgs
        .iter()
        .find(|o| o.name == "Koulutuskeskus Salpaus")
        .expect("the test set-up works");
    let lead = app.world.project.organisation_id;

    // The project form: every refused value on its own field, values kept.
    let lead_s = lead.to_string();
    let school_s = school.id.to_string();
    let res = app
        .post_form(
            "/admin/projects",
            Some(&admin),
            &[
                ("code", "MOMENTUM PH"),
                ("name", "Momentum"),
                ("lead", &lead_s),
                ("partners", &lead_s),
                ("objective", "FI-ESF+-2021-2027|ESO4.99"),
                ("start", "2024-09-01"),
                ("end", "2024-08-31"),
                ("municipalities", "Lahti, Atlantis"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["code", "partners", "objective", "end", "municipalities"] {
        assert!(
            has(&res.body, &format!("#{field}-error")),
            "{field}: {}",
            res.body
        );
    }
    assert!(res.body.contains("Atlantis"));
    assert!(app
        .service()
        .admin_project(&system(), "MOMENTUM-PH")
        .await
        .is_err());

    let res = app
        .post_form(
            "/admin/projects",
            Some(&admin),
            &[
                ("code", "MOMENTUM-PH"),
                ("name", "Momentum"),
                ("lead", &lead_s),
                ("partners", &school_s),
                ("objective", "FI-ESF+-2021-2027|ESO4.1"),
                ("start", "2024-09-01"),
                ("end", "2027-08-31"),
                ("municipalities", "Lahti, Hollola"),
            ],
        )
        .await;
    let page = app.confirms(&res, &admin, "Hanke tallennettu.").await;
    assert!(has(
        &page.body,
        &format!("input[name=partners][value='{school_s}'][checked]")
    ));
    let p = app
        .service()
        .admin_project(&system(), "MOMENTUM-PH")
        .await
        .expect("the test set-up works");
    assert_eq!(p.partners, vec![school.id]);
    assert_eq!(
        p.funding.as_ref().expect("the test set-up works").objective,
        "ESO4.1"
    );
    let codes: Vec<&str> = p.municipalities.iter().map(|m| m.as_str()).collect();
    assert_eq!(codes, vec!["098", "398"]);

    // Editing: the partner is removed, the objective changes; the code stays.
    let res = app
        .post_form(
            "/admin/projects/MOMENTUM-PH",
            Some(&admin),
            &[
                ("name", "Momentum 2"),
                ("lead", &lead_s),
                ("objective", "FI-ESF+-2021-2027|ESO4.8"),
                ("start", "2024-09-01"),
                ("end", "2027-08-31"),
                ("municipalities", "Lahti"),
            ],
        )
        .await;
    app.confirms(&res, &admin, "Hanke tallennettu.").await;
    let p = app
        .service()
        .admin_project(&system(), "MOMENTUM-PH")
        .await
        .expect("the test set-up works");
    assert!(p.partners.is_empty());
    assert_eq!(p.name, "Momentum 2");
    assert_eq!(
        p.funding.expect("the test set-up works").objective,
        "ESO4.8"
    );

    // Swedish and English pages exist for the same forms.
    let res = app.get("/admin/projects/MOMENTUM-PH", Some(&admin)).await;
    assert!(res.body.contains("Osatoteuttajat"));
    assert!(res.body.contains("Lahti"));
    // Other roles are refused the set-up pages.
    let coach = app.user(Role::Coach).await;
    assert_eq!(
        app.get("/admin/projects/new", Some(&coach)).await.status,
        StatusCode::FORBIDDEN
    );
}

/// A user with a coach grant in one project and a coordinator grant in another works in both,
/// each grant only in its own project; the admin adds and removes grants on the user's page.
async fn a_user_with_two_grants_works_in_both_projects(app: TestApp) {
    let admin = app.user(Role::Admin).await;
    let coach = app.user(Role::Coach).await;
    let other = World::new(app.service()).await;
    let id = coach.actor.user_id().expect("the test set-up works");
    let page = app.get(&format!("/admin/users/{id}"), Some(&admin)).await;
    assert_eq!(page.status, StatusCode::OK);
    let res = app
        .post_form(
            &format!("/admin/users/{id}/grants"),
            Some(&admin),
            &[("role", "coordinator"), ("project", &other.project.code)],
        )
        .await;
    let page = app
        .confirms(
            &res,
            &admin,
            "Rooli lisätty. Se on voimassa henkilön seuraavasta sivunlatauksesta.",
        )
        .await;
    assert!(page.body.contains(&other.project.code));
    // The same grant again is refused on the field.
    let res = app
        .post_form(
            &format!("/admin/users/{id}/grants"),
            Some(&admin),
            &[("role", "coordinator"), ("project", &other.project.code)],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(has(&res.body, "#role-error"));

    // The same session now has both: the caseload (coach in A) and the employers (coordinator
    // in B) are in the navigation, and the employer register answers.
    let home = app.get("/", Some(&coach)).await;
    assert!(
        has(&home.body, "nav a[href='/participants']"),
        "{}",
        home.body
    );
    assert!(has(&home.body, "nav a[href='/employers']"));
    let employer = other.employer();
    let sys = system();
    let b_id = app
        .service()
        .create_employer(&sys, employer.clone())
        .await
        .expect("the test set-up works");
    let list = app.get("/employers", Some(&coach)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains(&employer.name), "{}", list.body);
    assert_eq!(
        app.get(&format!("/employers/{b_id}/edit"), Some(&coach))
            .await
            .status,
        StatusCode::OK
    );
    // Coordinator in B does not make them a coordinator in A: A's employer is not editable.
    let a_id = app
        .service()
        .create_employer(&sys, app.world.employer())
        .await
        .expect("the test set-up works");
    let res = app
        .get(&format!("/employers/{a_id}/edit"), Some(&coach))
        .await;
    assert!(
        matches!(res.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
        "{}",
        res.status
    );

    // Removing the grant applies on the next request.
    let res = app
        .post_form(
            &format!("/admin/users/{id}/grants/remove"),
            Some(&admin),
            &[("role", "coordinator"), ("project", &other.project.code)],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    // (A's employer has the same name as B's: look for B's own link.)
    let list = app.get("/employers", Some(&coach)).await;
    assert!(!list.body.contains(&format!("/employers/{b_id}")));
    assert_eq!(
        app.get(&format!("/employers/{b_id}/edit"), Some(&coach))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

/// Deactivation ends the user's session on its very next request (page and API), keeps the
/// account and its grants, and the user is told why at sign-in. The last active admin stays.
async fn deactivation_ends_the_session_on_the_next_request(app: TestApp) {
    let admin = app.user(Role::Admin).await;
    let coach = app.user(Role::Coach).await;
    let id = coach.actor.user_id().expect("the test set-up works");
    assert_eq!(
        app.get("/participants", Some(&coach)).await.status,
        StatusCode::OK
    );
    let res = app
        .post_form(&format!("/admin/users/{id}/deactivate"), Some(&admin), &[])
        .await;
    let page = app
        .confirms(
            &res,
            &admin,
            "Tunnus poistettu käytöstä. Sen istunnot on päätetty.",
        )
        .await;
    assert!(page.body.contains("Poistettu käytöstä"));
    // The very next page request is signed out; so is the API.
    let next = app.get("/participants", Some(&coach)).await;
    assert_eq!(next.status, StatusCode::SEE_OTHER);
    assert!(next.header("location").starts_with("/sign-in"));
    let api = app
        .api(Method::GET, "/api/v1/me", Some(&coach), None, &[])
        .await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
    // Signing in with the right password says the account is deactivated (page and API).
    let res = app
        .post_form(
            "/sign-in",
            None,
            &[
                ("email", &coach.email),
                ("password", PASSWORD),
                ("next", "/"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(
        res.body.contains("Tämä tunnus on poistettu käytöstä"),
        "{}",
        res.body
    );
    let api = app
        .api(
            Method::POST,
            "/api/v1/sessions",
            None,
            Some(serde_json::json!({"email": coach.email, "password": PASSWORD})),
            &[("origin", ORIGIN)],
        )
        .await;
    assert_eq!(api.status, StatusCode::FORBIDDEN, "{}", api.body);
    assert_eq!(
        api.json()["error"]["code"],
        "account_deactivated",
        "{}",
        api.body
    );
    // Reactivated, the password works again.
    let res = app
        .post_form(&format!("/admin/users/{id}/reactivate"), Some(&admin), &[])
        .await;
    app.confirms(&res, &admin, "Tunnus otettu taas käyttöön.")
        .await;
    app.service()
        .sign_in(&coach.email, PASSWORD, time::OffsetDateTime::now_utc())
        .await
        .expect("the test set-up works");

    // The last active administrator cannot deactivate themself or lose the admin role.
    let admin_id = admin.actor.user_id().expect("the test set-up works");
    let res = app
        .post_form(
            &format!("/admin/users/{admin_id}/deactivate"),
            Some(&admin),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert!(res.body.contains("viimeinen aktiivinen ylläpitäjä"));
    let res = app
        .post_form(
            &format!("/admin/users/{admin_id}/grants/remove"),
            Some(&admin),
            &[("role", "admin"), ("project", "")],
        )
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(app.get("/admin", Some(&admin)).await.status, StatusCode::OK);
}

/// Each test runs on SQLite, and on PostgreSQL when `POLKU_TEST_POSTGRES_URL` is set.
macro_rules! on_both {
    ($($name:ident),+ $(,)?) => {
        mod sqlite { $( #[test] fn $name() { crate::harness::sqlite(super::$name) } )+ }
        mod postgres { $( #[test] fn $name() { crate::harness::on(polku_store_tests::Backend::Postgres, super::$name) } )+ }
    };
}

on_both!(
    an_admin_sets_up_organisations_and_a_project,
    a_user_with_two_grants_works_in_both_projects,
    deactivation_ends_the_session_on_the_next_request
);
