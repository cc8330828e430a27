//! The data classification (R28) and the register of processing built from it (R44, GDPR
//! Art. 30): `data/data-classification.json` classifies every table and column; the register
//! groups it by purpose. A store test checks the file against the live schema of both databases
//! and against the audit purposes.

use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The classification file, parsed.
#[derive(Debug, Clone, Deserialize)]
pub struct Classification {
    pub classes: BTreeMap<String, String>,
    pub retention: BTreeMap<String, String>,
    pub purposes: BTreeMap<String, String>,
    pub recipients: Vec<Value>,
    pub tables: BTreeMap<String, Table>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Table {
    pub class: String,
    pub description: String,
    pub purposes: Vec<String>,
    pub retention: String,
    /// Column → class.
    pub columns: BTreeMap<String, String>,
}

/// The shipped classification (parsed once; a malformed file is a build defect caught by the
/// tests).
pub fn classification() -> &'static Classification {
    static CELL: OnceLock<Classification> = OnceLock::new();
    CELL.get_or_init(|| {
        serde_json::from_str(include_str!("../../../data/data-classification.json"))
            .unwrap_or_else(|e| panic!("data/data-classification.json is malformed: {e}"))
    })
}

/// The retention rule of the participant's case records, as the export states it.
pub fn case_retention() -> String {
    classification()
        .retention
        .get("case_records")
        .cloned()
        .unwrap_or_default()
}

/// The register of processing: per purpose, its description, the tables and classes of data it
/// uses, their retention, and the recipients.
pub fn register() -> Value {
    let c = classification();
    let purposes: Vec<Value> = c
        .purposes
        .iter()
        .map(|(code, description)| {
            let tables: Vec<Value> = c
                .tables
                .iter()
                .filter(|(_, t)| t.purposes.iter().any(|p| p == code))
                .map(|(name, t)| {
                    json!({
                        "table": name,
                        "description": t.description,
                        "class": t.class,
                        "special_category": t.columns.values().any(|k| k == "special"),
                        "retention": c.retention.get(&t.retention),
                    })
                })
                .collect();
            json!({"purpose": code, "description": description, "data": tables})
        })
        .collect();
    json!({
        "format": "polku.processing-register.v1",
        "classes": c.classes,
        "purposes": purposes,
        "recipients": c.recipients,
    })
}

/// One purpose of the register as a privacy notice lists it: the classes of data used, whether
/// special-category data is among them, and the retention rules (codes of the classification).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurposeEntry {
    pub code: String,
    /// The English description from the classification.
    pub description: String,
    pub classes: std::collections::BTreeSet<String>,
    pub special_category: bool,
    pub retention: std::collections::BTreeSet<String>,
}

/// The register by purpose, typed (the same grouping as [`register`]); purposes without any
/// data are left out.
pub fn by_purpose() -> Vec<PurposeEntry> {
    let c = classification();
    c.purposes
        .iter()
        .filter_map(|(code, description)| {
            let tables: Vec<&Table> = c
                .tables
                .values()
                .filter(|t| t.purposes.iter().any(|p| p == code))
                .collect();
            (!tables.is_empty()).then(|| PurposeEntry {
                code: code.clone(),
                description: description.clone(),
                classes: tables.iter().map(|t| t.class.clone()).collect(),
                special_category: tables
                    .iter()
                    .any(|t| t.columns.values().any(|k| k == "special")),
                retention: tables.iter().map(|t| t.retention.clone()).collect(),
            })
        })
        .collect()
}
