//! HTML to readable plain text.
//!
//! Article bodies from feeds and news APIs arrive as HTML; the reader shows
//! plain text that it wraps itself. [`to_text`] turns a body into one line per
//! paragraph (or list item, heading, table row, …) with a blank line between
//! them, [`inline_to_text`] turns a title into one line, and
//! [`looks_like_html`] tells HTML from plain text that merely holds a `<`.
//!
//! Parsing and rendering are html2text's (html5ever underneath); no tag is
//! ever removed by hand. html2text writes for a terminal of a given width,
//! so this module works around it in five ways:
//!
//! - **The width is effectively unlimited**, so a paragraph is never wrapped.
//! - **The parsed document is prepared before it is rendered.** html2text
//!   ends a `<br>` line and a `<div>` or `<li>` line alike, so each `<br>`
//!   becomes a private-use character that means "line break", and every
//!   line html2text ends is taken for the end of a block. Elements it renders
//!   inline although they are blocks (`section`, `figure`, `figcaption`, …)
//!   get a "block break" character at each end. Tables are taken apart into
//!   rows, one block each, cells joined by " · ": html2text's column layout
//!   pads every row to the widest cell, which an unlimited width turns into a
//!   memory hazard. Text strayed between list items is moved into the items
//!   (html2text would drop it from an `<ol>`). Embedded players and form
//!   controls (`iframe`, `video`, `select`, …) go with their fallback text.
//!   Below [`MAX_DEPTH`] levels a subtree is flattened to its text, so that
//!   html2text's per-level work stays bounded. The break characters are text
//!   nodes parsed once from a template and shared; the input is rid of them
//!   first, so text can never fake one.
//! - **Deep nesting is parsed in pieces.** html5ever's tree builder takes time
//!   quadratic in the nesting depth and has no cap, so the input is cut where
//!   a cheap count says too many elements are open (see [`pieces`]).
//!   Ordinary HTML is one piece.
//! - **The decorator adds no marks**: no `*`, `#` or `>`. Unordered list items
//!   start with "- " (an ASCII mark: html2text measures list marks in bytes
//!   in places and in columns in others, which only agree for ASCII), ordered
//!   ones with their number; nested items are indented. An image shows its
//!   alt text in brackets, since agencies credit photos there ("[Police at
//!   the scene. (AP Photo)]"); an image without alt text is dropped.
//! - **Links are read from the rendered annotations**: the link text stays
//!   in the sentence followed by `[n]`, and the distinct targets are listed
//!   at the end in order of first appearance. Only http, https and mailto
//!   targets get a number, and none does when the text already shows it.
//!
//! Text without tags is laid out as it is, lines and paragraphs kept. If it
//! holds a `&`, it is first escaped and rendered as the content of a `<pre>`,
//! so that references ending in `;` (`&amp;`, `&#8217;`) are decoded while a
//! bare `&` ("AT&T") stays. Control characters, soft hyphens and zero-width
//! spaces are dropped everywhere: they show nothing and get in the way of
//! searching.

use std::borrow::Cow;
use std::collections::HashMap;
use std::mem;
use std::rc::Rc;

use html2text::render::{TaggedLine, TaggedLineElement, TextDecorator};
use html2text::{Element, Handle, config};

/// Stands for `<br>` in the prepared document.
const LINE_BREAK: char = '\u{E000}';
/// Marks the edges of blocks that html2text would render inline.
const BLOCK_BREAK: char = '\u{E001}';
/// Separates the cells of a table row.
const CELL_BREAK: char = '\u{E002}';
/// What a cell break becomes in the text.
const CELL_SEPARATOR: &str = " · ";

/// Render width: wide enough that no paragraph is ever wrapped, small enough
/// that html2text's width arithmetic cannot overflow.
const WIDTH: usize = i32::MAX as usize;

/// Deepest nesting rendered as it is; deeper subtrees are flattened.
const MAX_DEPTH: usize = 96;

/// Readable plain text from an HTML fragment or document: paragraphs and
/// list items on lines of their own, separated by blank lines, entities
/// decoded, no tags left; the targets of links listed at the end.
///
/// A `<br>` ends a line inside a paragraph; no line is wrapped to a width.
/// Unordered list items start with "- ", ordered ones with their number,
/// nested ones are indented; images show their alt text in brackets (none
/// without it); table cells are joined with " · ". A link keeps its text
/// followed by `[n]`, and after the text comes a blank line and `[n] target`
/// for each distinct http, https or mailto target. Text without tags keeps
/// its lines and paragraphs. Never panics; the words survive any input.
pub(crate) fn to_text(html: &str) -> String {
    let html = without_marks(html);
    if looks_like_html(&html) {
        lay_out(&render(&html))
    } else if html.contains('&') {
        lay_out(&render(&plain_as_html(&html)))
    } else {
        plain_to_text(&html)
    }
}

/// One line of plain text from inline HTML (a title): tags dropped,
/// entities decoded, runs of white space made one space, no link list.
///
/// A string without tags is taken as text: its `<` and any `&` that does
/// not begin a reference ending in `;` stay as they are.
pub(crate) fn inline_to_text(html: &str) -> String {
    let html = without_marks(html);
    let lines = if looks_like_html(&html) {
        render(&html)
    } else if html.contains('&') {
        render(&escape_text(&html))
    } else {
        return one_line(&html);
    };
    let mut text = String::with_capacity(html.len());
    for line in &lines {
        for piece in line.tagged_strings() {
            text.push_str(&piece.s);
        }
        text.push(' ');
    }
    one_line(&text)
}

/// Whether `text` is HTML rather than plain text that happens to hold a `<`.
///
/// True when it holds a start or end tag of a common HTML element (in any
/// case, with or without attributes, or self-closing), an HTML comment or a
/// doctype. "a < b", "x<y", "AT&T" and "I <3 news" are not HTML. Scans for
/// `<` with memchr and allocates nothing.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    // The last `>` is looked up once, when first needed, which keeps the
    // scan linear however many `<` the text holds.
    let mut last_close = None;
    memchr::memchr_iter(b'<', bytes).any(|at| match tag_at(bytes, at) {
        Tag::No => false,
        Tag::Yes => true,
        Tag::IfClosedAfter(end) => last_close
            .get_or_insert_with(|| memchr::memrchr(b'>', bytes))
            .is_some_and(|close| close > end),
    })
}

/// What [`tag_at`] found.
enum Tag {
    No,
    Yes,
    /// A known name followed by white space or `/`: a tag if a `>` follows
    /// somewhere after this index.
    IfClosedAfter(usize),
}

