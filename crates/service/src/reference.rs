//! The ESCO reference data Polku ships in `data/esco/` (derived by `data/esco/derive-esco.py`;
//! sources and licences in `data/README.md`): every skill's English label, every occupation,
//! the skill hierarchy, skill-to-skill relations, each occupation's essential and optional skills,
//! and Polku's own Finnish and Swedish working labels. [`Service::load_reference_data`] puts it
//! in the store on first start (`serve`, `serve --demo`, `demo`) and in `polku migrate`, in one
//! transaction; it is versioned ([`ESCO_REFERENCE_VERSION`], kept in the store's `meta`), so a
//! newer shipped version updates the store and an equal one does nothing.

use crate::skill_search::SkillHit;
use crate::store::{EscoConcept, EscoReference};
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{EscoKind, EscoUri};

/// The version of the shipped ESCO data: raise it whenever a file in `data/esco/` changes (a
/// test compares a checksum of the files with [`SHIPPED_CHECKSUM`]).
pub const ESCO_REFERENCE_VERSION: i64 = 1;
/// The `meta` key holding the loaded version.
pub const VERSION_KEY: &str = "esco_reference_version";

const SKILLS: &str = include_str!("../../../data/esco/skills.csv");
const OCCUPATIONS: &str = include_str!("../../../data/esco/occupations_en.csv");
const OCCUPATION_SKILLS: &str = include_str!("../../../data/esco/occupation-skills.csv");
const BROADER: &str = include_str!("../../../data/esco/skill-broader.csv");
const RELATIONS: &str = include_str!("../../../data/esco/skill-relations.csv");
const WORKING: &str = crate::analyzer::WORKING_LABELS;

const PREFIX: &str = "http://data.europa.eu/esco/";

/// FNV-1a over the shipped files, for the test that keeps the version honest.
pub const SHIPPED_CHECKSUM: u64 = 570_390_543_521_625_254;

pub fn shipped_checksum() -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in [
        SKILLS,
        OCCUPATIONS,
        OCCUPATION_SKILLS,
        BROADER,
        RELATIONS,
        WORKING,
    ] {
        for b in f.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn bad(file: &str, e: impl std::fmt::Display) -> ServiceError {
    ServiceError::Storage(format!("shipped ESCO data {file} is malformed: {e}"))
}

fn records(file: &'static str, text: &'static str) -> Result<Vec<csv::StringRecord>> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.map_err(|e| bad(file, e)))
        .collect()
}

