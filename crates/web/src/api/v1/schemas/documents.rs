//! Documents that other crates define and that the API passes through, kept here as
//! hand-maintained JSON schemas and added to the generated document: the matching engine's input
//! and answer (`docs/matching.md`; its Rust types are the engine's own and carry no schema
//! derive) and the right-of-access export (`polku.subject-export.v1`, R39; the same document as
//! `polku subject export`). The export test checks real exports against this schema, unknown
//! keys included (`tests/web/subject_export.rs`).

use serde_json::{json, Map, Value};

fn r(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

/// The hand-maintained component schemas, by name.
pub fn schemas() -> Map<String, Value> {
    let mut all = Map::new();
    all.insert("EngineInput".into(), json!({"type": "object",
        "description": "The matching engine's input document (docs/matching.md): `participants`, `employers`, optional `accommodations` and `allocation`.",
        "properties": {"participants": {"type": "array", "items": {"type": "object"}}, "employers": {"type": "array", "items": {"type": "object"}}}}));
    all.insert("EngineResult".into(), json!({"type": "object",
        "description": "The engine's answer, as `polku match|craft|allocate` prints it (docs/matching.md)."}));
    all.insert("SubjectExport".into(), subject_export());
    all
}

/// The right-of-access export (`polku.subject-export.v1`, R39).
fn subject_export() -> Value {
    let string = json!({"type": "string"});
    let opt_string = json!({"type": ["string", "null"]});
    let time = json!({"type": "string", "format": "date-time"});
    let opt_time = json!({"type": ["string", "null"], "format": "date-time"});
    let date = json!({"type": "string", "format": "date"});
    let uuid = json!({"type": "string", "format": "uuid"});
    let category = r("DataCategory");
    let recipient = r("RecipientClass");
    let object = |required: &[&str], properties: Value| json!({"type": "object", "additionalProperties": false, "required": required, "properties": properties});
    let handover = object(
        &[
            "given_name",
            "family_name",
            "email",
            "phone",
            "home_municipality",
            "birth_year",
            "goals",
            "strengths",
            "support_needs",
        ],
        json!({
        "given_name": string, "family_name": string, "email": opt_string, "phone": opt_string,
        "home_municipality": string, "birth_year": {"type": ["integer", "null"]},
        "goals": string, "strengths": string, "support_needs": string}),
    );
    let qualification_evidence = json!({"type": "array", "description": "Competence shown in placements per vocational skill requirement (opinnollistaminen); evidence for the school's HOKS process, not credit.", "items": object(&["placement", "requirement", "unit", "diaarinumero", "requirement_text", "task", "shown_on", "assessment", "note", "recorded_at"], json!({
                "placement": uuid, "requirement": uuid, "unit": {"type": "string", "pattern": "^tutkinnonosat_[0-9]{6}$"},
                "diaarinumero": string, "requirement_text": string, "task": uuid, "shown_on": date,
                "assessment": {"type": "string", "enum": ["shown", "partly_shown", "not_yet_shown"]},
                "note": opt_string, "recorded_at": time}))});
    let referrals = json!({"type": "array", "description": "Referrals in and out, with what a school handed over (null after crypto-erasure).", "items": object(&["direction", "source", "destination", "organisation", "referred_on", "reason", "status", "status_reason", "outcome", "outcome_on", "handover", "created_at"], json!({
        "direction": string, "source": opt_string, "destination": opt_string,
        "organisation": string, "referred_on": date, "reason": string, "status": string,
        "status_reason": opt_string, "outcome": opt_string,
        "outcome_on": {"type": ["string", "null"], "format": "date"},
        "handover": {"anyOf": [handover, {"type": "null"}]},
        "created_at": time}))});
    object(
        &[
            "format",
            "generated_at",
            "subject",
            "controller",
            "sealed_data_erased",
            "personal",
            "sensitive",
            "labels",
            "service_path",
            "meetings",
            "plan",
            "placements",
            "follow_ups",
            "agreements",
            "consents",
            "disclosures",
            "legal_holds",
            "restrictions",
            "documents",
            "referrals",
            "access_events",
            "processing",
            "mentoring",
            "esf",
            "esf_special_erased",
            "qualification_evidence",
        ],
        json!({
            "format": {"type": "string", "const": "polku.subject-export.v1"},
            "generated_at": time, "subject": {"type": "string", "format": "uuid"},
            "controller": object(&["organisation", "project", "project_code"], json!({"organisation": string, "project": string, "project_code": string})),
            "sealed_data_erased": {"type": "boolean", "description": "After crypto-erasure the sealed fields are null."},
            "personal": r("Personal"),
            "sensitive": {"anyOf": [r("Sensitive"), {"type": "null"}]},
            "labels": {"type": "object", "description": "ESCO URI → name in the export's language.", "additionalProperties": string},
            "service_path": object(&["stage", "waiting_since", "coach", "stage_changes"], json!({
                "stage": string, "waiting_since": date, "coach": opt_string,
                "stage_changes": {"type": "array", "items": object(&["from", "to", "at", "by"], json!({"from": string, "to": string, "at": time, "by": opt_string}))}})),
            "meetings": {"type": "array", "items": object(&["starts_at", "duration_min", "place", "notes", "held_by"], json!({
                "starts_at": time, "duration_min": {"type": "integer"}, "place": r("Place"), "notes": opt_string, "held_by": opt_string}))},
            "plan": {"type": "array", "items": object(&["text", "due", "done_at"], json!({
                "text": opt_string, "due": {"type": ["string", "null"], "format": "date"}, "done_at": opt_time}))},
            "placements": {"type": "array", "items": object(&["employer", "kind", "state", "tasks", "starts_on", "ends_on", "hours_per_day", "days_per_week", "disclosed", "proposed_at", "employer_answer", "answer_reason", "end_reason", "ended_on", "gig_hours"], json!({
                "employer": string, "kind": r("OpeningKind"), "state": r("PlacementState"),
                "tasks": {"type": "array", "items": string}, "starts_on": date,
                "ends_on": {"type": ["string", "null"], "format": "date"},
                "hours_per_day": {"type": "integer"}, "days_per_week": {"type": "integer"},
                "disclosed": {"type": "array", "items": category}, "proposed_at": opt_time,
                "employer_answer": {"anyOf": [r("EmployerAnswer"), {"type": "null"}]},
                "answer_reason": opt_string, "end_reason": opt_string,
                "ended_on": {"type": ["string", "null"], "format": "date"},
                "gig_hours": {"type": ["number", "null"], "description": "A gig's hours actually worked."}}))},
            "documents": {"type": "array", "description": "The participant's documents with every version; contents are downloaded separately.", "items": object(&["kind", "title", "versions"], json!({
                "kind": string, "title": opt_string,
                "versions": {"type": "array", "items": object(&["version", "content_type", "size_bytes", "language", "created_at"], json!({
                    "version": {"type": "integer"}, "content_type": string, "size_bytes": {"type": "integer"},
                    "language": opt_string, "created_at": time}))}}))},
            "referrals": referrals,
            "follow_ups": {"type": "array", "items": object(&["employer", "checkpoint", "due_on", "done_on", "record", "recorded_by"], json!({
                "employer": string, "checkpoint": r("RetentionCheckpoint"), "due_on": date,
                "done_on": {"type": ["string", "null"], "format": "date"},
                "record": {"anyOf": [object(&["still_working", "hours_per_week", "support_given", "needs_recrafting", "note"], json!({
                    "still_working": r("StillWorking"), "hours_per_week": {"type": "integer", "minimum": 0, "maximum": 60},
                    "support_given": string, "needs_recrafting": {"type": "boolean"}, "note": string})), {"type": "null"}]},
                "recorded_by": opt_string}))},
            "agreements": {"type": "array", "items": object(&["placement", "objective", "organiser_signatory", "authority_contact", "mentor_name", "allowance_per_day", "allowance_payer", "other_terms", "version", "updated_at", "acceptances"], json!({
                "placement": {"type": "string", "format": "uuid"}, "objective": string, "organiser_signatory": string,
                "authority_contact": string, "mentor_name": opt_string, "allowance_per_day": {"type": "integer"},
                "allowance_payer": {"type": "string", "enum": ["kela", "authority"]}, "other_terms": string,
                "version": {"type": "integer"}, "updated_at": time,
                "acceptances": {"type": "array", "items": object(&["party", "method", "signer_name", "accepted_at", "agreement_version", "current"], json!({
                    "party": {"type": "string", "enum": ["participant", "organiser", "authority", "coach"]},
                    "method": {"type": "string", "enum": ["service", "paper"]}, "signer_name": opt_string,
                    "accepted_at": time, "agreement_version": {"type": "integer"}, "current": {"type": "boolean"}}))}}))},
            "consents": {"type": "array", "items": object(&["category", "recipient", "purpose", "method", "given_at", "withdrawn_at", "text_version_hash", "wording", "recorded_by", "withdrawn_by"], json!({
                "category": category, "recipient": recipient,
                "purpose": r("ConsentPurpose"), "method": r("ConsentMethod"),
                "given_at": time, "withdrawn_at": opt_time,
                "text_version_hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                "wording": opt_string, "recorded_by": opt_string, "withdrawn_by": opt_string}))},
            "disclosures": {"type": "array", "items": object(&["recipient", "recipient_kinds", "categories", "until", "revoked_at"], json!({
                "recipient": string, "recipient_kinds": {"type": "array", "items": recipient},
                "categories": {"type": "array", "items": category}, "until": date, "revoked_at": opt_time}))},
            "legal_holds": {"type": "array", "items": object(&["ground", "article", "reference", "until", "released_at"], json!({
                "ground": {"type": "string", "enum": ["legal_obligation", "archiving_or_statistics", "legal_claims"]},
                "article": string, "reference": string, "until": date, "released_at": opt_time}))},
            "restrictions": {"type": "array", "description": "Restrictions of processing (GDPR Art. 18), lifted ones included.", "items": object(&["ground", "article", "reference", "set_at", "lifted_at"], json!({
                "ground": {"type": "string", "enum": ["accuracy_contested", "unlawful_processing", "legal_claims", "objection_pending"]},
                "article": string, "reference": string, "set_at": time, "lifted_at": opt_time}))},
            "access_events": {"type": "array", "items": object(&["at", "action", "purpose", "purpose_description", "actor_role", "actor"], json!({
                "at": time, "action": string, "purpose": string, "purpose_description": string, "actor_role": string,
                "actor": {"type": ["string", "null"], "description": "Only when staff identities are included (operator only)."}}))},
            "qualification_evidence": qualification_evidence,
            "mentoring": object(&["checkins", "task_feedback", "final_feedback", "evidence"], json!({
                "checkins": {"type": "array", "items": object(&["placement", "on", "minutes", "note"], json!({
                    "placement": uuid, "on": date, "minutes": {"type": "integer"}, "note": opt_string}))},
                "task_feedback": {"type": "array", "items": object(&["placement", "task", "level", "note", "given_at"], json!({
                    "placement": uuid, "task": uuid,
                    "level": {"type": "string", "enum": ["independent", "with_support", "not_yet"]},
                    "note": opt_string, "given_at": time}))},
                "final_feedback": {"type": "array", "items": object(&["placement", "organiser_feedback", "next_steps", "self_assessment"], json!({
                    "placement": uuid, "organiser_feedback": opt_string, "next_steps": opt_string, "self_assessment": opt_string}))},
                "evidence": {"type": "array", "items": object(&["placement", "what", "source_employer", "source_from", "source_to", "state"], json!({
                    "placement": uuid,
                    "what": {"type": ["object", "null"], "description": "`{kind: skill, skill}` or `{kind: functioning, dimension, level}`; null after crypto-erasure."},
                    "source_employer": string, "source_from": date, "source_to": {"type": ["string", "null"], "format": "date"},
                    "state": {"type": "string", "enum": ["open", "accepted", "rejected"]}}))}
            })),
            "esf": {"anyOf": [object(&["participant_id", "entry", "age_at_entry", "municipality", "rural", "leaving", "six_months", "version"], json!({
                "participant_id": uuid,
                "entry": object(&["entered_on", "gender", "status", "education", "third_country_national", "foreign_background", "homeless", "special"], json!({
                    "entered_on": date, "gender": r("Gender"), "status": r("EntryStatus"), "education": r("Education"),
                    "third_country_national": r("Answer"), "foreign_background": r("Answer"), "homeless": r("Answer"),
                    "special": object(&["disability", "minority"], json!({"disability": r("Answer"), "minority": r("Answer")}))})),
                "age_at_entry": {"type": ["integer", "null"]}, "municipality": string, "rural": r("Answer"),
                "leaving": {"anyOf": [object(&["left_on", "result", "qualification"], json!({
                    "left_on": date, "result": r("LeavingResult"), "qualification": {"type": "boolean"}})), {"type": "null"}]},
                "six_months": {"anyOf": [object(&["checked_on", "employed", "improved"], json!({
                    "checked_on": date, "employed": r("Answer"), "improved": r("Answer")})), {"type": "null"}]},
                "version": {"type": "integer"}})), {"type": "null"}],
                "description": "The ESF+ record (docs/ESF.md): entry data, leaving and the six-month follow-up."},
            "esf_special_erased": {"type": "boolean", "description": "After crypto-erasure the sealed ESF+ answers (disability, minority) read `not_known`."},
            "processing": object(&["purposes", "sources", "retention"], json!({
                "purposes": {"type": "array", "items": object(&["code", "description"], json!({"code": string, "description": string}))},
                "sources": {"type": "array", "items": string}, "retention": string}))
        }),
    )
}
