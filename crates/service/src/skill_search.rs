//! Finding ESCO skills and occupations by typing, with the analyzer of [`crate::analyzer`]
//! (Snowball stems, prefixes and Finnish compound parts): the database filters on the stored
//! search text, and the hits are ranked here with the label in the user's language first.

use crate::analyzer::{self, QueryTerm};
use crate::store::EscoConcept;
use crate::{Actor, Result, Service};
use polku_domain::{EscoKind, EscoUri};
use std::collections::HashMap;

/// One concept found or named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillHit {
    pub uri: EscoUri,
    /// The preferred label in the asked language, else another language's, else the URI.
    pub label: String,
    /// The label is Polku's working translation, not official ESCO (the interface marks it).
    pub working: bool,
    /// The language the label is in (`fi`, `sv` or `en`): a fallback to another language than
    /// the one asked is marked up with it (WCAG 3.1.2).
    pub lang: &'static str,
}

/// The preferred label in `lang` with a fallback to the other languages.
pub fn label_in(c: &EscoConcept, lang: &str) -> String {
    label_and_mark(c, lang).0
}

/// [`label_in`] and whether that label is Polku's working translation.
pub fn label_and_mark(c: &EscoConcept, lang: &str) -> (String, bool) {
    let fi = (&c.label_fi, c.working_fi.is_some());
    let sv = (&c.label_sv, c.working_sv.is_some());
    let en = (&c.label_en, false);
    let order = match lang {
        "sv" => [sv, fi, en],
        "en" => [en, fi, sv],
        _ => [fi, sv, en],
    };
    order
        .into_iter()
        .find_map(|(l, w)| l.as_ref().map(|l| (l.clone(), w)))
        .unwrap_or_else(|| (c.uri.clone(), false))
}

/// The language of the label [`label_and_mark`] picks.
pub fn label_lang(c: &EscoConcept, lang: &str) -> &'static str {
    let order: [(&Option<String>, &'static str); 3] = match lang {
        "sv" => [
            (&c.label_sv, "sv"),
            (&c.label_fi, "fi"),
            (&c.label_en, "en"),
        ],
        "en" => [
            (&c.label_en, "en"),
            (&c.label_fi, "fi"),
            (&c.label_sv, "sv"),
        ],
        _ => [
            (&c.label_fi, "fi"),
            (&c.label_sv, "sv"),
            (&c.label_en, "en"),
        ],
    };
    order
        .into_iter()
        .find_map(|(l, code)| l.as_ref().map(|_| code))
        .unwrap_or("en")
}

/// The label in `lang` only (no fallback), for ranking.
fn own_label<'a>(c: &'a EscoConcept, lang: &str) -> Option<&'a str> {
    match lang {
        "sv" => c.label_sv.as_deref(),
        "en" => c.label_en.as_deref(),
        _ => c.label_fi.as_deref(),
    }
}

/// Lower is better: the label in the user's own language matches, a word of the shown label
/// starts with the first word typed, the shown label is short.
fn rank(c: &EscoConcept, shown: &str, terms: &[QueryTerm], lang: &str) -> (u8, u8, usize) {
    let own = own_label(c, lang).is_some_and(|l| analyzer::matches(l, terms));
    let starts = terms.first().is_some_and(|t| {
        analyzer::words(shown)
            .iter()
            .any(|w| w.starts_with(t.word.as_str()))
    });
    (u8::from(!own), u8::from(!starts), shown.chars().count())
}

impl Service {
    /// ESCO skills whose labels match `query`, labelled in `lang`, best first, at most `limit`.
    /// Any signed-in user may search the reference data.
    pub async fn search_skills(
        &self,
        actor: &Actor,
        query: &str,
        lang: &str,
        limit: usize,
    ) -> Result<Vec<SkillHit>> {
        self.search_esco_concepts(actor, EscoKind::Skill, query, lang, limit)
            .await
    }

    /// [`Service::search_skills`] for concepts of any kind (occupations for goals).
    pub async fn search_esco_concepts(
        &self,
        _actor: &Actor,
        kind: EscoKind,
        query: &str,
        lang: &str,
        limit: usize,
    ) -> Result<Vec<SkillHit>> {
        let kind = match kind {
            EscoKind::Skill => "skill",
            EscoKind::Occupation => "occupation",
            EscoKind::Isco => "isco",
        };
        let terms = analyzer::query_terms(query, lang);
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let found = self.store().search_esco(kind, &terms, 300).await?;
        let mut hits: Vec<((u8, u8, usize), SkillHit)> = found
            .into_iter()
            .filter_map(|c| {
                let (label, working) = label_and_mark(&c, lang);
                let shown_lang = label_lang(&c, lang);
                let uri = EscoUri::parse(&c.uri).ok()?;
                let r = rank(&c, &label, &terms, lang);
                Some((
                    r,
                    SkillHit {
                        uri,
                        label,
                        working,
                        lang: shown_lang,
                    },
                ))
            })
            .collect();
        hits.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.label.cmp(&b.1.label)));
        Ok(hits.into_iter().take(limit).map(|(_, h)| h).collect())
    }

    /// The label in `lang` of each concept (the URI itself when it was never loaded), in the
    /// order given; one store query for the lot.
    pub async fn esco_labels(&self, uris: &[EscoUri], lang: &str) -> Result<Vec<SkillHit>> {
        let keys: Vec<String> = uris.iter().map(|u| u.as_str().to_owned()).collect();
        let found: HashMap<String, EscoConcept> = self
            .store()
            .get_esco_many(&keys)
            .await?
            .into_iter()
            .map(|c| (c.uri.clone(), c))
            .collect();
        Ok(uris
            .iter()
            .map(|uri| {
                let (label, working, shown_lang) = found.get(uri.as_str()).map_or_else(
                    || (uri.to_string(), false, "en"),
                    |c| {
                        let (label, working) = label_and_mark(c, lang);
                        (label, working, label_lang(c, lang))
                    },
                );
                SkillHit {
                    uri: uri.clone(),
                    label,
                    working,
                    lang: shown_lang,
                }
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fall_back_and_carry_the_working_mark() {
        let c = EscoConcept {
            uri: "http://data.europa.eu/esco/skill/x".into(),
            kind: "skill".into(),
            label_fi: Some("siivota".into()),
            working_fi: Some(String::new()),
            label_en: Some("clean".into()),
            ..EscoConcept::default()
        };
        assert_eq!(label_and_mark(&c, "fi"), ("siivota".into(), true));
        assert_eq!(label_and_mark(&c, "en"), ("clean".into(), false));
        // No Swedish label: the Finnish one, still marked.
        assert_eq!(label_and_mark(&c, "sv"), ("siivota".into(), true));
        assert_eq!(label_lang(&c, "sv"), "fi");
        assert_eq!(label_lang(&c, "en"), "en");
    }
}