/// Alternative labels written `a | b` in the working-label file, as newline-separated text.
fn alt_lines(s: &str) -> String {
    s.split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Everything in `data/esco/`, parsed.
pub fn shipped() -> Result<EscoReference> {
    let skills: Vec<String> = records("skills.csv", SKILLS)?
        .iter()
        .map(|r| format!("{PREFIX}skill/{}", &r[0]))
        .collect();
    let skill_labels: Vec<String> = records("skills.csv", SKILLS)?
        .iter()
        .map(|r| r[1].to_owned())
        .collect();
    let token = |t: &str| -> Result<String> {
        if t.bytes().all(|b| b.is_ascii_digit()) {
            let i: usize = t.parse().map_err(|e| bad("skill index", e))?;
            skills
                .get(i)
                .cloned()
                .ok_or_else(|| bad("skill index", format!("{i} is out of range")))
        } else {
            Ok(format!("{PREFIX}{t}"))
        }
    };
    let mut concepts: Vec<EscoConcept> = skills
        .iter()
        .zip(&skill_labels)
        .map(|(uri, label)| EscoConcept {
            uri: uri.clone(),
            kind: "skill".into(),
            label_en: Some(label.clone()),
            ..EscoConcept::default()
        })
        .collect();
    let occ_file = "occupations_en.csv";
    let mut rdr = csv::Reader::from_reader(OCCUPATIONS.as_bytes());
    let header = rdr.headers().map_err(|e| bad(occ_file, e))?.clone();
    let col = |n: &str| {
        header
            .iter()
            .position(|h| h == n)
            .ok_or_else(|| bad(occ_file, format!("no {n} column")))
    };
    let (uri_c, label_c, alt_c) = (
        col("conceptUri")?,
        col("preferredLabel")?,
        col("altLabels")?,
    );
    let mut occupations = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| bad(occ_file, e))?;
        occupations.push(rec[uri_c].to_owned());
        concepts.push(EscoConcept {
            uri: rec[uri_c].to_owned(),
            kind: "occupation".into(),
            label_en: Some(rec[label_c].to_owned()),
            alt_labels: rec[alt_c].to_owned(),
            ..EscoConcept::default()
        });
    }
    let mut occupation_skills = Vec::new();
    for r in records("occupation-skills.csv", OCCUPATION_SKILLS)? {
        let i: usize = r[0].parse().map_err(|e| bad("occupation-skills.csv", e))?;
        let occ = occupations
            .get(i)
            .ok_or_else(|| bad("occupation-skills.csv", format!("occupation {i}")))?;
        for (col, kind) in [(1, "essential"), (2, "optional")] {
            for t in r[col].split_whitespace() {
                occupation_skills.push((occ.clone(), kind.to_owned(), token(t)?));
            }
        }
    }
    occupation_skills.sort();
    occupation_skills.dedup();
    let broader = records("skill-broader.csv", BROADER)?
        .iter()
        .map(|r| Ok((token(&r[0])?, token(&r[1])?)))
        .collect::<Result<Vec<_>>>()?;
    let related = records("skill-relations.csv", RELATIONS)?
        .iter()
        .map(|r| Ok((token(&r[0])?, r[1].to_owned(), token(&r[2])?)))
        .collect::<Result<Vec<_>>>()?;
    // Polku's working translations.
    let index: std::collections::HashMap<String, usize> = concepts
        .iter()
        .enumerate()
        .map(|(i, c)| (c.uri.clone(), i))
        .collect();
    for r in records("working-labels.csv", WORKING)? {
        let Some(&i) = index.get(&r[0]) else {
            return Err(bad(
                "working-labels.csv",
                format!("unknown concept {}", &r[0]),
            ));
        };
        let c = &mut concepts[i];
        if !r[2].trim().is_empty() {
            c.label_fi = Some(r[2].trim().to_owned());
            c.working_fi = Some(alt_lines(&r[3]));
        }
        if !r[4].trim().is_empty() {
            c.label_sv = Some(r[4].trim().to_owned());
            c.working_sv = Some(alt_lines(&r[5]));
        }
    }
    Ok(EscoReference {
        concepts,
        broader,
        related,
        occupation_skills,
    })
}

/// What one load did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceLoad {
    /// The store already had this version (or a newer one): nothing was written.
    Current { version: i64 },
    /// The shipped data was written.
    Loaded {
        from: Option<i64>,
        version: i64,
        concepts: usize,
        relations: usize,
    },
}

impl Service {
    /// Loads the shipped ESCO data unless the store has this version already. One transaction.
    pub async fn load_reference_data(&self) -> Result<ReferenceLoad> {
        self.load_reference_version(ESCO_REFERENCE_VERSION, &shipped()?)
            .await
    }

    /// [`Service::load_reference_data`] with a given version and data (tests).
    pub async fn load_reference_version(
        &self,
        version: i64,
        data: &EscoReference,
    ) -> Result<ReferenceLoad> {
        let stored = self.store().get_meta(VERSION_KEY).await?;
        let stored: Option<i64> = stored.and_then(|v| v.parse().ok());
        if stored.is_some_and(|s| s >= version) {
            return Ok(ReferenceLoad::Current {
                version: stored.unwrap_or(version),
            });
        }
        self.store()
            .load_esco_reference(data, VERSION_KEY, version)
            .await?;
        Ok(ReferenceLoad::Loaded {
            from: stored,
            version,
            concepts: data.concepts.len(),
            relations: data.broader.len() + data.related.len() + data.occupation_skills.len(),
        })
    }

