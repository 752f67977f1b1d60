//! A paragraph cut into the pieces it is set from: each word with the blank
//! space after it.
//!
//! The pieces are measured as [`crate::wrap`] measures text: in the units of
//! [`crate::text::units`], each as wide as it is shown ([`shown`]), so that
//! a control counts as its stand-in and a wide character as two cells. A
//! line may break only in the blank after a word, except inside a word wider
//! than the line, which is cut beforehand into pieces that each fill a line
//! from its first column, as first-fit wrapping cuts it. Such a word starts
//! a line of its own, as in first-fit: a run of text without blank space
//! (a long address, a sentence in Japanese) reads as a block.
//!
//! A fragment is what `textwrap`'s optimal fit sets
//! ([`textwrap::core::Fragment`]): a width, the width of the blank drawn
//! after it when another word follows on the line, and no hyphen. A tab's
//! width depends on the column it falls at, which depends on where the
//! line starts; the blank of a tab is measured where it falls with the
//! paragraph on one line, and [`crate::document::setting`] checks the
//! lines it sets as they are drawn.

use std::ops::Range;

use crate::text::{shown, units};

/// A word of a paragraph and the blank after it.
///
/// The word is what a line shows; the blank is drawn between it and the
/// next word on the same line, and left out where the line breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    /// The word's bytes in the paragraph; for the first word of an
    /// indented paragraph, with the indentation before it.
    pub word: Range<usize>,
    /// Where the blank after the word ends (the word's end when there is
    /// none, as between the pieces of a word cut for being too wide).
    pub blank_end: usize,
    /// Cells the word takes, indentation included.
    pub width: usize,
    /// Whether this is the first piece of a word too wide for a line, so
    /// that a line must break before it.
    pub breaks_before: bool,
    /// Cells the blank takes where it falls with the paragraph on one
    /// line: exact for spaces, an estimate for a tab, whose width depends
    /// on the column it falls at.
    pub blank: usize,
}

impl textwrap::core::Fragment for Fragment {
    fn width(&self) -> f64 {
        cells_f64(self.width)
    }

    fn whitespace_width(&self) -> f64 {
        cells_f64(self.blank)
    }

    /// A line never ends in a hyphen: words are not hyphenated.
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// `count` cells as textwrap measures them, in an `f64`.
#[expect(
    clippy::cast_precision_loss,
    reason = "exact below 2^53 cells, more than any text in memory holds"
)]
pub fn cells_f64(count: usize) -> f64 {
    count as f64
}

pub(crate) use crate::wrap::is_blank;

/// The fragments of `paragraph` (one line of text, without line breaks) set
/// at `width` cells, or `None` when there are more than `limit` of them.
///
/// A paragraph of nothing but blank space has none. Indentation is kept
/// with the first word when both fit on a line, and dropped otherwise.
pub fn fragments(paragraph: &str, width: usize, limit: usize) -> Option<Vec<Fragment>> {
    let mut cutter = Cutter {
        width,
        limit,
        out: Vec::new(),
        piece: None,
        first_piece: 0,
        indent: 0,
    };
    let mut column = 0;
    for (at, unit) in units(paragraph) {
        if is_blank(unit) {
            // Only a tab needs the column; before the first word it is
            // the indentation's own, after it an estimate.
            let cells = shown(unit, column).width();
            column += cells;
            cutter.blank(at, unit, cells)?;
        } else {
            let cells = shown(unit, column).width();
            column += cells;
            cutter.word_unit(at, unit.len(), cells)?;
        }
    }
    cutter.end_word(paragraph.len())?;
    Some(cutter.out)
}

/// The state of a paragraph being cut into fragments.
struct Cutter {
    width: usize,
    limit: usize,
    out: Vec<Fragment>,
    /// The piece of a word being read: its bytes and cells.
    piece: Option<(Range<usize>, usize)>,
    /// Index in `out` of the first piece of the word being read.
    first_piece: usize,
    /// Cells of the blank before the first word.
    indent: usize,
}

impl Cutter {
    fn blank(&mut self, at: usize, unit: &str, cells: usize) -> Option<()> {
        if self.piece.is_some() {
            // The word just read ends here.
            self.end_word(at)?;
        }
        if self.out.is_empty() {
            self.indent += cells;
            return Some(());
        }
        // The blank goes with the word before it.
        if let Some(fragment) = self.out.last_mut() {
            fragment.blank_end = at + unit.len();
            fragment.blank += cells;
        }
        Some(())
    }

