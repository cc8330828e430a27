//! Import of the ESCO classification from its official CSV layout (`skills_fi.csv`,
//! `skills_sv.csv`, `skills_en.csv`, `occupations_*.csv`: columns located by header name, so both
//! the full download and the reduced `conceptUri,reuseLevel,preferredLabel,altLabels` layout
//! work). Idempotent: importing the same files again changes nothing.

use crate::store::{EscoConcept, UpsertCounts};
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{EscoKind, EscoUri};
use std::collections::BTreeMap;
use std::io::Read;

/// The rows of one file: concept URI → (preferred label, alternative labels).
pub type Rows = BTreeMap<String, (String, String)>;
/// Rows per language code.
pub type PerLanguage = BTreeMap<String, Rows>;

/// One parsed file: its language and concept kind come from the file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscoFile {
    pub lang: String,
    pub kind: EscoKind,
}

/// Recognises `skills_fi.csv`, `occupations_sv.csv`, `skills_en_subset.csv` and the like.
pub fn classify_file(file_name: &str) -> Option<EscoFile> {
    let stem = file_name.strip_suffix(".csv")?;
    let mut parts = stem.split('_');
    let kind = match parts.next()? {
        "skills" => EscoKind::Skill,
        "occupations" => EscoKind::Occupation,
        _ => return None,
    };
    let lang = parts.next()?;
    if lang.len() != 2 || !matches!(lang, "fi" | "sv" | "en") {
        return None;
    }
    Some(EscoFile {
        lang: lang.to_owned(),
        kind,
    })
}

/// Rows of one file: `uri → (preferred label, alt labels)`. Errors name the line.
pub fn parse_csv(reader: impl Read, file: &EscoFile) -> Result<Rows> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(reader);
    let headers = rdr
        .headers()
        .map_err(|e| invalid(format!("cannot read the header: {e}")))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
    };
    let uri_col =
        col("conceptUri").ok_or_else(|| invalid("the header has no conceptUri column".into()))?;
    let label_col = col("preferredLabel")
        .ok_or_else(|| invalid("the header has no preferredLabel column".into()))?;
    let alt_col = col("altLabels");
    let type_col = col("conceptType");
    let mut out = BTreeMap::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| invalid(format!("line {line}: {e}")))?;
        if let Some(t) = type_col.and_then(|c| rec.get(c)) {
            if !matches!(t, "KnowledgeSkillCompetence" | "Occupation" | "") {
                continue;
            }
        }
        let uri = EscoUri::parse(rec.get(uri_col).unwrap_or_default()).map_err(|_| {
            invalid(format!(
                "line {line}: {:?} is not an ESCO URI",
                rec.get(uri_col).unwrap_or_default()
            ))
        })?;
        if uri.kind() != file.kind {
            return Err(invalid(format!(
                "line {line}: {} is not a {:?} URI",
                uri.as_str(),
                file.kind
            )));
        }
        let label = rec.get(label_col).unwrap_or_default().trim().to_owned();
        if label.is_empty() {
            return Err(invalid(format!(
                "line {line}: the preferred label is empty"
            )));
        }
        let alt = alt_col
            .and_then(|c| rec.get(c))
            .unwrap_or_default()
            .trim()
            .to_owned();
        out.insert(uri.as_str().to_owned(), (label, alt));
    }
    Ok(out)
}

fn invalid(reason: String) -> ServiceError {
    ServiceError::Invalid(polku_domain::DomainError::Invalid {
        field: "esco_csv",
        reason,
    })
}

/// Merges the per-language maps of one kind into concepts.
pub fn merge(kind: EscoKind, per_lang: &PerLanguage) -> Vec<EscoConcept> {
    let mut concepts: BTreeMap<&str, EscoConcept> = BTreeMap::new();
    let kind_name = match kind {
        EscoKind::Skill => "skill",
        EscoKind::Occupation => "occupation",
        EscoKind::Isco => "isco",
    };
    for (lang, rows) in per_lang {
        for (uri, (label, alt)) in rows {
            let c = concepts.entry(uri).or_insert_with(|| EscoConcept {
                uri: uri.clone(),
                kind: kind_name.into(),
                label_fi: None,
                label_sv: None,
                label_en: None,
                ..EscoConcept::default()
            });
            match lang.as_str() {
                "fi" => c.label_fi = Some(label.clone()),
                "sv" => c.label_sv = Some(label.clone()),
                _ => c.label_en = Some(label.clone()),
            }
            if !alt.is_empty() {
                if !c.alt_labels.is_empty() {
                    c.alt_labels.push('\n');
                }
                c.alt_labels.push_str(alt);
            }
        }
    }
    concepts.into_values().collect()
}

impl Service {
    /// Stores concepts in batches; `progress` is called with the number done so far.
    pub async fn import_esco(
        &self,
        actor: &Actor,
        concepts: &[EscoConcept],
        mut progress: impl FnMut(usize),
    ) -> Result<UpsertCounts> {
        if !crate::authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        let mut total = UpsertCounts::default();
        for (i, chunk) in concepts.chunks(500).enumerate() {
            let c = self.store().upsert_esco(chunk).await?;
            total.inserted += c.inserted;
            total.updated += c.updated;
            total.unchanged += c.unchanged;
            progress((i * 500 + chunk.len()).min(concepts.len()));
        }
        let audit = crate::audit::AuditEvent::new(actor, "esco", None, "import", "import")?;
        self.store().append_audit(&audit).await?;
        Ok(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_layout_and_reduced_layout() {
        let full = "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description\n\
KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/aaa,skill/competence,cross-sector,siivota tiloja,\"siivota\nsiivous\",,released,2023-01-01,,,,kuvaus\n";
        let f = classify_file("skills_fi.csv").unwrap();
        let rows = parse_csv(full.as_bytes(), &f).unwrap();
        assert_eq!(
            rows["http://data.europa.eu/esco/skill/aaa"].0,
            "siivota tiloja"
        );
        let reduced = "conceptUri,reuseLevel,preferredLabel,altLabels\nhttp://data.europa.eu/esco/skill/aaa,cross-sector,clean rooms,\"clean\ncleaning\"\n";
        let en = classify_file("skills_en_subset.csv").unwrap();
        let mut per = BTreeMap::new();
        per.insert("fi".to_owned(), rows);
        per.insert("en".to_owned(), parse_csv(reduced.as_bytes(), &en).unwrap());
        let merged = merge(EscoKind::Skill, &per);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].label_en.as_deref(), Some("clean rooms"));
        assert_eq!(merged[0].label_fi.as_deref(), Some("siivota tiloja"));
    }

    #[test]
    fn bad_files_name_the_line() {
        let f = classify_file("skills_en.csv").unwrap();
        let err = parse_csv(
            "conceptUri,preferredLabel\nhttp://x/y,label\n".as_bytes(),
            &f,
        )
        .unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let err = parse_csv("uri,label\n".as_bytes(), &f).unwrap_err();
        assert!(err.to_string().contains("conceptUri"));
        let err = parse_csv(
            "conceptUri,preferredLabel\nhttp://data.europa.eu/esco/occupation/x,label\n".as_bytes(),
            &f,
        )
        .unwrap_err();
        assert!(err.to_string().contains("line 2"));
        assert!(classify_file("readme.txt").is_none());
        assert!(classify_file("skills_de.csv").is_none());
    }
}