/// Whether a tag, comment or doctype starts at `bytes[at]` (a `<`).
fn tag_at(bytes: &[u8], at: usize) -> Tag {
    let rest = &bytes[at + 1..];
    if let Some(after_bang) = rest.strip_prefix(b"!") {
        let doctype = after_bang
            .get(..7)
            .is_some_and(|word| word.eq_ignore_ascii_case(b"doctype"));
        return if doctype || after_bang.starts_with(b"--") {
            Tag::Yes
        } else {
            Tag::No
        };
    }
    let name_start = usize::from(rest.first() == Some(&b'/'));
    let name_len = rest[name_start..]
        .iter()
        .take(MAX_NAME + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || name_len > MAX_NAME {
        return Tag::No;
    }
    let mut name = [0u8; MAX_NAME];
    for (to, from) in name
        .iter_mut()
        .zip(&rest[name_start..name_start + name_len])
    {
        *to = from.to_ascii_lowercase();
    }
    if !is_html_element(&name[..name_len]) {
        return Tag::No;
    }
    let end = at + 1 + name_start + name_len;
    match bytes.get(end) {
        Some(b'>') => Tag::Yes,
        Some(b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') => Tag::IfClosedAfter(end),
        _ => Tag::No,
    }
}

/// Elements whose tags make a string HTML, sorted: those of common article
/// markup. Names that plain text tends to write between `<` and `>`, as
/// generic types do, are left out (`data`, `option`, `object`, `label`,
/// `input`, …); `time` is in, so `Option<Time>` counts as HTML.
#[rustfmt::skip]
const ELEMENTS: &[&str] = &[
    "a", "abbr", "address", "article", "aside", "audio", "b", "blockquote", "body", "br", "caption",
    "center", "cite", "code", "dd", "del", "details", "div", "dl", "dt", "em", "figcaption",
    "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html",
    "i", "iframe", "img", "ins", "li", "main", "mark", "nav", "noscript", "ol", "p", "picture",
    "pre", "q", "s", "script", "section", "small", "source", "span", "strike", "strong", "style",
    "sub", "summary", "sup", "svg", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
    "u", "ul", "video", "wbr",
];

/// Longest name in [`ELEMENTS`].
const MAX_NAME: usize = 10;

/// Whether `name` (lower case) is one of [`ELEMENTS`].
fn is_html_element(name: &[u8]) -> bool {
    ELEMENTS
        .binary_search_by(|element| element.as_bytes().cmp(name))
        .is_ok()
}

/// `text` without the private-use characters that stand for breaks in the
/// prepared document, so that text can never fake one.
fn without_marks(text: &str) -> Cow<'_, str> {
    if text.contains(is_break) {
        Cow::Owned(text.replace(is_break, "\u{FFFD}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Plain text as the content of a `<pre>`, so that its lines are kept.
fn plain_as_html(text: &str) -> String {
    // The newline after `<pre>` is eaten by the parser, not the text's own.
    format!("<pre>\n{}</pre>", escape_text(text))
}

/// `text` escaped for HTML, except that references ending in `;` are left to
/// be decoded: text from an API often holds `&amp;` or `&#8217;`, and a bare
/// `&` ("AT&T") is still an ampersand.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for (at, c) in text.char_indices() {
        match c {
            '<' => out.push_str("&lt;"),
            '&' if !is_reference(&text[at + 1..]) => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether `after` (what follows a `&`) is a character reference ending in
/// `;`: a name, a decimal or a hexadecimal number.
fn is_reference(after: &str) -> bool {
    let bytes = after.as_bytes();
    let (digits, max, is_digit): (&[u8], usize, fn(&u8) -> bool) = match bytes {
        [b'#', b'x' | b'X', rest @ ..] => (rest, 6, u8::is_ascii_hexdigit),
        [b'#', rest @ ..] => (rest, 7, u8::is_ascii_digit),
        _ => (bytes, 32, u8::is_ascii_alphanumeric),
    };
    let len = digits
        .iter()
        .take(max + 1)
        .take_while(|b| is_digit(b))
        .count();
    (1..=max).contains(&len) && digits.get(len) == Some(&b';')
}

/// What html2text reports about a run of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
enum Mark {
    /// Nothing this module cares about (emphasis, code, …).
    #[default]
    Plain,
    /// Inside a link to the target.
    Link(Rc<str>),
    /// Inside a `<pre>`.
    Pre,
}

/// html2text decorator that adds no characters but list marks and image alt
/// text, and reports links and preformatted text.
struct Decorator;

impl TextDecorator for Decorator {
    type Annotation = Mark;

    fn decorate_link_start(&mut self, url: &str) -> (String, Mark) {
        (String::new(), Mark::Link(Rc::from(url)))
    }

    fn decorate_link_end(&mut self) -> String {
        String::new()
    }

    fn decorate_em_start(&self) -> (String, Mark) {
        (String::new(), Mark::Plain)
    }

    fn decorate_em_end(&self) -> String {
        String::new()
    }

    fn decorate_strong_start(&self) -> (String, Mark) {
        (String::new(), Mark::Plain)
    }

    fn decorate_strong_end(&self) -> String {
        String::new()
    }

    fn decorate_strikeout_start(&self) -> (String, Mark) {
        (String::new(), Mark::Plain)
    }

    fn decorate_strikeout_end(&self) -> String {
        String::new()
    }

    fn decorate_code_start(&self) -> (String, Mark) {
        (String::new(), Mark::Plain)
    }

    fn decorate_code_end(&self) -> String {
        String::new()
    }

    fn decorate_preformat_first(&self) -> Mark {
        Mark::Pre
    }

    fn decorate_preformat_cont(&self) -> Mark {
        Mark::Pre
    }

    fn decorate_image(&mut self, _src: &str, title: &str) -> (String, Mark) {
        (format!("[{}]", title.trim()), Mark::Plain)
    }

    fn header_prefix(&self, _level: usize) -> String {
        String::new()
    }

    fn quote_prefix(&self) -> String {
        String::new()
    }

    fn unordered_item_prefix(&self) -> String {
        "- ".to_owned()
    }

    fn ordered_item_prefix(&self, i: i64) -> String {
        format!("{i}. ")
    }

    fn make_subblock_decorator(&self) -> Self {
        Decorator
    }

    fn decorate_superscript_start(&self) -> (String, Mark) {
        (String::new(), Mark::Plain)
    }

    fn decorate_superscript_end(&self) -> String {
        String::new()
    }
}

/// Lines of text rendered by html2text, each run of text with the marks of
/// the elements around it, outermost first.
type Lines = Vec<TaggedLine<Vec<Mark>>>;

/// Parses, prepares and renders `html` with unlimited width, piece by piece
/// (see [`pieces`]). A piece that html2text cannot render is read as
/// [`fallback`] has it.
fn render(html: &str) -> Lines {
    let config = html_config();
    BREAKS.with(|breaks| {
        let mut lines = Vec::new();
        for piece in pieces(html) {
            match breaks
                .as_ref()
                .ok_or(html2text::Error::Fail)
                .and_then(|breaks| render_piece(&config, piece, breaks))
            {
                Ok(mut rendered) => lines.append(&mut rendered),
                Err(_) => lines.append(&mut fallback(piece)),
            }
        }
        lines
    })
}

/// html2text set up for [`render`].
fn html_config() -> config::Config<Decorator> {
    config::with_decorator(Decorator)
        .link_footnotes(false)
        .unicode_strikeout(false)
        .no_table_borders()
}

/// Renders one piece of [`render`].
fn render_piece(
    config: &config::Config<Decorator>,
    piece: &str,
    breaks: &Breaks,
) -> Result<Lines, html2text::Error> {
    let dom = config.parse_html(piece.as_bytes())?;
    prepare(&dom.document, breaks);
    let tree = config.dom_to_render_tree(&dom)?;
    config.render_to_lines(tree, WIDTH)
}

/// The lines of `html` from html2text's plainest mode (every line taken
/// for a block), or failing that the text as given: the words are kept
/// whatever happens.
fn fallback(html: &str) -> Lines {
    let text = config::with_decorator(html2text::render::TrivialDecorator::new())
        .raw_mode(true)
        .string_from_read(html.as_bytes(), WIDTH)
        .unwrap_or_else(|_| html.to_owned());
    text.lines()
        .map(|line| TaggedLine::from_string(line.to_owned(), &Vec::new()))
        .collect()
}

thread_local! {
    /// The break nodes, parsed once per thread (nodes are not `Send`).
    static BREAKS: Option<Breaks> = Breaks::parse(&html_config()).ok();
}

/// Most elements a piece of input may leave open, by the count of
/// [`pieces`]: browsers stop nesting at 512.
const MAX_OPEN: usize = 256;

/// `html` cut before start tags into pieces that each leave at most
/// [`MAX_OPEN`] elements open, so that each can be parsed on its own in
/// reasonable time: html5ever's tree builder takes time quadratic in the
/// nesting depth and has no cap. Ordinary HTML stays one piece.
///
/// The count is a cheap estimate, not a parse: it skips comments and the
/// content of elements whose content is text (`script`, `style`, …), adds
/// one for a start tag and takes one away for an end tag, leaving out void
/// elements, self-closed tags and the elements that the next one of their
/// kind closes (`p`, `li`, `td`, …). Crafted input can nest deeper than it
/// counts; it then costs parse time, nothing worse.
fn pieces(html: &str) -> Vec<&str> {
    let bytes = html.as_bytes();
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut open = 0usize;
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let lt = at + found;
        at = lt + 1;
        let rest = &bytes[at..];
        if rest.starts_with(b"!--") {
            at = memchr::memmem::find(&rest[3..], b"-->").map_or(bytes.len(), |end| at + end + 6);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let Some(name) = TagName::read(&rest[usize::from(closing)..]) else {
            continue;
        };
        let Some(tag_end) = memchr::memchr(b'>', rest) else {
            break;
        };
        at += tag_end + 1;
        if closing {
            if name.nests() {
                open = open.saturating_sub(1);
            }
        } else if name.as_bytes() == b"plaintext" {
            // Everything after it is text.
            break;
        } else if name.holds_text() {
            at = end_tag(bytes, at, name.as_bytes());
        } else if name.nests() && rest[tag_end.saturating_sub(1)] != b'/' {
            if open == MAX_OPEN {
                pieces.push(&html[start..lt]);
                start = lt;
                open = 0;
            }
            open += 1;
        }
    }
    pieces.push(&html[start..]);
    pieces
}

/// Where the end tag `</name` starts at or after `from`, or the end of input.
fn end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(found) = memchr::memmem::find(&bytes[at..], b"</") {
        let lt = at + found;
        let after = &bytes[lt + 2..];
        if after.len() >= name.len()
            && after[..name.len()].eq_ignore_ascii_case(name)
            && !after.get(name.len()).is_some_and(u8::is_ascii_alphanumeric)
        {
            return lt;
        }
        at = lt + 2;
    }
    bytes.len()
}

/// The lower-case name at the start of a tag, for [`pieces`].
struct TagName {
    bytes: [u8; 16],
    len: usize,
}

impl TagName {
    /// Reads the name at the start of `tag` (what follows `<` or `</`); a
    /// name longer than 16 bytes is cut short, which matters to no rule.
    fn read(tag: &[u8]) -> Option<Self> {
        if !tag.first().is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let mut name = TagName {
            bytes: [0; 16],
            len: 0,
        };
        for (to, from) in name.bytes.iter_mut().zip(
            tag.iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-'),
        ) {
            *to = from.to_ascii_lowercase();
            name.len += 1;
        }
        Some(name)
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// Whether the element's content is text up to its end tag.
    fn holds_text(&self) -> bool {
        matches!(
            self.as_bytes(),
            b"iframe"
                | b"noembed"
                | b"noframes"
                | b"plaintext"
                | b"script"
                | b"style"
                | b"textarea"
                | b"title"
                | b"xmp"
        )
    }

    /// Whether a start tag of the element can add a level of nesting.
    fn nests(&self) -> bool {
        !matches!(
            self.as_bytes(),
            // Void elements.
            b"area" | b"base" | b"basefont" | b"bgsound" | b"br" | b"col" | b"embed" | b"frame"
                | b"hr" | b"image" | b"img" | b"input" | b"keygen" | b"link" | b"meta"
                | b"param" | b"source" | b"track" | b"wbr"
                // Closed by the next of their kind, or only ever one deep.
                | b"body" | b"caption" | b"colgroup" | b"dd" | b"dt" | b"head" | b"html"
                | b"li" | b"optgroup" | b"option" | b"p" | b"rb" | b"rp" | b"rt" | b"rtc"
                | b"tbody" | b"td" | b"tfoot" | b"th" | b"thead" | b"tr"
        ) && !self.holds_text()
    }
}

/// Text nodes holding one break character each, spliced into documents.
///
/// A node can appear in many places: the renderer only reads the tree.
struct Breaks {
    line: Handle,
    block: Handle,
    cell: Handle,
}

impl Breaks {
    /// Takes the three text nodes from a parsed template.
    fn parse(config: &config::Config<Decorator>) -> Result<Self, html2text::Error> {
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
fn prepare(root: &Handle, breaks: &Breaks) {
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

/// Lays out rendered lines as text with the link list at the end.
fn lay_out(lines: &Lines) -> String {
    let mut page = Page::default();
    let mut numbers = Links::default();
    let mut open: Option<OpenLink> = None;
    let mut after_pre = false;
    for line in lines {
        let pre = line
            .tagged_strings()
            .any(|piece| piece.tag.contains(&Mark::Pre));
        if pre && after_pre {
            page.break_line();
        } else {
            page.break_block();
        }
        // A lead whose line had no text (an empty item) is not carried on.
        page.lead.clear();
        after_pre = pre && !line_is_empty(line);
        let mut at_start = true;
        for piece in line.tagged_strings() {
            let target = piece.tag.iter().rev().find_map(|mark| match mark {
                Mark::Link(target) => Some(target),
                _ => None,
            });
            if open.as_ref().map(|link| &link.target) != target {
                if let Some(link) = open.take() {
                    link.close(&mut page, &mut numbers);
                }
                open = target.map(|target| OpenLink {
                    target: Rc::clone(target),
                    text: String::new(),
                });
            }
            let mut text = piece.s.as_str();
            if at_start && !pre {
                // html2text indents nested list items and the later lines
                // of an item, and starts an item with its mark; keep them
                // with the item's first text even if a break comes first
                // (`<li><figure>`), but keep no other leading space.
                let indent = text.len() - text.trim_start_matches(' ').len();
                let lead = indent + list_mark_len(&text[indent..]);
                page.lead(&text[..lead]);
                text = &text[lead..];
                at_start = text.is_empty();
            }
            if let Some(link) = &mut open {
                link.text.push_str(text);
            }
            page.push(text, pre);
        }
    }
    if let Some(link) = open.take() {
        link.close(&mut page, &mut numbers);
    }
    numbers.append_to(&mut page);
    page.out
}

/// The length of the list item marks ("- ", "12. ", "- - " for an item
/// whose first content is a list) that `text` starts with, or 0.
fn list_mark_len(text: &str) -> usize {
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

/// A link whose text is being laid out.
struct OpenLink {
    target: Rc<str>,
    text: String,
}

impl OpenLink {
    /// Ends the link: its number after its text, if it gets one.
    fn close(self, page: &mut Page, links: &mut Links) {
        if needs_number(&self.target, &self.text) {
            page.mark(links.number(&self.target));
        }
    }
}

/// Whether a link to `target` with text `text` gets a number: it goes to an
/// http, https or mailto address that its text does not already show.
fn needs_number(target: &str, text: &str) -> bool {
    let target = target.trim();
    let text: String = text
        .chars()
        .filter(|c| !is_break(*c) && !is_invisible(*c))
        .collect();
    let text = text.trim();
    if text.is_empty() {
        return false;
    }
    let Some(address) = ["https://", "http://", "mailto:"]
        .iter()
        .find_map(|scheme| strip_prefix_ignore_case(target, scheme))
    else {
        return false;
    };
    let text = ["https://", "http://", "mailto:"]
        .iter()
        .find_map(|scheme| strip_prefix_ignore_case(text, scheme))
        .unwrap_or(text);
    let bare = |s: &str| {
        let s = strip_prefix_ignore_case(s, "www.").unwrap_or(s);
        s.trim_end_matches('/').to_lowercase()
    };
    bare(address) != bare(text)
}

/// `s` without `prefix`, compared without regard to ASCII case.
fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Whether `c` is one of the characters that stand for breaks.
fn is_break(c: char) -> bool {
    matches!(c, LINE_BREAK | BLOCK_BREAK | CELL_BREAK)
}

/// The numbered link targets of a text, in order of first appearance.
#[derive(Default)]
struct Links {
    targets: Vec<String>,
    numbers: HashMap<String, usize>,
}

impl Links {
    /// The number of `target`, given the next one if it is new.
    fn number(&mut self, target: &str) -> usize {
        // Browsers drop tabs and line breaks from addresses; so does the list.
        let target: String = target
            .trim()
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        if let Some(&number) = self.numbers.get(&target) {
            return number;
        }
        self.targets.push(target.clone());
        let number = self.targets.len();
        self.numbers.insert(target, number);
        number
    }

    /// The list, one `[n] target` line each, as a block of its own.
    fn append_to(self, page: &mut Page) {
        for (index, target) in self.targets.iter().enumerate() {
            if index == 0 {
                page.break_block();
            } else {
                page.break_line();
            }
            page.push(&format!("[{}] {target}", index + 1), true);
        }
    }
}

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
struct Page {
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
    fn break_line(&mut self) {
        if self.line_has_text {
            self.gap = self.gap.max(Gap::Line);
        } else if self.gap == Gap::Line {
            // Two line breaks in a row (`<br><br>`) end a paragraph.
            self.gap = Gap::Block;
        }
        self.end_line();
    }

    /// Ends the block.
    fn break_block(&mut self) {
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
    fn lead(&mut self, lead: &str) {
        self.lead.push_str(lead);
    }

    /// Appends text; in `verbatim` text (preformatted or plain) white space
    /// is kept, tabs expanded, elsewhere runs of it become one space.
    fn push(&mut self, text: &str, verbatim: bool) {
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
    fn mark(&mut self, number: usize) {
        let mark = format!("[{number}]");
        self.out.push_str(&mark);
        if self.line_has_text {
            self.column += mark.len();
        }
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

/// Plain text laid out as it is: lines and paragraphs kept, trailing
/// spaces and extra blank lines dropped.
fn plain_to_text(text: &str) -> String {
    let mut page = Page::default();
    // Like the HTML parser, take a lone carriage return for a line break.
    for line in text.lines().flat_map(|line| line.split('\r')) {
        page.break_line();
        page.push(line, true);
    }
    page.out
}

/// All white space runs, break characters included, made one space; the
/// ends trimmed.
fn one_line(text: &str) -> String {
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

/// Whether `c` shows nothing and is in the way of searching: a control
/// character, a soft hyphen or a zero-width space.
fn is_invisible(c: char) -> bool {
    c.is_control() || matches!(c, '\u{AD}' | '\u{200B}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_lines_separated_by_a_blank_line() {
        let html = "<p>The council met on Monday.</p>\n  <p>It voted\n on the budget.</p>";
        assert_eq!(
            to_text(html),
            "The council met on Monday.\n\nIt voted on the budget."
        );
    }

    #[test]
    fn a_br_breaks_the_line_inside_a_paragraph() {
        assert_eq!(
            to_text("<p>12 Rue Haute<br>Brussels <br/> Belgium</p><p>Next</p>"),
            "12 Rue Haute\nBrussels\nBelgium\n\nNext"
        );
    }

    #[test]
    fn two_brs_in_a_row_end_a_paragraph() {
        assert_eq!(
            to_text("First<br><br>Second<br><br><br><br>Third<br>"),
            "First\n\nSecond\n\nThird"
        );
    }

    #[test]
    fn long_paragraphs_are_not_wrapped() {
        let words = vec!["lengthy"; 400].join(" ");
        assert_eq!(to_text(&format!("<p>{words}</p>")), words);
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
    fn text_strayed_between_list_items_is_kept() {
        let html = "<ol>Before<li>one</li>between<li>two</li></ol>\
                    <dl><div><dt>Term</dt><dd>Meaning</dd></div></dl>";
        assert_eq!(
            to_text(html),
            "Before\n\n1. one\n\nbetween\n\n2. two\n\nTerm\n\n  Meaning"
        );
    }

    #[test]
    fn headings_quotes_and_emphasis_carry_no_marks() {
        let html = "<h1>Storm</h1><h3>Update</h3><blockquote><p>We are <em>ready</em>.</p>\
                    </blockquote><p><strong>Bold</strong> <b>b</b> <i>i</i> <code>x = 1</code> \
                    <del>old</del> <sup>th</sup></p>";
        assert_eq!(
            to_text(html),
            "Storm\n\nUpdate\n\nWe are ready.\n\nBold b i x = 1 old th"
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
    fn named_numeric_and_hex_entities_are_decoded() {
        assert_eq!(
            to_text("<p>AT&amp;T &eacute;t&eacute; &#8220;quoted&#8221; caf&#xE9; &lt;tag&gt;</p>"),
            "AT&T été “quoted” café <tag>"
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
    fn links_are_marked_in_the_text_and_listed_at_the_end() {
        let html = "<p>The <a href=\"https://example.org/report\">report</a> and \
                    <a href=\"mailto:desk@example.org\">the desk</a>.</p>\
                    <p><a href=\"http://example.net/\">More</a>, and the \
                    <a href=\"https://example.org/report\">same report</a>.</p>";
        assert_eq!(
            to_text(html),
            "The report[1] and the desk[2].\n\nMore[3], and the same report[1].\n\n\
             [1] https://example.org/report\n[2] mailto:desk@example.org\n[3] http://example.net/"
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
    fn links_that_need_no_number_get_none() {
        let html = "<p><a href=\"https://example.org/a\">https://example.org/a</a> \
                    <a href=\"https://www.example.org/\">example.org</a> \
                    <a href=\"mailto:a@example.org\">a@example.org</a> \
                    <a href=\"#notes\">notes</a> <a href=\"javascript:void(0)\">menu</a> \
                    <a href=\"/local/page\">local</a> <a href=\"ftp://example.org\">ftp</a> \
                    <a href=\"https://example.org/b\"> &shy;</a> <a name=\"x\">anchor</a></p>";
        assert_eq!(
            to_text(html),
            "https://example.org/a example.org a@example.org notes menu local ftp anchor"
        );
    }

    #[test]
    fn the_number_follows_the_link_text_not_the_space_after_it() {
        let html = "<p>See <a href=\"https://example.org\">this </a>now, <a href=\
                    \"https://example.com\">that<br></a>then.</p>";
        assert_eq!(
            to_text(html),
            "See this[1] now, that[2]\nthen.\n\n[1] https://example.org\n[2] https://example.com"
        );
    }

    #[test]
    fn a_link_around_blocks_gets_its_number_at_its_end() {
        let html = "<a href=\"https://example.org/story\"><h2>Title</h2><p>Summary</p></a>";
        assert_eq!(
            to_text(html),
            "Title\n\nSummary[1]\n\n[1] https://example.org/story"
        );
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
    fn images_show_their_alt_text_in_brackets() {
        let html = "<figure><img src=\"a.jpg\" alt=\" Flooded street (Photo: Agency) \">\
                    <figcaption>Caption</figcaption></figure><p>Icon <img src=\"i.png\"> \
                    <img src=\"d.png\" alt=\"\">here</p>";
        assert_eq!(
            to_text(html),
            "[Flooded street (Photo: Agency)]\n\nCaption\n\nIcon here"
        );
    }

    #[test]
    fn nested_inline_tags_keep_words_whole_and_in_order() {
        let html = "<p>A <span><b>very <i>deeply <u>nested</u></i></b> <em>phr<strong>ase\
                    </strong></em></span> here.</p>";
        assert_eq!(to_text(html), "A very deeply nested phrase here.");
    }

    #[test]
    fn broken_html_keeps_its_words() {
        assert_eq!(
            to_text("<p>Unclosed <b>bold <i>both<p>Next"),
            "Unclosed bold both\n\nNext"
        );
        assert_eq!(
            to_text("<div>Text</span></p></div></div>after"),
            "Text\n\nafter"
        );
        assert_eq!(to_text("<p>Cut off <a href=\"https://exa"), "Cut off");
        assert_eq!(to_text("<p>Cut in a tag <b"), "Cut in a tag");
        assert_eq!(to_text("<ul><li>One<li>Two</ul>"), "- One\n\n- Two");
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

    #[test]
    fn plain_text_has_tabs_expanded_and_control_characters_dropped() {
        assert_eq!(
            to_text("a\tb\tc\r\nd\re\u{7}f\u{1b}[31m\u{ad}g"),
            "a       b       c\nd\nef[31mg"
        );
    }

    #[test]
    fn plain_text_has_references_with_a_semicolon_decoded() {
        assert_eq!(
            to_text("Tom &amp; Jerry &#8217;s &#x2014; fish&chips &copy &c; &unknown;"),
            "Tom & Jerry ’s — fish&chips &copy &c; &unknown;"
        );
    }

    #[test]
    fn break_characters_in_the_input_are_only_text() {
        let text = to_text("<p>a\u{E000}b\u{E001}c\u{E002}d</p>");
        assert_eq!(text, "a\u{FFFD}b\u{FFFD}c\u{FFFD}d");
    }

    #[test]
    fn empty_and_blank_input_give_empty_text() {
        for input in [
            "",
            "   \n\n ",
            "<p></p>",
            "<br><br>",
            "<!-- only -->",
            "<script>x</script>",
        ] {
            assert_eq!(to_text(input), "", "{input:?}");
        }
    }

    #[test]
    fn binary_junk_does_not_panic() {
        let mut state = 0x2545_f491_u32;
        let bytes: Vec<u8> = (0..200_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state.to_le_bytes()[0]
            })
            .collect();
        let junk = String::from_utf8_lossy(&bytes);
        let text = to_text(&junk);
        assert!(!text.contains("\n\n\n"));
        let title = inline_to_text(&junk);
        assert!(!title.contains('\n'));
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

    #[test]
    fn deep_nesting_is_parsed_in_pieces_and_ordinary_html_in_one() {
        let article = "<div><p>One <b>two</b></p><ul><li>x<li>y</ul><img src=a><br></div>";
        assert_eq!(pieces(&article.repeat(1000)).len(), 1);
        let deep = "<div>".repeat(3 * MAX_OPEN);
        let cut = pieces(&deep);
        assert_eq!(cut.len(), 3);
        assert_eq!(cut.concat(), deep);
        // Tags inside comments and scripts are not counted.
        let hidden = format!("<!--{deep}--><script>'{deep}'</script>");
        assert_eq!(pieces(&hidden).len(), 1);
    }

    #[test]
    fn the_fallback_keeps_the_words() {
        let lines = fallback("<p>One <b>two</b></p><p>three <i>four</i></p>");
        assert_eq!(lay_out(&lines), "One two\n\nthree four");
    }

    #[test]
    fn titles_become_one_line() {
        assert_eq!(
            inline_to_text(
                "  <b>Floods</b> in <a href=\"https://example.org\">Valencia</a>:\n\
                            <em>&#8220;worst&nbsp;in decades&#8221;</em><br>update "
            ),
            "Floods in Valencia: “worst in decades” update"
        );
        assert_eq!(inline_to_text("<p>One</p><p>Two</p>"), "One Two");
        assert_eq!(
            inline_to_text("Q&amp;A: why x<y  and AT&T\n matter"),
            "Q&A: why x<y and AT&T matter"
        );
        assert_eq!(inline_to_text(""), "");
    }

    #[test]
    fn html_is_told_by_its_tags() {
        for html in [
            "<p>Hello</p>",
            "Text with a break<br>",
            "Line<BR/>",
            "<br />",
            "see <A HREF=\"x\">this</A>",
            "<img src=\"a.png\" alt=\"\">",
            "closing only</div>",
            "<h2 class=\"t\">Title</h2>",
            "<!-- note -->text",
            "<!DOCTYPE html><title>x</title>",
            "<figcaption>x",
            "a <span\n  class=\"x\">b</span>",
        ] {
            assert!(looks_like_html(html), "{html:?}");
        }
    }

    #[test]
    fn plain_text_with_angle_brackets_or_ampersands_is_not_html() {
        for text in [
            "a < b and c > d",
            "x<y",
            "AT&T",
            "Q&A",
            "I <3 news",
            "Vec<String> and Option<T>",
            "<<< >>>",
            "<p",
            "a <b and no closing",
            "<pre-release>",
            "<html5>",
            "<!doesn't count",
            "",
        ] {
            assert!(!looks_like_html(text), "{text:?}");
        }
    }

    #[test]
    fn element_names_are_sorted_lower_case_and_short() {
        assert!(ELEMENTS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(ELEMENTS.iter().all(|name| {
            name.len() <= MAX_NAME
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        }));
        assert_eq!(ELEMENTS.iter().map(|name| name.len()).max(), Some(MAX_NAME));
    }

    /// What [`looks_like_html`] answers, written the slow and obvious way.
    fn looks_like_html_naive(text: &str) -> bool {
        let lower = text.to_ascii_lowercase();
        lower.match_indices('<').any(|(at, _)| {
            let rest = &lower[at + 1..];
            if rest.starts_with("!--") || rest.starts_with("!doctype") {
                return true;
            }
            let rest = rest.strip_prefix('/').unwrap_or(rest);
            let name: String = rest
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            if !ELEMENTS.contains(&name.as_str()) {
                return false;
            }
            let after = &rest[name.len()..];
            match after.chars().next() {
                Some('>') => true,
                Some('/' | ' ' | '\t' | '\n' | '\r' | '\x0c') => after.contains('>'),
                _ => false,
            }
        })
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;
        use std::collections::HashMap;
        use std::fmt::Write as _;

        /// A generated document and the words of each of its paragraphs.
        #[derive(Debug, Clone)]
        struct Document {
            html: String,
            paragraphs: Vec<Vec<String>>,
        }

        /// How one word is written: the choices, as bits.
        type Choices = u16;

        const INLINE: &[&str] = &[
            "b", "i", "em", "strong", "span", "code", "small", "u", "s", "mark", "sub", "sup",
            "font", "abbr", "q", "cite", "a",
        ];

        /// Elements for [`any_markup_gives_tidy_text`], chosen for the
        /// special parsing or rendering they get.
        #[rustfmt::skip]
        const TAGS: &[&str] = &[
            "a href", "b", "blockquote", "br", "caption", "col", "colgroup", "dd", "div", "dl",
            "dt", "figure", "frameset", "h1", "iframe", "img alt=x src", "li", "math", "noscript",
            "ol", "ol start=9223372036854775807", "option", "p", "plaintext", "pre", "script",
            "section", "select", "style", "sup", "svg", "table", "tbody", "td colspan=4294967296",
            "td rowspan=0", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "ul",
            "xmp",
        ];

        /// Blocks a generated paragraph is wrapped in; some stand for a
        /// small structure (see [`paragraph_html`]).
        #[rustfmt::skip]
        const BLOCKS: &[&str] = &[
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "li", "ol",
            "figcaption", "section", "article", "header", "footer", "aside", "address", "dd", "dt",
            "td", "div-p", "nav", "main", "details", "li-figure", "li-br",
        ];

        fn attributes(seed: u16) -> String {
            match seed % 6 {
                0 => String::new(),
                1 => format!(" class=\"c{seed}\""),
                2 => format!(" id='i{seed}' data-n=\"{seed}\""),
                3 => " title=\"a &amp; b > c\"".to_owned(),
                4 => format!(" style=\"color: red\" lang=en dir=ltr data-x={seed}"),
                _ => " hidden=\"\" aria-label=\"x < y\"".to_owned(),
            }
        }

        /// `word` with, by `choice`, one letter written as a reference.
        fn written(word: &str, choice: Choices) -> String {
            let Some((at, letter)) = word
                .char_indices()
                .filter(|(_, c)| c.is_ascii_alphabetic())
                .nth(usize::from(choice % 5))
            else {
                return word.to_owned();
            };
            let reference = match (choice >> 3) % 3 {
                0 => return word.to_owned(),
                1 => format!("&#x{:x};", u32::from(letter)),
                _ => format!("&#{};", u32::from(letter)),
            };
            format!(
                "{}{reference}{}",
                &word[..at],
                &word[at + letter.len_utf8()..]
            )
        }

        /// The HTML of one paragraph's words inside a block.
        fn paragraph_html(words: &[(String, Choices)], block: &str, attrs: &str) -> String {
            let mut inner = String::new();
            let mut open: Option<&str> = None;
            for (index, (word, choice)) in words.iter().enumerate() {
                if index > 0 {
                    match (choice >> 6) % 8 {
                        0 => inner.push_str(" &amp; "),
                        1 if block == "td" => inner.push_str("</td><td> "),
                        2 => inner.push_str(" <br>"),
                        3 => inner.push_str("\n  "),
                        _ => inner.push(' '),
                    }
                }
                if open.is_none() && (choice >> 9) % 3 == 0 {
                    let tag = INLINE[usize::from(choice >> 11) % INLINE.len()];
                    if tag == "a" {
                        write!(
                            inner,
                            "<a href=\"https://example.com/{}\"{}>",
                            choice % 4,
                            attributes(*choice)
                        )
                        .unwrap();
                    } else {
                        write!(inner, "<{tag}{}>", attributes(*choice)).unwrap();
                    }
                    open = Some(tag);
                }
                inner.push_str(&written(word, *choice));
                if let Some(tag) = open
                    && (choice >> 14) % 2 == 0
                {
                    write!(inner, "</{tag}>").unwrap();
                    open = None;
                }
            }
            if let Some(tag) = open {
                write!(inner, "</{tag}>").unwrap();
            }
            match block {
                "li" => format!("<ul{attrs}>\n  <li>{inner}</li>\n</ul>"),
                "li-figure" => {
                    format!("<ul><li{attrs}><figure><figcaption>{inner}</figcaption></figure></ul>")
                }
                "li-br" => format!("<ol><li{attrs}><br>{inner}</ol>"),
                "ol" => format!("<ol><li{attrs}>{inner}</ol>"),
                "dd" | "dt" => format!("<dl>\n<{block}{attrs}>{inner}</{block}>\n</dl>"),
                "td" => format!("<table{attrs}><tr><td>{inner}</td></tr></table>"),
                "div-p" => format!("<div{attrs}><p>{inner}</p></div>"),
                "blockquote" => format!("<blockquote{attrs}><p>{inner}</p></blockquote>"),
                _ => format!("<{block}{attrs}>{inner}</{block}>"),
            }
        }

        fn document() -> impl Strategy<Value = Document> {
            let word = ("[a-zA-Z][a-zA-Z0-9]{0,6}", any::<Choices>());
            let paragraph = (
                proptest::collection::vec(word, 1..12),
                0..BLOCKS.len(),
                any::<u16>(),
            );
            proptest::collection::vec(paragraph, 1..8).prop_map(|paragraphs| {
                let mut html = String::new();
                let mut all = Vec::new();
                let mut count = 0;
                for (index, (words, block, seed)) in paragraphs.into_iter().enumerate() {
                    // A unique suffix makes every word findable; the `z`
                    // keeps the suffix apart from digits in the word.
                    let words: Vec<(String, Choices)> = words
                        .into_iter()
                        .map(|(word, choice)| {
                            count += 1;
                            (format!("{word}z{count}"), choice)
                        })
                        .collect();
                    if index > 0 && seed % 3 == 0 {
                        html.push_str("\n\n");
                    }
                    if seed % 7 == 0 {
                        html.push_str("<img src=\"photo.jpg\"><!-- between -->");
                    }
                    html.push_str(&paragraph_html(&words, BLOCKS[block], &attributes(seed)));
                    all.push(words.into_iter().map(|(word, _)| word).collect());
                }
                Document {
                    html,
                    paragraphs: all,
                }
            })
        }

        /// A tag of one of [`TAGS`] with random attributes, some text, or a
        /// comment.
        fn markup_part() -> impl Strategy<Value = String> {
            let attributes = "( [a-z]{1,7}(=\"?-?[0-9a-z#:/.]{0,20}\"?)?){0,2}";
            prop_oneof![
                (0..TAGS.len(), attributes, any::<u8>()).prop_map(|(tag, attributes, how)| {
                    match how % 4 {
                        0 => format!("</{}>", TAGS[tag]),
                        1 => format!("<{}{attributes}/>", TAGS[tag]),
                        _ => format!("<{}{attributes}>", TAGS[tag]),
                    }
                }),
                "[a-z]{1,6}( |\n|&[#a-z0-9]{0,5};?|<|>)?",
                Just("<!-- c -->".to_owned()),
            ]
        }

        /// The runs of letters and digits in `text`.
        fn tokens(text: &str) -> impl Iterator<Item = &str> {
            text.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|token| !token.is_empty())
        }

        /// No line is a list mark alone, parted from its item's text.
        #[track_caller]
        fn assert_marks_have_text(text: &str) {
            for line in text.lines() {
                let line = line.trim();
                assert!(
                    line.is_empty() || list_mark_len(&format!("{line} ")) <= line.len(),
                    "lone mark in {text:?}"
                );
            }
        }

        /// No blank line at either end, none of only spaces, never two in
        /// a row, no space at the end of a line. (Lines may be indented.)
        #[track_caller]
        fn assert_tidy(text: &str) {
            assert!(!text.contains("\n\n\n"), "three newlines in {text:?}");
            assert!(!text.starts_with('\n'), "leading blank line in {text:?}");
            assert!(
                !text.ends_with(char::is_whitespace),
                "trailing space in {text:?}"
            );
            for line in text.lines() {
                assert!(
                    !line.ends_with(char::is_whitespace),
                    "trailing space in {line:?}"
                );
            }
        }

        proptest! {
            #[test]
            fn generated_documents_read_as_their_paragraphs(document in document()) {
                let text = to_text(&document.html);
                assert_tidy(&text);
                assert_marks_have_text(&text);
                let bytes = text.as_bytes();
                for (at, _) in text.match_indices('<') {
                    let next = bytes.get(at + 1).copied().unwrap_or(b' ');
                    prop_assert!(
                        !(next.is_ascii_alphabetic() || next == b'/' || next == b'!'),
                        "tag left in {:?}", text
                    );
                }
                for (at, _) in text.match_indices('&') {
                    let run = text[at + 1..]
                        .bytes()
                        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
                        .count();
                    prop_assert!(
                        run == 0 || bytes.get(at + 1 + run) != Some(&b';'),
                        "entity left in {:?}", text
                    );
                }
                let paragraph_of: HashMap<&str, usize> = document
                    .paragraphs
                    .iter()
                    .enumerate()
                    .flat_map(|(index, words)| words.iter().map(move |w| (w.as_str(), index)))
                    .collect();
                let found: Vec<&str> =
                    tokens(&text).filter(|t| paragraph_of.contains_key(t)).collect();
                let expected: Vec<&str> =
                    document.paragraphs.iter().flatten().map(String::as_str).collect();
                prop_assert_eq!(found, expected, "in {:?}", text);
                for line in text.lines() {
                    let mut seen = tokens(line).filter_map(|t| paragraph_of.get(t));
                    if let Some(first) = seen.next() {
                        prop_assert!(seen.all(|p| p == first), "line {:?} mixes paragraphs", line);
                    }
                }
            }

            #[test]
            fn generated_titles_read_as_one_line(document in document()) {
                let title = inline_to_text(&document.html);
                prop_assert!(!title.contains('\n') && !title.contains("  "), "{:?}", title);
                prop_assert_eq!(title.trim(), title.as_str());
                let words: Vec<&str> =
                    document.paragraphs.iter().flatten().map(String::as_str).collect();
                let found: Vec<&str> =
                    tokens(&title).filter(|t| words.contains(t)).collect();
                prop_assert_eq!(found, words);
            }

            #[test]
            fn plain_text_comes_back_as_its_paragraphs(
                paragraphs in proptest::collection::vec(
                    proptest::collection::vec("[a-zA-Z0-9.,:!?'()&<>-]{1,10}", 1..10), 1..6),
                gaps in proptest::collection::vec("[ \t]{0,2}\r?\n([ ]{0,2}\r?\n){1,3}", 5),
            ) {
                let mut input = String::new();
                for (index, words) in paragraphs.iter().enumerate() {
                    if index > 0 {
                        input.push_str(&gaps[index - 1]);
                    }
                    input.push_str(&words.join(" "));
                }
                prop_assume!(!looks_like_html(&input));
                let expected: Vec<String> =
                    paragraphs.iter().map(|words| words.join(" ")).collect();
                prop_assert_eq!(to_text(&input), expected.join("\n\n"));
            }

            #[test]
            fn any_markup_gives_tidy_text(
                parts in proptest::collection::vec(markup_part(), 0..60)
            ) {
                let input = parts.concat();
                let text = to_text(&input);
                assert_tidy(&text);
                assert_marks_have_text(&text);
                let title = inline_to_text(&input);
                prop_assert!(!title.contains('\n'));
            }

            #[test]
            fn looks_like_html_agrees_with_the_naive_scan(
                text in "([<>/! \n\t=\"-]|[pPbBrRaA]{1,3}|h[1-7]|div|span|!--|doctype|x|3)*"
            ) {
                prop_assert_eq!(looks_like_html(&text), looks_like_html_naive(&text));
            }
        }
    }

    /// Throwaway timing: `cargo test --release --lib store::html -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement, not a check"]
    fn time_a_typical_article() {
        let paragraph = "<p>The regional council <em>voted</em> on Tuesday to fund the new \
            tram line, after a <a href=\"https://example.org/report\">report</a> by the \
            transport authority found that traffic on the ring road had grown by a fifth \
            since 2019. Opponents, led by the <strong>Greens</strong>, said the money \
            would be better spent on buses; the mayor&#8217;s office called the vote \
            &ldquo;a turning point&rdquo; and promised <a href=\"https://example.org/plan\">\
            a detailed plan</a> by the spring.</p>\n";
        let html = format!(
            "<h2>Tram line approved</h2>\n{}<figure><img src=\"a.jpg\" alt=\"The tram depot\">\
             <figcaption>The depot (Photo: Agency)</figcaption></figure>\n{}",
            paragraph.repeat(6),
            paragraph.repeat(4)
        );
        let runs = 2_000;
        let start = std::time::Instant::now();
        let mut bytes = 0;
        for _ in 0..runs {
            bytes += to_text(std::hint::black_box(&html)).len();
        }
        let each = start.elapsed() / runs;
        println!(
            "{} bytes of HTML -> {} bytes of text: {each:?} per article",
            html.len(),
            bytes / runs as usize
        );
        let plain = "Plain words of a body without markup, AT&T and x<y. ".repeat(100);
        for (name, text) in [("HTML", html.as_str()), ("plain", plain.as_str())] {
            let start = std::time::Instant::now();
            let mut yes = 0;
            for _ in 0..runs {
                yes += usize::from(looks_like_html(std::hint::black_box(text)));
            }
            println!(
                "looks_like_html, {} bytes of {name}: {:?} ({yes})",
                text.len(),
                start.elapsed() / runs
            );
        }
        let start = std::time::Instant::now();
        for _ in 0..runs {
            std::hint::black_box(inline_to_text(std::hint::black_box(
                "Mayor&#8217;s <em>tram</em> plan approved",
            )));
        }
        println!("inline_to_text of a title: {:?}", start.elapsed() / runs);
        let junk = "<div>".repeat(2_000_000);
        let start = std::time::Instant::now();
        let text = to_text(&junk);
        println!(
            "10 MB of nested <div>: {:?} ({} bytes out)",
            start.elapsed(),
            text.len()
        );
        let junk = "<ul><li>".repeat(1_250_000);
        let start = std::time::Instant::now();
        let text = to_text(&junk);
        println!(
            "10 MB of nested <ul><li>: {:?} ({} bytes out)",
            start.elapsed(),
            text.len()
        );
    }
}
