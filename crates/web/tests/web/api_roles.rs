//! `scripts/api-roles.json` is the role -> allowed-operations matrix that `scripts/api-fuzz.sh`
//! checks every answer against (R54): for each API operation, "public", "signed_in" or the
//! roles its policy admits. It is generated from the route inventory, so it cannot drift from
//! the code: this test fails when they differ (`UPDATE_SNAPSHOTS=1` writes it again).

use polku_web::policy::Policy;
use serde_json::{json, Map, Value};

fn matrix() -> Value {
    let mut ops = Map::new();
    for r in polku_web::inventory()
        .into_iter()
        .filter(|r| r.path.starts_with("/api/"))
    {
        let who = match r.policy {
            Policy::Public => json!("public"),
            Policy::SignedIn => json!("signed_in"),
            Policy::AnyRole(roles) => {
                let mut names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
                names.sort_unstable();
                json!(names)
            }
        };
        ops.insert(format!("{} {}", r.method, r.path), who);
    }
    json!({
        "about": "Generated from the route inventory by crates/web/tests/web/api_roles.rs (UPDATE_SNAPSHOTS=1); read by scripts/api_roles_check.py. Which roles reach an operation at all; which objects they then see is decided by polku_service::authz and checked by the fuzzing (own project and employers only).",
        "operations": Value::Object(ops),
    })
}

#[test]
fn the_fuzzing_role_matrix_is_the_route_inventory() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/api-roles.json");
    let served = matrix();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let pretty = format!(
            "{}\n",
            serde_json::to_string_pretty(&served).expect("pretty")
        );
        std::fs::write(&path, pretty).expect("write scripts/api-roles.json");
    }
    let stored = std::fs::read_to_string(&path)
        .expect("scripts/api-roles.json (UPDATE_SNAPSHOTS=1 writes it)");
    let stored: Value = serde_json::from_str(&stored).expect("the matrix is JSON");
    assert_eq!(
        served, stored,
        "scripts/api-roles.json differs from the route policies; review and regenerate with UPDATE_SNAPSHOTS=1"
    );
    // Every non-public operation admits somebody, and nobody but the policy's roles.
    let ops = stored["operations"].as_object().expect("operations");
    assert!(ops.len() > 60, "all API operations are listed");
    assert!(ops
        .values()
        .all(|v| v.is_string() || v.as_array().is_some_and(|a| !a.is_empty())));
}

/// Every operation behind a role policy can answer 403 (a signed-in user of another role), and
/// every non-public one 401: both must be in its documented responses (schemathesis, run as
/// each role, found nine operations without 403, R54).
#[test]
fn every_policy_refusal_is_a_documented_status() {
    let doc = polku_web::api::v1::openapi::document();
    // Parameter names may differ between the router and the document: compare shapes.
    let shape = |path: &str| -> String {
        path.split('/')
            .map(|seg| if seg.starts_with('{') { "{}" } else { seg })
            .collect::<Vec<_>>()
            .join("/")
    };
    let paths: std::collections::BTreeMap<String, &Value> = doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .map(|(p, item)| (shape(p), item))
        .collect();
    let mut missing = Vec::new();
    for r in polku_web::inventory()
        .into_iter()
        .filter(|r| r.path.starts_with("/api/") && r.policy != Policy::Public)
    {
        let method = r.method.as_str().to_lowercase();
        let item = paths.get(&shape(r.path)).copied().unwrap_or(&Value::Null);
        let responses = &item[method.as_str()]["responses"];
        assert!(
            responses.is_object(),
            "{} {} is documented",
            r.method,
            r.path
        );
        if responses.get("401").is_none() {
            missing.push(format!("{} {}: 401", r.method, r.path));
        }
        if matches!(r.policy, Policy::AnyRole(_)) && responses.get("403").is_none() {
            missing.push(format!("{} {}: 403", r.method, r.path));
        }
    }
    assert!(missing.is_empty(), "undocumented refusals: {missing:?}");
}
