//! A light check of BCP 47 language tags (RFC 5646 shape, not the registry).

use crate::error::Error;

/// Whether `tag` has the shape of BCP 47: a 2–3 letter (or 5–8 letter) primary language
/// subtag, then subtags of 1–8 letters or digits separated by hyphens.
pub(crate) fn check(tag: &str) -> Result<(), Error> {
    let invalid = || Error::InvalidLanguage(tag.to_owned());
    let mut subtags = tag.split('-');
    let primary = subtags.next().ok_or_else(invalid)?;
    let primary_ok =
        matches!(primary.len(), 2 | 3 | 5..=8) && primary.bytes().all(|b| b.is_ascii_alphabetic());
    if !primary_ok {
        return Err(invalid());
    }
    for subtag in subtags {
        let ok =
            (1..=8).contains(&subtag.len()) && subtag.bytes().all(|b| b.is_ascii_alphanumeric());
        if !ok {
            return Err(invalid());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn accepts_the_languages_polku_writes() {
        for tag in [
            "fi",
            "sv",
            "en",
            "fi-FI",
            "sv-FI",
            "se",
            "fi-x-selko",
            "zh-Hant-TW",
        ] {
            assert!(check(tag).is_ok(), "{tag}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_tag() {
        for tag in [
            "",
            "f",
            "suomi finska",
            "fi_FI",
            "fi-",
            "-fi",
            "fi-toolongsubtag",
            "ä",
        ] {
            assert!(check(tag).is_err(), "{tag}");
        }
    }
}
