//! The access request (R39) on the web: a download linked from the consents tab, in the coach's
//! language, and the same document through the API; only the own coach gets it, and every
//! export is in the participant's access log.

use crate::harness::{has, on, TestApp};
use axum::http::{Method, StatusCode};
use polku_domain::Role;
use polku_store_tests::Backend;
use serde_json::Value;

async fn export_story(app: TestApp) {
    let coach = app.user(Role::Coach).await;
    let other = app.user(Role::Coach).await;
    let svc = app.service().clone();
    let new = app.world.new_participant();
    let id = svc
        .create_participant(&coach.actor, new.clone(), "service_delivery")
        .await
        .expect("participant");

    // The consents tab links to the download.
    let tab = app
        .get(&format!("/participants/{id}/consents"), Some(&coach))
        .await;
    assert_eq!(tab.status, StatusCode::OK);
    assert!(has(
        &tab.body,
        &format!("a[href=\"/participants/{id}/export\"][download]")
    ));

    let page = app
        .get(&format!("/participants/{id}/export"), Some(&coach))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header("content-type").starts_with("application/json"));
    assert!(page
        .header("content-disposition")
        .starts_with("attachment; filename=\"polku-"));
    assert_eq!(page.header("cache-control"), "no-store");
    let doc = page.json();
    assert_eq!(doc["format"], "polku.subject-export.v1");
    assert_eq!(doc["personal"]["family_name"], new.personal.family_name);
    assert_eq!(
        doc["sensitive"]["functional_notes"],
        new.sensitive.functional_notes
    );
    assert!(doc["access_events"]
        .as_array()
        .expect("events")
        .iter()
        .all(|e| e["actor"].is_null()));

    // Another coach: not found, like a participant that does not exist.
    assert_eq!(
        app.get(&format!("/participants/{id}/export"), Some(&other))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The API: the same document; a language it does not know is a field error.
    let api = app
        .api(
            Method::GET,
            &format!("/api/v1/participants/{id}/export?lang=sv"),
            Some(&coach),
            None,
            &[],
        )
        .await;
    assert_eq!(api.status, StatusCode::OK);
    let doc = api.json();
    assert_eq!(doc["subject"], id.to_string());
    // The page's export is in the access log that the API's export shows.
    let exports = doc["access_events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["action"] == "export" && e["purpose"] == "data_subject_request")
        .count();
    assert_eq!(exports, 1, "the page's export is logged before the API's");
    let bad = app
        .api(
            Method::GET,
            &format!("/api/v1/participants/{id}/export?lang=de"),
            Some(&coach),
            None,
            &[],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.json()["error"]["fields"]["lang"].is_string());
}

/// Checks `value` against a JSON Schema of the OpenAPI document (`doc`): the keywords our
/// schemas use (`$ref`, `type`, `required`, `properties`, `additionalProperties`, `items`,
/// `enum`, `const`, `anyOf`, `oneOf`, `minimum`, `maximum`; `pattern` and `format` are left to
/// schemathesis). Collects every violation with its JSON path.
pub(crate) fn violations(
    doc: &Value,
    schema: &Value,
    value: &Value,
    path: &str,
    out: &mut Vec<String>,
) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/components/schemas/");
        return violations(doc, &doc["components"]["schemas"][name], value, path, out);
    }
    if let Some(any) = schema.get("anyOf").and_then(Value::as_array) {
        let fits = any.iter().any(|s| {
            let mut v = Vec::new();
            violations(doc, s, value, path, &mut v);
            v.is_empty()
        });
        if !fits {
            out.push(format!("{path}: matches no anyOf branch"));
        }
        return;
    }
    // The generated document writes a nullable reference as `oneOf: [null, $ref]`.
    if let Some(one) = schema.get("oneOf").and_then(Value::as_array) {
        let fitting = one
            .iter()
            .filter(|s| {
                let mut v = Vec::new();
                violations(doc, s, value, path, &mut v);
                v.is_empty()
            })
            .count();
        if fitting != 1 {
            out.push(format!("{path}: matches {fitting} oneOf branches"));
        }
        return;
    }
    let type_ok = |t: &str| match t {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        _ => false,
    };
    match schema.get("type") {
        Some(Value::String(t)) if !type_ok(t) => {
            return out.push(format!("{path}: not {t}: {value}"));
        }
        Some(Value::Array(ts)) if !ts.iter().filter_map(Value::as_str).any(type_ok) => {
            return out.push(format!("{path}: none of {ts:?}: {value}"));
        }
        _ => {}
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(value) {
            out.push(format!("{path}: {value} not in {e:?}"));
        }
    }
    if let Some(c) = schema.get("const") {
        if c != value {
            out.push(format!("{path}: {value} is not {c}"));
        }
    }
    if let Some(min) = schema.get("minimum").and_then(Value::as_f64) {
        if value.as_f64().is_some_and(|v| v < min) {
            out.push(format!("{path}: {value} < {min}"));
        }
    }
    if let Some(max) = schema.get("maximum").and_then(Value::as_f64) {
        if value.as_f64().is_some_and(|v| v > max) {
            out.push(format!("{path}: {value} > {max}"));
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), value.as_array()) {
        for (i, v) in arr.iter().enumerate() {
            violations(doc, items, v, &format!("{path}[{i}]"), out);
        }
    }
    if let Some(obj) = value.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for key in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !obj.contains_key(key) {
                out.push(format!("{path}: missing {key}"));
            }
        }
        for (k, v) in obj {
            let at = format!("{path}.{k}");
            match (
                props.and_then(|p| p.get(k)),
                schema.get("additionalProperties"),
            ) {
                (Some(s), _) => violations(doc, s, v, &at, out),
                (None, Some(Value::Bool(false))) => out.push(format!("{at}: not in the schema")),
                (None, Some(s @ Value::Object(_))) => violations(doc, s, v, &at, out),
                _ => {}
            }
        }
    }
}

