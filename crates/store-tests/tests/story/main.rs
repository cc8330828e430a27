//! The store story: every test runs on a fresh SQLite database and, when
//! `POLKU_TEST_POSTGRES_URL` is set, on a fresh PostgreSQL database.
#![allow(clippy::unwrap_used)]

use polku_domain::*;
use polku_service::audit::AuditEvent;
use polku_service::crypto::Keys;
use polku_service::participants::ParticipantChanges;
use polku_service::store::EscoConcept;
use polku_service::{Actor, Service, ServiceError};
use polku_store_tests::fixtures::{self, system, World, CANARY};
use polku_store_tests::{open_store, Backend, TestDb};
use std::sync::Arc;

mod agreements;
mod audit;
mod audit_segments;
mod certificate_documents;
mod consents;
mod data_subject;
mod denials;
mod documents;
mod durability;
mod employers;
mod esco;
mod esf;
mod fidelity;
mod follow_ups;
mod gigs;
mod keys;
mod mentoring;
mod optional_fields;
mod participants;
mod placements;
mod qualifications;
mod referrals;
mod report_organisation;
mod report_project_ids;
mod restriction;
mod retention;
mod sessions;
mod setup;
mod subject_requests;
mod subsidy;

macro_rules! stories {
    ($($area:ident::$name:ident),+ $(,)?) => {
        mod sqlite { $( #[test] fn $name() { polku_store_tests::run(polku_store_tests::Backend::Sqlite, super::$area::$name) } )+ }
        mod postgres { $( #[test] fn $name() { polku_store_tests::run(polku_store_tests::Backend::Postgres, super::$area::$name) } )+ }
    };
}

stories!(
    durability::durability_settings_are_verified,
    participants::participant_round_trip_is_encrypted_and_audited,
    participants::caseload_is_limited_to_own_coach,
    consents::shares_limit_fields_and_expire,
    consents::an_unreadable_participant_does_not_hide_the_others,
    consents::consent_gates_shares_and_withdrawal_takes_effect_at_once,
    durability::stale_update_is_a_conflict,
    durability::concurrent_read_modify_write_loses_nothing,
    keys::erased_key_makes_data_unreadable,
    keys::wrong_master_key_is_refused,
    audit::audit_chain_verifies_and_detects_tampering,
    audit::audit_log_rejects_update_and_delete,
    durability::duplicate_user_is_rejected_without_partial_write,
    employers::employers_tasks_and_openings,
    esco::esco_upsert_is_idempotent,
    esco::esco_search_folds_finnish_and_swedish_letters,
    esco::esco_reference_data_loads_and_searches,
    participants::bad_stage_transition_is_rejected,
    participants::meetings_are_sealed_and_round_trip,
    keys::master_key_rotation_rewraps_every_key,
    durability::many_concurrent_writers_never_fail,
    audit::a_failing_audit_append_fails_closed,
    sessions::activation_sign_in_and_sessions,
    sessions::an_activation_token_is_used_once_under_concurrency,
    sessions::a_new_link_revokes_older_links_and_ends_sessions,
    sessions::changing_ones_own_password_needs_the_current_one,
    data_subject::subject_export_is_complete_and_names_no_one_else,
    audit::audit_queries_answer_who_accessed_whom,
    data_subject::erasure_removes_every_row_unless_held,
    data_subject::every_column_is_classified,
    restriction::restriction_hides_the_person_but_keeps_storage_and_export,
    retention::retention_erases_what_is_due_and_keeps_the_rest,
    placements::proposal_needs_consent_creates_shares_and_is_answered,
    placements::earlier_trials_and_coordinator_preparation,
    subsidy::subsidy_estimate_uses_stored_facts,
    follow_ups::starting_a_job_creates_four_follow_ups_atomically,
    follow_ups::follow_up_notes_and_agreement_terms_are_sealed_at_rest,
    agreements::agreement_acceptances_are_voided_by_a_change,
    mentoring::checkins_are_sealed_and_summed_per_month,
    mentoring::evidence_changes_the_profile_only_when_accepted,
    gigs::gig_round_trip,
    esf::esf_records_and_indicators_count_by_hand,
    denials::a_denied_read_leaves_a_denied_audit_row,
    denials::a_flood_of_denials_is_bounded_per_actor,
    fidelity::ratings_are_versioned_and_audited_and_the_log_is_read,
    setup::projects_carry_funding_municipalities_and_partners,
    setup::grants_and_deactivation,
    documents::documents_are_versioned_sealed_audited_and_shared_by_consent,
    audit_segments::audit_segments_are_sealed_pruned_and_still_verify,
    report_organisation::a_partner_counts_the_participants_of_its_own_staff,
    qualifications::qualifications_import_map_and_evidence,
    referrals::school_referral_handover_and_referrals_in_and_out,
    certificate_documents::competence_certificates_are_documents_and_0038_keeps_every_row,
    report_organisation::an_organisation_leading_one_project_and_partner_of_another,
    report_project_ids::rows_carry_their_participants_project_and_0039_backfills_it,
    subject_requests::requests_are_tracked_to_their_deadline_and_answered,
    optional_fields::optional_fields_are_off_by_default_and_keep_stored_values,
    report_organisation::the_report_is_the_figures_and_the_indicators_of_the_same_months,
);

#[test]
fn both_backends_ship_the_same_migration_versions() {
    let sqlite = polku_store_sqlite::migration_versions();
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, polku_store_postgres::migration_versions());
}

/// The written trial agreement, accepted on paper by every party, so the trial may start.
async fn accept_agreement(svc: &Service, coach: &Actor, id: PlacementId) {
    let a = svc
        .save_agreement(
            coach,
            id,
            polku_service::agreements::AgreementInput {
                objective: "Työkokeilu".into(),
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
    for party in [
        AgreementParty::Participant,
        AgreementParty::Organiser,
        AgreementParty::Authority,
    ] {
        svc.record_paper_acceptance(
            coach,
            id,
            party,
            "Allekirjoittaja",
            polku_service::today(),
            a.version,
        )
        .await
        .unwrap();
    }
}

async fn give_consent(
    svc: &Service,
    coach: &Actor,
    id: ParticipantId,
    recipient: RecipientClass,
    categories: &[DataCategory],
) -> Vec<ConsentId> {
    svc.give_consent(
        coach,
        id,
        polku_service::consents::NewConsent {
            recipient,
            purpose: ConsentPurpose::Placement,
            categories: categories.to_vec(),
            method: ConsentMethod::Written,
            shown: Default::default(),
        },
        "service_delivery",
    )
    .await
    .unwrap()
}

/// The participant consents to sharing skills with employers, and the coach shares them with
/// `employer` for 30 days.
async fn consent_and_share_skills(
    svc: &Service,
    coach: &Actor,
    employer: &Actor,
    id: ParticipantId,
) {
    give_consent(
        svc,
        coach,
        id,
        RecipientClass::Employer,
        &[DataCategory::Skills],
    )
    .await;
    svc.share_participant(
        coach,
        Share {
            id: ShareId::new(),
            participant_id: id,
            recipient: employer.user_id().unwrap(),
            categories: vec![DataCategory::Skills],
            until: time::OffsetDateTime::now_utc().date() + time::Duration::days(30),
            revoked_at: None,
            purpose: polku_domain::ConsentPurpose::Placement,
        },
        "service_delivery",
    )
    .await
    .unwrap();
}

async fn store_refuses_a_stale_version(db: &TestDb, id: ParticipantId) {
    // The store checks the version itself, not only the service.
    let audit = AuditEvent::new(
        &system(),
        "participant",
        Some(id.to_string()),
        "read",
        "maintenance",
    )
    .unwrap();
    let (mut rec, _) = db.store.get_participant(id, &audit).await.unwrap().unwrap();
    assert_eq!(rec.version, 2);
    rec.version = 2;
    let err = db
        .store
        .update_participant(&rec, 1, &audit)
        .await
        .unwrap_err();
    assert!(
        matches!(err, ServiceError::Conflict { current: 2 }),
        "{err:?}"
    );
}

async fn populate(svc: &Service) -> (World, Actor, ParticipantId) {
    let (world, coach, id) = World::enrolled(svc).await;
    for _ in 0..3 {
        svc.get_participant(&coach, id, "service_delivery")
            .await
            .unwrap();
    }
    (world, coach, id)
}

/// The hash part of an Argon2id (m=8192, t=1, p=1) hash of `password` with salt 16 × 0x01.
fn weak_hash_suffix(password: &str) -> String {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let a = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon2::Params::new(8192, 1, 1, None).unwrap(),
    );
    let phc = a
        .hash_password(
            password.as_bytes(),
            &SaltString::encode_b64(&[1u8; 16]).unwrap(),
        )
        .unwrap()
        .to_string();
    phc.rsplit('$').next().unwrap().to_owned()
}
