//! Wrapping text to a width while remembering where each line came from.
//!
//! [`wrap`] returns byte ranges into the original text, so anything that
//! points into the text (entity mentions, search hits) can be laid over the
//! wrapped lines without translation. Widths are those of the text as it is
//! shown ([`crate::text::shown`]): a control counts as its stand-in, a tab
//! as the spaces to its stop, and lines break only between grapheme
//! clusters.

use std::ops::Range;

use crate::text::{MAX_UNIT_WIDTH, shown, units};

/// The narrowest width honoured: the widest unit of text (a stand-in such
/// as `<U+E0001>`) must fit on a line.
pub const MIN_WIDTH: usize = MAX_UNIT_WIDTH + 1;

/// Wraps `text` to `width` display cells (at least [`MIN_WIDTH`]).
///
/// Every line of the text (ended by `\n`, `\r\n` or a lone `\r`) is
/// wrapped on its own, so paragraphs (blank lines) are kept; a blank line
/// gives an empty range. Lines break after the last word that fits, or
/// inside a word longer than the width. Whitespace at a break is left out
/// of both lines' ranges.
///
/// ```
/// let text = "one two three\n\nfour";
/// let lines: Vec<&str> = newsdesk::wrap::wrap(text, 10).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(lines, ["one two", "three", "", "four"]);
/// ```
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(MIN_WIDTH);
    let mut lines = Vec::new();
    for line in source_lines(text) {
        wrap_line(text, line, width, &mut lines);
    }
    lines
}

/// The byte ranges of the lines of `text`, without their line breaks
/// (`\n`, `\r\n` or a lone `\r`): its paragraphs.
pub(crate) fn source_lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let Some(offset) = memchr::memchr2(b'\n', b'\r', &bytes[from..]) else {
            start = None;
            return Some(from..text.len());
        };
        let end = from + offset;
        let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
        start = Some(end + if crlf { 2 } else { 1 });
        Some(from..end)
    })
}

/// Whether `text` is drawn blank, so a line may break there: spaces, tabs
/// and ideographic spaces. Other white space (a line separator, a form
/// feed) is drawn as a stand-in and stays on its line.
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(|c| matches!(c, ' ' | '\t' | '\u{3000}'))
}

/// Wraps the source line at `range` of `text`, adding its lines to `out`.
fn wrap_line(text: &str, range: Range<usize>, width: usize, out: &mut Vec<Range<usize>>) {
    let line = &text[range.clone()];
    let bytes = line.as_bytes();
    let mut filler = Filler {
        line,
        base: range.start,
        width,
        out,
        start: 0,
        word_end: 0,
        word_start: 0,
        word_column: 0,
        in_word: false,
        column: 0,
        emitted_any: false,
    };
    let word_byte = |b: u8| (b'!'..=b'~').contains(&b);
    let mut units = units(line);
    let mut at = 0;
    while at < bytes.len() {
        // A run of printable ASCII is placed in bulk: every byte is a
        // unit one cell wide. Its last byte is left to the units when a
        // non-ASCII character (perhaps a combining mark) follows.
        if word_byte(bytes[at]) {
            let mut end = at + 1;
            while end < bytes.len() && word_byte(bytes[end]) {
                end += 1;
            }
            if end < bytes.len() && !bytes[end].is_ascii() {
                end -= 1;
            }
            if end > at {
                filler.word_run(at, end);
                at = end;
                units.seek(at);
                continue;
            }
        }
        let Some((unit_at, unit)) = units.next() else {
            break;
        };
        let cells = shown(unit, filler.column).width();
        if is_blank(unit) {
            filler.space(unit_at, cells);
        } else {
            filler.word_unit(unit_at, cells);
        }
        at = unit_at + unit.len();
    }
    filler.finish();
}

/// The state of one source line being cut into lines.
struct Filler<'a> {
    line: &'a str,
    base: usize,
    width: usize,
    out: &'a mut Vec<Range<usize>>,
    /// Where the line being filled starts.
    start: usize,
    /// Where its last finished word ends (0 before the first).
    word_end: usize,
    /// Where the word being read began, and at which column.
    word_start: usize,
    word_column: usize,
    in_word: bool,
    column: usize,
    emitted_any: bool,
}

