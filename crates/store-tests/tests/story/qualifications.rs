//! Opinnollistaminen: importing a qualification is idempotent and all-or-nothing, tasks are
//! mapped to requirement items (an unknown item changes nothing), and only the placement's
//! mentor or the coach records evidence, whose note is sealed and whose reads are audited.

use super::mentoring::mentored;
use super::*;
use polku_service::qualifications::eperusteet::{parse, parse_value};
use polku_service::qualifications::NewQualificationEvidence;
use polku_service::store::{AuditQuery, ImportCounts};

const SYNTHETIC: &str =
    include_str!("../../../../data/qualifications/samples/sample-synthetic-peruste.json");
const YTO: &str = include_str!(
    "../../../../data/qualifications/samples/sample-real-yhteiset-tutkinnonosat-OPH-456-2022.json"
);

pub(crate) async fn qualifications_import_map_and_evidence(db: Arc<TestDb>) {
    let svc = &db.service;
    let sys = system();
    let synthetic = parse(SYNTHETIC).unwrap();
    let counts = svc.import_qualification(&sys, &synthetic).await.unwrap();
    assert_eq!(
        counts,
        ImportCounts {
            added: 3,
            updated: 0,
            unchanged: 0,
            requirements: synthetic.units.iter().map(|(_, r)| r.len()).sum(),
        }
    );
    // The same version again: nothing written.
    let again = svc.import_qualification(&sys, &synthetic).await.unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 3));
    // A new source version of the same diaarinumero replaces texts, keeping the ids.
    let mut v: serde_json::Value = serde_json::from_str(SYNTHETIC).unwrap();
    v["globalVersion"]["aikaleima"] = serde_json::json!(1_800_000_000_000_i64);
    v["tutkinnonOsat"][1]["ammattitaitovaatimukset2019"]["vaatimukset"][0]["vaatimus"]["fi"] =
        serde_json::json!("ESIMERKKI: tervehtii uutta esimerkkiasiakasta");
    let newer = parse_value(&v).unwrap();
    let updated = svc.import_qualification(&sys, &newer).await.unwrap();
    assert_eq!(
        (updated.added, updated.updated, updated.unchanged),
        (0, 3, 0)
    );
    let (unit, reqs) = &newer.units[1];
    let stored = db
        .store
        .unit_requirements(&unit.code, &unit.diaarinumero)
        .await
        .unwrap();
    assert_eq!(&stored, reqs);
    assert_eq!(
        stored[0].text.fi,
        "ESIMERKKI: tervehtii uutta esimerkkiasiakasta"
    );
    // Nothing half-written: a batch whose second unit breaks the store's own check
    // (a requirement of another unit) leaves the first unit out too.
    let yto = parse(YTO).unwrap();
    let mut broken = yto.clone();
    broken.units[1].1[0].unit = broken.units[0].0.code.clone();
    assert!(svc.import_qualification(&sys, &broken).await.is_err());
    let units = svc.qualification_units(&sys).await.unwrap();
    assert_eq!(units.len(), 3, "only the synthetic units: {units:?}");
    svc.import_qualification(&sys, &yto).await.unwrap();
    let units = svc.qualification_units(&sys).await.unwrap();
    assert_eq!(units.len(), 6);
    let first = units
        .iter()
        .find(|u| u.code.as_str() == "tutkinnonosat_106733")
        .unwrap();
    assert_eq!(first.valid_from, Some(time::macros::date!(2022 - 08 - 01)));
    assert_eq!(first.osp, Some(15.0));
    // Only the command line imports.
    let m = mentored(svc).await;
    assert!(matches!(
        svc.import_qualification(&m.coach, &yto).await,
        Err(ServiceError::Forbidden)
    ));

    // Coordinators map the employer's task to requirement items.
    let coordinator = m.world.user(svc, Role::Coordinator).await;
    let employer = m.placement.employer_id;
    let items: Vec<RequirementId> = yto.units[0].1.iter().take(2).map(|r| r.id).collect();
    svc.map_task_requirements(&coordinator, employer, m.task, &items)
        .await
        .unwrap();
    let map = svc
        .task_requirement_map(&coordinator, employer)
        .await
        .unwrap();
    assert_eq!(map.len(), 1);
    assert_eq!(
        map[0].requirements.iter().map(|r| r.id).collect::<Vec<_>>(),
        items
    );
    // An unknown item is a clear error and the mapping stays as it was.
    let e = svc
        .map_task_requirements(
            &coordinator,
            employer,
            m.task,
            &[items[0], RequirementId::new()],
        )
        .await
        .unwrap_err();
    assert!(matches!(
        e,
        ServiceError::Invalid(DomainError::Rule {
            field: "requirement_ids",
            rule: "unknown_requirement"
        })
    ));
    let map = svc
        .task_requirement_map(&coordinator, employer)
        .await
        .unwrap();
    assert_eq!(map[0].requirements.len(), 2);
    // The store refuses it as well, writing nothing.
    let audit = AuditEvent::new(
        &sys,
        "task",
        None,
        "map_requirements",
        "employer_cooperation",
    )
    .unwrap();
    assert!(matches!(
        db.store
            .set_task_requirements(
                m.task,
                &[RequirementId::new()],
                coordinator.user_id().unwrap(),
                time::OffsetDateTime::now_utc(),
                &audit,
            )
            .await,
        Err(ServiceError::NotFound)
    ));
    // A mentor may not map.
    assert!(matches!(
        svc.map_task_requirements(&m.mentor, employer, m.task, &items)
            .await,
        Err(ServiceError::NotFound)
    ));

    // The mentor records evidence; another mentor, and a bad item, get 404.
    let new = |req: RequirementId, note: &str| NewQualificationEvidence {
        requirement_id: req,
        task_id: m.task,
        shown_on: m.start,
        assessment: CompetenceShown::Shown,
        note: note.into(),
    };
    let e = svc
        .record_qualification_evidence(
            &m.mentor,
            m.placement.id,
            new(items[0], &format!("{CANARY} näytti")),
        )
        .await
        .unwrap();
    assert_eq!(e.assessment, CompetenceShown::Shown);
    assert!(matches!(
        svc.record_qualification_evidence(&m.other_mentor, m.placement.id, new(items[0], ""))
            .await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        svc.record_qualification_evidence(&m.mentor, m.placement.id, new(RequirementId::new(), ""))
            .await,
        Err(ServiceError::NotFound)
    ));
    let mut future = new(items[1], "");
    future.shown_on = polku_service::today() + time::Duration::days(1);
    assert!(matches!(
        svc.record_qualification_evidence(&m.mentor, m.placement.id, future)
            .await,
        Err(ServiceError::Invalid(DomainError::Rule {
            rule: "evidence_date_future",
            ..
        }))
    ));
    let mut other_task = new(items[1], "");
    other_task.task_id = TaskId::new();
    assert!(matches!(
        svc.record_qualification_evidence(&m.mentor, m.placement.id, other_task)
            .await,
        Err(ServiceError::Invalid(DomainError::Rule {
            rule: "task_not_in_placement",
            ..
        }))
    ));
    // The coach may record too.
    let mut partly = new(items[1], "");
    partly.assessment = CompetenceShown::PartlyShown;
    svc.record_qualification_evidence(&m.coach, m.placement.id, partly)
        .await
        .unwrap();
    assert_eq!(
        db.count_where("qualification_evidence", "placement_id", m.placement.id.0)
            .await,
        2
    );
    // Reading opens the note and is audited; other mentors see nothing.
    let (_, lines) = svc
        .qualification_evidence(&m.coach, m.placement.id)
        .await
        .unwrap();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].evidence.note.contains(CANARY));
    assert_eq!(lines[0].requirement.id, items[0]);
    assert_eq!(
        lines[0].unit.as_ref().map(|u| u.code.as_str()),
        Some("tutkinnonosat_106733")
    );
    assert!(matches!(
        svc.qualification_evidence(&m.other_mentor, m.placement.id)
            .await,
        Err(ServiceError::NotFound)
    ));
    let audit = db
        .store
        .audit_query(&AuditQuery {
            subject: Some(m.participant.to_string()),
            limit: 1000,
            ..Default::default()
        })
        .await
        .unwrap();
    // Stable action names (issue 14): no ids embedded in the evidence's own entries; the
    // placement read of the same request names the placement.
    let subject = m.participant.to_string();
    for action in ["read_qualification_evidence", "add_qualification_evidence"] {
        assert!(
            audit
                .iter()
                .any(|r| r.action == action && r.subject.as_deref() == Some(subject.as_str())),
            "no {action} entry"
        );
    }
    assert!(!audit
        .iter()
        .any(|r| r.action.starts_with("add_qualification_evidence:")));
    assert!(audit
        .iter()
        .any(|r| r.action == format!("record_qualification_evidence:{}", m.placement.id)));
    // The note never reaches the database in clear.
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

/// One piece of qualification evidence on `placement` (for the data-subject stories): the
/// synthetic qualification is imported (again, harmlessly) and its first item recorded.
pub(crate) async fn evidence_row(
    svc: &Service,
    mentor: &Actor,
    placement: PlacementId,
    task: TaskId,
    on: time::Date,
) {
    let synthetic = parse(SYNTHETIC).unwrap();
    svc.import_qualification(&system(), &synthetic)
        .await
        .unwrap();
    svc.record_qualification_evidence(
        mentor,
        placement,
        NewQualificationEvidence {
            requirement_id: synthetic.units[0].1[0].id,
            task_id: task,
            shown_on: on,
            assessment: CompetenceShown::PartlyShown,
            note: "Kuittaa lähetyksen".into(),
        },
    )
    .await
    .unwrap();
}
