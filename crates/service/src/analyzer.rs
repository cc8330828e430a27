//! The text analyzer behind ESCO search: lower-cased words, Snowball stems (Finnish, Swedish and
//! English, from the maintained `rust-stemmers` crate) and Finnish compound splitting with the
//! shipped labels' own Finnish words as the dictionary ("asiakaspalvelu" → "asiakas" +
//! "palvelu", so it also finds "palvella asiakkaita").
//!
//! The store keeps [`index_text`] of every concept in `esco_concepts.search_text`: a space-framed
//! list of tokens (each label word, its three stems and its compound parts). A query becomes
//! [`QueryTerm`]s of token prefixes, which the database matches with `LIKE '% prefix%'`, so
//! "siivoo", "städ" and "varasto" find "siivooja", "städning" and "varastotyöntekijä".
//!
//! Why a dictionary and not Voikko: libvoikko and its Finnish dictionary are system packages
//! that not every installation (or the container images, or Windows) has, and search must work
//! without them; the labels Polku ships already contain the words users search for, so splitting
//! against them finds the compounds that matter, with no native dependency.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeSet, HashSet};
use std::sync::LazyLock;

static FI: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Finnish));
static SV: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Swedish));
static EN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// A compound part is at least this long (so "työ" and "ajo" still count).
const MIN_PART: usize = 3;
/// A prefix shorter than this is only used as the whole word typed.
const MIN_STEM: usize = 3;
/// A Finnish prefix keeps at least this many letters when its end is cut (see [`query_terms`]).
const FI_KEEP: usize = 5;
/// A Swedish prefix keeps at least this many letters when its end is cut (see [`query_terms`]).
const SV_KEEP: usize = 4;

/// Lower-case words of letters (hyphens and punctuation separate words).
pub fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The Snowball stem of one lower-case word: Finnish for `fi` (and plain-language Finnish),
/// Swedish for `sv`, English otherwise.
pub fn stem(word: &str, lang: &str) -> String {
    let s = match lang {
        "fi" | "fi-x-selko" => &*FI,
        "sv" => &*SV,
        _ => &*EN,
    };
    s.stem(word).into_owned()
}

/// The Finnish compound dictionary: every Finnish word of the shipped working labels and of
/// the shipped occupation and skill names that are Finnish, with their stems.
struct Dictionary {
    words: HashSet<String>,
    stems: HashSet<String>,
    /// The starts (at least five letters) of the words, the words themselves excluded.
    heads: HashSet<String>,
}

/// Polku's own Finnish and Swedish working labels (`data/esco/working-labels.csv`): loaded as
/// reference data by [`crate::reference`], and the compound dictionary here.
pub const WORKING_LABELS: &str = include_str!("../../../data/esco/working-labels.csv");

/// The Finnish words of the shipped working labels: labels and alternative labels.
pub fn finnish_vocabulary() -> Vec<String> {
    let mut out = Vec::new();
    for rec in csv::Reader::from_reader(WORKING_LABELS.as_bytes())
        .records()
        .flatten()
    {
        out.extend(rec.get(2).map(str::to_owned));
        out.extend(rec.get(3).map(str::to_owned));
    }
    out
}

static DICTIONARY: LazyLock<Dictionary> = LazyLock::new(|| {
    let mut words = HashSet::new();
    for text in finnish_vocabulary() {
        for w in self::words(&text) {
            if w.chars().count() >= MIN_PART {
                words.insert(w);
            }
        }
    }
    let stems = words.iter().map(|w| stem(w, "fi")).collect();
    let mut heads = HashSet::new();
    for w in &words {
        let chars: Vec<char> = w.chars().collect();
        for n in 5..chars.len() {
            heads.insert(chars[..n].iter().collect());
        }
    }
    Dictionary {
        words,
        stems,
        heads,
    }
});

/// A known word: in the dictionary, or a stem of one. A compound's first part may also be the
/// start of a dictionary word ("asiakas" of "asiakaspalvelija").
fn known(part: &str, head: bool) -> bool {
    let d = &*DICTIONARY;
    d.words.contains(part)
        || d.stems.contains(&stem(part, "fi"))
        || (head && d.heads.contains(part))
}

/// The parts of a Finnish compound whose parts are all known words (the longest first part
/// wins), or `None` when it is not such a compound.
pub fn split_compound(word: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 2 * MIN_PART {
        return None;
    }
    for cut in (MIN_PART..=chars.len() - MIN_PART).rev() {
        let head: String = chars[..cut].iter().collect();
        if !known(&head, true) {
            continue;
        }
        let tail: String = chars[cut..].iter().collect();
        if known(&tail, false) {
            return Some(vec![head, tail]);
        }
        if let Some(mut rest) = split_compound(&tail) {
            rest.insert(0, head);
            return Some(rest);
        }
    }
    None
}

/// What the store keeps to search one concept: `" token token … "`, each label word, its fi, sv
/// and en stems, and the parts of the Finnish labels' compounds with their stems; sorted and
/// without repeats. `finnish` are the concept's Finnish texts (labels and alternative labels),
/// `others` its texts in the other languages.
pub fn index_text(finnish: &[&str], others: &[&str]) -> String {
    let mut tokens = BTreeSet::new();
    for text in finnish {
        for w in words(text) {
            if let Some(parts) = split_compound(&w) {
                for p in parts {
                    tokens.insert(stem(&p, "fi"));
                    tokens.insert(p);
                }
            }
        }
    }
    for text in finnish.iter().chain(others) {
        for w in words(text) {
            for lang in ["fi", "sv", "en"] {
                tokens.insert(stem(&w, lang));
            }
            tokens.insert(w);
        }
    }
    let mut out = String::from(" ");
    for t in tokens {
        out.push_str(&t);
        out.push(' ');
    }
    out
}

