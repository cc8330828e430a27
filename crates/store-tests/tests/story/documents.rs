//! A participant's documents on both databases: saved as versions (sealed at rest; a stale
//! version is a conflict that writes nothing), every read audited, a file with active content
//! refused with its reason and nothing written, and shared only through a consented share of
//! the category `documents` (a withdrawn consent applies to the next request).

use super::*;
use polku_service::documents::DocumentSave;
use polku_service::store::AuditQuery;

/// A one-page PDF carrying `text` in its content stream (uncompressed), written by hand;
/// `catalog_extra` goes into its catalog (active content, for a refusal). The document stories
/// share it.
pub(crate) fn pdf(text: &str, catalog_extra: &str) -> Vec<u8> {
    let stream = format!("BT /F1 12 Tf 20 100 Td ({text}) Tj ET");
    let objects = [
        format!("<< /Type /Catalog /Pages 2 0 R {catalog_extra}>>"),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>".to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A save of `bytes` as a document of `kind` (in Finnish unless an upload), new or as the next
/// version of `document` at its current version.
pub(crate) fn save(
    kind: DocumentKind,
    title: &str,
    bytes: Vec<u8>,
    document: Option<(DocumentId, i64)>,
) -> DocumentSave {
    DocumentSave {
        document,
        kind,
        title: title.into(),
        bytes,
        language: (kind != DocumentKind::Upload).then(|| "fi".to_owned()),
        note: None,
    }
}

fn upload(title: &str, bytes: Vec<u8>, document: Option<(DocumentId, i64)>) -> DocumentSave {
    save(DocumentKind::Upload, title, bytes, document)
}

pub(crate) async fn documents_are_versioned_sealed_audited_and_shared_by_consent(db: Arc<TestDb>) {
    let svc = &db.service;
    let (world, coach, id) = World::enrolled(svc).await;
    let first = pdf(&format!("{CANARY} ensimmainen"), "");
    let doc = svc
        .save_document(
            &coach,
            id,
            upload(&format!("{CANARY} todistus"), first.clone(), None),
            "service_delivery",
        )
        .await
        .unwrap();
    assert_eq!(doc.version, 1);
    let second = pdf(&format!("{CANARY} toinen"), "");
    let doc2 = svc
        .save_document(
            &coach,
            id,
            upload("Todistus", second.clone(), Some((doc.id, 1))),
            "service_delivery",
        )
        .await
        .unwrap();
    assert_eq!(doc2.version, 2);
    // A stale version is a conflict and writes nothing.
    assert!(matches!(
        svc.save_document(
            &coach,
            id,
            upload("Vanha", first.clone(), Some((doc.id, 1))),
            "service_delivery"
        )
        .await,
        Err(ServiceError::Conflict { current: 2 })
    ));
    // Active content is refused with its reason, and nothing is written.
    let js = pdf("x", "/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ");
    match svc
        .save_document(&coach, id, upload("Paha", js, None), "service_delivery")
        .await
    {
        Err(ServiceError::Invalid(DomainError::Rule { field, rule })) => {
            assert_eq!((field, rule), ("file", "pdf_automatic_action"));
        }
        other => panic!("an active PDF was not refused: {other:?}"),
    }
    // The type comes from the content: HTML named .pdf is refused.
    assert!(matches!(
        svc.save_document(
            &coach,
            id,
            upload(
                "sivu.pdf",
                b"<html><script>alert(1)</script></html>".to_vec(),
                None
            ),
            "service_delivery"
        )
        .await,
        Err(ServiceError::Invalid(DomainError::Rule {
            rule: "file_type_not_allowed",
            ..
        }))
    ));

    let list = svc.documents(&coach, id, "service_delivery").await.unwrap();
    assert_eq!(list.len(), 1, "the refused files were not stored");
    assert_eq!(list[0].title, "Todistus");
    let history = svc
        .document_history(&coach, id, doc.id, "service_delivery")
        .await
        .unwrap();
    assert_eq!(
        history
            .versions
            .iter()
            .map(|v| (v.version, v.content_type.as_str()))
            .collect::<Vec<_>>(),
        vec![(1, "application/pdf"), (2, "application/pdf")]
    );
    let v1 = svc
        .download_document(&coach, id, doc.id, Some(1), "service_delivery")
        .await
        .unwrap();
    assert_eq!(v1.bytes, first);
    let newest = svc
        .download_document(&coach, id, doc.id, None, "service_delivery")
        .await
        .unwrap();
    assert_eq!(newest.bytes, second);
    assert!(newest.file_name().ends_with("-v2.pdf"));
    assert!(matches!(
        svc.download_document(&coach, id, doc.id, Some(3), "service_delivery")
            .await,
        Err(ServiceError::NotFound)
    ));

    // Every read was audited.
    let entries = db
        .store
        .audit_query(&AuditQuery {
            subject: Some(id.to_string()),
            actor: None,
            from: None,
            to: None,
            limit: 100,
        })
        .await
        .unwrap();
    for action in [
        "list_documents",
        &format!("read_document_versions:{}", doc.id),
        &format!("download_document:{}:1", doc.id),
        &format!("download_document:{}:newest", doc.id),
        &format!("save_document:{}:2", doc.id),
    ] {
        assert!(
            entries.iter().any(|e| e.action == *action),
            "no audit entry {action}"
        );
    }

    // Another coach and an employer without a share see nothing.
    let other_coach = world.user(svc, Role::Coach).await;
    let employer = world.user(svc, Role::Employer).await;
    for who in [&other_coach, &employer] {
        assert!(matches!(
            svc.documents(who, id, "placement").await,
            Err(ServiceError::NotFound)
        ));
        assert!(matches!(
            svc.download_document(who, id, doc.id, None, "placement")
                .await,
            Err(ServiceError::NotFound)
        ));
    }
    // A share of `documents` with the participant's consent lets the employer read …
    let consent = give_consent(
        svc,
        &coach,
        id,
        RecipientClass::Employer,
        &[DataCategory::Documents],
    )
    .await;
    svc.share_participant(
        &coach,
        Share {
            id: ShareId::new(),
            participant_id: id,
            recipient: employer.user_id().unwrap(),
            categories: vec![DataCategory::Documents],
            until: time::OffsetDateTime::now_utc().date() + time::Duration::days(30),
            revoked_at: None,
            purpose: ConsentPurpose::Placement,
        },
        "service_delivery",
    )
    .await
    .unwrap();
    assert_eq!(
        svc.documents(&employer, id, "placement")
            .await
            .unwrap()
            .len(),
        1
    );
    let seen = svc
        .download_document(&employer, id, doc.id, None, "placement")
        .await
        .unwrap();
    assert_eq!(seen.bytes, second);
    // … but not write.
    assert!(matches!(
        svc.save_document(
            &employer,
            id,
            upload("x", second.clone(), None),
            "placement"
        )
        .await,
        Err(ServiceError::NotFound)
    ));
    // The withdrawn consent applies to the very next request.
    svc.withdraw_consent(&coach, id, consent[0], "service_delivery")
        .await
        .unwrap();
    assert!(matches!(
        svc.download_document(&employer, id, doc.id, None, "placement")
            .await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        svc.documents(&employer, id, "placement").await,
        Err(ServiceError::NotFound)
    ));

    // Versions are append-only in the database itself.
    assert!(db
        .raw("UPDATE document_versions SET size_bytes = size_bytes")
        .await
        .is_err());
    // The canary never reached the database in clear.
    if db.backend == Backend::Sqlite {
        let path = db.url.trim_start_matches("sqlite://");
        db.store.close().await;
        for f in [path.to_owned(), format!("{path}-wal")] {
            let bytes = std::fs::read(&f).unwrap_or_default();
            assert!(
                !bytes.windows(CANARY.len()).any(|w| w == CANARY.as_bytes()),
                "canary found in {f}"
            );
        }
    }
}
