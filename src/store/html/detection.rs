//! Telling HTML from plain text.
//!
//! Feeds and APIs do not say whether a field holds HTML, and plain text
//! holds a `<` often enough ("x<y", "I <3 news", `Vec<String>`). A string
//! counts as HTML only when it holds a tag of a common element, a comment or
//! a doctype; the list of elements leaves out the names that plain text
//! tends to write between `<` and `>`. Every field of every article goes
//! through the scan, so it is linear and allocates nothing; a naive oracle
//! in the tests holds it to the obvious reading of the rule.

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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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

    proptest! {
        #[test]
        fn looks_like_html_agrees_with_the_naive_scan(
            text in "([<>/! \n\t=\"-]|[pPbBrRaA]{1,3}|h[1-7]|div|span|!--|doctype|x|3)*"
        ) {
            prop_assert_eq!(looks_like_html(&text), looks_like_html_naive(&text));
        }
    }
}
