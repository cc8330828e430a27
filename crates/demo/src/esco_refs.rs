//! Lookups into the ESCO table of the demo data ([`super::esco_table`]) by key and by sector.

use super::esco_table::{OCCUPATIONS, SKILLS};
use super::sector::Sector;
use polku_domain::{EscoKind, EscoUri};
use polku_service::{Result, ServiceError};

const SKILL: &str = "http://data.europa.eu/esco/skill/";
const OCCUPATION: &str = "http://data.europa.eu/esco/occupation/";

fn uri(prefix: &str, id: &str, kind: EscoKind) -> Result<EscoUri> {
    let u = EscoUri::parse(&format!("{prefix}{id}"))?;
    if u.kind() != kind {
        return Err(ServiceError::Config(format!(
            "demo data: {u} is not a {kind:?}"
        )));
    }
    Ok(u)
}

/// The ESCO skill with demo key `key`.
pub fn skill(key: &str) -> Result<EscoUri> {
    let (_, _, id) = SKILLS
        .iter()
        .find(|(k, _, _)| *k == key)
        .ok_or_else(|| ServiceError::Config(format!("demo data: unknown skill key {key:?}")))?;
    uri(SKILL, id, EscoKind::Skill)
}

/// The skills of a sector, as URIs.
pub fn skills_of(sector: Sector) -> Result<Vec<EscoUri>> {
    SKILLS
        .iter()
        .filter(|(_, s, _)| *s == sector)
        .map(|(_, _, id)| uri(SKILL, id, EscoKind::Skill))
        .collect()
}

/// The occupations of a sector, as URIs.
pub fn occupations_of(sector: Sector) -> Result<Vec<EscoUri>> {
    OCCUPATIONS
        .iter()
        .filter(|(_, s, _)| *s == sector)
        .map(|(_, _, id)| uri(OCCUPATION, id, EscoKind::Occupation))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_uri_parses_and_keys_are_unique() {
        let mut keys = std::collections::BTreeSet::new();
        for (k, _, _) in SKILLS.iter().chain(OCCUPATIONS) {
            assert!(keys.insert(*k), "duplicate key {k}");
        }
        for (k, _, _) in SKILLS {
            assert_eq!(skill(k).expect("skill").kind(), EscoKind::Skill);
        }
        for s in Sector::EMPLOYERS {
            assert!(skills_of(s).expect("skills").len() >= 5, "{s:?}");
            assert!(occupations_of(s).expect("occupations").len() >= 2, "{s:?}");
        }
        assert!(skills_of(Sector::General).expect("general").len() >= 5);
        assert!(skill("no_such_skill").is_err());
    }
}
