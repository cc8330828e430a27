//! Breaking text into lines that fit a width.

use crate::fonts::{Measure, Style};

/// Breaks `text` into lines no wider than `width`: at spaces, at `\n`, and inside a word only
/// when the word alone is wider than the line. Runs of spaces collapse to one.
pub(crate) fn wrap(measure: &Measure, style: Style, text: &str, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for hard_line in text.split('\n') {
        let mut current = String::new();
        for word in hard_line.split_whitespace() {
            let candidate = if current.is_empty() {
                word.to_owned()
            } else {
                format!("{current} {word}")
            };
            if measure.width(style, &candidate) <= width {
                current = candidate;
                continue;
            }
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            if measure.width(style, word) <= width {
                current = word.to_owned();
            } else {
                let mut pieces = split_word(measure, style, word, width);
                current = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
            }
        }
        lines.push(current);
    }
    // A trailing empty line from a final `\n` carries nothing.
    while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// Splits one over-long word into pieces that each fit `width` (at least one character each).
fn split_word(measure: &Measure, style: Style, word: &str, width: f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    for ch in word.chars() {
        current.push(ch);
        if measure.width(style, &current) > width && current.chars().count() > 1 {
            current.pop();
            pieces.push(std::mem::take(&mut current));
            current.push(ch);
        }
    }
    pieces.push(current);
    pieces
}

/// The width of the widest word (the narrowest a column holding `text` can be without
/// splitting words) and of the whole text on one line.
pub(crate) fn widths(measure: &Measure, style: Style, text: &str) -> (f32, f32) {
    let min = text
        .split_whitespace()
        .map(|w| measure.width(style, w))
        .fold(0.0, f32::max);
    let max = text
        .split('\n')
        .map(|l| measure.width(style, l))
        .fold(0.0, f32::max);
    (min, max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{measure, Weight};

    const STYLE: Style = Style::new(Weight::Regular, 10.0);

    #[test]
    fn wraps_at_spaces_within_the_width() {
        let m = measure();
        let text = "Työkokeilun järjestäjä sitoutuu ohjaamaan osallistujaa työtehtävissä.";
        let lines = wrap(m, STYLE, text, 120.0);
        assert!(lines.len() > 2, "{lines:?}");
        for line in &lines {
            assert!(m.width(STYLE, line) <= 120.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn keeps_hard_line_breaks_and_splits_overlong_words() {
        let m = measure();
        let lines = wrap(m, STYLE, "a\nb", 500.0);
        assert_eq!(lines, ["a", "b"]);
        let long = "x".repeat(200);
        let lines = wrap(m, STYLE, &long, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), long);
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(wrap(measure(), STYLE, "", 100.0), [""]);
    }
}
