//! The parsed document rewritten before it is rendered.
//!
//! html2text renders what it is given; these rewrites make it render what a
//! reader of the article should see, using the [`Breaks`] it carries
//! through as text:
//!
//! - Each `<br>` becomes a line break, and the elements html2text renders
//!   inline although they are blocks (`section`, `figure`, `figcaption`, …)
//!   get a block break at each end.
//! - Tables are taken apart into rows, one block each, cells joined by cell
//!   breaks: html2text's column layout pads every row to the widest cell,
//!   which an unlimited width turns into a memory hazard.
//! - Text strayed between list items is moved into the items (html2text
//!   would drop it from an `<ol>`), and text before the first item goes
//!   before the list.
//! - Embedded players and form controls (`iframe`, `video`, `select`, …) go
//!   with their fallback text, and so do scripts and styles.
//! - Below [`MAX_DEPTH`] levels a subtree is flattened to its text, so that
//!   html2text's per-level work stays bounded.
//!
//! The walk keeps its own stack rather than recursing, since the depth of
//! the input is the sender's to choose.

use std::mem;

use html2text::{Element, Handle};

use super::breaks::Breaks;

/// Deepest nesting rendered as it is; deeper subtrees are flattened.
const MAX_DEPTH: usize = 96;

/// What the preparation does with an element.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Kept as it is.
    Keep,
    /// `<br>`: replaced by a line break.
    LineBreak,
    /// A block html2text renders inline: block breaks added around it.
    Block,
    /// Taken apart into rows.
    Table,
    /// A list whose stray children are moved into its items.
    List,
    /// Dropped with its content.
    Drop,
}

/// The role of an HTML element given its local name (lower case).
fn role(name: &str) -> Role {
    match name {
        "br" => Role::LineBreak,
        "address" | "article" | "aside" | "caption" | "center" | "details" | "dialog"
        | "fieldset" | "figcaption" | "figure" | "footer" | "form" | "header" | "hgroup" | "hr"
        | "legend" | "main" | "menu" | "nav" | "search" | "section" | "summary" => Role::Block,
        "table" => Role::Table,
        "ul" | "ol" | "dl" => Role::List,
        "audio" | "canvas" | "head" | "iframe" | "link" | "meta" | "noembed" | "noframes"
        | "script" | "select" | "style" | "template" | "textarea" | "video" => Role::Drop,
        _ => Role::Keep,
    }
}

/// The local name of an HTML element, or `None` for any other node
/// (text, comment, or an element of SVG or other foreign markup).
fn html_name(node: &Handle) -> Option<&str> {
    match &node.data {
        Element { name, .. } if &*name.ns == "http://www.w3.org/1999/xhtml" => Some(&*name.local),
        _ => None,
    }
}

