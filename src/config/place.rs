//! Where in the file a byte offset is, and where in the file a character
//! of a TOML string was written.
//!
//! toml gives byte ranges; people read lines and columns. A column counts
//! characters, as an editor's does and as the map language's columns do.
//! Inside a string the file and the value differ wherever an escape
//! (`\"`, `\u00e9`) stands for a character, so a column within a value is
//! found by walking the string as written.

use std::ops::Range;

/// The line and column, both from 1, of byte `at` of `text`.
pub(super) fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let line = before.matches('\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// The byte offset in `text` where character `index` (from 0) of the
/// string value written at `span` was written: its escape if it was
/// escaped, the closing quote if `index` is the value's length.
///
/// Falls back to the start of `span` if the span holds no TOML string.
pub(super) fn offset_in_string(text: &str, span: Range<usize>, index: usize) -> usize {
    let Some(raw) = text.get(span.clone()) else {
        return span.start;
    };
    let Some((quote, literal)) = [("\"\"\"", false), ("'''", true), ("\"", false), ("'", true)]
        .into_iter()
        .find(|(quote, _)| raw.len() >= 2 * quote.len() && raw.starts_with(quote))
    else {
        return span.start;
    };
    let multi_line = quote.len() == 3;
    let end = raw.len() - quote.len();
    let mut at = quote.len();
    if multi_line {
        // A line break right after the opening quotes is not part of the value.
        if raw[at..].starts_with("\r\n") {
            at += 2;
        } else if raw[at..].starts_with('\n') {
            at += 1;
        }
    }
    let mut left = index;
    while at < end {
        if !raw.is_char_boundary(at) {
            // Only an escape that toml would have refused leads here.
            return span.start;
        }
        let rest = &raw[at..end];
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        let width = if c == '\\' && !literal {
            match chars.next() {
                Some('u') => 6,
                Some('U') => 10,
                Some('x') => 4,
                Some(blank) if multi_line && blank.is_whitespace() => {
                    // A backslash ending a line takes the white space after
                    // it away, and stands for nothing.
                    let after = &rest[1..];
                    at += 1 + after.len() - after.trim_start().len();
                    continue;
                }
                Some(escaped) => 1 + escaped.len_utf8(),
                None => 1,
            }
        } else {
            c.len_utf8()
        };
        if left == 0 {
            return span.start + at;
        }
        left -= 1;
        at = (at + width).min(end);
    }
    span.start + at
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn lines_and_columns_count_from_one_in_characters() {
        let text = "a = 1\nbé = \"x\"\n";
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, 4), (1, 5));
        assert_eq!(line_and_column(text, 6), (2, 1));
        let quote = text.find('"').unwrap();
        assert_eq!(line_and_column(text, quote), (2, 6));
        assert_eq!(line_and_column(text, text.len()), (3, 1));
        assert_eq!(line_and_column(text, 999), (3, 1), "past the end");
        assert_eq!(line_and_column(text, 8), (2, 2), "inside a character");
    }

    /// The text of the file from where character `index` of the string at
    /// the start of `text` was written.
    fn from_index(text: &str, index: usize) -> &str {
        &text[offset_in_string(text, 0..text.len(), index)..]
    }

    #[test]
    fn characters_of_plain_strings_are_where_they_are_written() {
        assert_eq!(from_index(r#""abc""#, 0), r#"abc""#);
        assert_eq!(from_index(r#""abc""#, 2), r#"c""#);
        assert_eq!(
            from_index(r#""abc""#, 3),
            r#"""#,
            "the end is the closing quote"
        );
        assert_eq!(
            from_index("'a\\b'", 2),
            "b'",
            "no escapes in literal strings"
        );
        assert_eq!(from_index("'''a\\b'''", 2), "b'''");
    }

    #[test]
    fn an_escape_is_one_character_of_the_value() {
        let text = r#""a\"b\u00e9c\U0001F600d\\e\x41f""#;
        assert_eq!(from_index(text, 1), &text[2..]);
        assert_eq!(from_index(text, 2), &text[4..]);
        assert_eq!(from_index(text, 4), &text[11..]);
        assert_eq!(from_index(text, 6), &text[22..]);
        assert_eq!(from_index(text, 7), &text[23..]);
        assert_eq!(from_index(text, 8), &text[25..]);
        assert_eq!(from_index(text, 10), &text[30..]);
    }

    #[test]
    fn multi_line_strings_skip_their_first_break_and_line_ending_backslashes() {
        let text = "\"\"\"\nab\\\n    cd\"\"\"";
        assert_eq!(from_index(text, 0), "ab\\\n    cd\"\"\"");
        assert_eq!(from_index(text, 2), "cd\"\"\"");
    }

    #[test]
    fn a_span_without_a_string_gives_its_start() {
        assert_eq!(offset_in_string("x = 12", 4..6, 1), 4);
        assert_eq!(offset_in_string("x", 4..9, 1), 4);
    }

    proptest! {
        #[test]
        fn every_character_is_found_where_it_or_its_escape_is_written(
            value in "(\\PC|\\p{Cc}|[\"'\\\\\n\r\t]|é|😀){0,40}",
        ) {
            // Written as toml writes it: basic, literal or multi-line.
            let written = toml::Value::String(value.clone()).to_string();
            let text = format!("map = {written}\n");
            let table: toml::Table = toml::from_str(&text).unwrap();
            prop_assert_eq!(table["map"].as_str(), Some(value.as_str()));
            let span = 6..6 + written.len();
            let mut previous = None;
            for (index, c) in value.chars().enumerate() {
                let at = offset_in_string(&text, span.clone(), index);
                prop_assert!(previous.is_none_or(|before| at > before), "{text:?} {index}");
                let there = &text[at..];
                prop_assert!(there.starts_with(c) || there.starts_with('\\'), "{text:?} {index}");
                previous = Some(at);
            }
            let end = offset_in_string(&text, span.clone(), value.chars().count());
            prop_assert!(
                text[end..span.end].chars().all(|c| c == '"' || c == '\''),
                "{text:?}"
            );
        }
    }
}