impl Filler<'_> {
    /// Lines end at a word's end or inside a word; only a line of nothing
    /// but indentation has white space to drop.
    fn emit(&mut self, from: usize, to: usize) {
        let to = if is_blank(&self.line[from..to]) {
            from
        } else {
            to
        };
        self.out.push(self.base + from..self.base + to);
        self.emitted_any = true;
    }

    fn space(&mut self, at: usize, cells: usize) {
        if self.in_word {
            self.word_end = at;
            self.in_word = false;
        }
        self.column += cells;
    }

    fn word_unit(&mut self, at: usize, cells: usize) {
        if !self.in_word {
            self.in_word = true;
            self.word_start = at;
            self.word_column = self.column;
        }
        if self.column + cells > self.width && self.column > 0 {
            if self.word_end <= self.start && self.word_start > self.start {
                // Only indentation before the word: it cannot fit with it,
                // so it goes, rather than standing as a blank line.
                self.start = self.word_start;
                self.column -= self.word_column;
                self.word_column = 0;
            } else if self.word_end > self.start && self.word_start > self.start {
                // Move the word to a new line.
                self.emit(self.start, self.word_end);
                self.start = self.word_start;
                self.column -= self.word_column;
                self.word_column = 0;
            }
            if self.column + cells > self.width && self.column > 0 {
                // A word wider than the line: break it here.
                self.emit(self.start, at);
                self.start = at;
                self.word_start = at;
                self.column = 0;
                self.word_column = 0;
            }
        }
        self.column += cells;
    }

    /// Bytes `from..to` of the line, all printable ASCII: one
    /// [`Self::word_unit`] each, with the ones that cannot break a line
    /// taken together.
    fn word_run(&mut self, from: usize, to: usize) {
        let mut at = from;
        while at < to {
            self.word_unit(at, 1);
            at += 1;
            let fits = (to - at).min(self.width.saturating_sub(self.column));
            self.column += fits;
            at += fits;
        }
    }

    fn finish(mut self) {
        let end = if self.in_word {
            self.line.len()
        } else {
            self.word_end.max(self.start)
        };
        if !self.emitted_any || end > self.start {
            self.emit(self.start, end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::units_in;
    use proptest::prelude::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    /// Display cells of a wrapped line, as the body pane draws it.
    fn cells_in(text: &str, range: Range<usize>) -> usize {
        units_in(text, range).fold(0, |column, (_, u)| column + shown(u, column).width())
    }

    #[test]
    fn wraps_at_word_boundaries_and_keeps_paragraphs() {
        assert_eq!(
            lines("one two three four five\n\nsix seven", 13),
            ["one two three", "four five", "", "six seven"]
        );
    }

    #[test]
    fn ranges_point_into_the_original_text() {
        let text = "alpha beta\r\ngamma delta epsilon";
        assert_eq!(wrap(text, 11), [0..10, 12..23, 24..31]);
    }

    #[test]
    fn every_line_break_ends_a_line() {
        assert_eq!(lines("a\r\nb\rc\nd\r\r", 20), ["a", "b", "c", "d", "", ""]);
    }

    #[test]
    fn wide_characters_count_double() {
        let text = "日本語の文章ですよね";
        assert_eq!(lines(text, 10), ["日本語の文", "章ですよね"]);
        assert_eq!(lines(text, 11), ["日本語の文", "章ですよね"]);
    }

    #[test]
    fn stand_ins_and_tabs_are_measured_as_shown() {
        // "<RLO>" takes five cells, a tab reaches column 8.
        assert_eq!(lines("abcde\u{202e}fghij", 10), ["abcde\u{202e}", "fghij"]);
        assert_eq!(lines("abcd \u{202e}fghij", 10), ["abcd", "\u{202e}fghij"]);
        assert_eq!(lines("ab\tcd efghij", 12), ["ab\tcd", "efghij"]);
        assert_eq!(
            lines("\u{1b}[2J\u{1b}[2J\u{1b}[2J", 10),
            ["\u{1b}[2J\u{1b}[2J\u{1b}[", "2J"]
        );
    }

    #[test]
    fn clusters_are_never_split() {
        let family = "👩\u{200d}👩\u{200d}👧";
        let text = family.repeat(8);
        for line in lines(&text, 11) {
            assert!(line.len() % family.len() == 0, "{line:?}");
        }
        let accents = "e\u{301}".repeat(30);
        assert_eq!(lines(&accents, 10)[0], "e\u{301}".repeat(10));
    }

    #[test]
    fn long_words_are_broken() {
        let word = "x".repeat(25);
        assert_eq!(
            lines(&word, 10),
            ["x".repeat(10), "x".repeat(10), "x".repeat(5)]
        );
        let url = format!("see https://{}", "a".repeat(300_000));
        let wrapped = wrap(&url, 80);
        assert!(wrapped.len() > 300_000 / 80, "{}", wrapped.len());
        assert!(wrapped.iter().all(|r| r.len() <= 80));
    }

    #[test]
    fn only_blank_space_breaks_a_line_and_wide_indentation_goes() {
        assert_eq!(
            lines("aaaaaaaa\u{2028}\u{2028}bb", 10),
            ["aaaaaaaa", "\u{2028}\u{2028}bb"]
        );
        assert_eq!(lines("\u{2029}\u{85}\u{c}", 10), ["\u{2029}\u{85}\u{c}"]);
        assert_eq!(lines("              ab", 10), ["ab"]);
        assert_eq!(lines("\t\tab cd", 10), ["ab cd"]);
        assert_eq!(lines("  ab", 10), ["  ab"], "indentation that fits stays");
    }

    #[test]
    fn narrow_widths_wrap_at_the_minimum() {
        assert_eq!(wrap("abcdefghijkl", 1), wrap("abcdefghijkl", MIN_WIDTH));
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(wrap("", 10), vec![0..0]);
        assert_eq!(wrap("   ", 10), vec![0..0]);
    }

    proptest! {
        #[test]
        fn lines_fit_go_forward_and_keep_every_cluster(
            text in "(\\PC|\\p{Cc}|\\p{Cf}|\\p{M}|[ \t\n\r]|👩\u{200d}💻|\u{1b}\\[2J|e\u{301}{20,60}){0,120}",
            width in 0usize..50,
        ) {
            let ranges = wrap(&text, width);
            let mut kept = Vec::new();
            let mut previous_end = 0;
            for range in &ranges {
                prop_assert!(range.start >= previous_end, "lines go forward");
                let line = &text[range.clone()];
                prop_assert!(cells_in(&text, range.clone()) <= width.max(MIN_WIDTH), "{line:?}");
                kept.extend(units_in(&text, range.clone()).filter(|(_, u)| !is_blank(u)));
                previous_end = range.end;
            }
            // Every unit that is not white space is on some line, in order,
            // and whole.
            let all: Vec<(usize, &str)> = units(&text)
                .filter(|(_, u)| !is_blank(u) && !u.starts_with(['\n', '\r']))
                .collect();
            prop_assert_eq!(kept, all);
        }
    }
}
