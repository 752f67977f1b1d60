//! Wrapping text to a width while remembering where each line came from.
//!
//! [`wrap`] returns byte ranges into the original text, so anything that
//! points into the text (entity mentions, search hits) can be laid over the
//! wrapped lines without translation.

use std::ops::Range;

use textwrap::Options;

/// Wraps `text` to `width` display cells (CJK and emoji count two).
///
/// Every line of the text is wrapped on its own, so paragraphs (blank lines)
/// are kept; a blank line gives an empty range. Trailing spaces are left out
/// of a line's range. Words longer than the width are broken.
///
/// ```
/// let text = "one two three\n\nfour";
/// let lines: Vec<&str> = newsdesk::wrap::wrap(text, 8).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(lines, ["one two", "three", "", "four"]);
/// ```
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let options = Options::new(width.max(1)).break_words(true);
    let mut lines = Vec::new();
    let mut line_start = 0;
    for raw_line in text.split('\n') {
        let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        if line.trim().is_empty() {
            lines.push(line_start..line_start);
        } else {
            let mut cursor = 0;
            for piece in textwrap::wrap(line, &options) {
                let start = offset_in(line, &piece, cursor);
                let end = start + piece.len();
                lines.push(line_start + start..line_start + end);
                cursor = end;
            }
        }
        line_start += raw_line.len() + 1;
    }
    lines
}

/// Where `piece` lies in `line`. textwrap hands back slices of its input
/// when no indent or hyphen is added (we add neither), so the offset is the
/// pointer distance; a copy is looked for from `cursor` as a fallback.
fn offset_in(line: &str, piece: &str, cursor: usize) -> usize {
    let offset = (piece.as_ptr() as usize).wrapping_sub(line.as_ptr() as usize);
    if offset <= line.len() && line.get(offset..offset + piece.len()) == Some(piece) {
        return offset;
    }
    line[cursor..].find(piece).map_or(cursor, |at| cursor + at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_width::UnicodeWidthStr;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_word_boundaries_and_keeps_paragraphs() {
        assert_eq!(
            lines("one two three four\n\nfive six", 9),
            ["one two", "three", "four", "", "five six"]
        );
    }

    #[test]
    fn ranges_point_into_the_original_text() {
        let text = "alpha beta\r\ngamma delta epsilon";
        let ranges = wrap(text, 11);
        assert_eq!(ranges, [0..10, 12..23, 24..31]);
    }

    #[test]
    fn wide_characters_count_double() {
        let text = "日本語の文章です";
        for line in lines(text, 6) {
            assert!(line.width() <= 6, "{line}");
        }
        assert_eq!(lines(text, 6).concat(), text);
    }

    #[test]
    fn long_words_are_broken() {
        let word = "x".repeat(25);
        assert_eq!(
            lines(&word, 10),
            ["x".repeat(10), "x".repeat(10), "x".repeat(5)]
        );
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(wrap("", 10), vec![0..0]);
    }

    proptest! {
        #[test]
        fn lines_fit_and_reassemble_the_words(text in "[a-zé日 \n]{0,200}", width in 2usize..40) {
            let ranges = wrap(&text, width);
            let mut rebuilt = String::new();
            let mut previous_end = 0;
            for range in &ranges {
                prop_assert!(range.start >= previous_end, "lines go forward");
                prop_assert!(text[range.clone()].width() <= width);
                rebuilt.push_str(&text[range.clone()]);
                rebuilt.push(' ');
                previous_end = range.end;
            }
            let words = |s: &str| s.split_whitespace().collect::<String>();
            prop_assert_eq!(words(&rebuilt), words(&text));
        }
    }
}
