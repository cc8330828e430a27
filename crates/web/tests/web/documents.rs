//! A participant's documents through the API: uploads checked from their content (an HTML file
//! named `.pdf`, an active PDF and an oversized file refused with a clear field error, nothing
//! stored), versions, downloads that are always attachments, generated documents whose text
//! extracts in every language, and sharing through consent (a withdrawn consent hides the
//! documents on the next request).

use crate::harness::*;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use polku_domain::{
    ConsentMethod, ConsentPurpose, DataCategory, RecipientClass, Role, Share, ShareId,
};
use tower::ServiceExt;

const BOUNDARY: &str = "polku-test-boundary";

/// A `multipart/form-data` body with a title and a file part (the part's declared type and
/// name are the client's, and are ignored by the server).
fn multipart(title: &str, file_name: &str, declared: &str, bytes: &[u8]) -> Vec<u8> {
    let mut b = Vec::new();
    b.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n{title}\r\n"
        )
        .as_bytes(),
    );
    b.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: {declared}\r\n\r\n"
        )
        .as_bytes(),
    );
    b.extend_from_slice(bytes);
    b.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    b
}

async fn upload(
    app: &TestApp,
    path: &str,
    user: &User,
    body: Vec<u8>,
    if_match: Option<&str>,
) -> Res {
    let mut req = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {}", user.token))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        );
    if let Some(v) = if_match {
        req = req.header(header::IF_MATCH, v);
    }
    app.send(req.body(Body::from(body)).expect("request")).await
}

/// A GET with the bearer token, the body as bytes (the documents' and certificates' files).
pub(crate) async fn get_bytes(
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

/// The PDF's text, whitespace collapsed.
pub(crate) fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text extracts");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A small valid PDF made by the document renderer.
fn small_pdf(text: &str) -> Vec<u8> {
    polku_documents::Document::new("fi", "Todistus")
        .h1("Todistus")
        .paragraph(text)
        .render()
        .expect("renders")
}

#[test]
fn uploads_are_checked_versioned_and_downloaded_as_attachments() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let base = format!("/api/v1/participants/{id}/documents");
        let pdf = small_pdf("Ensimmäinen versio");
        let res = upload(
            &app,
            &base,
            &coach,
            multipart("Koulutodistus", "todistus.pdf", "application/pdf", &pdf),
            None,
        )
        .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        let doc = res.json();
        let doc_id = doc["id"].as_str().expect("id").to_owned();
        assert_eq!(doc["version"], 1);
        assert_eq!(res.header("etag"), "\"1\"");

        // HTML named .pdf and declared as a PDF is refused by its content; nothing is stored.
        let html = b"<html><script>alert(1)</script></html>";
        let res = upload(
            &app,
            &base,
            &coach,
            multipart("Sivu", "sivu.pdf", "application/pdf", html),
            None,
        )
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert_eq!(res.json()["error"]["fields"]["file"], "Vain PDF-, PNG- ja JPEG-tiedostoja voi ladata. Tiedoston sisältö ei ole mikään näistä.");
        // A PDF with JavaScript is refused with the reason.
        let mut active = pdf.clone();
        active.extend_from_slice(b"\n9 0 obj\n<< /S /JavaScript /JS (app.alert(1)) >>\nendobj\n");
        let res = upload(
            &app,
            &base,
            &coach,
            multipart("Paha", "paha.pdf", "application/pdf", &active),
            None,
        )
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert_eq!(
            res.json()["error"]["fields"]["file"],
            "PDF-tiedostossa on JavaScript-koodia, mikä ei ole sallittua."
        );
        // A file over 10 MiB is refused with a field error.
        let mut big = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        big.resize(polku_documents::upload::MAX_UPLOAD_BYTES + 1, 0);
        let res = upload(
            &app,
            &base,
            &coach,
            multipart("Iso", "iso.png", "image/png", &big),
            None,
        )
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert_eq!(
            res.json()["error"]["fields"]["file"],
            "Tiedosto on yli 10 Mt."
        );
        let list = app.api(Method::GET, &base, Some(&coach), None, &[]).await;
        assert_eq!(list.status, StatusCode::OK);
        assert_eq!(list.json()["items"].as_array().expect("items").len(), 1);

        // A second version needs the current ETag.
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0".to_vec();
        let versions = format!("{base}/{doc_id}/versions");
        let body = multipart("", "kuva.png", "text/html", &png);
        let res = upload(&app, &versions, &coach, body.clone(), None).await;
        assert_eq!(res.status, StatusCode::PRECONDITION_REQUIRED);
        let res = upload(&app, &versions, &coach, body.clone(), Some("\"1\"")).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.json()["version"], 2);
        assert_eq!(res.json()["title"], "Koulutodistus");
        let res = upload(&app, &versions, &coach, body, Some("\"1\"")).await;
        assert_eq!(res.status, StatusCode::PRECONDITION_FAILED);

        let history = app
            .api(
                Method::GET,
                &format!("{base}/{doc_id}"),
                Some(&coach),
                None,
                &[],
            )
            .await;
        assert_eq!(history.status, StatusCode::OK);
        let v = history.json();
        assert_eq!(v["versions"][0]["content_type"], "application/pdf");
        assert_eq!(v["versions"][1]["content_type"], "image/png");

        // Each version downloads as an attachment with its own type, never inline.
        let (status, headers, bytes) =
            get_bytes(&app, &format!("{base}/{doc_id}/versions/1/content"), &coach).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(bytes, pdf);
        assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
        let disposition = headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("ascii");
        assert!(disposition.starts_with("attachment;"), "{disposition}");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert!(headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .expect("ascii")
            .starts_with("sandbox"));
        let (status, headers, bytes) =
            get_bytes(&app, &format!("{base}/{doc_id}/versions/2/content"), &coach).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(bytes, png);
        assert_eq!(headers[header::CONTENT_TYPE], "image/png");
        let (status, _, _) =
            get_bytes(&app, &format!("{base}/{doc_id}/versions/3/content"), &coach).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    });
}