    /// The essential skills of an occupation (empty when unknown). Reference data: any
    /// signed-in user may read it.
    pub async fn essential_skills(
        &self,
        _actor: &Actor,
        occupation: &polku_domain::EscoUri,
    ) -> Result<Vec<polku_domain::EscoUri>> {
        let uris = self
            .store()
            .occupation_skills(occupation.as_str(), "essential")
            .await?;
        Ok(uris
            .iter()
            .filter_map(|u| polku_domain::EscoUri::parse(u).ok())
            .collect())
    }
}

/// What a concept's page shows besides its names: the concepts ESCO links to it, each with
/// its label (only concepts Polku has stored, so every one has a name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EscoLinks {
    /// For an occupation: its essential and optional skills.
    pub essential_skills: Vec<SkillHit>,
    pub optional_skills: Vec<SkillHit>,
    /// For a skill: the occupations that need it, essentially or optionally.
    pub essential_for: Vec<SkillHit>,
    pub optional_for: Vec<SkillHit>,
    /// For a skill: the skills ESCO relates to it.
    pub related: Vec<SkillHit>,
}

impl Service {
    /// The concepts linked to `uri`, labelled in `lang` and sorted by label. Reference data:
    /// any signed-in user may read it; nothing is audited.
    pub async fn esco_links(&self, _actor: &Actor, uri: &EscoUri, lang: &str) -> Result<EscoLinks> {
        let store = self.store();
        let named = |uris: Vec<String>| async move {
            let uris: Vec<EscoUri> = uris.iter().filter_map(|u| EscoUri::parse(u).ok()).collect();
            let mut hits: Vec<SkillHit> = self
                .esco_labels(&uris, lang)
                .await?
                .into_iter()
                .filter(|h| h.label != h.uri.as_str())
                .collect();
            hits.sort_by(|a, b| a.label.cmp(&b.label));
            Ok::<_, ServiceError>(hits)
        };
        let u = uri.as_str();
        Ok(match uri.kind() {
            EscoKind::Occupation => EscoLinks {
                essential_skills: named(store.occupation_skills(u, "essential").await?).await?,
                optional_skills: named(store.occupation_skills(u, "optional").await?).await?,
                ..EscoLinks::default()
            },
            EscoKind::Skill => EscoLinks {
                essential_for: named(store.skill_occupations(u, "essential").await?).await?,
                optional_for: named(store.skill_occupations(u, "optional").await?).await?,
                related: named(store.related_skills(u).await?).await?,
                ..EscoLinks::default()
            },
            EscoKind::Isco => EscoLinks::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_data_parses_and_is_complete() {
        let d = shipped().unwrap();
        let skills = d.concepts.iter().filter(|c| c.kind == "skill").count();
        let occs = d.concepts.iter().filter(|c| c.kind == "occupation").count();
        assert_eq!(skills, 13_913);
        assert_eq!(occs, 3_039);
        assert_eq!(d.broader.len(), 20_822);
        assert_eq!(d.related.len(), 5_818);
        // 128,931 rows less the repeated occupation–skill pairs of the source.
        assert!(
            d.occupation_skills.len() > 128_900,
            "{}",
            d.occupation_skills.len()
        );
        let working_fi = d.concepts.iter().filter(|c| c.working_fi.is_some()).count();
        let working_sv = d.concepts.iter().filter(|c| c.working_sv.is_some()).count();
        assert_eq!(working_fi, 1_120);
        assert_eq!(working_sv, 1_120);
        let cleaner = d
            .concepts
            .iter()
            .find(|c| c.label_fi.as_deref() == Some("siivooja"))
            .unwrap();
        assert_eq!(cleaner.kind, "occupation");
        assert!(cleaner
            .working_fi
            .as_deref()
            .unwrap()
            .contains("laitoshuoltaja"));
    }

    /// Changing a file in `data/esco/` without raising [`ESCO_REFERENCE_VERSION`] would leave
    /// stores with the old data: update both together.
    #[test]
    fn the_version_follows_the_files() {
        assert_eq!(
            (ESCO_REFERENCE_VERSION, shipped_checksum()),
            (1, SHIPPED_CHECKSUM),
            "data/esco changed: raise ESCO_REFERENCE_VERSION and update SHIPPED_CHECKSUM"
        );
    }
}