    fn word_unit(&mut self, at: usize, len: usize, cells: usize) -> Option<()> {
        match &mut self.piece {
            None => {
                self.first_piece = self.out.len();
                self.piece = Some((at..at + len, cells));
            }
            Some((range, width)) if *width + cells <= self.width => {
                range.end = at + len;
                *width += cells;
            }
            // Too wide for a line: what there is of the word so far
            // fills one, and the rest goes on from the next.
            Some((range, width)) => {
                let (word, width) = (range.clone(), *width);
                let first = self.out.len() == self.first_piece;
                self.push(word, width)?;
                if let Some(piece) = self.out.last_mut() {
                    piece.breaks_before = first;
                }
                self.piece = Some((at..at + len, cells));
            }
        }
        Some(())
    }

    /// Ends the word being read, if any, at byte `at`.
    fn end_word(&mut self, at: usize) -> Option<()> {
        let Some((word, width)) = self.piece.take() else {
            return Some(());
        };
        debug_assert_eq!(word.end, at);
        self.push(word, width)?;
        // Indentation stays with the first word where both fit on a line.
        if self.first_piece == 0
            && self.out.len() == 1
            && let Some(first) = self.out.first_mut()
            && self.indent + first.width <= self.width
        {
            first.word.start = 0;
            first.width += self.indent;
        }
        Some(())
    }

    fn push(&mut self, word: Range<usize>, width: usize) -> Option<()> {
        if self.out.len() >= self.limit {
            return None;
        }
        self.out.push(Fragment {
            blank_end: word.end,
            word,
            width,
            breaks_before: false,
            blank: 0,
        });
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(paragraph: &str, width: usize) -> Vec<(&str, usize, &str)> {
        fragments(paragraph, width, usize::MAX)
            .unwrap()
            .into_iter()
            .map(|f| {
                let blank = &paragraph[f.word.end..f.blank_end];
                (&paragraph[f.word], f.width, blank)
            })
            .collect()
    }

    #[test]
    fn words_carry_the_blank_after_them() {
        assert_eq!(
            words("one  two\u{3000}three ", 20),
            [("one", 3, "  "), ("two", 3, "\u{3000}"), ("three", 5, " ")]
        );
        assert!(words("", 20).is_empty());
        assert!(words(" \t ", 20).is_empty());
    }

    #[test]
    fn words_are_measured_as_shown() {
        // A stand-in for RLO takes five cells, a wide character two.
        assert_eq!(
            words("a\u{202e}b 日本", 20),
            [("a\u{202e}b", 7, " "), ("日本", 4, "")]
        );
    }

    #[test]
    fn indentation_stays_with_the_first_word_only_where_both_fit() {
        assert_eq!(words("  ab cd", 10)[0], ("  ab", 4, " "));
        assert_eq!(words("\tab cd", 10)[0], ("\tab", 10, " "));
        assert_eq!(words("\t\tab cd", 10)[0], ("ab", 2, " "));
    }

    #[test]
    fn a_tab_after_a_word_is_measured_where_it_falls_on_one_line() {
        let blanks = |paragraph: &str| -> Vec<usize> {
            fragments(paragraph, 20, 10)
                .unwrap()
                .iter()
                .map(|f| f.blank)
                .collect()
        };
        assert_eq!(blanks("ab\tcd"), [6, 0]);
        assert_eq!(blanks("x abcde\tcd"), [1, 1, 0]);
        assert_eq!(blanks("ab \t cd"), [1 + 5 + 1, 0]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_into_full_lines() {
        assert_eq!(
            words("see abcdefghijklmnopqrstuvwxy z", 10),
            [
                ("see", 3, " "),
                ("abcdefghij", 10, ""),
                ("klmnopqrst", 10, ""),
                ("uvwxy", 5, " "),
                ("z", 1, "")
            ]
        );
        // Wide characters are not cut in half: the piece stops short.
        assert_eq!(
            words("日本語の文章", 11),
            [("日本語の文", 10, ""), ("章", 2, "")]
        );
    }

    #[test]
    fn only_the_first_piece_of_a_cut_word_breaks_the_line_before_it() {
        let breaks: Vec<bool> = fragments("see abcdefghijklmnopqrstuvwxy z", 10, 10)
            .unwrap()
            .iter()
            .map(|f| f.breaks_before)
            .collect();
        assert_eq!(breaks, [false, true, false, false, false]);
    }

    #[test]
    fn more_fragments_than_the_limit_give_none() {
        assert!(fragments("a b c", 10, 3).is_some());
        assert!(fragments("a b c d", 10, 3).is_none());
        assert!(fragments(&"x".repeat(31), 10, 3).is_none(), "pieces count");
    }
}