/// Rewrites the parsed document as described in the module documentation,
/// without recursion.
pub(super) fn prepare(root: &Handle, breaks: &Breaks) {
    let mut stack = vec![(root.clone(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        let old = mem::take(&mut *node.children.borrow_mut());
        let new = if depth >= MAX_DEPTH && html_name(&node).is_none_or(|n| role(n) != Role::List) {
            flatten(old, breaks)
        } else {
            arrange(old, breaks)
        };
        stack.extend(
            new.iter()
                .filter(|child| !child.children.borrow().is_empty())
                .map(|child| (child.clone(), depth + 1)),
        );
        *node.children.borrow_mut() = new;
    }
}

/// The children of one node, prepared: breaks in place of `<br>`, tables
/// taken apart, lists tidied, dropped elements gone.
fn arrange(children: Vec<Handle>, breaks: &Breaks) -> Vec<Handle> {
    let mut out = Vec::with_capacity(children.len());
    // Reversed, so that popping yields document order; a table pushes its
    // rows back to be arranged in turn.
    let mut pending: Vec<Handle> = children.into_iter().rev().collect();
    while let Some(child) = pending.pop() {
        match html_name(&child).map_or(Role::Keep, role) {
            Role::Keep => out.push(child),
            Role::LineBreak => out.push(breaks.line.clone()),
            Role::Block => {
                out.push(breaks.block.clone());
                out.push(child);
                out.push(breaks.block.clone());
            }
            Role::Table => {
                let mut rows = Vec::new();
                take_apart_table(&child, breaks, &mut rows);
                pending.extend(rows.into_iter().rev());
            }
            Role::List => {
                let name = html_name(&child).unwrap_or_default();
                if name == "ol" {
                    limit_start(&child);
                }
                match tidy_list(&child, name, breaks) {
                    Some(leading) if leading.is_empty() => out.push(child),
                    Some(leading) => {
                        // Read as a block before the list, which comes back
                        // with nothing left to tidy.
                        pending.push(child);
                        pending.push(breaks.block.clone());
                        pending.extend(leading.into_iter().rev());
                        pending.push(breaks.block.clone());
                    }
                    None => {
                        // Without items it is only a container; opening it
                        // keeps item-less nesting from building up indents.
                        pending.push(breaks.block.clone());
                        pending.extend(child.children.borrow_mut().drain(..).rev());
                        pending.push(breaks.block.clone());
                    }
                }
            }
            Role::Drop => {}
        }
    }
    out
}

/// Drops the `start` of an `<ol>` if it is so large that html2text, which
/// adds the number of items to it unchecked, could overflow.
fn limit_start(list: &Handle) {
    if let Element { attrs, .. } = &list.data {
        attrs.borrow_mut().retain(|attr| {
            &*attr.name.local != "start"
                || attr
                    .value
                    .parse::<i64>()
                    .map_or(true, |start| u32::try_from(start.unsigned_abs()).is_ok())
        });
    }
}

/// Appends the caption and rows of `table` to `out`: a block per row, the
/// content of its cells separated by cell breaks.
fn take_apart_table(table: &Handle, breaks: &Breaks, out: &mut Vec<Handle>) {
    let mut parts = mem::take(&mut *table.children.borrow_mut());
    parts.reverse();
    while let Some(part) = parts.pop() {
        match html_name(&part) {
            Some("caption") => {
                out.push(breaks.block.clone());
                out.append(&mut part.children.borrow_mut());
                out.push(breaks.block.clone());
            }
            Some("thead" | "tbody" | "tfoot") => {
                let mut rows = mem::take(&mut *part.children.borrow_mut());
                rows.reverse();
                parts.append(&mut rows);
            }
            Some("tr") => {
                out.push(breaks.block.clone());
                let mut first = true;
                for cell in part.children.borrow().iter() {
                    if matches!(html_name(cell), Some("td" | "th")) {
                        if !first {
                            out.push(breaks.cell.clone());
                        }
                        first = false;
                        out.append(&mut cell.children.borrow_mut());
                    }
                }
                out.push(breaks.block.clone());
            }
            // White space, `colgroup`, and the scripts and forms the parser
            // leaves in tables: nothing to read.
            _ => {}
        }
    }
}

/// Rewrites the children of a list so that all are items, since html2text
/// renders only items (and drops the rest from an `<ol>`). What strays
/// after an item is appended to it, set off by a block break; what strays
/// before the first item is returned, to be read before the list. The
/// `<div>` groups that a `<dl>` may hold are opened first. Returns `None`
/// if there is no item.
fn tidy_list(list: &Handle, name: &str, breaks: &Breaks) -> Option<Vec<Handle>> {
    let is_item = |node: &Handle| match html_name(node) {
        Some("li") => name != "dl",
        Some("dt" | "dd") => name == "dl",
        _ => false,
    };
    let is_group = |node: &Handle| name == "dl" && html_name(node) == Some("div");
    if list.children.borrow().iter().all(is_item) {
        return Some(Vec::new());
    }
    let mut children = Vec::new();
    for child in mem::take(&mut *list.children.borrow_mut()) {
        if is_group(&child) {
            children.append(&mut child.children.borrow_mut());
        } else {
            children.push(child);
        }
    }
    if !children.iter().any(is_item) {
        *list.children.borrow_mut() = children;
        return None;
    }
    let mut items: Vec<Handle> = Vec::with_capacity(children.len());
    let mut leading = Vec::new();
    for child in children {
        if is_item(&child) {
            items.push(child);
        } else if let Some(item) = items.last() {
            let mut content = item.children.borrow_mut();
            content.push(breaks.block.clone());
            content.push(child);
        } else {
            leading.push(child);
        }
    }
    *list.children.borrow_mut() = items;
    Some(leading)
}

/// The text-bearing leaves of a subtree in document order, with block
/// breaks around blocks and line breaks for `<br>`: what is left of nesting
/// too deep to render as it is.
fn flatten(children: Vec<Handle>, breaks: &Breaks) -> Vec<Handle> {
    let mut out = Vec::new();
    let mut pending: Vec<Handle> = children.into_iter().rev().collect();
    while let Some(node) = pending.pop() {
        let Some(name) = html_name(&node) else {
            // Text, comments, and SVG or MathML kept whole.
            out.push(node);
            continue;
        };
        let block = match role(name) {
            Role::Drop => continue,
            Role::LineBreak => {
                out.push(breaks.line.clone());
                continue;
            }
            Role::Block | Role::Table | Role::List => true,
            Role::Keep => matches!(
                name,
                "p" | "div"
                    | "li"
                    | "dt"
                    | "dd"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "blockquote"
                    | "pre"
                    | "tr"
                    | "td"
                    | "th"
            ),
        };
        let content = mem::take(&mut *node.children.borrow_mut());
        if content.is_empty() {
            // An image, or an empty element.
            out.push(node);
            continue;
        }
        if block {
            out.push(breaks.block.clone());
            pending.push(breaks.block.clone());
        }
        pending.extend(content.into_iter().rev());
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::store::html::to_text;

    #[test]
    fn a_br_breaks_the_line_inside_a_paragraph() {
        assert_eq!(
            to_text("<p>12 Rue Haute<br>Brussels <br/> Belgium</p><p>Next</p>"),
            "12 Rue Haute\nBrussels\nBelgium\n\nNext"
        );
    }

    #[test]
    fn divs_sections_and_figures_are_blocks() {
        let html = "<div>One</div><div>Two</div><section>Three</section>\
                    <article>Four</article><figure><figcaption>Five</figcaption></figure>Six\
                    <hr>Seven";
        assert_eq!(
            to_text(html),
            "One\n\nTwo\n\nThree\n\nFour\n\nFive\n\nSix\n\nSeven"
        );
    }

    #[test]
    fn list_items_are_blocks_with_a_dash_or_their_number() {
        let html =
            "<ul><li>Bread</li><li>Milk</li></ul><ol start=\"3\"><li>Wait</li><li>Pay</li></ol>";
        assert_eq!(to_text(html), "- Bread\n\n- Milk\n\n3. Wait\n\n4. Pay");
    }

    #[test]
    fn text_strayed_between_list_items_is_kept() {
        let html = "<ol>Before<li>one</li>between<li>two</li></ol>\
                    <dl><div><dt>Term</dt><dd>Meaning</dd></div></dl>";
        assert_eq!(
            to_text(html),
            "Before\n\n1. one\n\nbetween\n\n2. two\n\nTerm\n\n  Meaning"
        );
    }

    #[test]
    fn table_rows_are_lines_with_their_cells_joined() {
        let html = "<table><caption>Results</caption><thead><tr><th>Team</th><th>Points</th>\
                    </tr></thead><tbody><tr><td>North <br>FC</td><td>12</td></tr><tr><td>\
                    </td><td>9</td></tr></tbody><tfoot><tr><td colspan=\"99999999\">Final</td>\
                    </tr></tfoot></table>";
        assert_eq!(
            to_text(html),
            "Results\n\nTeam · Points\n\nNorth\nFC · 12\n\n9\n\nFinal"
        );
    }

    #[test]
    fn ordered_lists_may_start_anywhere() {
        assert_eq!(
            to_text("<ol start=\"-2\"><li>a</li><li>b</li></ol>"),
            "-2. a\n\n-1. b"
        );
        let far = format!("<ol start=\"{}\"><li>a</li><li>b</li></ol>", i64::MAX);
        assert_eq!(to_text(&far), "1. a\n\n2. b");
    }

    #[test]
    fn scripts_styles_comments_and_players_are_dropped() {
        let html = "<head><title>Page</title><style>p { color: red }</style></head>\
                    <p>Kept<!-- a <b>comment</b> --><script>if (a < b) { alert('x') }</script>\
                    <style>.x{}</style> text</p><iframe src=\"https://example.org\"><p>No \
                    frames</p></iframe><video src=\"v.mp4\">No video</video>\
                    <textarea><b>raw</b></textarea><select><option>Pick</option></select>";
        assert_eq!(to_text(html), "Kept text");
    }

    #[test]
    fn deep_nesting_keeps_its_words() {
        for open in [
            "<div>",
            "<ul><li>",
            "<b>",
            "<table><tr><td>",
            "<blockquote>",
            "<dl><dd>",
        ] {
            let html = format!("{}deep<p>end", open.repeat(40_000));
            let text = to_text(&html);
            assert!(
                text.ends_with("deep\n\nend"),
                "{open}: {:?}",
                &text[text.len() - 40..]
            );
        }
    }
}
