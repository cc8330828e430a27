//! The manager's figures page (issue 12 item 4): filters, suppression (R46) visible, every chart
//! with its table, clear errors for bad input, and the exports (CSV, XLSX, PDF).

use crate::harness::{has, rows, TestApp, User};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use polku_domain::{BusinessId, CooperationDepth, EmployerId, Role};
use std::io::Read;
use tower::ServiceExt;

/// A valid business id (Y-tunnus) from a seven-digit number.
fn business_id(n: u32) -> BusinessId {
    let digits = format!("{n:07}");
    let sum: u32 = digits
        .chars()
        .zip([7, 9, 10, 5, 8, 4, 2])
        .map(|(c, w)| c.to_digit(10).expect("a digit") * w)
        .sum();
    let check = match sum % 11 {
        0 => 0,
        1 => return business_id(n + 1),
        r => 11 - r,
    };
    BusinessId::parse(&format!("{digits}-{check}")).expect("valid")
}

/// Six engaged employers and two deeper ones; three participants enrolled today.
async fn world(app: &TestApp) -> User {
    let coach = app.world.user(app.service(), Role::Coach).await;
    for _ in 0..3 {
        app.service()
            .create_participant(&coach, app.world.new_participant(), "service_delivery")
            .await
            .expect("participant");
    }
    let coordinator = app.user(Role::Coordinator).await;
    for i in 0..8u32 {
        let mut e = app.world.employer();
        e.id = EmployerId::new();
        e.business_id = business_id(1_234_560 + i * 7);
        e.name = format!("Työnantaja {i} Oy");
        e.cooperation = if i < 6 {
            CooperationDepth::Engaged
        } else {
            CooperationDepth::Deeper
        };
        app.service()
            .create_employer(&coordinator.actor, e)
            .await
            .expect("employer");
    }
    app.user(Role::Manager).await
}

fn row<'a>(all: &'a [Vec<String>], label: &str) -> &'a Vec<String> {
    all.iter()
        .find(|cells| cells.first().is_some_and(|c| c == label))
        .unwrap_or_else(|| panic!("row {label}: {all:?}"))
}

