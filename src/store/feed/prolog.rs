//! The start of a feed file, read without parsing: past the prolog (a
//! byte-order mark, white space, the XML declaration, comments, processing
//! instructions and a DOCTYPE) to the root element, its name and the
//! attributes of its start tag.
//!
//! Telling a feed from other text needs no more than the root's name, so a
//! file that is not a feed is never handed to feed-rs to find out; and the
//! rewrites in `prepared` touch only the XML declaration and the root's
//! start tag, whose attributes are found here.

use std::ops::Range;

/// White space as XML counts it.
pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Byte offset of the root element's `<`, past a byte-order mark, white
/// space, the XML declaration, processing instructions, comments and a
/// DOCTYPE (with its internal subset).
pub(super) fn root_element(text: &str) -> Option<usize> {
    let mut at = text.len() - text.trim_start_matches('\u{feff}').len();
    loop {
        at = text.len() - text[at..].trim_start_matches(is_space).len();
        let rest = &text[at..];
        at += if rest.starts_with("<?") {
            rest.find("?>")? + 2
        } else if let Some(comment) = rest.strip_prefix("<!--") {
            comment.find("-->")? + "<!---->".len()
        } else if rest.starts_with("<!DOCTYPE") {
            doctype_len(rest)?
        } else if rest.starts_with('<') {
            return Some(at);
        } else {
            return None;
        };
    }
}

/// Length of the DOCTYPE at the start of `rest`, up to its closing `>`.
fn doctype_len(rest: &str) -> Option<usize> {
    let (mut quote, mut subset) = (None, false);
    for (i, byte) in rest.bytes().enumerate() {
        match (quote, byte) {
            (Some(open), _) if byte == open => quote = None,
            (None, b'"' | b'\'') => quote = Some(byte),
            (None, b'[') => subset = true,
            (None, b']') => subset = false,
            (None, b'>') if !subset => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The name of the element whose `<` is at `at`.
pub(super) fn element_name(text: &str, at: usize) -> &str {
    let rest = text.get(at + 1..).unwrap_or_default();
    let len = rest
        .find(|c| is_space(c) || c == '/' || c == '>')
        .unwrap_or(rest.len());
    &rest[..len]
}

/// Whether `name` is the root element of a feed: `rss`, `RDF` or `feed`,
/// with any prefix.
pub(super) fn is_feed_root(name: &str) -> bool {
    matches!(local_name(name), "rss" | "RDF" | "feed")
}

/// `name` without its namespace prefix.
pub(super) fn local_name(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

/// The attributes of a tag from byte `at` (just past its name) on: the byte
/// ranges of each name and of its value with the quotes. Reading stops at
/// the first thing that is not an attribute, such as the end of the tag.
pub(super) fn attributes(text: &str, mut at: usize) -> Vec<(Range<usize>, Range<usize>)> {
    let bytes = text.as_bytes();
    let skip_space = |from: usize| {
        from + bytes
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| is_space(char::from(b)))
            .count()
    };
    let mut found = Vec::new();
    loop {
        let name_start = skip_space(at);
        let name_len = bytes
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| !is_space(char::from(b)) && !matches!(b, b'=' | b'>' | b'/' | b'?'))
            .count();
        let name = name_start..name_start + name_len;
        let open = skip_space(name.end);
        if name_len == 0 || bytes.get(open) != Some(&b'=') {
            return found;
        }
        let open = skip_space(open + 1);
        let Some(&quote @ (b'"' | b'\'')) = bytes.get(open) else {
            return found;
        };
        let Some(len) = bytes[open + 1..].iter().position(|&b| b == quote) else {
            return found;
        };
        at = open + len + 2;
        found.push((name, open..at));
    }
}

#[cfg(test)]
mod tests {
    use crate::store::feed::looks_like_feed;

    #[test]
    fn sniffing_skips_the_prolog_to_the_root() {
        for text in [
            "<rss version=\"2.0\"><channel/></rss>",
            "\u{feff}<?xml version=\"1.0\"?>\n<rss version=\"2.0\">",
            "  \n<?xml version=\"1.0\"?><!-- made by hand --><?xml-stylesheet href=\"s.xsl\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            "<!DOCTYPE rss [ <!ENTITY lt2 \"a > b\"> ]>\n<rss>",
            "<!DOCTYPE rss PUBLIC \"-//x//DTD RSS 0.91//EN\" \"http://x.example/rss>.dtd\"><rss version=\"0.91\">",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
            "<RDF>",
            "<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">",
            "<rss/>",
        ] {
            assert!(looks_like_feed(text), "{text:?}");
        }
    }

    #[test]
    fn sniffing_is_not_fooled_by_html_json_or_other_xml() {
        for text in [
            "<!DOCTYPE html><html><head><title>rss</title></head></html>",
            "<html><body><rss></rss></body></html>",
            r#"{"articles":[{"title":"<rss>","body":"b"}]}"#,
            "[]",
            "Title line\n<rss> in the body",
            "<rsstuff>",
            "<feeds>",
            "<entry xmlns=\"http://www.w3.org/2005/Atom\">",
            "<!-- never closed <rss>",
            "<?xml version=\"1.0\"?>",
            "",
        ] {
            assert!(!looks_like_feed(text), "{text:?}");
        }
    }
}
