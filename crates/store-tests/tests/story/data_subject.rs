//! Data-subject rights: the complete export, erasure with legal holds, and the data register.

use super::*;

/// R37/R39: the access export holds everything stored about the participant (every table that
/// refers to participants is covered), opened; the consent history with the wording; the
/// recipients; the access log without staff identities unless asked; nothing about anyone else.
/// Only the own coach (or the operator) may take it, and taking it is audited.
pub(crate) async fn subject_export_is_complete_and_names_no_one_else(db: Arc<TestDb>) {
    use polku_service::subject::EXPORT_FORMAT;
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let other_coach = world.user(svc, Role::Coach).await;
    let employer = world.user(svc, Role::Employer).await;
    let manager = world.user(svc, Role::Manager).await;
    let new = world.new_participant();
    let hetu = new.personal.hetu.clone().unwrap();
    let id = svc
        .create_participant(&coach, new.clone(), "service_delivery")
        .await
        .unwrap();
    let someone_else = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    // A row in every table that refers to the participant.
    svc.save_document(
        &coach,
        id,
        polku_service::documents::DocumentSave {
            document: None,
            kind: DocumentKind::Upload,
            title: "Koulutodistus".into(),
            bytes: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0".to_vec(),
            language: None,
            note: None,
        },
        "service_delivery",
    )
    .await
    .unwrap();
    svc.record_referral(
        &coach,
        id,
        polku_service::referrals::NewParticipantReferral {
            direction: ReferralDirection::Outgoing,
            source: None,
            destination: Some(ReferralDestination::Education),
            organisation: "Koulutuskeskus Salpaus".into(),
            referred_on: polku_service::today(),
            reason: "Valmentava koulutus".into(),
            status: None,
            outcome: String::new(),
            outcome_on: None,
        },
    )
    .await
    .unwrap();
    svc.save_esf_entry(
        &coach,
        id,
        EsfEntryData {
            entered_on: time::macros::date!(2026 - 11 - 02),
            gender: Gender::Woman,
            status: EntryStatus::LongTermUnemployed,
            education: Education::Basic,
            third_country_national: Answer::No,
            foreign_background: Answer::Declined,
            homeless: Answer::NotKnown,
            special: EsfSpecial {
                disability: Answer::Yes,
                minority: Answer::NotKnown,
            },
        },
        0,
        time::macros::date!(2026 - 11 - 30),
    )
    .await
    .unwrap();
    svc.record_meeting(
        &coach,
        polku_service::meetings::NewMeeting {
            participant_id: id,
            starts_at: time::macros::datetime!(2026-11-20 10:00 UTC),
            duration_min: 60,
            place: PlaceType::Office,
            notes: format!("{CANARY} harjoitteli haastattelua"),
        },
        "service_delivery",
    )
    .await
    .unwrap();
    svc.add_plan_item(
        &coach,
        id,
        "Työkokeilu varastossa",
        None,
        "service_delivery",
    )
    .await
    .unwrap();
    svc.update_participant(
        &coach,
        id,
        1,
        ParticipantChanges {
            personal: new.personal.clone(),
            sensitive: new.sensitive.clone(),
            stage: PathStage::Assessment,
        },
        "service_delivery",
    )
    .await
    .unwrap();
    consent_and_share_skills(svc, &coach, &employer, id).await;
    // A proposal to an employer (its tasks are the employer's, not the participant's).
    let coordinator = world.user(svc, Role::Coordinator).await;
    let firm = world.employer();
    svc.create_employer(&coordinator, firm.clone())
        .await
        .unwrap();
    let task = world.task(firm.id, "Hyllytys");
    svc.add_task(&coordinator, task.clone()).await.unwrap();
    let trial = svc
        .propose_placement(
            &coach,
            polku_service::placements::NewPlacement {
                participant: id,
                employer: firm.id,
                opening: None,
                kind: OpeningKind::WorkTrial,
                pay_subsidy: false,
                tasks: vec![task.id],
                starts_on: time::macros::date!(2027 - 01 - 11),
                ends_on: Some(time::macros::date!(2027 - 02 - 26)),
                hours_per_day: 5,
                days_per_week: 4,
                mentor: None,
                categories: None,
                gig: None,
            },
        )
        .await
        .unwrap();
    // Agreed, with a trial agreement accepted on paper by every party; the trial runs to its
    // end: a follow-up a month later ("what happened next").
    svc.answer_proposal(&coach, trial.id, EmployerAnswer::Yes, None, 1)
        .await
        .unwrap();
    svc.save_agreement(
        &coach,
        trial.id,
        polku_service::agreements::AgreementInput {
            objective: "Selvittää varastotyön sopivuus".into(),
            signatory_name: "Eeva Esimies".into(),
            signatory_title: "Toimitusjohtaja".into(),
            authority_name: "Tarja Virkailija".into(),
            authority_organisation: "Työllisyysalue".into(),
            authority_contact: "040 000 0000".into(),
            mentor_name: None,
            allowance_per_day: 9,
            allowance_payer: AllowancePayer::Kela,
            other_terms: String::new(),
            terms: None,
        },
        None,
    )
    .await
    .unwrap();
    for (party, name) in [
        (AgreementParty::Participant, "Osallistuja"),
        (AgreementParty::Organiser, "Eeva Esimies"),
        (AgreementParty::Authority, "Tarja Virkailija"),
    ] {
        svc.record_paper_acceptance(&coach, trial.id, party, name, polku_service::today(), 1)
            .await
            .unwrap();
    }
    svc.move_placement(
        &coach,
        trial.id,
        PlacementState::Active,
        None,
        time::macros::date!(2027 - 01 - 11),
        2,
    )
    .await
    .unwrap();
    svc.move_placement(
        &coach,
        trial.id,
        PlacementState::Completed,
        None,
        time::macros::date!(2027 - 02 - 26),
        3,
    )
    .await
    .unwrap();
    super::mentoring::mentoring_rows(svc, &world, &coach, id).await;
    svc.set_legal_hold(
        &system(),
        id,
        polku_service::erasure::HoldGround::LegalObligation,
        "Hankepäätös 2026/7",
        time::OffsetDateTime::now_utc().date() + time::Duration::days(365),
    )
    .await
    .unwrap();
    svc.shared_participant(&employer, id, "employer_cooperation")
        .await
        .unwrap();

    let skill = new.personal.skills[0].skill.as_str().to_owned();
    db.store
        .upsert_esco(&[EscoConcept {
            uri: skill.clone(),
            kind: "skill".into(),
            label_fi: Some("varastotyö".into()),
            label_sv: Some("lagerarbete".into()),
            label_en: None,
            alt_labels: String::new(),
            ..EscoConcept::default()
        }])
        .await
        .unwrap();
    // A restriction of processing, lifted again (the coach may export once it is lifted).
    svc.restrict_processing(
        &system(),
        id,
        polku_service::restrictions::RestrictionGround::AccuracyContested,
        "DPO-7",
    )
    .await
    .unwrap();
    svc.lift_restriction(&system(), id).await.unwrap();
    // Nobody but the own coach (and the operator) may take it.
    for who in [&other_coach, &employer, &manager] {
        assert!(matches!(
            svc.export_subject(who, id, "fi", false).await,
            Err(ServiceError::NotFound)
        ));
    }
    let export = svc.export_subject(&coach, id, "fi", false).await.unwrap();
    let json = serde_json::to_value(&export).unwrap();
    let text = json.to_string();
    assert_eq!(json["format"], EXPORT_FORMAT);
    assert_eq!(json["subject"], id.to_string());
    assert!(!export.sealed_data_erased);
    assert_eq!(json["personal"]["hetu"], hetu.as_str());
    assert_eq!(json["personal"]["given_name"], new.personal.given_name);
    assert_eq!(json["sensitive"]["functional_notes"], CANARY);
    assert_eq!(json["personal"]["esf"]["disability"], true);
    assert_eq!(json["controller"]["project_code"], world.project.code);
    assert_eq!(json["service_path"]["stage"], "assessment");
    assert_eq!(json["labels"][&skill], "varastotyö");
    let store = &db.store;
    let name = |a: &Actor| {
        let id = a.user_id().unwrap();
        async move { store.get_user(id).await.unwrap().unwrap().display_name }
    };
    let (coach_name, employer_name) = (name(&coach).await, name(&employer).await);
    assert_ne!(coach_name, employer_name);
    assert_eq!(json["service_path"]["coach"], coach_name.as_str());

    // Schema-driven completeness: every table that refers to participants is in the export,
    // and here each has something to show.
    let covered = |table: &str| -> usize {
        match table {
            "participant_keys" => usize::from(!export.sealed_data_erased),
            "meetings" => export.meetings.len(),
            "plan_items" => export.plan.len(),
            "placements" => export.placements.len(),
            "follow_ups" => export.follow_ups.len(),
            "esf_records" => usize::from(export.esf.is_some()),
            "trial_agreements" => export.agreements.len(),
            "agreement_acceptances" => export.agreements.iter().map(|a| a.acceptances.len()).sum(),
            "mentor_checkins" => export.mentoring.checkins.len(),
            "task_feedback" => export.mentoring.task_feedback.len(),
            "placement_feedback" => export.mentoring.final_feedback.len(),
            "evidence" => export.mentoring.evidence.len(),
            "participant_stage_changes" => export.service_path.stage_changes.len(),
            "consents" => export.consents.len(),
            "shares" => export.disclosures.len(),
            "legal_holds" => export.legal_holds.len(),
            "processing_restrictions" => export.restrictions.len(),
            "participant_documents" => export.documents.len(),
            "document_versions" => export.documents.iter().map(|d| d.versions.len()).sum(),
            "qualification_evidence" => export.qualification_evidence.len(),
            "referrals" => export.referrals.len(),
            // Tombstones exist only once the participant is gone.
            "erasures" => 1,
            other => panic!(
                "table {other} refers to participants, but the subject export does not cover it"
            ),
        }
    };
    let tables = db.tables_with_column("participant_id").await;
    assert!(tables.len() >= 8, "{tables:?}");
    for t in &tables {
        assert!(covered(t) > 0, "{t} is empty in the export");
    }
    assert_eq!(json["esf"]["entry"]["special"]["disability"], "yes");
    assert_eq!(json["esf"]["entry"]["foreign_background"], "declined");
    assert_eq!(json["follow_ups"][0]["checkpoint"], "1m");
    assert_eq!(json["follow_ups"][0]["due_on"], "2027-03-26");
    assert_eq!(json["follow_ups"][0]["employer"], firm.name.as_str());
    assert_eq!(
        export.mentoring.checkins[0].note.as_deref(),
        Some("Perehdytys")
    );
    assert!(export.mentoring.evidence.iter().all(|e| e.what.is_some()));
    assert_eq!(
        export.mentoring.final_feedback[0]
            .organiser_feedback
            .as_deref(),
        Some("Hyvä työote")
    );
    assert!(export.meetings[0]
        .notes
        .as_deref()
        .unwrap()
        .contains(CANARY));
    assert_eq!(
        export.plan[0].text.as_deref(),
        Some("Työkokeilu varastossa")
    );
    assert_eq!(export.service_path.stage_changes[0].to, "assessment");
    let consent = &export.consents[0];
    assert_eq!(consent.category, DataCategory::Skills);
    let wording = polku_service::consents::wording(
        ConsentPurpose::Placement,
        RecipientClass::Employer,
        DataCategory::Skills,
    );
    assert_eq!(consent.text_version_hash, wording.hash);
    assert_eq!(
        consent.wording.as_deref(),
        Some(wording.texts[0].1.as_str())
    );
    // The employer's share (the workplace mentor's comes with the mentoring rows).
    let to_employer = export
        .disclosures
        .iter()
        .find(|d| d.recipient == employer_name)
        .unwrap();
    assert_eq!(export.legal_holds[0].article, "GDPR Art. 17(3)(b)");
    assert_eq!(to_employer.recipient_kinds, vec![RecipientClass::Employer]);
    assert_eq!(to_employer.categories, vec![DataCategory::Skills]);
    assert!(export
        .disclosures
        .iter()
        .any(|d| d.recipient_kinds == vec![RecipientClass::Mentor]
            && d.categories == vec![DataCategory::Contact]));
    // The access log: when, why, and the role; the employer's read is there.
    let events = &export.access_events;
    assert!(events
        .iter()
        .any(|e| e.action == "read" && e.actor_role == "employer"));
    assert!(events.iter().all(|e| !e.purpose_description.is_empty()));
    // No staff identities by default, nothing about the other participant.
    assert!(events.iter().all(|e| e.actor.is_none()));
    assert!(export.meetings.iter().all(|m| m.held_by.is_none()));
    assert!(export.consents.iter().all(|c| c.recorded_by.is_none()));
    assert!(!text.contains("user:"), "{text}");
    assert!(!text.contains(&coach.user_id().unwrap().to_string()));
    assert!(!text.contains(&someone_else.to_string()));

    // Asked explicitly, staff are named; the audit log records which kind of export it was.
    let with_staff = svc.export_subject(&system(), id, "en", true).await.unwrap();
    assert_eq!(
        with_staff.meetings[0].held_by.as_deref(),
        Some(coach_name.as_str())
    );
    // The employer's read is attributed to the employer, the coach's reads to the coach.
    assert!(with_staff
        .access_events
        .iter()
        .any(|e| e.actor_role == "employer" && e.actor.as_deref() == Some(employer_name.as_str())));
    assert!(with_staff.access_events.iter().all(|e| e.actor.is_some()));
    assert_eq!(
        with_staff.labels[&skill], "varastotyö",
        "no English label: Finnish"
    );
    assert!(with_staff
        .access_events
        .iter()
        .any(|e| e.action == "export" && e.purpose == "data_subject_request"));
    assert_eq!(
        with_staff.consents[0].wording.as_deref(),
        Some(wording.texts[2].1.as_str())
    );

    // After crypto-erasure the sealed parts are gone, the rest is still given.
    assert!(svc.erase_participant_data(&coach, id).await.unwrap());
    let erased = svc.export_subject(&coach, id, "fi", false).await.unwrap();
    assert!(erased.sealed_data_erased);
    assert!(erased.sensitive.is_none());
    assert!(erased.personal.hetu.is_none());
    assert_eq!(erased.personal.family_name, new.personal.family_name);
    assert!(erased.meetings[0].notes.is_none());
    assert!(erased.plan[0].text.is_none());
}

