//! The characters that carry breaks through html2text.
//!
//! html2text ends a `<br>` line and a `<div>` or `<li>` line alike, and
//! renders some blocks (`section`, `figure`, `figcaption`, …) inline. So the
//! prepared document says what it means with private-use characters: a line
//! break for each `<br>`, a block break at each edge of such a block, a cell
//! break between the cells of a table row; every line html2text ends is
//! then taken for the end of a block. The characters are text nodes parsed
//! once from a template and shared by every place that needs one; the input
//! is rid of them first, so that text can never fake one.

use std::borrow::Cow;

use html2text::{Element, Handle, config};

use super::decorator::Decorator;

/// Stands for `<br>` in the prepared document.
pub(super) const LINE_BREAK: char = '\u{E000}';
/// Marks the edges of blocks that html2text would render inline.
pub(super) const BLOCK_BREAK: char = '\u{E001}';
/// Separates the cells of a table row.
pub(super) const CELL_BREAK: char = '\u{E002}';

/// Whether `c` is one of the characters that stand for breaks.
pub(super) fn is_break(c: char) -> bool {
    matches!(c, LINE_BREAK | BLOCK_BREAK | CELL_BREAK)
}

/// `text` without the private-use characters that stand for breaks in the
/// prepared document, so that text can never fake one.
///
/// Control characters other than tab and line breaks go too: they mean
/// nothing in HTML, and left in they could keep a tag from being read as
/// one (`</\u{18}p>`) while the text shown without them spells it.
pub(super) fn without_marks(text: &str) -> Cow<'_, str> {
    let control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if !text.contains(is_break) && !text.contains(control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|c| !control(*c))
            .map(|c| if is_break(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// Text nodes holding one break character each, spliced into documents.
///
/// A node can appear in many places: the renderer only reads the tree.
pub(super) struct Breaks {
    pub(super) line: Handle,
    pub(super) block: Handle,
    pub(super) cell: Handle,
}

impl Breaks {
    /// Takes the three text nodes from a parsed template.
    pub(super) fn parse(config: &config::Config<Decorator>) -> Result<Self, html2text::Error> {
        let template = format!("<b>{LINE_BREAK}</b><b>{BLOCK_BREAK}</b><b>{CELL_BREAK}</b>");
        let dom = config.parse_html(template.as_bytes())?;
        let mut texts = Vec::with_capacity(3);
        let mut stack = vec![dom.document.clone()];
        while let Some(node) = stack.pop() {
            let children = node.children.borrow();
            if children.is_empty() && !matches!(node.data, Element { .. }) {
                texts.push(node.clone());
            }
            stack.extend(children.iter().rev().cloned());
        }
        match <[Handle; 3]>::try_from(texts) {
            Ok([line, block, cell]) => Ok(Breaks { line, block, cell }),
            Err(_) => Err(html2text::Error::Fail),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::store::html::to_text;

    #[test]
    fn break_characters_in_the_input_are_only_text() {
        let text = to_text("<p>a\u{E000}b\u{E001}c\u{E002}d</p>");
        assert_eq!(text, "a\u{FFFD}b\u{FFFD}c\u{FFFD}d");
    }
}