/// One word of a query: it matches when any alternative matches, and an alternative matches when
/// the concept has a token starting with each of its prefixes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    /// The word as typed, lower-cased (ranking prefers labels with a word starting with it).
    pub word: String,
    pub alternatives: Vec<Vec<String>>,
}

/// The terms of a query in `lang`: at most four words of letters, each as its stem in `lang`
/// (the word itself when the stem is not a prefix of it or too short), and for a Finnish
/// compound also as all its parts. Finnish stems still vary at their end where Snowball stops
/// (consonant gradation: asiakas/asiakkaita; derivation: siivous/siivota/siivooja), so a Finnish
/// prefix drops the stem's last three letters, keeping at least [`FI_KEEP`]. Swedish nouns in
/// -ning/-ing keep their ending under Snowball (städning, städa), so a Swedish prefix drops the
/// stem's last four letters, keeping at least [`SV_KEEP`].
pub fn query_terms(query: &str, lang: &str) -> Vec<QueryTerm> {
    let all = words(query);
    let long: Vec<String> = all
        .iter()
        .filter(|w| w.chars().count() >= 2)
        .cloned()
        .collect();
    let chosen = if long.is_empty() { all } else { long };
    chosen
        .into_iter()
        .take(4)
        .map(|w| {
            let prefix = |word: &str, lang: &str| {
                let s = stem(word, lang);
                let s = if s.chars().count() >= MIN_STEM && word.starts_with(&s) {
                    s
                } else {
                    word.to_owned()
                };
                let n = s.chars().count();
                if matches!(lang, "fi" | "fi-x-selko") && n > FI_KEEP {
                    s.chars().take(FI_KEEP.max(n - 3)).collect()
                } else if lang == "sv" && n > SV_KEEP {
                    s.chars().take(SV_KEEP.max(n - 4)).collect()
                } else {
                    s
                }
            };
            let mut alternatives = vec![vec![prefix(&w, lang)]];
            if let Some(parts) = split_compound(&w) {
                alternatives.push(parts.iter().map(|p| prefix(p, "fi")).collect());
            }
            QueryTerm {
                word: w,
                alternatives,
            }
        })
        .collect()
}

/// Whether `text` (a label) matches every term, by the same rules as the store.
pub fn matches(text: &str, terms: &[QueryTerm]) -> bool {
    let index = index_text(&[text], &[]);
    terms.iter().all(|t| {
        t.alternatives
            .iter()
            .any(|alt| alt.iter().all(|p| index.contains(&format!(" {p}"))))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(label: &str, query: &str, lang: &str) -> bool {
        matches(label, &query_terms(query, lang))
    }

    #[test]
    fn snowball_stems_join_inflected_forms() {
        assert_eq!(stem("siivouksen", "fi"), stem("siivouksessa", "fi"));
        assert_eq!(stem("varastossa", "fi"), stem("varaston", "fi"));
        assert_eq!(stem("städningen", "sv"), stem("städning", "sv"));
        assert_eq!(stem("cleaning", "en"), "clean");
    }

    #[test]
    fn the_six_queries_of_the_review_find_their_labels() {
        assert!(hits("siivooja", "siivous", "fi"));
        assert!(hits("siivota tiloja", "siivoo", "fi"));
        assert!(hits("siivota tiloja", "siivouksen", "fi"));
        assert!(hits("varastotyöntekijä", "varasto", "fi"));
        assert!(hits("varastossa työskentely", "varasto", "fi"));
        assert!(hits("asiakaspalvelija", "asiakaspalvelu", "fi"));
        assert!(hits("palvella asiakkaita", "asiakaspalvelu", "fi"));
        assert!(hits("asiakkaiden palvelu", "asiakaspalvelu", "fi"));
        assert!(hits("städning av lokaler", "städ", "sv"));
        assert!(hits("lagerarbetare", "lager", "sv"));
        assert!(hits("städa lokaler", "städning", "sv"));
        assert!(hits("lager", "lager", "sv"));
    }

    #[test]
    fn unrelated_labels_do_not_match() {
        assert!(!hits("kokki", "siivous", "fi"));
        assert!(!hits("palvella asiakkaita", "varasto", "fi"));
        assert!(!hits("kock", "städ", "sv"));
        // Every word must match, not just one.
        assert!(!hits("siivooja", "siivous varasto", "fi"));
    }

    #[test]
    fn compounds_split_on_known_words_only() {
        assert_eq!(
            split_compound("asiakaspalvelu"),
            Some(vec!["asiakas".to_owned(), "palvelu".to_owned()])
        );
        assert_eq!(split_compound("xqzwvkjhgf"), None);
        assert_eq!(split_compound("työ"), None);
    }

    #[test]
    fn queries_are_lower_cased_words_at_most_four() {
        let t = query_terms("SIIVOUS, ja työ! a b c d e", "fi");
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].word, "siivous");
        assert!(query_terms("  ", "fi").is_empty());
        assert!(query_terms("ÅLAND", "sv")[0].word == "åland");
    }
}