async fn the_figures_page_suppresses_small_figures_and_gives_each_chart_a_table(app: TestApp) {
    let manager = world(&app).await;
    let res = app.get("/reports", Some(&manager)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    // Every chart is an image with a title, and its table is on the page.
    for id in ["results", "trials", "retention", "cooperation", "hidden"] {
        assert!(
            has(&res.body, &format!("#{id} svg.chart[role=img] title")),
            "{id}"
        );
        assert!(
            has(&res.body, &format!("table#{id}-table > caption")),
            "{id}"
        );
        assert!(
            has(
                &res.body,
                &format!("#{id} figcaption a[href='#{id}-table']")
            ),
            "{id}"
        );
    }
    assert!(has(&res.body, "table#durations-table"));
    let all = rows(&res.body);
    let depth = row(&all, "Sitoutunut");
    assert_eq!(depth[1], "6", "six engaged employers are shown");
    assert_eq!(
        row(&all, "Syvempi yhteistyö")[1],
        "salattu",
        "two is below 5"
    );
    assert_eq!(
        row(&all, "Yhteys otettu")[1],
        "salattu",
        "zero is suppressed too"
    );
    // The total (8) would give away 2 + 0 only as a sum: shown, neither small figure alone.
    assert!(res.body.contains("Alle 5:n luvut on salattu"));
    assert!(has(&res.body, "td.suppressed"));
    // No bar is drawn for a suppressed figure: the employers' chart has one bar (engaged).
    // The parsed page is not `Send`: count within a block, before the next await.
    let bars = {
        let chart = crate::harness::html(&res.body);
        chart
            .select(&scraper::Selector::parse("#cooperation svg rect[height]").expect("selector"))
            .filter(|r| r.value().attr("width") != Some("12"))
            .count()
    };
    assert_eq!(bars, 1);
    // Three people enrolled: the durations are not published.
    let dur = row(&all, "Ensimmäiseen jaksoon");
    assert!(dur[1..].iter().all(|c| c == "salattu"), "{dur:?}");
    assert!(!res.body.contains("Virtanen") && !res.body.contains("Aino"));

    // Filters: a municipality nobody is in gives an empty report that says why.
    let res = app.get("/reports?municipality=091", Some(&manager)).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.body
            .contains("ei löytynyt osallistujia eikä työnantajia"),
        "{}",
        res.body
    );
    // A period with nothing in it (the world is set up today): an empty report that says why.
    let res = app
        .get("/reports?from=2020-01&to=2020-12", Some(&manager))
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.body
            .contains("Tällä aikavälillä ei ole kirjattu mitään"),
        "{}",
        res.body
    );
    let res = app
        .get(
            &format!("/reports?project={}&region=FI1C3", app.world.project.code),
            Some(&manager),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(row(&rows(&res.body), "Sitoutunut")[1], "6");

    // Other roles are refused.
    let coach = app.user(Role::Coach).await;
    assert_eq!(
        app.get("/reports", Some(&coach)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/reports/export?format=csv", Some(&coach))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

async fn bad_filters_are_refused_next_to_the_field(app: TestApp) {
    let manager = app.user(Role::Manager).await;
    for (query, field, text) in [
        (
            "from=2026-05&to=2026-01",
            "to",
            "Loppukuukausi on ennen alkukuukautta",
        ),
        ("from=toukokuu", "from", "muodossa VVVV-KK"),
        ("project=EI-OLE", "project", "tunnus on EI-OLE"),
        ("region=FI999", "region", "Valitse maakunta"),
        ("from=2019-01&to=2026-01", "to", "enintään 60 kuukautta"),
    ] {
        let res = app.get(&format!("/reports?{query}"), Some(&manager)).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        assert!(has(&res.body, &format!("#{field}-error")), "{query}");
        assert!(res.body.contains(text), "{query}");
        assert!(has(&res.body, ".error-summary"));
        assert!(
            !has(&res.body, "#results-table"),
            "no figures for a bad filter"
        );
    }
    // Another manager's project is not one of mine.
    let other = polku_store_tests::fixtures::World::new(app.service()).await;
    let res = app
        .get(
            &format!("/reports?project={}", other.project.code),
            Some(&manager),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn get_bytes(
    app: &TestApp,
    path: &str,
    user: &User,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let req = Request::builder()
        .method(Method::GET)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {}", user.token))
        .body(Body::empty())
        .expect("request");
    let res = app.app.clone().oneshot(req).await.expect("infallible");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    (status, headers, bytes.to_vec())
}

fn unzip(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("a zip");
    let mut s = String::new();
    zip.by_name(name)
        .expect(name)
        .read_to_string(&mut s)
        .expect("text");
    s
}

async fn the_exports_carry_the_same_suppressed_figures(app: TestApp) {
    let manager = world(&app).await;
    let (status, headers, csv) = get_bytes(&app, "/reports/export?format=csv", &manager).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    let csv = String::from_utf8(csv).expect("UTF-8");
    assert!(csv.starts_with("table,row,column,value\r\n"), "{csv}");
    assert!(csv.contains("cooperation,Sitoutunut,Määrä,6\r\n"), "{csv}");
    assert!(
        csv.contains("cooperation,Syvempi yhteistyö,Määrä,..\r\n"),
        "{csv}"
    );
    assert!(
        !csv.contains(",2\r\n"),
        "the two deeper employers never show"
    );

    let (status, headers, xlsx) = get_bytes(&app, "/reports/export?format=xlsx", &manager).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .expect("ASCII")
        .contains("spreadsheetml"));
    let book = unzip(&xlsx, "xl/workbook.xml");
    assert_eq!(
        book.matches("<sheet ").count(),
        8,
        "six tables, the ESF+ indicators and the notes: {book}"
    );
    assert!(book.contains("name=\"Huomiot\""));
    let strings = unzip(&xlsx, "xl/sharedStrings.xml");
    assert!(strings.contains("Alle 5:n luvut on salattu"));
    assert!(strings.contains("Kaksi pistettä (..) tarkoittaa salattua lukua."));
    assert!(strings.contains("Työnantajat yhteistyön syvyyden mukaan"));

    let (status, headers, pdf) =
        get_bytes(&app, "/reports/export?format=pdf&from=2026-01", &manager).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    let doc = lopdf::Document::load_mem(&pdf).expect("the PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text extracts");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Hankkeen luvut"), "{text}");
    assert!(text.contains("Työssä pysyminen seurannoissa"), "{text}");

    let (status, _, _) = get_bytes(&app, "/reports/export?format=doc", &manager).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// Each test runs on SQLite, and on PostgreSQL when `POLKU_TEST_POSTGRES_URL` is set.
macro_rules! on_both {
    ($($name:ident),+ $(,)?) => {
        mod sqlite { $( #[test] fn $name() { crate::harness::sqlite(super::$name) } )+ }
        mod postgres { $( #[test] fn $name() { crate::harness::on(polku_store_tests::Backend::Postgres, super::$name) } )+ }
    };
}

on_both!(
    the_figures_page_suppresses_small_figures_and_gives_each_chart_a_table,
    bad_filters_are_refused_next_to_the_field,
    the_exports_carry_the_same_suppressed_figures
);