#[test]
fn generated_documents_extract_in_every_language() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let base = format!("/api/v1/participants/{id}/documents");
        let cases = [
            ("cv", "fi", "Ansioluettelo"),
            ("cv", "sv", "Cv"),
            ("cv", "en", "CV"),
            ("strengths", "fi-x-selko", "Mitä osaan hyvin"),
            ("competence", "fi", "Osaamisen koonti"),
            ("continuation_plan", "fi", "Jatkosuunnitelma"),
        ];
        // The note carries the suite's canary mark (R32: CV data never reaches a log).
        let note = format!(
            "Hakee kevään aikana kolmeen paikkaan. {}",
            polku_store_tests::fixtures::CANARY_MARK
        );
        for (kind, language, heading) in cases {
            let res = app
                .api(
                    Method::POST,
                    &format!("{base}/generated"),
                    Some(&coach),
                    Some(serde_json::json!({"kind": kind, "language": language, "note": note})),
                    &[],
                )
                .await;
            assert_eq!(
                res.status,
                StatusCode::CREATED,
                "{kind} {language}: {}",
                res.body
            );
            let doc = res.json();
            let path = format!(
                "{base}/{}/versions/1/content",
                doc["id"].as_str().expect("id")
            );
            let (status, headers, bytes) = get_bytes(&app, &path, &coach).await;
            assert_eq!(status, StatusCode::OK);
            assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
            let text = pdf_text(&bytes);
            assert!(text.contains(heading), "{kind} {language}: {text}");
            if kind == "continuation_plan" {
                assert!(text.contains("Hakee kevään aikana"), "{text}");
            }
        }
        // A work certificate needs completed work to certify.
        let res = app
            .api(
                Method::POST,
                &format!("{base}/generated"),
                Some(&coach),
                Some(serde_json::json!({"kind": "work_certificate", "language": "fi"})),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert_eq!(
            res.json()["error"]["fields"]["kind"],
            "Päättynyttä työtä, kokeilua tai keikkaa ei vielä ole, joten todistusta ei voi tehdä."
        );
        let res = app
            .api(
                Method::POST,
                &format!("{base}/generated"),
                Some(&coach),
                Some(serde_json::json!({"kind": "upload", "language": "fi"})),
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    });
}