/// R40 (and R33): erasure removes every row that refers to the participant, found from the live
/// schema; the files keep no copy of their clear data; a legal hold refuses it with its ground
/// and changes nothing; the tombstone stays and replaying it is idempotent; others are untouched.
pub(crate) async fn erasure_removes_every_row_unless_held(db: Arc<TestDb>) {
    use polku_service::erasure::HoldGround;
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let employer = world.user(svc, Role::Employer).await;
    let operator = system();
    let marker = format!(
        "Poistettava{}",
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    );
    let mut new = world.new_participant();
    new.personal.given_name = marker.clone();
    let id = svc
        .create_participant(&coach, new.clone(), "service_delivery")
        .await
        .unwrap();
    let kept = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    for p in [id, kept] {
        svc.record_meeting(
            &coach,
            polku_service::meetings::NewMeeting {
                participant_id: p,
                starts_at: time::macros::datetime!(2026-11-20 10:00 UTC),
                duration_min: 30,
                place: PlaceType::Remote,
                notes: "Puhelu".into(),
            },
            "service_delivery",
        )
        .await
        .unwrap();
        svc.add_plan_item(&coach, p, "CV", None, "service_delivery")
            .await
            .unwrap();
        consent_and_share_skills(svc, &coach, &employer, p).await;
    }
    super::mentoring::mentoring_rows(svc, &world, &coach, id).await;
    svc.update_participant(
        &coach,
        id,
        1,
        ParticipantChanges {
            personal: new.personal.clone(),
            sensitive: new.sensitive.clone(),
            stage: PathStage::Assessment,
        },
        "service_delivery",
    )
    .await
    .unwrap();

    // Only the operator or an administrator erases or holds.
    assert!(matches!(
        svc.erase_subject(&coach, id).await,
        Err(ServiceError::Forbidden)
    ));
    let today = time::OffsetDateTime::now_utc().date();
    for (reference, until, field) in [
        ("", today + time::Duration::days(9), "reference"),
        ("Dnro 1/2026", today, "until"),
        ("a\u{7}b", today + time::Duration::days(9), "reference"),
    ] {
        let err = svc
            .set_legal_hold(&operator, id, HoldGround::LegalClaims, reference, until)
            .await
            .unwrap_err();
        assert!(
            matches!(&err, ServiceError::Invalid(DomainError::Invalid { field: f, .. }) if *f == field),
            "{err:?}"
        );
    }
    let until = today + time::Duration::days(30);
    let hold = svc
        .set_legal_hold(
            &operator,
            id,
            HoldGround::LegalClaims,
            "Dnro 12/2026",
            until,
        )
        .await
        .unwrap();
    // Held: refused with the ground and date, nothing changed.
    match svc.erase_subject(&operator, id).await {
        Err(ServiceError::Held {
            ground,
            article,
            until: u,
        }) => {
            assert_eq!(
                (ground, article, u),
                ("legal_claims", "GDPR Art. 17(3)(e)", until)
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(svc
        .get_participant(&coach, id, "service_delivery")
        .await
        .is_ok());
    assert_eq!(db.count_where("erasures", "participant_id", id.0).await, 0);
    svc.release_legal_hold(&operator, id, hold).await.unwrap();
    assert!(matches!(
        svc.release_legal_hold(&operator, id, hold).await,
        Err(ServiceError::NotFound)
    ));
    let holds = svc.legal_holds(&operator, id).await.unwrap();
    assert!(holds.len() == 1 && !holds[0].active(today));
    // Reading the holds is audited: a hold tells about the person.
    let head = db.store.audit_head().await.unwrap().unwrap().0;
    let last = db.store.audit_page(head - 1, 1).await.unwrap();
    assert_eq!(
        (last[0].action.as_str(), last[0].subject.as_deref()),
        ("read_legal_holds", Some(id.to_string().as_str()))
    );

    let files_before = db.sqlite_files();
    if db.backend == Backend::Sqlite {
        assert!(
            files_before
                .windows(marker.len())
                .any(|w| w == marker.as_bytes()),
            "the clear name is in the files before erasure"
        );
    }
    svc.erase_subject(&operator, id).await.unwrap();

    // Schema-driven: every table with a participant_id column, and participants itself.
    let tables = db.tables_with_column("participant_id").await;
    assert!(tables.contains(&"legal_holds".to_owned()) && tables.contains(&"erasures".to_owned()));
    for t in &tables {
        let expected = i64::from(t == "erasures");
        assert_eq!(
            db.count_where(t, "participant_id", id.0).await,
            expected,
            "{t}"
        );
    }
    // The other participant's rows are all still there.
    for t in [
        "participant_keys",
        "shares",
        "meetings",
        "plan_items",
        "consents",
    ] {
        assert_eq!(db.count_where(t, "participant_id", kept.0).await, 1, "{t}");
    }
    assert_eq!(db.count_where("participants", "id", id.0).await, 0);
    let files = db.sqlite_files();
    assert!(
        !files.windows(marker.len()).any(|w| w == marker.as_bytes()),
        "no copy of the clear name in the database or its log"
    );
    // The other participant is whole; the erased one is simply not there.
    assert!(svc
        .get_participant(&coach, kept, "service_delivery")
        .await
        .is_ok());
    assert!(matches!(
        svc.get_participant(&coach, id, "service_delivery").await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        svc.erase_subject(&operator, id).await,
        Err(ServiceError::NotFound)
    ));
    // The audit log keeps a pseudonymous entry, and still verifies.
    let erased = svc
        .query_audit(
            &operator,
            &polku_service::subject::AuditSearch {
                subject: Some(id),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(erased.iter().any(|r| r.action == "subject_erased"));
    assert!(svc.verify_audit(None).await.unwrap().is_ok());

    // Tombstones: listed, and replaying them erases a participant that came back (as after a
    // restore) exactly once.
    assert!(matches!(
        svc.erasures(&coach).await,
        Err(ServiceError::Forbidden)
    ));
    let tombstones = svc.erasures(&operator).await.unwrap();
    assert_eq!(tombstones.iter().map(|t| t.0).collect::<Vec<_>>(), vec![id]);
    let back = svc
        .create_participant(&coach, world.new_participant(), "service_delivery")
        .await
        .unwrap();
    let replay = [(back, tombstones[0].1)];
    assert_eq!(svc.replay_erasures(&operator, &replay).await.unwrap(), 1);
    assert_eq!(svc.replay_erasures(&operator, &replay).await.unwrap(), 0);
    assert_eq!(db.count_where("participants", "id", back.0).await, 0);
    assert_eq!(
        db.count_where("erasures", "participant_id", back.0).await,
        1
    );
    // Tombstones are append-only, and a tombstone for a participant still on record does not
    // open their consents to deletion.
    let hex = |u: uuid::Uuid| match db.backend {
        Backend::Sqlite => format!("x'{}'", u.simple()),
        Backend::Postgres => format!("'{u}'"),
    };
    assert!(db
        .raw(&format!(
            "UPDATE erasures SET erased_at = erased_at WHERE participant_id = {}",
            hex(id.0)
        ))
        .await
        .is_err());
    assert!(db
        .raw(&format!(
            "DELETE FROM erasures WHERE participant_id = {}",
            hex(id.0)
        ))
        .await
        .is_err());
    let now = match db.backend {
        Backend::Sqlite => "'2026-01-01T00:00:00Z'",
        Backend::Postgres => "now()",
    };
    db.raw(&format!(
        "INSERT INTO erasures (participant_id, erased_at) VALUES ({}, {now})",
        hex(kept.0)
    ))
    .await
    .unwrap();
    assert!(db
        .raw(&format!(
            "DELETE FROM consents WHERE participant_id = {}",
            hex(kept.0)
        ))
        .await
        .is_err());
    assert_eq!(
        db.count_where("consents", "participant_id", kept.0).await,
        1
    );
    // Consents stay append-only for everyone else.
    assert!(db
        .raw(&format!(
            "DELETE FROM consents WHERE participant_id = {}",
            match db.backend {
                Backend::Sqlite => format!("x'{}'", kept.0.simple()),
                Backend::Postgres => format!("'{}'", kept.0),
            }
        ))
        .await
        .is_err());
}

/// R28/R44/R29: every table and column of the live schema is classified in
/// `data/data-classification.json` and nothing classified is missing from the schema; every
/// special-category column is sealed; the register's purposes are exactly the audit purposes and
/// every table names known purposes and retention rules.
pub(crate) async fn every_column_is_classified(db: Arc<TestDb>) {
    let c = polku_service::register::classification();
    let schema = db.schema_columns().await;
    let classified: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = c
        .tables
        .iter()
        .map(|(t, table)| (t.clone(), table.columns.keys().cloned().collect()))
        .collect();
    for (table, columns) in &schema {
        let known = classified.get(table).unwrap_or_else(|| {
            panic!("table {table} is not classified in data/data-classification.json")
        });
        for col in columns {
            assert!(
                known.contains(col),
                "column {table}.{col} is not classified"
            );
        }
    }
    for (table, columns) in &classified {
        let live = schema
            .get(table)
            .unwrap_or_else(|| panic!("{table} is classified but not in the schema"));
        for col in columns {
            assert!(
                live.contains(col),
                "{table}.{col} is classified but not in the schema"
            );
        }
    }
    for (name, table) in &c.tables {
        assert!(
            c.classes.contains_key(&table.class),
            "{name}: class {}",
            table.class
        );
        assert!(
            c.retention.contains_key(&table.retention),
            "{name}: retention {}",
            table.retention
        );
        for p in &table.purposes {
            assert!(c.purposes.contains_key(p), "{name}: purpose {p}");
        }
        for (col, class) in &table.columns {
            assert!(c.classes.contains_key(class), "{name}.{col}: class {class}");
            if class == "special" {
                assert!(
                    col.ends_with("_sealed"),
                    "{name}.{col} is special-category but not sealed"
                );
            }
        }
    }
    let audit: std::collections::BTreeSet<&str> = polku_service::audit::PURPOSES
        .iter()
        .map(|(p, _)| *p)
        .collect();
    let register: std::collections::BTreeSet<&str> =
        c.purposes.keys().map(String::as_str).collect();
    assert_eq!(audit, register, "audit purposes and the register differ");
    let reg = polku_service::register::register();
    assert_eq!(reg["purposes"].as_array().unwrap().len(), audit.len());
}
