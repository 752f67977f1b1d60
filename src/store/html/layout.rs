//! Rendered lines laid out as text.
//!
//! The breaks inside a block travel through html2text as characters (see
//! [`Breaks`](super::breaks::Breaks)), so every line it ends is taken for
//! the end of a block; only the lines of a `<pre>` follow one another
//! without a blank line. html2text indents nested list items and starts an
//! item with its mark ("- ", "3. "); the mark is kept with the item's first
//! text even when a block or a break comes first (`<li><figure>`), so that
//! no mark stands alone on a line, and no other leading space is kept.
//! Links are read from the rendered annotations and numbered as [`Links`]
//! says. The text is written on a [`Page`], which owes separators and
//! spaces rather than writing them; plain text is laid out on one too, and
//! a title is made [`one_line`].

use std::rc::Rc;

use html2text::render::{TaggedLine, TaggedLineElement};

use super::breaks::is_break;
use super::decorator::Mark;
use super::links::{Links, OpenLink};
use super::page::{Page, is_invisible};
use super::render::Lines;

/// Lays out rendered lines as text with the link list at the end.
pub(super) fn lay_out(lines: &Lines) -> String {
    let mut layout = Layout::default();
    for line in lines {
        layout.line(line);
    }
    layout.finish()
}

/// What [`lay_out`] carries from one rendered line to the next.
#[derive(Default)]
struct Layout {
    page: Page,
    links: Links,
    /// The link whose text is being laid out.
    open: Option<OpenLink>,
    /// Whether the last line was preformatted and held text.
    after_pre: bool,
}

impl Layout {
    /// Lays out one rendered line: a block of its own, unless it goes on
    /// preformatted text.
    fn line(&mut self, line: &TaggedLine<Vec<Mark>>) {
        let pre = line
            .tagged_strings()
            .any(|piece| piece.tag.contains(&Mark::Pre));
        if pre && self.after_pre {
            self.page.break_line();
        } else {
            self.page.break_block();
        }
        // A lead whose line had no text (an empty item) is not carried on.
        self.page.forget_lead();
        self.after_pre = pre && !line_is_empty(line);
        let mut at_start = true;
        for piece in line.tagged_strings() {
            self.follow_link(link_target(&piece.tag));
            let mut text = piece.s.as_str();
            if at_start && !pre {
                // html2text indents nested list items and the later lines
                // of an item, and starts an item with its mark; keep them
                // with the item's first text even if a break comes first
                // (`<li><figure>`), but keep no other leading space.
                let lead = lead_len(text);
                self.page.lead(&text[..lead]);
                text = &text[lead..];
                at_start = text.is_empty();
            }
            if let Some(link) = &mut self.open {
                link.text.push_str(text);
            }
            self.page.push(text, pre);
        }
    }

    /// Closes the open link unless `target` is its target, and opens one to
    /// `target`, if any, in its place.
    fn follow_link(&mut self, target: Option<&Rc<str>>) {
        if self.open.as_ref().map(|link| &link.target) != target {
            if let Some(link) = self.open.take() {
                link.close(&mut self.page, &mut self.links);
            }
            self.open = target.map(|target| OpenLink {
                target: Rc::clone(target),
                text: String::new(),
            });
        }
    }

    /// The text, with the link list at the end.
    fn finish(mut self) -> String {
        if let Some(link) = self.open.take() {
            link.close(&mut self.page, &mut self.links);
        }
        self.links.append_to(&mut self.page);
        self.page.into_text()
    }
}

/// The target of the innermost link among `marks`, if any.
fn link_target(marks: &[Mark]) -> Option<&Rc<str>> {
    marks.iter().rev().find_map(|mark| match mark {
        Mark::Link(target) => Some(target),
        _ => None,
    })
}

/// The length of the indentation and list marks that `text` starts with.
fn lead_len(text: &str) -> usize {
    let indent = text.len() - text.trim_start_matches(' ').len();
    indent + list_mark_len(&text[indent..])
}

/// The length of the list item marks ("- ", "12. ", "- - " for an item
/// whose first content is a list) that `text` starts with, or 0.
pub(super) fn list_mark_len(text: &str) -> usize {
    let mut len = 0;
    loop {
        let rest = &text[len..];
        let digits = rest.strip_prefix('-').unwrap_or(rest);
        let count = digits.bytes().take_while(u8::is_ascii_digit).count();
        if rest.starts_with("- ") {
            len += 2;
        } else if count > 0 && digits[count..].starts_with(". ") {
            len += rest.len() - digits.len() + count + 2;
        } else {
            return len;
        }
    }
}

/// Whether a rendered line holds no text.
fn line_is_empty(line: &TaggedLine<Vec<Mark>>) -> bool {
    line.iter().all(|element| match element {
        TaggedLineElement::Str(piece) => piece.s.trim().is_empty(),
        TaggedLineElement::FragmentStart(_) => true,
    })
}

/// Plain text laid out as it is: lines and paragraphs kept, trailing
/// spaces and extra blank lines dropped.
pub(super) fn plain_to_text(text: &str) -> String {
    let mut page = Page::default();
    // Like the HTML parser, take a lone carriage return for a line break.
    for line in text.lines().flat_map(|line| line.split('\r')) {
        page.break_line();
        page.push(line, true);
    }
    page.into_text()
}

/// All white space runs, break characters included, made one space; the
/// ends trimmed.
pub(super) fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || is_break(c) {
            space = !out.is_empty();
        } else if !is_invisible(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::store::html::to_text;

    #[test]
    fn paragraphs_become_lines_separated_by_a_blank_line() {
        let html = "<p>The council met on Monday.</p>\n  <p>It voted\n on the budget.</p>";
        assert_eq!(
            to_text(html),
            "The council met on Monday.\n\nIt voted on the budget."
        );
    }

    #[test]
    fn nested_list_items_are_indented() {
        let html = "<ul><li>Europe<ul><li>France</li></ul></li></ul>";
        assert_eq!(to_text(html), "- Europe\n\n  - France");
    }

    #[test]
    fn an_item_keeps_its_mark_when_it_starts_with_a_block_or_a_break() {
        let html = "<ul><li><figure><figcaption>Map</figcaption></figure>Route</li>\
                    <li><table><tr><td>a</td><td>b</td></tr></table></li><li>\
                    <ul><li><section>Inner</section></li></ul></li></ul><ol><li><br>Text</li></ol>";
        assert_eq!(
            to_text(html),
            "- Map\n\nRoute\n\n- a · b\n\n- - Inner\n\n1. Text"
        );
    }

    #[test]
    fn preformatted_text_keeps_its_lines_and_indentation() {
        let html = "<p>Code:</p><pre>fn main() {\n    run();   \n}\n\n// end</pre><p>After</p>";
        assert_eq!(
            to_text(html),
            "Code:\n\nfn main() {\n    run();\n}\n\n// end\n\nAfter"
        );
    }

    #[test]
    fn plain_text_keeps_its_lines_and_paragraphs() {
        let text =
            "  First paragraph,\nsecond line.  \r\n\r\n\n\nSecond paragraph: x<y, AT&T, Q&A.\n";
        assert_eq!(
            to_text(text),
            "  First paragraph,\nsecond line.\n\nSecond paragraph: x<y, AT&T, Q&A."
        );
    }
}
