//! Migration 0038 on both databases: the participant's documents admit the kind
//! `competence_certificate` (the osaamistodistus kept as versions) and still refuse an unknown
//! kind; running the migration's SQL again on a filled database (SQLite: the table rebuild, in
//! one transaction with foreign keys on) keeps every row, the index and the append-only trigger.

use super::documents::{pdf, save};
use super::*;

const SQLITE_0038: &str =
    include_str!("../../../store-sqlite/migrations/0038_competence_certificate_documents.sql");
const POSTGRES_0038: &str =
    include_str!("../../../store-postgres/migrations/0038_competence_certificate_documents.sql");

pub(crate) async fn competence_certificates_are_documents_and_0038_keeps_every_row(
    db: Arc<TestDb>,
) {
    let svc = &db.service;
    let (_world, coach, id) = World::enrolled(svc).await;
    let upload = svc
        .save_document(
            &coach,
            id,
            save(DocumentKind::Upload, "Todistus", pdf("yksi", ""), None),
            "service_delivery",
        )
        .await
        .unwrap();
    svc.save_document(
        &coach,
        id,
        save(
            DocumentKind::Upload,
            "Todistus",
            pdf("kaksi", ""),
            Some((upload.id, 1)),
        ),
        "service_delivery",
    )
    .await
    .unwrap();
    let cert = svc
        .save_document(
            &coach,
            id,
            save(
                DocumentKind::CompetenceCertificate,
                "Osaamistodistus",
                pdf("osaaminen", ""),
                None,
            ),
            "service_delivery",
        )
        .await
        .unwrap();
    assert_eq!(cert.kind, DocumentKind::CompetenceCertificate);
    let cert2 = svc
        .save_document(
            &coach,
            id,
            save(
                DocumentKind::CompetenceCertificate,
                "Osaamistodistus",
                pdf("osaaminen 2", ""),
                Some((cert.id, 1)),
            ),
            "service_delivery",
        )
        .await
        .unwrap();
    assert_eq!(cert2.version, 2);
    let listed = svc.documents(&coach, id, "service_delivery").await.unwrap();
    assert!(listed.iter().any(|d| d.id == cert.id
        && d.kind == DocumentKind::CompetenceCertificate
        && d.version == 2));

    let counts = |db: Arc<TestDb>| async move {
        (
            db.count_where("participant_documents", "participant_id", id.0)
                .await,
            db.count_where("document_versions", "participant_id", id.0)
                .await,
        )
    };
    let before = counts(db.clone()).await;
    assert_eq!(before, (2, 4));

    // The migration's SQL once more, on the filled database, in one transaction.
    let sql = match db.backend {
        Backend::Sqlite => SQLITE_0038,
        Backend::Postgres => POSTGRES_0038,
    };
    db.raw(&format!("BEGIN;\n{sql}\nCOMMIT;"))
        .await
        .expect("0038 again");
    assert_eq!(counts(db.clone()).await, before, "every row kept");
    // Still readable through the store, every version, with the content it had.
    let file = svc
        .download_document(&coach, id, cert.id, Some(1), "service_delivery")
        .await
        .unwrap();
    assert_eq!(file.bytes, pdf("osaaminen", ""));
    assert_eq!(file.document.kind, DocumentKind::CompetenceCertificate);
    // The CHECK still refuses an unknown kind; the versions stay append-only; the foreign key
    // still ties a version to its document.
    let quoted = |u: uuid::Uuid| match db.backend {
        Backend::Sqlite => format!("X'{}'", u.simple()),
        Backend::Postgres => format!("'{u}'"),
    };
    assert!(db
        .raw(&format!(
            "UPDATE participant_documents SET kind = 'bogus' WHERE id = {}",
            quoted(cert.id.0)
        ))
        .await
        .is_err());
    assert!(db
        .raw(&format!(
            "UPDATE document_versions SET size_bytes = 1 WHERE document_id = {}",
            quoted(cert.id.0)
        ))
        .await
        .is_err());
    assert!(db
        .raw(&format!(
            "DELETE FROM participant_documents WHERE id = {}",
            quoted(cert.id.0)
        ))
        .await
        .is_err());
    if db.backend == Backend::Sqlite {
        let pool = sqlx::SqlitePool::connect(&db.url).await.expect("connect");
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE name IN \
             ('participant_documents_participant', 'document_versions_no_update') ORDER BY name",
        )
        .fetch_all(&pool)
        .await
        .expect("schema");
        pool.close().await;
        assert_eq!(
            names,
            [
                "document_versions_no_update",
                "participant_documents_participant"
            ]
        );
    }
    assert_eq!(
        counts(db.clone()).await,
        before,
        "the refused changes changed nothing"
    );
}
