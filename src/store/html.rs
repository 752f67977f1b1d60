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
//! so this module works around it. Each file below says why it does what it
//! does; in the order a body goes through them:
//!
//! - [`detection`]: whether a string is HTML at all, told by the tags of
//!   common elements.
//! - [`pieces`]: deeply nested input cut into pieces that html5ever parses
//!   in reasonable time.
//! - [`render`](mod@render): each piece parsed, prepared and rendered with
//!   unlimited width, by the [`decorator`] that adds no marks.
//! - [`preparation`]: the parsed document rewritten before it is rendered:
//!   line breaks, blocks, tables, lists, dropped elements, depth, all with
//!   the [`breaks`] that html2text carries through as text.
//! - [`layout`]: the rendered lines laid out as text on a [`page`], with
//!   list marks kept with their items and the [`links`] listed at the end.
//!
//! Text without tags is laid out as it is, lines and paragraphs kept. If it
//! holds a `&`, it is first escaped and rendered as the content of a `<pre>`,
//! so that references ending in `;` (`&amp;`, `&#8217;`) are decoded while a
//! bare `&` ("AT&T") stays. Control characters, soft hyphens and zero-width
//! spaces are dropped everywhere: they show nothing and get in the way of
//! searching.

mod breaks;
mod decorator;
mod detection;
mod layout;
mod links;
mod page;
mod pieces;
mod preparation;
mod render;

pub(crate) use detection::looks_like_html;

use breaks::without_marks;
use layout::{lay_out, one_line, plain_to_text};
use render::render;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_numeric_and_hex_entities_are_decoded() {
        assert_eq!(
            to_text("<p>AT&amp;T &eacute;t&eacute; &#8220;quoted&#8221; caf&#xE9; &lt;tag&gt;</p>"),
            "AT&T été “quoted” café <tag>"
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
    fn a_control_character_cannot_hide_a_tag() {
        // Found by the html_body fuzz target: `</` and a control character
        // were taken as text, and the text without the control spelled a tag.
        assert_eq!(to_text("<p>One</\u{18}p><p>Two</p>"), "One\n\nTwo");
        let found = to_text("<<\0a hrx>></\u{18}\u{18}hrefe <a hr");
        assert!(!found.contains("</"), "{found:?}");
        assert_eq!(inline_to_text("A\u{7}B &amp; C"), "AB & C");
    }

    #[test]
    fn plain_text_has_references_with_a_semicolon_decoded() {
        assert_eq!(
            to_text("Tom &amp; Jerry &#8217;s &#x2014; fish&chips &copy &c; &unknown;"),
            "Tom & Jerry ’s — fish&chips &copy &c; &unknown;"
        );
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

    mod properties {
        use super::*;
        use crate::store::html::layout::list_mark_len;
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