/// A full export (every section filled, then crypto-erased) fits the published schema.
async fn export_fits_its_schema(app: TestApp) {
    let coach = app.user(Role::Coach).await;
    let employer = app.user(Role::Employer).await;
    let svc = app.service().clone();
    let id = svc
        .create_participant(
            &coach.actor,
            app.world.new_participant(),
            "service_delivery",
        )
        .await
        .expect("participant");
    svc.record_meeting(
        &coach.actor,
        polku_service::meetings::NewMeeting {
            participant_id: id,
            starts_at: time::OffsetDateTime::now_utc(),
            duration_min: 30,
            place: polku_domain::PlaceType::Remote,
            notes: "Puhelu".into(),
        },
        "service_delivery",
    )
    .await
    .expect("meeting");
    svc.add_plan_item(&coach.actor, id, "CV valmiiksi", None, "service_delivery")
        .await
        .expect("plan");
    svc.give_consent(
        &coach.actor,
        id,
        polku_service::consents::NewConsent {
            recipient: polku_domain::RecipientClass::Employer,
            purpose: polku_domain::ConsentPurpose::Placement,
            categories: vec![polku_domain::DataCategory::Skills],
            method: polku_domain::ConsentMethod::Written,
            shown: Default::default(),
        },
        "service_delivery",
    )
    .await
    .expect("consent");
    svc.share_participant(
        &coach.actor,
        polku_domain::Share {
            id: polku_domain::ShareId::new(),
            participant_id: id,
            recipient: employer.actor.user_id().expect("user"),
            categories: vec![polku_domain::DataCategory::Skills],
            until: polku_service::clock::today(),
            revoked_at: None,
            purpose: polku_domain::ConsentPurpose::Placement,
        },
        "service_delivery",
    )
    .await
    .expect("share");
    // The ESF+ record with its leaving and six-month follow-up.
    {
        use polku_domain::*;
        let today = polku_service::today();
        let days = |n| today - time::Duration::days(n);
        svc.save_esf_entry(
            &coach.actor,
            id,
            EsfEntryData {
                entered_on: days(400),
                gender: Gender::Declined,
                status: EntryStatus::Employed,
                education: Education::College,
                third_country_national: Answer::No,
                foreign_background: Answer::NotKnown,
                homeless: Answer::No,
                special: EsfSpecial {
                    disability: Answer::Yes,
                    minority: Answer::Declined,
                },
            },
            0,
            today,
        )
        .await
        .expect("esf entry");
        let leaving = Leaving {
            left_on: days(300),
            result: LeavingResult::Employed,
            qualification: true,
        };
        svc.record_leaving(&coach.actor, id, Some(leaving), 1, today)
            .await
            .expect("esf leaving");
        let six = SixMonths {
            checked_on: days(10),
            employed: Answer::Yes,
            improved: Answer::Yes,
        };
        svc.record_six_months(&coach.actor, id, six, 2, today)
            .await
            .expect("esf six months");
    }
    let openapi = app.get("/api/v1/openapi.json", None).await.json();
    let schema = serde_json::json!({"$ref": "#/components/schemas/SubjectExport"});
    for round in ["whole", "erased"] {
        let res = app
            .api(
                Method::GET,
                &format!("/api/v1/participants/{id}/export"),
                Some(&coach),
                None,
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{round}");
        let doc = res.json();
        assert_eq!(doc["esf"]["six_months"]["improved"], "yes", "{round}");
        assert_eq!(doc["esf_special_erased"], round == "erased", "{round}");
        for section in [
            "meetings",
            "plan",
            "consents",
            "disclosures",
            "access_events",
        ] {
            assert!(
                !doc[section].as_array().expect(section).is_empty(),
                "{section}"
            );
        }
        let mut found = Vec::new();
        violations(&openapi, &schema, &doc, "$", &mut found);
        assert!(found.is_empty(), "{round}: {found:#?}");
        // The check itself can fail: an unknown key, a missing one and a wrong type are named.
        let mut broken = doc.clone();
        broken["surprise"] = Value::Bool(true);
        broken.as_object_mut().expect("object").remove("format");
        broken["meetings"][0]["duration_min"] = Value::from("long");
        let mut found = Vec::new();
        violations(&openapi, &schema, &broken, "$", &mut found);
        assert_eq!(found.len(), 3, "{found:#?}");
        svc.erase_participant_data(&coach.actor, id)
            .await
            .expect("erase");
    }
}

#[test]
fn export_schema_on_sqlite() {
    on(Backend::Sqlite, export_fits_its_schema);
}

#[test]
fn export_on_sqlite() {
    on(Backend::Sqlite, export_story);
}

#[test]
fn export_on_postgres() {
    on(Backend::Postgres, export_story);
}