#[test]
fn documents_are_shared_only_through_consent() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let employer = app.user(Role::Employer).await;
        let other_coach = app.user(Role::Coach).await;
        let base = format!("/api/v1/participants/{id}/documents");
        let res = upload(
            &app,
            &base,
            &coach,
            multipart("CV", "cv.pdf", "application/pdf", &small_pdf("CV")),
            None,
        )
        .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
        let doc_id = res.json()["id"].as_str().expect("id").to_owned();
        let content = format!("{base}/{doc_id}/versions/1/content");
        for who in [&employer, &other_coach] {
            assert_eq!(
                app.api(Method::GET, &base, Some(who), None, &[])
                    .await
                    .status,
                StatusCode::NOT_FOUND
            );
            assert_eq!(
                get_bytes(&app, &content, who).await.0,
                StatusCode::NOT_FOUND
            );
        }
        // The employer may not upload at all.
        let res = upload(
            &app,
            &base,
            &employer,
            multipart("x", "x.pdf", "application/pdf", &small_pdf("x")),
            None,
        )
        .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);

        let svc = app.service();
        let consent = svc
            .give_consent(
                &coach.actor,
                id,
                polku_service::consents::NewConsent {
                    recipient: RecipientClass::Employer,
                    purpose: ConsentPurpose::Placement,
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
                recipient: employer.actor.user_id().expect("a user"),
                categories: vec![DataCategory::Documents],
                until: polku_service::clock::today() + time::Duration::days(30),
                revoked_at: None,
                purpose: ConsentPurpose::Placement,
            },
            "service_delivery",
        )
        .await
        .expect("share");
        let list = app
            .api(Method::GET, &base, Some(&employer), None, &[])
            .await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        assert_eq!(get_bytes(&app, &content, &employer).await.0, StatusCode::OK);

        svc.withdraw_consent(&coach.actor, id, consent[0], "service_delivery")
            .await
            .expect("withdraw");
        assert_eq!(
            app.api(Method::GET, &base, Some(&employer), None, &[])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            get_bytes(&app, &content, &employer).await.0,
            StatusCode::NOT_FOUND
        );
    });
}

/// A page upload: the browser's multipart form from our own origin with the session cookie.
async fn page_upload(app: &TestApp, path: &str, user: &User, body: Vec<u8>) -> Res {
    let req = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::COOKIE, user.cookie())
        .header(header::ORIGIN, ORIGIN)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        );
    app.send(req.body(Body::from(body)).expect("request")).await
}

#[test]
fn the_documents_tab_generates_uploads_and_lists_versions_without_javascript() {
    sqlite(|app| async move {
        let (coach, id) = coach_with_participant(&app).await;
        let tab = format!("/participants/{id}/documents");
        let page = app.get(&tab, Some(&coach)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(has(
            &page.body,
            "form[enctype='multipart/form-data'] input[type=file][name=file]"
        ));
        assert!(has(
            &page.body,
            "select[name=kind] option[value=continuation_plan]"
        ));

        // Generating confirms the save and lists the document with a download link.
        let res = app
            .post_form(
                &format!("{tab}/generate"),
                Some(&coach),
                &[
                    ("kind", "continuation_plan"),
                    ("language", "fi"),
                    ("note", "Hakee kolmeen paikkaan."),
                ],
            )
            .await;
        let page = app.confirms(&res, &coach, "Tallennettu.").await;
        // The document's link (the CV as Europass XML is a download too).
        let links: Vec<String> = select_attrs(&page.body, "a[download]", "href")
            .into_iter()
            .filter(|l| !l.ends_with("/europass.xml"))
            .collect();
        assert_eq!(links.len(), 1, "{}", page.body);
        let req = Request::builder()
            .uri(&links[0])
            .header(header::COOKIE, coach.cookie())
            .body(Body::empty())
            .expect("request");
        let res = app.app.clone().oneshot(req).await.expect("infallible");
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers()[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("ascii")
            .starts_with("attachment"));

        // A refused upload shows the reason at the file field and stores nothing.
        let html = multipart("Sivu", "sivu.pdf", "application/pdf", b"<html></html>");
        let res = page_upload(&app, &format!("{tab}/upload"), &coach, html).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(has(&res.body, "#file-error"), "{}", res.body);
        assert!(has(&res.body, "input#file[aria-invalid=true]"));
        // A good one is saved and confirmed.
        let ok = multipart(
            "Koulutodistus",
            "todistus.pdf",
            "application/pdf",
            &small_pdf("Todistus"),
        );
        let res = page_upload(&app, &format!("{tab}/upload"), &coach, ok).await;
        let page = app.confirms(&res, &coach, "Tallennettu.").await;
        assert!(page.body.contains("Koulutodistus"));
        assert_eq!(
            select_attrs(&page.body, "a[download]", "href")
                .iter()
                .filter(|l| !l.ends_with("/europass.xml"))
                .count(),
            2
        );

        // Another coach sees nothing.
        let other = app.user(Role::Coach).await;
        assert_eq!(
            app.get(&tab, Some(&other)).await.status,
            StatusCode::NOT_FOUND
        );
    });
}
