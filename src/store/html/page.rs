//! The text being written, and its white space.
//!
//! Separators and spaces are owed rather than written, and paid only when
//! visible text follows: so no blank line or space ends up at the start or
//! end of the text or of a line, and never more than one blank line comes in
//! a row, whatever breaks and white space the rendered lines hold. Two line
//! breaks in a row (`<br><br>`) end a paragraph. Outside preformatted and
//! plain text, runs of white space become one space; within them it is
//! kept and tabs are expanded. Control characters, soft hyphens and
//! zero-width spaces are dropped: they show nothing and get in the way of
//! searching.

use super::breaks::{BLOCK_BREAK, CELL_BREAK, LINE_BREAK};

/// What a cell break becomes in the text.
const CELL_SEPARATOR: &str = " · ";

/// Separator owed before the next text.
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    #[default]
    None,
    Line,
    Block,
}

/// Columns between tab stops in preformatted and plain text.
const TAB_STOP: usize = 8;

/// The text being laid out. Separators and spaces are owed rather than
/// written, so that none ends up at the start or end of the text or of a
/// line, and never more than one blank line in a row.
#[derive(Default)]
pub(super) struct Page {
    out: String,
    /// Separator to write before the next text.
    gap: Gap,
    /// Spaces to write before the next text on this line.
    spaces: usize,
    /// Cells were separated since the last text on this line.
    cell: bool,
    /// Characters written on this line.
    column: usize,
    /// Indentation and list mark owed to the next text, kept over breaks.
    lead: String,
    /// Whether text was written since the last line break.
    line_has_text: bool,
}

impl Page {
    /// Ends the line.
    pub(super) fn break_line(&mut self) {
        if self.line_has_text {
            self.gap = self.gap.max(Gap::Line);
        } else if self.gap == Gap::Line {
            // Two line breaks in a row (`<br><br>`) end a paragraph.
            self.gap = Gap::Block;
        }
        self.end_line();
    }

    /// Ends the block.
    pub(super) fn break_block(&mut self) {
        self.gap = Gap::Block;
        self.end_line();
    }

    fn end_line(&mut self) {
        self.spaces = 0;
        self.cell = false;
        self.column = 0;
        self.line_has_text = false;
    }

    /// Starts the next line of text, whatever breaks come before it, with
    /// `lead` (indentation and list mark).
    pub(super) fn lead(&mut self, lead: &str) {
        self.lead.push_str(lead);
    }

    /// Appends text; in `verbatim` text (preformatted or plain) white space
    /// is kept, tabs expanded, elsewhere runs of it become one space.
    pub(super) fn push(&mut self, text: &str, verbatim: bool) {
        for c in text.chars() {
            match c {
                LINE_BREAK | '\n' => self.break_line(),
                BLOCK_BREAK => self.break_block(),
                CELL_BREAK => self.cell = self.line_has_text,
                '\t' if verbatim => {
                    let column = self.column + self.spaces;
                    self.spaces += TAB_STOP - column % TAB_STOP;
                }
                _ if c.is_whitespace() => {
                    if verbatim {
                        self.spaces += 1;
                    } else if self.line_has_text {
                        self.spaces = 1;
                    }
                }
                _ if is_invisible(c) => {}
                _ => self.push_visible(c),
            }
        }
    }

    /// Appends the number of a link right after the last text, even if a
    /// break is owed: the link ended before it.
    pub(super) fn mark(&mut self, number: usize) {
        let mark = format!("[{number}]");
        self.out.push_str(&mark);
        if self.line_has_text {
            self.column += mark.len();
        }
    }

    /// Forgets the indentation and list mark owed to the next text.
    pub(super) fn forget_lead(&mut self) {
        self.lead.clear();
    }

    /// The text written.
    pub(super) fn into_text(self) -> String {
        self.out
    }

    fn push_visible(&mut self, c: char) {
        if !self.out.is_empty() {
            match self.gap {
                Gap::None => {}
                Gap::Line => self.out.push('\n'),
                Gap::Block => self.out.push_str("\n\n"),
            }
        }
        self.gap = Gap::None;
        if !self.line_has_text {
            self.out.push_str(&self.lead);
            self.column += self.lead.chars().count();
            self.lead.clear();
            self.line_has_text = true;
        }
        if self.cell {
            self.out.push_str(CELL_SEPARATOR);
            self.column += CELL_SEPARATOR.chars().count();
            self.cell = false;
        } else {
            self.out.extend(std::iter::repeat_n(' ', self.spaces));
            self.column += self.spaces;
        }
        self.spaces = 0;
        self.out.push(c);
        self.column += 1;
    }
}

/// Whether `c` shows nothing and is in the way of searching: a control
/// character, a soft hyphen or a zero-width space.
pub(super) fn is_invisible(c: char) -> bool {
    c.is_control() || matches!(c, '\u{AD}' | '\u{200B}')
}

#[cfg(test)]
mod tests {
    use crate::store::html::to_text;

    #[test]
    fn two_brs_in_a_row_end_a_paragraph() {
        assert_eq!(
            to_text("First<br><br>Second<br><br><br><br>Third<br>"),
            "First\n\nSecond\n\nThird"
        );
    }

    #[test]
    fn a_non_breaking_space_becomes_a_plain_space() {
        assert_eq!(
            to_text("<p>10&nbsp;km&nbsp;&nbsp;away&nbsp;</p>"),
            "10 km away"
        );
    }

    #[test]
    fn plain_text_has_tabs_expanded_and_control_characters_dropped() {
        assert_eq!(
            to_text("a\tb\tc\r\nd\re\u{7}f\u{1b}[31m\u{ad}g"),
            "a       b       c\nd\nef[31mg"
        );
    }
}
