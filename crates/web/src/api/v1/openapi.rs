//! The OpenAPI 3.1 document of `/api/v1`, written by hand. Tests check it against the route
//! inventory in both directions and against a checked-in snapshot
//! (`crates/web/tests/web/openapi.json`, regenerated with `UPDATE_SNAPSHOTS=1`).

use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

fn r(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn resp(name: &str) -> Value {
    json!({"$ref": format!("#/components/responses/{name}")})
}

fn param(name: &str) -> Value {
    json!({"$ref": format!("#/components/parameters/{name}")})
}

fn json_body(schema: Value) -> Value {
    json!({"application/json": {"schema": schema}})
}

/// A 200/201 answer with a JSON body.
fn ok(description: &str, schema: Value) -> Value {
    json!({"description": description, "content": json_body(schema)})
}

/// An answer carrying the record's `ETag`.
fn tagged(description: &str, schema: Value) -> Value {
    json!({"description": description, "content": json_body(schema),
           "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}})
}

/// The error answers every signed-in operation may give, plus `extra` ones.
fn responses(success: &[(&str, Value)], errors: &[&str]) -> Value {
    let mut m = Map::new();
    for (code, v) in success {
        m.insert((*code).to_owned(), v.clone());
    }
    for e in errors {
        let name = match *e {
            "401" => "Unauthenticated",
            "403" => "Forbidden",
            "404" => "NotFound",
            "412" => "PreconditionFailed",
            "413" => "TooLarge",
            "415" => "UnsupportedMediaType",
            "422" => "Invalid",
            "428" => "PreconditionRequired",
            "429" => "TooManyAttempts",
            _ => "Error",
        };
        m.insert((*e).to_owned(), resp(name));
    }
    Value::Object(m)
}

fn op(id: &str, tag: &str, summary: &str, description: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("operationId".into(), json!(id));
    m.insert("tags".into(), json!([tag]));
    m.insert("summary".into(), json!(summary));
    m.insert("description".into(), json!(description));
    m
}

fn with(mut m: Map<String, Value>, key: &str, v: Value) -> Value {
    m.insert(key.to_owned(), v);
    Value::Object(m)
}

fn obj(mut m: Map<String, Value>, pairs: Vec<(&str, Value)>) -> Value {
    for (k, v) in pairs {
        m.insert(k.to_owned(), v);
    }
    Value::Object(m)
}

fn engine_op(id: &str, summary: &str, description: &str, params: Value) -> Value {
    obj(
        op(id, "engine", summary, description),
        vec![
            ("parameters", params),
            (
                "requestBody",
                json!({"required": true, "content": json_body(r("EngineInput"))}),
            ),
            (
                "responses",
                responses(
                    &[(
                        "200",
                        ok("The engine's answer (docs/matching.md).", r("EngineResult")),
                    )],
                    &["401", "403", "413", "415", "422"],
                ),
            ),
        ],
    )
}

fn query(name: &str, description: &str, schema: Value, required: bool) -> Value {
    json!({"name": name, "in": "query", "required": required, "description": description,
           "schema": schema})
}

/// Every path: the base set plus the consent and sharing ones (split so that `json!` stays
/// within the macro recursion limit).
fn all_paths() -> Value {
    let mut all = paths();
    if let (Value::Object(m), Value::Object(extra)) = (&mut all, privacy_paths()) {
        m.extend(extra);
    }
    all
}

fn privacy_paths() -> Value {
    let sub = |name: &str| json!({"name": name, "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}});
    json!({
        "/api/v1/consent-wording": {"get": obj(op("consentWording", "consents", "The wording of a consent",
            "The exact text a participant must be shown before consenting, in every language, and its SHA-256 `hash`, which recording the consent carries (R16)."), vec![
            ("parameters", json!([
                query("purpose", "What the data may be used for.", r("ConsentPurpose"), true),
                query("recipient", "The kind of recipient.", r("RecipientClass"), true),
                query("category", "The kind of information.", r("DataCategory"), true),
            ])),
            ("responses", responses(&[("200", ok("The wording.", r("ConsentWording")))], &["401", "403", "422"])),
        ])},
        "/api/v1/participants/{id}/consents": {
            "parameters": [param("Id")],
            "get": with(op("listConsents", "consents", "The participant's consents",
                "Every consent given or withdrawn, oldest first, with the hash of the wording shown. Own coach only; audited."),
                "responses", responses(&[("200", ok("The consents.", r("ConsentList")))], &["401", "403", "404"])),
            "post": obj(op("giveConsent", "consents", "Record a consent",
                "One consent per category in `shown`, each with the hash of the wording the participant was shown (`consent-wording`); a wording changed since is 422 on `shown` and nothing is recorded. Categories already consented to are not recorded twice. All or nothing."), vec![
                ("requestBody", json!({"required": true, "content": json_body(r("NewConsent"))})),
                ("responses", responses(&[("201", ok("Recorded (`ids` is empty when all were already in force).", r("ConsentIds")))], &["401", "403", "404", "415", "422"])),
            ]),
        },
        "/api/v1/participants/{id}/consents/{consent}/withdraw": {
            "parameters": [param("Id"), sub("consent")],
            "post": with(op("withdrawConsent", "consents", "Withdraw a consent",
                "Takes effect on the very next request; the record stays in the history. Unknown or already withdrawn: 404."),
                "responses", responses(&[("204", json!({"description": "Withdrawn."}))], &["401", "403", "404"])),
        },
        "/api/v1/participants/{id}/shares": {
            "parameters": [param("Id")],
            "get": with(op("listShares", "consents", "The participant's shares",
                "Who the participant's information is shared with, the latest end date first. Own coach only; audited."),
                "responses", responses(&[("200", ok("The shares.", r("ShareList")))], &["401", "403", "404"])),
            "post": obj(op("shareParticipant", "consents", "Share information",
                "Shares field groups with one employer, mentor or institution user of the project until a date (R17). Every group needs the participant's consent in force to that kind of recipient; there is no override."), vec![
                ("requestBody", json!({"required": true, "content": json_body(r("NewShare"))})),
                ("responses", responses(&[("201", ok("Shared.", r("Created")))], &["401", "403", "404", "415", "422"])),
            ]),
        },
        "/api/v1/participants/{id}/shares/{share}/revoke": {
            "parameters": [param("Id"), sub("share")],
            "post": with(op("revokeShare", "consents", "Stop sharing",
                "Takes effect on the very next request. Unknown or already revoked: 404."),
                "responses", responses(&[("204", json!({"description": "Revoked."}))], &["401", "403", "404"])),
        },
        "/api/v1/shared": {"get": with(op("sharedWithMe", "consents", "Participants shared with me",
            "For employer, mentor and institution users: each participant shared with the caller, with only the shared field groups that are consented to; every read is audited."),
            "responses", responses(&[("200", ok("The participants.", r("SharedList")))], &["401", "403"]))},
    })
}

fn paths() -> Value {
    json!({
        "/api/v1/openapi.json": {"get": obj(op("openapi", "meta", "This document", "The OpenAPI 3.1 document of the API. Public."), vec![
            ("security", json!([])),
            ("responses", json!({"200": {"description": "The document.", "content": {"application/json": {"schema": {"type": "object"}}}}})),
        ])},
        "/api/v1/sessions": {"post": obj(op("createSession", "sessions", "Sign in for a token",
            "Exchanges e-mail and password for an opaque server-side session token, used as `Authorization: Bearer <token>`. Every failure is the same 401 (R6); repeated failures per account and per client address are throttled with 429 and `Retry-After` (R4). Accounts with a second factor send `code` too; an account that must still set one up gets 400 `second_factor_setup_required` and sets it up in the browser (R3). A browser page on another site cannot send this JSON request (no CORS); browser form posts are checked for their origin (R23)."), vec![
            ("security", json!([])),
            ("requestBody", json!({"required": true, "content": json_body(r("Credentials"))})),
            ("responses", responses(&[("201", json!({"description": "Signed in.", "content": json_body(r("SessionToken")),
                "headers": {"Location": {"schema": {"type": "string"}}}}))], &["401", "403", "415", "422", "429"])),
        ])},
        "/api/v1/sessions/current": {"delete": with(op("deleteSession", "sessions", "Sign out",
            "Ends the session the request is authenticated with."), "responses",
            responses(&[("204", json!({"description": "Signed out."}))], &["401"]))},
        "/api/v1/me": {"get": with(op("me", "sessions", "Who am I", "The signed-in user and their role grants."),
            "responses", responses(&[("200", ok("The user.", r("Me")))], &["401"]))},
        "/api/v1/participants": {
            "get": obj(op("listParticipants", "participants", "The caller's caseload",
                "Participants of the coach's caseload in every project where the caller is a coach, or in `project`. Ordered by id; paginated."), vec![
                ("parameters", json!([param("Limit"), param("Cursor"), param("Project")])),
                ("responses", responses(&[("200", ok("One page.", r("ParticipantList")))], &["401", "403", "422"])),
            ]),
            "post": obj(op("createParticipant", "participants", "Enrol a participant",
                "Creates a participant with the caller as coach. Unknown or forbidden fields (`id`, `version`, `coach_id` …) are 422 naming the field; nothing is stored and the refusal is audited (R15)."), vec![
                ("requestBody", json!({"required": true, "content": json_body(r("NewParticipant"))})),
                ("responses", responses(&[("201", json!({"description": "Created.", "content": json_body(r("Participant")),
                    "headers": {"ETag": {"$ref": "#/components/headers/ETag"}, "Location": {"schema": {"type": "string"}}}}))],
                    &["401", "403", "415", "422"])),
            ]),
        },
        "/api/v1/participants/{id}": {
            "parameters": [param("Id")],
            "get": with(op("getParticipant", "participants", "One participant",
                "The whole record for the participant's own coach, with a strong `ETag` of its version. Another coach's participant is 404, like one that does not exist (R14)."),
                "responses", responses(&[("200", tagged("The participant.", r("Participant")))], &["401", "403", "404"])),
            "patch": obj(op("updateParticipant", "participants", "Change a participant",
                "A JSON Merge Patch (RFC 7396) of the editable parts (`personal`, `sensitive`, `stage`). Needs `If-Match` with the `ETag` read (428 without it, 412 when someone else changed the record since). Unknown or forbidden fields are 422 naming the field, nothing changes and the refusal is audited."), vec![
                ("parameters", json!([param("IfMatch")])),
                ("requestBody", json!({"required": true, "content": {
                    "application/merge-patch+json": {"schema": r("ParticipantPatch")},
                    "application/json": {"schema": r("ParticipantPatch")}}})),
                ("responses", responses(&[("200", tagged("The changed participant.", r("Participant")))],
                    &["401", "403", "404", "412", "415", "422", "428"])),
            ]),
        },
        "/api/v1/participants/{id}/meetings": {
            "parameters": [param("Id")],
            "get": with(op("listMeetings", "participants", "Meetings with a participant",
                "The participant's meetings, oldest first, with their notes (sealed at rest). Own coach only; another coach's participant is 404."),
                "responses", responses(&[("200", ok("The meetings.", r("MeetingList")))], &["401", "403", "404"])),
            "post": obj(op("recordMeeting", "participants", "Record a meeting",
                "A meeting in the office, outside it, remote or at a pop-up point, with its length and notes."), vec![
                ("requestBody", json!({"required": true, "content": json_body(r("NewMeeting"))})),
                ("responses", responses(&[("201", ok("Recorded.", r("Created")))], &["401", "403", "404", "415", "422"])),
            ]),
        },
        "/api/v1/participants/{id}/plan": {
            "parameters": [param("Id")],
            "get": with(op("listPlan", "participants", "The participant's plan",
                "The steps agreed with the participant, oldest first (texts sealed at rest). Own coach only."),
                "responses", responses(&[("200", ok("The plan.", r("PlanList")))], &["401", "403", "404"])),
            "post": obj(op("addPlanItem", "participants", "Add a step to the plan",
                "A step with an optional due date."), vec![
                ("requestBody", json!({"required": true, "content": json_body(r("NewPlanItem"))})),
                ("responses", responses(&[("201", ok("Added.", r("Created")))], &["401", "403", "404", "415", "422"])),
            ]),
        },
        "/api/v1/participants/{id}/export": {
            "parameters": [param("Id")],
            "get": obj(op("exportParticipant", "participants", "Everything stored about a participant (access request)",
                "The right-of-access and portability export (GDPR Art. 15 and 20): personal and special-category data opened, service path, meetings, plan, consent history, disclosures and the access log about the participant (when, what, why, which role — staff are not named). Own coach only; audited as `export` with purpose `data_subject_request`."), vec![
                ("parameters", json!([
                    query("lang", "Language of consent wordings and ESCO names.", json!({"type": "string", "enum": ["fi", "sv", "en", "fi-x-selko"], "default": "fi"}), false),
                ])),
                ("responses", responses(&[("200", ok("The export.", r("SubjectExport")))], &["401", "403", "404", "422"])),
            ]),
        },
        "/api/v1/participants/{id}/suggestions": {
            "parameters": [param("Id")],
            "get": obj(op("participantSuggestions", "participants", "Openings for a participant",
                "The project's openings ranked for the participant by the matching engine, with explanations (same answer as `polku match --participant`)."), vec![
                ("parameters", json!([
                    query("top", "How many openings (1–100).", json!({"type": "integer", "minimum": 1, "maximum": 100, "default": 10}), false),
                    query("include_excluded", "Also list excluded openings with the limits that exclude them.", json!({"type": "boolean", "default": false}), false),
                ])),
                ("responses", responses(&[("200", ok("The ranking.", r("EngineResult")))], &["401", "403", "404", "422"])),
            ]),
        },
        "/api/v1/employers": {"get": obj(op("listEmployers", "employers", "The employer register",
            "Employers of a project (`project`, or the caller's only project). Ordered by id; paginated."), vec![
            ("parameters", json!([param("Project"), param("Limit"), param("Cursor")])),
            ("responses", responses(&[("200", ok("One page.", r("EmployerList")))], &["401", "403", "422"])),
        ])},
        "/api/v1/employers/{id}": {
            "parameters": [param("Id")],
            "get": with(op("getEmployer", "employers", "One employer", "With a strong `ETag` of its version. Another project's employer is 404."),
                "responses", responses(&[("200", tagged("The employer.", r("Employer")))], &["401", "403", "404"])),
        },
        "/api/v1/employers/{id}/tasks": {
            "parameters": [param("Id")],
            "get": with(op("employerTasks", "employers", "An employer's task inventory", "Every task of the employer."),
                "responses", responses(&[("200", ok("The tasks.", r("TaskList")))], &["401", "403", "404"])),
        },
        "/api/v1/employers/{id}/openings": {
            "parameters": [param("Id")],
            "get": with(op("employerOpenings", "employers", "An employer's openings", "Every opening of the employer."),
                "responses", responses(&[("200", ok("The openings.", r("OpeningList")))], &["401", "403", "404"])),
        },
        "/api/v1/match": {"post": engine_op("match", "Rank openings or candidates",
            "`polku match --input`: the body is the input document; the options are query parameters.",
            json!([
                query("participant", "Rank openings for this participant id.", json!({"type": "string"}), false),
                query("opening", "Rank candidates for this opening id.", json!({"type": "string"}), false),
                query("top", "How many results (1–1000).", json!({"type": "integer", "minimum": 1, "maximum": 1000, "default": 20}), false),
                query("include_excluded", "Also list the excluded ones with their limits.", json!({"type": "boolean", "default": false}), false),
            ]))},
        "/api/v1/craft": {"post": engine_op("craft", "Craft the best job",
            "`polku craft --input`: the best job from one employer's tasks for one participant.",
            json!([
                query("participant", "Participant id in the document.", json!({"type": "string"}), true),
                query("employer", "Employer id in the document.", json!({"type": "string"}), true),
                query("hours", "Hours per week, MIN-MAX within 0–60 (default: the participant's own range).", json!({"type": "string", "pattern": "^[0-9]{1,2}-[0-9]{1,2}$"}), false),
            ]))},
        "/api/v1/allocate": {"post": engine_op("allocate", "Allocate scarce places",
            "`polku allocate --input`: who goes where when places are scarce.", json!([]))},
    })
}

/// Every schema: the base set plus the meetings and plan ones (split so that `json!` stays
/// within the macro recursion limit).
fn schemas() -> Value {
    let mut all = base_schemas();
    for extra in [casework_schemas(), export_schemas(), privacy_schemas()] {
        if let (Value::Object(m), Value::Object(extra)) = (&mut all, extra) {
            m.extend(extra);
        }
    }
    all
}

fn privacy_schemas() -> Value {
    let uuid = json!({"type": "string", "format": "uuid"});
    let time = json!({"type": "string", "format": "date-time"});
    let opt_time = json!({"type": ["string", "null"], "format": "date-time"});
    let hash = json!({"type": "string", "pattern": "^[0-9a-f]{64}$"});
    json!({
        "ConsentPurpose": {"type": "string", "enum": ["placement", "transition"]},
        "RecipientClass": {"type": "string", "enum": ["employer", "mentor", "institution"]},
        "DataCategory": {"type": "string", "enum": ["contact", "skills", "languages", "goals", "functioning", "documents"]},
        "ConsentMethod": {"type": "string", "enum": ["written", "in_meeting", "electronic"]},
        "ConsentWording": {"type": "object", "required": ["purpose", "recipient", "category", "texts", "hash"], "properties": {
            "purpose": r("ConsentPurpose"), "recipient": r("RecipientClass"), "category": r("DataCategory"),
            "texts": {"type": "object", "description": "Language (fi, sv, en, fi-x-selko) → text.", "additionalProperties": {"type": "string"}},
            "hash": hash}},
        "Consent": {"type": "object", "required": ["id", "category", "recipient", "purpose", "method", "text_version_hash", "given_at", "withdrawn_at", "active"], "properties": {
            "id": uuid, "category": r("DataCategory"), "recipient": r("RecipientClass"), "purpose": r("ConsentPurpose"),
            "method": r("ConsentMethod"), "text_version_hash": hash, "given_at": time, "withdrawn_at": opt_time,
            "active": {"type": "boolean"}}},
        "ConsentList": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": r("Consent")}}},
        "NewConsent": {"type": "object", "additionalProperties": false, "required": ["purpose", "recipient", "method", "shown"], "properties": {
            "purpose": r("ConsentPurpose"), "recipient": r("RecipientClass"), "method": r("ConsentMethod"),
            "shown": {"type": "object", "minProperties": 1, "description": "Category → the `hash` of the wording shown.",
                "propertyNames": r("DataCategory"), "additionalProperties": hash}}},
        "ConsentIds": {"type": "object", "required": ["ids"], "properties": {"ids": {"type": "array", "items": uuid}}},
        "Share": {"type": "object", "required": ["id", "recipient", "recipient_name", "categories", "until", "revoked_at", "active"], "properties": {
            "id": uuid, "recipient": uuid, "recipient_name": {"type": "string"},
            "categories": {"type": "array", "items": r("DataCategory")}, "until": {"type": "string", "format": "date"},
            "revoked_at": opt_time, "active": {"type": "boolean"}}},
        "ShareList": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": r("Share")}}},
        "NewShare": {"type": "object", "additionalProperties": false, "required": ["recipient", "categories", "until"], "properties": {
            "recipient": uuid, "categories": {"type": "array", "minItems": 1, "items": r("DataCategory")},
            "until": {"type": "string", "format": "date", "description": "The last day of the share, today or later."}}},
        "SharedParticipant": {"type": "object", "required": ["id", "categories"], "description": "Only the shared, consented field groups are filled; the rest are null.", "properties": {
            "id": uuid, "categories": {"type": "array", "items": r("DataCategory")},
            "given_name": {"type": ["string", "null"]}, "family_name": {"type": ["string", "null"]},
            "email": {"type": ["string", "null"]}, "phone": {"type": ["string", "null"]},
            "skills": {"type": ["array", "null"], "items": r("Skill")},
            "languages": {"type": ["object", "null"], "additionalProperties": {"type": "string"}},
            "goals": {"type": ["array", "null"], "items": {"type": "string", "format": "uri"}},
            "availability": {"anyOf": [r("Availability"), {"type": "null"}]},
            "mobility": {"anyOf": [r("Mobility"), {"type": "null"}]},
            "functioning": {"type": ["object", "null"]},
            "accommodations": {"type": ["array", "null"], "items": {"type": "string"}}}},
        "SharedList": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": r("SharedParticipant")}}}
    })
}

/// The right-of-access export (`polku.subject-export.v1`, R39); the same document as
/// `polku subject export`.
fn export_schemas() -> Value {
    let string = json!({"type": "string"});
    let opt_string = json!({"type": ["string", "null"]});
    let time = json!({"type": "string", "format": "date-time"});
    let opt_time = json!({"type": ["string", "null"], "format": "date-time"});
    let date = json!({"type": "string", "format": "date"});
    let category = json!({"type": "string", "enum": ["contact", "skills", "languages", "goals", "functioning", "documents"]});
    let recipient = json!({"type": "string", "enum": ["employer", "mentor", "institution"]});
    let object = |required: &[&str], properties: Value| json!({"type": "object", "additionalProperties": false, "required": required, "properties": properties});
    json!({
        "SubjectExport": object(&["format", "generated_at", "subject", "controller", "sealed_data_erased", "personal", "sensitive", "labels", "service_path", "meetings", "plan", "consents", "disclosures", "legal_holds", "access_events", "processing"], json!({
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
            "consents": {"type": "array", "items": object(&["category", "recipient", "purpose", "method", "given_at", "withdrawn_at", "text_version_hash", "wording", "recorded_by", "withdrawn_by"], json!({
                "category": category, "recipient": recipient,
                "purpose": {"type": "string", "enum": ["placement", "transition"]},
                "method": {"type": "string", "enum": ["written", "in_meeting", "electronic"]},
                "given_at": time, "withdrawn_at": opt_time,
                "text_version_hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                "wording": opt_string, "recorded_by": opt_string, "withdrawn_by": opt_string}))},
            "disclosures": {"type": "array", "items": object(&["recipient", "recipient_kinds", "categories", "until", "revoked_at"], json!({
                "recipient": string, "recipient_kinds": {"type": "array", "items": recipient},
                "categories": {"type": "array", "items": category}, "until": date, "revoked_at": opt_time}))},
            "legal_holds": {"type": "array", "items": object(&["ground", "article", "reference", "until", "released_at"], json!({
                "ground": {"type": "string", "enum": ["legal_obligation", "archiving_or_statistics", "legal_claims"]},
                "article": string, "reference": string, "until": date, "released_at": opt_time}))},
            "access_events": {"type": "array", "items": object(&["at", "action", "purpose", "purpose_description", "actor_role", "actor"], json!({
                "at": time, "action": string, "purpose": string, "purpose_description": string, "actor_role": string,
                "actor": {"type": ["string", "null"], "description": "Only when staff identities are included (operator only)."}}))},
            "processing": object(&["purposes", "sources", "retention"], json!({
                "purposes": {"type": "array", "items": object(&["code", "description"], json!({"code": string, "description": string}))},
                "sources": {"type": "array", "items": string}, "retention": string}))
        }))
    })
}

fn casework_schemas() -> Value {
    json!({
        "Created": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "format": "uuid"}}},
        "Place": {"type": "string", "enum": ["office", "outside_office", "remote", "pop_up"]},
        "Meeting": {"type": "object", "required": ["id", "starts_at", "duration_min", "place", "notes"], "properties": {
            "id": {"type": "string", "format": "uuid"}, "starts_at": {"type": "string", "format": "date-time"},
            "duration_min": {"type": "integer", "minimum": 0}, "place": r("Place"), "notes": {"type": "string"}}},
        "MeetingList": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": r("Meeting")}}},
        "NewMeeting": {"type": "object", "additionalProperties": false, "required": ["starts_at", "duration_min", "place"], "properties": {
            "starts_at": {"type": "string", "format": "date-time", "description": "RFC 3339 with offset."},
            "duration_min": {"type": "integer", "minimum": 0, "maximum": 65535}, "place": r("Place"), "notes": {"type": "string"}}},
        "PlanItem": {"type": "object", "required": ["id", "text", "due", "done_at", "version"], "properties": {
            "id": {"type": "string", "format": "uuid"}, "text": {"type": "string"},
            "due": {"type": ["string", "null"], "format": "date"}, "done_at": {"type": ["string", "null"], "format": "date-time"},
            "version": {"type": "integer"}}},
        "PlanList": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": r("PlanItem")}}},
        "NewPlanItem": {"type": "object", "additionalProperties": false, "required": ["text"], "properties": {
            "text": {"type": "string", "minLength": 1, "maxLength": 2000}, "due": {"type": ["string", "null"], "format": "date"}}}
    })
}

fn base_schemas() -> Value {
    let uuid = json!({"type": "string", "format": "uuid"});
    let date = json!({"type": "string", "format": "date"});
    let levels = json!({"type": "object", "description": "Functioning dimension → level 0–4.",
        "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 4}});
    let languages = json!({"type": "object", "description": "Language code → CEFR level.",
        "additionalProperties": {"type": "string", "enum": ["A1", "A2", "B1", "B2", "C1", "C2"]}});
    let stage = json!({"type": "string", "enum": ["enrolled", "assessment", "coaching", "trial", "job_or_education", "retention", "exited"]});
    let municipality = json!({"type": "string", "pattern": "^[0-9]{3}$", "description": "Statistics Finland municipality code."});
    let esco = json!({"type": "string", "format": "uri"});
    let items = |s: &str| {
        json!({"type": "object", "required": ["items", "next_cursor"], "properties": {
        "items": {"type": "array", "items": r(s)},
        "next_cursor": {"type": ["string", "null"], "description": "Pass as `cursor` for the next page; null on the last page."}}})
    };
    json!({
        "Error": {"type": "object", "required": ["error"], "properties": {"error": {
            "type": "object", "required": ["code", "message", "fields"], "properties": {
                "code": {"type": "string", "description": "Stable code (docs/API.md)."},
                "message": {"type": "string", "description": "In the requester's language (`polku_lang` cookie, else Accept-Language, else Finnish)."},
                "fields": {"type": "object", "description": "JSON path of a bad field → message.", "additionalProperties": {"type": "string"}}}}}},
        "Credentials": {"type": "object", "additionalProperties": false, "required": ["email", "password"], "properties": {
            "email": {"type": "string"}, "password": {"type": "string"},
            "code": {"type": "string", "description": "The six-digit authenticator code or a recovery code; required when the account has a second factor (otherwise 400 `second_factor_required`)."}}},
        "SessionToken": {"type": "object", "required": ["token", "expires_at"], "properties": {
            "token": {"type": "string", "pattern": "^[0-9a-f]{64}$"}, "expires_at": {"type": "string", "format": "date-time"}}},
        "Me": {"type": "object", "required": ["id", "email", "display_name", "roles"], "properties": {
            "id": uuid, "email": {"type": "string"}, "display_name": {"type": "string"},
            "roles": {"type": "array", "items": {"type": "object", "required": ["role", "project"], "properties": {
                "role": {"type": "string"}, "project": {"type": ["string", "null"], "format": "uuid"}}}}}},
        "ParticipantSummary": {"type": "object", "required": ["id", "project_id", "given_name", "family_name", "stage", "waiting_since", "home_municipality"], "properties": {
            "id": uuid, "project_id": uuid, "given_name": {"type": "string"}, "family_name": {"type": "string"},
            "stage": stage, "waiting_since": date, "home_municipality": municipality}},
        "ParticipantList": items("ParticipantSummary"),
        "Hours": {"type": "object", "additionalProperties": false, "required": ["min", "max"], "properties": {
            "min": {"type": "integer", "minimum": 0, "maximum": 60}, "max": {"type": "integer", "minimum": 0, "maximum": 60}}},
        "Availability": {"type": "object", "additionalProperties": false, "required": ["hours_per_week", "days_per_week_max"], "properties": {
            "hours_per_week": r("Hours"), "days_per_week_max": {"type": "integer", "minimum": 1, "maximum": 7},
            "evenings": {"type": "boolean"}, "nights": {"type": "boolean"}, "weekends": {"type": "boolean"}}},
        "Mobility": {"type": "object", "additionalProperties": false, "required": ["home"], "properties": {
            "home": municipality, "acceptable": {"type": "array", "items": municipality}, "driving_licence": {"type": "boolean"}}},
        "Skill": {"type": "object", "additionalProperties": false, "required": ["skill", "evidence"], "properties": {
            "skill": esco, "evidence": {"type": "string", "enum": ["self_assessed", "coach_observed", "work_trial", "certificate"]}}},
        "Esf": {"type": "object", "additionalProperties": false, "description": "ESF+ entry data; `foreign_background` and `disability` are special categories, stored encrypted.", "properties": {
            "labour_market_status": {"type": ["string", "null"], "enum": ["unemployed", "inactive", "employed", "in_education", null]},
            "education_isced": {"type": ["integer", "null"], "minimum": 0, "maximum": 8},
            "long_term_unemployed": {"type": "boolean"},
            "birth_year": {"type": ["integer", "null"], "minimum": 1900, "maximum": 2100},
            "foreign_background": {"type": ["boolean", "null"]}, "disability": {"type": ["boolean", "null"]}}},
        "Personal": {"type": "object", "additionalProperties": false, "required": ["given_name", "family_name", "mobility", "availability"], "properties": {
            "given_name": {"type": "string", "minLength": 1, "maxLength": 100}, "family_name": {"type": "string", "minLength": 1, "maxLength": 100},
            "email": {"type": ["string", "null"], "format": "email"}, "phone": {"type": ["string", "null"]},
            "hetu": {"type": ["string", "null"], "description": "Finnish personal identity code."},
            "languages": languages, "skills": {"type": "array", "items": r("Skill")}, "goals": {"type": "array", "items": esco},
            "mobility": r("Mobility"), "availability": r("Availability"), "esf": r("Esf")}},
        "Sensitive": {"type": "object", "additionalProperties": false, "description": "Special-category data, encrypted at rest.", "properties": {
            "functioning": {"type": "object", "additionalProperties": false, "properties": {"capacity": levels}},
            "accommodations": {"type": "array", "items": {"type": "string"}},
            "functional_notes": {"type": "string"}}},
        "Participant": {"type": "object", "required": ["id", "project_id", "coach_id", "stage", "waiting_since", "version", "personal", "sensitive"], "properties": {
            "id": uuid, "project_id": uuid, "coach_id": {"type": ["string", "null"], "format": "uuid"},
            "stage": stage, "waiting_since": date, "version": {"type": "integer", "minimum": 1, "description": "Also the `ETag`."},
            "personal": r("Personal"), "sensitive": r("Sensitive")}},
        "NewParticipant": {"type": "object", "additionalProperties": false, "required": ["personal"], "properties": {
            "project_id": {"type": "string", "format": "uuid", "description": "Needed when the caller coaches in more than one project."},
            "personal": r("Personal"), "sensitive": r("Sensitive"), "stage": stage, "waiting_since": date}},
        "ParticipantPatch": {"type": "object", "additionalProperties": false, "description": "Merge patch: present keys change, `null` removes an optional value.", "properties": {
            "personal": {"type": "object"}, "sensitive": {"type": "object"}, "stage": stage}},
        "Employer": {"type": "object", "required": ["id", "project_id", "business_id", "name", "industry_tol", "size", "municipalities", "cooperation", "mentor_available", "version"], "properties": {
            "id": uuid, "project_id": uuid, "coordinator_id": {"type": ["string", "null"], "format": "uuid"},
            "business_id": {"type": "string", "pattern": "^[0-9]{7}-[0-9]$"}, "name": {"type": "string"},
            "industry_tol": {"type": "string"}, "size": {"type": "string", "enum": ["micro", "small", "medium", "large"]},
            "municipalities": {"type": "array", "items": municipality},
            "cooperation": {"type": "string", "enum": ["contacted", "engaged", "deeper"]},
            "mentor_available": {"type": "boolean"}, "version": {"type": "integer"}}},
        "EmployerList": items("Employer"),
        "Task": {"type": "object", "required": ["id", "employer_id", "title", "hours_per_week", "days_per_week", "schedule", "municipality", "version"], "properties": {
            "id": uuid, "employer_id": uuid, "title": {"type": "string"}, "description": {"type": "string"},
            "skills_essential": {"type": "array", "items": esco}, "skills_optional": {"type": "array", "items": esco},
            "languages": languages, "demands": {"type": "object", "properties": {"demands": levels}},
            "hours_per_week": {"type": "integer"}, "days_per_week": {"type": "integer"},
            "schedule": {"type": "string", "enum": ["daytime", "evenings", "nights", "weekends", "flexible"]},
            "municipality": municipality, "learnable_on_job": {"type": "boolean"},
            "value": {"type": "integer", "minimum": 1, "maximum": 5}, "occupation": esco, "version": {"type": "integer"}}},
        "TaskList": items("Task"),
        "Opening": {"type": "object", "required": ["id", "employer_id", "kind", "title", "tasks", "municipality", "capacity", "version"], "properties": {
            "id": uuid, "employer_id": uuid,
            "kind": {"type": "string", "enum": ["job", "work_trial", "education_trial", "apprenticeship", "gig"]},
            "title": {"type": "string"}, "tasks": {"type": "array", "items": uuid}, "municipality": municipality,
            "capacity": {"type": "integer"}, "monthly_wage_eur": {"type": ["integer", "null"]},
            "starts_on": {"type": ["string", "null"], "format": "date"}, "ends_on": {"type": ["string", "null"], "format": "date"},
            "version": {"type": "integer"}}},
        "OpeningList": items("Opening"),
        "EngineInput": {"type": "object", "description": "The matching engine's input document (docs/matching.md): `participants`, `employers`, optional `accommodations` and `allocation`.",
            "properties": {"participants": {"type": "array", "items": {"type": "object"}}, "employers": {"type": "array", "items": {"type": "object"}}}},
        "EngineResult": {"type": "object", "description": "The engine's answer, as `polku match|craft|allocate` prints it (docs/matching.md)."},
    })
}

fn error_response(description: &str) -> Value {
    json!({"description": description, "content": json_body(r("Error"))})
}

pub fn document() -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Polku API",
            "version": "1",
            "description": "The versioned JSON API of Polku (docs/API.md). Authenticate with a session token from `POST /api/v1/sessions` as `Authorization: Bearer <token>`, or with the browser's session cookie. Errors use one envelope with a stable code and a message in the requester's language.",
            "license": {"name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later"}
        },
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}, {"cookie": []}],
        "tags": [
            {"name": "sessions", "description": "Signing in and out."},
            {"name": "participants", "description": "The coach's caseload."},
            {"name": "consents", "description": "Consents, shares, and what is shared with the caller."},
            {"name": "employers", "description": "The employer register, task inventories and openings."},
            {"name": "engine", "description": "The pure matching engine on a posted document."},
            {"name": "meta", "description": "About the API."}
        ],
        "paths": all_paths(),
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "An opaque session token from `POST /api/v1/sessions`."},
                "cookie": {"type": "apiKey", "in": "cookie", "name": "__Host-polku_session", "description": "The browser session; unsafe requests also need `Origin`."}
            },
            "parameters": {
                "Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                "Limit": {"name": "limit", "in": "query", "required": false, "description": "Items per page (1–100).",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
                "Cursor": {"name": "cursor", "in": "query", "required": false, "description": "`next_cursor` of the previous page (opaque).",
                    "schema": {"type": "string"}},
                "Project": {"name": "project", "in": "query", "required": false, "description": "Project code.",
                    "schema": {"type": "string"}},
                "IfMatch": {"name": "If-Match", "in": "header", "required": true, "description": "The `ETag` the change is based on, e.g. `\"3\"`.",
                    "schema": {"type": "string"}}
            },
            "headers": {
                "ETag": {"description": "Strong entity tag: the record's version in quotes.", "schema": {"type": "string"}}
            },
            "responses": {
                "Unauthenticated": error_response("Not signed in, or wrong credentials (`unauthenticated`)."),
                "Forbidden": error_response("The caller's roles may not use this operation (`forbidden`, `cross_site_request`)."),
                "NotFound": error_response("Does not exist or is not yours (`not_found`)."),
                "PreconditionFailed": error_response("The record changed since the `ETag` was read (`conflict`)."),
                "TooLarge": error_response("The body is too large (`too_large`)."),
                "UnsupportedMediaType": error_response("The body is not declared as JSON (`unsupported_media_type`)."),
                "Invalid": error_response("Invalid input; `fields` names each bad field by its JSON path (`invalid_input`, domain codes)."),
                "PreconditionRequired": error_response("`If-Match` is missing (`precondition_required`)."),
                "TooManyAttempts": error_response("Too many failed sign-ins; see `Retry-After` (`too_many_attempts`)."),
                "Error": error_response("An error.")
            },
            "schemas": schemas()
        }
    })
}

pub async fn serve() -> Response {
    Json(document()).into_response()
}
