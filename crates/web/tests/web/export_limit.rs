//! R19: exports have a rate limit of their own, per user (`crate::export_limit`): 30 export
//! requests in 15 minutes, the report files, the subject export page and the API export counted
//! together; the next is 429 `too_many_exports` with `Retry-After`, a page in the user's language
//! or the API envelope. Another user is not affected.

use crate::harness::{coach_with_participant, TestApp};
use axum::http::{Method, StatusCode};
use polku_domain::Role;
use polku_web::export_limit::EXPORT_LIMIT;

fn retry_after(res: &crate::harness::Res) -> u64 {
    let secs: u64 = res
        .header("retry-after")
        .parse()
        .expect("Retry-After seconds");
    assert!((1..=15 * 60).contains(&secs), "{secs}");
    secs
}

#[test]
fn report_files_are_limited_per_manager() {
    crate::harness::sqlite(|app: TestApp| async move {
        let manager = app.user(Role::Manager).await;
        let other = app.user(Role::Manager).await;
        for i in 0..EXPORT_LIMIT {
            let format = ["csv", "xlsx", "pdf"][i % 3];
            let res = app
                .get(&format!("/reports/export?format={format}"), Some(&manager))
                .await;
            assert_eq!(res.status, StatusCode::OK, "export {i} ({format})");
        }
        let res = app.get("/reports/export?format=csv", Some(&manager)).await;
        assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS, "{}", res.body);
        retry_after(&res);
        assert!(
            res.body.contains(
                "Liian monta latausta lyhyessä ajassa. Odota hetki ja lataa sitten uudelleen."
            ),
            "{}",
            res.body
        );
        assert!(!res.body.contains("table,row,column,value"));
        // The page with the figures is not an export, and another manager has a quota of their own.
        assert_eq!(
            app.get("/reports", Some(&manager)).await.status,
            StatusCode::OK
        );
        let res = app.get("/reports/export?format=csv", Some(&other)).await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(res.body.starts_with("table,row,column,value"));
    });
}

#[test]
fn subject_exports_on_page_and_api_share_one_quota() {
    crate::harness::sqlite(|app: TestApp| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let page = format!("/participants/{id}/export");
        let api = format!("/api/v1/participants/{id}/export");
        let res = app.get(&page, Some(&coach)).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        for i in 1..EXPORT_LIMIT {
            let res = app.api(Method::GET, &api, Some(&coach), None, &[]).await;
            assert_eq!(res.status, StatusCode::OK, "API export {i}: {}", res.body);
        }
        let res = app
            .api(
                Method::GET,
                &api,
                Some(&coach),
                None,
                &[("accept-language", "en")],
            )
            .await;
        assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS, "{}", res.body);
        retry_after(&res);
        assert_eq!(res.json()["error"]["code"], "too_many_exports");
        assert_eq!(
            res.json()["error"]["message"],
            "Too many downloads in a short time. Wait a while and then download again."
        );
        let res = app.get(&page, Some(&coach)).await;
        assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
        retry_after(&res);
        // Reading the participant is not an export.
        let res = app
            .api(
                Method::GET,
                &format!("/api/v1/participants/{id}"),
                Some(&coach),
                None,
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    });
}
