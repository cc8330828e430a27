//! R19 for the report downloads: `/reports/export` (CSV, XLSX, PDF) needs a second factor proved
//! within 10 minutes, like the participant export; the report page itself does not.

use crate::harness::{cookie_value, get_with_cookie as get, TestApp};
use crate::second_factor::{code, enrolled_as, password_step, post, strict};
use axum::http::StatusCode;
use polku_domain::Role;
use time::OffsetDateTime;

async fn manager_session(app: &TestApp) -> (String, Vec<String>) {
    let (email, secret, recovery) = enrolled_as(app, Role::Manager).await;
    let pending = password_step(app, &email).await;
    let now = OffsetDateTime::now_utc();
    let res = post(
        app,
        "/sign-in/code",
        &pending,
        &format!("code={}", code(&secret, now, 1)),
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let cookie = format!(
        "__Host-polku_session={}",
        cookie_value(&res, "__Host-polku_session").expect("session")
    );
    (cookie, recovery)
}

#[test]
fn report_downloads_need_a_fresh_second_factor() {
    crate::harness::sqlite(|app| async move {
        let app = strict(app);
        let (manager, recovery) = manager_session(&app).await;
        for format in ["csv", "xlsx", "pdf"] {
            let res = get(&app, &format!("/reports/export?format={format}"), &manager).await;
            assert_eq!(res.status, StatusCode::OK, "{format} right after sign-in");
            assert!(
                res.header("content-disposition").starts_with("attachment"),
                "{format}"
            );
        }
        app.db
            .raw("UPDATE sessions SET second_factor_at = NULL")
            .await
            .expect("raw");
        for format in ["csv", "xlsx", "pdf"] {
            let res = get(&app, &format!("/reports/export?format={format}"), &manager).await;
            assert_eq!(
                res.status,
                StatusCode::SEE_OTHER,
                "{format} without step-up"
            );
            assert_eq!(
                res.header("location"),
                format!("/step-up?next=/reports/export%3Fformat%3D{format}")
            );
        }
        // Reading the figures on the page is not an export.
        assert_eq!(get(&app, "/reports", &manager).await.status, StatusCode::OK);
        let res = post(
            &app,
            "/step-up",
            &manager,
            &format!(
                "code={}&next=%2Freports%2Fexport%3Fformat%3Dcsv",
                recovery[0]
            ),
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let res = get(&app, "/reports/export?format=csv", &manager).await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(
            res.body.starts_with("table,row,column,value"),
            "{}",
            res.body
        );
    });
}
