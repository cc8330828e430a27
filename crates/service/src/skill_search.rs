//! Finding ESCO skills by typing: the query's words are reduced to stems with simple Finnish,
//! Swedish or English suffix stripping (so "siivous", "siivouksen" and "siivota" all look for
//! "siivo"), matched against every label of the imported concepts, and ranked with the label in
//! the user's language first.

use crate::store::EscoConcept;
use crate::{Actor, Result, Service};
use polku_domain::{EscoKind, EscoUri};

/// Finnish case endings and common derivations, longest first.
const FI_SUFFIXES: &[&str] = &[
    "aminen", "äminen", "uksien", "yksien", "uksen", "yksen", "uksia", "yksiä", "uksella",
    "yksellä", "minen", "uksi", "yksi", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä",
    "lle", "ksi", "ine", "tta", "ttä", "iin", "ien", "ita", "itä", "na", "nä", "ta", "tä", "us",
    "ys", "ja", "jä", "en", "in", "an", "än", "on", "un", "yn", "ön", "n", "t", "a", "ä", "i", "e",
];

/// Swedish inflection and derivation endings, longest first.
const SV_SUFFIXES: &[&str] = &[
    "ningarna", "ningar", "ningen", "heterna", "heten", "arna", "erna", "orna", "ande", "ende",
    "ning", "else", "het", "are", "ar", "er", "or", "en", "et", "na", "a", "e", "s", "t",
];

/// English endings, longest first.
const EN_SUFFIXES: &[&str] = &["ings", "ing", "ies", "es", "ed", "s"];

/// A stem keeps at least this many characters.
const MIN_STEM: usize = 4;

/// The stem of one lower-case word in `lang` (`fi`, `sv`, otherwise English).
pub fn stem(word: &str, lang: &str) -> String {
    let suffixes = match lang {
        "fi" | "fi-x-selko" => FI_SUFFIXES,
        "sv" => SV_SUFFIXES,
        _ => EN_SUFFIXES,
    };
    let n = word.chars().count();
    for suf in suffixes {
        let k = suf.chars().count();
        if n >= MIN_STEM + k && word.ends_with(suf) {
            return word[..word.len() - suf.len()].to_owned();
        }
    }
    word.to_owned()
}

/// The stems to look for: lower-case words of letters, at most three, each stemmed.
pub fn search_stems(query: &str, lang: &str) -> Vec<String> {
    let lower = query.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let long: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.chars().count() >= 3)
        .collect();
    let chosen = if long.is_empty() { words } else { long };
    chosen.into_iter().take(3).map(|w| stem(w, lang)).collect()
}

/// One skill found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillHit {
    pub uri: EscoUri,
    /// The preferred label in the asked language, else another language's, else the URI.
    pub label: String,
}

/// The preferred label in `lang` with a fallback to the other languages.
pub fn label_in(c: &EscoConcept, lang: &str) -> String {
    let order = match lang {
        "sv" => [&c.label_sv, &c.label_fi, &c.label_en],
        "en" => [&c.label_en, &c.label_fi, &c.label_sv],
        _ => [&c.label_fi, &c.label_sv, &c.label_en],
    };
    order
        .into_iter()
        .flatten()
        .next()
        .cloned()
        .unwrap_or_else(|| c.uri.clone())
}

/// Lower is better: the label in the user's language holds every stem, starts with the first,
/// is short.
fn rank(label: &str, stems: &[String]) -> (u8, u8, usize) {
    let l = label.to_lowercase();
    let all = stems.iter().all(|s| l.contains(s.as_str()));
    let starts = stems.first().is_some_and(|s| {
        l.split(|c: char| !c.is_alphabetic())
            .any(|w| w.starts_with(s.as_str()))
    });
    (u8::from(!all), u8::from(!starts), l.chars().count())
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
        let stems = search_stems(query, lang);
        if stems.is_empty() {
            return Ok(Vec::new());
        }
        let pattern = |i: usize| {
            stems
                .get(i)
                .map_or_else(|| "%".to_owned(), |s| format!("%{s}%"))
        };
        let patterns = [pattern(0), pattern(1), pattern(2)];
        let found = self.store().search_esco(kind, &patterns, 300).await?;
        let mut hits: Vec<((u8, u8, usize), SkillHit)> = found
            .into_iter()
            .filter_map(|c| {
                let label = label_in(&c, lang);
                let uri = EscoUri::parse(&c.uri).ok()?;
                Some((rank(&label, &stems), SkillHit { uri, label }))
            })
            .collect();
        hits.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.label.cmp(&b.1.label)));
        Ok(hits.into_iter().take(limit).map(|(_, h)| h).collect())
    }

    /// The label in `lang` of each concept (the URI itself when it was never imported).
    pub async fn esco_labels(&self, uris: &[EscoUri], lang: &str) -> Result<Vec<SkillHit>> {
        let mut out = Vec::with_capacity(uris.len());
        for uri in uris {
            let label = match self.store().get_esco(uri.as_str()).await? {
                Some(c) => label_in(&c, lang),
                None => uri.to_string(),
            };
            out.push(SkillHit {
                uri: uri.clone(),
                label,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_variants_share_a_stem() {
        for w in ["siivous", "siivouksen", "siivota", "siivoaminen", "siivoja"] {
            assert_eq!(stem(w, "fi"), "siivo", "{w}");
        }
        assert_eq!(stem("työ", "fi"), "työ");
    }

    #[test]
    fn swedish_and_english_variants_share_a_stem() {
        for w in ["städning", "städa", "städar", "städningen"] {
            assert_eq!(stem(w, "sv"), "städ", "{w}");
        }
        assert_eq!(stem("cleaning", "en"), "clean");
        assert_eq!(search_stems("Siivous, ja työ!", "fi"), vec!["siivo", "työ"]);
    }
}
